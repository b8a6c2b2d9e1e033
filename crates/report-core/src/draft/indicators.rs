//! Indicator names: the Chinese name from the words before a number (its segment), with
//! leading filler and trailing verbs taken off; the English name from the glossary of the
//! genre's common indicators (`glossary.tsv`), else none (the review gives it).

use std::sync::OnceLock;

/// Words that open a segment without naming anything.
const LEADING: &[&str] = &[
    "主要预期目标是",
    "预计全年",
    "预计",
    "全年",
    "累计",
    "其中",
    "共计",
    "总计",
    "同比",
    "比上年",
    "较上年",
    "年均",
    "力争",
    "确保",
    "今年",
    "当年",
    "全市",
    "全州",
    "全县",
    "全区",
    "全省",
    "全盟",
    "我市",
    "我州",
    "我县",
    "我区",
    "实现",
    "完成",
    "共",
    "了",
];

/// Verbs and qualifier words that end a segment before its number, longest first.
const TRAILING: &[&str] = &[
    "分别增长",
    "分别达到",
    "分别下降",
    "分别达",
    "分别为",
    "分别",
    "均增长",
    "均达到",
    "均达",
    "均为",
    "均",
    "增长到",
    "提高到",
    "降低到",
    "下降到",
    "提升到",
    "稳定在",
    "保持在",
    "控制在",
    "增长",
    "增加",
    "下降",
    "降低",
    "减少",
    "提高",
    "提升",
    "达到",
    "达",
    "为",
    "是",
    "实现",
    "完成",
    "突破",
    "超过",
    "不低于",
    "不超过",
    "低于",
    "约",
    "近",
    "逾",
    "降至",
    "减至",
    "到",
    "至",
    "了",
    "占",
    "新增了",
    "同比",
    "比上年",
    "较上年",
    "年均",
];

pub fn glossary() -> &'static [(String, String)] {
    static G: OnceLock<Vec<(String, String)>> = OnceLock::new();
    G.get_or_init(|| {
        let mut g: Vec<(String, String)> = include_str!("glossary.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split_once('\t'))
            .map(|(zh, en)| (zh.trim().to_string(), en.trim().to_string()))
            .collect();
        g.sort_by_key(|(zh, _)| std::cmp::Reverse(zh.chars().count()));
        g
    })
}

/// The glossary entry the name contains, longest first: (zh key, en).
pub fn lookup(zh: &str) -> Option<(&'static str, &'static str)> {
    glossary()
        .iter()
        .find(|(k, _)| zh.contains(k.as_str()))
        .map(|(k, e)| (k.as_str(), e.as_str()))
}

/// The Chinese name in a segment: the words before the number without filler and verb.
pub fn subject(segment: &str) -> String {
    let mut s = segment.trim();
    loop {
        let before = s;
        s = s.trim_start_matches(['“', '（', '(', ' ']);
        for w in LEADING {
            if let Some(r) = s.strip_prefix(w) {
                s = r;
                break;
            }
        }
        for w in TRAILING {
            if let Some(r) = s.strip_suffix(w) {
                s = r;
                break;
            }
        }
        if s == before {
            return s.to_string();
        }
    }
}

/// A name for a growth rate: the measure's name with 增速.
pub fn growth_name(measure: &str) -> String {
    if measure.ends_with("增速") || measure.ends_with("增幅") {
        measure.to_string()
    } else {
        format!("{measure}增速")
    }
}

/// Subjects of a 分别/均 list of `k` numbers, from the words before 分别: split at 、
/// (the last item's measure word shared: 卫生厕所、污水处理覆盖率 → …覆盖率 each), or the
/// genre's pairs 城乡 (城镇, 农村) and 三次产业 (第一, 第二, 第三产业).
pub fn split_subjects(subject: &str, k: usize) -> Option<Vec<String>> {
    if k < 2 {
        return None;
    }
    let items: Vec<&str> = subject.split('、').filter(|s| !s.is_empty()).collect();
    if items.len() == k {
        let last = items[k - 1];
        let shared = ["覆盖率", "普及率", "达标率", "增加值", "率", "收入", "产量"]
            .iter()
            .find(|w| last.ends_with(**w) && items[..k - 1].iter().all(|i| !i.ends_with(**w)));
        return Some(
            items
                .iter()
                .map(|i| match shared {
                    Some(w) if !i.ends_with(w) => format!("{i}{w}"),
                    _ => i.to_string(),
                })
                .collect(),
        );
    }
    if items.len() == 1 && k == 2 {
        if let Some(rest) = subject.strip_prefix("城乡") {
            return Some(vec![format!("城镇{rest}"), format!("农村{rest}")]);
        }
    }
    if items.len() == 1 && k == 3 && subject.contains("三次产业") {
        return Some(
            ["第一", "第二", "第三"]
                .iter()
                .map(|n| subject.replace("三次产业", &format!("{n}产业")))
                .collect(),
        );
    }
    None
}

/// A kebab-case id base from an English name.
pub fn slug(en: &str) -> String {
    let mut s = String::new();
    for c in en.chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_lowercase());
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    s.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_glossary_is_large_and_names_no_place() {
        assert!(glossary().len() >= 150);
        assert!(glossary()
            .iter()
            .all(|(zh, en)| !zh.is_empty() && !en.is_empty()));
        for w in ["县", "州", "省"] {
            assert!(glossary().iter().all(|(zh, _)| !zh.ends_with(w)), "{w}");
        }
    }

    #[test]
    fn names_from_segments() {
        assert_eq!(subject("预计全年地区生产总值达到"), "地区生产总值");
        assert_eq!(subject("新建桥梁"), "新建桥梁");
        assert_eq!(subject("增长"), "");
        assert_eq!(subject("城镇调查失业率控制在"), "城镇调查失业率");
        assert_eq!(growth_name("工业增加值"), "工业增加值增速");
        assert_eq!(
            lookup("全社会固定资产投资").map(|x| x.1),
            Some("Fixed-asset investment")
        );
        assert_eq!(
            lookup("城镇居民人均可支配收入").map(|x| x.1),
            Some("Urban per-capita disposable income")
        );
        assert_eq!(lookup("山歌比赛"), None);
        assert_eq!(slug("Value added (industry), 2"), "value-added-industry-2");
    }

    #[test]
    fn lists_give_each_number_its_subject() {
        assert_eq!(
            split_subjects("自来水、燃气普及率", 2).unwrap(),
            ["自来水普及率", "燃气普及率"]
        );
        assert_eq!(
            split_subjects("城乡居民收入", 2).unwrap(),
            ["城镇居民收入", "农村居民收入"]
        );
        assert_eq!(split_subjects("三次产业", 3).unwrap()[1], "第二产业");
        assert_eq!(split_subjects("工业", 2), None);
    }
}
