//! Sign words: a number that follows a sign word of decrease is stored negative
//! (`docs/data.md`, "Sign words").

use super::scan::number_offsets;
use super::{Failure, Folder, FIGURES};
use crate::data::{arabic_number_tokens, chinese_numeral_tokens, Metric};
use std::collections::HashSet;

/// Verbs that state a decrease. A number right after one (a 了 may come between) is the
/// size of the fall: its value is negative ("起付线降低50%" → -50). Followed by 到/至
/// ("下降到5%", "降至5%") they introduce the new level instead, which stays positive.
const SIGN_WORDS: [&str; 6] = ["降低", "下降", "减少", "压减", "缩减", "回落"];
const TO_LEVEL_WORDS: [&str; 5] = ["到", "至", "降至", "降到", "减至"];
/// Names of measures that are themselves amounts of reduction, so the number after them
/// is a positive amount: "减税降费9.97亿元" is 9.97亿元 of tax and fee cuts.
const REDUCTION_MEASURES: [&str; 1] = ["减税降费"];

/// How the words before a number set its sign: Some(true) for a decrease (sign word),
/// Some(false) for a level reached after a fall (下降到, 降至), None for neither.
pub fn sign_before(before: &str) -> Option<bool> {
    let before = before.strip_suffix('了').unwrap_or(before);
    if TO_LEVEL_WORDS.iter().any(|w| {
        before
            .strip_suffix(w)
            .is_some_and(|b| *w != "到" && *w != "至" || SIGN_WORDS.iter().any(|s| b.ends_with(s)))
    }) {
        return Some(false);
    }
    SIGN_WORDS
        .iter()
        .any(|w| before.ends_with(w))
        .then_some(true)
}

pub fn sign_words(r: &Folder, out: &mut Vec<Failure>) {
    const RULE: &str = "sign-words";
    for f in &r.data.figures {
        let fail = |message| r.fail(FIGURES, Some(&f.id), RULE, message);
        let Some(&p) = number_offsets(f).first() else {
            out.push(fail("its number is not found in the quote".into()));
            continue;
        };
        match sign_before(&f.quote[..p]) {
            Some(true) if f.value >= 0.0 => out.push(fail(format!(
                "a sign word stands before {} but the value is {}: {}",
                f.value_text, f.value, f.quote
            ))),
            Some(false)
                if f.value < 0.0 || matches!(f.metric, Metric::GrowthPct | Metric::ChangePp) =>
            {
                out.push(fail(format!(
                    "下降到/降至 X is a level reached, positive and not a change: {}",
                    f.quote
                )))
            }
            None if f.value < 0.0 => out.push(fail(format!(
                "negative but no sign word before {}: {}",
                f.value_text, f.quote
            ))),
            _ => {}
        }
    }
    // And in the whole report: every number right after a sign word is such a figure,
    // and every 降/减 right before a number is a sign word or a named reduction measure.
    let text = r.text();
    let negative: HashSet<usize> = r
        .data
        .figures
        .iter()
        .filter(|f| f.value < 0.0)
        .flat_map(|f| r.number_positions(f))
        .collect();
    let mut tokens = arabic_number_tokens(text);
    tokens.extend(chinese_numeral_tokens(text));
    for (p, tok) in tokens {
        let before = &text[..p];
        let where_ = || format!("line {}: {}", r.line_of(p), r.context(p, tok.len()));
        if sign_before(before) == Some(true) && !negative.contains(&p) {
            out.push(r.fail_in_text(
                RULE,
                format!("{}: a decrease with no negative figure", where_()),
            ));
        }
        let prev = before
            .strip_suffix('了')
            .unwrap_or(before)
            .chars()
            .next_back();
        if matches!(prev, Some('降' | '减'))
            && sign_before(before).is_none()
            && !REDUCTION_MEASURES.iter().any(|m| before.ends_with(m))
        {
            out.push(r.fail_in_text(
                RULE,
                format!("{}: 降/减 before a number, not a known sign word", where_()),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sign_before;

    #[test]
    fn the_sign_rule_reads_decreases_and_levels() {
        assert_eq!(sign_before("起付线降低"), Some(true));
        assert_eq!(sign_before("能耗下降了"), Some(true));
        assert_eq!(sign_before("失业率下降到"), Some(false));
        assert_eq!(sign_before("失业率降至"), Some(false));
        assert_eq!(sign_before("报销比例提高"), None);
        assert_eq!(sign_before("完成投资"), None);
        assert_eq!(sign_before("增长到"), None);
    }
}
