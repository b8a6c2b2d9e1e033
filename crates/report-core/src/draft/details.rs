//! The score's detail: every figure missed or drafted in excess, and every field that
//! disagrees on a matched figure (`cargo xtask draft --score DIR --details`).

use super::parts::{line_of, line_starts};
use super::score::match_figures;
use super::Draft;
use crate::data::Dataset;

/// What the score counts against the draft, one line each: figures missed, figures
/// drafted that the review has not, and fields that disagree.
pub fn details(reviewed: &Dataset, draft: &Draft) -> Vec<String> {
    let matched = match_figures(reviewed, draft);
    let mut out = Vec::new();
    let starts = line_starts(&reviewed.text);
    for (r, f) in reviewed.figures.iter().enumerate() {
        if !matched.iter().any(|m| m.0 == r) {
            out.push(format!(
                "missed {}: {}{} in {}",
                f.id, f.value_text, f.unit, f.quote
            ));
        }
    }
    for (d, f) in draft.figures.iter().enumerate() {
        if !matched.iter().any(|m| m.1 == d) {
            let line = line_of(&starts, draft.positions[d]);
            out.push(format!(
                "extra line {line}: {}{} in {}",
                f.value_text, f.unit, f.quote
            ));
        }
    }
    for &(r, d) in &matched {
        let (a, b) = (&reviewed.figures[r], &draft.figures[d]);
        let fields = [
            (
                "qualifier",
                a.qualifier.slug().to_string(),
                b.qualifier.slug().to_string(),
            ),
            ("estimate", a.estimate.to_string(), b.estimate.to_string()),
            (
                "metric",
                a.metric.slug().to_string(),
                b.metric.slug().to_string(),
            ),
            (
                "sign",
                (a.value < 0.0).to_string(),
                (b.value < 0.0).to_string(),
            ),
            ("sector", a.sector.clone(), b.sector.clone()),
            ("counties", a.counties.join(","), b.counties.join(",")),
        ];
        for (name, x, y) in fields {
            if x != y {
                out.push(format!(
                    "{name} {}: reviewed {x}, drafted {y} ({})",
                    a.id, b.quote
                ));
            }
        }
    }
    out
}
