//! Sizes of the built files: raw, gzip (level 9) and brotli (quality 11).

use crate::{root, Result};
use std::io::Write;
use std::path::Path;

#[derive(Clone, Copy, Debug, Default)]
pub struct Size {
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

pub fn measure(bytes: &[u8]) -> Size {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).expect("in-memory gzip");
    let gzip = gz.finish().expect("in-memory gzip").len();
    let mut br = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut br, &params).expect("in-memory brotli");
    Size {
        raw: bytes.len(),
        gzip,
        brotli: br.len(),
    }
}

/// The files the first view of `index.html` loads.
pub const FIRST_VIEW: [&str; 5] = [
    "index.html",
    "boot.js",
    "style.css",
    "report_explorer.js",
    "report_explorer_bg.wasm",
];

pub fn first_view(dist: &Path) -> Result<Vec<(String, Size)>> {
    FIRST_VIEW
        .iter()
        .map(|name| {
            let bytes = std::fs::read(dist.join(name)).map_err(|e| format!("{name}: {e}"))?;
            Ok((name.to_string(), measure(&bytes)))
        })
        .collect()
}

pub fn print_dist() -> Result {
    let dist = root().join("dist");
    let first = first_view(&dist).map_err(|e| format!("{e} (run cargo xtask dist first)"))?;
    println!(
        "{:<28} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip", "brotli"
    );
    let mut total = Size::default();
    for (name, s) in &first {
        total.raw += s.raw;
        total.gzip += s.gzip;
        total.brotli += s.brotli;
        println!("{:<28} {:>10} {:>10} {:>10}", name, s.raw, s.gzip, s.brotli);
    }
    for name in [
        "embed.js",
        "standalone.html",
        "data/figures.csv",
        "data/report.json",
    ] {
        let bytes = std::fs::read(dist.join(name)).map_err(|e| format!("{name}: {e}"))?;
        let s = measure(&bytes);
        println!("{:<28} {:>10} {:>10} {:>10}", name, s.raw, s.gzip, s.brotli);
    }
    println!(
        "{:<28} {:>10} {:>10} {:>10}",
        "first view total", total.raw, total.gzip, total.brotli
    );
    print_pages(&dist)
}

/// The release wasm and its glue alone, built for a quick before/after of a size cut.
pub fn print_wasm() -> Result {
    crate::tools::ensure_wasm_toolchain()?;
    crate::tools::ensure_npm_tools()?;
    let out = crate::tools::target_dir().join("xtask-wasm-only");
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let report = crate::report::Target::default().report;
    crate::dist::wasm(&report, &out)?;
    let mut total = Size::default();
    for name in [crate::names::WASM, crate::names::GLUE] {
        let bytes = std::fs::read(out.join(name)).map_err(|e| format!("{name}: {e}"))?;
        let s = measure(&bytes);
        total.raw += s.raw;
        total.gzip += s.gzip;
        total.brotli += s.brotli;
        println!("{:<28} {:>10} {:>10} {:>10}", name, s.raw, s.gzip, s.brotli);
    }
    println!(
        "{:<28} {:>10} {:>10} {:>10}",
        "wasm + glue", total.raw, total.gzip, total.brotli
    );
    Ok(())
}

/// Each static page and its preview image (xtask/src/pages.rs), and their totals.
fn print_pages(dist: &Path) -> Result {
    let data = &crate::report::Target::default().load()?;
    let mut html = Size::default();
    let mut png = Size::default();
    let mut n = 0;
    println!("static pages (index.html, {}):", crate::pages::PREVIEW);
    for page in report_core::state::Page::all(data) {
        for (file, sum) in [("index.html", &mut html), (crate::pages::PREVIEW, &mut png)] {
            let name = format!("{}{file}", page.path());
            let bytes = std::fs::read(dist.join(&name))
                .map_err(|e| format!("{name}: {e} (run cargo xtask dist first)"))?;
            let s = measure(&bytes);
            sum.raw += s.raw;
            sum.gzip += s.gzip;
            sum.brotli += s.brotli;
            println!("{:<44} {:>10} {:>10} {:>10}", name, s.raw, s.gzip, s.brotli);
        }
        n += 1;
    }
    for (what, s) in [("pages", html), ("previews", png)] {
        println!(
            "{:<44} {:>10} {:>10} {:>10}",
            format!("{n} {what} total"),
            s.raw,
            s.gzip,
            s.brotli
        );
    }
    Ok(())
}
