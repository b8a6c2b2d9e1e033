//! The performance marks of a drawing, for `cargo xtask bench` and the browser's profiler:
//! `first-chart` for the page's first chart, `redraw` for every later one.

use std::sync::atomic::{AtomicBool, Ordering};

/// Whether the page has drawn its first chart.
static FIRST_DRAWN: AtomicBool = AtomicBool::new(false);

/// Marks a chart just drawn.
pub fn drawn() {
    if FIRST_DRAWN.swap(true, Ordering::Relaxed) {
        super::super::mark("redraw");
    } else {
        super::super::mark("first-chart");
    }
}
