//! The data rules (`report_core::data::check`) on planted faults: each rule, given a copy
//! of a clean folder with one fault planted, names it; so no rule can silently stop
//! firing. The folders of the repository pass them all (also `tests/dataset.rs`).

use report_core::data::check::{check, check_folder, Failure, RULES};
use report_core::data::{ComparisonKind, Dataset, Exclusion, Metric, Qualifier, SectorException};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::OnceLock;

fn folder(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel)
}

/// The fictional second report: small, and every kind of record the rules read.
fn clean() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| {
        Dataset::load(folder("tests/fixtures/second-report")).unwrap_or_else(|e| panic!("{e}"))
    })
}

fn figure<'a>(d: &'a mut Dataset, id: &str) -> &'a mut report_core::data::Figure {
    d.figures
        .iter_mut()
        .find(|f| f.id == id)
        .unwrap_or_else(|| panic!("no figure {id} in the fixture"))
}

type Plant = fn(&mut Dataset);

/// One planted fault per entry: the rule that must name it, the record it must name
/// (when the failure has one), and the fault.
const PLANTED: &[(&str, Option<&str>, Plant)] = &[
    ("comparisons-resolve", None, |d| {
        d.comparison_specs[0].to = "no-such-figure".into()
    }),
    ("text-pinned", None, |d| {
        d.report.text_sha256 = "0".repeat(64)
    }),
    ("plan-heading", None, |d| d.report.review_ends_line -= 1),
    ("chapters", None, |d| {
        d.taxonomy.chapters.remove(3);
    }),
    ("quote-in-its-part", Some("gdp-2030"), |d| {
        figure(d, "gdp-2030").quote.push('。')
    }),
    (
        "quote-in-its-part",
        Some("new-park-enterprises-2031"),
        |d| figure(d, "new-park-enterprises-2031").year = 2030,
    ),
    ("report-order", None, |d| d.figures.swap(0, 2)),
    ("value-text", Some("gdp-2030"), |d| {
        figure(d, "gdp-2030").value = 1281.0
    }),
    ("unit-after-value", Some("gdp-2030"), |d| {
        figure(d, "gdp-2030").unit = "万元".into()
    }),
    ("unit-fits-metric", Some("gdp-growth-2030"), |d| {
        figure(d, "gdp-growth-2030").metric = Metric::Level
    }),
    ("qualifier-words", Some("park-enterprises-2030"), |d| {
        figure(d, "park-enterprises-2030").qualifier = Qualifier::About
    }),
    (
        "qualifier-words",
        Some("medical-insurance-enrolment-2031"),
        |d| {
            // Exact, but 以上 right after its number and unit.
            let f = figure(d, "medical-insurance-enrolment-2031");
            f.qualifier = Qualifier::Exact;
            f.qualifier_text.clear();
        },
    ),
    ("qualifier-adjacent", Some("gdp-2030"), |d| {
        // 左右 is in the quote, a word of `about`, but it belongs to 5.6%.
        let f = figure(d, "gdp-2030");
        f.qualifier = Qualifier::About;
        f.qualifier_text = "左右".into();
    }),
    ("estimate", Some("gdp-2030"), |d| {
        figure(d, "gdp-2030").estimate = false
    }),
    ("estimate", Some("gdp-growth-2031"), |d| {
        figure(d, "gdp-growth-2031").estimate = true
    }),
    ("county-tags", Some("township-health-centres-2030"), |d| {
        figure(d, "township-health-centres-2030").counties = vec!["xiqiao".into()]
    }),
    ("county-tags", Some("gdp-2030"), |d| {
        figure(d, "gdp-2030").counties = vec!["wuling".into()]
    }),
    ("county-tags", Some("nowhere"), |d| {
        d.taxonomy.checks.ambiguous_counties = vec!["nowhere".into()]
    }),
    ("mentions", None, |d| {
        d.mentions.retain(|m| m.id != "m-yundu-2031-1")
    }),
    ("mentions", Some("m-wuling-2030-1"), |d| {
        d.mentions[1].gist.en.clear()
    }),
    ("ids", Some("m-landong-2030-x"), |d| {
        d.mentions[0].id = "m-landong-2030-x".into()
    }),
    ("ids", Some("Gdp-2030"), |d| {
        figure(d, "gdp-2030").id = "Gdp-2030".into()
    }),
    ("exclusions", Some("2030年"), |d| {
        d.exclusions[0].reason = "because".into()
    }),
    ("numbers-covered", None, |d| {
        d.figures.retain(|f| f.id != "kindergarten-places-2031")
    }),
    ("numerals-covered", None, |d| {
        d.exclusions.retain(|e| e.reason != "ordinal")
    }),
    ("exclusions-hide-no-figure", Some("gdp-2030"), |d| {
        d.exclusions.push(Exclusion {
            text: "1280亿元".into(),
            reason: "name".into(),
        })
    }),
    ("comparisons-like", None, |d| {
        let c = &mut d.comparison_specs[0];
        c.kind = match c.kind {
            ComparisonKind::Growth => ComparisonKind::Level,
            ComparisonKind::Level => ComparisonKind::Growth,
        }
    }),
    ("comparisons-like", None, |d| {
        d.comparison_specs.retain(|c| c.to != "gdp-growth-2031")
    }),
    ("sign-words", Some("energy-intensity-change-2030"), |d| {
        figure(d, "energy-intensity-change-2030").value = 2.1
    }),
    ("sign-words", Some("gdp-2030"), |d| {
        figure(d, "gdp-2030").value = -1280.0
    }),
    ("sector-by-chapter", Some("gdp-2030"), |d| {
        figure(d, "gdp-2030").sector = "tourism".into()
    }),
    ("sector-by-chapter", Some("gdp-2030"), |d| {
        d.taxonomy.checks.sector_exceptions.push(SectorException {
            figure: "gdp-2030".into(),
            reason: "matches its chapter, so not an exception".into(),
        })
    }),
    ("sector-by-chapter", Some("no-such-figure"), |d| {
        d.taxonomy.checks.sector_exceptions.push(SectorException {
            figure: "no-such-figure".into(),
            reason: "names no figure".into(),
        })
    }),
];

