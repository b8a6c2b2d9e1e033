use yew::prelude::*;

use super::i18n::tr;
use super::store::{dispatch, StoreHandle};
use crate::data::Dataset;
use crate::present::tab_label;
use crate::state::{Action, View};

/// The views (`View::ALL`), as a tab list that arrow keys move through.
pub fn tabs(data: &Dataset, store: &StoreHandle) -> Html {
    let lang = store.view.lang;
    let current = store.view.view;
    let all = View::ALL.map(|v| (v, tab_label(lang, &data.report, v)));
    let views = all.clone().map(|(v, _)| v);
    let onkeydown = {
        let store = store.clone();
        let all = views;
        Callback::from(move |e: KeyboardEvent| {
            let i = all.iter().position(|v| *v == current).unwrap_or(0);
            let next = match e.key().as_str() {
                "ArrowRight" => (i + 1) % all.len(),
                "ArrowLeft" => (i + all.len() - 1) % all.len(),
                "Home" => 0,
                "End" => all.len() - 1,
                _ => return,
            };
            e.prevent_default();
            dispatch(&store, Action::SetView(all[next]));
            focus_tab(next);
        })
    };
    html! {
        <div class="tabs" role="tablist" aria-label={tr(lang, "视图", "Views")} {onkeydown}>
            { for all.iter().enumerate().map(|(i, (view, label))| {
                let selected = *view == current;
                let onclick = {
                    let store = store.clone();
                    let view = *view;
                    Callback::from(move |_| dispatch(&store, Action::SetView(view)))
                };
                html! {
                    <button type="button" role="tab" id={format!("tab-{i}")} aria-selected={selected.to_string()}
                        aria-controls="panel" tabindex={if selected { "0" } else { "-1" }} {onclick}>
                        { label.clone() }
                    </button>
                }
            }) }
        </div>
    }
}

fn focus_tab(i: usize) {
    use wasm_bindgen::JsCast;
    if let Some(el) = gloo::utils::document()
        .get_element_by_id(&format!("tab-{i}"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
