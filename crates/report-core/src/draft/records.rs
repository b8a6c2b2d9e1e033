//! The records of a draft: figures with ids, names, years, sectors, counties and quotes;
//! exclusions; mentions; and the place the report is about.

use super::clauses::{clause, sentence, sentences};
use super::figures::{Candidate, Exclusions};
use super::indicators::{growth_name, lookup};
use super::parts::{line_of, Parts};
use super::places::named_in;
use super::{classify, note, Note};
use crate::data::{Chapter, County, Exclusion, Figure, Mention, Metric, Names};
use std::collections::HashMap;

pub struct Context<'a> {
    pub text: &'a str,
    pub parts: &'a Parts,
    pub chapters: &'a [Chapter],
    pub mixed: &'a [bool],
    pub counties: &'a [County],
    pub starts: Vec<usize>,
}

impl Context<'_> {
    fn year_at(&self, pos: usize) -> u16 {
        if pos < self.parts.plan_start {
            self.parts.review_year
        } else {
            self.parts.plan_year
        }
    }

    /// The sector of the chapter at `pos`; in a mixed chapter, the one the measure's
    /// name, else its clause, names.
    fn sector_of(&self, pos: usize, measure: &str) -> String {
        let line = line_of(&self.starts, pos);
        let i = self
            .chapters
            .iter()
            .position(|c| c.lines[0] <= line && line <= c.lines[1]);
        if let Some(s) = i
            .filter(|&i| self.mixed[i])
            .and_then(|_| super::sectors::classify(measure))
        {
            return s.to_string();
        }
        self.sector_at(pos)
    }

    /// The sector of the chapter at `pos`; in a mixed chapter, the one the clause names.
    fn sector_at(&self, pos: usize) -> String {
        let line = line_of(&self.starts, pos);
        let Some(i) = self
            .chapters
            .iter()
            .position(|c| c.lines[0] <= line && line <= c.lines[1])
        else {
            return "economy".into();
        };
        if self.mixed[i] {
            let (cs, ce) = clause(self.text, pos);
            if let Some(s) = super::sectors::classify(&self.text[cs..ce]) {
                return s.to_string();
            }
        }
        self.chapters[i].sector.clone()
    }

    /// The shortest quote from `start` that holds [start, end) and first occurs there:
    /// grown to the clause, then the sentence, when the words occur earlier.
    fn quote(&self, start: usize, end: usize) -> (String, bool) {
        let t = self.text;
        let (ss, se) = sentence(t, start);
        let (_, ce) = clause(t, end.saturating_sub(1).max(start));
        for (a, b) in [
            (start, end),
            (start, ce.max(end)),
            (ss.min(start), se.max(end)),
        ] {
            let q = &t[a..b];
            if t.find(q) == Some(a) {
                return (q.to_string(), true);
            }
        }
        (t[ss.min(start)..se.max(end)].to_string(), false)
    }
}

pub fn figures(
    ctx: &Context,
    candidates: Vec<Candidate>,
    notes: &mut Vec<Note>,
) -> (Vec<Figure>, Vec<usize>) {
    let mut figures = Vec::new();
    let mut positions = Vec::new();
    for c in candidates {
        let pos = c.num.start;
        let year = ctx.year_at(pos);
        let growth = c.metric == Metric::GrowthPct;
        let zh = if growth && !c.measure.is_empty() {
            growth_name(&c.measure)
        } else {
            c.measure.clone()
        };
        // A share (第三产业占地区生产总值比重) is named by what it is a share of.
        let named = match c.metric {
            Metric::SharePct => c.measure.split('占').next().unwrap_or(""),
            _ => c.measure.as_str(),
        };
        let en = lookup(named).map(|(_, en)| match c.metric {
            Metric::GrowthPct => format!("{en} growth"),
            Metric::ChangePp => format!("{en}, change"),
            Metric::SharePct => format!("{en}, share"),
            _ => en.to_string(),
        });
        // A provisional id; `pairs::propose` gives the final ones.
        let id = format!("f{}", figures.len());
        let (mut qs, qe) = (c.subject_start.min(pos), c.hold_end);
        if qs == pos {
            qs = clause(ctx.text, pos).0;
        }
        let (quote, unique) = ctx.quote(qs, qe);
        if !unique {
            notes.push(note(
                &id,
                "quote",
                "these words occur earlier in the report: make the quote longer",
            ));
        }
        if let Some(why) = c.unsure_subject {
            notes.push(note(&id, "indicator", why));
        }
        if zh.is_empty() {
            notes.push(note(&id, "indicator.zh", "no name found"));
        }
        if en.is_none() {
            notes.push(note(
                &id,
                "indicator.en",
                &format!("no glossary entry for {}", c.measure),
            ));
        }
        let (cs, ce) = clause(ctx.text, pos);
        let counties = named_in(&ctx.text[cs..ce], ctx.counties);
        if !counties.is_empty() {
            notes.push(note(
                &id,
                "counties",
                "a county is named in the clause: check the figure is about it",
            ));
        }
        figures.push(Figure {
            id,
            year,
            sector: ctx.sector_of(pos, &c.measure),
            indicator: Names {
                zh,
                en: en.unwrap_or_default(),
            },
            metric: c.metric,
            value: c.value,
            value_text: c.value_text,
            unit: c.unit,
            qualifier: c.qualifier,
            qualifier_text: c.qualifier_text,
            estimate: c.estimate,
            counties,
            quote,
        });
        positions.push(pos);
    }
    (figures, positions)
}