#[test]
fn the_folders_of_the_repository_pass_every_rule() {
    for rel in ["reports/aba-2024", "tests/fixtures/second-report"] {
        let failures = check_folder(folder(rel)).unwrap_or_else(|e| panic!("{e}"));
        let lines: Vec<String> = failures.iter().map(Failure::to_string).collect();
        assert!(lines.is_empty(), "{rel}:\n  {}", lines.join("\n  "));
    }
}

#[test]
fn each_rule_names_its_planted_fault() {
    let mut missed = Vec::new();
    for (i, (rule, record, plant)) in PLANTED.iter().enumerate() {
        let mut data = clean().clone();
        plant(&mut data);
        let failures = check(&data);
        let named = failures
            .iter()
            .any(|f| f.rule == *rule && (record.is_none() || f.record.as_deref() == *record));
        if !named {
            missed.push(format!(
                "planting {i} ({rule}, {record:?}) not named; got: {:?}",
                failures.iter().map(Failure::to_string).collect::<Vec<_>>()
            ));
        }
    }
    assert!(missed.is_empty(), "{}", missed.join("\n"));
}

#[test]
fn every_rule_has_a_planted_fault() {
    let planted: BTreeSet<&str> = PLANTED.iter().map(|(rule, _, _)| *rule).collect();
    let rules: BTreeSet<&str> = RULES.iter().map(|(rule, _)| *rule).collect();
    assert_eq!(planted, rules);
    assert_eq!(rules.len(), RULES.len(), "a rule is listed twice");
}

#[test]
fn every_failure_is_returned_not_the_first() {
    let mut data = clean().clone();
    for f in &mut data.figures {
        f.estimate = !f.estimate;
    }
    data.exclusions[0].reason = "because".into();
    let failures = check(&data);
    let estimates = failures.iter().filter(|f| f.rule == "estimate").count();
    assert_eq!(estimates, data.figures.len());
    assert!(failures.iter().any(|f| f.rule == "exclusions"));
}

#[test]
fn a_failure_names_its_file_record_and_rule() {
    let mut data = clean().clone();
    figure(&mut data, "gdp-2030").value = 1281.0;
    let failure = check(&data)
        .into_iter()
        .find(|f| f.rule == "value-text")
        .expect("value-text fires");
    assert_eq!(failure.file, "figures.json");
    assert_eq!(failure.record.as_deref(), Some("gdp-2030"));
    assert!(failure
        .to_string()
        .starts_with("figures.json gdp-2030 [value-text]: value 1281"));
    // A place of the text with no record names the text file.
    let mut data = clean().clone();
    data.figures.retain(|f| f.id != "kindergarten-places-2031");
    let failure = check(&data)
        .into_iter()
        .find(|f| f.rule == "numbers-covered")
        .expect("numbers-covered fires");
    assert_eq!(
        (failure.file.as_str(), failure.record),
        ("report.txt", None)
    );
}

#[test]
fn the_manifest_checks_are_read() {
    // Without its notes, Aba's folder breaks the county and sector rules.
    let mut aba = Dataset::load(folder("reports/aba-2024")).unwrap_or_else(|e| panic!("{e}"));
    aba.taxonomy.checks = Default::default();
    let rules: BTreeSet<&str> = check(&aba).iter().map(|f| f.rule).collect();
    assert_eq!(
        rules,
        BTreeSet::from(["county-tags", "mentions", "sector-by-chapter"])
    );
    // A county listed as ambiguous is checked by meaning: an untagged name is no failure.
    let mut data = clean().clone();
    figure(&mut data, "township-health-centres-2030").counties = vec!["xiqiao".into()];
    data.taxonomy.checks.ambiguous_counties = vec!["yundu".into()];
    assert!(!check(&data).iter().any(|f| f.rule == "county-tags"));
    // A listed sector exception is no failure.
    let mut data = clean().clone();
    figure(&mut data, "gdp-2030").sector = "tourism".into();
    data.taxonomy
        .checks
        .sector_exceptions
        .push(SectorException {
            figure: "gdp-2030".into(),
            reason: "a planted exception".into(),
        });
    assert_eq!(check(&data), vec![]);
}
