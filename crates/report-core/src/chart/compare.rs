//! The compare chart: each indicator's review-year result (circle) and plan-year target (diamond)
//! on one shared % axis, joined by an arrow that shows the direction of ambition.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use crate::data::Qualifier;

use super::backdrop::{bands, row_label, ticks};
use super::layout::{
    self, compare_layout, css, is_cjk, mark_reach, text_width, CompareLayout, MarkPlace,
};
use super::paint::{Painter, TextSpec};
use super::{Chart, GrowthItem, HitMap, Mark, Options};

/// The growth chart: its rows, one per indicator.
#[derive(Clone, Debug, PartialEq)]
pub struct Growth(pub Vec<GrowthItem>);

impl Chart for Growth {
    fn height_css(&self, width_css: u32) -> u32 {
        layout::compare_height_css(self.0.len(), width_css)
    }

    fn paint(&self, p: &Painter<'_>) -> Result<HitMap, String> {
        paint(p, &self.0)
    }
}

/// Records the compare chart into `p`'s display list.
pub(crate) fn paint(p: &Painter<'_>, rows: &[GrowthItem]) -> Result<HitMap, String> {
    let o = p.o;
    let l = compare_layout(rows, o);
    p.clear()?;
    bands(p, l.width, l.rows.iter().map(|r| &r.head))?;
    axis(p, &l)?;
    legend(p, &l, rows)?;
    for (r, lr) in rows.iter().zip(&l.rows) {
        row_label(p, &lr.head)?;
        if let (Some(a), Some(b), Some(ma), Some(mb)) = (&lr.from, &lr.to, &r.from, &r.to) {
            connector(p, a, b, ma, mb, l.scale.brk.as_ref())?;
        }
        if let (Some(m), Some(at)) = (&r.from, &lr.from) {
            mark(p, m, at, false, o.theme.review)?;
        }
        if let (Some(m), Some(at)) = (&r.to, &lr.to) {
            mark(p, m, at, true, o.theme.plan)?;
        }
    }
    Ok(l.hit_map())
}

fn axis(p: &Painter<'_>, l: &CompareLayout) -> Result<(), String> {
    let top = l.axis_y + css::AXIS * l.s / 2.0 - 2.0 * l.s;
    for axis in std::iter::once(&l.axis).chain(&l.outer_axis) {
        ticks(p, axis, &l.scale, l.axis_y, (top, l.plot_bottom), l.width)?;
    }
    if let Some(b) = &l.scale.brk {
        axis_break(p, b, l.axis_y, (top, l.plot_bottom))?;
    }
    Ok(())
}

/// The break of a broken axis, made hard to miss: a tinted gap down the whole plot and
/// the "//" sign at the tick row and at the foot of the plot.
fn axis_break(
    p: &Painter<'_>,
    b: &layout::Break,
    axis_y: f64,
    (top, bottom): (f64, f64),
) -> Result<(), String> {
    let t = &p.o.theme;
    let bottom = bottom.max(top);
    p.rect(
        (b.gap_left + 3.0 * p.s, top),
        (b.gap_right - 3.0 * p.s, bottom),
        t.grid.mix(0.55).filled(),
    )?;
    let cx = (b.gap_left + b.gap_right) / 2.0;
    slashes(p, cx, axis_y, 7.0)?;
    slashes(p, cx, bottom - 6.0 * p.s, 5.0)
}

/// Two parallel slanted strokes centred on `(cx, cy)`, `half` CSS px high each way.
pub(crate) fn slashes(p: &Painter<'_>, cx: f64, cy: f64, half: f64) -> Result<(), String> {
    let s = p.s;
    let h = half * s;
    for dx in [-3.0, 3.0] {
        let x = cx + dx * s;
        p.line(
            &[(x - h * 0.45, cy + h), (x + h * 0.45, cy - h)],
            p.o.theme.muted.to_rgba(),
            p.stroke(1.6),
        )?;
    }
    Ok(())
}

