//! Static pages for the views people share: `dist/<lang>/index.html`,
//! `dist/<lang>/sector/<slug>/index.html` and `dist/<lang>/county/<slug>/index.html`,
//! each with its own title, description, canonical link, Open Graph and Twitter card
//! (and a preview PNG beside it, `preview.rs`), and its view as plain HTML that reads
//! without JavaScript. With JavaScript the same app boots into the same view: the page
//! is `index.html` with relative asset paths one level per directory, and the static
//! view sits in `#shell`, which boot.js removes in the task the app renders in.
//!
//! Absolute URLs (canonical, og:url, og:image) need the site's address: `SITE_URL`
//! (default `http://127.0.0.1:8080/`).

use crate::{page_text, preview, Result};
use report_core::chart::inline::inline_svg;
use report_core::data::{Dataset, Figure, Mention};
use report_core::present::{
    app_title, chart_options, chart_tab, chart_title, column_header, count_text, filter_box_label,
    header_source, indicator, is_en, record_year_label, sector_name, tab_label, tr, value_label,
    Column,
};
use report_core::state::{county_content, matching_figures, Lang, Page, View, ViewState};
use std::path::Path;

pub const DEFAULT_SITE_URL: &str = "http://127.0.0.1:8080/";
pub const PREVIEW: &str = "preview.png";

/// The site's address from `SITE_URL`, checked, ending in `/`.
pub fn site_url() -> Result<String> {
    match std::env::var("SITE_URL") {
        Ok(v) if !v.trim().is_empty() => check_site_url(v.trim()),
        _ => Ok(DEFAULT_SITE_URL.into()),
    }
}

fn check_site_url(v: &str) -> Result<String> {
    let rest = v
        .strip_prefix("https://")
        .or_else(|| v.strip_prefix("http://"));
    let host_ok = rest.is_some_and(|r| {
        let host = r.split('/').next().unwrap_or("");
        !host.is_empty() && !host.contains(['@', ' '])
    });
    if !host_ok || v.contains(['?', '#', '"', '<', '>', ' ']) {
        return Err(format!(
            "SITE_URL must be the site's absolute http(s) address, like https://example.org/report/ \
             (no query, no fragment); got {v:?}"
        ));
    }
    Ok(if v.ends_with('/') {
        v.to_string()
    } else {
        format!("{v}/")
    })
}

/// Writes every page and its preview into `dist` (which already holds index.html) and
/// returns the pages' paths below `dist`, for `sizes`.
pub fn write(data: &Dataset, dist: &Path) -> Result<Vec<String>> {
    let site = site_url()?;
    let template = std::fs::read_to_string(dist.join("index.html"))
        .map_err(|e| format!("dist/index.html: {e}"))?;
    let mut written = Vec::new();
    for page in Page::all(data) {
        let dir = dist.join(page.path());
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let image = preview::write(data, &page, &dir.join(PREVIEW))?;
        let html = render(&template, data, &page, &site, image)?;
        std::fs::write(dir.join("index.html"), html)
            .map_err(|e| format!("{}: {e}", dir.display()))?;
        written.push(page.path());
    }
    Ok(written)
}

