//! The chart of a view as a document that stands on its own (title, summary, legend,
//! filters, source): SVG text from plotters' SVG backend, or a PNG drawn by the same code
//! at 2× onto a canvas of its own (not the one on screen, which follows the screen's
//! theme and size).

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

use super::i18n::year_label;
use crate::chart::{self, document};
use crate::data::{Dataset, Period};
use crate::present;
use crate::state::ViewState;

fn chart_options(data: &Dataset, view: &ViewState, width: u32) -> chart::Options {
    chart::Options {
        width,
        height: 0,
        selected: view.focus.clone(),
        legend_review: year_label(view.lang, &data.report, Period::Review),
        legend_plan: year_label(view.lang, &data.report, Period::Plan),
        ..chart::Options::default()
    }
}

/// The view's chart as SVG, `width` CSS px wide; `None` for a tab without a chart.
pub fn svg(data: &Dataset, view: &ViewState, width: u32) -> Option<String> {
    let (rows, caption) = present::download(view.lang, data, view)?;
    Some(document::document_svg(
        rows.chart(),
        &caption,
        &chart_options(data, view, width),
    ))
}

/// The view's chart as a PNG data URL, `width` CSS px wide at 2×.
pub fn png(data: &Dataset, view: &ViewState, width: u32) -> Option<String> {
    const SCALE: f64 = 2.0;
    let (rows, caption) = present::download(view.lang, data, view)?;
    let fig = rows.chart();
    let o = chart_options(data, view, width);
    let l = document::document_layout(fig, &caption, o.width);
    let (w, h) = document::canvas_px(&l, SCALE);
    let canvas: HtmlCanvasElement = gloo::utils::document()
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    canvas.set_width(w);
    canvas.set_height(h);
    let o = chart::Options {
        width: w,
        height: h,
        ..document::download_options(&o, SCALE)
    };
    let area = CanvasBackend::with_canvas_object(canvas.clone())?.into_drawing_area();
    document::draw_document(&area, fig, &caption, &o, 1.0).ok()?;
    area.present().ok()?;
    canvas.to_data_url().ok()
}

/// The start of the view's download file names (`aba-report-2024-growth`).
pub fn file_stem(data: &Dataset, view: &ViewState) -> String {
    format!("{}-{}", data.report.file_stem, view.view.file_word())
}
