//! A studio of 古城镇 with the wider practice's records, as a coordinator would keep them: three
//! secretaries, people of the register in three of the four groups (one term over, one without
//! an end), two check-ups of 2026 with findings followed as problems (one resolved), three
//! appraisals, two theme party days.

use chrono::NaiveDate;
use secretary_studio::domain::appraisal::AppraisalFields;
use secretary_studio::domain::checkup::{CheckupFields, Step, Subject};
use secretary_studio::domain::league::{MemberFields, MemberId, PersonFields, Role};
use secretary_studio::domain::problem::ProblemState;
use secretary_studio::domain::theme_day::{ThemeDayFields, ThemeDayState};
use secretary_studio::domain::{BranchKind, SecretaryFields};
use secretary_studio::store::Store;
use std::path::{Path, PathBuf};

/// The studio's name.
pub const STUDIO: &str = "古城镇联村共建书记工作室";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid day")
}

/// The members' ids, by name, as the fixture made them.
pub struct Members {
    /// 张福来, 团长 of 离任村干部村务治理顾问团, 2026–2028.
    pub zhang: MemberId,
    /// 赵德胜, 成员 of the same group.
    pub zhao: MemberId,
    /// 刘桂兰, 副团长 of 妇女团, no end date.
    pub liu: MemberId,
    /// 陈志强, 经济发展顾问团, term over at the end of 2025.
    pub chen: MemberId,
}

/// Writes the studio into a new file `name` in `folder`; returns its path and the members.
pub fn practice_file(folder: &Path, name: &str) -> (PathBuf, Members) {
    let path = folder.join(name);
    let mut members = None;
    Store::create_with(&path, STUDIO, "古城镇", |store| {
        members = Some(fill(store)?);
        Ok(())
    })
    .expect("practice studio");
    (path, members.expect("members"))
}

/// Fills `store` with the fixture's records.
pub fn fill(store: &mut Store) -> secretary_studio::store::Result<Members> {
    let today = super::today();
    let groups = store.groups()?;
    let (advisers, women, economy) = (groups[1].id, groups[2].id, groups[3].id);
    let indicators = store.checkup_indicators()?;
    store.write(|w| {
        let area = w.add_area("第一片区")?;
        let taoyuan = w.add_branch("桃园村党支部", BranchKind::Village, Some(area))?;
        let dongping = w.add_branch("东坪村党支部", BranchKind::Village, Some(area))?;
        let company = w.add_branch(
            "秦韵服饰有限公司党支部",
            BranchKind::NonPublicCompany,
            Some(area),
        )?;
        let mut secretaries = Vec::new();
        for (name, branch) in [("王建国", taoyuan), ("李红梅", dongping), ("罗䶮", company)]
        {
            secretaries.push(w.add_secretary(&SecretaryFields {
                name: name.into(),
                branch_id: Some(branch),
                position: "党支部书记".into(),
                ..SecretaryFields::default()
            })?);
        }
        let mut person = |name: &str, occupation: &str, branch| {
            w.add_person(&PersonFields {
                name: name.into(),
                branch_id: Some(branch),
                occupation: occupation.into(),
                ..PersonFields::default()
            })
        };
        let zhang = person("张福来", "原村委会主任", taoyuan)?;
        let zhao = person("赵德胜", "原村会计", dongping)?;
        let liu = person("刘桂兰", "村妇联主席", taoyuan)?;
        let chen = person("陈志强", "食用菌合作社理事长", dongping)?;
        let member = |group, person, role, ends: Option<NaiveDate>| MemberFields {
            group,
            person,
            role,
            term_starts_on: day(2026, 1, 1),
            term_ends_on: ends,
            discipline_signed: true,
            letter: None,
            issued_on: None,
        };
        // Members joined in an order other than their rank: leaders print first all the same.
        let zhao = w.add_member(&member(
            advisers,
            zhao,
            Role::Member,
            Some(day(2028, 12, 31)),
        ))?;
        let zhang = w.add_member(&member(
            advisers,
            zhang,
            Role::Leader,
            Some(day(2028, 12, 31)),
        ))?;
        let liu = w.add_member(&member(women, liu, Role::Deputy, None))?;
        let mut over = member(economy, chen, Role::Member, Some(day(2025, 12, 31)));
        over.term_starts_on = day(2024, 1, 1);
        let chen = w.add_member(&over)?;

        let scored = |per_step: [f64; 4]| -> Vec<_> {
            Step::ALL
                .iter()
                .zip(per_step)
                .flat_map(|(step, score)| indicators.iter().map(move |i| (i.id, *step, score)))
                .collect()
        };
        let wang = w.save_checkup(
            None,
            &CheckupFields {
                subject: Subject::Secretary(secretaries[0]),
                year: 2026,
                held_on: Some(day(2026, 11, 20)),
                masses_count: 18,
                notes: String::new(),
                scores: scored([18.0, 17.0, 17.0, 18.0]),
            },
        )?;
        let li = w.save_checkup(
            None,
            &CheckupFields {
                subject: Subject::Secretary(secretaries[1]),
                year: 2026,
                held_on: Some(day(2026, 11, 21)),
                masses_count: 16,
                notes: "群众评检在东坪村村委会进行".into(),
                scores: scored([17.0, 15.0, 14.0, 15.0]),
            },
        )?;
        let study = w.add_finding(wang, "理论学习不够系统，学用结合不紧")?;
        let contact = w.add_finding(wang, "入户走访群众次数偏少")?;
        w.add_finding(li, "组织生活会批评与自我批评辣味不足")?;
        let problem = w.finding_to_problem(study, day(2026, 11, 22), "协调员")?;
        w.record_problem_event(
            problem,
            ProblemState::Resolved,
            day(2026, 11, 28),
            "协调员",
            "制定个人学习计划并按月检查",
            None,
        )?;
        w.finding_to_problem(contact, day(2026, 11, 22), "协调员")?;

        for (secretary, ballots) in [
            (secretaries[0], [32, 15, 3, 0]),
            (secretaries[1], [20, 22, 6, 2]),
            (secretaries[2], [5, 10, 20, 15]),
        ] {
            w.save_appraisal(
                None,
                &AppraisalFields {
                    secretary,
                    year: 2026,
                    half: 0,
                    reported_on: Some(day(2026, 11, 25)),
                    title: "2026年度抓基层党建工作述职报告".into(),
                    voters: ballots.iter().sum(),
                    ballots,
                    participants: "党员代表、群众代表".into(),
                },
            )?;
        }

        w.set_theme_day(
            &ThemeDayFields {
                branch: taoyuan,
                year: 2026,
                month: 5,
                planned_on: day(2026, 5, 10),
                topic: "学习贯彻党的二十届三中全会精神".into(),
                state: ThemeDayState::Held,
                held_on: Some(day(2026, 5, 10)),
                members_present: Some(28),
                members_total: Some(32),
                reason: String::new(),
                notes: String::new(),
            },
            today,
        )?;
        w.set_theme_day(
            &ThemeDayFields {
                branch: dongping,
                year: 2026,
                month: 6,
                planned_on: day(2026, 6, 10),
                topic: "防汛减灾志愿服务".into(),
                state: ThemeDayState::Missed,
                held_on: None,
                members_present: None,
                members_total: None,
                reason: "汛期抢险，改为下月补开".into(),
                notes: String::new(),
            },
            today,
        )?;
        Ok(Members {
            zhang,
            zhao,
            liu,
            chen,
        })
    })
}
