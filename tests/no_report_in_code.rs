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

/// The words that name report `d`: its place (without the 州/市 ending), its two years,
/// and each county's full, short and English names.
fn names_of(d: &Dataset) -> Vec<String> {
    let place = d.report.place.zh.trim_end_matches(['州', '市', '县', '区']);
    let mut words = vec![
        place.to_string(),
        d.report.review_year.to_string(),
        d.report.plan_year.to_string(),
    ];
    for c in &d.taxonomy.counties {
        words.extend([c.zh.clone(), c.short.clone(), format!("\"{}\"", c.en)]);
    }
    words
}

/// Every line of `paths` (as `lines` reads it) that holds one of `words`, as
/// "file:line: word in text".
fn lines_naming(
    root: &Path,
    paths: &[PathBuf],
    words: &[String],
    lines: impl Fn(&Path) -> Vec<(usize, String)>,
) -> Vec<String> {
    let mut offenders = Vec::new();
    for path in paths {
        for (n, line) in lines(path) {
            for w in words {
                if line.contains(w.as_str()) {
                    let rel = path.strip_prefix(root).unwrap().display();
                    offenders.push(format!("{rel}:{n}: {w:?} in {}", line.trim()));
                }
            }
        }
    }
    offenders
}

#[test]
fn application_code_names_no_place_county_or_year() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let aba = Dataset::load(root.join("reports/aba-2024")).unwrap();
    let mut words: Vec<String> = vec!["阿坝".into(), "Aba ".into(), "Aba\"".into()];
    words.extend(names_of(&aba));
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
    // Test-only files: a hand-built dataset for the state module's own tests, and the
    // report folders every native test loads.
    paths.retain(|p| !p.ends_with("state/fixture.rs") && !p.ends_with("data/test_folders.rs"));
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
    let offenders = lines_naming(root, &paths, &words, code_lines);
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
        words.extend(names_of(&Dataset::load(root.join(rel)).unwrap()));
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
    // The glossary is data: every line but its comments is read.
    let offenders = lines_naming(root, &paths, &words, |path| {
        if path.extension().is_some_and(|e| e == "tsv") {
            let text = std::fs::read_to_string(path).unwrap();
            text.lines()
                .enumerate()
                .filter(|(_, l)| !l.starts_with('#'))
                .map(|(i, l)| (i + 1, l.to_string()))
                .collect()
        } else {
            code_lines(path)
        }
    });
    assert!(
        offenders.is_empty(),
        "the drafting tool names a report:\n{}",
        offenders.join("\n")
    );
}

/// The same rule, run: everything the code writes for the second report (titles, tab
/// labels, summaries, captions, the chart downloads as SVG, the CSV and JSON) in both
/// languages and on every tab names none of Aba's places or years. A word hard-coded in any
/// of these paths shows up here whatever the source scan above skips (comments excepted,
/// macros, generated code).
#[test]
fn what_the_code_writes_for_another_report_names_nothing_of_aba() {
    use report_explorer::chart::document::document_svg;
    use report_explorer::chart::Options;
    use report_explorer::data::export;
    use report_explorer::present;
    use report_explorer::state::{compare_rows, level_rows, Lang, View, ViewState};

    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let aba = Dataset::load(root.join("reports/aba-2024")).unwrap();
    let second = Dataset::load(root.join("tests/fixtures/second-report")).unwrap();
    let mut words: Vec<String> = vec![
        "阿坝".into(),
        "Aba".into(),
        aba.report.review_year.to_string(),
        aba.report.plan_year.to_string(),
    ];
    for c in &aba.taxonomy.counties {
        words.extend([c.zh.clone(), c.en.clone()]);
    }
    let mut written: Vec<(String, String)> = Vec::new();
    let r = &second.report;
    for lang in [Lang::Zh, Lang::En] {
        let mut put = |what: &str, text: String| written.push((format!("{lang:?} {what}"), text));
        put("app title", present::app_title(lang, r));
        put("embed title", present::embed_title(lang, r));
        put("search placeholder", present::search_placeholder(lang, r));
        put("header source", present::header_source(lang, r));
        put("source line", present::source_line(lang, r));
        put("levels key", present::levels_key(lang, r));
        put("growth tab", present::growth_tab_label(lang, r));
        for view in View::ALL {
            let state = ViewState {
                lang,
                view,
                ..ViewState::default()
            };
            put(&format!("{view:?} tab"), present::tab_label(lang, r, view));
            put(
                &format!("{view:?} title"),
                present::chart_title(lang, r, view),
            );
            put(
                &format!("{view:?} filters"),
                present::filters_in_words(lang, &second, &state),
            );
            if let Some((rows, caption)) = present::download(lang, &second, &state) {
                let o = Options {
                    width: 800,
                    height: 400,
                    ..present::chart_options(lang, r)
                };
                put(&format!("{view:?} summary"), caption.summary.clone());
                put(
                    &format!("{view:?} SVG"),
                    document_svg(rows.chart(), &caption, &o),
                );
            }
        }
        let state = ViewState {
            lang,
            ..ViewState::default()
        };
        put(
            "growth summary",
            present::compare_summary_text(lang, r, &compare_rows(&second, &state)),
        );
        put(
            "levels summary",
            present::levels_summary_text(lang, r, &level_rows(&second, &state)),
        );
    }
    written.push(("CSV".into(), export::figures_csv(second.figures.iter())));
    written.push(("JSON".into(), export::report_json(&second)));

    let mut offenders = Vec::new();
    for (what, text) in &written {
        assert!(!text.trim().is_empty(), "{what} wrote nothing");
        for w in &words {
            if text.contains(w.as_str()) {
                offenders.push(format!("{what}: {w:?}"));
            }
        }
    }
    // The charts were drawn: both tabs with one gave an SVG.
    assert!(written.iter().filter(|(w, _)| w.ends_with("SVG")).count() >= 4);
    assert!(
        offenders.is_empty(),
        "written for the second report:\n{}",
        offenders.join("\n")
    );
}
