//! The demo studio's five systems: study, pairings, scores, notes, notices and honours.

use super::Dice;
use crate::domain::learning::{StudyKind, StudyTopic};
use crate::domain::pairing::PairingFields;
use crate::domain::session::{
    AttendanceMark, AttendanceStatus, SessionFields, SessionKind, Systems,
};
use crate::domain::{RosterEntry, SecretaryId};
use crate::store::{self, Store, Writer};
use chrono::{Datelike, NaiveDate, NaiveTime};

/// What was studied at each kind of session: (title, how, minutes).
pub(super) fn study_for(kind: SessionKind, index: usize) -> Option<(String, StudyKind, i64)> {
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
    store.write(|writer| {
        let sessions_by_day = study_and_plan(writer, &sessions, &branches, today)?;
        let start = NaiveDate::from_ymd_opt(2021, 6, 1).unwrap_or(today);
        pairings(writer, &roster, &problems, &mut dice, start, today)?;
        scores(writer, &roster, &criteria, &mut dice, start, today)?;
        notes_and_honours(writer, &roster, &sessions_by_day, &problems, today)?;
        for (index, responsibility) in responsibilities.iter().enumerate() {
            writer.update_responsibility(&crate::domain::exchange::Responsibility {
                holder: Some(person(&roster, index * 3 + 2)),
                term_starts_on: NaiveDate::from_ymd_opt(2026, 5, 1),
                term_ends_on: NaiveDate::from_ymd_opt(2031, 4, 30),
                ..responsibility.clone()
            })?;
        }
        Ok(())
    })
}

/// Someone of the roster, by a number that wraps around it.
fn person(roster: &[RosterEntry], i: usize) -> SecretaryId {
    roster[i % roster.len().max(1)].id
}

type Session = (crate::domain::SessionId, SessionFields);

/// Study topics, each carrying out the plan item of its month, host villages, and the plan's
/// next months; returns the sessions by day.
fn study_and_plan<'s>(
    writer: &mut Writer<'_>,
    sessions: &'s [Session],
    branches: &[crate::domain::Branch],
    today: NaiveDate,
) -> store::Result<Vec<&'s Session>> {
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
    Ok(sessions_by_day)
}

/// Six strong-with-weak pairings since `start`, visited every two months; the last pair's
/// visits stopped in the summer, so the board warns about it.
fn pairings(
    writer: &mut Writer<'_>,
    roster: &[RosterEntry],
    problems: &[crate::domain::problem::ProblemSummary],
    dice: &mut Dice,
    start: NaiveDate,
    today: NaiveDate,
) -> store::Result<()> {
    // Six strong-with-weak pairings since June 2021, visited every two months; the last
    // pair's visits stopped in the summer, so the board warns about it.
    let goals = [
        "发展食用菌产业，年内建成冷库",
        "规范天麻合作社运营，扩大种植面积",
        "完善村规民约，提升治理水平",
        "西甜瓜大棚提质增效",
        "橡子凉粉打造品牌、拓宽销路",
        "配齐配强村“两委”班子",
    ];
    for (pair, goal) in goals.iter().enumerate() {
        let (strong, weak) = (person(roster, pair * 3), person(roster, pair * 3 + 1));
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
            base_id: None,
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
                base_id: None,
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
    Ok(())
}

/// Hand-entered scores for every quarter since `start`: duties and vanguard role, a few
/// bonuses.
fn scores(
    writer: &mut Writer<'_>,
    roster: &[RosterEntry],
    criteria: &[crate::domain::assessment::Criterion],
    dice: &mut Dice,
    start: NaiveDate,
    today: NaiveDate,
) -> store::Result<()> {
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
    Ok(())
}

/// Experience notes, notices, awards and honours.
fn notes_and_honours(
    writer: &mut Writer<'_>,
    roster: &[RosterEntry],
    sessions_by_day: &[&Session],
    problems: &[crate::domain::problem::ProblemSummary],
    today: NaiveDate,
) -> store::Result<()> {
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
            author: Some(person(roster, index * 4)),
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
        person(roster, 2),
        today - chrono::Days::new(20),
        5,
        "带头捐资修建通组路",
    )?;
    writer.add_award(
        person(roster, 7),
        today - chrono::Days::new(45),
        3,
        "协调化解邻里纠纷",
    )?;
    writer.add_award(
        person(roster, 11),
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
        writer.add_honour(
            person(roster, index),
            today - chrono::Days::new(days),
            kind,
            reason,
        )?;
    }
    Ok(())
}
