//! Sharing: the link, the embed code and downloads of what is on screen; and in embed
//! mode the footer with the source and a way out to the full explorer. The panel only
//! offers them: the chart's SVG and PNG are made by `chart_image`, files are saved by
//! `download`, text is copied by `clipboard`.

mod clipboard;

use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use super::chart_image::{self, file_stem};
use super::download::{save_text, save_url};
use super::i18n::tr;
use super::url;
use crate::data::{export, Dataset};
use crate::embed;
use crate::present;
use crate::state::{matching_figures, Embedding, ViewState};
use clipboard::{copy, Copied, Field};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The view as of the frame before (`after_frame::use_after_frame`).
    pub view: Rc<ViewState>,
    /// The chart's box, whose width a download "as on screen" takes.
    pub chart_box: NodeRef,
}

/// The width a downloaded chart is drawn at: the chart's width on screen, or 640 / 1200
/// CSS px as a newsroom page or a print layout wants.
fn download_width(choice: &str, chart_box: &NodeRef) -> u32 {
    match choice {
        "640" => 640,
        "1200" => 1200,
        _ => chart_box
            .cast::<Element>()
            .map(|el| el.client_width())
            .filter(|w| *w >= 280)
            .map_or(960, |w| w as u32),
    }
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
        let chart_box = props.chart_box.clone();
        Callback::from(move |_| {
            if let Some(url) = chart_image::png(data, &view, download_width(&choice, &chart_box)) {
                save_url(&format!("{stem}.png"), &url);
            }
        })
    };
    let svg = {
        let view = view.clone();
        let choice = (*width_choice).clone();
        let chart_box = props.chart_box.clone();
        Callback::from(move |_| {
            if let Some(text) = chart_image::svg(data, &view, download_width(&choice, &chart_box)) {
                save_text(
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
            save_text(
                &format!("{}.csv", file_stem(data, &view)),
                "text/csv;charset=utf-8",
                &text,
            );
        })
    };
    let json = Callback::from(move |_| {
        save_text(
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

/// In an embed, in place of the share panel: the source, and a way out to the full
/// explorer.
pub fn embed_footer(data: &Dataset, view: &ViewState) -> Html {
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