/// One page: the template with the page's head, paths and static view.
pub fn render(
    template: &str,
    data: &Dataset,
    page: &Page,
    site: &str,
    image: (u32, u32),
) -> Result<String> {
    let lang = page.lang();
    let up = "../".repeat(page.depth());
    let url = format!("{site}{}", page.path());
    let title = page_text::title(data, page);
    let summary = page_text::summary(data, page);
    let head = [
        format!("<title>{}</title>", esc(&title)),
        format!("<link rel=\"canonical\" href=\"{}\">", esc(&url)),
        og("og:type", "website"),
        og("og:site_name", &page_text::site_name(data, lang)),
        og("og:title", &title),
        og("og:description", &summary),
        og("og:url", &url),
        og("og:image", &format!("{url}{PREVIEW}")),
        og("og:image:width", &image.0.to_string()),
        og("og:image:height", &image.1.to_string()),
        og("og:image:alt", &page_text::heading(data, page)),
        og(
            "og:locale",
            if lang == Lang::En { "en_US" } else { "zh_CN" },
        ),
        meta("twitter:card", "summary_large_image"),
    ]
    .join("\n  ");
    let mut html = template.to_string();
    let mut swap = |what: &str, from: &str, to: &str| -> Result {
        if !html.contains(from) {
            return Err(format!(
                "static pages: dist/index.html no longer has {what} ({from:?}); update xtask/src/pages.rs"
            ));
        }
        html = html.replacen(from, to, 1);
        Ok(())
    };
    swap(
        "the language",
        "<html lang=\"zh-Hans\">",
        &format!("<html lang=\"{}\">", html_lang(lang)),
    )?;
    let (t0, t1) = between(template, "<title>", "</title>")?;
    swap("the title", &template[t0..t1], &head)?;
    let (d0, d1) = between(template, "<meta name=\"description\"", ">")?;
    swap(
        "the description",
        &template[d0..d1],
        &format!("<meta name=\"description\" content=\"{}\">", esc(&summary)),
    )?;
    let (n0, n1) = between(template, "<noscript>", "</noscript>")?;
    let note = format!(
        "<noscript>\n    <p class=\"source\">{} <a href=\"data/figures.csv\">figures.csv</a> · <a href=\"data/report.json\">report.json</a></p>\n  </noscript>",
        tr(
            lang,
            "筛选、图表和分享需要启用 JavaScript。数据也可直接下载：",
            "Filters, charts and sharing need JavaScript. The data can also be downloaded:"
        )
    );
    swap("the noscript note", &template[n0..n1], &note)?;
    // The static pages' own sheet after the app's; then the gate: a classic script blocks
    // the parser, so it runs before the first paint (assets/gate.js); after the sheets'
    // links, so the browser asks for all three at once rather than for the sheets only
    // once the script has run.
    swap(
        "the stylesheet",
        "<link rel=\"stylesheet\" href=\"style.css\">",
        "<link rel=\"stylesheet\" href=\"style.css\">\n  <link rel=\"stylesheet\" href=\"static.css\">\n  <script src=\"gate.js\"></script>",
    )?;
    for (what, attr) in [
        ("the gate script", "src=\"gate.js\""),
        ("the stylesheet", "href=\"style.css\""),
        ("the static pages' stylesheet", "href=\"static.css\""),
        ("the boot script", "src=\"boot.js\""),
        ("the glue preload", "href=\"report_explorer.js\""),
        ("the CSV link", "href=\"data/figures.csv\""),
        ("the JSON link", "href=\"data/report.json\""),
    ] {
        let (name, file) = attr.split_once('"').expect("attr=\"file\"");
        swap(what, attr, &format!("{name}\"{up}{file}"))?;
    }
    let (s0, s1) = between(template, "<div id=\"shell\"", "</div>")?;
    swap(
        "the loading shell",
        &template[s0..s1],
        &static_view(data, page, &summary),
    )?;
    Ok(html)
}

/// The byte range of the first `open … close` in `text`, both included.
fn between(text: &str, open: &str, close: &str) -> Result<(usize, usize)> {
    let start = text
        .find(open)
        .ok_or_else(|| format!("static pages: dist/index.html has no {open}"))?;
    let end = text[start..]
        .find(close)
        .map(|i| start + i + close.len())
        .ok_or_else(|| format!("static pages: dist/index.html has no {close} after {open}"))?;
    Ok((start, end))
}

fn html_lang(lang: Lang) -> &'static str {
    tr(lang, "zh-Hans", "en")
}

/// The view as plain HTML, in the element boot.js removes once the app has rendered.
fn static_view(data: &Dataset, page: &Page, summary: &str) -> String {
    let lang = page.lang();
    if !matches!(page, Page::County(..)) {
        return chart_page_view(data, page, summary);
    }
    let mut out = String::new();
    out.push_str("<main id=\"shell\" class=\"shell static-view\">\n");
    out.push_str(&format!(
        "    <p class=\"site-name\">{}</p>\n    <h1>{}</h1>\n    <p class=\"summary\">{}</p>\n    <p class=\"source\">{}</p>\n",
        esc(&page_text::site_name(data, lang)),
        esc(&page_text::heading(data, page)),
        esc(summary),
        esc(&page_text::source(data, lang)),
    ));
    if let Page::County(_, slug) = page {
        let c = county_content(data, slug, &ViewState::default());
        let figures: Vec<&Figure> = c.parts.iter().flat_map(|p| p.figures.clone()).collect();
        let mentions: Vec<&Mention> = c.parts.iter().flat_map(|p| p.mentions.clone()).collect();
        out.push_str(&figure_table(
            data,
            lang,
            &figures,
            tr(lang, "数字", "Figures"),
        ));
        out.push_str(&mention_table(data, lang, &mentions));
    }
    out.push_str("  </main>");
    out
}

