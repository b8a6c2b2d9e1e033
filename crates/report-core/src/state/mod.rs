//! What the reader is looking at (`ViewState`), its URL form, and the records each view
//! shows. Pure Rust over `&Dataset`, no browser types, so all of it is tested natively
//! and the UI stays a thin layer that renders rows and dispatches `Action`s.

mod codec;
mod filter;
mod path;
mod rows;
mod slugs;
mod view;

#[cfg(test)]
mod fixture;

pub use codec::{
    county_slug, decode, decode_link, decode_onto, encode, encode_link, sector_slug, Notice,
    NoticeReason, MAX_CHILD_ID_CHARS, MAX_PARAMS, MAX_QUERY_BYTES, MAX_VALUE_BYTES,
    NOTICE_VALUE_CHARS,
};
pub use filter::{figure_matches, matching_figures, mention_matches};
pub use path::{decode_location, split_path, Page};
pub use rows::{
    compare_rows, compare_summary, county_content, county_sections, level_rows, CompareRow,
    CompareSummary, CountyContent, CountyPart, LevelRow,
};
pub use slugs::Slugs;
pub use view::{
    history_mode, Action, Embedding, HistoryMode, Lang, SortKey, View, ViewState, YearFilter,
    MAX_QUERY_CHARS,
};
