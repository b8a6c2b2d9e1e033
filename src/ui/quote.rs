//! A source quote: always the report's Chinese, marked as such, with an English label.

use yew::prelude::*;

use super::i18n::tr;
use crate::state::Lang;

/// A plain function, not a component: it has no state, and each component type costs
/// the wasm a few kilobytes of generic code.
pub fn quote(text: &str, lang: Lang) -> Html {
    html! {
        <blockquote class="quote">
            <span class="quote-label">{ tr(lang, "报告原文：", "Report text (Chinese): ") }</span>
            <q lang="zh-Hans">{ text }</q>
        </blockquote>
    }
}
