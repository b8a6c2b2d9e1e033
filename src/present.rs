//! What the views show, as pure functions of the dataset rows and the language: the
//! value labels, the chart rows, the summaries. The canvas, the SVG download, the table
//! twins and the native tests all take their text from here, so they cannot disagree.

use crate::chart;
use crate::data::{format, Direction, Figure};
use crate::state::{compare_summary, CompareRow, Lang, LevelRow};

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
/// [`chart::layout::far_outliers`]), naming the values beyond the break.
pub fn axis_break_note(lang: Lang, rows: &[CompareRow]) -> Option<String> {
    let chart_rows = compare_chart_rows(lang, rows);
    let out = chart::layout::far_outliers(&chart::compare_values(&chart_rows))?;
    let mut beyond: Vec<(&str, &chart::Mark)> = chart_rows
        .iter()
        .flat_map(|r| {
            [&r.from, &r.to]
                .into_iter()
                .flatten()
                .map(move |m| (r.label.as_str(), m))
        })
        .filter(|(_, m)| m.value > out.cluster_max)
        .collect();
    beyond.sort_by(|a, b| b.1.value.total_cmp(&a.1.value));
    let cut = format::pct(out.cluster_max);
    Some(if is_en(lang) {
        let list: Vec<String> = beyond
            .iter()
            .map(|(l, m)| format!("{l} {}", m.label))
            .collect();
        format!(
            "So that the other rows stay readable, the axis is broken after {cut}; {} larger {} drawn on a compressed segment at the right: {}.",
            beyond.len(),
            if beyond.len() == 1 { "value is" } else { "values are" },
            list.join(", ")
        )
    } else {
        let list: Vec<String> = beyond
            .iter()
            .map(|(l, m)| format!("{l}{}", m.label))
            .collect();
        format!(
            "为看清其余指标，横轴在{cut}之后断开，{}个较大的值画在右侧压缩的一段：{}。",
            beyond.len(),
            list.join("、")
        )
    })
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
    use crate::state::{compare_rows, level_rows, ViewState};

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
