//! The invented demo studio every new install opens with, so no screen is blank.

use crate::domain::learning::{StudyKind, StudyTopic};
use crate::domain::pairing::PairingFields;
use crate::domain::problem::{ProblemCategory, ProblemFields, ProblemState};
use crate::domain::session::{
    AttendanceMark, AttendanceStatus, SessionFields, SessionKind, Systems,
};
use crate::domain::{BranchKind, Gender, Level, PartialDate, SecretaryFields};
use crate::store::{self, Store};
use chrono::{Datelike, NaiveDate, NaiveTime};

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

const PLACES: [&str; 8] = [
    "古城镇党群服务中心",
    "东坪村食用菌基地",
    "红岩村天麻种植合作社",
    "秦韵服饰有限公司二期车间",
    "双河村西甜瓜大棚",
    "中川村橡子凉粉加工坊",
    "花园村中药材种植园",
    "新街社区党员活动室",
];

const TOPICS: [(&str, SessionKind); 10] = [
    ("学习贯彻乡村振兴政策文件", SessionKind::Learning),
    ("食用菌产业基地观摩", SessionKind::ObservationVisit),
    ("天麻种植技术实战练兵", SessionKind::PracticalTraining),
    ("“1+1”结对帮扶走访", SessionKind::HelpVisit),
    ("季度工作比拼评议", SessionKind::Review),
    ("西甜瓜产销经验交流", SessionKind::Exchange),
    ("主题党日：重温入党誓词", SessionKind::ThemeDay),
    ("橡子凉粉品牌打造座谈", SessionKind::Exchange),
    ("服饰公司二期建设现场推进", SessionKind::ObservationVisit),
    ("番茄与小白黄瓜种植培训", SessionKind::PracticalTraining),
];

const PROBLEMS: [(&str, ProblemCategory, &str); 12] = [
    (
        "食用菌基地冷库用地审批",
        ProblemCategory::Industry,
        "镇自然资源所",
    ),
    (
        "年轻党员外出务工，支部活动难组织",
        ProblemCategory::PartyBuilding,
        "镇组织办",
    ),
    (
        "通组道路硬化",
        ProblemCategory::Infrastructure,
        "镇交通运输站",
    ),
    ("人饮工程水源不足", ProblemCategory::Livelihood, "镇水利站"),
    (
        "天麻种植合作社缺少烘干设备",
        ProblemCategory::Industry,
        "镇农业综合服务站",
    ),
    (
        "服饰公司二期厂房用电增容",
        ProblemCategory::Infrastructure,
        "县供电分公司",
    ),
    (
        "西甜瓜销售渠道单一",
        ProblemCategory::Industry,
        "镇电商服务站",
    ),
    (
        "村级集体经济收入偏低",
        ProblemCategory::Governance,
        "镇经管站",
    ),
    (
        "留守老人照料服务不足",
        ProblemCategory::Livelihood,
        "镇民政办",
    ),
    (
        "橡子凉粉作坊食品许可办理",
        ProblemCategory::Industry,
        "县市场监管局古城所",
    ),
    (
        "中药材价格波动大，群众种植意愿下降",
        ProblemCategory::Industry,
        "镇农业综合服务站",
    ),
    ("村务公开栏老旧", ProblemCategory::Governance, "各村党支部"),
];

