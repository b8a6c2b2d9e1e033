//! Everything the report says about one county: figures and mentions, both years.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::i18n::{county_name, indicator, is_en, tr, value_label, year_label};
use super::quote::quote;
use super::store::{dispatch, StoreHandle};
use crate::data::{Dataset, Figure, Mention};
use crate::state::{county_content, Action};

pub fn county_view(store: &StoreHandle) -> Html {
    let view = &store.view;
    let lang = view.lang;
    let data = Dataset::embedded();
    let chosen = view.counties.iter().next().cloned();
    let onchange = {
        let store = store.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let value = select.value();
            let set = if value.is_empty() {
                Default::default()
            } else {
                [value].into_iter().collect()
            };
            dispatch(&store, Action::SetCounties(set));
        })
    };
    let picker = html! {
        <div class="county-picker">
            <label for="county-select">{ tr(lang, "选择县（市）", "Choose a county") }</label>
            <select id="county-select" {onchange}>
                <option value="" selected={chosen.is_none()}>{ tr(lang, "—— 请选择 ——", "— choose —") }</option>
                { for data.taxonomy.counties.iter().map(|c| html! {
                    <option value={c.slug.clone()} selected={chosen.as_deref() == Some(c.slug.as_str())}>{ county_name(lang, data, &c.slug) }</option>
                }) }
            </select>
        </div>
    };
    let Some(slug) = chosen else {
        return html! {
            <section aria-labelledby="county-title">
                <h2 id="county-title">{ tr(lang, "按县查看", "By county") }</h2>
                { picker }
                <p class="summary">{ tr(lang, "选择一个县（市），查看报告对它的全部表述。", "Choose a county to see everything the report says about it.") }</p>
            </section>
        };
    };
    let content = county_content(data, &slug);
    let name = county_name(lang, data, &slug);
    let others = view.counties.len() - 1;
    let figures = |year: u16, list: &[&Figure]| {
        html! {
            <section>
                <h4>{ year_label(lang, year) }{ format!(" · {}", list.len()) }</h4>
                if list.is_empty() { <p class="muted">{ tr(lang, "报告没有给出该县的数字。", "The report gives no figure for this county.") }</p> }
                <ul class="facts">{ for list.iter().map(|f| html! {
                    <li><strong>{ indicator(lang, f) }{ "：" }{ value_label(lang, f) }</strong>{ quote(&f.quote, lang) }</li>
                }) }</ul>
            </section>
        }
    };
    let mentions = |year: u16, list: &[&Mention]| {
        html! {
            <section>
                <h4>{ year_label(lang, year) }{ format!(" · {}", list.len()) }</h4>
                if list.is_empty() { <p class="muted">{ tr(lang, "没有提及。", "No mention.") }</p> }
                <ul class="facts">{ for list.iter().map(|m| html! {
                    <li><strong>{ if is_en(lang) { &m.gist.en } else { &m.gist.zh } }</strong>{ quote(&m.quote, lang) }</li>
                }) }</ul>
            </section>
        }
    };
    html! {
        <section aria-labelledby="county-title">
            <h2 id="county-title">{ name }</h2>
            { picker }
            if others > 0 {
                <p class="muted">{ if is_en(lang) { format!("Showing the first of {} chosen counties.", others + 1) } else { format!("已选{}个县，此处显示第一个。", others + 1) } }</p>
            }
            if !content.has_growth_rates {
                <p class="summary">{ if is_en(lang) { format!("The report gives no county-level growth rates for {name}.") } else { format!("报告没有给出{name}的县级增速数据。") } }</p>
            }
            <h3>{ tr(lang, "数字", "Figures") }</h3>
            <div class="years">
                { figures(2023, &content.figures_2023) }
                { figures(2024, &content.figures_2024) }
            </div>
            <h3>{ tr(lang, "报告提及", "Mentions in the report") }</h3>
            <div class="years">
                { mentions(2023, &content.mentions_2023) }
                { mentions(2024, &content.mentions_2024) }
            </div>
        </section>
    }
}
