//! The rows of the Compare, Levels and County tabs, ready to draw: the UI and the chart
//! must not re-derive grouping or order, or the table and chart would disagree.

use super::filter::{figure_in_scope, figure_matches, mention_matches, sort_desc_by};
use super::view::{ViewState, YearFilter};
use crate::data::{ComparisonKind, County, Dataset, Direction, Figure, Mention, Metric, Period};

/// One growth target of the plan year, with the review year's result it continues when
/// the report gives one.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareRow<'a> {
    /// The comparison id, or the target's figure id when it stands alone; usable as
    /// `focus` in the URL either way.
    pub id: String,
    pub from: Option<&'a Figure>,
    /// The target: a row always has one.
    pub to: &'a Figure,
    /// `None` for a target alone.
    pub direction: Option<Direction>,
}

/// A level measured in both years: how much the plan moves it.
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

/// What one part of the report says about a county.
#[derive(Clone, Debug, PartialEq)]
pub struct CountyPart<'a> {
    pub period: Period,
    pub figures: Vec<&'a Figure>,
    pub mentions: Vec<&'a Mention>,
}

/// What the report says about one county: the parts the year filter keeps.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CountyContent<'a> {
    pub parts: Vec<CountyPart<'a>>,
    /// The report gives growth rates almost only prefecture-wide; when a county has
    /// none the UI says so instead of drawing an empty growth chart.
    pub has_growth_rates: bool,
}

/// Growth comparisons plus targets alone, ordered so the story reads: targets set below
/// last year's result first (the report's headline shift), then level, then above,
/// then targets with nothing to compare; within a group the larger past pace first.
///
/// A row stays when either figure passes the sector/county/text filters, so filtering
/// on a term that only the target's wording uses does not orphan the target. The year filter
/// keeps rows that have a figure of that year, but rows still carry both figures.
pub fn compare_rows<'d>(data: &'d Dataset, s: &ViewState) -> Vec<CompareRow<'d>> {
    let pairs = data
        .comparisons()
        .into_iter()
        .filter(|c| c.kind() == ComparisonKind::Growth)
        .filter_map(|c| {
            Some(CompareRow {
                direction: Some(c.direction?),
                id: c.spec.id.clone(),
                from: Some(c.from),
                to: c.to,
            })
        });
    let alone = data
        .unpaired_growth_targets()
        .into_iter()
        .map(|f| CompareRow {
            id: f.id.clone(),
            from: None,
            to: f,
            direction: None,
        });
    let mut rows: Vec<CompareRow<'d>> = pairs
        .chain(alone)
        .filter(|r| row_visible(data, &[r.from, Some(r.to)], s))
        .collect();
    // By group, then largest first, ties in report order: one stable sort (two in a row
    // were two copies of the sort in the wasm).
    let value = |r: &CompareRow<'_>| r.from.unwrap_or(r.to).value;
    rows.sort_by(|a, b| {
        group_rank(a.direction)
            .cmp(&group_rank(b.direction))
            .then_with(|| value(b).total_cmp(&value(a)))
    });
    rows
}

/// Comparable level pairs, biggest planned increase first.
pub fn level_rows<'d>(data: &'d Dataset, s: &ViewState) -> Vec<LevelRow<'d>> {
    let mut rows: Vec<LevelRow<'d>> = data
        .comparisons()
        .into_iter()
        .filter(|c| c.kind() == ComparisonKind::Level)
        .filter(|c| row_visible(data, &[Some(c.from), Some(c.to)], s))
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
            None => summary.alone += 1,
        }
    }
    summary
}

/// What the report says about one county, by part of the report, as the view filters
/// it (sector, year and search apply; the county selection is the county itself). Unknown
/// slugs give empty content rather than an error: the URL decoder already reported them.
pub fn county_content<'d>(data: &'d Dataset, slug: &str, s: &ViewState) -> CountyContent<'d> {
    let tagged = |counties: &[String]| counties.iter().any(|c| c == slug);
    let part = |period: Period| {
        let year = data.report.year(period);
        CountyPart {
            period,
            figures: data
                .figures
                .iter()
                .filter(|f| f.year == year && tagged(&f.counties))
                .filter(|f| figure_matches(data, f, s))
                .collect(),
            mentions: data
                .mentions
                .iter()
                .filter(|m| m.year == year && tagged(&m.counties))
                .filter(|m| mention_matches(data, m, s))
                .collect(),
        }
    };
    CountyContent {
        parts: [Period::Review, Period::Plan]
            .into_iter()
            .filter(|&p| s.year.accepts(Some(p)))
            .map(part)
            .collect(),
        has_growth_rates: data
            .figures
            .iter()
            .any(|f| tagged(&f.counties) && f.metric == Metric::GrowthPct),
    }
}

