//! Text sizes, wrapping and ellipsis. Widths come from the browser that draws when it
//! lends the layout a [`Measure`] (the page's canvas, `measureText`, through
//! [`measured_by`]); native code (downloads, previews, tests) lays out with an estimate
//! from character classes, or with a measured font of its own through the same hook.

use std::cell::Cell;

/// Text widths from the thing that will draw the text: the advance of a text in a regular
/// sans-serif font of so many pixels. A plain function, not a trait object or a type
/// parameter: the layout is compiled once, and the hook costs the wasm a pointer.
pub type Measure = fn(&str, f64) -> f64;

thread_local! {
    static MEASURE: Cell<Option<Measure>> = const { Cell::new(None) };
}

/// Runs `work` (a layout, a drawing) with text widths taken from `m`, then goes back to
/// what was lent before. (No guard for a panic: the wasm aborts on one, and each native
/// test runs on a thread of its own.)
pub fn measured_by<R>(m: Measure, work: impl FnOnce() -> R) -> R {
    let old = MEASURE.replace(Some(m));
    let r = work();
    MEASURE.set(old);
    r
}

/// Advance of `text` at `font_px`: measured when a [`Measure`] is lent, else
/// [`estimated_width`].
pub fn text_width(text: &str, font_px: f64) -> f64 {
    match MEASURE.get() {
        Some(m) => m(text, font_px),
        None => estimated_width(text, font_px),
    }
}

/// Widths a [`Measure`] gave, kept across drawings: a filter change lays out the same
/// labels again (about 330 measures for the full growth chart, each a call into the
/// browser after a font set: 30 % of such a change's task in a trace). Sorted by text
/// and size, so a lookup is a binary search; it grows with the distinct labels and
/// prefixes drawn.
/// Only valid for one font setting: [`WidthCache::keep_for`] empties it when the setting
/// (the canvas's language, which picks the face a generic family resolves to) changes.
#[derive(Default)]
pub struct WidthCache {
    setting: &'static str,
    known: Vec<(String, f64, f64)>,
}

impl WidthCache {
    /// Keeps the widths if they were measured under `setting`, else forgets them.
    pub fn keep_for(&mut self, setting: &'static str) {
        if self.setting != setting {
            self.setting = setting;
            self.known.clear();
        }
    }

    /// The width of `text` at `font_px`, measured by `measure` the first time only.
    pub fn width(&mut self, text: &str, font_px: f64, measure: &dyn Fn() -> f64) -> f64 {
        let at = self
            .known
            .binary_search_by(|(t, px, _)| t.as_str().cmp(text).then(px.total_cmp(&font_px)));
        match at {
            Ok(i) => self.known[i].2,
            Err(i) => {
                let w = measure();
                self.known.insert(i, (text.to_string(), font_px, w));
                w
            }
        }
    }
}

/// Estimated advance of `text` at `font_px`. Errs wide so that labels do not collide
/// when the real font is a little broader than average.
pub fn estimated_width(text: &str, font_px: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * font_px
}

pub(crate) fn char_em(c: char) -> f64 {
    match c {
        ' ' => 0.3,
        'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '!' | '|' | '\'' => 0.3,
        'M' | 'W' | 'm' | 'w' | '%' => 0.85,
        c if c.is_ascii() => 0.58,
        c if is_cjk(c) => 1.0,
        _ => 0.7,
    }
}

/// Full-width (CJK and Hangul) characters, which take a whole em.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{115f}'
        | '\u{2e80}'..='\u{a4cf}'
        | '\u{ac00}'..='\u{d7a3}'
        | '\u{f900}'..='\u{faff}'
        | '\u{fe30}'..='\u{fe4f}'
        | '\u{ff00}'..='\u{ff60}'
        | '\u{ffe0}'..='\u{ffe6}')
}

/// Breaks `text` into at most `max_lines` lines of at most `max_w`, ellipsizing the last
/// one. CJK text may break between any two characters; Latin text breaks at spaces (or
/// mid-word when a word alone is too long) so English labels stay readable.
pub fn wrap_text(text: &str, max_w: f64, font_px: f64, max_lines: usize) -> Vec<String> {
    let max_lines = max_lines.max(1);
    let mut tokens: Vec<String> = Vec::new();
    for c in text.trim().chars() {
        let joins = c.is_ascii() && c != ' ';
        match tokens.last_mut() {
            Some(t) if joins && t.chars().last().is_some_and(|p| p.is_ascii() && p != ' ') => {
                t.push(c)
            }
            _ => tokens.push(c.to_string()),
        }
    }
    let mut lines: Vec<String> = vec![String::new()];
    for token in tokens {
        let line = lines.last_mut().expect("never empty");
        if text_width(&format!("{line}{token}"), font_px) <= max_w || line.trim().is_empty() {
            if !(line.is_empty() && token == " ") {
                line.push_str(&token);
            }
            continue;
        }
        if token == " " {
            lines.push(String::new());
            continue;
        }
        lines.push(token);
    }
    // Over-long single tokens still overflow; split them by character.
    let mut fitted = Vec::new();
    for line in lines {
        let mut cur = String::new();
        for c in line.trim_end().chars() {
            if !cur.is_empty() && text_width(&format!("{cur}{c}"), font_px) > max_w {
                fitted.push(std::mem::take(&mut cur));
            }
            cur.push(c);
        }
        fitted.push(cur);
    }
    if fitted.len() > max_lines {
        fitted.truncate(max_lines);
        let last = fitted.last_mut().expect("max_lines >= 1");
        *last = ellipsize(&format!("{last}…"), max_w, font_px);
    }
    fitted
}

/// Shortens `text` to fit `max_w`, ending in "…" when anything was cut.
pub fn ellipsize(text: &str, max_w: f64, font_px: f64) -> String {
    if text_width(text, font_px) <= max_w {
        return text.to_string();
    }
    let mut out: String = text.chars().filter(|&c| c != '…').collect();
    while !out.is_empty() && text_width(&format!("{}…", out.trim_end()), font_px) > max_w {
        out.pop();
    }
    format!("{}…", out.trim_end())
}
