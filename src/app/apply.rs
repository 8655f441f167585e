//! What each command does: navigation, writes (each one transaction, its result answered
//! to the screen that asked), files, printouts and long work.

use super::jobs::Outcome;
use super::{App, Asker, Dialog};
use crate::store::{self, Store};
use crate::ui::{Change, Command, Screen};

impl App {
    /// Applies one command, as if the shell asked for it (tests, the command line).
    pub fn apply(&mut self, command: Command) {
        self.apply_from(Asker::Shell, command);
    }

    /// Applies one command that `asker` asked for.
    pub(super) fn apply_from(&mut self, asker: Asker, command: Command) {
        let lang = self.settings.lang;
        // Leaving a form with changes waits for 保存 / 不保存 / 取消.
        let Some(command) = self.held_for_question(command) else {
            return;
        };
        match command {
            Command::Quit => self.quit(),
            Command::CloseForm => self.screens.view(self.settings.screen).discard_unsaved(),
            Command::SetPeriod(period) => self.settings.period = Some(period),
            Command::Navigate(screen) => self.settings.screen = screen,
            Command::Write(_) | Command::BackUpNow | Command::RestoreBackup(_)
                if self.read_only.is_some() =>
            {
                self.show_notice(
                    lang.read_only_reason(self.read_only == Some(true))
                        .to_owned(),
                );
            }
            Command::Write(_) if self.job.as_ref().is_some_and(|j| j.writes) => {
                self.show_notice(lang.merge_busy().to_owned());
            }
            Command::Write(change) => {
                let succeeded = self.write(&change);
                self.answer(asker, succeeded);
            }
            Command::StartImport => {
                self.dialog = Some(Dialog::Import(crate::ui::import::ImportDialog::default()));
            }
            Command::StartPeopleImport => {
                self.dialog = Some(Dialog::PeopleImport(
                    crate::ui::people_import::PeopleImportDialog::default(),
                ));
            }
            Command::ShowError(message) => self.show_error(message),
            Command::Status(message) => self.status = message,
            Command::Find => {
                self.dialog = Some(Dialog::Search(crate::ui::search::SearchDialog::default()));
            }
            Command::NewSession => {
                let draft = crate::domain::session::SessionDraft::new(self.today());
                self.screens.sessions.start_adding(draft);
                self.settings.screen = Screen::Sessions;
            }
            Command::RecordHelpVisit(pairing) => {
                let mut draft = crate::domain::session::SessionDraft::new(self.today());
                draft.kind = crate::domain::session::SessionKind::HelpVisit;
                draft.systems = crate::domain::session::Systems::default_for(draft.kind);
                draft.pairing_id = Some(pairing);
                self.screens.sessions.start_adding(draft);
                self.settings.screen = Screen::Sessions;
            }
            Command::OpenDue(target) => self.open_due(target),
            Command::RaisePairingProblem(pairing) => {
                let today = self.today();
                self.screens.problems.raise_about_pairing(today, pairing);
                self.settings.screen = Screen::Problems;
            }
            Command::Export { .. }
            | Command::Print(_)
            | Command::AskSavePdf(..)
            | Command::SavePdf(..)
            | Command::CancelWork
            | Command::AttachPictures { .. }
            | Command::Share(..)
            | Command::Archive(..)
            | Command::PlanMerge(..) => self.apply_work(command),
            Command::OpenFile(_)
            | Command::NewStudio { .. }
            | Command::SaveCopy { .. }
            | Command::CancelMerge
            | Command::ConfirmMerge
            | Command::BackUpNow
            | Command::RestoreBackup(_)
            | Command::UndoMerge => self.apply_file(command),
        }
    }

