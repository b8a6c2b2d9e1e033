//! Embedding in news pages: the height messages in the formats host pages already listen
//! for, and the copy-paste snippet. Pure text here; `ui::embed_height` sends them.

/// The id the Datawrapper-style message uses when no Pym `childId` was given.
pub const DEFAULT_EMBED_ID: &str = "report-explorer";

/// Pym.js (NPR): `pymxPYMx{childId}xPYMxheightxPYMx{px}`.
pub fn pym_message(child_id: &str, height: u32) -> String {
    format!("pymxPYMx{child_id}xPYMxheightxPYMx{height}")
}

/// Datawrapper: `{"datawrapper-height": {"<id>": px}}`.
pub fn datawrapper_message(id: &str, height: u32) -> String {
    // Only the id needs JSON escaping; the rest is fixed text (no JSON serializer in the wasm).
    let id = crate::data::export::json_string(id);
    format!("{{\"datawrapper-height\":{{{id}:{height}}}}}")
}

/// AMP `amp-iframe`: `{"sentinel": "amp", "type": "embed-size", "height": px}`.
pub fn amp_message(height: u32) -> String {
    format!("{{\"sentinel\":\"amp\",\"type\":\"embed-size\",\"height\":{height}}}")
}

/// A starting height that fits most views before the first height message arrives.
pub const START_HEIGHT: u32 = 640;

/// The iframe plus an optional few-line listener for hosts without Pym.js. The URL is
/// escaped for an HTML attribute; the listener only resizes the iframe that sent the
/// message and reads nothing else from it.
pub fn snippet(url: &str, title: &str) -> String {
    let esc = attr;
    format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" width=\"100%\" height=\"{START_HEIGHT}\" style=\"border:0;width:100%\"></iframe>\n\
<script>/* optional: responsive height */window.addEventListener(\"message\",function(e){{var h=e.data&&e.data[\"datawrapper-height\"];if(!h)return;document.querySelectorAll(\"iframe\").forEach(function(f){{if(f.contentWindow===e.source)for(var k in h)f.style.height=h[k]+\"px\";}});}});</script>",
        esc(url),
        esc(title)
    )
}

/// The one-line script embed: a placeholder naming the view and `embed.js` from the
/// site, which turns the placeholder into a self-sizing iframe (assets/embed.js). `site`
/// is the site's base URL (ending in `/`), `query` the view's query string without `?`
/// and without embed parameters. Both are escaped for an HTML attribute.
pub fn script_snippet(site: &str, query: &str) -> String {
    let query = query.strip_prefix('?').unwrap_or(query);
    format!(
        "<div data-report-view=\"{}\"></div><script async src=\"{}embed.js\"></script>",
        attr(query),
        attr(site)
    )
}

fn attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_match_the_host_protocols() {
        assert_eq!(
            pym_message("chart-1", 512),
            "pymxPYMxchart-1xPYMxheightxPYMx512"
        );
        let dw: serde_json::Value = serde_json::from_str(&datawrapper_message("x", 300)).unwrap();
        assert_eq!(dw["datawrapper-height"]["x"], 300);
        let amp: serde_json::Value = serde_json::from_str(&amp_message(300)).unwrap();
        assert_eq!(
            (
                amp["sentinel"].as_str(),
                amp["type"].as_str(),
                amp["height"].as_u64()
            ),
            (Some("amp"), Some("embed-size"), Some(300))
        );
    }

    #[test]
    fn the_snippet_escapes_the_url_and_is_lazy() {
        let s = snippet("https://x.test/?a=1&embed=1\"><script>", "T<i>");
        assert!(s.contains("src=\"https://x.test/?a=1&amp;embed=1&quot;&gt;&lt;script&gt;\""));
        assert!(s.contains("title=\"T&lt;i&gt;\""));
        assert!(s.contains("loading=\"lazy\"") && s.contains("width=\"100%\""));
    }

    #[test]
    fn the_script_snippet_is_one_line_of_placeholder_and_async_script() {
        assert_eq!(
            script_snippet("https://x.test/app/", "?lang=en&sector=economy"),
            "<div data-report-view=\"lang=en&amp;sector=economy\"></div>\
             <script async src=\"https://x.test/app/embed.js\"></script>"
        );
        let s = script_snippet("https://x.test/\"><b>/", "q=\"<i>");
        assert!(!s.contains("<b>") && !s.contains("<i>") && !s.contains('\n'));
        assert!(script_snippet("https://x.test/", "").starts_with("<div data-report-view=\"\">"));
    }
}
