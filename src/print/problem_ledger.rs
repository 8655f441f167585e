//! The problem ledger (发展难题台账): the problems of a period as the list shows them filtered.

use super::full_date;
use crate::i18n::Lang;
use crate::report::Compose;
use crate::report::pdf::{Column, Document, Font};
use crate::store::Store;
use chrono::NaiveDate;

/// The problem ledger (问题台账): the problems raised in the period (or all) that pass the
/// filter (as the problems list shows them), with state, responsible office, helper, deadline,
/// days open and resolution.
pub fn problem_ledger<'f>(
    store: &Store,
    lang: Lang,
    font: &'f Font,
    (period, filter): (
        Option<crate::domain::period::Period>,
        crate::domain::problem::ProblemFilter,
    ),
    today: NaiveDate,
    progress: &'f crate::work::Progress,
) -> Result<Document<'f>, String> {
    // On A4 lying: eleven columns do not fit upright.
    let mut doc = Document::landscape(font);
    doc.watch(progress);
    compose_problem_ledger(store, lang, &mut doc, (period, filter), today, progress)?;
    Ok(doc)
}

/// Writes the problem ledger into `doc` (which should lie: eleven columns).
pub fn compose_problem_ledger(
    store: &Store,
    lang: Lang,
    doc: &mut dyn Compose,
    (period, filter): (
        Option<crate::domain::period::Period>,
        crate::domain::problem::ProblemFilter,
    ),
    today: NaiveDate,
    progress: &crate::work::Progress,
) -> Result<(), String> {
    let error = |e: crate::store::Error| lang.store_error(&e);
    let studio = store.studio().map_err(error)?.name;
    let roster = store.roster().map_err(error)?;
    let areas = store.areas().map_err(error)?;
    let branches = store.branches().map_err(error)?;
    let area_of = |branch: Option<crate::domain::BranchId>| {
        branch
            .and_then(|id| branches.iter().find(|b| b.id == id))
            .and_then(|b| b.area_id)
    };
    let name = |id: Option<crate::domain::SecretaryId>| {
        id.and_then(|id| roster.iter().find(|e| e.id == id))
            .map(|e| e.fields.name.clone())
            .unwrap_or_default()
    };
    let mut problems = store.problems().map_err(error)?;
    problems.retain(|p| {
        period.is_none_or(|p2| p2.contains(p.fields.raised_on)) && filter.matches(p, area_of, today)
    });
    // In the list's order (newest first).
    progress.step(0.2).ok();
    doc.letterhead(&store.document_heads().map_err(error)?.letterhead);
    doc.title(&format!("{studio}\n{}", lang.ledger_problem_ledger()), 17.0);
    let scope = scope_line(lang, period, &filter, &areas, &branches);
    doc.paragraph(
        &format!("{scope}{}{}", lang.ledger_as(), full_date(lang, today)),
        0.0,
    );
    let open = problems.iter().filter(|p| p.state.is_open()).count();
    let overdue = problems
        .iter()
        .filter(|p| crate::domain::problem::is_overdue(p.state, p.fields.deadline, today))
        .count();
    doc.paragraph(
        &match lang {
            Lang::Zh => format!(
                "共 {} 件，已解决 {} 件，未解决 {open} 件，其中逾期 {overdue} 件。",
                problems.len(),
                problems.len() - open
            ),
            Lang::En => format!(
                "{} problems: {} resolved, {open} open, of which {overdue} overdue.",
                problems.len(),
                problems.len() - open
            ),
        },
        0.0,
    );
    doc.space(4.0);
    // Laying out is a tenth of a long ledger's time; writing the pages the rest.
    doc.progress_span(0.2, 0.3);
    let branch = |id: Option<crate::domain::BranchId>| {
        id.and_then(|id| branches.iter().find(|b| b.id == id))
            .map(|b| b.name.clone())
            .unwrap_or_default()
    };
    problems_table(doc, lang, &problems, today, (&name, &branch));
    Ok(())
}

/// What the ledger holds: the period, or the filters the list was narrowed by.
fn scope_line(
    lang: Lang,
    period: Option<crate::domain::period::Period>,
    filter: &crate::domain::problem::ProblemFilter,
    areas: &[crate::domain::Area],
    branches: &[crate::domain::Branch],
) -> String {
    let scope = match period {
        Some(p) => format!("{}：{}", lang.period(), lang.period_name(p)),
        None => lang.ledger_all_problems().to_owned(),
    };
    let mut conditions = Vec::new();
    if let Some(state) = filter.state {
        conditions.push(lang.problem_state(state).to_owned());
    }
    if let Some(area) = filter.area.and_then(|a| areas.iter().find(|x| x.id == a)) {
        conditions.push(area.name.clone());
    }
    if let Some(branch) = filter
        .branch
        .and_then(|b| branches.iter().find(|x| x.id == b))
    {
        conditions.push(branch.name.clone());
    }
    if let Some(category) = filter.category {
        conditions.push(lang.problem_category(category).to_owned());
    }
    if filter.overdue_only {
        conditions.push(lang.only_overdue().to_owned());
    }
    if conditions.is_empty() {
        scope
    } else {
        format!(
            "{}{}",
            lang.ledger_filtered(),
            conditions.join(lang.ledger_list_separator())
        )
    }
}

/// How a person or a branch is named in the table.
type NameOf<'a, Id> = &'a dyn Fn(Option<Id>) -> String;

/// One row per problem: what, who, the deadline, the state and how long it has taken.
fn problems_table(
    doc: &mut dyn Compose,
    lang: Lang,
    problems: &[crate::domain::problem::ProblemSummary],
    today: NaiveDate,
    (name, branch): (
        NameOf<'_, crate::domain::SecretaryId>,
        NameOf<'_, crate::domain::BranchId>,
    ),
) {
    let day = |d: Option<NaiveDate>| {
        d.map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    };
    let rows: Vec<Vec<String>> = problems
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let f = &p.fields;
            let until = if p.state.is_open() {
                today
            } else {
                p.changed_on
            };
            let state = lang.problem_status(p, today);
            vec![
                (i + 1).to_string(),
                f.title.clone(),
                branch(f.branch_id),
                name(f.raised_by),
                day(Some(f.raised_on)),
                f.responsible.clone(),
                name(f.helper_id),
                day(f.deadline),
                state,
                (until - f.raised_on).num_days().max(0).to_string(),
                p.resolution.clone(),
            ]
        })
        .collect();
    doc.table(
        &[
            Column {
                title: lang.ledger_no(),
                share: 0.04,
            },
            Column {
                title: lang.col_title(),
                share: 0.16,
            },
            Column {
                title: lang.col_branch(),
                share: 0.1,
            },
            Column {
                title: lang.col_raised_by(),
                share: 0.06,
            },
            Column {
                title: lang.col_raised_on(),
                share: 0.1,
            },
            Column {
                title: lang.col_responsible(),
                share: 0.1,
            },
            Column {
                title: lang.col_helper(),
                share: 0.06,
            },
            Column {
                title: lang.col_deadline(),
                share: 0.1,
            },
            Column {
                title: lang.col_state(),
                share: 0.1,
            },
            Column {
                title: lang.ledger_days(),
                share: 0.045,
            },
            Column {
                title: lang.col_resolution(),
                share: 0.135,
            },
        ],
        &rows,
        0.0,
    );
}
