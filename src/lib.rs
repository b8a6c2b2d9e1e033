//! The work-report explorer in the browser: one report folder, embedded at build time
//! (`build.rs`, Aba's 2024 report by default), explorable.
//!
//! The pure part (dataset, view state, presentation, charts) is the `report-core` crate,
//! re-exported here; `ui` and `embed` are the thin browser layer over it.

pub use report_core::{chart, data, present, state};

pub mod embed;
pub mod ui;

use std::sync::OnceLock;

use report_core::data::{compact, Dataset};

/// The compact dataset and the report text that build.rs wrote from `REPORT_DIR`.
pub const DATASET_TXT: &str = include_str!(concat!(env!("OUT_DIR"), "/dataset.txt"));
pub const REPORT_TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/text.txt"));
/// The report folder this build embeds.
pub const REPORT_DIR: &str = include_str!(concat!(env!("OUT_DIR"), "/report_dir.txt"));

/// The dataset compiled into this build, read once. The page reads it at start-up and
/// the components take it from `ui::data()`; build.rs checked it, so a failure here is a
/// build defect, reported by the panic hook.
pub fn embedded() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| {
        compact::parse_compact(DATASET_TXT, REPORT_TEXT)
            .unwrap_or_else(|e| panic!("embedded dataset is invalid: {e}"))
    })
}
