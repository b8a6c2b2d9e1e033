//! `cargo xtask draft TEXT --out DIR`: drafts a report folder from a report's text
//! (`report_core::draft`, which reads no file) and checks that the loader accepts it.
//! `cargo xtask draft --score DIR…`: drafts the text of each reviewed folder and prints
//! the score table (docs/draft.md). This file only reads and writes files.

use crate::Result;
use report_core::data::Dataset;
use report_core::draft::{draft, score::score, TEXT_FILE};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::time::Instant;

pub fn run(args: &[String]) -> Result {
    let cwd = std::env::current_dir().map_err(|e| e.to_string())?;
    if args.first().map(String::as_str) == Some("--score") {
        if args.len() < 2 {
            return Err("usage: cargo xtask draft --score DIR [DIR…] [--details]".into());
        }
        let mut failing = Vec::new();
        let details = args.iter().any(|a| a == "--details");
        for dir in args[1..].iter().filter(|a| *a != "--details") {
            if !print_score(&cwd.join(dir), details)? {
                failing.push(dir.clone());
            }
        }
        if !failing.is_empty() {
            eprintln!("below target: {}", failing.join(", "));
        }
        return Ok(());
    }
    let mut text = None;
    let mut out = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" => out = Some(cwd.join(it.next().ok_or("--out needs a folder")?)),
            _ if text.is_none() => text = Some(cwd.join(a)),
            _ => return Err(format!("unexpected argument {a}")),
        }
    }
    let (Some(text), Some(out)) = (text, out) else {
        return Err("usage: cargo xtask draft TEXT --out DIR".into());
    };
    write_draft(&text, &out)
}

/// Reads a text file as UTF-8 (a byte-order mark dropped), naming the first bad byte.
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let bytes = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .unwrap_or(&bytes)
        .to_vec();
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{}: not UTF-8 text (byte {} is invalid); convert it first, e.g. \
             `iconv -f GB18030 -t UTF-8`",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

fn write_draft(text_path: &Path, out: &Path) -> Result {
    let text = read_text(text_path)?;
    let start = Instant::now();
    let mut d = draft(&text).map_err(|e| format!("{}: {e}", text_path.display()))?;
    let took = start.elapsed();
    if out.join("manifest.json").exists() {
        return Err(format!(
            "{} already holds a report folder; draft into a fresh folder",
            out.display()
        ));
    }
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    d.manifest.report.text_sha256 = Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let write = |name: &str, body: &str| {
        let p = out.join(name);
        std::fs::write(&p, body).map_err(|e| format!("{}: {e}", p.display()))
    };
    write(TEXT_FILE, &text)?;
    for (name, body) in d.files() {
        write(name, &body)?;
    }
    let data = Dataset::load(out)
        .map_err(|e| format!("the draft is refused by the loader (a bug of the tool): {e}"))?;
    // The rules `cargo xtask dist` enforces, run now so the review knows what it must
    // settle before the folder can be built.
    let failures = report_core::data::check::check(&data);
    let mut by_rule: std::collections::BTreeMap<&str, usize> = Default::default();
    for f in &failures {
        *by_rule.entry(f.rule).or_default() += 1;
    }
    if failures.is_empty() {
        println!("every data rule holds on the draft");
    } else {
        println!(
            "{} failure(s) of the data rules for the review to settle before `cargo xtask dist` builds it:",
            failures.len()
        );
        for (rule, n) in by_rule {
            println!("  {rule}: {n}");
        }
    }
    println!(
        "drafted {} in {:.0} ms: {} figures, {} exclusions, {} pairs, {} mentions, {} counties; \
         {} notes in {}",
        out.display(),
        took.as_secs_f64() * 1000.0,
        d.figures.len(),
        d.exclusions.len(),
        d.comparisons.len(),
        d.mentions.len(),
        d.manifest.taxonomy.counties.len(),
        d.notes.len(),
        out.join("draft-notes.json").display()
    );
    Ok(())
}

/// Drafts the text of a reviewed folder and prints its score table; true when every
/// target is met.
fn print_score(dir: &PathBuf, details: bool) -> Result<bool> {
    let reviewed = Dataset::load(dir)?;
    let start = Instant::now();
    let d = draft(&reviewed.text).map_err(|e| format!("{}: {e}", dir.display()))?;
    let took = start.elapsed();
    let s = score(&reviewed, &d);
    if details {
        for line in report_core::draft::score::details(&reviewed, &d) {
            println!("{line}");
        }
    }
    println!("## {}\n", dir.display());
    print!("{s}");
    println!(
        "\ndrafted in {:.0} ms ({} build); below target: {}\n",
        took.as_secs_f64() * 1000.0,
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        },
        if s.failing().is_empty() {
            "none".to_string()
        } else {
            s.failing().join(", ")
        }
    );
    Ok(s.failing().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str, bytes: &[u8]) -> PathBuf {
        let p = std::env::temp_dir().join(format!("xtask-draft-{name}-{}", std::process::id()));
        std::fs::write(&p, bytes).unwrap();
        p
    }

    #[test]
    fn bytes_that_are_not_utf8_are_refused_with_their_offset() {
        // "2041年" then a GBK byte pair.
        let mut bytes = "2041年".as_bytes().to_vec();
        bytes.extend([0xc4, 0xea]);
        let p = temp("gbk", &bytes);
        let e = read_text(&p).unwrap_err();
        std::fs::remove_file(&p).ok();
        assert!(e.contains("not UTF-8") && e.contains("byte 7"), "{e}");
    }

    #[test]
    fn a_byte_order_mark_is_dropped() {
        let p = temp("bom", "\u{feff}2041年工作回顾".as_bytes());
        let t = read_text(&p).unwrap();
        std::fs::remove_file(&p).ok();
        assert!(t.starts_with("2041"));
    }

    #[test]
    fn a_draft_is_written_loaded_and_never_over_a_folder() {
        let text = temp(
            "text",
            "2041年工作回顾\n\n新建道路12公里。\n\n2042年工作安排\n\n新建道路15公里。\n".as_bytes(),
        );
        let out = std::env::temp_dir().join(format!("xtask-draft-out-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&out);
        write_draft(&text, &out).unwrap();
        let data = Dataset::load(&out).unwrap();
        assert_eq!(
            (data.report.review_year, data.report.plan_year),
            (2041, 2042)
        );
        assert!(out.join("draft-notes.json").is_file());
        assert!(write_draft(&text, &out)
            .unwrap_err()
            .contains("fresh folder"));
        std::fs::remove_dir_all(&out).ok();
        std::fs::remove_file(&text).ok();
        let empty = temp("empty", b"");
        assert!(write_draft(&empty, &out).unwrap_err().contains("empty"));
        std::fs::remove_file(&empty).ok();
    }
}
