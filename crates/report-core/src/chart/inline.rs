//! A chart as SVG to write into a page's HTML, so that the chart is painted with the page,
//! before any script runs. It is the download's SVG (the same display list as the canvas)
//! made fit for a page: the palette's colours become classes that the style sheet maps to
//! the page's colour variables, so dark mode holds from the first paint under a content
//! policy without inline styles; the size stays its largest and a `viewBox` lets the chart
//! shrink with its box; and what the page already says (the font, full opacity) is left out.

use super::theme::{Theme, PALETTE};
use super::{chart_svg, Chart, Options};

/// `chart` drawn `width_css` wide, as an `<svg>` element for a page: `class` on the
/// element (besides `chart-svg`), `label` as its accessible name.
pub fn inline_svg(
    chart: &dyn Chart,
    o: &Options,
    width_css: u32,
    class: &str,
    label: &str,
) -> String {
    let o = Options {
        width: width_css,
        height: chart.height_css(width_css),
        scale: 1.0,
        theme: Theme::light(),
        hovered: None,
        ..o.clone()
    };
    let svg = chart_svg(chart, &o);
    let (w, h) = (o.width, o.height);
    let mut out = String::with_capacity(svg.len() / 2);
    let mut rest = svg.as_str();
    while let Some(open) = rest.find('<') {
        out.push_str(rest[..open].trim());
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        let tag = &rest[open..open + close + 1];
        rest = &rest[open + close + 1..];
        if tag.starts_with("<svg") {
            out.push_str(&format!(
                "<svg class=\"chart-svg {class}\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{}\" xmlns=\"http://www.w3.org/2000/svg\">",
                super::document::escape(label)
            ));
        } else {
            out.push_str(&element(tag));
        }
    }
    out.push_str(rest.trim());
    out
}

/// One tag of plotters' SVG, with its colours as classes and the attributes the page
/// makes redundant left out.
fn element(tag: &str) -> String {
    let self_closing = tag.ends_with("/>");
    let body = tag
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim_end_matches('/');
    let mut parts = body.splitn(2, ' ');
    let name = parts.next().unwrap_or("");
    let mut attrs: Vec<(&str, &str)> = Vec::new();
    let mut text = parts.next().unwrap_or("").trim();
    while let Some(eq) = text.find("=\"") {
        let key = text[..eq].trim();
        let after = &text[eq + 2..];
        let Some(end) = after.find('"') else { break };
        attrs.push((key, &after[..end]));
        text = after[end + 1..].trim_start();
    }
    let stroked = attrs.iter().any(|&(k, v)| k == "stroke" && v != "none");
    let mut classes = Vec::new();
    let mut out = format!("<{name}");
    for (key, value) in attrs {
        let drop = match key {
            "opacity" => value == "1",
            "font-family" => true,
            "stroke" => value == "none",
            "stroke-width" => !stroked || value == "1",
            // The defaults, and the style sheet's `.chart-svg polyline { fill: none }`.
            "text-anchor" => value == "start",
            "fill" => name == "polyline" && value == "none",
            _ => false,
        };
        if drop {
            continue;
        }
        // plotters writes sizes as computed (13.000000000000002) and points with a
        // trailing space: the page gets them short.
        if key == "font-size" {
            if let Ok(size) = value.parse::<f64>() {
                out.push_str(&format!(" {key}=\"{}\"", (size * 100.0).round() / 100.0));
                continue;
            }
        }
        let value = if key == "points" { value.trim() } else { value };
        if key == "fill" || key == "stroke" {
            if let Some(var) = palette_name(value) {
                classes.push(format!("{}-{var}", &key[..1]));
                continue;
            }
        }
        out.push_str(&format!(" {key}=\"{value}\""));
    }
    if !classes.is_empty() {
        out.push_str(&format!(" class=\"{}\"", classes.join(" ")));
    }
    out.push_str(if self_closing { "/>" } else { ">" });
    out
}

