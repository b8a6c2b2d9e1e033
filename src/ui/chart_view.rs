//! Every chart tab (growth, levels): its heading, sentence, chart, detail card and the
//! chart's twin as a table, all from `present::chart_tab`. A new chart tab needs nothing
//! here.

use std::rc::Rc;
use yew::prelude::*;

use super::chart_canvas::{ChartCanvas, ChartSpec};
use super::i18n::{html_lang, tr, value_spoken, year_label};
use super::quote::quote;
use crate::data::{Figure, Period, Report};
use crate::present::{chart_tab, twin_table_html, TabRow};
use crate::state::{Lang, ViewState};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub view: Rc<ViewState>,
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
    // The twin comes as one piece of HTML (`present::twin_table_html`); which row is
    // chosen is set on its rows in place after each render, so that a row's button keeps
    // the keyboard focus when it is pressed.
    let tbody = use_node_ref();
    {
        let (tbody, focus) = (tbody.clone(), view.focus.clone());
        use_effect(move || mark_chosen(&tbody, focus.as_deref()));
    }
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
    // The twin changes with the chart, in the same render, so that no frame shows a
    // chart and a table that disagree.
    let twin = if props.twin {
        twin_table(
            lang,
            r,
            &tab.rows,
            tab.change_header,
            select,
            &highlight,
            tbody,
        )
    } else {
        Html::default()
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
/// A click or keyboard focus on a row's button is heard on the table's box, which reads
/// the row from the button's `data-id`.
fn twin_table(
    lang: Lang,
    r: &Report,
    rows: &[TabRow],
    change_header: &'static str,
    select: &Callback<String>,
    highlight: &UseStateHandle<Option<String>>,
    tbody: NodeRef,
) -> Html {
    let onclick = {
        let select = select.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(id) = row_id(&e) {
                select.emit(id);
            }
        })
    };
    let onfocusin = {
        let highlight = highlight.clone();
        Callback::from(move |e: FocusEvent| {
            if let Some(id) = row_id(&e) {
                highlight.set(Some(id));
            }
        })
    };
    let headers = [
        tr(lang, "指标", "Indicator"),
        &year_label(lang, r, Period::Review),
        &year_label(lang, r, Period::Plan),
        change_header,
    ];
    let caption = tr(lang, "图表数据（表格）", "Chart data as a table");
    let table = twin_table_html(caption, headers, rows);
    html! {
        <div class="twin-box" ref={tbody} {onclick} {onfocusin}>
            { Html::from_html_unchecked(AttrValue::from(table)) }
        </div>
    }
}

/// The row whose button the event came from (`data-id`, written by `twin_table_html`).
fn row_id(e: &Event) -> Option<String> {
    let target: web_sys::Element = e.target_dyn_into()?;
    target
        .closest("button.row-select")
        .ok()??
        .get_attribute("data-id")
}

/// Marks the chosen row (`aria-pressed` on its button, `data-selected` on the row) and
/// unmarks the others, touching only attributes that change.
fn mark_chosen(tbody: &NodeRef, focus: Option<&str>) {
    let Some(body) = tbody
        .cast::<web_sys::Element>()
        .and_then(|b| b.query_selector("tbody").ok().flatten())
    else {
        return;
    };
    let mut row = body.first_element_child();
    while let Some(tr) = row {
        if let Some(button) = tr
            .first_element_child()
            .and_then(|th| th.first_element_child())
        {
            let chosen = focus.is_some() && button.get_attribute("data-id").as_deref() == focus;
            let pressed = if chosen { "true" } else { "false" };
            if button.get_attribute("aria-pressed").as_deref() != Some(pressed) {
                let _ = button.set_attribute("aria-pressed", pressed);
                let _ = if chosen {
                    tr.set_attribute("data-selected", "")
                } else {
                    tr.remove_attribute("data-selected")
                };
            }
        }
        row = tr.next_element_sibling();
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
