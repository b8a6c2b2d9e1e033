//! Drawing the charts on any plotters backend.
//!
//! The module takes rows the caller has already filtered, sorted and localized, so it
//! knows nothing about the dataset's rules; it only decides where things go
//! ([`layout`]) and paints them ([`compare`], [`levels`]). Positions are computed by
//! pure functions first because they are what the tests (and hit testing) need, and
//! they do not depend on which backend later paints them.
//!
//! All coordinates are device pixels: the caller multiplies CSS sizes by
//! `devicePixelRatio` and passes that ratio as [`Options::scale`], so the canvas is
//! sharp on high-density screens.

mod backdrop;
pub mod compare;
pub mod document;
pub mod inline;
pub mod layout;
pub mod levels;
mod paint;
pub mod theme;

use plotters::prelude::*;

use crate::data::Qualifier;

pub use compare::Growth;
pub use layout::{compare_height_css, levels_height_css};
pub use levels::Levels;
pub use paint::Painter;
pub use theme::Theme;

use plotters::coord::Shift;

/// One chart's rows, ready to draw. Each chart module implements it for its own rows
/// ([`Growth`], [`Levels`]); the canvas, the downloads and the link previews see only
/// `dyn Chart`, and `present::chart_for` is the one place that says which tab draws which
/// chart. A new chart is a module with its rows, layout and `paint`, plus its line there.
pub trait Chart: SameRows + std::fmt::Debug {
    /// The chart's height in CSS px when drawn `width_css` wide.
    fn height_css(&self, width_css: u32) -> u32;
    /// Records the chart into `p`'s display list; returns the rows' bands for hit testing.
    fn paint(&self, p: &Painter<'_>) -> Result<HitMap, String>;
}

/// Whether two charts are the same chart with the same rows (the canvas redraws only when
/// they change). Every chart whose rows compare with `==` has it; nothing to write.
pub trait SameRows {
    fn as_any(&self) -> &dyn std::any::Any;
    fn same(&self, other: &dyn Chart) -> bool;
}

impl<T: PartialEq + 'static> SameRows for T {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }

    fn same(&self, other: &dyn Chart) -> bool {
        other.as_any().downcast_ref::<T>() == Some(self)
    }
}

/// Draws `chart` onto `area` (expected to be `o.width × o.height` device pixels) and
/// returns the row bands for hit testing.
pub fn draw<DB: DrawingBackend<ErrorType: 'static>>(
    area: &DrawingArea<DB, Shift>,
    chart: &dyn Chart,
    o: &Options,
) -> Result<HitMap, String> {
    draw_with(area, chart, o, 1.0, false)
}

fn draw_with<DB: DrawingBackend<ErrorType: 'static>>(
    area: &DrawingArea<DB, Shift>,
    chart: &dyn Chart,
    o: &Options,
    text_factor: f64,
    thin_outlines: bool,
) -> Result<HitMap, String> {
    let mut p = Painter::new(o);
    p.thin_outlines = thin_outlines;
    let hits = chart.paint(&p)?;
    paint::replay(area, &p.into_list(), o, text_factor)?;
    Ok(hits)
}

/// `chart` as an SVG document. Shares the drawing code with the canvas so the download
/// matches the screen.
pub fn chart_svg(chart: &dyn Chart, o: &Options) -> String {
    svg(o, |area| {
        draw_with(area, chart, o, SVG_TEXT_FACTOR, true).map(drop)
    })
}

/// One plotted value. The label is made by the caller because only the UI knows the
/// language and how the report phrased the number.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub value: f64,
    pub qualifier: Qualifier,
    /// 预计: the review-year figure was an estimate when the report was written.
    pub estimate: bool,
    /// Direct label, e.g. "≈6.5%" or "≥7%".
    pub label: String,
}

/// One indicator on the compare chart: its review-year result and plan-year target.
#[derive(Clone, Debug, PartialEq)]
pub struct GrowthItem {
    pub id: String,
    /// Indicator name, localized.
    pub label: String,
    pub from: Option<Mark>,
    pub to: Option<Mark>,
}

/// One pair of levels (counts, amounts) with the implied change.
#[derive(Clone, Debug, PartialEq)]
pub struct LevelItem {
    pub id: String,
    pub label: String,
    /// e.g. "554个".
    pub from_label: String,
    pub to_label: String,
    pub change_pct: f64,
}

