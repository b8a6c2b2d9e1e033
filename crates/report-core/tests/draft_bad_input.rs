//! Bad input: a clear error naming the problem, or a draft with notes; never a panic and
//! never a folder whose years are wrong. (Bytes that are not UTF-8 are refused by
//! `cargo xtask draft`, which reads the file: xtask/src/draft.rs.)

use report_core::data::Dataset;
use report_core::draft::{draft, Draft, TEXT_FILE};

fn err(text: &str) -> String {
    match draft(text) {
        Ok(_) => panic!("drafted a text that should be refused"),
        Err(e) => e,
    }
}

/// Writes a draft as a folder and loads it with the loader.
fn load(d: &Draft, text: &str, name: &str) -> Result<Dataset, String> {
    let dir = std::env::temp_dir().join(format!("draft-bad-input-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(TEXT_FILE), text).unwrap();
    for (file, body) in d.files() {
        std::fs::write(dir.join(file), body).unwrap();
    }
    let out = Dataset::load(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    out
}

#[test]
fn an_empty_text_is_refused() {
    assert!(err("").contains("empty"));
    assert!(err(" \n\n \n").contains("empty"));
}

#[test]
fn a_text_without_headings_is_refused() {
    let e = err("全年新建道路12公里，增长5%。\n明年新建道路15公里。\n");
    assert!(e.contains("no headings"), "{e}");
}

#[test]
fn a_text_without_a_plan_part_is_refused() {
    let e = err("2041年工作回顾\n\n全年新建道路12公里。\n\n一、交通\n\n新建桥梁3座。\n");
    assert!(e.contains("no plan part"), "{e}");
}

#[test]
fn a_plan_heading_without_a_review_before_it_is_refused() {
    let e = err("2042年工作安排\n\n新建道路15公里。\n");
    assert!(e.contains("no review part"), "{e}");
}

#[test]
fn years_out_of_order_are_refused_not_guessed() {
    let e = err("2045年工作回顾\n\n新建道路12公里。\n\n2042年工作安排\n\n新建道路15公里。\n");
    assert!(e.contains("not before"), "{e}");
}

#[test]
fn a_review_heading_without_a_year_drafts_with_a_note() {
    let text = "过去一年工作回顾\n\n新建道路12公里。\n\n2042年工作安排\n\n新建道路15公里。\n";
    let d = draft(text).unwrap();
    assert_eq!(
        (d.manifest.report.review_year, d.manifest.report.plan_year),
        (2041, 2042)
    );
    assert!(d.notes.iter().any(|n| n.field == "review_year"));
    let data = load(&d, text, "no-year").unwrap();
    assert_eq!(
        data.figures.iter().map(|f| f.year).collect::<Vec<_>>(),
        [2041, 2042]
    );
}

#[test]
fn a_five_megabyte_text_is_refused_with_its_size() {
    let para = "全年新建道路12公里，新建桥梁3座。\n";
    let mut text = String::from("2041年工作回顾\n");
    while text.len() < 5 * 1024 * 1024 {
        text.push_str(para);
    }
    text.push_str("2042年工作安排\n新建道路15公里。\n");
    let e = err(&text);
    assert!(e.contains("MB"), "{e}");
}

#[test]
fn a_line_of_100000_characters_is_refused_with_its_line() {
    let long: String = "新建道路12公里，".repeat(100_000 / 9 + 1);
    let text = format!("2041年工作回顾\n\n{long}\n\n2042年工作安排\n\n新建道路15公里。\n");
    let e = err(&text);
    assert!(e.contains("line 3") && e.contains("characters"), "{e}");
}

#[test]
fn odd_text_never_panics() {
    // Stray marks, digits at the edges, unclosed quotation marks, lone scales.
    let bodies = [
        "“1+",
        "万亿",
        "第",
        "12",
        "·",
        "3·",
        "、、、",
        "分别增长",
        "降至",
        "约",
        "各",
        "（一）",
        "增长5%、",
        "“两个",
        "超过",
        "5G",
        "2041",
        "12.",
        ".5%",
        "县县县",
        "全州",
        "\r\n",
    ];
    for b in bodies {
        let text = format!("2041年工作回顾\n{b}\n2042年工作安排\n{b}");
        if let Ok(d) = draft(&text) {
            let data = load(&d, &text, "odd").unwrap_or_else(|e| panic!("{b:?}: {e}"));
            assert_eq!(data.report.review_year, 2041);
        }
    }
}

#[test]
fn a_draft_the_loader_accepts_has_the_years_of_its_headings() {
    let text = "2041年工作回顾\n\n全年新建道路12公里。\n\n2042年工作安排\n\n新建道路15公里。\n";
    let d = draft(text).unwrap();
    let data = load(&d, text, "years").unwrap();
    assert_eq!((data.review_year(), data.plan_year()), (2041, 2042));
    assert_eq!(data.report.review_ends_line, 4);
    assert_eq!(data.figures[0].year, 2041);
    assert_eq!(data.figures[1].year, 2042);
}
