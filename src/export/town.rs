//! The town's ledgers as tables: the industry demonstration bases (a sheet of the bases, one of
//! their figures by year, one of their milestones), the tasks as the list shows them (with a
//! sheet of their progress notes) and the village decisions, one row each with every step's
//! day and attendance.

use super::headers;
use crate::domain::decision::Step;
use crate::domain::period::Period;
use crate::i18n::Lang;
use crate::report::{Cell, Table};
use crate::store::{self, Store};
use chrono::NaiveDate;
use std::collections::HashMap;

fn optional_int(value: Option<i64>) -> Cell {
    value.map_or(Cell::Empty, Cell::Int)
}

fn optional_number(value: Option<f64>) -> Cell {
    value.map_or(Cell::Empty, Cell::Number)
}

/// 产业基地: the bases with their counts, their figures by year and their milestones.
pub(super) fn bases(store: &Store, lang: Lang, today: NaiveDate) -> store::Result<Vec<Table>> {
    let branches: HashMap<_, _> = store
        .branches()?
        .into_iter()
        .map(|b| (b.id, b.name))
        .collect();
    let branch = |id| branches.get(&id).cloned().unwrap_or_default();
    let secretaries: HashMap<_, _> = store
        .roster()?
        .into_iter()
        .map(|e| (e.id, e.fields.name))
        .collect();
    let counts = store.base_counts()?;
    let milestones = store.milestones(None)?;
    let bases = store.bases()?;
    let names: HashMap<_, _> = bases
        .iter()
        .map(|b| (b.id, b.fields.name.clone()))
        .collect();
    let mut rows = Vec::with_capacity(bases.len());
    let mut figures = Vec::new();
    for base in &bases {
        let f = &base.fields;
        let c = counts.get(&base.id).copied().unwrap_or_default();
        let of: Vec<_> = milestones.iter().filter(|m| m.base_id == base.id).collect();
        let done = of.iter().filter(|m| m.fields.done_on.is_some()).count();
        rows.push(vec![
            Cell::text(f.name.as_str()),
            Cell::text(f.industry.as_str()),
            Cell::text(f.lead_branch_id.map(branch).unwrap_or_default()),
            Cell::text(
                f.branches
                    .iter()
                    .map(|b| branch(*b))
                    .collect::<Vec<_>>()
                    .join(lang.pick("、", ", ")),
            ),
            Cell::text(
                f.secretary_id
                    .and_then(|s| secretaries.get(&s).cloned())
                    .unwrap_or_default(),
            ),
            Cell::date(f.started_on),
            Cell::text(if f.archived {
                lang.town_ledger_archived()
            } else {
                lang.town_ledger_followed()
            }),
            Cell::text(format!("{done}/{}", of.len())),
            Cell::Int(c.open_problems),
            Cell::Int(c.problems),
            Cell::Int(c.pairings),
            Cell::Int(c.sessions),
            Cell::Int(c.open_tasks),
            Cell::text(f.notes.as_str()),
        ]);
        for year in store.base_figures(base.id)? {
            figures.push(vec![
                Cell::text(f.name.as_str()),
                Cell::Int(i64::from(year.year)),
                optional_number(year.area_mu),
                optional_int(year.households),
                optional_int(year.jobs),
                optional_number(year.output_value),
                optional_number(year.income),
            ]);
        }
    }
    let milestone_rows = milestones
        .iter()
        .map(|m| {
            vec![
                Cell::text(names.get(&m.base_id).cloned().unwrap_or_default()),
                Cell::text(m.fields.title.as_str()),
                Cell::date(m.fields.planned_on),
                Cell::date(m.fields.done_on),
                Cell::text(if m.overdue(today) {
                    lang.town_ledger_overdue()
                } else {
                    ""
                }),
            ]
        })
        .collect();
    Ok(vec![
        Table {
            sheet: lang.town_ledger_bases().to_owned(),
            headers: headers(&[
                lang.town_ledger_base(),
                lang.town_ledger_industry(),
                lang.town_ledger_lead(),
                lang.town_ledger_branches(),
                lang.town_ledger_secretary(),
                lang.town_ledger_started(),
                lang.col_status(),
                lang.town_ledger_milestones_done(),
                lang.town_ledger_open_problems(),
                lang.town_ledger_problems(),
                lang.town_ledger_pairings(),
                lang.town_ledger_visits(),
                lang.town_ledger_open_tasks(),
                lang.col_notes(),
            ]),
            rows,
        },
        Table {
            sheet: lang.town_ledger_base_figures().to_owned(),
            headers: headers(&[
                lang.town_ledger_base(),
                lang.town_ledger_year(),
                lang.town_ledger_area(),
                lang.town_ledger_households(),
                lang.town_ledger_jobs(),
                lang.town_ledger_output(),
                lang.town_ledger_income(),
            ]),
            rows: figures,
        },
        Table {
            sheet: lang.town_ledger_milestones().to_owned(),
            headers: headers(&[
                lang.town_ledger_base(),
                lang.town_ledger_milestone(),
                lang.town_ledger_planned(),
                lang.town_ledger_done(),
                lang.col_status(),
            ]),
            rows: milestone_rows,
        },
    ])
}

