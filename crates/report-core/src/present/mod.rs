//! What the views say, as pure functions of the dataset rows and the language: the
//! value labels, the chart rows, the summaries. The canvas, the SVG download, the table
//! twins, the static pages and the native tests all take their text from here, so they
//! cannot disagree. One file per job; everything is re-exported here.

mod chart_rows;
mod download;
mod headers;
mod lang;
mod summary;
mod tabs;
mod titles;
mod twin;

pub use chart_rows::*;
pub use download::*;
pub use headers::*;
pub use lang::*;
pub use summary::*;
pub use tabs::*;
pub use titles::*;
pub use twin::*;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::tests_support::{aba, second};
    use crate::data::Period;
    use crate::state::{compare_rows, level_rows, Lang, View, ViewState, YearFilter};

    #[test]
    fn the_summary_keeps_the_values_beyond_the_break() {
        let r = &aba().report;
        let rows = compare_rows(aba(), &ViewState::default());
        let zh = compare_summary_text(Lang::Zh, r, &rows);
        assert!(zh.contains("横轴在10%之后断开"), "{zh}");
        for v in ["81%", "44.6%", "35.2%"] {
            assert!(zh.contains(v), "{v} in {zh}");
        }
        let en = compare_summary_text(Lang::En, r, &rows);
        assert!(
            en.contains("broken after 10%") && en.contains("81%"),
            "{en}"
        );
    }

    #[test]
    fn the_english_summary_counts_one_target_in_the_singular() {
        let r = &aba().report;
        let view = ViewState::default().apply(crate::state::Action::ToggleSector("economy".into()));
        let en = compare_summary_text(Lang::En, r, &compare_rows(aba(), &view));
        assert!(
            en.starts_with("Of 1 growth target with a 2023 result, "),
            "{en}"
        );
        let all = compare_summary_text(Lang::En, r, &compare_rows(aba(), &ViewState::default()));
        assert!(
            all.starts_with("Of 9 growth targets with a 2023 result, "),
            "{all}"
        );
    }

    #[test]
    fn the_english_counts_read_in_the_singular_for_one() {
        assert_eq!(
            figures_summary_text(Lang::En, 1),
            "1 figure matches the filters."
        );
        assert_eq!(
            figures_summary_text(Lang::En, 0),
            "0 figures match the filters."
        );
        assert_eq!(
            figures_summary_text(Lang::Zh, 1),
            "共有1项数字符合筛选条件。"
        );
        let data = aba();
        let levels = level_rows(data, &ViewState::default());
        let one = &levels[..1];
        let en = levels_summary_text(Lang::En, &data.report, one);
        assert!(
            en.starts_with("1 measure is reported in the same unit"),
            "{en}"
        );
        let all = levels_summary_text(Lang::En, &data.report, &levels);
        assert!(
            all.starts_with("18 measures are reported in the same unit"),
            "{all}"
        );
    }

    #[test]
    fn filters_read_as_words() {
        let data = aba();
        let none = ViewState::default();
        assert_eq!(
            filters_in_words(Lang::Zh, data, &none),
            "筛选：无（全部指标）"
        );
        let mut v = ViewState {
            year: YearFilter::Review,
            query: " 旅游 ".into(),
            ..ViewState::default()
        };
        v.counties.insert("hongyuan".into());
        let zh = filters_in_words(Lang::Zh, data, &v);
        assert!(
            zh.contains("红原") && zh.contains("2023年完成") && zh.contains("“旅游”"),
            "{zh}"
        );
        let en = filters_in_words(Lang::En, data, &v);
        assert!(en.starts_with("Filters: counties: Hongyuan"), "{en}");
    }

    #[test]
    fn every_sentence_names_the_years_of_the_report_it_is_about() {
        for data in [aba(), second()] {
            let r = &data.report;
            let (review, plan) = (r.review_year.to_string(), r.plan_year.to_string());
            let other = if data == aba() { "2030" } else { "2023" };
            let view = ViewState::default();
            let compare = compare_rows(data, &view);
            let levels = level_rows(data, &view);
            for lang in [Lang::Zh, Lang::En] {
                let texts = [
                    compare_summary_text(lang, r, &compare),
                    levels_summary_text(lang, r, &levels),
                    chart_title(lang, r, View::Compare),
                    chart_title(lang, r, View::Levels),
                    levels_key(lang, r),
                    year_label(lang, r, Period::Review),
                    year_label(lang, r, Period::Plan),
                    direction_words(lang, r, None),
                    growth_tab_label(lang, r),
                    app_title(lang, r),
                    source_line(lang, r),
                ];
                for t in &texts {
                    assert!(!t.contains(other), "{t}");
                }
                assert!(
                    texts[0].contains(&review) && texts[0].contains(&plan),
                    "{}",
                    texts[0]
                );
                assert!(
                    texts[2].contains(&review) && texts[2].contains(&plan),
                    "{}",
                    texts[2]
                );
            }
        }
    }

    #[test]
    fn every_chart_tab_has_a_chart_whose_rows_are_its_table() {
        for data in [aba(), second()] {
            for view in View::ALL {
                let v = ViewState {
                    view,
                    ..ViewState::default()
                };
                let tab = chart_tab(Lang::En, data, &v);
                assert_eq!(tab.is_some(), view.has_chart(), "{view:?}");
                let Some(tab) = tab else { continue };
                let ids: Vec<String> = tab.rows.iter().map(|r| r.id.clone()).collect();
                // The rows a reader moves through by key are the drawing's, in the table's order.
                let options = crate::chart::Options::default();
                let hits = tab.chart.paint(&crate::chart::Painter::new(&options));
                assert_eq!(hits.unwrap().ids(), ids, "{view:?}");
                assert!(!ids.is_empty(), "{view:?} of {}", data.report.file_stem);
                assert!(tab.rows.iter().all(|r| r.heading.starts_with(r.label)));
                let r = &data.report;
                assert_eq!(tab.title, chart_title(Lang::En, r, view));
                // The canvas redraws only when the rows change: the same rows are the
                // same chart, another tab's chart is not.
                let again = chart_tab(Lang::En, data, &v).unwrap();
                assert!(tab.chart.same(&*again.chart), "{view:?}");
                let other = ViewState {
                    view: if view == View::Compare {
                        View::Levels
                    } else {
                        View::Compare
                    },
                    ..ViewState::default()
                };
                assert!(!tab
                    .chart
                    .same(&*chart_tab(Lang::En, data, &other).unwrap().chart));
            }
        }
    }
}
