//! The unit written right after a number: a scale (万, 亿, 万亿), a measure word or unit
//! (个, 亿元, 万人次, 公里, %), an at-least word inside it (500余种, 3.9万余名) and a
//! parenthesised alternative (万头（只）). Units are kept as written, with their scale.

use crate::data::Metric;

/// Units and measure words, longest first where one starts another.
const UNITS: &[&str] = &[
    "个百分点",
    "百分点",
    "平方公里",
    "平方米",
    "立方米",
    "千瓦时",
    "千瓦",
    "千伏",
    "公里",
    "公顷",
    "千米",
    "标准箱",
    "人次",
    "场次",
    "元",
    "人",
    "户",
    "个",
    "家",
    "项",
    "件",
    "所",
    "名",
    "座",
    "处",
    "宗",
    "起",
    "种",
    "条",
    "台",
    "张",
    "辆",
    "套",
    "轮",
    "批",
    "次",
    "场",
    "篇",
    "部",
    "册",
    "株",
    "棵",
    "头",
    "只",
    "匹",
    "亩",
    "吨",
    "米",
    "倍",
    "年",
    "天",
    "小时",
    "岁",
    "间",
    "床",
    "县",
    "村",
    "乡",
    "镇",
    "校",
    "所",
    "园",
    "支",
    "对",
    "位",
    "类",
    "块",
    "片",
    "根",
    "艘",
    "架",
    "口",
    "盏",
    "栋",
    "层",
    "级",
    "周年",
    "届",
    "期",
    "月",
    "日",
    "微克",
    "毫克",
    "千克",
    "公斤",
    "克",
    "毫米",
    "升",
    "%",
    "％",
    "‰",
];

/// Scales written between a number and its unit.
const SCALES: &[&str] = &["万亿", "亿", "万", "千"];

/// A unit as read after a number.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Unit {
    /// The unit without an inner 余/多: 万名 for "万余名".
    pub unit: String,
    /// The bytes it takes in the text, inner word included.
    pub len: usize,
    /// 余 or 多 inside the unit, if any.
    pub inner: Option<&'static str>,
}

/// Reads the unit at the start of `rest` (the text right after a number).
pub fn unit_after(rest: &str) -> Unit {
    let mut unit = String::new();
    let mut at = 0;
    let mut inner = None;
    if let Some(s) = SCALES.iter().find(|s| {
        rest.starts_with(**s)
            && (**s != "千"
                || ["千瓦", "千伏", "千米"]
                    .iter()
                    .all(|u| !rest.starts_with(u)))
    }) {
        // 千 is a scale only before a unit that is not 千瓦/千伏/千米 itself.
        unit.push_str(s);
        at += s.len();
    }
    for w in ["余", "多"] {
        if rest[at..].starts_with(w) {
            inner = Some(w);
            at += w.len();
            break;
        }
    }
    let tail = &rest[at..];
    if let Some(u) = UNITS.iter().find(|u| tail.starts_with(**u)) {
        let mut u = u.to_string();
        if u == "％" {
            u = "%".into();
        }
        let mut len = written_len(tail, &u);
        // A per-unit tail: 元/人/年.
        let mut more = &tail[len..];
        while let Some(r) = more.strip_prefix('/') {
            // A unit word (微克/立方米) or one character (元/人/年).
            let word = UNITS
                .iter()
                .find(|w| r.starts_with(**w) && w.chars().all(is_han))
                .map(|w| w.to_string());
            let Some(w) =
                word.or_else(|| r.chars().next().filter(|c| is_han(*c)).map(String::from))
            else {
                break;
            };
            u.push('/');
            u.push_str(&w);
            len += 1 + w.len();
            more = &r[w.len()..];
        }
        // An alternative measure word in brackets: 万头（只）.
        if let Some(r) = more.strip_prefix('（') {
            let mut cs = r.chars();
            if let (Some(c), Some('）')) = (cs.next(), cs.next()) {
                if is_han(c) && UNITS.contains(&c.to_string().as_str()) {
                    u.push_str(&format!("（{c}）"));
                    len += '（'.len_utf8() + c.len_utf8() + '）'.len_utf8();
                }
            }
        }
        unit.push_str(&u);
        at += len;
    } else if inner.is_some() && unit.is_empty() {
        // "多" alone after a number is not a unit we read.
        inner = None;
        at = 0;
    }
    Unit {
        len: if unit.is_empty() { 0 } else { at },
        unit,
        inner,
    }
}

