//! `dyad ingest`, `query` and `export` end to end: a kill -9 in the middle of an ingest loses
//! and duplicates nothing once the ingest is re-run, and every export reads back.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;
use common::dyad;

fn run(cmd: &mut Command) -> Vec<u8> {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{:?} failed: {}",
        cmd,
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn corpus(dir: &Path, docs: usize) -> PathBuf {
    let path = dir.join("corpus.jsonl");
    let text = run(dyad().args(["generate", "--seed", "5", "--docs", &docs.to_string()]));
    std::fs::write(&path, text).unwrap();
    path
}

fn stored_documents(db: &Path) -> Option<u64> {
    let store = dyad_store::Store::open_read_only(db).ok()?;
    store.counts().ok().map(|c| c.documents)
}

fn export(db: &Path, format: &str) -> Vec<u8> {
    run(dyad()
        .arg("--db")
        .arg(db)
        .args(["export", "--format", format]))
}

#[test]
fn an_ingest_killed_mid_way_and_run_again_equals_an_uninterrupted_one() {
    let dir = tempfile::tempdir().unwrap();
    let total = 6000;
    let input = corpus(dir.path(), total);

    let full = dir.path().join("full.db");
    run(dyad().arg("--db").arg(&full).arg("ingest").arg(&input));
    // The generator may repeat a report word for word; a copy is stored once.
    let stored = stored_documents(&full).unwrap();
    assert!(stored + 10 > total as u64, "{stored}");

    let cut = dir.path().join("cut.db");
    let mut child = dyad()
        .arg("--db")
        .arg(&cut)
        .args(["ingest", "--threads", "1", "--batch", "25"])
        .arg(&input)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if stored_documents(&cut).is_some_and(|n| n >= 300) {
            break;
        }
        assert!(Instant::now() < deadline, "the ingest never got going");
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL: no chance to clean up
    let status = child.wait().unwrap();
    assert!(
        !status.success(),
        "the ingest finished before it could be killed"
    );
    let at_kill = stored_documents(&cut).unwrap();
    assert!(
        at_kill > 0 && at_kill < stored,
        "killed with {at_kill} documents stored"
    );

    run(dyad().arg("--db").arg(&cut).arg("ingest").arg(&input));
    assert_eq!(stored_documents(&cut), Some(stored));
    // Same events, merged the same way, with the same ids, reports and facts.
    let a = export(&full, "jsonl");
    let b = export(&cut, "jsonl");
    assert!(a.len() > 1000);
    assert!(
        a == b,
        "the resumed store differs from the uninterrupted one"
    );

    // A third run finds nothing to do.
    let before = export(&full, "jsonl");
    run(dyad().arg("--db").arg(&full).arg("ingest").arg(&input));
    assert!(export(&full, "jsonl") == before);
}

#[test]
fn exports_read_back_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), 300);
    let db = dir.path().join("s.db");
    run(dyad().arg("--db").arg(&db).arg("ingest").arg(&input));
    let events = dyad_store::Store::open_read_only(&db)
        .unwrap()
        .count_events(&dyad_store::EventFilter::default())
        .unwrap() as usize;
    assert!(events > 100);

    let jsonl = String::from_utf8(export(&db, "jsonl")).unwrap();
    let n_events = jsonl
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v["record"] == "event")
        .count();
    assert_eq!(n_events, events);

    let plover = String::from_utf8(export(&db, "plover")).unwrap();
    assert_eq!(plover.lines().count(), events);

    let csv_text = export(&db, "csv");
    assert_eq!(
        csv::Reader::from_reader(csv_text.as_slice())
            .records()
            .count(),
        events
    );

    let gdelt = String::from_utf8(export(&db, "gdelt")).unwrap();
    assert!(gdelt.lines().all(|l| l.split('\t').count() == 61));

    let pq = dir.path().join("events.parquet");
    run(dyad()
        .arg("--db")
        .arg(&db)
        .args(["export", "--format", "parquet", "-o"])
        .arg(&pq));
    let file = std::fs::File::open(&pq).unwrap();
    let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
        .unwrap()
        .build()
        .unwrap();
    let rows: usize = reader.map(|b| b.unwrap().num_rows()).sum();
    assert_eq!(rows, events);
}

#[test]
fn queries_name_a_missing_store_and_reject_bad_filters() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nothing.db");
    let out = dyad()
        .arg("--db")
        .arg(&missing)
        .args(["query", "summary"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("nothing.db") && err.contains("dyad ingest"),
        "{err}"
    );
    assert!(!missing.exists(), "a query must not create a store");

    let input = corpus(dir.path(), 50);
    let db = dir.path().join("s.db");
    run(dyad().arg("--db").arg(&db).arg("ingest").arg(&input));
    let out = dyad()
        .arg("--db")
        .arg(&db)
        .args(["query", "events", "--from", "last week"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--from must be YYYY-MM-DD"));
    let out = dyad()
        .arg("--db")
        .arg(&db)
        .args(["query", "events", "--dyad", "KAZ"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("two actor codes"));

    let table = String::from_utf8(run(dyad()
        .arg("--db")
        .arg(&db)
        .args(["query", "dyads", "--limit", "3", "--format", "csv"])))
    .unwrap();
    let mut lines = table.lines();
    assert!(lines.next().unwrap().starts_with("actor1,actor2,events"));
    assert_eq!(lines.count(), 3);
}
