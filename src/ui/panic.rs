//! A panic must never leave a blank page: show a message with a reload link and the
//! link of the view the reader was looking at, so it can be kept or sent on.

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
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(doc) = window.document() else {
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
    // The address as it is now: the app may have moved it on since the page loaded.
    if let Ok(href) = window.location().href() {
        for (id, text) in [("fatal-reload", None), ("fatal-view", Some(&href))] {
            if let Some(link) = doc.get_element_by_id(id) {
                let _ = link.set_attribute("href", &href);
                if let Some(text) = text {
                    link.set_text_content(Some(text));
                }
            }
        }
    }
    if let Some(app) = doc.get_element_by_id("app") {
        app.set_attribute("aria-busy", "false").ok();
    }
}
