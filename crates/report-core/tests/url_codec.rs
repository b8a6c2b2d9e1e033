//! The URL is the app's only persistence and its sharing format, so the codec must
//! round-trip every valid view, stay canonical, and survive any link a stranger sends.
//! Properties use the embedded dataset only for what holds for any valid dataset.

mod common;

use proptest::prelude::*;
use report_core::data::Dataset;
use report_core::state::{
    decode, decode_link, encode, encode_link, Embedding, Lang, Notice, NoticeReason, Slugs,
    SortKey, View, ViewState, YearFilter, MAX_PARAMS, MAX_QUERY_BYTES, NOTICE_VALUE_CHARS,
};

fn data() -> &'static Dataset {
    common::aba()
}

fn sector_slugs() -> Vec<String> {
    data()
        .taxonomy
        .sectors
        .iter()
        .map(|s| s.slug.clone())
        .collect()
}

fn county_slugs() -> Vec<String> {
    data()
        .taxonomy
        .counties
        .iter()
        .map(|c| c.slug.clone())
        .collect()
}

fn focus_ids() -> Vec<String> {
    let d = data();
    d.figures
        .iter()
        .map(|f| f.id.clone())
        .chain(d.comparison_specs.iter().map(|c| c.id.clone()))
        .collect()
}

fn subset(items: Vec<String>) -> impl Strategy<Value = Slugs> {
    let n = items.len();
    proptest::sample::subsequence(items, 0..=n).prop_map(|v| v.into_iter().collect())
}

fn focus() -> BoxedStrategy<Option<String>> {
    let ids = focus_ids();
    if ids.is_empty() {
        Just(None).boxed()
    } else {
        proptest::option::of(proptest::sample::select(ids)).boxed()
    }
}

fn query() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::collection::vec(any::<char>(), 0..=100),
        proptest::collection::vec(
            proptest::sample::select(vec![
                '增', '长', ' ', '+', '%', '&', '=', ',', '#', '?', 'a', 'Z', '\u{3000}', '\n'
            ]),
            0..=100
        ),
    ]
    .prop_map(|chars| chars.into_iter().collect::<String>().trim().to_owned())
}

prop_compose! {
    fn valid_state()(
        lang in proptest::sample::select(Lang::ALL.to_vec()),
        view in proptest::sample::select(View::ALL.to_vec()),
        sectors in subset(sector_slugs()),
        counties in subset(county_slugs()),
        year in proptest::sample::select(YearFilter::ALL.to_vec()),
        query in query(),
        focus in focus(),
        sort in proptest::sample::select(SortKey::ALL.to_vec()),
        sort_desc in any::<bool>(),
        embed in any::<bool>(),
        child_id in proptest::option::of("[A-Za-z0-9_-]{1,64}"),
        initial_width in proptest::option::of(any::<u32>()),
    ) -> (ViewState, Embedding) {
        (
            ViewState { lang, view, sectors, counties, year, query, focus, sort, sort_desc },
            Embedding { embed, child_id, initial_width },
        )
    }
}

