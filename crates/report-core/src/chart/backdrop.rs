//! What sits behind every chart's marks (the selected and hovered row bands, and the
//! grid lines with their tick labels) and what every row has beside them: its label.

use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

use super::layout::{self, css, text_width, RowHead};
use super::paint::{Painter, TextSpec};

/// Selected and hovered row bands, drawn first so everything else sits on top. The
/// selected row also gets a solid edge bar, so the selection does not rely on a faint
/// tint alone.
pub(crate) fn bands<'a>(
    p: &Painter<'_>,
    width: f64,
    rows: impl Iterator<Item = &'a RowHead>,
) -> Result<(), String> {
    let focus = p.o.theme.focus;
    for r in rows {
        let (id, top, bottom) = (r.id.as_str(), r.top, r.bottom);
        if p.o.selected.as_deref() == Some(id) {
            p.rect((0.0, top), (width, bottom), focus.mix(0.16).filled())?;
            p.rect((0.0, top), (3.0 * p.s, bottom), focus.filled())?;
        } else if p.o.hovered.as_deref() == Some(id) {
            p.rect((0.0, top), (width, bottom), focus.mix(0.08).filled())?;
        }
    }
    Ok(())
}

/// A row's label lines, bold on the selected row.
pub(crate) fn row_label(p: &Painter<'_>, r: &RowHead) -> Result<(), String> {
    let selected = p.o.selected.as_deref() == Some(r.id.as_str());
    for (i, line) in r.label_lines.iter().enumerate() {
        p.text(
            line,
            r.label_x,
            r.label_y + i as f64 * r.line_height,
            TextSpec::new(css::FONT_LABEL, HPos::Left).bold(selected),
            p.o.theme.text,
        )?;
    }
    Ok(())
}

/// Grid lines and tick labels. A negative range gets a stronger zero line, because
/// crossing zero changes the meaning (growth vs decline).
pub(crate) fn ticks(
    p: &Painter<'_>,
    axis: &layout::Axis,
    scale: &layout::Scale,
    axis_y: f64,
    (top, bottom): (f64, f64),
    width: f64,
) -> Result<(), String> {
    let t = &p.o.theme;
    let font = css::FONT_TICK * p.s;
    for &v in &axis.ticks {
        let x = scale.x(v);
        let zero = v == 0.0 && axis.min < 0.0;
        let (color, w) = if zero {
            (t.muted, p.stroke(1.2))
        } else {
            (t.grid, p.stroke(1.0))
        };
        p.line(&[(x, top), (x, bottom.max(top))], color.to_rgba(), w)?;
        let label = axis.tick_label(v);
        let half = text_width(&label, font) / 2.0;
        // Keep the outermost labels inside the canvas instead of centring them off it.
        let h = if x + half > width {
            HPos::Right
        } else if x - half < 0.0 {
            HPos::Left
        } else {
            HPos::Center
        };
        p.text(&label, x, axis_y, TextSpec::new(css::FONT_TICK, h), t.muted)?;
    }
    Ok(())
}
