//! Figures as text for each language. Chinese keeps the report's own wording
//! ("495亿元"); English converts the Chinese scale words (万 = 10⁴, 亿 = 10⁸) into
//! thousands, millions and billions, so "5300万人次" reads "53 million person-times".

use super::{Figure, Qualifier};

/// The one minus sign a reader sees, in every label, cell, axis and download (U+2212,
/// the width of a plus sign; "-" is the stored form only).
pub const MINUS: &str = "\u{2212}";

/// (unit as written, multiplier, English unit after the number).
const UNITS: &[(&str, f64, &str)] = &[
    ("%", 1.0, "%"),
    ("个百分点", 1.0, " percentage points"),
    ("亿元", 1e8, " yuan"),
    ("万元", 1e4, " yuan"),
    ("元/人/年", 1.0, " yuan per person per year"),
    ("亿千瓦时", 1e8, " kWh"),
    ("万千瓦", 1e4, " kW"),
    ("亿条", 1e8, " records"),
    ("万亩", 1e4, " mu"),
    ("万吨", 1e4, " tonnes"),
    ("万人次", 1e4, " person-times"),
    ("人次", 1.0, " person-times"),
    ("万人", 1e4, " people"),
    ("万名", 1e4, " people"),
    ("万余名", 1e4, " people"),
    ("人", 1.0, " people"),
    ("名", 1.0, " people"),
    ("万户", 1e4, " households"),
    ("户", 1.0, " households"),
    ("万株", 1e4, " plants"),
    ("株", 1.0, " plants"),
    ("万头（只）", 1e4, " head"),
    ("万头", 1e4, " head"),
    ("万件", 1e4, " items"),
    ("平方公里", 1.0, " km²"),
    ("公里", 1.0, " km"),
    ("年", 1.0, " years"),
    ("家", 1.0, " enterprises"),
    ("所", 1.0, " institutions"),
    ("县", 1.0, " counties"),
    ("轮", 1.0, " rounds"),
    ("起", 1.0, " cases"),
    ("件", 1.0, " cases"),
    ("宗", 1.0, " lots"),
    ("种", 1.0, " kinds"),
    ("台", 1.0, " units"),
    ("处", 1.0, " sites"),
    ("项", 1.0, " items"),
    ("张", 1.0, ""),
    ("个", 1.0, ""),
    ("", 1.0, ""),
];

/// "≈6.5%", "≥7%", "495亿元": the value as the report writes it, with the qualifier sign.
pub fn label_zh(f: &Figure) -> String {
    format!("{}{}{}", f.qualifier.sign(), f.value_text_digits(), f.unit)
}

/// "≈6.5%", "49.5 billion yuan", "53 million person-times".
pub fn label_en(f: &Figure) -> String {
    format!("{}{}", f.qualifier.sign(), value_en(f.value, &f.unit))
}

/// The qualifier in words, for screen readers and tables.
pub fn qualifier_words(q: Qualifier, english: bool) -> &'static str {
    match (q, english) {
        (Qualifier::Exact, _) => "",
        (Qualifier::About, false) => "左右",
        (Qualifier::AtLeast, false) => "以上",
        (Qualifier::AtMost, false) => "以内",
        (Qualifier::About, true) => "about",
        (Qualifier::AtLeast, true) => "at least",
        (Qualifier::AtMost, true) => "at most",
    }
}

pub fn value_en(value: f64, unit: &str) -> String {
    let (scale, word) = UNITS
        .iter()
        .find(|(u, _, _)| *u == unit)
        .map(|(_, s, w)| (*s, *w))
        .unwrap_or((1.0, ""));
    let sign = if value < 0.0 { MINUS } else { "" };
    let n = (value * scale).abs();
    let number = if n >= 1e9 {
        format!("{} billion", trim(n / 1e9, 3))
    } else if n >= 1e6 {
        format!("{} million", trim(n / 1e6, 3))
    } else {
        grouped(n)
    };
    let number = format!("{sign}{number}");
    if word.is_empty()
        && !unit.is_empty()
        && scale == 1.0
        && !UNITS.iter().any(|(u, _, _)| *u == unit)
    {
        // An unknown measure word: keep it rather than lose it.
        return format!("{number} {unit}");
    }
    format!("{number}{word}")
}

/// Up to `places` decimals, without trailing zeros.
fn trim(n: f64, places: usize) -> String {
    let s = format!("{n:.places$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// The one formatter for numbers the explorer prints itself (as opposed to values it
/// quotes as the report wrote them): at most `places` decimals, no trailing zeros, a
/// true minus sign (U+2212), never "−0". Chart labels, tick labels, table twins,
/// summaries and downloads all go through it, so a number reads the same everywhere.
pub fn number(v: f64, places: usize) -> String {
    if !v.is_finite() {
        return "–".into();
    }
    let digits = trim(v.abs(), places);
    if v < 0.0 && digits.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("{MINUS}{digits}")
    } else {
        digits
    }
}

/// Like [`number`] but with exactly `places` decimals, for axis ticks where "2.5%" and
/// "5.0%" should line up.
pub fn fixed(v: f64, places: usize) -> String {
    let digits = format!("{:.places$}", v.abs());
    if v < 0.0 && digits.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("{MINUS}{digits}")
    } else {
        digits
    }
}

