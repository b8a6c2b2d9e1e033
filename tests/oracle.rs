//! The dataset against an independent reading of the report.
//!
//! `tests/fixtures/oracle.json` holds facts typed by hand from
//! `seeds/000_41c047111ad46cae.txt`, not derived from `reports/aba-2024/`. Each fact is found
//! in the dataset (year + the number as written + a figure whose quote contains the
//! fact's phrase, narrowed by `subject` for numbers in lists, or by an explicit
//! `figure_id`), and every field the fact states must equal the figure's. See
//! `docs/data.md` ("The oracle").

use report_explorer::data::{Dataset, Figure};

/// Aba's report text (the oracle is Aba's facts, typed from it).
fn seed() -> &'static str {
    &dataset().text
}
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Fact {
    year: u16,
    indicator_zh: String,
    #[serde(default)]
    subject: Option<String>,
    value: f64,
    value_text: String,
    unit: String,
    qualifier: String,
    estimate: bool,
    sector: String,
    metric: String,
    #[serde(default)]
    figure_id: Option<String>,
    /// Why the fact reads as it does, for the reader; not checked.
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

impl Fact {
    fn name(&self) -> String {
        match &self.subject {
            Some(s) => format!(
                "{} {}{} [{}] ({})",
                self.year, self.indicator_zh, self.value_text, s, self.unit
            ),
            None => format!(
                "{} {}{} ({})",
                self.year, self.indicator_zh, self.value_text, self.unit
            ),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NotFigure {
    text: String,
    value_text: String,
    why: String,
}

const ORACLE: &str = include_str!("fixtures/oracle.json");
const NOT_FIGURES: &str = include_str!("fixtures/not_figures.json");
const LAST_LINE_OF_2023: usize = 82;

fn facts() -> Vec<Fact> {
    serde_json::from_str(ORACLE).expect("tests/fixtures/oracle.json is a list of facts")
}

/// Aba's report folder, read from disk: these are its facts, whatever a build embeds.
fn dataset() -> &'static Dataset {
    static DATA: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    DATA.get_or_init(|| {
        Dataset::load(concat!(env!("CARGO_MANIFEST_DIR"), "/reports/aba-2024")).unwrap()
    })
}

fn part(year: u16) -> &'static str {
    let plan_start: usize = seed()
        .split_inclusive('\n')
        .take(LAST_LINE_OF_2023)
        .map(str::len)
        .sum();
    if year == 2023 {
        &seed()[..plan_start]
    } else {
        &seed()[plan_start..]
    }
}

/// The one figure a fact speaks of, or why none could be chosen.
fn find<'d>(d: &'d Dataset, fact: &Fact) -> Result<&'d Figure, String> {
    if let Some(id) = &fact.figure_id {
        let f = d
            .figure(id)
            .ok_or_else(|| format!("no figure with id {id}"))?;
        if !f.quote.contains(&fact.indicator_zh) {
            return Err(format!(
                "{id}: quote {:?} does not contain {:?}",
                f.quote, fact.indicator_zh
            ));
        }
        return Ok(f);
    }
    let candidates: Vec<&Figure> = d
        .figures
        .iter()
        .filter(|f| {
            f.year == fact.year
                && f.value_text == fact.value_text
                && f.quote.contains(&fact.indicator_zh)
                && fact
                    .subject
                    .as_ref()
                    .is_none_or(|s| f.indicator.zh.contains(s.as_str()))
        })
        .collect();
    match candidates.as_slice() {
        [one] => Ok(one),
        [] => Err("no figure of that year has this value_text and a quote with the phrase (and the subject in its name)".into()),
        many => Err(format!(
            "ambiguous, matches {}; add a subject or figure_id",
            many.iter().map(|f| f.id.as_str()).collect::<Vec<_>>().join(", ")
        )),
    }
}

