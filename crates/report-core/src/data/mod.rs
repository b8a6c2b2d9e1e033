//! A report's dataset: types, the readers of a report folder (JSON, and the compact form
//! the page embeds), and the comparisons between the review year's results and the plan
//! year's targets. Pure Rust, no browser types.

// The data rules run natively (cargo xtask dist, the tests), never in the page.
#[cfg(not(target_arch = "wasm32"))]
pub mod check;
pub mod compact;
mod compare;
mod context;
pub use context::{context_of, context_range};
pub mod export;
pub mod fields;
pub mod format;
mod model;
mod numerals;

pub use compare::{Comparison, Direction};
pub use model::*;
pub use numerals::{
    arabic_number_tokens, chinese_numeral_tokens, is_chinese_numeral, parse_number,
};

use std::borrow::Cow;
use std::collections::HashSet;
use std::path::Path;

/// The files of a report folder next to its `manifest.json` (the text file is named in
/// the manifest).
pub const FOLDER_FILES: [&str; 5] = [
    "manifest",
    "figures",
    "mentions",
    "comparisons",
    "exclusions",
];

#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub report: Report,
    pub taxonomy: Taxonomy,
    pub figures: Vec<Figure>,
    pub mentions: Vec<Mention>,
    pub comparison_specs: Vec<ComparisonSpec>,
    pub exclusions: Vec<Exclusion>,
    /// The report text: the whole of it, or (in the page) the sentences around the
    /// figures' quotes, which is all `context_of` reads.
    pub text: Cow<'static, str>,
}

impl Dataset {
    /// Parses and cross-checks the JSON documents of a report folder and its text.
    pub fn parse(
        manifest: &str,
        figures: &str,
        mentions: &str,
        comparisons: &str,
        exclusions: &str,
        text: impl Into<Cow<'static, str>>,
    ) -> Result<Dataset, String> {
        fn read<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> Result<T, String> {
            serde_json::from_str(text).map_err(|e| format!("{name}: {e}"))
        }
        let manifest: Manifest = read("manifest.json", manifest)?;
        let data = Dataset {
            report: manifest.report,
            taxonomy: manifest.taxonomy,
            figures: read("figures.json", figures)?,
            mentions: read("mentions.json", mentions)?,
            comparison_specs: read("comparisons.json", comparisons)?,
            exclusions: read("exclusions.json", exclusions)?,
            text: text.into(),
        };
        data.check_references()?;
        Ok(data)
    }

