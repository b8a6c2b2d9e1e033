//! Qualifier words next to a number: before it (约, 超过, 控制在, 不超过 …), inside its unit
//! (余, 多) or after number and unit (以上, 左右, 以内 …). A word belongs to the number it
//! stands next to; a word after the last number of a 、-list belongs to each of them.

use crate::data::Qualifier;

/// Words written right before a number, longest first.
const BEFORE: &[(&str, Qualifier)] = &[
    ("不低于", Qualifier::AtLeast),
    ("不少于", Qualifier::AtLeast),
    ("不超过", Qualifier::AtMost),
    ("控制在", Qualifier::AtMost),
    ("超过", Qualifier::AtLeast),
    ("突破", Qualifier::AtLeast),
    ("低于", Qualifier::AtMost),
    ("逾", Qualifier::AtLeast),
    ("约", Qualifier::About),
    ("近", Qualifier::About),
];

/// Words written right after a number and its unit.
const AFTER: &[(&str, Qualifier)] = &[
    ("以上", Qualifier::AtLeast),
    ("以内", Qualifier::AtMost),
    ("以下", Qualifier::AtMost),
    ("左右", Qualifier::About),
];

/// The qualifier word that ends `before` (the text up to a number), if any.
pub fn before(before: &str) -> Option<(&'static str, Qualifier)> {
    BEFORE.iter().copied().find(|(w, _)| before.ends_with(w))
}

/// The qualifier word that starts `after` (the text after a number and its unit).
pub fn after(after: &str) -> Option<(&'static str, Qualifier)> {
    AFTER.iter().copied().find(|(w, _)| after.starts_with(w))
}

/// An inner 余/多 is an at-least word.
pub fn inner(word: &'static str) -> (&'static str, Qualifier) {
    (word, Qualifier::AtLeast)
}

/// 控制在…以内 is one phrase: its word is 以内 when both stand around the number.
pub fn combine(
    before: Option<(&'static str, Qualifier)>,
    after: Option<(&'static str, Qualifier)>,
) -> Option<(&'static str, Qualifier)> {
    match (before, after) {
        (Some(("控制在", q)), Some((a, _))) => Some((a, q)),
        (_, Some(a)) => Some(a),
        (b, None) => b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_on_either_side() {
        assert_eq!(before("新建学校超过"), Some(("超过", Qualifier::AtLeast)));
        assert_eq!(before("空置率不超过"), Some(("不超过", Qualifier::AtMost)));
        assert_eq!(before("覆盖率不低于"), Some(("不低于", Qualifier::AtLeast)));
        assert_eq!(before("播种面积约"), Some(("约", Qualifier::About)));
        assert_eq!(before("达到"), None);
        assert_eq!(after("以上，"), Some(("以上", Qualifier::AtLeast)));
        assert_eq!(after("左右"), Some(("左右", Qualifier::About)));
        assert_eq!(after("以下"), Some(("以下", Qualifier::AtMost)));
        assert_eq!(after("，"), None);
    }

    #[test]
    fn kongzhizai_yinei_is_one_at_most() {
        let q = combine(before("控制在"), after("以内"));
        assert_eq!(q, Some(("以内", Qualifier::AtMost)));
        assert_eq!(
            combine(before("控制在"), None),
            Some(("控制在", Qualifier::AtMost))
        );
    }
}
