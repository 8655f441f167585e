//! The share file: a consistent copy of the studio with a manifest of what it holds.

use super::foreign::TemporaryCopy;
use super::read::file_summary;
use super::table_infos;
use crate::durable;
use crate::store::{Error, Result, Store, file_check, schema};
use crate::work::Progress;
use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use std::path::Path;

/// What a share file says about itself (kept in its `local` table as `manifest.*`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareManifest {
    /// The application that wrote it.
    pub app: String,
    /// Its schema version.
    pub schema: i64,
    /// The site that shared it (identity in hex).
    pub site: String,
    /// The studio's name.
    pub studio: String,
    /// When it was written (local time, ISO 8601).
    pub exported_at: String,
    /// The computer that wrote it (its name as the system says; empty in older files): the
    /// villages of one studio share its name, their computers tell them apart.
    pub computer: String,
    /// The highest logical clock in it.
    pub clock: i64,
    /// Records per table.
    pub counts: Vec<(String, usize)>,
    /// The checksum of every record (hex).
    pub checksum: String,
}

const MANIFEST_APP: &str = "secretary-studio";

impl ShareManifest {
    fn write(&self, conn: &Connection) -> Result<()> {
        let counts = self
            .counts
            .iter()
            .map(|(t, n)| format!("{t}={n}"))
            .collect::<Vec<_>>()
            .join(";");
        let entries: [(&str, SqlValue); 9] = [
            ("manifest.app", SqlValue::Text(self.app.clone())),
            ("manifest.schema", SqlValue::Integer(self.schema)),
            ("manifest.site", SqlValue::Text(self.site.clone())),
            ("manifest.studio", SqlValue::Text(self.studio.clone())),
            (
                "manifest.exported_at",
                SqlValue::Text(self.exported_at.clone()),
            ),
            ("manifest.computer", SqlValue::Text(self.computer.clone())),
            ("manifest.clock", SqlValue::Integer(self.clock)),
            ("manifest.counts", SqlValue::Text(counts)),
            ("manifest.checksum", SqlValue::Text(self.checksum.clone())),
        ];
        for (key, value) in entries {
            conn.execute(
                "INSERT INTO local (key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                rusqlite::params![key, value],
            )?;
        }
        Ok(())
    }

    /// The manifest of a share file; `None` for a plain studio file (a copy of the .db).
    pub(super) fn read(conn: &Connection) -> Result<Option<Self>> {
        let text = |key: &str| -> Result<Option<String>> {
            Ok(conn
                .query_row("SELECT value FROM local WHERE key = ?1", [key], |r| {
                    r.get::<_, SqlValue>(0)
                })
                .optional()?
                .and_then(|v| match v {
                    SqlValue::Text(t) => Some(t),
                    SqlValue::Integer(i) => Some(i.to_string()),
                    _ => None,
                }))
        };
        let Some(app) = text("manifest.app")? else {
            return Ok(None);
        };
        let number = |key: &str| -> Result<i64> {
            text(key)?
                .and_then(|t| t.parse().ok())
                .ok_or_else(|| Error::Corrupt(format!("{key} in the share file's manifest")))
        };
        Ok(Some(Self {
            app,
            schema: number("manifest.schema")?,
            site: text("manifest.site")?.unwrap_or_default(),
            studio: text("manifest.studio")?.unwrap_or_default(),
            exported_at: text("manifest.exported_at")?.unwrap_or_default(),
            computer: text("manifest.computer")?.unwrap_or_default(),
            clock: number("manifest.clock")?,
            counts: text("manifest.counts")?
                .unwrap_or_default()
                .split(';')
                .filter_map(|p| {
                    let (t, n) = p.split_once('=')?;
                    Some((t.to_owned(), n.parse().ok()?))
                })
                .collect(),
            checksum: text("manifest.checksum")?.unwrap_or_default(),
        }))
    }
}

impl Store {
    /// Writes a share file: a consistent copy of the studio with a manifest (application,
    /// schema, site, studio, time, clock, counts per table and a checksum of every record).
    /// It appears under its name only once complete and synced, so a stick pulled out too
    /// early leaves no half file there; only an earlier studio file is ever replaced.
    pub fn share(&self, destination: &Path, progress: &Progress) -> Result<ShareManifest> {
        self.share_with(destination, None, progress)
    }

