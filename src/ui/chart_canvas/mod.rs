//! A plotters chart on a canvas: sharp at any devicePixelRatio, as wide as its box
//! measures, redrawn on resize and on a change of colour scheme, and mapping pointer and
//! keyboard back to rows. One job per file: the canvas element (`element`), the box's
//! width (`measure`), the colour scheme (`scheme`), whether to draw (`painter`), the
//! bitmap and the drawing (`bitmap`), the pointer and keys (`input`), the performance
//! marks (`marks`), the text widths the layout takes from the canvas (`text`).

mod bitmap;
mod element;
mod input;
mod marks;
mod measure;
mod painter;
mod scheme;
mod text;

use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use crate::chart;
use painter::{Painter, Wanted};

/// The chart to draw: any [`chart::Chart`]. Equal when it is the same chart with the
/// same rows, so a render that changes nothing in the chart does not redraw it.
#[derive(Debug)]
pub struct ChartSpec(pub Box<dyn chart::Chart>);

impl ChartSpec {
    pub fn height_css(&self, width_css: u32) -> u32 {
        self.0.height_css(width_css)
    }
}

impl PartialEq for ChartSpec {
    fn eq(&self, other: &Self) -> bool {
        self.0.same(&*other.0)
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub spec: Rc<ChartSpec>,
    /// The page's language (`lang`): the canvas's text takes its fonts from it.
    pub lang: &'static str,
    pub selected: Option<String>,
    pub hovered: Option<String>,
    /// The report's options for its charts: `present::chart_options`.
    pub base: Rc<crate::chart::Options>,
    /// The chart's one-line summary, read out in place of the picture.
    pub label: AttrValue,
    pub on_hover: Callback<Option<String>>,
    pub on_select: Callback<String>,
    /// The chart's box, which the canvas is as wide as (the share panel draws its
    /// downloads "as on screen" at the width it measures).
    pub box_ref: NodeRef,
}

#[function_component(ChartCanvas)]
pub fn chart_canvas(props: &Props) -> Html {
    // The canvas is made here rather than by `html!`, so that it is drawn during this
    // render once its box has been measured (`element`).
    let canvas = use_memo((), |_| element::make());
    let painter = use_mut_ref(|| Painter::new((*canvas).clone()));
    let written = use_mut_ref(element::Written::default);
    written
        .borrow_mut()
        .update(&canvas, props.lang, &props.label);
    element::park(&canvas);
    painter.borrow_mut().want(Wanted {
        spec: props.spec.clone(),
        selected: props.selected.clone(),
        hovered: props.hovered.clone(),
        base: props.base.clone(),
        lang: props.lang,
    });
    // Until the box has been measured nothing is drawn: the first drawing comes in the
    // frame that first shows the box, measured at the start of that frame.
    if !painter.borrow().measured() && !painter.borrow().measuring {
        painter.borrow_mut().measuring = true;
        let (painter, box_ref) = (painter.clone(), props.box_ref.clone());
        super::after_frame::at_next_frame(Box::new(move || {
            if let Some(el) = box_ref.cast::<Element>() {
                painter.borrow_mut().set_width(measure::box_width(&el));
            }
        }));
    }
    {
        let (painter, box_ref) = (painter.clone(), props.box_ref.clone());
        use_effect_with((), move |_| {
            let observer = box_ref.cast::<Element>().and_then(|el| {
                let painter = painter.clone();
                measure::Observer::new(&el, move |w| painter.borrow_mut().set_width(w))
            });
            let scheme = scheme::listen(move |dark| painter.borrow_mut().set_dark(dark));
            move || drop((observer, scheme))
        });
    }
    let key_row: input::KeyRow = use_mut_ref(|| None);
    *key_row.borrow_mut() = props.hovered.clone().or(props.selected.clone());
    let on = input::listeners(
        &painter,
        props.hovered.clone(),
        &key_row,
        &props.on_hover,
        &props.on_select,
    );

    html! {
        // The listeners sit on the box, which holds only the canvas: Yew's own events
        // (they bubble up from the canvas; `offsetX` stays the canvas's) render their
        // change before the next event, where a listener of our own would leave it to a
        // task that a fast second key press can overtake.
        <div class="chart-box" ref={props.box_ref.clone()} onpointermove={on.pointermove}
            onpointerleave={on.pointerleave} onclick={on.click} onkeydown={on.keydown}>
            { Html::VRef((*canvas).clone().into()) }
        </div>
    }
}
