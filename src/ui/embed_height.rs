//! In embed mode, tells the host page our height on load and whenever it changes. It
//! only sends; it registers no message listener, so it never acts on a host's messages.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::embed::{amp_message, datawrapper_message, pym_message, DEFAULT_EMBED_ID};

fn post_height(child_id: Option<&str>, last: &mut u32) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return; // not in a frame
    }
    // The body's height, not the root's: the root's scrollHeight is never less than the
    // iframe's own height, so an iframe taller than its content would never shrink.
    let Some(body) = window.document().and_then(|d| d.body()) else {
        return;
    };
    let height = body.scroll_height().max(0) as u32;
    if height == *last {
        return;
    }
    *last = height;
    let id = child_id.unwrap_or(DEFAULT_EMBED_ID);
    // Datawrapper and AMP listeners expect objects, Pym.js a string. The height is not a
    // secret, and an embed cannot know its host's origin, hence "*".
    for json in [datawrapper_message(id, height), amp_message(height)] {
        if let Ok(object) = js_sys::JSON::parse(&json) {
            let _ = parent.post_message(&object, "*");
        }
    }
    if let Some(child) = child_id {
        let _ = parent.post_message(&pym_message(child, height).into(), "*");
    }
}

#[hook]
pub fn use_embed_height(enabled: bool, child_id: Option<String>) {
    use_effect_with((enabled, child_id), |(enabled, child_id)| {
        let mut cleanup: Option<(web_sys::ResizeObserver, Closure<dyn FnMut()>)> = None;
        if *enabled {
            let child = child_id.clone();
            let mut last = 0u32;
            let callback =
                Closure::<dyn FnMut()>::new(move || post_height(child.as_deref(), &mut last));
            if let (Ok(observer), Some(root)) = (
                web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()),
                web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.body()),
            ) {
                observer.observe(&root);
                cleanup = Some((observer, callback));
            }
        }
        move || {
            if let Some((observer, _callback)) = cleanup {
                observer.disconnect();
            }
        }
    });
}
