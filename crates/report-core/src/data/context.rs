//! Which stretch of the report is "the sentence around a quote". One file, used by the
//! crate (`Dataset::context_of`) and by build.rs (through `#[path]`), so that the build's
//! check that cutting the report keeps every context runs the very rule the page uses.

fn is_stop(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '\n')
}

/// The byte range of the sentence holding the first occurrence of `quote`: from after
/// the previous stop to the next stop, included unless it is a line break.
pub fn context_range(text: &str, quote: &str) -> Option<(usize, usize)> {
    let start = text.find(quote)?;
    let end = start + quote.len();
    let from = text[..start]
        .rfind(is_stop)
        .map(|i| i + text[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let to = text[end..]
        .find(is_stop)
        .map(|i| {
            let stop = text[end + i..].chars().next();
            end + i + stop.map_or(0, |c| if c == '\n' { 0 } else { c.len_utf8() })
        })
        .unwrap_or(text.len());
    Some((from, to))
}

pub fn context_of<'a>(text: &'a str, quote: &str) -> Option<&'a str> {
    context_range(text, quote).map(|(from, to)| &text[from..to])
}
