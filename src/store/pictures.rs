//! Photos and scans of sessions and problems: the records, and their bytes stored once by
//! digest in `data_picture`.

use super::{Result, Store, Writer};
use crate::domain::picture::{Media, PictureId, PictureInfo, PictureKind, PictureOwner};
use crate::pictures::Prepared;
use rusqlite::{OptionalExtension, params};

/// Which of a picture's stored copies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copy {
    /// The file as attached (absent from a file shared "thumbnails only").
    Original,
    /// JPEG, long side at most 1600 pixels.
    Display,
    /// JPEG, long side at most 240 pixels.
    Thumb,
}

/// The owner's columns: session, problem, theme day, base (one set).
fn owner_columns(owner: PictureOwner) -> [Option<i64>; 4] {
    let mut columns = [None; 4];
    let (index, key) = match owner {
        PictureOwner::Session(id) => (0, id.0),
        PictureOwner::Problem(id) => (1, id.0),
        PictureOwner::ThemeDay(id) => (2, id.0),
        PictureOwner::Base(id) => (3, id.0),
    };
    columns[index] = Some(key);
    columns
}

impl Store {
    /// The live pictures of `owner`: scans first, then photos by capture time (or when
    /// attached).
    pub fn pictures_of(&self, owner: PictureOwner) -> Result<Vec<PictureInfo>> {
        let [session, problem, theme_day, base] = owner_columns(owner);
        let mut statement = self.conn.prepare_cached(
            "SELECT p.id, p.kind, p.caption, p.taken_at, p.file_name, p.digest, p.media,
                    p.width, p.height, p.bytes,
                    EXISTS (SELECT 1 FROM data_picture d WHERE d.digest = p.digest
                            AND d.original IS NOT NULL)
             FROM live_picture p
             WHERE p.session_id IS ?1 AND p.problem_id IS ?2 AND p.theme_day_id IS ?3
                AND p.base_id IS ?4
             ORDER BY p.kind = 'photo', coalesce(p.taken_at, ''), p.id",
        )?;
        let rows = statement.query_map(params![session, problem, theme_day, base], |r| {
            Ok(PictureInfo {
                id: PictureId(r.get(0)?),
                kind: PictureKind::from_code(&r.get::<_, String>(1)?).unwrap_or(PictureKind::Photo),
                caption: r.get(2)?,
                taken_at: r.get(3)?,
                file_name: r.get(4)?,
                digest: r.get(5)?,
                media: Media::from_code(&r.get::<_, String>(6)?).unwrap_or(Media::Jpeg),
                size: (r.get(7)?, r.get(8)?),
                bytes: r.get::<_, i64>(9)?.max(0) as u64,
                has_original: r.get(10)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many live photos each theme party day of `year` has.
    pub fn theme_day_picture_counts(
        &self,
        year: i32,
    ) -> Result<std::collections::HashMap<crate::domain::theme_day::ThemeDayId, usize>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT p.theme_day_id, count(*) FROM live_picture p
             JOIN live_theme_day d ON d.id = p.theme_day_id
             WHERE d.year = ?1 GROUP BY p.theme_day_id",
        )?;
        let rows = statement.query_map([year], |r| {
            Ok((
                crate::domain::theme_day::ThemeDayId(r.get(0)?),
                r.get::<_, i64>(1)? as usize,
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many live pictures each session has, for lists.
    pub fn picture_counts(&self) -> Result<std::collections::HashMap<i64, usize>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT session_id, count(*) FROM live_picture WHERE session_id IS NOT NULL
             GROUP BY session_id",
        )?;
        let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as usize)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The bytes of one stored copy of the picture with `digest`, if this file holds them.
    pub fn picture_bytes(&self, digest: &str, copy: Copy) -> Result<Option<Vec<u8>>> {
        let column = match copy {
            Copy::Original => "original",
            Copy::Display => "display",
            Copy::Thumb => "thumb",
        };
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {column} FROM data_picture WHERE digest = ?1"),
                [digest],
                |r| r.get::<_, Option<Vec<u8>>>(0),
            )
            .optional()?
            .flatten())
    }
}

impl Writer<'_> {
    /// Attaches a prepared picture to `owner`; its bytes are stored once however often it is
    /// attached. Returns the new picture's key.
    pub fn attach_picture(
        &mut self,
        owner: PictureOwner,
        kind: PictureKind,
        caption: &str,
        file_name: &str,
        picture: &Prepared,
    ) -> Result<PictureId> {
        let (table, key) = match owner {
            PictureOwner::Session(id) => ("session", id.0),
            PictureOwner::Problem(id) => ("problem", id.0),
            PictureOwner::ThemeDay(id) => ("theme_day", id.0),
            PictureOwner::Base(id) => ("base", id.0),
        };
        if !self.is_live(table, key)? {
            return Err(super::Error::RecordNotFound);
        }
        self.tx.execute(
            "INSERT INTO data_picture (digest, original, display, thumb) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (digest) DO UPDATE SET original = coalesce(original, excluded.original)",
            params![
                picture.digest,
                picture.original,
                picture.display,
                picture.thumb
            ],
        )?;
        let [session, problem, theme_day, base] = owner_columns(owner);
        let file_name: String = file_name.chars().take(200).collect();
        let caption: String = caption.trim().chars().take(500).collect();
        let id = self.insert_record(
            "picture",
            &[
                ("session_id", &session),
                ("problem_id", &problem),
                ("theme_day_id", &theme_day),
                ("base_id", &base),
                ("kind", &kind.code()),
                ("caption", &caption),
                ("taken_at", &picture.taken_at),
                ("file_name", &file_name),
                ("digest", &picture.digest),
                ("media", &picture.media.code()),
                ("width", &picture.size.0),
                ("height", &picture.size.1),
                ("bytes", &(picture.original.len() as i64)),
            ],
        )?;
        Ok(PictureId(id))
    }

    /// Whether `owner` has a live picture of these bytes already.
    pub fn has_picture(&self, owner: PictureOwner, digest: &str) -> Result<bool> {
        let [session, problem, theme_day, base] = owner_columns(owner);
        Ok(self.tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM live_picture WHERE session_id IS ?1
                AND problem_id IS ?2 AND theme_day_id IS ?4 AND base_id IS ?5 AND digest = ?3)",
            params![session, problem, digest, theme_day, base],
            |r| r.get(0),
        )?)
    }

    /// Sets a picture's caption and kind.
    pub fn set_picture(&mut self, id: PictureId, kind: PictureKind, caption: &str) -> Result<()> {
        let caption: String = caption.trim().chars().take(500).collect();
        self.set_record(
            "picture",
            id.0,
            &[("kind", &kind.code()), ("caption", &caption)],
        )
    }

    /// Deletes (or brings back) a picture; its bytes stay for Undo and for other files.
    pub fn set_picture_deleted(&mut self, id: PictureId, deleted: bool) -> Result<()> {
        self.set_deleted("picture", id.0, deleted)
    }
}
