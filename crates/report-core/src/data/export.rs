//! The dataset as downloads: CSV (UTF-8 with a BOM, so spreadsheet programs read the
//! Chinese correctly) and one combined JSON document. Shared by `cargo xtask dist` and
//! the in-page download of the rows on screen.
//!
//! The CSV writer is a few lines of RFC 4180 quoting rather than the `csv` crate, to keep
//! the crate out of the wasm; the tests read its output back with the `csv` crate.

pub use super::fields::number;
use super::fields::FIGURE_FIELDS;

use super::{Comparison, County, Dataset, Exclusion, Figure, Mention, Names, Sector};

pub const BOM: &str = "\u{feff}";

/// Quotes a field when it holds a comma, quote or line break.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn line(fields: &[String]) -> String {
    let mut out = fields
        .iter()
        .map(|f| field(f))
        .collect::<Vec<_>>()
        .join(",");
    out.push_str("\r\n");
    out
}

fn header(cols: &[&str]) -> String {
    line(&cols.iter().map(|c| c.to_string()).collect::<Vec<_>>())
}

pub fn figures_csv<'a>(figures: impl IntoIterator<Item = &'a Figure>) -> String {
    let mut out = String::from(BOM);
    let names: Vec<&str> = FIGURE_FIELDS.iter().map(|f| f.name).collect();
    out.push_str(&header(&names));
    for f in figures {
        let cells: Vec<String> = FIGURE_FIELDS.iter().map(|field| (field.get)(f)).collect();
        out.push_str(&line(&cells));
    }
    out
}

pub const COMPARISON_COLUMNS: [&str; 15] = [
    "id",
    "kind",
    "indicator_zh",
    "indicator_en",
    "unit",
    "from_id",
    "from_value",
    "from_qualifier",
    "to_id",
    "to_value",
    "to_qualifier",
    "direction",
    "change_pct",
    "not_comparable",
    "from_estimate",
];

pub fn comparisons_csv<'a>(pairs: impl IntoIterator<Item = &'a Comparison<'a>>) -> String {
    let mut out = String::from(BOM);
    out.push_str(&header(&COMPARISON_COLUMNS));
    for c in pairs {
        out.push_str(&line(&[
            c.spec.id.clone(),
            c.kind().slug().into(),
            c.to.indicator.zh.clone(),
            c.to.indicator.en.clone(),
            c.to.unit.clone(),
            c.from.id.clone(),
            number(c.from.value),
            c.from.qualifier.slug().into(),
            c.to.id.clone(),
            number(c.to.value),
            c.to.qualifier.slug().into(),
            c.direction_slug().into(),
            c.change_pct()
                .map(|p| format!("{p:.1}"))
                .unwrap_or_default(),
            c.spec.not_comparable.clone().unwrap_or_default(),
            c.from.estimate.to_string(),
        ]));
    }
    out
}

pub const MENTION_COLUMNS: [&str; 7] = [
    "id", "year", "sector", "counties", "gist_zh", "gist_en", "quote",
];

pub fn mentions_csv<'a>(mentions: impl IntoIterator<Item = &'a Mention>) -> String {
    let mut out = String::from(BOM);
    out.push_str(&header(&MENTION_COLUMNS));
    for m in mentions {
        out.push_str(&line(&[
            m.id.clone(),
            m.year.to_string(),
            m.sector.clone(),
            m.counties.join(";"),
            m.gist.zh.clone(),
            m.gist.en.clone(),
            m.quote.clone(),
        ]));
    }
    out
}

/// `report.json`: the whole dataset, comparisons with their computed direction, in
/// serde_json's pretty layout (two-space indents, `"key": value`), the document's keys in
/// alphabetical order and each record's in its struct's field order, as the typed
/// `serde_json::to_string_pretty` it replaced wrote them. Written by hand so the page
/// carries no serde_json serializer, float writer or model `Serialize` impls (2.6 KB
/// brotli); a test checks the text against the typed serialization for both report
/// folders, so a field added to a model type and not here fails it.
pub fn report_json(data: &Dataset) -> String {
    let mut w = Json::default();
    w.object(|w| {
        w.key("comparisons").array(&data.comparisons(), pair);
        w.key("counties").array(&data.taxonomy.counties, county);
        w.key("exclusions").array(&data.exclusions, exclusion);
        w.key("figures").array(&data.figures, figure);
        w.key("mentions").array(&data.mentions, mention);
        w.key("plan_year").int(data.report.plan_year);
        w.key("review_year").int(data.report.review_year);
        w.key("sectors").array(&data.taxonomy.sectors, sector);
        let source = &data.report.source;
        w.key("source")
            .string(&format!("{} ({})", source.zh, source.en));
    });
    w.out
}

fn pair(w: &mut Json, c: &Comparison) {
    w.object(|w| {
        w.key("change_pct")
            .raw(&c.change_pct().map_or("null".into(), float));
        w.key("direction").string(c.direction_slug());
        w.key("from").string(&c.from.id);
        w.key("id").string(&c.spec.id);
        w.key("kind").string(c.spec.kind.slug());
        match &c.spec.not_comparable {
            Some(why) => w.key("not_comparable").string(why),
            None => w.key("not_comparable").raw("null"),
        }
        w.key("to").string(&c.to.id);
    });
}

