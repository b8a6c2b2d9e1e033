//! Sharing: the link, the embed code and downloads of what is on screen; and in embed
//! mode the footer with the source and a way out to the full explorer.

use wasm_bindgen::JsCast;
use web_sys::{HtmlAnchorElement, HtmlCanvasElement, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::i18n::{tr, year_label};
use super::store::StoreHandle;
use super::url;
use crate::chart;
use crate::chart::document;
use crate::data::{export, Dataset, Period};
use crate::embed;
use crate::present;
use crate::state::{matching_figures, Embedding, ViewState};
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The view as of the frame before (`after_frame::use_after_frame`).
    pub view: std::rc::Rc<ViewState>,
}

/// Saves text or a data URL as a file through a temporary link.
fn download(name: &str, href: &str) {
    let doc = gloo::utils::document();
    let Ok(a) = doc.create_element("a") else {
        return;
    };
    let a: HtmlAnchorElement = a.unchecked_into();
    a.set_href(href);
    a.set_download(name);
    if let Some(body) = doc.body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    }
}

fn download_text(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    download(name, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// What the last copy did, for the status line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Copied {
    /// The text is on the clipboard: which field's.
    Done(Field),
    /// The Clipboard API was refused: the text is selected for Ctrl+C.
    Selected,
}

/// The share panel's copyable fields, by their element id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Link,
    EmbedCode,
    ScriptCode,
}

impl Field {
    fn id(self) -> &'static str {
        match self {
            Field::Link => "share-link",
            Field::EmbedCode => "embed-code",
            Field::ScriptCode => "script-embed-code",
        }
    }
}

