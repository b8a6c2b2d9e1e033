//! The report folders the core tests read, loaded once per test binary. The page embeds
//! the compact form of the same folder; `tests/dataset.rs` at the root proves the two agree.

use report_core::data::Dataset;
use std::sync::OnceLock;

fn load(rel: &str) -> Dataset {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel);
    Dataset::load(&dir).unwrap_or_else(|e| panic!("{e}"))
}

/// Aba's report, the default build.
pub fn aba() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| load("reports/aba-2024"))
}
