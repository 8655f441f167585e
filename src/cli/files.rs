//! The batch commands that read or write studio files: check, merge, import a roster.

use crate::i18n::Lang;
use crate::import::{parse_roster, read_sheet};
use crate::store::Store;
use std::io::Write;
use std::path::Path;

/// The studio at `db`: only read for a dry run (nothing can be written, and a file another
/// program holds open can still be previewed), else for writing.
fn open_for(db: &Path, dry_run: bool, lang: Lang) -> Result<Store, String> {
    if dry_run {
        Store::open_read_only(db)
    } else {
        Store::open(db)
    }
    .map_err(|e| lang.file_error(db, &e))
}

pub(super) fn check(path: &Path, lang: Lang, out: &mut dyn Write) -> Result<(), String> {
    let store = Store::open_read_only(path).map_err(|e| lang.file_error(path, &e))?;
    let report = store.check().map_err(|e| lang.store_error(&e))?;
    let io = |e: std::io::Error| e.to_string();
    writeln!(out, "{}: {}", lang.cli_file(), path.display()).map_err(io)?;
    writeln!(
        out,
        "{}: {}",
        lang.cli_integrity(),
        report.integrity.join("; ")
    )
    .map_err(io)?;
    writeln!(
        out,
        "{}: {} ({}: {})",
        lang.cli_schema_version(),
        report.schema_version,
        lang.cli_this_build(),
        crate::store::schema::current_version()
    )
    .map_err(io)?;
    for count in &report.counts {
        let (live, deleted) = (lang.cli_live(), lang.cli_deleted());
        let table = match lang {
            Lang::Zh => Lang::Zh.record_kind(&count.table),
            Lang::En => Lang::En.record_kind(&count.table),
        };
        writeln!(
            out,
            "{table:<16} {:>8} {live} {:>6} {deleted}",
            count.live, count.deleted
        )
        .map_err(io)?;
    }
    if report.is_healthy() {
        Ok(())
    } else {
        Err(lang.store_error(&crate::store::Error::Corrupt(report.integrity.join("; "))))
    }
}

/// `merge FILE --db PATH [--dry-run]`: the preview, then (unless a dry run) a backup and the
/// merge in one transaction.
pub(super) fn merge(
    file: &Path,
    db: &Path,
    (dry_run, other_studio, passphrase): (bool, bool, Option<String>),
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), String> {
    let io = |e: std::io::Error| e.to_string();
    let mut store = open_for(db, dry_run, lang)?;
    let progress = crate::work::Progress::new();
    let preview = store
        .plan_merge_with(file, passphrase.as_deref(), &progress)
        .map_err(|e| {
            let message = lang.merge_error(file, &e);
            if matches!(e, crate::store::Error::NeedsPassphrase) {
                format!("{message}{}", lang.cli_add_passphrase_give_standard())
            } else {
                message
            }
        })?;
    writeln!(
        out,
        "{:<16} {:>8} {:>8} {:>8} {:>8}",
        lang.cli_records(),
        lang.cli_new(),
        lang.cli_updated(),
        lang.cli_deleted_2(),
        lang.cli_conflicts()
    )
    .map_err(io)?;
    for t in preview
        .tables
        .iter()
        .filter(|t| t.table != "site" && t.new + t.updated + t.deleted + t.conflicts > 0)
    {
        let name = match lang {
            Lang::Zh => Lang::Zh.record_kind(&t.table),
            Lang::En => Lang::En.record_kind(&t.table),
        };
        writeln!(
            out,
            "{name:<16} {:>8} {:>8} {:>8} {:>8}  {}",
            t.new,
            t.updated,
            t.deleted,
            t.conflicts,
            t.examples.join(lang.cli_list_separator())
        )
        .map_err(io)?;
    }
    if preview.clock_ahead {
        writeln!(out, "{}", lang.cli_note_other_file_s()).map_err(io)?;
    }
    let files = &preview.picture_files;
    if !files.digests.is_empty() {
        writeln!(
            out,
            "{}",
            lang.merge_picture_files(files.new, files.thumbnails_only, files.originals)
        )
        .map_err(io)?;
    }
    if !preview.possible_duplicates.is_empty() {
        writeln!(
            out,
            "{}",
            lang.merge_possible_duplicates(&preview.possible_duplicates)
        )
        .map_err(io)?;
    }
    if preview.is_empty() {
        return writeln!(out, "{}", lang.cli_nothing_merge()).map_err(io);
    }
    if let Some(studio) = &preview.other_studio {
        writeln!(out, "{}", lang.merge_other_studio(studio)).map_err(io)?;
    }
    if dry_run {
        if preview.other_studio.is_some() && !other_studio {
            writeln!(out, "{}", lang.cli_merge_itself_will_need()).map_err(io)?;
        }
        return writeln!(out, "{}", lang.cli_dry_run_nothing_written()).map_err(io);
    }
    if preview.other_studio.is_some() && !other_studio {
        return Err(lang.cli_not_merged_other_studio().to_owned());
    }
    let backup = store
        .backup_before("合并前")
        .map_err(|e| lang.store_error(&e))?;
    let written = store
        .apply_merge(&preview, &crate::work::Progress::new())
        .map_err(|e| lang.store_error(&e))?;
    let waiting = store.review_count().unwrap_or(0);
    writeln!(
        out,
        "{}",
        lang.merged_with_review(written, backup.as_deref(), waiting)
    )
    .map_err(io)
}