/// 任务清单: the tasks worked on in `period` (all if none) as the list shows them on `today`,
/// and their progress notes.
pub(super) fn tasks(
    store: &Store,
    lang: Lang,
    period: Option<Period>,
    today: NaiveDate,
) -> store::Result<Vec<Table>> {
    let branches: HashMap<_, _> = store
        .branches()?
        .into_iter()
        .map(|b| (b.id, b.name))
        .collect();
    let bases: HashMap<_, _> = store
        .bases()?
        .into_iter()
        .map(|b| (b.id, b.fields.name))
        .collect();
    let owners = store.owner_names()?;
    let mut tasks = store.tasks()?;
    tasks.retain(|t| period.is_none_or(|p| t.lives_in(p)));
    let mut rows = Vec::with_capacity(tasks.len());
    let mut history = Vec::new();
    for task in &tasks {
        let f = &task.fields;
        let shown = task.shown(today);
        rows.push(vec![
            Cell::text(f.title.as_str()),
            Cell::text(f.description.as_str()),
            Cell::text(owners.get(&f.owner).cloned().unwrap_or_default()),
            Cell::text(
                f.branch_id
                    .and_then(|b| branches.get(&b).cloned())
                    .unwrap_or_default(),
            ),
            Cell::text(
                f.base_id
                    .and_then(|b| bases.get(&b).cloned())
                    .unwrap_or_default(),
            ),
            Cell::Date(f.assigned_on),
            Cell::date(f.deadline),
            Cell::text(lang.task_shown(shown)),
            Cell::date(task.done_on()),
            Cell::text(task.last_note.as_str()),
        ]);
        for event in store.task_history(task.id)? {
            if event.state == crate::domain::task::TaskState::NotStarted && event.note.is_empty() {
                continue;
            }
            history.push(vec![
                Cell::text(f.title.as_str()),
                Cell::Date(event.date),
                Cell::text(lang.task_state(event.state)),
                Cell::text(event.actor),
                Cell::text(event.note),
            ]);
        }
    }
    Ok(vec![
        Table {
            sheet: lang.town_ledger_tasks().to_owned(),
            headers: headers(&[
                lang.town_ledger_task(),
                lang.town_ledger_description(),
                lang.town_ledger_owner(),
                lang.town_ledger_branch(),
                lang.town_ledger_base(),
                lang.town_ledger_assigned(),
                lang.town_ledger_deadline(),
                lang.town_ledger_state(),
                lang.town_ledger_done_on(),
                lang.town_ledger_latest(),
            ]),
            rows,
        },
        Table {
            sheet: lang.town_ledger_task_progress().to_owned(),
            headers: headers(&[
                lang.town_ledger_task(),
                lang.town_ledger_progress_on(),
                lang.town_ledger_state(),
                lang.town_ledger_progress_by(),
                lang.town_ledger_note(),
            ]),
            rows: history,
        },
    ])
}

/// 四议两公开: the decisions under way in `period` (all if none), one row each: the village,
/// the matter, each step's day (and the meetings' attendance), where it stands.
pub(super) fn decisions(
    store: &Store,
    lang: Lang,
    period: Option<Period>,
    today: NaiveDate,
) -> store::Result<Table> {
    let branches: HashMap<_, _> = store
        .branches()?
        .into_iter()
        .map(|b| (b.id, b.name))
        .collect();
    let mut decisions = store.decisions()?;
    decisions.retain(|d| period.is_none_or(|p| d.lives_in(p, today)));
    // Oldest first, as a register reads.
    decisions.reverse();
    let rows = decisions
        .iter()
        .map(|d| {
            let mut row = vec![
                Cell::text(
                    branches
                        .get(&d.fields.branch_id)
                        .cloned()
                        .unwrap_or_default(),
                ),
                Cell::text(d.fields.title.as_str()),
                Cell::text(d.fields.content.as_str()),
            ];
            for (step, record) in Step::ALL.iter().zip(&d.steps) {
                row.push(Cell::date(record.as_ref().and_then(|r| r.held_on)));
                if step.is_meeting() {
                    row.push(optional_int(record.as_ref().and_then(|r| r.expected)));
                    row.push(optional_int(record.as_ref().and_then(|r| r.present)));
                }
            }
            row.push(Cell::text(lang.decision_standing(d.standing())));
            row
        })
        .collect();
    let mut titles = headers(&[
        lang.town_ledger_village(),
        lang.town_ledger_decision(),
        lang.town_ledger_content(),
    ]);
    for step in Step::ALL {
        let name = lang.decision_step(*step);
        titles.push(format!("{name}{}", lang.town_ledger_on()));
        if step.is_meeting() {
            titles.push(format!("{name}{}", lang.town_ledger_expected()));
            titles.push(format!("{name}{}", lang.town_ledger_present()));
        }
    }
    titles.push(lang.town_ledger_standing().to_owned());
    Ok(Table {
        sheet: lang.town_ledger_decisions().to_owned(),
        headers: titles,
        rows,
    })
}
