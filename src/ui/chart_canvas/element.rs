//! The `<canvas>` element itself: made by the component rather than by `html!`, so that it
//! can be drawn during the render that creates it (Yew runs effects after a render, and
//! after 16 ms of work it lets a frame pass first), and its attributes.

use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;
use yew::AttrValue;

/// A new canvas for a chart: an image the keyboard can reach.
pub fn make() -> HtmlCanvasElement {
    let canvas: HtmlCanvasElement = gloo::utils::document()
        .create_element("canvas")
        .expect("a document makes canvases")
        .unchecked_into();
    let _ = canvas.set_attribute("role", "img");
    let _ = canvas.set_attribute("tabindex", "0");
    canvas
}

/// The attributes last written, so that only what changed reaches the DOM: a hover
/// renders the component on every row crossed.
#[derive(Default)]
pub struct Written {
    lang: Option<&'static str>,
    label: Option<AttrValue>,
}

impl Written {
    /// The canvas's language (its text takes its fonts from it: a Chinese label in a
    /// Chinese face) and its label, read out in place of the picture.
    pub fn update(&mut self, canvas: &HtmlCanvasElement, lang: &'static str, label: &AttrValue) {
        if self.lang != Some(lang) {
            let _ = canvas.set_attribute("lang", lang);
            self.lang = Some(lang);
        }
        if self.label.as_ref() != Some(label) {
            let _ = canvas.set_attribute("aria-label", label);
            canvas.set_text_content(Some(label));
            self.label = Some(label.clone());
        }
    }
}

/// A canvas outside the document has no language for its fonts: before its first draw it
/// waits in the body, with its own `lang`, until Yew moves it into its box at the end of
/// the render.
pub fn park(canvas: &HtmlCanvasElement) {
    if !canvas.is_connected() {
        if let Some(body) = gloo::utils::document().body() {
            let _ = body.append_child(canvas);
        }
    }
}
