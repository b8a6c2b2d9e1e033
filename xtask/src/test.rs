//! `cargo xtask test`: every check in one command, ending with `N passed, N failed`.

use crate::tools;
use crate::{dist, root, serve, sizes, Result};
use std::process::Command;

#[derive(Default)]
struct Tally {
    passed: usize,
    failed: usize,
    failures: Vec<String>,
}

impl Tally {
    fn check(&mut self, name: &str, ok: bool) {
        if ok {
            self.passed += 1;
        } else {
            self.failed += 1;
            self.failures.push(name.to_string());
        }
    }
}

pub fn run(args: &[String]) -> Result {
    let browser_only = args.iter().any(|a| a == "--browser");
    let root = root();
    let mut tally = Tally::default();
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

        eprintln!("== cargo test (native)");
        let out = Command::new(cargo)
            .args(["test", "--workspace", "--", "--color=never"])
            .current_dir(&root)
            .output()
            .map_err(|e| format!("cargo test: {e}"))?;
        let text = String::from_utf8_lossy(&out.stdout);
        eprint!("{}", String::from_utf8_lossy(&out.stderr));
        print!("{text}");
        let (p, f) = cargo_counts(&text);
        tally.passed += p;
        tally.failed += f;
        if !out.status.success() && f == 0 {
            tally.check("cargo test (did not run to the end)", false);
        } else if f > 0 {
            tally.failures.push(format!("{f} native test(s)"));
        }
    }

    eprintln!("== browser suite");
    match browser_suite(&mut tally) {
        Ok(()) => {}
        Err(e) => {
            eprintln!("browser suite could not run: {e}");
            tally.check("browser suite (could not run)", false);
        }
    }

    if !tally.failures.is_empty() {
        eprintln!("failed: {}", tally.failures.join(", "));
    }
    println!("{} passed, {} failed", tally.passed, tally.failed);
    if tally.failed == 0 {
        Ok(())
    } else {
        Err("some checks failed".into())
    }
}

fn browser_suite(tally: &mut Tally) -> Result {
    let root = root();
    let dist = dist::run()?;
    size_budget(tally, &dist);
    tools::ensure_chromium()?;
    let port = serve::spawn(&dist, 0)?;
    let report = tools::target_dir().join("playwright-report.json");
    let _ = std::fs::remove_file(&report);
    let status = Command::new(tools::npm_bin("playwright"))
        .args(["test", "--config", "tests/e2e/playwright.config.mjs"])
        .env("BASE_URL", format!("http://127.0.0.1:{port}"))
        .env("DIST_DIR", &dist)
        .env("PLAYWRIGHT_JSON_OUTPUT_NAME", &report)
        .current_dir(&root)
        .status()
        .map_err(|e| format!("playwright: {e}"))?;
    let json = std::fs::read_to_string(&report)
        .map_err(|e| format!("no Playwright report ({e}); exit {status}"))?;
    let doc: serde_json::Value = serde_json::from_str(&json).map_err(|e| e.to_string())?;
    let stats = &doc["stats"];
    let n = |k: &str| stats[k].as_u64().unwrap_or(0) as usize;
    tally.passed += n("expected") + n("flaky");
    let failed = n("unexpected");
    tally.failed += failed;
    if failed > 0 {
        tally.failures.push(format!("{failed} browser test(s)"));
    }
    if n("expected") + n("flaky") + failed == 0 {
        tally.check("browser suite ran no test", false);
    }
    Ok(())
}

/// Everything the first view loads, compressed (KB = 1000 bytes; docs/performance.md).
pub const BUDGET_BROTLI: usize = 200_000;
pub const BUDGET_GZIP: usize = 250_000;

/// The first-view size budget: one test in the tally.
fn size_budget(tally: &mut Tally, dist: &std::path::Path) {
    let name = "first view within 200 KB brotli and 250 KB gzip";
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
    tally.check(name, ok);
}

/// Sums `test result: ok. N passed; M failed` lines of cargo test's output.
fn cargo_counts(text: &str) -> (usize, usize) {
    let mut passed = 0;
    let mut failed = 0;
    for line in text.lines().filter(|l| l.starts_with("test result:")) {
        let num_before = |word: &str| {
            line.split(';')
                .find_map(|part| {
                    part.trim()
                        .strip_suffix(word)
                        .and_then(|n| n.trim().rsplit(' ').next()?.parse::<usize>().ok())
                })
                .unwrap_or(0)
        };
        passed += num_before("passed");
        failed += num_before("failed");
    }
    (passed, failed)
}

#[cfg(test)]
mod tests {
    #[test]
    fn sums_cargo_test_result_lines() {
        let text = "test result: ok. 12 passed; 0 failed; 0 ignored\n\
                    noise\n\
                    test result: FAILED. 3 passed; 2 failed; 1 ignored; 0 measured";
        assert_eq!(super::cargo_counts(text), (15, 2));
    }
}