/// Adds the demo studio's ledger: a session every month since May 2021 (until `today`) with
/// attendance, and about 30 problems in every state.
pub fn seed_ledger(store: &mut Store, today: NaiveDate) -> store::Result<()> {
    let roster = store.roster()?;
    let mut dice = Dice::new(20_210_520);
    store.write(|writer| {
        let mut sessions = Vec::new();
        let mut month = NaiveDate::from_ymd_opt(2021, 5, 20).unwrap_or(today);
        let mut index = 0;
        while month <= today {
            let (topic, kind) = TOPICS[index % TOPICS.len()];
            let fields = SessionFields {
                held_on: month,
                starts_at: NaiveTime::from_hms_opt(9, 0, 0),
                ends_at: NaiveTime::from_hms_opt(11, 30, 0),
                place: PLACES[index % PLACES.len()].to_owned(),
                host: "胡永刚".to_owned(),
                recorder: "刘芳".to_owned(),
                kind,
                systems: Systems::default_for(kind),
                area_id: None,
                topic: topic.to_owned(),
                discussion: "各支部书记结合本村实际交流做法，查找差距，明确下步措施。".to_owned(),
                agenda: vec![
                    "传达学习有关文件精神".to_owned(),
                    format!("围绕“{topic}”研讨交流"),
                    "梳理需要协调解决的发展难题".to_owned(),
                ],
                decisions: vec!["各支部书记一周内报送落实措施".to_owned()],
                study_topics: Vec::new(),
                pairing_id: None,
                host_branch_id: None,
            };
            let id = writer.add_session(&fields)?;
            for entry in roster.iter().filter(|e| !e.fields.archived) {
                let status = match dice.below(20) {
                    0 => AttendanceStatus::Excused,
                    1 => AttendanceStatus::Late,
                    2 if dice.chance(30) => AttendanceStatus::Absent,
                    _ => AttendanceStatus::Present,
                };
                let reason = if status == AttendanceStatus::Excused {
                    "外出学习"
                } else {
                    ""
                };
                writer.set_attendance(
                    id,
                    &AttendanceMark {
                        secretary_id: entry.id,
                        status,
                        reason: reason.to_owned(),
                    },
                )?;
            }
            sessions.push((id, month));
            index += 1;
            month = month
                .checked_add_months(chrono::Months::new(1))
                .unwrap_or(today + chrono::Days::new(1));
        }
        for number in 0..30 {
            let Some(&(session, held_on)) = sessions.get(
                sessions
                    .len()
                    .saturating_sub(1 + number * sessions.len() / 31),
            ) else {
                break;
            };
            let (title, category, responsible) = PROBLEMS[number % PROBLEMS.len()];
            let raiser = &roster[number % roster.len().max(1)];
            let helper = &roster[(number * 7 + 3) % roster.len().max(1)];
            let fields = ProblemFields {
                title: title.to_owned(),
                description: format!("{}提出：{title}，需要协调解决。", raiser.branch_name),
                category,
                branch_id: raiser.fields.branch_id,
                raised_by: Some(raiser.id),
                session_id: Some(session),
                raised_on: held_on,
                responsible: responsible.to_owned(),
                helper_id: Some(helper.id),
                deadline: held_on
                    .checked_add_days(chrono::Days::new(60 + (number as u64 % 4) * 30)),
                pairing_id: None,
            };
            let id = writer.add_problem(&fields, &raiser.fields.name)?;
            let step = |days: u64| {
                held_on
                    .checked_add_days(chrono::Days::new(days))
                    .filter(|d| *d <= today)
            };
            // Older problems have mostly been dealt with; recent ones are still in hand.
            let old = (today - held_on).num_days() > 540;
            let fate = if old && number % 5 != 3 {
                4
            } else {
                number % 5
            };
            if let Some(day) = step(20).filter(|_| fate >= 1) {
                writer.record_problem_event(
                    id,
                    ProblemState::InProgress,
                    day,
                    &helper.fields.name,
                    "已对接责任单位，正在推进",
                    None,
                )?;
            }
            if let Some(day) = step(45).filter(|_| fate >= 3) {
                let (state, note) = if fate == 3 {
                    (ProblemState::Escalated, "已上报县级有关部门协调")
                } else {
                    (ProblemState::Resolved, "经协调已解决，群众满意")
                };
                writer.record_problem_event(id, state, day, &helper.fields.name, note, None)?;
            }
        }
        Ok(())
    })
}

