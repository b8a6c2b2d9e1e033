//! Reads the compact form of the dataset that `build.rs` writes from `assets/data/*.json`
//! (fields, records and groups split by the ASCII separators 0x1f, 0x1e, 0x1d). The page
//! uses it instead of the JSON so that serde_json's deserializer stays out of the wasm;
//! `Dataset::parse` (JSON) remains the reference, and a test checks the two agree.

use super::{
    Chapter, ComparisonKind, ComparisonSpec, County, Dataset, Exclusion, Figure, Mention, Metric,
    Names, Qualifier, Sector, Taxonomy,
};

pub const DATASET_TXT: &str = include_str!(concat!(env!("OUT_DIR"), "/dataset.txt"));

type Fields<'a> = std::str::Split<'a, char>;

struct Record<'a> {
    fields: Fields<'a>,
    group: &'static str,
}

impl<'a> Record<'a> {
    fn text(&mut self) -> Result<&'a str, String> {
        self.fields
            .next()
            .ok_or_else(|| format!("{}: a record is short of fields", self.group))
    }

    fn string(&mut self) -> Result<String, String> {
        self.text().map(str::to_string)
    }

    fn number<T: std::str::FromStr>(&mut self) -> Result<T, String> {
        let t = self.text()?;
        t.parse()
            .map_err(|_| format!("{}: {t:?} is not a number", self.group))
    }

    fn list(&mut self) -> Result<Vec<String>, String> {
        let t = self.text()?;
        Ok(if t.is_empty() {
            Vec::new()
        } else {
            t.split(',').map(str::to_string).collect()
        })
    }

    fn names(&mut self) -> Result<Names, String> {
        Ok(Names {
            zh: self.string()?,
            en: self.string()?,
        })
    }
}

fn records<'a, T>(
    group: Option<&'a str>,
    name: &'static str,
    read: impl Fn(&mut Record<'a>) -> Result<T, String>,
) -> Result<Vec<T>, String> {
    let group = group.ok_or_else(|| format!("{name}: group missing"))?;
    if group.is_empty() {
        return Ok(Vec::new());
    }
    group
        .split('\u{1e}')
        .map(|r| {
            read(&mut Record {
                fields: r.split('\u{1f}'),
                group: name,
            })
        })
        .collect()
}

fn metric(slug: &str) -> Result<Metric, String> {
    Ok(match slug {
        "level" => Metric::Level,
        "count" => Metric::Count,
        "growth_pct" => Metric::GrowthPct,
        "rate_pct" => Metric::RatePct,
        "share_pct" => Metric::SharePct,
        "change_pp" => Metric::ChangePp,
        _ => return Err(format!("unknown metric {slug}")),
    })
}

fn qualifier(slug: &str) -> Result<Qualifier, String> {
    Ok(match slug {
        "exact" => Qualifier::Exact,
        "about" => Qualifier::About,
        "at_least" => Qualifier::AtLeast,
        "at_most" => Qualifier::AtMost,
        _ => return Err(format!("unknown qualifier {slug}")),
    })
}

/// Parses the compact text and runs the same reference checks as `Dataset::parse`.
pub fn parse_compact(text: &str) -> Result<Dataset, String> {
    let mut groups = text.split('\u{1d}');
    let sectors = records(groups.next(), "sectors", |r| {
        Ok(Sector {
            slug: r.string()?,
            zh: r.string()?,
            en: r.string()?,
        })
    })?;
    let counties = records(groups.next(), "counties", |r| {
        Ok(County {
            slug: r.string()?,
            zh: r.string()?,
            short: r.string()?,
            en: r.string()?,
            col: r.number()?,
            row: r.number()?,
        })
    })?;
    let chapters = records(groups.next(), "chapters", |r| {
        let year = r.number()?;
        let lines = r.text()?;
        let (a, b) = lines
            .split_once(',')
            .ok_or_else(|| format!("chapters: lines {lines:?}"))?;
        let parse = |t: &str| t.parse().map_err(|_| format!("chapters: lines {lines:?}"));
        Ok(Chapter {
            year,
            lines: [parse(a)?, parse(b)?],
            from: Some(r.string()?).filter(|s| !s.is_empty()),
            heading: r.string()?,
            sector: r.string()?,
        })
    })?;
    let figures = records(groups.next(), "figures", |r| {
        Ok(Figure {
            id: r.string()?,
            year: r.number()?,
            sector: r.string()?,
            indicator: r.names()?,
            metric: metric(r.text()?)?,
            value: r.number()?,
            value_text: r.string()?,
            unit: r.string()?,
            qualifier: qualifier(r.text()?)?,
            qualifier_text: r.string()?,
            estimate: r.number()?,
            counties: r.list()?,
            quote: r.string()?,
        })
    })?;
    let mentions = records(groups.next(), "mentions", |r| {
        Ok(Mention {
            id: r.string()?,
            year: r.number()?,
            sector: r.string()?,
            counties: r.list()?,
            quote: r.string()?,
            gist: r.names()?,
        })
    })?;
    let comparison_specs = records(groups.next(), "comparisons", |r| {
        Ok(ComparisonSpec {
            id: r.string()?,
            kind: match r.text()? {
                "growth" => ComparisonKind::Growth,
                "level" => ComparisonKind::Level,
                k => return Err(format!("unknown comparison kind {k}")),
            },
            from: r.string()?,
            to: r.string()?,
            not_comparable: Some(r.string()?).filter(|s| !s.is_empty()),
        })
    })?;
    let exclusions = records(groups.next(), "exclusions", |r| {
        Ok(Exclusion {
            text: r.string()?,
            reason: r.string()?,
        })
    })?;
    let data = Dataset {
        taxonomy: Taxonomy {
            sectors,
            counties,
            chapters,
        },
        figures,
        mentions,
        comparison_specs,
        exclusions,
    };
    data.check_references()?;
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compact_form_reads_as_the_json_does() {
        let from_json = Dataset::parse(
            super::super::TAXONOMY_JSON,
            super::super::FIGURES_JSON,
            super::super::MENTIONS_JSON,
            super::super::COMPARISONS_JSON,
            super::super::EXCLUSIONS_JSON,
        )
        .unwrap();
        let from_compact = parse_compact(DATASET_TXT).unwrap();
        assert_eq!(from_compact, from_json);
    }

    #[test]
    fn damaged_compact_text_is_an_error_not_a_panic() {
        for cut in (0..DATASET_TXT.len()).step_by(997) {
            if DATASET_TXT.is_char_boundary(cut) {
                let _ = parse_compact(&DATASET_TXT[..cut]);
            }
        }
        assert!(parse_compact("").is_err());
        assert!(parse_compact("a\u{1d}b").is_err());
    }
}