fn county(w: &mut Json, c: &County) {
    w.object(|w| {
        w.key("slug").string(&c.slug);
        w.key("zh").string(&c.zh);
        w.key("short").string(&c.short);
        w.key("en").string(&c.en);
        w.key("col").int(c.col);
        w.key("row").int(c.row);
    });
}

fn exclusion(w: &mut Json, e: &Exclusion) {
    w.object(|w| {
        w.key("text").string(&e.text);
        w.key("reason").string(&e.reason);
    });
}

fn figure(w: &mut Json, f: &Figure) {
    w.object(|w| {
        w.key("id").string(&f.id);
        w.key("year").int(f.year);
        w.key("sector").string(&f.sector);
        w.key("indicator");
        names(w, &f.indicator);
        w.key("metric").string(f.metric.slug());
        w.key("value").raw(&float(f.value));
        w.key("value_text").string(&f.value_text);
        w.key("unit").string(&f.unit);
        w.key("qualifier").string(f.qualifier.slug());
        w.key("qualifier_text").string(&f.qualifier_text);
        w.key("estimate")
            .raw(if f.estimate { "true" } else { "false" });
        w.key("counties").array(&f.counties, |w, c| w.string(c));
        w.key("quote").string(&f.quote);
    });
}

fn mention(w: &mut Json, m: &Mention) {
    w.object(|w| {
        w.key("id").string(&m.id);
        w.key("year").int(m.year);
        w.key("sector").string(&m.sector);
        w.key("counties").array(&m.counties, |w, c| w.string(c));
        w.key("quote").string(&m.quote);
        w.key("gist");
        names(w, &m.gist);
    });
}

fn sector(w: &mut Json, s: &Sector) {
    w.object(|w| {
        w.key("slug").string(&s.slug);
        w.key("zh").string(&s.zh);
        w.key("en").string(&s.en);
    });
}

fn names(w: &mut Json, n: &Names) {
    w.object(|w| {
        w.key("zh").string(&n.zh);
        w.key("en").string(&n.en);
    });
}

/// An f64 as a JSON number that parses back as a float, as serde_json wrote it: the
/// shortest text that reads back, a whole number keeping its `.0` (serde_json reads "495"
/// as an integer, which is not equal to the float 495.0 it wrote). JSON has no NaN or
/// infinity; serde_json wrote them as null.
fn float(v: f64) -> String {
    if !v.is_finite() {
        return "null".into();
    }
    let s = v.to_string();
    if s.contains('.') {
        s
    } else {
        s + ".0"
    }
}

/// A pretty-printing JSON writer just big enough for `report.json`.
#[derive(Default)]
struct Json {
    out: String,
    depth: usize,
    /// The open object or array has no member yet, so the next needs no comma before it
    /// and its closing bracket stays on the line (`[]`, as serde_json writes it).
    empty: bool,
}

impl Json {
    fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.depth += 1;
        self.empty = true;
    }

    fn close(&mut self, bracket: char) {
        self.depth -= 1;
        if !self.empty {
            self.newline();
        }
        self.out.push(bracket);
        self.empty = false;
    }

    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    /// Starts the next member of the open object or array on its own line.
    fn member(&mut self) {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        self.newline();
    }

    /// Starts an object member; the caller writes its value next.
    fn key(&mut self, key: &str) -> &mut Self {
        self.member();
        escape(&mut self.out, key);
        self.out.push_str(": ");
        self
    }

    /// A number, boolean or null, already as text.
    fn raw(&mut self, text: &str) {
        self.out.push_str(text);
    }

    fn int(&mut self, n: impl std::fmt::Display) {
        self.raw(&n.to_string());
    }

    /// An object whose members `members` writes.
    fn object(&mut self, members: impl FnOnce(&mut Json)) {
        self.open('{');
        members(self);
        self.close('}');
    }

    fn string(&mut self, s: &str) {
        escape(&mut self.out, s);
    }

    fn array<T>(&mut self, items: &[T], item: fn(&mut Json, &T)) {
        self.open('[');
        for x in items {
            self.member();
            item(self, x);
        }
        self.close(']');
    }
}

/// `s` as a JSON string literal, quotes included (the embed's height message uses it too,
/// so no JSON serializer is in the wasm).
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    escape(&mut out, s);
    out
}