fn differences(fact: &Fact, f: &Figure) -> Vec<String> {
    let mut out = Vec::new();
    let mut check = |field: &str, want: String, got: String| {
        if want != got {
            out.push(format!("{field}: oracle {want}, dataset {got}"));
        }
    };
    check("year", fact.year.to_string(), f.year.to_string());
    check("value_text", fact.value_text.clone(), f.value_text.clone());
    check("unit", fact.unit.clone(), f.unit.clone());
    check(
        "qualifier",
        fact.qualifier.clone(),
        f.qualifier.slug().into(),
    );
    check(
        "estimate",
        fact.estimate.to_string(),
        f.estimate.to_string(),
    );
    check("sector", fact.sector.clone(), f.sector.clone());
    check("metric", fact.metric.clone(), f.metric.slug().into());
    if (fact.value - f.value).abs() > 1e-9 {
        out.push(format!("value: oracle {}, dataset {}", fact.value, f.value));
    }
    out
}

#[test]
fn every_oracle_fact_equals_its_figure() {
    let d = dataset();
    let facts = facts();
    let mut offenders = Vec::new();
    let mut claimed: HashMap<&str, String> = HashMap::new();
    for fact in &facts {
        match find(d, fact) {
            Err(why) => offenders.push(format!("{}: {why}", fact.name())),
            Ok(f) => {
                if let Some(other) = claimed.insert(f.id.as_str(), fact.name()) {
                    offenders.push(format!(
                        "{}: figure {} is already the match of {other}",
                        fact.name(),
                        f.id
                    ));
                }
                for diff in differences(fact, f) {
                    offenders.push(format!("{} → {}: {diff}", fact.name(), f.id));
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "{} oracle mismatch(es):\n  {}",
        offenders.len(),
        offenders.join("\n  ")
    );
}

/// The report's sentences (to 。 or a line's end; a 、 list stays whole).
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split(['。', '\n']).filter(|s| !s.is_empty())
}

/// Whether `sentence` holds `number` as a whole number: no digit or decimal point right
/// before it, and no digit (nor a decimal point followed by one) right after it.
fn holds_number(sentence: &str, number: &str) -> bool {
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let chinese =
        |c: Option<char>| c.is_some_and(|c| "〇零一二两三四五六七八九十百千万亿".contains(c));
    let numeral = if number.chars().all(|c| c.is_ascii_digit() || c == '.') {
        digit
    } else {
        chinese
    };
    sentence.match_indices(number).any(|(at, _)| {
        let before = sentence[..at].chars().next_back();
        let mut after = sentence[at + number.len()..].chars();
        let next = after.next();
        let decimal = next == Some('.') && digit(after.next());
        !numeral(before) && before != Some('.') && !numeral(next) && !decimal
    })
}

#[test]
fn numbers_are_found_whole_in_their_sentence() {
    assert!(holds_number("草原综合植被盖度达85.5%，", "85.5"));
    assert!(!holds_number("草原综合植被盖度达85.5%，", "5"));
    assert!(!holds_number("草原综合植被盖度达85.5%，", "85"));
    assert!(!holds_number("累计建成示范县12个", "2"));
    assert!(holds_number("连续跨越两个百万级大关", "两"));
    assert!(!holds_number("十一年", "十"));
}

#[test]
fn the_oracle_is_typed_from_the_report() {
    // The phrases and numbers must be the report's own words, in the right part, so a
    // typo in the oracle fails here rather than passing by matching nothing.
    let facts = facts();
    let mut offenders = Vec::new();
    for fact in &facts {
        let text = part(fact.year);
        if !text.contains(&fact.indicator_zh) {
            offenders.push(format!(
                "{}: phrase not in the {} part",
                fact.name(),
                fact.year
            ));
        }
        // The number as written, standing alone (not a piece of a longer number), in a
        // sentence that also holds the phrase: a one-character value such as "5" or "两"
        // is somewhere in any part, so the part as a whole proves nothing.
        if !sentences(text)
            .any(|s| s.contains(&fact.indicator_zh) && holds_number(s, &fact.value_text))
        {
            offenders.push(format!(
                "{}: no sentence of the {} part holds both the phrase and the number",
                fact.name(),
                fact.year
            ));
        }
        let magnitude = report_explorer::data::parse_number(&fact.value_text);
        if magnitude.map(f64::abs) != Some(fact.value.abs()) {
            offenders.push(format!(
                "{}: value {} is not what {:?} says",
                fact.name(),
                fact.value,
                fact.value_text
            ));
        }
        if !["exact", "about", "at_least", "at_most"].contains(&fact.qualifier.as_str()) {
            offenders.push(format!("{}: unknown qualifier", fact.name()));
        }
        if dataset().sector(&fact.sector).is_none() {
            offenders.push(format!("{}: unknown sector {}", fact.name(), fact.sector));
        }
    }
    assert!(
        offenders.is_empty(),
        "oracle typos:\n  {}",
        offenders.join("\n  ")
    );
}

#[test]
fn the_oracle_covers_what_the_issue_asks() {
    let facts = facts();
    assert!(facts.len() >= 70, "only {} facts", facts.len());
    let has = |pred: &dyn Fn(&Fact) -> bool| facts.iter().filter(|f| pred(f)).count();
    // The nine growth pairs, both years.
    for (phrase, subject) in [
        ("地区生产总值", None),
        ("固定资产投资", None),
        ("工业增加值", None),
        ("社会消费品零售总额", None),
        ("一般公共预算收入", None),
        ("人均可支配收入", Some("城镇")),
        ("人均可支配收入", Some("农村")),
        ("增长", Some("游客")),
        ("增长", Some("旅游总收入")),
    ] {
        for year in [2023, 2024] {
            let n = has(&|f| {
                f.year == year
                    && f.metric == "growth_pct"
                    && f.indicator_zh.contains(phrase)
                    && subject.is_none_or(|s| f.subject.as_deref() == Some(s))
            });
            assert!(n >= 1, "no {year} growth fact for {phrase} {subject:?}");
        }
    }
    for q in ["exact", "about", "at_least", "at_most"] {
        assert!(has(&|f| f.qualifier == q) >= 1, "no {q} fact");
    }
    for m in [
        "level",
        "count",
        "growth_pct",
        "rate_pct",
        "share_pct",
        "change_pp",
    ] {
        // share_pct: the report states no share of a whole in %; see docs/data.md.
        if m != "share_pct" {
            assert!(has(&|f| f.metric == m) >= 1, "no {m} fact");
        }
    }
    assert!(has(&|f| f.estimate) >= 5, "estimates");
    assert!(
        has(&|f| !f.value_text.chars().all(|c| c.is_ascii_digit() || c == '.')) >= 5,
        "Chinese-numeral facts"
    );
    assert!(has(&|f| f.value < 0.0) >= 1, "sign-word facts");
    for s in &dataset().taxonomy.sectors {
        assert!(
            has(&|f| f.sector == s.slug) >= 3,
            "fewer than 3 facts for sector {}",
            s.slug
        );
    }
    // Every list with 分别 in the report has a fact per item.
    for (i, _) in seed().match_indices("分别") {
        let line = seed()[..i].matches('\n').count() + 1;
        let year = if line <= LAST_LINE_OF_2023 {
            2023
        } else {
            2024
        };
        let n = has(&|f| {
            f.year == year
                && f.subject.is_some()
                && seed()
                    .lines()
                    .nth(line - 1)
                    .unwrap()
                    .contains(&f.indicator_zh)
        });
        assert!(
            n >= 2,
            "line {line}: the 分别 list has {n} facts with a subject"
        );
    }
}

#[test]
fn numbers_that_are_not_measures_are_not_figures() {
    let notes: Vec<NotFigure> =
        serde_json::from_str(NOT_FIGURES).expect("tests/fixtures/not_figures.json");
    let mut offenders = Vec::new();
    for n in &notes {
        assert!(!n.why.is_empty());
        if !seed().contains(&n.text) || !n.text.contains(&n.value_text) {
            offenders.push(format!(
                "{:?}: not in the report or lacks {:?}",
                n.text, n.value_text
            ));
            continue;
        }
        // A figure that reads this number at this place is wrong: the figure's quote
        // contains the text and the number is the figure's value_text within it.
        let offset = n.text.find(&n.value_text).unwrap();
        for f in dataset()
            .figures
            .iter()
            .filter(|f| f.value_text == n.value_text)
        {
            let reads_it = f.quote.match_indices(&n.text).any(|(p, _)| {
                let at = p + offset;
                // the figure's own number is at `at` unless the quote holds it elsewhere too
                f.quote.match_indices(&f.value_text).all(|(q, _)| q == at)
            });
            if reads_it {
                offenders.push(format!(
                    "{}: reads {:?} ({}) as a figure",
                    f.id, n.text, n.why
                ));
            }
        }
    }
    assert!(offenders.is_empty(), "{}", offenders.join("\n"));
}