    /// Shows the record a calendar item is about, on the screen that keeps it.
    fn open_due(&mut self, target: crate::domain::calendar::DueTarget) {
        use crate::domain::calendar::DueTarget as T;
        self.settings.screen = match target {
            T::Session(id) => Screen::Session(id),
            T::ThemeDays { year, month } => {
                self.screens.theme_days.open_month(year, month);
                Screen::ThemeDays
            }
            T::Problem(id) => Screen::Problem(id),
            T::Task(id) => {
                self.screens.tasks.open_task(id);
                Screen::Tasks
            }
            T::Pairing(_) => Screen::Help,
            T::Member(_) => Screen::League,
            T::Base(id) => Screen::Base(id),
            T::PlanItem(_) => Screen::Learn,
            T::Decision(id) => {
                self.screens.decisions.open_decision(id);
                Screen::Decisions
            }
        };
    }

    /// Tells whoever asked for a write whether it was saved: the screen's form closes, or
    /// stays with what was typed.
    fn answer(&mut self, asker: Asker, succeeded: bool) {
        match asker {
            Asker::Screen(screen) => {
                self.screens.view(screen).write_finished(succeeded);
                self.saved_before_leaving(asker, succeeded);
            }
            Asker::Dialog => {
                let (finished, to_roster) = match &mut self.dialog {
                    Some(Dialog::Import(import)) => (import.write_finished(succeeded), true),
                    Some(Dialog::PeopleImport(import)) => (import.write_finished(succeeded), false),
                    _ => (false, false),
                };
                if finished {
                    self.dialog = None;
                    if to_roster {
                        self.settings.screen = Screen::Roster;
                    }
                }
            }
            Asker::Shell => {}
        }
    }

    /// Writes one change in one transaction and says what became of it; returns whether it
    /// was saved.
    fn write(&mut self, change: &Change) -> bool {
        let lang = self.settings.lang;
        // Undoing the merge after this would take this change away too; settling what the
        // merge left for review goes with the merge.
        if !matches!(
            change,
            Change::TakeOtherVersion(..)
                | Change::KeepVersion(..)
                | Change::LinkDuplicate(..)
                | Change::MarkDistinct(..)
        ) {
            self.merge_undo = None;
        }
        // An import changes many records at once: the file is backed up first.
        if matches!(change, Change::ImportRoster(_) | Change::ImportPeople(..))
            && let Err(error) = self.store.backup_before("导入前")
        {
            self.show_error(lang.store_error(&error));
            return false;
        }
        let today = self.today();
        // Who edits problems at this computer is remembered for the next edit.
        if let Change::UpdateProblem { actor, .. } = change
            && !actor.is_empty()
        {
            actor.clone_into(&mut self.settings.actor);
        }
        let actor = self.settings.actor.clone();
        match self
            .store
            .write(|writer| apply_change(writer, change, today, &actor))
        {
            Ok(then) => {
                self.saved(change, then);
                true
            }
            // A rule that refuses a change is not a failure: say so plainly.
            Err(
                error @ (store::Error::StillInUse { .. }
                | store::Error::Archived
                | store::Error::Refused(_)),
            ) => {
                self.show_notice(lang.store_error(&error));
                false
            }
            Err(error) => {
                self.offer_copy = matches!(
                    error,
                    store::Error::DiskFull | store::Error::ReadOnly | store::Error::InUse
                );
                self.show_error(lang.write_failed(&error));
                false
            }
        }
    }

