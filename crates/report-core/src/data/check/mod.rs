//! The data rules: whether a report folder may be built (`docs/data.md`).
//!
//! Each rule holds for any report folder; what one report needs beyond them (counties
//! whose short name means something else, figures whose sector is not their chapter's)
//! is data, the manifest's `checks` (`CheckNotes`). [`check`] runs every rule and returns
//! every failure, each naming its file, its record (when there is one) and its rule, so
//! one run shows all the slips at once. `cargo xtask dist` refuses a folder with any, and
//! `tests/dataset.rs` asserts there are none in every report folder of the repository.
//!
//! One file a job: `scan` (where a figure's number stands in the text), `report` (the
//! text, its parts and chapters), `figures`, `qualifiers`, `counties`, `coverage` (every
//! number of the text is a figure or excluded), `comparisons`, `sign`.

mod comparisons;
mod counties;
mod coverage;
mod figures;
mod qualifiers;
mod report;
mod scan;
mod sha256;
mod sign;

use super::Dataset;
use std::fmt;
use std::path::Path;

pub use qualifiers::qualifier_is_adjacent;
pub use sign::sign_before;

/// One broken rule: where, which rule, and what is wrong, for a person to fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// The file to fix: `manifest.json`, `figures.json`, `mentions.json`,
    /// `comparisons.json`, `exclusions.json`, or the text file the manifest names.
    pub file: String,
    /// The record's id (an exclusion's text, a chapter's heading), when there is one.
    pub record: Option<String>,
    /// The rule's name, one of [`RULES`].
    pub rule: &'static str,
    pub message: String,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(record) = &self.record {
            write!(f, " {record}")?;
        }
        write!(f, " [{}]: {}", self.rule, self.message)
    }
}

/// Every rule by name, with what it asks. `docs/data.md` explains each.
pub const RULES: [(&str, &str); 22] = [
    (
        "comparisons-resolve",
        "every comparison names two figures of the folder",
    ),
    (
        "text-pinned",
        "the text's sha256 is the manifest's text_sha256",
    ),
    (
        "plan-heading",
        "the line after review_ends_line is a heading with the plan year",
    ),
    (
        "chapters",
        "the chapters cover every line of the text in order, each in its year's part",
    ),
    (
        "quote-in-its-part",
        "a figure's quote first occurs in the part of its year",
    ),
    (
        "report-order",
        "figures are listed in the order of the text",
    ),
    (
        "value-text",
        "value_text is in the quote and reads as the value",
    ),
    (
        "unit-after-value",
        "the unit is written right after the number",
    ),
    (
        "unit-fits-metric",
        "percentages in %, points in 个百分点, amounts and counts not in %",
    ),
    (
        "qualifier-words",
        "the qualifier is set by one of its words in the quote",
    ),
    (
        "qualifier-adjacent",
        "a qualifier word stands next to its own number",
    ),
    (
        "estimate",
        "estimate is set exactly when 预计 comes earlier in the sentence",
    ),
    (
        "county-tags",
        "county tags are named in the quote, and named counties tagged",
    ),
    (
        "mentions",
        "mentions quote their part, have a gist, and cover every county clause",
    ),
    (
        "ids",
        "ids are unique kebab-case, figures' end in their year, mentions' m-<county>-<year>-<n>",
    ),
    (
        "exclusions",
        "exclusions are in the text, hold a number, once each, with a known reason",
    ),
    (
        "numbers-covered",
        "every Arabic number of the text is a figure or excluded",
    ),
    (
        "numerals-covered",
        "every Chinese numeral of the text is a figure or excluded",
    ),
    (
        "exclusions-hide-no-figure",
        "no exclusion covers a figure's number",
    ),
    (
        "comparisons-like",
        "comparisons pair like with like; one id base in both years is paired",
    ),
    (
        "sign-words",
        "a number after a sign word of decrease is a negative figure",
    ),
    (
        "sector-by-chapter",
        "a figure's sector is its chapter's, or a listed exception",
    ),
];

