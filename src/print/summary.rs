//! The session summary (活动纪要): who came, what was studied, discussed and decided, and the
//! problems raised, as offices file it.

use super::{full_date, full_date_plain, section};
use crate::domain::picture::{PictureInfo, PictureKind};
use crate::domain::session::{AttendanceStatus, SessionFields};
use crate::domain::{RosterEntry, SessionId};
use crate::i18n::Lang;
use crate::report::pdf::{Column, Document, Font};
use crate::report::{Compose, Picture};
use crate::store::Store;

pub(super) struct SessionData {
    pub(super) studio: String,
    /// The session's number, the same in every village's file.
    pub(super) code: String,
    pub(super) fields: SessionFields,
    /// Who was expected, with their mark (if any).
    pub(super) rows: Vec<(RosterEntry, Option<crate::domain::session::AttendanceMark>)>,
    pub(super) problems: Vec<crate::domain::problem::ProblemSummary>,
    /// Guests invited to sit in (列席), apart from the attendance, with their branch or
    /// village.
    pub(super) guests: Vec<(crate::domain::league::Person, String)>,
}

pub(super) fn load(store: &Store, id: SessionId, lang: Lang) -> Result<SessionData, String> {
    let error = |e: crate::store::Error| lang.store_error(&e);
    let fields = store
        .session(id)
        .map_err(error)?
        .ok_or_else(|| lang.no_such_session(id.0))?;
    let rows = store.expected_at(id, &fields).map_err(error)?;
    Ok(SessionData {
        studio: store.studio().map_err(error)?.name,
        code: store.session_code(id).map_err(error)?.unwrap_or_default(),
        problems: store.problems_raised_at(id).map_err(error)?,
        guests: guests_with_places(store, id).map_err(error)?,
        fields,
        rows,
    })
}

/// The session summary (活动纪要) as a laid-out PDF document.
pub fn summary<'f>(
    store: &Store,
    id: SessionId,
    lang: Lang,
    font: &'f Font,
) -> Result<Document<'f>, String> {
    let mut doc = Document::new(font);
    compose_summary(store, id, lang, &mut doc)?;
    Ok(doc)
}

/// Writes the session summary (活动纪要) into `doc`.
pub fn compose_summary(
    store: &Store,
    id: SessionId,
    lang: Lang,
    doc: &mut dyn Compose,
) -> Result<(), String> {
    let data = load(store, id, lang)?;
    let f = &data.fields;
    let heads = store.document_heads().map_err(|e| lang.store_error(&e))?;
    doc.letterhead(&heads.letterhead);
    doc.title(
        &format!("{}\n{}{}", data.studio, f.topic, lang.summary_summary()),
        17.0,
    );
    let time = match (f.starts_at, f.ends_at) {
        (Some(a), Some(b)) => format!(" {}—{}", a.format("%H:%M"), b.format("%H:%M")),
        (Some(a), None) => format!(" {}", a.format("%H:%M")),
        _ => String::new(),
    };
    doc.field(
        lang.summary_time(),
        &format!("{}{time}", full_date(lang, f.held_on)),
    );
    if !f.place.is_empty() {
        doc.field(lang.col_place(), &f.place);
    }
    doc.field(lang.col_session_number(), &data.code);
    doc.paragraph(
        &format!(
            "{}：{}{}{}：{}",
            lang.col_host(),
            f.host,
            lang.summary_field_gap(),
            lang.col_recorder(),
            f.recorder
        ),
        0.0,
    );
    doc.field(
        lang.col_session_kind(),
        &format!(
            "{}（{}）",
            lang.session_kind(f.kind),
            lang.systems(f.systems)
        ),
    );
    attendance_part(doc, lang, &data);
    // The signed sign-in sheet belongs with who came.
    let pictures = store
        .pictures_of(crate::domain::picture::PictureOwner::Session(id))
        .map_err(|e| lang.store_error(&e))?;
    scans_part(doc, lang, &pictures);
    let mut n = 0;
    if !f.study_topics.is_empty() {
        n += 1;
        doc.heading(&section(lang, n, lang.study_topics()));
        let topics: Vec<String> = f
            .study_topics
            .iter()
            .map(|t| {
                format!(
                    "{}（{}，{} {}）",
                    t.title,
                    lang.study_kind(t.kind),
                    crate::domain::assessment::format_score(crate::domain::learning::hours(
                        t.duration_min
                    )),
                    lang.hours_unit()
                )
            })
            .collect();
        doc.numbered(&topics);
    }
    if !f.agenda.is_empty() {
        n += 1;
        doc.heading(&section(lang, n, lang.agenda()));
        doc.numbered(&f.agenda);
    }
    if !f.discussion.is_empty() {
        n += 1;
        doc.heading(&section(lang, n, lang.col_discussion()));
        doc.paragraph(&f.discussion, 2.0);
    }
    if !data.problems.is_empty() {
        n += 1;
        problems_part(doc, lang, &data, n);
    }
    if !f.decisions.is_empty() {
        n += 1;
        doc.heading(&section(lang, n, lang.decisions()));
        doc.numbered(&f.decisions);
    }
    if pictures
        .iter()
        .any(|p| p.kind == PictureKind::Photo && p.is_image())
    {
        n += 1;
        doc.heading(&section(lang, n, lang.summary_photos()));
        photos_part(store, doc, lang, &pictures)?;
    }
    doc.signatures(&[
        lang.summary_host_signature(),
        lang.summary_recorder_signature(),
        lang.summary_date(),
    ]);
    doc.sign_off(&[&heads.signer, &full_date_plain(lang, f.held_on)]);
    Ok(())
}

