//! The counting behind `cargo xtask test`'s closing line: runs one step (cargo's test
//! harness or Playwright), counts passed, failed and skipped tests, and lists every
//! reason the step cannot be trusted as green: a non-zero exit that no failed test
//! explains, a focused `.only`, a flaky test, a skip that is not on the allow-list, a run
//! with no test; and, against tests/expected-tests.txt (`expected.rs`), a test that was
//! expected and not collected, or collected and not expected.

mod binaries;
mod cargo;
mod echo;
pub mod expected;
mod playwright;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_expected;

pub use cargo::{cargo_list, cargo_test};
pub use playwright::{playwright, playwright_list};

/// What one step reports.
#[derive(Debug, Default, PartialEq)]
pub struct Counts {
    pub passed: usize,
    pub failed: usize,
    pub skipped: usize,
    /// Why the step fails, in words for the reader; empty when it passed.
    pub problems: Vec<String>,
    /// The full name of every test that reported a result (passed, failed or skipped),
    /// for the comparison with the expected tests.
    pub collected: Vec<String>,
}

impl Counts {
    pub fn add(&mut self, other: Counts) {
        self.passed += other.passed;
        self.failed += other.failed;
        self.skipped += other.skipped;
        self.problems.extend(other.problems);
        self.collected.extend(other.collected);
    }

    /// One check that is not a test harness (fmt, clippy, the size budget).
    pub fn check(&mut self, name: &str, ok: bool) {
        if ok {
            self.passed += 1;
        } else {
            self.failed += 1;
            self.problems.push(format!("{name} failed"));
        }
    }

    pub fn is_green(&self) -> bool {
        self.failed == 0 && self.problems.is_empty()
    }

    /// The closing line, in the form CI reads.
    pub fn closing_line(&self) -> String {
        format!(
            "{} passed, {} failed, {} skipped",
            self.passed, self.failed, self.skipped
        )
    }
}

/// A skip that is allowed: the test's full name (`playwright <project> › <file> ›
/// <describe>… › <title>`, as `playwright::test_id` writes it) and why. The last title
/// alone is not enough: the same title in another file or block is another test.
pub type AllowedSkip = (&'static str, &'static str);
