//! The one parser of the dataset must turn any input into a value or an error, never a
//! panic: the files are edited by hand, and a broken edit has to be reported by
//! the data rules (`report_core::data::check`, which `cargo xtask dist` runs first), not
//! crash the tools.
//! Whatever it accepts must also be safe to filter, pair and export.
//!
//! Beyond "no panic": damaged input (cut short, a required field removed, a value of the
//! wrong type, an unknown sector or county slug, a duplicate id, an unknown enum word or
//! figure reference) must be an `Err`, and undamaged input (re-encoded, reordered,
//! unreferenced records removed) must be `Ok`. Each property asserts its outcome.

use proptest::prelude::*;
use report_explorer::data::{export, Dataset, FOLDER_FILES};
use report_explorer::state::{
    compare_rows, compare_summary, county_content, decode, encode, level_rows, matching_figures,
    ViewState,
};
use serde_json::Value;

/// Aba's report folder as text: the manifest and the four record files.
static FILES: std::sync::LazyLock<[String; 5]> = std::sync::LazyLock::new(|| {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("reports/aba-2024");
    FOLDER_FILES.map(|name| std::fs::read_to_string(dir.join(format!("{name}.json"))).unwrap())
});

fn parse(files: &[String; 5]) -> Result<Dataset, String> {
    Dataset::parse(&files[0], &files[1], &files[2], &files[3], &files[4], "")
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
        let _ = county_content(data, &c.slug, &ViewState::default());
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
    FILES.clone()
}

const NAMES: [&str; 5] = [
    "manifest.json",
    "figures.json",
    "mentions.json",
    "comparisons.json",
    "exclusions.json",
];
/// The record lists of manifest.json; the other files are one list each.
const TAXONOMY_GROUPS: [&str; 3] = ["sectors", "counties", "chapters"];
/// Fields that may be left out (`#[serde(default)]`); every other field is required.
const OPTIONAL_FIELDS: [&str; 2] = ["not_comparable", "from"];

fn values() -> Vec<Value> {
    FILES
        .iter()
        .map(|f| serde_json::from_str(f).expect("the embedded files are JSON"))
        .collect()
}

fn to_files(values: &[Value]) -> [String; 5] {
    std::array::from_fn(|i| values[i].to_string())
}

/// The list of records a (file, group) pair names: for taxonomy.json one of its groups.
fn list_mut(values: &mut [Value], file: usize, group: usize) -> &mut Vec<Value> {
    let v = if file == 0 {
        &mut values[0][TAXONOMY_GROUPS[group % TAXONOMY_GROUPS.len()]]
    } else {
        &mut values[file]
    };
    v.as_array_mut().expect("a list of records")
}

fn record_mut(
    values: &mut [Value],
    file: usize,
    group: usize,
    index: usize,
) -> &mut serde_json::Map<String, Value> {
    let list = list_mut(values, file, group);
    let n = list.len();
    list[index % n]
        .as_object_mut()
        .expect("a record is an object")
}

fn where_(file: usize, group: usize) -> String {
    if file == 0 {
        format!("taxonomy.json {}", TAXONOMY_GROUPS[group % 3])
    } else {
        NAMES[file].to_string()
    }
}

/// The JSON kind of a value, to pick a replacement of another kind.
fn kind(v: &Value) -> u8 {
    match v {
        Value::Null => 0,
        Value::Bool(_) => 1,
        Value::Number(_) => 2,
        Value::String(_) => 3,
        Value::Array(_) => 4,
        Value::Object(_) => 5,
    }
}

/// A slug that no sector or county has.
fn unknown_slug() -> impl Strategy<Value = String> {
    "[a-z]{1,12}".prop_filter("not a taxonomy slug", |s| {
        let data = report_explorer::embedded();
        data.sector(s).is_none() && data.county(s).is_none()
    })
}

