//! Where everything goes, as pure functions of the rows and the options.
//!
//! Text is never measured: plotters without font features only guesses, and the canvas
//! measures real fonts that differ per system. Widths are estimated from character
//! classes instead (CJK ≈ 1em, ASCII ≈ 0.55em), slightly generously, so real text fits
//! the space reserved for it.

use crate::data::Qualifier;

use super::{CompareRow, HitMap, LevelRow, Mark, Options};

/// Sizes in CSS pixels; multiplied by the device-pixel ratio when laid out.
pub mod css {
    /// Below this width the row label moves onto its own line above the marks, because
    /// a label column would leave too little room for the axis.
    pub const NARROW: f64 = 480.0;
    pub const PAD_X: f64 = 12.0;
    pub const PAD_TOP: f64 = 8.0;
    pub const PAD_BOTTOM: f64 = 8.0;
    pub const LEGEND: f64 = 26.0;
    pub const AXIS: f64 = 22.0;
    /// Tall enough for a pair of marks stacked one above the other (an estimate ring
    /// above a diamond) when their values are too close to sit side by side.
    pub const ROW: f64 = 42.0;
    /// Narrow rows carry a label line (18px) above the marks.
    pub const ROW_NARROW: f64 = 60.0;
    pub const LEVEL_ROW: f64 = 30.0;
    /// Narrow level rows stack the label, the "554 → 676 (+22%)" text and the bar: beside
    /// the bar the text would not fit a phone's width.
    pub const LEVEL_ROW_NARROW: f64 = 64.0;
    pub const LABEL_LINE: f64 = 18.0;
    pub const LABEL_GAP: f64 = 10.0;
    pub const FONT_LABEL: f64 = 13.0;
    pub const FONT_TICK: f64 = 11.0;
    pub const FONT_MARK: f64 = 11.5;
    pub const FONT_LEGEND: f64 = 12.0;
    pub const LINE_HEIGHT: f64 = 1.15;
    pub const DOT_R: f64 = 6.0;
    /// Half-diagonal of the plan-year diamond: a diamond of the circle's radius looks smaller.
    pub const DIAMOND_R: f64 = 7.0;
    /// Extra radius of the dashed estimate ring beyond the mark.
    pub const ESTIMATE_RING: f64 = 3.5;
    /// Width taken to the right of a mark by the ≥ chevron or the ≤ cap.
    pub const ADORN: f64 = 8.0;
    pub const TEXT_GAP: f64 = 5.0;
    pub const BAR: f64 = 12.0;
    pub const TICK_SPACING: f64 = 64.0;
    /// Width of the gap that shows a broken growth axis.
    pub const BREAK_GAP: f64 = 18.0;
    /// Least width of the outer segment of a broken axis (its marks and labels).
    pub const OUTER_MIN: f64 = 64.0;
    /// Share of the plot width the outer segment gets when that is more.
    pub const OUTER_SHARE: f64 = 0.2;
}

fn narrow(width_css: f64) -> bool {
    width_css < css::NARROW
}

/// CSS height the compare chart needs for `rows` rows at `width_css`.
pub fn compare_height_css(rows: usize, width_css: u32) -> u32 {
    let row = if narrow(f64::from(width_css)) {
        css::ROW_NARROW
    } else {
        css::ROW
    };
    (css::PAD_TOP + css::LEGEND + css::AXIS + row * rows as f64 + css::PAD_BOTTOM).ceil() as u32
}

/// CSS height the levels chart needs for `rows` rows at `width_css`.
pub fn levels_height_css(rows: usize, width_css: u32) -> u32 {
    let row = if narrow(f64::from(width_css)) {
        css::LEVEL_ROW_NARROW
    } else {
        css::LEVEL_ROW
    };
    (css::PAD_TOP + css::AXIS + row * rows as f64 + css::PAD_BOTTOM).ceil() as u32
}

/// Estimated advance of `text` at `font_px`. Errs wide so that labels do not collide
/// when the real font is a little broader than average.
pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * font_px
}

