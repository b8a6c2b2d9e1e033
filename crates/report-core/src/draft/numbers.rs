//! The numbers of a text: runs of Arabic digits (with a decimal part) and runs of Chinese
//! numerals, each with its value where it reads as one. Tokenising is
//! `data::numerals`' job; this file adds what drafting needs on top: a Chinese run that
//! ends in a scale (三万) split into number and scale, and runs that are the scale of an
//! Arabic number's unit (亿 in 495亿元) left out.

use crate::data::{arabic_number_tokens, chinese_numeral_tokens, parse_number};

/// One number of the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Num {
    /// Byte offsets of the number as written (without a trailing scale 万/亿).
    pub start: usize,
    pub end: usize,
    /// `None` when the run is not a number we read (一二, 万 alone): an exclusion.
    pub value: Option<f64>,
    pub chinese: bool,
}

impl Num {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Every number of `text`, in order. Chinese runs that follow an Arabic number directly
/// (the 万 of 5300万人次) belong to that number's unit and are not numbers.
pub fn numbers(text: &str) -> Vec<Num> {
    let mut out: Vec<Num> = arabic_number_tokens(text)
        .into_iter()
        .map(|(start, tok)| Num {
            start,
            end: start + tok.len(),
            value: tok.parse().ok(),
            chinese: false,
        })
        .collect();
    for (start, tok) in chinese_numeral_tokens(text) {
        let after_digit = text[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit());
        if after_digit {
            continue;
        }
        // A trailing scale is the unit's: 三万 → 三 + 万….
        let body = tok.trim_end_matches(['万', '亿']);
        if body.is_empty() {
            // 万 or 亿 alone (万亿, 百万 are read as written).
            out.push(Num {
                start,
                end: start + tok.len(),
                value: None,
                chinese: true,
            });
            continue;
        }
        out.push(Num {
            start,
            end: start + body.len(),
            value: parse_number(body),
            chinese: true,
        });
    }
    out.sort_by_key(|n| n.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_kinds_and_leaves_scales_to_units() {
        let t = "修路12.5公里，投入3万元，建成三万亩，连续九年";
        let n = numbers(t);
        let texts: Vec<&str> = n.iter().map(|x| x.text(t)).collect();
        assert_eq!(texts, ["12.5", "3", "三", "九"]);
        assert_eq!(n[0].value, Some(12.5));
        assert_eq!(n[2].value, Some(3.0));
        assert!(n[2].chinese);
    }

    #[test]
    fn a_run_that_is_no_number_has_no_value() {
        let t = "一二三";
        assert_eq!(numbers(t)[0].value, None);
        assert!(numbers("").is_empty());
    }
}
