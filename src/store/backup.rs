//! Backups of the studio file in `<name>-备份` beside it: one a day while the app is open,
//! one before every import, merge and restore, at most [`KEPT`] in all (the oldest go first).
//! Each is a complete, consistent copy named by its time and reason, e.g.
//! `20261129-201500-合并前.db`.

use super::{Result, Store};
use chrono::{NaiveDate, NaiveDateTime};
use std::path::{Path, PathBuf};

/// How many backups are kept.
pub const KEPT: usize = 30;

/// A backup in the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    /// The file.
    pub path: PathBuf,
    /// When it was made.
    pub made: NaiveDateTime,
    /// Why (每日, 合并前, 导入前, 恢复前…).
    pub reason: String,
    /// Its size in bytes.
    pub bytes: u64,
}

/// The backup folder of the studio file `path`.
pub fn folder_of(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!("{stem}-备份"))
}

/// Reads a backup's time and reason from its name; `None` for any other file.
fn parse_name(name: &str) -> Option<(NaiveDateTime, String)> {
    let stem = name.strip_suffix(".db")?;
    let made = NaiveDateTime::parse_from_str(stem.get(..15)?, "%Y%m%d-%H%M%S").ok()?;
    let reason = stem.get(16..).unwrap_or_default().to_owned();
    Some((made, reason))
}

/// The backups of the studio file `path`, the newest first.
pub fn list(path: &Path) -> Vec<Backup> {
    let Ok(entries) = std::fs::read_dir(folder_of(path)) else {
        return Vec::new();
    };
    let mut backups: Vec<Backup> = entries
        .filter_map(std::result::Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let (made, reason) = parse_name(&name)?;
            Some(Backup {
                path: entry.path(),
                made,
                reason,
                bytes: entry.metadata().ok()?.len(),
            })
        })
        .collect();
    backups.sort_by(|a, b| b.made.cmp(&a.made).then_with(|| b.path.cmp(&a.path)));
    backups
}

/// Removes all but the newest [`KEPT`] backups.
fn prune(path: &Path) {
    for old in list(path).into_iter().skip(KEPT) {
        let _ = std::fs::remove_file(old.path);
    }
}

impl Store {
    /// Makes today's backup if there is none yet (the app calls it when a file opens and as
    /// days pass); returns it if one was made.
    pub fn daily_backup(&self, today: NaiveDate) -> Result<Option<PathBuf>> {
        let Some(path) = &self.path else {
            return Ok(None);
        };
        let reason = "每日";
        if list(path)
            .iter()
            .any(|b| b.made.date() == today && b.reason.starts_with(reason))
        {
            return Ok(None);
        }
        self.backup_before(reason)
    }

    /// The backups of this file, the newest first.
    pub fn backups(&self) -> Vec<Backup> {
        self.path.as_deref().map(list).unwrap_or_default()
    }

    /// Puts `backup` back in place of this file, after backing up the file as it is now
    /// (恢复前), which is returned.
    pub fn restore_backup(&mut self, backup: &Path) -> Result<Option<PathBuf>> {
        let before = self.backup_before("恢复前")?;
        self.restore_from(backup)?;
        Ok(before)
    }

    /// Copies the open file into `<name>-备份` beside it, named by the time and `what`;
    /// returns the copy's path (none for a studio held in memory). Only the newest [`KEPT`]
    /// backups are kept.
    pub fn backup_before(&self, what: &str) -> Result<Option<PathBuf>> {
        let Some(path) = &self.path else {
            return Ok(None);
        };
        let folder = folder_of(path);
        std::fs::create_dir_all(&folder)?;
        let now = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let mut target = folder.join(format!("{now}-{what}.db"));
        let mut n = 2;
        while target.exists() {
            target = folder.join(format!("{now}-{what}-{n}.db"));
            n += 1;
        }
        self.save_copy(&target, false)?;
        prune(path);
        Ok(Some(target))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_give_the_time_and_reason_and_other_files_are_ignored() {
        let (made, reason) = parse_name("20261129-201500-合并前.db").expect("a backup");
        assert_eq!(
            made.format("%Y-%m-%d %H:%M:%S").to_string(),
            "2026-11-29 20:15:00"
        );
        assert_eq!(reason, "合并前");
        assert_eq!(
            parse_name("20261129-201500-合并前-2.db").expect("b").1,
            "合并前-2"
        );
        assert!(parse_name("照片.jpg").is_none());
        assert!(parse_name("notes.db").is_none());
    }

    #[test]
    fn one_daily_backup_a_day_at_most_kept_in_all_and_restore_backs_up_first() {
        let folder = tempfile::tempdir().expect("tempdir");
        let path = folder.path().join("studio.db");
        Store::create(&path, "古城镇书记工作室", "古城镇").expect("create");
        let mut store = Store::open(&path).expect("open");
        let today = chrono::Local::now().date_naive();
        assert!(store.daily_backup(today).expect("first").is_some());
        assert!(
            store.daily_backup(today).expect("again").is_none(),
            "once a day"
        );
        store
            .write(|w| w.add_area("北片区").map(|_| ()))
            .expect("area");
        let backups = store.backups();
        assert_eq!(backups.len(), 1);
        assert_eq!(backups[0].reason, "每日");

        // A stranger's file in the folder is left alone; old backups go beyond the bound.
        let stranger = folder_of(&path).join("说明.txt");
        std::fs::write(&stranger, "mine").expect("write");
        for n in 0..KEPT + 5 {
            let old = folder_of(&path).join(format!("2020010{}-0000{:02}-每日.db", n % 9 + 1, n));
            std::fs::copy(&backups[0].path, old).expect("old");
        }
        store.backup_before("导入前").expect("backup");
        let kept = store.backups();
        assert_eq!(kept.len(), KEPT);
        assert!(
            kept.iter().take(2).any(|b| b.reason == "导入前"),
            "the newest stay: {kept:?}"
        );
        assert!(stranger.exists());

        // Restoring the daily backup takes the area away, after keeping the file as it was.
        let daily = kept
            .iter()
            .find(|b| b.made.date() == today && b.reason == "每日")
            .expect("daily");
        let before = store
            .restore_backup(&daily.path)
            .expect("restore")
            .expect("backup first");
        assert!(
            !store
                .areas()
                .expect("areas")
                .iter()
                .any(|a| a.name == "北片区")
        );
        let mut back = Store::open_read_only(&before).expect("the file as it was");
        assert!(
            back.areas()
                .expect("areas")
                .iter()
                .any(|a| a.name == "北片区")
        );
        back = Store::open_read_only(&daily.path).expect("reopen");
        drop(back);
    }
}
