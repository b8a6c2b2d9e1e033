//! The shape of a report: its lines, its headings, the review part and the plan part
//! with their years, and its chapters (one per paragraph, each with a sector).

use super::sectors;
use crate::data::Chapter;

/// Byte offset where each line starts.
pub fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// The 1-based line of a byte offset.
pub fn line_of(starts: &[usize], pos: usize) -> u32 {
    starts.partition_point(|&s| s <= pos) as u32
}

/// A heading: a short line with no sentence in it.
pub fn is_heading(line: &str) -> bool {
    let t = line.trim();
    let n = t.chars().count();
    (1..=40).contains(&n) && !t.contains(['。', '；']) && !t.ends_with('：')
}

/// The first year (1900–2100) written as "NNNN年" in a line.
pub fn year_in(line: &str) -> Option<u16> {
    let b = line.as_bytes();
    (0..b.len().saturating_sub(3)).find_map(|i| {
        let digits = &line.get(i..i + 4)?;
        let before = i.checked_sub(1).map(|j| b[j]);
        if digits.bytes().all(|c| c.is_ascii_digit())
            && !before.is_some_and(|c| c.is_ascii_digit())
            && line[i + 4..].starts_with('年')
        {
            let y: u16 = digits.parse().ok()?;
            (1900..=2100).contains(&y).then_some(y)
        } else {
            None
        }
    })
}

const REVIEW_WORDS: &[&str] = &["回顾", "总结", "过去一年", "过去的一年"];
const PLAN_WORDS: &[&str] = &[
    "安排",
    "任务",
    "打算",
    "部署",
    "重点工作",
    "主要工作",
    "工作计划",
    "目标",
    "总体要求",
];

/// The two parts of the report and their years.
#[derive(Clone, Debug, PartialEq)]
pub struct Parts {
    pub review_year: u16,
    pub plan_year: u16,
    /// The last line of the review part; the plan heading is the line after it.
    pub review_ends_line: u32,
    /// Byte offset of the plan heading.
    pub plan_start: usize,
    /// What a person should check (field, why).
    pub notes: Vec<(String, String)>,
}

/// Finds the review and plan headings. The plan part must open with a heading that
/// names the plan year (the dataset rules check it), so without one there is no draft.
pub fn find(text: &str) -> Result<Parts, String> {
    let starts = line_starts(text);
    let lines: Vec<&str> = text.split('\n').collect();
    let mut notes = Vec::new();
    let review = lines
        .iter()
        .position(|l| is_heading(l) && REVIEW_WORDS.iter().any(|w| l.contains(w)));
    let plan = lines
        .iter()
        .enumerate()
        .skip(review.map_or(0, |r| r + 1))
        .find(|(_, l)| {
            is_heading(l) && year_in(l).is_some() && PLAN_WORDS.iter().any(|w| l.contains(w))
        })
        .map(|(i, _)| i);
    let Some(plan) = plan else {
        return Err(match review {
            None => "no headings of a work report found: expected a review heading \
                     (such as \"NNNN年工作回顾\") and a plan heading with the plan year \
                     (such as \"NNNN年工作安排\"), each on a line of its own"
                .into(),
            Some(r) => format!(
                "no plan part: after the review heading on line {} no line is a heading \
                 with a year and a word of the plan (安排, 任务, 目标 …), such as \
                 \"NNNN年工作安排\"",
                r + 1
            ),
        });
    };
    if plan == 0 || lines[..plan].iter().all(|l| l.trim().is_empty()) {
        return Err(format!(
            "no review part: the plan heading is on line {}, with nothing before it",
            plan + 1
        ));
    }
    let plan_year = year_in(lines[plan]).expect("found with a year");
    let review_year = match review.and_then(|r| year_in(lines[r])) {
        Some(y) => y,
        None => {
            notes.push((
                "review_year".into(),
                format!(
                    "no review heading with a year: taken as the plan year {plan_year} minus one"
                ),
            ));
            plan_year - 1
        }
    };
    if review.is_none() {
        notes.push((
            "review_ends_line".into(),
            "no review heading (回顾/总结): everything before the plan heading is taken as the review".into(),
        ));
    }
    if review_year >= plan_year {
        return Err(format!(
            "the review heading's year {review_year} is not before the plan heading's year \
             {plan_year} (line {})",
            plan + 1
        ));
    }
    if review_year + 1 != plan_year {
        notes.push((
            "review_year".into(),
            format!(
                "the review year {review_year} is not the year before the plan year {plan_year}"
            ),
        ));
    }
    Ok(Parts {
        review_year,
        plan_year,
        review_ends_line: plan as u32,
        plan_start: starts[plan],
        notes,
    })
}

