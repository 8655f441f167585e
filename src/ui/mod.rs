//! The screens, and the contract every one of them keeps ([`View`]).
//!
//! A screen is a struct owning what the user is typing or choosing on it. Each frame the
//! shell hands it a read-only [`ViewContext`] (the store, the language, today, the shared
//! names) and the screen draws, returning [`Command`]s: the shell applies them after the
//! frame, each write in one transaction, and tells the screen that asked whether its write
//! was saved ([`View::write_finished`]). Data a screen shows is kept in a [`data::Memo`],
//! loaded off the window's thread once per store generation.
//!
//! Adding a screen: a struct with `#[derive(Default)]` implementing [`View`], a [`Screen`]
//! variant, its field in `app/screens.rs` (`Screens`), and its label in the navigation.

pub mod appraise;
pub mod areas;
pub mod backups;
pub mod bases;
pub mod browse;
pub mod calendar;
pub mod communicate;
pub mod compare;
pub mod dashboard;
pub mod data;
pub mod decisions;
pub mod documents;
pub mod drafts;
pub mod export;
pub mod file_dialog;
pub mod help;
pub mod import;
pub mod incentivise;
pub mod league;
pub mod learn;
pub mod merge;
pub mod people_import;
pub mod pictures;
pub mod problems;
pub mod review;
pub mod roster;
pub mod save_pdf;
pub mod search;
pub mod secretary;
pub mod sessions;
pub mod tasks;
pub mod theme_days;
pub mod widgets;

use crate::domain::assessment::{CriterionId, CriterionPart, ManualScore};
use crate::domain::exchange::{NoteFields, NoticeFields, NoticeId, Responsibility};
use crate::domain::import_plan::RosterImportPlan;
use crate::domain::learning::{PlanItemId, StudyKind};
use crate::domain::pairing::{PairingFields, PairingId};
use crate::domain::period::Period;
use crate::domain::points::{HonourKind, NoteId, PointsEvent};
use crate::domain::problem::{ProblemFields, ProblemState};
use crate::domain::session::{AttendanceMark, SessionFields};
use crate::domain::{
    AreaId, BranchId, BranchKind, ProblemId, SecretaryFields, SecretaryId, SessionId,
};
use crate::i18n::Lang;
use crate::store::Store;
use crate::store::SystemRecord;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The screens of the navigation panel (and the secretary page reached from the roster).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Screen {
    /// 概览
    #[default]
    Dashboard,
    /// 花名册
    Roster,
    /// 片区与支部
    AreasBranches,
    /// One secretary's page.
    Secretary(SecretaryId),
    /// 活动台账
    Sessions,
    /// One session's page.
    Session(SessionId),
    /// 难题台账
    Problems,
    /// One problem's page.
    Problem(ProblemId),
    /// 学习
    Learn,
    /// 帮扶
    Help,
    /// 比拼
    Compare,
    /// 交流
    Communicate,
    /// 激励
    Incentivise,
    /// 核对合并结果
    Review,
    /// 百人团
    League,
    /// 主题党日
    ThemeDays,
    /// 党性体检与述职评议
    Appraise,
    /// 日程: what is due, by month
    Calendar,
    /// 产业基地
    Bases,
    /// One base's page.
    Base(crate::domain::base::BaseId),
    /// 两三三: officials, duties and tasks
    Tasks,
    /// 四议两公开
    Decisions,
}

impl Screen {
    /// A record's page belongs to one file: in another (or after a restart) its list is shown.
    #[must_use]
    pub fn list_of_record(self) -> Self {
        match self {
            Self::Secretary(_) => Self::Roster,
            Self::Session(_) => Self::Sessions,
            Self::Problem(_) => Self::Problems,
            Self::Base(_) => Self::Bases,
            other => other,
        }
    }
}

