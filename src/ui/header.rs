use yew::prelude::*;

use super::i18n::tr;
use super::store::{dispatch, StoreHandle};
use crate::state::{Action, Lang};

pub fn header(store: &StoreHandle) -> Html {
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
                <h1>{ tr(lang, "阿坝州2024年政府工作报告数据浏览", "Aba Prefecture 2024 Work Report Explorer") }</h1>
                <p class="source">
                    { tr(lang, "来源：阿坝藏族羌族自治州2024年政府工作报告。每个数字都附有报告原文。",
                              "Source: the 2024 Government Work Report of Aba Tibetan and Qiang Autonomous Prefecture. Every number links to its sentence in the report.") }
                </p>
            </div>
            <button type="button" class="lang-switch" onclick={switch}
                lang={if other == Lang::En { "en" } else { "zh-Hans" }}>
                { if other == Lang::En { "English" } else { "中文" } }
            </button>
        </header>
    }
}