/// The signed sign-in sheet's scans, named.
fn scans_part(doc: &mut dyn Compose, lang: Lang, pictures: &[PictureInfo]) {
    let scans: Vec<&str> = pictures
        .iter()
        .filter(|p| p.kind == PictureKind::Scan)
        .map(|p| {
            if p.file_name.is_empty() {
                p.caption.as_str()
            } else {
                p.file_name.as_str()
            }
        })
        .collect();
    if !scans.is_empty() {
        doc.paragraph(
            &format!(
                "{} {}（{}）",
                lang.summary_scans_attached(),
                scans.len(),
                scans.join(lang.summary_list_separator())
            ),
            0.0,
        );
    }
}

/// The photos, two to a row with their captions (the caption, else when it was taken).
fn photos_part(
    store: &Store,
    doc: &mut dyn Compose,
    lang: Lang,
    pictures: &[PictureInfo],
) -> Result<(), String> {
    let mut loaded = Vec::new();
    for p in pictures
        .iter()
        .filter(|p| p.kind == PictureKind::Photo && p.is_image())
    {
        let Some(bytes) = store
            .picture_bytes(&p.digest, crate::store::PictureCopy::Display)
            .map_err(|e| lang.store_error(&e))?
            .filter(|b| !b.is_empty())
        else {
            continue;
        };
        let (w, h) = p.size;
        let scale = (crate::pictures::DISPLAY_SIDE as f32 / w.max(h).max(1) as f32).min(1.0);
        let caption = if p.caption.is_empty() {
            p.taken_at.clone().unwrap_or_default()
        } else {
            p.caption.clone()
        };
        loaded.push((
            bytes,
            ((w as f32 * scale) as u32, (h as f32 * scale) as u32),
            caption,
        ));
    }
    let pictures: Vec<Picture<'_>> = loaded
        .iter()
        .map(|(bytes, (width, height), caption)| Picture {
            jpeg: bytes,
            width: *width,
            height: *height,
            caption: caption.clone(),
        })
        .collect();
    doc.pictures(&pictures);
    Ok(())
}

