//! The party-spirit check-up form of one person (党性体检表: the indicators scored in the four
//! steps, the weighted result and grade, the findings and their rectification, signatures)
//! and the year's summary of check-ups (党性体检情况汇总表).

use super::full_date_plain;
use crate::domain::ProblemId;
use crate::domain::assessment::format_score;
use crate::domain::checkup::{
    Checkup, CheckupId, Health, HealthThresholds, Indicator, Step, Subject, Weights,
};
use crate::domain::problem::ProblemSummary;
use crate::i18n::Lang;
use crate::report::{Column, Compose};
use crate::store::Store;
use chrono::NaiveDate;
use std::collections::HashMap;

/// Who a check-up is of, by name and branch: a secretary of the roster or a person of the
/// register (whose branch, or village when none).
pub struct Subjects {
    /// Name, branch, and place in the order lists keep (the roster's, then the register's).
    names: HashMap<Subject, (String, String, usize)>,
}

impl Subjects {
    /// Reads the roster, the register and the branches.
    ///
    /// # Errors
    /// Why the store could not be read.
    pub fn read(store: &Store) -> crate::store::Result<Self> {
        let mut names = HashMap::new();
        for entry in store.roster()? {
            let place = names.len();
            names.insert(
                Subject::Secretary(entry.id),
                (entry.fields.name, entry.branch_name, place),
            );
        }
        let branches: HashMap<_, _> = store
            .branches()?
            .into_iter()
            .map(|b| (b.id, b.name))
            .collect();
        for person in store.people()? {
            let f = person.fields;
            let branch = f
                .branch_id
                .and_then(|b| branches.get(&b).cloned())
                .unwrap_or(f.village);
            let place = names.len();
            names.insert(Subject::Person(person.id), (f.name, branch, place));
        }
        Ok(Self { names })
    }

    /// Where the subject comes in a list: secretaries in the roster's order (by area and
    /// branch), then the register's people by name.
    pub fn place(&self, subject: Subject) -> usize {
        self.names.get(&subject).map_or(usize::MAX, |n| n.2)
    }

    /// The name.
    pub fn name(&self, subject: Subject) -> &str {
        self.names.get(&subject).map_or("", |n| n.0.as_str())
    }

    /// The branch (or village).
    pub fn branch(&self, subject: Subject) -> &str {
        self.names.get(&subject).map_or("", |n| n.1.as_str())
    }
}

/// A step's result or the weighted result, in percent: 86.5%; a dash until scored in full.
pub fn percent(result: Option<f64>) -> String {
    result.map_or_else(|| "—".to_owned(), |r| format!("{r:.1}%"))
}

/// The problems of the ledger by id, to follow what became of check-ups' findings.
pub struct FindingProblems(HashMap<ProblemId, ProblemSummary>);

impl FindingProblems {
    /// Reads the problem ledger.
    ///
    /// # Errors
    /// Why the store could not be read.
    pub fn read(store: &Store) -> crate::store::Result<Self> {
        Ok(Self(
            store.problems()?.into_iter().map(|p| (p.id, p)).collect(),
        ))
    }

    /// The problem a finding became, if it is still there.
    pub fn get(&self, id: Option<ProblemId>) -> Option<&ProblemSummary> {
        id.and_then(|id| self.0.get(&id))
    }

    /// How a check-up's findings stand: how many, and how many rectified (their problem
    /// resolved).
    pub fn rectified(&self, checkup: &Checkup) -> (usize, usize) {
        let rectified = checkup
            .findings
            .iter()
            .filter(|f| self.get(f.problem).is_some_and(|p| !p.state.is_open()))
            .count();
        (checkup.findings.len(), rectified)
    }
}

/// The rules a check-up is scored by, as the studio set them.
struct Rules {
    indicators: Vec<Indicator>,
    weights: Weights,
    thresholds: HealthThresholds,
}

impl Rules {
    fn read(store: &Store) -> crate::store::Result<Self> {
        Ok(Self {
            indicators: store.checkup_indicators()?,
            weights: store.checkup_weights()?,
            thresholds: store.health_thresholds()?,
        })
    }

    fn health(&self, checkup: &Checkup) -> Option<Health> {
        checkup
            .fields
            .health(&self.indicators, self.weights, self.thresholds)
    }
}

fn col(title: &str, share: f32) -> Column<'_> {
    Column { title, share }
}

