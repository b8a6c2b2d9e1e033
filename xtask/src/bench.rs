//! `cargo xtask bench [--runs N] [--changes N]`: the release site against the same first
//! view built with ECharts and with Vega-Lite (bench/), measured interleaved in Debian's
//! headless Chromium by bench/run.mjs; prints medians (p95 for filter changes) and the
//! ratio ours/peer. See docs/performance.md.

use crate::tools::{self, run as exec};
use crate::{dist, root, serve, sizes, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

const PEERS: [&str; 2] = ["echarts", "vega"];

pub fn run(args: &[String]) -> Result {
    let (runs, changes) = parse_args(args)?;
    let root = root();
    let built = dist::run()?;
    // A private copy: another `cargo xtask` may rebuild dist/ while this one measures.
    let ours = tools::target_dir().join("bench-site");
    let _ = std::fs::remove_dir_all(&ours);
    copy_dir(&built, &ours)?;

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
    eprintln!("xtask: measuring ({runs} runs × 3 pages, {changes} filter changes each)");
    exec(
        Command::new("node")
            .arg(root.join("bench/run.mjs"))
            .arg(&out)
            .arg(runs.to_string())
            .arg(changes.to_string())
            .arg(format!("ours=http://127.0.0.1:{ours_port}/"))
            .arg(format!("echarts=http://127.0.0.1:{peers_port}/echarts/"))
            .arg(format!("vega=http://127.0.0.1:{peers_port}/vega/"))
            .current_dir(&root),
    )?;
    let text = std::fs::read_to_string(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let doc: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;

    let pages = [("ours", ours.clone())]
        .into_iter()
        .chain(PEERS.iter().map(|p| (*p, peers_dir.clone())))
        .map(|(name, dir)| Page::from_samples(name, &doc[name], &dir))
        .collect::<Result<Vec<_>>>()?;
    print_report(&pages, runs, changes);
    Ok(())
}

fn parse_args(args: &[String]) -> Result<(usize, usize)> {
    let (mut runs, mut changes) = (7, 100);
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
            _ => return Err("usage: cargo xtask bench [--runs N] [--changes N]".into()),
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

/// One page's figures: medians over runs, filter changes pooled over runs.
struct Page {
    name: &'static str,
    files: Vec<(String, sizes::Size)>,
    first_chart: f64,
    filter_median: f64,
    filter_p95: f64,
    changes: usize,
    wasm_fetch: Option<f64>,
    wasm_instantiate: Option<f64>,
    wasm_memory: Option<f64>,
    js_heap: Option<f64>,
}

impl Page {
    fn from_samples(name: &'static str, samples: &serde_json::Value, dir: &Path) -> Result<Page> {
        let samples = samples
            .as_array()
            .filter(|s| !s.is_empty())
            .ok_or_else(|| format!("no samples for {name}"))?;
        let numbers =
            |key: &str| -> Vec<f64> { samples.iter().filter_map(|s| s[key].as_f64()).collect() };
        let optional = |key: &str| {
            let v = numbers(key);
            (!v.is_empty()).then(|| median(&v))
        };
        let mut filter: Vec<f64> = samples
            .iter()
            .filter_map(|s| s["filter"].as_array())
            .flatten()
            .filter_map(|t| t.as_f64())
            .collect();
        filter.sort_by(f64::total_cmp);
        // The files the browser requested for the first view, measured like `cargo xtask sizes`.
        let mut files = Vec::new();
        for url_path in samples[0]["files"].as_array().into_iter().flatten() {
            let url_path = url_path.as_str().unwrap_or("");
            let mut file: PathBuf = dir.to_path_buf();
            file.extend(url_path.split('/').filter(|p| !p.is_empty()));
            if url_path.ends_with('/') {
                file.push("index.html");
            }
            let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            let shown = file
                .strip_prefix(dir)
                .map(|p| p.display().to_string())
                .unwrap_or_else(|_| url_path.to_string());
            files.push((shown, sizes::measure(&bytes)));
        }
        Ok(Page {
            name,
            files,
            first_chart: median(&numbers("firstChart")),
            filter_median: percentile(&filter, 50.0),
            filter_p95: percentile(&filter, 95.0),
            changes: filter.len(),
            wasm_fetch: optional("wasmFetch"),
            wasm_instantiate: optional("wasmInstantiate"),
            wasm_memory: optional("wasmMemory"),
            js_heap: optional("jsHeap"),
        })
    }

    fn total(&self) -> sizes::Size {
        self.files
            .iter()
            .fold(sizes::Size::default(), |t, (_, s)| sizes::Size {
                raw: t.raw + s.raw,
                gzip: t.gzip + s.gzip,
                brotli: t.brotli + s.brotli,
            })
    }
}

fn kb(n: usize) -> f64 {
    n as f64 / 1000.0
}

fn median(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    percentile(&v, 50.0)
}

/// Nearest-rank percentile of sorted values.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn print_report(pages: &[Page], runs: usize, changes: usize) {
    println!();
    println!("Files of the first view (raw / gzip / brotli bytes)");
    for p in pages {
        for (name, s) in &p.files {
            println!(
                "  {:<8} {:<28} {:>9} {:>9} {:>9}",
                p.name, name, s.raw, s.gzip, s.brotli
            );
        }
    }
    println!();
    println!(
        "Medians of {runs} interleaved runs; filter change over {} changes per page ({changes} per run)",
        pages[0].changes
    );
    let head = PEERS
        .iter()
        .map(|p| format!("{:>14}", format!("ours/{p}")))
        .collect::<String>();
    println!(
        "{:<34} {:>10} {:>10} {:>10}{head}",
        "metric", "ours", "echarts", "vega"
    );
    type Get = fn(&Page) -> Option<f64>;
    let rows: [(&str, Get, &str); 11] = [
        ("first view raw (KB)", |p| Some(kb(p.total().raw)), "{:.1}"),
        (
            "first view gzip (KB)",
            |p| Some(kb(p.total().gzip)),
            "{:.1}",
        ),
        (
            "first view brotli (KB)",
            |p| Some(kb(p.total().brotli)),
            "{:.1}",
        ),
        ("first chart (ms)", |p| Some(p.first_chart), "{:.0}"),
        (
            "filter → redraw median (ms)",
            |p| Some(p.filter_median),
            "{:.1}",
        ),
        ("filter → redraw p95 (ms)", |p| Some(p.filter_p95), "{:.1}"),
        ("wasm fetch (ms)", |p| p.wasm_fetch, "{:.1}"),
        (
            "wasm compile+instantiate (ms)",
            |p| p.wasm_instantiate,
            "{:.1}",
        ),
        (
            "JS heap after load (MB)",
            |p| p.js_heap.map(|b| b / 1e6),
            "{:.2}",
        ),
        (
            "wasm memory after load (MB)",
            |p| p.wasm_memory.map(|b| b / 1e6),
            "{:.2}",
        ),
        (
            "JS heap + wasm memory (MB)",
            |p| p.js_heap.map(|h| (h + p.wasm_memory.unwrap_or(0.0)) / 1e6),
            "{:.2}",
        ),
    ];
    for (label, get, fmt) in rows {
        let cell = |v: Option<f64>| match v {
            Some(v) if fmt == "{:.0}" => format!("{v:.0}"),
            Some(v) if fmt == "{:.2}" => format!("{v:.2}"),
            Some(v) => format!("{v:.1}"),
            None => "–".into(),
        };
        let values: Vec<Option<f64>> = pages.iter().map(get).collect();
        let ratios = values[1..]
            .iter()
            .map(|peer| match (values[0], peer) {
                (Some(o), Some(p)) if *p > 0.0 => format!("{:>14.2}", o / p),
                _ => format!("{:>14}", "–"),
            })
            .collect::<String>();
        println!(
            "{:<34} {:>10} {:>10} {:>10}{ratios}",
            label,
            cell(values[0]),
            cell(values[1]),
            cell(values[2])
        );
    }
    println!("(KB = 1000 bytes; ratios below 1 mean ours is smaller or faster)");
}
