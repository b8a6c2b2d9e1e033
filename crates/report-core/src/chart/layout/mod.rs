//! Where everything goes, as pure functions of the rows and the options.
//!
//! Text is never measured: plotters without font features only guesses, and the canvas
//! measures real fonts that differ per system. Widths are estimated from character
//! classes instead (CJK ≈ 1em, ASCII ≈ 0.55em), slightly generously, so real text fits
//! the space reserved for it.

use crate::data::Qualifier;

use super::{GrowthItem, HitMap, LevelItem, Mark, Options};

/// Sizes in CSS pixels; multiplied by the device-pixel ratio when laid out.
pub mod css {
    /// Below this width the row label moves onto its own line above the marks, because
    /// a label column would leave too little room for the axis.
    pub const NARROW: f64 = 480.0;
    pub const PAD_X: f64 = 12.0;
    /// No text comes nearer the canvas's edge than this (a label touching the edge reads
    /// as cut, and is, on some engines' anti-aliasing).
    pub const EDGE: f64 = 3.0;
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

/// CSS height the levels chart needs for `rows` at `width_css`.
pub fn levels_height_css(rows: &[LevelItem], width_css: u32) -> u32 {
    let row = if levels::stacked(rows, f64::from(width_css)) {
        css::LEVEL_ROW_NARROW
    } else {
        css::LEVEL_ROW
    };
    (css::PAD_TOP + css::AXIS + row * rows.len() as f64 + css::PAD_BOTTOM).ceil() as u32
}

mod axis;
mod compare;
mod frame;
mod levels;
mod row;
mod text;

pub use axis::*;
pub use compare::*;
pub use frame::*;
pub use levels::*;
pub use row::*;
pub use text::*;

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
    fn width_cache_measures_each_text_and_size_once_per_setting() {
        let mut cache = WidthCache::default();
        let mut calls = Vec::new();
        let mut width = |cache: &mut WidthCache, text: &str, px: f64, w: f64| {
            let measured = std::cell::Cell::new(false);
            let got = cache.width(text, px, &|| {
                measured.set(true);
                w
            });
            if measured.get() {
                calls.push((text.to_string(), px));
            }
            got
        };
        cache.keep_for("zh-Hans");
        assert_eq!(width(&mut cache, "增速", 11.0, 22.0), 22.0);
        assert_eq!(width(&mut cache, "GDP", 11.0, 20.0), 20.0);
        assert_eq!(width(&mut cache, "增速", 13.0, 26.0), 26.0);
        // Asked again, in another order, the widths come back without measuring.
        assert_eq!(width(&mut cache, "增速", 11.0, 99.0), 22.0);
        assert_eq!(width(&mut cache, "增速", 13.0, 99.0), 26.0);
        assert_eq!(width(&mut cache, "GDP", 11.0, 99.0), 20.0);
        cache.keep_for("zh-Hans");
        assert_eq!(width(&mut cache, "GDP", 11.0, 99.0), 20.0);
        // Another language's face: measured again.
        cache.keep_for("en");
        assert_eq!(width(&mut cache, "GDP", 11.0, 19.0), 19.0);
        assert_eq!(
            calls,
            [("增速", 11.0), ("GDP", 11.0), ("增速", 13.0), ("GDP", 11.0)]
                .map(|(t, px)| (t.to_string(), px))
        );
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

    /// The libm-free powers and exponents agree with `powi` and `log10` wherever the
    /// axis uses them: exact powers, their neighbours, and values between.
    #[test]
    fn base_ten_without_libm_matches_libm() {
        use super::axis::{decimal_exponent, pow10};
        for e in -22..=22 {
            assert_eq!(pow10(e), 10f64.powi(e), "10^{e}");
            let p = pow10(e);
            for x in [p, p * 1.5, p * 2.0, p * 5.0, p * 9.99] {
                assert_eq!(decimal_exponent(x), x.log10().floor() as i32, "{x}");
            }
            // Just around a power, where log10 itself rounds to the power: the true floor.
            assert_eq!(decimal_exponent(p * (1.0 + 1e-15)), e);
            assert_eq!(decimal_exponent(p * (1.0 - 1e-15)), e - 1);
        }
        for x in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            assert_eq!(decimal_exponent(x), 0, "{x}");
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
