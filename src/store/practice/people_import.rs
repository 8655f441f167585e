//! Applying a people import: the people, their changes and their memberships in one
//! transaction, refused whole while rows are in error unless the user chose to leave them out.

use super::super::{Error, Refusal, Result, Store, Writer};
use crate::domain::league::{MemberFields, PersonId};
use crate::domain::people_import::{
    ParsedPeople, PeopleImportPlan, PlannedPerson, Register, plan_people_import,
};
use chrono::NaiveDate;

/// What a people import wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PeopleImportOutcome {
    /// People added to the register.
    pub people_added: usize,
    /// People of the register changed.
    pub people_updated: usize,
    /// Memberships added.
    pub memberships_added: usize,
}

impl Store {
    /// Compares a parsed sheet with the register, the groups and the roster; writes nothing.
    /// A term without a start starts on `today`.
    pub fn plan_people_import(
        &self,
        parsed: ParsedPeople,
        today: NaiveDate,
    ) -> Result<PeopleImportPlan> {
        let (people, members, groups) = (self.people()?, self.members()?, self.groups()?);
        let (branches, roster) = (self.branches()?, self.roster()?);
        Ok(plan_people_import(
            parsed,
            Register {
                people: &people,
                members: &members,
                groups: &groups,
                branches: &branches,
                roster: &roster,
            },
            today,
        ))
    }
}

impl Writer<'_> {
    /// Applies a previewed people import. While rows are refused nothing is written, unless
    /// `skip_rejected` says the user chose to import the others without them.
    pub fn apply_people_import(
        &mut self,
        plan: &PeopleImportPlan,
        skip_rejected: bool,
    ) -> Result<PeopleImportOutcome> {
        if !plan.rejected.is_empty() && !skip_rejected {
            return Err(Error::Refused(Refusal::ImportHasErrors(
                plan.rejected.len(),
            )));
        }
        let mut added: Vec<PersonId> = Vec::with_capacity(plan.to_add.len());
        for person in &plan.to_add {
            added.push(self.add_person(&person.fields)?);
        }
        for update in &plan.to_update {
            self.update_person(update.id, &update.fields)?;
        }
        for membership in &plan.memberships {
            let person = match membership.person {
                PlannedPerson::Existing(id) => id,
                PlannedPerson::New(index) => *added.get(index).ok_or(Error::RecordNotFound)?,
            };
            self.add_member(&MemberFields {
                group: membership.group,
                person,
                role: membership.role,
                term_starts_on: membership.term_starts_on,
                term_ends_on: membership.term_ends_on,
                discipline_signed: false,
                letter: None,
                issued_on: None,
            })?;
        }
        Ok(PeopleImportOutcome {
            people_added: plan.to_add.len(),
            people_updated: plan.to_update.len(),
            memberships_added: plan.memberships.len(),
        })
    }
}
