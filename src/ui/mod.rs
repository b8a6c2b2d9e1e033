//! Yew components. Thin: they read state, render and dispatch.

mod app;
mod panic;

pub use app::App;

/// Installs the panic hook and mounts the app into `#app`.
pub fn start() {
    panic::install_hook();
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .expect("index.html has #app");
    yew::Renderer::<App>::with_root(root).render();
}
