//! Short names for the wasm's imports and exports. wasm-bindgen names each import after
//! its function and a 16-digit hash (`__wbg_setAttribute_f75317b2b5cabfb4`) and each
//! closure export after its full type path; the names travel twice, in the wasm's import
//! and export sections and in the glue that fills and calls them, and the hashes do not
//! compress. Renaming them (`a`, `b`, …) in both takes about 4 KB off the first view's
//! brotli (docs/performance.md, "What was done").
//!
//! The glue is changed only where its shape is the one expected: every import name must
//! occur exactly once in it (its key in the imports object), or it is an error (a new
//! wasm-bindgen writing its glue differently), not a silent half-rename. An export is
//! renamed where the glue calls it, as `wasm.<name>`.

use std::collections::HashMap;

/// Exports kept by name: `memory` is read by the bench's probe (`instance.exports.memory`).
const KEEP: [&str; 1] = ["memory"];

/// Returns the wasm with short import and export names, and the glue to match.
pub fn shorten(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String), String> {
    let mut out = wasm.get(..8).ok_or("not a wasm module")?.to_vec();
    let mut imports = HashMap::new();
    let mut exports = HashMap::new();
    let mut next = 0usize;
    let mut at = 8;
    while at < wasm.len() {
        let id = wasm[at];
        let (len, body_at) = leb(wasm, at + 1)?;
        let body = wasm
            .get(body_at..body_at + len as usize)
            .ok_or("section runs past the end")?;
        let body = match id {
            2 => rename_imports(body, &mut imports, &mut next)?,
            7 => rename_exports(body, glue, &mut exports, &mut next)?,
            _ => body.to_vec(),
        };
        out.push(id);
        put_leb(&mut out, body.len() as u32);
        out.extend_from_slice(&body);
        at = body_at + len as usize;
    }
    Ok((out, rename_in_glue(glue, &imports, &exports)?))
}

/// `a`…`z`, `A`…`Z`, then two letters and on: never `memory`, never a JS keyword.
fn short_name(mut k: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = Vec::new();
    loop {
        name.push(LETTERS[k % LETTERS.len()]);
        k /= LETTERS.len();
        if k == 0 {
            break;
        }
        k -= 1;
    }
    name.reverse();
    let name = String::from_utf8(name).expect("ASCII letters");
    // Two-letter JS keywords could be produced from k ≥ 52; a property name may be a
    // keyword, but `wasm.in` reads badly and costs nothing to avoid.
    if matches!(name.as_str(), "do" | "if" | "in") {
        name + "_"
    } else {
        name
    }
}

/// A section of `count` entries rewritten one by one: `entry` reads the entry at an
/// offset, writes its new form and returns where the next one starts.
fn rewrite_entries(
    body: &[u8],
    mut entry: impl FnMut(usize, &mut Vec<u8>) -> Result<usize, String>,
) -> Result<Vec<u8>, String> {
    let (count, mut at) = leb(body, 0)?;
    let mut out = Vec::new();
    put_leb(&mut out, count);
    for _ in 0..count {
        at = entry(at, &mut out)?;
    }
    Ok(out)
}

/// The next short name, noted as `field`'s.
fn take_short(
    names: &mut HashMap<String, String>,
    field: &str,
    next: &mut usize,
) -> Result<String, String> {
    let short = short_name(*next);
    *next += 1;
    match names.insert(field.to_string(), short.clone()) {
        Some(_) => Err(format!("{field} is there twice")),
        None => Ok(short),
    }
}

fn rename_imports(
    body: &[u8],
    names: &mut HashMap<String, String>,
    next: &mut usize,
) -> Result<Vec<u8>, String> {
    rewrite_entries(body, |at, out| {
        let (module, after) = name(body, at)?;
        let (field, after) = name(body, after)?;
        let kind = *body.get(after).ok_or("import without a kind")?;
        let end = import_desc_end(body, after + 1, kind)?;
        let new = if kind == 0 {
            take_short(names, field, next)?
        } else {
            field.to_string()
        };
        put_name(out, module);
        put_name(out, &new);
        out.extend_from_slice(&body[after..end]);
        Ok(end)
    })
}

/// Where an import's description ends: func (type index), table (reftype, limits),
/// memory (limits), global (valtype, mutability), tag (attribute, type index).
fn import_desc_end(body: &[u8], at: usize, kind: u8) -> Result<usize, String> {
    let limits = |at: usize| -> Result<usize, String> {
        let flags = *body.get(at).ok_or("truncated limits")?;
        let (_, at) = leb(body, at + 1)?;
        Ok(if flags & 1 == 1 { leb(body, at)?.1 } else { at })
    };
    match kind {
        0 => Ok(leb(body, at)?.1),
        1 => limits(at + 1),
        2 => limits(at),
        3 => Ok(at + 2),
        4 => Ok(leb(body, at + 1)?.1),
        _ => Err(format!("unknown import kind {kind}")),
    }
}

/// Renames the exports the glue calls as `wasm.<name>`; the others (std's
/// `__abort_handler`, say) keep their names.
fn rename_exports(
    body: &[u8],
    glue: &str,
    names: &mut HashMap<String, String>,
    next: &mut usize,
) -> Result<Vec<u8>, String> {
    rewrite_entries(body, |at, out| {
        let (field, after) = name(body, at)?;
        let (_, end) = leb(body, after + 1)?; // kind byte, then the index
        let new = if KEEP.contains(&field) || !calls(glue, field) {
            field.to_string()
        } else {
            take_short(names, field, next)?
        };
        put_name(out, &new);
        out.extend_from_slice(&body[after..end]);
        Ok(end)
    })
}

