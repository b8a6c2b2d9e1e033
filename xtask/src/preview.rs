//! Preview images (`og:image`) of the static pages: PNGs drawn at build time by the
//! app's own plotters code (`chart::document`, the same document as the page's chart
//! download) on plotters' bitmap backend, with a committed font so the build needs no
//! system fonts (xtask/fonts/, subset of Noto Sans CJK SC, SIL OFL 1.1).

use crate::page_text;
use crate::Result;
use plotters::prelude::*;
use plotters::style::FontStyle;
use report_explorer::chart::document::{self, Caption};
use report_explorer::chart::{Growth, Options};
use report_explorer::data::{Dataset, Period};
use report_explorer::present::{compare_chart_rows, download_caption, year_label};
use report_explorer::state::{compare_rows, Page};
use std::path::Path;
use std::sync::OnceLock;

static FONT: &[u8] = include_bytes!("../fonts/NotoSansSC-subset.otf");

/// Preview width in CSS px, drawn at 2×: 1200 device px, the width link previews want.
const WIDTH_CSS: u32 = 600;
const SCALE: f64 = 2.0;
/// The smallest preview link previews accept for a large card (1.91 : 1).
pub const MIN_SIZE: (u32, u32) = (1200, 630);

/// Registers the font under every family name the chart code asks for, once, and
/// returns the text factor: ab_glyph scales a font to its ascent-to-descent height,
/// while the chart code sizes text by the em, as a canvas does.
fn font() -> Result<f64> {
    static FACTOR: OnceLock<std::result::Result<f64, String>> = OnceLock::new();
    FACTOR
        .get_or_init(|| {
            use ab_glyph::Font;
            let f = ab_glyph::FontRef::try_from_slice(FONT)
                .map_err(|e| format!("xtask/fonts: not a font the previews can use: {e}"))?;
            let em = f
                .units_per_em()
                .ok_or("xtask/fonts: the font has no em size")?;
            for family in [document::FONT_STACK, "sans-serif"] {
                plotters::style::register_font(family, FontStyle::Normal, FONT)
                    .map_err(|_| "xtask/fonts: plotters refused the font".to_string())?;
            }
            Ok(f64::from(f.height_unscaled()) / f64::from(em))
        })
        .clone()
}

/// Draws the preview of `page` into `out` and returns its size in pixels.
pub fn write(data: &Dataset, page: &Page, out: &Path) -> Result<(u32, u32)> {
    let text_factor = font()?;
    let lang = page.lang();
    let view = page.view();
    let fail = |e: String| format!("preview {}: {e}", out.display());
    match page {
        Page::Home(_) | Page::Sector(..) => {
            let chart = Growth(compare_chart_rows(lang, &compare_rows(data, &view)));
            let mut caption = download_caption(lang, data, &view);
            caption.title = page_text::heading(data, page);
            let fig: &dyn report_explorer::chart::Chart = &chart;
            let layout = document::document_layout(fig, &caption, WIDTH_CSS);
            let (w, h) = document::canvas_px(&layout, SCALE);
            let size = (w.max(MIN_SIZE.0), h.max(MIN_SIZE.1));
            let base = Options {
                width: w,
                height: h,
                legend_review: year_label(lang, &data.report, Period::Review),
                legend_plan: year_label(lang, &data.report, Period::Plan),
                ..Options::default()
            };
            let o = document::download_options(&base, SCALE);
            let root = BitMapBackend::new(out, size).into_drawing_area();
            root.fill(&WHITE).map_err(|e| fail(e.to_string()))?;
            let (doc, _) = root.split_vertically(h);
            document::draw_document(&doc, fig, &caption, &o, text_factor).map_err(fail)?;
            root.present().map_err(|e| fail(e.to_string()))?;
            Ok(size)
        }
        Page::County(..) => {
            let caption = Caption {
                title: page_text::heading(data, page),
                summary: page_text::summary(data, page),
                source: page_text::source(data, lang),
                ..Caption::default()
            };
            let root = BitMapBackend::new(out, MIN_SIZE).into_drawing_area();
            card(&root, &caption, text_factor).map_err(fail)?;
            root.present().map_err(|e| fail(e.to_string()))?;
            Ok(MIN_SIZE)
        }
    }
}

/// A card without a chart: the county's headline, its sentence and the source line.
fn card<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    caption: &Caption,
    text_factor: f64,
) -> std::result::Result<(), String> {
    use report_explorer::chart::layout::wrap_text;
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    area.fill(&WHITE).map_err(err)?;
    let (w, h) = area.dim_in_pixel();
    let pad = 80.0;
    let theme = report_explorer::chart::Theme::light();
    let (ink, muted, accent) = (theme.text, theme.muted, theme.review);
    area.draw(&Rectangle::new([(0, 0), (w as i32, 16)], accent.filled()))
        .map_err(err)?;
    let mut y = pad;
    let text = |t: &str, px: f64, color: RGBColor, max: usize, y: &mut f64| {
        for line in wrap_text(t, f64::from(w) - 2.0 * pad, px, max) {
            let style = (document::FONT_STACK, px * text_factor)
                .into_font()
                .color(&color);
            area.draw_text(&line, &style, (pad as i32, *y as i32))
                .map_err(err)?;
            *y += px * 1.4;
        }
        Ok::<(), String>(())
    };
    text(&caption.title, 64.0, ink, 2, &mut y)?;
    y += 24.0;
    text(&caption.summary, 40.0, ink, 4, &mut y)?;
    let mut y = f64::from(h) - pad - 36.0;
    text(&caption.source, 30.0, muted, 1, &mut y)?;
    Ok(())
}
