//! Titles, headings and fixed lines, each naming the years from the report's manifest.

use super::tr;
use crate::data::{Period, Report};
use crate::state::{Lang, View};

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

/// The filters' live count: "12 / 294 项数字符合条件".
pub fn count_text(lang: Lang, count: usize, total: usize) -> String {
    match lang {
        Lang::Zh => format!("{count} / {total} 项数字符合条件"),
        Lang::En => format!("{count} of {total} figures match"),
    }
}

/// The line that folds the filters away, with how many are on.
pub fn filter_box_label(lang: Lang, on: usize) -> String {
    let base = tr(lang, "显示或隐藏筛选项", "Show or hide the filters");
    match (lang, on) {
        (_, 0) => base.to_string(),
        (Lang::Zh, n) => format!("{base}（已选 {n} 项）"),
        (Lang::En, n) => format!("{base} ({n} on)"),
    }
}