/// A page with a chart (a language's or a sector's), laid out as the app's first render
/// lays out the same view (src/ui/app.rs, header.rs, filters.rs, tabs.rs, chart_view.rs):
/// the same header, filters, tabs, heading and sentence, with the same texts in the same
/// boxes, so that the app's chart takes the drawing's place where it stands when the app
/// takes over. What needs the app says it is not ready: the tabs are disabled, and the
/// folded filters hold links to the other pages. The heading is the page's: the view's
/// title, as the app's, after the sector's name, which only a screen reader reads there
/// (a longer line would wrap where the app's does not); a wide window shows it beside.
fn chart_page_view(data: &Dataset, page: &Page, summary: &str) -> String {
    let lang = page.lang();
    let r = &data.report;
    let view = page.view();
    let up = "../".repeat(page.depth());
    let other_lang = match lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    let (other, sector) = match page {
        Page::Sector(_, slug) => (
            Page::Sector(other_lang, slug.clone()),
            Some(sector_name(lang, data, slug)),
        ),
        _ => (Page::Home(other_lang), None),
    };
    let mut out = format!(
        "<div id=\"shell\" class=\"app static-view\">\n    <header class=\"top\"><div><p class=\"app-name\">{}</p><p class=\"source\">{}</p></div><a class=\"lang-switch\" href=\"{up}{}\" lang=\"{}\">{}</a></header>\n",
        esc(&app_title(lang, r)),
        esc(&header_source(lang, r)),
        other.path(),
        html_lang(other_lang),
        tr(lang, "English", "中文"),
    );
    // The filters, folded as the app first shows them on a phone (where they sit above
    // the view); opened, they lead to the other pages of the site.
    let count = matching_figures(data, &view).len();
    let links: String = std::iter::once((
        Page::Home(lang),
        tr(lang, "全部领域", "All sectors").to_string(),
    ))
    .chain(data.taxonomy.sectors.iter().map(|s| {
        (
            Page::Sector(lang, s.slug.clone()),
            sector_name(lang, data, &s.slug).to_string(),
        )
    }))
    .map(|(p, name)| {
        let current = if p == *page {
            " aria-current=\"page\""
        } else {
            ""
        };
        format!(
            "<li><a href=\"{up}{}\"{current}>{}</a></li>",
            p.path(),
            esc(&name)
        )
    })
    .collect();
    let on = if view.is_filtered() {
        view.filters_on()
    } else {
        0
    };
    out.push_str(&format!(
        "    <div class=\"layout\">\n      <div class=\"filters-slot\"><aside class=\"filters\" aria-label=\"{f}\"><h2>{f}</h2><p class=\"count\">{}</p>{}<details class=\"filter-box\"><summary>{}</summary><ul class=\"static-links\">{links}</ul></details></aside></div>\n",
        esc(&count_text(lang, count, data.figures.len())),
        sector.as_ref().map_or(String::new(), |name| format!(
            "<p class=\"static-current\">{}</p>",
            esc(name)
        )),
        esc(&filter_box_label(lang, on)),
        f = tr(lang, "筛选", "Filters"),
    ));
    let tabs: String = View::ALL
        .iter()
        .map(|v| {
            format!(
                "<button type=\"button\" role=\"tab\" aria-selected=\"{}\" disabled>{}</button>",
                *v == view.view,
                esc(&tab_label(lang, r, *v))
            )
        })
        .collect();
    out.push_str(&format!(
        "      <main class=\"content\" aria-label=\"{}\">\n        <div class=\"tabs\" role=\"tablist\" aria-label=\"{}\">{tabs}</div>\n",
        tr(lang, "数据视图", "Data view"),
        tr(lang, "视图", "Views"),
    ));
    let title = chart_title(lang, r, view.view);
    out.push_str(&format!(
        "        <div class=\"panel\"><section>\n          <h1>{}{}</h1>\n          <p class=\"summary\">{}</p>\n",
        sector.as_ref().map_or(String::new(), |name| format!(
            "<span class=\"visually-hidden\">{} · </span>",
            esc(name)
        )),
        esc(&title),
        esc(summary),
    ));
    out.push_str(&static_chart(data, page));
    out.push_str(&format!(
        "          <p class=\"source\">{}</p>\n",
        esc(&page_text::source(data, lang))
    ));
    let figures = matching_figures(data, &view);
    let caption = tr(
        lang,
        "本视图的全部数字及报告原文",
        "Every figure of this view, with the report's text",
    );
    out.push_str(&figure_table(data, lang, &figures, caption));
    out.push_str("        </section></div>\n      </main>\n    </div>\n  </div>");
    out
}

