//! Every report folder against the report text it was read from.
//!
//! Each generic test states one rule of `docs/data.md` and runs it over every report
//! folder: Aba's (`reports/aba-2024`), the fictional second report
//! (`tests/fixtures/second-report`), the folder this build embeds (`REPORT_DIR`, Aba's
//! unless built otherwise) and, when set, the folder in `REPORT_UNDER_TEST` (which
//! `cargo xtask dist --report DIR` sets, so a broken new report is refused before a site is
//! built). Each lists every record that breaks the rule, in every folder, named by its
//! folder, so one run shows all the slips at once.
//!
//! What only one report needs (its named exceptions, its headline facts, its pinned text)
//! is kept per report: `KNOWN` below, and the tests whose names start with `aba_` or
//! `second_report_`.

use report_explorer::data::{
    arabic_number_tokens, chinese_numeral_tokens, is_chinese_numeral, parse_number, Chapter,
    ComparisonKind, Dataset, Direction, Figure, Metric, Period, Qualifier,
};
use sha2::{Digest, Sha256};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// Aba Prefecture's 2024 report, the one the page is built from by default.
const ABA: &str = "reports/aba-2024";
/// A fictional report (青岚市, 2030/2031): proves the rules are about reports, not Aba.
const SECOND: &str = "tests/fixtures/second-report";
/// A fictional report (岱溪市, 2046/2047), reviewed by hand to score the drafting tool.
const THIRD: &str = "tests/fixtures/third-report";

/// What the generic rules cannot know about one report: its named exceptions, each
/// with its reason. A folder not listed here gets none.
struct Known {
    folder: &'static str,
    /// Counties whose short name also names something else in the report; for them only
    /// the full name is checked.
    ambiguous_counties: &'static [&'static str],
    /// Figures whose sector is not their chapter's, each with the reason. Keep short: a
    /// paragraph of one topic is better split in the manifest's `chapters`.
    sector_exceptions: &'static [(&'static str, &'static str)],
}

const KNOWN: [Known; 3] = [
    Known {
        folder: ABA,
        ambiguous_counties: &ABA_AMBIGUOUS_COUNTIES,
        sector_exceptions: &ABA_SECTOR_EXCEPTIONS,
    },
    Known {
        folder: SECOND,
        ambiguous_counties: &[],
        sector_exceptions: &[],
    },
    Known {
        folder: THIRD,
        // 鹿鸣湖 is a scenic area, not 鹿鸣县.
        ambiguous_counties: &["luming"],
        sector_exceptions: &[],
    },
];

/// Aba's counties whose short name also names the prefecture (阿坝州), a scenic area
/// (九寨沟) or a national park (若尔盖国家公园).
const ABA_AMBIGUOUS_COUNTIES: [&str; 3] = ["aba", "jiuzhaigou", "ruoergai"];

