//! The one-line sentences over each chart and table, computed from the rows on screen.

use super::{indicator, is_en, tr, value_label};
use crate::chart;
use crate::data::{format, Direction, Report};
use crate::state::{compare_summary, CompareRow, Lang, LevelRow, ViewState};

pub fn direction_words(lang: Lang, r: &Report, d: Option<Direction>) -> String {
    let (review, plan) = (r.review_year, r.plan_year);
    match (d, lang) {
        (Some(Direction::Lower), Lang::Zh) => "目标低于去年".into(),
        (Some(Direction::Lower), Lang::En) => format!("target below {review}"),
        (Some(Direction::Equal), Lang::Zh) => "目标与去年持平".into(),
        (Some(Direction::Equal), Lang::En) => format!("target level with {review}"),
        (Some(Direction::Higher), Lang::Zh) => "目标高于去年".into(),
        (Some(Direction::Higher), Lang::En) => format!("target above {review}"),
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
