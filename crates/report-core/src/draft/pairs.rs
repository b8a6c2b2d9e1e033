//! Proposed comparisons: a growth pair for every measure with a review-year growth and a
//! plan-year growth target, and a level pair for the same measure in the same unit in
//! both years. The measure is the English name where the glossary gives one (so 全社会固定
//! 资产投资 and 固定资产投资 meet), else the Chinese name.

use crate::data::{ComparisonKind, ComparisonSpec, Figure, Metric};
use std::collections::HashSet;

/// The key two figures of one measure share.
pub fn measure_key(f: &Figure) -> String {
    let name = if f.indicator.en.is_empty() {
        &f.indicator.zh
    } else {
        &f.indicator.en
    };
    format!("{}|{}", name, f.metric == Metric::GrowthPct)
}

/// Pairs of the review year's figures with the plan year's, then the final ids: a pair
/// shares its id base (and the plan figure's names, which the review figure takes), and
/// a base never occurs in both years unpaired (the dataset rules pair every such base).
/// Returns the pairs, the ids of plan figures several review figures could pair with,
/// and the renamed ids (old → new).
pub fn propose(
    figures: &mut [Figure],
    review_year: u16,
    plan_year: u16,
) -> (Vec<ComparisonSpec>, Vec<String>, Vec<(String, String)>) {
    let mut links: Vec<(usize, usize)> = Vec::new();
    let mut unsure = Vec::new();
    let mut used_from = HashSet::new();
    for (t, to) in figures
        .iter()
        .enumerate()
        .filter(|(_, f)| f.year == plan_year)
    {
        if to.indicator.zh.is_empty() {
            continue;
        }
        let key = measure_key(to);
        let growth = to.metric == Metric::GrowthPct;
        let matches: Vec<usize> = figures
            .iter()
            .enumerate()
            .filter(|(i, f)| f.year == review_year && !used_from.contains(i))
            .filter(|(_, f)| measure_key(f) == key)
            .filter(|(_, f)| growth || (f.unit == to.unit && f.metric == to.metric))
            .map(|(i, _)| i)
            .collect();
        let Some(&from) = matches.first() else {
            continue;
        };
        if matches.len() > 1 {
            unsure.push(t);
        }
        used_from.insert(from);
        links.push((from, t));
    }
    // Final ids.
    let mut used: HashSet<String> = HashSet::new();
    let mut base_of: Vec<Option<String>> = vec![None; figures.len()];
    let fresh = |f: &Figure, used: &mut HashSet<String>| {
        // figure-1, figure-2 … without a name; gdp, gdp-2 … with one.
        let (stem, mut n) = match f.indicator.en.as_str() {
            "" => ("figure".to_string(), 1),
            en => (slug(en), 1),
        };
        let name = |n: usize| {
            if n == 1 && stem != "figure" {
                stem.clone()
            } else {
                format!("{stem}-{n}")
            }
        };
        while used.contains(&name(n)) {
            n += 1;
        }
        used.insert(name(n));
        name(n)
    };
    for &(from, to) in &links {
        let base = fresh(&figures[to], &mut used);
        base_of[from] = Some(base.clone());
        base_of[to] = Some(base);
    }
    for (i, f) in figures.iter().enumerate() {
        if base_of[i].is_none() {
            base_of[i] = Some(fresh(f, &mut used));
        }
    }
    let mut renamed = Vec::new();
    for (f, base) in figures.iter_mut().zip(base_of) {
        let id = format!("{}-{}", base.expect("every figure has a base"), f.year);
        renamed.push((std::mem::replace(&mut f.id, id.clone()), id));
    }
    let mut out = Vec::new();
    for &(from, to) in &links {
        figures[from].indicator = figures[to].indicator.clone();
        let growth = figures[to].metric == Metric::GrowthPct;
        let id = figures[to]
            .id
            .rsplit_once('-')
            .map_or(figures[to].id.clone(), |(b, _)| b.to_string());
        out.push(ComparisonSpec {
            id,
            kind: if growth {
                ComparisonKind::Growth
            } else {
                ComparisonKind::Level
            },
            from: figures[from].id.clone(),
            to: figures[to].id.clone(),
            not_comparable: None,
        });
    }
    let unsure = unsure.into_iter().map(|t| figures[t].id.clone()).collect();
    (out, unsure, renamed)
}

/// A kebab-case id base from an English name.
fn slug(en: &str) -> String {
    super::indicators::slug(en)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Names;

    fn fig(id: &str, year: u16, zh: &str, en: &str, metric: Metric, unit: &str) -> Figure {
        Figure {
            id: id.into(),
            year,
            indicator: Names {
                zh: zh.into(),
                en: en.into(),
            },
            metric,
            unit: unit.into(),
            ..Figure::default()
        }
    }

    #[test]
    fn pairs_growth_with_growth_and_levels_of_one_unit() {
        let f = vec![
            fig(
                "a-growth-2041",
                2041,
                "全社会固定资产投资增速",
                "Fixed-asset investment growth",
                Metric::GrowthPct,
                "%",
            ),
            fig("b-2041", 2041, "新建桥梁", "", Metric::Count, "座"),
            fig(
                "c-2041",
                2041,
                "造林",
                "Afforestation",
                Metric::Level,
                "万亩",
            ),
            fig(
                "a-growth-2042",
                2042,
                "固定资产投资增速",
                "Fixed-asset investment growth",
                Metric::GrowthPct,
                "%",
            ),
            fig("b-2042", 2042, "新建桥梁", "", Metric::Count, "座"),
            fig("c-2042", 2042, "造林", "Afforestation", Metric::Level, "亩"),
        ];
        let mut f = f;
        let (pairs, unsure, _) = propose(&mut f, 2041, 2042);
        let got: Vec<(&str, &str, ComparisonKind)> = pairs
            .iter()
            .map(|p| (p.from.as_str(), p.to.as_str(), p.kind))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "fixed-asset-investment-growth-2041",
                    "fixed-asset-investment-growth-2042",
                    ComparisonKind::Growth
                ),
                ("figure-1-2041", "figure-1-2042", ComparisonKind::Level)
            ]
        );
        assert!(unsure.is_empty());
        // The review figure takes the plan figure's names; unpaired bases differ by year.
        assert_eq!(f[0].indicator.zh, "固定资产投资增速");
        assert_eq!(
            (f[2].id.as_str(), f[5].id.as_str()),
            ("afforestation-2041", "afforestation-2-2042")
        );
    }
}
