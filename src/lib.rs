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
/// build defect.
pub fn load_embedded() -> Result<&'static Dataset, &'static str> {
    static DATA: OnceLock<Result<Dataset, String>> = OnceLock::new();
    DATA.get_or_init(|| compact::parse_compact(DATASET_TXT, REPORT_TEXT))
        .as_ref()
        .map_err(String::as_str)
}

/// [`load_embedded`], for code that runs after the page has read it (`ui::start` shows
/// the error instead of starting the app).
pub fn embedded() -> &'static Dataset {
    load_embedded().unwrap_or_else(|e| panic!("embedded dataset is invalid: {e}"))
}
