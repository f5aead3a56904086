//! Numbered schema migrations. `PRAGMA user_version` holds the number of migrations applied;
//! opening a store applies the missing ones in order, each in its own transaction. A new
//! migration is appended, never edited: files written by older versions upgrade in place.

use rusqlite::Connection;

const MIGRATIONS: &[&str] = &[
    // 1: documents, merged events, their mentions, facts.
    "CREATE TABLE documents (
        id       INTEGER PRIMARY KEY,
        doc      TEXT NOT NULL UNIQUE,
        hash     TEXT NOT NULL UNIQUE,
        date     TEXT,
        title    TEXT,
        url      TEXT,
        outlet   TEXT,
        dateline TEXT,
        body     TEXT NOT NULL
    );
    CREATE INDEX documents_date ON documents(date);

    CREATE TABLE events (
        id               INTEGER PRIMARY KEY,
        type             TEXT NOT NULL,
        mode             TEXT,
        cameo            TEXT,
        quad             INTEGER NOT NULL,
        goldstein        REAL,
        source_code      TEXT,
        source_sector    TEXT,
        source_name      TEXT,
        source_text      TEXT,
        target_code      TEXT,
        target_sector    TEXT,
        target_name      TEXT,
        target_text      TEXT,
        pair_key         TEXT NOT NULL,
        negated          INTEGER NOT NULL DEFAULT 0,
        hypothetical     INTEGER NOT NULL DEFAULT 0,
        date             TEXT,
        date_last        TEXT,
        location_name    TEXT,
        location_country TEXT,
        lat              REAL,
        lon              REAL,
        count            INTEGER,
        topics           TEXT NOT NULL DEFAULT '[]',
        context          TEXT NOT NULL DEFAULT '[]',
        num_reports      INTEGER NOT NULL DEFAULT 0,
        num_sources      INTEGER NOT NULL DEFAULT 0,
        num_sentences    INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX events_key ON events(type, pair_key, date);
    CREATE INDEX events_type ON events(negated, hypothetical, type);
    CREATE INDEX events_date ON events(date);
    CREATE INDEX events_source ON events(source_code, date);
    CREATE INDEX events_target ON events(target_code, date);

    CREATE TABLE mentions (
        id          INTEGER PRIMARY KEY,
        event_id    INTEGER NOT NULL REFERENCES events(id),
        document_id INTEGER NOT NULL REFERENCES documents(id),
        date        TEXT,
        rule        TEXT NOT NULL,
        confidence  REAL NOT NULL,
        sentences   INTEGER NOT NULL,
        source_text TEXT,
        target_text TEXT,
        evidence    TEXT NOT NULL,
        ev_start    INTEGER NOT NULL,
        ev_end      INTEGER NOT NULL
    );
    CREATE INDEX mentions_event ON mentions(event_id);
    CREATE INDEX mentions_document ON mentions(document_id);

    CREATE TABLE facts (
        id            INTEGER PRIMARY KEY,
        document_id   INTEGER NOT NULL REFERENCES documents(id),
        date          TEXT,
        kind          TEXT NOT NULL,
        countries     TEXT NOT NULL,
        dyad          TEXT,
        from_code     TEXT,
        to_code       TEXT,
        value         REAL NOT NULL,
        value_max     REAL,
        unit          TEXT NOT NULL,
        qualifier     TEXT NOT NULL,
        claimant_code TEXT,
        evidence      TEXT NOT NULL,
        ev_start      INTEGER NOT NULL,
        ev_end        INTEGER NOT NULL,
        record        TEXT NOT NULL
    );
    CREATE INDEX facts_dyad ON facts(dyad, kind, date);
    CREATE INDEX facts_document ON facts(document_id);",
    // 2: near-duplicate detection. A document's MinHash signature and its band keys (the
    // index that finds candidates), and the syndicated copies recognised as other outlets of a
    // stored document instead of documents of their own.
    "ALTER TABLE documents ADD COLUMN minhash BLOB;

    CREATE TABLE minhash_bands (
        band        INTEGER NOT NULL,
        document_id INTEGER NOT NULL REFERENCES documents(id)
    );
    CREATE INDEX minhash_bands_band ON minhash_bands(band);

    CREATE TABLE copies (
        id          INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        doc         TEXT NOT NULL UNIQUE,
        hash        TEXT NOT NULL,
        date        TEXT,
        title       TEXT,
        url         TEXT,
        outlet      TEXT,
        similarity  REAL NOT NULL
    );
    CREATE INDEX copies_document ON copies(document_id);",
];

/// The schema version this build writes.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

#[derive(Debug)]
pub enum MigrateError {
    Sqlite(rusqlite::Error),
    TooNew(i64),
}

impl From<rusqlite::Error> for MigrateError {
    fn from(e: rusqlite::Error) -> Self {
        MigrateError::Sqlite(e)
    }
}

pub fn migrate(conn: &mut Connection) -> Result<(), MigrateError> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current > VERSION {
        return Err(MigrateError::TooNew(current));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        // PRAGMA takes no bound parameters; the number is ours, not input.
        tx.execute_batch(&format!("PRAGMA user_version = {}", i + 1))?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_database_gets_every_migration_once() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, VERSION);
        // A second run must find nothing to do (CREATE TABLE would fail if re-applied).
        migrate(&mut conn).unwrap();
        let tables: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(tables, 6);
    }

    #[test]
    fn a_version_1_database_upgrades_and_keeps_its_documents() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.execute_batch("PRAGMA user_version = 1").unwrap();
        conn.execute(
            "INSERT INTO documents (doc, hash, body) VALUES ('old', 'h', 'Old text.')",
            [],
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let (doc, sig): (String, Option<Vec<u8>>) = conn
            .query_row("SELECT doc, minhash FROM documents", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!((doc.as_str(), sig), ("old", None));
        let copies: i64 = conn
            .query_row("SELECT count(*) FROM copies", [], |r| r.get(0))
            .unwrap();
        assert_eq!(copies, 0);
    }

    #[test]
    fn a_database_from_a_newer_dyad_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("PRAGMA user_version = 99").unwrap();
        assert!(matches!(migrate(&mut conn), Err(MigrateError::TooNew(99))));
    }
}