/// The whole demo studio: roster and ledger.
pub fn seed_all(store: &mut Store, today: NaiveDate) -> store::Result<()> {
    seed(store)?;
    seed_ledger(store, today)?;
    seed_systems(store, today)
}

/// What was studied at each kind of session: (title, how, minutes).
fn study_for(kind: SessionKind, index: usize) -> Option<(String, StudyKind, i64)> {
    const DOCUMENTS: [&str; 4] = [
        "《中国共产党农村基层组织工作条例》",
        "《乡村振兴促进法》",
        "中央一号文件精神",
        "《中国共产党支部工作条例（试行）》",
    ];
    Some(match kind {
        SessionKind::Learning | SessionKind::ThemeDay => (
            DOCUMENTS[index % DOCUMENTS.len()].to_owned(),
            StudyKind::PolicyDocument,
            120,
        ),
        SessionKind::PracticalTraining => (
            "种植技术现场教学".to_owned(),
            StudyKind::PracticalTraining,
            150,
        ),
        SessionKind::ObservationVisit => ("产业基地现场观摩".to_owned(), StudyKind::SiteVisit, 90),
        SessionKind::Exchange => ("典型经验专题讲座".to_owned(), StudyKind::Lecture, 60),
        SessionKind::HelpVisit | SessionKind::Review => return None,
    })
}

