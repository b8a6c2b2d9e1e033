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

/// Pairs of the review year's figures with the plan year's; also the ids of the plan
/// figures for which several review figures could pair (a note for the review).
pub fn propose(figures: &[Figure], review_year: u16, plan_year: u16) -> (Vec<ComparisonSpec>, Vec<String>) {
    let mut out = Vec::new();
    let mut unsure = Vec::new();
    let mut used_from = HashSet::new();
    let mut ids = HashSet::new();
    for to in figures.iter().filter(|f| f.year == plan_year) {
        if to.indicator.zh.is_empty() {
            continue;
        }
        let key = measure_key(to);
        let growth = to.metric == Metric::GrowthPct;
        let matches: Vec<&Figure> = figures
            .iter()
            .filter(|f| f.year == review_year && !used_from.contains(&f.id))
            .filter(|f| measure_key(f) == key)
            .filter(|f| growth || (f.unit == to.unit && f.metric == to.metric))
            .collect();
        let Some(from) = matches.first() else { continue };
        if matches.len() > 1 {
            unsure.push(to.id.clone());
        }
        used_from.insert(from.id.clone());
        let base = to.id.rsplit_once('-').map_or(to.id.as_str(), |(b, _)| b).to_string();
        let mut id = base.clone();
        let mut n = 2;
        while !ids.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        out.push(ComparisonSpec {
            id,
            kind: if growth { ComparisonKind::Growth } else { ComparisonKind::Level },
            from: from.id.clone(),
            to: to.id.clone(),
            not_comparable: None,
        });
    }
    (out, unsure)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Names;

    fn fig(id: &str, year: u16, zh: &str, en: &str, metric: Metric, unit: &str) -> Figure {
        Figure {
            id: id.into(),
            year,
            indicator: Names { zh: zh.into(), en: en.into() },
            metric,
            unit: unit.into(),
            ..Figure::default()
        }
    }

    #[test]
    fn pairs_growth_with_growth_and_levels_of_one_unit() {
        let f = vec![
            fig("a-growth-2041", 2041, "全社会固定资产投资增速", "Fixed-asset investment growth", Metric::GrowthPct, "%"),
            fig("b-2041", 2041, "新建桥梁", "", Metric::Count, "座"),
            fig("c-2041", 2041, "造林", "Afforestation", Metric::Level, "万亩"),
            fig("a-growth-2042", 2042, "固定资产投资增速", "Fixed-asset investment growth", Metric::GrowthPct, "%"),
            fig("b-2042", 2042, "新建桥梁", "", Metric::Count, "座"),
            fig("c-2042", 2042, "造林", "Afforestation", Metric::Level, "亩"),
        ];
        let (pairs, unsure) = propose(&f, 2041, 2042);
        let got: Vec<(&str, &str, ComparisonKind)> =
            pairs.iter().map(|p| (p.from.as_str(), p.to.as_str(), p.kind)).collect();
        assert_eq!(
            got,
            [("a-growth-2041", "a-growth-2042", ComparisonKind::Growth), ("b-2041", "b-2042", ComparisonKind::Level)]
        );
        assert!(unsure.is_empty());
    }
}