/// One chapter per paragraph (headings and blank lines go with the paragraph after
/// them), each with the sector its lead sentence, else its heading, names; and for each
/// whether it is mixed (neither lead nor heading names a sector: an overview, whose
/// figures take the sector their own clause names).
pub fn chapters(text: &str, parts: &Parts) -> (Vec<Chapter>, Vec<bool>) {
    let mut mixed = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<Chapter> = Vec::new();
    let mut heading = String::new();
    let mut heading_sector: Option<&str> = None;
    let mut first_line = 1u32;
    let mut sector = "economy";
    for (i, line) in lines.iter().enumerate() {
        let n = i as u32 + 1;
        if n == parts.review_ends_line + 1 {
            // The plan part opens a chapter of its own.
            match out.last_mut() {
                Some(last) => last.lines[1] = n - 1,
                None => {
                    mixed.push(false);
                    out.push(Chapter {
                        year: parts.review_year,
                        lines: [1, n - 1],
                        from: None,
                        heading: heading.clone(),
                        sector: sector.to_string(),
                    })
                }
            }
            first_line = n;
        }
        if line.trim().is_empty() {
            continue;
        }
        if is_heading(line) {
            heading = line.trim().to_string();
            heading_sector = sectors::classify(line);
            continue;
        }
        let lead = lead_of(line);
        // A lead's strong word wins over the heading; a weak one only without a heading.
        sector = match (lead.and_then(sectors::classify_strength), heading_sector) {
            (Some((s, true)), _) => s,
            (_, Some(h)) => h,
            (Some((s, false)), None) => s,
            (None, None) => sector,
        };
        mixed.push(heading_sector.is_none() && lead.and_then(sectors::classify).is_none());
        let year = if n <= parts.review_ends_line {
            parts.review_year
        } else {
            parts.plan_year
        };
        if let Some(last) = out.last_mut() {
            if last.lines[1] >= first_line {
                last.lines[1] = first_line - 1;
            }
        }
        let title = match lead {
            Some(l) if !heading.is_empty() => format!("{heading} · {l}"),
            Some(l) => l.to_string(),
            None if heading.is_empty() => short(line),
            None => heading.clone(),
        };
        out.push(Chapter {
            year,
            lines: [first_line, n],
            from: None,
            heading: title,
            sector: sector.to_string(),
        });
        first_line = n + 1;
    }
    if let Some(last) = out.last_mut() {
        last.lines[1] = lines.len() as u32;
    }
    (out, mixed)
}

/// Splits each mixed chapter where its figures change sector: a one-line entry `from`
/// the words that open the figure's clause (the shortest that occur once in the line).
/// `figures` are (byte offset of the number, sector), in text order.
pub fn split_mixed(
    text: &str,
    chapters: Vec<Chapter>,
    mixed: &[bool],
    figures: &[(usize, String)],
) -> Vec<Chapter> {
    let starts = line_starts(text);
    let mut out = Vec::new();
    for (c, &is_mixed) in chapters.into_iter().zip(mixed) {
        // A chapter holds one paragraph: its figures stand on one line.
        let in_line: Vec<&(usize, String)> = figures
            .iter()
            .filter(|(p, _)| (c.lines[0]..=c.lines[1]).contains(&line_of(&starts, *p)))
            .collect();
        if !is_mixed || in_line.is_empty() {
            out.push(c);
            continue;
        }
        let line_no = line_of(&starts, in_line[0].0);
        let ls = starts[line_no as usize - 1];
        let line = text[ls..].split('\n').next().unwrap_or("");
        let mut base = c.clone();
        base.sector = in_line[0].1.clone();
        let mut current = base.sector.clone();
        let mut last_from = 0;
        out.push(base);
        for (pos, sector) in in_line.iter().skip(1) {
            if *sector == current {
                continue;
            }
            let cs = super::clauses::clause(text, *pos).0.max(ls) - ls;
            if cs <= last_from {
                continue;
            }
            let words = line[cs..]
                .char_indices()
                .map(|(i, ch)| &line[cs..cs + i + ch.len_utf8()])
                .skip(3)
                .take(24)
                .find(|w| line.matches(w).count() == 1);
            let Some(words) = words else { continue };
            last_from = cs;
            current = sector.clone();
            out.push(Chapter {
                year: c.year,
                lines: [line_no, line_no],
                from: Some(words.to_string()),
                heading: format!("{} · {words}", c.heading),
                sector: sector.clone(),
            });
        }
    }
    out
}

