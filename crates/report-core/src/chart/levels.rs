//! The levels chart: for pairs of counts or amounts, the implied change from the review-year
//! level to the plan-year level as a bar diverging from zero.

use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

use super::backdrop::{bands, row_label, ticks};
use super::layout::{css, levels_layout};
use super::paint::{hatch_paths, Painter, TextSpec};
use super::{Chart, HitMap, LevelItem};

/// The levels chart: its rows, one per comparable pair of levels.
#[derive(Clone, Debug, PartialEq)]
pub struct Levels(pub Vec<LevelItem>);

impl Chart for Levels {
    fn height_css(&self, width_css: u32) -> u32 {
        super::layout::levels_height_css(&self.0, width_css)
    }

    fn paint(&self, p: &Painter<'_>) -> Result<HitMap, String> {
        paint(p, &self.0)
    }
}

/// Records the levels chart into `p`'s display list.
pub(crate) fn paint(p: &Painter<'_>, rows: &[LevelItem]) -> Result<HitMap, String> {
    let o = p.o;
    let l = levels_layout(rows, o);
    let s = l.s;
    let t = &o.theme;
    p.clear()?;
    bands(p, l.width, l.rows.iter().map(|r| &r.head))?;
    let grid_top = l.axis_y + css::AXIS * s / 2.0 - 2.0 * s;
    ticks(
        p,
        &l.axis,
        &l.scale,
        l.axis_y,
        (grid_top, l.plot_bottom),
        l.width,
    )?;
    // The zero line is what the bars grow from, so it is always drawn, in the stronger
    // colour, even when no change is negative.
    let x0 = l.scale.x(0.0);
    p.line(
        &[(x0, grid_top), (x0, l.plot_bottom.max(grid_top))],
        t.muted.to_rgba(),
        p.stroke(1.2),
    )?;

    let half = css::BAR * s / 2.0;
    for lr in &l.rows {
        row_label(p, &lr.head)?;
        let (a, b) = ((lr.x0, lr.bar_y - half), (lr.x1, lr.bar_y + half));
        if (lr.x1 - lr.x0).abs() >= 1.0 {
            if lr.negative {
                // A decrease is an outlined, hatched bar: it differs from an increase in
                // texture and side, not only in being to the left.
                // The hatch's joins run under the outline, hidden only where the outline
                // is the wider (at 1.5 device pixels per CSS pixel both round to 2, and in
                // an SVG every outline is 1 px: there the joins would thicken the edge);
                // elsewhere each segment is its own path.
                let (width, outline) = (p.stroke(1.0), p.stroke(1.5));
                let guard = if outline > width && !p.thin_outlines {
                    2.0 * f64::from(width)
                } else {
                    f64::INFINITY
                };
                for path in hatch_paths(a, b, 4.0 * s, guard) {
                    p.line(&path, t.plan.to_rgba(), width)?;
                }
                p.rect((lr.x1, a.1), (lr.x0, b.1), t.plan.stroke_width(outline))?;
            } else {
                p.rect(a, b, t.plan.filled())?;
            }
        }
        let h = if lr.text_left {
            HPos::Right
        } else {
            HPos::Left
        };
        p.text(
            &lr.text,
            lr.text_x,
            lr.text_y,
            TextSpec::new(css::FONT_MARK, h),
            t.text,
        )?;
    }
    Ok(l.hit_map())
}