/// The palette's variable name (`PALETTE`) of a light-theme colour as plotters writes it.
fn palette_name(value: &str) -> Option<&'static str> {
    let hex = value.strip_prefix('#')?.to_ascii_lowercase();
    let light = Theme::light();
    PALETTE.iter().find_map(|(name, pick)| {
        let c = pick(&light);
        (format!("{:02x}{:02x}{:02x}", c.0, c.1, c.2) == hex).then_some(*name)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{Growth, GrowthItem, Mark};
    use crate::data::Qualifier;

    fn rows() -> Growth {
        let mark = |value: f64, label: &str| Mark {
            value,
            qualifier: Qualifier::Exact,
            estimate: false,
            label: label.into(),
        };
        Growth(vec![GrowthItem {
            id: "gdp".into(),
            label: "地区生产总值 <&>".into(),
            from: Some(mark(6.5, "6.5%")),
            to: Some(mark(7.0, "7%")),
        }])
    }

    #[test]
    fn colours_become_the_palette_classes_and_the_box_a_view_box() {
        let chart = rows();
        let svg = inline_svg(&chart, &Options::default(), 600, "wide", "增速 \"对比\"");
        let h = chart.height_css(600);
        assert!(
            svg.starts_with(&format!(
                "<svg class=\"chart-svg wide\" width=\"600\" height=\"{h}\" viewBox=\"0 0 600 {h}\" role=\"img\" aria-label=\"增速 &quot;对比&quot;\""
            )),
            "{svg}"
        );
        assert!(svg.ends_with("</svg>"), "{svg}");
        // No colour is left for the page's theme to miss, and none of the palette is lost.
        assert!(!svg.contains('#'), "{svg}");
        for class in ["f-bg", "f-fg", "f-c-review", "f-c-plan", "s-grid"] {
            assert!(svg.contains(class), "{class} in {svg}");
        }
        assert!(
            !svg.contains("font-family") && !svg.contains("opacity=\"1\""),
            "{svg}"
        );
        // The label's text stays escaped, as in the download.
        assert!(svg.contains("地区生产总值 &lt;&amp;&gt;"), "{svg}");
    }

    #[test]
    fn the_page_draws_what_the_download_draws() {
        let chart = rows();
        let svg = inline_svg(&chart, &Options::default(), 360, "narrow", "x");
        let download = chart_svg(
            &chart,
            &Options {
                width: 360,
                height: chart.height_css(360),
                ..Options::default()
            },
        );
        let count = |s: &str, what: &str| s.matches(what).count();
        for what in [
            "<text",
            "<circle",
            "<polygon",
            "<polyline",
            "<rect",
            "points=\"",
        ] {
            assert_eq!(count(&svg, what), count(&download, what), "{what}");
        }
    }

    /// What the page's defaults and style sheet say is left out, and sizes come short:
    /// the drawing is in the page's first bytes, before its first paint.
    #[test]
    fn defaults_are_left_out_and_sizes_are_short() {
        let svg = inline_svg(&rows(), &Options::default(), 600, "wide", "x");
        assert!(svg.contains("<text"), "{svg}");
        assert!(!svg.contains("text-anchor=\"start\""), "{svg}");
        assert!(!svg.contains("00000"), "{svg}");
        assert!(!svg.contains(" \""), "{svg}");
        for polyline in svg.split("<polyline").skip(1) {
            assert!(
                !polyline[..polyline.find('>').unwrap()].contains("fill=\"none\""),
                "{polyline}"
            );
        }
        assert_eq!(
            element("<text x=\"1\" font-size=\"13.000000000000002\" text-anchor=\"start\">"),
            "<text x=\"1\" font-size=\"13\">"
        );
        assert_eq!(
            element("<polyline fill=\"none\" points=\"1,2 3,4 \"/>"),
            "<polyline points=\"1,2 3,4\"/>"
        );
    }
}
