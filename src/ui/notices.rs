//! A polite note about the parts of a link that were ignored.

use yew::prelude::*;

use super::i18n::tr;
use super::store::{Msg, StoreHandle};
use crate::state::NoticeReason;

pub fn notices(store: &StoreHandle) -> Html {
    let lang = store.view.lang;
    let notices = &store.notices;
    if notices.is_empty() {
        return html! {};
    }
    let dismiss = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Msg::DismissNotices))
    };
    html! {
        <section class="notice" role="status" aria-label={tr(lang, "链接提示", "Link notice")}>
            <p>{ tr(lang, "链接中有部分内容无法识别，已忽略，其余视图照常显示：", "Parts of this link were not understood and were ignored; the rest of the view is shown:") }</p>
            <ul>
                { for notices.iter().map(|n| {
                    let why = match n.reason {
                        NoticeReason::UnknownKey => tr(lang, "未知参数", "unknown parameter"),
                        NoticeReason::UnknownValue => tr(lang, "未知取值", "unknown value"),
                        NoticeReason::Repeated => tr(lang, "重复参数", "repeated parameter"),
                        NoticeReason::TooLong => tr(lang, "内容过长", "too long"),
                        NoticeReason::BadEncoding => tr(lang, "编码错误", "broken encoding"),
                    };
                    html! { <li><code>{ &n.key }</code>{ if n.value.is_empty() { String::new() } else { format!(" = “{}”", n.value) } }{ format!(" — {why}") }</li> }
                }) }
            </ul>
            <button type="button" onclick={dismiss}>{ tr(lang, "知道了", "Dismiss") }</button>
        </section>
    }
}
