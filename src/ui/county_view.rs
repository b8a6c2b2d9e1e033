//! Everything the report says about the chosen counties: figures and mentions, by part of
//! the report, as the sector, year and search filters narrow it. One section per county.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::i18n::{county_name, indicator, is_en, tr, value_label, year_label};
use super::quote::quote;
use crate::data::{County, Dataset, Figure, Mention, Period};
use crate::state::{county_sections, CountyContent, Lang, Slugs, ViewState};

/// The county tab for `view`; the picker asks `on_counties` for the one county chosen.
pub fn county_view(data: &Dataset, view: &ViewState, on_counties: &Callback<Slugs>) -> Html {
    let lang = view.lang;
    let sections = county_sections(data, view);
    // The picker names a county only when exactly one is chosen; with several (from the
    // filters) it shows its placeholder rather than one of them.
    let only = match sections.as_slice() {
        [(c, _)] => Some(c.slug.clone()),
        _ => None,
    };
    let onchange = on_counties.reform(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        let value = select.value();
        if value.is_empty() {
            Slugs::default()
        } else {
            [value].into_iter().collect()
        }
    });
    // The picker chooses one county; several come from the filters' county list or map.
    let picker = html! {
        <div class="county-picker">
            <label for="county-select">{ tr(lang, "选择县（市）", "Choose a county") }</label>
            <select id="county-select" {onchange}>
                <option value="" selected={only.is_none()}>{ tr(lang, "—— 请选择 ——", "— choose —") }</option>
                { for data.taxonomy.counties.iter().map(|c| html! {
                    <option value={c.slug.clone()} selected={only.as_deref() == Some(c.slug.as_str())}>{ county_name(lang, data, &c.slug) }</option>
                }) }
            </select>
        </div>
    };
    if sections.is_empty() {
        return html! {
            <section aria-labelledby="county-title">
                <h2 id="county-title">{ tr(lang, "按县查看", "By county") }</h2>
                { picker }
                <p class="summary">{ tr(lang, "选择一个县（市），查看报告对它的全部表述。", "Choose a county to see everything the report says about it.") }</p>
            </section>
        };
    }
    let title = if sections.len() == 1 {
        county_name(lang, data, &sections[0].0.slug).to_string()
    } else if is_en(lang) {
        format!("{} counties", sections.len())
    } else {
        format!("{}个县（市）", sections.len())
    };
    let filtered = view.year != Default::default()
        || !view.sectors.is_empty()
        || !view.query.trim().is_empty();
    html! {
        <section aria-labelledby="county-title">
            <h2 id="county-title">{ title }</h2>
            { picker }
            if filtered {
                <p class="muted">{ tr(lang, "按当前的领域、年份和搜索条件筛选。", "Narrowed by the current sector, year and search filters.") }</p>
            }
            { for sections.iter().map(|(county, content)| section(data, lang, county, content, sections.len() > 1)) }
        </section>
    }
}

fn section(
    data: &Dataset,
    lang: Lang,
    county: &County,
    content: &CountyContent,
    many: bool,
) -> Html {
    let name = county_name(lang, data, &county.slug);
    let r = &data.report;
    // One county keeps the page's heading levels (its name is the h2); several nest one
    // level deeper under their names.
    let (part_tag, year_tag) = if many { ("h4", "h5") } else { ("h3", "h4") };
    let figures = |period: Period, list: &[&Figure]| {
        html! {
            <section>
                <@{year_tag}>{ year_label(lang, r, period) }{ format!(" · {}", list.len()) }</@>
                if list.is_empty() { <p class="muted">{ tr(lang, "报告没有给出该县的数字。", "The report gives no figure for this county.") }</p> }
                <ul class="facts">{ for list.iter().map(|f| html! {
                    <li><strong>{ indicator(lang, f) }{ "：" }{ value_label(lang, f) }</strong>{ quote(&f.quote, lang) }</li>
                }) }</ul>
            </section>
        }
    };
    let mentions = |period: Period, list: &[&Mention]| {
        html! {
            <section>
                <@{year_tag}>{ year_label(lang, r, period) }{ format!(" · {}", list.len()) }</@>
                if list.is_empty() { <p class="muted">{ tr(lang, "没有提及。", "No mention.") }</p> }
                <ul class="facts">{ for list.iter().map(|m| html! {
                    <li><strong>{ if is_en(lang) { &m.gist.en } else { &m.gist.zh } }</strong>{ quote(&m.quote, lang) }</li>
                }) }</ul>
            </section>
        }
    };
    html! {
        <section class="county">
            if many {
                <h3 class="county-name">{ name }</h3>
            }
            if !content.has_growth_rates {
                <p class="summary">{ if is_en(lang) { format!("The report gives no county-level growth rates for {name}.") } else { format!("报告没有给出{name}的县级增速数据。") } }</p>
            }
            <@{part_tag}>{ tr(lang, "数字", "Figures") }</@>
            <div class="years">
                { for content.parts.iter().map(|p| figures(p.period, &p.figures)) }
            </div>
            <@{part_tag}>{ tr(lang, "报告提及", "Mentions in the report") }</@>
            <div class="years">
                { for content.parts.iter().map(|p| mentions(p.period, &p.mentions)) }
            </div>
        </section>
    }
}
