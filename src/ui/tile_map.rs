//! The report's counties as tiles, laid out roughly as they sit on the map (north at the
//! top), on the grid their positions in the manifest span. Positions and the grid's size
//! are data attributes, not classes: a dynamic `class` costs Yew's `Classes` set (about
//! 1 KB of wasm) and the strict style-src allows no inline style.

use yew::prelude::*;

use super::i18n::{is_en, tr};
use crate::data::Dataset;
use crate::state::{Lang, Slugs};

/// The tiles, pressed for the `chosen` counties; a click asks `on_toggle` to toggle one.
pub fn tile_map(data: &Dataset, lang: Lang, chosen: &Slugs, on_toggle: &Callback<String>) -> Html {
    let counties = &data.taxonomy.counties;
    let cols = counties.iter().map(|c| c.col + 1).max().unwrap_or(1);
    let rows = counties.iter().map(|c| c.row + 1).max().unwrap_or(1);
    let tiles = data.taxonomy.counties.iter().map(|c| {
        let pressed = chosen.contains(&c.slug);
        let onclick = {
            let slug = c.slug.clone();
            on_toggle.reform(move |_| slug.clone())
        };
        let name = if is_en(lang) { c.en.as_str() } else { c.short.as_str() };
        let full = if is_en(lang) { c.en.as_str() } else { c.zh.as_str() };
        html! {
            <button type="button" class="tile" data-col={c.col.to_string()} data-row={c.row.to_string()}
                aria-pressed={pressed.to_string()} title={full.to_string()} aria-label={full.to_string()} {onclick}>
                { name }
            </button>
        }
    });
    html! {
        <div class="tile-map" data-cols={cols.to_string()} data-rows={rows.to_string()} role="group" aria-label={tr(lang, "县（市）地图", "County map")}>
            { for tiles }
        </div>
    }
}
