//! The ranking and commendation list (比拼排名及表彰名单) of a period.

use super::section;
use crate::i18n::Lang;
use crate::report::Compose;
use crate::report::pdf::{Column, Document, Font};
use crate::store::Store;

/// The ranking and commendation list (比拼排名及表彰名单) of a period.
pub fn ranking_list<'f>(
    store: &Store,
    lang: Lang,
    font: &'f Font,
    period: crate::domain::period::Period,
) -> Result<Document<'f>, String> {
    let mut doc = Document::new(font);
    compose_ranking_list(store, lang, &mut doc, period)?;
    Ok(doc)
}

/// Writes the ranking and commendation list of `period` into `doc`.
pub fn compose_ranking_list(
    store: &Store,
    lang: Lang,
    doc: &mut dyn Compose,
    period: crate::domain::period::Period,
) -> Result<(), String> {
    let error = |e: crate::store::Error| lang.store_error(&e);
    let studio = store.studio().map_err(error)?.name;
    let heads = store.document_heads().map_err(error)?;
    let roster = store.roster().map_err(error)?;
    let entry = |id| roster.iter().find(|e| e.id == id);
    doc.letterhead(&heads.letterhead);
    doc.title(
        &format!(
            "{studio}\n{}{}",
            lang.period_name(period),
            lang.ranking_ranking_commendations()
        ),
        17.0,
    );
    let rows: Vec<Vec<String>> = store
        .assessments(period)
        .map_err(error)?
        .iter()
        .map(|a| {
            let person = entry(a.secretary);
            vec![
                a.rank.to_string(),
                person.map(|e| e.fields.name.clone()).unwrap_or_default(),
                person.map(|e| e.branch_name.clone()).unwrap_or_default(),
                crate::domain::assessment::format_score(a.base),
                crate::domain::assessment::format_score(a.bonus),
                crate::domain::assessment::format_score(a.deductions),
                crate::domain::assessment::format_score(a.total),
                "★".repeat(usize::from(a.stars)),
            ]
        })
        .collect();
    doc.heading(&section(lang, 1, lang.ranking_ranking()));
    doc.table(
        &[
            Column {
                title: lang.col_rank(),
                share: 0.07,
            },
            Column {
                title: lang.col_name(),
                share: 0.11,
            },
            Column {
                // A branch's whole name on one line (秦韵服饰有限公司党支部).
                title: lang.col_branch(),
                share: 0.32,
            },
            Column {
                title: lang.part_base(),
                share: 0.1,
            },
            Column {
                title: lang.part_bonus(),
                share: 0.09,
            },
            Column {
                title: lang.ranking_minus(),
                share: 0.09,
            },
            Column {
                title: lang.col_total(),
                share: 0.1,
            },
            Column {
                title: lang.col_stars(),
                share: 0.12,
            },
        ],
        &rows,
        0.0,
    );
    let honours = store.honours().map_err(error)?;
    for (n, kind, title) in [
        (
            2,
            crate::domain::points::HonourKind::Commendation,
            lang.red_list(),
        ),
        (
            3,
            crate::domain::points::HonourKind::Criticism,
            lang.criticisms(),
        ),
    ] {
        let lines: Vec<String> = honours
            .iter()
            .filter(|h| h.kind == kind && period.contains(h.on))
            .map(|h| {
                format!(
                    "{}（{}）：{}",
                    entry(h.secretary)
                        .map(|e| e.fields.name.clone())
                        .unwrap_or_default(),
                    h.on.format("%Y-%m-%d"),
                    h.reason
                )
            })
            .collect();
        doc.heading(&section(lang, n, title));
        if lines.is_empty() {
            doc.paragraph(lang.none_value(), 0.0);
        } else {
            doc.numbered(&lines);
        }
    }
    doc.signatures(&[lang.ranking_approved(), lang.ranking_date()]);
    doc.sign_off(&[&heads.signer]);
    Ok(())
}
