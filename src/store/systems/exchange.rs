//! Communication: experience notes, notices and the six responsibilities.

use super::{day_text, optional_day};
use crate::domain::exchange::{
    Note, NoteFields, Notice, NoticeFields, NoticeId, Responsibility, ResponsibilityId,
};
use crate::domain::points::NoteId;
use crate::domain::{ProblemId, SecretaryId, SessionId};
use crate::store::{Result, Store, Writer, day};

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
        Ok(NoteId(self.insert_record(
            "experience_note",
            &[
                ("written_on", &day_text(fields.written_on)),
                ("title", &fields.title.trim()),
                ("author_id", &fields.author.map(|a| a.0)),
                ("text", &fields.text.trim()),
                ("session_id", &fields.session.map(|s| s.0)),
                ("problem_id", &fields.problem.map(|p| p.0)),
            ],
        )?))
    }

    /// Changes an experience note.
    pub fn update_note(&mut self, id: NoteId, fields: &NoteFields) -> Result<()> {
        let changed = self.update_record(
            "experience_note",
            id.0,
            &[
                ("written_on", &day_text(fields.written_on)),
                ("title", &fields.title.trim()),
                ("author_id", &fields.author.map(|a| a.0)),
                ("text", &fields.text.trim()),
                ("session_id", &fields.session.map(|s| s.0)),
                ("problem_id", &fields.problem.map(|p| p.0)),
            ],
        )?;
        self.changed_or_missing(changed, "experience_note", id.0)
    }

    /// Posts a notice.
    pub fn add_notice(&mut self, fields: &NoticeFields) -> Result<NoticeId> {
        Ok(NoticeId(self.insert_record(
            "notice",
            &[
                ("posted_on", &day_text(fields.posted_on)),
                ("title", &fields.title.trim()),
                ("text", &fields.text.trim()),
                ("pinned", &fields.pinned),
            ],
        )?))
    }

    /// Changes a notice (also to pin or unpin it).
    pub fn update_notice(&mut self, id: NoticeId, fields: &NoticeFields) -> Result<()> {
        let changed = self.update_record(
            "notice",
            id.0,
            &[
                ("posted_on", &day_text(fields.posted_on)),
                ("title", &fields.title.trim()),
                ("text", &fields.text.trim()),
                ("pinned", &fields.pinned),
            ],
        )?;
        self.changed_or_missing(changed, "notice", id.0)
    }

    /// Renames a responsibility and sets who holds it for which term.
    pub fn update_responsibility(&mut self, responsibility: &Responsibility) -> Result<()> {
        let changed = self.update_record(
            "responsibility",
            responsibility.id.0,
            &[
                ("name", &responsibility.name.trim()),
                ("holder_id", &responsibility.holder.map(|h| h.0)),
                (
                    "term_starts_on",
                    &responsibility.term_starts_on.map(day_text),
                ),
                ("term_ends_on", &responsibility.term_ends_on.map(day_text)),
            ],
        )?;
        self.changed_or_missing(changed, "responsibility", responsibility.id.0)
    }
}
