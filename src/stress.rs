//! `stress-writes`: writes as the coordinator does (sessions with attendance, roster imports, a
//! merge), one transaction at a time, saying after each commit what it wrote. The crash test
//! (`tests/crash.rs`) kills it at random moments and checks that the file is sound and holds
//! every write that was said to be committed.

use crate::domain::SecretaryId;
use crate::domain::session::{AttendanceMark, AttendanceStatus, SessionDraft, SessionFields};
use crate::import::{parse_roster, read_sheet_bytes};
use crate::store::Store;
use crate::work::Progress;
use std::io::Write;
use std::path::Path;

/// Records a session with everyone in `present` marked present, in one transaction, as the
/// coordinator does after a meeting.
pub fn record_session(
    store: &mut Store,
    fields: &SessionFields,
    present: &[SecretaryId],
) -> crate::store::Result<()> {
    store.write(|w| {
        let id = w.add_session(fields)?;
        for &secretary_id in present {
            w.set_attendance(
                id,
                &AttendanceMark {
                    secretary_id,
                    status: AttendanceStatus::Present,
                    reason: String::new(),
                },
            )?;
        }
        Ok(())
    })
}

/// Writes until killed (or `count` writes), printing `session NAME`, `import NAME` or `merge`
/// after each commit.
pub fn run(
    db: &Path,
    merge: Option<&Path>,
    count: Option<usize>,
    out: &mut dyn Write,
) -> Result<(), String> {
    let error = |e: crate::store::Error| e.to_string();
    let io = |e: std::io::Error| e.to_string();
    let mut store = Store::open(db).map_err(error)?;
    if let Some(file) = merge {
        let preview = store.plan_merge(file, &Progress::new()).map_err(error)?;
        store
            .apply_merge(&preview, &Progress::new())
            .map_err(error)?;
        writeln!(out, "merge").map_err(io)?;
        out.flush().map_err(io)?;
    }
    let today = chrono::Local::now().date_naive();
    let roster: Vec<_> = store
        .roster()
        .map_err(error)?
        .into_iter()
        .take(20)
        .map(|e| e.id)
        .collect();
    let branch = store
        .branches()
        .map_err(error)?
        .first()
        .map(|b| b.name.clone())
        .unwrap_or_default();
    let tag = std::process::id();
    for n in 0..count.unwrap_or(usize::MAX) {
        if n % 3 == 2 {
            let name = format!("压测{tag}-{n}");
            let csv = format!("姓名,党支部\n{name},{branch}\n");
            let sheet = read_sheet_bytes(csv.as_bytes(), "csv").map_err(|e| format!("{e:?}"))?;
            let parsed = parse_roster(&sheet, today).map_err(|e| format!("{e:?}"))?;
            let plan = store.plan_roster_import(parsed).map_err(error)?;
            store
                .write(|w| w.apply_roster_import(&plan))
                .map_err(error)?;
            writeln!(out, "import {name}").map_err(io)?;
        } else {
            let topic = format!("压测活动{tag}-{n}");
            let mut draft = SessionDraft::new(today);
            draft.topic.clone_from(&topic);
            let fields = draft.validate().map_err(|e| format!("{e:?}"))?;
            record_session(&mut store, &fields, &roster).map_err(error)?;
            writeln!(out, "session {topic}").map_err(io)?;
        }
        out.flush().map_err(io)?;
    }
    Ok(())
}
