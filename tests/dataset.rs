//! The dataset against the report it was read from.
//!
//! Each test states one rule of `docs/data.md` over every record and lists every record
//! that breaks it, so one run shows all the slips at once.

use report_explorer::data::{
    self, arabic_number_tokens, chinese_numeral_tokens, is_chinese_numeral, parse_number, Chapter,
    ComparisonKind, Dataset, Direction, Figure, Metric, Qualifier, SEED,
};
use sha2::{Digest, Sha256};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Lines 1–82 are the 2023 review, lines 83–177 the 2024 plan.
const LAST_LINE_OF_2023: usize = 82;

const SENTENCE_ENDS: [char; 5] = ['。', '；', '！', '？', '\n'];
const EXCLUSION_REASONS: [&str; 9] = [
    "year", "date", "ordinal", "grade", "name", "law", "word", "idiom", "outline",
];
/// Counties whose short name also names the prefecture (阿坝州), a scenic area (九寨沟)
/// or a national park (若尔盖国家公园); for them only the full name is checked.
const AMBIGUOUS_COUNTIES: [&str; 3] = ["aba", "jiuzhaigou", "ruoergai"];

fn dataset() -> &'static Dataset {
    Dataset::embedded()
}

/// Byte offset where the 2024 plan begins (the start of line 83).
fn plan_start() -> usize {
    SEED.split_inclusive('\n')
        .take(LAST_LINE_OF_2023)
        .map(str::len)
        .sum()
}

fn year_at(pos: usize) -> u16 {
    if pos < plan_start() {
        2023
    } else {
        2024
    }
}

/// Every (possibly overlapping) byte offset where `needle` occurs in `hay`.
fn occurrences(hay: &str, needle: &str) -> Vec<usize> {
    let mut out = Vec::new();
    if needle.is_empty() {
        return out;
    }
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        out.push(from + i);
        from += i + needle.chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// The report around a byte offset, for failure messages.
fn context(pos: usize, len: usize) -> String {
    let start = SEED[..pos]
        .char_indices()
        .rev()
        .nth(19)
        .map_or(0, |(i, _)| i);
    let end = SEED[pos + len..]
        .char_indices()
        .nth(20)
        .map_or(SEED.len(), |(i, _)| pos + len + i);
    format!("…{}…", SEED[start..end].replace('\n', "⏎"))
}

fn fail_if_any(rule: &str, offenders: Vec<String>) {
    assert!(
        offenders.is_empty(),
        "{rule}: {} offending record(s):\n  {}",
        offenders.len(),
        offenders.join("\n  ")
    );
}

fn qualifier_words(q: Qualifier) -> &'static [&'static str] {
    match q {
        Qualifier::Exact => &[],
        Qualifier::About => &["左右", "约", "近"],
        Qualifier::AtLeast => &["以上", "超过", "突破", "余", "多", "逾"],
        Qualifier::AtMost => &["以内", "以下", "控制在", "不超过", "低于"],
    }
}

/// Words that, right after a number and its unit, make it approximate or a bound.
const TRAILING_QUALIFIERS: [&str; 6] = ["以上", "以内", "以下", "左右", "余", "多"];
/// Words that, right before a number, make it approximate or a bound.
const LEADING_QUALIFIERS: [&str; 8] =
    ["约", "近", "超过", "突破", "逾", "控制在", "不超过", "低于"];
/// Of the qualifier words, those written inside the unit, right after the number
/// ("500余种", "3.9万余名": unit 万名).
const INNER_QUALIFIERS: [&str; 2] = ["余", "多"];

/// The id without its `-2023`/`-2024` suffix.
fn id_base(id: &str) -> &str {
    id.rsplit_once('-').map_or(id, |(base, _)| base)
}

fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

fn county_names(slug: &str) -> (String, String) {
    let c = dataset()
        .county(slug)
        .expect("known county (checked by parse)");
    (c.short.clone(), c.zh.clone())
}

#[test]
fn embedded_dataset_parses_with_its_references() {
    let parsed = Dataset::parse(
        data::TAXONOMY_JSON,
        data::FIGURES_JSON,
        data::MENTIONS_JSON,
        data::COMPARISONS_JSON,
        data::EXCLUSIONS_JSON,
    );
    assert!(parsed.is_ok(), "{}", parsed.unwrap_err());
    let d = dataset();
    assert_eq!(d.figures.len(), parsed.unwrap().figures.len());
    assert_eq!(d.comparisons().len(), d.comparison_specs.len());
    assert!(SEED
        .lines()
        .nth(LAST_LINE_OF_2023)
        .unwrap()
        .starts_with("2024年工作安排"));
}

#[test]
fn figure_quotes_sit_in_the_part_of_their_year() {
    // The first occurrence counts: the app shows the context around `SEED.find(quote)`.
    let offenders = dataset()
        .figures
        .iter()
        .filter_map(|f| match SEED.find(&f.quote) {
            None => Some(format!("{}: quote not in the report: {}", f.id, f.quote)),
            Some(p) if year_at(p) != f.year => Some(format!(
                "{}: year {} but the quote first occurs in the {} part: {}",
                f.id,
                f.year,
                year_at(p),
                f.quote
            )),
            Some(_) => None,
        })
        .collect();
    fail_if_any("figure quote in the report, in its year's part", offenders);
}

