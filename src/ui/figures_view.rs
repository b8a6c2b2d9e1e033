//! Every matching figure as a sortable table; each quote opens into its sentence.

use std::rc::Rc;

use yew::prelude::*;

use super::i18n::{county_name, indicator, record_year_label, sector_name, tr, value_label};
use crate::present::{column_header, Column};
use crate::state::{matching_figures, Slugs, SortKey, ViewState};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub view: Rc<ViewState>,
    /// A column header clicked: sort by it (again: the other way round).
    pub on_sort: Callback<SortKey>,
}

#[function_component(FiguresView)]
pub fn figures_view(props: &Props) -> Html {
    let view: &ViewState = &props.view;
    let lang = view.lang;
    let data = super::data();
    let figures = matching_figures(data, view);
    // The figure ids whose context is open, in the view filters' sorted set: a hash set's
    // or a B-tree's code would cost the wasm more.
    let open = use_state(Slugs::new);
    let header = |key: SortKey, label: &'static str| {
        let sorted = view.sort == key;
        let aria = match (sorted, view.sort_desc) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        };
        let onclick = props.on_sort.reform(move |_| key);
        html! {
            <th scope="col" aria-sort={aria}>
                <button type="button" class="sort" {onclick}>{ label }{ if sorted { if view.sort_desc { " ▼" } else { " ▲" } } else { "" } }</button>
            </th>
        }
    };
    html! {
        <section aria-labelledby="figures-title">
            <h2 id="figures-title">{ tr(lang, "报告中的全部数字", "Every figure in the report") }</h2>
            <p class="summary">{ crate::present::figures_summary_text(lang, figures.len()) }</p>
            <div class="table-scroll">
            <table class="figures">
                <caption>{ tr(lang, "数字一览（点击表头排序）", "Figures (sort by a column header)") }</caption>
                <thead><tr>
                    { header(SortKey::Year, column_header(lang, Column::Year)) }
                    { header(SortKey::Sector, column_header(lang, Column::Sector)) }
                    <th scope="col">{ column_header(lang, Column::Indicator) }</th>
                    { header(SortKey::Value, column_header(lang, Column::Value)) }
                    <th scope="col">{ column_header(lang, Column::Source) }</th>
                </tr></thead>
                <tbody>
                { for figures.iter().map(|f| {
                    let is_open = open.contains(&f.id);
                    let toggle = {
                        let open = open.clone();
                        let id = f.id.clone();
                        Callback::from(move |_| {
                            let mut set = (*open).clone();
                            if !set.remove(&id) { set.insert(id.clone()); }
                            open.set(set);
                        })
                    };
                    let focused = view.focus.as_deref() == Some(f.id.as_str());
                    let counties = f.counties.iter().map(|c| county_name(lang, data, c)).collect::<Vec<_>>().join(tr(lang, "、", ", "));
                    html! {
                        <tr id={format!("fig-{}", f.id)} data-selected={focused.then_some("")}>
                            <td>{ record_year_label(lang, &data.report, f.year) }</td>
                            <td>{ sector_name(lang, data, &f.sector) }</td>
                            <th scope="row">{ indicator(lang, f) }
                                if !counties.is_empty() { <span class="counties">{ " · " }{ counties }</span> }
                            </th>
                            <td class="num">{ value_label(lang, f) }{ if f.estimate { tr(lang, "（预计）", " (est.)") } else { "" } }</td>
                            <td class="quote-cell">
                                <q lang="zh-Hans">{ if is_open { data.context_of(&f.quote).unwrap_or(&f.quote).to_string() } else { f.quote.clone() } }</q>
                                <button type="button" class="context" aria-expanded={is_open.to_string()} onclick={toggle}>
                                    { if is_open { tr(lang, "收起", "Less") } else { tr(lang, "上下文", "Context") } }
                                </button>
                            </td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            </div>
        </section>
    }
}
