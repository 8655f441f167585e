//! The demo studio's wider practice: the people register and the four "100-member league"
//! groups with terms and letters, guests at sessions, this year's theme party days, last
//! year's check-ups and appraisals — so the screens of the practice open on a town's records.

use super::Dice;
use crate::domain::appraisal::AppraisalFields;
use crate::domain::checkup::{CheckupFields, Indicator, Step, Subject};
use crate::domain::league::{Group, MemberFields, MemberId, PersonFields, PersonId, Role};
use crate::domain::session::{SessionKind, SessionSummary};
use crate::domain::theme_day::{ThemeDayFields, ThemeDayState, fixed_day};
use crate::domain::{Branch, BranchId, Gender, RosterEntry, SecretaryId};
use crate::store::{self, Store, Writer};
use chrono::{Datelike, Days, NaiveDate};

/// What a theme party day of each month is about, January first.
pub(super) const THEME_TOPICS: [&str; 12] = [
    "学习贯彻党的二十届四中全会精神",
    "新春走访慰问困难党员和群众",
    "学雷锋志愿服务：清理河道垃圾",
    "清明祭英烈，重温入党誓词",
    "学习《中国共产党农村基层组织工作条例》",
    "防汛知识培训和应急演练",
    "“七一”过政治生日，重温入党誓词",
    "汛期志愿服务：巡查地质灾害隐患点",
    "产业基地观摩：食用菌和天麻种植",
    "丰收节助农销售志愿服务",
    "党纪学习教育：学习《中国共产党纪律处分条例》",
    "年度组织生活会和民主评议党员",
];

/// What the check-ups found, to pick from.
const FINDINGS: [&str; 10] = [
    "理论学习不够系统，学习笔记记录不全",
    "联系群众不够经常，入户走访次数偏少",
    "“三会一课”记录不规范，会议记录过于简单",
    "发展村级集体经济思路不宽，办法不多",
    "落实“四议两公开”程序不够严格",
    "对年轻党员的培养发展重视不够",
    "村务公开不及时，财务公开内容不全",
    "带头干事创业的劲头有所减弱",
    "批评与自我批评不够深入，辣味不足",
    "对结对帮扶村的走访次数不够",
];

/// Someone of the register: name, gender, village (a branch of the roster if one has that
/// name, else written as it is), occupation or former post, and the secretary it is, if any.
struct Someone {
    name: &'static str,
    gender: Gender,
    village: &'static str,
    occupation: &'static str,
    secretary: bool,
}

const fn someone(
    name: &'static str,
    gender: Gender,
    village: &'static str,
    occupation: &'static str,
) -> Someone {
    Someone {
        name,
        gender,
        village,
        occupation,
        secretary: false,
    }
}

const fn secretary(name: &'static str, gender: Gender, village: &'static str) -> Someone {
    Someone {
        name,
        gender,
        village,
        occupation: "党支部书记",
        secretary: true,
    }
}

