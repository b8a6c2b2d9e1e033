//! Each figure against its quote and the text: its part, its order, its number and unit,
//! 预计, and the ids of every record.

use super::scan::unit_follows_value;
use super::{occurrences, Failure, Folder, COMPARISONS, FIGURES, MENTIONS};
use crate::data::{parse_number, Figure, Metric};
use std::collections::HashSet;

const SENTENCE_ENDS: [char; 5] = ['。', '；', '！', '？', '\n'];

/// The quote is in the report and first occurs in the part of the figure's year (the app
/// shows the context around `text.find(quote)`).
pub fn in_their_part(r: &Folder, out: &mut Vec<Failure>) {
    for f in &r.data.figures {
        let fail = |message| r.fail(FIGURES, Some(&f.id), "quote-in-its-part", message);
        match r.text().find(&f.quote) {
            None => out.push(fail(format!("quote not in the report: {}", f.quote))),
            Some(p) if r.year_at(p) != f.year => out.push(fail(format!(
                "year {} but the quote first occurs in the {} part: {}",
                f.year,
                r.year_at(p),
                f.quote
            ))),
            Some(_) => {}
        }
    }
}

pub fn in_order(r: &Folder, out: &mut Vec<Failure>) {
    let position = |f: &Figure| {
        r.text()
            .find(&f.quote)
            .map(|p| p + f.quote.find(&f.value_text).unwrap_or(0))
    };
    for w in r.data.figures.windows(2) {
        if position(&w[0]) > position(&w[1]) {
            out.push(r.fail(
                FIGURES,
                Some(&w[1].id),
                "report-order",
                format!(
                    "{} comes before {} in the file, after it in the text",
                    w[0].id, w[1].id
                ),
            ));
        }
    }
}

/// `value_text` is in the quote and reads as the value (its sign is the sign rule's).
pub fn values(r: &Folder, out: &mut Vec<Failure>) {
    for f in &r.data.figures {
        let fail = |message| r.fail(FIGURES, Some(&f.id), "value-text", message);
        if !f.quote.contains(&f.value_text) {
            out.push(fail(format!(
                "value_text {:?} not in quote {}",
                f.value_text, f.quote
            )));
            continue;
        }
        match parse_number(&f.value_text) {
            Some(v) if (v - f.value.abs()).abs() < 1e-9 => {}
            parsed => out.push(fail(format!(
                "value {} but value_text {:?} reads as {parsed:?}",
                f.value, f.value_text
            ))),
        }
    }
}

/// The unit is written right after the number, and fits the metric.
pub fn units(r: &Folder, out: &mut Vec<Failure>) {
    for f in &r.data.figures {
        if !unit_follows_value(f) {
            out.push(r.fail(
                FIGURES,
                Some(&f.id),
                "unit-after-value",
                format!("{:?} + {:?} not in {}", f.value_text, f.unit, f.quote),
            ));
        }
        let misfit = match f.metric {
            Metric::GrowthPct | Metric::RatePct | Metric::SharePct => f.unit != "%",
            Metric::ChangePp => f.unit != "个百分点",
            Metric::Level | Metric::Count => f.unit == "%",
        };
        if misfit {
            out.push(r.fail(
                FIGURES,
                Some(&f.id),
                "unit-fits-metric",
                format!("metric {} with unit {:?}", f.metric.slug(), f.unit),
            ));
        }
    }
}

/// `estimate` is true exactly when 预计 stands in the same sentence before the quote ends.
pub fn estimates(r: &Folder, out: &mut Vec<Failure>) {
    let text = r.text();
    for f in &r.data.figures {
        let Some(at) = occurrences(text, &f.quote)
            .into_iter()
            .find(|&p| r.year_at(p) == f.year)
        else {
            continue; // quote-in-its-part says so
        };
        let sentence_start = text[..at]
            .char_indices()
            .rev()
            .find(|&(_, c)| SENTENCE_ENDS.contains(&c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let says = text[sentence_start..at + f.quote.len()].contains("预计");
        if says != f.estimate {
            out.push(r.fail(
                FIGURES,
                Some(&f.id),
                "estimate",
                format!("estimate {} but 预计 in the sentence: {says}", f.estimate),
            ));
        }
    }
}

fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

pub fn ids(r: &Folder, out: &mut Vec<Failure>) {
    let d = r.data;
    let mut seen = HashSet::new();
    for f in &d.figures {
        let fail = |message: &str| r.fail(FIGURES, Some(&f.id), "ids", message.to_string());
        if !seen.insert(f.id.as_str()) {
            out.push(fail("duplicate id"));
        }
        // The year is the review or the plan year (checked by `Dataset::load`).
        if !is_kebab(&f.id) || !f.id.ends_with(&format!("-{}", f.year)) {
            out.push(fail(&format!("not kebab-case ending in -{}", f.year)));
        }
    }
    let mut seen = HashSet::new();
    for m in &d.mentions {
        let fail = |message: &str| r.fail(MENTIONS, Some(&m.id), "ids", message.to_string());
        if !seen.insert(m.id.as_str()) {
            out.push(fail("duplicate id"));
        }
        let first = m.counties.first().map_or("", String::as_str);
        let prefix = format!("m-{first}-{}-", m.year);
        let ok = is_kebab(&m.id)
            && m.id
                .strip_prefix(&prefix)
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        if !ok {
            out.push(fail(&format!("not of the form {prefix}<n>")));
        }
    }
    let mut seen = HashSet::new();
    for c in &d.comparison_specs {
        if !seen.insert(c.id.as_str()) || !is_kebab(&c.id) {
            out.push(r.fail(
                COMPARISONS,
                Some(&c.id),
                "ids",
                "duplicate or not kebab-case".into(),
            ));
        }
    }
}