/// The widths a chart is drawn at for the HTML, each with the class the style sheet shows
/// it under (assets/static.css, by the width of the app's chart box, which the page
/// mirrors): about a phone's content box, a mid-sized box's, and the app's widest chart
/// (932 px, its box in a window of 1248 px and more). The style sheet never widens a
/// drawing beyond these, so its text is never larger than the app's, and where a drawing
/// shrinks it keeps at least 0.84 of its width.
pub const CHART_WIDTHS: [(&str, u32); 3] = [("chart-n", 320), ("chart-m", 600), ("chart-w", 932)];

/// The view's chart as SVG in the page (`chart::inline`), so that it is painted with the
/// page, before the wasm arrives; empty for a view without a chart (a county's page).
fn static_chart(data: &Dataset, page: &Page) -> String {
    let lang = page.lang();
    let Some(tab) =
        chart_tab(lang, data, &page.view()).filter(|_| !matches!(page, Page::County(..)))
    else {
        return String::new();
    };
    let o = chart_options(lang, &data.report);
    let drawings: String = CHART_WIDTHS
        .iter()
        .map(|(class, width)| inline_svg(&*tab.chart, &o, *width, class, &tab.title))
        .collect();
    format!("          <div class=\"chart-box static-chart\">{drawings}</div>\n")
}

fn figure_table(data: &Dataset, lang: Lang, figures: &[&Figure], caption: &str) -> String {
    let head = [
        column_header(lang, Column::Indicator),
        column_header(lang, Column::Year),
        column_header(lang, Column::Value),
        column_header(lang, Column::Source),
    ];
    let rows: Vec<String> = figures
        .iter()
        .map(|f| {
            format!(
                "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
                esc(indicator(lang, f)),
                esc(&record_year_label(lang, &data.report, f.year)),
                esc(&value_label(lang, f)),
                quote(&f.quote)
            )
        })
        .collect();
    table(lang, caption, &head, &rows)
}

/// A sentence of the report, in its corner brackets. They are written into the page
/// rather than drawn by the style sheet (`q { quotes }`, as the app does), so that, on a
/// slow connection, a closing bracket is not painted after a half-arrived sentence and
/// moved along as the rest comes in (a layout shift, caught by the browser suite).
fn quote(text: &str) -> String {
    format!("「<q lang=\"zh-Hans\">{}</q>」", esc(text))
}

fn mention_table(data: &Dataset, lang: Lang, mentions: &[&Mention]) -> String {
    let head = [
        column_header(lang, Column::Mention),
        column_header(lang, Column::Year),
        column_header(lang, Column::Source),
    ];
    let rows: Vec<String> = mentions
        .iter()
        .map(|m| {
            let gist = if is_en(lang) { &m.gist.en } else { &m.gist.zh };
            format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(gist),
                esc(&record_year_label(lang, &data.report, m.year)),
                quote(&m.quote)
            )
        })
        .collect();
    table(
        lang,
        tr(lang, "报告提及", "Mentions in the report"),
        &head,
        &rows,
    )
}

fn table(lang: Lang, caption: &str, head: &[&str], rows: &[String]) -> String {
    let count = if is_en(lang) {
        format!(" ({})", rows.len())
    } else {
        format!("（{}）", rows.len())
    };
    let th: String = head
        .iter()
        .map(|h| format!("<th scope=\"col\">{}</th>", esc(h)))
        .collect();
    let body = if rows.is_empty() {
        format!(
            "<tr><td colspan=\"{}\">{}</td></tr>",
            head.len(),
            tr(lang, "无。", "None.")
        )
    } else {
        rows.join("\n      ")
    };
    format!(
        "    <table>\n      <caption>{}{count}</caption>\n      <thead><tr>{th}</tr></thead>\n      <tbody>\n      {body}\n      </tbody>\n    </table>\n",
        esc(caption)
    )
}

fn og(property: &str, content: &str) -> String {
    format!(
        "<meta property=\"{property}\" content=\"{}\">",
        esc(content)
    )
}

fn meta(name: &str, content: &str) -> String {
    format!("<meta name=\"{name}\" content=\"{}\">", esc(content))
}

