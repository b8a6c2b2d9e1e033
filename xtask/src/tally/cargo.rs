//! The native step: `cargo test` run and counted from its output, and the same tests
//! listed (`cargo test -- --list`) for the expected-tests file. A test is named by its
//! binary's root file and its path in the binary:
//! `cargo crates/report-core/tests/chart.rs › target_alone_draws_no_2023_mark`.

use super::binaries::Binaries;
use super::{echo, Counts};
use std::path::Path;
use std::process::Command;

/// `cargo test --no-fail-fast` in `dir`: every test binary runs even after one fails, so
/// every binary is counted. Ignored tests count as skipped and none is allowed.
pub fn cargo_test(dir: &Path, args: &[&str], target_dir: Option<&Path>) -> Result<Counts, String> {
    let binaries = Binaries::of_workspace(dir)?;
    let mut cmd = cargo(dir, target_dir);
    cmd.args(["test", "--no-fail-fast"])
        .args(args)
        .args(["--", "--color=never"]);
    let (status, text) = echo::run(cmd, true)?;
    let mut counts = cargo_counts(&text, &binaries);
    if !status.success() && counts.failed == 0 {
        counts.problems.push(format!(
            "cargo test exited with {status} and no failed test to explain it (a build error or a crashed test binary)"
        ));
    }
    if status.success() && counts.passed + counts.failed == 0 {
        counts.problems.push("cargo test ran no test".into());
    }
    Ok(counts)
}

/// The tests `cargo_test` with the same arguments would run, by name, without running
/// them (the binaries are built).
pub fn cargo_list(
    dir: &Path,
    args: &[&str],
    target_dir: Option<&Path>,
) -> Result<Vec<String>, String> {
    let binaries = Binaries::of_workspace(dir)?;
    let mut cmd = cargo(dir, target_dir);
    cmd.arg("test").args(args).args(["--", "--list"]);
    let (status, text) = echo::run(cmd, false)?;
    if !status.success() {
        return Err(format!("cargo test -- --list failed ({status}):\n{text}"));
    }
    let mut names = Vec::new();
    let mut binary = String::new();
    for line in text.lines() {
        if let Some(b) = binaries.started_by(line) {
            binary = b;
        } else if let Some(name) = line
            .strip_suffix(": test")
            .or_else(|| line.strip_suffix(": benchmark"))
        {
            names.push(test_id(&binary, name));
        }
    }
    Ok(names)
}

fn cargo(dir: &Path, target_dir: Option<&Path>) -> Command {
    let mut cmd = Command::new(env!("CARGO"));
    // Plain "Running" lines, whatever the caller's terminal settings.
    cmd.env("CARGO_TERM_COLOR", "never").current_dir(dir);
    if let Some(t) = target_dir {
        cmd.env("CARGO_TARGET_DIR", t);
    }
    cmd
}

/// A native test's full name. A doc-test's "(line N)" is left out: it would change with
/// every edit above the example.
pub fn test_id(binary: &str, name: &str) -> String {
    let name = match name.rsplit_once(" (line ") {
        Some((item, line)) if line.trim_end_matches(')').parse::<u32>().is_ok() => item,
        _ => name,
    };
    format!("cargo {binary} › {name}")
}

/// Counts cargo's `test result:` lines and names every test that reported a result;
/// each failed and each ignored test is a problem.
pub fn cargo_counts(text: &str, binaries: &Binaries) -> Counts {
    let mut c = Counts::default();
    let mut binary = String::from("(no binary named yet)");
    for line in text.lines() {
        if let Some(b) = binaries.started_by(line) {
            binary = b;
        } else if let Some(rest) = line.strip_prefix("test result:") {
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
        } else if let Some((name, outcome)) = line
            .strip_prefix("test ")
            .and_then(|l| l.split_once(" ... "))
        {
            // The run's line adds the test's mode, the listing does not.
            let name = [" - should panic", " - compile fail", " - compile"]
                .iter()
                .find_map(|mode| name.strip_suffix(mode))
                .unwrap_or(name);
            let id = test_id(&binary, name.trim_end());
            if outcome == "FAILED" {
                c.problems.push(format!("failed: {id}"));
            } else if outcome.starts_with("ignored") {
                c.problems.push(format!(
                    "ignored (#[ignore]), and no native skip is allowed: {id}"
                ));
            }
            c.collected.push(id);
        }
    }
    c
}
