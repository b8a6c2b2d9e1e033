//! Text widths from the canvas the chart is drawn on: the layout asks the drawing
//! browser's `measureText` (through `report_core::chart::layout::Measure`) instead of an
//! estimate, so a label fits in Firefox's and WebKit's fonts as it does in Chromium's.
//! Not cached: a cache of strings cost more of the first view's wasm than the few hundred
//! `measureText` calls of a drawing take (the browser caches the font's glyph widths).

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::chart::layout::{estimated_width, Measure};

pub struct CanvasText(Option<CanvasRenderingContext2d>);

impl CanvasText {
    pub fn new(canvas: &HtmlCanvasElement) -> Self {
        CanvasText(
            canvas
                .get_context("2d")
                .ok()
                .flatten()
                .and_then(|c| c.dyn_into().ok()),
        )
    }
}

impl Measure for CanvasText {
    fn width(&self, text: &str, font_px: f64) -> f64 {
        let Some(ctx) = &self.0 else {
            return estimated_width(text, font_px);
        };
        // The font the chart is drawn in (`Options::font`, plotters' canvas backend), with
        // two decimals: the shortest float format would add its own code to the wasm.
        ctx.set_font(&format!("{font_px:.2}px sans-serif"));
        ctx.measure_text(text)
            .map(|m| m.width())
            .unwrap_or_else(|_| estimated_width(text, font_px))
    }
}
