//! The default view: each growth rate of the review year against its plan-year target.

use std::rc::Rc;
use yew::prelude::*;

use super::chart_canvas::{ChartCanvas, ChartSpec};
use super::i18n::{indicator, tr, value_label, value_spoken, year_label};
use super::quote::quote;
use super::store::{dispatch, StoreHandle};
use super::use_data;
use crate::chart::Growth;
use crate::data::{Dataset, Figure, Period};
use crate::state::{compare_rows, Action, CompareRow, Lang, View};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub store: StoreHandle,
}

use crate::present::{chart_title, compare_row_label, compare_view_summary};
pub use crate::present::{compare_chart_rows as chart_rows, direction_words};

#[function_component(CompareView)]
pub fn compare_view(props: &Props) -> Html {
    let view = &props.store.view;
    let lang = view.lang;
    let data = use_data();
    let r = &data.report;
    let rows = compare_rows(data, view);
    let hovered = use_state(|| None::<String>);
    // Keyboard focus in the table twin highlights the chart row; it does not open the
    // detail card, which would shift the table under the pointer mid-click.
    let highlight = use_state(|| None::<String>);
    let spec = Rc::new(ChartSpec::new(Growth(chart_rows(lang, &rows))));
    let summary = compare_view_summary(lang, r, view, &rows);
    let on_hover = {
        let hovered = hovered.clone();
        Callback::from(move |id| hovered.set(id))
    };
    let on_select = select_callback(&props.store);
    let shown = (*hovered).clone().or(view.focus.clone());
    let detail = shown
        .and_then(|id| rows.iter().find(|r| r.id == id))
        .map(|row| detail(data, lang, row));
    html! {
        <section aria-labelledby="compare-title">
            <h2 id="compare-title">{ chart_title(lang, r, View::Compare) }</h2>
            <p class="summary">{ summary.clone() }</p>
            <ChartCanvas spec={spec} selected={view.focus.clone()} hovered={(*hovered).clone().or((*highlight).clone())}
                legend_review={year_label(lang, r, Period::Review)} legend_plan={year_label(lang, r, Period::Plan)}
                label={summary} {on_hover} {on_select} />
            <div class="detail" aria-live="polite">{ detail.unwrap_or_default() }</div>
            { compare_table(data, &props.store, &highlight) }
        </section>
    }
}

pub fn select_callback(store: &StoreHandle) -> Callback<String> {
    let store = store.clone();
    Callback::from(move |id: String| {
        let again = store.view.focus.as_deref() == Some(id.as_str());
        dispatch(&store, Action::Focus(if again { None } else { Some(id) }));
    })
}

fn detail(data: &Dataset, lang: Lang, row: &CompareRow) -> Html {
    let r = &data.report;
    let f = row.to;
    let side = |fig: Option<&Figure>, year: Period| match fig {
        Some(fig) => html! {
            <div class="side">
                <p><strong>{ year_label(lang, r, year) }</strong>{ "：" }{ value_spoken(lang, fig) }</p>
                { quote(&fig.quote, lang) }
            </div>
        },
        None => html! {
            <div class="side"><p><strong>{ year_label(lang, r, year) }</strong>{ "：" }{ tr(lang, "报告未给出", "not given in the report") }</p></div>
        },
    };
    html! {
        <div class="detail-card">
            <h3>{ indicator(lang, f) }{ " — " }{ direction_words(lang, r, row.direction) }</h3>
            { side(row.from, Period::Review) }
            { side(Some(row.to), Period::Plan) }
        </div>
    }
}

/// The chart's twin: the same rows and numbers as a table, with a select button per row.
fn compare_table(
    data: &Dataset,
    store: &StoreHandle,
    highlight: &UseStateHandle<Option<String>>,
) -> Html {
    let view = &store.view;
    let lang = view.lang;
    let r = &data.report;
    let rows = compare_rows(data, view);
    let select = select_callback(store);
    html! {
        <table class="twin">
            <caption>{ tr(lang, "图表数据（表格）", "Chart data as a table") }</caption>
            <thead><tr>
                <th scope="col">{ tr(lang, "指标", "Indicator") }</th>
                <th scope="col">{ year_label(lang, r, Period::Review) }</th>
                <th scope="col">{ year_label(lang, r, Period::Plan) }</th>
                <th scope="col">{ tr(lang, "比较", "Change") }</th>
            </tr></thead>
            <tbody>
            { for rows.iter().map(|row| {
                let id = row.id.clone();
                let selected = view.focus.as_deref() == Some(id.as_str());
                let onclick = { let select = select.clone(); let id = id.clone(); Callback::from(move |_| select.emit(id.clone())) };
                let onfocus = { let h = highlight.clone(); let id = id.clone(); Callback::from(move |_| h.set(Some(id.clone()))) };
                let cell = |f: Option<&Figure>| f.map(|f| value_label(lang, f) + if f.estimate { tr(lang, "（预计）", " (est.)") } else { "" }).unwrap_or_else(|| "—".into());
                html! {
                    <tr class={classes!(selected.then_some("selected"))}>
                        <th scope="row">
                            <button type="button" class="row-select" aria-pressed={selected.to_string()} {onclick} {onfocus}>
                                { compare_row_label(lang, row) }
                            </button>
                        </th>
                        <td>{ cell(row.from) }</td>
                        <td>{ cell(Some(row.to)) }</td>
                        <td>{ direction_words(lang, r, row.direction) }</td>
                    </tr>
                }
            }) }
            </tbody>
        </table>
    }
}
