//! The schema: migrations indexed by `PRAGMA user_version`. An entry is never edited or
//! removed once released; a change is a new entry at the end.
//!
//! Every table but `local` holds records that travel between files, and each carries the same
//! columns: `id` (a compact local key for joins), `uuid` (16-byte `UUIDv7`, the identity across
//! files), `origin_site` (the file that created it), `hlc` and `hlc_site` (the logical clock of
//! its last change and the site that made it), and `deleted` (a tombstone, never a physical
//! delete). `local` holds facts about this one file (its site, the highest clock seen) and never
//! travels; nor do the other `local_*` tables (what a merge left for review). `data_picture`
//! holds the bytes of pictures by their digest: immutable, it is no record, and a merge copies
//! the bytes its new pictures refer to.

/// `PRAGMA application_id` of every studio file: "`ShuJ`" (书记).
pub const APPLICATION_ID: i32 = 0x5368_754A;

/// The migrations; `user_version` is the number applied.
pub const MIGRATIONS: &[&str] = &[V1, V2, V3, V4, V5, V6, V7, V8];

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

/// The five systems and the six responsibilities: study topics and the learning plan (学习),
/// pairings (帮扶), assessment criteria and hand-entered scores (比拼), experience notes and
/// notices (交流), points rules, awards and honours (激励), and the responsibilities (职责).
/// Points and computed scores are not stored: they are derived from the records each time, so
/// they cannot disagree with them. Defaults (criteria, rules, responsibilities, settings) have
/// fixed UUIDs and clock 0, so every file holds the same records and any edit wins a merge.
const V3: &str = r"
CREATE TABLE pairing (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    strong_id INTEGER NOT NULL REFERENCES secretary(id),
    weak_id INTEGER NOT NULL REFERENCES secretary(id),
    starts_on TEXT NOT NULL CHECK (starts_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    ends_on TEXT CHECK (ends_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    goals TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT ''
) STRICT;

ALTER TABLE session ADD COLUMN pairing_id INTEGER REFERENCES pairing(id);
ALTER TABLE session ADD COLUMN host_branch_id INTEGER REFERENCES branch(id);
ALTER TABLE problem ADD COLUMN pairing_id INTEGER REFERENCES pairing(id);
CREATE INDEX session_by_pairing ON session(pairing_id);
CREATE INDEX problem_by_pairing ON problem(pairing_id);

CREATE TABLE plan_item (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
    month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    kind TEXT NOT NULL CHECK (kind IN ('policy_document', 'lecture', 'site_visit', 'practical_training'))
) STRICT;

CREATE TABLE study_topic (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    session_id INTEGER NOT NULL REFERENCES session(id),
    position INTEGER NOT NULL,
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    kind TEXT NOT NULL CHECK (kind IN ('policy_document', 'lecture', 'site_visit', 'practical_training')),
    duration_min INTEGER NOT NULL CHECK (duration_min BETWEEN 0 AND 1440),
    plan_item_id INTEGER REFERENCES plan_item(id)
) STRICT;
CREATE INDEX study_topic_by_session ON study_topic(session_id, deleted);

CREATE TABLE criterion (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    position INTEGER NOT NULL,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    part TEXT NOT NULL CHECK (part IN ('base', 'bonus', 'deduction')),
    max_score REAL NOT NULL CHECK (max_score BETWEEN 0 AND 1000),
    source TEXT NOT NULL CHECK (source IN ('manual', 'attendance_rate', 'learning_hours',
        'problems_resolved', 'help_visits')),
    target_per_year REAL NOT NULL DEFAULT 0 CHECK (target_per_year BETWEEN 0 AND 100000)
) STRICT;

CREATE TABLE score (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    criterion_id INTEGER NOT NULL REFERENCES criterion(id),
    secretary_id INTEGER NOT NULL REFERENCES secretary(id),
    period TEXT NOT NULL CHECK (length(period) BETWEEN 4 AND 10),
    score REAL NOT NULL CHECK (score BETWEEN 0 AND 1000),
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (criterion_id, secretary_id, period)
) STRICT;

CREATE TABLE setting (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    key TEXT NOT NULL UNIQUE,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE experience_note (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    written_on TEXT NOT NULL CHECK (written_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    author_id INTEGER REFERENCES secretary(id),
    text TEXT NOT NULL DEFAULT '',
    session_id INTEGER REFERENCES session(id),
    problem_id INTEGER REFERENCES problem(id)
) STRICT;

CREATE TABLE notice (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    posted_on TEXT NOT NULL CHECK (posted_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    text TEXT NOT NULL DEFAULT '',
    pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1))
) STRICT;

CREATE TABLE points_rule (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    event TEXT NOT NULL UNIQUE CHECK (event IN ('attended', 'late', 'excused', 'absent',
        'resolved_as_helper', 'problem_raised', 'experience_note', 'help_visit',
        'commendation', 'criticism')),
    points INTEGER NOT NULL CHECK (points BETWEEN -1000 AND 1000)
) STRICT;

CREATE TABLE points_award (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    secretary_id INTEGER NOT NULL REFERENCES secretary(id),
    awarded_on TEXT NOT NULL CHECK (awarded_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    points INTEGER NOT NULL CHECK (points BETWEEN -1000 AND 1000),
    reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000)
) STRICT;

CREATE TABLE honour (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    secretary_id INTEGER NOT NULL REFERENCES secretary(id),
    awarded_on TEXT NOT NULL CHECK (awarded_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    kind TEXT NOT NULL CHECK (kind IN ('commendation', 'criticism')),
    reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000)
) STRICT;

CREATE TABLE responsibility (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    position INTEGER NOT NULL,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    holder_id INTEGER REFERENCES secretary(id),
    term_starts_on TEXT CHECK (term_starts_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    term_ends_on TEXT CHECK (term_ends_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
) STRICT;

CREATE VIEW live_pairing AS SELECT * FROM pairing WHERE deleted = 0;
CREATE VIEW live_plan_item AS SELECT * FROM plan_item WHERE deleted = 0;
CREATE VIEW live_study_topic AS SELECT * FROM study_topic WHERE deleted = 0;
CREATE VIEW live_criterion AS SELECT * FROM criterion WHERE deleted = 0;
CREATE VIEW live_score AS SELECT * FROM score WHERE deleted = 0;
CREATE VIEW live_setting AS SELECT * FROM setting WHERE deleted = 0;
CREATE VIEW live_experience_note AS SELECT * FROM experience_note WHERE deleted = 0;
CREATE VIEW live_notice AS SELECT * FROM notice WHERE deleted = 0;
CREATE VIEW live_points_rule AS SELECT * FROM points_rule WHERE deleted = 0;
CREATE VIEW live_points_award AS SELECT * FROM points_award WHERE deleted = 0;
CREATE VIEW live_honour AS SELECT * FROM honour WHERE deleted = 0;
CREATE VIEW live_responsibility AS SELECT * FROM responsibility WHERE deleted = 0;
";

/// What merges leave for the coordinator to review, local to this file (never merged): the
/// losing versions of conflicts (per field, references as identities), and pairs of
/// secretaries said not to be the same person.
const V4: &str = r"
CREATE TABLE local_conflict (
    id INTEGER PRIMARY KEY,
    merged_at TEXT NOT NULL,
    source TEXT NOT NULL,
    table_name TEXT NOT NULL,
    record_uuid BLOB NOT NULL CHECK (length(record_uuid) = 16),
    winner TEXT NOT NULL CHECK (winner IN ('ours', 'theirs')),
    loser_clock INTEGER NOT NULL,
    loser_site BLOB NOT NULL CHECK (length(loser_site) = 16),
    loser_deleted INTEGER NOT NULL CHECK (loser_deleted IN (0, 1)),
    settled INTEGER NOT NULL DEFAULT 0 CHECK (settled IN (0, 1))
) STRICT;
CREATE INDEX local_conflict_open ON local_conflict(settled);

CREATE TABLE local_conflict_field (
    conflict_id INTEGER NOT NULL REFERENCES local_conflict(id),
    column_name TEXT NOT NULL,
    value ANY,
    PRIMARY KEY (conflict_id, column_name)
) STRICT;

CREATE TABLE local_distinct (
    first BLOB NOT NULL,
    second BLOB NOT NULL,
    PRIMARY KEY (first, second)
) STRICT;
";

/// A points rule for problems resolved after their deadline (逾期办结): the rule table's list
/// of events is a `CHECK`, which `SQLite` cannot alter, so the table is built again with its rows.
const V5: &str = r"
DROP VIEW live_points_rule;
CREATE TABLE points_rule_v5 (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    event TEXT NOT NULL UNIQUE CHECK (event IN ('attended', 'late', 'excused', 'absent',
        'resolved_as_helper', 'resolved_late_as_helper', 'problem_raised', 'experience_note',
        'help_visit', 'commendation', 'criticism')),
    points INTEGER NOT NULL CHECK (points BETWEEN -1000 AND 1000)
) STRICT;
INSERT INTO points_rule_v5 (id, uuid, origin_site, hlc, hlc_site, deleted, event, points)
    SELECT id, uuid, origin_site, hlc, hlc_site, deleted, event, points FROM points_rule;
DROP TABLE points_rule;
ALTER TABLE points_rule_v5 RENAME TO points_rule;
CREATE VIEW live_points_rule AS SELECT * FROM points_rule WHERE deleted = 0;
";

/// Photos and scans attached to a session or a problem (一事一档). The record holds what can
/// change (caption, deletion) and what the picture is; its bytes are in `data_picture` under
/// their digest, stored once: the original (left out of a share file made "thumbnails only"),
/// a copy at most 1600 pixels long for documents and the viewer, and a thumbnail.
const V6: &str = r"
CREATE TABLE picture (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    session_id INTEGER REFERENCES session(id),
    problem_id INTEGER REFERENCES problem(id),
    kind TEXT NOT NULL CHECK (kind IN ('photo', 'scan')),
    caption TEXT NOT NULL DEFAULT '' CHECK (length(caption) <= 500),
    taken_at TEXT CHECK (taken_at GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]'),
    file_name TEXT NOT NULL DEFAULT '' CHECK (length(file_name) <= 260),
    digest TEXT NOT NULL CHECK (length(digest) = 64),
    media TEXT NOT NULL CHECK (media IN ('jpeg', 'png', 'pdf')),
    width INTEGER NOT NULL CHECK (width BETWEEN 0 AND 1000000),
    height INTEGER NOT NULL CHECK (height BETWEEN 0 AND 1000000),
    bytes INTEGER NOT NULL CHECK (bytes BETWEEN 0 AND 8388608)
) STRICT;
CREATE INDEX picture_by_session ON picture(session_id);
CREATE INDEX picture_by_problem ON picture(problem_id);
CREATE VIEW live_picture AS SELECT * FROM picture WHERE deleted = 0;

CREATE TABLE data_picture (
    digest TEXT PRIMARY KEY CHECK (length(digest) = 64),
    original BLOB CHECK (original IS NULL OR length(original) <= 8388608),
    display BLOB NOT NULL CHECK (length(display) <= 8388608),
    thumb BLOB NOT NULL CHECK (length(thumb) <= 1048576)
) STRICT;
";

/// The town's wider practice, kept by the same coordinator for the same people: a people
/// register beyond the secretaries (离任村干部, 妇女骨干, 企业家, 专家), the "100-member league"
/// groups (百人团) with their members, terms and letters of appointment (聘书), guests (列席)
/// at sessions, each branch's monthly theme party day (主题党日, with its photos), the yearly party-spirit
/// check-up (党性体检) with its indicators, four-step scores and findings, and the duty report
/// with its democratic appraisal (述职评议, 民主测评). The criteria of 比拼 gain two computed
/// sources (theme days held as planned, the appraisal's grade): the criterion table is built
/// again, as its list of sources is a `CHECK` (the migration runs with foreign keys off and
/// checks them before it commits).
const V7: &str = r"
CREATE TABLE person (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    gender TEXT CHECK (gender IN ('male', 'female')),
    branch_id INTEGER REFERENCES branch(id),
    village TEXT NOT NULL DEFAULT '' CHECK (length(village) <= 200),
    phone TEXT NOT NULL DEFAULT '' CHECK (length(phone) <= 40),
    occupation TEXT NOT NULL DEFAULT '' CHECK (length(occupation) <= 200),
    notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
    secretary_id INTEGER REFERENCES secretary(id)
) STRICT;
CREATE INDEX person_by_secretary ON person(secretary_id);
CREATE VIEW live_person AS SELECT * FROM person WHERE deleted = 0;

CREATE TABLE league_group (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    position INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    discipline TEXT NOT NULL DEFAULT '' CHECK (length(discipline) <= 4000),
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
) STRICT;
CREATE VIEW live_league_group AS SELECT * FROM league_group WHERE deleted = 0;

CREATE TABLE group_member (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    group_id INTEGER NOT NULL REFERENCES league_group(id),
    person_id INTEGER NOT NULL REFERENCES person(id),
    role TEXT NOT NULL CHECK (role IN ('leader', 'deputy', 'member')),
    term_starts_on TEXT NOT NULL CHECK (term_starts_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    term_ends_on TEXT CHECK (term_ends_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    discipline_signed INTEGER NOT NULL DEFAULT 0 CHECK (discipline_signed IN (0, 1)),
    letter_year INTEGER CHECK (letter_year BETWEEN 1900 AND 2999),
    letter_no INTEGER CHECK (letter_no BETWEEN 1 AND 99999),
    issued_on TEXT CHECK (issued_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    UNIQUE (group_id, person_id)
) STRICT;
CREATE INDEX group_member_by_person ON group_member(person_id);
CREATE VIEW live_group_member AS SELECT * FROM group_member WHERE deleted = 0;

CREATE TABLE session_guest (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    session_id INTEGER NOT NULL REFERENCES session(id),
    person_id INTEGER NOT NULL REFERENCES person(id),
    UNIQUE (session_id, person_id)
) STRICT;
CREATE INDEX session_guest_by_person ON session_guest(person_id);
CREATE VIEW live_session_guest AS SELECT * FROM session_guest WHERE deleted = 0;

CREATE TABLE theme_day (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    branch_id INTEGER NOT NULL REFERENCES branch(id),
    year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
    month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    planned_on TEXT NOT NULL CHECK (planned_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    topic TEXT NOT NULL DEFAULT '' CHECK (length(topic) <= 500),
    state TEXT NOT NULL CHECK (state IN ('planned', 'held', 'missed')),
    held_on TEXT CHECK (held_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    members_present INTEGER CHECK (members_present BETWEEN 0 AND 100000),
    members_total INTEGER CHECK (members_total BETWEEN 0 AND 100000),
    reason TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 1000),
    notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 4000),
    UNIQUE (branch_id, year, month)
) STRICT;
CREATE VIEW live_theme_day AS SELECT * FROM theme_day WHERE deleted = 0;
ALTER TABLE picture ADD COLUMN theme_day_id INTEGER REFERENCES theme_day(id);
CREATE INDEX picture_by_theme_day ON picture(theme_day_id);

CREATE TABLE checkup_indicator (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    position INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    max_score REAL NOT NULL CHECK (max_score > 0 AND max_score <= 1000)
) STRICT;
CREATE VIEW live_checkup_indicator AS SELECT * FROM checkup_indicator WHERE deleted = 0;

CREATE TABLE checkup (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    secretary_id INTEGER REFERENCES secretary(id),
    person_id INTEGER REFERENCES person(id),
    year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
    held_on TEXT CHECK (held_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    masses_count INTEGER NOT NULL DEFAULT 0 CHECK (masses_count BETWEEN 0 AND 100000),
    notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 4000),
    CHECK ((secretary_id IS NULL) <> (person_id IS NULL))
) STRICT;
CREATE INDEX checkup_by_year ON checkup(year);
CREATE VIEW live_checkup AS SELECT * FROM checkup WHERE deleted = 0;

CREATE TABLE checkup_score (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    checkup_id INTEGER NOT NULL REFERENCES checkup(id),
    indicator_id INTEGER NOT NULL REFERENCES checkup_indicator(id),
    step TEXT NOT NULL CHECK (step IN ('self', 'peer', 'masses', 'leader')),
    score REAL NOT NULL CHECK (score BETWEEN 0 AND 1000),
    UNIQUE (checkup_id, indicator_id, step)
) STRICT;
CREATE VIEW live_checkup_score AS SELECT * FROM checkup_score WHERE deleted = 0;

CREATE TABLE checkup_finding (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    checkup_id INTEGER NOT NULL REFERENCES checkup(id),
    text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
    problem_id INTEGER REFERENCES problem(id)
) STRICT;
CREATE INDEX checkup_finding_by_checkup ON checkup_finding(checkup_id);
CREATE VIEW live_checkup_finding AS SELECT * FROM checkup_finding WHERE deleted = 0;

CREATE TABLE appraisal (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    secretary_id INTEGER NOT NULL REFERENCES secretary(id),
    year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
    half INTEGER NOT NULL DEFAULT 0 CHECK (half IN (0, 1, 2)),
    reported_on TEXT CHECK (reported_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    title TEXT NOT NULL DEFAULT '' CHECK (length(title) <= 500),
    voters INTEGER NOT NULL CHECK (voters BETWEEN 0 AND 100000),
    excellent INTEGER NOT NULL CHECK (excellent BETWEEN 0 AND 100000),
    competent INTEGER NOT NULL CHECK (competent BETWEEN 0 AND 100000),
    basically_competent INTEGER NOT NULL CHECK (basically_competent BETWEEN 0 AND 100000),
    incompetent INTEGER NOT NULL CHECK (incompetent BETWEEN 0 AND 100000),
    participants TEXT NOT NULL DEFAULT '' CHECK (length(participants) <= 2000),
    UNIQUE (secretary_id, year, half)
) STRICT;
CREATE VIEW live_appraisal AS SELECT * FROM appraisal WHERE deleted = 0;

DROP VIEW live_criterion;
CREATE TABLE criterion_v7 (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    position INTEGER NOT NULL,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    part TEXT NOT NULL CHECK (part IN ('base', 'bonus', 'deduction')),
    max_score REAL NOT NULL CHECK (max_score BETWEEN 0 AND 1000),
    source TEXT NOT NULL CHECK (source IN ('manual', 'attendance_rate', 'learning_hours',
        'problems_resolved', 'help_visits', 'theme_day_rate', 'appraisal_grade')),
    target_per_year REAL NOT NULL DEFAULT 0 CHECK (target_per_year BETWEEN 0 AND 100000)
) STRICT;
INSERT INTO criterion_v7 (id, uuid, origin_site, hlc, hlc_site, deleted, position, name, part,
        max_score, source, target_per_year)
    SELECT id, uuid, origin_site, hlc, hlc_site, deleted, position, name, part, max_score,
        source, target_per_year FROM criterion;
DROP TABLE criterion;
ALTER TABLE criterion_v7 RENAME TO criterion;
CREATE VIEW live_criterion AS SELECT * FROM criterion WHERE deleted = 0;
";

/// The town's revival and discipline: industry demonstration bases (产业示范基地) with the
/// branches taking part, figures by year and milestones, on which problems, pairings, sessions
/// and photos may hang; the officials of "两三三" with their duties and their tasks (a task
/// lives like a problem: its events say where it stands); and each village's major decisions
/// through the six steps of 四议两公开. The criteria of 比拼 gain a computed source (tasks done
/// on time), so the criterion table is built again for its `CHECK` list.
const V8: &str = r"
CREATE TABLE base (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    industry TEXT NOT NULL DEFAULT '' CHECK (length(industry) <= 100),
    lead_branch_id INTEGER REFERENCES branch(id),
    secretary_id INTEGER REFERENCES secretary(id),
    started_on TEXT CHECK (started_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 4000),
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
) STRICT;
CREATE VIEW live_base AS SELECT * FROM base WHERE deleted = 0;

CREATE TABLE base_branch (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    base_id INTEGER NOT NULL REFERENCES base(id),
    branch_id INTEGER NOT NULL REFERENCES branch(id),
    UNIQUE (base_id, branch_id)
) STRICT;
CREATE VIEW live_base_branch AS SELECT * FROM base_branch WHERE deleted = 0;

CREATE TABLE base_figure (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    base_id INTEGER NOT NULL REFERENCES base(id),
    year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
    area_mu REAL CHECK (area_mu BETWEEN 0 AND 100000000),
    households INTEGER CHECK (households BETWEEN 0 AND 100000000),
    jobs INTEGER CHECK (jobs BETWEEN 0 AND 100000000),
    output_value REAL CHECK (output_value BETWEEN 0 AND 100000000000),
    income REAL CHECK (income BETWEEN 0 AND 100000000000),
    UNIQUE (base_id, year)
) STRICT;
CREATE VIEW live_base_figure AS SELECT * FROM base_figure WHERE deleted = 0;

CREATE TABLE base_milestone (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    base_id INTEGER NOT NULL REFERENCES base(id),
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    planned_on TEXT CHECK (planned_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    done_on TEXT CHECK (done_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
) STRICT;
CREATE INDEX base_milestone_by_base ON base_milestone(base_id);
CREATE VIEW live_base_milestone AS SELECT * FROM base_milestone WHERE deleted = 0;

ALTER TABLE problem ADD COLUMN base_id INTEGER REFERENCES base(id);
ALTER TABLE pairing ADD COLUMN base_id INTEGER REFERENCES base(id);
ALTER TABLE session ADD COLUMN base_id INTEGER REFERENCES base(id);
ALTER TABLE picture ADD COLUMN base_id INTEGER REFERENCES base(id);
CREATE INDEX problem_by_base ON problem(base_id);
CREATE INDEX pairing_by_base ON pairing(base_id);
CREATE INDEX session_by_base ON session(base_id);
CREATE INDEX picture_by_base ON picture(base_id);

CREATE TABLE official (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    position INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    post TEXT NOT NULL DEFAULT '' CHECK (length(post) <= 200),
    secretary_id INTEGER REFERENCES secretary(id),
    duties TEXT NOT NULL DEFAULT '' CHECK (length(duties) <= 8000),
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
) STRICT;
CREATE VIEW live_official AS SELECT * FROM official WHERE deleted = 0;

CREATE TABLE task (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    description TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
    secretary_id INTEGER REFERENCES secretary(id),
    official_id INTEGER REFERENCES official(id),
    branch_id INTEGER REFERENCES branch(id),
    base_id INTEGER REFERENCES base(id),
    assigned_on TEXT NOT NULL CHECK (assigned_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    deadline TEXT CHECK (deadline GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    CHECK ((secretary_id IS NULL) <> (official_id IS NULL))
) STRICT;
CREATE INDEX task_by_secretary ON task(secretary_id);
CREATE INDEX task_by_official ON task(official_id);
CREATE INDEX task_by_base ON task(base_id);
CREATE VIEW live_task AS SELECT * FROM task WHERE deleted = 0;

CREATE TABLE task_event (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    task_id INTEGER NOT NULL REFERENCES task(id),
    happened_on TEXT NOT NULL CHECK (happened_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    state TEXT NOT NULL CHECK (state IN ('not_started', 'in_progress', 'done')),
    actor TEXT NOT NULL DEFAULT '' CHECK (length(actor) <= 100),
    note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 4000)
) STRICT;
CREATE INDEX task_event_by_task ON task_event(task_id, deleted, happened_on, hlc);
CREATE VIEW live_task_event AS SELECT * FROM task_event WHERE deleted = 0;

CREATE TABLE decision (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    branch_id INTEGER NOT NULL REFERENCES branch(id),
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    content TEXT NOT NULL DEFAULT '' CHECK (length(content) <= 8000)
) STRICT;
CREATE INDEX decision_by_branch ON decision(branch_id);
CREATE VIEW live_decision AS SELECT * FROM decision WHERE deleted = 0;

CREATE TABLE decision_step (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    decision_id INTEGER NOT NULL REFERENCES decision(id),
    step TEXT NOT NULL CHECK (step IN ('proposal', 'consultation', 'members_review',
        'resolution', 'resolution_public', 'result_public')),
    held_on TEXT NOT NULL CHECK (held_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    expected INTEGER CHECK (expected BETWEEN 0 AND 100000),
    present INTEGER CHECK (present BETWEEN 0 AND 100000),
    note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 4000),
    UNIQUE (decision_id, step)
) STRICT;
CREATE VIEW live_decision_step AS SELECT * FROM decision_step WHERE deleted = 0;

DROP VIEW live_criterion;
CREATE TABLE criterion_v8 (
    id INTEGER PRIMARY KEY,
    uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
    origin_site INTEGER NOT NULL REFERENCES site(id),
    hlc INTEGER NOT NULL,
    hlc_site INTEGER NOT NULL REFERENCES site(id),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    position INTEGER NOT NULL,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    part TEXT NOT NULL CHECK (part IN ('base', 'bonus', 'deduction')),
    max_score REAL NOT NULL CHECK (max_score BETWEEN 0 AND 1000),
    source TEXT NOT NULL CHECK (source IN ('manual', 'attendance_rate', 'learning_hours',
        'problems_resolved', 'help_visits', 'theme_day_rate', 'appraisal_grade',
        'tasks_on_time')),
    target_per_year REAL NOT NULL DEFAULT 0 CHECK (target_per_year BETWEEN 0 AND 100000)
) STRICT;
INSERT INTO criterion_v8 (id, uuid, origin_site, hlc, hlc_site, deleted, position, name, part,
        max_score, source, target_per_year)
    SELECT id, uuid, origin_site, hlc, hlc_site, deleted, position, name, part, max_score,
        source, target_per_year FROM criterion;
DROP TABLE criterion;
ALTER TABLE criterion_v8 RENAME TO criterion;
CREATE VIEW live_criterion AS SELECT * FROM criterion WHERE deleted = 0;
";
