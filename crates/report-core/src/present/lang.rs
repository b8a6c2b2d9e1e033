//! Words for the reader's language: the translation switch, indicator and place names,
//! a figure's value as a label and as spoken text.

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
