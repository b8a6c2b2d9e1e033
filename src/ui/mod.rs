//! Yew components. Thin: they read state, render and dispatch.

mod after_frame;
mod app;
mod chart_canvas;
mod chart_image;
mod chart_view;
mod county_view;
mod download;
mod embed_height;
mod fatal;
mod figures_view;
mod filters;
mod header;
mod i18n;
mod layout;
mod notices;
mod quote;
mod share;
mod store;
mod tabs;
mod tile_map;
mod url;

pub use app::App;

use crate::data::Dataset;

/// The report the page shows: the one this build embeds (`crate::embedded`, read once).
/// A plain function rather than a Yew context: a context provider was one more component
/// type, monomorphized, and Yew's context lookup in the wasm for a value
/// that never changes.
pub fn data() -> &'static Dataset {
    crate::embedded()
}

/// Reads the embedded report and mounts the app into `#app`; where either cannot be
/// done, the page's error box says which (a panic would be a bare trap, `fatal.rs`).
pub fn start() {
    mark("app-start");
    let Some(root) = gloo::utils::document().get_element_by_id("app") else {
        fatal::show("index.html has no #app element to mount the app into");
        return;
    };
    // Read before the first render, which the reader waits for anyway.
    if let Err(e) = crate::load_embedded() {
        fatal::show(&format!("embedded dataset is invalid: {e}"));
        return;
    }
    yew::Renderer::<App>::with_root(root).render();
}

/// A `performance.mark`, for `cargo xtask bench` and the browser's own profiler.
pub(crate) fn mark(name: &str) {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark(name);
    }
}
