//! The dataset's types. Field meanings and rules are in `docs/data.md`.

use serde::{Deserialize, Serialize};

/// A Chinese/English pair of names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Names {
    pub zh: String,
    pub en: String,
}

/// Which report this is: everything the page says about it comes from here (the
/// manifest of a report folder), so no code names a place or a year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// The report's name as a heading uses it: 阿坝州2024年政府工作报告.
    pub title: Names,
    /// The place, as a sentence uses it: 阿坝州.
    pub place: Names,
    /// The source line's full name of the report.
    pub source: Names,
    /// The year the first part of the report reviews (its figures are results).
    pub review_year: u16,
    /// The year the second part plans (its figures are targets).
    pub plan_year: u16,
    /// The last line (1-based) of the review part; the plan part starts after it.
    pub review_ends_line: u32,
    /// The report text, relative to the manifest.
    pub text: String,
    /// sha256 of the text file: changing the report is a decision.
    pub text_sha256: String,
    /// The start of every download's file name.
    pub file_stem: String,
    /// Example words for the search box's placeholder.
    pub search_example: Names,
}

/// The two parts of a work report: the review of last year and the plan for this one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    Review,
    Plan,
}

impl Report {
    pub fn year(&self, period: Period) -> u16 {
        match period {
            Period::Review => self.review_year,
            Period::Plan => self.plan_year,
        }
    }

    pub fn period(&self, year: u16) -> Option<Period> {
        if year == self.review_year {
            Some(Period::Review)
        } else if year == self.plan_year {
            Some(Period::Plan)
        } else {
            None
        }
    }
}

/// `manifest.json`: the report's identity and its taxonomy in one document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    #[serde(flatten)]
    pub report: Report,
    #[serde(flatten)]
    pub taxonomy: Taxonomy,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sector {
    pub slug: String,
    pub zh: String,
    pub en: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct County {
    pub slug: String,
    /// Full name, e.g. 马尔康市.
    pub zh: String,
    /// The name as the report usually writes it, e.g. 马尔康.
    pub short: String,
    pub en: String,
    /// Position on the tile map (0-based column and row).
    pub col: u8,
    pub row: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[derive(Default)]
pub enum Metric {
    #[default]
    Level,
    Count,
    GrowthPct,
    RatePct,
    SharePct,
    ChangePp,
}

impl Metric {
    pub const ALL: [Metric; 6] = [
        Metric::Level,
        Metric::Count,
        Metric::GrowthPct,
        Metric::RatePct,
        Metric::SharePct,
        Metric::ChangePp,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Metric::Level => "level",
            Metric::Count => "count",
            Metric::GrowthPct => "growth_pct",
            Metric::RatePct => "rate_pct",
            Metric::SharePct => "share_pct",
            Metric::ChangePp => "change_pp",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[derive(Default)]
pub enum Qualifier {
    #[default]
    Exact,
    About,
    AtLeast,
    AtMost,
}

impl Qualifier {
    pub const ALL: [Qualifier; 4] = [
        Qualifier::Exact,
        Qualifier::About,
        Qualifier::AtLeast,
        Qualifier::AtMost,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::About => "about",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
        }
    }

    /// The mathematical sign drawn next to a value ("" for exact).
    pub fn sign(self) -> &'static str {
        match self {
            Qualifier::Exact => "",
            Qualifier::About => "≈",
            Qualifier::AtLeast => "≥",
            Qualifier::AtMost => "≤",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub id: String,
    pub year: u16,
    pub sector: String,
    pub indicator: Names,
    pub metric: Metric,
    pub value: f64,
    pub value_text: String,
    pub unit: String,
    pub qualifier: Qualifier,
    pub qualifier_text: String,
    pub estimate: bool,
    pub counties: Vec<String>,
    pub quote: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub id: String,
    pub year: u16,
    pub sector: String,
    pub counties: Vec<String>,
    pub quote: String,
    pub gist: Names,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exclusion {
    pub text: String,
    pub reason: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComparisonKind {
    Growth,
    Level,
}

impl ComparisonKind {
    pub fn slug(self) -> &'static str {
        match self {
            ComparisonKind::Growth => "growth",
            ComparisonKind::Level => "level",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComparisonSpec {
    pub id: String,
    pub kind: ComparisonKind,
    pub from: String,
    pub to: String,
    /// Set when the pair looks alike but measures different things; the reason why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_comparable: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chapter {
    pub year: u16,
    /// First and last line (1-based, inclusive) of the report that the chapter spans.
    pub lines: [u32; 2],
    /// Set when the chapter starts inside its first line: the words it starts with.
    /// Splits a paragraph that runs through several topics (the headline targets).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    pub heading: String,
    /// The sector slug of the figures in it (checked against each figure by the tests).
    pub sector: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Taxonomy {
    pub sectors: Vec<Sector>,
    pub counties: Vec<County>,
    pub chapters: Vec<Chapter>,
    /// What the data rules (`data::check`) need to know about this one report; optional.
    /// The page never reads it (the compact form leaves it out), and the wasm build has
    /// neither the field nor the rules, so they cost the page nothing.
    #[cfg(not(target_arch = "wasm32"))]
    #[serde(default, skip_serializing_if = "CheckNotes::is_empty")]
    pub checks: CheckNotes,
}

/// The manifest's `checks`: what the generic data rules cannot know about one report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckNotes {
    /// Counties whose short name also names something else in the report (the
    /// prefecture, a scenic area, a park): for them only the full name is checked.
    #[serde(default)]
    pub ambiguous_counties: Vec<String>,
    /// Figures whose sector is not their chapter's, each with its reason.
    #[serde(default)]
    pub sector_exceptions: Vec<SectorException>,
}

impl CheckNotes {
    pub fn is_empty(&self) -> bool {
        self.ambiguous_counties.is_empty() && self.sector_exceptions.is_empty()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectorException {
    pub figure: String,
    pub reason: String,
}
