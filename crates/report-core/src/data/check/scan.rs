//! Where a figure's number stands: in its quote and in the report text.

use super::{occurrences, Folder};
use crate::data::{is_chinese_numeral, Figure};

/// Of the qualifier words, those written inside the unit, right after the number
/// ("500余种", "3.9万余名": unit 万名).
pub const INNER_QUALIFIERS: [&str; 2] = ["余", "多"];

/// Whether the unit is written right after one occurrence of the value: "645万千瓦", or
/// with an at-least word inside it, "500余种", "3.9万余名" (unit 万名).
pub fn unit_follows_value(f: &Figure) -> bool {
    occurrences(&f.quote, &f.value_text).into_iter().any(|p| {
        let rest = &f.quote[p + f.value_text.len()..];
        rest.starts_with(&f.unit)
            || INNER_QUALIFIERS.iter().any(|w| {
                rest.char_indices()
                    .take(f.unit.chars().count() + 1)
                    .filter(|&(i, _)| rest[i..].starts_with(w))
                    .any(|(i, _)| {
                        format!("{}{}", &rest[..i], &rest[i + w.len()..]).starts_with(&f.unit)
                    })
            })
    })
}

/// The length of `unit` at the start of `rest`, allowing an at-least word inside it
/// ("余种" for 种, "万余名" for 万名); `None` when the unit is not written there.
pub fn unit_written_len(rest: &str, unit: &str) -> Option<usize> {
    if rest.starts_with(unit) {
        return Some(unit.len());
    }
    let cuts = unit.char_indices().map(|(i, _)| i).chain([unit.len()]);
    cuts.flat_map(|k| INNER_QUALIFIERS.iter().map(move |w| (k, *w)))
        .find(|&(k, w)| rest.starts_with(&format!("{}{w}{}", &unit[..k], &unit[k..])))
        .map(|(_, w)| unit.len() + w.len())
}

fn is_arabic(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// Offsets in the quote where the figure's number stands: `value_text` as a whole
/// number (not the 5 of 15, not the 一 of 十一) with the unit written right after it.
/// A quote that repeats the number with its unit gives several offsets.
pub fn number_offsets(f: &Figure) -> Vec<usize> {
    let part_of_number = |c: char| {
        if is_arabic(&f.value_text) {
            c.is_ascii_digit() || c == '.'
        } else {
            is_chinese_numeral(c)
        }
    };
    occurrences(&f.quote, &f.value_text)
        .into_iter()
        .filter(|&p| {
            let end = p + f.value_text.len();
            let before = f.quote[..p].chars().next_back();
            let after = f.quote[end..].chars().next();
            !before.is_some_and(part_of_number)
                && (!after.is_some_and(part_of_number)
                    || after.is_some_and(|c| f.unit.starts_with(c)))
                && unit_written_len(&f.quote[end..], &f.unit).is_some()
        })
        .collect()
}

impl Folder<'_> {
    /// The report offset of the figure's (first) number, in the part of its year.
    pub fn first_number_position(&self, f: &Figure) -> Option<usize> {
        let q = occurrences(self.text(), &f.quote)
            .into_iter()
            .find(|&p| self.year_at(p) == f.year)?;
        number_offsets(f).first().map(|o| q + o)
    }

    /// Where a figure's number can stand in the report: every occurrence of its quote,
    /// plus each offset in the quote where `value_text` stands as a whole number with the
    /// unit written right after it (see `number_offsets`).
    pub fn number_positions(&self, f: &Figure) -> Vec<usize> {
        let offsets = number_offsets(f);
        occurrences(self.text(), &f.quote)
            .into_iter()
            .flat_map(|q| offsets.iter().map(move |p| q + p))
            .collect()
    }

    /// The span of a figure's unit right after its number at `pos` in the report (with a
    /// 余/多 inside it: "3.9万余名"), for numerals that belong to the unit (万, 百分点).
    pub fn unit_span(&self, f: &Figure, pos: usize) -> (usize, usize) {
        let start = pos + f.value_text.len();
        let len = unit_written_len(&self.text()[start..], &f.unit).unwrap_or(0);
        (start, start + len)
    }
}
