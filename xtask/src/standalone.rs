//! `dist/standalone.html`: one file with the CSS, the JS glue, the boot script and the
//! wasm (base64) inlined, so the explorer runs from `file://` with no server. Its own CSP
//! allows its inline script and style by hash only.
//!
//! The boot script is `assets/boot.js` itself, in one inline module after the glue: the
//! wasm is read from a data block (`<script type="application/octet-stream" id="wasm">`,
//! which never runs, so the CSP needs no hash for it), and boot.js's one import of the
//! glue file is replaced by the inlined glue's init function.

use crate::names::WASM;
use crate::{root, Result};
use base64::Engine;
use sha2::{Digest, Sha256};
use std::path::Path;

/// How `assets/boot.js` imports the glue file beside it.
const GLUE_IMPORT: &str = "import('./report_explorer.js')";
/// The id of the data block that carries the wasm, which `assets/boot.js` looks for.
const WASM_BLOCK_ID: &str = "wasm";

/// `glue` is wasm-bindgen's unminified JS (its names as wasm-bindgen wrote them, which
/// this code looks for).
pub fn write(dist: &Path, glue: &Path) -> Result {
    let read =
        |name: &str| std::fs::read_to_string(dist.join(name)).map_err(|e| format!("{name}: {e}"));
    let html = read("index.html")?;
    let css = read("style.css")?;
    let glue = std::fs::read_to_string(glue).map_err(|e| format!("{}: {e}", glue.display()))?;
    let boot_path = root().join("assets/boot.js");
    let boot =
        std::fs::read_to_string(&boot_path).map_err(|e| format!("{}: {e}", boot_path.display()))?;
    let wasm = std::fs::read(dist.join(WASM)).map_err(|e| e.to_string())?;
    let b64 = base64::engine::general_purpose::STANDARD;

    let init = default_export(&glue)?;
    let boot = replace_once(
        &boot,
        GLUE_IMPORT,
        &format!("({{ default: {init} }})"),
        "assets/boot.js",
    )?;
    let script = format!("{glue}\n{boot}");
    // Inside an inline script the HTML parser ends the element at `</script` and changes
    // state at `<!--`: neither may occur in it.
    let lower = script.to_ascii_lowercase();
    if lower.contains("</script") || lower.contains("<!--") {
        return Err("standalone: the glue or boot.js holds `</script` or `<!--`".into());
    }
    let hash = |s: &str| format!("'sha256-{}'", b64.encode(Sha256::digest(s.as_bytes())));
    let csp = format!(
        "default-src 'none'; script-src {} 'wasm-unsafe-eval'; style-src {}; img-src data: blob:; object-src 'none'; base-uri 'none'; form-action 'none'",
        hash(&script),
        hash(&css)
    );

    let mut out = replace_once(
        &html,
        "<link rel=\"stylesheet\" href=\"style.css\">",
        &format!("<style>{css}</style>"),
        "index.html",
    )?;
    out = replace_once(
        &out,
        "<script type=\"module\" src=\"boot.js\"></script>",
        "",
        "index.html",
    )?;
    // The served page preloads the glue file, which a lone file does not have.
    out = replace_once(
        &out,
        "<link rel=\"modulepreload\" href=\"report_explorer.js\">",
        "",
        "index.html",
    )?;
    let csp_start = out
        .find("content=\"default-src")
        .ok_or("index.html has no CSP meta tag")?;
    let csp_end = csp_start + out[csp_start + 9..].find('"').ok_or("unterminated CSP")? + 9;
    out.replace_range(csp_start + 9..csp_end, &csp);
    // The script goes last so that the shell it fills is already parsed; the wasm's data
    // block before it.
    out = replace_once(
        &out,
        "</body>",
        &format!(
            "<script type=\"application/octet-stream\" id=\"{WASM_BLOCK_ID}\">{}</script>\n\
             <script type=\"module\">{script}</script>\n</body>",
            b64.encode(&wasm)
        ),
        "index.html",
    )?;
    // The data downloads are relative links that do not exist beside a lone file.
    out = replace_once(
        &out,
        " <a href=\"data/figures.csv\">figures.csv</a> · <a href=\"data/report.json\">report.json</a>",
        "",
        "index.html",
    )?;
    std::fs::write(dist.join("standalone.html"), out).map_err(|e| e.to_string())
}

/// The name of the glue's default export, its async init: `__wbg_init` in
/// `export { initSync, __wbg_init as default };`.
fn default_export(glue: &str) -> Result<&str> {
    glue.lines()
        .filter(|l| l.trim_start().starts_with("export {"))
        .find_map(|l| {
            l.split(['{', '}', ','])
                .find_map(|item| item.trim().strip_suffix(" as default"))
        })
        .map(str::trim)
        .filter(|name| !name.is_empty() && !name.contains(' '))
        .ok_or_else(|| "standalone: the glue has no `export { … as default }`".to_string())
}

fn replace_once(text: &str, from: &str, to: &str, file: &str) -> Result<String> {
    if text.matches(from).count() != 1 {
        return Err(format!(
            "standalone: expected exactly one `{from}` in {file}"
        ));
    }
    Ok(text.replacen(from, to, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_boot_script_imports_the_glue_once_and_reads_the_wasm_block() {
        let boot = std::fs::read_to_string(root().join("assets/boot.js")).unwrap();
        assert_eq!(boot.matches(GLUE_IMPORT).count(), 1);
        assert!(boot.contains(&format!("'./{}'", crate::names::GLUE)));
        assert!(boot.contains(&format!("'{WASM}'")));
        assert!(boot.contains(&format!("getElementById('{WASM_BLOCK_ID}')")));
    }

    #[test]
    fn the_glue_default_export_is_found() {
        let glue = "function __wbg_init() {}\nexport { initSync, __wbg_init as default };\n";
        assert_eq!(default_export(glue), Ok("__wbg_init"));
        assert!(default_export("export { initSync };").is_err());
    }
}
