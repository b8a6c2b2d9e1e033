//! Work a reader does not wait for, moved after the frame that shows a change: the
//! address bar's history entry and the share panel's links and codes. The frame after a
//! filter change carries the whole view (chart, summary, count, table twin), and these
//! follow one frame later (docs/performance.md, "Speed work").

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// A closure waiting for the next frame to be presented. One at a time: a newer one
/// replaces it, or [`flush`] runs it first.
pub type Pending = Rc<RefCell<Option<Box<dyn FnOnce()>>>>;

/// Runs `work` in the first task after the next frame has been presented, unless it is
/// flushed, cancelled or replaced before.
pub fn after_next_frame(pending: &Pending, work: Box<dyn FnOnce()>) {
    *pending.borrow_mut() = Some(work);
    let slot = pending.clone();
    // rAF runs before the frame's rendering; the timer task it starts runs after it.
    let requested = at_next_frame(Box::new(move || {
        gloo::timers::callback::Timeout::new(0, move || flush(&slot)).forget();
    }));
    if !requested {
        flush(pending);
    }
}

/// Runs `work` at the start of the next frame, before its style and layout
/// (`requestAnimationFrame`); false where no frame can be asked for. (One boxed type for
/// every caller: each closure type given to `once_into_js` is its own code in the wasm.)
pub fn at_next_frame(work: Box<dyn FnOnce()>) -> bool {
    let frame = wasm_bindgen::closure::Closure::once_into_js(work);
    web_sys::window().is_some_and(|w| w.request_animation_frame(frame.unchecked_ref()).is_ok())
}

/// Runs the waiting closure now, if there is one.
pub fn flush(pending: &Pending) {
    let work = pending.borrow_mut().take();
    if let Some(work) = work {
        work();
    }
}

/// Drops the waiting closure, if there is one.
pub fn cancel(pending: &Pending) {
    pending.borrow_mut().take();
}

/// `value` as it was before the latest frame: it takes each new value in the task after
/// the frame that showed it elsewhere on the page, so whatever renders from it is left
/// out of that frame. A value that changes back before the frame is never shown.
/// (Scheduled from the render rather than an effect: an effect would clone the value on
/// every render to compare it, and a state hook would add its own copy of Yew's reducer
/// code for the type to the wasm.)
#[hook]
pub fn use_after_frame<T: Clone + PartialEq + 'static>(value: &T) -> T {
    let shown = use_mut_ref(|| value.clone());
    let pending: Pending = use_mut_ref(|| None);
    let rerender = use_force_update();
    let current = shown.borrow().clone();
    if current == *value {
        cancel(&pending);
    } else {
        let value = value.clone();
        after_next_frame(
            &pending,
            Box::new(move || {
                *shown.borrow_mut() = value;
                rerender.force_update();
            }),
        );
    }
    current
}
