//! The growth chart a desk editor would publish, checked on the real dataset rows: the
//! cluster is readable, the outliers are still drawn with their values, and nothing is
//! drawn over anything else.

mod common;

use std::cell::Cell;

use report_core::chart::layout::{
    compare_layout, css, estimated_width, levels_layout, measured_by, text_width, Axis, BoxKind,
    Item,
};
use report_core::chart::{
    chart_svg, compare_height_css, levels_height_css, Growth, GrowthItem, LevelItem, Options,
};
use report_core::present::{compare_chart_rows, level_chart_rows};
use report_core::state::{compare_rows, level_rows, Lang, ViewState};

fn growth(lang: Lang) -> Vec<GrowthItem> {
    compare_chart_rows(lang, &compare_rows(common::aba(), &ViewState::default()))
}

fn levels(lang: Lang) -> Vec<LevelItem> {
    level_chart_rows(lang, &level_rows(common::aba(), &ViewState::default()))
}

fn legend(lang: Lang) -> (String, String) {
    match lang {
        Lang::Zh => ("2023年完成".into(), "2024年目标".into()),
        Lang::En => ("2023 result".into(), "2024 target".into()),
    }
}

fn options(lang: Lang, width_css: u32, height_css: u32, scale: f64) -> Options {
    let (legend_review, legend_plan) = legend(lang);
    Options {
        width: (f64::from(width_css) * scale).round() as u32,
        height: (f64::from(height_css) * scale).round() as u32,
        scale,
        legend_review,
        legend_plan,
        ..Options::default()
    }
}

fn growth_options(lang: Lang, rows: &[GrowthItem], width_css: u32) -> Options {
    options(
        lang,
        width_css,
        compare_height_css(rows.len(), width_css),
        1.0,
    )
}

/// Horizontal distance between a row's two marks, in CSS px.
fn pair_distances(lang: Lang, width: u32) -> Vec<(String, f64, f64)> {
    let rows = growth(lang);
    let l = compare_layout(&rows, &growth_options(lang, &rows, width));
    rows.iter()
        .zip(&l.rows)
        .filter_map(|(r, lr)| {
            let (a, b) = (r.from.as_ref()?, r.to.as_ref()?);
            let (pa, pb) = (lr.from.as_ref()?, lr.to.as_ref()?);
            Some((r.id.clone(), (a.value - b.value).abs(), (pa.x - pb.x).abs()))
        })
        .collect()
}

#[test]
fn the_cluster_gets_the_width() {
    for lang in [Lang::Zh, Lang::En] {
        // 330 px is the chart's width on a 360 px phone (the page has margins).
        for (width, least) in [(960, 15.0), (360, 8.0), (330, 8.0)] {
            let d = pair_distances(lang, width);
            for id in ["gdp-growth", "urban-income-growth", "rural-income-growth"] {
                let (_, _, dx) = d.iter().find(|(i, _, _)| i == id).expect(id);
                println!("{lang:?} {width}px {id}: {dx:.1} px");
            }
            for (id, dv, dx) in &d {
                if *dv >= 0.5 {
                    assert!(
                        *dx >= least,
                        "{lang:?} {width}px: {id} differs by {dv} points, marks {dx:.1} px apart"
                    );
                }
            }
        }
    }
}