fn char_em(c: char) -> f64 {
    match c {
        ' ' => 0.3,
        'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '!' | '|' | '\'' => 0.3,
        'M' | 'W' | 'm' | 'w' | '%' => 0.85,
        c if c.is_ascii() => 0.58,
        c if is_cjk(c) => 1.0,
        _ => 0.7,
    }
}

/// Full-width (CJK and Hangul) characters, which take a whole em.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{115f}'
        | '\u{2e80}'..='\u{a4cf}'
        | '\u{ac00}'..='\u{d7a3}'
        | '\u{f900}'..='\u{faff}'
        | '\u{fe30}'..='\u{fe4f}'
        | '\u{ff00}'..='\u{ff60}'
        | '\u{ffe0}'..='\u{ffe6}')
}

/// Breaks `text` into at most `max_lines` lines of at most `max_w`, ellipsizing the last
/// one. CJK text may break between any two characters; Latin text breaks at spaces (or
/// mid-word when a word alone is too long) so English labels stay readable.
pub fn wrap_text(text: &str, max_w: f64, font_px: f64, max_lines: usize) -> Vec<String> {
    let max_lines = max_lines.max(1);
    let mut tokens: Vec<String> = Vec::new();
    for c in text.trim().chars() {
        let joins = c.is_ascii() && c != ' ';
        match tokens.last_mut() {
            Some(t) if joins && t.chars().last().is_some_and(|p| p.is_ascii() && p != ' ') => {
                t.push(c)
            }
            _ => tokens.push(c.to_string()),
        }
    }
    let mut lines: Vec<String> = vec![String::new()];
    for token in tokens {
        let line = lines.last_mut().expect("never empty");
        if text_width(&format!("{line}{token}"), font_px) <= max_w || line.trim().is_empty() {
            if !(line.is_empty() && token == " ") {
                line.push_str(&token);
            }
            continue;
        }
        if token == " " {
            lines.push(String::new());
            continue;
        }
        lines.push(token);
    }
    // Over-long single tokens still overflow; split them by character.
    let mut fitted = Vec::new();
    for line in lines {
        let mut cur = String::new();
        for c in line.trim_end().chars() {
            if !cur.is_empty() && text_width(&format!("{cur}{c}"), font_px) > max_w {
                fitted.push(std::mem::take(&mut cur));
            }
            cur.push(c);
        }
        fitted.push(cur);
    }
    if fitted.len() > max_lines {
        fitted.truncate(max_lines);
        let last = fitted.last_mut().expect("max_lines >= 1");
        *last = ellipsize(&format!("{last}…"), max_w, font_px);
    }
    fitted
}

/// Shortens `text` to fit `max_w`, ending in "…" when anything was cut.
pub fn ellipsize(text: &str, max_w: f64, font_px: f64) -> String {
    if text_width(text, font_px) <= max_w {
        return text.to_string();
    }
    let mut out: String = text.chars().filter(|&c| c != '…').collect();
    while !out.is_empty() && text_width(&format!("{}…", out.trim_end()), font_px) > max_w {
        out.pop();
    }
    format!("{}…", out.trim_end())
}

/// A value axis with "nice" ticks (steps of 1, 2 or 5 × 10^k), which readers can
/// interpolate between without arithmetic.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    pub min: f64,
    pub max: f64,
    pub step: f64,
    pub ticks: Vec<f64>,
}

impl Axis {
    /// Covers 0 and every value, with about 5% headroom beyond the extremes so marks and
    /// bar ends never sit on the frame. Starting at 0 (unless something is negative)
    /// keeps lengths honest for growth rates.
    pub fn nice(values: impl IntoIterator<Item = f64>, target_ticks: usize) -> Axis {
        let (mut lo, mut hi) = (0.0_f64, 0.0_f64);
        for v in values.into_iter().filter(|v| v.is_finite()) {
            lo = lo.min(v);
            hi = hi.max(v);
        }
        if hi - lo < 1e-9 {
            hi = lo + 1.0;
        }
        let span = hi - lo;
        if hi > 0.0 {
            hi += span * 0.05;
        }
        if lo < 0.0 {
            lo -= span * 0.05;
        }
        let step = nice_step((hi - lo) / target_ticks.max(1) as f64);
        let first = (lo / step + 1e-9).floor() as i64;
        let last = (hi / step - 1e-9).ceil() as i64;
        let ticks: Vec<f64> = (first..=last)
            .map(|i| clean(i as f64 * step, step))
            .collect();
        Axis {
            min: ticks[0],
            max: *ticks.last().expect("at least one tick"),
            step,
            ticks,
        }
    }

