//! A report is data: no application code (Rust outside its tests, HTML, CSS, JS) names
//! Aba, one of its counties, or a year; code speaks of the review and the plan, and every
//! name comes from the report folder's manifest. Comments may give examples, so comment
//! lines are not read; test modules (from `#[cfg(test)]` on) and test-only files are not
//! application code.

use report_explorer::data::Dataset;
use std::path::{Path, PathBuf};

fn files(dir: &Path, ext: &[&str], out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, ext, out);
        } else if ext
            .iter()
            .any(|e| path.extension().is_some_and(|x| x == *e))
        {
            out.push(path);
        }
    }
}

/// The lines of a file that are application code.
fn code_lines(path: &Path) -> Vec<(usize, String)> {
    let text = std::fs::read_to_string(path).unwrap();
    let rust = path.extension().is_some_and(|e| e == "rs");
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim_start();
        if rust && t.starts_with("#[cfg(test)]") {
            break;
        }
        if t.starts_with("//") || t.starts_with("/*") || t.starts_with('*') {
            continue;
        }
        out.push((i + 1, line.to_string()));
    }
    out
}

#[test]
fn application_code_names_no_place_county_or_year() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let aba = Dataset::load(root.join("reports/aba-2024")).unwrap();
    let mut words: Vec<String> = vec![
        "阿坝".into(),
        "Aba ".into(),
        "Aba\"".into(),
        aba.report.review_year.to_string(),
        aba.report.plan_year.to_string(),
    ];
    for c in &aba.taxonomy.counties {
        words.extend([c.zh.clone(), c.short.clone(), format!("\"{}\"", c.en)]);
    }
    // What the data rules know about this report is its manifest's `checks`, never code
    // (`crates/report-core/src/data/check/`): its county slugs and figure ids.
    let checks = &aba.taxonomy.checks;
    words.extend(checks.ambiguous_counties.iter().map(|s| format!("\"{s}\"")));
    words.extend(checks.sector_exceptions.iter().map(|e| e.figure.clone()));
    let mut paths = Vec::new();
    files(&root.join("src"), &["rs"], &mut paths);
    files(&root.join("crates/report-core/src"), &["rs"], &mut paths);
    files(&root.join("assets"), &["css", "js"], &mut paths);
    paths.push(root.join("index.html"));
    paths.push(root.join("build.rs"));
    // A hand-built dataset for the state module's own tests.
    paths.retain(|p| !p.ends_with("state/fixture.rs"));
    for module in [
        "data/check/mod.rs",
        "data/check/counties.rs",
        "data/check/report.rs",
    ] {
        assert!(
            paths.iter().any(|p| p.ends_with(module)),
            "the data rules' {module} is not read"
        );
    }
    let mut offenders = Vec::new();
    for path in &paths {
        for (n, line) in code_lines(path) {
            for w in &words {
                if line.contains(w.as_str()) {
                    let rel = path.strip_prefix(root).unwrap().display();
                    offenders.push(format!("{rel}:{n}: {w:?} in {}", line.trim()));
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "application code names the report:\n{}",
        offenders.join("\n")
    );
}

/// The drafting tool knows no report: its code (report-core's `draft` module and
/// `xtask/src/draft.rs`) and its glossary name neither Aba nor the fictional second
/// report, their places, counties or years.
#[test]
fn the_drafting_tool_names_no_report() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut words: Vec<String> = vec!["阿坝".into(), "Aba ".into(), "Aba\"".into()];
    for rel in ["reports/aba-2024", "tests/fixtures/second-report"] {
        let d = Dataset::load(root.join(rel)).unwrap();
        let place = d
            .report
            .place
            .zh
            .trim_end_matches(['州', '市', '县', '区'])
            .to_string();
        words.extend([
            place,
            d.report.review_year.to_string(),
            d.report.plan_year.to_string(),
        ]);
        for c in &d.taxonomy.counties {
            words.extend([c.zh.clone(), c.short.clone(), format!("\"{}\"", c.en)]);
        }
    }
    let mut paths = Vec::new();
    files(
        &root.join("crates/report-core/src/draft"),
        &["rs", "tsv"],
        &mut paths,
    );
    paths.push(root.join("xtask/src/draft.rs"));
    assert!(
        paths.iter().any(|p| p.ends_with("glossary.tsv")),
        "the glossary is read"
    );
    let mut offenders = Vec::new();
    for path in &paths {
        let lines: Vec<(usize, String)> = if path.extension().is_some_and(|e| e == "tsv") {
            let text = std::fs::read_to_string(path).unwrap();
            text.lines()
                .enumerate()
                .filter(|(_, l)| !l.starts_with('#'))
                .map(|(i, l)| (i + 1, l.to_string()))
                .collect()
        } else {
            code_lines(path)
        };
        for (n, line) in lines {
            for w in &words {
                if line.contains(w.as_str()) {
                    let rel = path.strip_prefix(root).unwrap().display();
                    offenders.push(format!("{rel}:{n}: {w:?} in {}", line.trim()));
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "the drafting tool names a report:\n{}",
        offenders.join("\n")
    );
}
