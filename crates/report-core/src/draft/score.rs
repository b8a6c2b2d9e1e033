//! Scoring a draft against a reviewed folder of the same text. A drafted figure matches a
//! reviewed one when they stand on the same line with the same value (its magnitude: the
//! sign is scored as a field) and unit. On the matched figures each field is compared;
//! then the reviewed growth and level pairs found, and the reviewed exclusions drafted
//! as figures. Sectors are compared by slug when the reviewed folder uses the default
//! sectors' slugs; otherwise each drafted sector is mapped to the reviewed sector most of
//! its matched figures have (the mapping is printed).

use super::parts::{line_of, line_starts};
use super::Draft;
use crate::data::{ComparisonKind, Dataset, Figure};
use std::collections::HashMap;
use std::fmt;

pub use super::details::details;

/// One row of the table: what, how many agree of how many, the target (a share, and
/// whether it is a floor or a ceiling).
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub name: &'static str,
    pub hits: usize,
    pub of: usize,
    pub target: Option<(f64, bool)>,
}

impl Row {
    pub fn share(&self) -> f64 {
        if self.of == 0 {
            1.0
        } else {
            self.hits as f64 / self.of as f64
        }
    }

    pub fn passes(&self) -> bool {
        match self.target {
            None => true,
            Some((t, floor)) => {
                if floor {
                    self.share() >= t
                } else {
                    self.share() <= t
                }
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    pub rows: Vec<Row>,
    /// Drafted sector → reviewed sector, when the slugs differ.
    pub sector_map: Vec<(String, String)>,
}

impl Score {
    pub fn row(&self, name: &str) -> &Row {
        self.rows
            .iter()
            .find(|r| r.name == name)
            .expect("a row of the table")
    }

    pub fn failing(&self) -> Vec<&'static str> {
        self.rows
            .iter()
            .filter(|r| !r.passes())
            .map(|r| r.name)
            .collect()
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "| measure | score | count | target | |")?;
        writeln!(f, "|---|---:|---:|---|---|")?;
        for r in &self.rows {
            let target = match r.target {
                None => String::new(),
                Some((t, true)) => format!("≥ {:.0} %", t * 100.0),
                Some((t, false)) => format!("≤ {:.0} %", t * 100.0),
            };
            let mark = match r.target {
                None => "",
                Some(_) if r.passes() => "ok",
                Some(_) => "MISS",
            };
            writeln!(
                f,
                "| {} | {:.1} % | {}/{} | {target} | {mark} |",
                r.name,
                r.share() * 100.0,
                r.hits,
                r.of
            )?;
        }
        if !self.sector_map.is_empty() {
            let map: Vec<String> = self
                .sector_map
                .iter()
                .map(|(a, b)| format!("{a}→{b}"))
                .collect();
            writeln!(f, "\nsectors mapped: {}", map.join(", "))?;
        }
        Ok(())
    }
}

/// Where a reviewed figure's number stands: its quote's first occurrence in the part of
/// its year, and the value as written there with the unit after it.
fn reviewed_position(data: &Dataset, f: &Figure) -> Option<usize> {
    let text: &str = &data.text;
    let starts = line_starts(text);
    let plan_line = data.report.review_ends_line;
    let q = text
        .match_indices(f.quote.as_str())
        .map(|(p, _)| p)
        .find(|&p| {
            let review = line_of(&starts, p) <= plan_line;
            review == (f.year == data.report.review_year)
        })?;
    let off = f
        .quote
        .match_indices(f.value_text.as_str())
        .map(|(p, _)| p)
        .find(|&p| {
            let rest = &f.quote[p + f.value_text.len()..];
            rest.starts_with(&f.unit)
                || rest.starts_with('余')
                || rest.starts_with('多')
                || f.unit.is_empty()
                || f.unit.chars().next().is_some_and(|c| rest.starts_with(c))
        })
        .unwrap_or(0);
    Some(q + off)
}

/// Matches drafted figures with reviewed ones: (reviewed index, drafted index).
pub fn match_figures(reviewed: &Dataset, draft: &Draft) -> Vec<(usize, usize)> {
    let text: &str = &reviewed.text;
    let starts = line_starts(text);
    let key = |line: u32, v: f64, unit: &str| (line, format!("{:.6}", v.abs()), unit.to_string());
    let mut free: HashMap<(u32, String, String), Vec<usize>> = HashMap::new();
    for (i, (f, &p)) in draft.figures.iter().zip(&draft.positions).enumerate() {
        free.entry(key(line_of(&starts, p), f.value, &f.unit))
            .or_default()
            .push(i);
    }
    let mut matched: Vec<(usize, usize)> = Vec::new();
    for (r, f) in reviewed.figures.iter().enumerate() {
        let Some(p) = reviewed_position(reviewed, f) else {
            continue;
        };
        if let Some(list) = free.get_mut(&key(line_of(&starts, p), f.value, &f.unit)) {
            if !list.is_empty() {
                // The drafted figure whose number stands closest.
                let best = (0..list.len())
                    .min_by_key(|&k| draft.positions[list[k]].abs_diff(p))
                    .unwrap_or(0);
                matched.push((r, list.remove(best)));
            }
        }
    }
    matched
}

pub fn score(reviewed: &Dataset, draft: &Draft) -> Score {
    let text: &str = &reviewed.text;
    let matched = match_figures(reviewed, draft);
    let pairs: Vec<(&Figure, &Figure)> = matched
        .iter()
        .map(|&(r, d)| (&reviewed.figures[r], &draft.figures[d]))
        .collect();
    let n = pairs.len();
    let agree =
        |same: &dyn Fn(&Figure, &Figure) -> bool| pairs.iter().filter(|(r, d)| same(r, d)).count();
    // Counties: the reviewed slugs translated to the draft's by name.
    let county_of = |slug: &str| -> String {
        let Some(c) = reviewed.county(slug) else {
            return format!("?{slug}");
        };
        draft
            .manifest
            .taxonomy
            .counties
            .iter()
            .find(|d| d.zh == c.zh || d.short == c.short || d.zh == c.short)
            .map_or(format!("?{slug}"), |d| d.slug.clone())
    };
    let mut sector_map = Vec::new();
    let defaults = draft
        .manifest
        .taxonomy
        .sectors
        .iter()
        .map(|s| s.slug.as_str())
        .collect::<Vec<_>>();
    let same_slugs = reviewed
        .taxonomy
        .sectors
        .iter()
        .all(|s| defaults.contains(&s.slug.as_str()));
    let mut map: HashMap<String, String> = HashMap::new();
    if !same_slugs {
        let mut votes: HashMap<(&str, &str), usize> = HashMap::new();
        for (r, d) in &pairs {
            *votes
                .entry((d.sector.as_str(), r.sector.as_str()))
                .or_insert(0) += 1;
        }
        for s in &defaults {
            if let Some(((_, to), _)) = votes
                .iter()
                .filter(|((d, _), _)| d == s)
                .max_by_key(|(k, v)| (**v, k.1))
            {
                map.insert(s.to_string(), to.to_string());
                sector_map.push((s.to_string(), to.to_string()));
            }
        }
        sector_map.sort();
    }
    let sector_of = |d: &str| map.get(d).cloned().unwrap_or(d.to_string());
    let found = |kind: ComparisonKind| -> (usize, usize) {
        let to_draft: HashMap<&str, &str> = matched
            .iter()
            .map(|&(r, d)| {
                (
                    reviewed.figures[r].id.as_str(),
                    draft.figures[d].id.as_str(),
                )
            })
            .collect();
        let specs: Vec<_> = reviewed
            .comparison_specs
            .iter()
            .filter(|c| c.kind == kind)
            .collect();
        let hits = specs
            .iter()
            .filter(|c| {
                let (Some(from), Some(to)) =
                    (to_draft.get(c.from.as_str()), to_draft.get(c.to.as_str()))
                else {
                    return false;
                };
                draft
                    .comparisons
                    .iter()
                    .any(|d| d.from == *from && d.to == *to)
            })
            .count();
        (hits, specs.len())
    };
    let excluded_as_figures = reviewed
        .exclusions
        .iter()
        .filter(|e| {
            text.match_indices(e.text.as_str()).any(|(p, _)| {
                draft
                    .positions
                    .iter()
                    .any(|&q| p <= q && q < p + e.text.len())
            })
        })
        .count();
    let row = |name, hits, of, target| Row {
        name,
        hits,
        of,
        target,
    };
    let (g, gn) = found(ComparisonKind::Growth);
    let (l, ln) = found(ComparisonKind::Level);
    Score {
        rows: vec![
            row(
                "figure recall",
                n,
                reviewed.figures.len(),
                Some((0.95, true)),
            ),
            row(
                "figure precision",
                n,
                draft.figures.len(),
                Some((0.95, true)),
            ),
            row(
                "qualifier",
                agree(&|r, d| r.qualifier == d.qualifier),
                n,
                Some((0.95, true)),
            ),
            row(
                "estimate",
                agree(&|r, d| r.estimate == d.estimate),
                n,
                Some((0.95, true)),
            ),
            row(
                "year",
                agree(&|r, d| r.year == d.year),
                n,
                Some((0.95, true)),
            ),
            row(
                "metric",
                agree(&|r, d| r.metric == d.metric),
                n,
                Some((0.95, true)),
            ),
            row(
                "sign",
                agree(&|r, d| (r.value < 0.0) == (d.value < 0.0)),
                n,
                Some((0.95, true)),
            ),
            row(
                "counties",
                agree(&|r, d| {
                    let mut a: Vec<String> = r.counties.iter().map(|c| county_of(c)).collect();
                    let mut b = d.counties.clone();
                    a.sort();
                    b.sort();
                    a == b
                }),
                n,
                Some((0.90, true)),
            ),
            row(
                "sector",
                agree(&|r, d| r.sector == sector_of(&d.sector)),
                n,
                Some((0.85, true)),
            ),
            row("growth pairs found", g, gn, Some((0.90, true))),
            row("level pairs found", l, ln, None),
            row(
                "exclusions drafted as figures",
                excluded_as_figures,
                reviewed.exclusions.len(),
                Some((0.03, false)),
            ),
        ],
        sector_map,
    }
}
