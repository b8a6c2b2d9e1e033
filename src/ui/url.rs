//! The address bar: read once at start and on back/forward, written after each change.
//! A page path (`zh/sector/economy/`, see `state::path`) names a view as well as a query.

use crate::data::Dataset;
use crate::state::{
    decode_location, encode, encode_link, split_path, Embedding, HistoryMode, Notice, Page,
    ViewState,
};

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

fn pathname() -> String {
    location()
        .and_then(|l| l.pathname().ok())
        .unwrap_or_default()
}

pub fn read(data: &Dataset) -> (ViewState, Embedding, Vec<Notice>) {
    let search = location().and_then(|l| l.search().ok()).unwrap_or_default();
    decode_location(&pathname(), &search, data)
}

/// The path the page's query goes after: the site's base when the page is one of the
/// static view pages (a query there would fight its path), else the page's own path.
fn document_path(data: &Dataset) -> String {
    let path = pathname();
    match split_path(&path, data) {
        (base, Some(_)) => base.to_string(),
        _ => path,
    }
}

/// Writes the view into the URL unless the address bar already shows it.
pub fn write(data: &Dataset, view: &ViewState, embedding: &Embedding, mode: HistoryMode) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let (now, now_embedding, _) = read(data);
    if now == *view && now_embedding == *embedding {
        return;
    }
    let query = encode_link(view, embedding);
    let url = format!("{}{query}", document_path(data));
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

/// Whether the page came from a file (standalone.html): no page paths there.
fn is_file() -> bool {
    location()
        .and_then(|l| l.protocol().ok())
        .is_some_and(|p| p == "file:")
}

/// The site's base URL, ending in `/`: where index.html, embed.js and the page paths
/// live.
pub fn site_base(data: &Dataset) -> String {
    let Some(location) = location() else {
        return String::new();
    };
    let href = location.href().unwrap_or_default();
    let no_query = href.split(['?', '#']).next().unwrap_or_default();
    if is_file() {
        return match no_query.rfind('/') {
            Some(i) => no_query[..=i].to_string(),
            None => no_query.to_string(),
        };
    }
    let path = pathname();
    let base = split_path(&path, data).0;
    format!("{}{base}", location.origin().unwrap_or_default())
}

/// The view's query string without the `?` (empty for the default view).
pub fn query_of(view: &ViewState) -> String {
    encode(view).trim_start_matches('?').to_string()
}

/// The full address of a view, for the share panel: its page path when it has one
/// (`…/en/county/hongyuan/`), else the query string; an embedded view is always a query.
pub fn absolute(data: &Dataset, view: &ViewState, embedding: &Embedding) -> String {
    if !is_file() && *embedding == Embedding::default() {
        if let Some(page) = Page::for_view(view) {
            return format!("{}{}", site_base(data), page.path());
        }
    }
    let Some(location) = location() else {
        return String::new();
    };
    let origin_path = if is_file() {
        location
            .href()
            .unwrap_or_default()
            .split(['?', '#'])
            .next()
            .unwrap_or_default()
            .to_string()
    } else {
        format!(
            "{}{}",
            location.origin().unwrap_or_default(),
            document_path(data)
        )
    };
    format!("{origin_path}{}", encode_link(view, embedding))
}
