//! Numbers as the report writes them: Arabic digits or Chinese numerals (两, 十一, 三百).

/// Parses `6.5`, `5300`, `两`, `十一`, `二十三`, `三百`. `None` for anything else.
pub fn parse_number(text: &str) -> Option<f64> {
    if text.is_empty() {
        return None;
    }
    if text.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return text.parse().ok();
    }
    let mut total = 0u64;
    let mut digit: Option<u64> = None;
    for c in text.chars() {
        let scale = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => {
                if digit.is_some() {
                    return None; // two digits in a row is not a numeral we read
                }
                digit = Some(chinese_digit(c)?);
                continue;
            }
        };
        total += digit.take().unwrap_or(1) * scale;
    }
    Some((total + digit.unwrap_or(0)) as f64)
}

/// Characters that write a number in Chinese: the digits, 零 and 两, and the scales up
/// to 亿 (万 and 亿 also follow Arabic digits as part of a unit: 5300万人次).
pub fn is_chinese_numeral(c: char) -> bool {
    chinese_digit(c).is_some() || matches!(c, '十' | '百' | '千' | '万' | '亿')
}

/// Every maximal run of Arabic digits, with an optional decimal part: (byte offset, text).
pub fn arabic_number_tokens(text: &str) -> Vec<(usize, &str)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
            i += 1;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
        }
        out.push((start, &text[start..i]));
    }
    out
}

/// Every maximal run of Chinese numeral characters: (byte offset, text). "两个百万级"
/// gives 两 and 百万; "十一年" gives 十一. Whether a run is a number or part of a word
/// (一体, 四川) is for the dataset's exclusions to say, not for this function.
pub fn chinese_numeral_tokens(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (is_chinese_numeral(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

fn chinese_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::parse_number;

    #[test]
    fn reads_digits_and_chinese_numerals() {
        assert_eq!(parse_number("6.5"), Some(6.5));
        assert_eq!(parse_number("5300"), Some(5300.0));
        assert_eq!(parse_number("两"), Some(2.0));
        assert_eq!(parse_number("十一"), Some(11.0));
        assert_eq!(parse_number("二十三"), Some(23.0));
        assert_eq!(parse_number("三百"), Some(300.0));
        assert_eq!(parse_number("十"), Some(10.0));
    }

    #[test]
    fn finds_number_tokens_of_both_kinds() {
        use super::{arabic_number_tokens, chinese_numeral_tokens};
        let text = "新增4A级景区2个、3.5亿元，连续十一年，两个百万级大关";
        let arabic: Vec<&str> = arabic_number_tokens(text).iter().map(|t| t.1).collect();
        assert_eq!(arabic, ["4", "2", "3.5"]);
        let chinese: Vec<&str> = chinese_numeral_tokens(text).iter().map(|t| t.1).collect();
        assert_eq!(chinese, ["亿", "十一", "两", "百万"]);
        let (at, tok) = chinese_numeral_tokens(text)[1];
        assert_eq!(&text[at..at + tok.len()], "十一");
        assert_eq!(chinese_numeral_tokens("三家园"), [(0, "三")]);
        assert!(chinese_numeral_tokens("阿坝").is_empty());
    }

    #[test]
    fn rejects_what_is_not_a_number() {
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("亿元"), None);
        assert_eq!(parse_number("一二"), None);
        assert_eq!(parse_number("6.5%"), None);
    }
}