    /// After a saved change: the status line says so (with Undo after a deletion) and the
    /// screen it opens is shown.
    fn saved(&mut self, change: &Change, then: Option<Screen>) {
        let lang = self.settings.lang;
        lang.saved().clone_into(&mut self.status);
        self.undo = None;
        match (change, then) {
            (Change::DeleteSession(id), _) => {
                lang.session_deleted().clone_into(&mut self.status);
                self.undo = Some(Change::RestoreSession(*id));
                self.settings.screen = Screen::Sessions;
            }
            (Change::RestoreSession(id), _) => {
                lang.session_restored().clone_into(&mut self.status);
                self.settings.screen = Screen::Session(*id);
            }
            (Change::DeleteProblem(id), _) => {
                lang.problem_deleted().clone_into(&mut self.status);
                self.undo = Some(Change::RestoreProblem(*id));
                self.settings.screen = Screen::Problems;
            }
            (Change::DeleteRecord(record), _) => {
                match record {
                    crate::store::SystemRecord::Picture(_) => lang.picture_deleted(),
                    _ => lang.record_deleted(),
                }
                .clone_into(&mut self.status);
                self.undo = Some(Change::RestoreRecord(*record));
            }
            (Change::RestoreRecord(crate::store::SystemRecord::Picture(_)), _) => {
                lang.picture_restored().clone_into(&mut self.status);
            }
            (Change::RestoreProblem(id), _) => {
                lang.problem_restored().clone_into(&mut self.status);
                self.settings.screen = Screen::Problem(*id);
            }
            (Change::FindingToProblem(_), _) => {
                lang.finding_made_problem().clone_into(&mut self.status);
            }
            (Change::ImportRoster(plan), _) => {
                self.status = lang.imported(plan.to_add.len(), plan.to_update.len());
            }
            (Change::ImportPeople(plan, _), _) => {
                self.status = lang.people_imported(crate::store::PeopleImportOutcome {
                    people_added: plan.to_add.len(),
                    people_updated: plan.to_update.len(),
                    memberships_added: plan.memberships.len(),
                });
            }
            (_, Some(screen)) => self.settings.screen = screen,
            _ => {}
        }
    }

    /// Printouts, exports and share and merge files: long work on a worker thread.
    fn apply_work(&mut self, command: Command) {
        let lang = self.settings.lang;
        match command {
            Command::Export {
                ledger,
                period,
                path,
            } => {
                let today = self.today();
                let title = ledger.title(lang).to_owned();
                self.start_work(title, move |store, progress| {
                    let rows =
                        crate::export::export(store, ledger, lang, period, today, &path, progress)?;
                    Ok(Outcome::Exported { path, rows })
                });
            }
            Command::Print(printable) => self.print(printable, None),
            Command::AskSavePdf(printable, format) => match self.print_path(printable, format) {
                Ok(path) => {
                    self.dialog = Some(Dialog::SavePdf(crate::ui::save_pdf::SavePdfDialog::new(
                        printable, &path, format,
                    )));
                }
                Err(message) => self.show_error(message),
            },
            Command::SavePdf(printable, path) => self.print(printable, Some(path)),
            Command::CancelWork => {
                if let Some(job) = &self.job {
                    job.cancel();
                }
            }
            Command::AttachPictures {
                owner,
                kind,
                caption,
                paths,
            } => self.attach_pictures(owner, kind, caption, paths),
            Command::Archive(period, target) => {
                let today = self.today();
                self.start_work(lang.archive_working().to_owned(), move |store, progress| {
                    let summary =
                        crate::archive::write(store, lang, period, today, &target, progress)?;
                    Ok(Outcome::Archived(summary))
                });
            }
            Command::Share(path, passphrase, thumbnails_only) => {
                self.exchange_folder = path.parent().map(std::path::Path::to_owned);
                self.start_work(lang.share_working().to_owned(), move |store, progress| {
                    let manifest = store
                        .share_as(&path, passphrase.as_deref(), thumbnails_only, progress)
                        .map_err(|e| match e {
                            store::Error::Cancelled => crate::work::WorkError::Cancelled,
                            other => crate::work::WorkError::Failed(lang.save_error(&path, &other)),
                        })?;
                    Ok(Outcome::Shared { path, manifest })
                });
            }
            Command::PlanMerge(path, passphrase) => {
                self.exchange_folder = path.parent().map(std::path::Path::to_owned);
                let title = lang.merge_reading().to_owned();
                self.start_work(title, move |store, progress| {
                    let preview = store
                        .plan_merge_with(&path, passphrase.as_deref(), progress)
                        .map_err(|e| match e {
                            store::Error::Cancelled => crate::work::WorkError::Cancelled,
                            other => {
                                crate::work::WorkError::Failed(lang.merge_error(&path, &other))
                            }
                        })?;
                    Ok(Outcome::MergePlanned(Box::new(preview)))
                });
            }
            other => debug_assert!(false, "not long work: {other:?}"),
        }
    }