/// Writes `s` as a JSON string, escaped as serde_json escapes: quote, backslash and the
/// control characters (the short forms where JSON has them, `\u00XX` otherwise); all
/// else, CJK included, as it is, since the file is UTF-8.
fn escape(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => {
                out.push_str("\\u00");
                out.push(HEX[c as usize >> 4].into());
                out.push(HEX[c as usize & 0xf].into());
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::tests_support::{aba, second};
    use crate::data::ComparisonKind;
    use serde::Serialize;

    /// The typed document `report_json` was serialised from before it wrote the text by
    /// hand: the reference its output must equal.
    #[derive(Serialize)]
    struct Document<'a> {
        comparisons: Vec<Pair<'a>>,
        counties: &'a [County],
        exclusions: &'a [Exclusion],
        figures: &'a [Figure],
        mentions: &'a [Mention],
        plan_year: u16,
        review_year: u16,
        sectors: &'a [Sector],
        source: String,
    }

    #[derive(Serialize)]
    struct Pair<'a> {
        change_pct: Option<f64>,
        direction: &'static str,
        from: &'a str,
        id: &'a str,
        kind: ComparisonKind,
        not_comparable: &'a Option<String>,
        to: &'a str,
    }

    fn typed_report_json(data: &Dataset) -> String {
        let doc = Document {
            comparisons: data
                .comparisons()
                .iter()
                .map(|c| Pair {
                    change_pct: c.change_pct(),
                    direction: c.direction_slug(),
                    from: &c.from.id,
                    id: &c.spec.id,
                    kind: c.spec.kind,
                    not_comparable: &c.spec.not_comparable,
                    to: &c.to.id,
                })
                .collect(),
            counties: &data.taxonomy.counties,
            exclusions: &data.exclusions,
            figures: &data.figures,
            mentions: &data.mentions,
            plan_year: data.report.plan_year,
            review_year: data.report.review_year,
            sectors: &data.taxonomy.sectors,
            source: format!("{} ({})", data.report.source.zh, data.report.source.en),
        };
        serde_json::to_string_pretty(&doc).unwrap()
    }

    /// The hand-written document reads as the typed one did, for both report folders,
    /// and is the same text (the published `report.json` does not change).
    #[test]
    fn report_json_is_the_typed_document() {
        for (dir, data) in [
            ("reports/aba-2024", aba()),
            ("tests/fixtures/second-report", second()),
        ] {
            let text = report_json(data);
            let got: serde_json::Value = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{dir}: report.json does not parse: {e}"));
            let typed = typed_report_json(data);
            let want: serde_json::Value = serde_json::from_str(&typed).unwrap();
            assert_eq!(got, want, "{dir}");
            assert!(text == typed, "{dir}: same document, other text");
        }
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        for s in [
            "",
            "plain",
            "say \"hi\"",
            r"back\slash \n not a newline",
            "line\nbreak\r\ttab\u{8}\u{c}",
            "\u{0}\u{1}\u{1f}\u{7f}",
            "阿坝州2024年政府工作报告（“十四五”）",
            "/ and ≥ and 🙂",
        ] {
            let mut out = String::new();
            escape(&mut out, s);
            assert_eq!(out, serde_json::to_string(s).unwrap(), "{s}");
            assert_eq!(serde_json::from_str::<String>(&out).unwrap(), s);
        }
        let mut out = String::new();
        escape(&mut out, "a\"b\\c\n\u{1}中");
        assert_eq!(out, r#""a\"b\\c\n\u0001中""#);
    }

    #[test]
    fn floats_stay_floats() {
        for v in [495.0, 6.5, -2.1, 0.1, -0.0, 22.021660649819495, 1e15] {
            let text = float(v);
            assert_eq!(text, serde_json::to_string(&v).unwrap(), "{v}");
            assert_eq!(
                serde_json::from_str::<serde_json::Value>(&text).unwrap(),
                serde_json::json!(v)
            );
        }
        assert_eq!(float(f64::NAN), "null");
        assert_eq!(float(f64::INFINITY), "null");
    }

    /// The typed document says what the `serde_json::json!` tree it replaced said.
    #[test]
    fn report_json_is_the_dataset_with_directions() {
        let data = aba();
        let doc: serde_json::Value = serde_json::from_str(&report_json(data)).unwrap();
        let comparisons: Vec<serde_json::Value> = data
            .comparisons()
            .iter()
            .map(|c| {
                serde_json::json!({
                    "id": c.spec.id, "kind": c.spec.kind, "from": c.from.id, "to": c.to.id,
                    "direction": c.direction_slug(), "change_pct": c.change_pct(),
                    "not_comparable": c.spec.not_comparable,
                })
            })
            .collect();
        let expected = serde_json::json!({
            "source": format!("{} ({})", data.report.source.zh, data.report.source.en),
            "review_year": 2023, "plan_year": 2024,
            "sectors": data.taxonomy.sectors, "counties": data.taxonomy.counties,
            "figures": data.figures, "comparisons": comparisons,
            "mentions": data.mentions, "exclusions": data.exclusions,
        });
        // Both through text, so both meet serde_json's float parser the same way.
        let expected: serde_json::Value = serde_json::from_str(&expected.to_string()).unwrap();
        for (key, want) in expected.as_object().unwrap() {
            assert_eq!(&doc[key], want, "{key}");
        }
        assert_eq!(
            doc.as_object().unwrap().len(),
            expected.as_object().unwrap().len()
        );
    }
}
