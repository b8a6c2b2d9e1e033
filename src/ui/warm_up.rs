//! Warms the chart's drawing code while the reader looks at the first chart.
//!
//! V8 compiles a wasm function on its first call with its baseline compiler and moves it
//! to the optimizing one only once it has run for a while, so the first filter changes
//! ran the drawing code cold: at 4× CPU / DPR 2 the first two changes of a page took
//! 70–94 ms to the screen against 45–65 ms for later ones (docs/performance.md). A
//! moment after the first chart, this draws the same chart a few times onto a canvas
//! that is never shown, one draw per task, each with another row highlighted as a
//! hover would. It stops as soon as the chart is drawn again (the reader acted: a
//! filter, a hover, a resize), so an input waits at most for one draw already running.

use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

use super::chart_canvas::{draw, ChartSpec};
use crate::chart::Options;

/// After the page's first frames: the page's own start-up (the filters, the table and
/// the share panel render in the task after the first chart) is over by then.
const START_MS: u32 = 250;
/// Draws: enough for the drawing code to be optimized in Chromium (by trial: 12 hover
/// redraws did it; 8 draws did as much, docs/performance.md).
const DRAWS: usize = 8;

/// The chart's draws on screen so far; the warm-up stops when it moves.
static DRAWN: AtomicU32 = AtomicU32::new(0);

/// The chart was drawn on screen (called by its component before each draw).
pub fn redrawn() {
    DRAWN.fetch_add(1, Ordering::Relaxed);
}

/// Starts the warm-up of `spec` drawn at `width_css` with `options`; once per page.
pub fn start(spec: Rc<ChartSpec>, width_css: u32, options: Options) {
    let at = DRAWN.load(Ordering::Relaxed);
    Timeout::new(START_MS, move || {
        if let Ok(canvas) = gloo::utils::document().create_element("canvas") {
            let ids = spec.ids();
            step(
                canvas.unchecked_into(),
                spec,
                ids,
                width_css,
                options,
                at,
                0,
            );
        }
    })
    .forget();
}

fn step(
    canvas: HtmlCanvasElement,
    spec: Rc<ChartSpec>,
    ids: Vec<String>,
    width_css: u32,
    mut options: Options,
    at: u32,
    k: usize,
) {
    if DRAWN.load(Ordering::Relaxed) != at || k == DRAWS || ids.is_empty() {
        return;
    }
    options.hovered = Some(ids[k % ids.len()].clone());
    let _ = draw(&canvas, &spec, width_css, options.clone());
    Timeout::new(0, move || {
        step(canvas, spec, ids, width_css, options, at, k + 1)
    })
    .forget();
}
