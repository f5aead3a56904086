//! Reading documents and facts back for display: the listings and the one-document view that
//! the dashboard and API show, with every event and fact placed in its document's text.

use crate::query::{EventFilter, Table};
use crate::{Result, Store};
use rusqlite::types::Value;
use serde::Serialize;

/// Which facts to read. Empty fields do not filter.
#[derive(Debug, Clone, Default)]
pub struct FactFilter {
    /// Fact kind: `trade`, `investment`, `agreement`, ...
    pub kind: Option<String>,
    /// Facts naming this country code.
    pub country: Option<String>,
    /// Facts about this pair of country codes (either order).
    pub dyad: Option<(String, String)>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub limit: Option<u64>,
    pub offset: u64,
}

impl FactFilter {
    fn sql(&self) -> (String, Vec<Value>) {
        let mut w = vec!["1 = 1".to_string()];
        let mut p: Vec<Value> = Vec::new();
        let bind = |v: String, p: &mut Vec<Value>| -> usize {
            p.push(Value::Text(v));
            p.len()
        };
        if let Some(k) = &self.kind {
            let i = bind(k.to_lowercase(), &mut p);
            w.push(format!("f.kind = ?{i}"));
        }
        if let Some(c) = &self.country {
            let i = bind(c.clone(), &mut p);
            w.push(format!(
                "EXISTS (SELECT 1 FROM json_each(f.countries) WHERE value = ?{i})"
            ));
        }
        if let Some((a, b)) = &self.dyad {
            let mut codes = [a.clone(), b.clone()];
            codes.sort();
            let i = bind(codes.join("-"), &mut p);
            w.push(format!("f.dyad = ?{i}"));
        }
        if let Some(d) = &self.from {
            let i = bind(d.clone(), &mut p);
            w.push(format!("f.date >= ?{i}"));
        }
        if let Some(d) = &self.to {
            let i = bind(d.clone(), &mut p);
            w.push(format!("f.date <= ?{i}"));
        }
        (w.join(" AND "), p)
    }
}

/// One stored document with the events and facts found in it, each with its offsets into
/// `body` (Unicode code points, as in the records contract).
#[derive(Debug, Clone, Serialize)]
pub struct DocumentView {
    pub doc: String,
    pub date: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub dateline: Option<String>,
    pub body: String,
    /// Every outlet that carried this text: this document's, then its syndicated copies'.
    pub outlets: Vec<String>,
    pub events: Vec<DocEvent>,
    pub facts: Vec<serde_json::Value>,
}

/// An event as this document reports it.
#[derive(Debug, Clone, Serialize)]
pub struct DocEvent {
    pub event_id: i64,
    #[serde(rename = "type")]
    pub kind: String,
    pub cameo: Option<String>,
    pub source: Option<String>,
    pub target: Option<String>,
    pub rule: String,
    pub start: i64,
    pub end: i64,
}

impl Store {
    /// Documents, newest first, optionally only those whose title or id contains `text`.
    pub fn documents(&self, text: Option<&str>, limit: u64, offset: u64) -> Result<Table> {
        let (w, mut p) = doc_where(text);
        p.push(Value::Integer(limit as i64));
        p.push(Value::Integer(offset as i64));
        let sql = format!(
            "SELECT d.doc, d.date, d.title, d.outlet, d.url,
                    (SELECT count(*) FROM mentions m WHERE m.document_id = d.id) AS events,
                    (SELECT count(*) FROM facts f WHERE f.document_id = d.id) AS facts
             FROM documents d WHERE {w}
             ORDER BY d.date DESC NULLS LAST, d.id DESC LIMIT ?{} OFFSET ?{}",
            p.len() - 1,
            p.len()
        );
        self.table(&sql, &p)
    }

    /// How many documents [`Store::documents`] would list without a limit.
    pub fn count_documents(&self, text: Option<&str>) -> Result<u64> {
        let (w, p) = doc_where(text);
        self.count(&format!("SELECT count(*) FROM documents d WHERE {w}"), &p)
    }

