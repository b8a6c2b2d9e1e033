//! Build, serve, test and measure the explorer: `cargo xtask <command>`.

mod bench;
mod datafiles;
mod dist;
mod draft;
mod expected_tests;
mod names;
mod page_text;
mod pages;
mod preview;
mod report;
mod serve;
mod sizes;
mod standalone;
mod tally;
mod test;
mod tools;
mod wasm_names;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  serve [--port N]   build the release site into dist/ and serve it (default port 8080)
  dist [--report DIR] [--out DIR]
                     build the release site of a report folder (default
                     reports/aba-2024) into dist/ (and dist/standalone.html)
  test               every check: fmt, clippy, native tests, browser suite;
                     ends with N passed, N failed, N skipped; fails when the tests
                     collected are not those of tests/expected-tests.txt
  expected-tests     rewrite tests/expected-tests.txt from the tests the test
                     command would collect (listed, not run)
  sizes              print the size of each file in dist/ (raw, gzip, brotli)
  sizes --wasm       build only the release wasm and its glue (no pages, no previews)
                     into target/xtask-wasm-only/ and print their sizes
  draft TEXT --out DIR
                     draft a report folder from a report's text (docs/draft.md)
  draft --score DIR…  draft the text of reviewed folders and print the score table
  bench [--runs N] [--changes N]
                     measure the release site, and its static page zh/, against
                     ECharts and Vega-Lite peers in headless Chromium (default 5 runs,
                     20 filter changes each)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve::run(&args[1..]),
        Some("dist") => report::Target::from_args(&args[1..])
            .and_then(|(target, _)| dist::run(&target))
            .map(|_| ()),
        Some("test") => test::run(&args[1..]),
        Some("expected-tests") => expected_tests::run(&args[1..]),
        Some("sizes") if args.get(1).map(String::as_str) == Some("--wasm") => sizes::print_wasm(),
        Some("sizes") => sizes::print_dist(),
        Some("bench") => bench::run(&args[1..]),
        Some("draft") => draft::run(&args[1..]),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The repository root (the parent of `xtask/`). `cargo run` names the manifest folder at
/// run time; the path compiled in is only the fallback, because a build cache shared by two
/// clones (CI's fixed target dir) can hand one clone a binary compiled in the other.
pub fn root() -> std::path::PathBuf {
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| env!("CARGO_MANIFEST_DIR").into());
    manifest
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

pub type Result<T = ()> = std::result::Result<T, String>;
