//! What the reader is looking at, and the only ways it changes.

use super::slugs::Slugs;
use crate::data::Period;

/// Longest text search kept, in characters. Longer searches match nothing useful and
/// would make shared links unwieldy, so typing stops growing the query here.
pub const MAX_QUERY_CHARS: usize = 100;

/// Interface language. Chinese is the default because the report itself is Chinese.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The URL spelling; also a BCP 47 tag usable for `lang` attributes.
    pub fn slug(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
}

/// The tab. Compare is the default because "did the targets rise or fall" is the
/// story the explorer exists to tell.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    #[default]
    Compare,
    Levels,
    Figures,
    County,
}

impl View {
    pub const ALL: [View; 4] = [View::Compare, View::Levels, View::Figures, View::County];

    pub fn slug(self) -> &'static str {
        self.words().0
    }

    /// The word for the tab in download file names ("growth" reads better than
    /// "compare" in `…-growth.png`).
    pub fn file_word(self) -> &'static str {
        self.words().1
    }

    /// Whether the tab draws a chart (`present::chart_tab` gives its chart and table).
    pub fn has_chart(self) -> bool {
        self.words().2
    }

    /// (URL slug, file word, draws a chart): one row per tab.
    fn words(self) -> (&'static str, &'static str, bool) {
        match self {
            View::Compare => ("compare", "growth", true),
            View::Levels => ("levels", "levels", true),
            View::Figures => ("figures", "figures", false),
            View::County => ("county", "county", false),
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum YearFilter {
    #[default]
    Both,
    /// The review year's results only.
    Review,
    /// The plan year's targets only.
    Plan,
}

impl YearFilter {
    pub const ALL: [YearFilter; 3] = [YearFilter::Both, YearFilter::Review, YearFilter::Plan];

    /// `None` for both parts, so callers cannot forget that "both" filters nothing.
    pub fn period(self) -> Option<Period> {
        match self {
            YearFilter::Both => None,
            YearFilter::Review => Some(Period::Review),
            YearFilter::Plan => Some(Period::Plan),
        }
    }

    /// The URL value: the part's name, not its year, so a link reads the same for any
    /// report (the decoder also takes the year itself).
    pub fn slug(self) -> &'static str {
        match self {
            YearFilter::Both => "both",
            YearFilter::Review => "review",
            YearFilter::Plan => "plan",
        }
    }

    /// Whether a record of this part of the report passes.
    pub fn accepts(self, period: Option<Period>) -> bool {
        self.period().is_none_or(|p| Some(p) == period)
    }
}

/// Table order. Report order is the default because it keeps each figure next to its
/// neighbours in the text, which is how readers check a number against the source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    #[default]
    Report,
    Value,
    Year,
    Sector,
}

impl SortKey {
    pub const ALL: [SortKey; 4] = [
        SortKey::Report,
        SortKey::Value,
        SortKey::Year,
        SortKey::Sector,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            SortKey::Report => "report",
            SortKey::Value => "value",
            SortKey::Year => "year",
            SortKey::Sector => "sector",
        }
    }
}

/// Everything that makes one view of the explorer different from another. Every field is
/// in the URL (see `encode`), so a copied link reopens exactly this view.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    pub lang: Lang,
    pub view: View,
    /// Sector slugs; empty means every sector (an empty filter must not hide everything).
    pub sectors: Slugs,
    /// County slugs; empty means no county filter, including prefecture-wide figures.
    pub counties: Slugs,
    pub year: YearFilter,
    /// The search box as typed (at most [`MAX_QUERY_CHARS`]). Not trimmed here, or the
    /// space between two words would vanish while typing; the URL carries it trimmed.
    pub query: String,
    /// A figure id or comparison id the reader selected.
    pub focus: Option<String>,
    pub sort: SortKey,
    pub sort_desc: bool,
}

