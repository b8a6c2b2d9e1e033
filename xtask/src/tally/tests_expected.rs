//! The expected-tests rule proven on the fixtures. Each fixture holds the
//! expected-tests.txt that `cargo xtask expected-tests` would write for it (checked
//! against the listing), the honest run collects exactly it, and each planted change (a
//! test not collected, a test the file does not list) fails the run naming the tests.

use super::tests::{fixtures, npm_tools, run_cargo, run_playwright_on, scratch};
use super::*;
use crate::tools;
use std::path::{Path, PathBuf};

const SHOWN: &str = "expected-tests.txt";

fn playwright_file() -> PathBuf {
    fixtures().join("playwright/expected-tests.txt")
}

fn cargo_file() -> PathBuf {
    fixtures().join("cargo-tally/expected-tests.txt")
}

/// The committed file with the lines `keep` refuses taken out, in a file of its own.
fn planted_file(from: &Path, keep: impl Fn(&str) -> bool) -> PathBuf {
    let text = std::fs::read_to_string(from).expect("the fixture's expected tests");
    let kept: Vec<&str> = text.lines().filter(|l| keep(l)).collect();
    assert!(kept.len() < text.lines().count(), "nothing was planted");
    let path = scratch("expected-tests.txt");
    std::fs::write(&path, kept.join("\n") + "\n").unwrap();
    path
}

#[test]
fn the_browser_fixtures_file_is_what_the_listing_writes_and_the_run_collects() {
    npm_tools();
    let dir = fixtures().join("playwright");
    let args = ["--config", "playwright.config.mjs", "passing.spec.mjs"];
    let listed = playwright_list(&dir, &args, &scratch("list.json")).expect("the listing");
    let committed = std::fs::read_to_string(playwright_file()).unwrap();
    assert_eq!(expected::render(&listed), committed);

    let mut c = run_playwright_on(&["passing.spec.mjs"], &[]);
    expected::check(&mut c, &playwright_file(), SHOWN, &["playwright"]);
    assert_eq!((c.passed, c.failed, c.skipped), (2, 0, 0), "{c:?}");
    assert!(c.is_green(), "{c:?}");
}

#[test]
fn a_browser_test_not_collected_fails_the_run_with_its_name() {
    // Planted: the run's match narrowed to one of the spec's two tests. The run alone
    // is green; that is what the tally could not see.
    let mut c = run_playwright_on(&["passing.spec.mjs", "--grep", "adds"], &[]);
    assert!(c.is_green(), "{c:?}");
    expected::check(&mut c, &playwright_file(), SHOWN, &["playwright"]);
    assert!(!c.is_green());
    assert_eq!(
        (c.passed, c.failed),
        (1, 1),
        "a missing test counts as failed"
    );
    assert_eq!(c.problems.len(), 1, "{c:?}");
    let said = &c.problems[0];
    assert!(
        said.starts_with("1 expected test(s) of `playwright fixture` not collected")
            && said.contains("\n  - playwright fixture › passing.spec.mjs › concatenates\n"),
        "{said}"
    );
}

#[test]
fn a_browser_test_the_file_does_not_list_fails_the_run_and_names_the_command() {
    // Planted: a file written before passing.spec.mjs's second test was added.
    let file = planted_file(&playwright_file(), |l| !l.ends_with("› concatenates"));
    let mut c = run_playwright_on(&["passing.spec.mjs"], &[]);
    expected::check(&mut c, &file, SHOWN, &["playwright"]);
    assert!(!c.is_green());
    assert_eq!(c.problems.len(), 1, "{c:?}");
    let said = &c.problems[0];
    assert!(
        said.contains("\n  + playwright fixture › passing.spec.mjs › concatenates\n")
            && said.contains("`cargo xtask expected-tests`"),
        "{said}"
    );
}

#[test]
fn the_cargo_fixtures_file_is_what_the_listing_writes_and_the_run_collects() {
    let dir = fixtures().join("cargo-tally");
    let target = tools::target_dir().join("xtask-fixture-cargo");
    let listed = cargo_list(&dir, &[], Some(&target)).expect("the listing");
    let committed = std::fs::read_to_string(cargo_file()).unwrap();
    assert_eq!(expected::render(&listed), committed);

    // The run is red for its planted failure, and for nothing else.
    let mut c = run_cargo(&[]);
    let before = c.problems.clone();
    expected::check(&mut c, &cargo_file(), SHOWN, &["cargo"]);
    assert_eq!(c.problems, before);
    assert_eq!((c.passed, c.failed), (3, 1), "{c:?}");
}

#[test]
fn a_test_binary_that_is_gone_fails_the_run_with_its_tests_names() {
    // Planted: only tests/b_passes.rs runs, as if tests/a_fails.rs had been deleted.
    let mut c = run_cargo(&["--test", "b_passes"]);
    assert!(c.is_green(), "{c:?}");
    expected::check(&mut c, &cargo_file(), SHOWN, &["cargo"]);
    assert_eq!((c.passed, c.failed), (2, 2), "{c:?}");
    assert_eq!(c.problems.len(), 1, "{c:?}");
    let said = &c.problems[0];
    assert!(
        said.starts_with("2 expected test(s) of `cargo tests/a_fails.rs` not collected")
            && said.contains("\n  - cargo tests/a_fails.rs › passes\n")
            && said.contains("\n  - cargo tests/a_fails.rs › planted_failure\n"),
        "{said}"
    );
}

#[test]
fn a_native_test_the_file_does_not_list_fails_the_run() {
    // Planted: a file that lists tests/b_passes.rs without its test `also_counted`.
    let file = planted_file(&cargo_file(), |l| {
        !l.contains("a_fails.rs") && !l.ends_with("› also_counted")
    });
    let mut c = run_cargo(&["--test", "b_passes"]);
    assert!(c.is_green(), "{c:?}");
    expected::check(&mut c, &file, SHOWN, &["cargo"]);
    assert!(!c.is_green());
    assert_eq!(c.problems.len(), 1, "{c:?}");
    assert!(
        c.problems[0].contains("\n  + cargo tests/b_passes.rs › also_counted\n"),
        "{}",
        c.problems[0]
    );
}
