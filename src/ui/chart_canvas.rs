//! A plotters chart on a canvas: sharp at any devicePixelRatio, sized to its container,
//! redrawn on resize and on a change of colour scheme, and mapping pointer and keyboard
//! back to rows.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};

use gloo::events::EventListener;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, HtmlElement};
use yew::prelude::*;

use super::mark;
use crate::chart::{self, HitMap, Options, Theme};

/// The chart to draw: any [`chart::Chart`]. Equal when it is the same chart with the
/// same rows, so a render that changes nothing in the chart does not redraw it.
#[derive(Debug)]
pub struct ChartSpec(pub Box<dyn chart::Chart>);

impl ChartSpec {
    pub fn ids(&self) -> Vec<String> {
        self.0.ids()
    }

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
    pub selected: Option<String>,
    pub hovered: Option<String>,
    pub legend_review: AttrValue,
    pub legend_plan: AttrValue,
    /// The chart's one-line summary, read out in place of the picture.
    pub label: AttrValue,
    pub on_hover: Callback<Option<String>>,
    pub on_select: Callback<String>,
}

/// Whether the page has drawn its first chart (for `performance.mark`).
static FIRST_DRAWN: AtomicBool = AtomicBool::new(false);

pub fn prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

#[function_component(ChartCanvas)]
pub fn chart_canvas(props: &Props) -> Html {
    let box_ref = use_node_ref();
    let canvas_ref = use_node_ref();
    let hits: Rc<RefCell<HitMap>> = use_mut_ref(HitMap::default);
    // Width of the container in CSS px, and the colour scheme; both trigger redraws.
    let width = use_state(|| 0u32);
    let dark = use_state(prefers_dark);

    {
        let box_ref = box_ref.clone();
        let width = width.clone();
        let dark = dark.clone();
        use_effect_with((), move |_| {
            let element: Option<HtmlElement> = box_ref.cast::<HtmlElement>();
            let measure = {
                let width = width.clone();
                move |el: &HtmlElement| {
                    let w = el.client_width().max(0) as u32;
                    if w != *width {
                        width.set(w);
                    }
                }
            };
            let mut observer = None;
            if let Some(el) = element.clone() {
                measure(&el);
                let el2 = el.clone();
                let cb = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || measure(&el2));
                if let Ok(obs) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
                    obs.observe(&el);
                    observer = Some((obs, cb));
                }
            }
            let scheme = web_sys::window()
                .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
                .map(|mq| EventListener::new(&mq, "change", move |_| dark.set(prefers_dark())));
            move || {
                if let Some((obs, _cb)) = observer {
                    obs.disconnect();
                }
                drop(scheme);
            }
        });
    }

    {
        let canvas_ref = canvas_ref.clone();
        let hits = hits.clone();
        let deps = (
            props.spec.clone(),
            props.selected.clone(),
            props.hovered.clone(),
            *width,
            *dark,
            props.legend_review.clone(),
            props.legend_plan.clone(),
        );
        use_effect_with(
            deps,
            move |(spec, selected, hovered, width, dark, l23, l24)| {
                if let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() {
                    if *width > 0 {
                        let options = Options {
                            width: 0,
                            height: 0,
                            scale: 1.0,
                            theme: if *dark { Theme::dark() } else { Theme::light() },
                            selected: selected.clone(),
                            hovered: hovered.clone(),
                            legend_review: l23.to_string(),
                            legend_plan: l24.to_string(),
                            font: "sans-serif".into(),
                        };
                        if let Some(map) = draw(&canvas, spec, *width, options) {
                            *hits.borrow_mut() = map;
                            if FIRST_DRAWN.swap(true, Ordering::Relaxed) {
                                mark("redraw");
                            } else {
                                mark("first-chart");
                            }
                        }
                    }
                }
            },
        );
    }

    let onpointermove = {
        let hits = hits.clone();
        let on_hover = props.on_hover.clone();
        let current = props.hovered.clone();
        Callback::from(move |e: PointerEvent| {
            let id = hits
                .borrow()
                .row_at_css(f64::from(e.offset_x()), f64::from(e.offset_y()))
                .map(str::to_string);
            if id != current {
                on_hover.emit(id);
            }
        })
    };
    let onpointerleave = {
        let on_hover = props.on_hover.clone();
        Callback::from(move |_| on_hover.emit(None))
    };
    let onclick = {
        let hits = hits.clone();
        let on_select = props.on_select.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(id) = hits
                .borrow()
                .row_at_css(f64::from(e.offset_x()), f64::from(e.offset_y()))
            {
                on_select.emit(id.to_string());
            }
        })
    };
    let onkeydown = {
        let ids = props.spec.ids();
        let on_hover = props.on_hover.clone();
        let on_select = props.on_select.clone();
        let current = props.hovered.clone().or(props.selected.clone());
        Callback::from(move |e: KeyboardEvent| {
            if ids.is_empty() {
                return;
            }
            let i = current
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
                    on_hover.emit(None);
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            on_hover.emit(Some(ids[next].clone()));
        })
    };
    // Before the first draw the canvas already takes the height it will be drawn at (an
    // HTML attribute, which a strict style-src policy allows), so nothing below it moves
    // when it is drawn: no layout shift at start-up. The attribute keeps that first value
    // (so Yew never rewrites it); from then on `draw` sizes the bitmap and the CSS box.
    let reserved_height = use_memo((), |_| props.spec.height_css(estimated_width()).to_string());
    html! {
        <div class="chart-box" ref={box_ref}>
            <canvas ref={canvas_ref} height={(*reserved_height).clone()} role="img" aria-label={props.label.clone()} tabindex="0"
                {onpointermove} {onpointerleave} {onclick} {onkeydown}>
                { props.label.clone() }
            </canvas>
        </div>
    }
}

