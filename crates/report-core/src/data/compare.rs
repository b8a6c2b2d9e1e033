//! Whether a plan-year target sits above, level with or below the review-year result.

use super::{ComparisonKind, ComparisonSpec, Figure, Qualifier};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    Higher,
    Equal,
    Lower,
}

impl Direction {
    pub fn slug(self) -> &'static str {
        match self {
            Direction::Higher => "higher",
            Direction::Equal => "equal",
            Direction::Lower => "lower",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comparison<'a> {
    pub spec: &'a ComparisonSpec,
    pub from: &'a Figure,
    pub to: &'a Figure,
    /// None when the pair is kept for the record but measures different things.
    pub direction: Option<Direction>,
}

impl<'a> Comparison<'a> {
    pub fn new(spec: &'a ComparisonSpec, from: &'a Figure, to: &'a Figure) -> Self {
        let direction = spec.not_comparable.is_none().then(|| direction(from, to));
        Comparison {
            spec,
            from,
            to,
            direction,
        }
    }

    pub fn kind(&self) -> ComparisonKind {
        self.spec.kind
    }

    /// The direction as the downloads name it: "higher", "equal", "lower" or "not_comparable".
    pub fn direction_slug(&self) -> &'static str {
        self.direction.map_or("not_comparable", Direction::slug)
    }

    /// Implied change from the review-year level to the plan-year level, in per cent.
    pub fn change_pct(&self) -> Option<f64> {
        (self.direction.is_some() && self.from.value != 0.0)
            .then(|| (self.to.value - self.from.value) / self.from.value * 100.0)
    }
}

/// Compares the numbers as stated, then lets the qualifiers break a tie: a target of
/// "at least X" against a result of "about X" (or exactly X) is level with it, not
/// above, because the floor is the same pace; but a result that was only "at most X"
/// against a target of "at least X" is a rise in ambition, and the reverse a fall.
pub fn direction(from: &Figure, to: &Figure) -> Direction {
    const EPSILON: f64 = 1e-9;
    let diff = to.value - from.value;
    if diff > EPSILON {
        return Direction::Higher;
    }
    if diff < -EPSILON {
        return Direction::Lower;
    }
    match (from.qualifier, to.qualifier) {
        (Qualifier::AtMost, Qualifier::AtLeast) => Direction::Higher,
        (Qualifier::AtLeast, Qualifier::AtMost) => Direction::Lower,
        _ => Direction::Equal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Metric, Names};

    fn figure(year: u16, value: f64, qualifier: Qualifier) -> Figure {
        Figure {
            id: format!("x-{year}"),
            year,
            sector: "economy".into(),
            indicator: Names {
                zh: "x".into(),
                en: "x".into(),
            },
            metric: Metric::GrowthPct,
            value,
            value_text: value.to_string(),
            unit: "%".into(),
            qualifier,
            qualifier_text: String::new(),
            estimate: false,
            counties: vec![],
            quote: String::new(),
        }
    }

    #[test]
    fn values_decide_when_they_differ() {
        let a = figure(2023, 9.0, Qualifier::About);
        let b = figure(2024, 8.0, Qualifier::AtLeast);
        assert_eq!(direction(&a, &b), Direction::Lower);
        assert_eq!(direction(&b, &a), Direction::Higher);
    }

    #[test]
    fn qualifiers_break_ties() {
        let about = figure(2023, 6.5, Qualifier::About);
        let at_least = figure(2024, 6.5, Qualifier::AtLeast);
        let at_most = figure(2023, 6.5, Qualifier::AtMost);
        assert_eq!(direction(&about, &at_least), Direction::Equal);
        assert_eq!(direction(&at_most, &at_least), Direction::Higher);
        assert_eq!(direction(&at_least, &at_most), Direction::Lower);
    }

    #[test]
    fn not_comparable_pairs_have_no_direction_or_change() {
        let spec = ComparisonSpec {
            id: "x".into(),
            kind: ComparisonKind::Level,
            from: "x-2023".into(),
            to: "x-2024".into(),
            not_comparable: Some("cumulative vs new".into()),
        };
        let (a, b) = (
            figure(2023, 10.0, Qualifier::Exact),
            figure(2024, 12.0, Qualifier::Exact),
        );
        let c = Comparison::new(&spec, &a, &b);
        assert_eq!(c.direction, None);
        assert_eq!(c.direction_slug(), "not_comparable");
        assert_eq!(c.change_pct(), None);
    }

    #[test]
    fn change_pct_is_relative_to_2023() {
        let spec = ComparisonSpec {
            id: "x".into(),
            kind: ComparisonKind::Level,
            from: "x-2023".into(),
            to: "x-2024".into(),
            not_comparable: None,
        };
        let (a, b) = (
            figure(2023, 554.0, Qualifier::Exact),
            figure(2024, 676.0, Qualifier::Exact),
        );
        let change = Comparison::new(&spec, &a, &b).change_pct().unwrap();
        assert!((change - 22.02).abs() < 0.01, "{change}");
    }
}
