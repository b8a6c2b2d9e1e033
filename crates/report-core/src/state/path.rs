//! Page paths: the static pages `cargo xtask dist` writes for the views people share
//! (`zh/`, `en/`, `zh/sector/economy/`, `en/county/hongyuan/`), as views.
//!
//! A path names a language and at most one sector or county; the query string, read on
//! top of it (`decode_onto`), says everything else. The site may live in a directory
//! (`https://host/report/zh/sector/economy/`): whatever precedes the page's own segments
//! is the site's base.

use super::codec::decode_link;
use super::slugs::Slugs;
use super::view::{Embedding, Lang, View, ViewState};
use super::Notice;
use crate::data::Dataset;

/// A static page: one language's default view, or one sector or county in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    Home(Lang),
    Sector(Lang, String),
    County(Lang, String),
}

impl Page {
    /// The view the page shows.
    pub fn view(&self) -> ViewState {
        match self {
            Page::Home(lang) => ViewState {
                lang: *lang,
                ..ViewState::default()
            },
            Page::Sector(lang, slug) => ViewState {
                lang: *lang,
                sectors: Slugs::one(slug.clone()),
                ..ViewState::default()
            },
            Page::County(lang, slug) => ViewState {
                lang: *lang,
                view: View::County,
                counties: Slugs::one(slug.clone()),
                ..ViewState::default()
            },
        }
    }

    pub fn lang(&self) -> Lang {
        match self {
            Page::Home(l) | Page::Sector(l, _) | Page::County(l, _) => *l,
        }
    }

    /// The page's path below the site's base, ending in `/` (`en/county/hongyuan/`).
    pub fn path(&self) -> String {
        match self {
            Page::Home(l) => format!("{}/", l.slug()),
            Page::Sector(l, s) => format!("{}/sector/{s}/", l.slug()),
            Page::County(l, s) => format!("{}/county/{s}/", l.slug()),
        }
    }

    /// How many directories deep the page is (`../` steps back to the base).
    pub fn depth(&self) -> usize {
        match self {
            Page::Home(_) => 1,
            _ => 3,
        }
    }

    /// The page whose view is exactly `view`, if there is one. Embeds, searches, other
    /// tabs, several sectors and the like have none: they are shared as a query string.
    pub fn for_view(view: &ViewState) -> Option<Page> {
        let lang = view.lang;
        let candidates = [
            Some(Page::Home(lang)),
            view.sectors.first().map(|s| Page::Sector(lang, s.clone())),
            view.counties.first().map(|c| Page::County(lang, c.clone())),
        ];
        candidates.into_iter().flatten().find(|p| p.view() == *view)
    }

    /// Every page of the dataset: both homes, then each sector and county in both
    /// languages.
    pub fn all(data: &Dataset) -> Vec<Page> {
        let mut pages = Vec::new();
        for lang in Lang::ALL {
            pages.push(Page::Home(lang));
            for s in &data.taxonomy.sectors {
                pages.push(Page::Sector(lang, s.slug.clone()));
            }
            for c in &data.taxonomy.counties {
                pages.push(Page::County(lang, c.slug.clone()));
            }
        }
        pages
    }
}

/// Splits a URL path into the site's base path (ending in `/`) and the page it names.
/// A path that names no page (`/`, `/index.html`, `/standalone.html`, an unknown slug)
/// gives its own directory as the base and no page.
pub fn split_path<'p>(path: &'p str, data: &Dataset) -> (&'p str, Option<Page>) {
    let dir = match path.rfind('/') {
        Some(i) => &path[..=i],
        None => "",
    };
    let segments: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    let lang_of = |s: &str| Lang::ALL.into_iter().find(|l| l.slug() == s);
    let base_before = |n: usize| {
        // The base is `dir` minus its last n segments (each followed by `/`).
        let mut end = dir.len();
        for _ in 0..n {
            end = dir[..end - 1].rfind('/').map_or(0, |i| i + 1);
        }
        &dir[..end]
    };
    if let [.., lang, kind, slug] = segments.as_slice() {
        if let Some(lang) = lang_of(lang) {
            let page = match *kind {
                "sector" => data
                    .sector(slug)
                    .map(|s| Page::Sector(lang, s.slug.clone())),
                "county" => data
                    .county(slug)
                    .map(|c| Page::County(lang, c.slug.clone())),
                _ => None,
            };
            if let Some(page) = page {
                return (base_before(3), Some(page));
            }
        }
    }
    if let Some(lang) = segments.last().and_then(|s| lang_of(s)) {
        return (base_before(1), Some(Page::Home(lang)));
    }
    (dir, None)
}