/// The two year keys, then keys for whichever qualifiers actually occur, as far as the
/// width allows: the symbols are the math signs, so they need no translation.
fn legend(p: &Painter<'_>, l: &CompareLayout, rows: &[GrowthItem]) -> Result<(), String> {
    let o = p.o;
    let t = &o.theme;
    let s = l.s;
    let y = l.legend_y;
    let font = css::FONT_LEGEND * s;
    let right = l.width - css::PAD_X * s;
    let mut x = css::PAD_X * s;
    let key = 2.0 * css::DIAMOND_R * s + 5.0 * s;
    let gap = 14.0 * s;

    for (is_plan, text, color) in [
        (false, &o.legend_review, t.review),
        (true, &o.legend_plan, t.plan),
    ] {
        p.mark((x + css::DIAMOND_R * s, y), is_plan, false, color)?;
        p.text(
            text,
            x + key,
            y,
            TextSpec::new(css::FONT_LEGEND, HPos::Left),
            t.text,
        )?;
        x += key + text_width(text, font) + gap;
    }

    let marks: Vec<&Mark> = rows
        .iter()
        .flat_map(|r| [&r.from, &r.to])
        .flatten()
        .collect();
    let has = |q: Qualifier| marks.iter().any(|m| m.qualifier == q);
    let mut keys: Vec<(Option<Qualifier>, &str)> = [
        (Qualifier::About, "≈"),
        (Qualifier::AtLeast, "≥"),
        (Qualifier::AtMost, "≤"),
    ]
    .into_iter()
    .filter(|(q, _)| has(*q))
    .map(|(q, sign)| (Some(q), sign))
    .collect();
    if marks.iter().any(|m| m.estimate) {
        keys.push((None, estimate_word(o)));
    }
    for (q, text) in keys {
        let adorn = if matches!(q, Some(Qualifier::AtLeast | Qualifier::AtMost)) {
            css::ADORN * s
        } else {
            0.0
        };
        let w = key + adorn + text_width(text, font);
        if x + w > right {
            break;
        }
        let c = (x + css::DOT_R * s, y);
        match q {
            Some(q) => {
                p.mark(c, false, q == Qualifier::About, t.muted)?;
                p.qualifier(q, c.0 + css::DOT_R * s, y, t.muted)?;
            }
            None => {
                p.mark(c, false, false, t.muted)?;
                p.dashed_ring(c, (css::DOT_R + css::ESTIMATE_RING) * s, t.muted)?;
            }
        }
        p.text(
            text,
            x + key + adorn,
            y,
            TextSpec::new(css::FONT_LEGEND, HPos::Left),
            t.muted,
        )?;
        x += w + gap;
    }
    Ok(())
}

/// The word for the estimate key, in the language of the caller's legend texts: the
/// options carry no separate string for it, and the two UI languages are told apart
/// reliably by whether the legend is written in Chinese.
fn estimate_word(o: &Options) -> &'static str {
    if o.legend_review
        .chars()
        .chain(o.legend_plan.chars())
        .any(is_cjk)
    {
        "预计"
    } else {
        "est."
    }
}

/// A line from the result to the target with an arrowhead at the target, so "higher"
/// or "lower" reads from the direction alone. Skipped when the marks are stacked or
/// too close for an arrow to be visible.
fn connector(
    p: &Painter<'_>,
    a: &MarkPlace,
    b: &MarkPlace,
    ma: &Mark,
    mb: &Mark,
    brk: Option<&layout::Break>,
) -> Result<(), String> {
    let s = p.s;
    let (ra, rb) = (mark_reach(ma, false, s), mark_reach(mb, true, s));
    let dx = b.x - a.x;
    let head = 6.0 * s;
    // The qualifier glyph sits right of its mark, so the line keeps clear of the glyph
    // of whichever mark is on the left.
    let (ra, rb) = if dx > 0.0 {
        (ra + a.adorn, rb)
    } else {
        (ra, rb + b.adorn)
    };
    if (a.y - b.y).abs() > 0.5 || dx.abs() < ra + rb + head + 3.0 * s {
        return Ok(());
    }
    let dir = dx.signum();
    let start = a.x + dir * (ra + 1.0 * s);
    let tip = b.x - dir * (rb + 1.5 * s);
    let base = tip - dir * head;
    let color = p.o.theme.muted;
    // A line across the axis break is not to scale: it is cut at the gap, which carries
    // the break sign (one end may sit right at the gap's edge).
    let (lo, hi) = (a.x.min(b.x), a.x.max(b.x));
    let cut = brk
        .filter(|k| lo < k.gap_left && hi >= k.gap_right)
        .map(|k| (k.gap_left + k.gap_right) / 2.0);
    let mut spans = vec![(start, base)];
    if let Some(cx) = cut {
        let g = 6.0 * s * dir;
        spans = vec![(start, cx - g), (cx + g, base)];
        slashes(p, cx, a.y, 4.5)?;
    }
    for (x0, x1) in spans {
        p.line(&[(x0, a.y), (x1, a.y)], color.to_rgba(), p.stroke(1.5))?;
    }
    p.polygon(
        &[(tip, a.y), (base, a.y - 3.5 * s), (base, a.y + 3.5 * s)],
        color,
    )
}

fn mark(
    p: &Painter<'_>,
    m: &Mark,
    at: &MarkPlace,
    is_plan: bool,
    color: RGBColor,
) -> Result<(), String> {
    let s = p.s;
    let c = (at.x, at.y);
    p.mark(c, is_plan, m.qualifier == Qualifier::About, color)?;
    let reach = mark_reach(m, is_plan, s);
    if m.estimate {
        p.dashed_ring(c, reach, color)?;
    }
    p.qualifier(m.qualifier, at.x + reach, at.y, color)?;
    let h = if at.label_left {
        HPos::Right
    } else {
        HPos::Left
    };
    p.text(
        &m.label,
        at.label_x,
        at.y,
        TextSpec {
            size_css: css::FONT_MARK,
            h,
            v: VPos::Center,
            bold: false,
        },
        color,
    )
}
