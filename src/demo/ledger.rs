//! The demo studio's ledger: a year of sessions with attendance, and problems followed up.

use super::Dice;
use crate::domain::problem::{ProblemCategory, ProblemFields, ProblemState};
use crate::domain::session::{
    AttendanceMark, AttendanceStatus, SessionFields, SessionKind, Systems,
};
use crate::store::{self, Store};
use chrono::{NaiveDate, NaiveTime};

pub(super) const PLACES: [&str; 8] = [
    "古城镇党群服务中心",
    "东坪村食用菌基地",
    "红岩村天麻种植合作社",
    "秦韵服饰有限公司二期车间",
    "双河村西甜瓜大棚",
    "中川村橡子凉粉加工坊",
    "花园村中药材种植园",
    "新街社区党员活动室",
];

pub(super) const TOPICS: [(&str, SessionKind); 10] = [
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

pub(super) const PROBLEMS: [(&str, ProblemCategory, &str); 12] = [
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
                base_id: None,
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
                base_id: None,
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
