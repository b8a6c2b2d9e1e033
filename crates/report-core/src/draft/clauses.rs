//! Sentences, clauses and lists. A sentence ends at 。；！？ or a line break; a clause also
//! at ，：; a segment (the words before one number) also at 、. Numbers joined by 、 only
//! ("4.5%、6.5%、7%以上") form a list: a qualifier after its last number belongs to each,
//! and after 分别 (or 均) each number has its own subject.

const SENTENCE_ENDS: &[char] = &['。', '；', '！', '？', '\n', ';', '!', '?'];
const CLAUSE_ENDS: &[char] = &['，', '：', ',', ':'];

/// The char boundary at or before a byte offset.
fn floor(text: &str, mut pos: usize) -> usize {
    pos = pos.min(text.len());
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    pos
}

fn start_after(text: &str, pos: usize, ends: &dyn Fn(char) -> bool) -> usize {
    let pos = floor(text, pos);
    text[..pos]
        .char_indices()
        .rev()
        .find(|&(_, c)| ends(c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

fn end_before(text: &str, pos: usize, ends: &dyn Fn(char) -> bool) -> usize {
    let pos = floor(text, pos);
    text[pos..]
        .char_indices()
        .find(|&(_, c)| ends(c))
        .map_or(text.len(), |(i, _)| pos + i)
}

fn is_sentence_end(c: char) -> bool {
    SENTENCE_ENDS.contains(&c)
}

fn is_clause_end(c: char) -> bool {
    is_sentence_end(c) || CLAUSE_ENDS.contains(&c)
}

/// The sentence around a byte offset: (start, end), the end mark excluded.
pub fn sentence(text: &str, pos: usize) -> (usize, usize) {
    (
        start_after(text, pos, &is_sentence_end),
        end_before(text, pos, &is_sentence_end),
    )
}

/// The clause around a byte offset: (start, end).
pub fn clause(text: &str, pos: usize) -> (usize, usize) {
    (
        start_after(text, pos, &is_clause_end),
        end_before(text, pos, &is_clause_end),
    )
}

/// Where the segment before a number starts: after the last 、 or clause end.
pub fn segment_start(text: &str, pos: usize) -> usize {
    start_after(text, pos, &|c| is_clause_end(c) || c == '、')
}

/// The clauses of a text (text between 。；！？ and line breaks), as byte ranges, blank
/// ones left out.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if is_sentence_end(c) {
            if !text[start..i].trim().is_empty() {
                out.push((start, i));
            }
            start = i + c.len_utf8();
        }
    }
    if !text[start..].trim().is_empty() {
        out.push((start, text.len()));
    }
    out
}

/// What may stand between two numbers of one list.
const LIST_JOINERS: [&str; 4] = ["、", "和", "与", "及"];

/// Groups items (start of number, end of number and unit) into lists: consecutive items
/// with only 、 (or a lone 和, 与, 及: "分别增长3%和4%") between them. Returns, for each item, the index range of its list.
pub fn lists(text: &str, items: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = (0..items.len()).map(|i| (i, i + 1)).collect();
    let mut first = 0;
    for i in 1..=items.len() {
        let joined = i < items.len()
            && items[i - 1].1 <= items[i].0
            && LIST_JOINERS.contains(&&text[items[i - 1].1..items[i].0]);
        if !joined {
            for o in out.iter_mut().take(i).skip(first) {
                *o = (first, i);
            }
            first = i;
        }
    }
    out
}

/// The words that introduce a list of numbers with one subject each: 分别 (respectively),
/// 均 and 各 (each), with the verb after them.
pub fn respectively(before: &str) -> Option<&'static str> {
    let verbs = [
        "增长", "达到", "达", "为", "下降", "降低", "提高", "增加", "减少", "占", "完成", "实现",
        "新建", "建成", "新增", "创建", "培育", "",
    ];
    for w in ["分别", "均", "各"] {
        for v in verbs {
            let head = format!("{w}{v}");
            if before.ends_with(&head) {
                return Some(w);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_and_clauses() {
        let t = "新建道路8公里，改造管网3公里。预计增长5%；";
        let p = t.find('3').unwrap();
        assert_eq!(&t[clause(t, p).0..clause(t, p).1], "改造管网3公里");
        let (s, e) = sentence(t, p);
        assert_eq!(&t[s..e], "新建道路8公里，改造管网3公里");
        assert_eq!(sentences(t).len(), 2);
        let q = t.find("公里。").unwrap();
        assert_eq!(&t[segment_start(t, q)..q], "改造管网3");
    }

    #[test]
    fn two_numbers_joined_by_he_are_one_list() {
        let t = "城乡收入分别增长4.2%和6.8%，新建2个";
        let items = [(24, 28), (31, 35), (44, 48)];
        assert_eq!(&t[24..28], "4.2%");
        assert_eq!(&t[31..35], "6.8%");
        assert_eq!(lists(t, &items), vec![(0, 2), (0, 2), (2, 3)]);
    }

    #[test]
    fn lists_are_numbers_joined_by_the_enumeration_comma() {
        let t = "分别增长3%、4%、5%以上，新建2个";
        let items: Vec<(usize, usize)> = ["3%", "4%", "5%", "2个"]
            .iter()
            .map(|w| {
                let s = t.find(w).unwrap();
                (s, s + w.len())
            })
            .collect();
        assert_eq!(lists(t, &items), [(0, 3), (0, 3), (0, 3), (3, 4)]);
        assert_eq!(respectively("收入分别增长"), Some("分别"));
        assert_eq!(respectively("两项指标均达"), Some("均"));
        assert_eq!(respectively("收入增长"), None);
    }
}
