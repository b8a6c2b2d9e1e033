//! The chart box's width, measured, never guessed: in the frame that first shows the box,
//! from its layout box (read in that frame's animation callback, before the frame's own
//! layout, so the page is laid out once for it rather than once in the render and again
//! for the frame), and after that from the box's resize observer, which reports after a
//! layout, when reading the box costs nothing.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver};

/// The box's CSS width in whole pixels: the canvas is drawn at a whole width that fits in
/// it.
pub fn box_width(el: &Element) -> u32 {
    el.get_bounding_client_rect().width().max(0.0).floor() as u32
}

/// A resize observer on one element, which stops observing when dropped.
pub struct Observer {
    observer: ResizeObserver,
    _callback: Closure<dyn FnMut()>,
}

impl Observer {
    /// Calls `on_width` with the element's width whenever its size changes.
    pub fn new(el: &Element, mut on_width: impl FnMut(u32) + 'static) -> Option<Observer> {
        let target = el.clone();
        let callback = Closure::<dyn FnMut()>::new(move || on_width(box_width(&target)));
        let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(el);
        Some(Observer {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for Observer {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