/// Text for HTML text and attribute values. The dataset is trusted; this is anyway.
pub fn esc(text: &str) -> String {
    report_core::chart::document::escape(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::aba;

    fn template() -> String {
        let mut t = std::fs::read_to_string(crate::root().join("index.html")).unwrap();
        for (from, to) in crate::page_text::index_placeholders(aba()) {
            t = t.replace(from, &esc(&to));
        }
        t
    }

    #[test]
    fn site_url_is_checked_and_ends_in_a_slash() {
        assert_eq!(
            check_site_url("https://x.org/report").unwrap(),
            "https://x.org/report/"
        );
        assert_eq!(
            check_site_url("http://127.0.0.1:8080/").unwrap(),
            "http://127.0.0.1:8080/"
        );
        for bad in [
            "x.org",
            "ftp://x.org/",
            "https://",
            "https://x.org/?a=1",
            "https://x.org/\"><script>",
            "https://u@x.org/",
        ] {
            let e = check_site_url(bad).unwrap_err();
            assert!(e.contains("SITE_URL"), "{e}");
        }
    }

    #[test]
    fn escaping_covers_text_and_attributes() {
        assert_eq!(
            esc("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn a_page_has_its_head_relative_paths_and_static_view() {
        let data = aba();
        let page = Page::County(Lang::En, "hongyuan".into());
        let html = render(&template(), data, &page, "https://x.org/r/", (1200, 630)).unwrap();
        let url = "https://x.org/r/en/county/hongyuan/";
        for needle in [
            "<html lang=\"en\">".to_string(),
            format!("<link rel=\"canonical\" href=\"{url}\">"),
            format!("<meta property=\"og:url\" content=\"{url}\">"),
            format!("<meta property=\"og:image\" content=\"{url}preview.png\">"),
            "<meta property=\"og:image:width\" content=\"1200\">".into(),
            "<meta property=\"og:locale\" content=\"en_US\">".into(),
            "<meta name=\"twitter:card\" content=\"summary_large_image\">".into(),
            "href=\"../../../style.css\"".into(),
            "href=\"../../../static.css\"".into(),
            "src=\"../../../gate.js\"".into(),
            "src=\"../../../boot.js\"".into(),
            "href=\"../../../report_explorer.js\"".into(),
            "<main id=\"shell\" class=\"shell static-view\">".into(),
            "<div id=\"app\"></div>".into(),
        ] {
            assert!(html.contains(&needle), "missing {needle}");
        }
        assert_eq!(html.matches("<title>").count(), 1);
        assert_eq!(html.matches("<meta name=\"description\"").count(), 1);
        assert!(
            !html.contains("正在加载"),
            "no loading line without JavaScript"
        );
        // The policy is the template's, unchanged.
        let policy = |h: &str| {
            h.lines()
                .find(|l| l.contains("Content-Security-Policy"))
                .map(str::to_owned)
        };
        assert_eq!(policy(&html), policy(&template()));
        // Every table row is the county's.
        let c = county_content(data, "hongyuan", &ViewState::default());
        let figures: usize = c.parts.iter().map(|p| p.figures.len()).sum();
        let mentions: usize = c.parts.iter().map(|p| p.mentions.len()).sum();
        assert_eq!(
            html.matches("<tr><td").count(),
            figures.max(1) + mentions.max(1)
        );
    }

    #[test]
    fn a_home_page_is_one_level_deep_and_chinese() {
        let data = aba();
        let html = render(
            &template(),
            data,
            &Page::Home(Lang::Zh),
            "https://x.org/",
            (1200, 900),
        )
        .unwrap();
        assert!(html.contains("<html lang=\"zh-Hans\">"));
        assert!(html.contains("href=\"../style.css\""));
        assert!(html.contains("<meta property=\"og:locale\" content=\"zh_CN\">"));
        assert!(html.contains("<meta property=\"og:image:height\" content=\"900\">"));
        assert_eq!(html.matches("<tr><td").count(), data.figures.len());
    }

    #[test]
    fn a_static_page_prints_a_decrease_as_the_chart_and_the_table_do() {
        let data = aba();
        let f = data
            .figures
            .iter()
            .find(|f| f.value < 0.0)
            .expect("the report states a decrease");
        for lang in [Lang::Zh, Lang::En] {
            let page = Page::Sector(lang, f.sector.clone());
            let html = render(&template(), data, &page, "https://x.org/r/", (1200, 630)).unwrap();
            // The one formatter: the page's cell, the chart's mark and the app's table.
            let label = value_label(lang, f);
            assert_eq!(report_core::present::mark(lang, f).label, label);
            assert!(
                label.starts_with(report_core::data::format::MINUS),
                "{label}"
            );
            assert!(
                html.contains(&esc(&label)),
                "{lang:?}: {label} not on the page"
            );
            assert!(
                !html.contains(&format!(">-{}", f.value.abs())),
                "ASCII minus"
            );
        }
    }
}
