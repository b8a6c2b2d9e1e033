//! Every report folder of the repository against the data rules, and what only one
//! report needs.
//!
//! The rules themselves (those that hold for any report folder: quotes in the text,
//! numbers and units, qualifiers, 预计, counties, ids, exclusions, coverage of every
//! number, comparisons, sign words, chapters and sectors, the pinned text) live in
//! `report_core::data::check`, with a planted-fault test each in
//! `crates/report-core/tests/check.rs`; `cargo xtask dist` runs them on the folder it
//! builds. Here they run on every folder in `FOLDERS` (plus the folder this build embeds,
//! `REPORT_DIR`, and `REPORT_UNDER_TEST` when set), and every failure is listed, named by
//! its folder.
//!
//! What only one report needs (its pinned text, its stable ids, its headline facts, how
//! complete it must be) is here: the tests whose names start with `aba_` or
//! `second_report_`. What the rules must know about one report (ambiguous county names,
//! sector exceptions) is its manifest's `checks`.

use report_explorer::data::check::check;
use report_explorer::data::{ComparisonKind, Dataset, Direction, Qualifier};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// Aba Prefecture's 2024 report, the one the page is built from by default.
const ABA: &str = "reports/aba-2024";
/// A fictional report (青岚市, 2030/2031): proves the rules are about reports, not Aba.
const SECOND: &str = "tests/fixtures/second-report";

/// Every report folder of the repository that must pass the data rules on every
/// `cargo test`. A new folder is one more entry.
/// A fictional report (岱溪市, 2046/2047), reviewed by hand to score the drafting tool.
const THIRD: &str = "tests/fixtures/third-report";
const FOLDERS: &[&str] = &[ABA, SECOND, THIRD];

/// One report folder, loaded.
struct Folder {
    /// How failures name the folder: as listed above, or as REPORT_UNDER_TEST gives it.
    name: String,
    data: Dataset,
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
/// every test over all folders then reports.
static LOADED: LazyLock<Vec<Result<Folder, String>>> = LazyLock::new(|| {
    let mut dirs: Vec<(String, PathBuf)> = FOLDERS
        .iter()
        .map(|f| (f.to_string(), root().join(f)))
        .collect();
    let extra = [
        Some(report_explorer::REPORT_DIR.to_string()),
        std::env::var("REPORT_UNDER_TEST").ok(),
    ];
    for name in extra.into_iter().flatten().filter(|d| !d.is_empty()) {
        // A relative path is relative to the workspace.
        let dir = root().join(&name);
        if !dirs.iter().any(|(_, d)| same_folder(d, &dir)) {
            dirs.push((name, dir));
        }
    }
    dirs.into_iter()
        .map(|(name, dir)| {
            let data = Dataset::load(&dir).map_err(|e| format!("{name}: does not load: {e}"))?;
            Ok(Folder { name, data })
        })
        .collect()
});

/// A folder by the name it is listed under (`ABA`, `SECOND`), for the report-specific tests.
fn folder(name: &str) -> &'static Folder {
    match LOADED.iter().find(|f| {
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

/// Runs a check over every folder; each offender is named by its folder.
fn each_report(rule: &str, check: impl Fn(&Folder) -> Vec<String>) {
    let mut offenders = Vec::new();
    for f in LOADED.iter() {
        match f {
            Ok(f) => offenders.extend(check(f).into_iter().map(|o| format!("{}: {o}", f.name))),
            Err(e) => offenders.push(e.clone()),
        }
    }
    fail_if_any(rule, offenders);
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn every_report_folder_loads_and_passes_the_data_rules() {
    each_report("the data rules (report_core::data::check)", |r| {
        check(&r.data).iter().map(ToString::to_string).collect()
    });
}

/// Every (possibly overlapping) byte offset where `needle` occurs in `hay`.
fn occurrences(hay: &str, needle: &str) -> Vec<usize> {
    report_explorer::data::check::occurrences(hay, needle)
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
    // The same for the manifest's `checks`, which only the data rules read.
    assert!(report_explorer::embedded().taxonomy.chapters.is_empty());
    assert!(report_explorer::embedded().taxonomy.checks.is_empty());
    on_disk.taxonomy.chapters.clear();
    on_disk.taxonomy.checks = Default::default();
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
    let loaded: Vec<&Folder> = LOADED.iter().filter_map(|f| f.as_ref().ok()).collect();
    let aba = &folder(ABA).data.report;
    each_report("records naming another report", |r| {
        let mut words: Vec<String> = loaded
            .iter()
            .filter(|o| o.data.report.place != r.data.report.place)
            .flat_map(|o| place_words(&o.data))
            .collect();
        if r.name == SECOND {
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
    let (review, plan) = (aba.data.review_year(), aba.data.plan_year());
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
            if c.direction != Some(want) {
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
    for year in [r.data.review_year(), r.data.plan_year()] {
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
    for year in [r.data.review_year(), r.data.plan_year()] {
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
    for year in [r.data.review_year(), r.data.plan_year()] {
        if !d.mentions.iter().any(|m| m.year == year) {
            offenders.push(format!("no mention for {year}"));
        }
    }
    fail_if_any(&format!("{THIRD} counts"), offenders);
}
