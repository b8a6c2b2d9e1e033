//! The pointer and the keys on the chart: mapped back to rows through the last drawing's
//! hit map (the rows under the pointer, and the rows' order for the keys).

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use wasm_bindgen::JsCast;

use super::measure;
use super::painter::Painter;

/// The chart box's listeners.
pub struct Listeners {
    pub pointermove: Callback<PointerEvent>,
    pub pointerleave: Callback<PointerEvent>,
    pub click: Callback<MouseEvent>,
    pub keydown: Callback<KeyboardEvent>,
}

/// The row a key moves from. A key writes where it moved at once: Yew renders the change
/// in a later task, which the browser may run after the next key press (input goes
/// before timers once Yew's scheduler has yielded), so two quick presses read from props
/// alone would both start from the old row. Each render sets it back to the state's row.
pub type KeyRow = Rc<RefCell<Option<String>>>;

pub fn listeners(
    painter: &Rc<RefCell<Painter>>,
    hovered: Option<String>,
    key_row: &KeyRow,
    on_hover: &Callback<Option<String>>,
    on_select: &Callback<String>,
) -> Listeners {
    let row_at = {
        let painter = painter.clone();
        move |e: &MouseEvent| {
            painter
                .borrow()
                .hits
                .row_at_css(f64::from(e.offset_x()), f64::from(e.offset_y()))
                .map(str::to_string)
        }
    };
    let pointermove = {
        let row_at = row_at.clone();
        let on_hover = on_hover.clone();
        Callback::from(move |e: PointerEvent| {
            let id = row_at(&e);
            if id != hovered {
                on_hover.emit(id);
            }
        })
    };
    let pointerleave = {
        let on_hover = on_hover.clone();
        Callback::from(move |_| on_hover.emit(None))
    };
    let click = {
        let on_select = on_select.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(id) = row_at(&e) {
                on_select.emit(id);
            }
        })
    };
    let keydown = {
        // The ids are listed when a key asks for them: a hover renders this on every row.
        let painter = painter.clone();
        let on_hover = on_hover.clone();
        let on_select = on_select.clone();
        let key_row = key_row.clone();
        Callback::from(move |e: KeyboardEvent| {
            let mut ids = painter.borrow().hits.ids();
            if ids.is_empty() && !painter.borrow().measured() {
                // A key in the frame between a new chart's render and its first drawing
                // (which waits to measure the box in that frame): measure it now and draw,
                // so that the key is answered, not lost.
                // (Yew hears events at its root, so the box is the focused canvas's parent.)
                let canvas = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                if let Some(chart_box) = canvas.and_then(|c| c.parent_element()) {
                    painter
                        .borrow_mut()
                        .set_width(measure::box_width(&chart_box));
                    ids = painter.borrow().hits.ids();
                }
            }
            if ids.is_empty() {
                return;
            }
            let i = key_row
                .borrow()
                .as_ref()
                .and_then(|c| ids.iter().position(|id| id == c));
            let next = match (e.key().as_str(), i) {
                ("ArrowDown", None) | ("Home", _) => 0,
                ("ArrowDown", Some(i)) => (i + 1).min(ids.len() - 1),
                ("ArrowUp", None) | ("End", _) => ids.len() - 1,
                ("ArrowUp", Some(i)) => i.saturating_sub(1),
                ("Enter" | " ", Some(i)) => {
                    e.prevent_default();
                    on_select.emit(ids[i].clone());
                    return;
                }
                ("Escape", _) => {
                    *key_row.borrow_mut() = None;
                    on_hover.emit(None);
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            *key_row.borrow_mut() = Some(ids[next].clone());
            on_hover.emit(Some(ids[next].clone()));
        })
    };
    Listeners {
        pointermove,
        pointerleave,
        click,
        keydown,
    }
}
