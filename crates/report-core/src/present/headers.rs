//! The one set of table headers, for the app's tables and the static pages' alike.

use super::tr;
use crate::state::Lang;

/// A column the explorer's tables show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Indicator,
    Year,
    Sector,
    Value,
    /// A county view's mention, in a few words.
    Mention,
    /// The sentence of the report a record quotes.
    Source,
}

/// The header of a column in the reader's language.
pub fn column_header(lang: Lang, column: Column) -> &'static str {
    match column {
        Column::Indicator => tr(lang, "指标", "Indicator"),
        Column::Year => tr(lang, "年份", "Year"),
        Column::Sector => tr(lang, "领域", "Sector"),
        Column::Value => tr(lang, "数值", "Value"),
        Column::Mention => tr(lang, "提及", "Mention"),
        Column::Source => tr(lang, "报告原文", "Report text (Chinese)"),
    }
}
