//! Yew components. Thin: they read state, render and dispatch.

mod after_frame;
mod app;
mod chart_canvas;
mod chart_view;
mod county_view;
mod embed_height;
mod figures_view;
mod filters;
mod header;
mod i18n;
mod notices;
mod panic;
mod quote;
mod share;
mod store;
mod tabs;
mod tile_map;
mod url;

pub use app::{App, AppProps};

use yew::prelude::*;

use crate::data::Dataset;

/// The report the page shows, handed to every component through a Yew context (read
/// with [`use_data`]); the App gets it from `start`.
#[derive(Clone, Copy, Debug)]
pub struct Data(pub &'static Dataset);

impl PartialEq for Data {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

/// The dataset of the page, from the App's context.
#[hook]
pub fn use_data() -> &'static Dataset {
    use_context::<Data>()
        .expect("the App provides the dataset")
        .0
}

/// Installs the panic hook, reads the embedded report and mounts the app into `#app`.
pub fn start() {
    mark("app-start");
    panic::install_hook();
    chart_canvas::note_viewport_width();
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .expect("index.html has #app");
    let props = AppProps {
        data: Data(crate::embedded()),
    };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}

/// A `performance.mark`, for `cargo xtask bench` and the browser's own profiler.
pub(crate) fn mark(name: &str) {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark(name);
    }
}
