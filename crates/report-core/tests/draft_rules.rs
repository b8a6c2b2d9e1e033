//! The drafting rules, each on short sentences invented for the test (not lines of any
//! report): a mini-report with a review part (2041) and a plan part (2042).

use report_core::data::{Metric, Qualifier};
use report_core::draft::{draft, Draft};

fn report(review: &str, plan: &str) -> String {
    format!(
        "2041年工作回顾\n\n一、经济运行\n\n{review}\n\n2042年工作安排\n\n一、经济运行\n\n{plan}\n"
    )
}

fn figures_of(review: &str, plan: &str) -> Draft {
    draft(&report(review, plan)).unwrap_or_else(|e| panic!("{e}"))
}

/// (value_text, value, unit, qualifier, qualifier_text) of each figure.
fn brief(d: &Draft) -> Vec<(String, f64, String, Qualifier, String)> {
    d.figures
        .iter()
        .map(|f| {
            (
                f.value_text.clone(),
                f.value,
                f.unit.clone(),
                f.qualifier,
                f.qualifier_text.clone(),
            )
        })
        .collect()
}

#[test]
fn values_and_units_are_read_as_written() {
    let d = figures_of(
        "修建桥梁12座，投入资金3.5亿元，接待访客42万人次，连续九年无事故。",
        "新建水库两座。",
    );
    let b = brief(&d);
    assert_eq!(b[0].0, "12");
    assert_eq!((b[1].1, b[1].2.as_str()), (3.5, "亿元"));
    assert_eq!(b[2].2, "万人次");
    assert_eq!(
        (b[3].0.as_str(), b[3].1, b[3].2.as_str()),
        ("九", 9.0, "年")
    );
    assert_eq!(
        (d.figures[4].value, d.figures[4].unit.as_str()),
        (2.0, "座")
    );
}

#[test]
fn qualifier_words_set_the_qualifier() {
    let cases = [
        ("新建绿道30公里以上。", Qualifier::AtLeast, "以上"),
        ("入园企业超过80家。", Qualifier::AtLeast, "超过"),
        ("产值突破90亿元。", Qualifier::AtLeast, "突破"),
        ("覆盖率不低于60%。", Qualifier::AtLeast, "不低于"),
        ("保护鸟类300余种。", Qualifier::AtLeast, "余"),
        ("增长7%左右。", Qualifier::About, "左右"),
        ("播种面积约12万亩。", Qualifier::About, "约"),
        ("空置率不超过8%。", Qualifier::AtMost, "不超过"),
        ("失业率控制在4.5%以内。", Qualifier::AtMost, "以内"),
        ("误差低于2%。", Qualifier::AtMost, "低于"),
        ("库存在3万吨以下。", Qualifier::AtMost, "以下"),
        ("新建公园6个。", Qualifier::Exact, ""),
    ];
    for (sentence, q, word) in cases {
        let d = figures_of(sentence, "新建水库2座。");
        let f = &d.figures[0];
        assert_eq!(
            (f.qualifier, f.qualifier_text.as_str()),
            (q, word),
            "{sentence}"
        );
    }
}

#[test]
fn a_qualifier_after_a_list_belongs_to_each_number() {
    let d = figures_of("示范村和示范乡分别达到12个、30个以上。", "新建水库2座。");
    assert!(d.figures[..2]
        .iter()
        .all(|f| f.qualifier == Qualifier::AtLeast));
    // A word next to one number is that number's only.
    let d = figures_of("入驻企业超过60户、覆盖率85%。", "新建水库2座。");
    assert_eq!(d.figures[0].qualifier, Qualifier::AtLeast);
    assert_eq!(d.figures[1].qualifier, Qualifier::Exact);
}

#[test]
fn each_number_of_a_respectively_list_has_its_own_subject() {
    let d = figures_of(
        "城乡居民人均可支配收入分别增长4.1%、6.2%。",
        "新建水库2座。",
    );
    assert_eq!(d.figures[0].indicator.zh, "城镇居民人均可支配收入增速");
    assert_eq!(d.figures[1].indicator.zh, "农村居民人均可支配收入增速");
    let d = figures_of("自来水、燃气普及率分别达91%、77%。", "新建水库2座。");
    assert_eq!(d.figures[0].indicator.zh, "自来水普及率");
    let d = figures_of("三次产业分别增长3%、4%、5%。", "新建水库2座。");
    assert_eq!(d.figures[2].indicator.zh, "第三产业增速");
    // 均/各: one number, several subjects, a figure each.
    let d = figures_of("图书馆、博物馆各新建2座。", "新建水库2座。");
    assert_eq!(d.figures.iter().filter(|f| f.year == 2041).count(), 2);
}

#[test]
fn estimate_year_metric_and_sign_follow_the_words() {
    let d = figures_of(
        "预计地区生产总值增长5.8%，能耗下降2.5%，排放量降至30万吨，占比达到40%，差距缩小1.2个百分点。",
        "粮食产量增长2%以上。",
    );
    let f = &d.figures;
    assert!(f[0].estimate && f[1].estimate);
    assert_eq!((f[0].metric, f[0].year), (Metric::GrowthPct, 2041));
    assert_eq!(f[1].value, -2.5, "a number after 下降 is negative");
    assert_eq!(
        (f[2].value, f[2].metric),
        (30.0, Metric::Level),
        "降至 gives a positive level"
    );
    assert_eq!(f[3].metric, Metric::SharePct);
    assert_eq!(f[4].metric, Metric::ChangePp);
    let plan = f.iter().find(|f| f.year == 2042).unwrap();
    assert!(!plan.estimate);
    assert_eq!(plan.indicator.en, "Grain output growth");
    let d = figures_of("新建公园5个。", "预计新建水库2座。");
    assert!(!d.figures[0].estimate && d.figures[1].estimate);
}

