//! Qualifiers are data: the word of the quote that sets one, standing next to the
//! figure's own number (`docs/data.md`, "Qualifier adjacency").

use super::scan::{number_offsets, unit_written_len, INNER_QUALIFIERS};
use super::{occurrences, Failure, Folder, FIGURES};
use crate::data::Qualifier;

fn qualifier_words(q: Qualifier) -> &'static [&'static str] {
    match q {
        Qualifier::Exact => &[],
        Qualifier::About => &["左右", "约", "近"],
        Qualifier::AtLeast => &["以上", "超过", "突破", "余", "多", "逾", "不低于"],
        Qualifier::AtMost => &["以内", "以下", "控制在", "不超过", "低于"],
    }
}

/// Words that, right after a number and its unit, make it approximate or a bound.
const TRAILING_QUALIFIERS: [&str; 6] = ["以上", "以内", "以下", "左右", "余", "多"];
/// Words that, right before a number, make it approximate or a bound.
const LEADING_QUALIFIERS: [&str; 9] = [
    "约",
    "近",
    "超过",
    "突破",
    "逾",
    "控制在",
    "不超过",
    "低于",
    "不低于",
];

/// The qualifier agrees with the words of the quote: an exact figure has no qualifier
/// word right before or after its number and unit; any other has one of its own words.
pub fn words(r: &Folder, out: &mut Vec<Failure>) {
    for f in &r.data.figures {
        let fail = |message| r.fail(FIGURES, Some(&f.id), "qualifier-words", message);
        let words = qualifier_words(f.qualifier);
        if f.qualifier == Qualifier::Exact {
            if !f.qualifier_text.is_empty() {
                out.push(fail(format!(
                    "exact but qualifier_text {:?}",
                    f.qualifier_text
                )));
            }
            let written = format!("{}{}", f.value_text, f.unit);
            for p in occurrences(&f.quote, &written) {
                let after = &f.quote[p + written.len()..];
                let before = &f.quote[..p];
                if let Some(w) = TRAILING_QUALIFIERS.iter().find(|w| after.starts_with(**w)) {
                    out.push(fail(format!(
                        "exact but {written} is followed by {w}: {}",
                        f.quote
                    )));
                }
                if let Some(w) = LEADING_QUALIFIERS.iter().find(|w| before.ends_with(**w)) {
                    out.push(fail(format!(
                        "exact but {written} follows {w}: {}",
                        f.quote
                    )));
                }
            }
        } else if f.qualifier_text.is_empty() || !f.quote.contains(&f.qualifier_text) {
            out.push(fail(format!(
                "qualifier_text {:?} not in quote {}",
                f.qualifier_text, f.quote
            )));
        } else if !words.contains(&f.qualifier_text.as_str()) {
            out.push(fail(format!(
                "{:?} is not a word for {} (expected one of {words:?})",
                f.qualifier_text,
                f.qualifier.slug()
            )));
        }
    }
}

/// Whether `word` is the qualifier of the number at `p` in `quote` (value `vt`, unit
/// `unit`): right before it (约, 近, 超过, 突破, 逾, 控制在, 不超过, 低于); inside the unit
/// right after it (余, 多: "500余种"); or right after the number and unit (以上, 以内, 以下,
/// 左右), directly or at the end of a list of numbers that this number starts or
/// continues ("4.5%、6.5%、7%以上", "29万亩、36万亩以上": the word applies to each).
pub fn qualifier_is_adjacent(quote: &str, p: usize, vt: &str, unit: &str, word: &str) -> bool {
    if LEADING_QUALIFIERS.contains(&word) {
        // 不低于 ("not below") is at least: its 低于 is not the at-most word.
        return quote[..p].ends_with(word) && !(word == "低于" && quote[..p].ends_with("不低于"));
    }
    let after_value = &quote[p + vt.len()..];
    if INNER_QUALIFIERS.contains(&word)
        && !after_value.starts_with(unit)
        && unit_written_len(after_value, unit).is_some_and(|n| after_value[..n].contains(word))
    {
        return true;
    }
    let Some(n) = unit_written_len(after_value, unit) else {
        return false;
    };
    let mut rest = &after_value[n..];
    loop {
        if rest.starts_with(word) {
            return true;
        }
        // One more item of a 、-list: a number, then optionally the same unit.
        let Some(item) = rest.strip_prefix('、') else {
            return false;
        };
        let digits = item
            .char_indices()
            .find(|&(_, c)| !(c.is_ascii_digit() || c == '.'))
            .map_or(item.len(), |(i, _)| i);
        if digits == 0 {
            return false;
        }
        rest = &item[digits..];
        rest = rest.strip_prefix(unit).unwrap_or(rest);
    }
}

