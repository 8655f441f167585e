//! The schema itself: every table carries the record columns, and a migrated file equals a
//! fresh one.

use rusqlite::Connection;
use secretary_studio::store::{Store, schema};

fn tables(conn: &Connection) -> Vec<String> {
    let mut statement = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .expect("prepare");
    statement
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

#[test]
fn every_table_but_local_carries_identity_site_clock_and_tombstone() {
    let store = Store::open_in_memory("schema").expect("store");
    let conn = store.connection_for_tests();
    let tables = tables(conn);
    assert!(tables.len() >= 5, "tables: {tables:?}");
    for table in tables
        .iter()
        // `data_picture` holds pictures' bytes by digest: immutable, no record.
        .filter(|t| *t != "local" && !t.starts_with("local_") && !t.starts_with("data_"))
    {
        let mut statement = conn
            .prepare(&format!("PRAGMA table_info(\"{table}\")"))
            .expect("info");
        let columns: Vec<(String, String, bool, bool)> = statement
            .query_map([], |r| {
                Ok((r.get(1)?, r.get(2)?, r.get(3)?, r.get::<_, i64>(5)? > 0))
            })
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows");
        let column = |name: &str| {
            columns
                .iter()
                .find(|c| c.0 == name)
                .unwrap_or_else(|| panic!("{table} lacks {name}"))
        };
        assert_eq!(
            column("id").1,
            "INTEGER",
            "{table}.id is a compact integer key"
        );
        assert!(column("id").3, "{table}.id is the primary key");
        for (name, kind) in [
            ("uuid", "BLOB"),
            ("origin_site", "INTEGER"),
            ("hlc", "INTEGER"),
            ("hlc_site", "INTEGER"),
            ("deleted", "INTEGER"),
        ] {
            let (_, declared, not_null, _) = column(name);
            assert_eq!(declared, kind, "{table}.{name} type");
            assert!(*not_null, "{table}.{name} is NOT NULL");
        }
        let unique_uuid: bool = conn
            .query_row(
                &format!(
                    "SELECT EXISTS (SELECT 1 FROM pragma_index_list('{table}') l
                     JOIN pragma_index_info(l.name) i WHERE l.\"unique\" = 1 AND i.name = 'uuid')"
                ),
                [],
                |r| r.get(0),
            )
            .expect("index");
        assert!(unique_uuid, "{table}.uuid is unique");
        let live_view: bool = conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = ?1)",
                [format!("live_{table}")],
                |r| r.get(0),
            )
            .expect("view");
        assert!(
            live_view,
            "{table} has a live_{table} view that hides tombstones"
        );
    }
    assert!(
        tables.iter().any(|t| t == "local"),
        "local holds this file's own state"
    );
}

