//! Each rule proven on fixtures: a tiny cargo workspace (xtask/fixtures/cargo-tally)
//! and a tiny Playwright project (xtask/fixtures/playwright) with a failing, a skipped,
//! a focused and a flaky spec and a skip under another block. The Playwright fixtures
//! use no browser. The expected-tests rule is proven in tests_expected.rs.
use super::binaries::Binaries;
use super::cargo::cargo_counts;
use super::playwright::playwright_counts;
use super::*;
use crate::tools;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

static NPM: Mutex<()> = Mutex::new(());

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// A path of its own in the target directory for each call: tests run in parallel, and
/// two runs of one spec must not write one report.
pub fn scratch(kind: &str) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    tools::target_dir().join(format!("xtask-fixture-{n}-{kind}"))
}

pub fn npm_tools() {
    let _guard = NPM.lock().unwrap_or_else(|e| e.into_inner());
    tools::ensure_npm_tools().expect("the pinned npm tools install");
}

/// Runs the fixture project on `args` (spec files, filters).
pub fn run_playwright_on(args: &[&str], allowed: &[AllowedSkip]) -> Counts {
    npm_tools();
    let dir = fixtures().join("playwright");
    let report = scratch("report.json");
    let output = scratch("results").display().to_string();
    let args: Vec<&str> = ["--config", "playwright.config.mjs"]
        .into_iter()
        .chain(args.iter().copied())
        .collect();
    playwright(
        &dir,
        &args,
        &[("FIXTURE_OUTPUT_DIR", &output)],
        &report,
        allowed,
    )
    .expect("playwright starts")
}

fn run_playwright(spec: &str, allowed: &[AllowedSkip]) -> Counts {
    run_playwright_on(&[spec], allowed)
}

/// `cargo test` on the fixture workspace, built into its own target directory.
pub fn run_cargo(args: &[&str]) -> Counts {
    let dir = fixtures().join("cargo-tally");
    let target = tools::target_dir().join("xtask-fixture-cargo");
    cargo_test(&dir, args, Some(&target)).expect("cargo starts")
}

#[test]
fn a_failing_browser_test_fails_the_run() {
    let c = run_playwright("failing.spec.mjs", &[]);
    assert_eq!((c.passed, c.failed, c.skipped), (1, 1, 0), "{c:?}");
    assert!(!c.is_green());
    assert!(
        c.problems.iter().any(|p| p.contains("planted failure")),
        "{c:?}"
    );
}

#[test]
fn a_planted_skip_is_counted_and_fails_the_run() {
    let c = run_playwright("skipped.spec.mjs", &[]);
    assert_eq!((c.passed, c.failed, c.skipped), (1, 0, 1), "{c:?}");
    assert!(!c.is_green());
    assert!(
        c.problems
            .iter()
            .any(|p| p.contains("not on the allow-list") && p.contains("planted skip")),
        "{c:?}"
    );
}

/// The allow-list entry for skipped.spec.mjs's planted skip, by its full name.
const PLANTED_SKIP: AllowedSkip = (
    "playwright fixture › skipped.spec.mjs › planted skip",
    "the fixture's own",
);

#[test]
fn an_allowed_skip_is_counted_and_passes() {
    let c = run_playwright("skipped.spec.mjs", &[PLANTED_SKIP]);
    assert_eq!((c.passed, c.failed, c.skipped), (1, 0, 1), "{c:?}");
    assert!(c.is_green(), "{c:?}");
}

#[test]
fn a_skip_allowed_by_its_last_title_but_not_its_full_name_fails_the_run() {
    // nested-skip.spec.mjs's skip ends in the same title, "planted skip", in another
    // file and describe block: the allow-list entry is for the other test.
    let c = run_playwright("nested-skip.spec.mjs", &[PLANTED_SKIP]);
    assert_eq!((c.passed, c.failed, c.skipped), (0, 0, 1), "{c:?}");
    assert!(!c.is_green(), "{c:?}");
    assert_eq!(
        c.problems,
        vec!["skipped, not on the allow-list: \
             playwright fixture › nested-skip.spec.mjs › another block › planted skip"
            .to_string()],
    );
}

#[test]
fn a_flaky_browser_test_fails_the_run() {
    // flaky.spec.mjs fails its first attempt and passes its one retry.
    let c = run_playwright("flaky.spec.mjs", &[]);
    assert_eq!((c.passed, c.failed, c.skipped), (0, 1, 0), "{c:?}");
    assert!(!c.is_green());
    assert_eq!(
        c.problems,
        vec!["flaky (failed, then passed on a retry): \
             playwright fixture › flaky.spec.mjs › planted flaky"
            .to_string()],
    );
}

#[test]
fn a_planted_only_fails_the_run_and_says_why() {
    let c = run_playwright("only.spec.mjs", &[]);
    assert!(!c.is_green(), "{c:?}");
    let said = c.problems.join("\n");
    assert!(said.contains(".only"), "{said}");
}