pub fn exclusions(
    ctx: &Context,
    excluded: &Exclusions,
    figures: &[Figure],
    positions: &[usize],
    notes: &mut Vec<Note>,
) -> Vec<Exclusion> {
    let mut spans: Vec<(usize, usize)> = figures
        .iter()
        .zip(positions)
        .map(|(f, &p)| (p, p + f.value_text.len()))
        .collect();
    spans.sort();
    spans.dedup();
    let mut seen = HashMap::new();
    let mut out: Vec<Exclusion> = Vec::new();
    for &(reason, s, e) in excluded {
        match classify::exclusion_text(ctx.text, (s, e), &spans, &mut seen) {
            Some((a, b)) => {
                let text = &ctx.text[a..b];
                if !out.iter().any(|x| x.text == text) {
                    out.push(Exclusion {
                        text: text.to_string(),
                        reason: reason.to_string(),
                    });
                    if reason == "name" && !text.contains(['“', '+']) {
                        notes.push(note(text, "exclusion", "a number with no unit, read as a name: or a figure whose unit is missing?"));
                    }
                }
            }
            None => notes.push(note(
                &ctx.text[s..e],
                "exclusion",
                &format!(
                    "line {}: not a figure, but no short text excludes it without hiding a figure",
                    line_of(&ctx.starts, s)
                ),
            )),
        }
    }
    out
}

/// One mention per sentence (text between 。；) that names a county.
pub fn mentions(ctx: &Context, notes: &mut Vec<Note>) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut counts: HashMap<(String, u16), usize> = HashMap::new();
    for (s, e) in sentences(ctx.text) {
        let quote = ctx.text[s..e].trim();
        let counties = named_in(quote, ctx.counties);
        let Some(first) = counties.first() else {
            continue;
        };
        let start = s + ctx.text[s..e].find(quote).unwrap_or(0);
        let year = ctx.year_at(start);
        let n = counts.entry((first.clone(), year)).or_insert(0);
        *n += 1;
        let id = format!("m-{first}-{year}-{n}");
        if ctx.text.find(quote) != Some(start) {
            notes.push(note(
                &id,
                "quote",
                "these words occur earlier in the report",
            ));
        }
        notes.push(note(&id, "gist", "write the gist (zh and en); check each county is meant (not a park or scenic area of the same name)"));
        out.push(Mention {
            id,
            year,
            sector: ctx.sector_at(start),
            counties,
            quote: quote.to_string(),
            gist: Names {
                zh: quote.chars().take(30).collect(),
                en: String::new(),
            },
        });
    }
    out
}

/// The place the report is about: the most frequent name (two to four characters, after
/// punctuation) ending in the suffix the report uses for itself (全州 → …州, 全市 → …市,
/// 全盟 → …盟), first mention first on a tie; a county (全县, 全区) must be named twice.
/// Empty when the text does not name it.
pub fn place(text: &str) -> String {
    let suffix = ['州', '市', '盟', '县', '区']
        .into_iter()
        .max_by_key(|s| text.matches(&format!("全{s}")).count())
        .filter(|s| text.contains(&format!("全{s}")));
    let Some(suffix) = suffix else {
        return String::new();
    };
    let mut count: Vec<(String, usize, usize)> = Vec::new();
    for (p, c) in text.char_indices() {
        if c != suffix {
            continue;
        }
        let starts: Vec<usize> = text[..p]
            .char_indices()
            .rev()
            .take(4)
            .map(|(i, _)| i)
            .collect();
        for &s in starts.iter().skip(1) {
            let stem = &text[s..p];
            let boundary = text[..s]
                .chars()
                .next_back()
                .is_none_or(|b| !super::units::is_han(b) || "，。、；：“（的是".contains(b));
            if boundary
                && stem.chars().all(super::units::is_han)
                && !stem.contains([
                    '全', '本', '我', '各', '城', '省', '州', '市', '县', '区', '一',
                ])
            {
                let name = &text[s..p + c.len_utf8()];
                match count.iter_mut().find(|(n, _, _)| n == name) {
                    Some(x) => x.1 += 1,
                    None => count.push((name.to_string(), 1, p)),
                }
            }
        }
    }
    let min = if matches!(suffix, '县' | '区') {
        2
    } else {
        1
    };
    count
        .into_iter()
        .filter(|(_, n, _)| *n >= min)
        .max_by_key(|(_, n, first)| (*n, std::cmp::Reverse(*first)))
        .map(|(name, _, _)| name)
        .unwrap_or_default()
}
