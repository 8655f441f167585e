//! Communication: experience notes, notices and the six responsibilities.

use super::{day_text, optional_day};
use crate::domain::exchange::{
    Note, NoteFields, Notice, NoticeFields, NoticeId, Responsibility, ResponsibilityId,
};
use crate::domain::points::NoteId;
use crate::domain::{ProblemId, SecretaryId, SessionId};
use crate::store::{Result, Store, Writer, day};
use rusqlite::params;

impl Store {
    /// Experience notes, newest first.
    pub fn notes(&self) -> Result<Vec<Note>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, written_on, title, author_id, text, session_id, problem_id
             FROM live_experience_note ORDER BY written_on DESC, id DESC",
        )?;
        let notes = statement
            .query_map([], |r| {
                Ok(Note {
                    id: NoteId(r.get(0)?),
                    fields: NoteFields {
                        written_on: day(&r.get::<_, String>(1)?)?,
                        title: r.get(2)?,
                        author: r.get::<_, Option<i64>>(3)?.map(SecretaryId),
                        text: r.get(4)?,
                        session: r.get::<_, Option<i64>>(5)?.map(SessionId),
                        problem: r.get::<_, Option<i64>>(6)?.map(ProblemId),
                    },
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(notes)
    }

    /// Notices, pinned first, then newest first.
    pub fn notices(&self) -> Result<Vec<Notice>> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT id, posted_on, title, text, pinned FROM live_notice")?;
        let mut notices: Vec<Notice> = statement
            .query_map([], |r| {
                Ok(Notice {
                    id: NoticeId(r.get(0)?),
                    fields: NoticeFields {
                        posted_on: day(&r.get::<_, String>(1)?)?,
                        title: r.get(2)?,
                        text: r.get(3)?,
                        pinned: r.get(4)?,
                    },
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        crate::domain::exchange::sort_notices(&mut notices);
        Ok(notices)
    }

    /// The six responsibilities and who holds each.
    pub fn responsibilities(&self) -> Result<Vec<Responsibility>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, name, holder_id, term_starts_on, term_ends_on FROM live_responsibility
             ORDER BY position, id",
        )?;
        let responsibilities = statement
            .query_map([], |r| {
                Ok(Responsibility {
                    id: ResponsibilityId(r.get(0)?),
                    name: r.get(1)?,
                    holder: r.get::<_, Option<i64>>(2)?.map(SecretaryId),
                    term_starts_on: optional_day(r.get_ref(3)?.as_str_or_null()?)?,
                    term_ends_on: optional_day(r.get_ref(4)?.as_str_or_null()?)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(responsibilities)
    }
}

impl Writer<'_> {
    /// Adds an experience note.
    pub fn add_note(&mut self, fields: &NoteFields) -> Result<NoteId> {
        self.tx.execute(
            "INSERT INTO experience_note (uuid, origin_site, hlc, hlc_site, written_on, title,
                author_id, text, session_id, problem_id)
             VALUES (?1, ?2, ?3, ?2, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                Self::new_uuid(),
                self.site,
                self.hlc,
                day_text(fields.written_on),
                fields.title.trim(),
                fields.author.map(|a| a.0),
                fields.text.trim(),
                fields.session.map(|s| s.0),
                fields.problem.map(|p| p.0)
            ],
        )?;
        Ok(NoteId(self.tx.last_insert_rowid()))
    }

    /// Changes an experience note.
    pub fn update_note(&mut self, id: NoteId, fields: &NoteFields) -> Result<()> {
        let changed = self.tx.execute(
            "UPDATE experience_note SET written_on = ?1, title = ?2, author_id = ?3, text = ?4,
                session_id = ?5, problem_id = ?6, hlc = ?7, hlc_site = ?8
             WHERE id = ?9 AND deleted = 0
               AND (written_on IS NOT ?1 OR title IS NOT ?2 OR author_id IS NOT ?3
                 OR text IS NOT ?4 OR session_id IS NOT ?5 OR problem_id IS NOT ?6)",
            params![
                day_text(fields.written_on),
                fields.title.trim(),
                fields.author.map(|a| a.0),
                fields.text.trim(),
                fields.session.map(|s| s.0),
                fields.problem.map(|p| p.0),
                self.hlc,
                self.site,
                id.0
            ],
        )?;
        self.changed_or_missing(changed, "experience_note", id.0)
    }

    /// Posts a notice.
    pub fn add_notice(&mut self, fields: &NoticeFields) -> Result<NoticeId> {
        self.tx.execute(
            "INSERT INTO notice (uuid, origin_site, hlc, hlc_site, posted_on, title, text, pinned)
             VALUES (?1, ?2, ?3, ?2, ?4, ?5, ?6, ?7)",
            params![
                Self::new_uuid(),
                self.site,
                self.hlc,
                day_text(fields.posted_on),
                fields.title.trim(),
                fields.text.trim(),
                fields.pinned
            ],
        )?;
        Ok(NoticeId(self.tx.last_insert_rowid()))
    }

    /// Changes a notice (also to pin or unpin it).
    pub fn update_notice(&mut self, id: NoticeId, fields: &NoticeFields) -> Result<()> {
        let changed = self.tx.execute(
            "UPDATE notice SET posted_on = ?1, title = ?2, text = ?3, pinned = ?4, hlc = ?5,
                hlc_site = ?6
             WHERE id = ?7 AND deleted = 0
               AND (posted_on IS NOT ?1 OR title IS NOT ?2 OR text IS NOT ?3 OR pinned IS NOT ?4)",
            params![
                day_text(fields.posted_on),
                fields.title.trim(),
                fields.text.trim(),
                fields.pinned,
                self.hlc,
                self.site,
                id.0
            ],
        )?;
        self.changed_or_missing(changed, "notice", id.0)
    }

    /// Renames a responsibility and sets who holds it for which term.
    pub fn update_responsibility(&mut self, responsibility: &Responsibility) -> Result<()> {
        let changed = self.tx.execute(
            "UPDATE responsibility SET name = ?1, holder_id = ?2, term_starts_on = ?3,
                term_ends_on = ?4, hlc = ?5, hlc_site = ?6
             WHERE id = ?7 AND deleted = 0
               AND (name IS NOT ?1 OR holder_id IS NOT ?2 OR term_starts_on IS NOT ?3
                 OR term_ends_on IS NOT ?4)",
            params![
                responsibility.name.trim(),
                responsibility.holder.map(|h| h.0),
                responsibility.term_starts_on.map(day_text),
                responsibility.term_ends_on.map(day_text),
                self.hlc,
                self.site,
                responsibility.id.0
            ],
        )?;
        self.changed_or_missing(changed, "responsibility", responsibility.id.0)
    }
}
