//! The default view: each 2023 growth rate against its 2024 target.

use std::rc::Rc;
use yew::prelude::*;

use super::chart_canvas::{ChartCanvas, ChartSpec};
use super::i18n::{indicator, tr, value_label, value_spoken, year_label};
use super::quote::quote;
use super::store::{dispatch, StoreHandle};
use crate::data::{Dataset, Figure};
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
    let data = Dataset::embedded();
    let rows = compare_rows(data, view);
    let hovered = use_state(|| None::<String>);
    // Keyboard focus in the table twin highlights the chart row; it does not open the
    // detail card, which would shift the table under the pointer mid-click.
    let highlight = use_state(|| None::<String>);
    let spec = Rc::new(ChartSpec::Compare(chart_rows(lang, &rows)));
    let summary = compare_view_summary(lang, view, &rows);
    let on_hover = {
        let hovered = hovered.clone();
        Callback::from(move |id| hovered.set(id))
    };
    let on_select = select_callback(&props.store);
    let shown = (*hovered).clone().or(view.focus.clone());
    let detail = shown
        .and_then(|id| rows.iter().find(|r| r.id == id))
        .map(|row| detail(lang, row));
    html! {
        <section aria-labelledby="compare-title">
            <h2 id="compare-title">{ chart_title(lang, View::Compare) }</h2>
            <p class="summary">{ summary.clone() }</p>
            <ChartCanvas spec={spec} selected={view.focus.clone()} hovered={(*hovered).clone().or((*highlight).clone())}
                legend_2023={year_label(lang, 2023)} legend_2024={year_label(lang, 2024)}
                label={summary} {on_hover} {on_select} />
            <div class="detail" aria-live="polite">{ detail.unwrap_or_default() }</div>
            { compare_table(&props.store, &highlight) }
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

fn detail(lang: Lang, row: &CompareRow) -> Html {
    let f = row.to.or(row.from).expect("a row has a figure");
    let side = |fig: Option<&Figure>, year: u16| match fig {
        Some(fig) => html! {
            <div class="side">
                <p><strong>{ year_label(lang, year) }</strong>{ "：" }{ value_spoken(lang, fig) }</p>
                { quote(&fig.quote, lang) }
            </div>
        },
        None => html! {
            <div class="side"><p><strong>{ year_label(lang, year) }</strong>{ "：" }{ tr(lang, "报告未给出", "not given in the report") }</p></div>
        },
    };
    html! {
        <div class="detail-card">
            <h3>{ indicator(lang, f) }{ " — " }{ direction_words(lang, row.direction) }</h3>
            { side(row.from, 2023) }
            { side(row.to, 2024) }
        </div>
    }
}

/// The chart's twin: the same rows and numbers as a table, with a select button per row.
fn compare_table(store: &StoreHandle, highlight: &UseStateHandle<Option<String>>) -> Html {
    let view = &store.view;
    let lang = view.lang;
    let rows = compare_rows(Dataset::embedded(), view);
    let select = select_callback(store);
    html! {
        <table class="twin">
            <caption>{ tr(lang, "图表数据（表格）", "Chart data as a table") }</caption>
            <thead><tr>
                <th scope="col">{ tr(lang, "指标", "Indicator") }</th>
                <th scope="col">{ year_label(lang, 2023) }</th>
                <th scope="col">{ year_label(lang, 2024) }</th>
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
                        <td>{ cell(row.to) }</td>
                        <td>{ direction_words(lang, row.direction) }</td>
                    </tr>
                }
            }) }
            </tbody>
        </table>
    }
}