#[test]
fn the_outliers_are_drawn_beyond_a_break_with_their_values() {
    for lang in [Lang::Zh, Lang::En] {
        let rows = growth(lang);
        for width in [360, 960, 1280] {
            let o = growth_options(lang, &rows, width);
            let l = compare_layout(&rows, &o);
            let b = l.scale.brk.expect("the axis is broken");
            let outer = l.outer_axis.as_ref().expect("the outer piece has ticks");
            assert!(!outer.ticks.is_empty());
            assert!(b.gap_right - b.gap_left >= 18.0 - 1e-9, "a visible gap");
            // The cluster gets most of the width.
            assert!(b.gap_left - l.scale.left > 0.55 * (l.scale.right - l.scale.left));
            let svg = chart_svg(&Growth(rows.clone()), &o);
            for v in [81.0, 44.6, 35.2] {
                let (r, lr) = rows
                    .iter()
                    .zip(&l.rows)
                    .find(|(r, _)| r.from.as_ref().is_some_and(|m| m.value == v))
                    .expect("outlier row");
                let m = r.from.as_ref().unwrap();
                let at = lr.from.as_ref().unwrap();
                assert!(at.x > b.gap_right && at.x < l.scale.right + 1e-9);
                let label = at.label_box(l.s);
                assert!(label.x1 <= f64::from(o.width), "{} fits", m.label);
                assert!(
                    svg.contains(&format!(">\n{}\n<", m.label)),
                    "{} drawn",
                    m.label
                );
            }
            // The cluster stays left of the break.
            for lr in &l.rows {
                if let Some(t) = &lr.to {
                    assert!(t.x < b.gap_left);
                }
            }
        }
    }
}

fn assert_no_overlap(what: &str, boxes: &[Item], width: f64) {
    assert!(!boxes.is_empty());
    for (i, a) in boxes.iter().enumerate() {
        assert!(
            a.rect.x0 >= -0.5 && a.rect.x1 <= width + 0.5,
            "{what}: {:?} of {} leaves the canvas: {:?}",
            a.kind,
            a.row,
            a.rect
        );
        for b in &boxes[i + 1..] {
            // A mark and its own glyph or label are laid out edge to edge.
            assert!(
                !a.rect.overlaps(&b.rect, 0.5),
                "{what}: {:?} of {} overlaps {:?} of {}: {:?} / {:?}",
                a.kind,
                a.row,
                b.kind,
                b.row,
                a.rect,
                b.rect
            );
        }
    }
}

#[test]
fn nothing_overlaps_on_either_chart() {
    for lang in [Lang::Zh, Lang::En] {
        // A phone, the common embed widths of a news article, a desktop.
        for width in [360, 640, 800, 1280] {
            for scale in [1.0, 2.0] {
                let rows = growth(lang);
                let o = options(lang, width, compare_height_css(rows.len(), width), scale);
                let what = format!("growth {lang:?} {width}px ×{scale}");
                let boxes = compare_layout(&rows, &o).boxes();
                assert!(boxes.iter().any(|b| b.kind == BoxKind::Qualifier));
                assert_no_overlap(&what, &boxes, f64::from(o.width));

                let rows = levels(lang);
                let o = options(lang, width, levels_height_css(&rows, width), scale);
                let what = format!("levels {lang:?} {width}px ×{scale}");
                assert_no_overlap(&what, &levels_layout(&rows, &o).boxes(), f64::from(o.width));
            }
        }
    }
}

#[test]
fn a_pointer_lands_on_the_row_drawn_at_any_pixel_ratio() {
    use report_core::chart::{canvas_ratio, canvas_size};
    let lang = Lang::Zh;
    let rows = growth(lang);
    for dpr in [0.5, 1.0, 2.0, 3.0] {
        for width_css in [360, 960] {
            // What the canvas component does: one ratio for the canvas size, the layout
            // and the hit map.
            let ratio = canvas_ratio(dpr);
            let height_css = compare_height_css(rows.len(), width_css);
            let (w, h) = canvas_size(width_css, height_css, ratio);
            let o = Options {
                width: w,
                height: h,
                ..options(lang, width_css, height_css, ratio)
            };
            let mut svg = String::new();
            let hits = {
                use plotters::prelude::*;
                let area = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
                report_core::chart::draw(&area, &Growth(rows.clone()), &o).unwrap()
            };
            let l = compare_layout(&rows, &o);
            for lr in &l.rows {
                // A pointer on the row's label and on its 2024 mark, in CSS px as
                // PointerEvent.offsetX/Y give them (whole pixels).
                let mut points = vec![(lr.head.label_x / ratio + 2.0, lr.head.label_y / ratio)];
                if let Some(m) = &lr.to {
                    points.push((m.x / ratio, m.y / ratio));
                }
                for (x, y) in points {
                    let (x, y) = (x.round(), y.round());
                    assert_eq!(
                        hits.row_at_css(x, y),
                        Some(lr.head.id.as_str()),
                        "dpr {dpr}, {width_css}px: ({x}, {y}) CSS px"
                    );
                }
            }
        }
    }
    assert_eq!(canvas_ratio(0.5), 1.0);
    assert_eq!(canvas_ratio(f64::NAN), 1.0);
    assert_eq!(canvas_ratio(2.625), 2.625);
    assert_eq!(canvas_size(360, 100, 3.0), (1080, 300));
}

