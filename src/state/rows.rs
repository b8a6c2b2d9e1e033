//! The rows of the Compare, Levels and County tabs, ready to draw: the UI and the chart
//! must not re-derive grouping or order, or the table and chart would disagree.

use super::filter::{figure_in_scope, mention_matches, sort_desc_by};
use super::view::{ViewState, YearFilter};
use crate::data::{ComparisonKind, Dataset, Direction, Figure, Mention, Metric};

/// One 2024 growth target, with the 2023 result it continues when the report gives one.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareRow<'a> {
    /// The comparison id, or the target's figure id when it stands alone; usable as
    /// `focus` in the URL either way.
    pub id: String,
    pub from: Option<&'a Figure>,
    pub to: Option<&'a Figure>,
    /// `None` for a target alone.
    pub direction: Option<Direction>,
}

/// A level measured in both years: how much the 2024 plan moves it.
#[derive(Clone, Debug, PartialEq)]
pub struct LevelRow<'a> {
    pub id: String,
    pub from: &'a Figure,
    pub to: &'a Figure,
    pub change_pct: f64,
}

/// Counts for the headline ("5 targets lower than last year's result, …").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CompareSummary {
    pub lower: usize,
    pub equal: usize,
    pub higher: usize,
    pub alone: usize,
}

/// What the report says about one county.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CountyContent<'a> {
    pub figures_2023: Vec<&'a Figure>,
    pub figures_2024: Vec<&'a Figure>,
    pub mentions_2023: Vec<&'a Mention>,
    pub mentions_2024: Vec<&'a Mention>,
    /// The report gives growth rates almost only prefecture-wide; when a county has
    /// none the UI says so instead of drawing an empty growth chart.
    pub has_growth_rates: bool,
}

/// Growth comparisons plus targets alone, ordered so the story reads: targets set below
/// last year's result first (the report's headline shift), then level, then above,
/// then targets with nothing to compare; within a group the larger 2023 pace first.
///
/// A row stays when either figure passes the sector/county/text filters, so filtering
/// on a term that only the 2024 wording uses does not orphan the target. The year filter
/// keeps rows that have a figure of that year, but rows still carry both figures.
pub fn compare_rows<'d>(data: &'d Dataset, s: &ViewState) -> Vec<CompareRow<'d>> {
    let pairs = data
        .comparisons()
        .into_iter()
        .filter(|c| c.kind() == ComparisonKind::Growth && c.direction != Direction::NotComparable)
        .map(|c| CompareRow {
            id: c.spec.id.clone(),
            from: Some(c.from),
            to: Some(c.to),
            direction: Some(c.direction),
        });
    let alone = data
        .unpaired_growth_targets()
        .into_iter()
        .map(|f| CompareRow {
            id: f.id.clone(),
            from: None,
            to: Some(f),
            direction: None,
        });
    let mut rows: Vec<CompareRow<'d>> = pairs
        .chain(alone)
        .filter(|r| row_visible(&[r.from, r.to], s))
        .collect();
    sort_desc_by(&mut rows, |r| {
        r.from.or(r.to).map_or(f64::NEG_INFINITY, |f| f.value)
    });
    rows.sort_by_key(|r| group_rank(r.direction));
    rows
}

/// Comparable level pairs, biggest planned increase first.
pub fn level_rows<'d>(data: &'d Dataset, s: &ViewState) -> Vec<LevelRow<'d>> {
    let mut rows: Vec<LevelRow<'d>> = data
        .comparisons()
        .into_iter()
        .filter(|c| c.kind() == ComparisonKind::Level)
        .filter(|c| row_visible(&[Some(c.from), Some(c.to)], s))
        .filter_map(|c| {
            Some(LevelRow {
                change_pct: c.change_pct()?,
                id: c.spec.id.clone(),
                from: c.from,
                to: c.to,
            })
        })
        .collect();
    sort_desc_by(&mut rows, |r| r.change_pct);
    rows
}

pub fn compare_summary(rows: &[CompareRow<'_>]) -> CompareSummary {
    let mut summary = CompareSummary::default();
    for row in rows {
        match row.direction {
            Some(Direction::Lower) => summary.lower += 1,
            Some(Direction::Equal) => summary.equal += 1,
            Some(Direction::Higher) => summary.higher += 1,
            Some(Direction::NotComparable) | None => summary.alone += 1,
        }
    }
    summary
}

/// Everything tagged with the county, by year, in report order. Unknown slugs give
/// empty content rather than an error: the URL decoder already reported them.
pub fn county_content<'d>(data: &'d Dataset, slug: &str) -> CountyContent<'d> {
    let tagged = |counties: &[String]| counties.iter().any(|c| c == slug);
    let figures = |year: u16| -> Vec<&'d Figure> {
        data.figures
            .iter()
            .filter(|f| f.year == year && tagged(&f.counties))
            .collect()
    };
    let mentions = |year: u16| -> Vec<&'d Mention> {
        data.mentions
            .iter()
            .filter(|m| m.year == year && tagged(&m.counties))
            .collect()
    };
    let content = CountyContent {
        figures_2023: figures(2023),
        figures_2024: figures(2024),
        mentions_2023: mentions(2023),
        mentions_2024: mentions(2024),
        has_growth_rates: false,
    };
    CountyContent {
        has_growth_rates: content
            .figures_2023
            .iter()
            .chain(&content.figures_2024)
            .any(|f| f.metric == Metric::GrowthPct),
        ..content
    }
}

