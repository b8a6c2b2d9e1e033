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
    fn rejects_what_is_not_a_number() {
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("亿元"), None);
        assert_eq!(parse_number("一二"), None);
        assert_eq!(parse_number("6.5%"), None);
    }
}
