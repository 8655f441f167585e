//! The industry demonstration bases on paper: one base's sheet (基地情况表: who leads it, its
//! figures by year, milestones, open problems, pairings and observation visits) and the year's
//! list of all bases (产业示范基地一览表) in the problem ledger's table style.

use super::{full_date_plain, section};
use crate::domain::base::{Base, BaseFigures, BaseId, Milestone};
use crate::domain::{BranchId, SecretaryId};
use crate::i18n::Lang;
use crate::report::{Column, Compose};
use crate::store::Store;
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

fn col(title: &str, share: f32) -> Column<'_> {
    Column { title, share }
}

/// A figure as the sheets write it: at most two decimals, none when whole (120, 35.5, 8.25).
pub(super) fn amount(value: f64) -> String {
    let text = format!("{:.2}", (value * 100.0).round() / 100.0);
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn optional_amount(value: Option<f64>) -> String {
    value.map_or_else(String::new, amount)
}

fn optional_count(value: Option<i64>) -> String {
    value.map_or_else(String::new, |v| v.to_string())
}

/// What households gained each, in yuan: income (万元) ÷ households.
fn per_household(figures: &BaseFigures) -> String {
    match (figures.income, figures.households) {
        (Some(income), Some(households)) if households > 0 => {
            #[allow(clippy::cast_precision_loss, reason = "households are few")]
            let yuan = income * 10_000.0 / households as f64;
            format!("{yuan:.0}")
        }
        _ => String::new(),
    }
}

/// The names of the branches and secretaries, read once.
pub(super) struct Names {
    branches: HashMap<BranchId, String>,
    secretaries: HashMap<SecretaryId, String>,
}

impl Names {
    /// Reads the branches and the roster.
    pub(super) fn read(store: &Store) -> crate::store::Result<Self> {
        Ok(Self {
            branches: store
                .branches()?
                .into_iter()
                .map(|b| (b.id, b.name))
                .collect(),
            secretaries: store
                .roster()?
                .into_iter()
                .map(|e| (e.id, e.fields.name))
                .collect(),
        })
    }

    /// A branch's name, empty when none or gone.
    pub(super) fn branch(&self, id: Option<BranchId>) -> String {
        id.and_then(|id| self.branches.get(&id).cloned())
            .unwrap_or_default()
    }

    /// A secretary's name, empty when none or gone.
    pub(super) fn secretary(&self, id: Option<SecretaryId>) -> String {
        id.and_then(|id| self.secretaries.get(&id).cloned())
            .unwrap_or_default()
    }
}

/// How a milestone stands on `today`.
fn milestone_state(lang: Lang, milestone: &Milestone, today: NaiveDate) -> &'static str {
    let f = &milestone.fields;
    match (f.done_on, f.planned_on) {
        (Some(done), Some(planned)) if done > planned => lang.base_sheet_milestone_late(),
        (Some(_), _) => lang.base_sheet_milestone_done(),
        (None, _) if milestone.overdue(today) => lang.base_sheet_milestone_overdue(),
        (None, _) => lang.base_sheet_milestone_open(),
    }
}

