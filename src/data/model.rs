//! The dataset's types. Field meanings and rules are in `docs/data.md`.

use serde::{Deserialize, Serialize};

/// A Chinese/English pair of names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Names {
    pub zh: String,
    pub en: String,
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
pub enum Metric {
    Level,
    Count,
    GrowthPct,
    RatePct,
    SharePct,
    ChangePp,
}

impl Metric {
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
pub enum Qualifier {
    Exact,
    About,
    AtLeast,
    AtMost,
}

impl Qualifier {
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

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
}
