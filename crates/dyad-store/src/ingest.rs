//! Writing extracted documents into the store, merging their events with stored ones.

use crate::dedup::{Signature, THRESHOLD};
use crate::merge::{self, Candidate};
use crate::{Result, Store};
use chrono::NaiveDate;
use dyad_core::record::{EventRecord, FactRecord};
use dyad_core::{Actor, Extraction};
use rusqlite::{params, Transaction};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};

/// One extracted document, ready to store.
pub struct Ingested {
    pub extraction: Extraction,
    /// [`content_hash`] of the document body.
    pub hash: String,
    /// The body's near-duplicate signature (`None`: too short to have one).
    pub signature: Option<Signature>,
}

impl Ingested {
    /// An extraction with its hash and signature computed from its body.
    pub fn new(extraction: Extraction) -> Ingested {
        let hash = content_hash(&extraction.document.body);
        let signature = Signature::of(&extraction.document.body);
        Ingested {
            extraction,
            hash,
            signature,
        }
    }
}

/// A syndicated copy of a stored document: kept as another outlet of it, not extracted.
#[derive(Debug, Clone, PartialEq)]
pub struct Copy {
    /// The copy's own id.
    pub doc: String,
    /// The id of the stored document it copies.
    pub of: String,
    pub hash: String,
    pub date: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    /// Estimated similarity to the stored document (1 for identical text).
    pub similarity: f64,
}

impl Copy {
    pub fn new(d: &dyad_core::Document, of: &str, hash: String, similarity: f64) -> Copy {
        Copy {
            doc: d.id.clone(),
            of: of.to_string(),
            hash,
            date: d.date.map(|x| x.to_string()),
            title: d.title.clone(),
            url: d.url.clone(),
            outlet: outlet_of(d.source.as_deref(), d.url.as_deref()),
            similarity,
        }
    }
}

/// What recording copies did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CopyOutcome {
    pub recorded: u64,
    /// Copies whose document is not stored (its extraction was abandoned): their ids.
    pub orphans: Vec<String>,
}

/// What a batch did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchOutcome {
    pub stored: u64,
    /// Documents already in the store (same id or same content), left as they were.
    pub skipped: u64,
    pub events_new: u64,
    pub events_merged: u64,
    pub facts: u64,
}

impl std::ops::AddAssign for BatchOutcome {
    fn add_assign(&mut self, o: Self) {
        self.stored += o.stored;
        self.skipped += o.skipped;
        self.events_new += o.events_new;
        self.events_merged += o.events_merged;
        self.facts += o.facts;
    }
}

