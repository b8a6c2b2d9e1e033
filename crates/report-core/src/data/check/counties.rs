//! Counties by meaning: a tag is named in its quote, a county named unambiguously is
//! tagged, and every clause that names a county lies in a mention tagged with it.

use super::{occurrences, Failure, Folder, FIGURES, MANIFEST, MENTIONS};

impl Folder<'_> {
    /// Whether the quote names the county, by its short or its full name.
    fn names_county(&self, slug: &str, quote: &str) -> bool {
        self.data
            .county(slug)
            .is_some_and(|c| quote.contains(&c.short) || quote.contains(&c.zh))
    }
}

pub fn tags(r: &Folder, out: &mut Vec<Failure>) {
    const RULE: &str = "county-tags";
    let d = r.data;
    for slug in &d.taxonomy.checks.ambiguous_counties {
        if d.county(slug).is_none() {
            out.push(r.fail(
                MANIFEST,
                Some(slug),
                RULE,
                "checks.ambiguous_counties names no county of the manifest".into(),
            ));
        }
    }
    for f in &d.figures {
        for c in f.counties.iter().filter(|c| !r.names_county(c, &f.quote)) {
            out.push(r.fail(
                FIGURES,
                Some(&f.id),
                RULE,
                format!("tagged {c} but the quote does not name it"),
            ));
        }
        // A county named unambiguously in a figure's quote is meant: tag it.
        for c in &d.taxonomy.counties {
            if !r.ambiguous(&c.slug)
                && r.names_county(&c.slug, &f.quote)
                && !f.counties.contains(&c.slug)
            {
                out.push(r.fail(
                    FIGURES,
                    Some(&f.id),
                    RULE,
                    format!("names {} but is not tagged {}", c.short, c.slug),
                ));
            }
        }
    }
    for m in &d.mentions {
        if m.counties.is_empty() {
            out.push(r.fail(MENTIONS, Some(&m.id), RULE, "no county".into()));
        }
        for c in m.counties.iter().filter(|c| !r.names_county(c, &m.quote)) {
            out.push(r.fail(
                MENTIONS,
                Some(&m.id),
                RULE,
                format!("tagged {c} but the quote does not name it"),
            ));
        }
    }
}

/// Mentions quote the part of their year and have a gist; each place the report names a
/// county by its full name (or by an unambiguous short name) lies inside a mention tagged
/// with that county.
pub fn mentions(r: &Folder, out: &mut Vec<Failure>) {
    const RULE: &str = "mentions";
    let d = r.data;
    let text = r.text();
    for m in &d.mentions {
        let fail = |message| r.fail(MENTIONS, Some(&m.id), RULE, message);
        match text.find(&m.quote) {
            None => out.push(fail(format!("quote not in the report: {}", m.quote))),
            Some(p) if r.year_at(p) != m.year => out.push(fail(format!(
                "year {} but quote is in the {} part",
                m.year,
                r.year_at(p)
            ))),
            Some(_) => {}
        }
        if m.gist.zh.trim().is_empty() || m.gist.en.trim().is_empty() {
            out.push(fail("empty gist".into()));
        }
    }
    let spans: Vec<(usize, usize, &Vec<String>)> = d
        .mentions
        .iter()
        .flat_map(|m| {
            occurrences(text, &m.quote)
                .into_iter()
                .map(move |p| (p, p + m.quote.len(), &m.counties))
        })
        .collect();
    for c in &d.taxonomy.counties {
        let mut names = vec![c.zh.as_str()];
        if !r.ambiguous(&c.slug) {
            names.push(c.short.as_str());
        }
        for name in names {
            for p in occurrences(text, name) {
                let covered = spans
                    .iter()
                    .any(|&(a, b, tags)| a <= p && p + name.len() <= b && tags.contains(&c.slug));
                if !covered {
                    out.push(r.fail(
                        MENTIONS,
                        None,
                        RULE,
                        format!(
                            "{name} named (line {}) but no mention tagged {}: {}",
                            r.line_of(p),
                            c.slug,
                            r.context(p, name.len())
                        ),
                    ));
                }
            }
        }
    }
}
