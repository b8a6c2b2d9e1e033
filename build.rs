//! Prepares the embedded data for `src/data/mod.rs`, keeping `assets/data/` and `seeds/`
//! the human-readable sources of truth:
//!
//! - the dataset's JSON documents, with the whitespace between tokens removed (strings are
//!   copied byte for byte);
//! - for the wasm build only, the report text cut down to the sentences around the figures'
//!   quotes: all the page reads it for is "show the context" (`Dataset::context_of`), and
//!   the full text is a tenth of the download. Native builds (the provenance tests) keep
//!   the whole text. The build checks that every figure's context is the same in both.

use std::path::Path;

#[path = "src/data/context.rs"]
mod context;
use context::{context_of, context_range};

const DATA: [&str; 5] = [
    "taxonomy",
    "figures",
    "mentions",
    "comparisons",
    "exclusions",
];
const SEED: &str = "seeds/000_41c047111ad46cae.txt";

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/data/context.rs");
    println!("cargo::rerun-if-changed={SEED}");
    for name in DATA {
        let src = format!("assets/data/{name}.json");
        println!("cargo::rerun-if-changed={src}");
        let text = read(&src);
        write(&out.join(format!("{name}.json")), &minify_json(&text));
    }

    let seed = read(SEED);
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    let figures: serde_json::Value = serde_json::from_str(&read("assets/data/figures.json"))
        .unwrap_or_else(|e| {
            // The dataset test reports this properly; here keep the whole text.
            println!(
                "cargo::warning=figures.json does not parse ({e}); embedding the whole report"
            );
            serde_json::Value::Null
        });
    let quotes: Vec<&str> = figures
        .as_array()
        .map(|a| a.iter().filter_map(|f| f["quote"].as_str()).collect())
        .unwrap_or_default();
    let context_text = if wasm && !quotes.is_empty() {
        let cut = contexts_only(&seed, &quotes);
        for q in &quotes {
            assert_eq!(
                context_of(&seed, q),
                context_of(&cut, q),
                "the cut report text changes the context of {q:?}"
            );
        }
        cut
    } else {
        seed
    };
    write(&out.join("seed.txt"), &context_text);
    write(&out.join("dataset.txt"), &compact_dataset());
}

/// Separators of the compact form: ASCII unit, record and group separators, which the
/// dataset never contains (checked here).
const FIELD: char = '\u{1f}';
const RECORD: char = '\u{1e}';
const GROUP: char = '\u{1d}';

/// The dataset as separated text for `src/data/compact.rs`: the page parses it with a few
/// lines of code instead of carrying serde_json's deserializer in the wasm. The field
/// order per group is the contract with `compact.rs`; a native test checks that both
/// readings of the dataset are equal.
fn compact_dataset() -> String {
    let json = |name: &str| -> serde_json::Value {
        serde_json::from_str(&read(&format!("assets/data/{name}.json")))
            .unwrap_or(serde_json::Value::Null)
    };
    let text = |v: &serde_json::Value| -> String {
        let s = match v {
            serde_json::Value::Null => String::new(),
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Array(items) => items
                .iter()
                .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_string))
                .collect::<Vec<_>>()
                .join(","),
            other => other.to_string(),
        };
        assert!(
            !s.contains([FIELD, RECORD, GROUP]),
            "the dataset contains a separator character: {s:?}"
        );
        s
    };
    let group = |items: Option<&Vec<serde_json::Value>>, fields: &[&str]| -> String {
        items
            .map(|items| {
                items
                    .iter()
                    .map(|item| {
                        fields
                            .iter()
                            .map(|path| {
                                let v = path.split('.').fold(item, |v, k| &v[k]);
                                text(v)
                            })
                            .collect::<Vec<_>>()
                            .join(&FIELD.to_string())
                    })
                    .collect::<Vec<_>>()
                    .join(&RECORD.to_string())
            })
            .unwrap_or_default()
    };
    let taxonomy = json("taxonomy");
    [
        group(taxonomy["sectors"].as_array(), &["slug", "zh", "en"]),
        group(
            taxonomy["counties"].as_array(),
            &["slug", "zh", "short", "en", "col", "row"],
        ),
        group(
            taxonomy["chapters"].as_array(),
            &["year", "lines", "from", "heading", "sector"],
        ),
        group(
            json("figures").as_array(),
            &[
                "id",
                "year",
                "sector",
                "indicator.zh",
                "indicator.en",
                "metric",
                "value",
                "value_text",
                "unit",
                "qualifier",
                "qualifier_text",
                "estimate",
                "counties",
                "quote",
            ],
        ),
        group(
            json("mentions").as_array(),
            &[
                "id", "year", "sector", "counties", "quote", "gist.zh", "gist.en",
            ],
        ),
        group(
            json("comparisons").as_array(),
            &["id", "kind", "from", "to", "not_comparable"],
        ),
        group(json("exclusions").as_array(), &["text", "reason"]),
    ]
    .join(&GROUP.to_string())
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn write(path: &Path, text: &str) {
    // Only rewrite on change, so the crate is not rebuilt for nothing.
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}

/// Drops JSON whitespace outside strings; everything else is kept as written.
fn minify_json(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            out.push(c);
            in_string = c == '"';
        }
    }
    out
}

/// The sentences around the quotes, in report order, one stretch per line.
fn contexts_only(seed: &str, quotes: &[&str]) -> String {
    let mut ranges: Vec<(usize, usize)> = quotes
        .iter()
        .filter_map(|q| context_range(seed, q))
        .collect();
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (from, to) in ranges {
        match merged.last_mut() {
            Some(last) if from <= last.1 => last.1 = last.1.max(to),
            _ => merged.push((from, to)),
        }
    }
    merged
        .iter()
        .map(|&(from, to)| &seed[from..to])
        .collect::<Vec<_>>()
        .join("\n")
}
