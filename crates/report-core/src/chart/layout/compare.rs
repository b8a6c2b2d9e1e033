//! The growth chart's layout: rows, marks, their labels and the axis (broken or not).

use super::*;

/// A mark's place and where its direct label goes.
#[derive(Clone, Debug, PartialEq)]
pub struct MarkPlace {
    pub x: f64,
    pub y: f64,
    /// Anchor x of the label: its right end when `label_left`, else its left end.
    pub label_x: f64,
    pub label_left: bool,
    /// How far the mark (with its estimate ring) reaches from its centre.
    pub reach: f64,
    /// Width of the qualifier glyph to the right of the mark (0 for none).
    pub adorn: f64,
    /// Estimated width of the direct label.
    pub label_w: f64,
}

impl MarkPlace {
    /// The mark with its estimate ring and its qualifier glyph.
    pub fn mark_box(&self) -> Rect {
        Rect::new(
            self.x - self.reach,
            self.y - self.reach,
            self.x + self.reach,
            self.y + self.reach,
        )
    }

    /// The ≥ chevron or ≤ cap, when the mark has one.
    pub fn qualifier_box(&self, s: f64) -> Option<Rect> {
        (self.adorn > 0.0).then(|| {
            let x = self.x + self.reach;
            Rect::new(x, self.y - 7.0 * s, x + self.adorn, self.y + 7.0 * s)
        })
    }

    pub fn label_box(&self, s: f64) -> Rect {
        let (x0, x1) = if self.label_left {
            (self.label_x - self.label_w, self.label_x)
        } else {
            (self.label_x, self.label_x + self.label_w)
        };
        let h = css::FONT_MARK * s / 2.0;
        Rect::new(x0, self.y - h, x1, self.y + h)
    }

