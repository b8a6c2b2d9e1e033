//! Which report folder a command builds: `--report DIR` (a folder with `manifest.json`,
//! see docs/architecture.md), Aba's 2024 report by default, and where it goes: `--out DIR`,
//! `dist/` by default.

use crate::{root, Result};
use report_core::data::Dataset;
use std::path::PathBuf;

pub const DEFAULT: &str = "reports/aba-2024";

#[derive(Clone, Debug)]
pub struct Target {
    /// The report folder, absolute.
    pub report: PathBuf,
    /// The site's folder, absolute.
    pub out: PathBuf,
}

impl Default for Target {
    fn default() -> Self {
        Target {
            report: root().join(DEFAULT),
            out: root().join("dist"),
        }
    }
}

impl Target {
    /// Reads `--report DIR` and `--out DIR`; leaves the other arguments.
    pub fn from_args(args: &[String]) -> Result<(Target, Vec<String>)> {
        let mut target = Target::default();
        let mut rest = Vec::new();
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            let mut value = |name: &str| {
                it.next()
                    .map(|v| std::env::current_dir().unwrap_or_else(|_| root()).join(v))
                    .ok_or_else(|| format!("{name} needs a folder"))
            };
            match arg.as_str() {
                "--report" => target.report = value("--report")?,
                "--out" => target.out = value("--out")?,
                _ => rest.push(arg.clone()),
            }
        }
        if !target.report.join("manifest.json").is_file() {
            return Err(format!(
                "{} is not a report folder (no manifest.json)",
                target.report.display()
            ));
        }
        Ok((target, rest))
    }

    pub fn load(&self) -> Result<Dataset> {
        Dataset::load(&self.report)
    }
}

/// Aba's report, for xtask's own tests.
#[cfg(test)]
pub fn aba() -> &'static Dataset {
    static DATA: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    DATA.get_or_init(|| Dataset::load(root().join(DEFAULT)).unwrap())
}