/// The chart box's CSS width before it exists, from the window's width and the page grid
/// (assets/style.css: `.app` at most 78rem wide with 0.75rem padding; a 17rem filter
/// column and a 1.25rem gap above 760 px).
fn estimated_width() -> u32 {
    let window = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .unwrap_or(1280.0);
    let inner = window.min(1248.0) - 24.0;
    let content = if window > 760.0 { inner - 292.0 } else { inner };
    content.max(0.0) as u32
}

/// Sizes the canvas for its CSS width and the device's pixel ratio, then draws.
fn draw(
    canvas: &HtmlCanvasElement,
    spec: &ChartSpec,
    width_css: u32,
    mut options: Options,
) -> Option<HitMap> {
    let ratio = chart::canvas_ratio(web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()));
    let height_css = spec.height_css(width_css);
    let (w, h) = chart::canvas_size(width_css, height_css, ratio);
    // At one width the bitmap only grows: a filter change that shortens the chart draws
    // into the top of the bitmap it has, and `object-fit: cover` with `object-position:
    // top` (assets/style.css) shows that top at the bitmap's scale. Resizing a canvas
    // allocates and clears a new bitmap, about 1.5 ms at 1× CPU, on every change of rows.
    // Only where a bitmap pixel is a whole number of device pixels, where the cropped
    // picture can be shown pixel for pixel (`pixelated`); at a fractional ratio the
    // bitmap is sized exactly, as before.
    let whole = ratio.fract() == 0.0;
    if canvas.width() != w || canvas.height() < h || (!whole && canvas.height() != h) {
        canvas.set_width(w);
        canvas.set_height(h);
    }
    // Through the CSSOM, which a strict style-src policy allows (style attributes it does not).
    let style = canvas.style();
    let _ = style.set_property("width", &format!("{width_css}px"));
    let _ = style.set_property("height", &format!("{height_css}px"));
    if canvas.height() == h {
        let _ = style.remove_property("image-rendering");
    } else {
        let _ = style.set_property("image-rendering", "pixelated");
    }
    // For print, where the height is `auto`: the chart's proportions, not the bitmap's.
    let _ = style.set_property("aspect-ratio", &format!("{width_css} / {height_css}"));
    options.width = w;
    options.height = h;
    options.scale = ratio;
    let backend = CanvasBackend::with_canvas_object(canvas.clone())?;
    let area = backend.into_drawing_area();
    let result = chart::draw(&area, &*spec.0, &options);
    let _ = area.present();
    match result {
        Ok(map) => Some(map),
        Err(e) => {
            web_sys::console::warn_1(&format!("chart: {e}").into());
            None
        }
    }
}
