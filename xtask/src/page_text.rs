//! The words of each static page: its heading, its `<title>` and its summary sentence,
//! from the app's own code (`report_core::present`), so a page and its preview say
//! what the app says for the same view.

use report_core::data::Dataset;
use report_core::present::{
    app_title, chart_title, compare_view_summary, county_name, embed_title, is_en, sector_name,
    source_line,
};
use report_core::state::{compare_rows, county_content, Lang, Page, View, ViewState};

/// The site's name, in the page's language.
pub fn site_name(data: &Dataset, lang: Lang) -> String {
    app_title(lang, &data.report)
}

/// The source line ("来源：阿坝藏族羌族自治州2024年政府工作报告").
pub fn source(data: &Dataset, lang: Lang) -> String {
    source_line(lang, &data.report)
}

/// The script embed's default iframe title (assets/embed.js).
pub fn embed_placeholders(data: &Dataset) -> [(&'static str, String); 2] {
    let r = &data.report;
    [
        ("{{embed_title_zh}}", embed_title(Lang::Zh, r)),
        ("{{embed_title_en}}", embed_title(Lang::En, r)),
    ]
}

/// What index.html says before the app starts, from the report's manifest: the
/// `{{…}}` placeholders of the template.
pub fn index_placeholders(data: &Dataset) -> [(&'static str, String); 5] {
    let r = &data.report;
    [
        ("{{title_zh}}", app_title(Lang::Zh, r)),
        ("{{title_en}}", app_title(Lang::En, r)),
        ("{{source_zh}}", source_line(Lang::Zh, r)),
        ("{{source_en}}", source_line(Lang::En, r)),
        (
            "{{description}}",
            format!(
                "{}中的每一个数字，可筛选、可比较、可溯源。Every figure in {}, filterable and sourced.",
                r.title.zh, r.source.en
            ),
        ),
    ]
}

/// The page's heading: the view's title, named for its sector or county.
pub fn heading(data: &Dataset, page: &Page) -> String {
    let lang = page.lang();
    let growth = chart_title(lang, &data.report, View::Compare);
    let plan = data.report.plan_year;
    match page {
        Page::Home(_) => growth.to_string(),
        Page::Sector(_, s) => format!("{} · {growth}", sector_name(lang, data, s)),
        Page::County(_, c) => {
            let name = county_name(lang, data, c);
            if is_en(lang) {
                format!("{name}: what the {plan} work report says")
            } else {
                format!("{name}：{plan}年政府工作报告怎么说")
            }
        }
    }
}

/// The document title: heading, then the site.
pub fn title(data: &Dataset, page: &Page) -> String {
    format!("{} · {}", heading(data, page), site_name(data, page.lang()))
}

/// The view's summary sentence: the growth chart's own sentence (the one it reads out
/// to screen readers), or for a county how many figures and mentions the report has.
pub fn summary(data: &Dataset, page: &Page) -> String {
    let lang = page.lang();
    let view = page.view();
    match page {
        Page::Home(_) | Page::Sector(..) => {
            compare_view_summary(lang, &data.report, &view, &compare_rows(data, &view))
        }
        Page::County(_, slug) => {
            let c = county_content(data, slug, &ViewState::default());
            let figures = c.parts.iter().map(|p| p.figures.len()).sum();
            let mentions = c.parts.iter().map(|p| p.mentions.len()).sum();
            county_sentence(lang, county_name(lang, data, slug), figures, mentions)
        }
    }
}

fn county_sentence(lang: Lang, name: &str, figures: usize, mentions: usize) -> String {
    if is_en(lang) {
        let n = |k: usize, one: &str, many: &str| {
            if k == 1 {
                format!("1 {one}")
            } else {
                format!("{k} {many}")
            }
        };
        format!(
            "The report gives {} for {name} and mentions it in {}.",
            n(figures, "figure", "figures"),
            n(mentions, "clause", "clauses")
        )
    } else {
        format!("报告给出{name}的数字{figures}项，{mentions}处提及该县。")
    }
}

/// The first sentence of `text` (up to and with its first 。 or ". "), or all of it.
pub fn first_sentence(text: &str) -> String {
    let end = [
        text.find('。').map(|i| i + '。'.len_utf8()),
        text.find(". ").map(|i| i + 1),
    ]
    .into_iter()
    .flatten()
    .min();
    end.map_or(text, |i| &text[..i]).to_string()
}

/// What a link card whose chart was cut to its first rows says of them.
pub fn rows_shown(lang: Lang, shown: usize, all: usize) -> String {
    match lang {
        Lang::Zh => format!("图中为前{shown}项，共{all}项，全部见页面"),
        Lang::En => format!("The first {shown} of {all} indicators; the page shows them all"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_has_its_own_words_in_its_language() {
        let data = crate::report::aba();
        let pages = Page::all(data);
        let titles: std::collections::BTreeSet<String> =
            pages.iter().map(|p| title(data, p)).collect();
        assert_eq!(titles.len(), pages.len(), "titles are unique");
        for p in &pages {
            let s = summary(data, p);
            assert!(!s.is_empty() && !heading(data, p).is_empty());
            let has_cjk = |t: &str| t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            match p.lang() {
                Lang::Zh => assert!(has_cjk(&s), "{s}"),
                Lang::En => assert!(!has_cjk(&title(data, p)), "{}", title(data, p)),
            }
        }
    }

    #[test]
    fn county_sentences_count_properly() {
        assert_eq!(
            county_sentence(Lang::En, "Hongyuan", 1, 3),
            "The report gives 1 figure for Hongyuan and mentions it in 3 clauses."
        );
        assert_eq!(
            county_sentence(Lang::Zh, "红原县", 0, 1),
            "报告给出红原县的数字0项，1处提及该县。"
        );
    }
}
