//! The town's wider practice in the file: the people register, the "100-member league"
//! groups with members and letters, guests at sessions, theme party days, party-spirit
//! check-ups and democratic appraisals. Every change is checked by the same domain rule the
//! form uses, so a bad value is refused here too and nothing is saved half.

use super::{Error, Refusal, Result, Store, Writer, day};
use crate::domain::appraisal::{Appraisal, AppraisalFields, AppraisalId, GradeRule, RULE_KEY};
use crate::domain::checkup::{
    Checkup, CheckupFields, CheckupId, Finding, FindingId, GRADES_KEY, HealthThresholds, Indicator,
    IndicatorId, Step, Subject, WEIGHTS_KEY, Weights,
};
use crate::domain::league::{
    Group, GroupId, LETTER_PATTERN_KEY, LetterNo, Member, MemberFields, MemberId, Person,
    PersonFields, PersonId, Role, default_letter_pattern, next_letter_no,
};
use crate::domain::problem::{ProblemCategory, ProblemFields};
use crate::domain::theme_day::{
    DEFAULT_FLOOR_PERCENT, FLOOR_KEY, ThemeDay, ThemeDayFields, ThemeDayId, ThemeDayState,
};
use crate::domain::{BranchId, Gender, ProblemId, SecretaryId, SessionId};
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use std::collections::HashMap;

mod people_import;
pub use people_import::PeopleImportOutcome;

#[cfg(test)]
mod tests;

fn day_text(day: NaiveDate) -> String {
    day.format(super::DAY).to_string()
}

fn optional_day(text: Option<&str>) -> rusqlite::Result<Option<NaiveDate>> {
    text.map(day).transpose()
}

fn code<T>(
    column: &'static str,
    text: &str,
    parse: impl FnOnce(&str) -> Option<T>,
) -> rusqlite::Result<T> {
    super::stored(column, text, parse)
}

