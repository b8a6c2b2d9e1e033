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

/// Powers of ten that an f64 holds exactly.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Reads a plain decimal as [`number`] writes it ("6.5", "-2.1", "5300") without core's
/// general float parser, whose code and tables the page would otherwise carry (about
/// 3 KB brotli, docs/performance.md). `m / 10^k` is correctly rounded, so exact, when the
/// digits `m` are below 2^53 and `k` is at most 22; anything else is `None`, and
/// `compact::encode` refuses a value this cannot read back.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (int, frac) = match digits.split_once('.') {
        Some((_, "")) => return None,
        Some(parts) => parts,
        None => (digits, ""),
    };
    if int.is_empty() || !(int.bytes().chain(frac.bytes())).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut m: u64 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        m = m.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
    }
    if m >= 1 << 53 {
        return None;
    }
    let v = m as f64 / *POW10.get(frac.len())?;
    Some(if negative { -v } else { v })
}

fn parse<T: std::str::FromStr>(name: &str, text: &str) -> Result<T, String> {
    text.parse()
        .map_err(|_| format!("figures: {name} “{text}” does not parse"))
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
            f.value = parse_decimal(t)
                .ok_or_else(|| format!("figures: value “{t}” is not a plain decimal"))?;
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
    fn plain_decimals_read_as_the_float_parser_reads_them() {
        for t in [
            "0",
            "6.5",
            "-2.1",
            "5300",
            "0.1",
            "81",
            "44.6",
            "-0",
            "123456.789",
            "0.000001",
        ] {
            assert_eq!(parse_decimal(t), t.parse::<f64>().ok(), "{t}");
        }
        for v in [0.1, 6.5, 1e-7, 495.0, 9007199254740.5, -35.2] {
            assert_eq!(parse_decimal(&number(v)), Some(v), "{v}");
        }
        for bad in [
            "",
            "-",
            ".5",
            "5.",
            "1e3",
            "1,5",
            "+1",
            "12a",
            "99999999999999999999",
            "NaN",
        ] {
            assert_eq!(parse_decimal(bad), None, "{bad}");
        }
    }

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
