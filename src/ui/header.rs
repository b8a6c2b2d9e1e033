use yew::prelude::*;

use crate::data::Dataset;
use crate::present::{app_title, header_source};
use crate::state::Lang;

/// The page's title and source, and the language switch, which asks `on_lang` for the
/// other language.
pub fn header(data: &Dataset, lang: Lang, on_lang: &Callback<Lang>) -> Html {
    let other = match lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    let switch = on_lang.reform(move |_| other);
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
