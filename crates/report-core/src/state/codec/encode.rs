//! The canonical spelling of a view.

use super::*;

/// The canonical query string: `""` for the default view, else `?k=v&…` (see the module
/// documentation for the spelling). The query is written trimmed.
pub fn encode(state: &ViewState) -> String {
    encode_link(state, &Embedding::default())
}

/// The canonical query string of a view as embedded (`embed`, `childId`,
/// `initialWidth` last).
pub fn encode_link(state: &ViewState, embedding: &Embedding) -> String {
    let mut parts: Vec<(&str, String)> = Vec::new();
    if state.lang != Lang::default() {
        parts.push(("lang", state.lang.slug().to_owned()));
    }
    if state.view != View::default() {
        parts.push(("tab", state.view.slug().to_owned()));
    }
    for (key, set) in [("sector", &state.sectors), ("county", &state.counties)] {
        if !set.is_empty() {
            let items: Vec<String> = set.iter().map(|s| escape(s)).collect();
            parts.push((key, items.join(",")));
        }
    }
    if state.year != YearFilter::Both {
        parts.push(("year", state.year.slug().to_string()));
    }
    let q = state.query.trim();
    if !q.is_empty() {
        parts.push(("q", escape(q)));
    }
    if let Some(focus) = state.focus.as_deref().filter(|f| !f.is_empty()) {
        parts.push(("focus", escape(focus)));
    }
    if (state.sort, state.sort_desc) != (SortKey::default(), false) {
        let sign = if state.sort_desc { "-" } else { "" };
        parts.push(("sort", format!("{sign}{}", state.sort.slug())));
    }
    if embedding.embed {
        parts.push(("embed", "1".to_owned()));
    }
    if let Some(id) = embedding.child_id.as_deref().filter(|id| !id.is_empty()) {
        parts.push(("childId", escape(id)));
    }
    if let Some(width) = embedding.initial_width {
        parts.push(("initialWidth", width.to_string()));
    }
    if parts.is_empty() {
        return String::new();
    }
    let joined: Vec<String> = parts.into_iter().map(|(k, v)| format!("{k}={v}")).collect();
    format!("?{}", joined.join("&"))
}
