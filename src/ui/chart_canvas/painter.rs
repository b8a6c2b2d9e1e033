//! The one place that decides whether the chart is drawn again: the render (new rows, a
//! selection, a hover, the legends), the box's measured width and the colour scheme all
//! reach the canvas through it, and a change that leaves all of them as they were draws
//! nothing.

use std::rc::Rc;

use web_sys::HtmlCanvasElement;

use super::{bitmap, marks, scheme, ChartSpec};
use crate::chart::{HitMap, Options, Theme};

/// What the component's props ask to be drawn.
#[derive(Clone, PartialEq)]
pub struct Wanted {
    pub spec: Rc<ChartSpec>,
    pub selected: Option<String>,
    pub hovered: Option<String>,
    /// The report's options for its charts (`present::chart_options`: the legends).
    pub base: Rc<Options>,
    /// The canvas's language, which its text's widths depend on.
    pub lang: &'static str,
}

/// What the picture on the canvas was drawn from.
struct Drawn {
    wanted: Wanted,
    width: u32,
    dark: bool,
}

pub struct Painter {
    canvas: HtmlCanvasElement,
    /// Where each row is on the canvas, from the last drawing, for the pointer and keys.
    pub hits: HitMap,
    wanted: Option<Wanted>,
    /// The chart box's CSS width as last measured; 0 until it has been.
    width: u32,
    dark: bool,
    /// Whether the first measurement has been asked for.
    pub measuring: bool,
    drawn: Option<Drawn>,
}

impl Painter {
    pub fn new(canvas: HtmlCanvasElement) -> Self {
        Painter {
            canvas,
            hits: HitMap::default(),
            wanted: None,
            width: 0,
            dark: scheme::prefers_dark(),
            measuring: false,
            drawn: None,
        }
    }

    pub fn measured(&self) -> bool {
        self.width > 0
    }

    pub fn want(&mut self, wanted: Wanted) {
        self.wanted = Some(wanted);
        self.paint();
    }

    pub fn set_width(&mut self, width: u32) {
        self.width = width;
        self.paint();
    }

    pub fn set_dark(&mut self, dark: bool) {
        self.dark = dark;
        self.paint();
    }

    fn paint(&mut self) {
        let Some(wanted) = &self.wanted else {
            return;
        };
        if self.width == 0
            || self.drawn.as_ref().is_some_and(|d| {
                d.width == self.width && d.dark == self.dark && d.wanted == *wanted
            })
        {
            return;
        }
        let options = Options {
            width: 0,
            height: 0,
            scale: 1.0,
            theme: if self.dark {
                Theme::dark()
            } else {
                Theme::light()
            },
            selected: wanted.selected.clone(),
            hovered: wanted.hovered.clone(),
            ..(*wanted.base).clone()
        };
        let drawn = super::text::measured_on(&self.canvas, wanted.lang, || {
            bitmap::draw(&self.canvas, &wanted.spec, self.width, options)
        });
        if let Some(map) = drawn {
            self.hits = map;
            marks::drawn();
        }
        self.drawn = Some(Drawn {
            wanted: wanted.clone(),
            width: self.width,
            dark: self.dark,
        });
    }
}