/// The five systems of the demo studio: study topics and a learning plan, six pairings with
/// their visits, hand-entered scores, notes, notices, awards, honours and the six
/// responsibilities' holders.
pub fn seed_systems(store: &mut Store, today: NaiveDate) -> store::Result<()> {
    let roster = store.roster()?;
    let branches = store.branches()?;
    // Whole records (with their agenda and decisions), as a form would edit them.
    let sessions: Vec<(crate::domain::SessionId, SessionFields)> = store
        .sessions()?
        .into_iter()
        .filter_map(|s| Some(store.session(s.id).transpose()?.map(|f| (s.id, f))))
        .collect::<store::Result<_>>()?;
    let problems = store.problems()?;
    let criteria = store.criteria()?;
    let responsibilities = store.responsibilities()?;
    let mut dice = Dice::new(20_211_001);
    let person = |i: usize| roster[i % roster.len().max(1)].id;
    store.write(|writer| {
        // Study topics, each carrying out the plan item of its month.
        let mut sessions_by_day: Vec<&(crate::domain::SessionId, SessionFields)> =
            sessions.iter().collect();
        sessions_by_day.sort_by_key(|(_, fields)| fields.held_on);
        for (index, (id, fields)) in sessions_by_day.iter().enumerate() {
            let mut fields = fields.clone();
            if let Some((title, kind, minutes)) = study_for(fields.kind, index) {
                let plan = writer.add_plan_item(
                    fields.held_on.year(),
                    fields.held_on.month(),
                    &title,
                    kind,
                )?;
                fields.study_topics = vec![StudyTopic {
                    title,
                    kind,
                    duration_min: minutes,
                    plan_item: Some(plan),
                }];
            }
            if matches!(
                fields.kind,
                SessionKind::Exchange | SessionKind::ObservationVisit
            ) {
                fields.host_branch_id = branches.get(index % branches.len().max(1)).map(|b| b.id);
            }
            writer.update_session(*id, &fields)?;
        }
        // Next months of this year: planned, not yet held; one month missed.
        for (offset, title) in [(1, "基层党建重点任务"), (2, "农村集体经济发展政策")]
        {
            if let Some(month) = today.checked_add_months(chrono::Months::new(offset))
                && month.year() == today.year()
            {
                writer.add_plan_item(month.year(), month.month(), title, StudyKind::Lecture)?;
            }
        }
        if today.month() > 2 {
            writer.add_plan_item(
                today.year(),
                today.month() - 2,
                "防汛救灾应急知识",
                StudyKind::Lecture,
            )?;
        }
        // Six strong-with-weak pairings since June 2021, visited every two months; the last
        // pair's visits stopped in the summer, so the board warns about it.
        let start = NaiveDate::from_ymd_opt(2021, 6, 1).unwrap_or(today);
        let goals = [
            "发展食用菌产业，年内建成冷库",
            "规范天麻合作社运营，扩大种植面积",
            "完善村规民约，提升治理水平",
            "西甜瓜大棚提质增效",
            "橡子凉粉打造品牌、拓宽销路",
            "配齐配强村“两委”班子",
        ];
        for (pair, goal) in goals.iter().enumerate() {
            let (strong, weak) = (person(pair * 3), person(pair * 3 + 1));
            let pairing = writer.add_pairing(&PairingFields {
                strong,
                weak,
                starts_on: start,
                ends_on: None,
                goals: (*goal).to_owned(),
                outcome: if pair % 2 == 0 {
                    "已召开对接会3次，问题逐步解决".to_owned()
                } else {
                    String::new()
                },
            })?;
            let stop = if pair == goals.len() - 1 {
                today - chrono::Days::new(100)
            } else {
                today
            };
            let mut visit = start + chrono::Days::new(10 + 7 * pair as u64);
            while visit <= stop {
                let id = writer.add_session(&SessionFields {
                    held_on: visit,
                    starts_at: NaiveTime::from_hms_opt(14, 30, 0),
                    ends_at: NaiveTime::from_hms_opt(17, 0, 0),
                    place: "被帮扶村村委会".to_owned(),
                    host: roster[(pair * 3) % roster.len().max(1)].fields.name.clone(),
                    recorder: String::new(),
                    kind: SessionKind::HelpVisit,
                    systems: Systems::default_for(SessionKind::HelpVisit),
                    area_id: None,
                    topic: format!("结对帮扶走访：{goal}"),
                    discussion: String::new(),
                    agenda: Vec::new(),
                    decisions: Vec::new(),
                    study_topics: Vec::new(),
                    pairing_id: Some(pairing),
                    host_branch_id: None,
                })?;
                for who in [strong, weak] {
                    writer.set_attendance(
                        id,
                        &AttendanceMark {
                            secretary_id: who,
                            status: AttendanceStatus::Present,
                            reason: String::new(),
                        },
                    )?;
                }
                visit = visit + chrono::Days::new(55 + dice.below(15) as u64);
            }
            if let Some(problem) = problems.get(pair * 4) {
                let mut fields = problem.fields.clone();
                fields.pairing_id = Some(pairing);
                writer.update_problem(problem.id, &fields)?;
            }
        }
        // Hand-entered scores for every quarter: duties and vanguard role, a few bonuses.
        let manual: Vec<_> = criteria
            .iter()
            .filter(|c| c.source == crate::domain::assessment::CriterionSource::Manual)
            .collect();
        let mut quarter = crate::domain::period::Period::quarter_of(start);
        while let Some(period) = quarter.filter(|p| p.start <= today) {
            for (index, entry) in roster.iter().filter(|e| !e.fields.archived).enumerate() {
                for criterion in &manual {
                    let points = match criterion.part {
                        crate::domain::assessment::CriterionPart::Base => {
                            criterion.max_score * (70 + dice.below(31)) as f64 / 100.0
                        }
                        _ if dice.chance(15) => (1 + dice.below(5)) as f64,
                        _ => continue,
                    };
                    let note = match (criterion.part, index % 3) {
                        (crate::domain::assessment::CriterionPart::Bonus, _) => "获县级表彰",
                        (crate::domain::assessment::CriterionPart::Deduction, _) => {
                            "台账资料报送不及时"
                        }
                        (_, 0) => "按时完成镇党委交办任务",
                        (_, 1) => "带头发展产业，群众评价好",
                        _ => "",
                    };
                    writer.set_score(
                        criterion.id,
                        entry.id,
                        period,
                        Some(&crate::domain::assessment::ManualScore {
                            score: (points * 2.0).round() / 2.0,
                            note: note.to_owned(),
                        }),
                    )?;
                }
            }
            quarter = period
                .end
                .succ_opt()
                .and_then(crate::domain::period::Period::quarter_of);
        }
        // Experience notes, notices, awards, honours.
        for (index, (title, text)) in [
            (
                "食用菌“企业+合作社+农户”模式的做法",
                "东坪村依托食用菌基地，引导农户以菌棒入股，统一技术、统一收购，带动120户增收。",
            ),
            (
                "天麻仿野生种植的几点体会",
                "选地要选半阴半阳的缓坡地，菌材要新鲜，下种避开雨天。",
            ),
            (
                "用好“积分制”激发群众参与村务",
                "将环境整治、移风易俗纳入积分，积分可兑换生活用品。",
            ),
            (
                "结对帮扶中如何找准突破口",
                "先帮班子、再帮产业：一月一走访，一事一台账。",
            ),
            (
                "服饰公司党支部“党建+生产”经验",
                "设立党员先锋岗，二期车间提前投产。",
            ),
        ]
        .iter()
        .enumerate()
        {
            let written_on = today - chrono::Days::new(30 + 70 * index as u64);
            writer.add_note(&crate::domain::exchange::NoteFields {
                written_on,
                title: (*title).to_owned(),
                author: Some(person(index * 4)),
                text: (*text).to_owned(),
                session: sessions_by_day
                    .iter()
                    .rev()
                    .find(|(_, fields)| fields.held_on <= written_on)
                    .map(|(id, _)| *id),
                problem: problems.get(index).map(|p| p.id).filter(|_| index % 2 == 0),
            })?;
        }
        for (days, title, text, pinned) in [
            (
                3,
                "关于开展第四季度比拼评议的通知",
                "请各支部书记于本月底前报送季度工作总结，工作室将组织比拼评议。",
                true,
            ),
            (
                12,
                "下月集中学习安排",
                "学习内容：中央一号文件精神；地点：镇党群服务中心。",
                false,
            ),
            (
                40,
                "结对帮扶走访提醒",
                "请各结对书记每两个月至少走访一次，并及时记录走访情况。",
                false,
            ),
            (
                75,
                "关于报送发展难题的通知",
                "各村发展中遇到的难题，请在活动中提出或报工作室。",
                false,
            ),
        ] {
            writer.add_notice(&crate::domain::exchange::NoticeFields {
                posted_on: today - chrono::Days::new(days),
                title: title.to_owned(),
                text: text.to_owned(),
                pinned,
            })?;
        }
        writer.add_award(
            person(2),
            today - chrono::Days::new(20),
            5,
            "带头捐资修建通组路",
        )?;
        writer.add_award(
            person(7),
            today - chrono::Days::new(45),
            3,
            "协调化解邻里纠纷",
        )?;
        writer.add_award(
            person(11),
            today - chrono::Days::new(60),
            -3,
            "未按时报送台账资料",
        )?;
        for (index, days, kind, reason) in [
            (
                0,
                15,
                crate::domain::points::HonourKind::Commendation,
                "结对帮扶成效突出，帮助建成食用菌冷库",
            ),
            (
                3,
                50,
                crate::domain::points::HonourKind::Commendation,
                "天麻合作社带动群众增收",
            ),
            (
                9,
                90,
                crate::domain::points::HonourKind::Commendation,
                "疫情防控工作表现突出",
            ),
            (
                14,
                35,
                crate::domain::points::HonourKind::Criticism,
                "连续两次无故缺席集中学习",
            ),
        ] {
            writer.add_honour(person(index), today - chrono::Days::new(days), kind, reason)?;
        }
        for (index, responsibility) in responsibilities.iter().enumerate() {
            writer.update_responsibility(&crate::domain::exchange::Responsibility {
                holder: Some(person(index * 3 + 2)),
                term_starts_on: NaiveDate::from_ymd_opt(2026, 5, 1),
                term_ends_on: NaiveDate::from_ymd_opt(2031, 4, 30),
                ..responsibility.clone()
            })?;
        }
        Ok(())
    })
}

