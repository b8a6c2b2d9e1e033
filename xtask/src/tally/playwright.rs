//! The browser step: Playwright run and counted from its JSON report.

use super::{echo, AllowedSkip, Counts};
use crate::tools;
use std::path::Path;
use std::process::Command;

/// Playwright with `--forbid-only`, reading its JSON report. `args` are extra arguments
/// (the config, file filters); `env` goes to the process.
pub fn playwright(
    dir: &Path,
    args: &[&str],
    env: &[(&str, &str)],
    report: &Path,
    allowed: &[AllowedSkip],
) -> Result<Counts, String> {
    let mut cmd = command(dir, args, report);
    cmd.args(["--forbid-only", "--reporter", "list,json"]);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let (status, _) = echo::run(cmd, true)?;
    let mut counts = match read_report(report) {
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

/// The tests `playwright` with the same arguments would run, by full name, without
/// running them (`--list`: the specs are loaded, no browser starts).
pub fn playwright_list(dir: &Path, args: &[&str], report: &Path) -> Result<Vec<String>, String> {
    let mut cmd = command(dir, args, report);
    cmd.args(["--list", "--reporter", "json"]);
    let (status, text) = echo::run(cmd, false)?;
    let doc = read_report(report).map_err(|e| format!("playwright --list: {e}\n{text}"))?;
    let errors = doc["errors"].as_array().map_or(0, Vec::len);
    if !status.success() || errors > 0 {
        return Err(format!("playwright --list failed ({status}):\n{text}"));
    }
    let mut tests = Vec::new();
    collect_tests(&doc, &mut Vec::new(), &mut tests);
    Ok(tests
        .iter()
        .map(|(title, test)| test_id(test["projectName"].as_str().unwrap_or(""), title))
        .collect())
}

fn command(dir: &Path, args: &[&str], report: &Path) -> Command {
    let _ = std::fs::remove_file(report);
    let mut cmd = Command::new(tools::npm_bin("playwright"));
    cmd.arg("test")
        .args(args)
        .env("PLAYWRIGHT_JSON_OUTPUT_NAME", report)
        .current_dir(dir);
    cmd
}

fn read_report(report: &Path) -> Result<serde_json::Value, String> {
    let json = std::fs::read_to_string(report).map_err(|e| format!("{}: {e}", report.display()))?;
    serde_json::from_str(&json).map_err(|e| format!("{}: {e}", report.display()))
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
        let id = test_id(project, &title);
        c.collected.push(id.clone());
        match test["status"].as_str().unwrap_or("") {
            "expected" => c.passed += 1,
            // Failed at least once, then passed on a retry: a test that can fail on a
            // good build is a test that can pass on a broken one.
            "flaky" => {
                c.failed += 1;
                c.problems
                    .push(format!("flaky (failed, then passed on a retry): {id}"));
            }
            "unexpected" => {
                c.failed += 1;
                c.problems.push(format!("failed: {id}"));
            }
            "skipped" => {
                c.skipped += 1;
                let why = skip_reason(test);
                if !allowed.iter().any(|(t, _)| *t == id) {
                    c.problems.push(format!(
                        "skipped, not on the allow-list: {id}{}",
                        why.map(|w| format!(" ({w})")).unwrap_or_default()
                    ));
                }
            }
            other => c.problems.push(format!("{id}: unknown status {other:?}")),
        }
    }
    if c.passed + c.failed + c.skipped == 0 && c.problems.is_empty() {
        c.problems.push("Playwright ran no test".into());
    }
    c
}

/// A test's full name: its project and title path (file, describe blocks, title), the
/// way the allow-list names it. Two tests never share one: Playwright refuses a
/// repeated title in the same block.
pub fn test_id(project: &str, title: &[String]) -> String {
    format!("playwright {project} › {}", title.join(" › "))
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
