//! A source quote: always the report's Chinese, marked as such, with an English label.

use yew::prelude::*;

use super::i18n::tr;
use crate::state::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub text: AttrValue,
    pub lang: Lang,
}

#[function_component(Quote)]
pub fn quote(props: &Props) -> Html {
    html! {
        <blockquote class="quote">
            <span class="quote-label">{ tr(props.lang, "报告原文：", "Report text (Chinese): ") }</span>
            <q lang="zh-Hans">{ props.text.clone() }</q>
        </blockquote>
    }
}
