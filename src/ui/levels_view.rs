//! Level measures reported in the same unit both years, with the implied change.

use std::rc::Rc;
use yew::prelude::*;

use super::chart_canvas::{ChartCanvas, ChartSpec};
use super::compare_view::select_callback;
use super::i18n::{indicator, tr, value_label, value_spoken, year_label};
use super::quote::quote;
use super::store::StoreHandle;
use super::use_data;
use crate::chart::Levels;
use crate::data::Period;
use crate::state::{level_rows, View};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub store: StoreHandle,
}

pub use crate::present::level_chart_rows as chart_rows;
use crate::present::{change_text, chart_title, levels_summary_text};

#[function_component(LevelsView)]
pub fn levels_view(props: &Props) -> Html {
    let view = &props.store.view;
    let lang = view.lang;
    let data = use_data();
    let report = &data.report;
    let rows = level_rows(data, view);
    let hovered = use_state(|| None::<String>);
    // Keyboard focus in the table twin highlights the chart row; it does not open the
    // detail card, which would shift the table under the pointer mid-click.
    let highlight = use_state(|| None::<String>);
    let spec = Rc::new(ChartSpec::new(Levels(chart_rows(lang, &rows))));
    let text = levels_summary_text(lang, report, &rows);
    let on_hover = {
        let hovered = hovered.clone();
        Callback::from(move |id| hovered.set(id))
    };
    let select = select_callback(&props.store);
    let shown = (*hovered).clone().or(view.focus.clone());
    let detail = shown.and_then(|id| rows.iter().find(|r| r.id == id)).map(|r| html! {
        <div class="detail-card">
            <h3>{ indicator(lang, r.to) }{ " " }{ change_text(r.change_pct) }</h3>
            <div class="side"><p><strong>{ year_label(lang, report, Period::Review) }</strong>{ "：" }{ value_spoken(lang, r.from) }</p>{ quote(&r.from.quote, lang) }</div>
            <div class="side"><p><strong>{ year_label(lang, report, Period::Plan) }</strong>{ "：" }{ value_spoken(lang, r.to) }</p>{ quote(&r.to.quote, lang) }</div>
        </div>
    });
    html! {
        <section aria-labelledby="levels-title">
            <h2 id="levels-title">{ chart_title(lang, report, View::Levels) }</h2>
            <p class="summary">{ text.clone() }</p>
            <ChartCanvas spec={spec} selected={view.focus.clone()} hovered={(*hovered).clone().or((*highlight).clone())}
                legend_review={year_label(lang, report, Period::Review)} legend_plan={year_label(lang, report, Period::Plan)}
                label={text} {on_hover} on_select={select.clone()} />
            <div class="detail" aria-live="polite">{ detail.unwrap_or_default() }</div>
            <table class="twin">
                <caption>{ tr(lang, "图表数据（表格）", "Chart data as a table") }</caption>
                <thead><tr>
                    <th scope="col">{ tr(lang, "指标", "Indicator") }</th>
                    <th scope="col">{ year_label(lang, report, Period::Review) }</th>
                    <th scope="col">{ year_label(lang, report, Period::Plan) }</th>
                    <th scope="col">{ tr(lang, "变化", "Change") }</th>
                </tr></thead>
                <tbody>
                { for rows.iter().map(|r| {
                    let selected = view.focus.as_deref() == Some(r.id.as_str());
                    let onclick = { let s = select.clone(); let id = r.id.clone(); Callback::from(move |_| s.emit(id.clone())) };
                    let onfocus = { let h = highlight.clone(); let id = r.id.clone(); Callback::from(move |_| h.set(Some(id.clone()))) };
                    html! {
                        <tr class={classes!(selected.then_some("selected"))}>
                            <th scope="row"><button type="button" class="row-select" aria-pressed={selected.to_string()} {onclick} {onfocus}>{ indicator(lang, r.to) }</button></th>
                            <td>{ value_label(lang, r.from) }</td>
                            <td>{ value_label(lang, r.to) }</td>
                            <td>{ change_text(r.change_pct) }</td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
        </section>
    }
}