fn written_len(tail: &str, u: &str) -> usize {
    if tail.starts_with('％') && u == "%" {
        '％'.len_utf8()
    } else {
        u.len()
    }
}

pub fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Units that are never a measured amount: a grade (级, 千伏), an ordinal (届, 期, 周年),
/// a date (月, 日).
pub fn is_grade_or_ordinal(unit: &str) -> Option<&'static str> {
    let base = match unit {
        "千伏" => unit,
        _ => unit.trim_start_matches(['万', '亿', '千']),
    };
    match base {
        "级" | "千伏" => Some("grade"),
        "届" | "期" | "周年" => Some("ordinal"),
        "月" | "日" => Some("date"),
        _ => None,
    }
}

/// The metric a unit suggests before the words around it are read.
pub fn metric_of_unit(unit: &str) -> Metric {
    let base = unit
        .trim_start_matches(['万', '亿'])
        .split(['（', '/'])
        .next()
        .unwrap_or("");
    match base {
        "%" | "‰" => Metric::RatePct,
        "个百分点" | "百分点" => Metric::ChangePp,
        "元" | "微克" | "毫克" | "千克" | "公斤" | "克" | "毫米" | "升" | "平方公里" | "平方米"
        | "立方米" | "千瓦时" | "千瓦" | "公里" | "公顷" | "千米" | "标准箱" | "亩" | "吨"
        | "米" | "头" | "只" | "匹" | "倍" => Metric::Level,
        _ => Metric::Count,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(rest: &str) -> (String, usize, Option<&'static str>) {
        let x = unit_after(rest);
        (x.unit, x.len, x.inner)
    }

    #[test]
    fn reads_scale_unit_and_inner_words() {
        assert_eq!(u("亿元，增长"), ("亿元".into(), 6, None));
        assert_eq!(u("万人次以上"), ("万人次".into(), 9, None));
        assert_eq!(u("%左右"), ("%".into(), 1, None));
        assert_eq!(u("余种植物"), ("种".into(), 6, Some("余")));
        assert_eq!(u("万余名学生"), ("万名".into(), 9, Some("余")));
        assert_eq!(u("万头（只）"), ("万头（只）".into(), 15, None));
        assert_eq!(u("元/人/年"), ("元/人/年".into(), 11, None));
        assert_eq!(u("微克/立方米"), ("微克/立方米".into(), 16, None));
        assert_eq!(u("千瓦时"), ("千瓦时".into(), 9, None));
        assert_eq!(u("万千瓦"), ("万千瓦".into(), 9, None));
        assert_eq!(u("个百分点"), ("个百分点".into(), 12, None));
        assert_eq!(u("和"), (String::new(), 0, None));
    }

    #[test]
    fn metrics_and_grades_follow_the_unit() {
        assert_eq!(metric_of_unit("万亩"), Metric::Level);
        assert_eq!(metric_of_unit("户"), Metric::Count);
        assert_eq!(metric_of_unit("亿千瓦时"), Metric::Level);
        assert_eq!(metric_of_unit("万千瓦"), Metric::Level);
        assert_eq!(metric_of_unit("个百分点"), Metric::ChangePp);
        assert_eq!(is_grade_or_ordinal("千伏"), Some("grade"));
        assert_eq!(is_grade_or_ordinal("届"), Some("ordinal"));
        assert_eq!(is_grade_or_ordinal("亿元"), None);
    }
}