    /// Studio files: open, create, copy, back up, restore; confirm, cancel or undo a merge.
    fn apply_file(&mut self, command: Command) {
        let lang = self.settings.lang;
        match command {
            Command::OpenFile(path) => self.open_file(&path),
            Command::NewStudio { path, name, town } => {
                let name = if name.is_empty() {
                    lang.default_studio_name().to_owned()
                } else {
                    name
                };
                match Store::create(&path, &name, &town) {
                    Ok(store) => {
                        self.dialog = None;
                        self.replace_store(store, &path);
                    }
                    Err(error) => self.show_error(lang.save_error(&path, &error)),
                }
            }
            Command::SaveCopy { path, replace } => match self.store.save_copy(&path, replace) {
                Ok(()) => {
                    self.dialog = None;
                    if self.read_only.is_some() {
                        // The copy is what the coordinator goes on working in.
                        self.open_file(&path);
                    }
                    self.status = lang.copy_saved(&path);
                }
                Err(error) => self.show_error(lang.save_error(&path, &error)),
            },
            Command::CancelMerge => {
                let previewed = match self.dialog.take() {
                    Some(Dialog::MergePreview(preview)) => Some(preview),
                    other => {
                        self.dialog = other;
                        None
                    }
                };
                if previewed.is_some_and(|p| !p.is_empty()) {
                    lang.merge_cancelled().clone_into(&mut self.status);
                } else {
                    self.status.clear();
                }
            }
            Command::ConfirmMerge => self.confirm_merge(),
            Command::BackUpNow => match self.store.backup_before("手动") {
                Ok(Some(path)) => self.status = lang.backed_up(&path),
                Ok(None) => {}
                Err(error) => self.show_error(lang.store_error(&error)),
            },
            Command::RestoreBackup(path) => match self.store.restore_backup(&path) {
                Ok(before) => {
                    self.undo = None;
                    self.merge_undo = None;
                    self.status = lang.restored(before.as_deref());
                }
                Err(error) => self.show_error(lang.store_error(&error)),
            },
            Command::UndoMerge => {
                if let Some(backup) = self.merge_undo.take() {
                    match self.store.restore_from(&backup) {
                        Ok(()) => {
                            self.undo = None;
                            lang.merge_undone().clone_into(&mut self.status);
                        }
                        Err(error) => self.show_error(lang.store_error(&error)),
                    }
                }
            }
            other => debug_assert!(false, "not a file command: {other:?}"),
        }
    }
}

