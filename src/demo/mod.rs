//! The invented demo studio every new install opens with, so no screen is blank.

use crate::domain::{BranchKind, Gender, Level, PartialDate, SecretaryFields};
use crate::store::{self, Store};
use chrono::NaiveDate;

mod ledger;
pub use ledger::seed_ledger;

mod systems;
pub use systems::seed_systems;

mod practice;
pub use practice::seed_practice;

mod town;
pub use town::seed_town;

pub mod county;
pub use county::seed_county;

/// Name of the demo studio.
pub const DEMO_STUDIO: &str = "古城镇联村共建书记工作室（演示）";

const AREAS: [&str; 3] = ["东片区", "中片区", "西片区"];

/// (branch, kind, area index, secretary, gender, born, level, position, education, since)
type Line = (
    &'static str,
    BranchKind,
    usize,
    &'static str,
    Gender,
    &'static str,
    Level,
    &'static str,
    &'static str,
    &'static str,
);

const LINES: [Line; 20] = {
    use BranchKind::{Community, Institution, NonPublicCompany, Village};
    use Gender::{Female as F, Male as M};
    use Level::{Group, Town, Village as V};
    [
        (
            "东坪村党支部",
            Village,
            0,
            "王建国",
            M,
            "1972.05",
            V,
            "村党支部书记、村委会主任",
            "高中",
            "2018.11",
        ),
        (
            "石门村党支部",
            Village,
            0,
            "李秀英",
            F,
            "1978.03",
            V,
            "村党支部书记",
            "大专",
            "2021.01",
        ),
        (
            "龙泉村党支部",
            Village,
            0,
            "张志强",
            M,
            "1969.10",
            V,
            "村党支部书记",
            "初中",
            "2015.06",
        ),
        (
            "桃园村党支部",
            Village,
            0,
            "刘芳",
            F,
            "1985.07",
            V,
            "村党支部书记",
            "本科",
            "2021.01",
        ),
        (
            "古城社区党支部",
            Community,
            0,
            "陈国栋",
            M,
            "1975.12",
            V,
            "社区党支部书记",
            "大专",
            "2017.03",
        ),
        (
            "秦韵服饰有限公司党支部",
            NonPublicCompany,
            0,
            "杨文华",
            F,
            "1983.09",
            V,
            "公司党支部书记",
            "本科",
            "2020.08",
        ),
        (
            "中川村党支部",
            Village,
            1,
            "赵红梅",
            F,
            "1980.02",
            V,
            "村党支部书记",
            "高中",
            "2018.11",
        ),
        (
            "柳林村党支部",
            Village,
            1,
            "黄海涛",
            M,
            "1976.04",
            V,
            "村党支部书记、村委会主任",
            "高中",
            "2018.11",
        ),
        (
            "花园村党支部",
            Village,
            1,
            "周建军",
            M,
            "1970.08",
            V,
            "村党支部书记",
            "初中",
            "2012.04",
        ),
        (
            "双河村党支部",
            Village,
            1,
            "吴丽娟",
            F,
            "1988.01",
            V,
            "村党支部书记",
            "本科",
            "2021.01",
        ),
        (
            "新街社区党支部",
            Community,
            1,
            "徐明亮",
            M,
            "1979.11",
            V,
            "社区党支部书记",
            "大专",
            "2019.05",
        ),
        (
            "菌香食用菌专业合作社党支部",
            NonPublicCompany,
            1,
            "孙桂兰",
            F,
            "1974.06",
            Group,
            "合作社党支部书记",
            "高中",
            "2020.03",
        ),
        (
            "古城镇机关党支部",
            Institution,
            1,
            "胡永刚",
            M,
            "1968.09",
            Town,
            "镇党委副书记",
            "本科",
            "2016.10",
        ),
        (
            "西沟村党支部",
            Village,
            2,
            "朱晓燕",
            F,
            "1984.05",
            V,
            "村党支部书记",
            "大专",
            "2021.01",
        ),
        (
            "红岩村党支部",
            Village,
            2,
            "高振华",
            M,
            "1971.03",
            V,
            "村党支部书记",
            "高中",
            "2014.07",
        ),
        (
            "白杨村党支部",
            Village,
            2,
            "林春生",
            M,
            "1966.12",
            V,
            "村党支部书记",
            "初中",
            "2011.09",
        ),
        (
            "黄龙村党支部",
            Village,
            2,
            "何玉梅",
            F,
            "1982.10",
            V,
            "村党支部书记、村委会主任",
            "大专",
            "2018.11",
        ),
        (
            "石坡村党支部",
            Village,
            2,
            "郭卫东",
            M,
            "1977.07",
            Group,
            "村民小组党小组长",
            "初中",
            "2019.12",
        ),
        (
            "庙湾村党支部",
            Village,
            2,
            "马金龙",
            M,
            "1973.02",
            V,
            "村党支部书记",
            "高中",
            "2018.11",
        ),
        (
            "莲花村党支部",
            Village,
            2,
            "罗䶮",
            M,
            "1990.06",
            V,
            "村党支部书记",
            "本科",
            "2021.01",
        ),
    ]
};

