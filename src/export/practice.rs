//! The wider practice's ledgers as tables: the people register with their groups, the
//! groups' members with their letters, a year's theme party days, check-ups and appraisals.

use super::headers;
use crate::domain::checkup::Step;
use crate::domain::league::format_letter_no;
use crate::domain::period::Period;
use crate::i18n::Lang;
use crate::report::{Cell, Table};
use crate::store::{self, Store};
use chrono::NaiveDate;
use std::collections::HashMap;

fn yes_no(lang: Lang, yes: bool) -> Cell {
    Cell::text(if yes {
        lang.practice_ledger_yes()
    } else {
        lang.practice_ledger_no()
    })
}

/// A result in percent (86.5) as a share cell (86.5%).
fn percent_cell(result: Option<f64>) -> Cell {
    result.map_or(Cell::Empty, |r| Cell::Percent(r / 100.0))
}

/// 人员库: everyone of the register, with the groups each is in (and their role there).
pub(super) fn people(store: &Store, lang: Lang) -> store::Result<Table> {
    let branches: HashMap<_, _> = store
        .branches()?
        .into_iter()
        .map(|b| (b.id, b.name))
        .collect();
    let groups: HashMap<_, _> = store
        .groups()?
        .into_iter()
        .map(|g| (g.id, g.name))
        .collect();
    let mut memberships: HashMap<_, Vec<String>> = HashMap::new();
    for member in store.members()? {
        let f = member.fields;
        let group = groups.get(&f.group).cloned().unwrap_or_default();
        let entry = match (lang, f.role) {
            (_, crate::domain::league::Role::Member) => group,
            (Lang::Zh, role) => format!("{group}（{}）", lang.role(role)),
            (Lang::En, role) => format!("{group} ({})", lang.role(role)),
        };
        memberships.entry(f.person).or_default().push(entry);
    }
    let rows = store
        .people()?
        .into_iter()
        .map(|person| {
            let groups = memberships
                .get(&person.id)
                .map(|g| g.join(lang.pick("、", ", ")))
                .unwrap_or_default();
            let f = person.fields;
            vec![
                Cell::text(f.name),
                Cell::text(f.gender.map_or("", |g| lang.gender(g))),
                Cell::text(
                    f.branch_id
                        .and_then(|b| branches.get(&b).cloned())
                        .unwrap_or_default(),
                ),
                Cell::text(f.village),
                Cell::text(f.occupation),
                Cell::text(f.phone),
                yes_no(lang, f.secretary_id.is_some()),
                Cell::text(groups),
                Cell::text(f.notes),
            ]
        })
        .collect();
    Ok(Table {
        sheet: lang.practice_ledger_people().to_owned(),
        headers: headers(&[
            lang.col_name(),
            lang.col_gender(),
            lang.col_branch(),
            lang.practice_ledger_village(),
            lang.practice_ledger_occupation(),
            lang.col_phone(),
            lang.practice_ledger_secretary(),
            lang.practice_ledger_groups(),
            lang.col_notes(),
        ]),
        rows,
    })
}

/// 百人团成员: each membership, group by group, leaders first, with its letter's number.
pub(super) fn members(store: &Store, lang: Lang) -> store::Result<Table> {
    let groups: HashMap<_, _> = store
        .groups()?
        .into_iter()
        .map(|g| (g.id, g.name))
        .collect();
    let names: HashMap<_, _> = store
        .people()?
        .into_iter()
        .map(|p| (p.id, p.fields.name))
        .collect();
    let pattern = store.letter_pattern()?;
    let rows = store
        .members()?
        .into_iter()
        .map(|member| {
            let f = member.fields;
            vec![
                Cell::text(groups.get(&f.group).cloned().unwrap_or_default()),
                Cell::text(names.get(&f.person).cloned().unwrap_or_default()),
                Cell::text(lang.role(f.role)),
                Cell::Date(f.term_starts_on),
                Cell::date(f.term_ends_on),
                yes_no(lang, f.discipline_signed),
                Cell::text(
                    f.letter
                        .map(|l| format_letter_no(&pattern, l))
                        .unwrap_or_default(),
                ),
                Cell::date(f.issued_on),
            ]
        })
        .collect();
    Ok(Table {
        sheet: lang.practice_ledger_members().to_owned(),
        headers: headers(&[
            lang.practice_ledger_group(),
            lang.col_name(),
            lang.practice_ledger_role(),
            lang.practice_ledger_term_from(),
            lang.practice_ledger_term_until(),
            lang.practice_ledger_discipline(),
            lang.practice_ledger_letter_no(),
            lang.practice_ledger_issued_on(),
        ]),
        rows,
    })
}

/// 主题党日: the branches' theme party days of the period's year (only those planned in the
/// period), as they stand on `today`.
pub(super) fn theme_days(
    store: &Store,
    lang: Lang,
    year: i32,
    period: Option<Period>,
    today: NaiveDate,
) -> store::Result<Table> {
    let branches: HashMap<_, _> = store
        .branches()?
        .into_iter()
        .map(|b| (b.id, b.name))
        .collect();
    let rows = store
        .theme_days(year)?
        .into_iter()
        .filter(|d| period.is_none_or(|p| p.contains(d.fields.planned_on)))
        .map(|day| {
            let f = day.fields;
            let outcome = f.outcome(today);
            let rate = f.attendance_rate();
            vec![
                Cell::text(branches.get(&f.branch).cloned().unwrap_or_default()),
                Cell::Text(format!("{}-{:02}", f.year, f.month)),
                Cell::Date(f.planned_on),
                Cell::text(f.topic),
                Cell::text(lang.theme_day_outcome(outcome)),
                Cell::date(f.held_on),
                f.members_present.map_or(Cell::Empty, Cell::Int),
                f.members_total.map_or(Cell::Empty, Cell::Int),
                rate.map_or(Cell::Empty, Cell::Percent),
                Cell::text(f.reason),
            ]
        })
        .collect();
    Ok(Table {
        sheet: format!("{} {year}", lang.practice_ledger_theme_days()),
        headers: headers(&[
            lang.col_branch(),
            lang.practice_ledger_month(),
            lang.practice_ledger_planned_on(),
            lang.practice_ledger_topic(),
            lang.practice_ledger_state(),
            lang.practice_ledger_held_on(),
            lang.practice_ledger_present(),
            lang.practice_ledger_total(),
            lang.practice_ledger_rate(),
            lang.practice_ledger_reason(),
        ]),
        rows,
    })
}

