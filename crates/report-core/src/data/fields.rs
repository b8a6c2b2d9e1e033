//! The one table of a figure's flat fields: their names (the CSV header), how each is
//! written as text (the CSV cells and the compact form the page embeds) and how each is
//! read back (the compact reader). Adding a field to `Figure` is one row here.

use super::{Figure, Metric, Qualifier};

pub struct FigureField {
    pub name: &'static str,
    pub get: fn(&Figure) -> String,
    pub set: fn(&mut Figure, &str) -> Result<(), String>,
}

/// Formats a value without a trailing `.0` (6.5 → "6.5", 5300 → "5300"); reads back to
/// the same f64.
pub fn number(v: f64) -> String {
    let s = format!("{v}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

fn parse<T: std::str::FromStr>(name: &str, text: &str) -> Result<T, String> {
    text.parse()
        .map_err(|_| format!("figures: {name} {text:?} does not parse"))
}

/// A list of slugs, `;`-separated (slugs never hold one).
fn list(text: &str) -> Vec<String> {
    text.split(';')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

pub fn metric(slug: &str) -> Result<Metric, String> {
    Metric::ALL
        .into_iter()
        .find(|m| m.slug() == slug)
        .ok_or_else(|| format!("unknown metric {slug}"))
}

pub fn qualifier(slug: &str) -> Result<Qualifier, String> {
    Qualifier::ALL
        .into_iter()
        .find(|q| q.slug() == slug)
        .ok_or_else(|| format!("unknown qualifier {slug}"))
}

pub const FIGURE_FIELDS: [FigureField; 14] = [
    FigureField {
        name: "id",
        get: |f| f.id.clone(),
        set: |f, t| {
            f.id = t.into();
            Ok(())
        },
    },
    FigureField {
        name: "year",
        get: |f| f.year.to_string(),
        set: |f, t| {
            f.year = parse("year", t)?;
            Ok(())
        },
    },
    FigureField {
        name: "sector",
        get: |f| f.sector.clone(),
        set: |f, t| {
            f.sector = t.into();
            Ok(())
        },
    },
    FigureField {
        name: "indicator_zh",
        get: |f| f.indicator.zh.clone(),
        set: |f, t| {
            f.indicator.zh = t.into();
            Ok(())
        },
    },
    FigureField {
        name: "indicator_en",
        get: |f| f.indicator.en.clone(),
        set: |f, t| {
            f.indicator.en = t.into();
            Ok(())
        },
    },
    FigureField {
        name: "metric",
        get: |f| f.metric.slug().into(),
        set: |f, t| {
            f.metric = metric(t)?;
            Ok(())
        },
    },
    FigureField {
        name: "value",
        get: |f| number(f.value),
        set: |f, t| {
            f.value = parse("value", t)?;
            Ok(())
        },
    },
    FigureField {
        name: "unit",
        get: |f| f.unit.clone(),
        set: |f, t| {
            f.unit = t.into();
            Ok(())
        },
    },
    FigureField {
        name: "qualifier",
        get: |f| f.qualifier.slug().into(),
        set: |f, t| {
            f.qualifier = qualifier(t)?;
            Ok(())
        },
    },
    FigureField {
        name: "qualifier_text",
        get: |f| f.qualifier_text.clone(),
        set: |f, t| {
            f.qualifier_text = t.into();
            Ok(())
        },
    },
    FigureField {
        name: "estimate",
        get: |f| f.estimate.to_string(),
        set: |f, t| {
            f.estimate = parse("estimate", t)?;
            Ok(())
        },
    },
    FigureField {
        name: "counties",
        get: |f| f.counties.join(";"),
        set: |f, t| {
            f.counties = list(t);
            Ok(())
        },
    },
    FigureField {
        name: "quote",
        get: |f| f.quote.clone(),
        set: |f, t| {
            f.quote = t.into();
            Ok(())
        },
    },
    FigureField {
        name: "value_text",
        get: |f| f.value_text.clone(),
        set: |f, t| {
            f.value_text = t.into();
            Ok(())
        },
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_reads_back_what_it_writes() {
        let data = crate::data::tests_support::aba();
        for f in &data.figures {
            let mut back = Figure::default();
            for field in &FIGURE_FIELDS {
                (field.set)(&mut back, &(field.get)(f)).unwrap();
            }
            assert_eq!(&back, f);
        }
    }
}