/// How to draw. Sizes are device pixels; `scale` is the device-pixel ratio and scales
/// fonts, strokes and paddings so the chart looks the same at any density.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    pub width: u32,
    pub height: u32,
    pub scale: f64,
    pub theme: Theme,
    pub selected: Option<String>,
    pub hovered: Option<String>,
    pub legend_review: String,
    pub legend_plan: String,
    /// Font family (or CSS font stack) handed to the backend as is.
    pub font: String,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            width: 720,
            height: 400,
            scale: 1.0,
            theme: Theme::light(),
            selected: None,
            hovered: None,
            legend_review: "review".into(),
            legend_plan: "plan".into(),
            font: "sans-serif".into(),
        }
    }
}

impl Options {
    /// The scale with nonsense (0, NaN) replaced, so a bad `devicePixelRatio` never
    /// collapses the layout to nothing.
    pub fn dpr(&self) -> f64 {
        if self.scale.is_finite() && self.scale > 0.1 {
            self.scale
        } else {
            1.0
        }
    }

    /// Width in CSS pixels, which is what the narrow/wide decision is about.
    pub fn width_css(&self) -> f64 {
        f64::from(self.width) / self.dpr()
    }
}

/// Device pixels per CSS pixel a canvas is drawn with, from the browser's
/// `devicePixelRatio`: the ratio itself on dense screens, but never below 1 (a page
/// zoomed out reports less than 1, and a canvas with fewer pixels than CSS pixels would
/// be blurred), and 1 for nonsense. Drawing and hit testing both use this one number.
pub fn canvas_ratio(device_pixel_ratio: f64) -> f64 {
    if device_pixel_ratio.is_finite() && device_pixel_ratio >= 1.0 {
        device_pixel_ratio
    } else {
        1.0
    }
}

/// The canvas's size in device pixels for a CSS size and a [`canvas_ratio`].
pub fn canvas_size(width_css: u32, height_css: u32, ratio: f64) -> (u32, u32) {
    (
        (f64::from(width_css) * ratio).round() as u32,
        (f64::from(height_css) * ratio).round() as u32,
    )
}

/// Row bands of the last drawing, so pointer events can be mapped back to rows without
/// redoing the layout in the UI.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HitMap {
    width: f64,
    rows: Vec<(String, f64, f64)>,
    /// Device pixels per CSS pixel of the drawing (0 in an empty map means 1).
    scale: f64,
}

impl HitMap {
    pub fn new(width: f64, rows: Vec<(String, f64, f64)>) -> Self {
        HitMap {
            width,
            rows,
            scale: 1.0,
        }
    }

    /// The same bands, drawn at `scale` device pixels per CSS pixel.
    pub fn with_scale(mut self, scale: f64) -> Self {
        self.scale = scale;
        self
    }

    /// The row under a point in device pixels. Bands are half-open (`top <= y < bottom`)
    /// so a point on a shared edge belongs to exactly one row.
    pub fn row_at(&self, x: f64, y: f64) -> Option<&str> {
        if !(0.0..=self.width).contains(&x) {
            return None;
        }
        self.rows
            .iter()
            .find(|(_, top, bottom)| (*top..*bottom).contains(&y))
            .map(|(id, _, _)| id.as_str())
    }

    /// The row under a pointer event's offset in CSS pixels, converted with the scale
    /// the chart was drawn at (not a fresh `devicePixelRatio`, which may differ).
    pub fn row_at_css(&self, x_css: f64, y_css: f64) -> Option<&str> {
        let s = if self.scale > 0.0 { self.scale } else { 1.0 };
        self.row_at(x_css * s, y_css * s)
    }

    /// `(id, top, bottom)` per row, in drawing order.
    pub fn rows(&self) -> &[(String, f64, f64)] {
        &self.rows
    }

    /// The rows' ids, top to bottom (the keys move through them in this order).
    pub fn ids(&self) -> Vec<String> {
        self.rows.iter().map(|(id, ..)| id.clone()).collect()
    }
}

/// plotters' SVG backend writes `font-size` as the requested size / 1.24 while the
/// canvas backend uses it as is; multiplying back keeps the two outputs alike.
const SVG_TEXT_FACTOR: f64 = 1.24;

fn svg(
    o: &Options,
    draw: impl FnOnce(&DrawingArea<SVGBackend<'_>, plotters::coord::Shift>) -> Result<(), String>,
) -> String {
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, (o.width.max(1), o.height.max(1)))
            .into_drawing_area();
        // A failure leaves a partial but well-formed document; there is no better
        // fallback for a download, and the canvas path reports the error itself.
        let _ = draw(&area);
        let _ = area.present();
    }
    out
}
