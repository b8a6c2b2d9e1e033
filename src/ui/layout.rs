//! The page's one breakpoint. Its width is written once, in assets/style.css: the one
//! `@media` rule for a narrow screen stacks the layout and sets `--stacked: 1` on the
//! root; the app reads that result here rather than repeating the width.

/// Whether the page has the one-column layout of a narrow screen, where the filters sit
/// above the content.
pub fn stacked() -> bool {
    let Some(root) = gloo::utils::document().document_element() else {
        return false;
    };
    web_sys::window()
        .and_then(|w| w.get_computed_style(&root).ok().flatten())
        .and_then(|style| style.get_property_value("--stacked").ok())
        .is_some_and(|v| v.trim() == "1")
}
