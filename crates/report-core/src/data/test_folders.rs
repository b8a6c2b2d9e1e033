//! The report folders the native tests read, each loaded once per test binary: Aba's
//! (the default build) and the fictional second report that proves a report is data, not
//! code. Unit tests reach it as `data::tests_support`, integration tests as `common`
//! (`tests/common/mod.rs` includes this file); the including module imports `Dataset`.
//! The page embeds the compact form of the same folders; `tests/dataset.rs` at the root
//! proves the two agree.

use super::Dataset;
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

/// The fictional second report (青岚市).
pub fn second() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| load("tests/fixtures/second-report"))
}