/// The check-up's indicators in order, read on the file's connection or in a write.
fn indicators_in(conn: &rusqlite::Connection) -> Result<Vec<Indicator>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, name, max_score FROM live_checkup_indicator ORDER BY position, id",
    )?;
    let indicators = statement
        .query_map([], |r| {
            Ok(Indicator {
                id: IndicatorId(r.get(0)?),
                name: r.get(1)?,
                max_score: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(indicators)
}

impl Store {
    /// The people register, by name.
    pub fn people(&self) -> Result<Vec<Person>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, name, gender, branch_id, village, phone, occupation, notes, secretary_id
             FROM live_person ORDER BY name, id",
        )?;
        let people = statement
            .query_map([], |r| {
                Ok(Person {
                    id: PersonId(r.get(0)?),
                    fields: PersonFields {
                        name: r.get(1)?,
                        gender: r
                            .get::<_, Option<String>>(2)?
                            .map(|g| code("person.gender", &g, Gender::from_code))
                            .transpose()?,
                        branch_id: r.get::<_, Option<i64>>(3)?.map(BranchId),
                        village: r.get(4)?,
                        phone: r.get(5)?,
                        occupation: r.get(6)?,
                        notes: r.get(7)?,
                        secretary_id: r.get::<_, Option<i64>>(8)?.map(SecretaryId),
                    },
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(people)
    }

    /// The groups in their order (archived ones too).
    pub fn groups(&self) -> Result<Vec<Group>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, name, discipline, archived FROM live_league_group
             ORDER BY position, id",
        )?;
        let groups = statement
            .query_map([], |r| {
                Ok(Group {
                    id: GroupId(r.get(0)?),
                    name: r.get(1)?,
                    discipline: r.get(2)?,
                    archived: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(groups)
    }

    /// Every membership of a live person in a live group, leaders first.
    pub fn members(&self) -> Result<Vec<Member>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT m.id, m.group_id, m.person_id, m.role, m.term_starts_on, m.term_ends_on,
                    m.discipline_signed, m.letter_year, m.letter_no, m.issued_on
             FROM live_group_member m
             JOIN live_person p ON p.id = m.person_id
             JOIN live_league_group g ON g.id = m.group_id
             ORDER BY g.position, g.id,
                 CASE m.role WHEN 'leader' THEN 0 WHEN 'deputy' THEN 1 ELSE 2 END, p.name, m.id",
        )?;
        let members = statement
            .query_map([], |r| {
                let letter = match (r.get::<_, Option<i32>>(7)?, r.get::<_, Option<i64>>(8)?) {
                    (Some(year), Some(no)) => Some(LetterNo { year, no }),
                    _ => None,
                };
                Ok(Member {
                    id: MemberId(r.get(0)?),
                    fields: MemberFields {
                        group: GroupId(r.get(1)?),
                        person: PersonId(r.get(2)?),
                        role: code(
                            "group_member.role",
                            &r.get::<_, String>(3)?,
                            Role::from_code,
                        )?,
                        term_starts_on: day(&r.get::<_, String>(4)?)?,
                        term_ends_on: optional_day(r.get_ref(5)?.as_str_or_null()?)?,
                        discipline_signed: r.get(6)?,
                        letter,
                        issued_on: optional_day(r.get_ref(9)?.as_str_or_null()?)?,
                    },
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(members)
    }

    /// The pattern letters are numbered in (古城〔{year}〕聘字第{no}号).
    pub fn letter_pattern(&self) -> Result<String> {
        Ok(match self.setting(LETTER_PATTERN_KEY)? {
            Some(pattern) if crate::domain::league::pattern_is_valid(&pattern) => pattern,
            _ => default_letter_pattern(&self.studio()?.town),
        })
    }

    /// The people invited to a session as guests (列席), by name.
    pub fn session_guests(&self, session: SessionId) -> Result<Vec<Person>> {
        let guests: Vec<PersonId> = {
            let mut statement = self
                .conn
                .prepare_cached("SELECT person_id FROM live_session_guest WHERE session_id = ?1")?;
            statement
                .query_map([session.0], |r| Ok(PersonId(r.get(0)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        Ok(self
            .people()?
            .into_iter()
            .filter(|p| guests.contains(&p.id))
            .collect())
    }

    /// The theme party days of a year, by branch and month.
    pub fn theme_days(&self, year: i32) -> Result<Vec<ThemeDay>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, branch_id, year, month, planned_on, topic, state, held_on,
                    members_present, members_total, reason, notes
             FROM live_theme_day WHERE year = ?1 ORDER BY branch_id, month",
        )?;
        let days = statement
            .query_map([year], |r| {
                Ok(ThemeDay {
                    id: ThemeDayId(r.get(0)?),
                    fields: ThemeDayFields {
                        branch: BranchId(r.get(1)?),
                        year: r.get(2)?,
                        month: r.get(3)?,
                        planned_on: day(&r.get::<_, String>(4)?)?,
                        topic: r.get(5)?,
                        state: code(
                            "theme_day.state",
                            &r.get::<_, String>(6)?,
                            ThemeDayState::from_code,
                        )?,
                        held_on: optional_day(r.get_ref(7)?.as_str_or_null()?)?,
                        members_present: r.get(8)?,
                        members_total: r.get(9)?,
                        reason: r.get(10)?,
                        notes: r.get(11)?,
                    },
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(days)
    }

    /// One theme party day with its branch's name, if it is there.
    pub fn theme_day(&self, id: ThemeDayId) -> Result<Option<(String, ThemeDayFields)>> {
        let year: Option<(i32, String)> = self
            .conn
            .query_row(
                "SELECT d.year, b.name FROM live_theme_day d JOIN branch b ON b.id = d.branch_id
                 WHERE d.id = ?1",
                [id.0],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((year, branch)) = year else {
            return Ok(None);
        };
        Ok(self
            .theme_days(year)?
            .into_iter()
            .find(|d| d.id == id)
            .map(|d| (branch, d.fields)))
    }

    /// The attendance floor of theme party days, in percent.
    pub fn theme_day_floor(&self) -> Result<i64> {
        Ok(self
            .setting(FLOOR_KEY)?
            .and_then(|t| t.trim().trim_end_matches(['%', '％']).parse().ok())
            .filter(|p| (1..=100).contains(p))
            .unwrap_or(DEFAULT_FLOOR_PERCENT))
    }

    /// The check-up's indicators, in order.
    pub fn checkup_indicators(&self) -> Result<Vec<Indicator>> {
        indicators_in(&self.conn)
    }

    /// The steps' weights of the check-up (defaults if unset or unreadable).
    pub fn checkup_weights(&self) -> Result<Weights> {
        Ok(self
            .setting(WEIGHTS_KEY)?
            .and_then(|t| Weights::parse(&t))
            .unwrap_or_default())
    }

    /// Where 健康 and 亚健康 begin (defaults if unset or unreadable).
    pub fn health_thresholds(&self) -> Result<HealthThresholds> {
        Ok(self
            .setting(GRADES_KEY)?
            .and_then(|t| HealthThresholds::parse(&t))
            .unwrap_or_default())
    }

    /// The check-ups of a year, with their scores and findings.
    pub fn checkups(&self, year: i32) -> Result<Vec<Checkup>> {
        let mut scores: HashMap<i64, Vec<(IndicatorId, Step, f64)>> = HashMap::new();
        {
            let mut statement = self.conn.prepare_cached(
                "SELECT s.checkup_id, s.indicator_id, s.step, s.score
                 FROM live_checkup_score s JOIN live_checkup c ON c.id = s.checkup_id
                 WHERE c.year = ?1 ORDER BY s.id",
            )?;
            let mut rows = statement.query([year])?;
            while let Some(r) = rows.next()? {
                let step = code(
                    "checkup_score.step",
                    &r.get::<_, String>(2)?,
                    Step::from_code,
                )?;
                scores.entry(r.get(0)?).or_default().push((
                    IndicatorId(r.get(1)?),
                    step,
                    r.get(3)?,
                ));
            }
        }
        let mut findings: HashMap<i64, Vec<Finding>> = HashMap::new();
        {
            let mut statement = self.conn.prepare_cached(
                "SELECT f.checkup_id, f.id, f.text,
                    (SELECT p.id FROM live_problem p WHERE p.id = f.problem_id)
                 FROM live_checkup_finding f JOIN live_checkup c ON c.id = f.checkup_id
                 WHERE c.year = ?1 ORDER BY f.id",
            )?;
            let mut rows = statement.query([year])?;
            while let Some(r) = rows.next()? {
                findings.entry(r.get(0)?).or_default().push(Finding {
                    id: FindingId(r.get(1)?),
                    text: r.get(2)?,
                    problem: r.get::<_, Option<i64>>(3)?.map(ProblemId),
                });
            }
        }
        let mut statement = self.conn.prepare_cached(
            "SELECT id, secretary_id, person_id, year, held_on, masses_count, notes
             FROM live_checkup WHERE year = ?1 ORDER BY id",
        )?;
        let checkups = statement
            .query_map([year], |r| {
                let id: i64 = r.get(0)?;
                let subject = match (r.get::<_, Option<i64>>(1)?, r.get::<_, Option<i64>>(2)?) {
                    (Some(secretary), _) => Subject::Secretary(SecretaryId(secretary)),
                    (None, Some(person)) => Subject::Person(PersonId(person)),
                    (None, None) => {
                        return Err(rusqlite::Error::InvalidColumnType(
                            1,
                            "checkup.secretary_id".into(),
                            rusqlite::types::Type::Null,
                        ));
                    }
                };
                Ok((
                    id,
                    subject,
                    r.get(3)?,
                    optional_day(r.get_ref(4)?.as_str_or_null()?)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            })?
            .map(|row| {
                let (id, subject, year, held_on, masses_count, notes) = row?;
                Ok(Checkup {
                    id: CheckupId(id),
                    fields: CheckupFields {
                        subject,
                        year,
                        held_on,
                        masses_count,
                        notes,
                        scores: scores.remove(&id).unwrap_or_default(),
                    },
                    findings: findings.remove(&id).unwrap_or_default(),
                })
            })
            .collect::<rusqlite::Result<_>>()?;
        Ok(checkups)
    }

    /// One check-up, with its scores and findings (`None` if deleted or never there).
    pub fn checkup(&self, id: CheckupId) -> Result<Option<Checkup>> {
        let year: Option<i32> = self
            .conn
            .query_row("SELECT year FROM live_checkup WHERE id = ?1", [id.0], |r| {
                r.get(0)
            })
            .optional()?;
        let Some(year) = year else {
            return Ok(None);
        };
        Ok(self.checkups(year)?.into_iter().find(|c| c.id == id))
    }

    /// The latest year with a check-up or an appraisal, if any.
    pub fn latest_review_year(&self) -> Result<Option<i32>> {
        Ok(self.conn.query_row(
            "SELECT max(year) FROM (SELECT year FROM live_checkup
                 UNION ALL SELECT year FROM live_appraisal)",
            [],
            |r| r.get(0),
        )?)
    }

    /// The rule that grades appraisals (default if unset or unreadable).
    pub fn appraisal_rule(&self) -> Result<GradeRule> {
        Ok(self
            .setting(RULE_KEY)?
            .and_then(|t| GradeRule::parse(&t))
            .unwrap_or_default())
    }

    /// The appraisals of a year (all years if `None`), by secretary.
    pub fn appraisals(&self, year: Option<i32>) -> Result<Vec<Appraisal>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, secretary_id, year, half, reported_on, title, voters, excellent,
                    competent, basically_competent, incompetent, participants
             FROM live_appraisal WHERE ?1 IS NULL OR year = ?1
             ORDER BY year DESC, half DESC, secretary_id",
        )?;
        let appraisals = statement
            .query_map([year], |r| {
                Ok(Appraisal {
                    id: AppraisalId(r.get(0)?),
                    fields: AppraisalFields {
                        secretary: SecretaryId(r.get(1)?),
                        year: r.get(2)?,
                        half: r.get(3)?,
                        reported_on: optional_day(r.get_ref(4)?.as_str_or_null()?)?,
                        title: r.get(5)?,
                        voters: r.get(6)?,
                        ballots: [r.get(7)?, r.get(8)?, r.get(9)?, r.get(10)?],
                        participants: r.get(11)?,
                    },
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(appraisals)
    }

    /// Per secretary, their branch's theme party days planned in `start..=end` whose day
    /// has come by `today`, and of those held on time.
    pub(in crate::store) fn theme_day_facts(
        &self,
        start: &str,
        end: &str,
        today: NaiveDate,
    ) -> Result<Vec<(SecretaryId, i64, i64)>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT s.id,
                total(d.state <> 'planned' OR d.planned_on < ?3),
                total(d.state = 'held' AND d.held_on <= d.planned_on)
             FROM live_secretary s JOIN live_theme_day d ON d.branch_id = s.branch_id
             WHERE d.planned_on BETWEEN ?1 AND ?2
             GROUP BY s.id",
        )?;
        let rows = statement
            .query_map(params![start, end, day_text(today)], |r| {
                Ok((
                    SecretaryId(r.get(0)?),
                    r.get::<_, f64>(1)? as i64,
                    r.get::<_, f64>(2)? as i64,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}

impl Writer<'_> {
    /// The place after the last of `table`'s records (deleted ones included, so a restored
    /// one keeps its place).
    fn next_position(&self, table: &'static str) -> Result<i64> {
        Ok(self.tx.query_row(
            &format!("SELECT coalesce(max(position), -1) + 1 FROM {table}"),
            [],
            |r| r.get(0),
        )?)
    }

    /// Adds a person to the register.
    pub fn add_person(&mut self, fields: &PersonFields) -> Result<PersonId> {
        let name = fields.name.trim();
        if name.is_empty() {
            return Err(Error::Refused(Refusal::NameRequired));
        }
        Ok(PersonId(self.insert_record(
            "person",
            &[
                ("name", &name),
                ("gender", &fields.gender.map(Gender::code)),
                ("branch_id", &fields.branch_id.map(|b| b.0)),
                ("village", &fields.village.trim()),
                ("phone", &fields.phone.trim()),
                ("occupation", &fields.occupation.trim()),
                ("notes", &fields.notes.trim()),
                ("secretary_id", &fields.secretary_id.map(|s| s.0)),
            ],
        )?))
    }

    /// Changes a person of the register.
    pub fn update_person(&mut self, id: PersonId, fields: &PersonFields) -> Result<()> {
        let name = fields.name.trim();
        if name.is_empty() {
            return Err(Error::Refused(Refusal::NameRequired));
        }
        self.set_record(
            "person",
            id.0,
            &[
                ("name", &name),
                ("gender", &fields.gender.map(Gender::code)),
                ("branch_id", &fields.branch_id.map(|b| b.0)),
                ("village", &fields.village.trim()),
                ("phone", &fields.phone.trim()),
                ("occupation", &fields.occupation.trim()),
                ("notes", &fields.notes.trim()),
                ("secretary_id", &fields.secretary_id.map(|s| s.0)),
            ],
        )
    }

    /// Deletes a person who is in no group (a member is taken out of the group first).
    pub fn delete_person(&mut self, id: PersonId) -> Result<()> {
        let memberships: i64 = self.tx.query_row(
            "SELECT count(*) FROM live_group_member m JOIN live_league_group g
                ON g.id = m.group_id WHERE m.person_id = ?1",
            [id.0],
            |r| r.get(0),
        )?;
        if memberships > 0 {
            return Err(Error::StillInUse {
                what: super::InUse::Memberships,
                count: memberships,
            });
        }
        self.set_deleted("person", id.0, true)
    }

    /// Adds a group at the end.
    pub fn add_group(&mut self, name: &str, discipline: &str) -> Result<GroupId> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::Refused(Refusal::NameRequired));
        }
        let position = self.next_position("league_group")?;
        Ok(GroupId(self.insert_record(
            "league_group",
            &[
                ("position", &position),
                ("name", &name),
                ("discipline", &discipline.trim()),
            ],
        )?))
    }

    /// Renames a group and sets its discipline requirements.
    pub fn update_group(&mut self, id: GroupId, name: &str, discipline: &str) -> Result<()> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::Refused(Refusal::NameRequired));
        }
        self.set_record(
            "league_group",
            id.0,
            &[("name", &name), ("discipline", &discipline.trim())],
        )
    }

    /// Archives (or brings back) a group; its members and letters are kept.
    pub fn set_group_archived(&mut self, id: GroupId, archived: bool) -> Result<()> {
        self.set_record("league_group", id.0, &[("archived", &archived)])
    }

    /// A letter number held by another membership, if `letter` is taken.
    fn letter_taken(&self, letter: LetterNo, other_than: Option<MemberId>) -> Result<bool> {
        Ok(self
            .tx
            .query_row(
                "SELECT 1 FROM live_group_member WHERE letter_year = ?1 AND letter_no = ?2
                    AND id IS NOT ?3",
                params![letter.year, letter.no, other_than.map(|m| m.0)],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    fn check_member(&self, fields: &MemberFields, id: Option<MemberId>) -> Result<()> {
        fields
            .check()
            .map_err(|e| Error::Refused(Refusal::Member(e)))?;
        if let Some(letter) = fields.letter
            && self.letter_taken(letter, id)?
        {
            return Err(Error::Refused(Refusal::LetterNoTaken(letter)));
        }
        Ok(())
    }

    /// Puts a person into a group (or back in, if they were taken out).
    pub fn add_member(&mut self, fields: &MemberFields) -> Result<MemberId> {
        self.check_member(fields, None)?;
        let existing: Option<(i64, bool)> = self
            .tx
            .query_row(
                "SELECT id, deleted FROM group_member WHERE group_id = ?1 AND person_id = ?2",
                [fields.group.0, fields.person.0],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        match existing {
            Some((_, false)) => Err(Error::Refused(Refusal::AlreadyMember)),
            Some((id, true)) => {
                self.set_deleted("group_member", id, false)?;
                self.update_member(MemberId(id), fields)?;
                Ok(MemberId(id))
            }
            None => Ok(MemberId(self.insert_record(
                "group_member",
                &[
                    ("group_id", &fields.group.0),
                    ("person_id", &fields.person.0),
                    ("role", &fields.role.code()),
                    ("term_starts_on", &day_text(fields.term_starts_on)),
                    ("term_ends_on", &fields.term_ends_on.map(day_text)),
                    ("discipline_signed", &fields.discipline_signed),
                    ("letter_year", &fields.letter.map(|l| l.year)),
                    ("letter_no", &fields.letter.map(|l| l.no)),
                    ("issued_on", &fields.issued_on.map(day_text)),
                ],
            )?)),
        }
    }

    /// Changes a membership (role, term, discipline, letter number).
    pub fn update_member(&mut self, id: MemberId, fields: &MemberFields) -> Result<()> {
        self.check_member(fields, Some(id))?;
        self.set_record(
            "group_member",
            id.0,
            &[
                ("role", &fields.role.code()),
                ("term_starts_on", &day_text(fields.term_starts_on)),
                ("term_ends_on", &fields.term_ends_on.map(day_text)),
                ("discipline_signed", &fields.discipline_signed),
                ("letter_year", &fields.letter.map(|l| l.year)),
                ("letter_no", &fields.letter.map(|l| l.no)),
                ("issued_on", &fields.issued_on.map(day_text)),
            ],
        )
    }

    /// Issues letters of appointment on `on` to `members`: one without a letter gets the next
    /// number of that year; one with a letter keeps it (a reissue). Returns the numbers.
    pub fn issue_letters(&mut self, members: &[MemberId], on: NaiveDate) -> Result<Vec<LetterNo>> {
        let year = chrono::Datelike::year(&on);
        let mut used: Vec<LetterNo> = {
            let mut statement = self.tx.prepare_cached(
                "SELECT letter_year, letter_no FROM group_member
                 WHERE letter_year = ?1 AND letter_no IS NOT NULL",
            )?;
            statement
                .query_map([year], |r| {
                    Ok(LetterNo {
                        year: r.get(0)?,
                        no: r.get(1)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?
        };
        let mut issued = Vec::with_capacity(members.len());
        for member in members {
            let current: Option<(Option<i32>, Option<i64>)> = self
                .tx
                .query_row(
                    "SELECT letter_year, letter_no FROM live_group_member WHERE id = ?1",
                    [member.0],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let Some(current) = current else {
                return Err(Error::RecordNotFound);
            };
            let letter = if let (Some(year), Some(no)) = current {
                LetterNo { year, no }
            } else {
                let next = next_letter_no(&used, year);
                used.push(next);
                next
            };
            self.set_record(
                "group_member",
                member.0,
                &[
                    ("letter_year", &letter.year),
                    ("letter_no", &letter.no),
                    ("issued_on", &day_text(on)),
                ],
            )?;
            issued.push(letter);
        }
        Ok(issued)
    }

    /// Sets who is invited to a session as guests (列席): the others are taken off.
    pub fn set_session_guests(&mut self, session: SessionId, guests: &[PersonId]) -> Result<()> {
        let existing: Vec<(i64, PersonId, bool)> = {
            let mut statement = self.tx.prepare_cached(
                "SELECT id, person_id, deleted FROM session_guest WHERE session_id = ?1",
            )?;
            statement
                .query_map([session.0], |r| {
                    Ok((r.get(0)?, PersonId(r.get(1)?), r.get(2)?))
                })?
                .collect::<rusqlite::Result<_>>()?
        };
        for (id, person, deleted) in &existing {
            let wanted = guests.contains(person);
            if wanted == *deleted {
                self.set_deleted("session_guest", *id, !wanted)?;
            }
        }
        for guest in guests {
            if !existing.iter().any(|(_, p, _)| p == guest) {
                self.insert_record(
                    "session_guest",
                    &[("session_id", &session.0), ("person_id", &guest.0)],
                )?;
            }
        }
        Ok(())
    }

    /// Records a branch's theme party day of a month (planned, held or missed): the month's
    /// record if there is one, a new one otherwise.
    pub fn set_theme_day(
        &mut self,
        fields: &ThemeDayFields,
        today: NaiveDate,
    ) -> Result<ThemeDayId> {
        fields
            .check(today)
            .map_err(|e| Error::Refused(Refusal::ThemeDay(e)))?;
        let existing: Option<(i64, bool)> = self
            .tx
            .query_row(
                "SELECT id, deleted FROM theme_day WHERE branch_id = ?1 AND year = ?2 AND month = ?3",
                params![fields.branch.0, fields.year, fields.month],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let columns: [(&'static str, &dyn rusqlite::ToSql); 8] = [
            ("planned_on", &day_text(fields.planned_on)),
            ("topic", &fields.topic.trim()),
            ("state", &fields.state.code()),
            ("held_on", &fields.held_on.map(day_text)),
            ("members_present", &fields.members_present),
            ("members_total", &fields.members_total),
            ("reason", &fields.reason.trim()),
            ("notes", &fields.notes.trim()),
        ];
        if let Some((id, deleted)) = existing {
            if deleted {
                self.set_deleted("theme_day", id, false)?;
            }
            self.update_record("theme_day", id, &columns)?;
            return Ok(ThemeDayId(id));
        }
        let mut all: Vec<(&'static str, &dyn rusqlite::ToSql)> = vec![
            ("branch_id", &fields.branch.0),
            ("year", &fields.year),
            ("month", &fields.month),
        ];
        all.extend(columns);
        Ok(ThemeDayId(self.insert_record("theme_day", &all)?))
    }

    /// Adds an indicator of the check-up at the end.
    pub fn add_indicator(&mut self, name: &str, max_score: f64) -> Result<IndicatorId> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::Refused(Refusal::NameRequired));
        }
        let position = self.next_position("checkup_indicator")?;
        Ok(IndicatorId(self.insert_record(
            "checkup_indicator",
            &[
                ("position", &position),
                ("name", &name),
                ("max_score", &max_score),
            ],
        )?))
    }

    /// Renames an indicator and sets its full marks.
    pub fn update_indicator(&mut self, id: IndicatorId, name: &str, max_score: f64) -> Result<()> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::Refused(Refusal::NameRequired));
        }
        self.set_record(
            "checkup_indicator",
            id.0,
            &[("name", &name), ("max_score", &max_score)],
        )
    }

    /// Saves a check-up (a new one if `id` is `None`) with its scores; a score left out is
    /// cleared.
    pub fn save_checkup(
        &mut self,
        id: Option<CheckupId>,
        fields: &CheckupFields,
    ) -> Result<CheckupId> {
        let indicators = indicators_in(self.tx)?;
        fields
            .check(&indicators)
            .map_err(|e| Error::Refused(Refusal::Checkup(e)))?;
        let (secretary, person) = match fields.subject {
            Subject::Secretary(s) => (Some(s.0), None),
            Subject::Person(p) => (None, Some(p.0)),
        };
        let same: Option<i64> = self
            .tx
            .query_row(
                "SELECT id FROM live_checkup WHERE year = ?1 AND secretary_id IS ?2
                    AND person_id IS ?3 AND id IS NOT ?4",
                params![fields.year, secretary, person, id.map(|c| c.0)],
                |r| r.get(0),
            )
            .optional()?;
        if same.is_some() {
            return Err(Error::Refused(Refusal::CheckupExists(fields.year)));
        }
        let columns: [(&'static str, &dyn rusqlite::ToSql); 6] = [
            ("secretary_id", &secretary),
            ("person_id", &person),
            ("year", &fields.year),
            ("held_on", &fields.held_on.map(day_text)),
            ("masses_count", &fields.masses_count),
            ("notes", &fields.notes.trim()),
        ];
        let id = match id {
            Some(id) => {
                self.set_record("checkup", id.0, &columns)?;
                id
            }
            None => CheckupId(self.insert_record("checkup", &columns)?),
        };
        let existing: Vec<(i64, IndicatorId, Step, bool)> = {
            let mut statement = self.tx.prepare_cached(
                "SELECT id, indicator_id, step, deleted FROM checkup_score WHERE checkup_id = ?1",
            )?;
            statement
                .query_map([id.0], |r| {
                    let step = code(
                        "checkup_score.step",
                        &r.get::<_, String>(2)?,
                        Step::from_code,
                    )?;
                    Ok((r.get(0)?, IndicatorId(r.get(1)?), step, r.get(3)?))
                })?
                .collect::<rusqlite::Result<_>>()?
        };
        for (row, indicator, step, deleted) in &existing {
            match fields
                .scores
                .iter()
                .find(|(i, s, _)| i == indicator && s == step)
            {
                Some((_, _, score)) => {
                    if *deleted {
                        self.set_deleted("checkup_score", *row, false)?;
                    }
                    self.update_record("checkup_score", *row, &[("score", score)])?;
                }
                None if !deleted => self.set_deleted("checkup_score", *row, true)?,
                None => {}
            }
        }
        for (indicator, step, score) in &fields.scores {
            if !existing
                .iter()
                .any(|(_, i, s, _)| i == indicator && s == step)
            {
                self.insert_record(
                    "checkup_score",
                    &[
                        ("checkup_id", &id.0),
                        ("indicator_id", &indicator.0),
                        ("step", &step.code()),
                        ("score", score),
                    ],
                )?;
            }
        }
        Ok(id)
    }

    /// Adds a finding (问题清单 item) to a check-up.
    pub fn add_finding(&mut self, checkup: CheckupId, text: &str) -> Result<FindingId> {
        let text = text.trim();
        if text.is_empty() {
            return Err(Error::Refused(Refusal::NameRequired));
        }
        Ok(FindingId(self.insert_record(
            "checkup_finding",
            &[("checkup_id", &checkup.0), ("text", &text)],
        )?))
    }

    /// Turns a finding into a problem of the ledger (整改 followed there), raised on `on` by
    /// the check-up's secretary; returns the problem. A finding that is one already keeps it.
    pub fn finding_to_problem(
        &mut self,
        finding: FindingId,
        on: NaiveDate,
        actor: &str,
    ) -> Result<ProblemId> {
        type FindingRow = (
            String,
            Option<i64>,
            Option<i64>,
            Option<String>,
            i32,
            Option<String>,
        );
        let row: Option<FindingRow> = self
            .tx
            .query_row(
                "SELECT f.text, (SELECT p.id FROM live_problem p WHERE p.id = f.problem_id),
                    c.secretary_id, coalesce(s.name, pp.name), c.year, c.held_on
                 FROM live_checkup_finding f JOIN live_checkup c ON c.id = f.checkup_id
                 LEFT JOIN secretary s ON s.id = c.secretary_id
                 LEFT JOIN person pp ON pp.id = c.person_id
                 WHERE f.id = ?1",
                [finding.0],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                    ))
                },
            )
            .optional()?;
        let Some((text, problem, secretary, who, year, held_on)) = row else {
            return Err(Error::RecordNotFound);
        };
        if let Some(problem) = problem {
            return Ok(ProblemId(problem));
        }
        let branch: Option<i64> = match secretary {
            Some(s) => self
                .tx
                .query_row("SELECT branch_id FROM secretary WHERE id = ?1", [s], |r| {
                    r.get(0)
                })
                .optional()?
                .flatten(),
            None => None,
        };
        // Found at the check-up: raised on its day, unless none was recorded.
        let raised_on = optional_day(held_on.as_deref())?
            .filter(|d| *d <= on)
            .unwrap_or(on);
        let title: String = text.chars().take(60).collect();
        let fields = ProblemFields {
            title,
            description: format!(
                "{year}年党性体检发现的问题（{}）：{text}",
                who.unwrap_or_default()
            ),
            category: ProblemCategory::PartyBuilding,
            branch_id: branch.map(BranchId),
            raised_by: secretary.map(SecretaryId),
            session_id: None,
            raised_on,
            responsible: String::new(),
            helper_id: None,
            deadline: None,
            pairing_id: None,
            base_id: None,
        };
        let problem = self.add_problem(&fields, actor)?;
        self.set_record("checkup_finding", finding.0, &[("problem_id", &problem.0)])?;
        Ok(problem)
    }

    /// Saves a duty report and its appraisal (a new one if `id` is `None`).
    pub fn save_appraisal(
        &mut self,
        id: Option<AppraisalId>,
        fields: &AppraisalFields,
    ) -> Result<AppraisalId> {
        fields
            .check()
            .map_err(|e| Error::Refused(Refusal::Appraisal(e)))?;
        let same: Option<(i64, bool)> = self
            .tx
            .query_row(
                "SELECT id, deleted FROM appraisal WHERE secretary_id = ?1 AND year = ?2
                    AND half = ?3 AND id IS NOT ?4",
                params![
                    fields.secretary.0,
                    fields.year,
                    fields.half,
                    id.map(|a| a.0)
                ],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let columns: [(&'static str, &dyn rusqlite::ToSql); 9] = [
            ("reported_on", &fields.reported_on.map(day_text)),
            ("title", &fields.title.trim()),
            ("voters", &fields.voters),
            ("excellent", &fields.ballots[0]),
            ("competent", &fields.ballots[1]),
            ("basically_competent", &fields.ballots[2]),
            ("incompetent", &fields.ballots[3]),
            ("participants", &fields.participants.trim()),
            ("half", &fields.half),
        ];
        let mut all: Vec<(&'static str, &dyn rusqlite::ToSql)> = vec![
            ("secretary_id", &fields.secretary.0),
            ("year", &fields.year),
        ];
        all.extend(columns);
        match (id, same) {
            (_, Some((_, false))) => Err(Error::Refused(Refusal::AppraisalExists)),
            // The same secretary and half, deleted once, holds the key: it comes back with
            // these counts (and one edited onto its key is deleted in its favour).
            (edited, Some((old, true))) => {
                if let Some(edited) = edited {
                    self.set_deleted("appraisal", edited.0, true)?;
                }
                self.set_deleted("appraisal", old, false)?;
                self.set_record("appraisal", old, &all)?;
                Ok(AppraisalId(old))
            }
            (Some(id), None) => {
                self.set_record("appraisal", id.0, &all)?;
                Ok(id)
            }
            (None, None) => Ok(AppraisalId(self.insert_record("appraisal", &all)?)),
        }
    }
}
