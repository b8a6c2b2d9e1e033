//! The value axis: nice ticks, the scale from values to x, and the broken axis for far
//! outliers.

use super::*;

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
pub(crate) fn axis_label(v: f64, step: f64) -> String {
    let decimals = if step >= 1.0 {
        0
    } else {
        (-decimal_exponent(step)).clamp(0, 4) as usize
    };
    format!("{}%", crate::data::format::fixed(v, decimals))
}

/// 10^e, exact for |e| ≤ 22 and correctly rounded (one division) below 1. The axis needs
/// only these two small functions of base-10 arithmetic, so libm's `pow` and `log10`
/// (about 2.7 KB of code) stay out of the wasm.
pub(crate) fn pow10(e: i32) -> f64 {
    let mut p = 1.0;
    for _ in 0..e.unsigned_abs() {
        p *= 10.0;
    }
    if e < 0 {
        1.0 / p
    } else {
        p
    }
}

/// ⌊log10 x⌋ for a finite x > 0: the largest e with 10^e ≤ x (0 for anything else).
pub(crate) fn decimal_exponent(x: f64) -> i32 {
    if !(x.is_finite() && x > 0.0) {
        return 0;
    }
    let mut e = 0;
    while pow10(e + 1) <= x {
        e += 1;
    }
    while pow10(e) > x {
        e -= 1;
    }
    e
}

pub(crate) fn nice_step(raw: f64) -> f64 {
    let raw = if raw.is_finite() && raw > 0.0 {
        raw
    } else {
        1.0
    };
    let mag = pow10(decimal_exponent(raw));
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
pub(crate) fn clean(v: f64, step: f64) -> f64 {
    let digits = (-decimal_exponent(step)).max(0) + 2;
    let p = pow10(digits);
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

pub(crate) fn lerp(v: f64, (d0, d1): (f64, f64), (r0, r1): (f64, f64)) -> f64 {
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
pub(crate) struct Need {
    pub(crate) value: f64,
    pub(crate) left: f64,
    pub(crate) right: f64,
}

/// Shrinks the value range inside `[left, right]` just enough that every direct label
/// fits beside its mark, instead of reserving the widest label on both sides. Solved by
/// alternating the two insets, which settles in a few rounds since each only grows.
pub(crate) fn fit_scale(min: f64, max: f64, left: f64, right: f64, needs: &[Need]) -> Scale {
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

/// The axis and the value scale together: the label insets can leave much less width
/// than the frame has, so the tick count is lowered until the tick labels no longer
/// crowd each other at the width that actually remains.
pub(crate) fn fit_axis(f: &Frame, values: &[f64], needs: &[Need]) -> (Axis, Scale) {
    let mut n =
        (((f.plot_right - f.plot_left) / (css::TICK_SPACING * f.s)).floor() as usize).clamp(2, 8);
    loop {
        let axis = Axis::nice(values.iter().copied(), n);
        // End ticks' labels keep css::EDGE (+1 px to round) from the canvas's edges.
        let edge = css::EDGE * f.s + 1.0;
        let half = |v: f64| text_width(&axis.tick_label(v), css::FONT_TICK * f.s) / 2.0;
        let left = f.plot_left.max(edge + half(axis.min));
        let right = f.plot_right.min(f.width - edge - half(axis.max));
        let scale = fit_scale(axis.min, axis.max, left, right, needs);
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
pub(crate) fn fit_broken(
    f: &Frame,
    values: &[f64],
    needs: &[Need],
    out: Outliers,
) -> (Axis, Axis, Scale) {
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
        (css::EDGE * s, gap_left),
    );
    let (outer_axis, b) = fit_segment(
        s,
        (out.outer_min, out.outer_max),
        (gap_right, f.plot_right),
        &pick(&|v| !inner(v)),
        (gap_right, f.width - css::EDGE * s),
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
pub(crate) fn fit_segment(
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
