//! Preview images (`og:image`) of the static pages: PNGs drawn at build time by the
//! app's own plotters code (`chart::document`, the same document as the page's chart
//! download) on plotters' bitmap backend, with a committed font so the build needs no
//! system fonts (xtask/fonts/, subset of Noto Sans CJK SC, SIL OFL 1.1).

use crate::page_text;
use crate::Result;
use plotters::prelude::*;
use plotters::style::FontStyle;
use report_core::chart::document::{self, Caption, DocLayout};
use report_core::chart::{Growth, Options};
use report_core::data::Dataset;
use report_core::present::{chart_options, compare_chart_rows, download_caption};
use report_core::state::{compare_rows, Lang, Page};
use std::path::Path;
use std::sync::OnceLock;

static FONT: &[u8] = include_bytes!("../fonts/NotoSansSC-subset.otf");

/// Preview width in CSS px, drawn at 2×: 1200 device px, the width link previews want.
const WIDTH_CSS: u32 = 600;
const SCALE: f64 = 2.0;
/// The smallest preview link previews accept for a large card (1.91 : 1).
pub const MIN_SIZE: (u32, u32) = (1200, 630);

/// Registers the font under every family name the chart code asks for, once, and
/// returns the text factor: ab_glyph scales a font to its ascent-to-descent height,
/// while the chart code sizes text by the em, as a canvas does.
fn font() -> Result<f64> {
    static FACTOR: OnceLock<std::result::Result<f64, String>> = OnceLock::new();
    FACTOR
        .get_or_init(|| {
            use ab_glyph::Font;
            let f = ab_glyph::FontRef::try_from_slice(FONT)
                .map_err(|e| format!("xtask/fonts: not a font the previews can use: {e}"))?;
            let em = f
                .units_per_em()
                .ok_or("xtask/fonts: the font has no em size")?;
            for family in [document::FONT_STACK, "sans-serif"] {
                plotters::style::register_font(family, FontStyle::Normal, FONT)
                    .map_err(|_| "xtask/fonts: plotters refused the font".to_string())?;
            }
            Ok(f64::from(f.height_unscaled()) / f64::from(em))
        })
        .clone()
}

/// Draws the preview of `page` into `out` and returns its size in pixels.
pub fn write(data: &Dataset, page: &Page, out: &Path) -> Result<(u32, u32)> {
    let text_factor = font()?;
    let lang = page.lang();
    let view = page.view();
    let fail = |e: String| format!("preview {}: {e}", out.display());
    match page {
        Page::Home(_) | Page::Sector(..) => {
            let rows = compare_chart_rows(lang, &compare_rows(data, &view));
            let mut caption = download_caption(lang, data, &view);
            caption.title = page_text::heading(data, page);
            let (chart, caption, layout) = fit_card(Growth(rows), caption, lang);
            let fig: &dyn report_core::chart::Chart = &chart;
            let (w, h) = document::canvas_px(&layout, SCALE);
            let size = (w.max(MIN_SIZE.0), h.max(MIN_SIZE.1));
            let base = Options {
                width: w,
                height: h,
                ..chart_options(lang, &data.report)
            };
            let o = document::download_options(&base, SCALE);
            let root = BitMapBackend::new(out, size).into_drawing_area();
            root.fill(&WHITE).map_err(|e| fail(e.to_string()))?;
            // A card cut to fewer rows is shorter than 630: it sits in the middle.
            let (_, below) = root.split_vertically((size.1 - h) / 2);
            let (doc, _) = below.split_vertically(h);
            document::draw_document(&doc, fig, &caption, &o, text_factor).map_err(fail)?;
            root.present().map_err(|e| fail(e.to_string()))?;
            Ok(size)
        }
        Page::County(..) => {
            let caption = Caption {
                title: page_text::heading(data, page),
                summary: page_text::summary(data, page),
                source: page_text::source(data, lang),
                ..Caption::default()
            };
            let root = BitMapBackend::new(out, MIN_SIZE).into_drawing_area();
            card(&root, &caption, text_factor).map_err(fail)?;
            root.present().map_err(|e| fail(e.to_string()))?;
            Ok(MIN_SIZE)
        }
    }
}

/// A link card is 1200 × 630 (1.91 : 1): a chart whose document is taller keeps the first
/// sentence of its summary and its first rows, as many as fit, and says how many of how
/// many it shows where the filters line was (a page with more rows than fit is a page
/// with no filter, or a sector's). It never shows fewer than one row.
fn fit_card(chart: Growth, mut caption: Caption, lang: Lang) -> (Growth, Caption, DocLayout) {
    let fits = |l: &DocLayout| document::canvas_px(l, SCALE).1 <= MIN_SIZE.1;
    let layout = document::document_layout(&chart, &caption, WIDTH_CSS);
    if fits(&layout) {
        return (chart, caption, layout);
    }
    caption.summary = page_text::first_sentence(&caption.summary);
    let Growth(mut rows) = chart;
    let all = rows.len();
    loop {
        caption.filters = page_text::rows_shown(lang, rows.len(), all);
        let chart = Growth(rows.clone());
        let layout = document::document_layout(&chart, &caption, WIDTH_CSS);
        if fits(&layout) || rows.len() <= 1 {
            return (chart, caption, layout);
        }
        rows.pop();
    }
}