    /// [`Store::share`], protected with `passphrase` if one is given: the file on the stick
    /// is then encrypted as a whole, and the plain copy it is made from never leaves this
    /// computer's private temporary folder.
    pub fn share_with(
        &self,
        destination: &Path,
        passphrase: Option<&str>,
        progress: &Progress,
    ) -> Result<ShareManifest> {
        self.share_as(destination, passphrase, false, progress)
    }

    /// [`Store::share_with`]; with `thumbnails_only` the pictures' originals are left out
    /// (their copies for documents and their thumbnails travel): a smaller file for a stick.
    /// A later share with originals brings them.
    pub fn share_as(
        &self,
        destination: &Path,
        passphrase: Option<&str>,
        thumbnails_only: bool,
        progress: &Progress,
    ) -> Result<ShareManifest> {
        crate::store::check_path_length(destination)?;
        let folder = match destination.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if !folder.is_dir() {
            return Err(Error::NoSuchFolder);
        }
        if destination.exists() {
            if self
                .path
                .as_deref()
                .is_some_and(|open| crate::store::same_file(open, destination))
            {
                return Err(Error::IsOpenFile);
            }
            if !file_check::is_studio_file(destination)
                && !crate::store::sealed::is_sealed(destination)
            {
                return Err(Error::WouldReplaceOtherFile);
            }
        }
        let infos = table_infos(&self.conn)?;
        let ours = file_summary(&self.conn, &infos, progress)?;
        progress.step(0.6).map_err(|_| Error::Cancelled)?;
        let site =
            self.conn
                .query_row("SELECT uuid FROM site WHERE id = ?1", [self.site], |r| {
                    r.get::<_, Vec<u8>>(0)
                })?;
        let manifest = ShareManifest {
            app: MANIFEST_APP.to_owned(),
            schema: schema::current_version(),
            site: site
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<Vec<_>>()
                .concat(),
            studio: self.studio()?.name,
            exported_at: chrono::Local::now().format("%Y-%m-%dT%H:%M:%S").to_string(),
            computer: crate::places::computer_name(),
            clock: ours.max_clock,
            counts: infos
                .iter()
                .zip(&ours.counts)
                .map(|(i, n)| (i.name.clone(), *n))
                .collect(),
            checksum: format!("{:016x}", ours.checksum),
        };
        let temporary = durable::temporary_beside(destination);
        crate::store::remove_database_files(&temporary);
        // With a passphrase the plain copy is made in the private temporary folder and only
        // its encryption goes to the destination.
        let plain = match passphrase {
            Some(_) => Some(TemporaryCopy::new()?),
            None => None,
        };
        let result = (|| -> Result<()> {
            let copy_path = plain.as_ref().map_or(&temporary, |p| &p.path);
            // A connection of its own: the window's reader refuses anything but queries.
            let vacuum =
                |conn: &Connection| conn.execute("VACUUM INTO ?1", [copy_path.to_string_lossy()]);
            match &self.path {
                Some(path) => vacuum(&Connection::open_with_flags(
                    path,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?)?,
                None => vacuum(&self.conn)?,
            };
            progress.step(0.85).map_err(|_| Error::Cancelled)?;
            let conn = Connection::open(copy_path)?;
            manifest.write(&conn)?;
            if thumbnails_only {
                conn.execute("UPDATE data_picture SET original = NULL", [])?;
                conn.execute("VACUUM", [])?;
            }
            conn.close().map_err(|(_, e)| Error::from(e))?;
            if let (Some(plain), Some(passphrase)) = (&plain, passphrase) {
                crate::store::sealed::seal(&plain.path, &temporary, passphrase)?;
            }
            Ok(durable::replace(&temporary, destination)?)
        })();
        if let Err(error) = result {
            crate::store::remove_database_files(&temporary);
            return Err(match error {
                Error::Io(e) => durable::classify(e, destination).into(),
                Error::Sqlite(_) if !durable::writable_folder(destination) => Error::ReadOnly,
                other => other,
            });
        }
        progress.step(1.0).ok();
        Ok(manifest)
    }
}
