//! One load of one page: what the probe recorded.

use super::*;

/// One page measured under one condition on one tab in one run (bench/run.mjs).
pub(super) struct Sample {
    pub(super) run: u64,
    pub(super) cond: String,
    pub(super) tab: String,
    pub(super) page: String,
    /// The load that timed the changes first, then the loads for the first chart alone.
    pub(super) first_charts: Vec<f64>,
    pub(super) latencies: Vec<f64>,
    pub(super) missed: Vec<bool>,
    /// Change → the first frame after the last DOM change and the last draw call.
    pub(super) settled: Vec<f64>,
    /// Whether the whole view settled after the next frame.
    pub(super) settled_missed: Vec<bool>,
    pub(super) files: Vec<String>,
    pub(super) wasm_fetch: Option<f64>,
    pub(super) wasm_instantiate: Option<f64>,
    pub(super) wasm_memory: Option<f64>,
    pub(super) js_heap: Option<f64>,
}

impl Sample {
    pub(super) fn all(doc: &serde_json::Value) -> Result<Vec<Sample>> {
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
                    settled: changes
                        .iter()
                        .filter_map(|c| c["settled"].as_f64())
                        .collect(),
                    settled_missed: changes
                        .iter()
                        .filter_map(|c| c["settledMissed"].as_bool())
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
