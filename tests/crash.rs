//! Crash safety: the real binary writes as the coordinator does (a merge, then sessions with
//! attendance and roster imports, each in one transaction) and is killed at random moments
//! (SIGKILL on Unix, `TerminateProcess` on Windows). After every kill the file passes
//! `PRAGMA integrity_check` and holds every write the program had said was committed.

mod common;

use secretary_studio::store::Store;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How many times the writer is killed.
const KILLS: usize = 100;

/// A small deterministic generator, so a failing run can be repeated.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

#[test]
fn killed_at_random_moments_the_file_stays_sound_and_keeps_every_committed_write() {
    let folder = tempfile::tempdir().expect("tempdir");
    let db = common::demo_file(folder.path(), "studio.db");
    // Another village's file with one secretary of its own, merged by the first run.
    let theirs = folder.path().join("西村.db");
    std::fs::copy(&db, &theirs).expect("copy");
    {
        let mut other = Store::open(&theirs).expect("open");
        let fields = secretary_studio::domain::SecretaryFields {
            name: "西村来的书记".to_owned(),
            ..Default::default()
        };
        other.write(|w| w.add_secretary(&fields)).expect("add");
    }
    let mut random = Lcg(20_261_129);
    let mut sessions = Vec::new();
    let mut imports = Vec::new();
    let mut merged = false;
    let (mut kills, mut mid_write) = (0, 0);
    while kills < KILLS {
        let mut command = Command::new(env!("CARGO_BIN_EXE_secretary-studio"));
        command
            .args(["stress-writes", "--db"])
            .arg(&db)
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        if !merged {
            command.arg(&theirs);
        }
        let mut child = command.spawn().expect("start the writer");
        let stdout = child.stdout.take().expect("stdout");
        let (lines, said) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if lines.send(line).is_err() {
                    break;
                }
            }
        });
        // Kill between 5 and 250 ms after the first commit, so most kills land mid-write.
        let first = said
            .recv_timeout(Duration::from_secs(30))
            .expect("a first commit");
        let mut committed = vec![first];
        let deadline = Instant::now() + Duration::from_millis(5 + random.next(245));
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match said.recv_timeout(left) {
                Ok(line) => committed.push(line),
                Err(_) => break,
            }
        }
        child.kill().expect("kill");
        child.wait().expect("reap");
        kills += 1;
        reader.join().expect("reader");
        // What it said before dying was committed, even if the pipe held it until now.
        committed.extend(said.try_iter());
        if committed.len() > 1 {
            mid_write += 1;
        }
        for line in committed {
            match line.split_once(' ') {
                Some(("session", topic)) => sessions.push(topic.to_owned()),
                Some(("import", name)) => imports.push(name.to_owned()),
                _ if line == "merge" => merged = true,
                _ => panic!("unexpected output: {line}"),
            }
        }

        let store = Store::open(&db).expect("the file opens after the kill");
        let report = store.check().expect("check");
        assert!(report.is_healthy(), "kill {kills}: {:?}", report.integrity);
        let topics: std::collections::HashSet<String> = store
            .sessions()
            .expect("sessions")
            .into_iter()
            .map(|s| s.fields.topic)
            .collect();
        let names: std::collections::HashSet<String> = store
            .roster()
            .expect("roster")
            .into_iter()
            .map(|e| e.fields.name)
            .collect();
        for topic in &sessions {
            assert!(topics.contains(topic), "kill {kills}: session {topic} lost");
        }
        for name in &imports {
            assert!(names.contains(name), "kill {kills}: import {name} lost");
        }
        if merged {
            assert!(
                names.contains("西村来的书记"),
                "kill {kills}: the merge was lost"
            );
        }
    }
    assert!(merged, "the merge was committed in one of the runs");
    // Shown by `cargo test --test crash -- --nocapture`, for the report.
    eprintln!(
        "{kills} kills, 0 integrity failures, 0 lost of {} committed sessions and {} imports",
        sessions.len(),
        imports.len()
    );
    assert!(mid_write > KILLS / 2, "most kills came while writing");
}
