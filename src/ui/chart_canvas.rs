//! A plotters chart on a canvas: sharp at any devicePixelRatio, sized to its container,
//! redrawn on resize and on a change of colour scheme, and mapping pointer and keyboard
//! back to rows.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

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
    /// The page's language (`lang`): the canvas's text takes its fonts from it.
    pub lang: &'static str,
    /// Whether the page is an embed, whose chart box is wider (no filter column).
    pub embed: bool,
    pub selected: Option<String>,
    pub hovered: Option<String>,
    pub legend_review: AttrValue,
    pub legend_plan: AttrValue,
    /// The chart's one-line summary, read out in place of the picture.
    pub label: AttrValue,
    pub on_hover: Callback<Option<String>>,
    pub on_select: Callback<String>,
}

/// The width of the page without its scrollbar gutter, read by [`note_viewport_width`].
static VIEWPORT_WIDTH: AtomicU32 = AtomicU32::new(0);

/// Notes the page's width without its scrollbar for the chart's first draw: called at
/// start-up, when the loading page's layout is still clean, so reading it costs no layout
/// (`innerWidth` counts the scrollbar's gutter, which `scrollbar-gutter: stable` keeps).
pub fn note_viewport_width() {
    // The body's, not the root's: the root reports the whole window while the body
    // leaves the gutter out.
    if let Some(body) = gloo::utils::document().body() {
        VIEWPORT_WIDTH.store(body.client_width().max(0) as u32, Ordering::Relaxed);
    }
}

/// Whether the page has drawn its first chart (for `performance.mark`).
static FIRST_DRAWN: AtomicBool = AtomicBool::new(false);

pub fn prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// What a drawing depends on: a render with the same key does not redraw.
#[derive(PartialEq)]
struct DrawKey {
    spec: Rc<ChartSpec>,
    selected: Option<String>,
    hovered: Option<String>,
    width: u32,
    dark: bool,
    legend_review: AttrValue,
    legend_plan: AttrValue,
}

#[function_component(ChartCanvas)]
pub fn chart_canvas(props: &Props) -> Html {
    let box_ref = use_node_ref();
    let hits: Rc<RefCell<HitMap>> = use_mut_ref(HitMap::default);
    // Width of the container in CSS px, and the colour scheme; both trigger redraws. The
    // first draw takes the width the page grid gives the box: measuring it would force a
    // layout of the whole page before the chart could be drawn (about 17 ms at start-up).
    // The resize observer's first report, after the frame's own layout, corrects it in
    // that same frame where the guess was wrong (a scrollbar that takes room, a larger
    // default font).
    let width = use_state(|| estimated_width(props.embed));
    let dark = use_state(prefers_dark);
    // The canvas is made here rather than by `html!`, so that it can be drawn during this
    // render: Yew runs effects after a render, and after 16 ms of work it lets a frame
    // pass first, which put a frame without the chart (and its layout) before the first
    // chart and, on a slow phone, before each redraw. Before its first draw it already
    // takes the height it will be drawn at (an HTML attribute, which a strict style-src
    // policy allows), so nothing below it moves when it appears.
    let canvas = use_memo((), |_| {
        let canvas: HtmlCanvasElement = gloo::utils::document()
            .create_element("canvas")
            .expect("a document makes canvases")
            .unchecked_into();
        let _ = canvas.set_attribute("role", "img");
        let _ = canvas.set_attribute("tabindex", "0");
        canvas.set_height(props.spec.height_css(estimated_width(props.embed)));
        canvas
    });
    // The canvas's fonts follow its language (a Chinese label in a Chinese face), which a
    // canvas outside the document does not have: before its first draw it waits in the
    // body, with its own `lang`, until Yew moves it into its box at the end of this render.
    // Only what changed reaches the DOM: a hover renders this on every row crossed.
    let written = use_mut_ref(|| (None::<&'static str>, None::<AttrValue>));
    {
        let mut written = written.borrow_mut();
        if written.0 != Some(props.lang) {
            let _ = canvas.set_attribute("lang", props.lang);
            written.0 = Some(props.lang);
        }
        if written.1.as_ref() != Some(&props.label) {
            let _ = canvas.set_attribute("aria-label", &props.label);
            canvas.set_text_content(Some(&props.label));
            written.1 = Some(props.label.clone());
        }
    }
    if !canvas.is_connected() {
        if let Some(body) = gloo::utils::document().body() {
            let _ = body.append_child(&canvas);
        }
    }
    let drawn = use_mut_ref(|| None::<DrawKey>);
    let key = DrawKey {
        spec: props.spec.clone(),
        selected: props.selected.clone(),
        hovered: props.hovered.clone(),
        width: *width,
        dark: *dark,
        legend_review: props.legend_review.clone(),
        legend_plan: props.legend_plan.clone(),
    };
    if key.width > 0 && drawn.borrow().as_ref() != Some(&key) {
        let options = Options {
            width: 0,
            height: 0,
            scale: 1.0,
            theme: if key.dark {
                Theme::dark()
            } else {
                Theme::light()
            },
            selected: key.selected.clone(),
            hovered: key.hovered.clone(),
            legend_review: key.legend_review.to_string(),
            legend_plan: key.legend_plan.to_string(),
            font: "sans-serif".into(),
        };
        if let Some(map) = draw(&canvas, &key.spec, key.width, options) {
            *hits.borrow_mut() = map;
            if FIRST_DRAWN.swap(true, Ordering::Relaxed) {
                mark("redraw");
            } else {
                mark("first-chart");
            }
        }
        *drawn.borrow_mut() = Some(key);
    }

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
    // The row the keys move from. A key writes where it moved at once: Yew renders the
    // change in a later task, which the browser may run after the next key press (input
    // goes before timers once Yew's scheduler has yielded), so two quick presses read
    // from props alone would both start from the old row. Each render sets it back to the
    // state's row.
    let key_row = use_mut_ref(|| None::<String>);
    *key_row.borrow_mut() = props.hovered.clone().or(props.selected.clone());
    let onkeydown = {
        // The ids are listed when a key asks for them: a hover renders this on every row.
        let spec = props.spec.clone();
        let on_hover = props.on_hover.clone();
        let on_select = props.on_select.clone();
        let key_row = key_row.clone();
        Callback::from(move |e: KeyboardEvent| {
            let ids = spec.ids();
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

    html! {
        // The listeners sit on the box, which holds only the canvas: Yew's own events
        // (they bubble up from the canvas; `offsetX` stays the canvas's) render their
        // change before the next event, where a listener of our own would leave it to a
        // task that a fast second key press can overtake.
        <div class="chart-box" ref={box_ref} {onpointermove} {onpointerleave} {onclick} {onkeydown}>
            { Html::VRef((*canvas).clone().into()) }
        </div>
    }
}

/// The chart box's CSS width before it exists, from the window's width and the page grid
/// (assets/style.css: `.app` at most 78rem wide with 0.75rem padding; a 17rem filter
/// column and a 1.25rem gap above 760 px), or in an embed, where the chart has the row.
fn estimated_width(embed: bool) -> u32 {
    let window = match VIEWPORT_WIDTH.load(Ordering::Relaxed) {
        0 => web_sys::window()
            .and_then(|w| w.inner_width().ok())
            .and_then(|w| w.as_f64())
            .unwrap_or(1280.0),
        w => f64::from(w),
    };
    if embed {
        // `.app[data-embed]`: 0.5rem padding and no filter column.
        return (window.min(1248.0) - 16.0).max(0.0) as u32;
    }
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
