//! What every chart row has, whichever chart it is in: its band and its wrapped label.

use super::*;

/// A row's band (`top`..`bottom`, for hit testing and the focus tint) and its label lines.
#[derive(Clone, Debug, PartialEq)]
pub struct RowHead {
    pub id: String,
    pub top: f64,
    pub bottom: f64,
    pub label_lines: Vec<String>,
    pub label_x: f64,
    /// Vertical centre of the first label line.
    pub label_y: f64,
    pub line_height: f64,
}

impl RowHead {
    /// The row `id` labelled `label`, `row_h` high from `top`; also returns the vertical
    /// centre of the row's marks (below the label on a narrow chart, beside it otherwise).
    pub(crate) fn place(f: &Frame, id: &str, label: &str, top: f64, row_h: f64) -> (Self, f64) {
        let (label_lines, label_y, mark_y, line_height) = row_label(f, label, top, row_h);
        let head = RowHead {
            id: id.to_string(),
            top,
            bottom: top + row_h,
            label_lines,
            label_x: css::PAD_X * f.s,
            label_y,
            line_height,
        };
        (head, mark_y)
    }

    /// The vertical centre of each label line, with the line.
    pub fn lines(&self) -> impl Iterator<Item = (f64, &str)> {
        self.label_lines
            .iter()
            .enumerate()
            .map(|(i, l)| (self.label_y + i as f64 * self.line_height, l.as_str()))
    }

    /// Boxes of the label lines, for checking that nothing is drawn over anything else.
    pub(crate) fn label_boxes(&self, s: f64) -> impl Iterator<Item = Item> + '_ {
        let font = css::FONT_LABEL * s;
        let x = self.label_x;
        self.lines()
            .filter(|(_, l)| !l.is_empty())
            .map(move |(cy, l)| Item {
                kind: BoxKind::RowLabel,
                row: self.id.clone(),
                rect: Rect::new(x, cy - font / 2.0, x + text_width(l, font), cy + font / 2.0),
            })
    }
}

/// The rows' bands as a hit map of a chart `width` device pixels wide at scale `s`.
pub(crate) fn rows_hit_map<'a>(
    width: f64,
    s: f64,
    heads: impl Iterator<Item = &'a RowHead>,
) -> HitMap {
    HitMap::new(
        width,
        heads.map(|h| (h.id.clone(), h.top, h.bottom)).collect(),
    )
    .with_scale(s)
}
