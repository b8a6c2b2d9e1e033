//! Comparisons pair a review-year figure with the plan-year figure of the same measure.

use super::{Failure, Folder, COMPARISONS, FIGURES};
use crate::data::{ComparisonKind, Metric, Period};
use std::collections::HashSet;

/// The id without its `-<year>` suffix.
fn id_base(id: &str) -> &str {
    id.rsplit_once('-').map_or(id, |(base, _)| base)
}

/// Every comparison names two figures of the folder (`Dataset::load` refuses one that
/// does not; a dataset built otherwise is checked here).
pub fn resolve(r: &Folder, out: &mut Vec<Failure>) {
    let d = r.data;
    for c in &d.comparison_specs {
        if d.figure(&c.from).is_none() || d.figure(&c.to).is_none() {
            out.push(r.fail(
                COMPARISONS,
                Some(&c.id),
                "comparisons-resolve",
                format!("{} → {} does not resolve", c.from, c.to),
            ));
        }
    }
}

pub fn like_with_like(r: &Folder, out: &mut Vec<Failure>) {
    const RULE: &str = "comparisons-like";
    let d = r.data;
    let (review, plan) = (d.report.review_year, d.report.plan_year);
    for c in d.comparisons() {
        let (a, b, id) = (c.from, c.to, &c.spec.id);
        let mut fail = |message: String| out.push(r.fail(COMPARISONS, Some(id), RULE, message));
        if d.period(a.year) != Some(Period::Review) || d.period(b.year) != Some(Period::Plan) {
            fail(format!("must go from {review} to {plan}"));
        }
        let growth = (a.metric == Metric::GrowthPct, b.metric == Metric::GrowthPct);
        match c.kind() {
            ComparisonKind::Growth if growth != (true, true) => {
                fail("kind growth needs two growth_pct figures".into())
            }
            ComparisonKind::Level if growth != (false, false) => {
                fail("kind level pairs no growth_pct figure".into())
            }
            _ => {}
        }
        match &c.spec.not_comparable {
            Some(reason) if reason.trim().is_empty() => fail("empty not_comparable reason".into()),
            Some(_) => {}
            None => {
                if a.unit != b.unit || a.metric != b.metric {
                    fail(format!(
                        "{} {} vs {} {}",
                        a.metric.slug(),
                        a.unit,
                        b.metric.slug(),
                        b.unit
                    ));
                }
                if a.indicator != b.indicator || id_base(&a.id) != id_base(&b.id) {
                    fail("the same measure needs the same id base and names".into());
                }
            }
        }
    }
    // The same id base in both years is the same measure: same names, and paired.
    let paired: HashSet<(&str, &str)> = d
        .comparison_specs
        .iter()
        .map(|c| (c.from.as_str(), c.to.as_str()))
        .collect();
    for a in d.figures.iter().filter(|f| f.year == review) {
        let to = format!("{}-{plan}", id_base(&a.id));
        let Some(b) = d.figure(&to) else { continue };
        if a.indicator != b.indicator {
            out.push(r.fail(
                FIGURES,
                Some(&a.id),
                RULE,
                format!("same id base as {to}, different indicator names"),
            ));
        }
        if !paired.contains(&(a.id.as_str(), to.as_str())) {
            out.push(r.fail(
                COMPARISONS,
                Some(&a.id),
                RULE,
                format!("{} / {to}: same id base but no comparison", a.id),
            ));
        }
    }
}
