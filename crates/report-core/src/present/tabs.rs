//! The registry of chart tabs: for a view, its heading, sentence, chart and table twin.

use super::*;
use crate::chart::{self, Chart};
use crate::data::{Dataset, Figure};
use crate::state::{compare_rows, level_rows, Lang, View, ViewState};

/// One row of a chart tab's table twin and detail card.
#[derive(Clone, Debug, PartialEq)]
pub struct TabRow<'d> {
    pub id: String,
    /// The indicator, as the row's button says it.
    pub label: &'d str,
    /// The review year's figure, when the report gives one.
    pub from: Option<&'d Figure>,
    pub to: &'d Figure,
    /// The table's value cells.
    pub from_cell: String,
    pub to_cell: String,
    /// The last column: the direction, or the change.
    pub change: String,
    /// The detail card's heading.
    pub heading: String,
}

/// Everything a chart tab shows: heading, sentence, chart and its table twin. The UI has
/// one component for every chart tab; this is the one place a chart tab is registered.
#[derive(Debug)]
pub struct ChartTab<'d> {
    pub title: String,
    pub summary: String,
    /// What the marks mean, where the chart has no legend of its own (downloads).
    pub key: Option<String>,
    pub chart: Box<dyn Chart>,
    /// The heading of the table's last column.
    pub change_header: &'static str,
    pub rows: Vec<TabRow<'d>>,
}

/// The chart tab of the view, or `None` on a tab without a chart.
pub fn chart_tab<'d>(lang: Lang, data: &'d Dataset, view: &ViewState) -> Option<ChartTab<'d>> {
    let r = &data.report;
    let with_estimate = |f: &Figure| {
        value_label(lang, f)
            + if f.estimate {
                tr(lang, "（预计）", " (est.)")
            } else {
                ""
            }
    };
    Some(match view.view {
        View::Compare => {
            let rows = compare_rows(data, view);
            ChartTab {
                title: chart_title(lang, r, View::Compare),
                summary: compare_view_summary(lang, r, view, &rows),
                key: None,
                chart: Box::new(chart::Growth(compare_chart_rows(lang, &rows))),
                change_header: tr(lang, "比较", "Change"),
                rows: rows
                    .iter()
                    .map(|row| {
                        let direction = direction_words(lang, r, row.direction);
                        let label = compare_row_label(lang, row);
                        TabRow {
                            id: row.id.clone(),
                            label,
                            from: row.from,
                            to: row.to,
                            from_cell: row.from.map_or_else(|| "—".into(), with_estimate),
                            to_cell: with_estimate(row.to),
                            heading: format!("{label} — {direction}"),
                            change: direction,
                        }
                    })
                    .collect(),
            }
        }
        View::Levels => {
            let rows = level_rows(data, view);
            ChartTab {
                title: chart_title(lang, r, View::Levels),
                summary: levels_summary_text(lang, r, &rows),
                key: Some(levels_key(lang, r)),
                chart: Box::new(chart::Levels(level_chart_rows(lang, &rows))),
                change_header: tr(lang, "变化", "Change"),
                rows: rows
                    .iter()
                    .map(|row| {
                        let label = indicator(lang, row.to);
                        let change = change_text(row.change_pct);
                        TabRow {
                            id: row.id.clone(),
                            label,
                            from: Some(row.from),
                            to: row.to,
                            from_cell: value_label(lang, row.from),
                            to_cell: value_label(lang, row.to),
                            heading: format!("{label} {change}"),
                            change,
                        }
                    })
                    .collect(),
            }
        }
        View::Figures | View::County => return None,
    })
}

/// The chart each tab draws, with its rows for the view (a tab without a chart gives
/// `None`): the chart of [`chart_tab`].
pub fn chart_for(lang: Lang, data: &Dataset, view: &ViewState) -> Option<Box<dyn Chart>> {
    chart_tab(lang, data, view).map(|t| t.chart)
}