/// A card without a chart: the county's headline, its sentence and the source line.
fn card<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    caption: &Caption,
    text_factor: f64,
) -> std::result::Result<(), String> {
    use report_core::chart::layout::wrap_text;
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    area.fill(&WHITE).map_err(err)?;
    let (w, h) = area.dim_in_pixel();
    let pad = 80.0;
    let theme = report_core::chart::Theme::light();
    let (ink, muted, accent) = (theme.text, theme.muted, theme.review);
    area.draw(&Rectangle::new([(0, 0), (w as i32, 16)], accent.filled()))
        .map_err(err)?;
    let mut y = pad;
    let text = |t: &str, px: f64, color: RGBColor, max: usize, y: &mut f64| {
        for line in wrap_text(t, f64::from(w) - 2.0 * pad, px, max) {
            let style = (document::FONT_STACK, px * text_factor)
                .into_font()
                .color(&color);
            area.draw_text(&line, &style, (pad as i32, *y as i32))
                .map_err(err)?;
            *y += px * 1.4;
        }
        Ok::<(), String>(())
    };
    text(&caption.title, 64.0, ink, 2, &mut y)?;
    y += 24.0;
    text(&caption.summary, 40.0, ink, 4, &mut y)?;
    let mut y = f64::from(h) - pad - 36.0;
    text(&caption.source, 30.0, muted, 1, &mut y)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png_size(path: &Path) -> (u32, u32) {
        let head = std::fs::read(path).unwrap();
        let be = |i: usize| u32::from_be_bytes(head[i..i + 4].try_into().unwrap());
        (be(16), be(20))
    }

    /// Chats crop a card that is not 1.91 : 1, so every chart card is exactly 1200 × 630,
    /// the homes with all their rows included (a county's card is drawn at that size).
    #[test]
    fn every_chart_card_is_1200_by_630() {
        let dir = std::env::temp_dir().join(format!("xtask-previews-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let second = Dataset::load(crate::root().join("tests/fixtures/second-report")).unwrap();
        for data in [crate::report::aba(), &second] {
            let pages = Page::all(data);
            let charts = pages.iter().filter(|p| !matches!(p, Page::County(..)));
            for (i, page) in charts.enumerate() {
                let out = dir.join(format!("{}-{i}.png", data.report.file_stem));
                assert_eq!(write(data, page, &out).unwrap(), MIN_SIZE, "{page:?}");
                assert_eq!(png_size(&out), MIN_SIZE, "{page:?}");
            }
        }
        if std::env::var_os("KEEP_PREVIEWS").is_none() {
            std::fs::remove_dir_all(&dir).ok();
        }
    }

    /// A card cut to its first rows keeps at least two of them, says how many of how many
    /// in the reader's language, and keeps a whole first sentence of the summary.
    #[test]
    fn a_cut_card_says_what_it_shows() {
        let data = crate::report::aba();
        for lang in Lang::ALL {
            let view = Page::Home(lang).view();
            let rows = compare_chart_rows(lang, &compare_rows(data, &view));
            let all = rows.len();
            let caption = download_caption(lang, data, &view);
            let (Growth(shown), caption, _) = fit_card(Growth(rows), caption, lang);
            assert!(shown.len() >= 2 && shown.len() < all, "{}", shown.len());
            assert_eq!(
                caption.filters,
                page_text::rows_shown(lang, shown.len(), all)
            );
            assert!(
                caption.summary.ends_with('。') || caption.summary.ends_with('.'),
                "{}",
                caption.summary
            );
        }
        assert_eq!(
            page_text::rows_shown(Lang::En, 2, 13),
            "The first 2 of 13 indicators; the page shows them all"
        );
        assert_eq!(page_text::first_sentence("一。二。"), "一。");
        assert_eq!(page_text::first_sentence("A b. C d."), "A b.");
        assert_eq!(page_text::first_sentence("No end"), "No end");
    }

    /// Every text a card of `page` draws: its caption, the chart's labels and legend.
    fn texts(data: &Dataset, page: &Page) -> Vec<String> {
        let lang = page.lang();
        let view = page.view();
        let mut out = vec![
            page_text::heading(data, page),
            page_text::summary(data, page),
            page_text::source(data, lang),
        ];
        if !matches!(page, Page::County(..)) {
            let rows = compare_chart_rows(lang, &compare_rows(data, &view));
            let all = rows.len();
            let c = download_caption(lang, data, &view);
            out.extend([c.summary, c.filters, c.source, c.key.unwrap_or_default()]);
            out.push(page_text::rows_shown(lang, all, all));
            let o = chart_options(lang, &data.report);
            out.extend([o.legend_review, o.legend_plan, "预计 est.".into()]);
            for r in rows {
                out.push(r.label);
                out.extend([r.from, r.to].into_iter().flatten().map(|m| m.label));
            }
        }
        out
    }

    /// A character the committed font lacks is drawn as nothing (a card once read
    /// "全部见 面"): every character any card of either report draws has a glyph.
    #[test]
    fn the_font_has_every_character_a_card_draws() {
        use ab_glyph::Font;
        let font = ab_glyph::FontRef::try_from_slice(FONT).unwrap();
        let second = Dataset::load(crate::root().join("tests/fixtures/second-report")).unwrap();
        let mut missing = std::collections::BTreeSet::new();
        for data in [crate::report::aba(), &second] {
            for page in Page::all(data) {
                for t in texts(data, &page) {
                    missing.extend(
                        t.chars()
                            .filter(|c| !c.is_whitespace() && font.glyph_id(*c).0 == 0),
                    );
                }
            }
        }
        assert!(
            missing.is_empty(),
            "not in xtask/fonts: {:?}",
            missing.iter().collect::<String>()
        );
    }
}
