//! The compact form of a dataset that the page embeds: values, columns and groups split
//! by the ASCII unit, record and group separators (0x1f, 0x1e, 0x1d), which a report never
//! contains (checked when encoding). A group (the figures, the mentions, …) is written by
//! column: each field's values for all records in a row, then the next field's. Like values
//! side by side (the sectors, the units, the years, the quotes in report order) compress
//! better: 1.0 KB less brotli and 0.65 KB less gzip than record by record. The page reads it with a few lines of code instead of
//! carrying serde_json's deserializer in the wasm; `Dataset::parse` (JSON) remains the
//! reference, and a test checks that encoding and reading give the dataset back.
//!
//! The field order per group is the contract between `encode` and `parse_compact`; a
//! figure's fields are the one table in `fields.rs`.

use std::borrow::Cow;

use super::fields::FIGURE_FIELDS;
use super::{
    Chapter, ComparisonKind, ComparisonSpec, County, Dataset, Exclusion, Figure, Mention, Names,
    Report, Sector, Taxonomy,
};

/// Between the values of one column.
const VALUE: char = '\u{1f}';
/// Between the columns of one group.
const COLUMN: char = '\u{1e}';
const GROUP: char = '\u{1d}';

/// The dataset (without its text) in the compact form. The chapters are left out: they
/// map the text for the dataset tests (each figure in its chapter's sector), and the page
/// never reads them.
pub fn encode(data: &Dataset) -> Result<String, String> {
    // The page reads this text without checking it again (`parse_compact`).
    data.check_references()?;
    fn group<T>(items: &[T], fields: impl Fn(&T) -> Vec<String>) -> Result<String, String> {
        let records: Vec<Vec<String>> = items.iter().map(fields).collect();
        let mut columns = vec![Vec::new(); records.first().map_or(0, Vec::len)];
        for fields in &records {
            if fields.len() != columns.len() {
                return Err("records of one group differ in their fields".into());
            }
            for (column, f) in columns.iter_mut().zip(fields) {
                if f.contains([VALUE, COLUMN, GROUP]) {
                    return Err(format!("the dataset contains a separator character: “{f}”"));
                }
                column.push(f.as_str());
            }
        }
        Ok(columns
            .iter()
            .map(|c| c.join(&VALUE.to_string()))
            .collect::<Vec<_>>()
            .join(&COLUMN.to_string()))
    }
    if let Some(f) = data
        .figures
        .iter()
        .find(|f| super::fields::parse_decimal(&super::fields::number(f.value)) != Some(f.value))
    {
        return Err(format!(
            "{}: the value {} cannot be written exactly as a plain decimal",
            f.id, f.value
        ));
    }
    let r = &data.report;
    let t = &data.taxonomy;
    let kind = |k: ComparisonKind| match k {
        ComparisonKind::Growth => "growth",
        ComparisonKind::Level => "level",
    };
    Ok([
        group(std::slice::from_ref(r), |r| {
            vec![
                r.title.zh.clone(),
                r.title.en.clone(),
                r.place.zh.clone(),
                r.place.en.clone(),
                r.source.zh.clone(),
                r.source.en.clone(),
                r.review_year.to_string(),
                r.plan_year.to_string(),
                r.review_ends_line.to_string(),
                r.text.clone(),
                r.text_sha256.clone(),
                r.file_stem.clone(),
                r.search_example.zh.clone(),
                r.search_example.en.clone(),
            ]
        })?,
        group(&t.sectors, |s| {
            vec![s.slug.clone(), s.zh.clone(), s.en.clone()]
        })?,
        group(&t.counties, |c| {
            vec![
                c.slug.clone(),
                c.zh.clone(),
                c.short.clone(),
                c.en.clone(),
                c.col.to_string(),
                c.row.to_string(),
            ]
        })?,
        group(&[] as &[Chapter], |c| {
            vec![
                c.year.to_string(),
                c.lines[0].to_string(),
                c.lines[1].to_string(),
                c.from.clone().unwrap_or_default(),
                c.heading.clone(),
                c.sector.clone(),
            ]
        })?,
        group(&data.figures, |f| {
            FIGURE_FIELDS.iter().map(|field| (field.get)(f)).collect()
        })?,
        group(&data.mentions, |m| {
            vec![
                m.id.clone(),
                m.year.to_string(),
                m.sector.clone(),
                m.counties.join(";"),
                m.quote.clone(),
                m.gist.zh.clone(),
                m.gist.en.clone(),
            ]
        })?,
        group(&data.comparison_specs, |c| {
            vec![
                c.id.clone(),
                kind(c.kind).into(),
                c.from.clone(),
                c.to.clone(),
                c.not_comparable.clone().unwrap_or_default(),
            ]
        })?,
        group(&data.exclusions, |e| vec![e.text.clone(), e.reason.clone()])?,
    ]
    .join(&GROUP.to_string()))
}