pub(super) fn import_roster(
    file: &Path,
    db: &Path,
    dry_run: bool,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), String> {
    // Importing into a file that is not there would create it without a studio's name or
    // town; `new` asks for those.
    if !db.exists() {
        return Err(lang.no_studio_file(db));
    }
    let today = chrono::Local::now().date_naive();
    let parsed = read_sheet(file)
        .and_then(|sheet| parse_roster(&sheet, today))
        .map_err(|e| lang.import_error(file, &e))?;
    let mut store = open_for(db, dry_run, lang)?;
    let plan = store
        .plan_roster_import(parsed)
        .map_err(|e| lang.store_error(&e))?;
    let io = |e: std::io::Error| e.to_string();
    writeln!(
        out,
        "{}: {}  {}: {}  {}: {}  {}: {}",
        lang.import_to_add(),
        plan.to_add.len(),
        lang.import_to_update(),
        plan.to_update.len(),
        lang.import_unchanged(),
        plan.unchanged.len(),
        lang.import_rejected(),
        plan.rejected.len()
    )
    .map_err(io)?;
    for (label, items) in [
        (lang.import_new_areas(), plan.new_areas.clone()),
        (
            lang.import_new_branches(),
            plan.new_branches.iter().map(|b| b.name.clone()).collect(),
        ),
        (lang.import_ignored_columns(), plan.ignored_columns.clone()),
    ] {
        if !items.is_empty() {
            writeln!(out, "{label}: {}", items.join(", ")).map_err(io)?;
        }
    }
    for rejection in &plan.rejected {
        writeln!(
            out,
            "{} {} {}: {}",
            lang.col_line(),
            rejection.line,
            rejection.name,
            lang.reject_reason(&rejection.reason)
        )
        .map_err(io)?;
    }
    if dry_run {
        writeln!(out, "{}", lang.cli_dry_run_nothing_written_2()).map_err(io)?;
        return Ok(());
    }
    store
        .backup_before("导入前")
        .map_err(|e| lang.store_error(&e))?;
    let outcome = store
        .write(|w| w.apply_roster_import(&plan))
        .map_err(|e| lang.write_failed(&e))?;
    writeln!(out, "{}", lang.imported(outcome.added, outcome.updated)).map_err(io)
}

