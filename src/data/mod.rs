//! The report's dataset: types, the one place that parses the embedded JSON, and the
//! comparisons between 2023 results and 2024 targets. Pure Rust, no browser types.

mod compact;
mod compare;
mod context;
pub mod export;
pub mod format;
mod model;
mod numerals;

pub use compare::{Comparison, Direction};
pub use model::*;
pub use numerals::{
    arabic_number_tokens, chinese_numeral_tokens, is_chinese_numeral, parse_number,
};

use std::collections::HashSet;
use std::sync::OnceLock;

// build.rs writes these from seeds/ and assets/data/ (the sources of truth): the JSON
// without its layout whitespace and, in the wasm build, the report text cut to the
// sentences around the figures' quotes (all `context_of` needs; checked at build time).
pub const SEED: &str = include_str!(concat!(env!("OUT_DIR"), "/seed.txt"));
pub const TAXONOMY_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/taxonomy.json"));
pub const FIGURES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/figures.json"));
pub const MENTIONS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/mentions.json"));
pub const COMPARISONS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/comparisons.json"));
pub const EXCLUSIONS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/exclusions.json"));

/// Years as the report splits them: the review of 2023 and the plan for 2024.
pub const YEARS: [u16; 2] = [2023, 2024];

#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub taxonomy: Taxonomy,
    pub figures: Vec<Figure>,
    pub mentions: Vec<Mention>,
    pub comparison_specs: Vec<ComparisonSpec>,
    pub exclusions: Vec<Exclusion>,
}

impl Dataset {
    /// The dataset compiled into the binary. It is checked by the test suite before any
    /// build, so a parse failure here is a build defect, reported by the panic hook.
    pub fn embedded() -> &'static Dataset {
        static DATA: OnceLock<Dataset> = OnceLock::new();
        DATA.get_or_init(|| {
            compact::parse_compact(compact::DATASET_TXT)
                .unwrap_or_else(|e| panic!("embedded dataset is invalid: {e}"))
        })
    }

    /// Parses and cross-checks the five JSON documents.
    pub fn parse(
        taxonomy: &str,
        figures: &str,
        mentions: &str,
        comparisons: &str,
        exclusions: &str,
    ) -> Result<Dataset, String> {
        fn read<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> Result<T, String> {
            serde_json::from_str(text).map_err(|e| format!("{name}: {e}"))
        }
        let data = Dataset {
            taxonomy: read("taxonomy.json", taxonomy)?,
            figures: read("figures.json", figures)?,
            mentions: read("mentions.json", mentions)?,
            comparison_specs: read("comparisons.json", comparisons)?,
            exclusions: read("exclusions.json", exclusions)?,
        };
        data.check_references()?;
        Ok(data)
    }

    /// Every slug and id that one record uses must exist, and ids must be unique.
    pub(crate) fn check_references(&self) -> Result<(), String> {
        let mut ids = HashSet::new();
        for f in &self.figures {
            if !ids.insert(f.id.as_str()) {
                return Err(format!("duplicate figure id {}", f.id));
            }
            self.check_slugs(&f.id, &f.sector, &f.counties)?;
            if !YEARS.contains(&f.year) {
                return Err(format!("{}: year {} is not 2023 or 2024", f.id, f.year));
            }
            if !f.value.is_finite() {
                return Err(format!("{}: value is not a finite number", f.id));
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
            if from.year != 2023 || to.year != 2024 {
                return Err(format!("{}: must pair a 2023 figure with a 2024 one", c.id));
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

    /// 2024 growth targets that no comparison pairs with a 2023 result.
    pub fn unpaired_growth_targets(&self) -> Vec<&Figure> {
        let paired: HashSet<&str> = self
            .comparison_specs
            .iter()
            .map(|c| c.to.as_str())
            .collect();
        self.figures
            .iter()
            .filter(|f| f.year == 2024 && f.metric == Metric::GrowthPct)
            .filter(|f| !paired.contains(f.id.as_str()))
            .collect()
    }

    /// The sentence of the report around a quote: for "show the context" in the table.
    pub fn context_of(&self, quote: &str) -> Option<&'static str> {
        context::context_of(SEED, quote)
    }
}