/// The hash that recognises a document already stored under another id: SHA-256 of its body,
/// hex-encoded.
pub fn content_hash(body: &str) -> String {
    let digest = Sha256::digest(body.as_bytes());
    let mut s = String::with_capacity(64);
    for b in digest.iter() {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// Where a report comes from, for counting distinct sources: the `source` field, else the
/// URL's host.
fn outlet(x: &Extraction) -> Option<String> {
    outlet_of(x.document.source.as_deref(), x.document.url.as_deref())
}

/// The outlet of a document with this `source` and URL: the source, else the URL's host.
pub fn outlet_of(source: Option<&str>, url: Option<&str>) -> Option<String> {
    if let Some(s) = source.filter(|s| !s.trim().is_empty()) {
        return Some(s.trim().to_string());
    }
    if let Some(url) = url {
        let rest = url.split_once("://").map_or(url, |(_, r)| r);
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = host.strip_prefix("www.").unwrap_or(host);
        if !host.is_empty() {
            return Some(host.to_lowercase());
        }
    }
    None
}

fn parse_date(d: Option<&str>) -> Option<NaiveDate> {
    d.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
}

impl Store {
    /// Stores a batch of documents in one transaction, in the order given. Documents whose id
    /// or content hash is already stored are skipped, so a batch can be replayed safely.
    pub fn ingest(&mut self, batch: &[Ingested]) -> Result<BatchOutcome> {
        let path = self.path.clone();
        let err = |e| crate::sql_err(&path, e);
        let tx = self.conn.transaction().map_err(err)?;
        let mut out = BatchOutcome::default();
        for item in batch {
            match insert_document(&tx, item).map_err(err)? {
                None => out.skipped += 1,
                Some(o) => out += o,
            }
        }
        tx.commit().map_err(err)?;
        Ok(out)
    }

    /// Records copies as other outlets of the stored documents they copy, in one transaction.
    /// A copy already recorded is left as it was, so a batch can be replayed.
    pub fn record_copies(&mut self, copies: &[Copy]) -> Result<CopyOutcome> {
        let path = self.path.clone();
        let err = |e| crate::sql_err(&path, e);
        let tx = self.conn.transaction().map_err(err)?;
        let mut out = CopyOutcome::default();
        for c in copies {
            let id: Option<i64> = tx
                .prepare_cached("SELECT id FROM documents WHERE doc = ?1")
                .and_then(|mut s| {
                    s.query_row([&c.of], |r| r.get(0))
                        .map(Some)
                        .or_else(|e| match e {
                            rusqlite::Error::QueryReturnedNoRows => Ok(None),
                            e => Err(e),
                        })
                })
                .map_err(err)?;
            let Some(id) = id else {
                out.orphans.push(c.doc.clone());
                continue;
            };
            let n = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO copies (document_id, doc, hash, date, title, url,
                        outlet, similarity)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )
                .and_then(|mut s| {
                    s.execute(params![
                        id,
                        c.doc,
                        c.hash,
                        c.date,
                        c.title,
                        c.url,
                        c.outlet,
                        c.similarity
                    ])
                })
                .map_err(err)?;
            out.recorded += n as u64;
        }
        tx.commit().map_err(err)?;
        Ok(out)
    }
}

/// Stores a document's signature and band keys (an empty signature marks a body too short).
pub(crate) fn store_signature(
    tx: &Transaction,
    document_id: i64,
    sig: Option<&Signature>,
) -> rusqlite::Result<()> {
    let bytes = sig.map(Signature::to_bytes).unwrap_or_default();
    tx.prepare_cached("UPDATE documents SET minhash = ?2 WHERE id = ?1")?
        .execute(params![document_id, bytes])?;
    if let Some(sig) = sig {
        let mut stmt =
            tx.prepare_cached("INSERT INTO minhash_bands (band, document_id) VALUES (?1, ?2)")?;
        for band in sig.bands() {
            stmt.execute(params![band, document_id])?;
        }
    }
    Ok(())
}

/// Finds, before extraction, whether a document is a copy of one already stored or already
/// taken in this run: same text (content hash), or a near-duplicate ([`crate::dedup`]).
pub struct DupIndex {
    /// A reading connection to the store: documents committed before this run or by it.
    store: Option<Store>,
    hashes: HashMap<String, String>,
    /// This run's documents, which may not be committed yet: band key to their index.
    bands: HashMap<i64, Vec<usize>>,
    run: Vec<(String, Signature)>,
}

impl DupIndex {
    /// An index over `store` (read-only; `None` for none) and the hashes it already holds.
    pub fn new(store: Option<Store>, known_hashes: HashMap<String, String>) -> DupIndex {
        DupIndex {
            store,
            hashes: known_hashes,
            bands: HashMap::new(),
            run: Vec::new(),
        }
    }

    /// The document this body copies and how similar it is, if any. Ties go to the document
    /// stored first, so the answer does not depend on the order of the index.
    pub fn find(&self, hash: &str, sig: Option<&Signature>) -> Result<Option<(String, f64)>> {
        if let Some(doc) = self.hashes.get(hash) {
            return Ok(Some((doc.clone(), 1.0)));
        }
        let Some(sig) = sig else {
            return Ok(None);
        };
        let keys = sig.bands();
        let mut best: Option<(f64, (u8, i64), String)> = None;
        let mut consider = |sim: f64, order: (u8, i64), doc: &str| {
            if sim < THRESHOLD {
                return;
            }
            let better = match &best {
                None => true,
                Some((s, o, _)) => sim > *s || (sim == *s && order < *o),
            };
            if better {
                best = Some((sim, order, doc.to_string()));
            }
        };
        if let Some(store) = &self.store {
            let placeholders = vec!["?"; keys.len()].join(",");
            let sql = format!(
                "SELECT DISTINCT d.id, d.doc, d.minhash FROM minhash_bands b
                 JOIN documents d ON d.id = b.document_id WHERE b.band IN ({placeholders})"
            );
            let conn = store.connection();
            let mut stmt = conn.prepare_cached(&sql).map_err(|e| store.err(e))?;
            let rows = stmt
                .query_map(rusqlite::params_from_iter(keys.iter()), |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, Vec<u8>>(2)?,
                    ))
                })
                .map_err(|e| store.err(e))?;
            for row in rows {
                let (id, doc, bytes) = row.map_err(|e| store.err(e))?;
                if let Some(other) = Signature::from_bytes(&bytes) {
                    consider(sig.similarity(&other), (0, id), &doc);
                }
            }
        }
        let mut seen = HashSet::new();
        for k in &keys {
            for &i in self.bands.get(k).into_iter().flatten() {
                if seen.insert(i) {
                    let (doc, other) = &self.run[i];
                    consider(sig.similarity(other), (1, i as i64), doc);
                }
            }
        }
        Ok(best.map(|(s, _, d)| (d, s)))
    }

    /// Takes a document of this run into the index, so later copies of it are found.
    pub fn add(&mut self, doc: &str, hash: &str, sig: Option<Signature>) {
        self.hashes
            .entry(hash.to_string())
            .or_insert_with(|| doc.to_string());
        if let Some(sig) = sig {
            let i = self.run.len();
            for k in sig.bands() {
                self.bands.entry(k).or_default().push(i);
            }
            self.run.push((doc.to_string(), sig));
        }
    }
}

