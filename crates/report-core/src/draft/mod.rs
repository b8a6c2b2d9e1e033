//! Drafting a report folder from the report's text: every number becomes a figure or an
//! exclusion, with its fields read from the words around it; clauses that name a county
//! become mentions; growth and level pairs are proposed. What the tool is unsure of goes
//! into notes for the person who reviews. Pure: text in, documents out (no files).
//! The rules are in `docs/draft.md`.

mod classify;
mod clauses;
mod details;
mod figures;
mod indicators;
mod numbers;
mod pairs;
mod parts;
mod places;
mod qualifiers;
mod records;
pub mod score;
mod sectors;
mod units;

pub use indicators::glossary;

use crate::data::{ComparisonSpec, Exclusion, Figure, Manifest, Mention, Names, Report, Taxonomy};
use serde::Serialize;

/// The largest text the tool drafts: a work report is 20–100 KB.
pub const MAX_TEXT_BYTES: usize = 2 * 1024 * 1024;
/// The longest line (paragraph) it reads, in characters.
pub const MAX_LINE_CHARS: usize = 20_000;

/// Where the tool is unsure: the record (a figure or mention id, or a manifest field),
/// the field, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Note {
    pub id: String,
    pub field: String,
    pub why: String,
}

/// A drafted report folder, with the byte offset of each figure's number in the text.
#[derive(Clone, Debug)]
pub struct Draft {
    pub manifest: Manifest,
    pub figures: Vec<Figure>,
    pub exclusions: Vec<Exclusion>,
    pub comparisons: Vec<ComparisonSpec>,
    pub mentions: Vec<Mention>,
    pub notes: Vec<Note>,
    /// Byte offset of each figure's number, in the order of `figures`.
    pub positions: Vec<usize>,
}

/// The file name a draft gives the report text inside its folder.
pub const TEXT_FILE: &str = "report.txt";