#[test]
fn figures_are_in_report_order() {
    let position = |f: &Figure| {
        SEED.find(&f.quote)
            .map(|p| p + f.quote.find(&f.value_text).unwrap_or(0))
    };
    let offenders = dataset()
        .figures
        .windows(2)
        .filter(|w| position(&w[0]) > position(&w[1]))
        .map(|w| format!("{} comes before {}", w[0].id, w[1].id))
        .collect();
    fail_if_any("figures in report order", offenders);
}

#[test]
fn value_text_is_quoted_and_parses_to_value() {
    let offenders = dataset()
        .figures
        .iter()
        .filter_map(|f| {
            if !f.quote.contains(&f.value_text) {
                return Some(format!(
                    "{}: value_text {:?} not in quote {}",
                    f.id, f.value_text, f.quote
                ));
            }
            // The sign is the sign-word rule's (`sign_words_make_a_value_negative`).
            match parse_number(&f.value_text) {
                Some(v) if (v - f.value.abs()).abs() < 1e-9 => None,
                parsed => Some(format!(
                    "{}: value {} but value_text {:?} reads as {parsed:?}",
                    f.id, f.value, f.value_text
                )),
            }
        })
        .collect();
    fail_if_any("value_text in quote and equal to value", offenders);
}

/// Whether the unit is written right after one occurrence of the value: "645万千瓦", or
/// with an at-least word inside it, "500余种", "3.9万余名" (unit 万名).
fn unit_follows_value(f: &Figure) -> bool {
    occurrences(&f.quote, &f.value_text).into_iter().any(|p| {
        let rest = &f.quote[p + f.value_text.len()..];
        rest.starts_with(&f.unit)
            || ["余", "多"].iter().any(|w| {
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
fn unit_written_len(rest: &str, unit: &str) -> Option<usize> {
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
fn number_offsets(f: &Figure) -> Vec<usize> {
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
                && (!after.is_some_and(part_of_number) || f.unit.starts_with(after.unwrap()))
                && unit_written_len(&f.quote[end..], &f.unit).is_some()
        })
        .collect()
}

/// The report offset of the figure's (first) number, in the part of its year.
fn first_number_position(f: &Figure) -> Option<usize> {
    let plan = plan_start();
    let q = occurrences(SEED, &f.quote)
        .into_iter()
        .find(|&p| (p < plan) == (f.year == 2023))?;
    number_offsets(f).first().map(|o| q + o)
}

#[test]
fn unit_is_written_right_after_the_value() {
    let offenders = dataset()
        .figures
        .iter()
        .filter(|f| !unit_follows_value(f))
        .map(|f| {
            format!(
                "{}: {:?} + {:?} not in {}",
                f.id, f.value_text, f.unit, f.quote
            )
        })
        .collect();
    fail_if_any("unit right after value_text", offenders);
}

#[test]
fn units_fit_metrics() {
    let offenders = dataset()
        .figures
        .iter()
        .filter(|f| match f.metric {
            Metric::GrowthPct | Metric::RatePct | Metric::SharePct => f.unit != "%",
            Metric::ChangePp => f.unit != "个百分点",
            Metric::Level | Metric::Count => f.unit == "%",
        })
        .map(|f| {
            format!(
                "{}: metric {} with unit {:?}",
                f.id,
                f.metric.slug(),
                f.unit
            )
        })
        .collect();
    fail_if_any("percentages in %, points in 个百分点", offenders);
}

#[test]
fn qualifiers_agree_with_the_words_of_the_quote() {
    let mut offenders = Vec::new();
    for f in &dataset().figures {
        let words = qualifier_words(f.qualifier);
        if f.qualifier == Qualifier::Exact {
            if !f.qualifier_text.is_empty() {
                offenders.push(format!(
                    "{}: exact but qualifier_text {:?}",
                    f.id, f.qualifier_text
                ));
            }
            let written = format!("{}{}", f.value_text, f.unit);
            for p in occurrences(&f.quote, &written) {
                let after = &f.quote[p + written.len()..];
                let before = &f.quote[..p];
                if let Some(w) = TRAILING_QUALIFIERS.iter().find(|w| after.starts_with(**w)) {
                    offenders.push(format!(
                        "{}: exact but {written} is followed by {w}: {}",
                        f.id, f.quote
                    ));
                }
                if let Some(w) = LEADING_QUALIFIERS.iter().find(|w| before.ends_with(**w)) {
                    offenders.push(format!(
                        "{}: exact but {written} follows {w}: {}",
                        f.id, f.quote
                    ));
                }
            }
        } else if f.qualifier_text.is_empty() || !f.quote.contains(&f.qualifier_text) {
            offenders.push(format!(
                "{}: qualifier_text {:?} not in quote {}",
                f.id, f.qualifier_text, f.quote
            ));
        } else if !words.contains(&f.qualifier_text.as_str()) {
            offenders.push(format!(
                "{}: {:?} is not a word for {} (expected one of {words:?})",
                f.id,
                f.qualifier_text,
                f.qualifier.slug()
            ));
        }
    }
    fail_if_any("qualifier matches the quote", offenders);
}

#[test]
fn estimate_is_set_exactly_when_the_sentence_says_yuji() {
    let plan = plan_start();
    let offenders = dataset()
        .figures
        .iter()
        .filter_map(|f| {
            let at = occurrences(SEED, &f.quote)
                .into_iter()
                .find(|&p| (p < plan) == (f.year == 2023))?;
            let sentence_start = SEED[..at]
                .char_indices()
                .rev()
                .find(|&(_, c)| SENTENCE_ENDS.contains(&c))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let says = SEED[sentence_start..at + f.quote.len()].contains("预计");
            (says != f.estimate).then(|| {
                format!(
                    "{}: estimate {} but 预计 in sentence: {says}",
                    f.id, f.estimate
                )
            })
        })
        .collect();
    fail_if_any("estimate ⇔ 预计 earlier in the sentence", offenders);
}

#[test]
fn county_tags_are_named_in_their_quotes() {
    let d = dataset();
    let named = |slug: &str, quote: &str| {
        let (short, zh) = county_names(slug);
        quote.contains(&short) || quote.contains(&zh)
    };
    let mut offenders = Vec::new();
    for f in &d.figures {
        for c in f.counties.iter().filter(|c| !named(c, &f.quote)) {
            offenders.push(format!(
                "figure {}: tagged {c} but the quote does not name it",
                f.id
            ));
        }
        // A county named unambiguously in a figure's quote is meant: tag it.
        for c in &d.taxonomy.counties {
            if !AMBIGUOUS_COUNTIES.contains(&c.slug.as_str())
                && named(&c.slug, &f.quote)
                && !f.counties.contains(&c.slug)
            {
                offenders.push(format!(
                    "figure {}: names {} but is not tagged {}",
                    f.id, c.short, c.slug
                ));
            }
        }
    }
    for m in &d.mentions {
        if m.counties.is_empty() {
            offenders.push(format!("mention {}: no county", m.id));
        }
        for c in m.counties.iter().filter(|c| !named(c, &m.quote)) {
            offenders.push(format!(
                "mention {}: tagged {c} but the quote does not name it",
                m.id
            ));
        }
    }
    fail_if_any("county tags named in the quote", offenders);
}

#[test]
fn mentions_quote_the_report_and_cover_every_county_clause() {
    let d = dataset();
    let mut offenders = Vec::new();
    for m in &d.mentions {
        match SEED.find(&m.quote) {
            None => offenders.push(format!(
                "mention {}: quote not in the report: {}",
                m.id, m.quote
            )),
            Some(p) if year_at(p) != m.year => offenders.push(format!(
                "mention {}: year {} but quote is in the {} part",
                m.id,
                m.year,
                year_at(p)
            )),
            Some(_) => {}
        }
        if m.gist.zh.trim().is_empty() || m.gist.en.trim().is_empty() {
            offenders.push(format!("mention {}: empty gist", m.id));
        }
    }
    // Each place the report names a county by its full name (or by an unambiguous short
    // name) must lie inside a mention tagged with that county.
    let spans: Vec<(usize, usize, &Vec<String>)> = d
        .mentions
        .iter()
        .flat_map(|m| {
            occurrences(SEED, &m.quote)
                .into_iter()
                .map(move |p| (p, p + m.quote.len(), &m.counties))
        })
        .collect();
    for c in &d.taxonomy.counties {
        let mut names = vec![c.zh.as_str()];
        if !AMBIGUOUS_COUNTIES.contains(&c.slug.as_str()) {
            names.push(c.short.as_str());
        }
        for name in names {
            for p in occurrences(SEED, name) {
                let covered = spans
                    .iter()
                    .any(|&(a, b, tags)| a <= p && p + name.len() <= b && tags.contains(&c.slug));
                if !covered {
                    offenders.push(format!(
                        "{} named but no mention tagged {}: {}",
                        name,
                        c.slug,
                        context(p, name.len())
                    ));
                }
            }
        }
    }
    fail_if_any("mentions", offenders);
}

#[test]
fn ids_are_unique_kebab_case_and_carry_the_year() {
    let d = dataset();
    let mut offenders = Vec::new();
    let mut seen = HashSet::new();
    for f in &d.figures {
        if !seen.insert(f.id.as_str()) {
            offenders.push(format!("figure {}: duplicate id", f.id));
        }
        if !is_kebab(&f.id) || !f.id.ends_with(&format!("-{}", f.year)) {
            offenders.push(format!(
                "figure {}: not kebab-case ending in -{}",
                f.id, f.year
            ));
        }
    }
    let mut seen = HashSet::new();
    for m in &d.mentions {
        if !seen.insert(m.id.as_str()) {
            offenders.push(format!("mention {}: duplicate id", m.id));
        }
        let first = m.counties.first().map_or("", String::as_str);
        let prefix = format!("m-{first}-{}-", m.year);
        let ok = is_kebab(&m.id)
            && m.id
                .strip_prefix(&prefix)
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        if !ok {
            offenders.push(format!("mention {}: not of the form {prefix}<n>", m.id));
        }
    }
    let mut seen = HashSet::new();
    for c in &d.comparison_specs {
        if !seen.insert(c.id.as_str()) || !is_kebab(&c.id) {
            offenders.push(format!("comparison {}: duplicate or not kebab-case", c.id));
        }
    }
    fail_if_any("ids", offenders);
}

#[test]
fn figure_ids_are_stable() {
    // Ids are used in links. Removing or renaming one breaks them; adding one means
    // adding it to tests/figure_ids.txt in the same change.
    let listed: Vec<&str> = include_str!("figure_ids.txt")
        .lines()
        .filter(|l| !l.is_empty())
        .collect();
    let mut sorted = listed.clone();
    sorted.sort_unstable();
    sorted.dedup();
    let listed_set: BTreeSet<&str> = listed.iter().copied().collect();
    let current: BTreeSet<&str> = dataset().figures.iter().map(|f| f.id.as_str()).collect();
    let mut offenders: Vec<String> = listed_set
        .difference(&current)
        .map(|id| format!("{id}: listed in tests/figure_ids.txt but gone from figures.json"))
        .collect();
    offenders.extend(
        current
            .difference(&listed_set)
            .map(|id| format!("{id}: new id, add it to tests/figure_ids.txt")),
    );
    if sorted != listed {
        offenders.push("tests/figure_ids.txt is not sorted and duplicate-free".into());
    }
    fail_if_any("figure id snapshot", offenders);
}

#[test]
fn exclusions_are_quoted_and_have_a_known_reason() {
    let mut seen = HashSet::new();
    let offenders = dataset()
        .exclusions
        .iter()
        .filter_map(|e| {
            if !seen.insert(e.text.as_str()) {
                Some(format!("{:?}: listed twice", e.text))
            } else if !SEED.contains(&e.text) {
                Some(format!("{:?}: not in the report", e.text))
            } else if !e
                .text
                .chars()
                .any(|c| c.is_ascii_digit() || is_chinese_numeral(c))
            {
                Some(format!("{:?}: holds no number", e.text))
            } else if !EXCLUSION_REASONS.contains(&e.reason.as_str()) {
                Some(format!(
                    "{:?}: reason {:?} not one of {EXCLUSION_REASONS:?}",
                    e.text, e.reason
                ))
            } else {
                None
            }
        })
        .collect();
    fail_if_any("exclusions", offenders);
}

/// Where a figure's number can stand in the report: every occurrence of its quote,
/// plus each offset in the quote where `value_text` stands as a whole number with the
/// unit written right after it (see `number_offsets`).
fn number_positions(f: &Figure) -> Vec<usize> {
    let offsets = number_offsets(f);
    occurrences(SEED, &f.quote)
        .into_iter()
        .flat_map(|q| offsets.iter().map(move |p| q + p))
        .collect()
}

/// The span of a figure's unit right after its number at `pos` in the report (with a
/// 余/多 inside it: "3.9万余名"), for numerals that belong to the unit (万, 百分点).
fn unit_span(f: &Figure, pos: usize) -> (usize, usize) {
    let start = pos + f.value_text.len();
    let len = unit_written_len(&SEED[start..], &f.unit).unwrap_or(0);
    (start, start + len)
}

/// Every number of the report, Arabic (`6.5`) or Chinese (`两`, `十一`, `百万`), must be
/// the number of a figure at that place (its value_text, or a scale inside its unit such
/// as 万 in 5300万人次 or 百 in 1.8个百分点), or lie inside an exclusion.
fn uncovered_numbers(tokens: Vec<(usize, &str)>) -> Vec<String> {
    let d = dataset();
    let mut numbers: HashSet<(usize, &str)> = HashSet::new();
    let mut units: Vec<(usize, usize)> = Vec::new();
    for f in &d.figures {
        for p in number_positions(f) {
            numbers.insert((p, f.value_text.as_str()));
            units.push(unit_span(f, p));
        }
    }
    let excluded: Vec<(usize, usize)> = d
        .exclusions
        .iter()
        .flat_map(|e| {
            occurrences(SEED, &e.text)
                .into_iter()
                .map(|p| (p, p + e.text.len()))
        })
        .collect();
    let inside =
        |spans: &[(usize, usize)], a: usize, b: usize| spans.iter().any(|&(s, e)| s <= a && b <= e);
    tokens
        .into_iter()
        .filter(|&(p, tok)| {
            let end = p + tok.len();
            !numbers.contains(&(p, tok)) && !inside(&units, p, end) && !inside(&excluded, p, end)
        })
        .map(|(p, tok)| {
            let line = SEED[..p].matches('\n').count() + 1;
            format!("line {line}: {tok} in {}", context(p, tok.len()))
        })
        .collect()
}

#[test]
fn every_number_in_the_report_is_a_figure_or_excluded() {
    fail_if_any(
        "Arabic numbers neither a figure nor excluded",
        uncovered_numbers(arabic_number_tokens(SEED)),
    );
}

#[test]
fn every_chinese_numeral_in_the_report_is_a_figure_or_excluded() {
    fail_if_any(
        "Chinese numerals neither a figure nor excluded",
        uncovered_numbers(chinese_numeral_tokens(SEED)),
    );
}

#[test]
fn exclusions_do_not_hide_a_figure() {
    // An exclusion over a figure's number would let a wrong figure pass the coverage
    // tests unnoticed (and says the number is not a measure while a figure says it is).
    let d = dataset();
    let spans: Vec<(usize, usize, &str)> = d
        .exclusions
        .iter()
        .flat_map(|e| {
            occurrences(SEED, &e.text)
                .into_iter()
                .map(move |p| (p, p + e.text.len(), e.text.as_str()))
        })
        .collect();
    let mut offenders = Vec::new();
    for f in &d.figures {
        let Some(p) = first_number_position(f) else {
            offenders.push(format!("{}: its number is not found in the report", f.id));
            continue;
        };
        let end = p + f.value_text.len();
        for (a, b, text) in &spans {
            if *a <= p && end <= *b {
                offenders.push(format!(
                    "{}: its number lies inside exclusion {text:?}",
                    f.id
                ));
            }
        }
    }
    fail_if_any("exclusions over figures", offenders);
}

#[test]
fn comparisons_pair_like_with_like() {
    let d = dataset();
    let mut offenders = Vec::new();
    for c in d.comparisons() {
        let (a, b, id) = (c.from, c.to, &c.spec.id);
        if a.year != 2023 || b.year != 2024 {
            offenders.push(format!("{id}: must go from 2023 to 2024"));
        }
        let growth = (a.metric == Metric::GrowthPct, b.metric == Metric::GrowthPct);
        match c.kind() {
            ComparisonKind::Growth if growth != (true, true) => {
                offenders.push(format!("{id}: kind growth needs two growth_pct figures"))
            }
            ComparisonKind::Level if growth != (false, false) => {
                offenders.push(format!("{id}: kind level pairs no growth_pct figure"))
            }
            _ => {}
        }
        match &c.spec.not_comparable {
            Some(reason) if reason.trim().is_empty() => {
                offenders.push(format!("{id}: empty not_comparable reason"))
            }
            Some(_) => {}
            None => {
                if a.unit != b.unit || a.metric != b.metric {
                    offenders.push(format!(
                        "{id}: {} {} vs {} {}",
                        a.metric.slug(),
                        a.unit,
                        b.metric.slug(),
                        b.unit
                    ));
                }
                if a.indicator != b.indicator || id_base(&a.id) != id_base(&b.id) {
                    offenders.push(format!(
                        "{id}: the same measure needs the same id base and names"
                    ));
                }
            }
        }
    }
    // The same id base in both years is the same measure: same names, and paired.
    let paired: HashSet<(&str, &str)> = d
        .comparison_specs
        .iter()
        .map(|c| (c.from.as_str(), c.to.as_str()))
        .collect();
    for a in d.figures.iter().filter(|f| f.year == 2023) {
        let to = format!("{}-2024", id_base(&a.id));
        if let Some(b) = d.figure(&to) {
            if a.indicator != b.indicator {
                offenders.push(format!(
                    "{} / {to}: same id base, different indicator names",
                    a.id
                ));
            }
            if !paired.contains(&(a.id.as_str(), to.as_str())) {
                offenders.push(format!("{} / {to}: same id base but no comparison", a.id));
            }
        }
    }
    fail_if_any("comparisons", offenders);
}

#[test]
fn headline_comparisons_exist_with_their_directions() {
    let d = dataset();
    let pairs = d.comparisons();
    let find = |base: &str| {
        pairs
            .iter()
            .find(|c| c.from.id == format!("{base}-2023") && c.to.id == format!("{base}-2024"))
    };
    let mut offenders = Vec::new();
    for base in [
        "gdp-growth",
        "fixed-asset-investment-growth",
        "retail-sales-growth",
        "urban-income-growth",
        "rural-income-growth",
    ] {
        match find(base) {
            None => offenders.push(format!("{base}: no 2023 → 2024 comparison")),
            Some(c) if c.kind() != ComparisonKind::Growth || c.spec.not_comparable.is_some() => {
                offenders.push(format!("{base}: must be a comparable growth pair"))
            }
            Some(_) => {}
        }
    }
    for (base, want) in [
        ("gdp-growth", Direction::Equal),
        ("retail-sales-growth", Direction::Lower),
    ] {
        if let Some(c) = find(base) {
            if c.direction != want {
                offenders.push(format!(
                    "{base}: direction {:?}, expected {want:?}",
                    c.direction
                ));
            }
        }
    }
    if let Some(c) = find("gdp-growth") {
        if (c.from.value, c.from.qualifier, c.to.value, c.to.qualifier)
            != (6.5, Qualifier::About, 6.5, Qualifier::AtLeast)
        {
            offenders.push("gdp-growth: expected 6.5% 左右 → 6.5% 以上".into());
        }
    }
    fail_if_any("headline comparisons", offenders);
}

#[test]
fn the_dataset_is_complete_enough() {
    let d = dataset();
    let mut offenders = Vec::new();
    if d.figures.len() < 280 {
        offenders.push(format!(
            "only {} figures, expected at least 280",
            d.figures.len()
        ));
    }
    for year in data::YEARS {
        if !d.figures.iter().any(|f| f.year == year) {
            offenders.push(format!("no figure for {year}"));
        }
    }
    for s in &d.taxonomy.sectors {
        if !d.figures.iter().any(|f| f.sector == s.slug) {
            offenders.push(format!("sector {} has no figure", s.slug));
        }
    }
    fail_if_any("counts", offenders);
}

/// Whether `word` is the qualifier of the number at `p` in `quote` (value `vt`, unit
/// `unit`): right before it (约, 近, 超过, 突破, 逾, 控制在, 不超过, 低于); inside the unit
/// right after it (余, 多: "500余种"); or right after the number and unit (以上, 以内, 以下,
/// 左右), directly or at the end of a list of numbers that this number starts or
/// continues ("4.5%、6.5%、7%以上", "29万亩、36万亩以上": the word applies to each).
fn qualifier_is_adjacent(quote: &str, p: usize, vt: &str, unit: &str, word: &str) -> bool {
    if LEADING_QUALIFIERS.contains(&word) {
        return quote[..p].ends_with(word);
    }
    let after_value = &quote[p + vt.len()..];
    if INNER_QUALIFIERS.contains(&word)
        && !after_value.starts_with(unit)
        && unit_written_len(after_value, unit).is_some_and(|n| after_value[..n].contains(word))
    {
        return true;
    }
    let Some(n) = unit_written_len(after_value, unit) else {
        return false;
    };
    let mut rest = &after_value[n..];
    loop {
        if rest.starts_with(word) {
            return true;
        }
        // One more item of a 、-list: a number, then optionally the same unit.
        let Some(item) = rest.strip_prefix('、') else {
            return false;
        };
        let digits = item
            .char_indices()
            .find(|&(_, c)| !(c.is_ascii_digit() || c == '.'))
            .map_or(item.len(), |(i, _)| i);
        if digits == 0 {
            return false;
        }
        rest = &item[digits..];
        rest = rest.strip_prefix(unit).unwrap_or(rest);
    }
}

#[test]
fn each_qualifier_word_stands_next_to_its_own_number() {
    // A qualifier word elsewhere in the quote belongs to another number: "超过120户、
    // 覆盖率90%以上" makes 120 at least (超过) and 90 at least (以上), not 120 by 以上.
    let mut offenders = Vec::new();
    for f in &dataset().figures {
        let offsets = number_offsets(f);
        if offsets.is_empty() {
            offenders.push(format!("{}: its number is not found in the quote", f.id));
        }
        if f.qualifier == Qualifier::Exact {
            // A list that ends in a trailing qualifier binds every number in it.
            for w in TRAILING_QUALIFIERS {
                if offsets
                    .iter()
                    .any(|&p| qualifier_is_adjacent(&f.quote, p, &f.value_text, &f.unit, w))
                {
                    offenders.push(format!(
                        "{}: exact but {w} binds its number: {}",
                        f.id, f.quote
                    ));
                }
            }
            continue;
        }
        if !offsets
            .iter()
            .any(|&p| qualifier_is_adjacent(&f.quote, p, &f.value_text, &f.unit, &f.qualifier_text))
        {
            offenders.push(format!(
                "{}: {:?} is not next to {}{} in {}",
                f.id, f.qualifier_text, f.value_text, f.unit, f.quote
            ));
        }
    }
    fail_if_any("qualifier word adjacent to its number", offenders);
}

#[test]
fn the_adjacency_rule_reads_the_documented_patterns() {
    let adj = |q: &str, vt: &str, unit: &str, w: &str| {
        let p = q
            .find(&format!("{vt}{unit}"))
            .or_else(|| q.find(vt))
            .unwrap();
        qualifier_is_adjacent(q, p, vt, unit, w)
    };
    assert!(adj("增长6.5%左右", "6.5", "%", "左右"));
    assert!(adj("失业率控制在5.5%以内", "5.5", "%", "以内"));
    assert!(adj("失业率控制在5.5%以内", "5.5", "%", "控制在"));
    assert!(adj(
        "三次产业分别增长4.5%、6.5%、7%以上",
        "4.5",
        "%",
        "以上"
    ));
    assert!(adj("面积达29万亩、36万亩以上", "29", "万亩", "以上"));
    assert!(adj("保护野生动物500余种", "500", "种", "余"));
    assert!(adj("筛查覆盖3.9万余名妇女", "3.9", "万名", "余"));
    assert!(adj("总产值突破400亿元", "400", "亿元", "突破"));
    assert!(adj("排放低于20%", "20", "%", "低于"));
    assert!(adj("比例在10%以下", "10", "%", "以下"));
    // Not adjacent: the word belongs to another number or to a grade.
    assert!(!adj(
        "入驻企业超过120户、覆盖率90%以上",
        "120",
        "户",
        "以上"
    ));
    assert!(!adj("入驻企业超过120户、覆盖率90%以上", "90", "%", "超过"));
    assert!(!adj("医院100%达二级以上标准", "100", "%", "以上"));
    assert!(!adj("新增4A级景区2个、3A级景区24个以上", "2", "个", "以上"));
}

/// Verbs that state a decrease. A number right after one (a 了 may come between) is the
/// size of the fall: its value is negative ("起付线降低50%" → -50). Followed by 到/至
/// ("下降到5%", "降至5%") they introduce the new level instead, which stays positive.
const SIGN_WORDS: [&str; 6] = ["降低", "下降", "减少", "压减", "缩减", "回落"];
const TO_LEVEL_WORDS: [&str; 5] = ["到", "至", "降至", "降到", "减至"];
/// Names of measures that are themselves amounts of reduction, so the number after them
/// is a positive amount: "减税降费9.97亿元" is 9.97亿元 of tax and fee cuts.
const REDUCTION_MEASURES: [&str; 1] = ["减税降费"];

/// How the words before a number set its sign: Some(true) for a decrease (sign word),
/// Some(false) for a level reached after a fall (下降到, 降至), None for neither.
fn sign_before(before: &str) -> Option<bool> {
    let before = before.strip_suffix('了').unwrap_or(before);
    if TO_LEVEL_WORDS.iter().any(|w| {
        before
            .strip_suffix(w)
            .is_some_and(|b| *w != "到" && *w != "至" || SIGN_WORDS.iter().any(|s| b.ends_with(s)))
    }) {
        return Some(false);
    }
    SIGN_WORDS
        .iter()
        .any(|w| before.ends_with(w))
        .then_some(true)
}

#[test]
fn sign_words_make_a_value_negative() {
    let mut offenders = Vec::new();
    for f in &dataset().figures {
        let Some(&p) = number_offsets(f).first() else {
            offenders.push(format!("{}: its number is not found in the quote", f.id));
            continue;
        };
        match sign_before(&f.quote[..p]) {
            Some(true) if f.value >= 0.0 => offenders.push(format!(
                "{}: a sign word stands before {} but the value is {}: {}",
                f.id, f.value_text, f.value, f.quote
            )),
            Some(false)
                if f.value < 0.0 || matches!(f.metric, Metric::GrowthPct | Metric::ChangePp) =>
            {
                offenders.push(format!(
                    "{}: 下降到/降至 X is a level reached, positive and not a change: {}",
                    f.id, f.quote
                ))
            }
            None if f.value < 0.0 => offenders.push(format!(
                "{}: negative but no sign word before {}: {}",
                f.id, f.value_text, f.quote
            )),
            _ => {}
        }
    }
    // And in the whole report: every number right after a sign word is such a figure, and
    // every 降/减 right before a number is a sign word or a named reduction measure.
    let negative: HashSet<usize> = dataset()
        .figures
        .iter()
        .filter(|f| f.value < 0.0)
        .flat_map(number_positions)
        .collect();
    let mut tokens = arabic_number_tokens(SEED);
    tokens.extend(chinese_numeral_tokens(SEED));
    for (p, tok) in tokens {
        let before = &SEED[..p];
        let where_ = || {
            format!(
                "line {}: {}",
                SEED[..p].matches('\n').count() + 1,
                context(p, tok.len())
            )
        };
        if sign_before(before) == Some(true) && !negative.contains(&p) {
            offenders.push(format!("{}: a decrease with no negative figure", where_()));
        }
        let prev = before
            .strip_suffix('了')
            .unwrap_or(before)
            .chars()
            .next_back();
        if matches!(prev, Some('降' | '减'))
            && sign_before(before).is_none()
            && !REDUCTION_MEASURES.iter().any(|m| before.ends_with(m))
        {
            offenders.push(format!(
                "{}: 降/减 before a number, not a known sign word",
                where_()
            ));
        }
    }
    fail_if_any("sign words", offenders);
}

#[test]
fn the_sign_rule_reads_decreases_and_levels() {
    assert_eq!(sign_before("起付线降低"), Some(true));
    assert_eq!(sign_before("能耗下降了"), Some(true));
    assert_eq!(sign_before("失业率下降到"), Some(false));
    assert_eq!(sign_before("失业率降至"), Some(false));
    assert_eq!(sign_before("报销比例提高"), None);
    assert_eq!(sign_before("完成投资"), None);
    assert_eq!(sign_before("增长到"), None);
}

/// The 1-based line of a byte offset.
fn line_of(pos: usize) -> u32 {
    SEED[..pos].matches('\n').count() as u32 + 1
}

/// Byte offset where a chapter starts in the report.
fn chapter_start(c: &Chapter) -> Option<usize> {
    let line_start: usize = SEED
        .split_inclusive('\n')
        .take(c.lines[0] as usize - 1)
        .map(str::len)
        .sum();
    match &c.from {
        None => Some(line_start),
        Some(words) => {
            let line = SEED[line_start..].lines().next()?;
            line.find(words.as_str()).map(|i| line_start + i)
        }
    }
}

fn chapter_at(pos: usize) -> Option<&'static Chapter> {
    let line = line_of(pos);
    dataset()
        .taxonomy
        .chapters
        .iter()
        .filter(|c| c.lines[0] <= line && line <= c.lines[1])
        .filter(|c| chapter_start(c).is_some_and(|s| s <= pos))
        .max_by_key(|c| chapter_start(c))
}

/// Figures whose sector is not their chapter's, each with the reason. Keep short: a
/// paragraph of one topic is better split in taxonomy.json's `chapters`.
const SECTOR_EXCEPTIONS: [(&str, &str); 4] = [
    (
        "surplus-hydropower-absorbed-2023",
        "an amount of hydropower (energy) in the reform chapter: the absorption zone is a \
         policy pilot, the number is energy",
    ),
    (
        "underdeveloped-counties-assisted-2023",
        "托底性帮扶 of underdeveloped counties is rural revitalisation; in the opening-up \
         paragraph, paired with the 2024 figure in the rural chapter",
    ),
    (
        "tianfu-cloud-enterprises-2024",
        "“天府云平台” is 工业数字化 (industrial digitalisation), inside the new \
         infrastructure paragraph",
    ),
    (
        "tianfu-cloud-coverage-2024",
        "the same sentence as tianfu-cloud-enterprises-2024",
    ),
];

#[test]
fn chapters_cover_the_report_in_order() {
    let chapters = &dataset().taxonomy.chapters;
    let total = SEED.lines().count() as u32;
    let mut offenders = Vec::new();
    let mut expected_line = 1;
    let mut last_start = None;
    for c in chapters {
        let start = chapter_start(c);
        if start.is_none() {
            offenders.push(format!(
                "{}: `from` {:?} not in line {}",
                c.heading, c.from, c.lines[0]
            ));
        }
        if let Some(words) = &c.from {
            let line = SEED.lines().nth(c.lines[0] as usize - 1).unwrap_or("");
            if line.matches(words.as_str()).count() != 1 || c.lines[0] != c.lines[1] {
                offenders.push(format!(
                    "{}: `from` must occur once in a one-line chapter",
                    c.heading
                ));
            }
        }
        let continues = c.from.is_some() && c.lines[0] + 1 == expected_line;
        if c.lines[0] != expected_line && !continues {
            offenders.push(format!(
                "{}: starts at line {}, expected {expected_line}",
                c.heading, c.lines[0]
            ));
        }
        if start <= last_start {
            offenders.push(format!("{}: out of order", c.heading));
        }
        if c.lines[0] > c.lines[1] {
            offenders.push(format!("{}: lines {:?}", c.heading, c.lines));
        }
        let year = if c.lines[1] as usize <= LAST_LINE_OF_2023 {
            2023
        } else {
            2024
        };
        let year_first = if c.lines[0] as usize <= LAST_LINE_OF_2023 {
            2023
        } else {
            2024
        };
        if c.year != year || c.year != year_first {
            offenders.push(format!(
                "{}: year {} but lines {:?}",
                c.heading, c.year, c.lines
            ));
        }
        expected_line = c.lines[1] + 1;
        last_start = start;
    }
    if expected_line != total + 1 {
        offenders.push(format!(
            "chapters end at line {}, the report at {total}",
            expected_line - 1
        ));
    }
    fail_if_any("chapters", offenders);
}

#[test]
fn each_figure_is_in_the_sector_of_its_chapter() {
    let exceptions: HashMap<&str, &str> = SECTOR_EXCEPTIONS.into_iter().collect();
    let mut offenders = Vec::new();
    let mut used = HashSet::new();
    for f in &dataset().figures {
        let Some(pos) = first_number_position(f) else {
            offenders.push(format!("{}: its number is not found in the report", f.id));
            continue;
        };
        let Some(c) = chapter_at(pos) else {
            offenders.push(format!("{}: in no chapter", f.id));
            continue;
        };
        if c.sector == f.sector {
            if exceptions.contains_key(f.id.as_str()) {
                offenders.push(format!(
                    "{}: listed as an exception but matches its chapter",
                    f.id
                ));
            }
        } else if exceptions.contains_key(f.id.as_str()) {
            used.insert(f.id.as_str());
        } else {
            offenders.push(format!(
                "{}: sector {} but chapter {:?} (line {}) is {}",
                f.id,
                f.sector,
                c.heading,
                line_of(pos),
                c.sector
            ));
        }
    }
    for (id, reason) in SECTOR_EXCEPTIONS {
        assert!(!reason.is_empty());
        if dataset().figure(id).is_none() {
            offenders.push(format!("{id}: exception for a figure that does not exist"));
        }
    }
    fail_if_any("sector = chapter sector", offenders);
}

/// The report the dataset was read from, pinned: an edit to the text (even a space) must
/// be a decision, made here and in docs/data.md, not an accident.
const SEED_SHA256: &str = "55bc85f9586cfad38f25a85c06ec81611e3f2a2adde809e7743b1f973514a62d";
const SEED_FILE: &str = "000_41c047111ad46cae.txt";

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn the_report_text_is_pinned() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let ours = std::fs::read(root.join("seeds").join(SEED_FILE)).expect("seeds/ report");
    assert_eq!(sha256_hex(&ours), SEED_SHA256, "seeds/{SEED_FILE} changed");
    // The text the native build embeds is the whole file, unchanged.
    assert_eq!(
        SEED.as_bytes(),
        &ours[..],
        "the embedded report differs from seeds/"
    );
    let shared = root.join("../shared/seeds");
    if shared.is_dir() {
        let theirs = std::fs::read(shared.join(SEED_FILE))
            .unwrap_or_else(|e| panic!("../shared/seeds/{SEED_FILE}: {e}"));
        assert_eq!(
            sha256_hex(&theirs),
            SEED_SHA256,
            "../shared/seeds/{SEED_FILE} differs from the pinned report"
        );
    }
}

#[test]
fn the_embedded_dataset_is_the_files_on_disk() {
    // build.rs copies assets/data/ into the build; cargo reruns it when the files' mtimes
    // are newer than its last run. A build of another checkout sharing CARGO_TARGET_DIR
    // can leave older data embedded, and every other test here would then check that.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/data");
    let read = |name: &str| {
        std::fs::read_to_string(root.join(format!("{name}.json")))
            .unwrap_or_else(|e| panic!("assets/data/{name}.json: {e}"))
    };
    let on_disk = Dataset::parse(
        &read("taxonomy"),
        &read("figures"),
        &read("mentions"),
        &read("comparisons"),
        &read("exclusions"),
    )
    .expect("assets/data parses");
    assert!(
        &on_disk == dataset(),
        "the embedded dataset is not assets/data/ as on disk: a stale build \
         (touch assets/data/*.json and rebuild)"
    );
}