/// `import-people`: what the sheet adds, changes and refuses (with line numbers); rows in
/// error stop it, nothing written, unless `skip_errors`.
pub(super) fn import_people(
    file: &Path,
    db: &Path,
    (dry_run, skip_errors): (bool, bool),
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), String> {
    if !db.exists() {
        return Err(lang.no_studio_file(db));
    }
    let today = chrono::Local::now().date_naive();
    let parsed = read_sheet(file)
        .and_then(|sheet| crate::import::parse_people(&sheet))
        .map_err(|e| lang.people_import_error(file, &e))?;
    let mut store = open_for(db, dry_run, lang)?;
    let plan = store
        .plan_people_import(parsed, today)
        .map_err(|e| lang.store_error(&e))?;
    let io = |e: std::io::Error| e.to_string();
    writeln!(
        out,
        "{}: {}  {}: {}  {}: {}  {}: {}  {}: {}  {}: {}",
        lang.people_import_to_add(),
        plan.to_add.len(),
        lang.people_import_to_update(),
        plan.to_update.len(),
        lang.import_unchanged(),
        plan.unchanged.len(),
        lang.people_import_memberships(),
        plan.memberships.len(),
        lang.people_import_already(),
        plan.already_members.len(),
        lang.import_rejected(),
        plan.rejected.len()
    )
    .map_err(io)?;
    if !plan.ignored_columns.is_empty() {
        let label = lang.import_ignored_columns();
        writeln!(out, "{label}: {}", plan.ignored_columns.join(", ")).map_err(io)?;
    }
    for line in lang.people_import_lines(&plan) {
        let place = match (line.village.is_empty(), lang) {
            (true, _) => String::new(),
            (false, Lang::Zh) => format!("（{}）", line.village),
            (false, Lang::En) => format!(" ({})", line.village),
        };
        writeln!(
            out,
            "{} {} {}{place}: {}",
            lang.col_line(),
            line.line,
            line.name,
            line.what
        )
        .map_err(io)?;
    }
    if dry_run {
        writeln!(out, "{}", lang.cli_dry_run_nothing_written_2()).map_err(io)?;
        return Ok(());
    }
    if !plan.rejected.is_empty() && !skip_errors {
        return Err(lang.cli_people_rows_in_error(plan.rejected.len()));
    }
    store
        .backup_before("导入前")
        .map_err(|e| lang.store_error(&e))?;
    let outcome = store
        .write(|w| w.apply_people_import(&plan, skip_errors))
        .map_err(|e| lang.write_failed(&e))?;
    writeln!(out, "{}", lang.people_imported(outcome)).map_err(io)
}

/// `attach`: every file is read and checked first; one refused refuses them all (the line
/// names it and why) and nothing is written; otherwise all are attached in one write.
pub(super) fn attach(
    number: &str,
    files: &[std::path::PathBuf],
    db: &Path,
    (caption, scan): (&str, bool),
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), String> {
    use crate::domain::picture::{PictureKind, PictureOwner};
    if !db.exists() {
        return Err(lang.no_studio_file(db));
    }
    let mut store = Store::open(db).map_err(|e| lang.file_error(db, &e))?;
    let id = store
        .session_by_code(number)
        .map_err(|e| lang.store_error(&e))?
        .ok_or_else(|| lang.no_such_session_number(number))?;
    let kind = if scan {
        PictureKind::Scan
    } else {
        PictureKind::Photo
    };
    let owner = PictureOwner::Session(id);
    // Folders give their JPEG, PNG and PDF files.
    let files: Vec<std::path::PathBuf> = files
        .iter()
        .flat_map(|f| crate::pictures::files_at(f))
        .collect();
    if files.is_empty() {
        return Err(lang.no_pictures_in_folder().to_owned());
    }
    // One write, one picture in memory at a time: the first file refused rolls it all back.
    let mut refused = None;
    let mut repeated = Vec::new();
    let attached = store.write(|w| {
        let mut attached = 0;
        for file in &files {
            let bytes = match crate::pictures::read_bytes(file) {
                Ok(bytes) => bytes,
                Err(error) => {
                    refused = Some(lang.picture_error(file, &error));
                    return Err(crate::store::Error::Cancelled);
                }
            };
            // One attached already is known by its bytes' digest, not decoded.
            if w.has_picture(owner, &crate::pictures::digest(&bytes))? {
                repeated.push(lang.picture_already_attached(file));
                continue;
            }
            let picture = match crate::pictures::prepare(bytes) {
                Ok(picture) => picture,
                Err(error) => {
                    refused = Some(lang.picture_error(file, &error));
                    return Err(crate::store::Error::Cancelled);
                }
            };
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let kind = if picture.media == crate::domain::picture::Media::Pdf {
                PictureKind::Scan
            } else {
                kind
            };
            w.attach_picture(owner, kind, caption, &name, &picture)?;
            attached += 1;
        }
        Ok(attached)
    });
    let attached = match (attached, refused) {
        (_, Some(why)) => return Err(why),
        (result, None) => result.map_err(|e| lang.store_error(&e))?,
    };
    for line in &repeated {
        writeln!(out, "{line}").map_err(|e| e.to_string())?;
    }
    writeln!(out, "{}", lang.pictures_attached(attached)).map_err(|e| e.to_string())
}
