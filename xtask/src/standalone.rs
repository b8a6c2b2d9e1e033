//! `dist/standalone.html`: one file with the CSS, the JS glue and the wasm (base64)
//! inlined, so the explorer runs from `file://` with no server. Its own CSP allows its
//! inline parts by hash only.

use crate::dist::WASM;
use crate::Result;
use base64::Engine;
use sha2::{Digest, Sha256};
use std::path::Path;

/// `glue` is wasm-bindgen's unminified JS: the inline boot code below calls its
/// `initSync` by name, which minification renames.
pub fn write(dist: &Path, glue: &Path) -> Result {
    let read =
        |name: &str| std::fs::read_to_string(dist.join(name)).map_err(|e| format!("{name}: {e}"));
    let html = read("index.html")?;
    let css = read("style.css")?;
    let glue = std::fs::read_to_string(glue).map_err(|e| format!("{}: {e}", glue.display()))?;
    let wasm = std::fs::read(dist.join(WASM)).map_err(|e| e.to_string())?;
    let b64 = base64::engine::general_purpose::STANDARD;

    // The boot code of boot.js, with the wasm from a base64 string instead of a fetch.
    let script = format!(
        "{glue}\n;(() => {{\n\
         const showFatal = (d) => {{ const b = document.getElementById('fatal'); if (!b || !b.hidden) return; b.hidden = false; document.getElementById('fatal-detail').textContent = String(d); const l = document.getElementById('loading'); if (l) l.hidden = true; }};\n\
         document.getElementById('fatal-reload')?.setAttribute('href', location.href);\n\
         const isTrap = (e) => typeof WebAssembly === 'object' && e instanceof WebAssembly.RuntimeError;\n\
         const explain = (e) => showFatal(isTrap(e) ? `The app stopped: ${{e.message || e}}` : e);\n\
         window.addEventListener('error', (ev) => {{ if (isTrap(ev.error)) explain(ev.error); }});\n\
         window.addEventListener('unhandledrejection', (ev) => {{ if (isTrap(ev.reason)) explain(ev.reason); }});\n\
         try {{\n\
           const bin = atob('{wasm}');\n\
           const bytes = new Uint8Array(bin.length);\n\
           for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);\n\
           initSync({{ module: bytes }});\n\
           document.getElementById('shell')?.remove();\n\
         }} catch (e) {{ explain(e); }}\n\
         }})();\n",
        wasm = b64.encode(&wasm)
    );
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
    )?;
    out = replace_once(
        &out,
        "<script type=\"module\" src=\"boot.js\"></script>",
        "",
    )?;
    // The served page preloads the glue file, which a lone file does not have.
    out = replace_once(
        &out,
        "<link rel=\"modulepreload\" href=\"report_explorer.js\">",
        "",
    )?;
    let csp_start = out
        .find("content=\"default-src")
        .ok_or("index.html has no CSP meta tag")?;
    let csp_end = csp_start + out[csp_start + 9..].find('"').ok_or("unterminated CSP")? + 9;
    out.replace_range(csp_start + 9..csp_end, &csp);
    // The script goes last so that the shell it fills is already parsed.
    out = replace_once(
        &out,
        "</body>",
        &format!("<script type=\"module\">{script}</script>\n</body>"),
    )?;
    // The data downloads are relative links that do not exist beside a lone file.
    out = replace_once(
        &out,
        " <a href=\"data/figures.csv\">figures.csv</a> · <a href=\"data/report.json\">report.json</a>",
        "",
    )?;
    std::fs::write(dist.join("standalone.html"), out).map_err(|e| e.to_string())
}

fn replace_once(text: &str, from: &str, to: &str) -> Result<String> {
    if text.matches(from).count() != 1 {
        return Err(format!(
            "standalone: expected exactly one `{from}` in index.html"
        ));
    }
    Ok(text.replacen(from, to, 1))
}