/// The forty people of the register, in the groups' order: each group's first is its 团长,
/// the next one or two its 副团长.
const PEOPLE: [(usize, Someone); 40] = {
    use Gender::{Female as F, Male as M};
    [
        // 党组织书记智囊团: mostly the studio's own secretaries.
        (0, secretary("胡永刚", M, "古城镇机关党支部")),
        (0, secretary("王建国", M, "东坪村党支部")),
        (0, secretary("高振华", M, "红岩村党支部")),
        (0, secretary("张志强", M, "龙泉村党支部")),
        (0, secretary("周建军", M, "花园村党支部")),
        (0, secretary("林春生", M, "白杨村党支部")),
        (0, secretary("孙桂兰", F, "菌香食用菌专业合作社党支部")),
        (0, secretary("何玉梅", F, "黄龙村党支部")),
        (0, secretary("杨文华", F, "秦韵服饰有限公司党支部")),
        (0, someone("冯德明", M, "古城社区", "县委党校退休讲师")),
        // 离任村干部村务治理顾问团
        (1, someone("董福来", M, "东坪村党支部", "原村委会主任")),
        (1, someone("韩世昌", M, "龙泉村党支部", "原村党支部书记")),
        (1, someone("曹德顺", M, "花园村党支部", "原村党支部书记")),
        (1, someone("袁守义", M, "柳林村党支部", "原村委会主任")),
        (1, someone("邓桂芝", F, "石门村党支部", "原村妇女主任")),
        (1, someone("许长青", M, "白杨村党支部", "原村党支部书记")),
        (1, someone("傅明堂", M, "红岩村党支部", "原村委会主任")),
        (1, someone("沈玉兰", F, "中川村党支部", "原村监委会主任")),
        (1, someone("彭治国", M, "庙湾村党支部", "原村会计")),
        (1, someone("吕占山", M, "石坡村党支部", "原村民小组组长")),
        // 妇女团
        (2, someone("唐秀珍", F, "古城镇", "镇妇联主席")),
        (2, secretary("刘芳", F, "桃园村党支部")),
        (2, someone("于春燕", F, "双河村党支部", "村妇联主席")),
        (
            2,
            someone(
                "萧丽华",
                F,
                "桃园村党支部",
                "巾帼致富带头人、西甜瓜种植大户",
            ),
        ),
        (
            2,
            someone(
                "程小娟",
                F,
                "中川村党支部",
                "巾帼致富带头人、橡子凉粉加工坊负责人",
            ),
        ),
        (2, someone("冯雪梅", F, "新街社区党支部", "社区妇联主席")),
        (
            2,
            someone("蒋巧云", F, "秦韵服饰有限公司党支部", "服装厂车间主任"),
        ),
        (2, someone("谢翠萍", F, "西沟村党支部", "电商直播带头人")),
        (2, someone("梁淑芬", F, "黄龙村党支部", "村妇联主席")),
        (
            2,
            someone("宋春花", F, "莲花村党支部", "巾帼致富带头人、中药材种植户"),
        ),
        // 经济发展顾问团
        (
            3,
            someone("邓建华", M, "东坪村党支部", "食用菌专业合作社理事长"),
        ),
        (
            3,
            someone("郑永胜", M, "秦韵服饰有限公司党支部", "服装厂厂长"),
        ),
        (
            3,
            someone("彭立军", M, "红岩村党支部", "天麻种植专业合作社理事长"),
        ),
        (
            3,
            someone(
                "任志远",
                M,
                "洛南县农业技术推广中心",
                "县农技中心高级农艺师",
            ),
        ),
        (3, someone("田玉林", M, "古城镇", "镇农业综合服务站站长")),
        (3, someone("石红英", F, "双河村党支部", "西甜瓜种植大户")),
        (
            3,
            someone("江海波", M, "古城社区党支部", "镇电商服务站负责人"),
        ),
        (
            3,
            someone("叶茂林", M, "洛南县林业局", "高级工程师（中药材）"),
        ),
        (3, someone("罗守成", M, "花园村党支部", "中药材种植大户")),
        (3, someone("魏国平", M, "古城镇", "古城信用社主任")),
    ]
};

/// Who serves in a second group besides their own: (name, group).
const SECOND_GROUPS: [(&str, usize); 1] = [("杨文华", 3)];

/// Whose term ends within the reminder's 30 days, and in how many days.
const ENDING_SOON: [(&str, u64); 3] = [("冯德明", 9), ("任志远", 18), ("叶茂林", 26)];

/// Who joined of late: no letter yet, discipline not yet signed.
const JOINED_LATELY: [&str; 3] = ["谢翠萍", "江海波", "魏国平"];

/// Who holds a letter but has not signed the discipline requirements.
const NOT_SIGNED: [&str; 1] = ["吕占山"];

/// The wider practice of the demo studio, in one transaction.
pub fn seed_practice(store: &mut Store, today: NaiveDate) -> store::Result<()> {
    let roster = store.roster()?;
    let branches = store.branches()?;
    let groups = store.groups()?;
    let sessions = store.sessions()?;
    let indicators = store.checkup_indicators()?;
    let mut dice = Dice::new(20_240_701);
    store.write(|writer| {
        let people = people_and_groups(writer, &roster, &branches, &groups, today)?;
        guests(writer, &sessions, &people, today)?;
        theme_days(writer, &branches, &mut dice, today)?;
        checkups(writer, &roster, &indicators, &mut dice, today)?;
        appraisals(writer, &roster, &mut dice, today)
    })
}

/// The first day of the groups' current term: the 1st of July at least a year and a half ago
/// (2024-07-01 for a day in 2026), so terms run three years around `today`.
fn term_start(today: NaiveDate) -> NaiveDate {
    let year = if today.month() >= 7 {
        today.year() - 2
    } else {
        today.year() - 3
    };
    NaiveDate::from_ymd_opt(year, 7, 1).unwrap_or(today)
}

