//! County-level places named in the text: a name of one to three characters followed by
//! 县, 市 or 区, standing after punctuation or a linking word (推动岚东区、溪桥县共建),
//! and not a common word (全市, 园区, 示范县). The short form is the name without its
//! suffix when that leaves two characters or more (溪桥县 → 溪桥; 理县 stays 理县).

use super::units::is_han;
use crate::data::County;

const SUFFIXES: &[char] = &['县', '市', '区'];

/// Characters that a place name of this kind does not contain: they make common words
/// (全市, 城区, 示范县, 省级, 景区, 社区 …).
const NOT_IN_NAMES: &str = "一全各本城社园景灾牧地示范级省州县市区镇乡村我该每分辖郊片街新开发试验先行功能集聚保护度假旅游样板点业型化强欠达等个两多域内外贫困重大中小老上下入设";

/// Words after which a place name may start.
const LINKS: &[&str] = &[
    "支持", "推动", "推进", "指导", "帮助", "实现", "和", "与", "及", "对", "向", "将", "把", "在",
    "从", "由", "为", "是", "以", "到", "至",
];

/// Words that a suffix starts but that are no place (市场, 区域).
const NOT_AFTER: &[char] = &[
    '场', '域', '划', '位', '民', '值', '容', '镇', '乡', '级', '委', '直', '属',
];

/// A place found in the text, with the byte offsets where its full name stands.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub zh: String,
    pub short: String,
}

fn boundary_before(text: &str, at: usize) -> bool {
    let before = &text[..at];
    match before.chars().next_back() {
        None => true,
        Some(c) if !is_han(c) => !c.is_ascii_digit(),
        Some(_) => LINKS.iter().any(|w| before.ends_with(w)),
    }
}

/// The places of a text, in the order of their first mention.
pub fn find(text: &str) -> Vec<Place> {
    let mut out: Vec<Place> = Vec::new();
    for (p, c) in text.char_indices() {
        if !SUFFIXES.contains(&c) {
            continue;
        }
        let after = text[p + c.len_utf8()..].chars().next();
        if after.is_some_and(|a| NOT_AFTER.contains(&a)) {
            continue;
        }
        let name: Vec<(usize, char)> = text[..p].char_indices().rev().take(3).collect();
        // Shortest name first that stands after a boundary, so "支持雾岭县" is 雾岭县.
        let found = (1..=name.len()).find_map(|n| {
            let chars = &name[..n];
            if !chars
                .iter()
                .all(|&(_, c)| is_han(c) && !NOT_IN_NAMES.contains(c))
            {
                return None;
            }
            let start = chars[n - 1].0;
            boundary_before(text, start).then_some(start)
        });
        let Some(start) = found else { continue };
        let zh = &text[start..p + c.len_utf8()];
        let stem_chars = text[start..p].chars().count();
        // A one-character name is a county (茂县), not a district or city; a link word
        // is no name.
        if (stem_chars == 1 && c != '县') || LINKS.contains(&&text[start..p]) {
            continue;
        }
        if out.iter().any(|pl| pl.zh == zh) {
            continue;
        }
        let stem = &text[start..p];
        let short = if stem.chars().count() >= 2 { stem } else { zh };
        out.push(Place {
            zh: zh.to_string(),
            short: short.to_string(),
        });
    }
    // A name that ends with another is a verb and the other name (完成理县 → 理县).
    let names: Vec<String> = out.iter().map(|p| p.zh.clone()).collect();
    out.retain(|p| {
        !names
            .iter()
            .any(|n| n != &p.zh && p.zh.ends_with(n.as_str()))
    });
    out
}

/// The places as the manifest's counties: slugs county-1 …, tiles in rows on the map,
/// no English name (the review gives it). At most 64 (the map's 8 × 8 tiles).
pub fn counties(places: &[Place]) -> Vec<County> {
    let cols = (places.len() as f64).sqrt().ceil().max(1.0) as usize;
    places
        .iter()
        .take(64)
        .enumerate()
        .map(|(i, p)| County {
            slug: format!("county-{}", i + 1),
            zh: p.zh.clone(),
            short: p.short.clone(),
            en: String::new(),
            col: (i % cols.min(8)) as u8,
            row: (i / cols.min(8)) as u8,
        })
        .collect()
}

/// The counties named in a piece of text, by full or short name, in the order of the
/// manifest.
pub fn named_in(words: &str, counties: &[County]) -> Vec<String> {
    counties
        .iter()
        .filter(|c| words.contains(c.zh.as_str()) || words.contains(c.short.as_str()))
        .map(|c| c.slug.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_county_names_and_short_forms() {
        let t =
            "推动桐川区、梅岭县共建园区，支持枫县创建示范县。全市社区、景区提质，零工市场开业。";
        let p = find(t);
        let names: Vec<(&str, &str)> = p
            .iter()
            .map(|x| (x.zh.as_str(), x.short.as_str()))
            .collect();
        assert_eq!(
            names,
            [("桐川区", "桐川"), ("梅岭县", "梅岭"), ("枫县", "枫县")]
        );
        let c = counties(&p);
        assert_eq!((c[2].col, c[2].row), (0, 1));
        assert_eq!(named_in("梅岭新建学校2所", &c), ["county-2"]);
    }

    #[test]
    fn no_places_in_a_text_without_them() {
        assert!(find("全县粮食增产，城区道路改造，省级示范区。").is_empty());
        assert!(counties(&[]).is_empty());
    }
}
