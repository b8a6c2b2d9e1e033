//! A chart as a download that stands on its own: title, summary, the chart with its
//! legend, the active filters in words and the source line, always on the light theme
//! and with a font stack that finds a CJK face on every system. Drawn by the same
//! plotters code as the page, onto SVG or onto a 2× canvas for PNG.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

use super::layout::wrap_text;
use super::paint::{replay, Painter, Prim, TextSpec};
use super::{Chart, Options, Theme};

/// Fonts named in downloads: a Latin-and-CJK family everywhere it exists, the platform
/// CJK faces after it, then the generic family. Unquoted names, so the list can go into
/// an SVG attribute and a canvas font string as it is.
pub const FONT_STACK: &str = "Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, PingFang SC, Hiragino Sans GB, Microsoft YaHei, WenQuanYi Micro Hei, sans-serif";

/// The words around the chart, made by the caller in the reader's language.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Caption {
    pub title: String,
    /// The chart's one-line summary (the same sentence the page reads out).
    pub summary: String,
    /// What the marks mean, where the chart has no legend of its own.
    pub key: Option<String>,
    /// The active filters in words.
    pub filters: String,
    /// "Source: …".
    pub source: String,
}

/// The chart of a download, owned.
#[derive(Debug)]
pub struct Rows(pub Box<dyn Chart>);

impl Rows {
    pub fn chart(&self) -> &dyn Chart {
        &*self.0
    }
}

const PAD: f64 = 16.0;
const FONT_TITLE: f64 = 17.0;
const FONT_SUMMARY: f64 = 13.0;
const FONT_NOTE: f64 = 12.0;
const LINE: f64 = 1.4;

/// One line of text in a download, in CSS px from the top.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub text: String,
    pub y: f64,
    pub size: f64,
    pub bold: bool,
    pub muted: bool,
}

/// Where the text lines and the chart go, in CSS px.
#[derive(Clone, Debug, PartialEq)]
pub struct DocLayout {
    pub width: u32,
    pub height: u32,
    pub lines: Vec<Line>,
    pub chart_top: u32,
    pub chart_height: u32,
}

/// The download's layout for a chart `width_css` wide.
pub fn document_layout(chart: &dyn Chart, caption: &Caption, width_css: u32) -> DocLayout {
    let w = f64::from(width_css) - 2.0 * PAD;
    let mut y = PAD;
    let mut lines = Vec::new();
    let mut block = |text: &str, size: f64, max: usize, bold: bool, muted: bool, y: &mut f64| {
        if text.is_empty() {
            return;
        }
        for l in wrap_text(text, w, size, max) {
            lines.push(Line {
                text: l,
                y: *y + size * LINE / 2.0,
                size,
                bold,
                muted,
            });
            *y += size * LINE;
        }
    };
    block(&caption.title, FONT_TITLE, 2, true, false, &mut y);
    y += 4.0;
    block(&caption.summary, FONT_SUMMARY, 8, false, false, &mut y);
    if let Some(key) = &caption.key {
        block(key, FONT_NOTE, 2, false, true, &mut y);
    }
    y += 6.0;
    let chart_top = y.ceil() as u32;
    let chart_height = chart.height_css(width_css);
    let mut y = f64::from(chart_top + chart_height) + 6.0;
    block(&caption.filters, FONT_NOTE, 3, false, true, &mut y);
    block(&caption.source, FONT_NOTE, 2, false, true, &mut y);
    DocLayout {
        width: width_css,
        height: (y + PAD).ceil() as u32,
        lines,
        chart_top,
        chart_height,
    }
}

/// The options a download is drawn with: the page's, but light, without the hover and
/// with the download font stack, at `scale` device pixels per CSS pixel.
pub fn download_options(o: &Options, scale: f64) -> Options {
    Options {
        scale,
        theme: Theme::light(),
        hovered: None,
        font: FONT_STACK.into(),
        ..o.clone()
    }
}

/// Draws the whole download onto `area`, which must be `layout.width × layout.height`
/// CSS px times `o.scale`.
pub fn draw_document<DB: DrawingBackend<ErrorType: 'static>>(
    area: &DrawingArea<DB, Shift>,
    chart: &dyn Chart,
    caption: &Caption,
    o: &Options,
    text_factor: f64,
) -> Result<(), String> {
    replay(
        area,
        &paint_document(chart, caption, o, false)?,
        o,
        text_factor,
    )
}

/// The download as a display list (compiled once for every backend).
fn paint_document(
    chart: &dyn Chart,
    caption: &Caption,
    o: &Options,
    thin_outlines: bool,
) -> Result<Vec<Prim>, String> {
    let s = o.dpr();
    let l = document_layout(chart, caption, (f64::from(o.width) / s).round() as u32);
    let p = Painter::new(o);
    p.clear()?;
    for line in &l.lines {
        let color = if line.muted {
            o.theme.muted
        } else {
            o.theme.text
        };
        p.text(
            &line.text,
            PAD * s,
            line.y * s,
            TextSpec::new(line.size, HPos::Left).bold(line.bold),
            color,
        )?;
    }
    let co = Options {
        height: (f64::from(l.chart_height) * s).round() as u32,
        ..o.clone()
    };
    let mut painter = Painter::new(&co);
    painter.dy = (f64::from(l.chart_top) * s).round();
    painter.thin_outlines = thin_outlines;
    chart.paint(&painter).map(drop)?;
    let mut list = p.into_list();
    list.extend(painter.into_list());
    Ok(list)
}

/// The download as an SVG document, with the title and summary also as `<title>` and
/// `<desc>` for software that reads them. `o` is the page's options; the width is taken
/// from it in CSS px.
pub fn document_svg(chart: &dyn Chart, caption: &Caption, o: &Options) -> String {
    let width_css = (f64::from(o.width) / o.dpr()).round().max(1.0) as u32;
    let l = document_layout(chart, caption, width_css);
    let o = Options {
        width: l.width,
        height: l.height,
        ..download_options(o, 1.0)
    };
    let svg = super::svg(&o, |area| {
        let list = paint_document(chart, caption, &o, true)?;
        replay(area, &list, &o, super::SVG_TEXT_FACTOR)
    });
    match svg
        .find("<svg")
        .and_then(|i| svg[i..].find('>').map(|j| i + j + 1))
    {
        Some(at) => format!(
            "{}\n<title>{}</title>\n<desc>{}</desc>{}",
            &svg[..at],
            escape(&caption.title),
            escape(&caption.summary),
            &svg[at..]
        ),
        None => svg,
    }
}

/// Text for SVG/HTML text and attribute values (also used by the static pages in xtask).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The download's size in device pixels at `s`, for callers that size a canvas.
pub fn canvas_px(l: &DocLayout, s: f64) -> (u32, u32) {
    (
        (f64::from(l.width) * s).round() as u32,
        (f64::from(l.height) * s).round() as u32,
    )
}