fn days_after(day: NaiveDate, days: u64) -> NaiveDate {
    day.checked_add_days(Days::new(days)).unwrap_or(day)
}

fn days_before(day: NaiveDate, days: u64) -> NaiveDate {
    day.checked_sub_days(Days::new(days)).unwrap_or(day)
}

/// The people, their memberships and letters; returns each person's id by name.
fn people_and_groups(
    writer: &mut Writer<'_>,
    roster: &[RosterEntry],
    branches: &[Branch],
    groups: &[Group],
    today: NaiveDate,
) -> store::Result<Vec<(&'static str, PersonId)>> {
    let start = term_start(today);
    let end = start
        .with_year(start.year() + 3)
        .map_or(start, |d| days_before(d, 1));
    let mut people = Vec::with_capacity(PEOPLE.len());
    // Members whose letters go out together, after the term began; per issue day.
    let mut letters: Vec<(NaiveDate, Vec<MemberId>)> = Vec::new();
    let mut place = [0usize; 4];
    let memberships = PEOPLE
        .iter()
        .map(|(group, who)| (*group, who.name))
        .chain(SECOND_GROUPS.iter().map(|(name, group)| (*group, *name)));
    for (index, (_, who)) in PEOPLE.iter().enumerate() {
        let branch = branches.iter().find(|b| b.name == who.village);
        let secretary: Option<&RosterEntry> = who
            .secretary
            .then(|| roster.iter().find(|e| e.fields.name == who.name))
            .flatten();
        let id = writer.add_person(&PersonFields {
            name: who.name.to_owned(),
            gender: Some(who.gender),
            branch_id: branch.map(|b| b.id),
            village: if branch.is_some() {
                String::new()
            } else {
                who.village.to_owned()
            },
            phone: secretary.map_or_else(
                || format!("1399140{:04}", 2001 + index),
                |s| s.fields.phone.clone(),
            ),
            occupation: secretary
                .map_or(who.occupation, |s| s.fields.position.as_str())
                .to_owned(),
            notes: String::new(),
            secretary_id: secretary.map(|s| s.id),
        })?;
        people.push((who.name, id));
    }
    for (group_index, name) in memberships {
        let Some(group) = groups.get(group_index) else {
            continue;
        };
        let Some(&(_, person)) = people.iter().find(|(n, _)| *n == name) else {
            continue;
        };
        let role = match place[group_index] {
            0 => Role::Leader,
            1 => Role::Deputy,
            2 if group_index % 2 == 1 => Role::Deputy,
            _ => Role::Member,
        };
        place[group_index] += 1;
        let (term_starts_on, term_ends_on) = match ENDING_SOON.iter().find(|(n, _)| *n == name) {
            // Two-year terms of the experts invited later.
            Some((_, days)) => {
                let ends = days_after(today, *days);
                let starts = ends
                    .with_year(ends.year() - 2)
                    .map_or(ends, |d| days_after(d, 1));
                (starts, ends)
            }
            None if JOINED_LATELY.contains(&name) => (days_before(today, 40), end),
            None => (start, end),
        };
        let member = writer.add_member(&MemberFields {
            group: group.id,
            person,
            role,
            term_starts_on,
            term_ends_on: Some(term_ends_on),
            discipline_signed: !JOINED_LATELY.contains(&name) && !NOT_SIGNED.contains(&name),
            letter: None,
            issued_on: None,
        })?;
        if !JOINED_LATELY.contains(&name) {
            let on = days_after(term_starts_on, 7).min(today);
            match letters.iter_mut().find(|(day, _)| *day == on) {
                Some((_, members)) => members.push(member),
                None => letters.push((on, vec![member])),
            }
        }
    }
    letters.sort_by_key(|(day, _)| *day);
    for (on, members) in &letters {
        writer.issue_letters(members, *on)?;
    }
    Ok(people)
}

