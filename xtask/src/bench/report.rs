//! The table printed for docs/performance.md.

use super::*;

pub(super) fn print_report(
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
    let cols = names
        .iter()
        .map(|n| format!(" {n:>11}"))
        .collect::<String>();
    println!("{:<30}{cols}{head}", "metric");
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
        let cells = v
            .iter()
            .map(|x| format!(" {:>11}", cell(*x)))
            .collect::<String>();
        println!("{label:<30}{cells}{ratios}");
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
    println!("settled = click → the first frame after the last DOM change and the last draw call (the whole view: chart, count, summary, table);");
    println!("first chart over {runs} runs × {first_loads} loads per page");
    println!("pooled over the runs; [lowest–highest] of the per-run figures or ratios; ratios are ours/peer, below 1 = ours faster;");
    println!("the settled ratio is ours settled p95 / the peer's change p95 (its chart on screen)");
    println!(
        "{:<15} {:<7} {:<14} {:>17} {:>17} {:>17} {:>17} {:>17} {:>17}",
        "condition",
        "tab",
        "page",
        "first chart ms",
        "change median ms",
        "change p95 ms",
        "missed next frame",
        "settled p95 ms",
        "settled late"
    );
    for (cond, cond_label) in CONDITIONS {
        for (tab, tab_label) in TABS {
            let figs: Vec<[Figure; 6]> = names
                .iter()
                .map(|n| {
                    [
                        FIRST_CHART,
                        CHANGE_MEDIAN,
                        CHANGE_P95,
                        MISSED,
                        SETTLED_P95,
                        SETTLED_MISSED,
                    ]
                    .map(|m| figure(samples, n, cond, tab, m))
                })
                .collect();
            for (i, (name, f)) in names.iter().zip(&figs).enumerate() {
                println!(
                    "{:<15} {:<7} {:<14} {:>17.0} {:>17.1} {:>17.1} {:>17} {:>17.1} {:>17}",
                    if i == 0 { cond_label } else { "" },
                    if i == 0 { tab_label } else { "" },
                    name,
                    f[0].pooled,
                    f[1].pooled,
                    f[2].pooled,
                    percent(&f[3]),
                    f[4].pooled,
                    percent(&f[5])
                );
            }
            for (peer, f) in PEERS.iter().zip(&figs[1..]) {
                println!(
                    "{:<15} {:<7} {:<14} {:>17} {:>17} {:>17} {:>17} {:>17}",
                    "",
                    "",
                    format!("ours/{peer}"),
                    ratio(&figs[0][0], &f[0]),
                    ratio(&figs[0][1], &f[1]),
                    ratio(&figs[0][2], &f[2]),
                    "",
                    ratio(&figs[0][4], &f[2])
                );
            }
        }
    }
    if let Some(secs) = doc["seconds"].as_f64() {
        println!("(KB = 1000 bytes; measured in {secs:.0} s)");
    }
}

/// The static page beside `/` and the peers: its first chart (the SVG in its HTML) with the
/// same probe, on the growth tab, and what it loads before that chart.
pub(super) fn print_static(samples: &[Sample], site: &Path) -> Result {
    let before = ["index.html", "../style.css", "../static.css", "../gate.js"];
    let dir = site.join(STATIC_PAGE);
    let mut brotli = 0;
    println!();
    println!("Static page /{STATIC_PAGE}: its chart is SVG in its HTML; what it loads before that chart (raw / gzip / brotli bytes)");
    for file in before {
        let bytes =
            std::fs::read(dir.join(file)).map_err(|e| format!("{STATIC_PAGE}{file}: {e}"))?;
        let s = sizes::measure(&bytes);
        brotli += s.brotli;
        println!(
            "  {:<28} {:>9} {:>9} {:>9}",
            file.trim_start_matches("../"),
            s.raw,
            s.gzip,
            s.brotli
        );
    }
    println!("  total brotli {:.1} KB", kb(brotli));
    println!(
        "{:<15} {:<14} {:>17} {:>17} {:>17}",
        "condition", "page", "first chart ms", "change median ms", "change p95 ms"
    );
    let tab = TABS[0].0;
    for (cond, cond_label) in CONDITIONS {
        let pages: Vec<&str> = ["static", "ours"].into_iter().chain(PEERS).collect();
        let figs: Vec<[Figure; 3]> = pages
            .iter()
            .map(|n| {
                [FIRST_CHART, CHANGE_MEDIAN, CHANGE_P95].map(|m| figure(samples, n, cond, tab, m))
            })
            .collect();
        for (i, (name, f)) in pages.iter().zip(&figs).enumerate() {
            println!(
                "{:<15} {:<14} {:>17.0} {:>17.1} {:>17.1}",
                if i == 0 { cond_label } else { "" },
                name,
                f[0].pooled,
                f[1].pooled,
                f[2].pooled
            );
        }
        for (other, f) in pages[1..].iter().zip(&figs[1..]) {
            println!(
                "{:<15} {:<14} {:>17} {:>17} {:>17}",
                "",
                format!("static/{other}"),
                ratio(&figs[0][0], &f[0]),
                ratio(&figs[0][1], &f[1]),
                ratio(&figs[0][2], &f[2])
            );
        }
        let faster = CLIENT_PEERS
            .iter()
            .map(|p| figs[pages.iter().position(|n| n == p).unwrap_or(0)][0].pooled)
            .fold(f64::INFINITY, f64::min);
        println!(
            "{:<15} {:<14} {:>17.2}",
            "",
            "static/faster client-rendered peer",
            figs[0][0].pooled / faster
        );
    }
    Ok(())
}
