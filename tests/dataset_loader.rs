//! The one parser of the dataset must turn any input into a value or an error, never a
//! panic: the files are edited by hand, and a broken edit has to be reported by
//! `cargo test --test dataset` (which `cargo xtask dist` runs first), not crash the tools.
//! Whatever it accepts must also be safe to filter, pair and export.

use proptest::prelude::*;
use report_explorer::data::{
    export, Dataset, COMPARISONS_JSON, EXCLUSIONS_JSON, FIGURES_JSON, MENTIONS_JSON, TAXONOMY_JSON,
};
use report_explorer::state::{
    compare_rows, compare_summary, county_content, decode, encode, level_rows, matching_figures,
    ViewState,
};
use serde_json::Value;

const FILES: [&str; 5] = [
    TAXONOMY_JSON,
    FIGURES_JSON,
    MENTIONS_JSON,
    COMPARISONS_JSON,
    EXCLUSIONS_JSON,
];

fn parse(files: &[String; 5]) -> Result<Dataset, String> {
    Dataset::parse(&files[0], &files[1], &files[2], &files[3], &files[4])
}

/// Uses an accepted dataset the way the app does; any panic fails the property.
fn exercise(data: &Dataset) {
    let _ = data.comparisons();
    let _ = data.unpaired_growth_targets();
    let mut view = ViewState::default();
    for slug in data.taxonomy.sectors.iter().map(|s| s.slug.clone()).take(2) {
        view.sectors.insert(slug);
    }
    for v in [ViewState::default(), view] {
        let rows = compare_rows(data, &v);
        let _ = compare_summary(&rows);
        let _ = level_rows(data, &v);
        let _ = export::figures_csv(matching_figures(data, &v));
        let (back, _) = decode(&encode(&v), data);
        let _ = back;
    }
    for c in &data.taxonomy.counties {
        let _ = county_content(data, &c.slug);
    }
    let _ = export::report_json(data);
}

/// A replacement for a JSON value: every type, and the awkward values of each.
fn odd_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        Just(Value::from(u64::MAX)),
        Just(Value::from(1e308)),
        Just(Value::from(-0.0)),
        any::<String>().prop_map(Value::String),
        Just(Value::String(String::new())),
        Just(Value::String("马尔康".repeat(1000))),
        Just(Value::Array(vec![])),
        Just(Value::Object(Default::default())),
    ]
}

/// One structural edit at a position chosen by `path` (indices taken modulo the size).
#[derive(Debug, Clone)]
enum Edit {
    Replace(Value),
    Remove,
    Duplicate,
    Swap(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => odd_value().prop_map(Edit::Replace),
        2 => Just(Edit::Remove),
        1 => Just(Edit::Duplicate),
        1 => any::<usize>().prop_map(Edit::Swap),
    ]
}

/// Walks `path` into the value (each index modulo the container's size) and applies the
/// edit to the container holding the last step.
fn apply(value: &mut Value, path: &[usize], e: &Edit) {
    let (&step, rest) = match path.split_first() {
        Some(split) => split,
        None => {
            if let Edit::Replace(v) = e {
                *value = v.clone();
            }
            return;
        }
    };
    match value {
        Value::Array(items) if !items.is_empty() => {
            let i = step % items.len();
            if rest.is_empty() || !(items[i].is_array() || items[i].is_object()) {
                match e {
                    Edit::Replace(v) => items[i] = v.clone(),
                    Edit::Remove => {
                        items.remove(i);
                    }
                    Edit::Duplicate => items.insert(i, items[i].clone()),
                    Edit::Swap(j) => {
                        let j = j % items.len();
                        items.swap(i, j);
                    }
                }
            } else {
                apply(&mut items[i], rest, e);
            }
        }
        Value::Object(map) if !map.is_empty() => {
            let key = map
                .keys()
                .nth(step % map.len())
                .cloned()
                .unwrap_or_default();
            let is_leaf = !(map[&key].is_array() || map[&key].is_object());
            if rest.is_empty() || is_leaf {
                match e {
                    Edit::Replace(v) => {
                        map.insert(key, v.clone());
                    }
                    Edit::Remove => {
                        map.remove(&key);
                    }
                    Edit::Duplicate | Edit::Swap(_) => {
                        // Copy a sibling's value under this key: a value of the wrong kind.
                        let other = map.values().nth(step / 7 % map.len()).cloned();
                        if let Some(other) = other {
                            map.insert(key, other);
                        }
                    }
                }
            } else if let Some(inner) = map.get_mut(&key) {
                apply(inner, rest, e);
            }
        }
        _ => {
            if let Edit::Replace(v) = e {
                *value = v.clone();
            }
        }
    }
}