/// Drafts a report folder from the text of a work report. An `Err` names what the text
/// lacks (it is empty, too large, has no review and plan headings …).
pub fn draft(text: &str) -> Result<Draft, String> {
    if text.trim().is_empty() {
        return Err("the text is empty".into());
    }
    if text.len() > MAX_TEXT_BYTES {
        return Err(format!(
            "the text is {:.1} MB; a work report is under {} MB (is this the right file?)",
            text.len() as f64 / 1_048_576.0,
            MAX_TEXT_BYTES / 1_048_576
        ));
    }
    if let Some((i, line)) = text
        .split('\n')
        .enumerate()
        .find(|(_, l)| l.chars().count() > MAX_LINE_CHARS)
    {
        return Err(format!(
            "line {} has {} characters; a paragraph of a report is under {MAX_LINE_CHARS} \
             (were the line breaks lost?)",
            i + 1,
            line.chars().count()
        ));
    }
    let parts = parts::find(text)?;
    let (chapters, mixed) = parts::chapters(text, &parts);
    let place = records::place(text);
    let mut found = places::find(text);
    found.retain(|p| p.zh != place);
    let counties = places::counties(&found);
    let mut notes: Vec<Note> = parts
        .notes
        .iter()
        .map(|(field, why)| note("manifest", field, why))
        .collect();
    let ctx = records::Context {
        text,
        parts: &parts,
        chapters: &chapters,
        mixed: &mixed,
        counties: &counties,
        starts: parts::line_starts(text),
    };
    let (candidates, excluded) = figures::read(text);
    let (mut figures, positions) = records::figures(&ctx, candidates, &mut notes);
    let exclusions = records::exclusions(&ctx, &excluded, &figures, &positions, &mut notes);
    let mentions = records::mentions(&ctx, &mut notes);
    let sectors_at: Vec<(usize, String)> = positions
        .iter()
        .zip(&figures)
        .map(|(&p, f)| (p, f.sector.clone()))
        .collect();
    let chapters = parts::split_mixed(text, chapters, &mixed, &sectors_at);
    let (comparisons, unsure, renamed) =
        pairs::propose(&mut figures, parts.review_year, parts.plan_year);
    let renamed: std::collections::HashMap<String, String> = renamed.into_iter().collect();
    for n in &mut notes {
        if let Some(id) = renamed.get(&n.id) {
            n.id = id.clone();
        }
    }
    for id in unsure {
        notes.push(note(
            &id,
            "comparison",
            "several figures of the review year have this measure; the first was paired",
        ));
    }
    for c in &comparisons {
        if c.kind == crate::data::ComparisonKind::Level {
            notes.push(note(&c.id, "not_comparable", "a level pair by name and unit: check that both measure the same thing (a total against a new amount is not comparable)"));
        }
    }
    if place.is_empty() {
        notes.push(note(
            "manifest",
            "place",
            "the text does not name its place (…州, …市): fill in place and title",
        ));
    }
    for c in &counties {
        notes.push(note(
            &c.slug,
            "county",
            &format!(
                "{}: give the English name, a slug, and check the tile position",
                c.zh
            ),
        ));
    }
    notes.push(note(
        "manifest",
        "place.en",
        "English names of the place, the title and the source",
    ));
    let plan = parts.plan_year;
    let search: Vec<&Figure> = figures
        .iter()
        .filter(|f| !f.indicator.en.is_empty())
        .take(2)
        .collect();
    let manifest = Manifest {
        report: Report {
            title: Names {
                zh: format!("{place}{plan}年政府工作报告"),
                en: format!("{plan} Government Work Report"),
            },
            place: Names {
                zh: place.clone(),
                en: String::new(),
            },
            source: Names {
                zh: format!("{place}{plan}年政府工作报告"),
                en: format!("the {plan} Government Work Report"),
            },
            review_year: parts.review_year,
            plan_year: plan,
            review_ends_line: parts.review_ends_line,
            text: TEXT_FILE.into(),
            text_sha256: String::new(),
            file_stem: format!("report-{plan}"),
            search_example: Names {
                zh: search
                    .iter()
                    .map(|f| f.indicator.zh.as_str())
                    .collect::<Vec<_>>()
                    .join("、"),
                en: search
                    .iter()
                    .map(|f| f.indicator.en.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            },
        },
        taxonomy: Taxonomy {
            sectors: sectors::default_sectors(),
            counties,
            chapters,
            // What a review learns (ambiguous short names, sector exceptions) is written
            // by the reviewer; a draft starts with none.
            #[cfg(not(target_arch = "wasm32"))]
            checks: Default::default(),
        },
    };
    Ok(Draft {
        manifest,
        figures,
        exclusions,
        comparisons,
        mentions,
        notes,
        positions,
    })
}

pub(crate) fn note(id: &str, field: &str, why: &str) -> Note {
    Note {
        id: id.into(),
        field: field.into(),
        why: why.into(),
    }
}

impl Draft {
    /// The folder's JSON documents: (file name, contents). The text file and its sha256
    /// are the caller's (it holds the bytes).
    pub fn files(&self) -> Vec<(&'static str, String)> {
        fn lines<T: Serialize>(items: &[T]) -> String {
            let body: Vec<String> = items
                .iter()
                .map(|i| format!("  {}", serde_json::to_string(i).expect("plain data")))
                .collect();
            if body.is_empty() {
                "[]\n".into()
            } else {
                format!("[\n{}\n]\n", body.join(",\n"))
            }
        }
        vec![
            (
                "manifest.json",
                serde_json::to_string_pretty(&self.manifest).expect("plain data") + "\n",
            ),
            ("figures.json", lines(&self.figures)),
            ("exclusions.json", lines(&self.exclusions)),
            ("comparisons.json", lines(&self.comparisons)),
            ("mentions.json", lines(&self.mentions)),
            ("draft-notes.json", lines(&self.notes)),
        ]
    }
}
