//! The schema: migrations indexed by `PRAGMA user_version`. An entry is never edited or
//! removed once released; a change is a new entry at the end.
//!
//! Every table but `local` holds records that travel between files, and each carries the same
//! columns: `id` (a compact local key for joins), `uuid` (16-byte `UUIDv7`, the identity across
//! files), `origin_site` (the file that created it), `hlc` and `hlc_site` (the logical clock of
//! its last change and the site that made it), and `deleted` (a tombstone, never a physical
//! delete). `local` holds facts about this one file (its site, the highest clock seen) and never
//! travels.

/// `PRAGMA application_id` of every studio file: "`ShuJ`" (书记).
pub const APPLICATION_ID: i32 = 0x5368_754A;

/// The migrations; `user_version` is the number applied.
pub const MIGRATIONS: &[&str] = &[V1, V2];

/// The schema version this build writes.
pub fn current_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// Tables whose rows are records (everything but `local`).
pub const RECORD_COLUMNS: &[&str] = &["id", "uuid", "origin_site", "hlc", "hlc_site", "deleted"];

const V1: &str = r"
CREATE TABLE local (
    key TEXT PRIMARY KEY,
    value ANY
) STRICT;

CREATE TABLE site (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    label TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE studio (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    name TEXT NOT NULL,
    town TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE area (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
) STRICT;

CREATE TABLE branch (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind TEXT NOT NULL CHECK (kind IN ('village', 'community', 'institution', 'enterprise', 'non_public_company')),
    area_id INTEGER REFERENCES area(id),
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
) STRICT;
CREATE INDEX branch_by_area ON branch(area_id);

CREATE TABLE secretary (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    gender TEXT CHECK (gender IN ('male', 'female')),
    birth TEXT,
    education TEXT NOT NULL DEFAULT '',
    branch_id INTEGER REFERENCES branch(id),
    level TEXT CHECK (level IN ('town', 'village', 'group')),
    position TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    in_office_since TEXT,
    notes TEXT NOT NULL DEFAULT '',
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
) STRICT;
CREATE INDEX secretary_by_branch ON secretary(branch_id, deleted, archived, level);

CREATE VIEW live_site AS SELECT * FROM site WHERE deleted = 0;
CREATE VIEW live_studio AS SELECT * FROM studio WHERE deleted = 0;
CREATE VIEW live_area AS SELECT * FROM area WHERE deleted = 0;
CREATE VIEW live_branch AS SELECT * FROM branch WHERE deleted = 0;
CREATE VIEW live_secretary AS SELECT * FROM secretary WHERE deleted = 0;
";

/// The ledger: sessions with their agenda and decisions, attendance, problems and their
/// histories. Attendance is the big table (600,000 rows in a county file): integer keys, the
/// status as a small integer, and a covering index for per-secretary figures.
const V2: &str = r"
CREATE TABLE session (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    held_on TEXT NOT NULL CHECK (held_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    starts_at TEXT CHECK (starts_at GLOB '[0-2][0-9]:[0-5][0-9]'),
    ends_at TEXT CHECK (ends_at GLOB '[0-2][0-9]:[0-5][0-9]'),
    place TEXT NOT NULL DEFAULT '',
    host TEXT NOT NULL DEFAULT '',
    recorder TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ('learning', 'observation_visit', 'practical_training',
        'help_visit', 'review', 'exchange', 'theme_day')),
    systems INTEGER NOT NULL DEFAULT 0 CHECK (systems BETWEEN 0 AND 31),
    area_id INTEGER REFERENCES area(id),
    topic TEXT NOT NULL DEFAULT '',
    discussion TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX session_by_date ON session(held_on, deleted);

CREATE TABLE session_item (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    session_id INTEGER NOT NULL REFERENCES session(id),
    list TEXT NOT NULL CHECK (list IN ('agenda', 'decision')),
    position INTEGER NOT NULL,
    text TEXT NOT NULL
) STRICT;
CREATE INDEX session_item_by_session ON session_item(session_id, list, position);

CREATE TABLE attendance (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    session_id INTEGER NOT NULL REFERENCES session(id),
    secretary_id INTEGER NOT NULL REFERENCES secretary(id),
    status INTEGER NOT NULL CHECK (status BETWEEN 0 AND 3),
    reason TEXT NOT NULL DEFAULT '',
    UNIQUE (session_id, secretary_id)
) STRICT;
CREATE INDEX attendance_by_secretary ON attendance(secretary_id, deleted, status, session_id);

CREATE TABLE problem (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    description TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL CHECK (category IN ('industry', 'infrastructure', 'governance',
        'livelihood', 'party_building', 'other')),
    branch_id INTEGER REFERENCES branch(id),
    raised_by INTEGER REFERENCES secretary(id),
    session_id INTEGER REFERENCES session(id),
    raised_on TEXT NOT NULL CHECK (raised_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    responsible TEXT NOT NULL DEFAULT '',
    helper_id INTEGER REFERENCES secretary(id),
    deadline TEXT CHECK (deadline GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
) STRICT;
CREATE INDEX problem_by_session ON problem(session_id);
CREATE INDEX problem_by_branch ON problem(branch_id);

CREATE TABLE problem_event (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    problem_id INTEGER NOT NULL REFERENCES problem(id),
    happened_on TEXT NOT NULL CHECK (happened_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    state TEXT NOT NULL CHECK (state IN ('raised', 'in_progress', 'resolved', 'escalated')),
    actor TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    session_id INTEGER REFERENCES session(id)
) STRICT;
CREATE INDEX problem_event_by_problem ON problem_event(problem_id, deleted, happened_on, hlc);
CREATE INDEX problem_event_by_session ON problem_event(session_id);

CREATE VIEW live_session AS SELECT * FROM session WHERE deleted = 0;
CREATE VIEW live_session_item AS SELECT * FROM session_item WHERE deleted = 0;
CREATE VIEW live_attendance AS SELECT * FROM attendance WHERE deleted = 0;
CREATE VIEW live_problem AS SELECT * FROM problem WHERE deleted = 0;
CREATE VIEW live_problem_event AS SELECT * FROM problem_event WHERE deleted = 0;
";
