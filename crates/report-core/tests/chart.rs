//! The charts drawn natively into SVG, and their pure layout.

use report_core::chart::layout::{compare_layout, levels_layout, Axis};
use report_core::chart::{
    chart_svg, compare_height_css, levels_height_css, Growth, GrowthItem, LevelItem, Levels, Mark,
    Options, Theme,
};
use report_core::data::Qualifier;

fn mark(value: f64, qualifier: Qualifier, estimate: bool) -> Mark {
    Mark {
        value,
        qualifier,
        estimate,
        label: format!("{}{}%", qualifier.sign(), value),
    }
}

fn rows() -> Vec<GrowthItem> {
    vec![
        GrowthItem {
            id: "gdp".into(),
            label: "地区生产总值".into(),
            from: Some(mark(6.5, Qualifier::About, true)),
            to: Some(mark(7.0, Qualifier::AtLeast, false)),
        },
        GrowthItem {
            id: "industry".into(),
            label: "规上工业增加值".into(),
            from: Some(mark(12.3, Qualifier::Exact, false)),
            to: Some(mark(8.0, Qualifier::About, false)),
        },
        GrowthItem {
            id: "cpi".into(),
            label: "居民消费价格".into(),
            from: None,
            to: Some(mark(3.0, Qualifier::AtMost, false)),
        },
        GrowthItem {
            id: "retail".into(),
            label: "Retail sales".into(),
            from: Some(mark(5.0, Qualifier::Exact, false)),
            to: Some(mark(5.0, Qualifier::AtLeast, false)),
        },
    ]
}

fn options(width_css: u32, n: usize, scale: f64) -> Options {
    Options {
        width: (f64::from(width_css) * scale) as u32,
        height: (f64::from(compare_height_css(n, width_css)) * scale) as u32,
        scale,
        legend_review: "2023年实绩".into(),
        legend_plan: "2024年目标".into(),
        ..Options::default()
    }
}

fn levels() -> Vec<LevelItem> {
    vec![
        LevelItem {
            id: "a-level".into(),
            label: "A级景区".into(),
            from_label: "554个".into(),
            to_label: "676个".into(),
            change_pct: 22.02,
        },
        LevelItem {
            id: "cut".into(),
            label: "Something halved".into(),
            from_label: "10".into(),
            to_label: "5".into(),
            change_pct: -50.0,
        },
    ]
}

