//! 四议两公开 on paper: one decision's record through the six steps (one page: the village,
//! the matter, a table of the steps with their days, attendance and notes, and where it
//! stands) and a period's register of decisions (each step's day, compact).

use super::bases::Names;
use super::{full_date_plain, period_line};
use crate::domain::decision::{Decision, DecisionId, Standing, Step};
use crate::domain::period::Period;
use crate::i18n::Lang;
use crate::report::{Column, Compose};
use crate::store::Store;
use chrono::{Datelike, NaiveDate};

fn col(title: &str, share: f32) -> Column<'_> {
    Column { title, share }
}

fn count(value: Option<i64>) -> String {
    value.map_or_else(String::new, |v| v.to_string())
}

/// The record's title: 〈事项〉“四议两公开”记录表.
///
/// # Errors
/// Why the store could not be read.
pub fn decision_sheet_title(
    store: &Store,
    lang: Lang,
    id: DecisionId,
) -> crate::store::Result<String> {
    Ok(match store.decision(id)? {
        Some(decision) => format!(
            "{}{}",
            decision.fields.title.trim(),
            lang.decision_sheet_suffix()
        ),
        None => lang.decision_sheet_document().to_owned(),
    })
}

/// Writes the record of decision `id` into `doc` (A4 upright).
///
/// # Errors
/// Why the store could not be read, or that the decision is gone.
pub fn compose_decision(
    store: &Store,
    lang: Lang,
    doc: &mut dyn Compose,
    id: DecisionId,
) -> Result<(), String> {
    let error = |e: crate::store::Error| lang.store_error(&e);
    let decision = store
        .decision(id)
        .map_err(error)?
        .ok_or_else(|| lang.store_error(&crate::store::Error::RecordNotFound))?;
    let names = Names::read(store).map_err(error)?;
    let f = &decision.fields;
    let village = names.branch(Some(f.branch_id));
    doc.title(
        &format!("{village}\n{}", lang.decision_sheet_document()),
        17.0,
    );
    doc.table(
        &[
            col(lang.decision_sheet_village(), 0.16),
            col(&village, 0.34),
            col(lang.decision_sheet_started(), 0.16),
            col(
                &decision
                    .started_on()
                    .map_or_else(String::new, |d| full_date_plain(lang, d)),
                0.34,
            ),
        ],
        &[vec![
            lang.decision_sheet_title().to_owned(),
            f.title.clone(),
            lang.decision_sheet_standing().to_owned(),
            lang.decision_standing(decision.standing()),
        ]],
        0.0,
    );
    doc.field(
        lang.decision_sheet_content(),
        if f.content.trim().is_empty() {
            lang.none_value()
        } else {
            f.content.trim()
        },
    );
    doc.space(4.0);
    let rows: Vec<Vec<String>> = Step::ALL
        .iter()
        .zip(&decision.steps)
        .map(|(step, record)| {
            let title = format!("{}. {}", step.index() + 1, lang.decision_step(*step));
            match record {
                Some(r) => vec![
                    title,
                    r.held_on
                        .map_or_else(String::new, |d| full_date_plain(lang, d)),
                    count(r.expected),
                    count(r.present),
                    r.note.clone(),
                ],
                None => vec![
                    title,
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ],
            }
        })
        .collect();
    // Room to write a step in by hand when it is still to come.
    doc.table(
        &[
            col(lang.decision_sheet_step(), 0.25),
            col(lang.decision_sheet_date(), 0.25),
            col(lang.decision_sheet_expected(), 0.08),
            col(lang.decision_sheet_present(), 0.08),
            col(lang.decision_sheet_note(), 0.34),
        ],
        &rows,
        34.0,
    );
    doc.paragraph(lang.decision_sheet_quorum(), 0.0);
    let mut standing = format!(
        "{}{}{}",
        lang.decision_sheet_standing(),
        lang.pick("：", ": "),
        lang.decision_standing(decision.standing())
    );
    if let Some(next) = decision.next_step() {
        standing.push_str(lang.pick("；", "; "));
        standing.push_str(&lang.decision_sheet_next(next));
    } else {
        standing.push_str(lang.pick("。", "."));
    }
    doc.paragraph(&standing, 0.0);
    doc.space(12.0);
    doc.signatures(&[
        lang.decision_sheet_recorder(),
        lang.decision_sheet_secretary(),
        lang.decision_sheet_signed_on(),
    ]);
    Ok(())
}

/// A step's day in a register's narrow column: 2026.5.20.
fn compact(day: Option<NaiveDate>) -> String {
    day.map_or_else(String::new, |d| {
        format!("{}.{}.{}", d.year(), d.month(), d.day())
    })
}

/// Writes the register of the decisions under way in `period` into `doc` (which should lie:
/// ten columns), as they stand on `today`.
///
/// # Errors
/// Why the store could not be read.
pub fn compose_decisions(
    store: &Store,
    lang: Lang,
    doc: &mut dyn Compose,
    period: Period,
    today: NaiveDate,
) -> Result<(), String> {
    let error = |e: crate::store::Error| lang.store_error(&e);
    let studio = store.studio().map_err(error)?.name;
    let names = Names::read(store).map_err(error)?;
    let mut decisions: Vec<Decision> = store.decisions().map_err(error)?;
    decisions.retain(|d| d.lives_in(period, today));
    // The register reads as a history: oldest first, by village; not started last.
    decisions.sort_by(|a, b| {
        (
            a.started_on().is_none(),
            a.started_on(),
            a.fields.branch_id.0,
            a.id.0,
        )
            .cmp(&(
                b.started_on().is_none(),
                b.started_on(),
                b.fields.branch_id.0,
                b.id.0,
            ))
    });
    doc.letterhead(&store.document_heads().map_err(error)?.letterhead);
    doc.title(
        &format!("{studio}\n{}", lang.decision_register_title_of(period)),
        17.0,
    );
    doc.paragraph(&period_line(lang, period, today), 0.0);
    let standing = |s: fn(&Standing) -> bool| decisions.iter().filter(|d| s(&d.standing())).count();
    let complete = standing(|s| *s == Standing::Complete);
    let not_started = standing(|s| *s == Standing::NotStarted);
    doc.paragraph(
        &lang.decision_register_summary(
            decisions.len(),
            complete,
            decisions.len() - complete - not_started,
            not_started,
        ),
        0.0,
    );
    doc.space(4.0);
    doc.progress_span(0.2, 0.3);
    let rows: Vec<Vec<String>> = decisions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let mut row = vec![
                (i + 1).to_string(),
                names.branch(Some(d.fields.branch_id)),
                d.fields.title.clone(),
            ];
            row.extend(
                d.steps
                    .iter()
                    .map(|s| compact(s.as_ref().and_then(|s| s.held_on))),
            );
            row.push(lang.decision_standing(d.standing()));
            row
        })
        .collect();
    doc.table(
        &[
            col(lang.ledger_no(), 0.045),
            col(lang.decision_register_village(), 0.11),
            col(lang.decision_register_title(), 0.18),
            col(lang.decision_register_proposal(), 0.09),
            col(lang.decision_register_consultation(), 0.09),
            col(lang.decision_register_review(), 0.09),
            col(lang.decision_register_resolution(), 0.09),
            col(lang.decision_register_resolution_public(), 0.09),
            col(lang.decision_register_result_public(), 0.09),
            col(lang.decision_register_standing(), 0.125),
        ],
        &rows,
        0.0,
    );
    Ok(())
}