fn originals() -> [String; 5] {
    FILES.map(str::to_owned)
}

#[test]
fn the_embedded_files_parse() {
    let data = parse(&originals()).expect("the embedded dataset parses");
    exercise(&data);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any text at all, in any of the five places.
    #[test]
    fn arbitrary_text_is_an_error_not_a_panic(file in 0..5usize, text in any::<String>()) {
        let mut files = originals();
        files[file] = text;
        if let Ok(data) = parse(&files) {
            exercise(&data);
        }
    }

    /// Byte-level damage of the real files: cut short, a run of bytes changed or deleted,
    /// a chunk repeated. Invalid UTF-8 is replaced, as reading a damaged file would.
    #[test]
    fn damaged_files_are_an_error_not_a_panic(
        file in 0..5usize,
        at in any::<prop::sample::Index>(),
        len in 0..64usize,
        bytes in proptest::collection::vec(any::<u8>(), 0..16),
        how in 0..4u8,
    ) {
        let mut files = originals();
        let mut raw = files[file].clone().into_bytes();
        let i = at.index(raw.len().max(1)).min(raw.len());
        let end = (i + len).min(raw.len());
        match how {
            0 => raw.truncate(i),
            1 => { raw.splice(i..end, bytes); }
            2 => { raw.drain(i..end); }
            _ => { let chunk = raw[i..end].to_vec(); raw.splice(i..i, chunk); }
        }
        files[file] = String::from_utf8_lossy(&raw).into_owned();
        if let Ok(data) = parse(&files) {
            exercise(&data);
        }
    }

    /// Well-formed JSON with wrong content: fields removed, of the wrong type, duplicated,
    /// swapped, huge or empty, at any depth of any file.
    #[test]
    fn mutated_json_is_an_error_not_a_panic(
        edits in proptest::collection::vec(
            (0..5usize, proptest::collection::vec(any::<usize>(), 0..4), edit()),
            1..4,
        ),
    ) {
        let mut values: Vec<Value> = FILES
            .iter()
            .map(|f| serde_json::from_str(f).expect("the embedded files are JSON"))
            .collect();
        for (file, path, e) in &edits {
            apply(&mut values[*file], path, e);
        }
        let files: [String; 5] = std::array::from_fn(|i| values[i].to_string());
        if let Ok(data) = parse(&files) {
            exercise(&data);
        }
    }
}

/// `cargo xtask dist` refuses to write a site from bad data: in its `run`, the dataset's
/// own tests (`cargo test --test dataset`) run before the wasm is built, and their failure
/// returns early through `?`. Checked on the source, since running it would build the site.
#[test]
fn dist_checks_the_dataset_before_it_builds() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/xtask/src/dist.rs");
    let source = std::fs::read_to_string(path).expect("xtask/src/dist.rs");
    let run = &source[source.find("pub fn run(").expect("dist has a run()")..];
    let check = run
        .find(r#""--test", "dataset""#)
        .expect("dist runs `cargo test --test dataset`");
    let build = run
        .find(r#""wasm32-unknown-unknown""#)
        .expect("dist builds the wasm");
    assert!(check < build, "the dataset check must run before the build");
    let after_check = &run[check..build];
    assert!(
        after_check.contains(")?;") || after_check.contains("})?;"),
        "a failed dataset check must stop dist (`?`), not just warn"
    );
}