fn day(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// The sheet's title: 古城食用菌产业示范基地情况表.
///
/// # Errors
/// Why the store could not be read.
pub fn base_sheet_title(store: &Store, lang: Lang, id: BaseId) -> crate::store::Result<String> {
    Ok(match store.base(id)? {
        Some(base) => format!("{}{}", base.fields.name, lang.base_sheet_suffix()),
        None => lang.base_sheet_document().to_owned(),
    })
}

/// Writes the sheet of base `id` into `doc` (A4 upright), as it stands on `today`.
///
/// # Errors
/// Why the store could not be read, or that the base is gone.
pub fn compose_base(
    store: &Store,
    lang: Lang,
    doc: &mut dyn Compose,
    id: BaseId,
    today: NaiveDate,
) -> Result<(), String> {
    let error = |e: crate::store::Error| lang.store_error(&e);
    let base = store
        .base(id)
        .map_err(error)?
        .ok_or_else(|| lang.store_error(&crate::store::Error::RecordNotFound))?;
    let names = Names::read(store).map_err(error)?;
    let figures = store.base_figures(id).map_err(error)?;
    let milestones = store.milestones(Some(id)).map_err(error)?;
    let links = store.base_links(id, today).map_err(error)?;
    let f = &base.fields;
    doc.title(&format!("{}{}", f.name, lang.base_sheet_suffix()), 17.0);
    doc.paragraph(
        &format!("{}{}", lang.base_sheet_made(), full_date_plain(lang, today)),
        0.0,
    );
    let taking_part = f
        .branches
        .iter()
        .map(|b| names.branch(Some(*b)))
        .filter(|n| !n.is_empty())
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "));
    // The sheet's head as a form: label, value, label, value.
    doc.table(
        &[
            col(lang.base_sheet_name(), 0.16),
            col(&f.name, 0.34),
            col(lang.base_sheet_industry(), 0.16),
            col(&f.industry, 0.34),
        ],
        &[
            vec![
                lang.base_sheet_lead().to_owned(),
                names.branch(f.lead_branch_id),
                lang.base_sheet_secretary().to_owned(),
                names.secretary(f.secretary_id),
            ],
            vec![
                lang.base_sheet_branches().to_owned(),
                taking_part,
                lang.base_sheet_started().to_owned(),
                f.started_on
                    .map_or_else(String::new, |d| full_date_plain(lang, d)),
            ],
        ],
        0.0,
    );
    // The notes stand under the head, not at the foot: the sheet stays on one page.
    let notes: Vec<&str> = f
        .notes
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if f.archived || !notes.is_empty() {
        let mut text = notes.join(" ");
        if f.archived {
            text = format!(
                "{}{}{text}",
                lang.base_sheet_archived(),
                lang.pick("。", ". ")
            );
        }
        doc.field(lang.base_sheet_notes(), text.trim());
    }
    let mut n = 0;
    let mut next = |title: &str| {
        n += 1;
        section(lang, n, title)
    };
    doc.heading(&next(lang.base_sheet_figures()));
    if figures.is_empty() {
        doc.paragraph(lang.none_value(), 2.0);
    } else {
        let rows: Vec<Vec<String>> = figures
            .iter()
            .map(|y| {
                vec![
                    y.year.to_string(),
                    optional_amount(y.area_mu),
                    optional_count(y.households),
                    optional_count(y.jobs),
                    optional_amount(y.output_value),
                    optional_amount(y.income),
                    per_household(y),
                ]
            })
            .collect();
        doc.table(
            &[
                col(lang.base_sheet_year(), 0.09),
                col(lang.base_sheet_area(), 0.14),
                col(lang.base_sheet_households(), 0.15),
                col(lang.base_sheet_jobs(), 0.13),
                col(lang.base_sheet_output(), 0.15),
                col(lang.base_sheet_income(), 0.17),
                col(lang.base_sheet_per_household(), 0.17),
            ],
            &rows,
            0.0,
        );
    }
    doc.heading(&next(lang.base_sheet_milestones()));
    if milestones.is_empty() {
        doc.paragraph(lang.none_value(), 2.0);
    } else {
        let rows: Vec<Vec<String>> = milestones
            .iter()
            .enumerate()
            .map(|(i, m)| {
                vec![
                    (i + 1).to_string(),
                    m.fields.title.clone(),
                    day(m.fields.planned_on),
                    day(m.fields.done_on),
                    milestone_state(lang, m, today).to_owned(),
                ]
            })
            .collect();
        doc.table(
            &[
                col(lang.ledger_no(), 0.08),
                col(lang.base_sheet_milestone(), 0.36),
                col(lang.base_sheet_planned(), 0.19),
                col(lang.base_sheet_done(), 0.19),
                col(lang.col_state(), 0.18),
            ],
            &rows,
            0.0,
        );
    }
    doc.heading(&next(lang.base_sheet_problems()));
    let open: Vec<_> = links
        .problems
        .iter()
        .filter(|p| p.state.is_open())
        .collect();
    if links.problems.is_empty() {
        doc.paragraph(lang.none_value(), 2.0);
    } else {
        doc.paragraph(
            &lang.base_sheet_problem_count(links.problems.len(), open.len()),
            2.0,
        );
    }
    if !open.is_empty() {
        let rows: Vec<Vec<String>> = open
            .iter()
            .enumerate()
            .map(|(i, p)| {
                vec![
                    (i + 1).to_string(),
                    p.fields.title.clone(),
                    day(Some(p.fields.raised_on)),
                    p.fields.responsible.clone(),
                    day(p.fields.deadline),
                    lang.problem_status(p, today),
                ]
            })
            .collect();
        doc.table(
            &[
                col(lang.ledger_no(), 0.07),
                col(lang.col_title(), 0.26),
                col(lang.col_raised_on(), 0.18),
                col(lang.col_responsible(), 0.19),
                col(lang.col_deadline(), 0.18),
                col(lang.col_state(), 0.12),
            ],
            &rows,
            0.0,
        );
    }
    doc.heading(&next(lang.base_sheet_pairings()));
    if links.pairings.is_empty() {
        doc.paragraph(lang.none_value(), 2.0);
    } else {
        let pairs: Vec<String> = links.pairings.iter().map(|(_, p)| p.clone()).collect();
        doc.numbered(&pairs);
    }
    doc.heading(&next(lang.base_sheet_visits()));
    if links.sessions.is_empty() {
        doc.paragraph(lang.none_value(), 2.0);
    } else {
        let visits: Vec<String> = links
            .sessions
            .iter()
            .map(|(_, on, topic)| format!("{}　{topic}", full_date_plain(lang, *on)))
            .collect();
        doc.numbered(&visits);
    }
    Ok(())
}

/// The bases of `year`'s list: those followed, and archived ones with figures that year; none
/// that started after it.
fn bases_of_year(bases: Vec<Base>, figures: &HashMap<BaseId, BaseFigures>, year: i32) -> Vec<Base> {
    bases
        .into_iter()
        .filter(|b| {
            (!b.fields.archived || figures.contains_key(&b.id))
                && b.fields.started_on.is_none_or(|d| d.year() <= year)
        })
        .collect()
}

/// Writes the list of bases of `year` into `doc` (which should lie: eleven columns), as they
/// stand on `today`.
///
/// # Errors
/// Why the store could not be read.
pub fn compose_bases(
    store: &Store,
    lang: Lang,
    doc: &mut dyn Compose,
    year: i32,
    today: NaiveDate,
) -> Result<(), String> {
    let error = |e: crate::store::Error| lang.store_error(&e);
    let studio = store.studio().map_err(error)?.name;
    let names = Names::read(store).map_err(error)?;
    let figures = store.figures_of_year(year).map_err(error)?;
    let counts = store.base_counts().map_err(error)?;
    let bases = bases_of_year(store.bases().map_err(error)?, &figures, year);
    doc.letterhead(&store.document_heads().map_err(error)?.letterhead);
    doc.title(
        &format!("{studio}\n{}", lang.bases_table_document(year)),
        17.0,
    );
    doc.paragraph(
        &format!(
            "{}{}{}{}",
            lang.bases_table_year(),
            crate::domain::period::Period::year(year)
                .map_or_else(|| year.to_string(), |p| lang.period_name(p)),
            lang.bases_table_as_of(),
            full_date_plain(lang, today)
        ),
        0.0,
    );
    let mut total = BaseFigures::default();
    let add_f = |sum: &mut Option<f64>, v: Option<f64>| {
        if let Some(v) = v {
            *sum = Some(sum.unwrap_or(0.0) + v);
        }
    };
    let add_i = |sum: &mut Option<i64>, v: Option<i64>| {
        if let Some(v) = v {
            *sum = Some(sum.unwrap_or(0) + v);
        }
    };
    let (mut all_problems, mut open_problems) = (0, 0);
    let mut rows: Vec<Vec<String>> = bases
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let f = &b.fields;
            let y = figures.get(&b.id).copied().unwrap_or_default();
            add_f(&mut total.area_mu, y.area_mu);
            add_i(&mut total.households, y.households);
            add_i(&mut total.jobs, y.jobs);
            add_f(&mut total.output_value, y.output_value);
            add_f(&mut total.income, y.income);
            let c = counts.get(&b.id).copied().unwrap_or_default();
            all_problems += c.problems;
            open_problems += c.open_problems;
            vec![
                (i + 1).to_string(),
                f.name.clone(),
                f.industry.clone(),
                names.branch(f.lead_branch_id),
                names.secretary(f.secretary_id),
                optional_amount(y.area_mu),
                optional_count(y.households),
                optional_count(y.jobs),
                optional_amount(y.output_value),
                optional_amount(y.income),
                format!("{}/{}", c.open_problems, c.problems),
            ]
        })
        .collect();
    doc.paragraph(
        &lang.bases_table_summary(
            bases.len(),
            &amount(total.area_mu.unwrap_or(0.0)),
            total.households.unwrap_or(0),
            total.jobs.unwrap_or(0),
            &amount(total.output_value.unwrap_or(0.0)),
        ),
        0.0,
    );
    doc.space(4.0);
    if !rows.is_empty() {
        rows.push(vec![
            String::new(),
            lang.bases_table_total().to_owned(),
            String::new(),
            String::new(),
            String::new(),
            optional_amount(total.area_mu),
            optional_count(total.households),
            optional_count(total.jobs),
            optional_amount(total.output_value),
            optional_amount(total.income),
            format!("{open_problems}/{all_problems}"),
        ]);
    }
    doc.table(
        &[
            col(lang.ledger_no(), 0.05),
            col(lang.bases_table_base(), 0.17),
            col(lang.bases_table_industry(), 0.07),
            col(lang.base_sheet_lead(), 0.15),
            col(lang.base_sheet_secretary(), 0.07),
            col(lang.base_sheet_area(), 0.075),
            col(lang.base_sheet_households(), 0.075),
            col(lang.base_sheet_jobs(), 0.08),
            col(lang.base_sheet_output(), 0.08),
            col(lang.base_sheet_income(), 0.08),
            col(lang.bases_table_problems(), 0.1),
        ],
        &rows,
        0.0,
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn amounts_drop_trailing_zeros() {
        assert_eq!(super::amount(120.0), "120");
        assert_eq!(super::amount(35.5), "35.5");
        assert_eq!(super::amount(8.254), "8.25");
        assert_eq!(super::amount(0.0), "0");
    }
}
