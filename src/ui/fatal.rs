//! Never a blank page: when the app cannot go on, the page's `#fatal` box says so, with
//! a reload link and the link of the view the reader was looking at, so it can be kept
//! or sent on.
//!
//! The wasm is built with `-Cpanic=immediate-abort` (xtask/src/tools.rs): a panic is a
//! bare trap, with no hook and no message (a smaller wasm, docs/performance.md). The
//! trap reaches JavaScript as a `WebAssembly.RuntimeError`, and the boot script
//! (assets/boot.js, which the standalone file inlines) shows this box for it. The app itself
//! shows it, with a message, for a failure it can name without panicking.

use wasm_bindgen::JsCast;

/// Logs `detail` to the console and fills and reveals the page's `#fatal` box (present
/// in index.html). Uses text nodes only, so nothing in the message can become markup.
pub fn show(detail: &str) {
    web_sys::console::error_1(&detail.into());
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
    if let Some(loading) = doc.get_element_by_id("loading") {
        if let Some(el) = loading.dyn_ref::<web_sys::HtmlElement>() {
            el.set_hidden(true);
        }
    }
}
