//! The default view: each 2023 growth rate against its 2024 target.

use std::rc::Rc;
use yew::prelude::*;

use super::chart_canvas::{ChartCanvas, ChartSpec};
use super::i18n::{indicator, is_en, tr, value_label, value_spoken, year_label};
use super::quote::quote;
use super::store::{dispatch, StoreHandle};
use crate::chart;
use crate::data::{Dataset, Direction, Figure};
use crate::state::{compare_rows, compare_summary, Action, CompareRow, Lang};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub store: StoreHandle,
}

pub fn mark(lang: Lang, f: &Figure) -> chart::Mark {
    chart::Mark {
        value: f.value,
        qualifier: f.qualifier,
        estimate: f.estimate,
        label: value_label(lang, f),
    }
}

fn row_label(lang: Lang, row: &CompareRow) -> String {
    let f = row.to.or(row.from).expect("a row has a figure");
    indicator(lang, f).to_string()
}

pub fn direction_words(lang: Lang, d: Option<Direction>) -> &'static str {
    match d {
        Some(Direction::Lower) => tr(lang, "目标低于去年", "target below 2023"),
        Some(Direction::Equal) => tr(lang, "目标与去年持平", "target level with 2023"),
        Some(Direction::Higher) => tr(lang, "目标高于去年", "target above 2023"),
        Some(Direction::NotComparable) => tr(lang, "不可比", "not comparable"),
        None => tr(lang, "仅有2024年目标", "2024 target only"),
    }
}

/// One sentence, computed from the rows on screen.
pub fn summary_text(lang: Lang, rows: &[CompareRow]) -> String {
    let s = compare_summary(rows);
    let paired = s.lower + s.equal + s.higher;
    if rows.is_empty() {
        return tr(
            lang,
            "没有符合筛选条件的增速指标。",
            "No growth indicator matches the filters.",
        )
        .into();
    }
    if is_en(lang) {
        format!(
            "Of {paired} growth targets with a 2023 result, {} {} below last year's pace, {} level with it and {} above it; {} more {} a 2024 target only.",
            s.lower, if s.lower == 1 { "is" } else { "are" }, s.equal, s.higher, s.alone,
            if s.alone == 1 { "is" } else { "are" }
        )
    } else {
        format!(
            "在{paired}项有2023年实绩的增速指标中，{}项2024年目标低于去年实际增速，{}项持平，{}项更高；另有{}项只有2024年目标。",
            s.lower, s.equal, s.higher, s.alone
        )
    }
}

/// The rows as the chart draws them, for the canvas and the SVG download alike.
pub fn chart_rows(lang: Lang, rows: &[CompareRow]) -> Vec<chart::CompareRow> {
    rows.iter()
        .map(|r| chart::CompareRow {
            id: r.id.clone(),
            label: row_label(lang, r),
            from: r.from.map(|f| mark(lang, f)),
            to: r.to.map(|f| mark(lang, f)),
        })
        .collect()
}

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
    let summary = if rows.is_empty() && !view.counties.is_empty() {
        // Growth rates in the report are prefecture-wide; say so rather than show nothing.
        tr(lang, "报告没有给出县级增速，所选县（市）没有增速对比。请在“按县查看”中查看报告对该县的全部表述。",
           "The report gives no county-level growth rates, so there is nothing to compare for the chosen counties. See \"By county\" for everything it says about them.").to_string()
    } else {
        summary_text(lang, &rows)
    };
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
            <h2 id="compare-title">{ tr(lang, "2024年增长目标与2023年实际增速", "2024 growth targets against 2023 growth") }</h2>
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
                                { row_label(lang, row) }
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
