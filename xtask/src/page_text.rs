//! The words of each static page: its heading, its `<title>` and its summary sentence,
//! from the app's own code (`report_explorer::present`), so a page and its preview say
//! what the app says for the same view.

use report_explorer::data::Dataset;
use report_explorer::present::{
    chart_title, compare_view_summary, county_name, is_en, sector_name, source_line, tr,
};
use report_explorer::state::{compare_rows, county_content, Lang, Page, View};

/// The site's name, in the page's language.
pub fn site_name(lang: Lang) -> &'static str {
    tr(
        lang,
        "阿坝州政府工作报告数据浏览",
        "Aba Work Report Explorer",
    )
}

/// The source line ("阿坝州2024年政府工作报告" / "Aba Prefecture 2024 Government Work Report").
pub fn source(lang: Lang) -> &'static str {
    source_line(lang)
}

/// The page's heading: the view's title, named for its sector or county.
pub fn heading(data: &Dataset, page: &Page) -> String {
    let lang = page.lang();
    let growth = chart_title(lang, View::Compare);
    match page {
        Page::Home(_) => growth.to_string(),
        Page::Sector(_, s) => format!("{} · {growth}", sector_name(lang, data, s)),
        Page::County(_, c) => {
            let name = county_name(lang, data, c);
            if is_en(lang) {
                format!("{name}: what the 2024 work report says")
            } else {
                format!("{name}：2024年政府工作报告怎么说")
            }
        }
    }
}

/// The document title: heading, then the site.
pub fn title(data: &Dataset, page: &Page) -> String {
    format!("{} · {}", heading(data, page), site_name(page.lang()))
}

/// The view's summary sentence: the growth chart's own sentence (the one it reads out
/// to screen readers), or for a county how many figures and mentions the report has.
pub fn summary(data: &Dataset, page: &Page) -> String {
    let lang = page.lang();
    let view = page.view();
    match page {
        Page::Home(_) | Page::Sector(..) => {
            compare_view_summary(lang, &view, &compare_rows(data, &view))
        }
        Page::County(_, slug) => {
            let c = county_content(data, slug);
            let figures = c.figures_2023.len() + c.figures_2024.len();
            let mentions = c.mentions_2023.len() + c.mentions_2024.len();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_has_its_own_words_in_its_language() {
        let data = Dataset::embedded();
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