/// A paragraph's lead: a short first sentence ("系统保护成色十足。") with more after it.
pub fn lead_of(line: &str) -> Option<&str> {
    let t = line.trim();
    let end = t.find(['。', '：'])?;
    let lead = &t[..end];
    let more = t[end..].chars().nth(1).is_some();
    (more && lead.chars().count() <= 16 && !lead.contains('，')).then_some(lead)
}

fn short(line: &str) -> String {
    line.trim().chars().take(16).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str =
        "2041年工作回顾\n\n一、农业\n\n粮食增产。产量10万吨。\n\n2042年工作安排\n\n新建水库2座。\n";

    #[test]
    fn finds_both_parts_and_their_years() {
        let p = find(T).unwrap();
        assert_eq!(
            (p.review_year, p.plan_year, p.review_ends_line),
            (2041, 2042, 6)
        );
        assert!(T[p.plan_start..].starts_with("2042年工作安排"));
        assert_eq!(year_in("二、2042年主要任务"), Some(2042));
        assert_eq!(year_in("12345年"), None);
    }

    #[test]
    fn chapters_cover_the_lines_and_stay_in_one_part() {
        let p = find(T).unwrap();
        let (c, mixed) = chapters(T, &p);
        assert_eq!(mixed, [false, true]);
        assert_eq!(c.len(), 2);
        assert_eq!((c[0].lines, c[0].year), ([1, 6], 2041));
        assert_eq!((c[1].lines, c[1].year), ([7, 9], 2042));
        assert_eq!(c[0].sector, "agriculture");
    }

    #[test]
    fn an_overview_paragraph_is_split_where_its_figures_change_sector() {
        let t = "2041年工作回顾\n\n地区生产总值增长5%，粮食产量10万吨，游客增长8%。\n\n2042年工作安排\n\n新建水库2座。\n";
        let p = find(t).unwrap();
        let (c, mixed) = chapters(t, &p);
        assert!(mixed[0]);
        let at = |w: &str| (t.find(w).unwrap(), String::new());
        let figs = [
            (at("5%").0, "economy".to_string()),
            (at("10万吨").0, "agriculture".to_string()),
            (at("8%").0, "tourism".to_string()),
        ];
        let c = split_mixed(t, c, &mixed, &figs);
        let got: Vec<(&str, Option<&str>)> = c
            .iter()
            .map(|c| (c.sector.as_str(), c.from.as_deref()))
            .collect();
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(
            got[..3],
            [
                ("economy", None),
                ("agriculture", Some("粮食产量")),
                ("tourism", Some("游客增长"))
            ]
        );
        assert_eq!(c[1].lines, [3, 3]);
    }

    #[test]
    fn refuses_texts_without_the_two_parts() {
        assert!(find("").unwrap_err().contains("no headings"));
        assert!(find("一段没有标题的文字。\n")
            .unwrap_err()
            .contains("no headings"));
        assert!(find("2041年工作回顾\n\n粮食增产。\n")
            .unwrap_err()
            .contains("no plan part"));
        assert!(find("2042年工作安排\n\n新建水库2座。\n")
            .unwrap_err()
            .contains("no review part"));
        assert!(find("2043年工作回顾\n文字。\n2042年工作安排\n")
            .unwrap_err()
            .contains("not before"));
        let p = find("过去一年工作回顾\n文字。\n2042年工作安排\n文字。\n").unwrap();
        assert_eq!(p.review_year, 2041);
        assert!(!p.notes.is_empty());
    }
}
