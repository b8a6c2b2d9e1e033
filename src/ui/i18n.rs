//! Interface text: each string sits where it is used as a (Chinese, English) pair, so a
//! missing translation cannot compile.

pub use crate::present::{
    county_name, indicator, is_en, record_year_label, sector_name, tr, value_label, value_spoken,
    year_filter_label, year_label,
};
use crate::state::Lang;

pub fn html_lang(lang: Lang) -> &'static str {
    tr(lang, "zh-Hans", "en")
}
