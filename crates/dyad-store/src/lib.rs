//! dyad's embedded store: the documents, events and facts of a corpus in one SQLite file.
//!
//! - [`Store::open`] creates or upgrades the file (numbered migrations, WAL journal).
//! - [`Store::ingest`] adds extracted documents in one transaction per batch: a crash loses at
//!   most the batch in flight, and a re-run adds exactly what is missing, because documents
//!   already stored (same id or same content hash) are skipped.
//! - Reports of one real-world event from several documents are merged into one event with
//!   all its mentions ([`merge`] explains the rule).
//! - [`query`] filters and aggregates; [`export`] writes JSON Lines, PLOVER JSON, CSV and a
//!   GDELT-style table.

pub mod browse;
pub mod dedup;
pub mod export;
mod ingest;
pub mod merge;
pub mod query;
mod schema;

use rusqlite::{Connection, OpenFlags};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

pub use browse::{DocEvent, DocumentView, FactFilter};
pub use dedup::Signature;
pub use ingest::{content_hash, outlet_of, BatchOutcome, Copy, CopyOutcome, DupIndex, Ingested};
pub use query::{EventFilter, EventRow, MentionRow};

/// The file `dyad` uses when no `--db` is given.
pub const DEFAULT_DB: &str = "dyad.db";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database {path}: {source}")]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error(
        "database {path} has schema version {found}, newer than this dyad knows ({known}); \
         use a newer dyad or another --db file"
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("database {0} does not exist; create it with `dyad ingest --db {0} PATH...`")]
    Missing(PathBuf),
    #[error("{0}")]
    Invalid(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An open store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// Row counts of the main tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Counts {
    pub documents: u64,
    pub events: u64,
    pub mentions: u64,
    pub facts: u64,
}

impl Store {
    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path).map_err(|e| sql_err(path, e))?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store.configure()?;
        schema::migrate(&mut store.conn).map_err(|e| match e {
            schema::MigrateError::Sqlite(e) => sql_err(path, e),
            schema::MigrateError::TooNew(found) => StoreError::TooNew {
                path: path.to_path_buf(),
                found,
                known: schema::VERSION,
            },
        })?;
        store.sign_unsigned()?;
        Ok(store)
    }

    /// Gives documents stored before near-duplicate detection existed their signatures, so
    /// copies of them are found too (once, at the first writable open after the upgrade).
    fn sign_unsigned(&mut self) -> Result<()> {
        let path = self.path.clone();
        let err = |e| sql_err(&path, e);
        let tx = self.conn.transaction().map_err(err)?;
        {
            let mut stmt = tx
                .prepare("SELECT id, body FROM documents WHERE minhash IS NULL")
                .map_err(err)?;
            let rows: Vec<(i64, String)> = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .map_err(err)?
                .collect::<rusqlite::Result<_>>()
                .map_err(err)?;
            for (id, body) in rows {
                ingest::store_signature(&tx, id, dedup::Signature::of(&body).as_ref())
                    .map_err(err)?;
            }
        }
        tx.commit().map_err(err)
    }

    /// Opens an existing store for reading only; a missing file is an error, not a new store.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(StoreError::Missing(path.to_path_buf()));
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| sql_err(path, e))?;
        let store = Store {
            conn,
            path: path.to_path_buf(),
        };
        let version: i64 = store
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| sql_err(path, e))?;
        if version > schema::VERSION {
            return Err(StoreError::TooNew {
                path: path.to_path_buf(),
                found: version,
                known: schema::VERSION,
            });
        }
        if version < schema::VERSION {
            return Err(StoreError::Invalid(format!(
                "database {} has schema version {version}; open it once with `dyad ingest` \
                 to upgrade it to version {}",
                path.display(),
                schema::VERSION
            )));
        }
        store
            .conn
            .busy_timeout(std::time::Duration::from_secs(5))
            .map_err(|e| sql_err(path, e))?;
        Ok(store)
    }

    fn configure(&mut self) -> Result<()> {
        // WAL lets readers (queries, the server) work while an ingest writes; NORMAL
        // synchronisation is durable at each checkpoint and never corrupts on a crash.
        self.conn
            .execute_batch(
                "PRAGMA journal_mode = WAL;
                 PRAGMA synchronous = NORMAL;
                 PRAGMA foreign_keys = ON;
                 PRAGMA temp_store = MEMORY;
                 PRAGMA cache_size = -65536;
                 PRAGMA wal_autocheckpoint = 16384;",
            )
            .map_err(|e| sql_err(&self.path, e))?;
        self.conn
            .busy_timeout(std::time::Duration::from_secs(30))
            .map_err(|e| sql_err(&self.path, e))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the file (numbered migrations applied).
    pub fn schema_version(&self) -> Result<i64> {
        self.conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    pub fn counts(&self) -> Result<Counts> {
        let n = |table: &str| -> Result<u64> {
            self.conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| {
                    r.get::<_, i64>(0)
                })
                .map(|n| n as u64)
                .map_err(|e| self.err(e))
        };
        Ok(Counts {
            documents: n("documents")?,
            events: n("events")?,
            mentions: n("mentions")?,
            facts: n("facts")?,
        })
    }

    /// How many copies ([`Store::record_copies`]) the store holds.
    pub fn count_copies(&self) -> Result<u64> {
        self.conn
            .query_row("SELECT count(*) FROM copies", [], |r| r.get::<_, i64>(0))
            .map(|n| n as u64)
            .map_err(|e| self.err(e))
    }

    /// The outlets that carried a document: its own, then its copies' in the order recorded
    /// (a document or copy without a known outlet counts by its id).
    pub fn outlets(&self, doc: &str) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT coalesce(d.outlet, 'doc:' || d.doc), 0, d.id FROM documents d WHERE d.doc = ?1
                 UNION ALL
                 SELECT coalesce(c.outlet, 'doc:' || c.doc), 1, c.id FROM copies c
                   JOIN documents d ON d.id = c.document_id WHERE d.doc = ?1
                 ORDER BY 2, 3",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([doc], |r| r.get::<_, String>(0))
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// The ids and content hashes of every stored document and copy, to skip them before
    /// extraction; each hash maps to the stored document that holds that text.
    pub fn known(&self) -> Result<Known> {
        let mut known = Known::default();
        let mut stmt = self
            .conn
            .prepare(
                "SELECT doc, hash, doc FROM documents
                 UNION ALL
                 SELECT c.doc, c.hash, d.doc FROM copies c JOIN documents d ON d.id = c.document_id",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .map_err(|e| self.err(e))?;
        for row in rows {
            let (doc, hash, holder) = row.map_err(|e| self.err(e))?;
            known.ids.insert(doc);
            known.hashes.entry(hash).or_insert(holder);
        }
        Ok(known)
    }

    /// The underlying connection, for read-only SQL of the caller's own.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn err(&self, e: rusqlite::Error) -> StoreError {
        sql_err(&self.path, e)
    }
}

/// Documents already in a store.
#[derive(Debug, Default)]
pub struct Known {
    /// Ids of stored documents and copies.
    pub ids: HashSet<String>,
    /// Content hash to the id of the stored document with that text.
    pub hashes: HashMap<String, String>,
}

impl Known {
    pub fn contains(&self, id: &str, hash: &str) -> bool {
        self.ids.contains(id) || self.hashes.contains_key(hash)
    }
}

fn sql_err(path: &Path, source: rusqlite::Error) -> StoreError {
    StoreError::Sqlite {
        path: path.to_path_buf(),
        source,
    }
}
