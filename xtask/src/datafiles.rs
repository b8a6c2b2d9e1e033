//! `dist/data/`: the dataset as published downloads.

use crate::Result;
use report_core::data::{export, Dataset};
use std::path::Path;

pub fn write(data: &Dataset, dir: &Path) -> Result {
    let pairs = data.comparisons();
    let files = [
        ("figures.csv", export::figures_csv(&data.figures)),
        ("comparisons.csv", export::comparisons_csv(&pairs)),
        ("mentions.csv", export::mentions_csv(&data.mentions)),
        ("report.json", export::report_json(data)),
    ];
    for (name, text) in files {
        std::fs::write(dir.join(name), text).map_err(|e| format!("{name}: {e}"))?;
    }
    Ok(())
}