/// Writes the check-up form of `id` into `doc`: one A4 page.
///
/// # Errors
/// Why the store could not be read, or that the check-up is gone.
pub fn compose_checkup(
    store: &Store,
    lang: Lang,
    doc: &mut dyn Compose,
    id: CheckupId,
) -> Result<(), String> {
    let error = |e: crate::store::Error| lang.store_error(&e);
    let checkup = store
        .checkup(id)
        .map_err(error)?
        .ok_or_else(|| lang.store_error(&crate::store::Error::RecordNotFound))?;
    let subjects = Subjects::read(store).map_err(error)?;
    let rules = Rules::read(store).map_err(error)?;
    let problems = FindingProblems::read(store).map_err(error)?;
    let studio = store.studio().map_err(error)?.name;
    let f = &checkup.fields;
    doc.title(
        &format!("{studio}\n{}", lang.checkup_sheet_title(f.year)),
        17.0,
    );
    let held = f
        .held_on
        .map_or_else(String::new, |d| full_date_plain(lang, d));
    let result = f.result(&rules.indicators, rules.weights);
    let health = rules
        .health(&checkup)
        .map_or(lang.checkup_sheet_incomplete(), |h| lang.health(h));
    // A form's head as a table: the person, the day, and the conclusion at a glance.
    doc.table(
        &[
            col(lang.col_name(), 0.18),
            col(subjects.name(f.subject), 0.3),
            col(lang.col_branch(), 0.2),
            col(subjects.branch(f.subject), 0.32),
        ],
        &[
            vec![
                lang.checkup_sheet_held_on().to_owned(),
                held,
                lang.checkup_sheet_residents().to_owned(),
                f.masses_count.to_string(),
            ],
            vec![
                lang.checkup_sheet_result().to_owned(),
                percent(result),
                lang.checkup_sheet_health().to_owned(),
                health.to_owned(),
            ],
        ],
        0.0,
    );
    let given = |indicator: &Indicator, step: Step| {
        f.scores
            .iter()
            .find(|(i, s, _)| *i == indicator.id && *s == step)
            .map_or_else(|| "—".to_owned(), |(_, _, v)| format_score(*v))
    };
    let mut rows: Vec<Vec<String>> = rules
        .indicators
        .iter()
        .map(|indicator| {
            let mut row = vec![indicator.name.clone(), format_score(indicator.max_score)];
            row.extend(Step::ALL.iter().map(|step| given(indicator, *step)));
            row
        })
        .collect();
    // Each step's total as a share of full marks, and its weight: the form fits one page
    // also in Word's 3号.
    let mut rates = vec![lang.checkup_sheet_rate().to_owned(), "100%".to_owned()];
    let mut weights = vec![lang.checkup_sheet_weight().to_owned(), String::new()];
    for (n, step) in Step::ALL.iter().enumerate() {
        let rate = f.step_result(&rules.indicators, *step);
        rates.push(percent(rate));
        weights.push(format!("{}%", rules.weights.0[n]));
    }
    rows.extend([rates, weights]);
    let mut columns = vec![
        col(lang.checkup_sheet_indicator(), 0.2),
        col(lang.checkup_sheet_full_marks(), 0.12),
    ];
    columns.extend(Step::ALL.iter().map(|step| col(lang.step(*step), 0.17)));
    doc.table(&columns, &rows, 0.0);
    doc.paragraph(&lang.checkup_rule_short(rules.thresholds), 0.0);
    doc.heading(lang.checkup_sheet_findings());
    if checkup.findings.is_empty() {
        doc.paragraph(lang.checkup_sheet_none(), 0.0);
    } else {
        let rows: Vec<Vec<String>> = checkup
            .findings
            .iter()
            .enumerate()
            .map(|(n, finding)| {
                let problem = problems.get(finding.problem);
                vec![
                    (n + 1).to_string(),
                    finding.text.clone(),
                    match problem {
                        None => lang.checkup_sheet_not_followed().to_owned(),
                        // Its title is the finding's own words unless someone changed it.
                        Some(p) if finding.text.starts_with(p.fields.title.as_str()) => {
                            lang.checkup_sheet_followed().to_owned()
                        }
                        Some(p) => p.fields.title.clone(),
                    },
                    problem.map_or_else(String::new, |p| {
                        let state = lang.problem_state(p.state);
                        if p.resolution.trim().is_empty() {
                            state.to_owned()
                        } else {
                            format!("{state}：{}", p.resolution.trim())
                        }
                    }),
                ]
            })
            .collect();
        doc.table(
            &[
                col(lang.checkup_sheet_no(), 0.08),
                col(lang.checkup_sheet_finding(), 0.44),
                col(lang.checkup_sheet_problem(), 0.18),
                col(lang.checkup_sheet_rectification(), 0.3),
            ],
            &rows,
            0.0,
        );
    }
    if !f.notes.trim().is_empty() {
        doc.field(lang.checkup_sheet_notes(), f.notes.trim());
    }
    // The signatures as the form's last rows, a box to sign under each: in Word's 3号 three
    // signature lines would push them onto a second page.
    doc.space(10.0);
    doc.table(
        &[
            col(lang.checkup_sheet_signed_self(), 0.34),
            col(lang.checkup_sheet_signed_leader(), 0.33),
            col(lang.checkup_sheet_date(), 0.33),
        ],
        &[vec![String::new(); 3]],
        48.0,
    );
    Ok(())
}