/// The county tab's sections: one per chosen county, in the taxonomy's order.
pub fn county_sections<'d>(
    data: &'d Dataset,
    s: &ViewState,
) -> Vec<(&'d County, CountyContent<'d>)> {
    data.taxonomy
        .counties
        .iter()
        .filter(|c| s.counties.contains(&c.slug))
        .map(|c| (c, county_content(data, &c.slug, s)))
        .collect()
}

fn row_visible(data: &Dataset, figures: &[Option<&Figure>], s: &ViewState) -> bool {
    let present = || figures.iter().flatten();
    let year_ok =
        s.year == YearFilter::Both || present().any(|f| s.year.accepts(data.period(f.year)));
    year_ok && present().any(|f| figure_in_scope(f, s))
}

fn group_rank(direction: Option<Direction>) -> u8 {
    match direction {
        Some(Direction::Lower) => 0,
        Some(Direction::Equal) => 1,
        Some(Direction::Higher) => 2,
        None => 3,
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
                "odd-growth-2024",
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
                alone: 3
            }
        );
    }

    #[test]
    fn compare_rows_filter_on_either_figure_and_year_presence() {
        let s = with(vec![Action::SetYear(crate::state::YearFilter::Review)]);
        assert_eq!(
            compare_ids(&s),
            [
                "gdp-growth",
                "farm-growth",
                "retail-growth",
                "invest-growth"
            ]
        );
        let s = with(vec![Action::SetYear(crate::state::YearFilter::Plan)]);
        assert_eq!(compare_ids(&s).len(), 7);
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
    fn county_content_groups_by_part_and_honours_the_view() {
        let all = ViewState::default();
        let c = county_content(data(), "hongyuan", &all);
        let ids = |fs: &[&Figure]| fs.iter().map(|f| f.id.clone()).collect::<Vec<_>>();
        assert_eq!(c.parts[0].period, Period::Review);
        assert_eq!(ids(&c.parts[0].figures), ["visitors-2023", "schools-2023"]);
        assert_eq!(ids(&c.parts[1].figures), ["visitors-2024"]);
        assert_eq!(c.parts[0].mentions.len(), 1);
        assert_eq!(c.parts[1].mentions[0].id, "m-maerkang-2024-1");
        assert!(!c.has_growth_rates);
        assert!(county_content(data(), "maerkang", &all).has_growth_rates);
        let none = county_content(data(), "nope", &all);
        assert!(none
            .parts
            .iter()
            .all(|p| p.figures.is_empty() && p.mentions.is_empty()));

        // The year filter keeps one part; the search box narrows figures and mentions.
        let plan = with(vec![Action::SetYear(YearFilter::Plan)]);
        let c = county_content(data(), "hongyuan", &plan);
        assert_eq!((c.parts.len(), c.parts[0].period), (1, Period::Plan));
        let s = with(vec![Action::SetQuery("road".into())]);
        let c = county_content(data(), "hongyuan", &s);
        assert!(c.parts.iter().all(|p| p.figures.is_empty()));
        assert_eq!(c.parts[1].mentions.len(), 1);
        let s = with(vec![Action::SetQuery("grassland".into())]);
        let c = county_content(data(), "hongyuan", &s);
        assert_eq!(c.parts[0].mentions[0].id, "m-hongyuan-2023-1");
        assert!(c.parts[1].mentions.is_empty());
    }

    #[test]
    fn county_sections_show_every_chosen_county() {
        let s = with(vec![
            Action::ToggleCounty("hongyuan".into()),
            Action::ToggleCounty("maerkang".into()),
        ]);
        let names: Vec<&str> = county_sections(data(), &s)
            .iter()
            .map(|(c, _)| c.slug.as_str())
            .collect();
        assert_eq!(names, ["maerkang", "hongyuan"]);
        assert!(county_sections(data(), &ViewState::default()).is_empty());
    }
}
