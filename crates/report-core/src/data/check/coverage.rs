//! Every number of the text, Arabic or Chinese, is a figure or lies in an exclusion, and
//! no exclusion hides a figure.

use super::{occurrences, Failure, Folder, EXCLUSIONS, FIGURES};
use crate::data::{arabic_number_tokens, chinese_numeral_tokens, is_chinese_numeral};
use std::collections::HashSet;

pub const EXCLUSION_REASONS: [&str; 9] = [
    "year", "date", "ordinal", "grade", "name", "law", "word", "idiom", "outline",
];

/// Exclusions are in the text, hold a number, are listed once, with a known reason.
pub fn exclusions(r: &Folder, out: &mut Vec<Failure>) {
    let mut seen = HashSet::new();
    for e in &r.data.exclusions {
        let message = if !seen.insert(e.text.as_str()) {
            "listed twice".to_string()
        } else if !r.text().contains(&e.text) {
            "not in the report".to_string()
        } else if !e
            .text
            .chars()
            .any(|c| c.is_ascii_digit() || is_chinese_numeral(c))
        {
            "holds no number".to_string()
        } else if !EXCLUSION_REASONS.contains(&e.reason.as_str()) {
            format!("reason {:?} not one of {EXCLUSION_REASONS:?}", e.reason)
        } else {
            continue;
        };
        out.push(r.fail(EXCLUSIONS, Some(&e.text), "exclusions", message));
    }
}

impl Folder<'_> {
    /// The spans of the text that exclusions cover, each with its exclusion's text.
    fn excluded(&self) -> Vec<(usize, usize, &str)> {
        self.data
            .exclusions
            .iter()
            .flat_map(|e| {
                occurrences(self.text(), &e.text)
                    .into_iter()
                    .map(move |p| (p, p + e.text.len(), e.text.as_str()))
            })
            .collect()
    }

    /// Every number of `tokens` that is not the number of a figure at that place (its
    /// value_text, or a scale inside its unit such as 万 in 5300万人次 or 百 in
    /// 1.8个百分点) and lies inside no exclusion.
    fn uncovered<'t>(&self, tokens: Vec<(usize, &'t str)>) -> Vec<(usize, &'t str)> {
        let mut numbers: HashSet<(usize, &str)> = HashSet::new();
        let mut units: Vec<(usize, usize)> = Vec::new();
        for f in &self.data.figures {
            for p in self.number_positions(f) {
                numbers.insert((p, f.value_text.as_str()));
                units.push(self.unit_span(f, p));
            }
        }
        let excluded: Vec<(usize, usize)> = self
            .excluded()
            .into_iter()
            .map(|(a, b, _)| (a, b))
            .collect();
        let inside = |spans: &[(usize, usize)], a: usize, b: usize| {
            spans.iter().any(|&(s, e)| s <= a && b <= e)
        };
        tokens
            .into_iter()
            .filter(|&(p, tok)| {
                let end = p + tok.len();
                !numbers.contains(&(p, tok))
                    && !inside(&units, p, end)
                    && !inside(&excluded, p, end)
            })
            .collect()
    }
}

/// Every Arabic number (`numbers-covered`) and Chinese numeral (`numerals-covered`) of the
/// text is a figure's or excluded.
pub fn numbers(r: &Folder, out: &mut Vec<Failure>) {
    let text = r.text();
    for (rule, tokens) in [
        ("numbers-covered", arabic_number_tokens(text)),
        ("numerals-covered", chinese_numeral_tokens(text)),
    ] {
        for (p, tok) in r.uncovered(tokens) {
            out.push(r.fail_in_text(
                rule,
                format!(
                    "line {}: {tok} is neither a figure nor excluded: {}",
                    r.line_of(p),
                    r.context(p, tok.len())
                ),
            ));
        }
    }
}

/// An exclusion over a figure's number would let a wrong figure pass the coverage rules
/// unnoticed (and says the number is not a measure while a figure says it is).
pub fn no_hidden_figure(r: &Folder, out: &mut Vec<Failure>) {
    const RULE: &str = "exclusions-hide-no-figure";
    let spans = r.excluded();
    for f in &r.data.figures {
        let Some(p) = r.first_number_position(f) else {
            out.push(r.fail(
                FIGURES,
                Some(&f.id),
                RULE,
                "its number is not found in the report".into(),
            ));
            continue;
        };
        let end = p + f.value_text.len();
        for (_, _, text) in spans.iter().filter(|&&(a, b, _)| a <= p && end <= b) {
            out.push(r.fail(
                FIGURES,
                Some(&f.id),
                RULE,
                format!("its number lies inside exclusion {text:?}"),
            ));
        }
    }
}
