//! One formatter for every number a reader sees: the chart, its table twin and the
//! download print a figure the same way, with one minus sign (U+2212). The CSV keeps the
//! stored form ("-50"), which spreadsheets read as a number.

mod common;

use report_core::chart::{chart_svg, Growth, Options};
use report_core::data::export;
use report_core::data::format::MINUS;
use report_core::present::{chart_options, chart_tab, compare_chart_rows, value_label};
use report_core::state::{CompareRow, Lang, View, ViewState};

fn wide(lang: Lang) -> Options {
    Options {
        width: 1400,
        height: 900,
        ..chart_options(lang, &common::aba().report)
    }
}

#[test]
fn the_levels_chart_prints_each_row_as_its_table_does() {
    let data = common::aba();
    for lang in [Lang::Zh, Lang::En] {
        let view = ViewState {
            lang,
            view: View::Levels,
            ..ViewState::default()
        };
        let tab = chart_tab(lang, data, &view).expect("levels tab");
        let svg = chart_svg(&*tab.chart, &wide(lang));
        assert!(!tab.rows.is_empty());
        for row in &tab.rows {
            for cell in [&row.from_cell, &row.to_cell, &row.change] {
                assert!(svg.contains(cell.as_str()), "{lang:?} {}: {cell}", row.id);
            }
        }
    }
}

#[test]
fn a_decrease_reads_with_one_minus_sign_in_label_chart_and_table() {
    let data = common::aba();
    let negative: Vec<_> = data.figures.iter().filter(|f| f.value < 0.0).collect();
    assert!(!negative.is_empty(), "the report states a decrease");
    for f in negative {
        for lang in [Lang::Zh, Lang::En] {
            let label = value_label(lang, f);
            assert!(label.contains(MINUS) && !label.contains('-'), "{label}");
            let rows = compare_chart_rows(
                lang,
                &[CompareRow {
                    id: f.id.clone(),
                    from: None,
                    to: f,
                    direction: None,
                }],
            );
            let svg = chart_svg(&Growth(rows), &wide(lang));
            assert!(svg.contains(&label), "{lang:?}: {label} not in the chart");
        }
        let csv = export::figures_csv(&data.figures);
        let stored = format!(",{},", export::number(f.value));
        assert!(stored.contains("-") && csv.contains(&stored), "{stored}");
    }
}