/// Fills an empty studio with the demo areas, branches and secretaries, in one transaction.
pub fn seed(store: &mut Store) -> store::Result<()> {
    store.write(|writer| {
        let areas = AREAS
            .iter()
            .map(|name| writer.add_area(name))
            .collect::<store::Result<Vec<_>>>()?;
        for (index, line) in LINES.iter().enumerate() {
            let (branch, kind, area, name, gender, born, level, position, education, since) = *line;
            let branch_id = writer.add_branch(branch, kind, Some(areas[area]))?;
            writer.add_secretary(&SecretaryFields {
                name: name.to_owned(),
                gender: Some(gender),
                birth: PartialDate::parse(born).ok(),
                education: education.to_owned(),
                branch_id: Some(branch_id),
                level: Some(level),
                position: position.to_owned(),
                phone: format!("1389140{:04}", 1001 + index),
                in_office_since: PartialDate::parse(since).ok(),
                notes: String::new(),
                archived: false,
            })?;
        }
        Ok(())
    })
}

/// Adds `count` invented secretaries (spread over the demo branches) for benchmarks.
pub fn add_many_secretaries(store: &mut Store, count: usize) -> store::Result<()> {
    const SURNAMES: &str =
        "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕";
    const GIVEN: &str =
        "建国秀英志强芳国栋文华红梅海涛军丽娟明亮桂兰永刚晓燕振华春生玉卫东金龙伟敏静磊洋勇艳杰娜";
    let surnames: Vec<char> = SURNAMES.chars().collect();
    let given: Vec<char> = GIVEN.chars().collect();
    let branches = store.branches()?;
    store.write(|writer| {
        for i in 0..count {
            let name: String = [
                surnames[i % surnames.len()],
                given[(i / surnames.len()) % given.len()],
                given[(i * 7 + 3) % given.len()],
            ]
            .iter()
            .collect();
            writer.add_secretary(&SecretaryFields {
                name,
                gender: Some(if i % 3 == 0 {
                    Gender::Female
                } else {
                    Gender::Male
                }),
                birth: PartialDate::parse(&format!("{}.{:02}", 1960 + i % 35, 1 + i % 12)).ok(),
                branch_id: branches.get(i % branches.len().max(1)).map(|b| b.id),
                level: Some(Level::ALL[i % 3]),
                position: "党支部书记".to_owned(),
                phone: format!("139{i:08}"),
                ..SecretaryFields::default()
            })?;
        }
        Ok(())
    })
}

/// A small deterministic generator (xorshift), so demo and bench files are the same each time.
pub struct Dice(u64);

impl Dice {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        if n == 0 {
            0
        } else {
            (self.0 % n as u64) as usize
        }
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// The whole demo studio: roster, ledger, the five systems, the wider practice and the
/// town's bases, tasks and decisions.
pub fn seed_all(store: &mut Store, today: NaiveDate) -> store::Result<()> {
    seed(store)?;
    seed_ledger(store, today)?;
    seed_systems(store, today)?;
    seed_practice(store, today)?;
    seed_town(store, today)
}
