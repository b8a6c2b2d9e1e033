use yew::prelude::*;

use super::i18n::tr;
use crate::data::Dataset;
use crate::present::tab_label;
use crate::state::{Lang, View};

/// The views (`View::ALL`), as a tab list that arrow keys move through; a tab chosen asks
/// `on_view` for it.
pub fn tabs(data: &Dataset, lang: Lang, current: View, on_view: &Callback<View>) -> Html {
    let all = View::ALL.map(|v| (v, tab_label(lang, &data.report, v)));
    let views = all.clone().map(|(v, _)| v);
    let onkeydown = {
        let on_view = on_view.clone();
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
            on_view.emit(all[next]);
            focus_tab(next);
        })
    };
    html! {
        <div class="tabs" role="tablist" aria-label={tr(lang, "视图", "Views")} {onkeydown}>
            { for all.iter().enumerate().map(|(i, (view, label))| {
                let selected = *view == current;
                let onclick = {
                    let view = *view;
                    on_view.reform(move |_| view)
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