/// How the page sits in another page: read from the link, written back into it, never
/// changed by the reader, so it is not part of the view (`ViewState`) and no `Action`
/// touches it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Embedding {
    /// Rendered inside another page's iframe: chrome is reduced.
    pub embed: bool,
    /// Pym.js child id from the parent page, kept so a reload inside the iframe still
    /// talks to the same parent.
    pub child_id: Option<String>,
    /// Pym.js parent's width at load, kept for the same reason.
    pub initial_width: Option<u32>,
}

impl Embedding {
    /// The embedded view an embed code points at (no Pym ids: the host page adds them).
    pub fn iframe() -> Self {
        Embedding {
            embed: true,
            ..Embedding::default()
        }
    }
}

/// A change the reader asked for. The UI dispatches these; it never edits fields itself,
/// so the URL rules (history, canonical form) hold for every change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    SetLang(Lang),
    SetView(View),
    ToggleSector(String),
    ToggleCounty(String),
    SetCounties(Slugs),
    SetYear(YearFilter),
    SetQuery(String),
    /// A row chosen on a chart or in its table: it becomes the focus, or, when it is the
    /// focus already, the focus is cleared. Decided here, on the state the action meets, so
    /// two quick clicks never both start from the same stale focus.
    ToggleFocus(String),
    /// A second click on the current key reverses the order, as in every spreadsheet.
    SortBy(SortKey),
    /// Clears the filters but keeps what the reader did not choose as a filter: the
    /// language, the tab and the embedding (leaving an iframe's Pym link would break it).
    Reset,
}

impl Action {
    /// Typing fires one action per keystroke; each must not become a history entry.
    pub fn is_typing(&self) -> bool {
        matches!(self, Action::SetQuery(_))
    }
}

/// How the UI should record a change in the browser history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryMode {
    /// A deliberate click: Back should undo it.
    Push,
    /// Typing in the search box: keep the URL current without flooding Back.
    Replace,
}

/// Back and forward are not actions: the UI takes the address bar's state as it is and
/// writes nothing back.
pub fn history_mode(action: &Action) -> HistoryMode {
    if action.is_typing() {
        HistoryMode::Replace
    } else {
        HistoryMode::Push
    }
}

impl ViewState {
    /// Returns the next state rather than mutating, so Yew can compare old and new and
    /// the UI can decide whether the URL changed. Slugs are not validated here: the UI
    /// only offers slugs from the dataset, and links are validated by `decode`.
    pub fn apply(&self, action: Action) -> ViewState {
        let mut next = self.clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::SetView(view) => next.view = view,
            Action::ToggleSector(slug) => toggle(&mut next.sectors, slug),
            Action::ToggleCounty(slug) => toggle(&mut next.counties, slug),
            Action::SetCounties(set) => next.counties = set,
            Action::SetYear(year) => next.year = year,
            Action::SetQuery(text) => {
                next.query = text.chars().take(MAX_QUERY_CHARS).collect();
            }
            Action::ToggleFocus(id) => {
                next.focus = if next.focus.as_ref() == Some(&id) {
                    None
                } else {
                    Some(id)
                };
            }
            Action::SortBy(key) => {
                if next.sort == key {
                    next.sort_desc = !next.sort_desc;
                } else {
                    next.sort = key;
                    next.sort_desc = false;
                }
            }
            Action::Reset => {
                next = ViewState {
                    lang: self.lang,
                    view: self.view,
                    ..ViewState::default()
                };
            }
        }
        next
    }

    /// Whether anything is hidden, so the UI can offer "show all" and say the counts are
    /// partial. Focus and sort hide nothing, so they do not count.
    pub fn is_filtered(&self) -> bool {
        self.filters_on() > 0
    }

    /// How many filters narrow the figures: each sector, each county, a year, a search.
    pub fn filters_on(&self) -> usize {
        self.sectors.len()
            + self.counties.len()
            + usize::from(self.year != YearFilter::Both)
            + usize::from(!self.query.trim().is_empty())
    }
}

fn toggle(set: &mut Slugs, item: String) {
    if !set.remove(&item) {
        set.insert(item);
    }
}

#[cfg(test)]
mod tests;
