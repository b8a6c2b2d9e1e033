//! The text as a whole: its pinned hash, its two parts, the chapters that map it onto
//! sectors, and each figure in the sector of its chapter.

use super::sha256::sha256_hex;
use super::{Failure, Folder, FIGURES, MANIFEST};
use crate::data::Chapter;
use std::collections::HashMap;

/// Changing the report text is a decision: made in the manifest's `text_sha256` too.
pub fn pinned(r: &Folder, out: &mut Vec<Failure>) {
    let report = &r.data.report;
    let sha = sha256_hex(r.text().as_bytes());
    if sha != report.text_sha256 {
        out.push(r.fail(
            MANIFEST,
            None,
            "text-pinned",
            format!(
                "{} has sha256 {sha}, the manifest pins {}",
                report.text, report.text_sha256
            ),
        ));
    }
}

/// `review_ends_line` splits the report: the line after it opens the plan part, a
/// heading such as "2024年工作安排" (no sentence in it).
pub fn plan_heading(r: &Folder, out: &mut Vec<Failure>) {
    let ends = r.data.report.review_ends_line as usize;
    let total = r.text().lines().count();
    let fail = |message| r.fail(MANIFEST, None, "plan-heading", message);
    let Some(line) = r.text().lines().nth(ends) else {
        out.push(fail(format!(
            "review_ends_line {ends} leaves no plan part (the report has {total} lines)"
        )));
        return;
    };
    let year = format!("{}年", r.data.report.plan_year);
    if ends == 0 || !line.contains(&year) || line.contains('。') {
        out.push(fail(format!(
            "line {} (after review_ends_line {ends}) is not a heading with {year}: {line}",
            ends + 1
        )));
    }
}

impl Folder<'_> {
    /// Byte offset where a chapter starts in the report.
    fn chapter_start(&self, c: &Chapter) -> Option<usize> {
        let text = self.text();
        let line_start: usize = text
            .split_inclusive('\n')
            .take((c.lines[0] as usize).saturating_sub(1))
            .map(str::len)
            .sum();
        match &c.from {
            None => Some(line_start),
            Some(words) => {
                let line = text[line_start..].lines().next()?;
                line.find(words.as_str()).map(|i| line_start + i)
            }
        }
    }

    fn chapter_at(&self, pos: usize) -> Option<&Chapter> {
        let line = self.line_of(pos);
        self.data
            .taxonomy
            .chapters
            .iter()
            .filter(|c| c.lines[0] <= line && line <= c.lines[1])
            .filter(|c| self.chapter_start(c).is_some_and(|s| s <= pos))
            .max_by_key(|c| self.chapter_start(c))
    }
}

/// The chapters cover every line of the text in order without gaps, each within the part
/// of its year; a `from` splits a one-line chapter at words that occur once in it.
pub fn chapters(r: &Folder, out: &mut Vec<Failure>) {
    let report = &r.data.report;
    let ends = report.review_ends_line;
    let year_of_line = |line: u32| {
        if line <= ends {
            report.review_year
        } else {
            report.plan_year
        }
    };
    let total = r.text().lines().count() as u32;
    let fail = |c: &Chapter, message| r.fail(MANIFEST, Some(&c.heading), "chapters", message);
    let mut expected_line = 1;
    let mut last_start = None;
    for c in &r.data.taxonomy.chapters {
        if c.lines[0] == 0 || c.lines[0] > c.lines[1] || c.lines[1] > total {
            out.push(fail(
                c,
                format!("lines {:?} (the report has {total})", c.lines),
            ));
            continue;
        }
        let start = r.chapter_start(c);
        if start.is_none() {
            out.push(fail(
                c,
                format!("`from` {:?} not in line {}", c.from, c.lines[0]),
            ));
        }
        if let Some(words) = &c.from {
            let line = r.text().lines().nth(c.lines[0] as usize - 1).unwrap_or("");
            if line.matches(words.as_str()).count() != 1 || c.lines[0] != c.lines[1] {
                out.push(fail(
                    c,
                    "`from` must occur once in a one-line chapter".into(),
                ));
            }
        }
        let continues = c.from.is_some() && c.lines[0] + 1 == expected_line;
        if c.lines[0] != expected_line && !continues {
            out.push(fail(
                c,
                format!("starts at line {}, expected {expected_line}", c.lines[0]),
            ));
        }
        if start <= last_start {
            out.push(fail(c, "out of order".into()));
        }
        if c.year != year_of_line(c.lines[0]) || c.year != year_of_line(c.lines[1]) {
            out.push(fail(
                c,
                format!(
                    "year {} but lines {:?} (review ends at line {ends})",
                    c.year, c.lines
                ),
            ));
        }
        expected_line = c.lines[1] + 1;
        last_start = start;
    }
    if expected_line != total + 1 {
        out.push(r.fail(
            MANIFEST,
            None,
            "chapters",
            format!(
                "chapters end at line {}, the report at {total}",
                expected_line - 1
            ),
        ));
    }
}

/// Each figure is in the sector of the chapter its number stands in, unless the manifest's
/// `checks.sector_exceptions` lists it with a reason (an exception that matches its
/// chapter, or names no figure, fails too).
pub fn sectors(r: &Folder, out: &mut Vec<Failure>) {
    const RULE: &str = "sector-by-chapter";
    let listed = &r.data.taxonomy.checks.sector_exceptions;
    let exceptions: HashMap<&str, &str> = listed
        .iter()
        .map(|e| (e.figure.as_str(), e.reason.as_str()))
        .collect();
    for f in &r.data.figures {
        let fail = |message| r.fail(FIGURES, Some(&f.id), RULE, message);
        let Some(pos) = r.first_number_position(f) else {
            out.push(fail("its number is not found in the report".into()));
            continue;
        };
        let Some(c) = r.chapter_at(pos) else {
            out.push(fail("in no chapter".into()));
            continue;
        };
        let excepted = exceptions.contains_key(f.id.as_str());
        if c.sector == f.sector && excepted {
            out.push(r.fail(
                MANIFEST,
                Some(&f.id),
                RULE,
                "listed in checks.sector_exceptions but matches its chapter".into(),
            ));
        } else if c.sector != f.sector && !excepted {
            out.push(fail(format!(
                "sector {} but chapter {:?} (line {}) is {}",
                f.sector,
                c.heading,
                r.line_of(pos),
                c.sector
            )));
        }
    }
    for e in listed {
        let fail = |message| r.fail(MANIFEST, Some(&e.figure), RULE, message);
        if e.reason.trim().is_empty() {
            out.push(fail("sector exception without a reason".into()));
        }
        if r.data.figure(&e.figure).is_none() {
            out.push(fail(
                "sector exception for a figure that does not exist".into(),
            ));
        }
    }
}
