//! Each rule proven on fixtures: a tiny cargo workspace (xtask/fixtures/cargo-tally)
//! and a tiny Playwright project (xtask/fixtures/playwright) with a failing, a
//! skipped, a focused, a flaky spec and a skip under another block. The Playwright fixtures use no browser.
use super::cargo::cargo_counts;
use super::playwright::playwright_counts;
use super::*;
use crate::tools;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

static NPM: Mutex<()> = Mutex::new(());

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn run_playwright(spec: &str, allowed: &[AllowedSkip]) -> Counts {
    {
        let _guard = NPM.lock().unwrap_or_else(|e| e.into_inner());
        tools::ensure_npm_tools().expect("the pinned npm tools install");
    }
    let dir = fixtures().join("playwright");
    let report = tools::target_dir().join(format!("xtask-fixture-{spec}.json"));
    let output = tools::target_dir().join(format!("xtask-fixture-results-{spec}"));
    let output = output.display().to_string();
    playwright(
        &dir,
        &["--config", "playwright.config.mjs", spec],
        &[("FIXTURE_OUTPUT_DIR", &output)],
        &report,
        allowed,
    )
    .expect("playwright starts")
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
fn a_failing_native_test_fails_the_run_and_later_binaries_still_count() {
    let dir = fixtures().join("cargo-tally");
    let target = tools::target_dir().join("xtask-fixture-cargo");
    let c = cargo_test(&dir, &[], Some(&target)).expect("cargo starts");
    // a_fails: 1 passed, 1 failed; b_passes (built and run after a_fails): 2 passed.
    assert_eq!((c.passed, c.failed), (3, 1), "{c:?}");
    assert!(!c.is_green());
    assert!(
        c.problems
            .contains(&"native test `planted_failure` failed".to_string()),
        "{c:?}"
    );
}

#[test]
fn ignored_native_tests_are_skips_and_not_allowed() {
    let text = "test slow ... ignored\n\
                test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured\n\
                test broken ... FAILED\n\
                noise\n\
                test result: FAILED. 3 passed; 2 failed; 0 ignored; 0 measured";
    let c = cargo_counts(text);
    assert_eq!((c.passed, c.failed, c.skipped), (15, 2, 1));
    assert_eq!(c.problems.len(), 2, "{c:?}");
    assert!(c.problems[0].contains("`slow`"));
    assert_eq!(c.problems[1], "native test `broken` failed");
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
        problems: vec![],
    };
    assert_eq!(c.closing_line(), "3 passed, 1 failed, 2 skipped");
}