fn schema_dump(conn: &Connection) -> Vec<(String, String, String)> {
    let mut statement = conn
        .prepare("SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name")
        .expect("prepare");
    statement
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

#[test]
fn a_file_migrated_step_by_step_equals_a_fresh_one() {
    let folder = tempfile::tempdir().expect("tempdir");
    // An old file: the first migration only, as a released version 1 would have written it.
    let old = folder.path().join("old.db");
    {
        let conn = Connection::open(&old).expect("open");
        conn.execute_batch(schema::MIGRATIONS[0]).expect("v1");
        let uuid = uuid::Uuid::now_v7().as_bytes().to_vec();
        conn.execute(
            "INSERT INTO site (id, uuid, origin_site, hlc, hlc_site) VALUES (1, ?1, 1, 1, 1)",
            [uuid],
        )
        .expect("site");
        conn.execute_batch(&format!(
            "INSERT INTO local VALUES ('site_id', 1), ('max_hlc', 1);
             PRAGMA application_id = {}; PRAGMA user_version = 1;",
            schema::APPLICATION_ID
        ))
        .expect("stamp");
    }
    let migrated = Store::open(&old).expect("open old file");
    let fresh = Store::create(&folder.path().join("fresh.db"), "x", "").expect("fresh");
    assert_eq!(
        schema_dump(migrated.connection_for_tests()),
        schema_dump(fresh.connection_for_tests())
    );
    let version = |s: &Store| {
        s.connection_for_tests()
            .query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
            .expect("version")
    };
    assert_eq!(version(&migrated), schema::current_version());
    assert_eq!(version(&fresh), schema::current_version());
    // The five systems' defaults arrive with the migration, as the same records (same
    // identities) a new file has.
    let defaults = |s: &Store| -> Vec<(String, Vec<u8>)> {
        let mut statement = s
            .connection_for_tests()
            .prepare(
                "SELECT 'criterion:' || name, uuid FROM criterion
                 UNION ALL SELECT 'rule:' || event, uuid FROM points_rule
                 UNION ALL SELECT 'responsibility:' || name, uuid FROM responsibility
                 UNION ALL SELECT 'setting:' || key, uuid FROM setting ORDER BY 1",
            )
            .expect("sql");
        statement
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("query")
            .collect::<rusqlite::Result<_>>()
            .expect("rows")
    };
    assert_eq!(defaults(&migrated).len(), 8 + 11 + 6 + 2);
    assert_eq!(defaults(&migrated), defaults(&fresh));
}

#[test]
fn a_ledger_from_schema_2_keeps_its_sessions_with_empty_new_fields() {
    let folder = tempfile::tempdir().expect("tempdir");
    let old = folder.path().join("v2.db");
    {
        let conn = Connection::open(&old).expect("open");
        conn.execute_batch(schema::MIGRATIONS[0]).expect("v1");
        conn.execute_batch(schema::MIGRATIONS[1]).expect("v2");
        let uuid = || uuid::Uuid::now_v7().as_bytes().to_vec();
        conn.execute(
            "INSERT INTO site (id, uuid, origin_site, hlc, hlc_site) VALUES (1, ?1, 1, 1, 1)",
            [uuid()],
        )
        .expect("site");
        conn.execute(
            "INSERT INTO session (id, uuid, origin_site, hlc, hlc_site, held_on, kind, topic)
             VALUES (7, ?1, 1, 1, 1, '2021-07-10', 'help_visit', '结对走访')",
            [uuid()],
        )
        .expect("session");
        conn.execute_batch(&format!(
            "INSERT INTO local VALUES ('site_id', 1), ('max_hlc', 1);
             PRAGMA application_id = {}; PRAGMA user_version = 2;",
            schema::APPLICATION_ID
        ))
        .expect("stamp");
    }
    let store = Store::open(&old).expect("open a version-2 file");
    let session = store
        .session(secretary_studio::domain::SessionId(7))
        .expect("read")
        .expect("kept");
    assert_eq!(session.topic, "结对走访");
    assert_eq!(session.pairing_id, None);
    assert!(session.study_topics.is_empty());
    assert_eq!(store.criteria().expect("criteria").len(), 8);
    assert!(store.pairings().expect("pairings").is_empty());
}

#[test]
fn points_rules_from_schema_4_are_kept_and_the_late_rule_can_be_set() {
    use secretary_studio::domain::points::PointsEvent;
    let folder = tempfile::tempdir().expect("tempdir");
    let old = folder.path().join("v4.db");
    {
        let conn = Connection::open(&old).expect("open");
        for migration in &schema::MIGRATIONS[..4] {
            conn.execute_batch(migration).expect("migrate");
        }
        let uuid = || uuid::Uuid::now_v7().as_bytes().to_vec();
        conn.execute(
            "INSERT INTO site (id, uuid, origin_site, hlc, hlc_site) VALUES (1, ?1, 1, 1, 1)",
            [uuid()],
        )
        .expect("site");
        conn.execute(
            "INSERT INTO points_rule (uuid, origin_site, hlc, hlc_site, event, points)
             VALUES (?1, 1, 1, 1, 'resolved_as_helper', 8)",
            [uuid()],
        )
        .expect("rule");
        conn.execute_batch(&format!(
            "INSERT INTO local VALUES ('site_id', 1), ('max_hlc', 1);
             PRAGMA application_id = {}; PRAGMA user_version = 4;",
            schema::APPLICATION_ID
        ))
        .expect("stamp");
    }
    let mut store = Store::open(&old).expect("open a version-4 file");
    let rules = store.points_rules().expect("rules");
    assert_eq!(rules.points(PointsEvent::ResolvedAsHelper), 8, "kept");
    assert_eq!(
        rules.points(PointsEvent::ResolvedLateAsHelper),
        2,
        "the default"
    );
    store
        .write(|w| w.set_points_rule(PointsEvent::ResolvedLateAsHelper, 1))
        .expect("write");
    let rules = store.points_rules().expect("rules");
    assert_eq!(rules.points(PointsEvent::ResolvedLateAsHelper), 1);
}

#[test]
fn files_carry_our_application_id_wal_and_foreign_keys() {
    let folder = tempfile::tempdir().expect("tempdir");
    let store = Store::create(&folder.path().join("s.db"), "x", "").expect("create");
    let conn = store.connection_for_tests();
    let pragma = |name: &str| {
        conn.query_row(&format!("PRAGMA {name}"), [], |r| {
            r.get::<_, rusqlite::types::Value>(0)
        })
        .expect("pragma")
    };
    assert_eq!(
        pragma("application_id"),
        rusqlite::types::Value::Integer(i64::from(schema::APPLICATION_ID))
    );
    assert_eq!(
        pragma("journal_mode"),
        rusqlite::types::Value::Text("wal".into())
    );
    assert_eq!(pragma("foreign_keys"), rusqlite::types::Value::Integer(1));
}
