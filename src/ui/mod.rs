//! Yew components. Thin: they read state, render and dispatch.

mod app;
mod chart_canvas;
mod compare_view;
mod county_view;
mod embed_height;
mod figures_view;
mod filters;
mod header;
mod i18n;
mod levels_view;
mod notices;
mod panic;
mod quote;
mod share;
mod store;
mod tabs;
mod tile_map;
mod url;

pub use app::App;

/// Installs the panic hook and mounts the app into `#app`.
pub fn start() {
    mark("app-start");
    panic::install_hook();
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .expect("index.html has #app");
    yew::Renderer::<App>::with_root(root).render();
}

/// A `performance.mark`, for `cargo xtask bench` and the browser's own profiler.
pub(crate) fn mark(name: &str) {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark(name);
    }
}
