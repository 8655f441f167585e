//! What can go wrong with a studio file (`i18n` puts each into words for people).

use crate::durable;
use crate::store::FileKind;

/// What can go wrong with a studio file. Messages for people are made in `i18n`.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No file at that path.
    #[error("the file does not exist")]
    NotFound,
    /// The path is a folder.
    #[error("the path is a folder, not a file")]
    IsDirectory,
    /// The file has no bytes.
    #[error("the file is empty")]
    Empty,
    /// The file is not an `SQLite` database; it may be recognisably something else.
    #[error("the file is not a studio database{}", .looks_like.map(|k| format!(" (it looks like {k:?})")).unwrap_or_default())]
    NotSqlite {
        /// What the first bytes say it is.
        looks_like: Option<FileKind>,
    },
    /// Shorter than its own header says.
    #[error("the file is truncated (shorter than its header says)")]
    Truncated,
    /// `SQLite`'s check found damage.
    #[error("the file is damaged: {0}")]
    Corrupt(String),
    /// An `SQLite` database of another application.
    #[error("the file is an SQLite database of another application")]
    ForeignApplication,
    /// Made by a newer version of this application.
    #[error(
        "the file was made by a newer version (schema {found}, this version reads up to {supported})"
    )]
    NewerVersion {
        /// The file's schema version.
        found: i64,
        /// The newest this build knows.
        supported: i64,
    },
    /// The path is longer than Windows lets a studio file have.
    #[error("the path is too long for Windows ({length} characters)")]
    PathTooLong {
        /// Its length in characters (UTF-16 units).
        length: usize,
    },
    /// The folder to write into does not exist (e.g. a USB stick that was pulled out).
    #[error("the folder does not exist")]
    NoSuchFolder,
    /// A copy would replace a file that is not a studio file.
    #[error("the file there is not a studio file and is not replaced")]
    WouldReplaceOtherFile,
    /// A copy would replace the file that is open.
    #[error("that is the file that is open")]
    IsOpenFile,
    /// A file already exists where a new one was to be written.
    #[error("a file already exists there")]
    AlreadyExists,
    /// The file or its folder cannot be written.
    #[error("the file cannot be written (read-only)")]
    ReadOnly,
    /// Another program holds the file (`SQLite` busy, or Excel or a viewer holding a file to
    /// be replaced on Windows).
    #[error("the file is in use by another program")]
    Busy,
    /// Another window of this program (or its command line) has the file open for writing.
    #[error("the file is open for writing in another window")]
    InUse,
    /// The share file is protected with a passphrase and none was given.
    #[error("the share file is protected with a passphrase")]
    NeedsPassphrase,
    /// The passphrase does not open the share file.
    #[error("the passphrase does not open the share file")]
    WrongPassphrase,
    /// The disk (or USB stick) is full.
    #[error("the disk is full")]
    DiskFull,
    /// A share file's records differ from what its manifest says it held when it was
    /// written (damaged on the way).
    #[error("the records do not match the share file's checksum")]
    ShareChecksum,
    /// An area that still has branches in use, or a branch that still has secretaries in
    /// office, cannot be archived until they are moved or archived.
    #[error("{count} {what:?} still in use")]
    StillInUse {
        /// What is still in use.
        what: InUse,
        /// How many.
        count: i64,
    },
    /// New records cannot be put into an archived area or branch.
    #[error("the area or branch is archived")]
    Archived,
    /// A change the studio's rules refuse (a bad value the form should have caught, or one
    /// that clashes with a record saved meanwhile); nothing was written.
    #[error("refused: {0:?}")]
    Refused(Refusal),
    /// A record asked for is not (or no longer) there.
    #[error("the record no longer exists")]
    RecordNotFound,
    /// Another file's schema is not ours: it names the first table, view, trigger or index
    /// that differs.
    #[error("the file's structure differs from this program's: {0}")]
    ForeignSchema(String),
    /// The user cancelled.
    #[error("cancelled")]
    Cancelled,
    /// The file changed since the merge was planned.
    #[error("the studio changed since the merge was previewed")]
    Stale,
    /// Any other `SQLite` error.
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    /// Any other file-system error.
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
}

impl From<durable::WriteError> for Error {
    fn from(error: durable::WriteError) -> Self {
        match error {
            durable::WriteError::InUse => Self::Busy,
            durable::WriteError::ReadOnly => Self::ReadOnly,
            durable::WriteError::DiskFull => Self::DiskFull,
            durable::WriteError::NoSuchFolder => Self::NoSuchFolder,
            durable::WriteError::Other(e) => Self::Io(e),
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(error: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        if let rusqlite::Error::FromSqlConversionFailure(_, _, cause) = &error
            && cause.is::<crate::store::UnknownCode>()
        {
            return Self::Corrupt(cause.to_string());
        }
        match error.sqlite_error_code() {
            Some(ErrorCode::ReadOnly) => Self::ReadOnly,
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Self::Busy,
            Some(ErrorCode::DiskFull) => Self::DiskFull,
            Some(ErrorCode::NotADatabase) => Self::NotSqlite { looks_like: None },
            Some(ErrorCode::DatabaseCorrupt) => Self::Corrupt(error.to_string()),
            _ => Self::Sqlite(error),
        }
    }
}

/// What keeps an area or branch from being archived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InUse {
    /// Branches of the area that are not archived.
    Branches,
    /// Secretaries of the branch who are not archived.
    Secretaries,
    /// Memberships of the person in groups.
    Memberships,
}

/// Why a change of the wider practice was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// A name (or text) is required.
    NameRequired,
    /// The membership as typed is wrong.
    Member(crate::domain::league::MemberError),
    /// The letter number is held by another membership.
    LetterNoTaken(crate::domain::league::LetterNo),
    /// The person is in the group already.
    AlreadyMember,
    /// The theme party day as typed is wrong.
    ThemeDay(crate::domain::theme_day::ThemeDayError),
    /// The check-up as typed is wrong.
    Checkup(crate::domain::checkup::CheckupError),
    /// The person has a check-up of that year already.
    CheckupExists(i32),
    /// The appraisal as typed is wrong.
    Appraisal(crate::domain::appraisal::AppraisalError),
    /// The secretary has an appraisal of that year (or half) already.
    AppraisalExists,
    /// An import still has this many rows in error, and leaving them out was not chosen.
    ImportHasErrors(usize),
    /// The base, milestone or figures as typed are wrong.
    Base(crate::domain::base::BaseError),
    /// The task as typed is wrong.
    Task(crate::domain::task::TaskError),
    /// The task's progress is dated wrongly.
    TaskState(crate::domain::lifecycle::StateChangeError),
    /// The decision or its step as typed is wrong.
    Decision(crate::domain::decision::DecisionError),
    /// The official still owns this many tasks.
    OfficialHasTasks(i64),
    /// The step cannot be cleared while this later step is recorded.
    StepHasLater(crate::domain::decision::Step),
}
