//! What both charts share: the frame (label column and plot range), row labels, boxes
//! for the collision tests and the hit map.

use super::*;

/// An axis-aligned box in device pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
        Rect {
            x0: x0.min(x1),
            y0: y0.min(y1),
            x1: x0.max(x1),
            y1: y0.max(y1),
        }
    }

    pub fn union(&self, o: &Rect) -> Rect {
        Rect::new(
            self.x0.min(o.x0),
            self.y0.min(o.y0),
            self.x1.max(o.x1),
            self.y1.max(o.y1),
        )
    }

    /// Whether the two boxes share an area wider and taller than `tolerance` (boxes that
    /// only touch do not overlap).
    pub fn overlaps(&self, o: &Rect, tolerance: f64) -> bool {
        self.x0.max(o.x0) + tolerance < self.x1.min(o.x1)
            && self.y0.max(o.y0) + tolerance < self.y1.min(o.y1)
    }
}

/// What a box on a chart holds, for the collision test.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoxKind {
    RowLabel,
    Marker,
    Qualifier,
    ValueLabel,
    Bar,
    ChangeLabel,
}

/// One drawn thing: its kind, the row it belongs to and its box.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub kind: BoxKind,
    pub row: String,
    pub rect: Rect,
}

/// Boxes of a row's label lines.
pub(crate) fn label_boxes(
    id: &str,
    lines: &[String],
    x: f64,
    y: f64,
    line_height: f64,
    s: f64,
) -> Vec<Item> {
    let font = css::FONT_LABEL * s;
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.is_empty())
        .map(|(i, l)| {
            let cy = y + i as f64 * line_height;
            Item {
                kind: BoxKind::RowLabel,
                row: id.to_string(),
                rect: Rect::new(x, cy - font / 2.0, x + text_width(l, font), cy + font / 2.0),
            }
        })
        .collect()
}

pub(crate) fn hit_map<'a>(
    width: f64,
    rows: impl Iterator<Item = (&'a String, f64, f64)>,
) -> HitMap {
    HitMap::new(width, rows.map(|(id, t, b)| (id.clone(), t, b)).collect())
}

/// The x range of a chart's rows and their label column, shared by both charts.
pub(crate) struct Frame {
    pub(crate) s: f64,
    pub(crate) width: f64,
    pub(crate) narrow: bool,
    pub(crate) plot_left: f64,
    pub(crate) plot_right: f64,
    pub(crate) label_w: f64,
}

pub(crate) fn frame<'a>(o: &Options, labels: impl Iterator<Item = &'a str>) -> Frame {
    frame_at(o.dpr(), f64::from(o.width), labels, narrow(o.width_css()))
}

/// The frame of a chart `width` device pixels wide at scale `s`; `narrow` puts each label
/// on a line of its own above its row, across the whole width, as on a phone.
pub(crate) fn frame_at<'a>(
    s: f64,
    width: f64,
    labels: impl Iterator<Item = &'a str>,
    narrow: bool,
) -> Frame {
    let pad = css::PAD_X * s;
    let font = css::FONT_LABEL * s;
    let longest = labels.map(|l| text_width(l, font)).fold(0.0, f64::max);
    let (plot_left, label_w) = if narrow {
        (pad, width - 2.0 * pad)
    } else {
        // Wide enough for the longest label on one line where possible, but never more
        // than ~38% of the chart: longer labels wrap to a second line instead.
        let col = longest.clamp(60.0 * s, (width * 0.38).max(60.0 * s));
        (pad + col + css::LABEL_GAP * s, col)
    };
    Frame {
        s,
        width,
        narrow,
        plot_left,
        plot_right: (width - pad).max(plot_left + 1.0),
        label_w: label_w.max(1.0),
    }
}

/// Places the label lines of one row; returns (lines, first-line centre, mark centre).
pub(crate) fn row_label(
    f: &Frame,
    text: &str,
    top: f64,
    row_h: f64,
) -> (Vec<String>, f64, f64, f64) {
    let s = f.s;
    let font = css::FONT_LABEL * s;
    let lh = font * css::LINE_HEIGHT;
    if f.narrow {
        let line = ellipsize(text, f.label_w, font);
        let label_y = top + css::LABEL_LINE * s / 2.0 + 2.0 * s;
        let mark_y = top + css::LABEL_LINE * s + (row_h - css::LABEL_LINE * s) / 2.0;
        (vec![line], label_y, mark_y, lh)
    } else {
        let max_lines = ((row_h - 2.0 * s) / lh).floor().max(1.0) as usize;
        let lines = wrap_text(text, f.label_w, font, max_lines);
        let mid = top + row_h / 2.0;
        let label_y = mid - (lines.len() as f64 - 1.0) * lh / 2.0;
        (lines, label_y, mid, lh)
    }
}