/// Aba's figures whose sector is not their chapter's, each with the reason.
const ABA_SECTOR_EXCEPTIONS: [(&str, &str); 4] = [
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

const NOTHING_KNOWN: Known = Known {
    folder: "",
    ambiguous_counties: &[],
    sector_exceptions: &[],
};

/// One report folder, loaded.
struct Folder {
    /// How failures name the folder: as listed above, or as REPORT_UNDER_TEST gives it.
    name: String,
    dir: PathBuf,
    known: &'static Known,
    data: Dataset,
    /// Byte offset where the plan part begins (the line after `review_ends_line`).
    plan_start: usize,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn same_folder(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Every folder under test, loaded once; a folder that does not load is its error, which
/// every generic test then reports.
static FOLDERS: LazyLock<Vec<Result<Folder, String>>> = LazyLock::new(|| {
    let mut dirs: Vec<(String, PathBuf)> = [ABA, SECOND, THIRD]
        .map(|f| (f.to_string(), root().join(f)))
        .into();
    let extra = [
        Some(report_explorer::REPORT_DIR.to_string()),
        std::env::var("REPORT_UNDER_TEST").ok(),
    ];
    for name in extra.into_iter().flatten().filter(|d| !d.is_empty()) {
        // A relative path is relative to the workspace (where xtask runs cargo test).
        let dir = root().join(&name);
        if !dirs.iter().any(|(_, d)| same_folder(d, &dir)) {
            dirs.push((name, dir));
        }
    }
    dirs.into_iter()
        .map(|(name, dir)| {
            let known = KNOWN
                .iter()
                .find(|k| same_folder(&root().join(k.folder), &dir))
                .unwrap_or(&NOTHING_KNOWN);
            let data = Dataset::load(&dir).map_err(|e| format!("{name}: does not load: {e}"))?;
            let plan_start = data
                .text
                .split_inclusive('\n')
                .take(data.report.review_ends_line as usize)
                .map(str::len)
                .sum();
            Ok(Folder {
                name,
                dir,
                known,
                data,
                plan_start,
            })
        })
        .collect()
});

/// A folder by the name it is listed under (`ABA`, `SECOND`), for the report-specific tests.
fn folder(name: &str) -> &'static Folder {
    match FOLDERS.iter().find(|f| {
        f.as_ref()
            .map_or_else(|e| e.starts_with(&format!("{name}:")), |f| f.name == name)
    }) {
        Some(Ok(f)) => f,
        Some(Err(e)) => panic!("{e}"),
        None => panic!("{name}: not among the folders under test"),
    }
}

fn fail_if_any(rule: &str, offenders: Vec<String>) {
    assert!(
        offenders.is_empty(),
        "{rule}: {} offending record(s):\n  {}",
        offenders.len(),
        offenders.join("\n  ")
    );
}

/// Runs one rule over every folder; each offender is named by its folder.
fn each_report(rule: &str, check: impl Fn(&Folder) -> Vec<String>) {
    let mut offenders = Vec::new();
    for f in FOLDERS.iter() {
        match f {
            Ok(f) => offenders.extend(check(f).into_iter().map(|o| format!("{}: {o}", f.name))),
            Err(e) => offenders.push(e.clone()),
        }
    }
    fail_if_any(rule, offenders);
}

const SENTENCE_ENDS: [char; 5] = ['。', '；', '！', '？', '\n'];
const EXCLUSION_REASONS: [&str; 9] = [
    "year", "date", "ordinal", "grade", "name", "law", "word", "idiom", "outline",
];

impl Folder {
    fn text(&self) -> &str {
        &self.data.text
    }

    fn review_year(&self) -> u16 {
        self.data.report.review_year
    }

    fn plan_year(&self) -> u16 {
        self.data.report.plan_year
    }

    /// The year of the part of the report a byte offset is in.
    fn year_at(&self, pos: usize) -> u16 {
        if pos < self.plan_start {
            self.review_year()
        } else {
            self.plan_year()
        }
    }

    /// The report around a byte offset, for failure messages.
    fn context(&self, pos: usize, len: usize) -> String {
        let text = self.text();
        let start = text[..pos]
            .char_indices()
            .rev()
            .nth(19)
            .map_or(0, |(i, _)| i);
        let end = text[pos + len..]
            .char_indices()
            .nth(20)
            .map_or(text.len(), |(i, _)| pos + len + i);
        format!("…{}…", text[start..end].replace('\n', "⏎"))
    }

    /// The 1-based line of a byte offset.
    fn line_of(&self, pos: usize) -> u32 {
        self.text()[..pos].matches('\n').count() as u32 + 1
    }

    fn county_names(&self, slug: &str) -> (&str, &str) {
        let c = self
            .data
            .county(slug)
            .expect("known county (checked by parse)");
        (&c.short, &c.zh)
    }

    fn ambiguous(&self, slug: &str) -> bool {
        self.known.ambiguous_counties.contains(&slug)
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

fn qualifier_words(q: Qualifier) -> &'static [&'static str] {
    match q {
        Qualifier::Exact => &[],
        Qualifier::About => &["左右", "约", "近"],
        Qualifier::AtLeast => &["以上", "超过", "突破", "余", "多", "逾", "不低于"],
        Qualifier::AtMost => &["以内", "以下", "控制在", "不超过", "低于"],
    }
}

/// Words that, right after a number and its unit, make it approximate or a bound.
const TRAILING_QUALIFIERS: [&str; 6] = ["以上", "以内", "以下", "左右", "余", "多"];
/// Words that, right before a number, make it approximate or a bound.
const LEADING_QUALIFIERS: [&str; 9] =
    ["约", "近", "超过", "突破", "逾", "控制在", "不超过", "低于", "不低于"];
/// Of the qualifier words, those written inside the unit, right after the number
/// ("500余种", "3.9万余名": unit 万名).
const INNER_QUALIFIERS: [&str; 2] = ["余", "多"];

/// The id without its `-<year>` suffix.
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

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn every_report_folder_loads_and_its_comparisons_resolve() {
    // Loading parses and cross-checks the folder (`Dataset::load`); a folder that does not
    // load is reported by `each_report` itself.
    each_report("report folder loads, comparisons resolve", |r| {
        let d = &r.data;
        let mut offenders: Vec<String> = d
            .comparison_specs
            .iter()
            .filter(|c| d.figure(&c.from).is_none() || d.figure(&c.to).is_none())
            .map(|c| {
                format!(
                    "comparison {}: {} → {} does not resolve",
                    c.id, c.from, c.to
                )
            })
            .collect();
        if d.comparisons().len() != d.comparison_specs.len() {
            offenders.push(format!(
                "{} comparisons resolve of {}",
                d.comparisons().len(),
                d.comparison_specs.len()
            ));
        }
        offenders
    });
}

#[test]
fn the_text_is_the_one_the_manifest_pins() {
    // Changing the report text is a decision: made in the manifest's `text_sha256` too.
    each_report("text sha256 = manifest text_sha256", |r| {
        let path = r.dir.join(&r.data.report.text);
        match std::fs::read(&path) {
            Err(e) => vec![format!("{}: {e}", path.display())],
            Ok(bytes) if sha256_hex(&bytes) != r.data.report.text_sha256 => vec![format!(
                "{} has sha256 {}, the manifest pins {}",
                r.data.report.text,
                sha256_hex(&bytes),
                r.data.report.text_sha256
            )],
            Ok(bytes) if bytes != r.text().as_bytes() => {
                vec!["the loaded text is not the file's bytes".into()]
            }
            Ok(_) => vec![],
        }
    });
}

#[test]
fn the_plan_part_starts_with_a_heading_of_the_plan_year() {
    // `review_ends_line` splits the report: the line after it opens the plan part, a
    // heading such as "2024年工作安排" (no sentence in it).
    each_report("plan part opens with its heading", |r| {
        let ends = r.data.report.review_ends_line as usize;
        let total = r.text().lines().count();
        let Some(line) = r.text().lines().nth(ends) else {
            return vec![format!(
                "review_ends_line {ends} leaves no plan part (the report has {total} lines)"
            )];
        };
        let year = format!("{}年", r.plan_year());
        if ends == 0 || !line.contains(&year) || line.contains('。') {
            vec![format!(
                "line {} (after review_ends_line {ends}) is not a heading with {year}: {line}",
                ends + 1
            )]
        } else {
            vec![]
        }
    });
}

#[test]
fn figure_quotes_sit_in_the_part_of_their_year() {
    // The first occurrence counts: the app shows the context around `text.find(quote)`.
    each_report("figure quote in the report, in its year's part", |r| {
        r.data
            .figures
            .iter()
            .filter_map(|f| match r.text().find(&f.quote) {
                None => Some(format!("{}: quote not in the report: {}", f.id, f.quote)),
                Some(p) if r.year_at(p) != f.year => Some(format!(
                    "{}: year {} but the quote first occurs in the {} part: {}",
                    f.id,
                    f.year,
                    r.year_at(p),
                    f.quote
                )),
                Some(_) => None,
            })
            .collect()
    });
}

#[test]
fn figures_are_in_report_order() {
    each_report("figures in report order", |r| {
        let position = |f: &Figure| {
            r.text()
                .find(&f.quote)
                .map(|p| p + f.quote.find(&f.value_text).unwrap_or(0))
        };
        r.data
            .figures
            .windows(2)
            .filter(|w| position(&w[0]) > position(&w[1]))
            .map(|w| format!("{} comes before {}", w[0].id, w[1].id))
            .collect()
    });
}

#[test]
fn value_text_is_quoted_and_parses_to_value() {
    each_report("value_text in quote and equal to value", |r| {
        r.data
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
            .collect()
    });
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

impl Folder {
    /// The report offset of the figure's (first) number, in the part of its year.
    fn first_number_position(&self, f: &Figure) -> Option<usize> {
        let q = occurrences(self.text(), &f.quote)
            .into_iter()
            .find(|&p| self.year_at(p) == f.year)?;
        number_offsets(f).first().map(|o| q + o)
    }

    /// Where a figure's number can stand in the report: every occurrence of its quote,
    /// plus each offset in the quote where `value_text` stands as a whole number with the
    /// unit written right after it (see `number_offsets`).
    fn number_positions(&self, f: &Figure) -> Vec<usize> {
        let offsets = number_offsets(f);
        occurrences(self.text(), &f.quote)
            .into_iter()
            .flat_map(|q| offsets.iter().map(move |p| q + p))
            .collect()
    }

    /// The span of a figure's unit right after its number at `pos` in the report (with a
    /// 余/多 inside it: "3.9万余名"), for numerals that belong to the unit (万, 百分点).
    fn unit_span(&self, f: &Figure, pos: usize) -> (usize, usize) {
        let start = pos + f.value_text.len();
        let len = unit_written_len(&self.text()[start..], &f.unit).unwrap_or(0);
        (start, start + len)
    }

    /// Every number of the report, Arabic (`6.5`) or Chinese (`两`, `十一`, `百万`), must
    /// be the number of a figure at that place (its value_text, or a scale inside its unit
    /// such as 万 in 5300万人次 or 百 in 1.8个百分点), or lie inside an exclusion.
    fn uncovered_numbers(&self, tokens: Vec<(usize, &str)>) -> Vec<String> {
        let d = &self.data;
        let mut numbers: HashSet<(usize, &str)> = HashSet::new();
        let mut units: Vec<(usize, usize)> = Vec::new();
        for f in &d.figures {
            for p in self.number_positions(f) {
                numbers.insert((p, f.value_text.as_str()));
                units.push(self.unit_span(f, p));
            }
        }
        let excluded: Vec<(usize, usize)> = d
            .exclusions
            .iter()
            .flat_map(|e| {
                occurrences(self.text(), &e.text)
                    .into_iter()
                    .map(|p| (p, p + e.text.len()))
            })
            .collect();
        let inside = |spans: &[(usize, usize)], a: usize, b: usize| {
            spans.iter().any(|&(s, e)| s <= a && b <= e)
        };
        tokens
            .into_iter()
            .filter(|&(p, tok)| {
                let end = p + tok.len();
                !numbers.contains(&(p, tok))
                    && !inside(&units, p, end)
                    && !inside(&excluded, p, end)
            })
            .map(|(p, tok)| {
                format!(
                    "line {}: {tok} in {}",
                    self.line_of(p),
                    self.context(p, tok.len())
                )
            })
            .collect()
    }

    /// Byte offset where a chapter starts in the report.
    fn chapter_start(&self, c: &Chapter) -> Option<usize> {
        let text = self.text();
        let line_start: usize = text
            .split_inclusive('\n')
            .take((c.lines[0] as usize).saturating_sub(1))
            .map(str::len)
            .sum();
        match &c.from {
            None => Some(line_start),
            Some(words) => {
                let line = text[line_start..].lines().next()?;
                line.find(words.as_str()).map(|i| line_start + i)
            }
        }
    }

    fn chapter_at(&self, pos: usize) -> Option<&Chapter> {
        let line = self.line_of(pos);
        self.data
            .taxonomy
            .chapters
            .iter()
            .filter(|c| c.lines[0] <= line && line <= c.lines[1])
            .filter(|c| self.chapter_start(c).is_some_and(|s| s <= pos))
            .max_by_key(|c| self.chapter_start(c))
    }
}

#[test]
fn unit_is_written_right_after_the_value() {
    each_report("unit right after value_text", |r| {
        r.data
            .figures
            .iter()
            .filter(|f| !unit_follows_value(f))
            .map(|f| {
                format!(
                    "{}: {:?} + {:?} not in {}",
                    f.id, f.value_text, f.unit, f.quote
                )
            })
            .collect()
    });
}

#[test]
fn units_fit_metrics() {
    each_report("percentages in %, points in 个百分点", |r| {
        r.data
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
            .collect()
    });
}

#[test]
fn qualifiers_agree_with_the_words_of_the_quote() {
    each_report("qualifier matches the quote", |r| {
        let mut offenders = Vec::new();
        for f in &r.data.figures {
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
        offenders
    });
}

#[test]
fn estimate_is_set_exactly_when_the_sentence_says_yuji() {
    each_report("estimate ⇔ 预计 earlier in the sentence", |r| {
        let text = r.text();
        r.data
            .figures
            .iter()
            .filter_map(|f| {
                let at = occurrences(text, &f.quote)
                    .into_iter()
                    .find(|&p| r.year_at(p) == f.year)?;
                let sentence_start = text[..at]
                    .char_indices()
                    .rev()
                    .find(|&(_, c)| SENTENCE_ENDS.contains(&c))
                    .map_or(0, |(i, c)| i + c.len_utf8());
                let says = text[sentence_start..at + f.quote.len()].contains("预计");
                (says != f.estimate).then(|| {
                    format!(
                        "{}: estimate {} but 预计 in sentence: {says}",
                        f.id, f.estimate
                    )
                })
            })
            .collect()
    });
}

#[test]
fn county_tags_are_named_in_their_quotes() {
    each_report("county tags named in the quote", |r| {
        let d = &r.data;
        let named = |slug: &str, quote: &str| {
            let (short, zh) = r.county_names(slug);
            quote.contains(short) || quote.contains(zh)
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
                if !r.ambiguous(&c.slug)
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
        offenders
    });
}

#[test]
fn mentions_quote_the_report_and_cover_every_county_clause() {
    each_report("mentions", |r| {
        let d = &r.data;
        let text = r.text();
        let mut offenders = Vec::new();
        for m in &d.mentions {
            match text.find(&m.quote) {
                None => offenders.push(format!(
                    "mention {}: quote not in the report: {}",
                    m.id, m.quote
                )),
                Some(p) if r.year_at(p) != m.year => offenders.push(format!(
                    "mention {}: year {} but quote is in the {} part",
                    m.id,
                    m.year,
                    r.year_at(p)
                )),
                Some(_) => {}
            }
            if m.gist.zh.trim().is_empty() || m.gist.en.trim().is_empty() {
                offenders.push(format!("mention {}: empty gist", m.id));
            }
        }
        // Each place the report names a county by its full name (or by an unambiguous
        // short name) must lie inside a mention tagged with that county.
        let spans: Vec<(usize, usize, &Vec<String>)> = d
            .mentions
            .iter()
            .flat_map(|m| {
                occurrences(text, &m.quote)
                    .into_iter()
                    .map(move |p| (p, p + m.quote.len(), &m.counties))
            })
            .collect();
        for c in &d.taxonomy.counties {
            let mut names = vec![c.zh.as_str()];
            if !r.ambiguous(&c.slug) {
                names.push(c.short.as_str());
            }
            for name in names {
                for p in occurrences(text, name) {
                    let covered = spans.iter().any(|&(a, b, tags)| {
                        a <= p && p + name.len() <= b && tags.contains(&c.slug)
                    });
                    if !covered {
                        offenders.push(format!(
                            "{} named but no mention tagged {}: {}",
                            name,
                            c.slug,
                            r.context(p, name.len())
                        ));
                    }
                }
            }
        }
        offenders
    });
}

#[test]
fn ids_are_unique_kebab_case_and_carry_the_year() {
    each_report("ids", |r| {
        let d = &r.data;
        let mut offenders = Vec::new();
        let mut seen = HashSet::new();
        for f in &d.figures {
            if !seen.insert(f.id.as_str()) {
                offenders.push(format!("figure {}: duplicate id", f.id));
            }
            // The year is the review or the plan year (checked by `Dataset::load`).
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
        offenders
    });
}

#[test]
fn exclusions_are_quoted_and_have_a_known_reason() {
    each_report("exclusions", |r| {
        let mut seen = HashSet::new();
        r.data
            .exclusions
            .iter()
            .filter_map(|e| {
                if !seen.insert(e.text.as_str()) {
                    Some(format!("{:?}: listed twice", e.text))
                } else if !r.text().contains(&e.text) {
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
            .collect()
    });
}

#[test]
fn every_number_in_the_report_is_a_figure_or_excluded() {
    each_report("Arabic numbers neither a figure nor excluded", |r| {
        r.uncovered_numbers(arabic_number_tokens(r.text()))
    });
}

#[test]
fn every_chinese_numeral_in_the_report_is_a_figure_or_excluded() {
    each_report("Chinese numerals neither a figure nor excluded", |r| {
        r.uncovered_numbers(chinese_numeral_tokens(r.text()))
    });
}

#[test]
fn exclusions_do_not_hide_a_figure() {
    // An exclusion over a figure's number would let a wrong figure pass the coverage
    // tests unnoticed (and says the number is not a measure while a figure says it is).
    each_report("exclusions over figures", |r| {
        let d = &r.data;
        let spans: Vec<(usize, usize, &str)> = d
            .exclusions
            .iter()
            .flat_map(|e| {
                occurrences(r.text(), &e.text)
                    .into_iter()
                    .map(move |p| (p, p + e.text.len(), e.text.as_str()))
            })
            .collect();
        let mut offenders = Vec::new();
        for f in &d.figures {
            let Some(p) = r.first_number_position(f) else {
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
        offenders
    });
}

#[test]
fn comparisons_pair_like_with_like() {
    each_report("comparisons", |r| {
        let d = &r.data;
        let (review, plan) = (r.review_year(), r.plan_year());
        let mut offenders = Vec::new();
        for c in d.comparisons() {
            let (a, b, id) = (c.from, c.to, &c.spec.id);
            if d.period(a.year) != Some(Period::Review) || d.period(b.year) != Some(Period::Plan) {
                offenders.push(format!("{id}: must go from {review} to {plan}"));
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
        for a in d.figures.iter().filter(|f| f.year == review) {
            let to = format!("{}-{plan}", id_base(&a.id));
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
        offenders
    });
}

/// Whether `word` is the qualifier of the number at `p` in `quote` (value `vt`, unit
/// `unit`): right before it (约, 近, 超过, 突破, 逾, 控制在, 不超过, 低于); inside the unit
/// right after it (余, 多: "500余种"); or right after the number and unit (以上, 以内, 以下,
/// 左右), directly or at the end of a list of numbers that this number starts or
/// continues ("4.5%、6.5%、7%以上", "29万亩、36万亩以上": the word applies to each).
fn qualifier_is_adjacent(quote: &str, p: usize, vt: &str, unit: &str, word: &str) -> bool {
    if LEADING_QUALIFIERS.contains(&word) {
        // 不低于 ("not below") is at least: its 低于 is not the at-most word.
        return quote[..p].ends_with(word) && !(word == "低于" && quote[..p].ends_with("不低于"));
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
    each_report("qualifier word adjacent to its number", |r| {
        let mut offenders = Vec::new();
        for f in &r.data.figures {
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
            if !offsets.iter().any(|&p| {
                qualifier_is_adjacent(&f.quote, p, &f.value_text, &f.unit, &f.qualifier_text)
            }) {
                offenders.push(format!(
                    "{}: {:?} is not next to {}{} in {}",
                    f.id, f.qualifier_text, f.value_text, f.unit, f.quote
                ));
            }
        }
        offenders
    });
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
    assert!(adj("比率不低于92%", "92", "%", "不低于"));
    assert!(!adj("比率不低于92%", "92", "%", "低于"));
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
    each_report("sign words", |r| {
        let mut offenders = Vec::new();
        for f in &r.data.figures {
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
                    if f.value < 0.0
                        || matches!(f.metric, Metric::GrowthPct | Metric::ChangePp) =>
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
        // And in the whole report: every number right after a sign word is such a figure,
        // and every 降/减 right before a number is a sign word or a named reduction measure.
        let text = r.text();
        let negative: HashSet<usize> = r
            .data
            .figures
            .iter()
            .filter(|f| f.value < 0.0)
            .flat_map(|f| r.number_positions(f))
            .collect();
        let mut tokens = arabic_number_tokens(text);
        tokens.extend(chinese_numeral_tokens(text));
        for (p, tok) in tokens {
            let before = &text[..p];
            let where_ = || format!("line {}: {}", r.line_of(p), r.context(p, tok.len()));
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
        offenders
    });
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

#[test]
fn chapters_cover_the_report_in_order() {
    each_report("chapters", |r| {
        let chapters = &r.data.taxonomy.chapters;
        let ends = r.data.report.review_ends_line;
        let year_of_line = |line: u32| {
            if line <= ends {
                r.review_year()
            } else {
                r.plan_year()
            }
        };
        let total = r.text().lines().count() as u32;
        let mut offenders = Vec::new();
        let mut expected_line = 1;
        let mut last_start = None;
        for c in chapters {
            if c.lines[0] == 0 || c.lines[0] > c.lines[1] || c.lines[1] > total {
                offenders.push(format!(
                    "{}: lines {:?} (the report has {total})",
                    c.heading, c.lines
                ));
                continue;
            }
            let start = r.chapter_start(c);
            if start.is_none() {
                offenders.push(format!(
                    "{}: `from` {:?} not in line {}",
                    c.heading, c.from, c.lines[0]
                ));
            }
            if let Some(words) = &c.from {
                let line = r.text().lines().nth(c.lines[0] as usize - 1).unwrap_or("");
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
            // A chapter lies in one part, the part of its year.
            if c.year != year_of_line(c.lines[0]) || c.year != year_of_line(c.lines[1]) {
                offenders.push(format!(
                    "{}: year {} but lines {:?} (review ends at line {ends})",
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
        offenders
    });
}

#[test]
fn each_figure_is_in_the_sector_of_its_chapter() {
    // The exceptions are the report's own (`KNOWN`): each names a figure and says why.
    each_report("sector = chapter sector", |r| {
        let exceptions: HashMap<&str, &str> = r.known.sector_exceptions.iter().copied().collect();
        let mut offenders = Vec::new();
        for f in &r.data.figures {
            let Some(pos) = r.first_number_position(f) else {
                offenders.push(format!("{}: its number is not found in the report", f.id));
                continue;
            };
            let Some(c) = r.chapter_at(pos) else {
                offenders.push(format!("{}: in no chapter", f.id));
                continue;
            };
            let excepted = exceptions.contains_key(f.id.as_str());
            if c.sector == f.sector && excepted {
                offenders.push(format!(
                    "{}: listed as an exception but matches its chapter",
                    f.id
                ));
            } else if c.sector != f.sector && !excepted {
                offenders.push(format!(
                    "{}: sector {} but chapter {:?} (line {}) is {}",
                    f.id,
                    f.sector,
                    c.heading,
                    r.line_of(pos),
                    c.sector
                ));
            }
        }
        for (id, reason) in r.known.sector_exceptions {
            if reason.trim().is_empty() {
                offenders.push(format!("{id}: exception without a reason"));
            }
            if r.data.figure(id).is_none() {
                offenders.push(format!("{id}: exception for a figure that does not exist"));
            }
        }
        offenders
    });
}

#[test]
fn the_embedded_dataset_is_the_files_on_disk() {
    // build.rs embeds the folder REPORT_DIR named (Aba's by default); cargo reruns it when
    // the folder's files are newer than its last run. A build of another checkout sharing
    // CARGO_TARGET_DIR can leave older data embedded, and the page would show that.
    let dir = report_explorer::REPORT_DIR;
    let mut on_disk = Dataset::load(dir).unwrap_or_else(|e| panic!("{dir}: {e}"));
    // The chapters are the dataset tests' map of the text; the page never reads them,
    // so the compact form the page embeds leaves them out.
    assert!(report_explorer::embedded().taxonomy.chapters.is_empty());
    on_disk.taxonomy.chapters.clear();
    let embedded = report_explorer::embedded();
    // The native build embeds the whole text unchanged (the wasm build cuts it down).
    assert!(
        embedded.text == on_disk.text,
        "{dir}: the embedded report text is not the folder's text file, whole and unchanged"
    );
    assert!(
        embedded == &on_disk,
        "{dir}: the embedded dataset is not the folder as on disk: a stale build \
         (touch {dir}/*.json and rebuild)"
    );
}

/// Every record of a report as text, each with what it is: the manifest's identity (not
/// its text hash), its sectors, counties and chapters, the four record files and the text.
fn records(d: &Dataset) -> Vec<(String, String)> {
    fn json<T: serde::Serialize>(v: &T) -> String {
        serde_json::to_string(v).expect("records serialize")
    }
    let mut identity = d.report.clone();
    identity.text_sha256.clear();
    let t = &d.taxonomy;
    let mut out = vec![("the manifest".to_string(), json(&identity))];
    out.extend(
        t.sectors
            .iter()
            .map(|s| (format!("sector {}", s.slug), json(s))),
    );
    out.extend(
        t.counties
            .iter()
            .map(|c| (format!("county {}", c.slug), json(c))),
    );
    out.extend(
        t.chapters
            .iter()
            .map(|c| (format!("chapter {}", c.heading), json(c))),
    );
    out.extend(
        d.figures
            .iter()
            .map(|f| (format!("figure {}", f.id), json(f))),
    );
    out.extend(
        d.mentions
            .iter()
            .map(|m| (format!("mention {}", m.id), json(m))),
    );
    out.extend(
        d.comparison_specs
            .iter()
            .map(|c| (format!("comparison {}", c.id), json(c))),
    );
    out.extend(
        d.exclusions
            .iter()
            .map(|e| (format!("exclusion {:?}", e.text), json(e))),
    );
    out.push(("the report text".to_string(), d.text.to_string()));
    out
}

/// Whether `hay` names `word`; an ASCII word must end there ("Aba", not "Abandoned").
fn names(hay: &str, word: &str) -> bool {
    occurrences(hay, word).into_iter().any(|p| {
        !word.is_ascii()
            || !hay[p + word.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric())
    })
}

/// The words that name a report's place: 阿坝州 and 阿坝, Aba Prefecture and Aba.
fn place_words(d: &Dataset) -> Vec<String> {
    let place = &d.report.place;
    let mut words = vec![place.zh.clone(), place.en.clone()];
    if let Some(stem) = place.zh.strip_suffix(['州', '市', '县', '区', '省']) {
        if stem.chars().count() >= 2 {
            words.push(stem.to_string());
        }
    }
    words.extend(place.en.split_whitespace().next().map(str::to_string));
    words
}

#[test]
fn no_report_names_another_reports_place_and_the_fixture_no_aba_year() {
    // A cheap guard against records copied from one report into another: no record of a
    // report names the place of another report under test (a copy of the same place
    // aside), and the fictional second report names neither of Aba's years.
    let loaded: Vec<&Folder> = FOLDERS.iter().filter_map(|f| f.as_ref().ok()).collect();
    let aba = &folder(ABA).data.report;
    each_report("records naming another report", |r| {
        let mut words: Vec<String> = loaded
            .iter()
            .filter(|o| o.data.report.place != r.data.report.place)
            .flat_map(|o| place_words(&o.data))
            .collect();
        if r.known.folder == SECOND {
            words.extend([aba.review_year, aba.plan_year].map(|y| y.to_string()));
        }
        words.sort_unstable();
        words.dedup();
        records(&r.data)
            .into_iter()
            .flat_map(|(what, text)| {
                words
                    .iter()
                    .filter(|w| names(&text, w))
                    .map(|w| format!("{what} names {w}"))
                    .collect::<Vec<_>>()
            })
            .collect()
    });
}

// ---- Aba's report only ----------------------------------------------------------------

/// Aba's text, pinned by its hash here as well as in the manifest: an edit to the text
/// (even a space) must be a decision, made here, in the manifest and in docs/data.md, not an
/// accident.
const ABA_TEXT_SHA256: &str = "55bc85f9586cfad38f25a85c06ec81611e3f2a2adde809e7743b1f973514a62d";
const ABA_TEXT_FILE: &str = "000_41c047111ad46cae.txt";

#[test]
fn aba_report_text_is_pinned() {
    let aba = folder(ABA);
    let ours = std::fs::read(root().join("seeds").join(ABA_TEXT_FILE)).expect("seeds/ report");
    assert_eq!(
        sha256_hex(&ours),
        ABA_TEXT_SHA256,
        "seeds/{ABA_TEXT_FILE} changed"
    );
    assert_eq!(
        aba.data.report.text_sha256, ABA_TEXT_SHA256,
        "{ABA}/manifest.json pins another text"
    );
    assert_eq!(
        aba.data.text.as_bytes(),
        &ours[..],
        "{ABA} reads another text than seeds/{ABA_TEXT_FILE}"
    );
    let shared = root().join("../shared/seeds");
    if shared.is_dir() {
        let theirs = std::fs::read(shared.join(ABA_TEXT_FILE))
            .unwrap_or_else(|e| panic!("../shared/seeds/{ABA_TEXT_FILE}: {e}"));
        assert_eq!(
            sha256_hex(&theirs),
            ABA_TEXT_SHA256,
            "../shared/seeds/{ABA_TEXT_FILE} differs from the pinned report"
        );
    }
}

#[test]
fn aba_figure_ids_are_stable() {
    // Aba's ids are used in links to the published page. Removing or renaming one breaks
    // them; adding one means adding it to tests/figure_ids.txt in the same change.
    let listed: Vec<&str> = include_str!("figure_ids.txt")
        .lines()
        .filter(|l| !l.is_empty())
        .collect();
    let mut sorted = listed.clone();
    sorted.sort_unstable();
    sorted.dedup();
    let listed_set: BTreeSet<&str> = listed.iter().copied().collect();
    let current: BTreeSet<&str> = folder(ABA)
        .data
        .figures
        .iter()
        .map(|f| f.id.as_str())
        .collect();
    let mut offenders: Vec<String> = listed_set
        .difference(&current)
        .map(|id| format!("{id}: listed in tests/figure_ids.txt but gone from {ABA}/figures.json"))
        .collect();
    offenders.extend(
        current
            .difference(&listed_set)
            .map(|id| format!("{id}: new id in {ABA}, add it to tests/figure_ids.txt")),
    );
    if sorted != listed {
        offenders.push("tests/figure_ids.txt is not sorted and duplicate-free".into());
    }
    fail_if_any("Aba figure id snapshot", offenders);
}

#[test]
fn aba_headline_comparisons_exist_with_their_directions() {
    let aba = folder(ABA);
    let (review, plan) = (aba.review_year(), aba.plan_year());
    let pairs = aba.data.comparisons();
    let find = |base: &str| {
        pairs.iter().find(|c| {
            c.from.id == format!("{base}-{review}") && c.to.id == format!("{base}-{plan}")
        })
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
            None => offenders.push(format!("{base}: no {review} → {plan} comparison")),
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
    fail_if_any("Aba headline comparisons", offenders);
}

/// Both years and every sector have figures; at least `min_figures` of them.
fn too_thin(r: &Folder, min_figures: usize) -> Vec<String> {
    let d = &r.data;
    let mut offenders = Vec::new();
    if d.figures.len() < min_figures {
        offenders.push(format!(
            "only {} figures, expected at least {min_figures}",
            d.figures.len()
        ));
    }
    for year in [r.review_year(), r.plan_year()] {
        if !d.figures.iter().any(|f| f.year == year) {
            offenders.push(format!("no figure for {year}"));
        }
    }
    for s in &d.taxonomy.sectors {
        if !d.figures.iter().any(|f| f.sector == s.slug) {
            offenders.push(format!("sector {} has no figure", s.slug));
        }
    }
    offenders
}

#[test]
fn aba_dataset_is_complete_enough() {
    fail_if_any("Aba counts", too_thin(folder(ABA), 280));
}

// ---- The second (fictional) report only -------------------------------------------------

#[test]
fn second_report_is_complete_enough() {
    // It is small (25 figures, 5 growth and 4 level pairs and one not comparable, 5
    // mentions) but must keep something of each kind for the tests that read it.
    let r = folder(SECOND);
    let d = &r.data;
    let mut offenders = too_thin(r, 20);
    let pairs = |kind: ComparisonKind, comparable: bool| {
        d.comparison_specs
            .iter()
            .filter(|c| c.kind == kind && c.not_comparable.is_none() == comparable)
            .count()
    };
    for (kind, what) in [
        (ComparisonKind::Growth, "growth"),
        (ComparisonKind::Level, "level"),
    ] {
        if pairs(kind, true) == 0 {
            offenders.push(format!("no comparable {what} pair"));
        }
    }
    if pairs(ComparisonKind::Growth, false) + pairs(ComparisonKind::Level, false) == 0 {
        offenders.push("no pair marked not_comparable".into());
    }
    for year in [r.review_year(), r.plan_year()] {
        if !d.mentions.iter().any(|m| m.year == year) {
            offenders.push(format!("no mention for {year}"));
        }
    }
    fail_if_any(&format!("{SECOND} counts"), offenders);
}

// ---- The third (fictional) report only --------------------------------------------------

#[test]
fn third_report_is_complete_enough() {
    // Hand-reviewed before any drafting tool read it: the answer key the tool is scored
    // against, so it keeps at least 60 figures and pairs and mentions of each kind.
    let r = folder(THIRD);
    let d = &r.data;
    let mut offenders = too_thin(r, 60);
    let pairs = |kind: ComparisonKind, comparable: bool| {
        d.comparison_specs
            .iter()
            .filter(|c| c.kind == kind && c.not_comparable.is_none() == comparable)
            .count()
    };
    if pairs(ComparisonKind::Growth, true) < 6 {
        offenders.push("fewer than 6 comparable growth pairs".into());
    }
    if pairs(ComparisonKind::Level, true) == 0 {
        offenders.push("no comparable level pair".into());
    }
    if pairs(ComparisonKind::Growth, false) + pairs(ComparisonKind::Level, false) == 0 {
        offenders.push("no pair marked not_comparable".into());
    }
    for year in [r.review_year(), r.plan_year()] {
        if !d.mentions.iter().any(|m| m.year == year) {
            offenders.push(format!("no mention for {year}"));
        }
    }
    fail_if_any(&format!("{THIRD} counts"), offenders);
}
