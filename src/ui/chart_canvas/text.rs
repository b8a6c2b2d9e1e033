//! Text widths from the canvas the chart is drawn on: the layout asks the drawing
//! browser's `measureText` (through `report_core::chart::layout::measured_by`) instead of
//! an estimate, so a label fits in Firefox's and WebKit's fonts as it does in Chromium's.
//! The canvas's own context measures, since the font a generic family resolves to follows
//! the canvas element's language. Not cached: a cache of strings cost more of the first
//! view's wasm than the few hundred `measureText` calls of a drawing take (the browser
//! caches the font's glyph widths).

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::chart::layout::{estimated_width, measured_by};

thread_local! {
    /// The context of the canvas being drawn, while it is drawn.
    static CONTEXT: RefCell<Option<CanvasRenderingContext2d>> = const { RefCell::new(None) };
}

/// Runs `work` (the drawing of `canvas`) with text widths measured on `canvas`.
pub fn measured_on<R>(canvas: &HtmlCanvasElement, work: impl FnOnce() -> R) -> R {
    let ctx = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok());
    CONTEXT.set(ctx);
    let r = measured_by(width, work);
    CONTEXT.set(None);
    r
}

fn width(text: &str, font_px: f64) -> f64 {
    CONTEXT.with_borrow(|ctx| {
        ctx.as_ref()
            .and_then(|ctx| {
                // The font the chart is drawn in (`Options::font`, plotters' canvas
                // backend), with two decimals: the shortest float format would add its own
                // code to the wasm.
                ctx.set_font(&format!("{font_px:.2}px sans-serif"));
                ctx.measure_text(text).ok()
            })
            .map_or_else(|| estimated_width(text, font_px), |m| m.width())
    })
}
