//! The tests a run must collect, committed in tests/expected-tests.txt, one full name a
//! line. Without it a test that is never collected (a spec deleted or renamed, a
//! project's match narrowed, a data-driven loop that yields nothing, a test binary
//! gone) shrinks the total and nothing turns red. A run that collects fewer fails and
//! names the missing; one that collects more fails too, so that the file keeps up and
//! the next disappearance is seen. `cargo xtask expected-tests` rewrites the file.

use super::Counts;
use std::collections::BTreeMap;
use std::path::Path;

/// The file, from the repository root.
pub const FILE: &str = "tests/expected-tests.txt";

/// The command that rewrites it (xtask/src/expected_tests.rs).
pub const REWRITE: &str = "cargo xtask expected-tests";

const HEADER: &str = "\
# Every test `cargo xtask test` expects to collect, one a line, sorted:
#   cargo <the test binary's root file> › <the test's path in the binary>
#   playwright <project> › <spec file> › <describe block>… › <title>
# A run that collects fewer fails and names the missing; one that collects more fails
# and names the new. After adding, renaming or removing a test, rewrite this file with
#   cargo xtask expected-tests
# and review its diff: a line that goes away is a test that no longer runs.
";

/// The file's text for these tests: the header, then the names sorted (repeats kept).
pub fn render(names: &[String]) -> String {
    let mut names = names.to_vec();
    names.sort();
    let mut text = HEADER.to_string();
    for n in names {
        text.push_str(&n);
        text.push('\n');
    }
    text
}

/// The names in a file's text: every line but comments and blank ones.
pub fn parse(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// Compares what was collected with the file at `path` (shown as `shown`), for the kinds
/// of test that ran (`cargo`, `playwright`): each missing test counts as failed and is
/// named, grouped by binary or project; tests the file does not list are named too.
pub fn check(counts: &mut Counts, path: &Path, shown: &str, kinds: &[&str]) {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            counts.failed += 1;
            counts
                .problems
                .push(format!("{shown}: {e}; write it with `{REWRITE}`"));
            return;
        }
    };
    let (missing, extra) = compare(&parse(&text), &counts.collected, kinds);
    counts.failed += missing.len();
    let mut by_group: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for name in &missing {
        by_group.entry(group(name)).or_default().push(name);
    }
    for (group, names) in by_group {
        counts.problems.push(format!(
            "{} expected test(s) of `{group}` not collected ({shown} lists them):\n{}\n  \
             if they are gone on purpose, rewrite the file with `{REWRITE}`",
            names.len(),
            names
                .iter()
                .map(|n| format!("  - {n}"))
                .collect::<Vec<_>>()
                .join("\n"),
        ));
    }
    if !extra.is_empty() {
        counts.problems.push(format!(
            "{} test(s) collected that {shown} does not list:\n{}\n  \
             rewrite the file with `{REWRITE}`, review its diff and commit it",
            extra.len(),
            extra
                .iter()
                .map(|n| format!("  + {n}"))
                .collect::<Vec<_>>()
                .join("\n"),
        ));
    }
}

/// The expected names not collected and the collected names not expected, as multisets,
/// among the names of the given kinds (the first word of a name).
pub fn compare(
    expected: &[String],
    collected: &[String],
    kinds: &[&str],
) -> (Vec<String>, Vec<String>) {
    let in_scope = |n: &&String| kinds.contains(&n.split(' ').next().unwrap_or(""));
    let mut left: BTreeMap<&str, isize> = BTreeMap::new();
    for n in expected.iter().filter(in_scope) {
        *left.entry(n).or_default() += 1;
    }
    for n in collected.iter().filter(in_scope) {
        *left.entry(n).or_default() -= 1;
    }
    let (mut missing, mut extra) = (Vec::new(), Vec::new());
    for (name, n) in left {
        let list = if n > 0 { &mut missing } else { &mut extra };
        list.extend(std::iter::repeat_n(name.to_string(), n.unsigned_abs()));
    }
    (missing, extra)
}

/// The binary or project a name belongs to: `cargo tests/oracle.rs`, `playwright main`.
pub fn group(name: &str) -> &str {
    name.split(" › ").next().unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_repeated_name_is_expected_as_often_as_it_is_listed() {
        let expected = names(&["cargo a.rs › t", "cargo a.rs › t", "cargo a.rs › u"]);
        let collected = names(&["cargo a.rs › t", "cargo a.rs › u", "cargo a.rs › u"]);
        let (missing, extra) = compare(&expected, &collected, &["cargo"]);
        assert_eq!(missing, names(&["cargo a.rs › t"]));
        assert_eq!(extra, names(&["cargo a.rs › u"]));
    }

    #[test]
    fn only_the_kinds_that_ran_are_compared() {
        // `cargo xtask test --browser` runs no native test: none of them is missing.
        let expected = names(&["cargo a.rs › t", "playwright main › a.spec.mjs › x"]);
        let collected = names(&["playwright main › a.spec.mjs › x"]);
        let (missing, extra) = compare(&expected, &collected, &["playwright"]);
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{missing:?} {extra:?}"
        );
        let (missing, _) = compare(&expected, &collected, &["cargo", "playwright"]);
        assert_eq!(missing, names(&["cargo a.rs › t"]));
    }

    #[test]
    fn the_file_reads_back_what_render_writes_sorted() {
        let list = names(&["playwright p › b", "cargo x.rs › a", "playwright p › a"]);
        let text = render(&list);
        assert!(text.starts_with("# "), "{text}");
        assert_eq!(
            parse(&text),
            names(&["cargo x.rs › a", "playwright p › a", "playwright p › b"])
        );
    }
}
