//! `cargo xtask bench [--runs N] [--changes N]`: the release site against the same first
//! view built with ECharts and with Vega-Lite (bench/), measured interleaved in Debian's
//! headless Chromium by bench/run.mjs; prints medians (p95 for filter changes) and the
//! ratio ours/peer with its run-to-run spread. See docs/performance.md.

use crate::tools::{self, run as exec};
use crate::{dist, root, serve, sizes, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

const PEERS: [&str; 2] = ["echarts", "vega"];

pub fn run(args: &[String]) -> Result {
    let (runs, changes) = parse_args(args)?;
    let root = root();
    let built = dist::run(&crate::report::Target::default())?;
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
    Ok(())
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

/// One page measured under one condition on one tab in one run (bench/run.mjs).
struct Sample {
    run: u64,
    cond: String,
    tab: String,
    page: String,
    /// The load that timed the changes first, then the loads for the first chart alone.
    first_charts: Vec<f64>,
    latencies: Vec<f64>,
    missed: Vec<bool>,
    files: Vec<String>,
    wasm_fetch: Option<f64>,
    wasm_instantiate: Option<f64>,
    wasm_memory: Option<f64>,
    js_heap: Option<f64>,
}

impl Sample {
    fn all(doc: &serde_json::Value) -> Result<Vec<Sample>> {
        let list = doc["samples"]
            .as_array()
            .filter(|s| !s.is_empty())
            .ok_or("bench/run.mjs wrote no samples")?;
        let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
        Ok(list
            .iter()
            .map(|s| {
                let changes = s["changes"].as_array().cloned().unwrap_or_default();
                Sample {
                    run: s["run"].as_u64().unwrap_or(0),
                    cond: text(&s["cond"]),
                    tab: text(&s["tab"]),
                    page: text(&s["page"]),
                    first_charts: match s["firstCharts"].as_array() {
                        Some(all) => all.iter().filter_map(|x| x.as_f64()).collect(),
                        None => s["firstChart"].as_f64().into_iter().collect(),
                    },
                    latencies: changes
                        .iter()
                        .filter_map(|c| c["latency"].as_f64())
                        .collect(),
                    missed: changes
                        .iter()
                        .filter_map(|c| c["missed"].as_bool())
                        .collect(),
                    files: s["files"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(text)
                        .collect(),
                    wasm_fetch: s["wasmFetch"].as_f64(),
                    wasm_instantiate: s["wasmInstantiate"].as_f64(),
                    wasm_memory: s["wasmMemory"].as_f64(),
                    js_heap: s["jsHeap"].as_f64(),
                }
            })
            .collect())
    }
}

/// The files the browser requested for the first view, measured like `cargo xtask sizes`.
fn measure_files(name: &str, urls: &[String], dir: &Path) -> Result<Vec<(String, sizes::Size)>> {
    let mut files = Vec::new();
    for url_path in urls {
        let mut file: PathBuf = dir.to_path_buf();
        file.extend(url_path.split('/').filter(|p| !p.is_empty()));
        if url_path.ends_with('/') {
            file.push("index.html");
        }
        let bytes = std::fs::read(&file).map_err(|e| format!("{name}: {}: {e}", file.display()))?;
        let shown = file
            .strip_prefix(dir)
            .map(|p| p.display().to_string())
            .unwrap_or_else(|_| url_path.to_string());
        files.push((shown, sizes::measure(&bytes)));
    }
    Ok(files)
}

fn total(files: &[(String, sizes::Size)]) -> sizes::Size {
    files
        .iter()
        .fold(sizes::Size::default(), |t, (_, s)| sizes::Size {
            raw: t.raw + s.raw,
            gzip: t.gzip + s.gzip,
            brotli: t.brotli + s.brotli,
        })
}

fn kb(n: usize) -> f64 {
    n as f64 / 1000.0
}

fn median(v: &[f64]) -> f64 {
    percentile(v, 50.0)
}

/// Nearest-rank percentile.
fn percentile(v: &[f64], p: f64) -> f64 {
    let mut sorted = v.to_vec();
    sorted.sort_by(f64::total_cmp);
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn share(missed: &[bool]) -> f64 {
    missed.iter().filter(|m| **m).count() as f64 / missed.len().max(1) as f64
}

/// A figure of one page under one condition on one tab: over all runs pooled, and per run.
struct Figure {
    pooled: f64,
    per_run: Vec<(u64, f64)>,
}

type Metric = fn(&[&Sample]) -> f64;

fn figure(samples: &[Sample], page: &str, cond: &str, tab: &str, metric: Metric) -> Figure {
    let cell: Vec<&Sample> = samples
        .iter()
        .filter(|s| s.page == page && s.cond == cond && s.tab == tab)
        .collect();
    let mut runs: Vec<u64> = cell.iter().map(|s| s.run).collect();
    runs.sort_unstable();
    runs.dedup();
    let per_run = runs
        .iter()
        .map(|r| {
            let one: Vec<&Sample> = cell.iter().copied().filter(|s| s.run == *r).collect();
            (*r, metric(&one))
        })
        .collect();
    Figure {
        pooled: metric(&cell),
        per_run,
    }
}

fn latencies(s: &[&Sample]) -> Vec<f64> {
    s.iter().flat_map(|s| s.latencies.iter().copied()).collect()
}

const FIRST_CHART: Metric = |s| {
    median(
        &s.iter()
            .flat_map(|s| s.first_charts.iter().copied())
            .collect::<Vec<_>>(),
    )
};
const CHANGE_MEDIAN: Metric = |s| median(&latencies(s));
const CHANGE_P95: Metric = |s| percentile(&latencies(s), 95.0);
const MISSED: Metric = |s| {
    share(
        &s.iter()
            .flat_map(|s| s.missed.iter().copied())
            .collect::<Vec<_>>(),
    )
};

/// "0.93 [0.81–1.10]": the ratio ours/peer of the pooled figures, and the lowest and
/// highest ratio of the per-run figures.
fn ratio(ours: &Figure, peer: &Figure) -> String {
    let per_run: Vec<f64> = ours
        .per_run
        .iter()
        .filter_map(|(run, o)| {
            let p = peer.per_run.iter().find(|(r, _)| r == run)?.1;
            (p > 0.0).then_some(o / p)
        })
        .collect();
    let lo = per_run.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = per_run.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if peer.pooled > 0.0 && !per_run.is_empty() {
        format!("{:.2} [{lo:.2}–{hi:.2}]", ours.pooled / peer.pooled)
    } else {
        "–".into()
    }
}

/// "53% [40–67]": the pooled share and the per-run range, in per cent.
fn percent(f: &Figure) -> String {
    let lo = f.per_run.iter().map(|x| x.1).fold(f64::INFINITY, f64::min);
    let hi = f
        .per_run
        .iter()
        .map(|x| x.1)
        .fold(f64::NEG_INFINITY, f64::max);
    format!(
        "{:.0}% [{:.0}–{:.0}]",
        f.pooled * 100.0,
        lo * 100.0,
        hi * 100.0
    )
}

fn print_report(
    doc: &serde_json::Value,
    samples: &[Sample],
    names: &[&str],
    files: &[Vec<(String, sizes::Size)>],
    runs: usize,
    changes: usize,
) {
    println!();
    println!("Files of the first view (raw / gzip / brotli bytes)");
    for (name, list) in names.iter().zip(files) {
        for (file, s) in list {
            println!(
                "  {:<8} {:<28} {:>9} {:>9} {:>9}",
                name, file, s.raw, s.gzip, s.brotli
            );
        }
    }
    if let Some(check) = doc["selfCheck"].as_object() {
        println!();
        println!("Probe self-check (a test page redrawing its canvas on a checkbox change, 12 changes each)");
        for (k, v) in check {
            println!(
                "  {:<8} median {:>6.1} ms  p95 {:>6.1} ms  missed next frame {:>4.0}%",
                k,
                v["median"].as_f64().unwrap_or(f64::NAN),
                v["p95"].as_f64().unwrap_or(f64::NAN),
                v["missed"].as_f64().unwrap_or(f64::NAN) * 100.0
            );
        }
    }

    if let Some(sizes) = doc["sizes"].as_object() {
        println!();
        println!("Chart size (CSS px): the app's in each filter state, measured in the warm-up run; every page's chart is checked against it");
        for (key, states) in sizes {
            let list = states
                .as_object()
                .into_iter()
                .flatten()
                .map(|(label, wh)| {
                    let n = |i: usize| wh[i].as_f64().unwrap_or(f64::NAN);
                    let label = if label.is_empty() { "no sector" } else { label };
                    format!("{label} {:.0}×{:.0}", n(0), n(1))
                })
                .collect::<Vec<_>>()
                .join(", ");
            println!("  {key:<18} {list}");
        }
    }

    let (c0, t0) = (CONDITIONS[0].0, TABS[0].0);
    println!();
    println!(
        "Load, {}, growth tab: medians of {runs} runs (page order rotated, after a warm-up run)",
        CONDITIONS[0].1
    );
    let head = PEERS
        .iter()
        .map(|p| format!("{:>20}", format!("ours/{p}")))
        .collect::<String>();
    println!(
        "{:<30} {:>9} {:>9} {:>9}{head}",
        "metric", "ours", "echarts", "vega"
    );
    let bytes = |f: fn(&sizes::Size) -> usize| -> Vec<f64> {
        files.iter().map(|l| kb(f(&total(l)))).collect()
    };
    let plain = |label: &str, v: Vec<Option<f64>>, digits: usize| {
        let cell = |x: Option<f64>| x.map_or("–".into(), |x| format!("{x:.digits$}"));
        let ratios = v[1..]
            .iter()
            .map(|p| match (v[0], p) {
                (Some(o), Some(p)) if *p > 0.0 => format!("{:>20.2}", o / p),
                _ => format!("{:>20}", "–"),
            })
            .collect::<String>();
        println!(
            "{:<30} {:>9} {:>9} {:>9}{ratios}",
            label,
            cell(v[0]),
            cell(v[1]),
            cell(v[2])
        );
    };
    plain(
        "first view raw (KB)",
        bytes(|s| s.raw).into_iter().map(Some).collect(),
        1,
    );
    plain(
        "first view gzip (KB)",
        bytes(|s| s.gzip).into_iter().map(Some).collect(),
        1,
    );
    plain(
        "first view brotli (KB)",
        bytes(|s| s.brotli).into_iter().map(Some).collect(),
        1,
    );
    let optional = |get: fn(&Sample) -> Option<f64>| -> Vec<Option<f64>> {
        names
            .iter()
            .map(|n| {
                let v: Vec<f64> = samples
                    .iter()
                    .filter(|s| s.page == *n && s.cond == c0 && s.tab == t0)
                    .filter_map(get)
                    .collect();
                (!v.is_empty()).then(|| median(&v))
            })
            .collect()
    };
    plain("wasm fetch (ms)", optional(|s| s.wasm_fetch), 1);
    plain(
        "wasm compile+instantiate (ms)",
        optional(|s| s.wasm_instantiate),
        1,
    );
    plain(
        "JS heap after load (MB)",
        optional(|s| s.js_heap.map(|b| b / 1e6)),
        2,
    );
    plain(
        "wasm memory after load (MB)",
        optional(|s| s.wasm_memory.map(|b| b / 1e6)),
        2,
    );
    plain(
        "JS heap + wasm memory (MB)",
        optional(|s| s.js_heap.map(|h| (h + s.wasm_memory.unwrap_or(0.0)) / 1e6)),
        2,
    );

    println!();
    println!(
        "Screen to screen (bench/probe.js): first chart = first frame presented with chart draw calls, since navigation start;"
    );
    // bench/run.mjs loads each page FIRST_CHART_LOADS more times per run for its first chart.
    let first_loads = samples.first().map_or(1, |s| s.first_charts.len());
    println!(
        "filter change = click on a sector checkbox → the frame presented after the chart changed; {runs} runs × {changes} changes per page;"
    );
    println!("first chart over {runs} runs × {first_loads} loads per page");
    println!("pooled over the runs; [lowest–highest] of the per-run figures or ratios; ratios are ours/peer, below 1 = ours faster");
    println!(
        "{:<15} {:<7} {:<14} {:>17} {:>17} {:>17} {:>17}",
        "condition",
        "tab",
        "page",
        "first chart ms",
        "change median ms",
        "change p95 ms",
        "missed next frame"
    );
    for (cond, cond_label) in CONDITIONS {
        for (tab, tab_label) in TABS {
            let figs: Vec<[Figure; 4]> = names
                .iter()
                .map(|n| {
                    [FIRST_CHART, CHANGE_MEDIAN, CHANGE_P95, MISSED]
                        .map(|m| figure(samples, n, cond, tab, m))
                })
                .collect();
            for (i, (name, f)) in names.iter().zip(&figs).enumerate() {
                println!(
                    "{:<15} {:<7} {:<14} {:>17.0} {:>17.1} {:>17.1} {:>17}",
                    if i == 0 { cond_label } else { "" },
                    if i == 0 { tab_label } else { "" },
                    name,
                    f[0].pooled,
                    f[1].pooled,
                    f[2].pooled,
                    percent(&f[3])
                );
            }
            for (peer, f) in PEERS.iter().zip(&figs[1..]) {
                println!(
                    "{:<15} {:<7} {:<14} {:>17} {:>17} {:>17}",
                    "",
                    "",
                    format!("ours/{peer}"),
                    ratio(&figs[0][0], &f[0]),
                    ratio(&figs[0][1], &f[1]),
                    ratio(&figs[0][2], &f[2])
                );
            }
        }
    }
    if let Some(secs) = doc["seconds"].as_f64() {
        println!("(KB = 1000 bytes; measured in {secs:.0} s)");
    }
}
