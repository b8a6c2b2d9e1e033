//! The native step: `cargo test` run and counted from its output.

use super::Counts;
use std::path::Path;
use std::process::Command;

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
