//! The sign-in sheet (签到表) of a session.

use super::full_date;
use super::summary::load;
use crate::domain::SessionId;
use crate::i18n::Lang;
use crate::report::Compose;
use crate::report::pdf::{Column, Document, Font};
use crate::store::Store;

/// The sign-in sheet (签到表) of a session: the expected names and branches with an empty
/// column to sign.
pub fn sign_in<'f>(
    store: &Store,
    id: SessionId,
    lang: Lang,
    font: &'f Font,
) -> Result<Document<'f>, String> {
    let mut doc = Document::new(font);
    compose_sign_in(store, id, lang, &mut doc)?;
    Ok(doc)
}

/// Writes the sign-in sheet (签到表) of a session into `doc`.
pub fn compose_sign_in(
    store: &Store,
    id: SessionId,
    lang: Lang,
    doc: &mut dyn Compose,
) -> Result<(), String> {
    let data = load(store, id, lang)?;
    let f = &data.fields;
    doc.title(
        &format!("{}\n{}{}", data.studio, f.topic, lang.sign_in_sign_sheet()),
        17.0,
    );
    let when = match f.starts_at {
        Some(start) => format!("{} {}", full_date(lang, f.held_on), start.format("%H:%M")),
        None => full_date(lang, f.held_on),
    };
    doc.paragraph(
        &format!(
            "{}：{when}{}{}：{}",
            lang.sign_in_time(),
            lang.sign_in_field_gap(),
            lang.col_place(),
            f.place
        ),
        0.0,
    );
    doc.space(4.0);
    let mut rows: Vec<Vec<String>> = data
        .rows
        .iter()
        .enumerate()
        .map(|(i, (e, _))| {
            vec![
                (i + 1).to_string(),
                e.fields.name.clone(),
                e.branch_name.clone(),
                e.fields.position.clone(),
                String::new(),
                String::new(),
            ]
        })
        .collect();
    // Guests sign too, below the secretaries, marked 列席 (not counted in 应到).
    let first = rows.len();
    rows.extend(data.guests.iter().enumerate().map(|(i, (g, place))| {
        vec![
            (first + i + 1).to_string(),
            g.fields.name.clone(),
            place.clone(),
            g.fields.occupation.clone(),
            String::new(),
            lang.sign_in_guest().to_owned(),
        ]
    }));
    doc.table(
        &[
            Column {
                title: lang.sign_in_no(),
                share: 0.08,
            },
            Column {
                title: lang.col_name(),
                share: 0.14,
            },
            Column {
                title: lang.col_branch(),
                share: 0.26,
            },
            Column {
                title: lang.col_position(),
                share: 0.2,
            },
            Column {
                title: lang.sign_in_signature(),
                share: 0.2,
            },
            Column {
                title: lang.col_notes(),
                share: 0.12,
            },
        ],
        &rows,
        26.0,
    );
    doc.paragraph(&lang.pick_expected(data.rows.len()), 0.0);
    Ok(())
}
