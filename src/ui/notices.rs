//! A polite note about the parts of a link that were ignored.

use yew::prelude::*;

use super::i18n::tr;
use crate::state::{Lang, Notice, NoticeReason};

/// The notes about a link's ignored parts, if any, with a button that asks `dismiss` to
/// clear them.
pub fn notices(lang: Lang, notices: &[Notice], dismiss: &Callback<MouseEvent>) -> Html {
    if notices.is_empty() {
        return html! {};
    }
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
            <button type="button" onclick={dismiss.clone()}>{ tr(lang, "知道了", "Dismiss") }</button>
        </section>
    }
}
