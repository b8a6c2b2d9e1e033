//! The chart's table twin as HTML text: the app puts it into the page in one
//! piece (one parse by the browser instead of a few hundred element calls from the wasm),
//! so the twin can change in the same frame as the chart (docs/performance.md, "The
//! whole view in one frame").

use super::TabRow;
use crate::chart::document::escape;

/// The whole table: its caption, the column headers, and one row per chart row in the
/// chart's order: the indicator as a button that chooses the row (`data-id`), then the
/// two values and the change. The pressed state is left out: it changes with a click on
/// a row, and the app sets it on the rows in place so that the button a reader pressed
/// keeps the keyboard focus. (A whole table, not rows: the browser parses a piece of
/// HTML put into the page outside a table, where rows alone would be dropped.)
pub fn twin_table_html(caption: &str, headers: [&str; 4], rows: &[TabRow]) -> String {
    let mut out = String::with_capacity(200 + rows.len() * 160);
    out.push_str("<table class=\"twin\"><caption>");
    out.push_str(&escape(caption));
    out.push_str("</caption><thead><tr>");
    for head in headers {
        out.push_str("<th scope=\"col\">");
        out.push_str(&escape(head));
        out.push_str("</th>");
    }
    out.push_str("</tr></thead><tbody>");
    for row in rows {
        out.push_str("<tr><th scope=\"row\"><button type=\"button\" class=\"row-select\" aria-pressed=\"false\" data-id=\"");
        out.push_str(&escape(&row.id));
        out.push_str("\">");
        out.push_str(&escape(row.label));
        out.push_str("</button></th>");
        for cell in [&row.from_cell, &row.to_cell, &row.change] {
            out.push_str("<td>");
            out.push_str(&escape(cell));
            out.push_str("</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::tests_support::aba;
    use crate::present::chart_tab;
    use crate::state::{Lang, View, ViewState};

    fn rows_of(lang: Lang, view: View) -> String {
        let data = aba();
        let state = ViewState {
            lang,
            view,
            ..ViewState::default()
        };
        twin_table_html(
            "",
            ["", "", "", ""],
            &chart_tab(lang, data, &state).unwrap().rows,
        )
    }

    /// One row per chart row, in the chart's order, each with its button and its three
    /// cells; the rows' texts are those the chart tab gives.
    #[test]
    fn every_chart_row_is_a_table_row_in_order() {
        let data = aba();
        for lang in Lang::ALL {
            for view in [View::Compare, View::Levels] {
                let state = ViewState {
                    lang,
                    view,
                    ..ViewState::default()
                };
                let tab = chart_tab(lang, data, &state).unwrap();
                let html = twin_table_html("Chart <data>", ["A", "B", "C", "D & E"], &tab.rows);
                assert!(html.starts_with("<table class=\"twin\"><caption>Chart &lt;data&gt;</caption><thead><tr><th scope=\"col\">A</th>"), "{html}");
                assert!(
                    html.contains("<th scope=\"col\">D &amp; E</th></tr></thead><tbody><tr>"),
                    "{html}"
                );
                assert!(html.ends_with("</tr></tbody></table>"), "{html}");
                assert_eq!(html.matches("<tr>").count(), tab.rows.len() + 1);
                assert_eq!(html.matches("<td>").count(), 3 * tab.rows.len());
                let mut at = 0;
                for row in &tab.rows {
                    let button = format!(
                        "data-id=\"{}\">{}</button>",
                        escape(&row.id),
                        escape(row.label)
                    );
                    let found = html[at..]
                        .find(&button)
                        .unwrap_or_else(|| panic!("{button} after {at}"));
                    at += found;
                    let cells = format!(
                        "<td>{}</td><td>{}</td><td>{}</td></tr>",
                        escape(&row.from_cell),
                        escape(&row.to_cell),
                        escape(&row.change)
                    );
                    assert!(html[at..].contains(&cells), "{cells}");
                }
            }
        }
        assert!(rows_of(Lang::Zh, View::Compare).contains(">地区生产总值增速</button>"));
    }

    /// Text from the dataset cannot become markup: every row's texts are escaped.
    #[test]
    fn row_texts_are_escaped() {
        let data = aba();
        let tab = chart_tab(
            Lang::En,
            data,
            &ViewState {
                lang: Lang::En,
                ..ViewState::default()
            },
        )
        .unwrap();
        let mut rows = tab.rows;
        rows.truncate(1);
        rows[0].id = "a\"><script>x</script>".into();
        rows[0].label = "<img src=x onerror=y>";
        rows[0].change = "R&D 'up'".into();
        let html = twin_table_html("", ["", "", "", ""], &rows);
        assert!(
            !html.contains("<script") && !html.contains("<img"),
            "{html}"
        );
        assert!(
            html.contains("data-id=\"a&quot;&gt;&lt;script&gt;x&lt;/script&gt;\""),
            "{html}"
        );
        assert!(
            html.contains("&lt;img src=x onerror=y&gt;</button>"),
            "{html}"
        );
        assert!(
            html.contains("<td>R&amp;D &#39;up&#39;</td></tr>"),
            "{html}"
        );
    }
}
