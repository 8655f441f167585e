//! The wider practice's records: what the rules refuse leaves nothing behind, letters are
//! numbered once, and the records feed 比拼.

use crate::domain::appraisal::{AppraisalFields, Grade};
use crate::domain::assessment::CriterionSource;
use crate::domain::checkup::{CheckupFields, Health, Step, Subject};
use crate::domain::league::{LetterNo, MemberFields, PersonFields, Role};
use crate::domain::period::Period;
use crate::domain::theme_day::{ThemeDayFields, ThemeDayState};
use crate::domain::{BranchKind, SecretaryFields, SecretaryId};
use crate::store::{Error, Refusal, Store};
use chrono::NaiveDate;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid day")
}

/// A studio with one branch and its secretary.
fn studio() -> (Store, crate::domain::BranchId, SecretaryId) {
    let mut store = Store::open_in_memory("古城镇书记工作室").expect("store");
    let (branch, secretary) = store
        .write(|w| {
            let branch = w.add_branch("桃园村党支部", BranchKind::Village, None)?;
            let secretary = w.add_secretary(&SecretaryFields {
                name: "王建国".into(),
                branch_id: Some(branch),
                ..SecretaryFields::default()
            })?;
            Ok((branch, secretary))
        })
        .expect("roster");
    (store, branch, secretary)
}

fn count(store: &Store, table: &str) -> i64 {
    store
        .connection_for_tests()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .expect("count")
}

#[test]
fn a_new_studio_has_the_towns_four_groups_and_five_indicators() {
    let (store, _, _) = studio();
    let groups: Vec<String> = store
        .groups()
        .expect("groups")
        .into_iter()
        .map(|g| g.name)
        .collect();
    assert_eq!(
        groups,
        [
            "党组织书记智囊团",
            "离任村干部村务治理顾问团",
            "妇女团",
            "经济发展顾问团"
        ]
    );
    assert_eq!(store.checkup_indicators().expect("indicators").len(), 5);
    assert_eq!(
        store.letter_pattern().expect("pattern"),
        "〔{year}〕聘字第{no}号"
    );
}

#[test]
fn letters_are_numbered_once_per_year_and_a_reissue_keeps_the_number() {
    let (mut store, branch, _) = studio();
    let group = store.groups().expect("groups")[1].id;
    let members = store
        .write(|w| {
            let mut members = Vec::new();
            for name in ["李秀英", "张福来", "赵德胜"] {
                let person = w.add_person(&PersonFields {
                    name: name.into(),
                    branch_id: Some(branch),
                    occupation: "原村委会主任".into(),
                    ..PersonFields::default()
                })?;
                members.push(w.add_member(&MemberFields {
                    group,
                    person,
                    role: Role::Member,
                    term_starts_on: day(2026, 1, 1),
                    term_ends_on: Some(day(2028, 12, 31)),
                    discipline_signed: true,
                    letter: None,
                    issued_on: None,
                })?);
            }
            Ok(members)
        })
        .expect("members");
    let first = store
        .write(|w| w.issue_letters(&members[..2], day(2026, 3, 1)))
        .expect("issue");
    assert_eq!(
        first,
        [
            LetterNo { year: 2026, no: 1 },
            LetterNo { year: 2026, no: 2 }
        ]
    );
    let again = store
        .write(|w| w.issue_letters(&members, day(2026, 6, 1)))
        .expect("reissue");
    assert_eq!(again.iter().map(|l| l.no).collect::<Vec<_>>(), [1, 2, 3]);
    let listed = store.members().expect("members");
    assert!(
        listed
            .iter()
            .all(|m| m.fields.issued_on == Some(day(2026, 6, 1)))
    );

    // Giving the third the second's number is refused, and nothing changes.
    let mut third = listed
        .iter()
        .find(|m| m.id == members[2])
        .expect("third")
        .fields
        .clone();
    third.letter = Some(LetterNo { year: 2026, no: 2 });
    let refused = store.write(|w| w.update_member(members[2], &third));
    assert!(
        matches!(
            refused,
            Err(Error::Refused(Refusal::LetterNoTaken(LetterNo {
                no: 2,
                ..
            })))
        ),
        "{refused:?}"
    );
    third.letter = Some(LetterNo { year: 2026, no: 3 });
    third.term_ends_on = Some(day(2025, 1, 1));
    assert!(matches!(
        store.write(|w| w.update_member(members[2], &third)),
        Err(Error::Refused(Refusal::Member(_)))
    ));
    assert_eq!(store.members().expect("members"), listed);
}