/// Sizes of the synthetic county-scale file used for benchmarks.
pub mod county {
    /// Areas.
    pub const AREAS: usize = 15;
    /// Secretaries (one branch each).
    pub const SECRETARIES: usize = 300;
    /// Sessions over ten years.
    pub const SESSIONS: usize = 30_000;
    /// Secretaries marked at each session (600,000 attendance rows in all).
    pub const ATTENDEES: usize = 20;
    /// Problems raised at each session (60,000 in all).
    pub const PROBLEMS_PER_SESSION: usize = 2;
    /// Strong-with-weak pairings in each area (150 in all).
    pub const PAIRINGS_PER_AREA: usize = 10;
    /// Experience notes, notices, manual awards and honours.
    pub const NOTES: usize = 2_000;
}

/// Writes a synthetic county: 300 secretaries in 15 areas, 150 pairings, 30,000 sessions from
/// 2016 to 2025 with 20 marks each (and their study topics; help visits on a pairing), 60,000
/// problems with their histories, 2,000 each of notes, notices and awards, 500 commendations
/// and the hand-entered scores of every quarter, in one transaction.
pub fn seed_county(store: &mut Store) -> store::Result<()> {
    let mut dice = Dice::new(42);
    let manual: Vec<(crate::domain::assessment::CriterionId, f64)> = store
        .criteria()?
        .into_iter()
        .filter(|c| {
            c.source == crate::domain::assessment::CriterionSource::Manual
                && c.part == crate::domain::assessment::CriterionPart::Base
        })
        .map(|c| (c.id, c.max_score))
        .collect();
    store.write(|writer| {
        let mut secretaries = Vec::with_capacity(county::SECRETARIES);
        let mut branches = Vec::with_capacity(county::SECRETARIES);
        let mut areas = Vec::with_capacity(county::AREAS);
        for a in 0..county::AREAS {
            areas.push(writer.add_area(&format!("第{}片区", a + 1))?);
        }
        let per_area = county::SECRETARIES / county::AREAS;
        for s in 0..county::SECRETARIES {
            let area = areas[s / per_area];
            let branch = writer.add_branch(
                &format!("第{}村党支部", s + 1),
                BranchKind::Village,
                Some(area),
            )?;
            let id = writer.add_secretary(&SecretaryFields {
                name: format!("书记{:03}", s + 1),
                branch_id: Some(branch),
                level: Some(Level::Village),
                ..SecretaryFields::default()
            })?;
            secretaries.push(id);
            branches.push(branch);
        }
        let start = NaiveDate::from_ymd_opt(2016, 1, 1).unwrap_or_default();
        let days = 3_650;
        // Ten pairings per area, each secretary of the first half helping one of the second.
        let mut pairings = Vec::with_capacity(county::AREAS * county::PAIRINGS_PER_AREA);
        for area in 0..county::AREAS {
            for p in 0..county::PAIRINGS_PER_AREA {
                pairings.push(writer.add_pairing(&PairingFields {
                    strong: secretaries[area * per_area + p],
                    weak: secretaries[area * per_area + per_area / 2 + p],
                    starts_on: start,
                    ends_on: None,
                    goals: "发展产业".to_owned(),
                    outcome: String::new(),
                })?);
            }
        }
        for year in 2016..2026 {
            for month in 1..=12 {
                writer.add_plan_item(year, month, "学习政策文件", StudyKind::PolicyDocument)?;
            }
        }
        for n in 0..county::SESSIONS {
            let held_on = start + chrono::Days::new((n * days / county::SESSIONS) as u64);
            let area = dice.below(county::AREAS);
            let (topic, kind) = TOPICS[dice.below(TOPICS.len())];
            let study_topics = study_for(kind, n)
                .map(|(title, kind, duration_min)| StudyTopic {
                    title,
                    kind,
                    duration_min,
                    plan_item: None,
                })
                .into_iter()
                .collect();
            let pairing_id = (kind == SessionKind::HelpVisit).then(|| {
                pairings[area * county::PAIRINGS_PER_AREA + dice.below(county::PAIRINGS_PER_AREA)]
            });
            let session = writer.add_session(&SessionFields {
                held_on,
                starts_at: None,
                ends_at: None,
                place: PLACES[dice.below(PLACES.len())].to_owned(),
                host: String::new(),
                recorder: String::new(),
                kind,
                systems: Systems::default_for(kind),
                area_id: Some(areas[area]),
                topic: topic.to_owned(),
                discussion: String::new(),
                agenda: vec![topic.to_owned()],
                decisions: Vec::new(),
                study_topics,
                pairing_id,
                host_branch_id: None,
            })?;
            for k in 0..county::ATTENDEES {
                let secretary = secretaries[area * per_area + k % per_area];
                let status = AttendanceStatus::ALL[match dice.below(20) {
                    0 => 1,
                    1 => 2,
                    2 => 3,
                    _ => 0,
                }];
                writer.insert_attendance(
                    session,
                    &AttendanceMark {
                        secretary_id: secretary,
                        status,
                        reason: String::new(),
                    },
                )?;
            }
            for p in 0..county::PROBLEMS_PER_SESSION {
                let (title, category, responsible) = PROBLEMS[dice.below(PROBLEMS.len())];
                let index = area * per_area + dice.below(per_area);
                let raiser = secretaries[index];
                let problem = writer.add_problem(
                    &ProblemFields {
                        title: title.to_owned(),
                        description: String::new(),
                        category,
                        branch_id: Some(branches[index]),
                        raised_by: Some(raiser),
                        session_id: Some(session),
                        raised_on: held_on,
                        responsible: responsible.to_owned(),
                        helper_id: Some(secretaries[dice.below(secretaries.len())]),
                        deadline: held_on.checked_add_days(chrono::Days::new(90)),
                        pairing_id: None,
                    },
                    "",
                )?;
                if (n + p) % 3 != 0 {
                    let resolved = held_on + chrono::Days::new(10 + dice.below(120) as u64);
                    writer.record_problem_event(
                        problem,
                        ProblemState::Resolved,
                        resolved,
                        "",
                        "已解决",
                        None,
                    )?;
                }
            }
        }
        for n in 0..county::NOTES {
            let on = start + chrono::Days::new((n * days / county::NOTES) as u64);
            let who = secretaries[dice.below(secretaries.len())];
            writer.add_note(&crate::domain::exchange::NoteFields {
                written_on: on,
                title: format!("经验材料{n}"),
                author: Some(who),
                text: "做法与体会。".to_owned(),
                session: None,
                problem: None,
            })?;
            writer.add_notice(&crate::domain::exchange::NoticeFields {
                posted_on: on,
                title: format!("通知{n}"),
                text: "请按时参加。".to_owned(),
                pinned: n % 500 == 0,
            })?;
            writer.add_award(who, on, 1 + dice.below(5) as i64, "带头做好工作")?;
            if n % 4 == 0 {
                writer.add_honour(
                    who,
                    on,
                    crate::domain::points::HonourKind::Commendation,
                    "表现突出",
                )?;
            }
        }
        // Hand-entered scores for every quarter of the ten years.
        let mut quarter = crate::domain::period::Period::quarter_of(start);
        while let Some(period) = quarter.filter(|p| p.start.year() < 2026) {
            for who in &secretaries {
                for (criterion, max) in &manual {
                    writer.set_score(
                        *criterion,
                        *who,
                        period,
                        Some(&crate::domain::assessment::ManualScore {
                            score: max * 0.8,
                            note: String::new(),
                        }),
                    )?;
                }
            }
            quarter = period
                .end
                .succ_opt()
                .and_then(crate::domain::period::Period::quarter_of);
        }
        Ok(())
    })
}
