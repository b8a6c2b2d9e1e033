//! `cargo xtask bench [--runs N] [--changes N]`: the release site against the same first
//! view built with ECharts and with Vega-Lite (bench/), measured interleaved in Debian's
//! headless Chromium by bench/run.mjs; prints medians (p95 for filter changes) and the
//! ratio ours/peer with its run-to-run spread; then the Firefox row (the app alone in
//! Debian's firefox-esr, bench/firefox.mjs). `--firefox` measures only that row. See
//! docs/performance.md.

use crate::tools::{self, run as exec};
use crate::{dist, root, serve, sizes, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

mod report;
mod sample;
mod stats;
mod weight;

use report::*;
use sample::*;
use stats::*;
use weight::*;

/// The peers: ECharts and Vega-Lite drawing in the browser, and ECharts pre-rendered
/// (its first chart as SVG in the HTML, bench/run.mjs `writeSsr`).
const PEERS: [&str; 3] = ["echarts", "vega", "echarts-ssr"];
/// The peers that draw their first chart in the browser (the first-chart target's
/// "faster client-rendered peer").
const CLIENT_PEERS: [&str; 2] = ["echarts", "vega"];
/// The static page measured beside `/` (bench/run.mjs names it `static`): the home page
/// whose HTML carries the growth tab's default chart.
const STATIC_PAGE: &str = "zh/";

pub fn run(args: &[String]) -> Result {
    let firefox_only = args.iter().any(|a| a == "--firefox");
    let args: Vec<String> = args.iter().filter(|a| *a != "--firefox").cloned().collect();
    let (runs, changes) = parse_args(&args)?;
    let root = root();
    let built = dist::run(&crate::report::Target::default())?;
    // A private copy: another `cargo xtask` may rebuild dist/ while this one measures.
    let ours = tools::target_dir().join("bench-site");
    let _ = std::fs::remove_dir_all(&ours);
    copy_dir(&built, &ours)?;
    if firefox_only {
        return firefox_row(&ours, runs, changes);
    }

    ensure_bench_npm()?;
    eprintln!("xtask: building the peer pages (bench/build.mjs)");
    exec(
        Command::new("node")
            .arg(root.join("bench/build.mjs"))
            .arg(ours.join("data/report.json"))
            .current_dir(&root),
    )?;
    let peers_dir = root.join("bench/dist");

    tools::ensure_chromium()?;
    let ours_port = serve::spawn(&ours, 0)?;
    let peers_port = serve::spawn(&peers_dir, 0)?;
    let out = tools::target_dir().join("bench-samples.json");
    let _ = std::fs::remove_file(&out);
    eprintln!("xtask: measuring ({runs} runs × 5 pages, {changes} filter changes each)");
    exec(
        Command::new("node")
            .arg(root.join("bench/run.mjs"))
            .arg(&out)
            .arg(runs.to_string())
            .arg(changes.to_string())
            .arg(format!("ours=http://127.0.0.1:{ours_port}/"))
            .arg(format!("static=http://127.0.0.1:{ours_port}/{STATIC_PAGE}"))
            .arg(format!("echarts=http://127.0.0.1:{peers_port}/echarts/"))
            .arg(format!("vega=http://127.0.0.1:{peers_port}/vega/"))
            .arg(format!(
                "echarts-ssr=http://127.0.0.1:{peers_port}/echarts-ssr/"
            ))
            .current_dir(&root),
    )?;
    let text = std::fs::read_to_string(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let doc: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let samples = Sample::all(&doc)?;
    let names: Vec<&str> = ["ours"].into_iter().chain(PEERS).collect();
    let mut files = Vec::new();
    for name in &names {
        let dir = if *name == "ours" { &ours } else { &peers_dir };
        let first = samples
            .iter()
            .find(|s| s.page == *name && s.cond == CONDITIONS[0].0 && s.tab == TABS[0].0)
            .ok_or_else(|| format!("no samples for {name}"))?;
        files.push(measure_files(name, &first.files, dir)?);
    }
    print_report(&doc, &samples, &names, &files, runs, changes);
    print_static(&samples, &ours)?;
    firefox_row(&ours, runs, changes)
}

/// The app alone in Firefox (bench/firefox.mjs): the first chart and change → next frame
/// at 1× CPU, so that a slowdown there is seen too.
fn firefox_row(site: &Path, runs: usize, changes: usize) -> Result {
    tools::ensure_npm_tools()?;
    tools::ensure_engines()?;
    let port = serve::spawn(site, 0)?;
    let out = tools::target_dir().join("bench-firefox.json");
    eprintln!("xtask: measuring in Firefox ({runs} runs × 2 tabs, {changes} filter changes each)");
    exec(
        Command::new("node")
            .arg(root().join("bench/firefox.mjs"))
            .arg(&out)
            .arg(runs.to_string())
            .arg(changes.to_string())
            .arg(format!("http://127.0.0.1:{port}/"))
            .current_dir(root()),
    )
}

/// The conditions and tabs bench/run.mjs measures (ids as it writes them).
const CONDITIONS: [(&str, &str); 2] = [
    ("cpu1-dpr1", "1× CPU, DPR 1"),
    ("cpu4-dpr2", "4× CPU, DPR 2"),
];
const TABS: [(&str, &str); 2] = [("compare", "growth"), ("levels", "levels")];

fn parse_args(args: &[String]) -> Result<(usize, usize)> {
    let (mut runs, mut changes) = (5, 20);
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = |v: Option<&String>| -> Result<usize> {
            v.and_then(|v| v.parse().ok())
                .filter(|n| *n > 0)
                .ok_or_else(|| format!("{flag} wants a positive number"))
        };
        match flag.as_str() {
            "--runs" => runs = value(it.next())?,
            "--changes" => changes = value(it.next())?,
            _ => {
                return Err("usage: cargo xtask bench [--runs N] [--changes N] [--firefox]".into())
            }
        }
    }
    Ok((runs, changes))
}

/// `npm ci` in bench/ from its committed lockfile, once per lockfile change.
fn ensure_bench_npm() -> Result {
    let dir = root().join("bench");
    let lock = std::fs::read(dir.join("package-lock.json"))
        .map_err(|e| format!("bench/package-lock.json: {e}"))?;
    let stamp = dir.join("node_modules/.xtask-lock");
    if std::fs::read(&stamp).ok().as_deref() == Some(&lock[..]) {
        return Ok(());
    }
    eprintln!("xtask: installing the peers' pinned npm packages (npm ci in bench/)");
    exec(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            .current_dir(&dir),
    )?;
    std::fs::write(stamp, lock).map_err(|e| e.to_string())
}

fn copy_dir(from: &Path, to: &Path) -> Result {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &target)?;
        } else {
            std::fs::copy(&path, &target).map_err(|e| format!("copy {}: {e}", path.display()))?;
        }
    }
    Ok(())
}
