//! The names of the files wasm-bindgen writes, which the build (`dist.rs`), the single-file
//! page (`standalone.rs`) and the size report (`sizes.rs`) all read. `assets/boot.js` and
//! `index.html` name them too.

/// wasm-bindgen's JS glue.
pub const GLUE: &str = "report_explorer.js";
/// The wasm module.
pub const WASM: &str = "report_explorer_bg.wasm";