#[test]
fn a_person_in_a_group_is_not_deleted_and_a_bad_batch_saves_nothing() {
    let (mut store, _, _) = studio();
    let group = store.groups().expect("groups")[2].id;
    let person = store
        .write(|w| {
            let person = w.add_person(&PersonFields {
                name: "刘桂花".into(),
                ..PersonFields::default()
            })?;
            w.add_member(&MemberFields {
                group,
                person,
                role: Role::Leader,
                term_starts_on: day(2026, 1, 1),
                term_ends_on: None,
                discipline_signed: false,
                letter: None,
                issued_on: None,
            })?;
            Ok(person)
        })
        .expect("person");
    assert!(matches!(
        store.write(|w| w.set_record_deleted(crate::store::SystemRecord::Person(person), true)),
        Err(Error::StillInUse { count: 1, .. })
    ));
    let before = count(&store, "person");
    // The second person of the batch has no name: the first is not kept either.
    let failed = store.write(|w| {
        w.add_person(&PersonFields {
            name: "周明".into(),
            ..PersonFields::default()
        })?;
        w.add_person(&PersonFields::default())
    });
    assert!(matches!(failed, Err(Error::Refused(Refusal::NameRequired))));
    assert_eq!(count(&store, "person"), before);
}

fn theme_day(branch: crate::domain::BranchId, month: u32) -> ThemeDayFields {
    ThemeDayFields {
        branch,
        year: 2026,
        month,
        planned_on: day(2026, month, 10),
        topic: "重温入党誓词".into(),
        state: ThemeDayState::Held,
        held_on: Some(day(2026, month, 10)),
        members_present: Some(25),
        members_total: Some(30),
        reason: String::new(),
        notes: String::new(),
    }
}

#[test]
fn theme_days_are_one_per_branch_and_month_and_feed_the_ranking() {
    let (mut store, branch, secretary) = studio();
    let today = day(2026, 12, 1);
    store
        .write(|w| {
            w.set_theme_day(&theme_day(branch, 1), today)?;
            let mut late = theme_day(branch, 2);
            late.held_on = Some(day(2026, 2, 25));
            w.set_theme_day(&late, today)?;
            // Recording March twice keeps one record: the second.
            let mut missed = theme_day(branch, 3);
            missed.state = ThemeDayState::Missed;
            missed.held_on = None;
            missed.reason = "防汛值守".into();
            w.set_theme_day(&theme_day(branch, 3), today)?;
            w.set_theme_day(&missed, today)
        })
        .expect("theme days");
    let days = store.theme_days(2026).expect("days");
    assert_eq!(days.len(), 3);
    assert_eq!(days[2].fields.state, ThemeDayState::Missed);
    let mut wrong = theme_day(branch, 4);
    wrong.members_present = Some(31);
    assert!(matches!(
        store.write(|w| w.set_theme_day(&wrong, today)),
        Err(Error::Refused(Refusal::ThemeDay(_)))
    ));
    assert_eq!(store.theme_days(2026).expect("days").len(), 3);

    let period = Period::quarter_of(day(2026, 2, 1)).expect("quarter");
    let facts = store.secretary_facts(period).expect("facts");
    assert_eq!(facts[&secretary].theme_days, (3, 1), "one of three on time");
    let criterion = crate::domain::assessment::Criterion {
        id: crate::domain::assessment::CriterionId(0),
        name: "主题党日".into(),
        part: crate::domain::assessment::CriterionPart::Base,
        max_score: 9.0,
        source: CriterionSource::ThemeDayRate,
        target_per_year: 0.0,
    };
    let (theme_score, _) =
        crate::domain::assessment::computed_score(&criterion, &facts[&secretary], 3)
            .expect("computed");
    assert!((theme_score - 3.0).abs() < 1e-9, "{theme_score}");
}

#[test]
fn a_checkup_saves_its_scores_refuses_one_above_maximum_and_turns_findings_into_problems() {
    let (mut store, branch, secretary) = studio();
    let indicators = store.checkup_indicators().expect("indicators");
    let mut fields = CheckupFields {
        subject: Subject::Secretary(secretary),
        year: 2026,
        held_on: Some(day(2026, 11, 20)),
        masses_count: 18,
        notes: String::new(),
        scores: Step::ALL
            .iter()
            .flat_map(|step| indicators.iter().map(move |i| (i.id, *step, 18.0)))
            .collect(),
    };
    let id = store
        .write(|w| w.save_checkup(None, &fields))
        .expect("saved");
    fields.scores[3].2 = 25.0;
    assert!(matches!(
        store.write(|w| w.save_checkup(Some(id), &fields)),
        Err(Error::Refused(Refusal::Checkup(_)))
    ));
    assert!(matches!(
        store.write(|w| w.save_checkup(None, &fields)),
        Err(Error::Refused(
            Refusal::Checkup(_) | Refusal::CheckupExists(2026)
        ))
    ));
    let saved = store.checkups(2026).expect("checkups");
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].fields.scores.len(), 20);
    assert!(
        saved[0]
            .fields
            .scores
            .iter()
            .all(|(_, _, s)| (*s - 18.0).abs() < 1e-9)
    );
    assert_eq!(
        saved[0].fields.health(
            &indicators,
            store.checkup_weights().expect("weights"),
            store.health_thresholds().expect("thresholds")
        ),
        Some(Health::Healthy)
    );

    let problems_before = store.problems().expect("problems").len();
    let (first, again) = store
        .write(|w| {
            let finding = w.add_finding(id, "理论学习不够系统，学用结合不紧")?;
            w.add_finding(id, "联系群众不够经常")?;
            let first = w.finding_to_problem(finding, day(2026, 11, 21), "组织委员")?;
            let again = w.finding_to_problem(finding, day(2026, 11, 22), "组织委员")?;
            Ok((first, again))
        })
        .expect("findings");
    assert_eq!(first, again, "a finding becomes one problem");
    let problems = store.problems().expect("problems");
    assert_eq!(problems.len(), problems_before + 1);
    let problem = problems
        .iter()
        .find(|p| p.id == first)
        .expect("the problem");
    assert_eq!(problem.fields.branch_id, Some(branch));
    assert!(problem.fields.description.contains("党性体检"));
    let findings = &store.checkups(2026).expect("checkups")[0].findings;
    assert_eq!(findings.len(), 2);
    assert_eq!(findings[0].problem, Some(first));
    assert_eq!(findings[1].problem, None);
}

