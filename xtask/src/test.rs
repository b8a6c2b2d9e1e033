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
    if args.iter().any(|a| a == "--engines") {
        return engines_only();
    }
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

    close(tally)
}

/// `cargo xtask test --engines`: both sites built and served, the cross-engine suite alone.
fn engines_only() -> Result {
    let (dist, second) = both_sites()?;
    tools::ensure_npm_tools()?;
    let base = format!("http://127.0.0.1:{}", serve::spawn(&dist, 0)?);
    let second_base = format!("http://127.0.0.1:{}", serve::spawn(&second, 0)?);
    let mut tally = Counts::default();
    engines(&mut tally, &base, &second_base);
    close(tally)
}

/// Names every problem, prints the closing line and fails unless the run is green.
fn close(mut tally: Counts) -> Result {
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

/// Aba's site and the second report's, built.
fn both_sites() -> Result<(std::path::PathBuf, std::path::PathBuf)> {
    let root = root();
    // The second, fictional report first, into a folder of its own: a report is a folder
    // and builds with no code change (its browser specs are tests/e2e/second-*.spec.mjs, the project `second`).
    let second = dist::run(&Target {
        report: root.join(SECOND_REPORT),
        out: tools::target_dir().join("second-report-dist"),
    })?;
    let dist = dist::run(&Target::default())?;
    Ok((dist, second))
}

fn browser_suite(tally: &mut Counts) -> Result {
    let root = root();
    let (dist, second) = both_sites()?;
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
    engines(tally, &base, &second_base);
    Ok(())
}

/// The cross-engine suite (tests/engines/): Firefox and WebKit on both sites, counted in
/// the same tally, each test named by its engine (`[firefox]`, `[webkit-second]`, …).
fn engines(tally: &mut Counts, base: &str, second_base: &str) {
    eprintln!("== cross-engine suite (Firefox, WebKit)");
    if let Err(e) = tools::ensure_engines() {
        tally.problems.push(format!("cross-engine suite: {e}"));
        return;
    }
    let root = root();
    let report = tools::target_dir().join("engines-report.json");
    let output = tools::target_dir().join("engines-results");
    let output = output.display().to_string();
    let started = std::time::Instant::now();
    match tally::playwright(
        &root,
        &["--config", "tests/engines/engines.config.mjs"],
        &[
            ("BASE_URL", base),
            ("SECOND_BASE_URL", second_base),
            ("ENGINES_OUTPUT_DIR", &output),
        ],
        &report,
        ALLOWED_SKIPS,
    ) {
        Ok(c) => tally.add(c),
        Err(e) => tally.problems.push(format!("cross-engine suite: {e}")),
    }
    eprintln!(
        "cross-engine suite took {:.0} s",
        started.elapsed().as_secs_f64()
    );
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
