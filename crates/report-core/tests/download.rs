//! Chart downloads stand on their own: title, summary, legend, filters in words, source,
//! light theme and a font stack with CJK faces, drawn by the same code as the page.

mod common;

use report_core::chart::document::{
    canvas_px, document_layout, document_svg, download_options, draw_document, FONT_STACK,
};
use report_core::chart::{Growth, Levels, Options, Theme};
use report_core::present::{compare_chart_rows, download_caption, level_chart_rows};
use report_core::state::{compare_rows, level_rows, Lang, View, ViewState};

fn hex(c: plotters::style::RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

fn page_options(lang: Lang) -> Options {
    let (a, b) = match lang {
        Lang::Zh => ("2023年完成", "2024年目标"),
        Lang::En => ("2023 result", "2024 target"),
    };
    Options {
        width: 960,
        // What the page might be showing: dark, hovered; the download ignores both.
        theme: Theme::dark(),
        hovered: Some("gdp-growth".into()),
        legend_review: a.into(),
        legend_plan: b.into(),
        ..Options::default()
    }
}

#[test]
fn the_growth_svg_says_what_it_shows_and_where_it_comes_from() {
    let data = common::aba();
    for (lang, source, legend, filters) in [
        (
            Lang::Zh,
            "来源：阿坝藏族羌族自治州2024年政府工作报告",
            "2024年目标",
            "年份：2023年完成",
        ),
        (
            Lang::En,
            "Source: the 2024 Government Work Report of Aba Tibetan and Qiang Autonomous Prefecture",
            "2024 target",
            "Filters: year: 2023 result",
        ),
    ] {
        let view = ViewState {
            lang,
            year: report_core::state::YearFilter::Review,
            ..ViewState::default()
        };
        let rows = compare_chart_rows(lang, &compare_rows(data, &view));
        let caption = download_caption(lang, data, &view);
        let svg = document_svg(&Growth(rows.clone()), &caption, &page_options(lang));
        assert!(svg.contains(&format!("<title>{}</title>", caption.title)));
        assert!(svg.contains("<desc>"));
        for text in [source, legend, filters] {
            assert!(svg.contains(text), "{text} in the {lang:?} SVG");
        }
        // The summary is printed (wrapped), and it keeps the values beyond the break.
        assert!(svg.contains("81%"));
        assert!(svg.contains(&format!("font-family=\"{FONT_STACK}\"")));
        assert!(FONT_STACK.contains("Noto Sans CJK SC") && FONT_STACK.ends_with("sans-serif"));
        let light = Theme::light();
        assert!(svg.contains(&hex(light.background)) && svg.contains(&hex(light.review)));
        assert!(
            !svg.contains(&hex(Theme::dark().background)),
            "always light"
        );
        assert!(!svg.contains(&hex(light.focus)), "no hover band");
        for r in &rows {
            assert!(svg.contains(&r.label), "{}", r.label);
        }
    }
}

#[test]
fn the_levels_svg_has_its_key_and_the_same_change_as_the_table() {
    let data = common::aba();
    let view = ViewState {
        view: View::Levels,
        ..ViewState::default()
    };
    let rows = level_chart_rows(Lang::Zh, &level_rows(data, &view));
    let caption = download_caption(Lang::Zh, data, &view);
    assert!(caption.key.is_some());
    let svg = document_svg(&Levels(rows.clone()), &caption, &page_options(Lang::Zh));
    assert!(svg.contains("52.7亿元 → 53亿元 (+0.6%)"));
    assert!(svg.contains("筛选：无（全部指标）"));
    assert!(svg.contains("来源：阿坝藏族羌族自治州2024年政府工作报告"));
}

#[test]
fn the_png_is_the_same_document_at_twice_the_pixels() {
    use plotters::prelude::*;
    let data = common::aba();
    let view = ViewState::default();
    let rows = compare_chart_rows(Lang::Zh, &compare_rows(data, &view));
    let caption = download_caption(Lang::Zh, data, &view);
    let chart = Growth(rows.clone());
    let fig: &dyn report_core::chart::Chart = &chart;
    let l = document_layout(fig, &caption, 960);
    assert_eq!(canvas_px(&l, 2.0), (1920, l.height * 2));
    assert!(l.chart_top > 40 && l.height > l.chart_top + l.chart_height + 30);
    let (w, h) = canvas_px(&l, 2.0);
    let o = Options {
        width: w,
        height: h,
        ..download_options(&page_options(Lang::Zh), 2.0)
    };
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, (w, h)).into_drawing_area();
        draw_document(&area, fig, &caption, &o, 1.0).unwrap();
        area.present().unwrap();
    }
    assert!(
        out.contains(&caption.title) && out.contains("来源：阿坝藏族羌族自治州2024年政府工作报告")
    );
    // The last line (the source) sits inside the 2× canvas, near its foot.
    let last_y: f64 = out
        .split("<text")
        .skip(1)
        .filter_map(|t| t.split(" y=\"").nth(1)?.split('"').next()?.parse().ok())
        .fold(0.0, f64::max);
    assert!(
        last_y < f64::from(h) && last_y > f64::from(h) - 80.0,
        "{last_y} of {h}"
    );
}