/// The view of a location: the page its path names (if any), then its query on top.
pub fn decode_location(
    path: &str,
    query: &str,
    data: &Dataset,
) -> (ViewState, Embedding, Vec<Notice>) {
    let base = split_path(path, data)
        .1
        .map(|p| p.view())
        .unwrap_or_default();
    decode_link(base, query, data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{decode, encode};

    fn data() -> &'static Dataset {
        crate::data::tests_support::aba()
    }

    #[test]
    fn paths_name_the_same_views_as_their_queries() {
        let d = data();
        for (path, query) in [
            ("/zh/sector/economy/", "?sector=economy"),
            (
                "/en/county/hongyuan/",
                "?lang=en&tab=county&county=hongyuan",
            ),
            ("/en/", "?lang=en"),
            ("/zh/", ""),
            ("/zh/sector/economy/index.html", "?sector=economy"),
            ("/report/en/sector/economy/", "?lang=en&sector=economy"),
        ] {
            let (from_path, _, notices) = decode_location(path, "", d);
            assert!(notices.is_empty(), "{path}");
            assert_eq!(from_path, decode(query, d).0, "{path}");
        }
    }

    #[test]
    fn the_base_is_what_precedes_the_page() {
        let d = data();
        assert_eq!(split_path("/zh/sector/economy/", d).0, "/");
        assert_eq!(split_path("/report/en/county/hongyuan/", d).0, "/report/");
        assert_eq!(split_path("/report/en/", d).0, "/report/");
        assert_eq!(split_path("/report/index.html", d), ("/report/", None));
        assert_eq!(split_path("/standalone.html", d), ("/", None));
        assert_eq!(split_path("/", d), ("/", None));
        assert_eq!(split_path("", d), ("", None));
        // An unknown slug, kind or language is no page.
        assert_eq!(
            split_path("/zh/sector/nonsense/", d),
            ("/zh/sector/nonsense/", None)
        );
        assert_eq!(split_path("/zh/region/economy/", d).1, None);
        assert_eq!(split_path("/fr/", d).1, None);
    }

    #[test]
    fn the_query_applies_on_top_of_the_path() {
        let d = data();
        let (v, _, n) = decode_location("/en/sector/economy/", "?tab=levels", d);
        assert!(n.is_empty());
        assert_eq!(v, decode("?lang=en&tab=levels&sector=economy", d).0);
        // A list in the query replaces the path's, it is not merged into it.
        let (v, _, _) = decode_location("/zh/sector/economy/", "?sector=ecology", d);
        assert_eq!(v, decode("?sector=ecology", d).0);
        let (v, _, _) = decode_location("/en/", "?lang=zh", d);
        assert_eq!(v, ViewState::default());
        // Bad parts of the query are still reported.
        let (_, _, n) = decode_location("/zh/", "?tab=nonsense", d);
        assert_eq!(n.len(), 1);
    }

    #[test]
    fn every_page_round_trips_and_views_map_onto_pages() {
        let d = data();
        let pages = Page::all(d);
        assert_eq!(
            pages.len(),
            2 * (1 + d.taxonomy.sectors.len() + d.taxonomy.counties.len())
        );
        for p in &pages {
            let (v, _, n) = decode_location(&format!("/{}", p.path()), "", d);
            assert!(n.is_empty());
            assert_eq!(v, p.view());
            assert_eq!(Page::for_view(&v).as_ref(), Some(p));
            assert_eq!(p.path().matches('/').count(), p.depth());
        }
        // Views that are not a page.
        for q in [
            "?sector=ecology,economy",
            "?tab=levels",
            "?q=gdp",
            "?tab=county",
            "?county=hongyuan",
        ] {
            let v = decode(q, d).0;
            assert_eq!(Page::for_view(&v), None, "{q}");
            assert_eq!(encode(&v), q);
        }
    }
}