/// One record: its next value is the next one of each column in turn.
struct Record<'a, 'c> {
    columns: &'c mut [std::str::Split<'a, char>],
    next: usize,
    group: &'static str,
}

impl<'a> Record<'a, '_> {
    fn text(&mut self) -> Result<&'a str, String> {
        let value = self.columns.get_mut(self.next).and_then(Iterator::next);
        self.next += 1;
        value.ok_or_else(|| format!("{}: a record is short of fields", self.group))
    }

    fn string(&mut self) -> Result<String, String> {
        self.text().map(str::to_string)
    }

    fn optional(&mut self) -> Result<Option<String>, String> {
        self.string().map(|s| Some(s).filter(|s| !s.is_empty()))
    }

    /// Every number in the compact form is a small whole number: one parser (for u32)
    /// serves every integer type, instead of one `FromStr` copy per type in the wasm.
    fn number<T: TryFrom<u32>>(&mut self) -> Result<T, String> {
        let t = self.text()?;
        t.parse::<u32>()
            .ok()
            .and_then(|n| T::try_from(n).ok())
            .ok_or_else(|| format!("{}: “{t}” is not a number", self.group))
    }

    fn list(&mut self) -> Result<Vec<String>, String> {
        let t = self.text()?;
        Ok(t.split(';')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect())
    }

    fn names(&mut self) -> Result<Names, String> {
        Ok(Names {
            zh: self.string()?,
            en: self.string()?,
        })
    }
}

fn records<'a, T>(
    group: Option<&'a str>,
    name: &'static str,
    read: impl Fn(&mut Record<'a, '_>) -> Result<T, String>,
) -> Result<Vec<T>, String> {
    let mut out = Vec::new();
    each_record(group, name, &mut |r| {
        out.push(read(r)?);
        Ok(())
    })?;
    Ok(out)
}

/// The loop over a group's records, once for every record type (a `collect` into
/// `Result<Vec<T>, _>` per type was a copy of the iterator machinery each).
fn each_record<'a>(
    group: Option<&'a str>,
    name: &'static str,
    read: &mut dyn FnMut(&mut Record<'a, '_>) -> Result<(), String>,
) -> Result<(), String> {
    let group = group.ok_or_else(|| format!("{name}: group missing"))?;
    if group.is_empty() {
        return Ok(());
    }
    let mut columns: Vec<_> = group.split(COLUMN).map(|c| c.split(VALUE)).collect();
    let count = columns.first().map_or(0, |c| c.clone().count());
    for _ in 0..count {
        read(&mut Record {
            columns: &mut columns,
            next: 0,
            group: name,
        })?;
    }
    Ok(())
}

