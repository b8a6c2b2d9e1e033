//! Every chart tab (growth, levels): its heading, sentence, chart, detail card and the
//! chart's twin as a table, all from `present::chart_tab`. A new chart tab needs nothing
//! here.

use std::rc::Rc;
use yew::prelude::*;

use super::chart_canvas::{ChartCanvas, ChartSpec};
use super::i18n::{html_lang, tr, value_spoken, year_label};
use super::quote::quote;
use crate::data::{Figure, Period, Report};
use crate::present::{chart_tab, TabRow};
use crate::state::{Lang, ViewState};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub view: Rc<ViewState>,
    /// The view as of the frame before (`after_frame::use_after_frame`): the table twin
    /// shows it, so the frame after a change carries only the chart's.
    pub later: Rc<ViewState>,
    /// Whether the table twin is rendered: not in the page's first render, so the first
    /// frame carries the chart without the table's rows to create and lay out.
    pub twin: bool,
    /// A row chosen on the chart or in the table (`Action::ToggleFocus`: the focus, or
    /// none when it is chosen again).
    pub on_select: Callback<String>,
    /// The chart's box (`ChartCanvas`), which the share panel measures.
    pub chart_box: NodeRef,
}

#[function_component(ChartView)]
pub fn chart_view(props: &Props) -> Html {
    let view: &ViewState = &props.view;
    let lang = view.lang;
    let data = super::data();
    let r = &data.report;
    let hovered = use_state(|| None::<String>);
    // Keyboard focus in the table twin highlights the chart row; it does not open the
    // detail card, which would shift the table under the pointer mid-click.
    let highlight = use_state(|| None::<String>);
    // The table twin as last built, with the view it shows (see `twin` below).
    let twin_cache = use_mut_ref(|| None::<(Rc<ViewState>, Html)>);
    let Some(tab) = chart_tab(lang, data, view) else {
        return Html::default();
    };
    let spec = Rc::new(ChartSpec(tab.chart));
    let on_hover = {
        let hovered = hovered.clone();
        Callback::from(move |id| hovered.set(id))
    };
    let select = &props.on_select;
    let shown = (*hovered).clone().or(view.focus.clone());
    let detail = shown
        .and_then(|id| tab.rows.iter().find(|row| row.id == id))
        .map(|row| detail(lang, r, row));
    let title_id = format!("{}-title", view.view.slug());
    if tab.rows.is_empty() {
        // The sentence says nothing matches; an empty axis and an empty table would only
        // look like a chart that failed to draw.
        return html! {
            <section aria-labelledby={title_id.clone()}>
                <h2 id={title_id}>{ tab.title.clone() }</h2>
                <p class="summary">{ tab.summary.clone() }</p>
            </section>
        };
    }
    // The twin shows `props.later`, the view as of the frame before. The table built for
    // that view is kept and shown again until the view moves on: in the render of a change
    // (the old view's rows are neither worked out again nor rebuilt) and in the renders a
    // hover or a keyboard highlight makes. Built from the chart's rows when it is the view
    // on screen; without a kept one for the old view (the tab was the figures list, or had
    // no rows), the chart's rows are shown at once.
    let twin = if !props.twin {
        Html::default()
    } else {
        let kept = twin_cache
            .borrow()
            .as_ref()
            .filter(|(shown, _)| **shown == *props.later)
            .map(|(_, kept)| kept.clone());
        kept.unwrap_or_else(|| {
            let built = twin_table(
                lang,
                r,
                &tab.rows,
                tab.change_header,
                view.focus.as_deref(),
                select,
                &highlight,
            );
            if *props.later == *view {
                *twin_cache.borrow_mut() = Some((props.later.clone(), built.clone()));
            }
            built
        })
    };
    html! {
        <section aria-labelledby={title_id.clone()}>
            <h2 id={title_id}>{ tab.title.clone() }</h2>
            <p class="summary">{ tab.summary.clone() }</p>
            <ChartCanvas spec={spec} lang={html_lang(lang)} selected={view.focus.clone()} hovered={(*hovered).clone().or((*highlight).clone())}
                base={Rc::new(crate::present::chart_options(lang, r))}
                label={tab.summary.clone()} {on_hover} on_select={select.clone()} box_ref={props.chart_box.clone()} />
            <div class="detail" aria-live="polite">{ detail.unwrap_or_default() }</div>
            { twin }
        </section>
    }
}

/// The chart's data as a table (the chart's twin for screen readers and for copying).
fn twin_table(
    lang: Lang,
    r: &Report,
    rows: &[TabRow],
    change_header: &'static str,
    focus: Option<&str>,
    select: &Callback<String>,
    highlight: &UseStateHandle<Option<String>>,
) -> Html {
    if rows.is_empty() {
        return Html::default();
    }
    html! {
        <table class="twin">
            <caption>{ tr(lang, "图表数据（表格）", "Chart data as a table") }</caption>
            <thead><tr>
                <th scope="col">{ tr(lang, "指标", "Indicator") }</th>
                <th scope="col">{ year_label(lang, r, Period::Review) }</th>
                <th scope="col">{ year_label(lang, r, Period::Plan) }</th>
                <th scope="col">{ change_header }</th>
            </tr></thead>
            <tbody>
            { for rows.iter().map(|row| {
                let selected = focus == Some(row.id.as_str());
                let onclick = { let s = select.clone(); let id = row.id.clone(); Callback::from(move |_| s.emit(id.clone())) };
                let onfocus = { let h = highlight.clone(); let id = row.id.clone(); Callback::from(move |_| h.set(Some(id.clone()))) };
                html! {
                    <tr data-selected={selected.then_some("")}>
                        <th scope="row"><button type="button" class="row-select" aria-pressed={selected.to_string()} {onclick} {onfocus}>{ row.label }</button></th>
                        <td>{ row.from_cell.clone() }</td>
                        <td>{ row.to_cell.clone() }</td>
                        <td>{ row.change.clone() }</td>
                    </tr>
                }
            }) }
            </tbody>
        </table>
    }
}

/// The card under the chart: both figures of the row, spoken, with their quotes.
fn detail(lang: Lang, r: &Report, row: &TabRow) -> Html {
    let side = |fig: Option<&Figure>, period: Period| match fig {
        Some(fig) => html! {
            <div class="side">
                <p><strong>{ year_label(lang, r, period) }</strong>{ "：" }{ value_spoken(lang, fig) }</p>
                { quote(&fig.quote, lang) }
            </div>
        },
        None => html! {
            <div class="side"><p><strong>{ year_label(lang, r, period) }</strong>{ "：" }{ tr(lang, "报告未给出", "not given in the report") }</p></div>
        },
    };
    html! {
        <div class="detail-card">
            <h3>{ row.heading.clone() }</h3>
            { side(row.from, Period::Review) }
            { side(Some(row.to), Period::Plan) }
        </div>
    }
}
