//! The democratic appraisal's ballot count of a year (民主测评票统计表): per secretary who
//! reported, the ballots in the four boxes with their shares and the grade the studio's rule
//! gives, the rule stated under the table.

use super::full_date_plain;
use crate::domain::appraisal::{Appraisal, Grade};
use crate::i18n::Lang;
use crate::report::{Column, Compose};
use crate::store::Store;
use chrono::NaiveDate;

/// A count with its share of the voters, on two lines: 30 / 60.0%.
fn count_and_share(count: i64, voters: i64) -> String {
    if voters > 0 {
        #[allow(clippy::cast_precision_loss, reason = "ballots are few")]
        let share = count as f64 / voters as f64 * 100.0;
        format!("{count}\n{share:.1}%")
    } else {
        count.to_string()
    }
}

/// The half an appraisal covers, after its report's title: （上半年）.
fn with_half(lang: Lang, appraisal: &Appraisal) -> String {
    let title = appraisal.fields.title.trim();
    let half = match appraisal.fields.half {
        1 => lang.appraisal_table_first_half(),
        2 => lang.appraisal_table_second_half(),
        _ => return title.to_owned(),
    };
    match lang {
        Lang::Zh => format!("{title}（{half}）"),
        Lang::En => format!("{title} ({half})"),
    }
}

/// Writes the ballot count of `year` into `doc` (a table lying), as things stand on `today`.
///
/// # Errors
/// Why the store could not be read.
pub fn compose_appraisals(
    store: &Store,
    lang: Lang,
    doc: &mut dyn Compose,
    year: i32,
    today: NaiveDate,
) -> Result<(), String> {
    let error = |e: crate::store::Error| lang.store_error(&e);
    let studio = store.studio().map_err(error)?.name;
    let roster = store.roster().map_err(error)?;
    let rule = store.appraisal_rule().map_err(error)?;
    let mut appraisals = store.appraisals(Some(year)).map_err(error)?;
    // The whole year first, then the halves; each in the roster's order (by area and branch).
    let place = |a: &Appraisal| {
        roster
            .iter()
            .position(|e| e.id == a.fields.secretary)
            .unwrap_or(usize::MAX)
    };
    appraisals.sort_by_key(|a| (a.fields.half, place(a)));
    doc.title(
        &format!("{studio}\n{}", lang.appraisal_table_title(year)),
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
    let rows: Vec<Vec<String>> = appraisals
        .iter()
        .enumerate()
        .map(|(n, appraisal)| {
            let f = &appraisal.fields;
            let entry = roster.iter().find(|e| e.id == f.secretary);
            let grade = f.grade(rule);
            if let Some(grade) = grade {
                grades[Grade::ALL.iter().position(|g| *g == grade).unwrap_or(0)] += 1;
            }
            let mut row = vec![
                (n + 1).to_string(),
                entry.map(|e| e.branch_name.clone()).unwrap_or_default(),
                entry.map(|e| e.fields.name.clone()).unwrap_or_default(),
                f.reported_on
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_default(),
                with_half(lang, appraisal),
                f.voters.to_string(),
            ];
            row.extend(
                f.ballots
                    .iter()
                    .map(|count| count_and_share(*count, f.voters)),
            );
            row.push(grade.map_or("—", |g| lang.grade(g)).to_owned());
            row
        })
        .collect();
    // Each header on one line (参评人数, 基本合格), a company branch's whole name too.
    let mut columns = vec![
        Column {
            title: lang.appraisal_table_no(),
            share: 0.05,
        },
        Column {
            title: lang.col_branch(),
            share: 0.19,
        },
        Column {
            title: lang.col_name(),
            share: 0.07,
        },
        Column {
            title: lang.appraisal_table_reported_on(),
            share: 0.1,
        },
        Column {
            title: lang.appraisal_table_report(),
            share: 0.14,
        },
        Column {
            title: lang.appraisal_table_voters(),
            share: 0.075,
        },
    ];
    columns.extend(Grade::ALL.iter().map(|grade| Column {
        title: lang.grade(*grade),
        share: 0.075,
    }));
    columns.push(Column {
        title: lang.appraisal_table_grade(),
        share: 0.075,
    });
    doc.table(&columns, &rows, 0.0);
    doc.paragraph(&lang.appraisal_table_totals(appraisals.len(), grades), 0.0);
    doc.paragraph(&lang.appraisal_rule(rule), 0.0);
    doc.signatures(&[
        lang.appraisal_table_counter(),
        lang.appraisal_table_scrutineer(),
        lang.appraisal_table_date(),
    ]);
    Ok(())
}
