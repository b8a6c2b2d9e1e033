//! The colour scheme the chart is drawn in: the system's, followed when it changes.

use gloo::events::EventListener;

const DARK: &str = "(prefers-color-scheme: dark)";

pub fn prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media(DARK).ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Calls `on_change` with the new scheme (dark or not) whenever it changes, for as long as
/// the listener is kept.
pub fn listen(on_change: impl Fn(bool) + 'static) -> Option<EventListener> {
    web_sys::window()
        .and_then(|w| w.match_media(DARK).ok().flatten())
        .map(|mq| EventListener::new(&mq, "change", move |_| on_change(prefers_dark())))
}
