use gloo::events::EventListener;
use yew::prelude::*;

use super::i18n::{html_lang, tr};
use super::store::{Msg, On, Store};
use super::{
    after_frame, chart_view, county_view, figures_view, filters, header, layout, notices, share,
    tabs, url,
};
use crate::present;
use crate::state::View;

#[function_component(App)]
pub fn app() -> Html {
    let data = super::data();
    let store = use_reducer(|| {
        let (view, embedding, notices) = url::read(data);
        Store {
            view: view.into(),
            embedding,
            write: None,
            notices,
        }
    });
    let on = use_memo((), |_| On::new(store.dispatcher()));

    // The URL follows the state (one effect, written after the frame that shows the
    // change: `history.pushState` is a visible share of a filter change's work,
    // docs/performance.md), and back/forward feed it back (one listener).
    let pending: after_frame::Pending = use_mut_ref(|| None);
    {
        let view = store.view.clone();
        let embedding = store.embedding.clone();
        let write = store.write;
        let pending = pending.clone();
        use_effect_with(view.clone(), move |_| {
            after_frame::flush(&pending);
            if let Some(mode) = write {
                after_frame::after_next_frame(
                    &pending,
                    Box::new(move || url::write(data, &view, &embedding, mode)),
                );
            }
        });
    }
    {
        let store = store.dispatcher();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "popstate", move |_| {
                after_frame::cancel(&pending);
                let (view, embedding, notices) = url::read(data);
                store.dispatch(Msg::FromUrl(view, embedding, notices));
            });
            move || drop(listener)
        });
    }
    // The page's language follows the view, for screen readers and fonts.
    {
        let lang = store.view.lang;
        use_effect_with(lang, move |_| {
            if let Some(root) = gloo::utils::document().document_element() {
                let _ = root.set_attribute("lang", html_lang(lang));
            }
            gloo::utils::document().set_title(&present::app_title(lang, &data.report));
        });
    }

    let embed = store.embedding.embed;
    super::embed_height::use_embed_height(embed, store.embedding.child_id.clone());

    // The chart comes first; the chart's table twin follows in the next task, then the
    // filters and the share panel in the task after that (most of the whole page's first
    // render is spent on parts below or beside the chart); until
    // then the content is `aria-busy`. The table comes before the share panel, which sits
    // under it: rendered together, Yew could let a frame show the panel before the
    // table pushed it down (a layout shift, caught by tests/e2e/static-pages.spec.mjs).
    // On a phone the filters sit above the content, so rendering them later would push
    // the chart down a screen after it appeared: there everything comes in the first
    // render. An embed keeps its table in the first render too, so its host hears one
    // height, not two in a row.
    // Whether the page has the phone's one-column layout (`layout::stacked`, from the
    // style sheet's one breakpoint), read once: the filters start folded away there too.
    let stacked = *use_state(layout::stacked);
    let rest_ready = use_state(|| stacked && !embed);
    let twin_ready = use_state(|| *rest_ready);
    {
        let (rest_ready, twin_ready) = (rest_ready.clone(), twin_ready.clone());
        // Runs after the first render, then after the render that added the table.
        use_effect_with(*twin_ready, move |table| {
            // The first render: the table is not there yet, or (a phone) everything is.
            if !*table || *rest_ready {
                super::mark("app-rendered");
            }
            let next = if *table { rest_ready } else { twin_ready };
            if !*next {
                gloo::timers::callback::Timeout::new(0, move || next.set(true)).forget();
            }
        });
    }
    let rest_ready = *rest_ready;
    // The share panel follows a change one frame after the view (its links and
    // embed codes are not what a reader looks at as the chart changes); the chart, its
    // table twin, the summary and the count change together.
    let later = after_frame::use_after_frame(&store.view);
    let twin_ready = *twin_ready || embed;
    // The chart's box: the chart is as wide as it measures, and so is a download "as on
    // screen" (the share panel).
    let chart_box = use_node_ref();

    let view = &store.view;
    let lang = view.lang;
    let panel = match view.view {
        View::Figures => {
            html! { <figures_view::FiguresView view={view.clone()} on_sort={on.sort.clone()} /> }
        }
        View::County => county_view::county_view(data, view, &on.counties),
        // Every other tab is a chart tab (present::chart_tab).
        _ => html! {
            <chart_view::ChartView view={view.clone()} twin={twin_ready}
                on_select={on.toggle_focus.clone()} chart_box={chart_box.clone()} />
        },
    };
    html! {
        <div class="app" data-embed={embed.then_some("")} lang={html_lang(lang)}>
            if !embed {
                { header::header(data, lang, &on.lang) }
            }
            { notices::notices(lang, &store.notices, &on.dismiss_notices) }
            <div class="layout">
                if !embed {
                    // The slot keeps the grid columns in place before the filters arrive,
                    // so the chart is drawn once, at its final width.
                    <div class="filters-slot">
                        if rest_ready { <filters::Filters view={view.clone()} on_action={on.action.clone()} folded={stacked} /> }
                    </div>
                }
                <main class="content" aria-label={tr(lang, "数据视图", "Data view")} aria-busy={(!rest_ready).then_some("true")}>
                    if embed {
                        // The chrome is gone, but the page still needs its top-level heading.
                        <h1 class="visually-hidden">{ present::app_title(lang, &data.report) }</h1>
                    } else {
                        { tabs::tabs(data, lang, view.view, &on.view) }
                    }
                    <div class="panel" id="panel" role={(!embed).then_some("tabpanel")}>
                        { panel }
                    </div>
                    if embed {
                        { share::embed_footer(data, view) }
                    } else {
                        if rest_ready { <share::SharePanel view={later} {chart_box} /> }
                    }
                </main>
            </div>
        </div>
    }
}
