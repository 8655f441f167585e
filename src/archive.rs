//! The year's archive (一事一档): one folder per session of a period, each with its summary
//! (PDF and Word), its sign-in sheet, the signed scans and the photos, and an index of every
//! session with its files (xlsx). Written into a hidden folder beside the target and renamed
//! into place only when complete: a cancelled or failed archive leaves nothing behind.

use crate::domain::period::Period;
use crate::domain::picture::{Media, PictureKind, PictureOwner};
use crate::i18n::Lang;
use crate::print::{Printable, Printout};
use crate::report::{Cell, Table};
use crate::store::{PictureCopy, Store};
use crate::work::{Progress, WorkError};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// What an archive holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveSummary {
    /// The folder written.
    pub folder: PathBuf,
    /// Sessions archived.
    pub sessions: usize,
    /// Photos and scans copied.
    pub pictures: usize,
}

/// The archive's folder name: 古城镇联村共建书记工作室-2026年活动档案.
pub fn folder_name(studio: &str, lang: Lang, period: Period) -> String {
    crate::places::safe_file_name(&format!(
        "{studio}-{}{}",
        lang.period_name(period),
        lang.archive_word()
    ))
}

/// Writes the archive of `period` as the folder `target` (which must not exist yet).
///
/// # Errors
/// `Cancelled`, or why it could not be written (nothing is left behind either way).
pub fn write(
    store: &Store,
    lang: Lang,
    period: Period,
    today: NaiveDate,
    target: &Path,
    progress: &Progress,
) -> Result<ArchiveSummary, WorkError> {
    let parent = crate::durable::folder_of(target);
    if !parent.is_dir() {
        return Err(WorkError::Failed(lang.archive_no_folder(parent)));
    }
    if target.exists() {
        return Err(WorkError::Failed(lang.archive_exists(target)));
    }
    if store
        .sessions_in(period)
        .map_err(|e| WorkError::Failed(lang.store_error(&e)))?
        .is_empty()
    {
        return Err(WorkError::Failed(lang.archive_empty(period)));
    }
    let mut temporary = target.as_os_str().to_owned();
    temporary.push(".part");
    let temporary = PathBuf::from(temporary);
    if temporary.exists() {
        // Left by an archive that was cut off (the computer switched off): ours to clear.
        std::fs::remove_dir_all(&temporary).ok();
    }
    let result = write_into(store, lang, period, today, &temporary, progress).and_then(|s| {
        std::fs::rename(&temporary, target)
            .map_err(|e| WorkError::Failed(lang.print_error(target, &e.to_string())))?;
        Ok(ArchiveSummary {
            folder: target.to_owned(),
            ..s
        })
    });
    if result.is_err() {
        std::fs::remove_dir_all(&temporary).ok();
    }
    result
}