/// Link-like text: mostly the codec's own alphabet, so random cases reach deep paths.
fn link_soup() -> impl Strategy<Value = String> {
    let piece = proptest::sample::select(vec![
        "&",
        "=",
        "?",
        "+",
        ",",
        "%",
        "%E4",
        "%B8",
        "%2C",
        "%26",
        "%3D",
        "%zz",
        "%%",
        "lang",
        "tab",
        "sector",
        "county",
        "year",
        "q",
        "focus",
        "sort",
        "embed",
        "childId",
        "initialWidth",
        "parentUrl",
        "en",
        "ZH",
        "levels",
        "2023",
        "-value",
        "economy",
        "tourism",
        "hongyuan",
        "红原",
        "红原县",
        "Barkam",
        "1",
        "-",
        "gdp-growth",
        " ",
        "\u{0}",
    ]);
    proptest::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

fn reasons(notices: &[Notice]) -> Vec<(&str, NoticeReason)> {
    notices.iter().map(|n| (n.key.as_str(), n.reason)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn valid_views_round_trip_without_notices((s, e) in valid_state()) {
        let link = encode_link(&s, &e);
        let (back, back_embedding, notices) = decode_link(ViewState::default(), &link, data());
        prop_assert_eq!(notices, vec![], "link {}", link);
        prop_assert_eq!(back, s.clone(), "link {}", link);
        prop_assert_eq!(back_embedding, e, "link {}", link);
        // Without the embedding, the view alone round-trips too.
        prop_assert_eq!(decode(&encode(&s), data()).0, s.clone());
        prop_assert!(link.len() <= MAX_QUERY_BYTES);
        // The leading '?' is optional.
        prop_assert_eq!(decode(link.trim_start_matches('?'), data()).0, decode(&link, data()).0);
    }

    #[test]
    fn decode_survives_any_text(text in any::<String>()) {
        check_canonical(&text)?;
    }

    #[test]
    fn decode_survives_byte_soup(bytes in proptest::collection::vec(any::<u8>(), 0..6000)) {
        check_canonical(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn decode_survives_link_soup(text in link_soup()) {
        check_canonical(&text)?;
    }

    #[test]
    fn decode_survives_oversized_and_repeated_input(
        part in link_soup(),
        times in 1usize..400,
    ) {
        let text = format!("{part}&").repeat(times);
        let (_, notices) = decode(&text, data());
        // Work is capped, so the notices are too.
        prop_assert!(notices.len() <= MAX_QUERY_BYTES / 2 + 1);
        check_canonical(&text)?;
    }

    #[test]
    fn parameter_order_does_not_change_the_link(
        (s, e) in valid_state(),
        seed in any::<u64>(),
    ) {
        let link = encode_link(&s, &e);
        let mut params: Vec<&str> = link.trim_start_matches('?').split('&').filter(|p| !p.is_empty()).collect();
        // A deterministic shuffle driven by the seed.
        let mut x = seed | 1;
        for i in (1..params.len()).rev() {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            params.swap(i, (x % (i as u64 + 1)) as usize);
        }
        let shuffled = params.join("&");
        let (back, back_embedding, notices) = decode_link(ViewState::default(), &shuffled, data());
        prop_assert_eq!(notices, vec![]);
        prop_assert_eq!(encode_link(&back, &back_embedding), link);
    }

    #[test]
    fn notice_values_are_short(text in link_soup()) {
        for n in decode(&text, data()).1 {
            prop_assert!(n.value.chars().count() <= NOTICE_VALUE_CHARS);
            prop_assert!(n.key.chars().count() <= NOTICE_VALUE_CHARS);
            prop_assert!(!n.value.chars().any(char::is_control));
        }
    }
}

/// Decoding any text yields a view whose link is a fixed point: decoding the link gives
/// the same view back, without notices.
fn check_canonical(text: &str) -> Result<(), TestCaseError> {
    let (state, _) = decode(text, data());
    let link = encode(&state);
    let (again, notices) = decode(&link, data());
    prop_assert_eq!(&notices, &vec![], "link {}", link);
    prop_assert_eq!(encode(&again), link.clone());
    prop_assert_eq!(again, state);
    Ok(())
}

fn economy_and_hongyuan_exist() -> bool {
    data().sector("economy").is_some() && data().county("hongyuan").is_some()
}

#[test]
fn hostile_link_keeps_what_it_can_and_shows_the_rest_as_text() {
    assert!(economy_and_hongyuan_exist());
    let (s, n) = decode(
        "?sector=economy,nope&county=<script>alert(1)</script>",
        data(),
    );
    assert_eq!(s.sectors, Slugs::one("economy".to_string()));
    assert!(s.counties.is_empty());
    assert_eq!(
        n,
        vec![
            Notice {
                key: "sector".into(),
                value: "nope".into(),
                reason: NoticeReason::UnknownValue
            },
            Notice {
                key: "county".into(),
                value: "<script>alert(1)</script>".into(),
                reason: NoticeReason::UnknownValue
            },
        ]
    );
    assert_eq!(encode(&s), "?sector=economy");
}

#[test]
fn long_hostile_values_are_truncated_for_display() {
    let payload = format!("<img src=x onerror=alert(1)>{}", "x".repeat(100));
    let (_, n) = decode(&format!("county={payload}"), data());
    assert_eq!(n.len(), 1);
    assert_eq!(n[0].value.chars().count(), NOTICE_VALUE_CHARS);
    assert!(n[0].value.starts_with("<img src=x onerror=alert(1)>"));
    assert!(n[0].value.ends_with('…'));
}

#[test]
fn repeated_key_first_wins() {
    let (s, n) = decode("?lang=en&lang=zh", data());
    assert_eq!(s.lang, Lang::En);
    assert_eq!(reasons(&n), vec![("lang", NoticeReason::Repeated)]);
}

#[test]
fn truncated_utf8_escape_is_bad_encoding() {
    let (s, n) = decode("?q=%E4%B8", data());
    assert_eq!(s, ViewState::default());
    assert_eq!(reasons(&n), vec![("q", NoticeReason::BadEncoding)]);
}

#[test]
fn plus_is_a_space() {
    let (s, n) = decode("?q=a+b", data());
    assert_eq!((s.query.as_str(), n), ("a b", vec![]));
    assert_eq!(encode(&s), "?q=a+b");
}

#[test]
fn chinese_county_names_are_aliases() {
    assert!(economy_and_hongyuan_exist());
    for alias in [
        "红原",
        "红原县",
        "%E7%BA%A2%E5%8E%9F",
        "hongyuan",
        "HONGYUAN",
    ] {
        let (s, n) = decode(&format!("?county={alias}"), data());
        assert_eq!(n, vec![], "{alias}");
        assert_eq!(s.counties, Slugs::one("hongyuan".to_string()), "{alias}");
        assert_eq!(encode(&s), "?county=hongyuan");
    }
}

#[test]
fn every_taxonomy_name_is_an_alias_for_its_slug() {
    let d = data();
    for c in &d.taxonomy.counties {
        for name in [&c.zh, &c.short, &c.en, &c.en.to_uppercase()] {
            let (s, n) = decode(&format!("county={name}").replace('&', "%26"), d);
            assert_eq!(n, vec![], "{name}");
            assert_eq!(s.counties, Slugs::one(c.slug.clone()), "{name}");
        }
    }
    for sector in &d.taxonomy.sectors {
        let (s, n) = decode(&format!("sector={}", sector.zh), d);
        assert_eq!(n, vec![], "{}", sector.zh);
        assert_eq!(s.sectors, Slugs::one(sector.slug.clone()));
    }
}

#[test]
fn caps_bound_the_work_on_huge_links() {
    let huge = "lang=en&".repeat(100_000);
    let (s, n) = decode(&huge, data());
    assert_eq!(s.lang, Lang::En);
    assert!(n.len() <= MAX_PARAMS);
    assert_eq!(n.last().unwrap().reason, NoticeReason::TooLong);
    let (s, n) = decode(&"%".repeat(1_000_000), data());
    assert_eq!(s, ViewState::default());
    assert!(n.len() <= 2);
}
