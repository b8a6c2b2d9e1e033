//! Sector, county and focus names as a link may spell them, resolved to the report's ids.

use super::*;

/// The slug for a sector slug or name (Chinese or English, any case).
pub fn sector_slug<'d>(data: &'d Dataset, item: &str) -> Option<&'d str> {
    let lower = item.to_lowercase();
    data.taxonomy
        .sectors
        .iter()
        .find(|s| s.slug == item || s.zh == item)
        .or_else(|| {
            data.taxonomy
                .sectors
                .iter()
                .find(|s| s.slug.to_lowercase() == lower || s.en.to_lowercase() == lower)
        })
        .map(|s| s.slug.as_str())
}

/// The slug for a county slug or name: full Chinese (红原县), short (红原), or English in
/// any case, since people paste what they read on the page.
pub fn county_slug<'d>(data: &'d Dataset, item: &str) -> Option<&'d str> {
    let lower = item.to_lowercase();
    data.taxonomy
        .counties
        .iter()
        .find(|c| c.slug == item || c.zh == item || c.short == item)
        .or_else(|| {
            data.taxonomy
                .counties
                .iter()
                .find(|c| c.slug.to_lowercase() == lower || c.en.to_lowercase() == lower)
        })
        .map(|c| c.slug.as_str())
}

/// A figure or comparison id, exact first, then ignoring case (ids are lower-case).
pub(super) fn focus_id<'d>(data: &'d Dataset, value: &str) -> Option<&'d str> {
    let ids = || {
        data.figures
            .iter()
            .map(|f| f.id.as_str())
            .chain(data.comparison_specs.iter().map(|c| c.id.as_str()))
    };
    ids()
        .find(|id| *id == value)
        .or_else(|| ids().find(|id| id.eq_ignore_ascii_case(value)))
}