thread_local! {
    static FACTOR: Cell<f64> = const { Cell::new(1.0) };
}

/// A font as the drawing browser measures it, [`FACTOR`] times the estimate: Firefox's and
/// WebKit's sans-serif on Linux (DejaVu Sans) is wider than the estimate for Latin text.
fn scaled(text: &str, font_px: f64) -> f64 {
    estimated_width(text, font_px) * FACTOR.get()
}

/// Every tick label's box, centred on its tick, in device pixels.
fn tick_boxes(axis: &Axis, x: impl Fn(f64) -> f64, s: f64) -> Vec<(String, f64, f64)> {
    axis.ticks
        .iter()
        .map(|&v| {
            let label = axis.tick_label(v);
            let w = text_width(&label, css::FONT_TICK * s);
            (label, x(v) - w / 2.0, x(v) + w / 2.0)
        })
        .collect()
}

#[test]
fn with_the_drawing_browsers_widths_text_keeps_3px_from_the_edge_and_nothing_overlaps() {
    for factor in [0.85, 1.0, 1.2, 1.35] {
        FACTOR.set(factor);
        measured_by(scaled, || {
            for lang in [Lang::Zh, Lang::En] {
                for width in [360, 640, 1280] {
                    for scale in [1.0, 2.0] {
                        let edge = css::EDGE * scale;
                        let what = format!("{lang:?} {width}px ×{scale}, font ×{factor}");
                        let rows = levels(lang);
                        let o = options(lang, width, levels_height_css(&rows, width), scale);
                        let l = levels_layout(&rows, &o);
                        let boxes = l.boxes();
                        assert_no_overlap(&format!("levels {what}"), &boxes, l.width);
                        for b in boxes.iter().filter(|b| b.kind == BoxKind::ChangeLabel) {
                            assert!(
                                b.rect.x0 >= edge && b.rect.x1 <= l.width - edge,
                                "levels {what}: change text of {} at {:?}",
                                b.row,
                                b.rect
                            );
                        }
                        for (t, x0, x1) in tick_boxes(&l.axis, |v| l.scale.x(v), scale) {
                            assert!(
                                x0 >= edge && x1 <= l.width - edge,
                                "levels {what}: tick {t} at {x0:.1}–{x1:.1} of {}",
                                l.width
                            );
                        }

                        let rows = growth(lang);
                        let o = options(lang, width, compare_height_css(rows.len(), width), scale);
                        let l = compare_layout(&rows, &o);
                        assert_no_overlap(&format!("growth {what}"), &l.boxes(), l.width);
                        let mut ticks = tick_boxes(&l.axis, |v| l.scale.x(v), scale);
                        if let Some(outer) = &l.outer_axis {
                            ticks.extend(tick_boxes(outer, |v| l.scale.x(v), scale));
                        }
                        for (t, x0, x1) in ticks {
                            assert!(
                                x0 >= edge && x1 <= l.width - edge,
                                "growth {what}: tick {t} at {x0:.1}–{x1:.1} of {}",
                                l.width
                            );
                        }
                    }
                }
            }
        });
    }
}