    /// Reads a report folder: `manifest.json`, the four record files beside it, and the
    /// text file the manifest names. Every failure names the file.
    pub fn load(dir: impl AsRef<Path>) -> Result<Dataset, String> {
        let dir = dir.as_ref();
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
        };
        let [manifest, figures, mentions, comparisons, exclusions] =
            FOLDER_FILES.map(|name| read(&format!("{name}.json")));
        let manifest = manifest?;
        let text_path: Manifest = serde_json::from_str(&manifest)
            .map_err(|e| format!("{}: {e}", dir.join("manifest.json").display()))?;
        let text = read(&text_path.report.text)?;
        Dataset::parse(
            &manifest,
            &figures?,
            &mentions?,
            &comparisons?,
            &exclusions?,
            text,
        )
        .map_err(|e| format!("{}: {e}", dir.display()))
    }

    pub fn review_year(&self) -> u16 {
        self.report.review_year
    }

    pub fn plan_year(&self) -> u16 {
        self.report.plan_year
    }

    /// Which part of the report a figure or mention of this year belongs to.
    pub fn period(&self, year: u16) -> Option<Period> {
        self.report.period(year)
    }

    /// Every slug and id that one record uses must exist, and ids must be unique.
    pub(crate) fn check_references(&self) -> Result<(), String> {
        let mut ids = HashSet::new();
        for f in &self.figures {
            if !ids.insert(f.id.as_str()) {
                return Err(format!("duplicate figure id {}", f.id));
            }
            self.check_slugs(&f.id, &f.sector, &f.counties)?;
            if self.period(f.year).is_none() {
                return Err(format!(
                    "{}: year {} is neither the review year {} nor the plan year {}",
                    f.id, f.year, self.report.review_year, self.report.plan_year
                ));
            }
            if !f.value.is_finite() {
                return Err(format!("{}: value is not a finite number", f.id));
            }
        }
        // The tile map (assets/style.css) places tiles on an 8 × 8 grid, one county a tile.
        let mut tiles = HashSet::new();
        for c in &self.taxonomy.counties {
            if c.col >= 8 || c.row >= 8 {
                return Err(format!(
                    "county {}: tile {},{} is off the 8 × 8 map",
                    c.slug, c.col, c.row
                ));
            }
            if !tiles.insert((c.col, c.row)) {
                return Err(format!(
                    "county {}: tile {},{} is taken",
                    c.slug, c.col, c.row
                ));
            }
        }
        if let Some(c) = self
            .taxonomy
            .chapters
            .iter()
            .find(|c| self.sector(&c.sector).is_none())
        {
            return Err(format!(
                "chapter {}: unknown sector {}",
                c.heading, c.sector
            ));
        }
        let mut mention_ids = HashSet::new();
        for m in &self.mentions {
            if !mention_ids.insert(m.id.as_str()) {
                return Err(format!("duplicate mention id {}", m.id));
            }
            if self.period(m.year).is_none() {
                return Err(format!(
                    "{}: year {} is not one of the report's",
                    m.id, m.year
                ));
            }
            self.check_slugs(&m.id, &m.sector, &m.counties)?;
        }
        let mut pair_ids = HashSet::new();
        for c in &self.comparison_specs {
            if !pair_ids.insert(c.id.as_str()) {
                return Err(format!("duplicate comparison id {}", c.id));
            }
            let from = self
                .figure(&c.from)
                .ok_or(format!("{}: no figure {}", c.id, c.from))?;
            let to = self
                .figure(&c.to)
                .ok_or(format!("{}: no figure {}", c.id, c.to))?;
            if self.period(from.year) != Some(Period::Review)
                || self.period(to.year) != Some(Period::Plan)
            {
                return Err(format!(
                    "{}: must pair a {} figure with a {} one",
                    c.id, self.report.review_year, self.report.plan_year
                ));
            }
            // A growth pair is a review-year rate against a plan-year target of the same
            // measure; one that is "not comparable" would drop its target from the growth
            // chart, so it is a mistake in the data, not a kind of pair.
            if c.kind == ComparisonKind::Growth && c.not_comparable.is_some() {
                return Err(format!(
                    "{}: a growth pair cannot be marked not comparable; remove the pair and the target is shown alone",
                    c.id
                ));
            }
        }
        Ok(())
    }

    fn check_slugs(&self, id: &str, sector: &str, counties: &[String]) -> Result<(), String> {
        if self.sector(sector).is_none() {
            return Err(format!("{id}: unknown sector {sector}"));
        }
        if let Some(c) = counties.iter().find(|c| self.county(c).is_none()) {
            return Err(format!("{id}: unknown county {c}"));
        }
        Ok(())
    }

    pub fn figure(&self, id: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.id == id)
    }

    pub fn sector(&self, slug: &str) -> Option<&Sector> {
        self.taxonomy.sectors.iter().find(|s| s.slug == slug)
    }

    pub fn county(&self, slug: &str) -> Option<&County> {
        self.taxonomy.counties.iter().find(|c| c.slug == slug)
    }

    /// All pairs, resolved, with their direction.
    pub fn comparisons(&self) -> Vec<Comparison<'_>> {
        self.comparison_specs
            .iter()
            .filter_map(|spec| {
                Some(Comparison::new(
                    spec,
                    self.figure(&spec.from)?,
                    self.figure(&spec.to)?,
                ))
            })
            .collect()
    }

    /// Growth targets of the plan year that no comparison pairs with a review-year result.
    pub fn unpaired_growth_targets(&self) -> Vec<&Figure> {
        // A scan, not a set: a few dozen comparisons, and the page's wasm carries no
        // hash set of strings for it.
        self.figures
            .iter()
            .filter(|f| f.year == self.report.plan_year && f.metric == Metric::GrowthPct)
            .filter(|f| {
                !self
                    .comparison_specs
                    .iter()
                    .any(|c| c.to == f.id && c.not_comparable.is_none())
            })
            .collect()
    }

    /// The sentence of the report around a quote: for "show the context" in the table.
    pub fn context_of(&self, quote: &str) -> Option<&str> {
        context::context_of(&self.text, quote)
    }
}

/// The report folders the native tests read (shared with the integration tests).
#[cfg(test)]
#[path = "test_folders.rs"]
pub(crate) mod tests_support;

#[cfg(test)]
mod tests {
    use super::tests_support::aba;

    #[test]
    fn a_growth_pair_marked_not_comparable_is_refused_and_its_target_stays_on_the_chart() {
        let mut data = aba().clone();
        let i = data
            .comparison_specs
            .iter()
            .position(|c| c.kind == super::ComparisonKind::Growth)
            .expect("a growth pair");
        data.comparison_specs[i].not_comparable = Some("different measures".into());
        let err = data.check_references().unwrap_err();
        assert!(err.contains("cannot be marked not comparable"), "{err}");
        // Even unchecked, the target is not lost: it counts as a target alone.
        let to = data.comparison_specs[i].to.clone();
        assert!(data.unpaired_growth_targets().iter().any(|f| f.id == to));
    }

    #[test]
    fn county_tiles_stay_on_the_map_one_county_each() {
        let mut data = aba().clone();
        data.taxonomy.counties[1].col = data.taxonomy.counties[0].col;
        data.taxonomy.counties[1].row = data.taxonomy.counties[0].row;
        assert!(data.check_references().unwrap_err().contains("is taken"));
        data.taxonomy.counties[1].row = 8;
        assert!(data
            .check_references()
            .unwrap_err()
            .contains("off the 8 × 8 map"));
    }
}
