//! The rows of the data layer as the charts draw them.

use super::{indicator, value_label, year_label};
use crate::chart;
use crate::data::{format, Figure, Period, Report};
use crate::state::{CompareRow, Lang, LevelRow};

pub fn mark(lang: Lang, f: &Figure) -> chart::Mark {
    chart::Mark {
        value: f.value,
        qualifier: f.qualifier,
        estimate: f.estimate,
        label: value_label(lang, f),
    }
}

pub fn compare_row_label<'d>(lang: Lang, row: &CompareRow<'d>) -> &'d str {
    indicator(lang, row.to)
}

/// The growth rows as the chart draws them, for the canvas and the SVG download alike.
pub fn compare_chart_rows(lang: Lang, rows: &[CompareRow]) -> Vec<chart::GrowthItem> {
    rows.iter()
        .map(|r| chart::GrowthItem {
            id: r.id.clone(),
            label: compare_row_label(lang, r).to_string(),
            from: r.from.map(|f| mark(lang, f)),
            to: Some(mark(lang, r.to)),
        })
        .collect()
}

/// The level rows as the chart draws them.
pub fn level_chart_rows(lang: Lang, rows: &[LevelRow]) -> Vec<chart::LevelItem> {
    rows.iter()
        .map(|r| chart::LevelItem {
            id: r.id.clone(),
            label: indicator(lang, r.to).to_string(),
            from_label: value_label(lang, r.from),
            to_label: value_label(lang, r.to),
            change_pct: r.change_pct,
        })
        .collect()
}

/// A level row's change as the chart, the table twin and the detail card print it.
pub fn change_text(pct: f64) -> String {
    format::signed_pct(pct)
}

/// The drawing options every chart of the report starts from, on the page, in a download
/// and in a preview image: the legend names the report's two years. Callers set the size,
/// theme and selection on top.
pub fn chart_options(lang: Lang, r: &Report) -> chart::Options {
    chart::Options {
        legend_review: year_label(lang, r, Period::Review),
        legend_plan: year_label(lang, r, Period::Plan),
        ..chart::Options::default()
    }
}
