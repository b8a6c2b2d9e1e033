//! From numbers to figure records: which numbers are figures (`classify`), their unit,
//! qualifier, estimate, sign, metric and subject, read from the words around them.

use super::classify::{classify, Kind};
use super::clauses::{clause, lists, respectively, segment_start, sentence};
use super::indicators::{split_subjects, subject};
use super::numbers::{numbers, Num};
use super::qualifiers;
use super::units::{metric_of_unit, unit_after, Unit};
use crate::data::{Metric, Qualifier};

/// Words of decrease: a number after one is stored negative.
const SIGN_WORDS: &[&str] = &["降低", "下降", "减少", "压减", "缩减", "回落"];
/// A decrease *to* a level: the number is the level reached, positive.
const TO_LEVEL: &[&str] = &[
    "降至",
    "降到",
    "减至",
    "下降到",
    "降低到",
    "减少到",
    "下降至",
    "降低至",
];
/// Verbs after which a percentage is a growth rate.
const GROWTH_WORDS: &[&str] = &[
    "增长", "增速", "增幅", "同比", "下降", "降低", "减少", "回落", "增加", "压减", "缩减",
];

/// A figure as drafted, before its id, names, sector and counties.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub num: Num,
    pub value_text: String,
    pub value: f64,
    pub unit: String,
    /// End of the number and its unit (and an inner 余/多).
    pub unit_end: usize,
    /// End of the words this figure's quote must hold (a shared qualifier).
    pub hold_end: usize,
    pub qualifier: Qualifier,
    pub qualifier_text: String,
    pub estimate: bool,
    pub metric: Metric,
    /// The Chinese name of what is measured (before 增速 is added for a growth).
    pub measure: String,
    /// Where the words of the subject start (for the quote).
    pub subject_start: usize,
    /// Set when the subject was not found in the words before the number.
    pub unsure_subject: Option<&'static str>,
}