/// Writes one change; returns the screen to show next, if the change opens one.
fn apply_change(
    writer: &mut store::Writer<'_>,
    change: &Change,
    today: chrono::NaiveDate,
    actor: &str,
) -> store::Result<Option<Screen>> {
    match change {
        Change::AddSession(fields) => {
            return writer
                .add_session(fields)
                .map(|id| Some(Screen::Session(id)));
        }
        Change::UpdateSession(id, fields) => writer.update_session(*id, fields),
        Change::DeleteSession(id) => writer.delete_session(*id),
        Change::RestoreSession(id) => writer.restore_session(*id),
        Change::SetAttendance(session, marks) => marks
            .iter()
            .try_for_each(|mark| writer.set_attendance(*session, mark)),
        Change::AddProblem(fields) => writer.add_problem(fields, "").map(|_| ()),
        Change::UpdateProblem {
            id,
            fields,
            state,
            date,
            note,
            actor: editor,
        } => {
            writer.update_problem(*id, fields)?;
            if note.is_empty() {
                Ok(())
            } else {
                writer.record_problem_event(*id, *state, *date, editor, note, None)
            }
        }
        Change::RecordProblemEvent {
            problem,
            state,
            date,
            actor,
            note,
            session,
        } => writer.record_problem_event(*problem, *state, *date, actor, note, *session),
        Change::DeleteProblem(id) => writer.delete_problem(*id),
        Change::RestoreProblem(id) => writer.restore_problem(*id),
        Change::AddSecretary(fields) => writer.add_secretary(fields).map(|_| ()),
        Change::UpdateSecretary(id, fields) => writer.update_secretary(*id, fields),
        Change::SetSecretaryArchived(id, archived) => writer.set_secretary_archived(*id, *archived),
        Change::AddArea(name) => writer.add_area(name).map(|_| ()),
        Change::RenameArea(id, name) => writer.rename_area(*id, name),
        Change::SetAreaArchived(id, archived) => writer.set_area_archived(*id, *archived),
        Change::AddBranch(name, kind, area) => writer.add_branch(name, *kind, *area).map(|_| ()),
        Change::UpdateBranch(id, name, kind, area) => writer.update_branch(*id, name, *kind, *area),
        Change::SetBranchArchived(id, archived) => writer.set_branch_archived(*id, *archived),
        Change::ImportRoster(plan) => writer.apply_roster_import(plan).map(|_| ()),
        Change::ImportPeople(plan, skip_rejected) => {
            writer.apply_people_import(plan, *skip_rejected).map(|_| ())
        }
        Change::AddPlanItem {
            year,
            month,
            title,
            kind,
        } => writer
            .add_plan_item(*year, *month, title, *kind)
            .map(|_| ()),
        Change::UpdatePlanItem {
            id,
            month,
            title,
            kind,
        } => writer.update_plan_item(*id, *month, title, *kind),
        Change::DeleteRecord(record) => writer.set_record_deleted(*record, true),
        Change::RestoreRecord(record) => writer.set_record_deleted(*record, false),
        Change::AddPairing(fields) => writer.add_pairing(fields).map(|_| ()),
        Change::UpdatePairing(id, fields) => writer.update_pairing(*id, fields),
        Change::SetSetting(key, value) => writer.set_setting(key, value),
        Change::SetPicture(id, kind, caption) => writer.set_picture(*id, *kind, caption),
        Change::SetDocumentHeads(letterhead, signer) => writer
            .set_setting(crate::store::LETTERHEAD_KEY, letterhead.trim())
            .and_then(|()| writer.set_setting(crate::store::SIGNER_KEY, signer.trim())),
        Change::UpdateCriterion {
            id,
            name,
            max_score,
            target_per_year,
        } => writer.update_criterion(*id, name, *max_score, *target_per_year),
        Change::UpdateCriteria(rows, thresholds) => {
            for (id, name, max_score, target) in rows {
                writer.update_criterion(*id, name, *max_score, *target)?;
            }
            writer.set_setting(crate::domain::assessment::STAR_THRESHOLDS_KEY, thresholds)
        }
        Change::SetScores(secretary, period, scores) => scores
            .iter()
            .try_for_each(|(c, s)| writer.set_score(*c, *secretary, *period, s.as_ref())),
        Change::SetPointsRules(rules) => rules
            .iter()
            .try_for_each(|(event, points)| writer.set_points_rule(*event, *points)),
        Change::AddAward(secretary, on, points, reason) => writer
            .add_award(*secretary, *on, *points, reason)
            .map(|_| ()),
        Change::AddHonour(secretary, on, kind, reason) => writer
            .add_honour(*secretary, *on, *kind, reason)
            .map(|_| ()),
        Change::CommendPair(pair, on, reason) => pair.iter().try_for_each(|who| {
            writer
                .add_honour(
                    *who,
                    *on,
                    crate::domain::points::HonourKind::Commendation,
                    reason,
                )
                .map(|_| ())
        }),
        Change::AddNote(fields) => writer.add_note(fields).map(|_| ()),
        Change::UpdateNote(id, fields) => writer.update_note(*id, fields),
        Change::AddNotice(fields) => writer.add_notice(fields).map(|_| ()),
        Change::UpdateNotice(id, fields) => writer.update_notice(*id, fields),
        Change::UpdateResponsibilities(responsibilities) => responsibilities
            .iter()
            .try_for_each(|r| writer.update_responsibility(r)),
        Change::TakeOtherVersion(id, note) => writer
            .note_settled_conflict(*id, note, today, actor)
            .and_then(|()| writer.take_other_version(*id)),
        Change::KeepVersion(id, note) => writer
            .note_settled_conflict(*id, note, today, actor)
            .and_then(|()| writer.settle_conflict(*id)),
        Change::LinkDuplicate(keep, other, theirs) => writer.link_duplicate(*keep, *other, *theirs),
        Change::MarkDistinct(keep, other) => writer.mark_distinct(*keep, *other),
        Change::AddPerson(fields) => writer.add_person(fields).map(|_| ()),
        Change::UpdatePerson(id, fields) => writer.update_person(*id, fields),
        Change::AddGroup(name, discipline) => writer.add_group(name, discipline).map(|_| ()),
        Change::UpdateGroup(id, name, discipline) => writer.update_group(*id, name, discipline),
        Change::SetGroupArchived(id, archived) => writer.set_group_archived(*id, *archived),
        Change::AddMember(fields) => writer.add_member(fields).map(|_| ()),
        Change::UpdateMember(id, fields) => writer.update_member(*id, fields),
        Change::IssueLetters(members, on) => writer.issue_letters(members, *on).map(|_| ()),
        Change::SetSessionGuests(session, guests) => writer.set_session_guests(*session, guests),
        Change::SetThemeDays(days) => days
            .iter()
            .try_for_each(|day| writer.set_theme_day(day, today).map(|_| ())),
        Change::SaveCheckup(id, fields) => writer.save_checkup(*id, fields).map(|_| ()),
        Change::AddFinding(checkup, text) => writer.add_finding(*checkup, text).map(|_| ()),
        // The check-up stays in view, for its next finding; the finding links to its problem.
        Change::FindingToProblem(finding) => writer
            .finding_to_problem(*finding, today, actor)
            .map(|_| ()),
        Change::UpdateIndicators(rows, new, settings) => {
            for (id, name, max) in rows {
                writer.update_indicator(*id, name, *max)?;
            }
            for (name, max) in new {
                writer.add_indicator(name, *max)?;
            }
            settings
                .iter()
                .try_for_each(|(key, value)| writer.set_setting(key, value))
        }
        Change::SaveAppraisal(id, fields) => writer.save_appraisal(*id, fields).map(|_| ()),
        Change::AddBase(fields) => {
            return writer.add_base(fields).map(|id| Some(Screen::Base(id)));
        }
        Change::UpdateBase(id, fields) => writer.update_base(*id, fields),
        Change::SetBaseFigures(base, figures) => writer.set_base_figures(*base, figures),
        Change::AddMilestone(base, fields) => {
            writer.add_milestone(*base, fields, today).map(|_| ())
        }
        Change::UpdateMilestone(id, fields) => writer.update_milestone(*id, fields, today),
        Change::AddOfficial(fields) => writer.add_official(fields).map(|_| ()),
        Change::UpdateOfficial(id, fields) => writer.update_official(*id, fields),
        Change::AddTask(fields) => writer.add_task(fields, actor).map(|_| ()),
        Change::UpdateTask(id, fields) => writer.update_task(*id, fields),
        Change::RecordTaskProgress(id, state, date, note) => {
            writer.record_task_progress(*id, *state, *date, note, actor, today)
        }
        Change::AddDecision(fields) => writer.add_decision(fields).map(|_| ()),
        Change::UpdateDecision(id, fields) => writer.update_decision(*id, fields),
        Change::SetDecisionStep(id, step, record) => {
            writer.set_decision_step(*id, *step, record.as_ref(), today)
        }
        Change::AddCriterion(name, part, max_score, source) => writer
            .add_criterion(name, *part, *max_score, *source, 0.0)
            .map(|_| ()),
    }
    .map(|()| None)
}
