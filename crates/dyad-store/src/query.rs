//! Reading the store: events with filters, their mentions, and the aggregates analysts ask for.

use crate::{Result, Store};
use dyad_core::record::{Evidence, Location};
use dyad_core::Actor;
use rusqlite::types::Value;
use rusqlite::Row;
use serde::Serialize;

/// Which events to read. Empty fields do not filter.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Events with this actor on either side: a code (`KAZ`, `UN`) or part of a name.
    pub actor: Option<String>,
    /// Events between these two, in either direction.
    pub dyad: Option<(String, String)>,
    /// PLOVER type.
    pub kind: Option<String>,
    /// First date, inclusive (`YYYY-MM-DD`).
    pub from: Option<String>,
    /// Last date, inclusive.
    pub to: Option<String>,
    /// Country code of the event's location.
    pub country: Option<String>,
    /// Words that one of the evidence sentences contains.
    pub text: Option<String>,
    /// Include events reported as denied or only possible.
    pub flagged: bool,
    pub limit: Option<u64>,
    pub offset: u64,
    /// Only events with a larger id (for paging through everything).
    pub after: Option<i64>,
    /// Newest first instead of in store order.
    pub newest_first: bool,
}

/// Whether a filter value names a code rather than a name.
fn is_code(s: &str) -> bool {
    (2..=6).contains(&s.len())
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

impl EventFilter {
    /// The WHERE clause (on table alias `e`) and its parameters.
    pub(crate) fn sql(&self) -> (String, Vec<Value>) {
        let mut w = vec!["1 = 1".to_string()];
        let mut p: Vec<Value> = Vec::new();
        let bind = |v: &str, p: &mut Vec<Value>| -> usize {
            p.push(Value::Text(v.to_string()));
            p.len()
        };
        if let Some(a) = &self.actor {
            if is_code(a) {
                let i = bind(a, &mut p);
                w.push(format!("(e.source_code = ?{i} OR e.target_code = ?{i})"));
            } else {
                let i = bind(&format!("%{}%", a.to_lowercase()), &mut p);
                w.push(format!(
                    "(lower(coalesce(e.source_name, e.source_text, '')) LIKE ?{i} \
                      OR lower(coalesce(e.target_name, e.target_text, '')) LIKE ?{i})"
                ));
            }
        }
        if let Some((a, b)) = &self.dyad {
            let i = bind(a, &mut p);
            let j = bind(b, &mut p);
            w.push(format!(
                "((e.source_code = ?{i} AND e.target_code = ?{j}) \
                  OR (e.source_code = ?{j} AND e.target_code = ?{i}))"
            ));
        }
        if let Some(k) = &self.kind {
            let i = bind(&k.to_uppercase(), &mut p);
            w.push(format!("e.type = ?{i}"));
        }
        if let Some(d) = &self.from {
            let i = bind(d, &mut p);
            w.push(format!("e.date_last >= ?{i}"));
        }
        if let Some(d) = &self.to {
            let i = bind(d, &mut p);
            w.push(format!("e.date <= ?{i}"));
        }
        if let Some(c) = &self.country {
            let i = bind(c, &mut p);
            w.push(format!("e.location_country = ?{i}"));
        }
        if let Some(t) = &self.text {
            let i = bind(&format!("%{}%", t.to_lowercase()), &mut p);
            w.push(format!(
                "EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.id \
                 AND lower(m.evidence) LIKE ?{i})"
            ));
        }
        if let Some(id) = self.after {
            p.push(Value::Integer(id));
            w.push(format!("e.id > ?{}", p.len()));
        }
        if !self.flagged {
            // Unary plus keeps the planner on the selective indexes (actor, date, type).
            w.push("+e.negated = 0 AND +e.hypothetical = 0".into());
        }
        (w.join(" AND "), p)
    }
}

/// A merged event: the records contract's event fields (from its best report), its date
/// range, and how many reports, outlets and sentences state it.
#[derive(Debug, Clone, Serialize)]
pub struct EventRow {
    pub record: &'static str,
    pub id: i64,
    /// The document of the best report (highest confidence, then first stored).
    pub doc: String,
    pub date: Option<String>,
    pub date_last: Option<String>,
    #[serde(rename = "type")]
    pub kind: String,
    pub mode: Option<String>,
    pub cameo: Option<String>,
    pub source: Option<Actor>,
    pub target: Option<Actor>,
    pub location: Option<Location>,
    pub evidence: Evidence,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<i64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub context: Vec<String>,
    pub goldstein: Option<f64>,
    /// PLOVER quad class: 1 verbal cooperation .. 4 material conflict.
    pub quad: i64,
    pub rule: String,
    pub num_reports: i64,
    pub num_sources: i64,
    pub num_sentences: i64,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub negated: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub hypothetical: bool,
    /// Every report of the event (filled by [`Store::attach_reports`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reports: Vec<MentionRow>,
}

/// One document's report of an event.
#[derive(Debug, Clone, Serialize)]
pub struct MentionRow {
    #[serde(skip)]
    pub event_id: i64,
    pub doc: String,
    /// The outlet (the document's `source`, else its URL's host), if known.
    pub source: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    pub evidence: Evidence,
    pub rule: String,
    pub confidence: f64,
    pub sentences: i64,
    pub source_text: Option<String>,
    pub target_text: Option<String>,
}

const EVENT_COLUMNS: &str = "e.id, d.doc, e.date, e.date_last, e.type, e.mode, e.cameo,
    e.source_code, e.source_sector, e.source_name, e.source_text,
    e.target_code, e.target_sector, e.target_name, e.target_text,
    e.location_name, e.location_country, e.lat, e.lon,
    m.evidence, m.ev_start, m.ev_end, e.count, e.topics, e.context, e.goldstein, e.quad,
    m.rule, e.num_reports, e.num_sources, e.num_sentences, e.negated, e.hypothetical";

/// Joins each event to its best mention and that mention's document.
const EVENT_FROM: &str = "events e
    JOIN mentions m ON m.id = (SELECT id FROM mentions WHERE event_id = e.id
                               ORDER BY confidence DESC, id LIMIT 1)
    JOIN documents d ON d.id = m.document_id";

fn actor_at(r: &Row, i: usize) -> rusqlite::Result<Option<Actor>> {
    let code: Option<String> = r.get(i)?;
    let sector: Option<String> = r.get(i + 1)?;
    let name: Option<String> = r.get(i + 2)?;
    let text: Option<String> = r.get(i + 3)?;
    if code.is_none() && name.is_none() && text.is_none() {
        return Ok(None);
    }
    Ok(Some(Actor {
        text: text.or_else(|| name.clone()).unwrap_or_default(),
        code,
        sector,
        name,
    }))
}

fn json_list(s: String) -> Vec<String> {
    serde_json::from_str(&s).unwrap_or_default()
}

fn event_row(r: &Row) -> rusqlite::Result<EventRow> {
    let loc_name: Option<String> = r.get(15)?;
    let loc_country: Option<String> = r.get(16)?;
    Ok(EventRow {
        record: "event",
        id: r.get(0)?,
        doc: r.get(1)?,
        date: r.get(2)?,
        date_last: r.get(3)?,
        kind: r.get(4)?,
        mode: r.get(5)?,
        cameo: r.get(6)?,
        source: actor_at(r, 7)?,
        target: actor_at(r, 11)?,
        location: match (loc_name, loc_country) {
            (Some(name), Some(country)) => Some(Location {
                name,
                country,
                lat: r.get(17)?,
                lon: r.get(18)?,
            }),
            _ => None,
        },
        evidence: Evidence {
            text: r.get(19)?,
            start: r.get::<_, i64>(20)? as usize,
            end: r.get::<_, i64>(21)? as usize,
        },
        count: r.get(22)?,
        topics: json_list(r.get(23)?),
        context: json_list(r.get(24)?),
        goldstein: r.get(25)?,
        quad: r.get(26)?,
        rule: r.get(27)?,
        num_reports: r.get(28)?,
        num_sources: r.get(29)?,
        num_sentences: r.get(30)?,
        negated: r.get(31)?,
        hypothetical: r.get(32)?,
        reports: Vec::new(),
    })
}

/// A result table: named columns and rows of JSON values, for aggregates that a terminal,
/// a CSV file and the HTTP API all show.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<serde_json::Value>>,
}