/// A rate or share as "6.5%": [`number`] with at most one decimal, which is as precise
/// as the report ever is.
pub fn pct(v: f64) -> String {
    format!("{}%", number(v, 1))
}

/// A change as "+22%", "−8%", "+0.6%", "0%": a sign always, so the direction reads
/// without the colour or the side of a bar; one decimal below 10 % (so 52.7 → 53 is
/// "+0.6%", not a misleading "+1%"), none above.
pub fn signed_pct(v: f64) -> String {
    if !v.is_finite() {
        return "–".into();
    }
    let places = if v.abs() >= 9.95 { 0 } else { 1 };
    let num = number(v.abs(), places);
    if num == "0" {
        return "0%".into();
    }
    let sign = if v < 0.0 { MINUS } else { "+" };
    format!("{sign}{num}%")
}

/// 17946 → "17,946"; 6.5 → "6.5".
fn grouped(n: f64) -> String {
    let s = trim(n, 2);
    let (int, frac) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(a, b)| (a, Some(b)));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| (MINUS, d));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

impl Figure {
    /// The number as the report writes it, in Arabic digits (两 → 2), with the true minus
    /// sign when the value is negative: a decrease stated with a sign word ("降低50%" →
    /// −50, see "Sign words" in docs/data.md), so the label says what the chart draws.
    /// Display only: the stored form is `fields::number`, which a reader never sees.
    pub fn value_text_digits(&self) -> String {
        let digits = if self
            .value_text
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.')
        {
            self.value_text.clone()
        } else {
            trim(self.value.abs(), 6)
        };
        if self.value < 0.0 {
            format!("{MINUS}{digits}")
        } else {
            digits
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_converts_chinese_scales() {
        assert_eq!(value_en(495.0, "亿元"), "49.5 billion yuan");
        assert_eq!(value_en(5300.0, "万人次"), "53 million person-times");
        assert_eq!(value_en(3.3, "亿元"), "330 million yuan");
        assert_eq!(value_en(29.0, "万亩"), "290,000 mu");
        assert_eq!(value_en(676.0, "个"), "676");
        assert_eq!(value_en(6.5, "%"), "6.5%");
        assert_eq!(value_en(17946.0, "个"), "17,946");
        assert_eq!(value_en(1.8, "个百分点"), "1.8 percentage points");
    }

    #[test]
    fn one_formatter_for_printed_numbers() {
        assert_eq!(number(6.5, 1), "6.5");
        assert_eq!(number(81.0, 1), "81");
        assert_eq!(number(-2.27, 1), "\u{2212}2.3");
        assert_eq!(number(-0.01, 1), "0");
        assert_eq!(number(f64::NAN, 1), "–");
        assert_eq!(fixed(5.0, 1), "5.0");
        assert_eq!(fixed(-20.0, 0), "\u{2212}20");
        assert_eq!(pct(44.6), "44.6%");
        assert_eq!(pct(10.0), "10%");
    }

    #[test]
    fn signed_changes() {
        // 劳务收入 52.7亿元 → 53亿元: the chart and the table both say +0.6%.
        assert_eq!(signed_pct((53.0 - 52.7) / 52.7 * 100.0), "+0.6%");
        assert_eq!(signed_pct(22.02), "+22%");
        assert_eq!(signed_pct(9.96), "+10%");
        assert_eq!(signed_pct(-8.0), "\u{2212}8%");
        assert_eq!(signed_pct(3.46), "+3.5%");
        assert_eq!(signed_pct(0.0), "0%");
        assert_eq!(signed_pct(0.04), "0%");
        assert_eq!(signed_pct(-50.0), "\u{2212}50%");
        assert_eq!(signed_pct(f64::INFINITY), "–");
    }

    #[test]
    fn a_decrease_is_labelled_with_its_sign() {
        let f = Figure {
            id: "x-2023".into(),
            year: 2023,
            sector: "livelihood".into(),
            indicator: crate::data::Names {
                zh: "起付线变动".into(),
                en: "Deductible change".into(),
            },
            metric: crate::data::Metric::RatePct,
            value: -50.0,
            value_text: "50".into(),
            unit: "%".into(),
            qualifier: Qualifier::Exact,
            qualifier_text: String::new(),
            estimate: false,
            counties: vec![],
            quote: "起付线降低50%".into(),
        };
        assert_eq!(label_zh(&f), "\u{2212}50%");
        assert_eq!(label_en(&f), "\u{2212}50%");
        let two = Figure {
            value: 2.0,
            value_text: "两".into(),
            unit: "个".into(),
            ..f
        };
        assert_eq!(label_zh(&two), "2个");
    }

    #[test]
    fn unknown_units_are_kept() {
        assert_eq!(value_en(3.0, "座"), "3 座");
    }
}