    /// One document by id, with its events and facts; `None` when it is not stored.
    pub fn document(&self, doc: &str) -> Result<Option<DocumentView>> {
        let conn = self.connection();
        let mut stmt = conn
            .prepare(
                "SELECT id, doc, date, title, url, outlet, dateline, body
                 FROM documents WHERE doc = ?1",
            )
            .map_err(|e| self.err(e))?;
        let mut rows = stmt
            .query_map([doc], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    DocumentView {
                        doc: r.get(1)?,
                        date: r.get(2)?,
                        title: r.get(3)?,
                        url: r.get(4)?,
                        outlet: r.get(5)?,
                        dateline: r.get(6)?,
                        body: r.get(7)?,
                        outlets: Vec::new(),
                        events: Vec::new(),
                        facts: Vec::new(),
                    },
                ))
            })
            .map_err(|e| self.err(e))?;
        let Some(first) = rows.next() else {
            return Ok(None);
        };
        let (id, mut view) = first.map_err(|e| self.err(e))?;
        drop(rows);
        let mut stmt = conn
            .prepare(
                "SELECT m.event_id, e.type, e.cameo, e.source_code, e.target_code, m.rule,
                        m.ev_start, m.ev_end
                 FROM mentions m JOIN events e ON e.id = m.event_id
                 WHERE m.document_id = ?1 ORDER BY m.ev_start, m.id",
            )
            .map_err(|e| self.err(e))?;
        view.events = stmt
            .query_map([id], |r| {
                Ok(DocEvent {
                    event_id: r.get(0)?,
                    kind: r.get(1)?,
                    cameo: r.get(2)?,
                    source: r.get(3)?,
                    target: r.get(4)?,
                    rule: r.get(5)?,
                    start: r.get(6)?,
                    end: r.get(7)?,
                })
            })
            .map_err(|e| self.err(e))?
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))?;
        let mut stmt = conn
            .prepare("SELECT record FROM facts WHERE document_id = ?1 ORDER BY ev_start, id")
            .map_err(|e| self.err(e))?;
        view.facts = stmt
            .query_map([id], |r| r.get::<_, String>(0))
            .map_err(|e| self.err(e))?
            .filter_map(|r| r.ok())
            .filter_map(|s| serde_json::from_str(&s).ok())
            .collect();
        view.outlets = self.outlets(doc)?;
        Ok(Some(view))
    }

    /// Facts matching `f`, newest first, with the document they come from.
    pub fn facts(&self, f: &FactFilter) -> Result<Table> {
        let (w, mut p) = f.sql();
        p.push(Value::Integer(f.limit.map_or(-1, |l| l as i64)));
        p.push(Value::Integer(f.offset as i64));
        let sql = format!(
            "SELECT f.id, d.doc, f.date, f.kind, f.countries, f.from_code AS \"from\",
                    f.to_code AS \"to\", f.value, f.value_max, f.unit, f.qualifier,
                    f.claimant_code AS claimant, f.evidence, f.ev_start AS start,
                    f.ev_end AS \"end\"
             FROM facts f JOIN documents d ON d.id = f.document_id
             WHERE {w} ORDER BY f.date DESC NULLS LAST, f.id DESC LIMIT ?{} OFFSET ?{}",
            p.len() - 1,
            p.len()
        );
        let mut t = self.table(&sql, &p)?;
        // `countries` is stored as JSON text; the caller wants the list itself.
        if let Some(i) = t.columns.iter().position(|c| c == "countries") {
            for row in &mut t.rows {
                if let Some(serde_json::Value::String(s)) = row.get(i) {
                    row[i] = serde_json::from_str(s).unwrap_or(serde_json::Value::Null);
                }
            }
        }
        Ok(t)
    }

    /// How many facts match `f` (ignoring its limit and offset).
    pub fn count_facts(&self, f: &FactFilter) -> Result<u64> {
        let (w, p) = f.sql();
        self.count(&format!("SELECT count(*) FROM facts f WHERE {w}"), &p)
    }

    /// Event locations with coordinates: how many events matching `f` happened at each,
    /// their mean Goldstein score and their share of conflict (quad classes 3 and 4).
    pub fn locations(&self, f: &EventFilter, limit: u64) -> Result<Table> {
        let (w, mut p) = f.sql();
        p.push(Value::Integer(limit as i64));
        let sql = format!(
            "SELECT e.location_name AS name, e.location_country AS country,
                    e.lat, e.lon, count(*) AS events, avg(e.goldstein) AS goldstein_mean,
                    sum(e.quad >= 3) AS conflict
             FROM events e
             WHERE {w} AND e.lat IS NOT NULL AND e.lon IS NOT NULL
             GROUP BY e.location_name, e.location_country, e.lat, e.lon
             ORDER BY events DESC LIMIT ?{}",
            p.len()
        );
        self.table(&sql, &p)
    }

    pub(crate) fn count(&self, sql: &str, p: &[Value]) -> Result<u64> {
        self.connection()
            .query_row(sql, rusqlite::params_from_iter(p.iter()), |r| {
                r.get::<_, i64>(0)
            })
            .map(|n| n as u64)
            .map_err(|e| self.err(e))
    }
}

fn doc_where(text: Option<&str>) -> (String, Vec<Value>) {
    match text.filter(|t| !t.trim().is_empty()) {
        None => ("1 = 1".into(), Vec::new()),
        Some(t) => (
            "(lower(coalesce(d.title, '')) LIKE ?1 OR lower(d.doc) LIKE ?1)".into(),
            vec![Value::Text(format!("%{}%", t.trim().to_lowercase()))],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fact_dyad_matches_in_either_order() {
        let a = FactFilter {
            dyad: Some(("TKM".into(), "KAZ".into())),
            ..Default::default()
        };
        let (_, p) = a.sql();
        assert_eq!(p, vec![Value::Text("KAZ-TKM".into())]);
    }

    #[test]
    fn document_search_binds_its_text() {
        let (w, p) = doc_where(Some(" Summit' OR 1=1 "));
        assert!(!w.contains("OR 1=1"));
        assert_eq!(p, vec![Value::Text("%summit' or 1=1%".into())]);
        assert_eq!(doc_where(Some("  ")).1.len(), 0);
    }
}