    /// Everything of the mark but its label, for deciding whether two marks collide.
    fn extent(&self, s: f64) -> Rect {
        let m = self.mark_box();
        self.qualifier_box(s).map_or(m, |q| m.union(&q))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct CompareRowLayout {
    pub head: RowHead,
    pub from: Option<MarkPlace>,
    pub to: Option<MarkPlace>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CompareLayout {
    pub width: f64,
    pub height: f64,
    /// Device pixels per CSS pixel.
    pub s: f64,
    pub narrow: bool,
    /// Vertical centre of the legend line.
    pub legend_y: f64,
    /// Vertical centre of the tick labels.
    pub axis_y: f64,
    /// The axis, or on a broken axis its main (inner) piece, which holds the cluster.
    pub axis: Axis,
    /// The outer piece of a broken axis, with its own ticks (see [`far_outliers`]).
    pub outer_axis: Option<Axis>,
    pub scale: Scale,
    /// Top and bottom of the row area, for grid lines.
    pub plot_top: f64,
    pub plot_bottom: f64,
    pub rows: Vec<CompareRowLayout>,
}

impl CompareLayout {
    /// Every row label line, mark, qualifier glyph and value label, for checking that
    /// nothing is drawn over anything else.
    pub fn boxes(&self) -> Vec<Item> {
        let s = self.s;
        let mut out = Vec::new();
        for r in &self.rows {
            out.extend(r.head.label_boxes(s));
            for m in [&r.from, &r.to].into_iter().flatten() {
                let item = |kind, rect| Item {
                    kind,
                    row: r.head.id.clone(),
                    rect,
                };
                out.push(item(BoxKind::Marker, m.mark_box()));
                if let Some(q) = m.qualifier_box(s) {
                    out.push(item(BoxKind::Qualifier, q));
                }
                out.push(item(BoxKind::ValueLabel, m.label_box(s)));
            }
        }
        out
    }

    pub fn hit_map(&self) -> HitMap {
        rows_hit_map(self.width, self.s, self.rows.iter().map(|r| &r.head))
    }
}

/// Mark radius including the estimate ring, i.e. how far the drawing reaches.
pub fn mark_reach(m: &Mark, is_plan: bool, s: f64) -> f64 {
    let r = if is_plan { css::DIAMOND_R } else { css::DOT_R };
    (r + if m.estimate { css::ESTIMATE_RING } else { 0.0 }) * s
}

pub(crate) fn adorn_width(m: &Mark, s: f64) -> f64 {
    match m.qualifier {
        Qualifier::AtLeast | Qualifier::AtMost => css::ADORN * s,
        Qualifier::Exact | Qualifier::About => 0.0,
    }
}

/// Positions for the compare chart.
pub fn compare_layout(rows: &[GrowthItem], o: &Options) -> CompareLayout {
    let f = frame(o, rows.iter().map(|r| r.label.as_str()));
    let s = f.s;
    let values = rows
        .iter()
        .flat_map(|r| [&r.from, &r.to])
        .flatten()
        .map(|m| m.value);
    let values: Vec<f64> = values.collect();
    let legend_y = css::PAD_TOP * s + css::LEGEND * s / 2.0;
    let axis_y = (css::PAD_TOP + css::LEGEND) * s + css::AXIS * s / 2.0;
    let plot_top = (css::PAD_TOP + css::LEGEND + css::AXIS) * s;
    let row_h = if f.narrow { css::ROW_NARROW } else { css::ROW } * s;
    let font = css::FONT_MARK * s;
    let gap = css::TEXT_GAP * s;

    // Which side each label goes decides the room it needs; the side depends only on the
    // order of the two values, so it is settled before the scale.
    struct Side<'a> {
        m: &'a Mark,
        is_plan: bool,
        left: bool,
    }
    let sides: Vec<[Option<Side>; 2]> = rows
        .iter()
        .map(|r| {
            let from_left = match (&r.from, &r.to) {
                (Some(a), Some(b)) => a.value <= b.value,
                _ => false,
            };
            [
                r.from.as_ref().map(|m| Side {
                    m,
                    is_plan: false,
                    left: from_left,
                }),
                r.to.as_ref().map(|m| Side {
                    m,
                    is_plan: true,
                    left: r.from.is_some() && !from_left,
                }),
            ]
        })
        .collect();
    let needs: Vec<Need> = sides
        .iter()
        .flatten()
        .flatten()
        .filter(|sd| sd.m.value.is_finite())
        .map(|sd| {
            let reach = mark_reach(sd.m, sd.is_plan, s);
            let text = text_width(&sd.m.label, font) + gap;
            let adorn = adorn_width(sd.m, s);
            Need {
                value: sd.m.value,
                left: reach + if sd.left { text } else { 0.0 },
                right: reach + adorn + if sd.left { 0.0 } else { text },
            }
        })
        .collect();
    let (axis, outer_axis, scale) = match far_outliers(&values) {
        Some(out) => {
            let (a, b, sc) = fit_broken(&f, &values, &needs, out);
            (a, Some(b), sc)
        }
        None => {
            let (a, sc) = fit_axis(&f, &values, &needs);
            (a, None, sc)
        }
    };

    let place = |sd: &Side, y: f64| -> Option<MarkPlace> {
        if !sd.m.value.is_finite() {
            return None;
        }
        let x = scale.x(sd.m.value);
        let reach = mark_reach(sd.m, sd.is_plan, s);
        let label_x = if sd.left {
            x - reach - gap
        } else {
            x + reach + adorn_width(sd.m, s) + gap
        };
        Some(MarkPlace {
            x,
            y,
            label_x,
            label_left: sd.left,
            reach,
            adorn: adorn_width(sd.m, s),
            label_w: text_width(&sd.m.label, font),
        })
    };

    let out_rows = rows
        .iter()
        .zip(&sides)
        .enumerate()
        .map(|(i, (r, [from, to]))| {
            let top = plot_top + row_h * i as f64;
            let (head, mark_y) = RowHead::place(&f, &r.id, &r.label, top, row_h);
            let mut from = from.as_ref().and_then(|sd| place(sd, mark_y));
            let mut to = to.as_ref().and_then(|sd| place(sd, mark_y));
            // Marks close enough to touch (with their rings and qualifier glyphs) would
            // hide each other, so the pair is split vertically, the result above and the target
            // below, just far enough that nothing of one overlaps the other.
            if let (Some(a), Some(b)) = (&mut from, &mut to) {
                let (ea, eb) = (a.extent(s), b.extent(s));
                if ea.x0.max(eb.x0) - 2.0 * s < ea.x1.min(eb.x1) {
                    let half_gap = 1.0 * s;
                    a.y = mark_y - half_gap - a.reach;
                    b.y = mark_y + half_gap + b.reach;
                }
            }
            CompareRowLayout { head, from, to }
        })
        .collect();

    CompareLayout {
        width: f.width,
        height: f64::from(o.height),
        s,
        narrow: f.narrow,
        legend_y,
        axis_y,
        axis,
        outer_axis,
        scale,
        plot_top,
        plot_bottom: plot_top + row_h * rows.len() as f64,
        rows: out_rows,
    }
}
