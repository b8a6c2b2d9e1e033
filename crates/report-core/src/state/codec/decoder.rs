//! Reading a query string key by key, keeping what it understands.

use super::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Key {
    Lang,
    Tab,
    Sector,
    County,
    Year,
    Q,
    Focus,
    Sort,
    Embed,
    ChildId,
    InitialWidth,
}

impl Key {
    pub(super) fn parse(key: &str) -> Option<Key> {
        Some(match key {
            "lang" => Key::Lang,
            "tab" => Key::Tab,
            "sector" => Key::Sector,
            "county" => Key::County,
            "year" => Key::Year,
            "q" => Key::Q,
            "focus" => Key::Focus,
            "sort" => Key::Sort,
            "embed" => Key::Embed,
            "childId" => Key::ChildId,
            "initialWidth" => Key::InitialWidth,
            _ => return None,
        })
    }
}

pub(super) struct Decoder<'d> {
    pub(super) data: &'d Dataset,
    pub(super) state: ViewState,
    pub(super) embedding: Embedding,
    pub(super) notices: Vec<Notice>,
    pub(super) seen: Vec<Key>,
}

impl Decoder<'_> {
    pub(super) fn notice(&mut self, key: &str, value: &str, reason: NoticeReason) {
        self.notices.push(Notice {
            key: for_display(key),
            value: for_display(value),
            reason,
        });
    }

    pub(super) fn parameter(&mut self, segment: &str) {
        let (raw_key, raw_value, bare) = match segment.split_once('=') {
            Some((k, v)) => (k, v, false),
            None => (segment, "", true),
        };
        let Some(name) = percent_decode(raw_key) else {
            self.notice(raw_key, raw_value, NoticeReason::BadEncoding);
            return;
        };
        let Some(key) = Key::parse(&name) else {
            if !PYM_IGNORED.contains(&name.as_str()) {
                let shown = percent_decode(raw_value).unwrap_or_else(|| raw_value.to_owned());
                self.notice(&name, &shown, NoticeReason::UnknownKey);
            }
            return;
        };
        let Some(value) = percent_decode(raw_value) else {
            self.notice(&name, raw_value, NoticeReason::BadEncoding);
            return;
        };
        let value = if bare && key == Key::Embed {
            "1"
        } else {
            value.trim()
        };
        if value.is_empty() {
            return;
        }
        if self.seen.contains(&key) {
            self.notice(&name, value, NoticeReason::Repeated);
            return;
        }
        self.seen.push(key);
        let too_long = match key {
            Key::Q => value.chars().count() > MAX_QUERY_CHARS,
            Key::ChildId => value.chars().count() > MAX_CHILD_ID_CHARS,
            _ => value.len() > MAX_VALUE_BYTES,
        };
        if too_long {
            self.notice(&name, value, NoticeReason::TooLong);
            return;
        }
        if !self.set(key, value) {
            self.notice(&name, value, NoticeReason::UnknownValue);
        }
    }

    /// Applies one trimmed, non-empty value; false when it is not a value of that key.
    pub(super) fn set(&mut self, key: Key, value: &str) -> bool {
        let lower = value.to_ascii_lowercase();
        let state = &mut self.state;
        match key {
            Key::Lang => match Lang::ALL.into_iter().find(|l| l.slug() == lower) {
                Some(lang) => state.lang = lang,
                None => return false,
            },
            Key::Tab => match View::ALL.into_iter().find(|v| v.slug() == lower) {
                Some(view) => state.view = view,
                None => return false,
            },
            Key::Year => {
                let by_year = lower.parse::<u16>().ok().and_then(|y| self.data.period(y));
                state.year = match (lower.as_str(), by_year) {
                    (_, Some(Period::Review)) | ("review", _) => YearFilter::Review,
                    (_, Some(Period::Plan)) | ("plan", _) => YearFilter::Plan,
                    ("both", _) => YearFilter::Both,
                    _ => return false,
                }
            }
            Key::Sort => {
                let (desc, name) = match lower.strip_prefix('-') {
                    Some(name) => (true, name),
                    None => (false, lower.as_str()),
                };
                match SortKey::ALL.into_iter().find(|k| k.slug() == name) {
                    Some(sort) => (state.sort, state.sort_desc) = (sort, desc),
                    None => return false,
                }
            }
            Key::Embed => {
                self.embedding.embed = match lower.as_str() {
                    "1" | "true" | "yes" | "on" => true,
                    "0" | "false" | "no" | "off" => false,
                    _ => return false,
                }
            }
            Key::Q => state.query = value.to_owned(),
            Key::Focus => match focus_id(self.data, value) {
                Some(id) => state.focus = Some(id.to_owned()),
                None => return false,
            },
            Key::ChildId => {
                let valid = value
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
                if !valid {
                    return false;
                }
                self.embedding.child_id = Some(value.to_owned());
            }
            Key::InitialWidth => {
                match value
                    .bytes()
                    .all(|b| b.is_ascii_digit())
                    .then(|| value.parse::<u32>())
                {
                    Some(Ok(width)) => self.embedding.initial_width = Some(width),
                    _ => return false,
                }
            }
            Key::Sector | Key::County => self.set_list(key, value),
        }
        true
    }

    /// Keeps each known item and reports each unknown one, so one typo in a shared link
    /// does not throw away the reader's other choices.
    pub(super) fn set_list(&mut self, key: Key, value: &str) {
        let name = if key == Key::Sector {
            "sector"
        } else {
            "county"
        };
        // Called once per key (repeats are refused before): the query's list replaces
        // whatever the base state (a page path) had.
        if key == Key::Sector {
            self.state.sectors.clear();
        } else {
            self.state.counties.clear();
        }
        for item in value.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            let slug = if key == Key::Sector {
                sector_slug(self.data, item)
            } else {
                county_slug(self.data, item)
            };
            match slug {
                Some(slug) => {
                    let slug = slug.to_owned();
                    let set = if key == Key::Sector {
                        &mut self.state.sectors
                    } else {
                        &mut self.state.counties
                    };
                    set.insert(slug);
                }
                None => self.notice(name, item, NoticeReason::UnknownValue),
            }
        }
    }
}