/// Numbers that are not figures: (reason, span).
pub type Exclusions = Vec<(&'static str, usize, usize)>;

/// Every number of the text read as a figure candidate or an exclusion.
pub fn read(text: &str) -> (Vec<Candidate>, Exclusions) {
    let mut found: Vec<(Num, Unit)> = Vec::new();
    let mut excluded = Vec::new();
    let mut covered = 0;
    for n in numbers(text) {
        if n.start < covered {
            continue;
        }
        let unit = unit_after(&text[n.end..]);
        match classify(text, &n, &unit) {
            Kind::Figure => {
                covered = n.end + unit.len;
                found.push((n, unit));
            }
            Kind::Exclusion(reason, s, e) => {
                covered = covered.max(e);
                excluded.push((reason, s, e));
            }
        }
    }
    let items: Vec<(usize, usize)> = found
        .iter()
        .map(|(n, u)| (n.start, n.end + u.len))
        .collect();
    let groups = lists(text, &items);
    let mut out: Vec<Candidate> = Vec::new();
    for (i, (n, unit)) in found.iter().enumerate() {
        let (a, b) = groups[i];
        let head = &found[a].0;
        let last_end = items[b - 1].1;
        let own_before = qualifiers::before(&text[..n.start]);
        let own_after = qualifiers::after(&text[items[i].1..]);
        let shared_after = if b - a > 1 {
            qualifiers::after(&text[last_end..])
        } else {
            None
        };
        let q = qualifiers::combine(own_before, own_after)
            .or(unit.inner.map(qualifiers::inner))
            .or(if own_before.is_none() {
                shared_after
            } else {
                None
            });
        let hold_end = match q {
            Some((w, _)) if text[last_end..].starts_with(w) && shared_after.is_some() => {
                last_end + w.len()
            }
            Some((w, _)) if text[items[i].1..].starts_with(w) => items[i].1 + w.len(),
            _ => items[i].1,
        };
        // The words before the list's first number, without its qualifier word.
        let cs = clause(text, head.start).0;
        let mut lead = &text[cs..head.start];
        if let Some((w, _)) = qualifiers::before(lead) {
            lead = &lead[..lead.len() - w.len()];
        }
        let lead_verb = lead.trim_end_matches('了');
        let negative = SIGN_WORDS
            .iter()
            .any(|w| lead_verb.ends_with(w) || lead_verb.ends_with(&format!("{w}了")));
        let to_level = TO_LEVEL.iter().any(|w| lead.ends_with(w));
        let value = n.value.unwrap_or(0.0);
        let mut metric = metric_of_unit(&unit.unit);
        if metric == Metric::RatePct && !to_level {
            let verb_tail: String = lead
                .chars()
                .rev()
                .take(4)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            if GROWTH_WORDS.iter().any(|w| verb_tail.contains(w)) {
                metric = Metric::GrowthPct;
            } else if lead.contains('占') || lead.contains("比重") {
                metric = Metric::SharePct;
            }
        }
        let (ss, se) = sentence(text, n.start);
        let estimate = text[ss..n.start].contains("预计");
        let _ = se;
        out.push(Candidate {
            num: n.clone(),
            value_text: n.text(text).to_string(),
            value: if negative && !to_level { -value } else { value },
            unit: unit.unit.clone(),
            unit_end: items[i].1,
            hold_end,
            qualifier: q.map_or(Qualifier::Exact, |x| x.1),
            qualifier_text: q.map_or(String::new(), |x| x.0.to_string()),
            estimate,
            metric,
            measure: String::new(),
            subject_start: cs,
            unsure_subject: None,
        });
    }
    name_subjects(text, &mut out, &groups);
    // Visitors (人次 of tourists) are an amount, as in the metric table.
    for c in &mut out {
        if c.unit.ends_with("人次")
            && ["游客", "接待", "旅游"]
                .iter()
                .any(|w| c.measure.contains(w))
        {
            c.metric = Metric::Level;
        }
    }
    (out, excluded)
}

/// Gives each candidate the name of what it measures; a 均 list with one number and
/// several subjects becomes one candidate per subject.
fn name_subjects(text: &str, out: &mut Vec<Candidate>, groups: &[(usize, usize)]) {
    let mut extra: Vec<(usize, Candidate)> = Vec::new();
    let mut i = 0;
    while i < out.len() {
        let (a, b) = groups[i];
        let k = b - a;
        let head_start = out[a].num.start;
        let cs = out[a].subject_start;
        let lead = &text[cs..head_start];
        let lead_clean = match qualifiers::before(lead) {
            Some((w, _)) => &lead[..lead.len() - w.len()],
            None => lead,
        };
        if let Some(word) = respectively(lead_clean) {
            let at = lead_clean.rfind(word).unwrap_or(0);
            let subj = subject(&lead_clean[..at]);
            let n_subjects = subj.split('、').filter(|s| !s.is_empty()).count();
            let parts = split_subjects(&subj, k.max(n_subjects));
            match parts {
                Some(names) if names.len() == k => {
                    for (j, name) in names.into_iter().enumerate() {
                        out[a + j].measure = name;
                    }
                }
                Some(names) if k == 1 && word != "分别" => {
                    let mut first = true;
                    for name in names {
                        if first {
                            out[a].measure = name;
                            first = false;
                        } else {
                            let mut c = out[a].clone();
                            c.measure = name;
                            extra.push((a, c));
                        }
                    }
                }
                _ if subj.is_empty() => inherit(text, out, a, b),
                _ => {
                    for c in &mut out[a..b] {
                        c.measure = subj.clone();
                        c.unsure_subject = Some("a 分别 list whose subjects were not split");
                    }
                }
            }
            i = b;
            continue;
        }
        for j in a..b {
            let seg_start = segment_start(text, out[j].num.start);
            let seg = &text[seg_start..out[j].num.start];
            let mut name = subject(seg);
            if name.is_empty() && j > a {
                name = out[a].measure.clone();
            }
            // 建成三个产业园: a verb before the number, its object after the unit.
            if is_bare_verb(&name) {
                let c = &out[j];
                let (_, ce) = clause(text, c.hold_end);
                let object = &text[c.hold_end..ce.max(c.hold_end)];
                let object = object.split('、').next().unwrap_or("");
                if !object.is_empty() && object.chars().all(super::units::is_han) {
                    name = format!("{name}{}", object.chars().take(12).collect::<String>());
                }
            }
            out[j].measure = name;
        }
        if out[a].measure.is_empty() {
            inherit(text, out, a, b);
        }
        i = b;
    }
    for (at, c) in extra.into_iter().rev() {
        out.insert(at + 1, c);
    }
}

/// Verbs that name no measure by themselves (建成三个产业园 names it after the number).
fn is_bare_verb(name: &str) -> bool {
    const VERBS: &[&str] = &[
        "建成",
        "新建",
        "新增",
        "完成",
        "实施",
        "打造",
        "创建",
        "培育",
        "引进",
        "打赢",
        "建设",
        "开展",
        "举办",
        "组建",
        "设立",
        "签约",
        "落地",
        "启动",
        "获批",
        "新开工",
        "开工",
    ];
    VERBS.contains(&name)
}

/// A subject not written before the number: a growth takes the measures of the figures
/// before it in the sentence ("地区生产总值495亿元，增长6.5%"); otherwise the words
/// after the number name it ("5项成果获奖").
fn inherit(text: &str, out: &mut [Candidate], a: usize, b: usize) {
    let k = b - a;
    let (ss, _) = sentence(text, out[a].num.start);
    let prev: Vec<usize> = (0..a)
        .rev()
        .take_while(|&j| out[j].num.start >= ss)
        .filter(|&j| out[j].metric != Metric::GrowthPct && !out[j].measure.is_empty())
        .take(k)
        .collect();
    if out[a].metric == Metric::GrowthPct && !prev.is_empty() {
        let mut prev = prev;
        prev.reverse();
        for (n, j) in (a..b).enumerate() {
            let from = prev[n.min(prev.len() - 1)];
            out[j].measure = out[from].measure.clone();
            out[j].subject_start = out[from].subject_start.min(out[j].subject_start);
            if prev.len() != k {
                out[j].unsure_subject = Some("the subject was taken from a figure before it");
            }
        }
        return;
    }
    // The figure before it in the sentence, of any metric (城镇化率提高1.1个百分点，达到58.3%).
    let before: Option<String> = (0..a)
        .rev()
        .take_while(|&j| out[j].num.start >= ss)
        .map(|j| out[j].measure.clone())
        .find(|m| !m.is_empty());
    for c in &mut out[a..b] {
        let (_, ce) = clause(text, c.unit_end);
        let after = subject(&text[c.hold_end..ce.max(c.hold_end)]);
        let name: String = after.chars().take(12).collect();
        let (name, why) = match (name.is_empty(), &before) {
            (false, _) => (name, "the name was read from the words after the number"),
            (true, Some(m)) => (m.clone(), "the subject was taken from a figure before it"),
            (true, None) => (name, "no words name what this number measures"),
        };
        c.unsure_subject = Some(why);
        c.measure = name;
    }
}
