//! The counting behind `cargo xtask test`'s closing line: runs one step (cargo's test
//! harness or Playwright), counts passed, failed and skipped tests, and lists every
//! reason the step cannot be trusted as green: a non-zero exit that no failed test
//! explains, a focused `.only`, a skip that is not on the allow-list, a run with no test.

use crate::tools;
use std::path::Path;
use std::process::Command;

/// What one step reports.
#[derive(Debug, Default, PartialEq)]
pub struct Counts {
    pub passed: usize,
    pub failed: usize,
    pub skipped: usize,
    /// Why the step fails, in words for the reader; empty when it passed.
    pub problems: Vec<String>,
}

impl Counts {
    pub fn add(&mut self, other: Counts) {
        self.passed += other.passed;
        self.failed += other.failed;
        self.skipped += other.skipped;
        self.problems.extend(other.problems);
    }

    /// One check that is not a test harness (fmt, clippy, the size budget).
    pub fn check(&mut self, name: &str, ok: bool) {
        if ok {
            self.passed += 1;
        } else {
            self.failed += 1;
            self.problems.push(format!("{name} failed"));
        }
    }

    pub fn is_green(&self) -> bool {
        self.failed == 0 && self.problems.is_empty()
    }

    /// The closing line, in the form CI reads.
    pub fn closing_line(&self) -> String {
        format!(
            "{} passed, {} failed, {} skipped",
            self.passed, self.failed, self.skipped
        )
    }
}

/// A skip that is allowed: a test title (the last part of its title path) and why.
pub type AllowedSkip = (&'static str, &'static str);

/// `cargo test --no-fail-fast` in `dir`: every test binary runs even after one fails, so
/// every binary is counted. Ignored tests count as skipped and none is allowed.
pub fn cargo_test(dir: &Path, args: &[&str], target_dir: Option<&Path>) -> Result<Counts, String> {
    let mut cmd = Command::new(env!("CARGO"));
    cmd.args(["test", "--no-fail-fast"])
        .args(args)
        .args(["--", "--color=never"])
        .current_dir(dir);
    if let Some(t) = target_dir {
        cmd.env("CARGO_TARGET_DIR", t);
    }
    let out = cmd.output().map_err(|e| format!("cargo test: {e}"))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    eprint!("{}", String::from_utf8_lossy(&out.stderr));
    print!("{stdout}");
    let mut counts = cargo_counts(&stdout);
    if !out.status.success() && counts.failed == 0 {
        counts.problems.push(format!(
            "cargo test exited with {} and no failed test to explain it (a build error or a crashed test binary)",
            out.status
        ));
    }
    if out.status.success() && counts.passed + counts.failed == 0 {
        counts.problems.push("cargo test ran no test".into());
    }
    Ok(counts)
}

/// Counts cargo's `test result:` lines; each ignored test is a problem.
pub fn cargo_counts(text: &str) -> Counts {
    let mut c = Counts::default();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("test result:") {
            let num_before = |word: &str| {
                rest.split(';')
                    .find_map(|part| {
                        part.trim()
                            .strip_suffix(word)
                            .and_then(|n| n.trim().rsplit(' ').next()?.parse::<usize>().ok())
                    })
                    .unwrap_or(0)
            };
            c.passed += num_before("passed");
            c.failed += num_before("failed");
            c.skipped += num_before("ignored");
        } else if let Some(name) = line
            .strip_prefix("test ")
            .and_then(|l| l.strip_suffix(" ... FAILED"))
        {
            c.problems.push(format!("native test `{name}` failed"));
        } else if let Some(name) = line
            .strip_prefix("test ")
            .and_then(|l| l.split_once(" ... ignored"))
            .map(|(name, _)| name)
        {
            c.problems.push(format!(
                "native test `{name}` is ignored (#[ignore]); no native skip is allowed"
            ));
        }
    }
    c
}