fn write_into(
    store: &Store,
    lang: Lang,
    period: Period,
    today: NaiveDate,
    folder: &Path,
    progress: &Progress,
) -> Result<ArchiveSummary, WorkError> {
    let failed = |path: &Path, e: &dyn std::fmt::Display| {
        WorkError::Failed(lang.print_error(path, &e.to_string()))
    };
    let store_error = |e: crate::store::Error| WorkError::Failed(lang.store_error(&e));
    std::fs::create_dir_all(folder).map_err(|e| failed(folder, &e))?;
    let mut sessions = store.sessions_in(period).map_err(store_error)?;
    // In the order they were held, as the folders sort and the index reads.
    sessions.sort_by_key(|s| (s.fields.held_on, s.fields.starts_at, s.id));
    let mut rows = Vec::with_capacity(sessions.len());
    let mut pictures_copied = 0;
    let mut used_names = std::collections::HashSet::new();
    for (n, session) in sessions.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        progress.step(n as f32 / sessions.len().max(1) as f32 * 0.95)?;
        let f = &session.fields;
        let full = crate::places::safe_file_name(&format!(
            "{} {} {}",
            f.held_on.format("%Y-%m-%d"),
            lang.session_kind(f.kind),
            f.topic.trim()
        ));
        // Windows drops a folder name's trailing dots and spaces: none, so the index names
        // the folder as it is on disk.
        let mut name = full
            .chars()
            .take(80)
            .collect::<String>()
            .trim()
            .trim_end_matches(['.', ' '])
            .to_owned();
        // Two sessions with the same day and topic get their own folders.
        let base = name.clone();
        let mut k = 2;
        while !used_names.insert(name.clone()) {
            name = format!("{base} ({k})");
            k += 1;
        }
        let dir = folder.join(&name);
        std::fs::create_dir(&dir).map_err(|e| failed(&dir, &e))?;
        let quiet = Progress::new();
        for (printout, file) in [
            (
                Printout::Summary,
                format!("{}.pdf", lang.document_summary()),
            ),
            (
                Printout::Summary,
                format!("{}.docx", lang.document_summary()),
            ),
            (Printout::SignIn, format!("{}.pdf", lang.document_sign())),
        ] {
            crate::print::write(
                store,
                Printable::Session(printout, session.id),
                lang,
                today,
                &dir.join(file),
                &quiet,
            )?;
        }
        let pictures = store
            .pictures_of(PictureOwner::Session(session.id))
            .map_err(store_error)?;
        let (mut photos, mut scans) = (0, 0);
        for picture in &pictures {
            let (bytes, extension) = match store
                .picture_bytes(&picture.digest, PictureCopy::Original)
                .map_err(store_error)?
            {
                Some(original) => (
                    original,
                    match picture.media {
                        Media::Jpeg => "jpg",
                        Media::Png => "png",
                        Media::Pdf => "pdf",
                    },
                ),
                // Shared without originals: the copy for documents stands in.
                None => match store
                    .picture_bytes(&picture.digest, PictureCopy::Display)
                    .map_err(store_error)?
                {
                    Some(display) if !display.is_empty() => (display, "jpg"),
                    _ => continue,
                },
            };
            let stem = match picture.kind {
                PictureKind::Photo => {
                    photos += 1;
                    format!("{}{photos:02}", lang.photo_file())
                }
                PictureKind::Scan => {
                    scans += 1;
                    format!("{}{scans:02}", lang.scan_file())
                }
            };
            let caption: String = picture.caption.chars().take(40).collect();
            let file = if caption.trim().is_empty() {
                format!("{stem}.{extension}")
            } else {
                crate::places::safe_file_name(&format!("{stem} {}.{extension}", caption.trim()))
            };
            let path = dir.join(file);
            std::fs::write(&path, &bytes).map_err(|e| failed(&path, &e))?;
            pictures_copied += 1;
        }
        rows.push(vec![
            Cell::Date(f.held_on),
            Cell::text(
                store
                    .session_code(session.id)
                    .map_err(store_error)?
                    .unwrap_or_default(),
            ),
            Cell::text(lang.session_kind(f.kind)),
            Cell::text(f.topic.clone()),
            Cell::text(f.place.clone()),
            Cell::Int(session.expected),
            Cell::Int(session.attended),
            Cell::Int(i64::from(photos)),
            Cell::text(if scans > 0 { lang.archive_yes() } else { "" }),
            Cell::text(name),
        ]);
    }
    let index = Table {
        sheet: lang.archive_index_sheet().to_owned(),
        headers: lang
            .archive_index_headers()
            .iter()
            .map(|h| (*h).to_owned())
            .collect(),
        rows,
    };
    let index_path = folder.join(format!("{}.xlsx", lang.archive_index_sheet()));
    crate::report::table::write(&[index], &index_path).map_err(|e| failed(&index_path, &e))?;
    progress.step(1.0).ok();
    Ok(ArchiveSummary {
        folder: folder.to_owned(),
        sessions: sessions.len(),
        pictures: pictures_copied,
    })
}