#[test]
fn a_growth_without_a_subject_takes_the_measure_before_it() {
    let d = figures_of(
        "地区生产总值820亿元，增长4.9%。",
        "地区生产总值增长5%以上。",
    );
    assert_eq!(d.figures[1].indicator.zh, "地区生产总值增速");
    assert_eq!(d.figures[1].indicator.en, "GDP growth");
    let pair = d
        .comparisons
        .iter()
        .find(|c| c.id == "gdp-growth")
        .expect("a growth pair");
    assert_eq!(
        (pair.from.as_str(), pair.to.as_str()),
        ("gdp-growth-2041", "gdp-growth-2042")
    );
}

#[test]
fn numbers_that_measure_nothing_are_exclusions() {
    let t = "2041年，召开第5届论坛，“7·15”以来，建成4A级景区，开通5G基站120个，落实稳岗9条等政策，\
             推进“1+N”体系，坚持一体推进，实施十大工程，一是必须。";
    let d = figures_of(t, "新建水库2座。");
    let texts: Vec<&str> = d.exclusions.iter().map(|e| e.text.as_str()).collect();
    for (text, reason) in [
        ("2041年", "year"),
        ("第5届", "ordinal"),
        ("7·15", "date"),
        ("4A级", "grade"),
        ("5G", "name"),
        ("“1+N”", "name"),
        ("十大", "name"),
    ] {
        let e = d
            .exclusions
            .iter()
            .find(|e| e.text == text)
            .unwrap_or_else(|| panic!("{text} in {texts:?}"));
        assert_eq!(e.reason, reason, "{text}");
    }
    let figures: Vec<&str> = d.figures.iter().map(|f| f.value_text.as_str()).collect();
    assert_eq!(figures, ["120", "2"]);
}

#[test]
fn counties_sectors_and_quotes() {
    let d = figures_of(
        "推动桐川区、梅岭县共建园区。桐川新建学校3所。\n\n二、文化旅游\n\n梅岭县新增景区2个。",
        "新建水库2座。",
    );
    let counties = &d.manifest.taxonomy.counties;
    assert_eq!(counties.len(), 2);
    assert_eq!(
        (counties[0].zh.as_str(), counties[0].short.as_str()),
        ("桐川区", "桐川")
    );
    let school = &d.figures[0];
    assert_eq!(school.counties, [counties[0].slug.clone()]);
    assert_eq!(d.figures[1].sector, "tourism");
    let text = report(
        "推动桐川区、梅岭县共建园区。桐川新建学校3所。\n\n二、文化旅游\n\n梅岭县新增景区2个。",
        "新建水库2座。",
    );
    for f in &d.figures {
        assert!(text.contains(&f.quote), "{}", f.quote);
        assert!(f.quote.contains(&f.value_text));
    }
    assert_eq!(
        d.mentions.len(),
        3,
        "one mention per sentence naming a county"
    );
    assert!(
        d.notes.iter().any(|n| n.field == "county"),
        "county names are left to the review"
    );
}

#[test]
fn english_names_it_cannot_give_are_notes() {
    let d = figures_of("举办山歌比赛12场。", "新建水库2座。");
    assert_eq!(d.figures[0].indicator.en, "");
    assert!(d
        .notes
        .iter()
        .any(|n| n.id == d.figures[0].id && n.field == "indicator.en"));
}

#[test]
fn less_common_phrasings() {
    let d = figures_of(
        "1—11月，出口额达12亿元，增长1.5倍。城镇化率提高1.2个百分点，达到61%。建成三个冷链中心。细颗粒物浓度降到25微克/立方米。",
        "新建水库2座。",
    );
    assert!(d
        .exclusions
        .iter()
        .any(|e| e.text == "1—11月" && e.reason == "date"));
    let by = |vt: &str| {
        d.figures
            .iter()
            .find(|f| f.value_text == vt)
            .unwrap_or_else(|| panic!("{vt}"))
    };
    assert_eq!(
        by("1.5").indicator.zh,
        "出口额",
        "a subject-less number takes the measure before it"
    );
    assert_eq!(by("61").indicator.zh, "城镇化率");
    assert_eq!(
        by("三").indicator.zh,
        "建成冷链中心",
        "the object after the unit names a bare verb"
    );
    let pm = by("25");
    assert_eq!(
        (pm.unit.as_str(), pm.value, pm.metric),
        ("微克/立方米", 25.0, Metric::Level)
    );
}

#[test]
fn a_bound_that_names_a_class_is_a_grade_and_two_numbers_joined_by_he_are_a_list() {
    let d = figures_of(
        "东坝、西林两县联办集市，营业额50万元以上的商户占比达到40%，城乡收入分别增长4.2%和6.8%，观众达到30场次。",
        "化肥用量压减2%。",
    );
    let b = brief(&d);
    let values: Vec<&str> = b.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(values, ["40", "4.2", "6.8", "30", "2"], "{b:?}");
    assert!(d
        .exclusions
        .iter()
        .any(|e| e.text.contains("50万元以上的") && e.reason == "grade"));
    assert!(
        d.exclusions
            .iter()
            .any(|e| e.text.contains("西林两县") && e.reason == "name"),
        "{:?}",
        d.exclusions
    );
    // Both numbers of the list take the verb before it; 压减 with % is a growth rate.
    for f in &d.figures[1..3] {
        assert_eq!(f.metric, Metric::GrowthPct, "{}", f.value_text);
    }
    assert_eq!(d.figures[3].unit, "场次");
    assert_eq!(
        (d.figures[4].value, d.figures[4].metric),
        (-2.0, Metric::GrowthPct)
    );
}
