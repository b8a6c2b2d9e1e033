//! Which records a view shows. One set of rules for every tab, so a filter never means
//! one thing in the table and another in the chart.

use super::view::{SortKey, ViewState};
use crate::data::{Dataset, Figure, Mention};

/// Whether a figure passes every filter of the view (`data` knows which year is which
/// part of the report).
pub fn figure_matches(data: &Dataset, f: &Figure, s: &ViewState) -> bool {
    s.year.accepts(data.period(f.year)) && figure_in_scope(f, s)
}

/// Whether a county mention passes every filter of the view.
pub fn mention_matches(data: &Dataset, m: &Mention, s: &ViewState) -> bool {
    s.year.accepts(data.period(m.year))
        && in_scope(s, &m.sector, &m.counties)
        && text_matches(&s.query, &[&m.gist.zh, &m.gist.en, &m.quote])
}

/// The filters other than the year: comparison rows apply the year to the row, not to
/// each figure, so a review-year result stays beside its plan-year target.
pub(crate) fn figure_in_scope(f: &Figure, s: &ViewState) -> bool {
    in_scope(s, &f.sector, &f.counties)
        && text_matches(
            &s.query,
            &[
                &f.indicator.zh,
                &f.indicator.en,
                &f.quote,
                &f.unit,
                &f.value_text,
            ],
        )
}

/// The figures the table lists, in the view's order. Ties keep report order, also when
/// descending, so re-sorting never shuffles equal rows.
pub fn matching_figures<'d>(data: &'d Dataset, s: &ViewState) -> Vec<&'d Figure> {
    let sector_rank = |slug: &str| {
        data.taxonomy
            .sectors
            .iter()
            .position(|x| x.slug == slug)
            .unwrap_or(usize::MAX)
    };
    let mut rows: Vec<(usize, &Figure)> = data
        .figures
        .iter()
        .enumerate()
        .filter(|(_, f)| figure_matches(data, f, s))
        .collect();
    rows.sort_by(|(ia, a), (ib, b)| {
        let order = match s.sort {
            SortKey::Report => ia.cmp(ib),
            SortKey::Value => a.value.total_cmp(&b.value),
            SortKey::Year => a.year.cmp(&b.year),
            SortKey::Sector => sector_rank(&a.sector).cmp(&sector_rank(&b.sector)),
        };
        let order = if s.sort_desc { order.reverse() } else { order };
        order.then(ia.cmp(ib))
    });
    rows.into_iter().map(|(_, f)| f).collect()
}

/// Empty sets filter nothing. A county filter hides prefecture-wide records (no
/// counties): the reader asked what the report says about that county.
fn in_scope(s: &ViewState, sector: &str, counties: &[String]) -> bool {
    (s.sectors.is_empty() || s.sectors.contains(sector))
        && (s.counties.is_empty() || counties.iter().any(|c| s.counties.contains(c)))
}

/// Every whitespace-separated term must occur, ignoring case, in at least one field:
/// terms narrow, as readers expect from a search box, and may hit different fields
/// ("GDP 6.5" finds the figure whose name says GDP and whose value is 6.5).
fn text_matches(query: &str, fields: &[&str]) -> bool {
    let mut terms = query.split_whitespace().peekable();
    if terms.peek().is_none() {
        return true;
    }
    let fields: Vec<String> = fields.iter().map(|f| f.to_lowercase()).collect();
    terms.all(|term| {
        let term = term.to_lowercase();
        fields.iter().any(|f| f.contains(&term))
    })
}

