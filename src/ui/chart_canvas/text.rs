//! Text widths from the canvas the chart is drawn on: the layout asks the drawing
//! browser's `measureText` (through `report_core::chart::layout::measured_by`) instead of
//! an estimate, so a label fits in Firefox's and WebKit's fonts as it does in Chromium's.
//! The canvas's own context measures, since the font a generic family resolves to follows
//! the canvas element's language. The widths are kept across drawings (`WidthCache`): a
//! filter change lays out the same labels again.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::chart::layout::{estimated_width, measured_by, WidthCache};

thread_local! {
    /// The context of the canvas being drawn, while it is drawn.
    static CONTEXT: RefCell<Option<CanvasRenderingContext2d>> = const { RefCell::new(None) };
    /// Every width measured so far, for the language of the canvas last drawn.
    static WIDTHS: RefCell<WidthCache> = RefCell::default();
}

/// Runs `work` (the drawing of `canvas`, whose language is `lang`) with text widths
/// measured on `canvas`.
pub fn measured_on<R>(
    canvas: &HtmlCanvasElement,
    lang: &'static str,
    work: impl FnOnce() -> R,
) -> R {
    let ctx = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok());
    CONTEXT.set(ctx);
    WIDTHS.with_borrow_mut(|w| w.keep_for(lang));
    let r = measured_by(width, work);
    CONTEXT.set(None);
    r
}

fn width(text: &str, font_px: f64) -> f64 {
    CONTEXT.with_borrow(|ctx| match ctx {
        Some(ctx) => WIDTHS.with_borrow_mut(|widths| {
            widths.width(text, font_px, &|| {
                // The font the chart is drawn in (`Options::font`, plotters' canvas
                // backend), with two decimals: the shortest float format would add its
                // own code to the wasm.
                ctx.set_font(&format!("{font_px:.2}px sans-serif"));
                ctx.measure_text(text)
                    .map_or_else(|_| estimated_width(text, font_px), |m| m.width())
            })
        }),
        None => estimated_width(text, font_px),
    })
}
