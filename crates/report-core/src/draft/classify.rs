//! Whether a number is a measured figure or an exclusion, and why: years, dates,
//! ordinals (第3届, 一是, 一、), grades (4A级, 500千伏), names (5G, “1+N”, 稳就业18条,
//! numerals in quotation marks, 十大…), and numerals inside ordinary words (一体, 统一).

use super::numbers::Num;
use super::units::{is_grade_or_ordinal, is_han, Unit};

/// What a number is.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Figure,
    /// An exclusion: its reason and the span of the words that make it one.
    Exclusion(&'static str, usize, usize),
}

/// Measure words after which a Chinese numeral is a count (两宗, 三个, 五轮).
const CHINESE_COUNT_UNITS: &[&str] = &[
    "个", "项", "宗", "轮", "家", "所", "座", "条", "批", "户", "件", "名", "人", "处", "次", "台",
    "种", "类", "位", "支", "场", "年", "县", "村", "万", "亿",
];

fn prev_char(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

fn next_char(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

/// The span of the quotation (“…”) around `pos` within its sentence, if any.
fn quoted(text: &str, pos: usize) -> Option<(usize, usize)> {
    let open = text[..pos].rfind('“')?;
    if text[open..pos].contains(['”', '。', '\n']) {
        return None;
    }
    let close = pos + text[pos..].find('”')?;
    (!text[pos..close].contains(['“', '。', '\n'])).then_some((open, close + '”'.len_utf8()))
}

pub fn classify(text: &str, n: &Num, unit: &Unit) -> Kind {
    let (s, e) = (n.start, n.end);
    let u_end = e + unit.len;
    let after = &text[e..];
    let before = &text[..s];
    if n.value.is_none() {
        if let Some((qs, qe)) = quoted(text, s) {
            return Kind::Exclusion("name", qs, qe);
        }
        return Kind::Exclusion("word", s, e);
    }
    if before.ends_with('第') {
        let end = if unit.len > 0 { u_end } else { e };
        return Kind::Exclusion("ordinal", s - '第'.len_utf8(), end);
    }
    if !n.chinese {
        let v = n.value.unwrap_or(0.0);
        let next = next_char(text, e);
        if e - s == 4 && (1900.0..=2100.0).contains(&v) {
            if let Some(c @ ('年' | '—' | '-' | '–' | '至' | '到')) = next {
                let end = if c == '年' { e + c.len_utf8() } else { e };
                return Kind::Exclusion("year", s, end);
            }
        }
        // 1—11月, 3-5月: a range of months or days is a date.
        if let Some(r) = after.strip_prefix(['—', '-', '–', '～', '~']) {
            let d = r.find(|c: char| !c.is_ascii_digit()).unwrap_or(r.len());
            if d > 0 && (r[d..].starts_with('月') || r[d..].starts_with('日')) {
                return Kind::Exclusion(
                    "date",
                    s,
                    e + (after.len() - r.len()) + d + '月'.len_utf8(),
                );
            }
        }
        if after.starts_with('·') {
            let rest = &after['·'.len_utf8()..];
            let d = rest
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len());
            return Kind::Exclusion("date", s, e + '·'.len_utf8() + d);
        }
        if next.is_some_and(|c| c.is_ascii_alphabetic()) {
            let letters = after
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(after.len());
            let grade = after[letters..].starts_with('级');
            let end = e + letters + if grade { '级'.len_utf8() } else { 0 };
            return Kind::Exclusion(if grade { "grade" } else { "name" }, s, end);
        }
        if before.ends_with('+') || after.starts_with('+') {
            let (qs, qe) = quoted(text, s).unwrap_or((s, e));
            return Kind::Exclusion("name", qs, qe);
        }
        if let Some((qs, qe)) = quoted(text, s) {
            if unit.len == 0 {
                return Kind::Exclusion("name", qs, qe);
            }
        }
    } else {
        let t = n.text(text);
        if after.starts_with('是') || after.starts_with('、') && line_start(text, s) {
            // 一是必须, 二、产业升级: the number and the words after it.
            return Kind::Exclusion("ordinal", s, han_after(text, e, 3));
        }
        if prev_char(text, s) == Some('（') && after.starts_with('）') {
            // （一）农业农村
            let end = han_after(text, e + '）'.len_utf8(), 2);
            return Kind::Exclusion("ordinal", s - '（'.len_utf8(), end);
        }
        // Sessions (十二届三次全会), 三次产业, 八项规定: names and ordinals, not counts.
        if unit.unit == "次" {
            let rest = &text[u_end..];
            if before.ends_with('届')
                || rest.starts_with("全会")
                || rest.starts_with("会议")
                || rest.starts_with(|c: char| {
                    super::units::is_han(c) && crate::data::is_chinese_numeral(c)
                })
            {
                return Kind::Exclusion("ordinal", s, u_end);
            }
            if rest.starts_with("产业") {
                return Kind::Exclusion("word", s, u_end + "产业".len());
            }
        }
        if unit.unit == "项" {
            return Kind::Exclusion("name", s, u_end);
        }
        if after.starts_with("个方面") || before.ends_with("以下") {
            return Kind::Exclusion("outline", s, e);
        }
        // A numeral in a heading or a paragraph's lead is part of its slogan.
        if in_lead(text, s) {
            return Kind::Exclusion("name", s, han_after(text, u_end.max(e), 2));
        }
        if let Some((qs, qe)) = quoted(text, s) {
            return Kind::Exclusion("name", qs, qe);
        }
        if after.starts_with('大') {
            return Kind::Exclusion("name", s, e + '大'.len_utf8());
        }
        let count_unit = CHINESE_COUNT_UNITS.iter().any(|u| after.starts_with(u));
        let year_ok = !after.starts_with('年') || before.ends_with("连续");
        let is_one = t == "一" || t == "零";
        if !(count_unit && year_ok && !is_one && unit.len > 0) {
            // A numeral inside a word: the word (一体, 统一), not the numeral alone.
            return match next_char(text, e).filter(|c| is_han(*c)) {
                Some(c) => Kind::Exclusion("word", s, e + c.len_utf8()),
                None => match prev_char(text, s).filter(|c| is_han(*c)) {
                    Some(c) => Kind::Exclusion("word", s - c.len_utf8(), e),
                    None => Kind::Exclusion("word", s, e),
                },
            };
        }
    }
    if let Some(reason) = is_grade_or_ordinal(&unit.unit) {
        return Kind::Exclusion(reason, s, u_end);
    }
    // A count that restates the places just listed ("甲、乙两县") names them, it measures
    // nothing new.
    if ["县", "市", "区"].contains(&unit.unit.as_str()) {
        let tail: Vec<char> = before.chars().rev().take_while(|&c| c != '、').collect();
        let listed = before.chars().rev().nth(tail.len()) == Some('、');
        if listed && (1..=4).contains(&tail.len()) && tail.iter().all(|&c| is_han(c)) {
            let start = s - tail.iter().map(|c| c.len_utf8()).sum::<usize>();
            return Kind::Exclusion("name", start, u_end);
        }
    }
    // A bound that qualifies a noun is a class, not a measured value: "年收入10万元以上的村"
    // counts villages above a threshold; the number names the class (a grade).
    for bound in ["以上的", "以下的"] {
        if text[u_end..].starts_with(bound) {
            return Kind::Exclusion("grade", s, u_end + bound.len());
        }
    }
    if unit.len == 0 {
        return Kind::Exclusion("name", s, e);
    }
    // 年 counts only as a run of years (连续11年).
    if unit.unit == "年" && !before.ends_with("连续") {
        return Kind::Exclusion("word", s, u_end);
    }
    // Policy titles: 稳就业18条、…等政策.
    if unit.unit == "条" {
        let rest = &text[u_end..];
        let seg = &text[super::clauses::segment_start(text, s)..s];
        let policy = ["政策", "措施", "支持", "激励", "扶持", "帮扶", "稳", "培育"]
            .iter()
            .any(|w| seg.contains(w));
        let titled = prev_char(text, s).is_some_and(is_han)
            && (rest.starts_with("等政策")
                || rest.starts_with("政策")
                || policy && rest.starts_with(['、', '，', '等']));
        if titled {
            return Kind::Exclusion("name", s, u_end);
        }
    }
    Kind::Figure
}

/// Whether `pos` lies in a heading or in a paragraph's short lead sentence.
fn in_lead(text: &str, pos: usize) -> bool {
    let ls = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    let le = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
    let line = &text[ls..le];
    if super::parts::is_heading(line) {
        return true;
    }
    super::parts::lead_of(line)
        .is_some_and(|l| pos < ls + (line.len() - line.trim_start().len()) + l.len())
}

/// The end of up to `n` Chinese characters after `at`, after a 、 that follows it.
fn han_after(text: &str, at: usize, n: usize) -> usize {
    let mut end = at;
    if text[end..].starts_with('、') {
        end += '、'.len_utf8();
    }
    for c in text[end..].chars().take(n) {
        if !is_han(c) {
            break;
        }
        end += c.len_utf8();
    }
    end
}

fn line_start(text: &str, pos: usize) -> bool {
    matches!(prev_char(text, pos), None | Some('\n'))
}

/// The exclusion's text: the span, grown by a character at a time (after, then before)
/// until none of its occurrences covers a figure's number. `None` when no short text
/// does (a note for the review). `seen` remembers texts already checked.
pub fn exclusion_text(
    text: &str,
    (mut s, mut e): (usize, usize),
    figures: &[(usize, usize)],
    seen: &mut std::collections::HashMap<String, bool>,
) -> Option<(usize, usize)> {
    for step in 0..16 {
        let t = &text[s..e];
        let hides = *seen.entry(t.to_string()).or_insert_with(|| {
            text.match_indices(t).any(|(p, _)| {
                // Figures are in text order: only those that could overlap are read.
                let from = figures.partition_point(|&(_, fe)| fe <= p);
                figures[from..]
                    .iter()
                    .take_while(|&&(fs, _)| fs < p + t.len())
                    .any(|&(fs, fe)| fs < p + t.len() && p < fe)
            })
        });
        if !hides {
            return Some((s, e));
        }
        let grow_after = step % 2 == 0;
        match (grow_after, next_char(text, e), prev_char(text, s)) {
            (true, Some(c), _) if c != '\n' => e += c.len_utf8(),
            (_, _, Some(c)) if c != '\n' => s -= c.len_utf8(),
            (_, Some(c), _) if c != '\n' => e += c.len_utf8(),
            _ => return None,
        }
    }
    None
}
