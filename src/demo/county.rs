//! The synthetic county-scale file for benchmarks, and its sizes.

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
/// Every this many sessions had two guests (200 in all).
pub const GUESTS_EVERY: usize = 150;
pub use super::town::{COUNTY_BASES, COUNTY_DECISIONS, COUNTY_TASKS};

use super::Dice;
use super::ledger::{PLACES, PROBLEMS, TOPICS};
use super::systems::study_for;
use crate::domain::learning::{StudyKind, StudyTopic};
use crate::domain::pairing::PairingFields;
use crate::domain::problem::{ProblemFields, ProblemState};
use crate::domain::session::{
    AttendanceMark, AttendanceStatus, SessionFields, SessionKind, Systems,
};
use crate::domain::{BranchKind, Level, SecretaryFields};
use crate::store::{self, Store, Writer};
use chrono::{Datelike, NaiveDate};

/// Writes a synthetic county: 300 secretaries in 15 areas, 150 pairings, 30,000 sessions from
/// 2016 to 2025 with 20 marks each (and their study topics; help visits on a pairing), 60,000
/// problems with their histories, 2,000 each of notes, notices and awards, 500 commendations,
/// the hand-entered scores of every quarter, the wider practice (400 people in the four
/// groups, 2025's theme party days of every branch, a check-up and an appraisal of every
/// secretary), and the town's (40 bases, 3,000 tasks of 2025, 2,000 village decisions), in one
/// transaction.
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
    let groups = store.groups()?;
    let indicators = store.checkup_indicators()?;
    store.write(|writer| {
        let county = roster_and_pairings(writer)?;
        for year in 2016..2026 {
            for month in 1..=12 {
                writer.add_plan_item(year, month, "学习政策文件", StudyKind::PolicyDocument)?;
            }
        }
        let mut invited = Vec::with_capacity(SESSIONS / GUESTS_EVERY);
        for n in 0..SESSIONS {
            let id = session(writer, &county, &mut dice, n)?;
            if n % GUESTS_EVERY == 0 {
                invited.push(id);
            }
        }
        notes_and_awards(writer, &county.secretaries, &mut dice)?;
        scores(writer, &county.secretaries, &manual)?;
        super::practice::seed_county_practice(
            writer,
            &super::practice::CountyPractice {
                secretaries: &county.secretaries,
                branches: &county.branches,
                sessions_to_invite: &invited,
                groups: &groups,
                indicators: &indicators,
            },
            &mut dice,
            2025,
        )?;
        super::town::seed_county_town(
            writer,
            &county.secretaries,
            &county.branches,
            &mut dice,
            NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or_default(),
        )
    })
}

/// The county's first day; everything happens in the ten years after it.
fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2016, 1, 1).unwrap_or_default()
}

/// Days the county's records spread over.
const DAYS: usize = 3_650;

/// The county's people and places, by number.
struct County {
    secretaries: Vec<crate::domain::SecretaryId>,
    branches: Vec<crate::domain::BranchId>,
    areas: Vec<crate::domain::AreaId>,
    pairings: Vec<crate::domain::pairing::PairingId>,
    per_area: usize,
}

/// Areas, one branch and secretary per village, and ten pairings per area, each secretary
/// of an area's first half helping one of its second.
fn roster_and_pairings(writer: &mut Writer<'_>) -> store::Result<County> {
    let mut secretaries = Vec::with_capacity(SECRETARIES);
    let mut branches = Vec::with_capacity(SECRETARIES);
    let mut areas = Vec::with_capacity(AREAS);
    for a in 0..AREAS {
        areas.push(writer.add_area(&format!("第{}片区", a + 1))?);
    }
    let per_area = SECRETARIES / AREAS;
    for s in 0..SECRETARIES {
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
    let start = start();
    // Ten pairings per area, each secretary of the first half helping one of the second.
    let mut pairings = Vec::with_capacity(AREAS * PAIRINGS_PER_AREA);
    for area in 0..AREAS {
        for p in 0..PAIRINGS_PER_AREA {
            pairings.push(writer.add_pairing(&PairingFields {
                strong: secretaries[area * per_area + p],
                weak: secretaries[area * per_area + per_area / 2 + p],
                starts_on: start,
                ends_on: None,
                goals: "发展产业".to_owned(),
                outcome: String::new(),
                base_id: None,
            })?);
        }
    }
    Ok(County {
        secretaries,
        branches,
        areas,
        pairings,
        per_area,
    })
}

/// Session `n`: its study topic, 20 marks, and two problems raised (most resolved later).
fn session(
    writer: &mut Writer<'_>,
    c: &County,
    dice: &mut Dice,
    n: usize,
) -> store::Result<crate::domain::SessionId> {
    let (secretaries, branches, areas, pairings, per_area) = (
        &c.secretaries,
        &c.branches,
        &c.areas,
        &c.pairings,
        c.per_area,
    );
    let held_on = start() + chrono::Days::new((n * DAYS / SESSIONS) as u64);
    let area = dice.below(AREAS);
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
    let pairing_id = (kind == SessionKind::HelpVisit)
        .then(|| pairings[area * PAIRINGS_PER_AREA + dice.below(PAIRINGS_PER_AREA)]);
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
        base_id: None,
    })?;
    for k in 0..ATTENDEES {
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
    for p in 0..PROBLEMS_PER_SESSION {
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
                base_id: None,
            },
            "",
        )?;
        if !(n + p).is_multiple_of(3) {
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
    Ok(session)
}

/// Notes, notices and awards spread over the ten years, and a commendation for every fourth.
fn notes_and_awards(
    writer: &mut Writer<'_>,
    secretaries: &[crate::domain::SecretaryId],
    dice: &mut Dice,
) -> store::Result<()> {
    let (start, days) = (start(), DAYS);
    for n in 0..NOTES {
        let on = start + chrono::Days::new((n * days / NOTES) as u64);
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
    Ok(())
}

/// Hand-entered scores for every quarter of the ten years.
fn scores(
    writer: &mut Writer<'_>,
    secretaries: &[crate::domain::SecretaryId],
    manual: &[(crate::domain::assessment::CriterionId, f64)],
) -> store::Result<()> {
    let mut quarter = crate::domain::period::Period::quarter_of(start());
    while let Some(period) = quarter.filter(|p| p.start.year() < 2026) {
        for who in secretaries {
            for (criterion, max) in manual {
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
}
