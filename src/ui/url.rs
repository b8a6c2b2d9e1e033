//! The address bar: read once at start and on back/forward, written after each change.

use crate::data::Dataset;
use crate::state::{decode, encode, HistoryMode, Notice, ViewState};

pub fn read() -> (ViewState, Vec<Notice>) {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    decode(&search, Dataset::embedded())
}

/// Writes the view into the URL if it differs from what is there.
pub fn write(view: &ViewState, mode: HistoryMode) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let query = encode(view);
    if location.search().unwrap_or_default() == query {
        return;
    }
    let path = location.pathname().unwrap_or_default();
    let url = if query.is_empty() {
        path
    } else {
        format!("{path}{query}")
    };
    let Ok(history) = window.history() else {
        return;
    };
    let result = match mode {
        HistoryMode::Push => {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        }
        HistoryMode::Replace => {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        }
    };
    if let Err(e) = result {
        web_sys::console::warn_2(&"could not update the address bar".into(), &e);
    }
}

/// The full address of a view, for the share panel.
pub fn absolute(view: &ViewState) -> String {
    let Some(window) = web_sys::window() else {
        return String::new();
    };
    let location = window.location();
    let origin_path = format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    );
    // file:// pages report the origin "null".
    let base = if origin_path.starts_with("null") {
        location
            .href()
            .unwrap_or_default()
            .split(['?', '#'])
            .next()
            .unwrap_or_default()
            .to_string()
    } else {
        origin_path
    };
    format!("{base}{}", encode(view))
}