/// Playwright with `--forbid-only`, reading its JSON report. `args` are extra arguments
/// (the config, file filters); `env` goes to the process.
pub fn playwright(
    dir: &Path,
    args: &[&str],
    env: &[(&str, &str)],
    report: &Path,
    allowed: &[AllowedSkip],
) -> Result<Counts, String> {
    let _ = std::fs::remove_file(report);
    let mut cmd = Command::new(tools::npm_bin("playwright"));
    cmd.arg("test")
        .args(args)
        .args(["--forbid-only", "--reporter", "list,json"])
        .env("PLAYWRIGHT_JSON_OUTPUT_NAME", report)
        .current_dir(dir);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let status = cmd.status().map_err(|e| format!("playwright: {e}"))?;
    let json = std::fs::read_to_string(report).unwrap_or_default();
    let mut counts = match serde_json::from_str::<serde_json::Value>(&json) {
        Ok(doc) => playwright_counts(&doc, allowed),
        Err(_) => Counts {
            problems: vec![format!("Playwright wrote no readable report ({status})")],
            ..Counts::default()
        },
    };
    if !status.success() && counts.failed == 0 {
        counts.problems.push(format!(
            "Playwright exited with {status} and no failed test to explain it"
        ));
    }
    Ok(counts)
}

/// Counts a Playwright JSON report: every test of every project, by its final status.
pub fn playwright_counts(doc: &serde_json::Value, allowed: &[AllowedSkip]) -> Counts {
    let mut c = Counts::default();
    for e in doc["errors"].as_array().into_iter().flatten() {
        let msg = e["message"].as_str().unwrap_or("(no message)");
        let first = msg.lines().next().unwrap_or(msg);
        c.problems.push(format!("Playwright: {first}"));
    }
    let mut tests = Vec::new();
    collect_tests(doc, &mut Vec::new(), &mut tests);
    for (title, test) in tests {
        let project = test["projectName"].as_str().unwrap_or("");
        let shown = format!("[{project}] {}", title.join(" › "));
        match test["status"].as_str().unwrap_or("") {
            "expected" | "flaky" => c.passed += 1,
            "unexpected" => {
                c.failed += 1;
                c.problems.push(format!("failed: {shown}"));
            }
            "skipped" => {
                c.skipped += 1;
                let last = title.last().map(String::as_str).unwrap_or("");
                let why = skip_reason(test);
                if !allowed.iter().any(|(t, _)| *t == last) {
                    c.problems.push(format!(
                        "skipped, not on the allow-list: {shown}{}",
                        why.map(|w| format!(" ({w})")).unwrap_or_default()
                    ));
                }
            }
            other => c
                .problems
                .push(format!("{shown}: unknown status {other:?}")),
        }
    }
    if c.passed + c.failed + c.skipped == 0 && c.problems.is_empty() {
        c.problems.push("Playwright ran no test".into());
    }
    c
}

fn skip_reason(test: &serde_json::Value) -> Option<String> {
    test["annotations"]
        .as_array()?
        .iter()
        .find(|a| a["type"] == "skip")
        .and_then(|a| a["description"].as_str())
        .map(str::to_string)
}

/// Walks nested suites; returns each test with its title path (file, describes, test).
fn collect_tests<'a>(
    suite: &'a serde_json::Value,
    path: &mut Vec<String>,
    out: &mut Vec<(Vec<String>, &'a serde_json::Value)>,
) {
    for spec in suite["specs"].as_array().into_iter().flatten() {
        let mut title = path.clone();
        title.push(spec["title"].as_str().unwrap_or("").to_string());
        for test in spec["tests"].as_array().into_iter().flatten() {
            out.push((title.clone(), test));
        }
    }
    for child in suite["suites"].as_array().into_iter().flatten() {
        path.push(child["title"].as_str().unwrap_or("").to_string());
        collect_tests(child, path, out);
        path.pop();
    }
}

#[cfg(test)]
mod tests {
    //! Each rule proven on fixtures: a tiny cargo workspace (xtask/fixtures/cargo-tally)
    //! and a tiny Playwright project (xtask/fixtures/playwright) with a failing, a
    //! skipped and a focused spec. The Playwright fixtures use no browser.
    use super::*;
    use std::path::PathBuf;
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

    #[test]
    fn an_allowed_skip_is_counted_and_passes() {
        let c = run_playwright("skipped.spec.mjs", &[("planted skip", "the fixture's own")]);
        assert_eq!((c.passed, c.failed, c.skipped), (1, 0, 1), "{c:?}");
        assert!(c.is_green(), "{c:?}");
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
        {
            let _guard = NPM.lock().unwrap_or_else(|e| e.into_inner());
            tools::ensure_npm_tools().expect("the pinned npm tools install");
        }
        let dir = fixtures().join("engines");
        let report = tools::target_dir().join("xtask-fixture-engines.json");
        let output = tools::target_dir().join("xtask-fixture-results-engines");
        let output = output.display().to_string();
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
                "failed: [webkit] one-engine.spec.mjs › planted failure on one engine".to_string()
            ],
            "{c:?}"
        );
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
}