impl Table {
    fn collect(stmt: &mut rusqlite::Statement, params: &[Value]) -> rusqlite::Result<Table> {
        let columns: Vec<String> = stmt.column_names().map(|c| c.to_string()).collect();
        let n = columns.len();
        let rows = stmt.query_map(rusqlite::params_from_iter(params.iter()), |r| {
            (0..n)
                .map(|i| {
                    Ok(match r.get_ref(i)? {
                        rusqlite::types::ValueRef::Null => serde_json::Value::Null,
                        rusqlite::types::ValueRef::Integer(v) => v.into(),
                        rusqlite::types::ValueRef::Real(v) => {
                            // Averages read better rounded; the store keeps full precision.
                            serde_json::Value::from((v * 1000.0).round() / 1000.0)
                        }
                        rusqlite::types::ValueRef::Text(t) => {
                            String::from_utf8_lossy(t).into_owned().into()
                        }
                        rusqlite::types::ValueRef::Blob(_) => serde_json::Value::Null,
                    })
                })
                .collect::<rusqlite::Result<Vec<_>>>()
        })?;
        Ok(Table {
            columns,
            rows: rows.collect::<rusqlite::Result<_>>()?,
        })
    }

    /// The rows as JSON objects keyed by column name.
    pub fn objects(&self) -> Vec<serde_json::Map<String, serde_json::Value>> {
        self.rows
            .iter()
            .map(|r| {
                self.columns
                    .iter()
                    .cloned()
                    .zip(r.iter().cloned())
                    .collect()
            })
            .collect()
    }
}