/// Writes the year's summary of check-ups into `doc` (a table lying): one row per check-up
/// in the roster's order, the totals under it, the grading rule and signatures.
///
/// # Errors
/// Why the store could not be read.
pub fn compose_checkups(
    store: &Store,
    lang: Lang,
    doc: &mut dyn Compose,
    year: i32,
    today: NaiveDate,
) -> Result<(), String> {
    let error = |e: crate::store::Error| lang.store_error(&e);
    let subjects = Subjects::read(store).map_err(error)?;
    let rules = Rules::read(store).map_err(error)?;
    let problems = FindingProblems::read(store).map_err(error)?;
    let studio = store.studio().map_err(error)?.name;
    let mut checkups = store.checkups(year).map_err(error)?;
    checkups.sort_by_key(|c| subjects.place(c.fields.subject));
    doc.title(
        &format!("{studio}\n{}", lang.checkup_table_title(year)),
        17.0,
    );
    doc.paragraph(
        &format!(
            "{}{}",
            lang.checkup_table_made(),
            full_date_plain(lang, today)
        ),
        0.0,
    );
    let mut grades = [0; 4];
    let (mut all_findings, mut all_rectified) = (0, 0);
    let rows: Vec<Vec<String>> = checkups
        .iter()
        .enumerate()
        .map(|(n, checkup)| {
            let f = &checkup.fields;
            let health = rules.health(checkup);
            grades[match health {
                Some(Health::Healthy) => 0,
                Some(Health::SubHealthy) => 1,
                Some(Health::Unhealthy) => 2,
                None => 3,
            }] += 1;
            let (findings, rectified) = problems.rectified(checkup);
            all_findings += findings;
            all_rectified += rectified;
            let mut row = vec![
                (n + 1).to_string(),
                subjects.name(f.subject).to_owned(),
                subjects.branch(f.subject).to_owned(),
            ];
            row.extend(
                Step::ALL
                    .iter()
                    .map(|step| percent(f.step_result(&rules.indicators, *step))),
            );
            row.extend([
                percent(f.result(&rules.indicators, rules.weights)),
                health.map_or("—", |h| lang.health(h)).to_owned(),
                findings.to_string(),
                rectified.to_string(),
            ]);
            row
        })
        .collect();
    let mut columns = vec![
        col(lang.checkup_sheet_no(), 0.05),
        col(lang.col_name(), 0.08),
        col(lang.col_branch(), 0.23),
    ];
    columns.extend(Step::ALL.iter().map(|step| col(lang.step(*step), 0.08)));
    columns.extend([
        col(lang.checkup_table_result(), 0.09),
        col(lang.checkup_sheet_health(), 0.09),
        col(lang.checkup_table_findings(), 0.07),
        col(lang.checkup_table_rectified(), 0.07),
    ]);
    doc.table(&columns, &rows, 0.0);
    doc.paragraph(
        &lang.checkup_table_totals(checkups.len(), grades, all_findings, all_rectified),
        0.0,
    );
    doc.paragraph(&lang.checkup_rule(rules.thresholds), 0.0);
    doc.signatures(&[
        lang.checkup_table_prepared(),
        lang.checkup_table_approved(),
        lang.checkup_sheet_date(),
    ]);
    Ok(())
}
