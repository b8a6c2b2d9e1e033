//! The canvas's bitmap and CSS size for a width and the device's pixel ratio, and the
//! drawing into it.

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

use super::ChartSpec;
use crate::chart::{self, HitMap, Options};

/// Sizes the canvas for its CSS width and the device's pixel ratio, then draws.
pub fn draw(
    canvas: &HtmlCanvasElement,
    spec: &ChartSpec,
    width_css: u32,
    mut options: Options,
) -> Option<HitMap> {
    let ratio = chart::canvas_ratio(web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()));
    let height_css = spec.height_css(width_css);
    let (w, h) = chart::canvas_size(width_css, height_css, ratio);
    // At one width the bitmap only grows: a filter change that shortens the chart draws
    // into the top of the bitmap it has, and `object-fit: cover` with `object-position:
    // top` (assets/style.css) shows that top at the bitmap's scale. Resizing a canvas
    // allocates and clears a new bitmap, which would cost time on every change of rows.
    // Only where a bitmap pixel is a whole number of device pixels, where the cropped
    // picture can be shown pixel for pixel (`pixelated`); at a fractional ratio the
    // bitmap is sized exactly, as before.
    let whole = ratio.fract() == 0.0;
    if canvas.width() != w || canvas.height() < h || (!whole && canvas.height() != h) {
        canvas.set_width(w);
        canvas.set_height(h);
    }
    // Through the CSSOM, which a strict style-src policy allows (style attributes it does not).
    let style = canvas.style();
    let _ = style.set_property("width", &format!("{width_css}px"));
    let _ = style.set_property("height", &format!("{height_css}px"));
    if canvas.height() == h {
        let _ = style.remove_property("image-rendering");
    } else {
        let _ = style.set_property("image-rendering", "pixelated");
    }
    // For print, where the height is `auto`: the chart's proportions, not the bitmap's.
    let _ = style.set_property("aspect-ratio", &format!("{width_css} / {height_css}"));
    options.width = w;
    options.height = h;
    options.scale = ratio;
    let backend = CanvasBackend::with_canvas_object(canvas.clone())?;
    let area = backend.into_drawing_area();
    let result = chart::draw(&area, &*spec.0, &options);
    let _ = area.present();
    match result {
        Ok(map) => Some(map),
        Err(e) => {
            web_sys::console::warn_1(&format!("chart: {e}").into());
            None
        }
    }
}
