//! What the core's integration tests share: the report folders, from the same file the
//! unit tests use (`src/data/test_folders.rs`).

use report_core::data::Dataset;

#[allow(dead_code)] // each test binary uses the folders it needs
#[path = "../../src/data/test_folders.rs"]
mod folders;
pub use folders::*;