/// Sorts by `key`, largest first, ties in their current (report) order.
pub(crate) fn sort_desc_by<T>(rows: &mut [T], key: impl Fn(&T) -> f64) {
    rows.sort_by(|a, b| key(b).total_cmp(&key(a)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::fixture::data;
    use crate::state::{Action, SortKey, YearFilter};

    fn ids(figures: &[&Figure]) -> Vec<String> {
        figures.iter().map(|f| f.id.clone()).collect()
    }

    fn with(actions: Vec<Action>) -> ViewState {
        actions
            .into_iter()
            .fold(ViewState::default(), |s, a| s.apply(a))
    }

    fn fig(id: &str) -> &'static Figure {
        data().figure(id).unwrap()
    }

    #[test]
    fn empty_view_matches_everything_in_report_order() {
        let all = matching_figures(data(), &ViewState::default());
        assert_eq!(all.len(), data().figures.len());
        assert_eq!(all[0].id, "gdp-growth-2023");
    }

    #[test]
    fn sector_county_and_year_filters() {
        let s = with(vec![Action::ToggleSector("tourism".into())]);
        assert_eq!(
            ids(&matching_figures(data(), &s)),
            ["visitors-2023", "visitors-2024"]
        );
        let s = s.apply(Action::SetYear(YearFilter::Plan));
        assert_eq!(ids(&matching_figures(data(), &s)), ["visitors-2024"]);
        let s = with(vec![Action::ToggleCounty("hongyuan".into())]);
        assert_eq!(
            ids(&matching_figures(data(), &s)),
            ["visitors-2023", "schools-2023", "visitors-2024"]
        );
        // Prefecture-wide figures are hidden by a county filter.
        assert!(!figure_matches(data(), fig("gdp-growth-2023"), &s));
    }

    #[test]
    fn query_terms_all_match_case_insensitively_across_fields() {
        let q = |text: &str| with(vec![Action::SetQuery(text.into())]);
        assert!(figure_matches(
            data(),
            fig("gdp-growth-2023"),
            &q("gdp  6.5")
        ));
        assert!(!figure_matches(
            data(),
            fig("gdp-growth-2024"),
            &q("gdp 6.5")
        ));
        assert!(figure_matches(
            data(),
            fig("visitors-2023"),
            &q("万人次 TOURIST")
        ));
        assert!(figure_matches(
            data(),
            fig("gdp-growth-2024"),
            &q("生产总值")
        ));
        assert!(!figure_matches(
            data(),
            fig("gdp-growth-2024"),
            &q("gdp nope")
        ));
        assert!(figure_matches(data(), fig("gdp-growth-2024"), &q("   ")));
    }

    #[test]
    fn mentions_filter_on_gist_quote_county_and_year() {
        let m = |id: &str| data().mentions.iter().find(|m| m.id == id).unwrap();
        let s = with(vec![Action::ToggleCounty("hongyuan".into())]);
        assert!(mention_matches(data(), m("m-maerkang-2024-1"), &s));
        assert!(!mention_matches(data(), m("m-lixian-2024-1"), &s));
        let s = s.apply(Action::SetYear(YearFilter::Review));
        assert!(!mention_matches(data(), m("m-maerkang-2024-1"), &s));
        let s = with(vec![Action::SetQuery("cherries".into())]);
        assert!(mention_matches(data(), m("m-lixian-2024-1"), &s));
        let s = with(vec![Action::SetQuery("5A级".into())]);
        assert!(mention_matches(data(), m("m-hongyuan-2023-1"), &s));
        assert!(!mention_matches(data(), m("m-lixian-2024-1"), &s));
        let s = with(vec![Action::ToggleSector("tourism".into())]);
        assert!(!mention_matches(data(), m("m-lixian-2024-1"), &s));
    }

    #[test]
    fn sorts_by_value_with_ties_in_report_order() {
        let s = with(vec![
            Action::ToggleSector("finance".into()),
            Action::ToggleSector("consumption".into()),
            Action::SortBy(SortKey::Value),
        ]);
        // retail 5, 5 tie; odd 9, 7; revenue 4.
        assert_eq!(
            ids(&matching_figures(data(), &s)),
            [
                "revenue-growth-2024",
                "retail-growth-2023",
                "retail-growth-2024",
                "odd-growth-2024",
                "odd-growth-2023"
            ]
        );
        let s = s.apply(Action::SortBy(SortKey::Value));
        assert_eq!(
            ids(&matching_figures(data(), &s)),
            [
                "odd-growth-2023",
                "odd-growth-2024",
                "retail-growth-2023",
                "retail-growth-2024",
                "revenue-growth-2024"
            ]
        );
    }

    #[test]
    fn sorts_by_sector_in_taxonomy_order_and_by_year() {
        let s = with(vec![
            Action::SetQuery("growth".into()),
            Action::SetYear(YearFilter::Plan),
            Action::SortBy(SortKey::Sector),
        ]);
        assert_eq!(
            ids(&matching_figures(data(), &s)),
            [
                "gdp-growth-2024",
                "industry-growth-2024",
                "retail-growth-2024",
                "invest-growth-2024",
                "farm-growth-2024",
                "revenue-growth-2024",
                "odd-growth-2024"
            ]
        );
        let s = with(vec![
            Action::ToggleSector("tourism".into()),
            Action::SortBy(SortKey::Year),
            Action::SortBy(SortKey::Year),
        ]);
        assert_eq!(
            ids(&matching_figures(data(), &s)),
            ["visitors-2024", "visitors-2023"]
        );
        let s = with(vec![
            Action::ToggleSector("tourism".into()),
            Action::SortBy(SortKey::Report),
        ]);
        assert_eq!(
            ids(&matching_figures(data(), &s)),
            ["visitors-2024", "visitors-2023"]
        );
    }
}
