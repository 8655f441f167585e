//! Picture bytes in a merge: they are not records (a picture's record travels like any
//! other), so the bytes its new pictures need, or originals we lack, are copied from the
//! other file's private copy when the merge is applied, one picture at a time, each original
//! checked against its digest.

use crate::store::{Error, Result, Store, Writer};
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use std::collections::HashMap;
use std::path::Path;

/// What of pictures a merge brings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PictureFiles {
    /// The digests whose bytes come.
    pub digests: Vec<String>,
    /// Of them, pictures new here.
    pub new: usize,
    /// Of the new, those that come without their originals (shared thumbnails only).
    pub thumbnails_only: usize,
    /// Originals of pictures here that lacked them.
    pub originals: usize,
}

/// The digests whose bytes `theirs` would bring: pictures we lack, and originals we lack
/// that they hold.
pub(super) fn wanted(ours: &Connection, theirs: &Connection) -> Result<PictureFiles> {
    let read = |c: &Connection| -> Result<HashMap<String, bool>> {
        let mut statement = c.prepare("SELECT digest, original IS NOT NULL FROM data_picture")?;
        let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    let ours = read(ours)?;
    let mut files = PictureFiles::default();
    for (digest, original) in read(theirs)? {
        match ours.get(&digest) {
            None => {
                files.new += 1;
                files.thumbnails_only += usize::from(!original);
            }
            Some(false) if original => files.originals += 1,
            Some(_) => continue,
        }
        files.digests.push(digest);
    }
    files.digests.sort_unstable();
    Ok(files)
}

impl Store {
    /// Whether a picture of this file lacks its original (it came "thumbnails only").
    pub(super) fn lacks_originals(&self) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM data_picture WHERE original IS NULL)",
            [],
            |r| r.get(0),
        )?)
    }
}

impl Writer<'_> {
    /// Copies the bytes of `digests` from the other file's private copy at `path`: only those
    /// a picture of ours (merged in by now) refers to; an original that does not match its
    /// digest is left out, its copies are taken.
    pub(super) fn copy_pictures(&mut self, path: &Path, digests: &[String]) -> Result<()> {
        let theirs = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        theirs.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
        let mut read = theirs
            .prepare("SELECT original, display, thumb FROM data_picture WHERE digest = ?1")?;
        for digest in digests {
            let referred: bool = self.tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM picture WHERE digest = ?1)",
                [digest],
                |r| r.get(0),
            )?;
            if !referred {
                continue;
            }
            let Some((original, display, thumb)) = read
                .query_row([digest], |r| {
                    Ok((
                        r.get::<_, Option<Vec<u8>>>(0)?,
                        r.get::<_, Vec<u8>>(1)?,
                        r.get::<_, Vec<u8>>(2)?,
                    ))
                })
                .optional()?
            else {
                continue;
            };
            let original = original.filter(|o| crate::pictures::digest(o) == *digest);
            self.tx
                .execute(
                    "INSERT INTO data_picture (digest, original, display, thumb)
                     VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (digest) DO UPDATE SET
                        original = coalesce(original, excluded.original)",
                    rusqlite::params![digest, original, display, thumb],
                )
                .map_err(|e| Error::Corrupt(format!("picture {digest}: {e}")))?;
        }
        Ok(())
    }
}
