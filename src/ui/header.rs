use yew::prelude::*;

use super::store::{dispatch, StoreHandle};
use crate::data::Dataset;
use crate::present::{app_title, header_source};
use crate::state::{Action, Lang};

pub fn header(data: &Dataset, store: &StoreHandle) -> Html {
    let lang = store.view.lang;
    let other = match lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    let switch = {
        let store = store.clone();
        Callback::from(move |_| dispatch(&store, Action::SetLang(other)))
    };
    html! {
        <header class="top">
            <div>
                <h1>{ app_title(lang, &data.report) }</h1>
                <p class="source">{ header_source(lang, &data.report) }</p>
            </div>
            <button type="button" class="lang-switch" onclick={switch}
                lang={if other == Lang::En { "en" } else { "zh-Hans" }}>
                { if other == Lang::En { "English" } else { "中文" } }
            </button>
        </header>
    }
}
