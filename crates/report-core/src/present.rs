//! What the views show, as pure functions of the dataset rows and the language: the
//! value labels, the chart rows, the summaries. The canvas, the SVG download, the table
//! twins and the native tests all take their text from here, so they cannot disagree.

use crate::chart::document::{Caption, Rows};
use crate::chart::{self, Chart};
use crate::data::{format, Dataset, Direction, Figure, Period, Report};
use crate::state::{
    compare_rows, compare_summary, level_rows, CompareRow, Lang, LevelRow, View, ViewState,
};

pub fn tr(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

pub fn is_en(lang: Lang) -> bool {
    matches!(lang, Lang::En)
}

pub fn indicator(lang: Lang, f: &Figure) -> &str {
    match lang {
        Lang::Zh => &f.indicator.zh,
        Lang::En => &f.indicator.en,
    }
}

/// The value with its qualifier sign and unit, for the language.
pub fn value_label(lang: Lang, f: &Figure) -> String {
    match lang {
        Lang::Zh => format::label_zh(f),
        Lang::En => format::label_en(f),
    }
}

/// The value spelled out for screen readers: "about 6.5%, estimate".
pub fn value_spoken(lang: Lang, f: &Figure) -> String {
    let en = is_en(lang);
    let value = match lang {
        Lang::Zh => format!("{}{}", f.value_text_digits(), f.unit),
        Lang::En => format::value_en(f.value, &f.unit),
    };
    let words = format::qualifier_words(f.qualifier, en);
    let mut out = match (lang, words.is_empty()) {
        (_, true) => value,
        (Lang::Zh, false) => format!("{value}{words}"),
        (Lang::En, false) => format!("{words} {value}"),
    };
    if f.estimate {
        out.push_str(tr(lang, "（预计）", " (estimate)"));
    }
    out
}

pub fn sector_name<'a>(lang: Lang, data: &'a Dataset, slug: &'a str) -> &'a str {
    data.sector(slug)
        .map(|s| match lang {
            Lang::Zh => s.zh.as_str(),
            Lang::En => s.en.as_str(),
        })
        .unwrap_or(slug)
}

pub fn county_name<'a>(lang: Lang, data: &'a Dataset, slug: &'a str) -> &'a str {
    data.county(slug)
        .map(|c| match lang {
            Lang::Zh => c.zh.as_str(),
            Lang::En => c.en.as_str(),
        })
        .unwrap_or(slug)
}

/// "2023年完成" / "2024 target": a part of the report by its year.
pub fn year_label(lang: Lang, r: &Report, period: Period) -> String {
    let y = r.year(period);
    match (period, lang) {
        (Period::Review, Lang::Zh) => format!("{y}年完成"),
        (Period::Review, Lang::En) => format!("{y} result"),
        (Period::Plan, Lang::Zh) => format!("{y}年目标"),
        (Period::Plan, Lang::En) => format!("{y} target"),
    }
}

/// The year filter's choices: "2023年完成" is the review part's results.
pub fn year_filter_label(lang: Lang, r: &Report, period: Period) -> String {
    let y = r.year(period);
    match (period, lang) {
        (Period::Review, Lang::Zh) => format!("{y}年完成"),
        (Period::Review, Lang::En) => format!("{y} results"),
        (Period::Plan, Lang::Zh) => format!("{y}年目标"),
        (Period::Plan, Lang::En) => format!("{y} targets"),
    }
}

/// The year of a record's part, as a label (a record of neither year reads as the plan:
/// the loader refuses such records, so this is never shown).
pub fn record_year_label(lang: Lang, r: &Report, year: u16) -> String {
    year_label(lang, r, r.period(year).unwrap_or(Period::Plan))
}

/// The heading of the growth tab: "Growth: 2023 vs 2024".
pub fn growth_tab_label(lang: Lang, r: &Report) -> String {
    match lang {
        Lang::Zh => "增速对比".into(),
        Lang::En => format!("Growth: {} vs {}", r.review_year, r.plan_year),
    }
}

/// The app's name for this report: "阿坝州2024年政府工作报告数据浏览".
pub fn app_title(lang: Lang, r: &Report) -> String {
    match lang {
        Lang::Zh => format!("{}数据浏览", r.title.zh),
        Lang::En => format!("{} Explorer", r.title.en),
    }
}

/// The title an embed code gives its iframe.
pub fn embed_title(lang: Lang, r: &Report) -> String {
    match lang {
        Lang::Zh => format!("{}数据", r.title.zh),
        Lang::En => format!("{} data", r.title.en),
    }
}

/// The search box's example: "如：旅游、5G、红原".
pub fn search_placeholder(lang: Lang, r: &Report) -> String {
    match lang {
        Lang::Zh => format!("如：{}", r.search_example.zh),
        Lang::En => format!("e.g. {}", r.search_example.en),
    }
}

/// The heading line under the title: the source and the promise.
pub fn header_source(lang: Lang, r: &Report) -> String {
    match lang {
        Lang::Zh => format!("来源：{}。每个数字都附有报告原文。", r.source.zh),
        Lang::En => format!(
            "Source: {}. Every number links to its sentence in the report.",
            r.source.en
        ),
    }
}

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
pub fn compare_chart_rows(lang: Lang, rows: &[CompareRow]) -> Vec<chart::CompareRow> {
    rows.iter()
        .map(|r| chart::CompareRow {
            id: r.id.clone(),
            label: compare_row_label(lang, r).to_string(),
            from: r.from.map(|f| mark(lang, f)),
            to: Some(mark(lang, r.to)),
        })
        .collect()
}

/// The level rows as the chart draws them.
pub fn level_chart_rows(lang: Lang, rows: &[LevelRow]) -> Vec<chart::LevelRow> {
    rows.iter()
        .map(|r| chart::LevelRow {
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

pub fn direction_words(lang: Lang, r: &Report, d: Option<Direction>) -> String {
    let (review, plan) = (r.review_year, r.plan_year);
    match (d, lang) {
        (Some(Direction::Lower), Lang::Zh) => "目标低于去年".into(),
        (Some(Direction::Lower), Lang::En) => format!("target below {review}"),
        (Some(Direction::Equal), Lang::Zh) => "目标与去年持平".into(),
        (Some(Direction::Equal), Lang::En) => format!("target level with {review}"),
        (Some(Direction::Higher), Lang::Zh) => "目标高于去年".into(),
        (Some(Direction::Higher), Lang::En) => format!("target above {review}"),
        (Some(Direction::NotComparable), _) => tr(lang, "不可比", "not comparable").into(),
        (None, Lang::Zh) => format!("仅有{plan}年目标"),
        (None, Lang::En) => format!("{plan} target only"),
    }
}

/// The growth chart's sentence, computed from the rows on screen; when the axis is
/// broken it says so and gives the values beyond the break, which are drawn on a
/// compressed piece of the axis.
pub fn compare_summary_text(lang: Lang, r: &Report, rows: &[CompareRow]) -> String {
    let (review, plan) = (r.review_year, r.plan_year);
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
    let mut out = if is_en(lang) {
        format!(
            "Of {paired} growth target{} with a {review} result, {} {} below last year's pace, {} level with it and {} above it; {} more {} a {plan} target only.",
            if paired == 1 { "" } else { "s" },
            s.lower, if s.lower == 1 { "is" } else { "are" }, s.equal, s.higher, s.alone,
            if s.alone == 1 { "is" } else { "are" }
        )
    } else {
        format!(
            "在{paired}项有{review}年实绩的增速指标中，{}项{plan}年目标低于去年实际增速，{}项持平，{}项更高；另有{}项只有{plan}年目标。",
            s.lower, s.equal, s.higher, s.alone
        )
    };
    if let Some(note) = axis_break_note(lang, rows) {
        if is_en(lang) {
            out.push(' ');
        }
        out.push_str(&note);
    }
    out
}

/// "The axis is broken after 10%: …", when the growth chart breaks its axis (see
/// [`chart::layout::far_outliers`]), naming the values beyond the break in row order.
pub fn axis_break_note(lang: Lang, rows: &[CompareRow]) -> Option<String> {
    let en = is_en(lang);
    let figures = || rows.iter().flat_map(|r| [r.from, Some(r.to)]).flatten();
    let values: Vec<f64> = figures().map(|f| f.value).collect();
    let out = chart::layout::far_outliers(&values)?;
    let mut list = String::new();
    for f in figures().filter(|f| f.value > out.cluster_max) {
        if !list.is_empty() {
            list.push_str(if en { ", " } else { "、" });
        }
        list.push_str(indicator(lang, f));
        if en {
            list.push(' ');
        }
        list.push_str(&value_label(lang, f));
    }
    let cut = format::pct(out.cluster_max);
    let n = out.count;
    Some(if en {
        let are = if n == 1 { "value is" } else { "values are" };
        format!("So that the other rows stay readable, the axis is broken after {cut}; {n} larger {are} drawn on a compressed segment at the right: {list}.")
    } else {
        format!("为看清其余指标，横轴在{cut}之后断开，{n}个较大的值画在右侧压缩的一段：{list}。")
    })
}

/// The heading of a chart tab (and the title of its download).
pub fn chart_title(lang: Lang, r: &Report, view: View) -> String {
    let (review, plan) = (r.review_year, r.plan_year);
    match (view, lang) {
        (View::Levels, Lang::Zh) => format!("同口径总量：{review}年完成与{plan}年计划"),
        (View::Levels, Lang::En) => format!("Same-unit levels: {review} result and {plan} plan"),
        (_, Lang::Zh) => format!("{plan}年增长目标与{review}年实际增速"),
        (_, Lang::En) => format!("{plan} growth targets against {review} growth"),
    }
}

/// The source line every download carries.
pub fn source_line(lang: Lang, r: &Report) -> String {
    match lang {
        Lang::Zh => format!("来源：{}", r.source.zh),
        Lang::En => format!("Source: {}", r.source.en),
    }
}

/// The growth tab's sentence for the view: the summary, or why there is nothing to
/// compare when counties are chosen (the report's growth rates are prefecture-wide).
pub fn compare_view_summary(
    lang: Lang,
    r: &Report,
    view: &ViewState,
    rows: &[CompareRow],
) -> String {
    if rows.is_empty() && !view.counties.is_empty() {
        tr(lang, "报告没有给出县级增速，所选县（市）没有增速对比。请在“按县查看”中查看报告对该县的全部表述。",
           "The report gives no county-level growth rates, so there is nothing to compare for the chosen counties. See \"By county\" for everything it says about them.").to_string()
    } else {
        compare_summary_text(lang, r, rows)
    }
}

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

/// The levels chart's key to its bars.
pub fn levels_key(lang: Lang, r: &Report) -> String {
    let (review, plan) = (r.review_year, r.plan_year);
    match lang {
        Lang::Zh => format!("条形：{plan}年计划相对{review}年完成的变化；斜线条形为减少。"),
        Lang::En => format!(
            "Bars: change from the {review} result to the {plan} plan; hatched bars are decreases."
        ),
    }
}

/// The tab's name in the tab list.
pub fn tab_label(lang: Lang, r: &Report, view: View) -> String {
    match view {
        View::Compare => growth_tab_label(lang, r),
        View::Levels => tr(lang, "总量对比", "Levels").into(),
        View::Figures => tr(lang, "全部数字", "All figures").into(),
        View::County => tr(lang, "按县查看", "By county").into(),
    }
}

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

/// The chart and words of a download for the view, or `None` on a tab without a chart.
pub fn download(lang: Lang, data: &Dataset, view: &ViewState) -> Option<(Rows, Caption)> {
    let chart = chart_for(lang, data, view)?;
    Some((Rows(chart), download_caption(lang, data, view)))
}

/// The sentence over the table of every figure: how many match the filters.
pub fn figures_summary_text(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Zh, n) => format!("共有{n}项数字符合筛选条件。"),
        (Lang::En, 1) => "1 figure matches the filters.".into(),
        (Lang::En, n) => format!("{n} figures match the filters."),
    }
}

/// The levels chart's sentence.
pub fn levels_summary_text(lang: Lang, r: &Report, rows: &[LevelRow]) -> String {
    let (review, plan) = (r.review_year, r.plan_year);
    let up = rows.iter().filter(|r| r.change_pct > 0.0).count();
    let down = rows.iter().filter(|r| r.change_pct < 0.0).count();
    if rows.is_empty() {
        return tr(
            lang,
            "没有符合筛选条件的总量指标。",
            "No level indicator matches the filters.",
        )
        .into();
    }
    if is_en(lang) {
        let measures = match rows.len() {
            1 => "1 measure is".to_string(),
            n => format!("{n} measures are"),
        };
        format!("{measures} reported in the same unit in both years: the {plan} plan is larger for {up} and smaller for {down}.")
    } else {
        format!(
            "{}项指标两年单位相同：{plan}年计划高于{review}年的有{up}项，低于的有{down}项。",
            rows.len()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::tests_support::{aba, second};
    use crate::state::{compare_rows, level_rows, ViewState, YearFilter};

    #[test]
    fn the_summary_keeps_the_values_beyond_the_break() {
        let r = &aba().report;
        let rows = compare_rows(aba(), &ViewState::default());
        let zh = compare_summary_text(Lang::Zh, r, &rows);
        assert!(zh.contains("横轴在10%之后断开"), "{zh}");
        for v in ["81%", "44.6%", "35.2%"] {
            assert!(zh.contains(v), "{v} in {zh}");
        }
        let en = compare_summary_text(Lang::En, r, &rows);
        assert!(
            en.contains("broken after 10%") && en.contains("81%"),
            "{en}"
        );
    }

    #[test]
    fn the_english_summary_counts_one_target_in_the_singular() {
        let r = &aba().report;
        let view = ViewState::default().apply(crate::state::Action::ToggleSector("economy".into()));
        let en = compare_summary_text(Lang::En, r, &compare_rows(aba(), &view));
        assert!(
            en.starts_with("Of 1 growth target with a 2023 result, "),
            "{en}"
        );
        let all = compare_summary_text(Lang::En, r, &compare_rows(aba(), &ViewState::default()));
        assert!(
            all.starts_with("Of 9 growth targets with a 2023 result, "),
            "{all}"
        );
    }

    #[test]
    fn the_english_counts_read_in_the_singular_for_one() {
        assert_eq!(
            figures_summary_text(Lang::En, 1),
            "1 figure matches the filters."
        );
        assert_eq!(
            figures_summary_text(Lang::En, 0),
            "0 figures match the filters."
        );
        assert_eq!(
            figures_summary_text(Lang::Zh, 1),
            "共有1项数字符合筛选条件。"
        );
        let data = aba();
        let levels = level_rows(data, &ViewState::default());
        let one = &levels[..1];
        let en = levels_summary_text(Lang::En, &data.report, one);
        assert!(
            en.starts_with("1 measure is reported in the same unit"),
            "{en}"
        );
        let all = levels_summary_text(Lang::En, &data.report, &levels);
        assert!(
            all.starts_with("18 measures are reported in the same unit"),
            "{all}"
        );
    }

    #[test]
    fn filters_read_as_words() {
        let data = aba();
        let none = ViewState::default();
        assert_eq!(
            filters_in_words(Lang::Zh, data, &none),
            "筛选：无（全部指标）"
        );
        let mut v = ViewState {
            year: YearFilter::Review,
            query: " 旅游 ".into(),
            ..ViewState::default()
        };
        v.counties.insert("hongyuan".into());
        let zh = filters_in_words(Lang::Zh, data, &v);
        assert!(
            zh.contains("红原") && zh.contains("2023年完成") && zh.contains("“旅游”"),
            "{zh}"
        );
        let en = filters_in_words(Lang::En, data, &v);
        assert!(en.starts_with("Filters: counties: Hongyuan"), "{en}");
    }

    #[test]
    fn chart_and_table_print_the_same_change() {
        let rows = level_rows(aba(), &ViewState::default());
        let labour = rows.iter().find(|r| r.id == "labour-income").expect("row");
        let chart = level_chart_rows(Lang::Zh, std::slice::from_ref(labour));
        assert_eq!(change_text(labour.change_pct), "+0.6%");
        assert_eq!(
            change_text(chart[0].change_pct),
            change_text(labour.change_pct)
        );
    }

    #[test]
    fn every_sentence_names_the_years_of_the_report_it_is_about() {
        for data in [aba(), second()] {
            let r = &data.report;
            let (review, plan) = (r.review_year.to_string(), r.plan_year.to_string());
            let other = if data == aba() { "2030" } else { "2023" };
            let view = ViewState::default();
            let compare = compare_rows(data, &view);
            let levels = level_rows(data, &view);
            for lang in [Lang::Zh, Lang::En] {
                let texts = [
                    compare_summary_text(lang, r, &compare),
                    levels_summary_text(lang, r, &levels),
                    chart_title(lang, r, View::Compare),
                    chart_title(lang, r, View::Levels),
                    levels_key(lang, r),
                    year_label(lang, r, Period::Review),
                    year_label(lang, r, Period::Plan),
                    direction_words(lang, r, None),
                    growth_tab_label(lang, r),
                    app_title(lang, r),
                    source_line(lang, r),
                ];
                for t in &texts {
                    assert!(!t.contains(other), "{t}");
                }
                assert!(
                    texts[0].contains(&review) && texts[0].contains(&plan),
                    "{}",
                    texts[0]
                );
                assert!(
                    texts[2].contains(&review) && texts[2].contains(&plan),
                    "{}",
                    texts[2]
                );
            }
        }
    }

    #[test]
    fn every_chart_tab_has_a_chart_whose_rows_are_its_table() {
        for data in [aba(), second()] {
            for view in View::ALL {
                let v = ViewState {
                    view,
                    ..ViewState::default()
                };
                let tab = chart_tab(Lang::En, data, &v);
                assert_eq!(tab.is_some(), view.has_chart(), "{view:?}");
                let Some(tab) = tab else { continue };
                let ids: Vec<String> = tab.rows.iter().map(|r| r.id.clone()).collect();
                assert_eq!(tab.chart.ids(), ids, "{view:?}");
                assert!(!ids.is_empty(), "{view:?} of {}", data.report.file_stem);
                assert!(tab.rows.iter().all(|r| r.heading.starts_with(r.label)));
                let r = &data.report;
                assert_eq!(tab.title, chart_title(Lang::En, r, view));
                // The canvas redraws only when the rows change: the same rows are the
                // same chart, another tab's chart is not.
                let again = chart_tab(Lang::En, data, &v).unwrap();
                assert!(tab.chart.same(&*again.chart), "{view:?}");
                let other = ViewState {
                    view: if view == View::Compare {
                        View::Levels
                    } else {
                        View::Compare
                    },
                    ..ViewState::default()
                };
                assert!(!tab
                    .chart
                    .same(&*chart_tab(Lang::En, data, &other).unwrap().chart));
            }
        }
    }
}