/// Runs every rule on a loaded folder (its text included) and returns every failure.
pub fn check(data: &Dataset) -> Vec<Failure> {
    let r = Folder::new(data);
    let mut out = Vec::new();
    comparisons::resolve(&r, &mut out);
    report::pinned(&r, &mut out);
    report::plan_heading(&r, &mut out);
    report::chapters(&r, &mut out);
    figures::in_their_part(&r, &mut out);
    figures::in_order(&r, &mut out);
    figures::values(&r, &mut out);
    figures::units(&r, &mut out);
    qualifiers::words(&r, &mut out);
    qualifiers::adjacent(&r, &mut out);
    figures::estimates(&r, &mut out);
    counties::tags(&r, &mut out);
    counties::mentions(&r, &mut out);
    figures::ids(&r, &mut out);
    coverage::exclusions(&r, &mut out);
    coverage::numbers(&r, &mut out);
    coverage::no_hidden_figure(&r, &mut out);
    comparisons::like_with_like(&r, &mut out);
    sign::sign_words(&r, &mut out);
    report::sectors(&r, &mut out);
    out
}

/// Loads a report folder and checks it: `Err` when it does not load (the loader's
/// message, naming the file), else every failure of [`check`].
pub fn check_folder(dir: impl AsRef<Path>) -> Result<Vec<Failure>, String> {
    Ok(check(&Dataset::load(dir)?))
}

pub(crate) const FIGURES: &str = "figures.json";
pub(crate) const MENTIONS: &str = "mentions.json";
pub(crate) const COMPARISONS: &str = "comparisons.json";
pub(crate) const EXCLUSIONS: &str = "exclusions.json";
pub(crate) const MANIFEST: &str = "manifest.json";

/// A loaded folder with what the rules ask of its text.
pub(crate) struct Folder<'a> {
    pub data: &'a Dataset,
    /// Byte offset where the plan part begins (the line after `review_ends_line`).
    pub plan_start: usize,
}

impl<'a> Folder<'a> {
    fn new(data: &'a Dataset) -> Self {
        let plan_start = data
            .text
            .split_inclusive('\n')
            .take(data.report.review_ends_line as usize)
            .map(str::len)
            .sum();
        Folder { data, plan_start }
    }

    pub fn text(&self) -> &'a str {
        &self.data.text
    }

    /// A failure of `rule` in `file`, about `record`.
    pub fn fail(
        &self,
        file: &str,
        record: Option<&str>,
        rule: &'static str,
        message: String,
    ) -> Failure {
        Failure {
            file: file.to_string(),
            record: record.map(str::to_string),
            rule,
            message,
        }
    }

    /// A failure at a place of the text (no record names it).
    pub fn fail_in_text(&self, rule: &'static str, message: String) -> Failure {
        self.fail(&self.data.report.text, None, rule, message)
    }

    /// The year of the part of the report a byte offset is in.
    pub fn year_at(&self, pos: usize) -> u16 {
        if pos < self.plan_start {
            self.data.report.review_year
        } else {
            self.data.report.plan_year
        }
    }

    /// The report around a byte offset, for failure messages.
    pub fn context(&self, pos: usize, len: usize) -> String {
        let text = self.text();
        let start = text[..pos]
            .char_indices()
            .rev()
            .nth(19)
            .map_or(0, |(i, _)| i);
        let end = text[pos + len..]
            .char_indices()
            .nth(20)
            .map_or(text.len(), |(i, _)| pos + len + i);
        format!("…{}…", text[start..end].replace('\n', "⏎"))
    }

    /// The 1-based line of a byte offset.
    pub fn line_of(&self, pos: usize) -> u32 {
        self.text()[..pos].matches('\n').count() as u32 + 1
    }

    /// Whether the manifest's `checks` lists the county as ambiguous.
    pub fn ambiguous(&self, slug: &str) -> bool {
        self.data
            .taxonomy
            .checks
            .ambiguous_counties
            .iter()
            .any(|c| c == slug)
    }
}

/// Every (possibly overlapping) byte offset where `needle` occurs in `hay`.
pub fn occurrences(hay: &str, needle: &str) -> Vec<usize> {
    let mut out = Vec::new();
    if needle.is_empty() {
        return out;
    }
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        out.push(from + i);
        from += i + needle.chars().next().map_or(1, char::len_utf8);
    }
    out
}
