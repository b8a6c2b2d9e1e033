//! The reducer's rules, natively (`view.rs`'s test module, in a file of its own).

use super::*;

fn set(items: &[&str]) -> Slugs {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn filters_on_counts_each_sector_county_year_and_search() {
    let s = ViewState::default();
    assert_eq!(s.filters_on(), 0);
    assert!(!s.is_filtered());
    let s = s
        .apply(Action::ToggleSector("economy".into()))
        .apply(Action::ToggleSector("tourism".into()))
        .apply(Action::ToggleCounty("hongyuan".into()))
        .apply(Action::SetYear(YearFilter::Plan))
        .apply(Action::SetQuery("  ".into()));
    assert_eq!(s.filters_on(), 4, "a blank search is no filter");
    assert_eq!(s.apply(Action::SetQuery("GDP".into())).filters_on(), 5);
    assert!(s.is_filtered());
}

#[test]
fn toggling_twice_restores_the_set() {
    let s = ViewState::default();
    let once = s.apply(Action::ToggleSector("economy".into()));
    assert_eq!(once.sectors, set(&["economy"]));
    assert_eq!(once.apply(Action::ToggleSector("economy".into())), s);
    let c = s.apply(Action::ToggleCounty("hongyuan".into()));
    assert_eq!(c.counties, set(&["hongyuan"]));
    assert!(c
        .apply(Action::ToggleCounty("hongyuan".into()))
        .counties
        .is_empty());
}

#[test]
fn same_sort_key_flips_direction_new_key_starts_ascending() {
    let s = ViewState::default().apply(Action::SortBy(SortKey::Value));
    assert_eq!((s.sort, s.sort_desc), (SortKey::Value, false));
    let s = s.apply(Action::SortBy(SortKey::Value));
    assert_eq!((s.sort, s.sort_desc), (SortKey::Value, true));
    let s = s.apply(Action::SortBy(SortKey::Year));
    assert_eq!((s.sort, s.sort_desc), (SortKey::Year, false));
}

#[test]
fn query_is_capped_but_not_trimmed_while_typing() {
    let s = ViewState::default().apply(Action::SetQuery("a ".into()));
    assert_eq!(s.query, "a ");
    let long = "字".repeat(150);
    let s = s.apply(Action::SetQuery(long));
    assert_eq!(s.query.chars().count(), MAX_QUERY_CHARS);
}

#[test]
fn reset_keeps_language_and_tab_only() {
    let s = ViewState {
        lang: Lang::En,
        view: View::Figures,
        sectors: set(&["economy"]),
        counties: set(&["hongyuan"]),
        year: YearFilter::Review,
        query: "gdp".into(),
        focus: Some("gdp-growth".into()),
        sort: SortKey::Value,
        sort_desc: true,
    };
    let r = s.apply(Action::Reset);
    assert_eq!(
        r,
        ViewState {
            lang: Lang::En,
            view: View::Figures,
            ..ViewState::default()
        }
    );
    assert!(s.is_filtered());
    assert!(!r.is_filtered());
}

#[test]
fn simple_setters() {
    let s = ViewState::default()
        .apply(Action::SetLang(Lang::En))
        .apply(Action::SetView(View::County))
        .apply(Action::SetYear(YearFilter::Plan))
        .apply(Action::SetCounties(set(&["c"])));
    assert_eq!(s.lang, Lang::En);
    assert_eq!(s.view, View::County);
    assert_eq!(s.year, YearFilter::Plan);
    assert_eq!(s.counties, set(&["c"]));
}

#[test]
fn toggling_focus_chooses_a_row_moves_to_another_and_clears_on_the_same() {
    let s = ViewState::default().apply(Action::ToggleFocus("gdp".into()));
    assert_eq!(s.focus.as_deref(), Some("gdp"));
    let other = s.apply(Action::ToggleFocus("retail".into()));
    assert_eq!(
        other.focus.as_deref(),
        Some("retail"),
        "another row moves the focus"
    );
    let cleared = other.apply(Action::ToggleFocus("retail".into()));
    assert_eq!(cleared.focus, None, "the focused row again clears it");
    // Two clicks dispatched before a render meet the state each leaves: the second
    // undoes the first, whatever a component last rendered.
    let twice = ViewState::default()
        .apply(Action::ToggleFocus("gdp".into()))
        .apply(Action::ToggleFocus("gdp".into()));
    assert_eq!(twice, ViewState::default());
}

#[test]
fn whitespace_query_is_not_a_filter() {
    let s = ViewState::default().apply(Action::SetQuery("   ".into()));
    assert!(!s.is_filtered());
    assert!(ViewState::default()
        .apply(Action::SetYear(YearFilter::Review))
        .is_filtered());
}

#[test]
fn history_pushes_clicks_and_replaces_typing() {
    assert_eq!(
        history_mode(&Action::SetView(View::Levels)),
        HistoryMode::Push
    );
    assert_eq!(
        history_mode(&Action::ToggleFocus("x".into())),
        HistoryMode::Push
    );
    assert_eq!(
        history_mode(&Action::SetQuery("x".into())),
        HistoryMode::Replace
    );
    assert!(Action::SetQuery(String::new()).is_typing());
    assert!(!Action::Reset.is_typing());
}

#[test]
fn year_filter_accepts() {
    let (review, plan) = (Some(Period::Review), Some(Period::Plan));
    assert!(YearFilter::Both.accepts(review) && YearFilter::Both.accepts(plan));
    assert!(YearFilter::Review.accepts(review) && !YearFilter::Review.accepts(plan));
    assert!(!YearFilter::Plan.accepts(review) && YearFilter::Plan.accepts(plan));
}
