//! A panic must never leave a blank page: show a message with a reload link.

use wasm_bindgen::JsCast;

pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        let detail = info.to_string();
        web_sys::console::error_1(&detail.clone().into());
        show_fatal(&detail);
    }));
}

/// Fills the page's `#fatal` box (present in index.html) and reveals it. Uses text
/// nodes only, so nothing in the message can become markup.
fn show_fatal(detail: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(fatal) = doc.get_element_by_id("fatal") else {
        return;
    };
    if let Some(el) = fatal.dyn_ref::<web_sys::HtmlElement>() {
        el.set_hidden(false);
    }
    if let Some(pre) = doc.get_element_by_id("fatal-detail") {
        pre.set_text_content(Some(detail));
    }
    if let Some(app) = doc.get_element_by_id("app") {
        app.set_attribute("aria-busy", "false").ok();
    }
}