    /// Ticks at a nice step inside `[lo, hi]`, without widening the range to the ticks:
    /// for the pieces of a broken axis, where every pixel counts.
    pub fn within(lo: f64, hi: f64, target_ticks: usize) -> Axis {
        let hi = if hi - lo < 1e-9 { lo + 1.0 } else { hi };
        let step = nice_step((hi - lo) / target_ticks.max(1) as f64);
        let first = (lo / step - 1e-9).ceil() as i64;
        let last = (hi / step + 1e-9).floor() as i64;
        Axis {
            min: lo,
            max: hi,
            step,
            ticks: (first..=last)
                .map(|i| clean(i as f64 * step, step))
                .collect(),
        }
    }

    /// "5%", "2.5%", "−10%": as many decimals as the step needs, and a true minus sign.
    pub fn tick_label(&self, v: f64) -> String {
        axis_label(v, self.step)
    }
}

/// A tick label for a step: as many decimals as the step needs.
fn axis_label(v: f64, step: f64) -> String {
    let decimals = if step >= 1.0 {
        0
    } else {
        ((-step.log10()).ceil() as usize).min(4)
    };
    format!("{}%", crate::data::format::fixed(v, decimals))
}

fn nice_step(raw: f64) -> f64 {
    let raw = if raw.is_finite() && raw > 0.0 {
        raw
    } else {
        1.0
    };
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let f = if norm <= 1.0 + 1e-9 {
        1.0
    } else if norm <= 2.0 + 1e-9 {
        2.0
    } else if norm <= 5.0 + 1e-9 {
        5.0
    } else {
        10.0
    };
    f * mag
}

/// Removes float noise (0.30000000000000004) so tick values compare and print cleanly.
fn clean(v: f64, step: f64) -> f64 {
    let digits = (-step.log10().floor()).max(0.0) as i32 + 2;
    let p = 10f64.powi(digits);
    (v * p).round() / p
}

/// Maps values to x in device pixels: one linear piece, or two when the axis is broken.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub min: f64,
    pub max: f64,
    pub left: f64,
    pub right: f64,
    /// Where a broken axis jumps from the cluster to the outliers.
    pub brk: Option<Break>,
}

/// The jump of a broken axis: values up to `inner_max` map onto `[left, inner_right]`,
/// values from `outer_min` onto `[outer_left, right]`; the gap between `gap_left` and
/// `gap_right` carries the break symbol and no grid.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Break {
    pub inner_max: f64,
    pub inner_right: f64,
    pub outer_min: f64,
    pub outer_left: f64,
    pub gap_left: f64,
    pub gap_right: f64,
}

fn lerp(v: f64, (d0, d1): (f64, f64), (r0, r1): (f64, f64)) -> f64 {
    let span = d1 - d0;
    if span <= 0.0 {
        return r0;
    }
    r0 + (v - d0) / span * (r1 - r0)
}

impl Scale {
    pub fn x(&self, v: f64) -> f64 {
        match self.brk {
            None => lerp(v, (self.min, self.max), (self.left, self.right)),
            Some(b) if v <= b.inner_max => {
                lerp(v, (self.min, b.inner_max), (self.left, b.inner_right))
            }
            Some(b) if v >= b.outer_min => {
                lerp(v, (b.outer_min, self.max), (b.outer_left, self.right))
            }
            // Nothing is drawn between the pieces; mapping through keeps x monotonic.
            Some(b) => lerp(v, (b.inner_max, b.outer_min), (b.inner_right, b.outer_left)),
        }
    }
}

