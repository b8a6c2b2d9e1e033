//! Percent-encoding both ways, the byte cap, and values made safe to show in a notice.

use super::*;

/// Splits off whatever lies beyond [`MAX_QUERY_BYTES`], at a parameter boundary so that
/// no parameter is read half-cut (a cut value could still look valid).
pub(super) fn split_at_byte_cap(query: &str) -> (&str, &str) {
    if query.len() <= MAX_QUERY_BYTES {
        return (query, "");
    }
    let mut cut = MAX_QUERY_BYTES;
    while !query.is_char_boundary(cut) {
        cut -= 1;
    }
    if !query[cut..].starts_with('&') {
        cut = query[..cut].rfind('&').unwrap_or(0);
    }
    let (head, tail) = query.split_at(cut);
    (head, tail.trim_start_matches('&'))
}

/// `application/x-www-form-urlencoded` decoding (`+` is a space), strict about escapes:
/// `None` for a `%` not followed by two hex digits or bytes that are not UTF-8, because
/// guessing would silently show the reader a different view than the link's author saw.
pub(super) fn percent_decode(raw: &str) -> Option<String> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hi = hex(*bytes.get(i + 1)?)?;
                let lo = hex(*bytes.get(i + 2)?)?;
                out.push(hi << 4 | lo);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

pub(super) fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

pub(super) fn escape(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => {
                out.push('%');
                out.push(HEX[usize::from(b >> 4)] as char);
                out.push(HEX[usize::from(b & 15)] as char);
            }
        }
    }
    out
}

pub(super) fn for_display(text: &str) -> String {
    let clean = |c: char| if c.is_control() { '\u{FFFD}' } else { c };
    if text.chars().count() <= NOTICE_VALUE_CHARS {
        text.chars().map(clean).collect()
    } else {
        let mut cut: String = text
            .chars()
            .take(NOTICE_VALUE_CHARS - 1)
            .map(clean)
            .collect();
        cut.push('…');
        cut
    }
}