#[test]
fn an_appraisal_must_add_up_and_its_grade_feeds_the_ranking() {
    let (mut store, _, secretary) = studio();
    let mut fields = AppraisalFields {
        secretary,
        year: 2026,
        half: 0,
        reported_on: Some(day(2026, 11, 25)),
        title: "2026年度抓基层党建工作述职".into(),
        voters: 45,
        ballots: [30, 10, 2, 0],
        participants: "全体党员、村民代表".into(),
    };
    assert!(matches!(
        store.write(|w| w.save_appraisal(None, &fields)),
        Err(Error::Refused(Refusal::Appraisal(_)))
    ));
    assert_eq!(count(&store, "appraisal"), 0);
    fields.voters = 42;
    let id = store
        .write(|w| w.save_appraisal(None, &fields))
        .expect("saved");
    assert!(matches!(
        store.write(|w| w.save_appraisal(None, &fields)),
        Err(Error::Refused(Refusal::AppraisalExists))
    ));
    store
        .write(|w| w.set_record_deleted(crate::store::SystemRecord::Appraisal(id), true))
        .expect("deleted");
    // Entered again after a deletion: the same record comes back.
    assert_eq!(
        store
            .write(|w| w.save_appraisal(None, &fields))
            .expect("again"),
        id
    );
    let facts = store
        .secretary_facts(Period::year(2026).expect("year"))
        .expect("facts");
    assert_eq!(facts[&secretary].appraisal, Some(Grade::Excellent));
}

#[test]
fn guests_come_and_go_without_counting_as_secretaries() {
    let (mut store, _, _) = studio();
    let session = store
        .write(|w| {
            let mut draft = crate::domain::session::SessionDraft::new(day(2026, 11, 3));
            draft.topic = "冬季产业发展研讨".into();
            let fields = draft.validate().map_err(|_| Error::RecordNotFound)?;
            w.add_session(&fields)
        })
        .expect("session");
    let people = store
        .write(|w| {
            let a = w.add_person(&PersonFields {
                name: "陈老师".into(),
                occupation: "县农技中心专家".into(),
                ..PersonFields::default()
            })?;
            let b = w.add_person(&PersonFields {
                name: "马建设".into(),
                ..PersonFields::default()
            })?;
            Ok([a, b])
        })
        .expect("people");
    store
        .write(|w| w.set_session_guests(session, &people))
        .expect("guests");
    store
        .write(|w| w.set_session_guests(session, &people[1..]))
        .expect("one left");
    store
        .write(|w| w.set_session_guests(session, &people))
        .expect("back");
    let guests = store.session_guests(session).expect("guests");
    assert_eq!(guests.len(), 2);
    assert_eq!(
        count(&store, "session_guest"),
        2,
        "a guest comes back, not twice"
    );
}

#[test]
fn an_appraisal_edited_onto_the_year_of_a_deleted_one_takes_its_place() {
    let (mut store, _, secretary) = studio();
    let fields = |half| AppraisalFields {
        secretary,
        year: 2026,
        half,
        reported_on: None,
        title: String::new(),
        voters: 10,
        ballots: [6, 4, 0, 0],
        participants: String::new(),
    };
    let whole = store
        .write(|w| w.save_appraisal(None, &fields(0)))
        .expect("whole year");
    let half = store
        .write(|w| w.save_appraisal(None, &fields(1)))
        .expect("first half");
    store
        .write(|w| w.set_record_deleted(crate::store::SystemRecord::Appraisal(whole), true))
        .expect("deleted");
    // The first half's record corrected to the whole year, whose deleted record holds the key.
    let saved = store
        .write(|w| w.save_appraisal(Some(half), &fields(0)))
        .expect("saved, not a constraint error");
    let live = store.appraisals(Some(2026)).expect("appraisals");
    assert_eq!(live.len(), 1);
    assert_eq!((live[0].id, live[0].fields.half), (saved, 0));
}
