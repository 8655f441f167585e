//! "两三三" on paper: the officials' duties (责任清单) and a period's tasks (任务清单), in the
//! problem ledger's table style.

use super::bases::Names;
use super::{full_date_plain, period_line};
use crate::domain::period::Period;
use crate::domain::task::{Owner, Task, TaskShown};
use crate::i18n::Lang;
use crate::report::{Column, Compose};
use crate::store::Store;
use chrono::NaiveDate;
use std::collections::HashMap;

fn col(title: &str, share: f32) -> Column<'_> {
    Column { title, share }
}

fn day(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// Writes the duties of the officials still on the studio into `doc` (A4 upright): each
/// official's name, post and duties numbered, with how many of their tasks are done.
///
/// # Errors
/// Why the store could not be read.
pub fn compose_duties(
    store: &Store,
    lang: Lang,
    doc: &mut dyn Compose,
    today: NaiveDate,
) -> Result<(), String> {
    let error = |e: crate::store::Error| lang.store_error(&e);
    let studio = store.studio().map_err(error)?.name;
    let officials = store.officials().map_err(error)?;
    let mut tasks: HashMap<Owner, (usize, usize)> = HashMap::new();
    for task in store.tasks().map_err(error)? {
        let entry = tasks.entry(task.fields.owner).or_default();
        entry.1 += 1;
        if task.done_on().is_some() {
            entry.0 += 1;
        }
    }
    doc.letterhead(&store.document_heads().map_err(error)?.letterhead);
    doc.title(&format!("{studio}\n{}", lang.duty_list_document()), 17.0);
    doc.paragraph(
        &format!("{}{}", lang.duty_list_as_of(), full_date_plain(lang, today)),
        0.0,
    );
    doc.space(4.0);
    let rows: Vec<Vec<String>> = officials
        .iter()
        .filter(|o| !o.fields.archived)
        .enumerate()
        .map(|(i, official)| {
            let duties = official
                .fields
                .duty_items()
                .iter()
                .enumerate()
                .map(|(n, duty)| format!("{}. {duty}", n + 1))
                .collect::<Vec<_>>()
                .join("\n");
            let (done, all) = tasks
                .get(&Owner::Official(official.id))
                .copied()
                .unwrap_or_default();
            vec![
                (i + 1).to_string(),
                official.fields.name.clone(),
                official.fields.post.clone(),
                duties,
                format!("{done}/{all}"),
            ]
        })
        .collect();
    doc.table(
        &[
            col(lang.ledger_no(), 0.07),
            col(lang.duty_list_name(), 0.1),
            col(lang.duty_list_post(), 0.2),
            col(lang.duty_list_duties(), 0.51),
            col(lang.duty_list_tasks(), 0.12),
        ],
        &rows,
        0.0,
    );
    Ok(())
}

/// Where a task's work is: its branch and its base, each on a line.
fn serves(
    task: &Task,
    names: &Names,
    bases: &HashMap<crate::domain::base::BaseId, String>,
) -> String {
    let branch = names.branch(task.fields.branch_id);
    let base = task
        .fields
        .base_id
        .and_then(|b| bases.get(&b).cloned())
        .unwrap_or_default();
    [branch, base]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Writes the task list of `period` into `doc` (which should lie: nine columns): the tasks
/// worked on in it (given by its end, not done before it), each as the list shows it on
/// `today`, 逾期 included.
///
/// # Errors
/// Why the store could not be read.
pub fn compose_tasks(
    store: &Store,
    lang: Lang,
    doc: &mut dyn Compose,
    period: Period,
    today: NaiveDate,
) -> Result<(), String> {
    let error = |e: crate::store::Error| lang.store_error(&e);
    let studio = store.studio().map_err(error)?.name;
    let names = Names::read(store).map_err(error)?;
    let owners = store.owner_names().map_err(error)?;
    let bases: HashMap<_, _> = store
        .bases()
        .map_err(error)?
        .into_iter()
        .map(|b| (b.id, b.fields.name))
        .collect();
    let mut tasks = store.tasks().map_err(error)?;
    tasks.retain(|t| t.lives_in(period));
    doc.letterhead(&store.document_heads().map_err(error)?.letterhead);
    doc.title(&format!("{studio}\n{}", lang.task_list_title(period)), 17.0);
    doc.paragraph(&period_line(lang, period, today), 0.0);
    let shown: Vec<TaskShown> = tasks.iter().map(|t| t.shown(today)).collect();
    let count = |s: TaskShown| shown.iter().filter(|x| **x == s).count();
    let done = count(TaskShown::Done) + count(TaskShown::DoneLate);
    doc.paragraph(
        &lang.task_list_summary(
            tasks.len(),
            done,
            count(TaskShown::DoneLate),
            tasks.len() - done,
            count(TaskShown::Overdue),
        ),
        0.0,
    );
    doc.space(4.0);
    doc.progress_span(0.2, 0.3);
    let rows: Vec<Vec<String>> = tasks
        .iter()
        .zip(&shown)
        .enumerate()
        .map(|(i, (task, shown))| {
            let f = &task.fields;
            vec![
                (i + 1).to_string(),
                f.title.clone(),
                owners.get(&f.owner).cloned().unwrap_or_default(),
                serves(task, &names, &bases),
                day(Some(f.assigned_on)),
                day(f.deadline),
                lang.task_shown(*shown).to_owned(),
                day(task.done_on()),
                task.last_note.clone(),
            ]
        })
        .collect();
    doc.table(
        &[
            col(lang.ledger_no(), 0.04),
            col(lang.task_list_task(), 0.19),
            col(lang.task_list_owner(), 0.07),
            col(lang.task_list_serves(), 0.14),
            col(lang.task_list_assigned(), 0.09),
            col(lang.task_list_deadline(), 0.09),
            col(lang.task_list_state(), 0.07),
            col(lang.task_list_done_on(), 0.09),
            col(lang.task_list_note(), 0.22),
        ],
        &rows,
        0.0,
    );
    Ok(())
}
