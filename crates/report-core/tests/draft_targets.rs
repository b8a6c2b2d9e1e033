//! The drafting tool against the reviewed folders: drafting Aba's text and the second
//! report's reaches the targets (docs/draft.md), so a regression fails the build;
//! the drafts load; and the score itself drops when a drafted field is planted wrong.

use report_core::data::{Dataset, Qualifier};
use report_core::draft::score::score;
use report_core::draft::{draft, TEXT_FILE};
use std::path::Path;

fn reviewed(rel: &str) -> Dataset {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel);
    Dataset::load(&dir).unwrap_or_else(|e| panic!("{e}"))
}

fn meets_targets(rel: &str) {
    let data = reviewed(rel);
    let d = draft(&data.text).unwrap();
    let s = score(&data, &d);
    assert!(s.failing().is_empty(), "{rel} below target:\n{s}");
    // The draft is a folder the loader accepts.
    let dir = std::env::temp_dir().join(format!(
        "draft-targets-{}-{}",
        rel.replace('/', "-"),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(TEXT_FILE), data.text.as_bytes()).unwrap();
    for (file, body) in d.files() {
        std::fs::write(dir.join(file), body).unwrap();
    }
    let loaded = Dataset::load(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    let loaded = loaded.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.report.review_year, data.report.review_year);
    assert_eq!(loaded.report.plan_year, data.report.plan_year);
    assert_eq!(loaded.report.review_ends_line, data.report.review_ends_line);
    for f in &loaded.figures {
        assert!(
            data.text.contains(&f.quote),
            "{}: quote not in the text",
            f.id
        );
    }
}

#[test]
fn drafting_abas_text_meets_the_targets() {
    meets_targets("reports/aba-2024");
}

#[test]
fn drafting_the_second_reports_text_meets_the_targets() {
    meets_targets("tests/fixtures/second-report");
}

#[test]
fn a_planted_mismatch_lowers_the_score() {
    let data = reviewed("tests/fixtures/second-report");
    let d = draft(&data.text).unwrap();
    let before = score(&data, &d);
    let mut planted = d.clone();
    let f = &mut planted.figures[0];
    f.qualifier = if f.qualifier == Qualifier::AtMost {
        Qualifier::Exact
    } else {
        Qualifier::AtMost
    };
    f.estimate = !f.estimate;
    let after = score(&data, &planted);
    for row in ["qualifier", "estimate"] {
        assert!(after.row(row).hits + 1 == before.row(row).hits, "{row}");
    }
    // A figure drafted on another line no longer matches: recall and precision drop.
    let mut moved = d.clone();
    moved.positions[0] = data.text.find("2031年工作安排").unwrap();
    let after = score(&data, &moved);
    assert!(after.row("figure recall").hits < before.row("figure recall").hits);
    assert!(after.row("figure precision").share() < before.row("figure precision").share());
    // A drafted figure inside a reviewed exclusion counts against the draft.
    let mut excluded = d.clone();
    excluded.positions[0] = data.text.find("4A级").unwrap();
    let after = score(&data, &excluded);
    assert_eq!(after.row("exclusions drafted as figures").hits, 1);
    assert!(!after.failing().is_empty());
    // A missing pair.
    let mut unpaired = d.clone();
    unpaired
        .comparisons
        .retain(|c| c.kind != report_core::data::ComparisonKind::Growth);
    assert_eq!(score(&data, &unpaired).row("growth pairs found").hits, 0);
}