/// 党性体检: a year's check-ups, each with its steps' results, the weighted result, its grade
/// and its findings (how many rectified: their problem resolved).
pub(super) fn checkups(store: &Store, lang: Lang, year: i32) -> store::Result<Table> {
    let subjects = crate::print::Subjects::read(store)?;
    let problems = crate::print::FindingProblems::read(store)?;
    let indicators = store.checkup_indicators()?;
    let weights = store.checkup_weights()?;
    let thresholds = store.health_thresholds()?;
    let rows = store
        .checkups(year)?
        .into_iter()
        .map(|checkup| {
            let (count, rectified) = problems.rectified(&checkup);
            let f = &checkup.fields;
            let mut row = vec![
                Cell::text(subjects.name(f.subject)),
                Cell::text(subjects.branch(f.subject)),
                Cell::date(f.held_on),
                Cell::Int(f.masses_count),
            ];
            row.extend(
                Step::ALL
                    .iter()
                    .map(|step| percent_cell(f.step_result(&indicators, *step))),
            );
            let findings = checkup
                .findings
                .iter()
                .enumerate()
                .map(|(n, finding)| format!("{}. {}", n + 1, finding.text))
                .collect::<Vec<_>>()
                .join(lang.pick("；", "; "));
            row.extend([
                percent_cell(f.result(&indicators, weights)),
                Cell::text(
                    f.health(&indicators, weights, thresholds)
                        .map_or("", |h| lang.health(h)),
                ),
                Cell::Int(count as i64),
                Cell::Int(rectified as i64),
                Cell::text(findings),
            ]);
            row
        })
        .collect();
    let mut titles = headers(&[
        lang.col_name(),
        lang.col_branch(),
        lang.practice_ledger_held(),
        lang.practice_ledger_residents(),
    ]);
    titles.extend(Step::ALL.iter().map(|step| lang.step(*step).to_owned()));
    titles.extend(headers(&[
        lang.practice_ledger_result(),
        lang.practice_ledger_health(),
        lang.practice_ledger_finding_count(),
        lang.practice_ledger_rectified(),
        lang.practice_ledger_findings(),
    ]));
    Ok(Table {
        sheet: format!("{} {year}", lang.practice_ledger_checkups()),
        headers: titles,
        rows,
    })
}

/// 述职评议: a year's duty reports with the appraisal's ballots, their shares and the grade
/// by the studio's rule.
pub(super) fn appraisals(store: &Store, lang: Lang, year: i32) -> store::Result<Table> {
    use crate::domain::appraisal::Grade;
    let roster = store.roster()?;
    let rule = store.appraisal_rule()?;
    let rows = store
        .appraisals(Some(year))?
        .into_iter()
        .map(|appraisal| {
            let f = appraisal.fields;
            let entry = roster.iter().find(|e| e.id == f.secretary);
            let half = match f.half {
                1 => lang.practice_ledger_first_half(),
                2 => lang.practice_ledger_second_half(),
                _ => lang.practice_ledger_whole_year(),
            };
            let mut row = vec![
                Cell::text(half),
                Cell::text(entry.map(|e| e.branch_name.clone()).unwrap_or_default()),
                Cell::text(entry.map(|e| e.fields.name.clone()).unwrap_or_default()),
                Cell::date(f.reported_on),
                Cell::text(f.title.as_str()),
                Cell::Int(f.voters),
            ];
            for count in f.ballots {
                row.push(Cell::Int(count));
                #[allow(clippy::cast_precision_loss, reason = "ballots are few")]
                row.push(if f.voters > 0 {
                    Cell::Percent(count as f64 / f.voters as f64)
                } else {
                    Cell::Empty
                });
            }
            row.push(Cell::text(f.grade(rule).map_or("", |g| lang.grade(g))));
            row.push(Cell::text(f.participants.as_str()));
            row
        })
        .collect();
    let mut titles = headers(&[
        lang.practice_ledger_half(),
        lang.col_branch(),
        lang.col_name(),
        lang.practice_ledger_reported_on(),
        lang.practice_ledger_report(),
        lang.practice_ledger_voters(),
    ]);
    for grade in Grade::ALL {
        titles.push(lang.grade(*grade).to_owned());
        titles.push(match lang {
            Lang::Zh => format!("{}{}", lang.grade(*grade), lang.practice_ledger_share()),
            Lang::En => format!("{} {}", lang.grade(*grade), lang.practice_ledger_share()),
        });
    }
    titles.extend(headers(&[
        lang.practice_ledger_grade(),
        lang.practice_ledger_participants(),
    ]));
    Ok(Table {
        sheet: format!("{} {year}", lang.practice_ledger_appraisals()),
        headers: titles,
        rows,
    })
}
