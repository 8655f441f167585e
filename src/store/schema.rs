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
pub const MIGRATIONS: &[&str] = &[V1];

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
