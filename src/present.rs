//! What the views show, as pure functions of the dataset rows and the language: the
//! value labels, the chart rows, the summaries. The canvas, the SVG download, the table
//! twins and the native tests all take their text from here, so they cannot disagree.

use crate::chart;
use crate::chart::document::{Caption, Rows};
use crate::data::{format, Dataset, Direction, Figure};
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

pub fn year_label(lang: Lang, year: u16) -> &'static str {
    match (year, lang) {
        (2023, Lang::Zh) => "2023年完成",
        (2023, Lang::En) => "2023 result",
        (_, Lang::Zh) => "2024年目标",
        (_, Lang::En) => "2024 target",
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
    let f = row.to.or(row.from).expect("a row has a figure");
    indicator(lang, f)
}

/// The growth rows as the chart draws them, for the canvas and the SVG download alike.
pub fn compare_chart_rows(lang: Lang, rows: &[CompareRow]) -> Vec<chart::CompareRow> {
    rows.iter()
        .map(|r| chart::CompareRow {
            id: r.id.clone(),
            label: compare_row_label(lang, r).to_string(),
            from: r.from.map(|f| mark(lang, f)),
            to: r.to.map(|f| mark(lang, f)),
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

pub fn direction_words(lang: Lang, d: Option<Direction>) -> &'static str {
    match d {
        Some(Direction::Lower) => tr(lang, "目标低于去年", "target below 2023"),
        Some(Direction::Equal) => tr(lang, "目标与去年持平", "target level with 2023"),
        Some(Direction::Higher) => tr(lang, "目标高于去年", "target above 2023"),
        Some(Direction::NotComparable) => tr(lang, "不可比", "not comparable"),
        None => tr(lang, "仅有2024年目标", "2024 target only"),
    }
}

/// The growth chart's sentence, computed from the rows on screen; when the axis is
/// broken it says so and gives the values beyond the break, which are drawn on a
/// compressed piece of the axis.
pub fn compare_summary_text(lang: Lang, rows: &[CompareRow]) -> String {
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
            "Of {paired} growth targets with a 2023 result, {} {} below last year's pace, {} level with it and {} above it; {} more {} a 2024 target only.",
            s.lower, if s.lower == 1 { "is" } else { "are" }, s.equal, s.higher, s.alone,
            if s.alone == 1 { "is" } else { "are" }
        )
    } else {
        format!(
            "在{paired}项有2023年实绩的增速指标中，{}项2024年目标低于去年实际增速，{}项持平，{}项更高；另有{}项只有2024年目标。",
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
    let figures = || rows.iter().flat_map(|r| [r.from, r.to]).flatten();
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
pub fn chart_title(lang: Lang, view: View) -> &'static str {
    match view {
        View::Levels => tr(
            lang,
            "同口径总量：2023年完成与2024年计划",
            "Same-unit levels: 2023 result and 2024 plan",
        ),
        _ => tr(
            lang,
            "2024年增长目标与2023年实际增速",
            "2024 growth targets against 2023 growth",
        ),
    }
}

/// The source line every download carries.
pub fn source_line(lang: Lang) -> &'static str {
    tr(
        lang,
        "来源：阿坝州2024年政府工作报告",
        "Source: Aba Prefecture 2024 Government Work Report",
    )
}

/// The growth tab's sentence for the view: the summary, or why there is nothing to
/// compare when counties are chosen (the report's growth rates are prefecture-wide).
pub fn compare_view_summary(lang: Lang, view: &ViewState, rows: &[CompareRow]) -> String {
    if rows.is_empty() && !view.counties.is_empty() {
        tr(lang, "报告没有给出县级增速，所选县（市）没有增速对比。请在“按县查看”中查看报告对该县的全部表述。",
           "The report gives no county-level growth rates, so there is nothing to compare for the chosen counties. See \"By county\" for everything it says about them.").to_string()
    } else {
        compare_summary_text(lang, rows)
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
    if let Some(y) = view.year.year() {
        part(
            tr(lang, "年份：", "year: "),
            &mut std::iter::once(year_label(lang, y)),
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
    let (summary, key) = match view.view {
        View::Levels => (
            levels_summary_text(lang, &level_rows(data, view)),
            Some(tr(lang, "条形：2024年计划相对2023年完成的变化；斜线条形为减少。", "Bars: change from the 2023 result to the 2024 plan; hatched bars are decreases.").to_string()),
        ),
        _ => (compare_view_summary(lang, view, &compare_rows(data, view)), None),
    };
    Caption {
        title: chart_title(lang, view.view).into(),
        summary,
        key,
        filters: filters_in_words(lang, data, view),
        source: source_line(lang).into(),
    }
}

/// The rows and words of a chart download for the view, or `None` on a tab without a
/// chart.
pub fn download(lang: Lang, data: &Dataset, view: &ViewState) -> Option<(Rows, Caption)> {
    let rows = match view.view {
        View::Compare => Rows::Compare(compare_chart_rows(lang, &compare_rows(data, view))),
        View::Levels => Rows::Levels(level_chart_rows(lang, &level_rows(data, view))),
        _ => return None,
    };
    Some((rows, download_caption(lang, data, view)))
}

/// The levels chart's sentence.
pub fn levels_summary_text(lang: Lang, rows: &[LevelRow]) -> String {
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
        format!("{} measures are reported in the same unit in both years: the 2024 plan is larger for {up} and smaller for {down}.", rows.len())
    } else {
        format!(
            "{}项指标两年单位相同：2024年计划高于2023年的有{up}项，低于的有{down}项。",
            rows.len()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Dataset;
    use crate::state::{compare_rows, level_rows, ViewState, YearFilter};

    #[test]
    fn the_summary_keeps_the_values_beyond_the_break() {
        let rows = compare_rows(Dataset::embedded(), &ViewState::default());
        let zh = compare_summary_text(Lang::Zh, &rows);
        assert!(zh.contains("横轴在10%之后断开"), "{zh}");
        for v in ["81%", "44.6%", "35.2%"] {
            assert!(zh.contains(v), "{v} in {zh}");
        }
        let en = compare_summary_text(Lang::En, &rows);
        assert!(
            en.contains("broken after 10%") && en.contains("81%"),
            "{en}"
        );
    }

    #[test]
    fn filters_read_as_words() {
        let data = Dataset::embedded();
        let none = ViewState::default();
        assert_eq!(
            filters_in_words(Lang::Zh, data, &none),
            "筛选：无（全部指标）"
        );
        let mut v = ViewState {
            year: YearFilter::Y2023,
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
        let rows = level_rows(Dataset::embedded(), &ViewState::default());
        let labour = rows.iter().find(|r| r.id == "labour-income").expect("row");
        let chart = level_chart_rows(Lang::Zh, std::slice::from_ref(labour));
        assert_eq!(change_text(labour.change_pct), "+0.6%");
        assert_eq!(
            change_text(chart[0].change_pct),
            change_text(labour.change_pct)
        );
    }
}