fn insert_document(tx: &Transaction, item: &Ingested) -> rusqlite::Result<Option<BatchOutcome>> {
    let d = &item.extraction.document;
    let inserted = tx.execute(
        "INSERT OR IGNORE INTO documents (doc, hash, date, title, url, outlet, dateline, body)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            d.doc,
            item.hash,
            d.date,
            d.title,
            d.url,
            outlet(&item.extraction),
            d.dateline,
            d.body
        ],
    )?;
    if inserted == 0 {
        return Ok(None);
    }
    let document_id = tx.last_insert_rowid();
    store_signature(tx, document_id, item.signature.as_ref())?;
    let mut out = BatchOutcome {
        stored: 1,
        ..Default::default()
    };
    for e in &item.extraction.events {
        if insert_event(tx, document_id, e)? {
            out.events_merged += 1;
        } else {
            out.events_new += 1;
        }
    }
    for f in &item.extraction.facts {
        insert_fact(tx, document_id, f)?;
        out.facts += 1;
    }
    Ok(Some(out))
}

/// Finds the stored event this one reports, if any (see [`crate::merge`]).
fn find_match(
    tx: &Transaction,
    document_id: i64,
    e: &EventRecord,
    key: &str,
) -> rusqlite::Result<Option<i64>> {
    let Some(date) = parse_date(e.date.as_deref()) else {
        return Ok(None);
    };
    let (lo, hi) = merge::window(date);
    // Bounding the first date from below too keeps the index scan to a few weeks.
    let earliest = date
        .checked_sub_days(chrono::Days::new(merge::MAX_SPAN_DAYS as u64))
        .unwrap_or(date);
    let mut stmt = tx.prepare_cached(
        "SELECT id, date, date_last, location_country, num_reports FROM events
         WHERE type = ?1 AND pair_key = ?2 AND negated = ?3 AND hypothetical = ?4
           AND date IS NOT NULL AND date >= ?8 AND date <= ?5 AND date_last >= ?6
           AND NOT EXISTS (SELECT 1 FROM mentions m
                           WHERE m.event_id = events.id AND m.document_id = ?7)",
    )?;
    let rows = stmt.query_map(
        params![
            e.kind,
            key,
            e.negated,
            e.hypothetical,
            hi.to_string(),
            lo.to_string(),
            document_id,
            earliest.to_string()
        ],
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, i64>(4)?,
            ))
        },
    )?;
    let mut candidates = Vec::new();
    for row in rows {
        let (id, first, last, country, reports) = row?;
        if let (Some(first), Some(last)) = (parse_date(Some(&first)), parse_date(Some(&last))) {
            candidates.push(Candidate {
                id,
                date: first,
                date_last: last,
                country,
                reports,
            });
        }
    }
    let country = e.location.as_ref().map(|l| l.country.as_str());
    Ok(merge::choose(&candidates, date, country))
}

fn actor_cols(a: Option<&Actor>) -> [Option<&str>; 4] {
    match a {
        None => [None; 4],
        Some(a) => [
            a.code.as_deref(),
            a.sector.as_deref(),
            a.name.as_deref(),
            Some(a.text.as_str()),
        ],
    }
}