/// One screen of the app: it draws from a read-only context and asks for changes by
/// returning commands; nothing outside it touches its fields.
pub trait View {
    /// Draws the screen; returns what it asks the shell to do.
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &ViewContext<'_>) -> Vec<Command>;

    /// A write this screen asked for is done: `succeeded` says whether it was saved (a form
    /// closes) or refused (the form stays, with what was typed).
    fn write_finished(&mut self, succeeded: bool) {
        let _ = succeeded;
    }

    /// Another studio file was opened: what was typed for the old one is dropped.
    fn file_changed(&mut self) {}

    /// Typed work on this screen not yet saved (a form with changes), if any: the shell asks
    /// 保存 / 不保存 / 取消 before it is left behind, and keeps it on disk against a crash.
    fn unsaved(&self) -> Option<drafts::Draft> {
        None
    }

    /// Drops the typed work not yet saved (the user chose 不保存).
    fn discard_unsaved(&mut self) {
        self.file_changed();
    }

    /// Puts back a draft kept from before a crash; false if this screen does not hold it.
    fn restore(&mut self, draft: &drafts::Draft) -> bool {
        let _ = draft;
        false
    }
}

/// What a screen may read while it draws.
pub struct ViewContext<'a> {
    /// The screen shown (a record page reads its record's id from it).
    pub screen: Screen,
    /// The open studio.
    pub store: &'a Store,
    /// The interface language.
    pub lang: Lang,
    /// Today's date, for validation (fixed in tests).
    pub today: NaiveDate,
    /// Loads what screens show (see [`data::Memo`]).
    pub loader: &'a data::Loader,
    /// The names of people, branches and areas, once they are loaded.
    pub names: Option<&'a data::Names>,
    /// The period 比拼 and 激励 work on, shared and remembered.
    pub period: Period,
    /// Who works at this computer (the last 经办人 typed), offered for the next step.
    pub actor: &'a str,
}

impl<'a> ViewContext<'a> {
    /// The shared names; until they are loaded, a quiet placeholder is drawn and `None`
    /// returned (the screen draws nothing more this frame).
    pub fn names_or_wait(&self, ui: &mut egui::Ui) -> Option<&'a data::Names> {
        if self.names.is_none() {
            data::waiting(ui, self.lang);
        }
        self.names
    }
}

