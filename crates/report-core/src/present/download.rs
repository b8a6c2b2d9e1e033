//! What a download says besides its chart: the filters in words and the caption.

use super::{
    chart_for, chart_tab, chart_title, county_name, is_en, sector_name, source_line, tr, year_label,
};
use crate::chart::document::{Caption, Rows};
use crate::data::Dataset;
use crate::state::{Lang, ViewState};

/// The filters of a view in words, for a download that must say what it shows.
pub fn filters_in_words(lang: Lang, data: &Dataset, view: &ViewState) -> String {
    let en = is_en(lang);
    let mut out = String::new();
    let mut part = |label: &str, names: &mut dyn Iterator<Item = &str>| {
        out.push_str(match (out.is_empty(), en) {
            (true, true) => "Filters: ",
            (true, false) => "筛选条件——",
            (false, true) => "; ",
            (false, false) => "；",
        });
        out.push_str(label);
        for (i, name) in names.enumerate() {
            if i > 0 {
                out.push_str(if en { ", " } else { "、" });
            }
            out.push_str(name);
        }
    };
    if !view.sectors.is_empty() {
        let label = tr(lang, "领域：", "sectors: ");
        part(
            label,
            &mut view.sectors.iter().map(|s| sector_name(lang, data, s)),
        );
    }
    if !view.counties.is_empty() {
        let label = tr(lang, "县（市）：", "counties: ");
        part(
            label,
            &mut view.counties.iter().map(|c| county_name(lang, data, c)),
        );
    }
    if let Some(p) = view.year.period() {
        let label = year_label(lang, &data.report, p);
        part(
            tr(lang, "年份：", "year: "),
            &mut std::iter::once(label.as_str()),
        );
    }
    let q = view.query.trim();
    if !q.is_empty() {
        let quoted = format!("\u{201c}{q}\u{201d}");
        part(
            tr(lang, "搜索：", "search: "),
            &mut std::iter::once(quoted.as_str()),
        );
    }
    if out.is_empty() {
        out.push_str(tr(
            lang,
            "筛选：无（全部指标）",
            "Filters: none (every indicator)",
        ));
    }
    out
}

/// Everything a chart download says besides the chart, for the Growth and Levels tabs.
pub fn download_caption(lang: Lang, data: &Dataset, view: &ViewState) -> Caption {
    let r = &data.report;
    let tab = chart_tab(lang, data, view);
    Caption {
        title: chart_title(lang, r, view.view),
        summary: tab.as_ref().map(|t| t.summary.clone()).unwrap_or_default(),
        key: tab.and_then(|t| t.key),
        filters: filters_in_words(lang, data, view),
        source: source_line(lang, r),
    }
}

/// The chart and words of a download for the view, or `None` on a tab without a chart.
pub fn download(lang: Lang, data: &Dataset, view: &ViewState) -> Option<(Rows, Caption)> {
    let chart = chart_for(lang, data, view)?;
    Some((Rows(chart), download_caption(lang, data, view)))
}