#[test]
fn the_optional_fields_are_the_only_ones() {
    // If a field becomes optional in the model, OPTIONAL_FIELDS must say so, or the
    // removal property below would fail for a reason that is not a bug.
    let mut vals = values();
    for (file, groups) in [(0, 3), (1, 1), (2, 1), (3, 1), (4, 1)] {
        for group in 0..groups {
            let keys: Vec<String> = record_mut(&mut vals, file, group, 0)
                .keys()
                .cloned()
                .collect();
            for key in keys
                .iter()
                .filter(|k| !OPTIONAL_FIELDS.contains(&k.as_str()))
            {
                let mut v = vals.clone();
                record_mut(&mut v, file, group, 0).remove(key);
                assert!(
                    parse(&to_files(&v)).is_err(),
                    "{}: {key} removed but accepted",
                    where_(file, group)
                );
            }
        }
    }
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
        let result = parse(&files);
        if how == 0 {
            // A JSON document cut anywhere before its end is incomplete.
            prop_assert!(
                result.is_err(),
                "{} cut to {i} of {} bytes was accepted",
                NAMES[file],
                FILES[file].len()
            );
        }
        if let Ok(data) = result {
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

/// `cargo xtask dist` refuses to write a site from bad data: run on a copy of the second
/// report whose figures are out of report order (a rule of `report_core::data::check`, not
/// of the loader), it fails on that rule and writes nothing: no folder, no wasm.
#[test]
fn dist_refuses_a_report_that_breaks_a_dataset_rule() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = std::env::temp_dir().join(format!("dist-refuses-{}", std::process::id()));
    let (report, out) = (tmp.join("report"), tmp.join("out"));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&report).unwrap();
    for entry in std::fs::read_dir(root.join("tests/fixtures/second-report")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), report.join(entry.file_name())).unwrap();
    }
    // The same figures, the first two swapped: the loader takes them, the rules do not.
    let path = report.join("figures.json");
    let mut figures: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    figures.swap(0, 1);
    std::fs::write(&path, serde_json::to_string_pretty(&figures).unwrap()).unwrap();
    assert!(
        Dataset::load(&report).is_ok(),
        "the planted fault must pass the loader, or this proves nothing about dist"
    );

    let run = std::process::Command::new(env!("CARGO"))
        .args([
            "run",
            "--quiet",
            "--package",
            "xtask",
            "--",
            "dist",
            "--report",
        ])
        .arg(&report)
        .arg("--out")
        .arg(&out)
        .current_dir(root)
        .output()
        .expect("cargo xtask dist runs");
    let stderr = String::from_utf8_lossy(&run.stderr);
    let stdout = String::from_utf8_lossy(&run.stdout);
    let wrote = out.exists();
    let _ = std::fs::remove_dir_all(&tmp);
    assert!(
        !run.status.success(),
        "dist wrote a site from bad data:\n{stderr}"
    );
    assert!(
        stderr.contains("no site written"),
        "dist failed, but not at the data check:\n{stderr}"
    );
    // The failure names the two swapped records (the rule's wording is the check's own).
    let said = format!("{stdout}{stderr}");
    let named = said
        .lines()
        .any(|l| l.contains("gdp-growth-2030") && l.contains("gdp-2030"));
    assert!(
        named,
        "the data check did not fail on the planted order:\n{said}"
    );
    assert!(!wrote, "dist created its output folder before the check");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A required field missing from any record of any list is an error.
    #[test]
    fn a_removed_required_field_is_an_error(
        file in 0..5usize, group in 0..3usize, index in any::<usize>(), key in any::<usize>(),
    ) {
        let mut v = values();
        let record = record_mut(&mut v, file, group, index);
        let keys: Vec<String> = record
            .keys()
            .filter(|k| !OPTIONAL_FIELDS.contains(&k.as_str()))
            .cloned()
            .collect();
        let key = &keys[key % keys.len()];
        record.remove(key);
        prop_assert!(
            parse(&to_files(&v)).is_err(),
            "{} record {index}: without {key} it was accepted",
            where_(file, group)
        );
    }

    /// A field holding a value of another JSON kind (a number where a string belongs, a
    /// string for a list, …) is an error; null only counts for required fields.
    #[test]
    fn a_value_of_the_wrong_type_is_an_error(
        file in 0..5usize, group in 0..3usize, index in any::<usize>(), key in any::<usize>(),
        pick in any::<usize>(),
    ) {
        let mut v = values();
        let record = record_mut(&mut v, file, group, index);
        let keys: Vec<String> = record.keys().cloned().collect();
        let key = keys[key % keys.len()].clone();
        let optional = OPTIONAL_FIELDS.contains(&key.as_str());
        let original = record[&key].clone();
        let others: Vec<Value> = [
            Value::Null,
            Value::Bool(true),
            Value::from(7),
            Value::from("x"),
            Value::Array(vec![]),
            Value::Object(Default::default()),
        ]
        .into_iter()
        .filter(|r| kind(r) != kind(&original) && !(optional && r.is_null()))
        .collect();
        let replacement = others[pick % others.len()].clone();
        record.insert(key.clone(), replacement.clone());
        prop_assert!(
            parse(&to_files(&v)).is_err(),
            "{} record {index}: {key} = {replacement} (was {original}) was accepted",
            where_(file, group)
        );
    }

    /// A sector or county slug that the taxonomy does not define is an error, wherever
    /// it is used: a figure's or mention's sector or counties, a chapter's sector.
    #[test]
    fn an_unknown_sector_or_county_is_an_error(
        which in 0..5usize, index in any::<usize>(), slug in unknown_slug(),
    ) {
        let mut v = values();
        let (file, group, key, value) = match which {
            0 => (1, 0, "sector", Value::from(slug.clone())),
            1 => (2, 0, "sector", Value::from(slug.clone())),
            2 => (0, 2, "sector", Value::from(slug.clone())),
            3 => (1, 0, "counties", Value::from(vec![slug.clone()])),
            _ => (2, 0, "counties", Value::from(vec![slug.clone()])),
        };
        record_mut(&mut v, file, group, index).insert(key.into(), value);
        let result = parse(&to_files(&v));
        prop_assert!(result.is_err(), "{} record {index}: {key} {slug} accepted", where_(file, group));
        prop_assert!(result.unwrap_err().contains(&slug));
    }

    /// Two records with the same id (a record repeated, or an id copied onto another
    /// record) are an error, in figures, mentions and comparisons.
    #[test]
    fn a_duplicate_id_is_an_error(
        file in 1..4usize, index in any::<usize>(), other in any::<usize>(), repeat in any::<bool>(),
    ) {
        let mut v = values();
        let list = list_mut(&mut v, file, 0);
        let n = list.len();
        let (i, mut j) = (index % n, other % n);
        if j == i {
            j = (i + 1) % n;
        }
        let id = list[i]["id"].clone();
        if repeat {
            let copy = list[i].clone();
            list.insert(j, copy);
        } else {
            list[j]["id"] = id.clone();
        }
        let result = parse(&to_files(&v));
        prop_assert!(result.is_err(), "{}: id {id} twice accepted", NAMES[file]);
        prop_assert!(result.unwrap_err().contains("duplicate"));
    }

    /// An enum field with a word the model does not know (metric, qualifier, comparison
    /// kind), or a comparison naming a figure that does not exist, is an error.
    #[test]
    fn an_unknown_word_or_reference_is_an_error(
        which in 0..5usize, index in any::<usize>(), word in "[a-z_]{1,12}",
    ) {
        let mut v = values();
        let (file, key) = match which {
            0 => (1, "metric"),
            1 => (1, "qualifier"),
            2 => (3, "kind"),
            3 => (3, "from"),
            _ => (3, "to"),
        };
        let known = ["level", "count", "growth_pct", "rate_pct", "share_pct", "change_pp",
            "exact", "about", "at_least", "at_most", "growth"];
        prop_assume!(!known.contains(&word.as_str()));
        let word = if key == "from" || key == "to" { format!("{word}-2023") } else { word };
        record_mut(&mut v, file, 0, index).insert(key.into(), Value::from(word.clone()));
        prop_assert!(
            parse(&to_files(&v)).is_err(),
            "{} record {index}: {key} {word} accepted",
            NAMES[file]
        );
    }

    /// Undamaged input is accepted: the files re-encoded (keys reordered, pretty-printed),
    /// records reordered, and records removed that nothing refers to (a mention, an
    /// exclusion, a comparison) all parse, to the same records where nothing was removed.
    #[test]
    fn undamaged_input_is_ok(
        pretty in any::<bool>(), file in 2..5usize, shuffle in any::<u64>(), remove in any::<bool>(),
        index in any::<usize>(),
    ) {
        let original = parse(&originals()).expect("the embedded dataset parses");
        let mut v = values();
        let list = list_mut(&mut v, file, 0);
        let n = list.len();
        if remove {
            list.remove(index % n);
        } else {
            // A deterministic shuffle from the seed.
            let mut s = shuffle | 1;
            for i in (1..n).rev() {
                s ^= s << 13; s ^= s >> 7; s ^= s << 17;
                list.swap(i, (s % (i as u64 + 1)) as usize);
            }
        }
        let files: [String; 5] = std::array::from_fn(|i| {
            if pretty { serde_json::to_string_pretty(&v[i]).unwrap() } else { v[i].to_string() }
        });
        let parsed = parse(&files);
        prop_assert!(parsed.is_ok(), "{}", parsed.unwrap_err());
        let parsed = parsed.unwrap();
        prop_assert_eq!(&parsed.figures, &original.figures);
        prop_assert_eq!(&parsed.taxonomy, &original.taxonomy);
        if !remove {
            let sorted = |mut ids: Vec<String>| { ids.sort(); ids };
            prop_assert_eq!(
                sorted(parsed.mentions.iter().map(|m| m.id.clone()).collect()),
                sorted(original.mentions.iter().map(|m| m.id.clone()).collect())
            );
            prop_assert_eq!(parsed.exclusions.len(), original.exclusions.len());
            prop_assert_eq!(parsed.comparison_specs.len(), original.comparison_specs.len());
        }
        exercise(&parsed);
    }
}