/// A qualifier word elsewhere in the quote belongs to another number: "超过120户、
/// 覆盖率90%以上" makes 120 at least (超过) and 90 at least (以上), not 120 by 以上.
pub fn adjacent(r: &Folder, out: &mut Vec<Failure>) {
    for f in &r.data.figures {
        let fail = |message| r.fail(FIGURES, Some(&f.id), "qualifier-adjacent", message);
        let offsets = number_offsets(f);
        if offsets.is_empty() {
            out.push(fail("its number is not found in the quote".into()));
        }
        let binds = |w: &str| {
            offsets
                .iter()
                .any(|&p| qualifier_is_adjacent(&f.quote, p, &f.value_text, &f.unit, w))
        };
        if f.qualifier == Qualifier::Exact {
            // A list that ends in a trailing qualifier binds every number in it.
            for w in TRAILING_QUALIFIERS.into_iter().filter(|w| binds(w)) {
                out.push(fail(format!("exact but {w} binds its number: {}", f.quote)));
            }
        } else if !binds(&f.qualifier_text) {
            out.push(fail(format!(
                "{:?} is not next to {}{} in {}",
                f.qualifier_text, f.value_text, f.unit, f.quote
            )));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::qualifier_is_adjacent;

    #[test]
    fn the_adjacency_rule_reads_the_documented_patterns() {
        let adj = |q: &str, vt: &str, unit: &str, w: &str| {
            let p = q
                .find(&format!("{vt}{unit}"))
                .or_else(|| q.find(vt))
                .unwrap();
            qualifier_is_adjacent(q, p, vt, unit, w)
        };
        assert!(adj("增长6.5%左右", "6.5", "%", "左右"));
        assert!(adj("失业率控制在5.5%以内", "5.5", "%", "以内"));
        assert!(adj("失业率控制在5.5%以内", "5.5", "%", "控制在"));
        assert!(adj(
            "三次产业分别增长4.5%、6.5%、7%以上",
            "4.5",
            "%",
            "以上"
        ));
        assert!(adj("面积达29万亩、36万亩以上", "29", "万亩", "以上"));
        assert!(adj("保护野生动物500余种", "500", "种", "余"));
        assert!(adj("筛查覆盖3.9万余名妇女", "3.9", "万名", "余"));
        assert!(adj("总产值突破400亿元", "400", "亿元", "突破"));
        assert!(adj("排放低于20%", "20", "%", "低于"));
        assert!(adj("比率不低于92%", "92", "%", "不低于"));
        assert!(!adj("比率不低于92%", "92", "%", "低于"));
        assert!(adj("比例在10%以下", "10", "%", "以下"));
        // Not adjacent: the word belongs to another number or to a grade.
        assert!(!adj(
            "入驻企业超过120户、覆盖率90%以上",
            "120",
            "户",
            "以上"
        ));
        assert!(!adj("入驻企业超过120户、覆盖率90%以上", "90", "%", "超过"));
        assert!(!adj("医院100%达二级以上标准", "100", "%", "以上"));
        assert!(!adj("新增4A级景区2个、3A级景区24个以上", "2", "个", "以上"));
    }
}