/// Who came: a mark beside each name expected, then the count and who was on leave, why.
fn attendance_part(doc: &mut dyn Compose, lang: Lang, data: &SessionData) {
    doc.space(4.0);
    doc.paragraph(lang.summary_attendance_present_l_late(), 0.0);
    let marks: Vec<String> = data
        .rows
        .iter()
        .map(|(entry, mark)| {
            let sign = match mark.as_ref().map(|m| m.status) {
                Some(AttendanceStatus::Present) => "√",
                Some(AttendanceStatus::Late) => lang.summary_l(),
                Some(AttendanceStatus::Excused) => lang.summary_e(),
                Some(AttendanceStatus::Absent) => "×",
                None => "　",
            };
            format!("{sign} {}", entry.fields.name)
        })
        .collect();
    doc.grid(&marks, 5);
    let expected = data.rows.len();
    let present = data
        .rows
        .iter()
        .filter(|(_, m)| m.as_ref().is_some_and(|m| m.status.attended()))
        .count();
    let excused: Vec<String> = data
        .rows
        .iter()
        .filter_map(|(e, m)| {
            let m = m.as_ref()?;
            (m.status == AttendanceStatus::Excused).then(|| {
                if m.reason.is_empty() {
                    e.fields.name.clone()
                } else {
                    format!("{}（{}）", e.fields.name, m.reason)
                }
            })
        })
        .collect();
    let mut tally = lang.expected_present(expected, present);
    if !excused.is_empty() {
        tally.push_str(lang.summary_semicolon());
        tally.push_str(&excused.join(lang.summary_list_separator()));
        tally.push_str(lang.summary_leave());
    }
    tally.push_str(lang.summary_full_stop());
    doc.paragraph(&tally, 0.0);
    if !data.guests.is_empty() {
        let guests: Vec<String> = data.guests.iter().map(|(g, _)| guest_name(g)).collect();
        doc.paragraph(
            &lang.summary_guests(&guests.join(lang.summary_list_separator())),
            0.0,
        );
    }
}

fn guests_with_places(
    store: &Store,
    id: SessionId,
) -> crate::store::Result<Vec<(crate::domain::league::Person, String)>> {
    let branches = store.branches()?;
    Ok(store
        .session_guests(id)?
        .into_iter()
        .map(|guest| {
            let place = guest
                .fields
                .branch_id
                .and_then(|b| branches.iter().find(|x| x.id == b))
                .map_or_else(|| guest.fields.village.clone(), |b| b.name.clone());
            (guest, place)
        })
        .collect())
}

/// A guest as the documents name them: 陈明（县农技中心高级农艺师）.
pub(super) fn guest_name(guest: &crate::domain::league::Person) -> String {
    if guest.fields.occupation.is_empty() {
        guest.fields.name.clone()
    } else {
        format!("{}（{}）", guest.fields.name, guest.fields.occupation)
    }
}

/// The problems raised at the session and where they stand, as section `n`.
fn problems_part(doc: &mut dyn Compose, lang: Lang, data: &SessionData, n: usize) {
    doc.heading(&section(lang, n, lang.summary_problems_raised_where_they()));
    let name = |id| {
        data.rows
            .iter()
            .find(|(e, _)| Some(e.id) == id)
            .map(|(e, _)| e.fields.name.clone())
            .unwrap_or_default()
    };
    let rows: Vec<Vec<String>> = data
        .problems
        .iter()
        .enumerate()
        .map(|(i, p)| {
            vec![
                (i + 1).to_string(),
                name(p.fields.raised_by),
                if p.fields.description.is_empty() {
                    p.fields.title.clone()
                } else {
                    format!("{}：{}", p.fields.title, p.fields.description)
                },
                p.fields.responsible.clone(),
                name(p.fields.helper_id),
                p.fields
                    .deadline
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_default(),
                lang.problem_state(p.state).to_owned(),
            ]
        })
        .collect();
    doc.table(
        &[
            Column {
                title: lang.summary_no(),
                share: 0.08,
            },
            Column {
                title: lang.col_raised_by(),
                share: 0.1,
            },
            Column {
                title: lang.summary_problem(),
                share: 0.32,
            },
            Column {
                title: lang.col_responsible(),
                share: 0.15,
            },
            Column {
                title: lang.col_helper(),
                share: 0.1,
            },
            Column {
                title: lang.col_deadline(),
                share: 0.15,
            },
            Column {
                title: lang.col_state(),
                share: 0.1,
            },
        ],
        &rows,
        0.0,
    );
}
