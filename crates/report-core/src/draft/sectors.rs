//! The default sectors of a drafted report and the words that place a heading, a
//! paragraph's lead or an indicator in one of them. The first sector whose word occurs
//! earliest in the words wins.

use crate::data::Sector;

/// The default sectors, the genre's usual chapters.
pub const DEFAULT: &[(&str, &str, &str)] = &[
    ("economy", "综合经济", "Economy overall"),
    ("ecology", "生态环境", "Ecology & environment"),
    ("tourism", "文化旅游", "Culture & tourism"),
    ("industry", "工业能源", "Industry & energy"),
    ("agriculture", "乡村振兴", "Farming & rural areas"),
    ("investment", "投资建设", "Investment & infrastructure"),
    ("consumption", "消费市场", "Consumption & business"),
    ("finance", "财政金融", "Fiscal & finance"),
    ("livelihood", "民生保障", "Jobs & welfare"),
    ("reform", "改革开放", "Reform, innovation & opening-up"),
    ("governance", "安全治理", "Safety & governance"),
];

pub fn default_sectors() -> Vec<Sector> {
    DEFAULT
        .iter()
        .map(|(slug, zh, en)| Sector {
            slug: slug.to_string(),
            zh: zh.to_string(),
            en: en.to_string(),
        })
        .collect()
}

/// Words of each sector; a word marked `~` is weak: it names the sector only when no
/// strong word does (绿色工业 is industry, 综合治理 under an ecology heading is ecology).
const WORDS: &[(&str, &[&str])] = &[
    (
        "economy",
        &[
            "地区生产总值",
            "经济运行",
            "经济发展",
            "~经济",
            "统计",
            "三次产业",
            "发展质量",
        ],
    ),
    (
        "ecology",
        &[
            "~生态",
            "环境",
            "污染",
            "植树",
            "造林",
            "森林",
            "草原",
            "湿地",
            "水土",
            "碳",
            "河长",
            "~绿色",
            "节能",
            "能耗",
            "治理工程",
            "大气",
            "水质",
        ],
    ),
    (
        "tourism",
        &[
            "旅游", "游客", "景区", "文旅", "文化", "体育", "赛事", "度假",
        ],
    ),
    (
        "industry",
        &[
            "工业",
            "能源",
            "水电",
            "光伏",
            "风电",
            "电力",
            "电网",
            "制造",
            "园区",
            "矿",
            "产业链",
            "新材料",
            "装备",
            "规上企业",
            "产业",
        ],
    ),
    (
        "agriculture",
        &[
            "~乡村", "农业", "粮食", "畜牧", "~农村", "农田", "耕地", "果蔬", "牲畜", "出栏",
            "农牧", "种植", "脱贫", "帮扶", "~村",
        ],
    ),
    (
        "investment",
        &[
            "投资",
            "~项目",
            "交通",
            "公路",
            "高速",
            "铁路",
            "机场",
            "基建",
            "基础设施",
            "城镇化",
            "城市更新",
            "水利",
            "水库",
            "5G",
            "~建设",
            "网络",
            "通信",
        ],
    ),
    (
        "consumption",
        &[
            "消费",
            "零售",
            "市场主体",
            "商业",
            "商贸",
            "电商",
            "~企业",
            "营商",
        ],
    ),
    (
        "finance",
        &["财政", "税", "金融", "贷款", "存款", "预算", "债", "资金"],
    ),
    (
        "livelihood",
        &[
            "民生",
            "就业",
            "收入",
            "医疗",
            "医保",
            "教育",
            "学校",
            "社保",
            "养老",
            "住房",
            "卫生",
            "健康",
            "社会保障",
            "社会事业",
            "失业",
            "灾后重建",
            "福祉",
            "托育",
            "幼儿园",
        ],
    ),
    (
        "reform",
        &[
            "改革", "开放", "~创新", "科技", "专利", "对口", "合作", "招商", "协作", "人才",
        ],
    ),
    (
        "governance",
        &[
            "安全",
            "~治理",
            "法治",
            "依法",
            "应急",
            "政务",
            "案件",
            "廉政",
            "民族团结",
            "稳定",
            "平安",
            "行政",
            "政府",
            "风险",
            "灾害",
            "消防",
            "信访",
            "作风",
            "自身建设",
        ],
    ),
];

/// The sector the words name, if any: the sector of the strong word found earliest,
/// else of the weak word found earliest; with whether the word was strong.
pub fn classify_strength(words: &str) -> Option<(&'static str, bool)> {
    let mut best: Option<(bool, usize, usize, &'static str)> = None;
    for (slug, ws) in WORDS {
        for w in *ws {
            let (strong, w) = match w.strip_prefix('~') {
                Some(w) => (false, w),
                None => (true, *w),
            };
            if let Some(i) = words.find(w) {
                // Strong before weak, then earliest, then the longer word.
                let better = match best {
                    None => true,
                    Some((bs, bi, bl, _)) => {
                        (strong, std::cmp::Reverse(i), w.len()) > (bs, std::cmp::Reverse(bi), bl)
                    }
                };
                if better {
                    best = Some((strong, i, w.len(), slug));
                }
            }
        }
    }
    best.map(|(strong, _, _, s)| (s, strong))
}

/// The sector the words name, if any.
pub fn classify(words: &str) -> Option<&'static str> {
    classify_strength(words).map(|x| x.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_place_headings_in_sectors() {
        assert_eq!(classify("一、农业生产稳中有进"), Some("agriculture"));
        assert_eq!(classify("农村居民人均可支配收入"), Some("livelihood"));
        assert_eq!(classify("乡村振兴"), Some("agriculture"));
        assert_eq!(classify("旅游市场持续火热"), Some("tourism"));
        assert_eq!(classify("社会消费品零售总额"), Some("consumption"));
        assert_eq!(classify("固定资产投资"), Some("investment"));
        assert_eq!(classify("一般公共预算收入"), Some("finance"));
        assert_eq!(classify("居民人均可支配收入"), Some("livelihood"));
        assert_eq!(classify("天气晴朗"), None);
        assert_eq!(classify("绿色工业乘势而上"), Some("industry"));
        assert_eq!(
            classify_strength("综合治理成效显著"),
            Some(("governance", false))
        );
        assert_eq!(default_sectors().len(), DEFAULT.len());
    }
}