/// Mentions of the county filtered by the view (for a county tab that honours the
/// search box and year); kept next to `county_content` so both use the same tagging.
pub fn county_mentions<'d>(data: &'d Dataset, slug: &str, s: &ViewState) -> Vec<&'d Mention> {
    data.mentions
        .iter()
        .filter(|m| m.counties.iter().any(|c| c == slug) && mention_matches(data, m, s))
        .collect()
}

fn row_visible(figures: &[Option<&Figure>], s: &ViewState) -> bool {
    let present = || figures.iter().flatten();
    let year_ok = s.year == YearFilter::Both || present().any(|f| s.year.accepts(f.year));
    year_ok && present().any(|f| figure_in_scope(f, s))
}

fn group_rank(direction: Option<Direction>) -> u8 {
    match direction {
        Some(Direction::Lower) => 0,
        Some(Direction::Equal) => 1,
        Some(Direction::Higher) => 2,
        Some(Direction::NotComparable) | None => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::fixture::data;
    use crate::state::Action;

    fn with(actions: Vec<Action>) -> ViewState {
        actions
            .into_iter()
            .fold(ViewState::default(), |s, a| s.apply(a))
    }

    fn compare_ids(s: &ViewState) -> Vec<String> {
        compare_rows(data(), s).into_iter().map(|r| r.id).collect()
    }

    #[test]
    fn compare_rows_read_lower_equal_higher_then_alone() {
        let rows = compare_rows(data(), &ViewState::default());
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "gdp-growth",
                "farm-growth",
                "retail-growth",
                "invest-growth",
                "industry-growth-2024",
                "revenue-growth-2024"
            ]
        );
        assert_eq!(rows[0].direction, Some(Direction::Lower));
        assert_eq!(rows[0].from.unwrap().id, "gdp-growth-2023");
        assert_eq!(rows[4].from, None);
        assert_eq!(rows[4].direction, None);
        assert_eq!(
            compare_summary(&rows),
            CompareSummary {
                lower: 2,
                equal: 1,
                higher: 1,
                alone: 2
            }
        );
    }

    #[test]
    fn compare_rows_filter_on_either_figure_and_year_presence() {
        let s = with(vec![Action::SetYear(crate::state::YearFilter::Y2023)]);
        assert_eq!(
            compare_ids(&s),
            [
                "gdp-growth",
                "farm-growth",
                "retail-growth",
                "invest-growth"
            ]
        );
        let s = with(vec![Action::SetYear(crate::state::YearFilter::Y2024)]);
        assert_eq!(compare_ids(&s).len(), 6);
        let s = with(vec![Action::ToggleCounty("maerkang".into())]);
        assert_eq!(compare_ids(&s), ["industry-growth-2024"]);
        let s = with(vec![Action::SetQuery("6.5".into())]);
        let rows = compare_rows(data(), &s);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].from.unwrap().id, "gdp-growth-2023");
        let s = with(vec![Action::ToggleSector("tourism".into())]);
        assert!(compare_rows(data(), &s).is_empty());
    }

    #[test]
    fn level_rows_are_comparable_pairs_by_change() {
        let rows = level_rows(data(), &ViewState::default());
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["visitors", "power"]);
        assert!((rows[0].change_pct - 9.434).abs() < 0.01);
        assert!((rows[1].change_pct + 10.0).abs() < 1e-9);
        // Power is tagged Barkam only in 2023; the row still shows.
        let s = with(vec![Action::ToggleCounty("maerkang".into())]);
        let ids: Vec<String> = level_rows(data(), &s).into_iter().map(|r| r.id).collect();
        assert_eq!(ids, ["power"]);
        // Only the 2024 figure says 5800; the pair still shows.
        let s = with(vec![Action::SetQuery("5800".into())]);
        let rows = level_rows(data(), &s);
        assert_eq!((rows.len(), rows[0].from.id.as_str()), (1, "visitors-2023"));
    }

    #[test]
    fn county_content_groups_by_year() {
        let c = county_content(data(), "hongyuan");
        let ids = |fs: &[&Figure]| fs.iter().map(|f| f.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&c.figures_2023), ["visitors-2023", "schools-2023"]);
        assert_eq!(ids(&c.figures_2024), ["visitors-2024"]);
        assert_eq!(c.mentions_2023.len(), 1);
        assert_eq!(c.mentions_2024[0].id, "m-maerkang-2024-1");
        assert!(!c.has_growth_rates);
        assert!(county_content(data(), "maerkang").has_growth_rates);
        assert_eq!(county_content(data(), "nope"), CountyContent::default());
    }

    #[test]
    fn county_mentions_honour_the_view() {
        let s = with(vec![Action::SetQuery("road".into())]);
        assert_eq!(county_mentions(data(), "hongyuan", &s).len(), 1);
        let s = with(vec![Action::SetQuery("grassland".into())]);
        assert_eq!(
            county_mentions(data(), "hongyuan", &s)[0].id,
            "m-hongyuan-2023-1"
        );
        assert!(county_mentions(data(), "lixian", &s).is_empty());
    }
}