/// A few values far above the rest, which would squeeze everything else into a sliver
/// of the axis. The rule (Tukey's "far out" fence, plus a payoff test):
///
/// - at least 6 finite values, so quartiles mean something;
/// - outliers are the values above Q3 + 3 × IQR (quartiles interpolated; the IQR is
///   taken as at least 0.5, so identical values do not make every other value "far");
/// - they are at most a quarter of the values ("a few");
/// - the smallest outlier is at least twice the cluster's largest value, so breaking the
///   axis at least doubles the width the cluster gets; otherwise the plain axis stays.
///
/// Only the upper side breaks: growth rates cluster just above zero, and a break below
/// would hide the zero line that tells growth from decline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outliers {
    /// Largest value that stays on the main (inner) segment.
    pub cluster_max: f64,
    pub outer_min: f64,
    pub outer_max: f64,
    pub count: usize,
}

pub fn far_outliers(values: &[f64]) -> Option<Outliers> {
    let mut v: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if v.len() < 6 {
        return None;
    }
    // Insertion sort: a chart has a few dozen values, and a generic sort would add
    // kilobytes to the wasm for nothing.
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && v[j - 1] > v[j] {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
    let q = |p: f64| {
        let i = p * (v.len() - 1) as f64;
        let (lo, hi) = (i.floor() as usize, i.ceil() as usize);
        v[lo] + (v[hi] - v[lo]) * (i - lo as f64)
    };
    let (q1, q3) = (q(0.25), q(0.75));
    let fence = q3 + 3.0 * (q3 - q1).max(0.5);
    let cut = v.iter().position(|&x| x > fence)?;
    let count = v.len() - cut;
    let cluster_max = v[cut - 1];
    let outer_min = v[cut];
    if cut == 0 || count * 4 > v.len() || cluster_max <= 0.0 || outer_min < 2.0 * cluster_max {
        return None;
    }
    Some(Outliers {
        cluster_max,
        outer_min,
        outer_max: v[v.len() - 1],
        count,
    })
}

/// Something that needs `left`/`right` device pixels of room around the x of `value`.
#[derive(Clone, Copy, Debug)]
struct Need {
    value: f64,
    left: f64,
    right: f64,
}

/// Shrinks the value range inside `[left, right]` just enough that every direct label
/// fits beside its mark, instead of reserving the widest label on both sides. Solved by
/// alternating the two insets, which settles in a few rounds since each only grows.
fn fit_scale(min: f64, max: f64, left: f64, right: f64, needs: &[Need]) -> Scale {
    let w = (right - left).max(1.0);
    let span = (max - min).max(1e-9);
    let (mut l, mut r) = (0.0_f64, 0.0_f64);
    let cap = w * 0.45;
    for _ in 0..6 {
        for n in needs {
            let f = ((n.value - min) / span).clamp(0.0, 1.0);
            if f < 1.0 {
                l = l.max((n.left - f * (w - r)) / (1.0 - f));
            }
        }
        l = l.clamp(0.0, cap);
        for n in needs {
            let g = ((max - n.value) / span).clamp(0.0, 1.0);
            if g < 1.0 {
                r = r.max((n.right - g * (w - l)) / (1.0 - g));
            }
        }
        r = r.clamp(0.0, cap);
    }
    Scale {
        min,
        max,
        left: left + l,
        right: right - r,
        brk: None,
    }
}

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
fn label_boxes(id: &str, lines: &[String], x: f64, y: f64, line_height: f64, s: f64) -> Vec<Item> {
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

#[derive(Clone, Debug, PartialEq)]
pub struct CompareRowLayout {
    pub id: String,
    pub top: f64,
    pub bottom: f64,
    pub label_lines: Vec<String>,
    pub label_x: f64,
    /// Vertical centre of the first label line.
    pub label_y: f64,
    pub line_height: f64,
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
            out.extend(label_boxes(
                &r.id,
                &r.label_lines,
                r.label_x,
                r.label_y,
                r.line_height,
                s,
            ));
            for m in [&r.from, &r.to].into_iter().flatten() {
                let item = |kind, rect| Item {
                    kind,
                    row: r.id.clone(),
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
        hit_map(
            self.width,
            self.rows.iter().map(|r| (&r.id, r.top, r.bottom)),
        )
        .with_scale(self.s)
    }
}

fn hit_map<'a>(width: f64, rows: impl Iterator<Item = (&'a String, f64, f64)>) -> HitMap {
    HitMap::new(width, rows.map(|(id, t, b)| (id.clone(), t, b)).collect())
}

/// Mark radius including the estimate ring, i.e. how far the drawing reaches.
pub fn mark_reach(m: &Mark, is_plan: bool, s: f64) -> f64 {
    let r = if is_plan { css::DIAMOND_R } else { css::DOT_R };
    (r + if m.estimate { css::ESTIMATE_RING } else { 0.0 }) * s
}

fn adorn_width(m: &Mark, s: f64) -> f64 {
    match m.qualifier {
        Qualifier::AtLeast | Qualifier::AtMost => css::ADORN * s,
        Qualifier::Exact | Qualifier::About => 0.0,
    }
}

/// The x range of a chart's rows and their label column, shared by both charts.
struct Frame {
    s: f64,
    width: f64,
    narrow: bool,
    plot_left: f64,
    plot_right: f64,
    label_w: f64,
}

fn frame<'a>(o: &Options, labels: impl Iterator<Item = &'a str>) -> Frame {
    let s = o.dpr();
    let width = f64::from(o.width);
    let narrow = narrow(o.width_css());
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

/// The axis and the value scale together: the label insets can leave much less width
/// than the frame has, so the tick count is lowered until the tick labels no longer
/// crowd each other at the width that actually remains.
fn fit_axis(f: &Frame, values: &[f64], needs: &[Need]) -> (Axis, Scale) {
    let mut n =
        (((f.plot_right - f.plot_left) / (css::TICK_SPACING * f.s)).floor() as usize).clamp(2, 8);
    loop {
        let axis = Axis::nice(values.iter().copied(), n);
        let scale = fit_scale(axis.min, axis.max, f.plot_left, f.plot_right, needs);
        let gaps = axis.ticks.len().saturating_sub(1).max(1) as f64;
        let per_tick = (scale.right - scale.left) / gaps;
        let widest = axis
            .ticks
            .iter()
            .map(|&v| text_width(&axis.tick_label(v), css::FONT_TICK * f.s))
            .fold(0.0, f64::max);
        if per_tick >= widest + 8.0 * f.s || n <= 1 {
            return (axis, scale);
        }
        n -= 1;
    }
}

/// The two pieces of a broken axis: the cluster gets the plot's width but the outer
/// segment (at least `OUTER_MIN`, or `OUTER_SHARE` of the width) and the gap; each piece
/// fits its own labels and gets its own ticks.
fn fit_broken(f: &Frame, values: &[f64], needs: &[Need], out: Outliers) -> (Axis, Axis, Scale) {
    let s = f.s;
    let plot_w = f.plot_right - f.plot_left;
    let outer_w = (plot_w * css::OUTER_SHARE)
        .max(css::OUTER_MIN * s)
        .min(plot_w * 0.4);
    let gap_right = f.plot_right - outer_w;
    let gap_left = gap_right - css::BREAK_GAP * s;
    let inner = |v: f64| v <= out.cluster_max;
    let lo = values
        .iter()
        .copied()
        .filter(|v| v.is_finite())
        .fold(0.0, f64::min);
    let pick = |keep: &dyn Fn(f64) -> bool| -> Vec<Need> {
        needs.iter().copied().filter(|n| keep(n.value)).collect()
    };
    // Tick labels stay out of the gap, so the break symbol stands alone.
    let (inner_axis, a) = fit_segment(
        s,
        (lo, out.cluster_max),
        (f.plot_left, gap_left),
        &pick(&inner),
        (f64::NEG_INFINITY, gap_left),
    );
    let (outer_axis, b) = fit_segment(
        s,
        (out.outer_min, out.outer_max),
        (gap_right, f.plot_right),
        &pick(&|v| !inner(v)),
        (gap_right, f64::INFINITY),
    );
    let scale = Scale {
        min: a.min,
        max: b.max,
        left: a.left,
        right: b.right,
        brk: Some(Break {
            inner_max: a.max,
            inner_right: a.right,
            outer_min: b.min,
            outer_left: b.left,
            gap_left,
            gap_right,
        }),
    };
    (inner_axis, outer_axis, scale)
}

/// One piece of a broken axis: the value range `lo..hi` inside `left..right`, with the
/// finest nice step whose tick labels do not crowd each other; ticks whose label would
/// reach beyond `limits` are left out.
fn fit_segment(
    s: f64,
    (lo, hi): (f64, f64),
    (left, right): (f64, f64),
    needs: &[Need],
    limits: (f64, f64),
) -> (Axis, Scale) {
    let hi = if hi - lo < 1e-9 { lo + 1.0 } else { hi };
    let scale = fit_scale(lo, hi, left, right, needs);
    let per_unit = (scale.right - scale.left) / (hi - lo);
    let font = css::FONT_TICK * s;
    let mut n = 8;
    loop {
        let mut axis = Axis::within(lo, hi, n);
        let mut widest = 0.0_f64;
        axis.ticks.retain(|&v| {
            let w = text_width(&axis_label(v, axis.step), font);
            widest = widest.max(w);
            let x = scale.x(v);
            x - w / 2.0 >= limits.0 && x + w / 2.0 <= limits.1
        });
        if n == 1 || axis.ticks.len() == 1 || axis.step * per_unit >= widest + 8.0 * s {
            return (axis, scale);
        }
        n -= 1;
    }
}

/// Places the label lines of one row; returns (lines, first-line centre, mark centre).
fn row_label(f: &Frame, text: &str, top: f64, row_h: f64) -> (Vec<String>, f64, f64, f64) {
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

/// Positions for the compare chart.
pub fn compare_layout(rows: &[CompareRow], o: &Options) -> CompareLayout {
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
            let (label_lines, label_y, mark_y, line_height) = row_label(&f, &r.label, top, row_h);
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
            CompareRowLayout {
                id: r.id.clone(),
                top,
                bottom: top + row_h,
                label_lines,
                label_x: css::PAD_X * s,
                label_y,
                line_height,
                from,
                to,
            }
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

#[derive(Clone, Debug, PartialEq)]
pub struct LevelRowLayout {
    pub id: String,
    pub top: f64,
    pub bottom: f64,
    pub label_lines: Vec<String>,
    pub label_x: f64,
    pub label_y: f64,
    pub line_height: f64,
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
            out.extend(label_boxes(
                &r.id,
                &r.label_lines,
                r.label_x,
                r.label_y,
                r.line_height,
                s,
            ));
            let half = css::BAR * s / 2.0;
            if (r.x1 - r.x0).abs() >= 1.0 {
                out.push(Item {
                    kind: BoxKind::Bar,
                    row: r.id.clone(),
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
                row: r.id.clone(),
                rect: Rect::new(x0, r.text_y - font / 2.0, x1, r.text_y + font / 2.0),
            });
        }
        out
    }

    pub fn hit_map(&self) -> HitMap {
        hit_map(
            self.width,
            self.rows.iter().map(|r| (&r.id, r.top, r.bottom)),
        )
        .with_scale(self.s)
    }
}

/// "+22%", "−8%", "+0.6%": the one change formatter, [`crate::data::format::signed_pct`].
pub use crate::data::format::signed_pct;

/// Positions for the levels chart.
pub fn levels_layout(rows: &[LevelRow], o: &Options) -> LevelsLayout {
    let f = frame(o, rows.iter().map(|r| r.label.as_str()));
    let s = f.s;
    let change = |r: &LevelRow| {
        if r.change_pct.is_finite() {
            r.change_pct
        } else {
            0.0
        }
    };
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
    let texts: Vec<String> = rows
        .iter()
        .map(|r| {
            format!(
                "{} \u{2192} {} ({})",
                r.from_label,
                r.to_label,
                signed_pct(r.change_pct)
            )
        })
        .collect();
    let needs: Vec<Need> = rows
        .iter()
        .zip(&texts)
        .map(|(r, t)| {
            // On narrow charts the text has a line of its own and needs no room.
            let w = if f.narrow {
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
        .collect();
    let (axis, scale) = fit_axis(&f, &values, &needs);
    let x0 = scale.x(0.0);
    let out_rows = rows
        .iter()
        .zip(texts)
        .enumerate()
        .map(|(i, (r, text))| {
            let top = plot_top + row_h * i as f64;
            let (label_lines, label_y, bar_y, line_height) = row_label(&f, &r.label, top, row_h);
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
                id: r.id.clone(),
                top,
                bottom: top + row_h,
                label_lines,
                label_x: css::PAD_X * s,
                label_y,
                line_height,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_is_wider_than_ascii() {
        assert!(text_width("地区生产总值", 10.0) > text_width("GDP growth", 10.0) * 0.9);
        assert_eq!(text_width("", 10.0), 0.0);
        assert!((text_width("中", 10.0) - 10.0).abs() < 1e-9);
    }

    #[test]
    fn wrap_breaks_cjk_anywhere_and_latin_at_spaces() {
        let lines = wrap_text("规模以上工业增加值", 50.0, 10.0, 3);
        assert_eq!(lines.concat(), "规模以上工业增加值");
        assert!(lines.iter().all(|l| text_width(l, 10.0) <= 50.0));
        let en = wrap_text("Industrial value added", 80.0, 10.0, 3);
        assert_eq!(en, vec!["Industrial", "value added"]);
    }

    #[test]
    fn wrap_ellipsizes_beyond_max_lines() {
        let lines = wrap_text("一二三四五六七八九十", 30.0, 10.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(text_width(&lines[1], 10.0) <= 30.0);
    }

    #[test]
    fn ellipsize_keeps_short_text() {
        assert_eq!(ellipsize("GDP", 100.0, 10.0), "GDP");
        assert!(ellipsize("a very long label indeed", 60.0, 10.0).ends_with('…'));
    }

    #[test]
    fn nice_steps() {
        for (raw, step) in [
            (0.7, 1.0),
            (1.3, 2.0),
            (3.0, 5.0),
            (7.0, 10.0),
            (0.03, 0.05),
        ] {
            assert!((nice_step(raw) - step).abs() < 1e-12, "{raw}");
        }
    }

    #[test]
    fn axis_starts_at_zero_and_headroom() {
        let a = Axis::nice([6.5, 8.0, 12.0], 5);
        assert_eq!(a.min, 0.0);
        assert!(a.max > 12.0);
        assert_eq!(a.tick_label(10.0), "10%");
        let b = Axis::nice([-50.0, 20.0], 5);
        assert!(b.min <= -50.0 && b.max >= 20.0);
        assert_eq!(b.tick_label(-20.0), "\u{2212}20%");
    }

    #[test]
    fn axis_of_nothing_is_usable() {
        let a = Axis::nice([], 4);
        assert!(a.max > a.min);
        assert!(a.ticks.len() >= 2);
    }

    #[test]
    fn fractional_ticks_print_cleanly() {
        let a = Axis::nice([0.9], 5);
        assert_eq!(a.step, 0.2);
        assert_eq!(a.tick_label(a.ticks[3]), "0.6%");
    }

    #[test]
    fn signed_percentages() {
        assert_eq!(signed_pct(22.02), "+22%");
        assert_eq!(signed_pct(-8.0), "\u{2212}8%");
        assert_eq!(signed_pct(3.46), "+3.5%");
        assert_eq!(signed_pct(0.0), "0%");
        assert_eq!(signed_pct(-50.0), "\u{2212}50%");
    }

    #[test]
    fn fit_scale_leaves_room_for_labels() {
        let needs = [
            Need {
                value: 0.0,
                left: 40.0,
                right: 0.0,
            },
            Need {
                value: 10.0,
                left: 0.0,
                right: 60.0,
            },
        ];
        let sc = fit_scale(0.0, 10.0, 100.0, 500.0, &needs);
        assert!(sc.x(0.0) - 40.0 >= 100.0 - 1e-6);
        assert!(sc.x(10.0) + 60.0 <= 500.0 + 1e-6);
    }
}
