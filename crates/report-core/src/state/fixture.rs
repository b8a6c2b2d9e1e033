//! A small hand-built dataset for exact assertions: the real one is still being edited,
//! and tests that pin counts or orders must not break when a figure is added.
//!
//! Growth pairs: gdp (6.5 → 6.0, lower), farm (4.5 → 4.0, lower), retail (5 → 5, equal),
//! invest (3 → 8, higher). Unpaired growth targets: industry (7, Barkam), revenue (4),
//! odd (7; its review-year rate of 9 has a different base, so the two are not paired). Level pairs: visitors (5300 → 5800, +9.4 %, Hongyuan),
//! power (100 → 90, −10 %), forest (not comparable). Plus a Hongyuan school count.

use crate::data::Dataset;
use serde_json::{json, Value};
use std::sync::OnceLock;

#[allow(clippy::too_many_arguments)]
fn figure(
    id: &str,
    sector: &str,
    metric: &str,
    value: f64,
    unit: &str,
    qualifier: &str,
    counties: &[&str],
    zh: &str,
    en: &str,
) -> Value {
    let year: u16 = id[id.len() - 4..].parse().expect("id ends with the year");
    json!({
        "id": id, "year": year, "sector": sector,
        "indicator": {"zh": zh, "en": en},
        "metric": metric, "value": value, "value_text": value.to_string(), "unit": unit,
        "qualifier": qualifier, "qualifier_text": "", "estimate": false,
        "counties": counties, "quote": format!("{zh}{value}{unit}"),
    })
}