/// Renames whole identifiers: an import's name (its key in the imports object), and an
/// export's where it follows `wasm.`.
fn rename_in_glue(
    glue: &str,
    imports: &HashMap<String, String>,
    exports: &HashMap<String, String>,
) -> Result<String, String> {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut out = String::with_capacity(glue.len());
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut rest = glue;
    while let Some(start) = rest.find(ident) {
        let len = rest[start..]
            .find(|c| !ident(c))
            .unwrap_or(rest.len() - start);
        let word = &rest[start..start + len];
        out.push_str(&rest[..start]);
        let after_wasm = out.ends_with("wasm.");
        if let Some(short) = imports.get(word) {
            *seen.entry(word).or_default() += 1;
            out.push_str(short);
        } else if let (Some(short), true) = (exports.get(word), after_wasm) {
            out.push_str(short);
        } else {
            out.push_str(word);
        }
        rest = &rest[start + len..];
    }
    out.push_str(rest);
    for name in imports.keys() {
        let n = seen.get(name.as_str()).copied().unwrap_or(0);
        if n != 1 {
            return Err(format!(
                "the glue names the import {name} {n} times, not once"
            ));
        }
    }
    Ok(out)
}

/// Whether the glue has `wasm.<name>` as a whole identifier.
fn calls(glue: &str, name: &str) -> bool {
    let call = format!("wasm.{name}");
    glue.match_indices(&call).any(|(at, _)| {
        let next = glue[at + call.len()..].chars().next();
        !next.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
    })
}

fn leb(bytes: &[u8], mut at: usize) -> Result<(u32, usize), String> {
    let mut value = 0u32;
    for shift in (0..35).step_by(7) {
        let byte = *bytes.get(at).ok_or("truncated number")?;
        at += 1;
        value |= u32::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok((value, at));
        }
    }
    Err("number too long".into())
}

fn put_leb(out: &mut Vec<u8>, mut value: u32) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn name(bytes: &[u8], at: usize) -> Result<(&str, usize), String> {
    let (len, at) = leb(bytes, at)?;
    let end = at + len as usize;
    let text = bytes.get(at..end).ok_or("truncated name")?;
    Ok((std::str::from_utf8(text).map_err(|e| e.to_string())?, end))
}

fn put_name(out: &mut Vec<u8>, name: &str) {
    put_leb(out, name.len() as u32);
    out.extend_from_slice(name.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module with one function import, one memory import and two exports, in the
    /// section layout a wasm encoder writes.
    fn module() -> Vec<u8> {
        let mut imports = vec![2];
        put_name(&mut imports, "./glue.js");
        put_name(&mut imports, "__wbg_log_0123456789abcdef");
        imports.extend([0, 0]); // func, type 0
        put_name(&mut imports, "env");
        put_name(&mut imports, "mem");
        imports.extend([2, 1, 1, 2]); // memory, limits min 1 max 2
        let mut exports = vec![2];
        put_name(&mut exports, "memory");
        exports.extend([2, 0]);
        put_name(&mut exports, "__wbindgen_malloc");
        exports.extend([0, 0x81, 0x01]); // func 129
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        for (id, body) in [(1u8, vec![1, 0x60, 0, 0]), (2, imports), (7, exports)] {
            wasm.push(id);
            put_leb(&mut wasm, body.len() as u32);
            wasm.extend(body);
        }
        wasm
    }

    #[test]
    fn imports_and_exports_get_short_names_in_the_wasm_and_the_glue() {
        let glue = "const i = { __wbg_log_0123456789abcdef: function(a) { console.log(a) } };\n\
                    function __wbindgen_malloc(n) { return wasm.__wbindgen_malloc(n); }\n\
                    const p = __wbindgen_malloc(4); wasm.memory.buffer;";
        let (wasm, glue) = shorten(&module(), glue).unwrap();
        assert_eq!(
            glue,
            "const i = { a: function(a) { console.log(a) } };\n\
             function __wbindgen_malloc(n) { return wasm.b(n); }\n\
             const p = __wbindgen_malloc(4); wasm.memory.buffer;"
        );
        let text = String::from_utf8_lossy(&wasm);
        assert!(!text.contains("__wbg_log"), "the old import name is gone");
        assert!(
            !text.contains("__wbindgen_malloc"),
            "the old export name is gone"
        );
        assert!(text.contains("memory") && text.contains("mem"));
        // The rewritten module reads back: same sections, same import and export count.
        let (again, _) = shorten(&wasm, "x = { a: 1 }; wasm.b()").unwrap();
        assert_eq!(again, wasm);
    }

    #[test]
    fn a_glue_of_another_shape_is_an_error() {
        let twice = "{ __wbg_log_0123456789abcdef: f }; __wbg_log_0123456789abcdef();";
        assert!(shorten(&module(), twice).unwrap_err().contains("2 times"));
        // An export the glue does not call as `wasm.<name>` keeps its name.
        let bare = "{ __wbg_log_0123456789abcdef: f }; exports.__wbindgen_malloc(1);";
        let (wasm, glue) = shorten(&module(), bare).unwrap();
        assert!(String::from_utf8_lossy(&wasm).contains("__wbindgen_malloc"));
        assert_eq!(glue, "{ a: f }; exports.__wbindgen_malloc(1);");
        assert!(shorten(&module(), "nothing")
            .unwrap_err()
            .contains("0 times"));
    }

    #[test]
    fn short_names_are_distinct_and_skip_keywords() {
        let names: Vec<String> = (0..3000).map(short_name).collect();
        let set: std::collections::HashSet<&String> = names.iter().collect();
        assert_eq!(set.len(), names.len());
        assert_eq!(
            (names[0].as_str(), names[51].as_str(), names[52].as_str()),
            ("a", "Z", "aa")
        );
        assert!(!names
            .iter()
            .any(|n| ["do", "if", "in", "memory"].contains(&n.as_str())));
    }
}
