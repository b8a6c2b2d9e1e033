//! The dataset against the report it was read from.
//!
//! Each test states one rule of `docs/data.md` over every record and lists every record
//! that breaks it, so one run shows all the slips at once.

use report_explorer::data::{
    self, parse_number, ComparisonKind, Dataset, Direction, Figure, Metric, Qualifier, SEED,
};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Lines 1–82 are the 2023 review, lines 83–177 the 2024 plan.
const LAST_LINE_OF_2023: usize = 82;

const SENTENCE_ENDS: [char; 5] = ['。', '；', '！', '？', '\n'];
const EXCLUSION_REASONS: [&str; 6] = ["year", "date", "ordinal", "grade", "name", "law"];
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
        Qualifier::AtMost => &["以内", "控制在", "不超过"],
    }
}

/// Words that, right after a number and its unit, make it approximate or a bound.
const TRAILING_QUALIFIERS: [&str; 5] = ["以上", "以内", "左右", "余", "多"];
/// Words that, right before a number, make it approximate or a bound.
const LEADING_QUALIFIERS: [&str; 7] = ["约", "近", "超过", "突破", "逾", "控制在", "不超过"];

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
            match parse_number(&f.value_text) {
                Some(v) if (v - f.value).abs() < 1e-9 => None,
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
            } else if !e.text.bytes().any(|b| b.is_ascii_digit()) {
                Some(format!("{:?}: holds no Arabic digit", e.text))
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

/// Every maximal run of ASCII digits, with an optional decimal part: (offset, text).
fn number_tokens(text: &str) -> Vec<(usize, &str)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
            i += 1;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
        }
        out.push((start, &text[start..i]));
    }
    out
}

#[test]
fn every_number_in_the_report_is_a_figure_or_excluded() {
    let d = dataset();
    let mut by_value: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    for f in &d.figures {
        let spans = by_value.entry(f.value_text.as_str()).or_default();
        spans.extend(
            occurrences(SEED, &f.quote)
                .into_iter()
                .map(|p| (p, p + f.quote.len())),
        );
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
    let offenders = number_tokens(SEED)
        .into_iter()
        .filter(|&(p, tok)| {
            let end = p + tok.len();
            !inside(by_value.get(tok).map_or(&[][..], Vec::as_slice), p, end)
                && !inside(&excluded, p, end)
        })
        .map(|(p, tok)| {
            let line = SEED[..p].matches('\n').count() + 1;
            format!("line {line}: {tok} in {}", context(p, tok.len()))
        })
        .collect();
    fail_if_any("numbers neither a figure nor excluded", offenders);
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