/// Reads the compact form back, with `text` as the report text. It does not run
/// `Dataset::parse`'s reference checks again: the only compact text it reads is the one
/// [`encode`] wrote at build time, and `encode` refuses a dataset that fails them. Left
/// in, the checks' sets and messages would be code in the page's wasm that could never
/// fire. A damaged text is still an error, never a panic.
pub fn parse_compact(compact: &str, text: impl Into<Cow<'static, str>>) -> Result<Dataset, String> {
    let mut groups = compact.split(GROUP);
    let report = records(groups.next(), "report", |r| {
        Ok(Report {
            title: r.names()?,
            place: r.names()?,
            source: r.names()?,
            review_year: r.number()?,
            plan_year: r.number()?,
            review_ends_line: r.number()?,
            text: r.string()?,
            text_sha256: r.string()?,
            file_stem: r.string()?,
            search_example: r.names()?,
        })
    })?
    .pop()
    .ok_or("report: the manifest is missing")?;
    let sectors = records(groups.next(), "sectors", |r| {
        Ok(Sector {
            slug: r.string()?,
            zh: r.string()?,
            en: r.string()?,
        })
    })?;
    let counties = records(groups.next(), "counties", |r| {
        Ok(County {
            slug: r.string()?,
            zh: r.string()?,
            short: r.string()?,
            en: r.string()?,
            col: r.number()?,
            row: r.number()?,
        })
    })?;
    let chapters = records(groups.next(), "chapters", |r| {
        Ok(Chapter {
            year: r.number()?,
            lines: [r.number()?, r.number()?],
            from: r.optional()?,
            heading: r.string()?,
            sector: r.string()?,
        })
    })?;
    let figures = records(groups.next(), "figures", |r| {
        let mut figure = Figure::default();
        for field in &FIGURE_FIELDS {
            (field.set)(&mut figure, r.text()?)?;
        }
        Ok(figure)
    })?;
    let mentions = records(groups.next(), "mentions", |r| {
        Ok(Mention {
            id: r.string()?,
            year: r.number()?,
            sector: r.string()?,
            counties: r.list()?,
            quote: r.string()?,
            gist: r.names()?,
        })
    })?;
    let comparison_specs = records(groups.next(), "comparisons", |r| {
        Ok(ComparisonSpec {
            id: r.string()?,
            kind: match r.text()? {
                "growth" => ComparisonKind::Growth,
                "level" => ComparisonKind::Level,
                k => return Err(format!("unknown comparison kind {k}")),
            },
            from: r.string()?,
            to: r.string()?,
            not_comparable: r.optional()?,
        })
    })?;
    let exclusions = records(groups.next(), "exclusions", |r| {
        Ok(Exclusion {
            text: r.string()?,
            reason: r.string()?,
        })
    })?;
    let data = Dataset {
        report,
        taxonomy: Taxonomy {
            sectors,
            counties,
            chapters,
            #[cfg(not(target_arch = "wasm32"))]
            checks: Default::default(),
        },
        figures,
        mentions,
        comparison_specs,
        exclusions,
        text: text.into(),
    };
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::tests_support::{aba, second};

    #[test]
    fn the_compact_form_reads_back_as_the_folder_does() {
        for data in [aba(), second()] {
            let compact = encode(data).unwrap();
            let back = parse_compact(&compact, data.text.clone()).unwrap();
            let mut expected = data.clone();
            expected.taxonomy.chapters.clear();
            expected.taxonomy.checks = Default::default();
            assert_eq!(back, expected);
        }
    }

    #[test]
    fn damaged_compact_text_is_an_error_not_a_panic() {
        let compact = encode(aba()).unwrap();
        for cut in (0..compact.len()).step_by(997) {
            if compact.is_char_boundary(cut) {
                let _ = parse_compact(&compact[..cut], "");
            }
        }
        assert!(parse_compact("", "").is_err());
        assert!(parse_compact("a\u{1d}b", "").is_err());
    }

    #[test]
    fn a_dataset_with_a_broken_reference_is_refused_when_encoding() {
        let mut data = aba().clone();
        data.figures[1].id = data.figures[0].id.clone();
        assert!(encode(&data).unwrap_err().contains("duplicate figure id"));
        let mut data = aba().clone();
        data.figures[0].sector = "no-such-sector".into();
        assert!(encode(&data).is_err());
    }

    #[test]
    fn a_separator_in_the_data_is_refused_when_encoding() {
        let mut data = aba().clone();
        data.figures[0].quote.push('\u{1e}');
        assert!(encode(&data).unwrap_err().contains("separator"));
    }
}
