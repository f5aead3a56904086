//! Writing extracted documents into the store, merging their events with stored ones.

use crate::merge::{self, Candidate};
use crate::{Result, Store};
use chrono::NaiveDate;
use dyad_core::record::{EventRecord, FactRecord};
use dyad_core::{Actor, Extraction};
use rusqlite::{params, Transaction};
use sha2::{Digest, Sha256};

/// One extracted document, ready to store.
pub struct Ingested {
    pub extraction: Extraction,
    /// [`content_hash`] of the document body.
    pub hash: String,
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
/// URL's host, else the wire agency of the dateline.
fn outlet(x: &Extraction) -> Option<String> {
    let d = &x.document;
    if let Some(s) = d.source.as_deref().filter(|s| !s.trim().is_empty()) {
        return Some(s.trim().to_string());
    }
    if let Some(url) = d.url.as_deref() {
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