/// Tag balance with a stack: enough to catch a broken document without an XML crate.
fn assert_wellformed(svg: &str) {
    assert!(
        svg.trim_start().starts_with("<svg"),
        "{}",
        &svg[..80.min(svg.len())]
    );
    let mut stack: Vec<String> = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find('<') {
        let j = rest[i..].find('>').expect("unterminated tag") + i;
        let tag = &rest[i + 1..j];
        rest = &rest[j + 1..];
        if tag.starts_with('?') || tag.starts_with('!') || tag.ends_with('/') {
            continue;
        }
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .collect();
        if tag.starts_with('/') {
            assert_eq!(
                stack.pop().as_deref(),
                Some(name.as_str()),
                "mismatched </{name}>"
            );
        } else {
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "unclosed {stack:?}");
}

/// Elements of kind `tag` filled with `color`, as plotters' SVG backend writes them.
fn count_filled(svg: &str, tag: &str, color: plotters::style::RGBColor) -> usize {
    let fill = format!("fill=\"#{:02X}{:02X}{:02X}\"", color.0, color.1, color.2);
    svg.lines()
        .filter(|l| l.starts_with(&format!("<{tag} ")) && l.contains(&fill))
        .count()
}

#[test]
fn compare_svg_is_wellformed_and_labelled() {
    let rows = rows();
    let o = options(720, rows.len(), 1.0);
    let svg = chart_svg(&Growth(rows.clone()), &o);
    assert_wellformed(&svg);
    for r in &rows {
        assert!(svg.contains(&r.label), "row label {}", r.label);
        for m in [&r.from, &r.to].into_iter().flatten() {
            assert!(svg.contains(&m.label), "mark label {}", m.label);
        }
    }
    for legend in ["2023年实绩", "2024年目标", "预计", "≈", "≥", "≤"] {
        assert!(svg.contains(legend), "legend {legend}");
    }
}

#[test]
fn one_mark_per_value_plus_the_legend_key() {
    let rows = rows();
    for (width, scale, theme) in [
        (720, 1.0, Theme::light()),
        (360, 2.0, Theme::light()),
        (720, 3.0, Theme::dark()),
    ] {
        let o = Options {
            theme,
            ..options(width, rows.len(), scale)
        };
        let svg = chart_svg(&Growth(rows.clone()), &o);
        let from = rows.iter().filter(|r| r.from.is_some()).count();
        let to = rows.iter().filter(|r| r.to.is_some()).count();
        assert_eq!(count_filled(&svg, "circle", theme.review), from + 1);
        assert_eq!(count_filled(&svg, "polygon", theme.plan), to + 1);
    }
}

#[test]
fn target_alone_draws_no_2023_mark() {
    let rows = vec![rows().remove(2)];
    let o = options(720, 1, 1.0);
    let svg = chart_svg(&Growth(rows.clone()), &o);
    assert_eq!(
        count_filled(&svg, "circle", o.theme.review),
        1,
        "legend only"
    );
    assert_eq!(count_filled(&svg, "polygon", o.theme.plan), 2);
    let l = compare_layout(&rows, &o);
    assert!(l.rows[0].from.is_none() && l.rows[0].to.is_some());
}

#[test]
fn value_mapping_is_monotonic_and_inside_the_plot() {
    let rows = rows();
    for width in [320, 480, 1000] {
        let o = options(width, rows.len(), 2.0);
        let l = compare_layout(&rows, &o);
        let sc = l.scale;
        let mut last = f64::NEG_INFINITY;
        for i in 0..=100 {
            let x = sc.x(l.axis.min + (l.axis.max - l.axis.min) * f64::from(i) / 100.0);
            assert!(x > last);
            last = x;
        }
        let max = 12.3;
        assert!(sc.x(max) > sc.left && sc.x(max) < sc.right);
        assert!(sc.left >= 0.0 && sc.right <= f64::from(o.width));
        for r in &l.rows {
            for m in [&r.from, &r.to].into_iter().flatten() {
                assert!(
                    m.y > r.head.top && m.y < r.head.bottom,
                    "mark inside its band"
                );
                assert!(m.x > 0.0 && m.x < f64::from(o.width));
            }
        }
    }
}

#[test]
fn labels_sit_away_from_the_other_mark() {
    let rows = rows();
    let l = compare_layout(&rows, &options(720, rows.len(), 1.0));
    let (up_from, up_to) = (
        l.rows[0].from.as_ref().unwrap(),
        l.rows[0].to.as_ref().unwrap(),
    );
    assert!(up_from.label_left && up_from.label_x < up_from.x);
    assert!(!up_to.label_left && up_to.label_x > up_to.x);
    let (down_from, down_to) = (
        l.rows[1].from.as_ref().unwrap(),
        l.rows[1].to.as_ref().unwrap(),
    );
    assert!(!down_from.label_left && down_from.label_x > down_from.x);
    assert!(down_to.label_left && down_to.label_x < down_to.x);
    // Equal values are stacked rather than drawn on top of each other.
    let (a, b) = (
        l.rows[3].from.as_ref().unwrap(),
        l.rows[3].to.as_ref().unwrap(),
    );
    assert!(a.y < b.y);
}

#[test]
fn ticks_are_nice_and_cover_the_values() {
    for values in [
        vec![6.5, 7.0, 12.3],
        vec![0.4, 0.9],
        vec![-50.0, 22.0],
        vec![150.0, 3.0],
        vec![],
    ] {
        let axis = Axis::nice(values.iter().copied(), 5);
        let k = axis.step.log10().floor();
        let mantissa = axis.step / 10f64.powf(k);
        assert!(
            [1.0, 2.0, 5.0].iter().any(|m| (m - mantissa).abs() < 1e-9),
            "step {}",
            axis.step
        );
        for w in axis.ticks.windows(2) {
            assert!((w[1] - w[0] - axis.step).abs() < 1e-6);
        }
        let lo = values.iter().copied().fold(0.0, f64::min);
        let hi = values.iter().copied().fold(0.0, f64::max);
        assert!(axis.min <= lo && axis.max >= hi, "{values:?} -> {axis:?}");
        assert!(axis.ticks.contains(&0.0));
    }
}

#[test]
fn hit_testing_finds_rows_by_band() {
    let rows = rows();
    let o = options(720, rows.len(), 2.0);
    let hits = compare_layout(&rows, &o).hit_map();
    assert_eq!(hits.rows().len(), rows.len());
    for ((id, top, bottom), r) in hits.rows().iter().zip(&rows) {
        assert_eq!(id, &r.id);
        assert_eq!(hits.row_at(10.0, (top + bottom) / 2.0), Some(r.id.as_str()));
        assert_eq!(hits.row_at(10.0, *top), Some(r.id.as_str()));
    }
    let last = hits.rows().last().unwrap().2;
    assert_eq!(hits.row_at(10.0, last + 1.0), None);
    assert_eq!(hits.row_at(10.0, 1.0), None, "legend is not a row");
    assert_eq!(hits.row_at(-1.0, hits.rows()[0].1 + 1.0), None);
}

/// `(x, y, text)` of every `<text>` element plotters wrote into an SVG.
fn svg_texts(svg: &str) -> Vec<(f64, f64, String)> {
    let attr = |tag: &str, name: &str| -> Option<f64> {
        let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        tag[start..].split('"').next()?.parse().ok()
    };
    svg.split("<text")
        .skip(1)
        .filter_map(|chunk| {
            let (tag, rest) = chunk.split_once('>')?;
            let text = rest.split("</text>").next()?.trim().to_string();
            Some((attr(tag, "x")?, attr(tag, "y")?, text))
        })
        .collect()
}

#[test]
fn a_click_on_a_drawn_row_label_hits_that_row() {
    // The hit map answers for the pixels actually drawn: each row's label, where the SVG
    // put it, lies in that row's band, at 1× and 2× device pixels.
    use plotters::prelude::*;
    let rows = rows();
    for (width, scale) in [(720, 1.0), (720, 2.0), (360, 2.0)] {
        let o = options(width, rows.len(), scale);
        let mut out = String::new();
        let hits = {
            let area = SVGBackend::with_string(&mut out, (o.width, o.height)).into_drawing_area();
            report_core::chart::draw(&area, &Growth(rows.clone()), &o).unwrap()
        };
        let texts = svg_texts(&out);
        for r in &rows {
            let (x, y, _) = texts
                .iter()
                .find(|(_, _, t)| t == &r.label)
                .unwrap_or_else(|| panic!("label {} not drawn at {width}px ×{scale}", r.label));
            assert_eq!(
                hits.row_at(*x + 1.0, *y),
                Some(r.id.as_str()),
                "label {} drawn at ({x}, {y}) at {width}px ×{scale}",
                r.label
            );
        }
    }
}

#[test]
fn heights_grow_with_rows_and_narrowness() {
    for w in [320, 720] {
        assert!(compare_height_css(5, w) > compare_height_css(4, w));
        let five: Vec<LevelItem> = levels().into_iter().cycle().take(5).collect();
        assert!(levels_height_css(&five, w) > levels_height_css(&five[..4], w));
        assert!(compare_height_css(0, w) > 0);
    }
    assert!(compare_height_css(10, 320) > compare_height_css(10, 720));
    // Rows fit in the height that was asked for.
    let rows = rows();
    let o = options(360, rows.len(), 2.0);
    let l = compare_layout(&rows, &o);
    assert!(l.plot_bottom <= f64::from(o.height));
}

#[test]
fn narrow_puts_the_label_above_the_marks() {
    let rows = rows();
    let l = compare_layout(&rows, &options(360, rows.len(), 1.0));
    assert!(l.narrow);
    for r in &l.rows {
        let y = [&r.from, &r.to]
            .into_iter()
            .flatten()
            .map(|m| m.y)
            .fold(f64::MAX, f64::min);
        assert!(r.head.label_y < y - 8.0);
    }
}

#[test]
fn long_labels_are_wrapped_or_ellipsized() {
    let long = "城镇和农村居民人均可支配收入以及其他非常非常长的指标名称".to_string();
    let rows = vec![GrowthItem {
        id: "long".into(),
        label: long.clone(),
        from: Some(mark(6.0, Qualifier::Exact, false)),
        to: Some(mark(6.5, Qualifier::About, false)),
    }];
    let wide = compare_layout(&rows, &options(600, 1, 1.0));
    assert!(wide.rows[0].head.label_lines.len() >= 2);
    let narrow = compare_layout(&rows, &options(320, 1, 1.0));
    assert_eq!(narrow.rows[0].head.label_lines.len(), 1);
    assert!(narrow.rows[0].head.label_lines[0].ends_with('…'));
}

#[test]
fn dark_theme_uses_dark_colours() {
    let rows = rows();
    let o = Options {
        theme: Theme::dark(),
        ..options(720, rows.len(), 1.0)
    };
    let svg = chart_svg(&Growth(rows.clone()), &o);
    assert!(svg.contains("#6EA8FF") && svg.contains("#FFA45C") && svg.contains("#15181D"));
    assert!(!svg.contains("#1F5FA8") && !svg.contains("#C2570C"));
    let svg = chart_svg(&Levels(levels()), &o);
    assert!(svg.contains("#FFA45C") && !svg.contains("#C2570C"));
}

#[test]
fn selection_and_hover_draw_bands() {
    let rows = rows();
    let base = options(720, rows.len(), 1.0);
    let plain = chart_svg(&Growth(rows.clone()), &base);
    let o = Options {
        selected: Some("gdp".into()),
        hovered: Some("cpi".into()),
        ..base
    };
    let svg = chart_svg(&Growth(rows.clone()), &o);
    let focus = format!(
        "#{:02X}{:02X}{:02X}",
        o.theme.focus.0, o.theme.focus.1, o.theme.focus.2
    );
    assert!(!plain.contains(&focus));
    assert_eq!(
        svg.matches(&focus).count(),
        3,
        "selected band, its edge bar, hovered band"
    );
}

#[test]
fn levels_chart_handles_decreases() {
    let rows = levels();
    let o = Options {
        height: levels_height_css(&rows, 720),
        ..options(720, rows.len(), 1.0)
    };
    let svg = chart_svg(&Levels(rows.clone()), &o);
    assert_wellformed(&svg);
    assert!(svg.contains("554个 → 676个 (+22%)"));
    assert!(svg.contains("10 → 5 (\u{2212}50%)"));
    for r in &rows {
        assert!(svg.contains(&r.label));
    }
    let l = levels_layout(&rows, &o);
    assert!(l.axis.min <= -50.0 && l.axis.max >= 22.0);
    let (up, down) = (&l.rows[0], &l.rows[1]);
    assert!(up.x1 > up.x0 && !up.negative && up.text_x > up.x1);
    assert!(down.x1 < down.x0 && down.negative && down.text_x < down.x1);
    assert!(down.x1 > l.scale.left - 1e-9 && up.x1 < l.scale.right + 1e-9);
    assert_eq!(
        count_filled(&svg, "rect", o.theme.plan),
        1,
        "only the increase is solid"
    );
    // In an SVG every outline is 1 px wide (plotters writes no stroke-width on a <rect>),
    // so the hatch's diagonals stay single lines there: joined along the bar's edge, as on
    // the canvas, they would thicken it.
    let c = o.theme.plan;
    let stroke = format!("stroke=\"#{:02X}{:02X}{:02X}\"", c.0, c.1, c.2);
    let hatch: Vec<usize> = svg
        .lines()
        .filter(|l| l.starts_with("<polyline ") && l.contains(&stroke))
        .map(|l| {
            let points = l.split("points=\"").nth(1).unwrap_or("");
            points[..points.find('"').unwrap_or(0)]
                .split_whitespace()
                .count()
        })
        .collect();
    assert!(hatch.len() > 5, "the decrease is hatched: {hatch:?}");
    assert!(
        hatch.iter().all(|&n| n == 2),
        "one segment per line: {hatch:?}"
    );
    let hits = l.hit_map();
    assert_eq!(
        hits.row_at(5.0, (down.head.top + down.head.bottom) / 2.0),
        Some("cut")
    );
}

#[test]
fn negative_growth_on_the_compare_chart() {
    let rows = vec![GrowthItem {
        id: "fall".into(),
        label: "Fall".into(),
        from: Some(mark(-50.0, Qualifier::Exact, false)),
        to: Some(mark(5.0, Qualifier::AtLeast, false)),
    }];
    let o = options(720, 1, 1.0);
    let l = compare_layout(&rows, &o);
    assert!(l.axis.min <= -50.0);
    let (a, b) = (
        l.rows[0].from.as_ref().unwrap(),
        l.rows[0].to.as_ref().unwrap(),
    );
    assert!(a.x < l.scale.x(0.0) && l.scale.x(0.0) < b.x);
    assert!(a.label_x > 0.0, "left label stays on the canvas");
    assert!(
        chart_svg(&Growth(rows.clone()), &o).contains("\u{2212}"),
        "minus sign on the axis"
    );
}

#[test]
fn zero_rows_draw_an_empty_chart() {
    let o = options(720, 0, 1.0);
    for svg in [
        chart_svg(&Growth(vec![]), &o),
        chart_svg(&Levels(vec![]), &o),
    ] {
        assert_wellformed(&svg);
        assert!(svg.contains("%"), "axis still drawn");
    }
    assert!(compare_layout(&[], &o).hit_map().rows().is_empty());
    assert!(levels_layout(&[], &o)
        .hit_map()
        .row_at(1.0, 100.0)
        .is_none());
}

#[test]
fn degenerate_sizes_do_not_panic() {
    let rows = rows();
    for (w, h, scale) in [
        (0, 0, 1.0),
        (1, 1, 0.0),
        (50, 900, f64::NAN),
        (4000, 300, 3.0),
    ] {
        let o = Options {
            width: w,
            height: h,
            scale,
            ..Options::default()
        };
        assert_wellformed(&chart_svg(&Growth(rows.clone()), &o));
        assert_wellformed(&chart_svg(&Levels(levels()), &o));
    }
}

#[test]
fn text_is_escaped() {
    let rows = vec![GrowthItem {
        id: "x".into(),
        label: "A < B & C".into(),
        from: None,
        to: Some(mark(1.0, Qualifier::Exact, false)),
    }];
    let svg = chart_svg(&Growth(rows.clone()), &options(720, 1, 1.0));
    assert_wellformed(&svg);
    assert!(svg.contains("A &lt; B &amp; C"));
}

#[test]
fn estimate_key_follows_the_legend_language() {
    let rows = rows();
    let o = Options {
        legend_review: "2023 result".into(),
        legend_plan: "2024 target".into(),
        ..options(900, rows.len(), 1.0)
    };
    let svg = chart_svg(&Growth(rows.clone()), &o);
    assert!(svg.contains(">\nest.\n<") && !svg.contains("预计"));
}
