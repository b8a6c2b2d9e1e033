//! Interface text: each string sits where it is used as a (Chinese, English) pair, so a
//! missing translation cannot compile.

use crate::data::{format, Dataset, Figure};
use crate::state::Lang;

pub fn tr(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

pub fn is_en(lang: Lang) -> bool {
    matches!(lang, Lang::En)
}

pub fn html_lang(lang: Lang) -> &'static str {
    tr(lang, "zh-Hans", "en")
}

pub fn indicator(lang: Lang, f: &Figure) -> &str {
    match lang {
        Lang::Zh => &f.indicator.zh,
        Lang::En => &f.indicator.en,
    }
}

/// The value with its qualifier sign and unit, for the language.
pub fn value_label(lang: Lang, f: &Figure) -> String {
    match lang {
        Lang::Zh => format::label_zh(f),
        Lang::En => format::label_en(f),
    }
}

/// The value spelled out for screen readers: "about 6.5%, estimate".
pub fn value_spoken(lang: Lang, f: &Figure) -> String {
    let en = is_en(lang);
    let value = match lang {
        Lang::Zh => format!("{}{}", f.value_text_digits(), f.unit),
        Lang::En => format::value_en(f.value, &f.unit),
    };
    let words = format::qualifier_words(f.qualifier, en);
    let mut out = match (lang, words.is_empty()) {
        (_, true) => value,
        (Lang::Zh, false) => format!("{value}{words}"),
        (Lang::En, false) => format!("{words} {value}"),
    };
    if f.estimate {
        out.push_str(tr(lang, "（预计）", " (estimate)"));
    }
    out
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

pub fn year_label(lang: Lang, year: u16) -> &'static str {
    match (year, lang) {
        (2023, Lang::Zh) => "2023年完成",
        (2023, Lang::En) => "2023 result",
        (_, Lang::Zh) => "2024年目标",
        (_, Lang::En) => "2024 target",
    }
}
