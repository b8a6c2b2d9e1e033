//! The release site: wasm → wasm-bindgen → wasm-opt → dist/, plus the data downloads
//! and a single-file `standalone.html`.

use crate::names::{GLUE, WASM};
use crate::report::Target;
use crate::tools::{self, run as exec};
use crate::{datafiles, page_text, pages, root, standalone, wasm_names, Result};
use report_core::data::{check, Dataset};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Smallest output measured (docs/performance.md). Rust never uses the first 1 KiB of
/// linear memory (its data starts at 1 MiB) and the module owns its zero-filled memory,
/// so binaryen may fold constant addresses and drop zero bytes from data segments.
const WASM_OPT_FLAGS: [&str; 8] = [
    "-Oz",
    "--low-memory-unused",
    "--zero-filled-memory",
    "--converge",
    // Functions of up to 4 instructions inlined everywhere (default 2), and a function with
    // a single caller only up to 200 (default: every one): 0.4 KB less brotli together at
    // 500, then 0.2 KB brotli and 0.75 KB gzip less at 200 (docs/performance.md, "What
    // was done").
    "--always-inline-max-function-size",
    "4",
    "--one-caller-inline-max-function-size",
    "200",
];

/// Builds the site of `target.report` into `target.out` and returns its path.
pub fn run(target: &Target) -> Result<PathBuf> {
    let started = Instant::now();
    let root = root();
    let data = target.load()?;
    // The dataset's own rules run first: a site is never written from bad data.
    check_data(&target.report, &data)?;
    tools::ensure_wasm_toolchain()?;
    tools::ensure_npm_tools()?;

    let dist = target.out.clone();
    if dist.exists() {
        std::fs::remove_dir_all(&dist)
            .map_err(|e| format!("cannot clear {}: {e}", dist.display()))?;
    }
    std::fs::create_dir_all(dist.join("data")).map_err(|e| e.to_string())?;
    let bindgen_dir = wasm(&target.report, &dist)?;
    // The CSS goes out minified, like any production page's.
    // The colour variables come from the chart theme, the one table of colours.
    let css = dist.join("style.src.css");
    let sheet =
        std::fs::read_to_string(root.join("assets/style.css")).map_err(|e| e.to_string())?;
    std::fs::write(&css, report_core::chart::theme::css_variables() + &sheet)
        .map_err(|e| e.to_string())?;
    minify(&css, &dist.join("style.css"))?;
    // The static pages' own sheet, with the drawn chart's palette classes (xtask/src/pages.rs).
    let sheet =
        std::fs::read_to_string(root.join("assets/static.css")).map_err(|e| e.to_string())?;
    std::fs::write(
        &css,
        report_core::chart::theme::svg_palette_classes() + &sheet,
    )
    .map_err(|e| e.to_string())?;
    minify(&css, &dist.join("static.css"))?;
    std::fs::remove_file(&css).map_err(|e| e.to_string())?;
    // The one-line script embed for host pages (README, "Links and embeds").
    minify(&root.join("assets/embed.js"), &dist.join("embed.js"))?;
    fill(
        &dist.join("embed.js"),
        &page_text::embed_placeholders(&data),
        js_string,
    )?;
    // The icon is inlined in index.html as a data: URL (no request, none after each
    // address change either).
    // The boot script too (its comments were a third of its bytes).
    minify(&root.join("assets/boot.js"), &dist.join("boot.js"))?;
    // The static pages' query gate (assets/gate.js, xtask/src/pages.rs).
    minify(&root.join("assets/gate.js"), &dist.join("gate.js"))?;
    // index.html names the report: its placeholders come from the manifest.
    copy(&root.join("index.html"), &dist.join("index.html"))?;
    fill(
        &dist.join("index.html"),
        &page_text::index_placeholders(&data),
        pages::esc,
    )?;
    datafiles::write(&data, &dist.join("data"))?;
    // A page and a preview image per shared view (README, "Links and embeds").
    let pages = pages::write(&data, &dist)?;
    eprintln!("xtask: {} static pages with previews", pages.len());
    standalone::write(&dist, &bindgen_dir.join(GLUE))?;
    eprintln!(
        "xtask: dist/ written in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(dist)
}

/// Runs the data rules (`report_core::data::check`) on the folder's dataset; prints every
/// failure with its file and record and refuses the folder if there is one.
pub fn check_data(report: &Path, data: &Dataset) -> Result {
    let failures = check::check(data);
    if failures.is_empty() {
        eprintln!("xtask: {}: every data rule holds", report.display());
        return Ok(());
    }
    for failure in &failures {
        eprintln!("  {}: {failure}", report.display());
    }
    Err(format!(
        "{}: {} failure(s) of the data rules (docs/data.md); no site written",
        report.display(),
        failures.len()
    ))
}

/// Builds the release wasm of the report folder `report`, runs wasm-bindgen and wasm-opt,
/// and writes the optimised wasm and the minified glue into `out`. Returns the directory
/// holding wasm-bindgen's unminified output (standalone.html embeds that glue).
pub fn wasm(report: &Path, out: &Path) -> Result<PathBuf> {
    eprintln!(
        "xtask: building the release wasm ({}, std rebuilt for size)",
        tools::WASM_TOOLCHAIN
    );
    exec(&mut tools::wasm_build(report))?;
    let wasm_in = tools::target_dir().join("wasm32-unknown-unknown/release/report-explorer.wasm");

    let bindgen_dir = tools::target_dir().join("xtask-bindgen");
    let _ = std::fs::remove_dir_all(&bindgen_dir);
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&wasm_in)
        .out_name("report_explorer")
        .web(true)
        .map_err(|e| e.to_string())?
        .typescript(false)
        .generate(&bindgen_dir)
        .map_err(|e| format!("wasm-bindgen: {e}"))?;

    eprintln!("xtask: wasm-opt {}", WASM_OPT_FLAGS.join(" "));
    exec(
        Command::new(tools::npm_bin("wasm-opt"))
            .arg(bindgen_dir.join(WASM))
            .args(WASM_OPT_FLAGS)
            .arg("-o")
            .arg(out.join(WASM)),
    )?;
    // Short import and export names in the wasm and in the glue (standalone.html embeds
    // the renamed, unminified glue).
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()));
    let glue = String::from_utf8(read(&bindgen_dir.join(GLUE))?).map_err(|e| e.to_string())?;
    let (wasm, glue) = wasm_names::shorten(&read(&out.join(WASM))?, &glue)
        .map_err(|e| format!("short wasm names: {e}"))?;
    std::fs::write(out.join(WASM), wasm).map_err(|e| e.to_string())?;
    std::fs::write(bindgen_dir.join(GLUE), glue).map_err(|e| e.to_string())?;
    // The JS glue goes out minified, like any production page's.
    minify(&bindgen_dir.join(GLUE), &out.join(GLUE))?;
    Ok(bindgen_dir)
}

/// Replaces each `{{name}}` placeholder of a built file with its value, escaped for the
/// file's language; a placeholder missing from the file is an error (the template moved).
fn fill(file: &Path, values: &[(&str, String)], escape: fn(&str) -> String) -> Result {
    let name = file.display();
    let mut text = std::fs::read_to_string(file).map_err(|e| format!("{name}: {e}"))?;
    for (from, to) in values {
        if !text.contains(from) {
            return Err(format!("{name} has no {from}"));
        }
        text = text.replace(from, &escape(to));
    }
    std::fs::write(file, text).map_err(|e| format!("{name}: {e}"))
}

/// The inside of a single-quoted JavaScript string.
fn js_string(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('\'', "\\'")
        .replace('<', "\\x3c")
}

fn minify(from: &Path, to: &Path) -> Result {
    exec(
        Command::new(tools::npm_bin("esbuild"))
            .arg(from)
            .args(["--minify", "--log-level=warning"])
            .arg(format!("--outfile={}", to.display())),
    )
}

fn copy(from: &Path, to: &Path) -> Result {
    std::fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("copy {} → {}: {e}", from.display(), to.display()))
}
