//! The levels chart's layout: one bar per row, diverging from zero.

use super::*;

#[derive(Clone, Debug, PartialEq)]
pub struct LevelRowLayout {
    pub head: RowHead,
    /// Vertical centre of the bar.
    pub bar_y: f64,
    /// Bar from the zero line (`x0`) to the value (`x1`); `x1 < x0` for a decrease.
    pub x0: f64,
    pub x1: f64,
    /// "554个 → 676个 (+22%)".
    pub text: String,
    pub text_x: f64,
    /// Vertical centre of the text: the bar's, or on narrow charts its own line.
    pub text_y: f64,
    pub text_left: bool,
    pub negative: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LevelsLayout {
    pub width: f64,
    pub height: f64,
    pub s: f64,
    pub narrow: bool,
    pub axis_y: f64,
    pub axis: Axis,
    pub scale: Scale,
    pub plot_top: f64,
    pub plot_bottom: f64,
    pub rows: Vec<LevelRowLayout>,
}

impl LevelsLayout {
    /// Every row label line, bar and change text.
    pub fn boxes(&self) -> Vec<Item> {
        let s = self.s;
        let mut out = Vec::new();
        for r in &self.rows {
            out.extend(r.head.label_boxes(s));
            let half = css::BAR * s / 2.0;
            if (r.x1 - r.x0).abs() >= 1.0 {
                out.push(Item {
                    kind: BoxKind::Bar,
                    row: r.head.id.clone(),
                    rect: Rect::new(r.x0, r.bar_y - half, r.x1, r.bar_y + half),
                });
            }
            let font = css::FONT_MARK * s;
            let w = text_width(&r.text, font);
            let (x0, x1) = if r.text_left {
                (r.text_x - w, r.text_x)
            } else {
                (r.text_x, r.text_x + w)
            };
            out.push(Item {
                kind: BoxKind::ChangeLabel,
                row: r.head.id.clone(),
                rect: Rect::new(x0, r.text_y - font / 2.0, x1, r.text_y + font / 2.0),
            });
        }
        out
    }

    pub fn hit_map(&self) -> HitMap {
        rows_hit_map(self.width, self.s, self.rows.iter().map(|r| &r.head))
    }
}

/// "+22%", "−8%", "+0.6%": the one change formatter, [`crate::data::format::signed_pct`].
pub use crate::data::format::signed_pct;

/// The change value a row is drawn at: none (0) where the report's pair has no ratio.
fn change(r: &LevelItem) -> f64 {
    if r.change_pct.is_finite() {
        r.change_pct
    } else {
        0.0
    }
}

/// "554个 → 676个 (+22%)".
fn change_text(r: &LevelItem) -> String {
    format!(
        "{} \u{2192} {} ({})",
        r.from_label,
        r.to_label,
        signed_pct(r.change_pct)
    )
}

/// Room for each row's change text beside its bar (none when the text has its own line).
fn needs(rows: &[LevelItem], texts: &[String], font: f64, gap: f64, stacked: bool) -> Vec<Need> {
    rows.iter()
        .zip(texts)
        .map(|(r, t)| {
            let w = if stacked {
                0.0
            } else {
                text_width(t, font) + gap
            };
            let neg = change(r) < 0.0;
            Need {
                value: change(r),
                left: if neg { w } else { 0.0 },
                right: if neg { 0.0 } else { w },
            }
        })
        .collect()
}

/// Whether each change text goes on a line of its own under the row's label, as on a
/// phone: on a narrow chart, and wherever the texts beside their bars would not fit, e.g.
/// an English embed 640 px wide, where "≥40 billion yuan → ≥50 billion yuan (+25%)" ran
/// off the right edge and the axis's ticks piled onto each other. Decided at CSS scale
/// (every size scales with the device-pixel ratio, so the answer does not change with it),
/// so that the chart's height and its layout agree.
pub(crate) fn stacked(rows: &[LevelItem], width_css: f64) -> bool {
    if super::narrow(width_css) {
        return true;
    }
    let f = frame_at(1.0, width_css, rows.iter().map(|r| r.label.as_str()), false);
    let (font, gap) = (css::FONT_MARK, css::TEXT_GAP);
    let texts: Vec<String> = rows.iter().map(change_text).collect();
    let values: Vec<f64> = rows.iter().map(change).collect();
    let (axis, scale) = fit_axis(&f, &values, &needs(rows, &texts, font, gap, false));
    let widest_tick = axis
        .ticks
        .iter()
        .map(|&v| text_width(&axis.tick_label(v), css::FONT_TICK))
        .fold(0.0, f64::max);
    let per_tick = (scale.right - scale.left) / axis.ticks.len().saturating_sub(1).max(1) as f64;
    let ticks_crowd = axis.ticks.len() > 1 && per_tick < widest_tick + 4.0;
    let text_overflows = rows.iter().zip(&texts).any(|(r, t)| {
        let w = text_width(t, font);
        let x = scale.x(change(r));
        if change(r) < 0.0 {
            x - gap - w < f.plot_left - 0.5
        } else {
            x + gap + w > f.plot_right + 0.5
        }
    });
    ticks_crowd || text_overflows
}

/// Positions for the levels chart.
pub fn levels_layout(rows: &[LevelItem], o: &Options) -> LevelsLayout {
    let stacked = stacked(rows, o.width_css());
    let f = frame_at(
        o.dpr(),
        f64::from(o.width),
        rows.iter().map(|r| r.label.as_str()),
        stacked,
    );
    let s = f.s;
    let values: Vec<f64> = rows.iter().map(change).collect();
    let axis_y = css::PAD_TOP * s + css::AXIS * s / 2.0;
    let plot_top = (css::PAD_TOP + css::AXIS) * s;
    let row_h = if f.narrow {
        css::LEVEL_ROW_NARROW
    } else {
        css::LEVEL_ROW
    } * s;
    let font = css::FONT_MARK * s;
    let gap = css::TEXT_GAP * s;
    let texts: Vec<String> = rows.iter().map(change_text).collect();
    let needs = needs(rows, &texts, font, gap, f.narrow);
    let (axis, scale) = fit_axis(&f, &values, &needs);
    let x0 = scale.x(0.0);
    let out_rows = rows
        .iter()
        .zip(texts)
        .enumerate()
        .map(|(i, (r, text))| {
            let top = plot_top + row_h * i as f64;
            let (head, bar_y) = RowHead::place(&f, &r.id, &r.label, top, row_h);
            let v = change(r);
            let x1 = scale.x(v);
            let negative = v < 0.0;
            let line = css::LABEL_LINE * s;
            let (text, text_x, text_y, text_left, bar_y) = if f.narrow {
                let text_y = top + line * 1.5 + 2.0 * s;
                let bar_y = top + 2.0 * line + (row_h - 2.0 * line) / 2.0;
                let room = f.width - 2.0 * css::PAD_X * s;
                (
                    ellipsize(&text, room, font),
                    css::PAD_X * s,
                    text_y,
                    false,
                    bar_y,
                )
            } else {
                let x = if negative { x1 - gap } else { x1 + gap };
                (text, x, bar_y, negative, bar_y)
            };
            LevelRowLayout {
                head,
                bar_y,
                x0,
                x1,
                text,
                text_x,
                text_y,
                text_left,
                negative,
            }
        })
        .collect();
    LevelsLayout {
        width: f.width,
        height: f64::from(o.height),
        s,
        narrow: f.narrow,
        axis_y,
        axis,
        scale,
        plot_top,
        plot_bottom: plot_top + row_h * rows.len() as f64,
        rows: out_rows,
    }
}