/// Experts and group members invited to the latest study and visit sessions (列席).
fn guests(
    writer: &mut Writer<'_>,
    sessions: &[SessionSummary],
    people: &[(&'static str, PersonId)],
    today: NaiveDate,
) -> store::Result<()> {
    let ids = |names: &[&str]| -> Vec<PersonId> {
        names
            .iter()
            .filter_map(|n| people.iter().find(|(name, _)| name == n).map(|(_, id)| *id))
            .collect()
    };
    let mut past: Vec<&SessionSummary> = sessions
        .iter()
        .filter(|s| s.fields.held_on <= today)
        .collect();
    past.sort_by_key(|s| std::cmp::Reverse(s.fields.held_on));
    let invitations: [(SessionKind, usize, &[&str]); 4] = [
        (SessionKind::PracticalTraining, 0, &["任志远", "田玉林"]),
        (SessionKind::PracticalTraining, 1, &["叶茂林", "彭立军"]),
        (SessionKind::Learning, 0, &["冯德明", "唐秀珍"]),
        (
            SessionKind::ObservationVisit,
            0,
            &["邓建华", "郑永胜", "董福来"],
        ),
    ];
    for (kind, nth, names) in invitations {
        if let Some(session) = past.iter().filter(|s| s.fields.kind == kind).nth(nth) {
            writer.set_session_guests(session.id, &ids(names))?;
        }
    }
    Ok(())
}

/// Every branch's theme party days of this year up to this month: mostly held on their
/// fixed day, a few late (补开), two missed for duty, a few under the attendance floor; this
/// month's still planned for most.
fn theme_days(
    writer: &mut Writer<'_>,
    branches: &[Branch],
    dice: &mut Dice,
    today: NaiveDate,
) -> store::Result<()> {
    const FIXED_DAYS: [u32; 5] = [5, 10, 15, 20, 25];
    let missed: [(&str, u32, &str); 2] = [
        (
            "红岩村党支部",
            7,
            "汛期防汛值守，党员全部参与巡查和群众转移，未能召开",
        ),
        ("石坡村党支部", 3, "森林防火期集中值守，党员分组上山巡护"),
    ];
    let year = today.year();
    for (index, branch) in branches.iter().filter(|b| !b.archived).enumerate() {
        let fixed = FIXED_DAYS[index % FIXED_DAYS.len()];
        let members_total = match branch.kind {
            crate::domain::BranchKind::Village => 22 + dice.below(24) as i64,
            crate::domain::BranchKind::Community => 18 + dice.below(14) as i64,
            _ => 7 + dice.below(9) as i64,
        };
        for month in 1..=today.month() {
            let Some(planned_on) = fixed_day(year, month, fixed) else {
                continue;
            };
            let topic = THEME_TOPICS[(month - 1) as usize].to_owned();
            let base = ThemeDayFields {
                branch: branch.id,
                year,
                month,
                planned_on,
                topic,
                state: ThemeDayState::Planned,
                held_on: None,
                members_present: None,
                members_total: None,
                reason: String::new(),
                notes: String::new(),
            };
            let this_month = month == today.month();
            let fields = if this_month && (index % 4 != 0 || planned_on >= today) {
                // This month's is still to come: planned for a day not yet past.
                let last = fixed_day(year, month, 31).unwrap_or(today);
                let day = days_after(today, (index % 6) as u64).min(last);
                ThemeDayFields {
                    planned_on: if planned_on >= today { planned_on } else { day },
                    ..base
                }
            } else if let Some((_, _, reason)) = missed
                .iter()
                .find(|(name, m, _)| *name == branch.name && *m == month && !this_month)
            {
                ThemeDayFields {
                    state: ThemeDayState::Missed,
                    reason: (*reason).to_owned(),
                    ..base
                }
            } else {
                let late = days_after(planned_on, 3 + dice.below(8) as u64);
                let (held_on, notes) = if dice.chance(12) && late <= today {
                    (late, "书记外出参加培训，推迟召开（补开）")
                } else {
                    (planned_on, "")
                };
                let share = if dice.chance(8) {
                    62 + dice.below(16)
                } else {
                    82 + dice.below(19)
                };
                let present = (members_total * share as i64 / 100).min(members_total);
                ThemeDayFields {
                    state: ThemeDayState::Held,
                    held_on: Some(held_on),
                    members_present: Some(present),
                    members_total: Some(members_total),
                    notes: notes.to_owned(),
                    ..base
                }
            };
            writer.set_theme_day(&fields, today)?;
        }
    }
    Ok(())
}

/// Last year's party-spirit check-ups of eight secretaries: all four steps scored, mostly
/// 健康, two 亚健康, one 不健康; their findings, a few of them followed as problems.
fn checkups(
    writer: &mut Writer<'_>,
    roster: &[RosterEntry],
    indicators: &[Indicator],
    dice: &mut Dice,
    today: NaiveDate,
) -> store::Result<()> {
    // (secretary, the steps' share of full marks around which scores fall, findings)
    let checked: [(&str, usize, &[usize]); 8] = [
        ("王建国", 93, &[0]),
        ("李秀英", 91, &[1, 6]),
        ("张志强", 78, &[3, 4, 7]),
        ("赵红梅", 94, &[8]),
        ("黄海涛", 90, &[2, 9]),
        ("朱晓燕", 77, &[5, 1]),
        ("高振华", 92, &[0, 3]),
        ("郭卫东", 63, &[2, 4, 6]),
    ];
    let year = today.year() - 1;
    for (index, (name, around, findings)) in checked.iter().enumerate() {
        let Some(entry) = roster.iter().find(|e| e.fields.name == *name) else {
            continue;
        };
        let mut scores = Vec::with_capacity(indicators.len() * Step::ALL.len());
        for step in Step::ALL {
            for indicator in indicators {
                let percent = (*around + dice.below(7)).saturating_sub(3).min(100);
                let score = (indicator.max_score * percent as f64 / 100.0 * 2.0).round() / 2.0;
                scores.push((indicator.id, *step, score.min(indicator.max_score)));
            }
        }
        let held_on = NaiveDate::from_ymd_opt(year, 12, 10 + index as u32);
        let checkup = writer.save_checkup(
            None,
            &CheckupFields {
                subject: Subject::Secretary(entry.id),
                year,
                held_on,
                masses_count: 15 + dice.below(16) as i64,
                notes: "对照检查材料已存档".to_owned(),
                scores,
            },
        )?;
        for (n, finding) in findings.iter().enumerate() {
            let finding = writer.add_finding(checkup, FINDINGS[*finding])?;
            // The unhealthy one's findings all go to the ledger; of the others the first of
            // those under 80.
            if *around < 70 || (*around < 80 && n == 0) {
                let on = held_on.map_or(today, |d| days_after(d, 20).min(today));
                writer.finding_to_problem(finding, on, "镇党委组织办")?;
            }
        }
    }
    Ok(())
}

/// Last year's duty reports and democratic appraisals of every secretary in office: 30–60
/// voters, mostly 优秀 or 合格, one 基本合格.
fn appraisals(
    writer: &mut Writer<'_>,
    roster: &[RosterEntry],
    dice: &mut Dice,
    today: NaiveDate,
) -> store::Result<()> {
    let year = today.year() - 1;
    for (index, entry) in roster.iter().filter(|e| !e.fields.archived).enumerate() {
        let voters = 30 + dice.below(31) as i64;
        let ballots = if entry.fields.name == "郭卫东" {
            basically_competent(voters, dice)
        } else if index % 5 == 2 || index % 7 == 3 {
            competent(voters, dice)
        } else {
            excellent(voters, dice)
        };
        writer.save_appraisal(None, &appraisal_of(entry.id, year, voters, ballots, index))?;
    }
    Ok(())
}

fn appraisal_of(
    secretary: SecretaryId,
    year: i32,
    voters: i64,
    ballots: [i64; 4],
    index: usize,
) -> AppraisalFields {
    AppraisalFields {
        secretary,
        year,
        half: 0,
        reported_on: NaiveDate::from_ymd_opt(year, 12, 20 + (index % 9) as u32),
        title: format!("{year}年度抓基层党建工作述职报告"),
        voters,
        ballots,
        participants: "镇党委班子成员、村“两委”干部、党员代表、群众代表".to_owned(),
    }
}

/// Ballots graded 优秀: at least two thirds for 优秀.
fn excellent(voters: i64, dice: &mut Dice) -> [i64; 4] {
    let excellent = voters * (67 + dice.below(25) as i64) / 100 + 1;
    let basic = (dice.below(2) as i64).min(voters - excellent);
    [excellent, voters - excellent - basic, basic, 0]
}

/// Ballots graded 合格: 优秀 under 60 %, with 合格 well over half together.
fn competent(voters: i64, dice: &mut Dice) -> [i64; 4] {
    let excellent = voters * (30 + dice.below(20) as i64) / 100;
    let competent = voters * (30 + dice.below(10) as i64) / 100;
    let incompetent = dice.below(2) as i64;
    [
        excellent,
        competent,
        voters - excellent - competent - incompetent,
        incompetent,
    ]
}

/// Ballots graded 基本合格: 优秀 and 合格 under half, 不合格 well under a third.
fn basically_competent(voters: i64, dice: &mut Dice) -> [i64; 4] {
    let excellent = voters * (10 + dice.below(8) as i64) / 100;
    let competent = voters * (20 + dice.below(8) as i64) / 100;
    let incompetent = 2 + dice.below(3) as i64;
    [
        excellent,
        competent,
        voters - excellent - competent - incompetent,
        incompetent,
    ]
}

/// What the county's practice hangs on, made or read before.
#[derive(Clone, Copy)]
pub(super) struct CountyPractice<'a> {
    /// The county's secretaries, one per branch.
    pub secretaries: &'a [SecretaryId],
    /// Their branches, in the same order.
    pub branches: &'a [BranchId],
    /// Sessions that had guests.
    pub sessions_to_invite: &'a [crate::domain::SessionId],
    /// The four groups.
    pub groups: &'a [Group],
    /// The check-up's indicators.
    pub indicators: &'a [Indicator],
}

/// The county's four groups of a hundred, a year of theme party days for every branch, and
/// a check-up and appraisal of every secretary, for `year` (the county's last).
pub(super) fn seed_county_practice(
    writer: &mut Writer<'_>,
    county: &CountyPractice<'_>,
    dice: &mut Dice,
    year: i32,
) -> store::Result<()> {
    const SURNAMES: &str =
        "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅";
    const GIVEN: &str =
        "建国秀英志强芳德明福来世昌守义玉兰春燕丽华小娟雪梅巧云翠萍淑芬春花永胜立军红英海波茂林";
    const OCCUPATIONS: [&[&str]; 3] = [
        &[
            "原村委会主任",
            "原村党支部书记",
            "原村会计",
            "原村监委会主任",
        ],
        &[
            "村妇联主席",
            "巾帼致富带头人",
            "电商直播带头人",
            "家政服务队队长",
        ],
        &[
            "食用菌专业合作社理事长",
            "服装厂厂长",
            "天麻种植大户",
            "县农技中心高级农艺师",
        ],
    ];
    let CountyPractice {
        secretaries,
        branches,
        sessions_to_invite,
        groups,
        indicators,
    } = *county;
    let surnames: Vec<char> = SURNAMES.chars().collect();
    let given: Vec<char> = GIVEN.chars().collect();
    let today = NaiveDate::from_ymd_opt(year + 1, 1, 1).unwrap_or_default();
    let start = NaiveDate::from_ymd_opt(year - 1, 7, 1).unwrap_or_default();
    let end = NaiveDate::from_ymd_opt(year + 2, 6, 30);
    let mut guests = Vec::new();
    for (g, group) in groups.iter().map(|g| g.id).enumerate().take(4) {
        let mut members = Vec::with_capacity(100);
        for n in 0..100 {
            let i = g * 100 + n;
            let person = if g == 0 {
                // The think tank: a third of the county's secretaries.
                let secretary = secretaries[(n * 3) % secretaries.len().max(1)];
                writer.add_person(&PersonFields {
                    name: format!("书记{:03}", (n * 3) % secretaries.len().max(1) + 1),
                    branch_id: branches.get((n * 3) % branches.len().max(1)).copied(),
                    occupation: "村党支部书记".to_owned(),
                    secretary_id: Some(secretary),
                    ..PersonFields::default()
                })?
            } else {
                let name: String = [
                    surnames[i % surnames.len()],
                    given[(i / surnames.len()) % given.len()],
                    given[(i * 7 + 3) % given.len()],
                ]
                .iter()
                .collect();
                let occupations = OCCUPATIONS[g - 1];
                writer.add_person(&PersonFields {
                    name,
                    gender: Some(if g == 2 || i % 4 == 0 {
                        Gender::Female
                    } else {
                        Gender::Male
                    }),
                    branch_id: branches.get(dice.below(branches.len())).copied(),
                    phone: format!("137{i:08}"),
                    occupation: occupations[n % occupations.len()].to_owned(),
                    ..PersonFields::default()
                })?
            };
            if g == 3 && n < 20 {
                guests.push(person);
            }
            members.push(writer.add_member(&MemberFields {
                group,
                person,
                role: match n {
                    0 => Role::Leader,
                    1 | 2 => Role::Deputy,
                    _ => Role::Member,
                },
                term_starts_on: start,
                term_ends_on: end,
                discipline_signed: n % 10 != 9,
                letter: None,
                issued_on: None,
            })?);
        }
        writer.issue_letters(&members, days_after(start, 7 + g as u64))?;
    }
    for (n, session) in sessions_to_invite.iter().enumerate() {
        let pair = [
            guests[n % guests.len().max(1)],
            guests[(n + 7) % guests.len().max(1)],
        ];
        writer.set_session_guests(*session, &pair)?;
    }
    for (index, branch) in branches.iter().enumerate() {
        for month in 1..=12 {
            let Some(planned_on) = fixed_day(year, month, 5 + (index % 5) as u32 * 5) else {
                continue;
            };
            let members_total = 15 + (index % 30) as i64;
            let fields = if dice.chance(2) {
                ThemeDayFields {
                    branch: *branch,
                    year,
                    month,
                    planned_on,
                    topic: THEME_TOPICS[(month - 1) as usize].to_owned(),
                    state: ThemeDayState::Missed,
                    held_on: None,
                    members_present: None,
                    members_total: None,
                    reason: "防汛值守".to_owned(),
                    notes: String::new(),
                }
            } else {
                let held_on = if dice.chance(10) {
                    days_after(planned_on, 5)
                } else {
                    planned_on
                };
                ThemeDayFields {
                    branch: *branch,
                    year,
                    month,
                    planned_on,
                    topic: THEME_TOPICS[(month - 1) as usize].to_owned(),
                    state: ThemeDayState::Held,
                    held_on: Some(held_on.min(today)),
                    members_present: Some(members_total * (65 + dice.below(36) as i64) / 100),
                    members_total: Some(members_total),
                    reason: String::new(),
                    notes: String::new(),
                }
            };
            writer.set_theme_day(&fields, today)?;
        }
    }
    for (index, secretary) in secretaries.iter().enumerate() {
        let around = match index % 20 {
            7 => 63,
            3 | 13 => 78,
            _ => 92,
        };
        let mut scores = Vec::with_capacity(indicators.len() * 4);
        for step in Step::ALL {
            for indicator in indicators {
                let percent = (around + dice.below(7)).saturating_sub(3).min(100);
                let score = (indicator.max_score * percent as f64 / 50.0).round() / 2.0;
                scores.push((indicator.id, *step, score));
            }
        }
        let held_on = NaiveDate::from_ymd_opt(year, 12, 1 + (index % 28) as u32);
        let checkup = writer.save_checkup(
            None,
            &CheckupFields {
                subject: Subject::Secretary(*secretary),
                year,
                held_on,
                masses_count: 15 + dice.below(20) as i64,
                notes: String::new(),
                scores,
            },
        )?;
        for k in 0..=(index % 2) {
            let finding = writer.add_finding(checkup, FINDINGS[(index + k) % FINDINGS.len()])?;
            if around < 80 && k == 0 {
                writer.finding_to_problem(finding, today, "")?;
            }
        }
        let voters = 30 + dice.below(31) as i64;
        let ballots = match index % 20 {
            7 => basically_competent(voters, dice),
            3 | 13 | 17 => competent(voters, dice),
            _ => excellent(voters, dice),
        };
        writer.save_appraisal(
            None,
            &appraisal_of(*secretary, year, voters, ballots, index),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::domain::appraisal::Grade;
    use crate::domain::checkup::Health;
    use crate::domain::league::EXPIRY_REMINDER_DAYS;
    use crate::domain::theme_day::Outcome;
    use crate::store::Store;
    use chrono::{Datelike, NaiveDate};
    use std::collections::HashMap;

    #[test]
    fn the_demo_holds_what_the_practice_screens_show() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("day");
        let mut store = Store::open_in_memory("古城镇").expect("store");
        crate::demo::seed_all(&mut store, today).expect("demo");

        let people = store.people().expect("people");
        assert!((35..=45).contains(&people.len()), "{}", people.len());
        assert!(
            people
                .iter()
                .filter(|p| p.fields.secretary_id.is_some())
                .count()
                >= 8
        );
        let groups = store.groups().expect("groups");
        let members = store.members().expect("members");
        assert_eq!(groups.len(), 4);
        for group in &groups {
            let of: Vec<_> = members
                .iter()
                .filter(|m| m.fields.group == group.id)
                .collect();
            assert!((8..=12).contains(&of.len()), "{}: {}", group.name, of.len());
            let role = |r| of.iter().filter(|m| m.fields.role == r).count();
            assert_eq!(
                role(crate::domain::league::Role::Leader),
                1,
                "{}",
                group.name
            );
            assert!((1..=2).contains(&role(crate::domain::league::Role::Deputy)));
        }
        let ending = members
            .iter()
            .filter(|m| m.fields.ends_within(today, EXPIRY_REMINDER_DAYS))
            .count();
        assert!(
            (2..=3).contains(&ending),
            "{ending} terms end within 30 days"
        );
        let lettered = members.iter().filter(|m| m.fields.letter.is_some()).count();
        let signed = members
            .iter()
            .filter(|m| m.fields.discipline_signed)
            .count();
        assert!(lettered * 10 >= members.len() * 8 && lettered < members.len());
        assert!(signed * 10 >= members.len() * 8 && signed < members.len());
        let mut letters: Vec<_> = members.iter().filter_map(|m| m.fields.letter).collect();
        letters.sort();
        letters.dedup();
        assert_eq!(letters.len(), lettered, "every letter has its own number");

        let guested = store
            .sessions()
            .expect("sessions")
            .iter()
            .filter(|s| !store.session_guests(s.id).expect("guests").is_empty())
            .count();
        assert!((3..=4).contains(&guested), "{guested}");

        let branches = store.branches().expect("branches");
        let days = store.theme_days(today.year()).expect("theme days");
        assert_eq!(days.len(), branches.len() * today.month() as usize);
        let mut outcomes: HashMap<Outcome, usize> = HashMap::new();
        for day in &days {
            *outcomes.entry(day.fields.outcome(today)).or_default() += 1;
        }
        assert!(outcomes.get(&Outcome::OnTime).copied().unwrap_or(0) > days.len() / 2);
        assert!(
            outcomes.get(&Outcome::Late).copied().unwrap_or(0) >= 3,
            "{outcomes:?}"
        );
        assert!((1..=2).contains(&outcomes.get(&Outcome::Missed).copied().unwrap_or(0)));
        assert_eq!(outcomes.get(&Outcome::Overdue), None, "{outcomes:?}");
        let upcoming = outcomes.get(&Outcome::Upcoming).copied().unwrap_or(0);
        assert!(
            upcoming * 2 > branches.len(),
            "this month is planned for most"
        );
        let floor = store.theme_day_floor().expect("floor");
        assert!(days.iter().filter(|d| d.fields.below_floor(floor)).count() >= 3);

        let checkups = store.checkups(today.year() - 1).expect("checkups");
        assert_eq!(checkups.len(), 8);
        let indicators = store.checkup_indicators().expect("indicators");
        let (weights, thresholds) = (
            store.checkup_weights().expect("weights"),
            store.health_thresholds().expect("thresholds"),
        );
        let mut health: HashMap<Health, usize> = HashMap::new();
        for checkup in &checkups {
            assert!(checkup.fields.masses_count >= 15);
            assert!((1..=3).contains(&checkup.findings.len()));
            let grade = checkup
                .fields
                .health(&indicators, weights, thresholds)
                .expect("all four steps scored");
            *health.entry(grade).or_default() += 1;
        }
        assert_eq!(health.get(&Health::SubHealthy), Some(&2), "{health:?}");
        assert_eq!(health.get(&Health::Unhealthy), Some(&1), "{health:?}");
        let problems: Vec<_> = checkups
            .iter()
            .flat_map(|c| &c.findings)
            .filter_map(|f| f.problem)
            .collect();
        assert!(problems.len() >= 3, "{problems:?}");
        let ledger = store.problems().expect("problems");
        assert!(problems.iter().all(|p| ledger.iter().any(|l| l.id == *p)));

        let appraisals = store
            .appraisals(Some(today.year() - 1))
            .expect("appraisals");
        let in_office = store
            .roster()
            .expect("roster")
            .iter()
            .filter(|e| !e.fields.archived)
            .count();
        assert_eq!(appraisals.len(), in_office);
        let rule = store.appraisal_rule().expect("rule");
        let mut grades: HashMap<Grade, usize> = HashMap::new();
        for appraisal in &appraisals {
            assert_eq!(appraisal.fields.check(), Ok(()), "{appraisal:?}");
            assert!((30..=60).contains(&appraisal.fields.voters));
            *grades
                .entry(appraisal.fields.grade(rule).expect("graded"))
                .or_default() += 1;
        }
        assert_eq!(
            grades.get(&Grade::BasicallyCompetent),
            Some(&1),
            "{grades:?}"
        );
        assert_eq!(grades.get(&Grade::Incompetent), None, "{grades:?}");
        assert!(grades.get(&Grade::Excellent).copied().unwrap_or(0) > in_office / 2);
    }
}
