//! Copying a share field's text: with the Clipboard API, or, where that is refused, by
//! selecting the field for Ctrl+C.

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::UseStateHandle;

/// What the last copy did, for the status line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Copied {
    /// The text is on the clipboard: which field's.
    Done(Field),
    /// The Clipboard API was refused: the text is selected for Ctrl+C.
    Selected,
}

/// The share panel's copyable fields, by their element id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Link,
    EmbedCode,
    ScriptCode,
}

impl Field {
    pub fn id(self) -> &'static str {
        match self {
            Field::Link => "share-link",
            Field::EmbedCode => "embed-code",
            Field::ScriptCode => "script-embed-code",
        }
    }
}

/// Copies with the Clipboard API; where that is refused, selects the text for Ctrl+C.
pub fn copy(text: String, field: Field, done: UseStateHandle<Option<Copied>>) {
    let field_id = field.id();
    let select = move || {
        let el = gloo::utils::document().get_element_by_id(field_id);
        if let Some(input) = el
            .clone()
            .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        {
            let _ = input.focus();
            input.select();
        } else if let Some(area) = el.and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok()) {
            let _ = area.focus();
            area.select();
        }
    };
    let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
    match clipboard {
        Some(cb) => {
            let promise = cb.write_text(&text);
            wasm_bindgen_futures::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(promise).await {
                    Ok(_) => done.set(Some(Copied::Done(field))),
                    Err(_) => {
                        select();
                        done.set(Some(Copied::Selected));
                    }
                }
            });
        }
        None => {
            select();
            done.set(Some(Copied::Selected));
        }
    }
}
