//! `cargo xtask test`: every check in one command, ending with `N passed, N failed, N skipped`.
//! Any step that exits non-zero, any skip not on the allow-list, any flaky test, any
//! focused `.only`, and any test expected by tests/expected-tests.txt and not collected
//! or collected and not listed there fails the run (xtask/src/tally/, proven by its own
//! tests on planted fixtures).

use crate::report::Target;
use crate::tally::{self, AllowedSkip, Counts};
use crate::tools;
use crate::{dist, root, serve, sizes, Result};
use std::process::Command;

/// Browser tests that may be skipped, each by its full name (`playwright <project> ›
/// <file> › <describe>… › <title>`, a line of tests/expected-tests.txt) with the reason.
/// Keep it short.
const ALLOWED_SKIPS: &[AllowedSkip] = &[];

/// What the native step runs: `cargo test` with these arguments. `cargo xtask
/// expected-tests` lists the same.
pub const CARGO_TEST_ARGS: &[&str] = &["--workspace"];

pub fn run(args: &[String]) -> Result {
    let browser_only = args.iter().any(|a| a == "--browser");
    let root = root();
    let mut tally = Counts::default();
    let cargo = env!("CARGO");

    if !browser_only {
        eprintln!("== cargo fmt --check");
        let ok = Command::new(cargo)
            .args(["fmt", "--all", "--", "--check"])
            .current_dir(&root)
            .status()
            .is_ok_and(|s| s.success());
        tally.check("cargo fmt --check", ok);

        eprintln!("== cargo clippy --all-targets -- -D warnings");
        let ok = Command::new(cargo)
            .args([
                "clippy",
                "--workspace",
                "--all-targets",
                "--quiet",
                "--",
                "-D",
                "warnings",
            ])
            .current_dir(&root)
            .status()
            .is_ok_and(|s| s.success());
        tally.check("cargo clippy", ok);

        // xtask's own tests run Playwright on planted fixtures: the npm tools come first.
        if let Err(e) = tools::ensure_npm_tools() {
            tally.problems.push(format!("npm tools: {e}"));
        }
        eprintln!("== cargo test --workspace --no-fail-fast (native)");
        match tally::cargo_test(&root, CARGO_TEST_ARGS, None) {
            Ok(c) => tally.add(c),
            Err(e) => tally.problems.push(e),
        }
    }

    eprintln!("== browser suite");
    if let Err(e) = browser_suite(&mut tally) {
        tally
            .problems
            .push(format!("browser suite could not run: {e}"));
    }

    // The tests that ran, against those expected: a test never collected fails the run.
    let kinds: &[&str] = if browser_only {
        &["playwright"]
    } else {
        &["cargo", "playwright"]
    };
    let file = root.join(tally::expected::FILE);
    tally::expected::check(&mut tally, &file, tally::expected::FILE, kinds);

    for p in &tally.problems {
        eprintln!("FAILED: {p}");
    }
    // A problem that is not a counted failed test still fails the run, and is counted.
    if tally.failed == 0 && !tally.problems.is_empty() {
        tally.failed = 1;
    }
    println!("{}", tally.closing_line());
    if tally.is_green() {
        Ok(())
    } else {
        Err("some checks failed".into())
    }
}

fn browser_suite(tally: &mut Counts) -> Result {
    let root = root();
    // The second, fictional report first, into a folder of its own: a report is a folder
    // and builds with no code change (its browser specs are tests/e2e/second-*.spec.mjs, the project `second`).
    let second = dist::run(&Target {
        report: root.join(SECOND_REPORT),
        out: tools::target_dir().join("second-report-dist"),
    })?;
    let dist = dist::run(&Target::default())?;
    size_budget(tally, &dist);
    tools::ensure_chromium()?;
    let port = serve::spawn(&dist, 0)?;
    let second_port = serve::spawn(&second, 0)?;
    let report = tools::target_dir().join("playwright-report.json");
    let base = format!("http://127.0.0.1:{port}");
    let second_base = format!("http://127.0.0.1:{second_port}");
    let dist_dir = dist.display().to_string();
    let second_dir = second.display().to_string();
    let counts = tally::playwright(
        &root,
        &["--config", "tests/e2e/playwright.config.mjs"],
        &[
            ("BASE_URL", &base),
            ("DIST_DIR", &dist_dir),
            ("SECOND_BASE_URL", &second_base),
            ("SECOND_DIST_DIR", &second_dir),
        ],
        &report,
        ALLOWED_SKIPS,
    )?;
    tally.add(counts);
    Ok(())
}

/// The fictional report the suite also builds and smoke-tests.
const SECOND_REPORT: &str = "tests/fixtures/second-report";

/// Everything the first view loads, compressed (KB = 1000 bytes; docs/performance.md).
pub const BUDGET_BROTLI: usize = 150_000;
pub const BUDGET_GZIP: usize = 182_000;

/// The first-view size budget: one test in the tally.
fn size_budget(tally: &mut Counts, dist: &std::path::Path) {
    let name = format!(
        "first view within {} KB brotli and {} KB gzip",
        BUDGET_BROTLI / 1000,
        BUDGET_GZIP / 1000
    );
    eprintln!("== {name}");
    let ok = match sizes::first_view(dist) {
        Ok(files) => {
            let brotli: usize = files.iter().map(|(_, s)| s.brotli).sum();
            let gzip: usize = files.iter().map(|(_, s)| s.gzip).sum();
            eprintln!("first view: {brotli} B brotli (budget {BUDGET_BROTLI}), {gzip} B gzip (budget {BUDGET_GZIP})");
            brotli <= BUDGET_BROTLI && gzip <= BUDGET_GZIP
        }
        Err(e) => {
            eprintln!("first view: {e}");
            false
        }
    };
    tally.check(&name, ok);
}