pub(crate) fn data() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| {
        let taxonomy = json!({
            "title": {"zh": "阿坝州2024年政府工作报告", "en": "Aba Prefecture 2024 Work Report"},
            "place": {"zh": "阿坝州", "en": "Aba Prefecture"},
            "source": {"zh": "阿坝州2024年政府工作报告", "en": "the 2024 work report of Aba Prefecture"},
            "review_year": 2023, "plan_year": 2024, "review_ends_line": 1,
            "text": "report.txt", "text_sha256": "", "file_stem": "fixture",
            "search_example": {"zh": "旅游", "en": "tourism"},
            "sectors": [
                {"slug": "economy", "zh": "综合经济", "en": "Economy overall"},
                {"slug": "tourism", "zh": "文化旅游", "en": "Culture & tourism"},
                {"slug": "industry", "zh": "工业能源", "en": "Industry & energy"},
                {"slug": "consumption", "zh": "消费市场", "en": "Consumption & business"},
                {"slug": "investment", "zh": "投资建设", "en": "Investment"},
                {"slug": "agriculture", "zh": "乡村振兴", "en": "Farming"},
                {"slug": "finance", "zh": "财政金融", "en": "Fiscal & finance"},
                {"slug": "ecology", "zh": "生态环境", "en": "Ecology"},
                {"slug": "livelihood", "zh": "民生保障", "en": "Jobs & welfare"}
            ],
            "counties": [
                {"slug": "maerkang", "zh": "马尔康市", "short": "马尔康", "en": "Barkam", "col": 2, "row": 2},
                {"slug": "lixian", "zh": "理县", "short": "理县", "en": "Li County", "col": 2, "row": 4},
                {"slug": "hongyuan", "zh": "红原县", "short": "红原", "en": "Hongyuan", "col": 1, "row": 1}
            ],
            "chapters": []
        });
        let figures = json!([
            figure("gdp-growth-2023", "economy", "growth_pct", 6.5, "%", "about", &[], "地区生产总值增速", "GDP growth"),
            figure("visitors-2023", "tourism", "level", 5300.0, "万人次", "exact", &["hongyuan"], "游客接待量", "Tourist visits"),
            figure("farm-growth-2023", "agriculture", "growth_pct", 4.5, "%", "exact", &[], "农业增加值增速", "Farm value added growth"),
            figure("retail-growth-2023", "consumption", "growth_pct", 5.0, "%", "exact", &[], "社会消费品零售总额增速", "Retail sales growth"),
            figure("invest-growth-2023", "investment", "growth_pct", 3.0, "%", "exact", &[], "固定资产投资增速", "Fixed-asset investment growth"),
            figure("power-2023", "industry", "level", 100.0, "万千瓦", "exact", &["maerkang"], "新增装机", "New power capacity"),
            figure("forest-2023", "ecology", "rate_pct", 27.0, "%", "exact", &[], "森林覆盖率", "Forest cover"),
            figure("odd-growth-2023", "finance", "growth_pct", 9.0, "%", "exact", &[], "存款增速", "Deposit growth"),
            figure("schools-2023", "livelihood", "count", 3.0, "所", "exact", &["hongyuan"], "新建学校", "New schools"),
            figure("gdp-growth-2024", "economy", "growth_pct", 6.0, "%", "about", &[], "地区生产总值增速", "GDP growth"),
            figure("visitors-2024", "tourism", "level", 5800.0, "万人次", "at_least", &["hongyuan"], "游客接待量", "Tourist visits"),
            figure("farm-growth-2024", "agriculture", "growth_pct", 4.0, "%", "exact", &[], "农业增加值增速", "Farm value added growth"),
            figure("retail-growth-2024", "consumption", "growth_pct", 5.0, "%", "at_least", &[], "社会消费品零售总额增速", "Retail sales growth"),
            figure("invest-growth-2024", "investment", "growth_pct", 8.0, "%", "exact", &[], "固定资产投资增速", "Fixed-asset investment growth"),
            figure("industry-growth-2024", "industry", "growth_pct", 7.0, "%", "about", &["maerkang"], "规上工业增加值增速", "Industrial output growth"),
            figure("revenue-growth-2024", "finance", "growth_pct", 4.0, "%", "exact", &[], "一般公共预算收入增速", "Budget revenue growth"),
            figure("power-2024", "industry", "level", 90.0, "万千瓦", "exact", &[], "新增装机", "New power capacity"),
            figure("forest-2024", "ecology", "rate_pct", 28.0, "%", "exact", &[], "森林覆盖率", "Forest cover"),
            figure("odd-growth-2024", "finance", "growth_pct", 7.0, "%", "exact", &[], "存款增速", "Deposit growth"),
        ]);
        let mentions = json!([
            {"id": "m-hongyuan-2023-1", "year": 2023, "sector": "tourism", "counties": ["hongyuan"],
             "quote": "红原大草原创建国家5A级旅游景区", "gist": {"zh": "红原草原景区创建", "en": "Hongyuan grassland scenic area bid"}},
            {"id": "m-maerkang-2024-1", "year": 2024, "sector": "investment", "counties": ["maerkang", "hongyuan"],
             "quote": "推进马尔康至红原公路建设", "gist": {"zh": "马尔康—红原公路", "en": "Barkam–Hongyuan road"}},
            {"id": "m-lixian-2024-1", "year": 2024, "sector": "agriculture", "counties": ["lixian"],
             "quote": "理县甜樱桃产业", "gist": {"zh": "理县樱桃", "en": "Li County cherries"}}
        ]);
        let comparisons = json!([
            {"id": "gdp-growth", "kind": "growth", "from": "gdp-growth-2023", "to": "gdp-growth-2024"},
            {"id": "visitors", "kind": "level", "from": "visitors-2023", "to": "visitors-2024"},
            {"id": "retail-growth", "kind": "growth", "from": "retail-growth-2023", "to": "retail-growth-2024"},
            {"id": "invest-growth", "kind": "growth", "from": "invest-growth-2023", "to": "invest-growth-2024"},
            {"id": "farm-growth", "kind": "growth", "from": "farm-growth-2023", "to": "farm-growth-2024"},
            {"id": "power", "kind": "level", "from": "power-2023", "to": "power-2024"},
            {"id": "forest", "kind": "level", "from": "forest-2023", "to": "forest-2024",
             "not_comparable": "different scope"}
        ]);
        Dataset::parse(
            &taxonomy.to_string(),
            &figures.to_string(),
            &mentions.to_string(),
            &comparisons.to_string(),
            "[]",
            "",
        )
        .expect("fixture dataset is valid")
    })
}
