//! Names cargo's test binaries by their root file, from the workspace root
//! (`crates/report-core/tests/chart.rs`, `src/lib.rs`, `src/main.rs`): cargo's own
//! "Running unittests src/lib.rs (…/deps/report_core-1d56…)" says `src/lib.rs` for
//! every package and hashes the binary's name, and a package's library and binary can
//! share a name (`report_explorer`). `cargo metadata` knows each target's file.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The workspace's targets.
#[derive(Debug, Default)]
pub struct Binaries {
    targets: Vec<Target>,
}

#[derive(Debug)]
struct Target {
    /// The crate name: the target's name with `-` as `_`, as the binary's file has it.
    krate: String,
    /// A library: the one target with doc-tests.
    lib: bool,
    /// The root file, from the workspace root.
    file: PathBuf,
}

impl Binaries {
    /// The targets of the workspace in `dir`, from `cargo metadata`.
    pub fn of_workspace(dir: &Path) -> Result<Binaries, String> {
        let out = Command::new(env!("CARGO"))
            .args(["metadata", "--format-version", "1", "--no-deps"])
            .current_dir(dir)
            .output()
            .map_err(|e| format!("cargo metadata: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "cargo metadata failed: {}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout)
            .map_err(|e| format!("cargo metadata: unreadable output: {e}"))?;
        let root = Path::new(doc["workspace_root"].as_str().unwrap_or(""));
        let mut targets = Vec::new();
        for package in doc["packages"].as_array().into_iter().flatten() {
            for t in package["targets"].as_array().into_iter().flatten() {
                let src = Path::new(t["src_path"].as_str().unwrap_or(""));
                targets.push(Target {
                    krate: t["name"].as_str().unwrap_or("").replace('-', "_"),
                    lib: t["kind"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .any(|k| k == "lib"),
                    file: src.strip_prefix(root).unwrap_or(src).to_path_buf(),
                });
            }
        }
        Ok(Binaries { targets })
    }

    /// Targets given by hand (crate name, library or not, root file), for tests.
    #[cfg(test)]
    pub fn from_targets(targets: &[(&str, bool, &str)]) -> Binaries {
        let targets = targets.iter().map(|(krate, lib, file)| Target {
            krate: krate.to_string(),
            lib: *lib,
            file: PathBuf::from(file),
        });
        Binaries {
            targets: targets.collect(),
        }
    }

    /// The binary a line of cargo's output starts, or None for any other line:
    /// "Running tests/chart.rs (…/deps/chart-91ce…)" or "Doc-tests report_core".
    pub fn started_by(&self, line: &str) -> Option<String> {
        let line = line.trim();
        if let Some(krate) = line.strip_prefix("Doc-tests ") {
            let lib = self.find(krate, |t| t.lib);
            return Some(format!("{} (doc-tests)", lib.unwrap_or(krate)));
        }
        let (printed, deps) = line
            .strip_prefix("Running ")?
            .strip_suffix(')')?
            .rsplit_once(" (")?;
        let printed = printed.strip_prefix("unittests ").unwrap_or(printed);
        let file = Path::new(deps).file_name()?.to_str()?;
        // The binary's file is its crate name, a dash and a hash (".exe" on Windows).
        let krate = file.rsplit_once('-').map_or(file, |(name, _)| name);
        let found = self.find(krate, |t| t.file.ends_with(printed));
        Some(found.unwrap_or(printed).to_string())
    }

    fn find(&self, krate: &str, fits: impl Fn(&Target) -> bool) -> Option<&str> {
        self.targets
            .iter()
            .find(|t| t.krate == krate && fits(t))
            .and_then(|t| t.file.to_str())
    }
}