/// A change to the studio's records, applied by the app in one transaction.
#[derive(Debug, Clone)]
pub enum Change {
    /// Add a secretary.
    AddSecretary(SecretaryFields),
    /// Replace a secretary's fields.
    UpdateSecretary(SecretaryId, SecretaryFields),
    /// Archive (true) or restore (false) a secretary.
    SetSecretaryArchived(SecretaryId, bool),
    /// Add an area.
    AddArea(String),
    /// Rename an area.
    RenameArea(AreaId, String),
    /// Archive or restore an area.
    SetAreaArchived(AreaId, bool),
    /// Add a branch.
    AddBranch(String, BranchKind, Option<AreaId>),
    /// Change a branch's name, kind and area.
    UpdateBranch(BranchId, String, BranchKind, Option<AreaId>),
    /// Archive or restore a branch.
    SetBranchArchived(BranchId, bool),
    /// Apply a previewed roster import.
    ImportRoster(Box<RosterImportPlan>),
    /// Apply a previewed people import (leaving the rows in error out if `true`).
    ImportPeople(Box<crate::domain::people_import::PeopleImportPlan>, bool),
    /// Add a session (then open its page).
    AddSession(Box<SessionFields>),
    /// Replace a session's fields and lists.
    UpdateSession(SessionId, Box<SessionFields>),
    /// Set the letterhead and the signer of printed documents.
    SetDocumentHeads(String, String),
    /// Set a picture's kind and caption.
    SetPicture(
        crate::domain::picture::PictureId,
        crate::domain::picture::PictureKind,
        String,
    ),
    /// Delete a session (with an Undo).
    DeleteSession(SessionId),
    /// Bring a deleted session back.
    RestoreSession(SessionId),
    /// Mark attendance at a session.
    SetAttendance(SessionId, Vec<AttendanceMark>),
    /// Raise a problem.
    AddProblem(Box<ProblemFields>),
    /// Replace a problem's fields.
    UpdateProblem {
        /// Which problem.
        id: ProblemId,
        /// Its fields as they will be.
        fields: Box<ProblemFields>,
        /// Its state now (the history entry of the edit keeps it).
        state: ProblemState,
        /// The day of the edit.
        date: chrono::NaiveDate,
        /// What changed, for the history (empty: nothing to record).
        note: String,
        /// Who made the edit (经办人 of the history line).
        actor: String,
    },
    /// Record a change of a problem's state.
    RecordProblemEvent {
        /// Which problem.
        problem: ProblemId,
        /// Its new state.
        state: ProblemState,
        /// When.
        date: chrono::NaiveDate,
        /// Who made the change.
        actor: String,
        /// What was done; for a resolution, the resolution.
        note: String,
        /// The session where it was followed up, if any.
        session: Option<SessionId>,
    },
    /// Delete a problem (with an Undo).
    DeleteProblem(ProblemId),
    /// Bring a deleted problem back.
    RestoreProblem(ProblemId),
    /// Add an item to a year's learning plan.
    AddPlanItem {
        /// The plan's year.
        year: i32,
        /// Target month.
        month: u32,
        /// What to study.
        title: String,
        /// How.
        kind: StudyKind,
    },
    /// Change a plan item.
    UpdatePlanItem {
        /// Which.
        id: PlanItemId,
        /// Target month.
        month: u32,
        /// What to study.
        title: String,
        /// How.
        kind: StudyKind,
    },
    /// Delete a record of the five systems (with an Undo).
    DeleteRecord(SystemRecord),
    /// Bring it back.
    RestoreRecord(SystemRecord),
    /// Add a pairing.
    AddPairing(PairingFields),
    /// Change a pairing.
    UpdatePairing(PairingId, PairingFields),
    /// Change a studio-wide setting.
    SetSetting(&'static str, String),
    /// Change a criterion's name, maximum and yearly target.
    UpdateCriterion {
        /// Which.
        id: CriterionId,
        /// Name.
        name: String,
        /// Full marks.
        max_score: f64,
        /// What earns full marks in a year.
        target_per_year: f64,
    },
    /// Change the criteria sheet (name, maximum, yearly target of each) and the star
    /// thresholds, together.
    UpdateCriteria(Vec<(CriterionId, String, f64, f64)>, String),
    /// Enter (or clear) hand-entered scores of one secretary for a period.
    SetScores(SecretaryId, Period, Vec<(CriterionId, Option<ManualScore>)>),
    /// Change the points of rules.
    SetPointsRules(Vec<(PointsEvent, i64)>),
    /// Award (or deduct) points by hand.
    AddAward(SecretaryId, NaiveDate, i64, String),
    /// Commend or criticise.
    AddHonour(SecretaryId, NaiveDate, HonourKind, String),
    /// Commend both secretaries of a pairing (the red list's "best pair").
    CommendPair([SecretaryId; 2], NaiveDate, String),
    /// Add an experience note.
    AddNote(NoteFields),
    /// Change an experience note.
    UpdateNote(NoteId, NoteFields),
    /// Post a notice.
    AddNotice(NoticeFields),
    /// Change a notice.
    UpdateNotice(NoticeId, NoticeFields),
    /// Change the responsibilities' names, holders and terms, together.
    UpdateResponsibilities(Vec<Responsibility>),
    /// Take the losing version of a merge conflict instead.
    TakeOtherVersion(i64, String),
    /// Keep the version that won a merge conflict.
    KeepVersion(i64, String),
    /// Fold the second secretary into the first (the same person entered twice), taking the
    /// second's details if `true`.
    LinkDuplicate(SecretaryId, SecretaryId, bool),
    /// Two secretaries of the same name and branch are different people.
    MarkDistinct(SecretaryId, SecretaryId),
    /// Add a person to the people register.
    AddPerson(Box<crate::domain::league::PersonFields>),
    /// Change a person of the register.
    UpdatePerson(
        crate::domain::league::PersonId,
        Box<crate::domain::league::PersonFields>,
    ),
    /// Add a group (name, discipline requirements).
    AddGroup(String, String),
    /// Rename a group and set its discipline requirements.
    UpdateGroup(crate::domain::league::GroupId, String, String),
    /// Archive or restore a group.
    SetGroupArchived(crate::domain::league::GroupId, bool),
    /// Put a person into a group.
    AddMember(crate::domain::league::MemberFields),
    /// Change a membership.
    UpdateMember(
        crate::domain::league::MemberId,
        crate::domain::league::MemberFields,
    ),
    /// Issue letters of appointment (numbering those without one) on a day.
    IssueLetters(Vec<crate::domain::league::MemberId>, NaiveDate),
    /// Set the guests (列席) of a session.
    SetSessionGuests(SessionId, Vec<crate::domain::league::PersonId>),
    /// Record theme party days (a month of branches at once).
    SetThemeDays(Vec<crate::domain::theme_day::ThemeDayFields>),
    /// Save a check-up (new if no id).
    SaveCheckup(
        Option<crate::domain::checkup::CheckupId>,
        Box<crate::domain::checkup::CheckupFields>,
    ),
    /// Add a finding to a check-up.
    AddFinding(crate::domain::checkup::CheckupId, String),
    /// Turn a finding into a problem of the ledger (then open it).
    FindingToProblem(crate::domain::checkup::FindingId),
    /// Change the check-up's indicators (name, full marks), add new ones and set the
    /// scoring rules' settings, together.
    UpdateIndicators(
        Vec<(crate::domain::checkup::IndicatorId, String, f64)>,
        Vec<(String, f64)>,
        Vec<(&'static str, String)>,
    ),
    /// Save a duty report and its appraisal (new if no id).
    SaveAppraisal(
        Option<crate::domain::appraisal::AppraisalId>,
        Box<crate::domain::appraisal::AppraisalFields>,
    ),
    /// Add an industry demonstration base (then open its page).
    AddBase(Box<crate::domain::base::BaseFields>),
    /// Change a base.
    UpdateBase(
        crate::domain::base::BaseId,
        Box<crate::domain::base::BaseFields>,
    ),
    /// Record (or clear, when empty) a year's figures of a base.
    SetBaseFigures(
        crate::domain::base::BaseId,
        crate::domain::base::BaseFigures,
    ),
    /// Add a milestone to a base.
    AddMilestone(
        crate::domain::base::BaseId,
        crate::domain::base::MilestoneFields,
    ),
    /// Change a milestone.
    UpdateMilestone(
        crate::domain::base::MilestoneId,
        crate::domain::base::MilestoneFields,
    ),
    /// Add an official with their duties.
    AddOfficial(crate::domain::task::OfficialFields),
    /// Change an official.
    UpdateOfficial(
        crate::domain::task::OfficialId,
        crate::domain::task::OfficialFields,
    ),
    /// Add a task.
    AddTask(Box<crate::domain::task::TaskFields>),
    /// Change a task's fields.
    UpdateTask(
        crate::domain::task::TaskId,
        Box<crate::domain::task::TaskFields>,
    ),
    /// Record progress on a task: state, day, note.
    RecordTaskProgress(
        crate::domain::task::TaskId,
        crate::domain::task::TaskState,
        NaiveDate,
        String,
    ),
    /// Add a village decision.
    AddDecision(crate::domain::decision::DecisionFields),
    /// Change a decision's own fields.
    UpdateDecision(
        crate::domain::decision::DecisionId,
        crate::domain::decision::DecisionFields,
    ),
    /// Record (or clear, with `None`) one step of a decision.
    SetDecisionStep(
        crate::domain::decision::DecisionId,
        crate::domain::decision::Step,
        Option<crate::domain::decision::StepRecord>,
    ),
    /// Add a criterion with where its score comes from (by hand, or computed from records).
    AddCriterion(
        String,
        CriterionPart,
        f64,
        crate::domain::assessment::CriterionSource,
    ),
}

/// What a screen asks the app to do after the frame.
#[derive(Debug, Clone)]
#[must_use]
pub enum Command {
    /// Show another screen.
    Navigate(Screen),
    /// Write a change; on success the form that asked for it may close.
    Write(Change),
    /// Open the roster import dialog.
    StartImport,
    /// Open the dialog that imports people into the register and the groups.
    StartPeopleImport,
    /// Open a studio file.
    OpenFile(PathBuf),
    /// Create a new studio file and open it.
    NewStudio {
        /// Where.
        path: PathBuf,
        /// The studio's name.
        name: String,
        /// The town.
        town: String,
    },
    /// Save a consistent copy of the open studio (replacing a file there if `replace`).
    SaveCopy {
        /// Where.
        path: PathBuf,
        /// The user agreed to replace an existing file.
        replace: bool,
    },
    /// Say something on the status line (already in the user's language).
    Status(String),
    /// Show an error message (already in the user's language).
    ShowError(String),
    /// Export a ledger to a file.
    Export {
        /// Which.
        ledger: crate::export::Ledger,
        /// Only this period (all time if none).
        period: Option<Period>,
        /// The `.xlsx` or `.csv` file.
        path: PathBuf,
    },
    /// Print a document: write the PDF into the documents folder and open it in the viewer.
    Print(crate::print::Printable),
    /// Ask where to save a document as PDF or Word.
    AskSavePdf(crate::print::Printable, crate::print::DocFormat),
    /// Save a document at a path the user chose (PDF, or Word if it ends in `.docx`).
    SavePdf(crate::print::Printable, PathBuf),
    /// Read, check and attach pictures to a session or problem (on a worker thread; the
    /// files refused are named with why).
    AttachPictures {
        /// What they belong to.
        owner: crate::domain::picture::PictureOwner,
        /// Photos or scans.
        kind: crate::domain::picture::PictureKind,
        /// Their caption.
        caption: String,
        /// The files.
        paths: Vec<PathBuf>,
    },
    /// Stop the long work running (nothing is written).
    CancelWork,
    /// Write a share file for another village (without the pictures' originals if `true`).
    Share(PathBuf, Option<String>, bool),
    /// Write the archive of a period into a folder.
    Archive(Period, PathBuf),
    /// Read another village's file and preview merging it (nothing is written).
    PlanMerge(PathBuf, Option<String>),
    /// Merge the previewed file (after a backup).
    ConfirmMerge,
    /// Close the merge preview without merging.
    CancelMerge,
    /// Put back the file as it was before the last merge.
    UndoMerge,
    /// Back the studio file up now.
    BackUpNow,
    /// Put a backup back in place of the studio file (after backing it up).
    RestoreBackup(PathBuf),
    /// Work on another period in 比拼 and 激励 (remembered).
    SetPeriod(Period),
    /// Open the session form for a new session (Ctrl+N).
    NewSession,
    /// Open 查找 over everything (Ctrl+K).
    Find,
    /// Close the window (File → 退出), asking first about unsaved work.
    Quit,
    /// Close the form open on the screen (Esc), asking first if it holds changes.
    CloseForm,
    /// Open the session form for a help visit of a pairing.
    RecordHelpVisit(PairingId),
    /// Open the problem form for a problem hanging on a pairing.
    RaisePairingProblem(PairingId),
    /// Open the record an item of the calendar is about.
    OpenDue(crate::domain::calendar::DueTarget),
}
