//! Interface text: each string sits where it is used as a (Chinese, English) pair, so a
//! missing translation cannot compile.

use crate::data::Dataset;
pub use crate::present::{indicator, is_en, tr, value_label, value_spoken, year_label};
use crate::state::Lang;

pub fn html_lang(lang: Lang) -> &'static str {
    tr(lang, "zh-Hans", "en")
}

pub fn sector_name<'a>(lang: Lang, data: &'a Dataset, slug: &'a str) -> &'a str {
    data.sector(slug)
        .map(|s| match lang {
            Lang::Zh => s.zh.as_str(),
            Lang::En => s.en.as_str(),
        })
        .unwrap_or(slug)
}

pub fn county_name<'a>(lang: Lang, data: &'a Dataset, slug: &'a str) -> &'a str {
    data.county(slug)
        .map(|c| match lang {
            Lang::Zh => c.zh.as_str(),
            Lang::En => c.en.as_str(),
        })
        .unwrap_or(slug)
}