/// Copies with the Clipboard API; where that is refused, selects the text for Ctrl+C.
fn copy(text: String, field: Field, done: UseStateHandle<Option<Copied>>) {
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

/// The width a downloaded chart is drawn at: the chart's width on screen, or 640 / 1200
/// CSS px as a newsroom page or a print layout wants.
fn download_width(choice: &str) -> u32 {
    match choice {
        "640" => 640,
        "1200" => 1200,
        _ => gloo::utils::document()
            .query_selector(".chart-box")
            .ok()
            .flatten()
            .map(|el| el.client_width())
            .filter(|w| *w >= 280)
            .map_or(960, |w| w as u32),
    }
}

fn chart_options(data: &Dataset, view: &ViewState, width: u32) -> chart::Options {
    chart::Options {
        width,
        height: 0,
        selected: view.focus.clone(),
        legend_review: year_label(view.lang, &data.report, Period::Review),
        legend_plan: year_label(view.lang, &data.report, Period::Plan),
        ..chart::Options::default()
    }
}

/// The chart on screen as SVG, with its title, summary, filters and source, drawn by
/// the same code into plotters' SVG backend.
fn chart_svg(data: &Dataset, view: &ViewState, width: u32) -> Option<String> {
    let (rows, caption) = present::download(view.lang, data, view)?;
    Some(document::document_svg(
        rows.figure(),
        &caption,
        &chart_options(data, view, width),
    ))
}

/// The same document drawn at 2× onto a canvas of its own (not the one on screen, which
/// follows the screen's theme and size), as a PNG data URL.
fn chart_png(data: &Dataset, view: &ViewState, width: u32) -> Option<String> {
    const SCALE: f64 = 2.0;
    let (rows, caption) = present::download(view.lang, data, view)?;
    let fig = rows.figure();
    let o = chart_options(data, view, width);
    let l = document::document_layout(fig, &caption, o.width);
    let (w, h) = document::canvas_px(&l, SCALE);
    let canvas: HtmlCanvasElement = gloo::utils::document()
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    canvas.set_width(w);
    canvas.set_height(h);
    let o = chart::Options {
        width: w,
        height: h,
        ..document::download_options(&o, SCALE)
    };
    let area = CanvasBackend::with_canvas_object(canvas.clone())?.into_drawing_area();
    document::draw_document(&area, fig, &caption, &o, 1.0).ok()?;
    area.present().ok()?;
    canvas.to_data_url().ok()
}

fn file_stem(data: &Dataset, view: &ViewState) -> String {
    format!("{}-{}", data.report.file_stem, view.view.file_word())
}

#[function_component(SharePanel)]
pub fn share_panel(props: &Props) -> Html {
    let data = super::data();
    let view = &props.view;
    let lang = view.lang;
    let copied = use_state(|| None::<Copied>);
    let width_choice = use_state(|| String::from("screen"));
    let link = url::absolute(data, view, &Embedding::default());
    let title = present::embed_title(lang, &data.report);
    let code = embed::snippet(&url::absolute(data, view, &Embedding::iframe()), &title);
    let script_code = embed::script_snippet(&url::site_base(data), &url::query_of(view));
    let has_chart = view.view.has_chart();

    let copy_link = {
        let (link, copied) = (link.clone(), copied.clone());
        Callback::from(move |_| copy(link.clone(), Field::Link, copied.clone()))
    };
    let copy_code = {
        let (code, copied) = (code.clone(), copied.clone());
        Callback::from(move |_| copy(code.clone(), Field::EmbedCode, copied.clone()))
    };
    let copy_script = {
        let (code, copied) = (script_code.clone(), copied.clone());
        Callback::from(move |_| copy(code.clone(), Field::ScriptCode, copied.clone()))
    };
    let on_width = {
        let width_choice = width_choice.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                width_choice.set(select.value());
            }
        })
    };
    let png = {
        let stem = file_stem(data, view);
        let view = view.clone();
        let choice = (*width_choice).clone();
        Callback::from(move |_| {
            if let Some(url) = chart_png(data, &view, download_width(&choice)) {
                download(&format!("{stem}.png"), &url);
            }
        })
    };
    let svg = {
        let view = view.clone();
        let choice = (*width_choice).clone();
        Callback::from(move |_| {
            if let Some(text) = chart_svg(data, &view, download_width(&choice)) {
                download_text(
                    &format!("{}.svg", file_stem(data, &view)),
                    "image/svg+xml",
                    &text,
                );
            }
        })
    };
    let csv = {
        let view = view.clone();
        Callback::from(move |_| {
            let text = export::figures_csv(matching_figures(data, &view));
            download_text(
                &format!("{}.csv", file_stem(data, &view)),
                "text/csv;charset=utf-8",
                &text,
            );
        })
    };
    let json = Callback::from(move |_| {
        download_text(
            &format!("{}.json", data.report.file_stem),
            "application/json",
            &export::report_json(data),
        );
    });
    let status = match *copied {
        Some(Copied::Done(Field::Link)) => tr(lang, "链接已复制。", "Link copied."),
        Some(Copied::Done(Field::EmbedCode)) => tr(lang, "嵌入代码已复制。", "Embed code copied."),
        Some(Copied::Done(Field::ScriptCode)) => {
            tr(lang, "脚本嵌入已复制。", "Script embed copied.")
        }
        Some(Copied::Selected) => tr(
            lang,
            "已选中，请按 Ctrl+C 复制。",
            "Selected: press Ctrl+C to copy.",
        ),
        None => "",
    };
    html! {
        <section class="share" aria-labelledby="share-title">
            <h2 id="share-title">{ tr(lang, "分享与下载", "Share and download") }</h2>
            <div class="share-row">
                <label for="share-link">{ tr(lang, "本视图链接", "Link to this view") }</label>
                <input id="share-link" type="text" readonly=true value={link} />
                <button type="button" onclick={copy_link}>{ tr(lang, "复制链接", "Copy link") }</button>
            </div>
            <div class="share-row">
                <label for="embed-code">{ tr(lang, "嵌入代码", "Embed code") }</label>
                <textarea id="embed-code" readonly=true rows="3" value={code} />
                <button type="button" onclick={copy_code}>{ tr(lang, "复制嵌入代码", "Copy embed code") }</button>
            </div>
            <div class="share-row">
                <label for="script-embed-code">{ tr(lang, "脚本嵌入（一行，自动调整高度）", "Script embed (one line, sizes itself)") }</label>
                <textarea id="script-embed-code" readonly=true rows="2" value={script_code} />
                <button type="button" onclick={copy_script}>{ tr(lang, "复制脚本嵌入", "Copy script embed") }</button>
            </div>
            <p class="copied" role="status">{ status }</p>
            <div class="downloads" role="group" aria-label={tr(lang, "下载", "Downloads")}>
                if has_chart {
                    <label for="download-width">{ tr(lang, "图表宽度", "Chart width") }</label>
                    <select id="download-width" onchange={on_width}>
                        <option value="screen" selected={*width_choice == "screen"}>{ tr(lang, "与屏幕相同", "As on screen") }</option>
                        <option value="640" selected={*width_choice == "640"}>{ "640 px" }</option>
                        <option value="1200" selected={*width_choice == "1200"}>{ "1200 px" }</option>
                    </select>
                    <button type="button" onclick={png}>{ tr(lang, "下载图表 PNG", "Download chart (PNG)") }</button>
                    <button type="button" onclick={svg}>{ tr(lang, "下载图表 SVG", "Download chart (SVG)") }</button>
                }
                <button type="button" onclick={csv}>{ tr(lang, "下载符合条件的数字 CSV", "Download matching figures (CSV)") }</button>
                <button type="button" onclick={json}>{ tr(lang, "下载完整数据 JSON", "Download the dataset (JSON)") }</button>
            </div>
        </section>
    }
}

pub fn embed_footer(data: &Dataset, store: &StoreHandle) -> Html {
    let view = &store.view;
    let lang = view.lang;
    html! {
        <footer class="embed-footer">
            <p class="source">{ present::source_line(lang, &data.report) }</p>
            <a href={url::absolute(data, view, &Embedding::default())} target="_blank" rel="noopener">
                { tr(lang, "在完整浏览器中打开 ↗", "Open in the full explorer ↗") }
            </a>
        </footer>
    }
}