/// Stores one event as a mention, merged into a stored event or as a new one. Returns whether
/// it merged.
fn insert_event(tx: &Transaction, document_id: i64, e: &EventRecord) -> rusqlite::Result<bool> {
    let key = merge::pair_key(e);
    let matched = find_match(tx, document_id, e, &key)?;
    let topics = serde_json::to_string(&e.topics).unwrap_or_else(|_| "[]".into());
    let event_id = match matched {
        Some(id) => {
            // Widen the date range, fill what the first reports left unknown, keep the
            // largest count and every topic.
            let (old_topics, old_count): (String, Option<i64>) = tx.query_row(
                "SELECT topics, count FROM events WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            let mut all: Vec<String> = serde_json::from_str(&old_topics).unwrap_or_default();
            for t in &e.topics {
                if !all.contains(t) {
                    all.push(t.clone());
                }
            }
            let count = match (old_count, e.count) {
                (Some(a), Some(b)) => Some(a.max(b as i64)),
                (a, b) => a.or(b.map(|b| b as i64)),
            };
            let loc = e.location.as_ref();
            tx.prepare_cached(
                "UPDATE events SET
                    date = min(date, ?2), date_last = max(date_last, ?2),
                    mode = coalesce(mode, ?3),
                    location_name = coalesce(location_name, ?4),
                    location_country = coalesce(location_country, ?5),
                    lat = CASE WHEN location_name IS NULL THEN ?6 ELSE lat END,
                    lon = CASE WHEN location_name IS NULL THEN ?7 ELSE lon END,
                    count = ?8, topics = ?9
                 WHERE id = ?1",
            )?
            .execute(params![
                id,
                e.date,
                e.mode,
                loc.map(|l| l.name.as_str()),
                loc.map(|l| l.country.as_str()),
                loc.and_then(|l| l.lat),
                loc.and_then(|l| l.lon),
                count,
                serde_json::to_string(&all).unwrap_or_else(|_| "[]".into()),
            ])?;
            id
        }
        None => {
            let s = actor_cols(e.source.as_ref());
            let t = actor_cols(e.target.as_ref());
            let loc = e.location.as_ref();
            tx.prepare_cached(
                "INSERT INTO events (type, mode, cameo, quad, goldstein,
                    source_code, source_sector, source_name, source_text,
                    target_code, target_sector, target_name, target_text,
                    pair_key, negated, hypothetical, date, date_last,
                    location_name, location_country, lat, lon, count, topics, context,
                    num_reports, num_sources, num_sentences)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
                         ?16, ?17, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, 1, 1, ?25)",
            )?
            .execute(params![
                e.kind,
                e.mode,
                e.cameo,
                merge::quad(&e.kind),
                e.goldstein,
                s[0],
                s[1],
                s[2],
                s[3],
                t[0],
                t[1],
                t[2],
                t[3],
                key,
                e.negated,
                e.hypothetical,
                e.date,
                loc.map(|l| l.name.as_str()),
                loc.map(|l| l.country.as_str()),
                loc.and_then(|l| l.lat),
                loc.and_then(|l| l.lon),
                e.count.map(|c| c as i64),
                topics,
                serde_json::to_string(&e.context).unwrap_or_else(|_| "[]".into()),
                e.mentions as i64,
            ])?;
            tx.last_insert_rowid()
        }
    };
    tx.prepare_cached(
        "INSERT INTO mentions (event_id, document_id, date, rule, confidence, sentences,
            source_text, target_text, evidence, ev_start, ev_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        event_id,
        document_id,
        e.date,
        e.rule,
        e.confidence,
        e.mentions as i64,
        e.source.as_ref().map(|a| a.text.as_str()),
        e.target.as_ref().map(|a| a.text.as_str()),
        e.evidence.text,
        e.evidence.start as i64,
        e.evidence.end as i64,
    ])?;
    if matched.is_none() {
        // A new event has this one report: its counts were set on insert.
        return Ok(false);
    }
    // Sources are counted by outlet; a document without a known outlet counts as its own.
    tx.prepare_cached(
        "UPDATE events SET
            num_reports = (SELECT count(*) FROM mentions WHERE event_id = ?1),
            num_sentences = (SELECT sum(sentences) FROM mentions WHERE event_id = ?1),
            num_sources = (SELECT count(DISTINCT coalesce(d.outlet, 'doc:' || d.doc))
                           FROM mentions m JOIN documents d ON d.id = m.document_id
                           WHERE m.event_id = ?1)
         WHERE id = ?1",
    )?
    .execute([event_id])?;
    Ok(matched.is_some())
}

fn insert_fact(tx: &Transaction, document_id: i64, f: &FactRecord) -> rusqlite::Result<()> {
    let mut codes = f.countries.clone();
    codes.sort();
    codes.dedup();
    let dyad = (!codes.is_empty()).then(|| codes.join("-"));
    tx.prepare_cached(
        "INSERT INTO facts (document_id, date, kind, countries, dyad, from_code, to_code, value,
            value_max, unit, qualifier, claimant_code, evidence, ev_start, ev_end, record)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?
    .execute(params![
        document_id,
        f.date,
        f.kind,
        serde_json::to_string(&f.countries).unwrap_or_else(|_| "[]".into()),
        dyad,
        f.from,
        f.to,
        f.value,
        f.value_max,
        f.unit,
        f.qualifier,
        f.claimant.as_ref().and_then(|c| c.code.as_deref()),
        f.evidence.text,
        f.evidence.start as i64,
        f.evidence.end as i64,
        serde_json::to_string(f).unwrap_or_default(),
    ])?;
    Ok(())
}
