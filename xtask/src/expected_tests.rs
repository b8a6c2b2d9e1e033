//! `cargo xtask expected-tests`: rewrites tests/expected-tests.txt from what
//! `cargo xtask test` would collect, without running a test: `cargo test -- --list` with
//! the test command's arguments (this builds the test binaries) and
//! `playwright test --list` for every Playwright config under tests/. A new spec, project
//! or config is new lines and no code; review the diff before committing it.

use crate::tally::{self, expected};
use crate::test::CARGO_TEST_ARGS;
use crate::{root, tools, Result};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub fn run(args: &[String]) -> Result {
    if !args.is_empty() {
        return Err("usage: cargo xtask expected-tests".into());
    }
    let root = root();
    eprintln!(
        "== cargo test {} -- --list (builds the test binaries)",
        CARGO_TEST_ARGS.join(" ")
    );
    let mut names = tally::cargo_list(&root, CARGO_TEST_ARGS, None)?;
    tools::ensure_npm_tools()?;
    // Project names are the browser tests' groups: two configs must not share one.
    let mut projects: BTreeMap<String, String> = BTreeMap::new();
    for config in playwright_configs(&root.join("tests"))? {
        let config = config
            .strip_prefix(&root)
            .unwrap_or(&config)
            .display()
            .to_string();
        eprintln!("== playwright test --config {config} --list");
        let report = tools::target_dir().join("playwright-list.json");
        let listed = tally::playwright_list(&root, &["--config", &config], &report)?;
        for name in &listed {
            let project = expected::group(name).to_string();
            match projects.get(&project) {
                Some(other) if *other != config => {
                    return Err(format!(
                        "`{project}` is in both {other} and {config}: rename one"
                    ))
                }
                _ => projects.insert(project, config.clone()),
            };
        }
        names.extend(listed);
    }
    let path = root.join(expected::FILE);
    let before = std::fs::read_to_string(&path).unwrap_or_default();
    let (gone, new) =
        expected::compare(&expected::parse(&before), &names, &["cargo", "playwright"]);
    std::fs::write(&path, expected::render(&names))
        .map_err(|e| format!("{}: {e}", path.display()))?;
    for n in &gone {
        println!("- {n}");
    }
    for n in &new {
        println!("+ {n}");
    }
    println!(
        "{}: {} tests ({} new, {} gone)",
        expected::FILE,
        names.len(),
        new.len(),
        gone.len()
    );
    Ok(())
}

/// Every Playwright config under `dir`: a file named `*.config.mjs` (or `.js`, `.ts`),
/// sorted. The test command runs each one (tests/e2e's; tests/engines' when it lands):
/// one it does not run would have all its tests missing from the run, which says so.
fn playwright_configs(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        if path.is_dir() && name != "node_modules" && name != "test-results" {
            found.extend(playwright_configs(&path)?);
        } else if [".config.mjs", ".config.js", ".config.ts"]
            .iter()
            .any(|end| name.ends_with(end))
        {
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_config_anywhere_under_tests_is_found_and_installed_packages_are_not() {
        let dir = tools::target_dir().join("xtask-fixture-configs");
        let _ = std::fs::remove_dir_all(&dir);
        for file in [
            "e2e/playwright.config.mjs",
            "e2e/data.mjs",
            "engines/engines.config.mjs",
            "e2e/test-results/copy.config.mjs",
            "node_modules/pkg/vite.config.js",
        ] {
            let path = dir.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, "").unwrap();
        }
        let found = playwright_configs(&dir).unwrap();
        assert_eq!(
            found,
            vec![
                dir.join("e2e/playwright.config.mjs"),
                dir.join("engines/engines.config.mjs")
            ]
        );
    }
}