/// Time buckets for series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Day,
    Week,
    Month,
    Year,
}

impl Period {
    fn sql(self) -> &'static str {
        match self {
            Period::Day => "e.date",
            // ISO 8601 weeks: 2025-W48.
            Period::Week => "strftime('%G-W%V', e.date)",
            Period::Month => "substr(e.date, 1, 7)",
            Period::Year => "substr(e.date, 1, 4)",
        }
    }

    pub fn parse(s: &str) -> Option<Period> {
        Some(match s {
            "day" => Period::Day,
            "week" => Period::Week,
            "month" => Period::Month,
            "year" => Period::Year,
            _ => return None,
        })
    }
}

impl Store {
    /// Merged events matching `f`, without their reports.
    pub fn events(&self, f: &EventFilter) -> Result<Vec<EventRow>> {
        let (w, mut p) = f.sql();
        let order = if f.newest_first {
            "e.date DESC, e.id DESC"
        } else {
            "e.id"
        };
        let limit = f.limit.map_or(-1, |l| l as i64);
        p.push(Value::Integer(limit));
        p.push(Value::Integer(f.offset as i64));
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM {EVENT_FROM} WHERE {w} ORDER BY {order} \
             LIMIT ?{} OFFSET ?{}",
            p.len() - 1,
            p.len()
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(p.iter()), event_row)
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))
    }

    /// How many events match `f` (ignoring its limit and offset).
    pub fn count_events(&self, f: &EventFilter) -> Result<u64> {
        let (w, p) = f.sql();
        self.conn
            .query_row(
                &format!("SELECT count(*) FROM events e WHERE {w}"),
                rusqlite::params_from_iter(p.iter()),
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n as u64)
            .map_err(|e| self.err(e))
    }

    /// One event by id, with its reports.
    pub fn event(&self, id: i64) -> Result<Option<EventRow>> {
        let sql = format!("SELECT {EVENT_COLUMNS} FROM {EVENT_FROM} WHERE e.id = ?1");
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let mut rows = stmt.query_map([id], event_row).map_err(|e| self.err(e))?;
        match rows.next() {
            None => Ok(None),
            Some(r) => {
                let mut ev = vec![r.map_err(|e| self.err(e))?];
                drop(rows);
                self.attach_reports(&mut ev)?;
                Ok(ev.pop())
            }
        }
    }

    /// Fills each event's `reports`, in the order they were stored.
    pub fn attach_reports(&self, events: &mut [EventRow]) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT m.event_id, d.doc, d.outlet, d.url, m.date, m.evidence, m.ev_start,
                        m.ev_end, m.rule, m.confidence, m.sentences, m.source_text,
                        m.target_text
                 FROM mentions m JOIN documents d ON d.id = m.document_id
                 WHERE m.event_id = ?1 ORDER BY m.id",
            )
            .map_err(|e| self.err(e))?;
        for ev in events.iter_mut() {
            let rows = stmt
                .query_map([ev.id], |r| {
                    Ok(MentionRow {
                        event_id: r.get(0)?,
                        doc: r.get(1)?,
                        source: r.get(2)?,
                        url: r.get(3)?,
                        date: r.get(4)?,
                        evidence: Evidence {
                            text: r.get(5)?,
                            start: r.get::<_, i64>(6)? as usize,
                            end: r.get::<_, i64>(7)? as usize,
                        },
                        rule: r.get(8)?,
                        confidence: r.get(9)?,
                        sentences: r.get(10)?,
                        source_text: r.get(11)?,
                        target_text: r.get(12)?,
                    })
                })
                .map_err(|e| self.err(e))?;
            ev.reports = rows
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    /// Events per period with their Goldstein mean and sum and their count per PLOVER quad
    /// class, for the events matching `f`.
    pub fn series(&self, f: &EventFilter, by: Period) -> Result<Table> {
        let (w, p) = f.sql();
        let sql = format!(
            "SELECT {} AS period, count(*) AS events, sum(e.num_reports) AS reports,
                    avg(e.goldstein) AS goldstein_mean, sum(e.goldstein) AS goldstein_sum,
                    sum(e.quad = 1) AS verbal_cooperation, sum(e.quad = 2) AS material_cooperation,
                    sum(e.quad = 3) AS verbal_conflict, sum(e.quad = 4) AS material_conflict
             FROM events e WHERE {w} AND e.date IS NOT NULL
             GROUP BY period ORDER BY period",
            by.sql()
        );
        self.table(&sql, &p)
    }

    /// The pairs of states or organisations with the most events (either direction).
    pub fn top_dyads(&self, f: &EventFilter, limit: u64) -> Result<Table> {
        let (w, mut p) = f.sql();
        p.push(Value::Integer(limit as i64));
        let sql = format!(
            "SELECT min(e.source_code, e.target_code) AS actor1,
                    max(e.source_code, e.target_code) AS actor2,
                    count(*) AS events, sum(e.num_reports) AS reports,
                    avg(e.goldstein) AS goldstein_mean,
                    sum(e.quad <= 2) AS cooperation, sum(e.quad >= 3) AS conflict,
                    min(e.date) AS first, max(e.date_last) AS last
             FROM events e
             WHERE {w} AND e.source_code IS NOT NULL AND e.target_code IS NOT NULL
               AND e.source_code <> e.target_code
             GROUP BY actor1, actor2 ORDER BY events DESC, actor1, actor2 LIMIT ?{}",
            p.len()
        );
        self.table(&sql, &p)
    }

    /// Agreements signed (CAMEO 057) with their count and topics.
    pub fn agreements(&self, f: &EventFilter) -> Result<Table> {
        let (w, p) = f.sql();
        let sql = format!(
            "SELECT e.id, e.date, e.source_code AS actor1, e.target_code AS actor2,
                    e.count, e.topics, e.num_reports AS reports, m.evidence
             FROM {EVENT_FROM}
             WHERE {w} AND e.cameo LIKE '057%'
             ORDER BY e.date, e.id"
        );
        self.table(&sql, &p)
    }

    /// The latest figure of each kind reported about a pair of countries (or one country's
    /// figures when `b` is `None`): what was claimed, when, and where.
    pub fn figures(&self, a: &str, b: Option<&str>, kind: Option<&str>) -> Result<Table> {
        let mut p = vec![Value::Text(a.to_string())];
        let which = match b {
            Some(b) => {
                let mut codes = [a.to_string(), b.to_string()];
                codes.sort();
                p = vec![Value::Text(codes.join("-"))];
                "f.dyad = ?1".to_string()
            }
            None => "EXISTS (SELECT 1 FROM json_each(f.countries) WHERE value = ?1)".to_string(),
        };
        let kind_sql = match kind {
            Some(k) => {
                p.push(Value::Text(k.to_string()));
                format!(" AND f.kind = ?{}", p.len())
            }
            None => String::new(),
        };
        let sql = format!(
            "SELECT kind, date, value, value_max, unit, qualifier, countries, from_code AS \"from\",
                    to_code AS \"to\", doc, evidence
             FROM (SELECT f.*, d.doc,
                          row_number() OVER (PARTITION BY f.kind
                                             ORDER BY f.date DESC NULLS LAST, f.id DESC) AS rank
                   FROM facts f JOIN documents d ON d.id = f.document_id
                   WHERE {which}{kind_sql})
             WHERE rank = 1 ORDER BY kind"
        );
        self.table(&sql, &p)
    }

    /// Counts per PLOVER type, and the corpus's date range.
    pub fn summary(&self) -> Result<Table> {
        self.table(
            "SELECT type, count(*) AS events, sum(num_reports) AS reports,
                    min(date) AS first, max(date_last) AS last
             FROM events WHERE negated = 0 AND hypothetical = 0
             GROUP BY type ORDER BY events DESC, type",
            &[],
        )
    }

    /// Actors seen in events whose code, name or surface text contains `text`, with their event counts.
    pub fn actors(&self, text: &str, limit: u64) -> Result<Table> {
        let p = vec![
            Value::Text(format!("%{}%", text.to_lowercase())),
            Value::Integer(limit as i64),
        ];
        self.table(
            "SELECT code, name, sector, count(*) AS events FROM (
                SELECT source_code AS code, source_name AS name, source_sector AS sector,
                       source_text AS text
                FROM events
                UNION ALL
                SELECT target_code, target_name, target_sector, target_text FROM events)
             WHERE code IS NOT NULL
               AND (lower(code) LIKE ?1 OR lower(coalesce(name, '')) LIKE ?1
                    OR lower(coalesce(text, '')) LIKE ?1)
             GROUP BY code, name, sector ORDER BY events DESC, code, name LIMIT ?2",
            &p,
        )
    }

    pub(crate) fn table(&self, sql: &str, p: &[Value]) -> Result<Table> {
        let mut stmt = self.conn.prepare(sql).map_err(|e| self.err(e))?;
        Table::collect(&mut stmt, p).map_err(|e| self.err(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_told_from_names() {
        assert!(is_code("KAZ"));
        assert!(is_code("UN"));
        assert!(is_code("G20"));
        assert!(!is_code("Tokayev"));
        assert!(!is_code("kaz"));
    }

    #[test]
    fn a_filter_binds_its_values_instead_of_pasting_them() {
        let f = EventFilter {
            text: Some("'; DROP TABLE events; --".into()),
            dyad: Some(("KAZ".into(), "TKM".into())),
            ..Default::default()
        };
        let (sql, params) = f.sql();
        assert!(!sql.contains("DROP"));
        assert_eq!(params.len(), 3);
    }
}