#[test]
fn a_passing_spec_is_green() {
    let c = run_playwright("passing.spec.mjs", &[]);
    assert_eq!((c.passed, c.failed, c.skipped), (2, 0, 0), "{c:?}");
    assert!(c.is_green(), "{c:?}");
}

#[test]
fn a_failure_on_one_engine_fails_the_run_and_names_the_engine() {
    npm_tools();
    let dir = fixtures().join("engines");
    let report = scratch("engines.json");
    let output = scratch("results-engines").display().to_string();
    let c = playwright(
        &dir,
        &["--config", "engines.config.mjs"],
        &[("FIXTURE_OUTPUT_DIR", &output)],
        &report,
        &[],
    )
    .expect("playwright starts");
    // Two tests on each of two engines; the planted one fails on WebKit alone.
    assert_eq!((c.passed, c.failed, c.skipped), (3, 1, 0), "{c:?}");
    assert!(!c.is_green());
    assert_eq!(
        c.problems,
        vec![
            "failed: playwright webkit › one-engine.spec.mjs › planted failure on one engine"
                .to_string()
        ],
        "{c:?}"
    );
}

#[test]
fn a_failing_native_test_fails_the_run_and_later_binaries_still_count() {
    let c = run_cargo(&[]);
    // a_fails: 1 passed, 1 failed; b_passes (built and run after a_fails): 2 passed.
    assert_eq!((c.passed, c.failed), (3, 1), "{c:?}");
    assert!(!c.is_green());
    assert_eq!(
        c.problems,
        vec!["failed: cargo tests/a_fails.rs › planted_failure".to_string()]
    );
}

#[test]
fn ignored_native_tests_are_skips_and_not_allowed() {
    let text = "     Running tests/one.rs (/t/debug/deps/one-0123abcd)\n\
                test slow ... ignored, takes a minute\n\
                test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured\n\
                     Running tests/two.rs (/t/debug/deps/two-4567cdef)\n\
                test broken ... FAILED\n\
                noise\n\
                test result: FAILED. 3 passed; 2 failed; 0 ignored; 0 measured";
    let c = cargo_counts(text, &Binaries::default());
    assert_eq!((c.passed, c.failed, c.skipped), (15, 2, 1));
    assert_eq!(
        c.problems,
        vec![
            "ignored (#[ignore]), and no native skip is allowed: cargo tests/one.rs › slow",
            "failed: cargo tests/two.rs › broken",
        ]
    );
}

#[test]
fn native_tests_are_named_by_their_binarys_root_file() {
    // A package's library and binary share a crate name and cargo prints "src/…" for
    // every package: the names come from the workspace's targets.
    let binaries = Binaries::from_targets(&[
        ("app", true, "src/lib.rs"),
        ("app", false, "src/main.rs"),
        ("core", true, "crates/core/src/lib.rs"),
        ("chart", false, "crates/core/tests/chart.rs"),
    ]);
    let text = "     Running unittests src/lib.rs (/t/debug/deps/app-11aa)\n\
                test a::one ... ok\n\
                     Running unittests src/main.rs (/t/debug/deps/app-22bb)\n\
                test one ... ok\n\
                     Running unittests src/lib.rs (/t/debug/deps/core-33cc)\n\
                test boom - should panic ... ok\n\
                     Running tests/chart.rs (/t/debug/deps/chart-44dd)\n\
                test draws ... ok\n\
                   Doc-tests core\n\
                test crates/core/src/lib.rs - f (line 12) ... ok";
    let c = cargo_counts(text, &binaries);
    assert_eq!(
        c.collected,
        vec![
            "cargo src/lib.rs › a::one",
            "cargo src/main.rs › one",
            "cargo crates/core/src/lib.rs › boom",
            "cargo crates/core/tests/chart.rs › draws",
            "cargo crates/core/src/lib.rs (doc-tests) › crates/core/src/lib.rs - f",
        ]
    );
}

#[test]
fn a_report_with_an_error_and_no_tests_is_not_green() {
    let doc = serde_json::json!({"errors": [{"message": "Error: boom\nstack"}], "suites": []});
    let c = playwright_counts(&doc, &[]);
    assert_eq!(c.problems, vec!["Playwright: Error: boom".to_string()]);
    let empty = playwright_counts(&serde_json::json!({"suites": []}), &[]);
    assert_eq!(empty.problems, vec!["Playwright ran no test".to_string()]);
}

#[test]
fn closing_line_has_the_form_ci_reads() {
    let c = Counts {
        passed: 3,
        failed: 1,
        skipped: 2,
        ..Counts::default()
    };
    assert_eq!(c.closing_line(), "3 passed, 1 failed, 2 skipped");
}
