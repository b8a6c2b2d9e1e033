//! The dataset as downloads: CSV (UTF-8 with a BOM, so spreadsheet programs read the
//! Chinese correctly) and one combined JSON document. Shared by `cargo xtask dist` and
//! the in-page download of the rows on screen.
//!
//! The CSV writer is a few lines of RFC 4180 quoting rather than the `csv` crate, to keep
//! the crate out of the wasm; the tests read its output back with the `csv` crate.

pub use super::fields::number;
use super::fields::FIGURE_FIELDS;
use serde::Serialize;

use super::{Comparison, ComparisonKind, County, Dataset, Exclusion, Figure, Mention, Sector};

pub const BOM: &str = "\u{feff}";

/// Quotes a field when it holds a comma, quote or line break.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn line(fields: &[String]) -> String {
    let mut out = fields
        .iter()
        .map(|f| field(f))
        .collect::<Vec<_>>()
        .join(",");
    out.push_str("\r\n");
    out
}

fn header(cols: &[&str]) -> String {
    line(&cols.iter().map(|c| c.to_string()).collect::<Vec<_>>())
}

pub fn figures_csv<'a>(figures: impl IntoIterator<Item = &'a Figure>) -> String {
    let mut out = String::from(BOM);
    let names: Vec<&str> = FIGURE_FIELDS.iter().map(|f| f.name).collect();
    out.push_str(&header(&names));
    for f in figures {
        let cells: Vec<String> = FIGURE_FIELDS.iter().map(|field| (field.get)(f)).collect();
        out.push_str(&line(&cells));
    }
    out
}

pub const COMPARISON_COLUMNS: [&str; 15] = [
    "id",
    "kind",
    "indicator_zh",
    "indicator_en",
    "unit",
    "from_id",
    "from_value",
    "from_qualifier",
    "to_id",
    "to_value",
    "to_qualifier",
    "direction",
    "change_pct",
    "not_comparable",
    "from_estimate",
];

pub fn comparisons_csv<'a>(pairs: impl IntoIterator<Item = &'a Comparison<'a>>) -> String {
    let mut out = String::from(BOM);
    out.push_str(&header(&COMPARISON_COLUMNS));
    for c in pairs {
        let kind = match c.kind() {
            super::ComparisonKind::Growth => "growth",
            super::ComparisonKind::Level => "level",
        };
        out.push_str(&line(&[
            c.spec.id.clone(),
            kind.into(),
            c.to.indicator.zh.clone(),
            c.to.indicator.en.clone(),
            c.to.unit.clone(),
            c.from.id.clone(),
            number(c.from.value),
            c.from.qualifier.slug().into(),
            c.to.id.clone(),
            number(c.to.value),
            c.to.qualifier.slug().into(),
            c.direction.slug().into(),
            c.change_pct()
                .map(|p| format!("{p:.1}"))
                .unwrap_or_default(),
            c.spec.not_comparable.clone().unwrap_or_default(),
            c.from.estimate.to_string(),
        ]));
    }
    out
}

pub const MENTION_COLUMNS: [&str; 7] = [
    "id", "year", "sector", "counties", "gist_zh", "gist_en", "quote",
];

pub fn mentions_csv<'a>(mentions: impl IntoIterator<Item = &'a Mention>) -> String {
    let mut out = String::from(BOM);
    out.push_str(&header(&MENTION_COLUMNS));
    for m in mentions {
        out.push_str(&line(&[
            m.id.clone(),
            m.year.to_string(),
            m.sector.clone(),
            m.counties.join(";"),
            m.gist.zh.clone(),
            m.gist.en.clone(),
            m.quote.clone(),
        ]));
    }
    out
}

/// `report.json`: the whole dataset, comparisons with their computed direction. Typed
/// rather than built as a `serde_json::Value`, which kept the value tree's code in the wasm
/// (the keys are in alphabetical order, as that tree wrote them).
#[derive(Serialize)]
struct Document<'a> {
    comparisons: Vec<Pair<'a>>,
    counties: &'a [County],
    exclusions: &'a [Exclusion],
    figures: &'a [Figure],
    mentions: &'a [Mention],
    plan_year: u16,
    review_year: u16,
    sectors: &'a [Sector],
    source: String,
}

#[derive(Serialize)]
struct Pair<'a> {
    change_pct: Option<f64>,
    direction: &'static str,
    from: &'a str,
    id: &'a str,
    kind: ComparisonKind,
    not_comparable: &'a Option<String>,
    to: &'a str,
}

/// The whole dataset as one JSON document, comparisons with their computed direction.
pub fn report_json(data: &Dataset) -> String {
    let doc = Document {
        comparisons: data
            .comparisons()
            .iter()
            .map(|c| Pair {
                change_pct: c.change_pct(),
                direction: c.direction.slug(),
                from: &c.from.id,
                id: &c.spec.id,
                kind: c.spec.kind,
                not_comparable: &c.spec.not_comparable,
                to: &c.to.id,
            })
            .collect(),
        counties: &data.taxonomy.counties,
        exclusions: &data.exclusions,
        figures: &data.figures,
        mentions: &data.mentions,
        plan_year: data.report.plan_year,
        review_year: data.report.review_year,
        sectors: &data.taxonomy.sectors,
        source: format!("{} ({})", data.report.source.zh, data.report.source.en),
    };
    serde_json::to_string_pretty(&doc).expect("the dataset serialises")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::tests_support::aba;

    /// The typed document says what the `serde_json::json!` tree it replaced said.
    #[test]
    fn report_json_is_the_dataset_with_directions() {
        let data = aba();
        let doc: serde_json::Value = serde_json::from_str(&report_json(data)).unwrap();
        let comparisons: Vec<serde_json::Value> = data
            .comparisons()
            .iter()
            .map(|c| {
                serde_json::json!({
                    "id": c.spec.id, "kind": c.spec.kind, "from": c.from.id, "to": c.to.id,
                    "direction": c.direction.slug(), "change_pct": c.change_pct(),
                    "not_comparable": c.spec.not_comparable,
                })
            })
            .collect();
        let expected = serde_json::json!({
            "source": format!("{} ({})", data.report.source.zh, data.report.source.en),
            "review_year": 2023, "plan_year": 2024,
            "sectors": data.taxonomy.sectors, "counties": data.taxonomy.counties,
            "figures": data.figures, "comparisons": comparisons,
            "mentions": data.mentions, "exclusions": data.exclusions,
        });
        // Both through text, so both meet serde_json's float parser the same way.
        let expected: serde_json::Value = serde_json::from_str(&expected.to_string()).unwrap();
        for (key, want) in expected.as_object().unwrap() {
            assert_eq!(&doc[key], want, "{key}");
        }
        assert_eq!(
            doc.as_object().unwrap().len(),
            expected.as_object().unwrap().len()
        );
    }
}
