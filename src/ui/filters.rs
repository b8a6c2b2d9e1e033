//! Sector, county, year and text filters, the live count and the reset.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::i18n::{county_name, sector_name, tr, year_filter_label};
use super::tile_map::tile_map;
use crate::data::Period;
use crate::present;
use crate::state::{matching_figures, Action, ViewState, YearFilter};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub view: Rc<ViewState>,
    /// The filters' changes: sectors and counties toggled, the year, the search, reset.
    pub on_action: Callback<Action>,
    /// Whether the filters start folded away: on a narrow screen (`layout::stacked`), the
    /// chart comes first, also when a link chose some filters (the fold's label says how
    /// many are on).
    pub folded: bool,
}

#[function_component(Filters)]
pub fn filters(props: &Props) -> Html {
    let view: &ViewState = &props.view;
    let act = &props.on_action;
    let lang = view.lang;
    let data = super::data();
    let count = matching_figures(data, view).len();
    let open = use_state(|| !props.folded);

    let sectors = data.taxonomy.sectors.iter().map(|s| {
        let checked = view.sectors.contains(&s.slug);
        let onchange = {
            let slug = s.slug.clone();
            act.reform(move |_| Action::ToggleSector(slug.clone()))
        };
        html! {
            <label class="check">
                <input type="checkbox" {checked} {onchange} />
                { sector_name(lang, data, &s.slug) }
            </label>
        }
    });
    let counties = data.taxonomy.counties.iter().map(|c| {
        let checked = view.counties.contains(&c.slug);
        let onchange = {
            let slug = c.slug.clone();
            act.reform(move |_| Action::ToggleCounty(slug.clone()))
        };
        html! {
            <label class="check">
                <input type="checkbox" {checked} {onchange} />
                { county_name(lang, data, &c.slug) }
            </label>
        }
    });
    let years = [
        (YearFilter::Both, tr(lang, "两年", "Both years").to_string()),
        (
            YearFilter::Review,
            year_filter_label(lang, &data.report, Period::Review),
        ),
        (
            YearFilter::Plan,
            year_filter_label(lang, &data.report, Period::Plan),
        ),
    ]
    .into_iter()
    .map(|(year, label)| {
        let onchange = act.reform(move |_| Action::SetYear(year));
        html! {
            <label class="check">
                <input type="radio" name="year" checked={view.year == year} {onchange} />
                { label }
            </label>
        }
    });
    let oninput = act.reform(|e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        Action::SetQuery(input.value())
    });
    let reset = act.reform(|_| Action::Reset);
    let count_text = present::count_text(lang, count, data.figures.len());
    html! {
        <aside class="filters" aria-label={tr(lang, "筛选", "Filters")}>
            <h2>{ tr(lang, "筛选", "Filters") }</h2>
            <p class="count" aria-live="polite">{ count_text }</p>
            <details class="filter-box" open={*open}>
            <summary>{ present::filter_box_label(lang, if view.is_filtered() { view.filters_on() } else { 0 }) }</summary>
            <button type="button" class="reset" onclick={reset} disabled={!view.is_filtered()}>
                { tr(lang, "重置全部筛选", "Reset all filters") }
            </button>
            <div class="search">
                <label for="search">{ tr(lang, "搜索指标或原文", "Search indicators and quotes") }</label>
                <input id="search" type="search" value={view.query.clone()} {oninput}
                    maxlength="100" autocomplete="off"
                    placeholder={present::search_placeholder(lang, &data.report)} />
            </div>
            <fieldset>
                <legend>{ tr(lang, "年份", "Year") }</legend>
                { for years }
            </fieldset>
            <fieldset>
                <legend>{ tr(lang, "领域（可多选）", "Sectors (choose any)") }</legend>
                { for sectors }
            </fieldset>
            <fieldset>
                <legend>{ tr(lang, "县（市）（可多选）", "Counties (choose any)") }</legend>
                { tile_map(data, lang, &view.counties, &act.reform(Action::ToggleCounty)) }
                <details class="county-list">
                    <summary>{ tr(lang, "按名称选择", "Choose by name") }</summary>
                    { for counties }
                </details>
            </fieldset>
            </details>
        </aside>
    }
}
