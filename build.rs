//! Embeds one report folder into the page: `REPORT_DIR` (a folder with `manifest.json`,
//! see `docs/architecture.md`); the default, Aba's 2024 report, is set in `.cargo/config.toml`.
//! `cargo xtask dist --report DIR` sets it.
//!
//! The folder is read and checked by the same code the tests use (`Dataset::load`), then
//! written to OUT_DIR as:
//! - `dataset.txt`, the compact form (`report_core::data::compact`), so the page needs no
//!   JSON deserializer;
//! - `text.txt`: for the wasm build, the report text cut down to the sentences around the
//!   figures' quotes: all the page reads it for is "show the context"
//!   (`Dataset::context_of`), and the full text is a tenth of the download. Native builds
//!   keep the whole text. The build checks that every figure's context is the same in both.
//! - `report_dir.txt`: the folder's absolute path, for the test that the embedded data is
//!   the folder as it is now.

use std::path::{Path, PathBuf};

use report_core::data::{context_of, context_range, Dataset, FOLDER_FILES};

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=REPORT_DIR");
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    // The default is set in .cargo/config.toml ([env]), so no code names a report.
    let dir = root.join(
        std::env::var("REPORT_DIR")
            .expect("REPORT_DIR names the report folder (.cargo/config.toml)"),
    );
    let dir = dir.canonicalize().unwrap_or(dir);
    let data = Dataset::load(&dir).unwrap_or_else(|e| panic!("the report folder: {e}"));
    for name in FOLDER_FILES {
        println!(
            "cargo::rerun-if-changed={}",
            dir.join(format!("{name}.json")).display()
        );
    }
    println!(
        "cargo::rerun-if-changed={}",
        dir.join(&data.report.text).display()
    );

    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    let text = if wasm {
        let quotes: Vec<&str> = data.figures.iter().map(|f| f.quote.as_str()).collect();
        let cut = contexts_only(&data.text, &quotes);
        for q in &quotes {
            assert_eq!(
                context_of(&data.text, q),
                context_of(&cut, q),
                "the cut report text changes the context of {q:?}"
            );
        }
        cut
    } else {
        data.text.to_string()
    };
    write(&out.join("text.txt"), &text);
    let compact = report_core::data::compact::encode(&data).unwrap_or_else(|e| panic!("{e}"));
    write(&out.join("dataset.txt"), &compact);
    write(&out.join("report_dir.txt"), &dir.display().to_string());
}

fn write(path: &Path, text: &str) {
    // Only rewrite on change, so the crate is not rebuilt for nothing.
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}

/// The sentences around the quotes, in report order, one stretch per line.
fn contexts_only(text: &str, quotes: &[&str]) -> String {
    let mut ranges: Vec<(usize, usize)> = quotes
        .iter()
        .filter_map(|q| context_range(text, q))
        .collect();
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (from, to) in ranges {
        match merged.last_mut() {
            Some(last) if from <= last.1 => last.1 = last.1.max(to),
            _ => merged.push((from, to)),
        }
    }
    merged
        .iter()
        .map(|&(from, to)| &text[from..to])
        .collect::<Vec<_>>()
        .join("\n")
}
