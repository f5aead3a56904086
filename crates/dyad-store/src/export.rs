//! Writing the store out: the records contract's JSON Lines (merged events with their reports,
//! then facts), PLOVER's own JSON field names, a flat table (CSV, and the columns the Parquet
//! writer uses), and GDELT 2.0's event table layout.

use crate::query::{EventFilter, EventRow};
use crate::{Result, Store, StoreError};
use std::collections::HashMap;
use std::io::Write;

/// Events are read and written this many at a time, so an export of any size runs in
/// bounded memory.
const PAGE: u64 = 2000;

impl Store {
    /// Calls `each` with every event matching `f` (its reports attached), in id order.
    pub fn for_each_event(
        &self,
        f: &EventFilter,
        mut each: impl FnMut(&EventRow) -> Result<()>,
    ) -> Result<()> {
        let mut page = f.clone();
        page.newest_first = false;
        page.limit = Some(PAGE);
        let mut seen = 0u64;
        loop {
            page.after = Some(page.after.unwrap_or(0));
            let mut rows = self.events(&page)?;
            if rows.is_empty() {
                return Ok(());
            }
            self.attach_reports(&mut rows)?;
            for r in &rows {
                if f.limit.is_some_and(|l| seen >= l) {
                    return Ok(());
                }
                each(r)?;
                seen += 1;
            }
            page.after = rows.last().map(|r| r.id);
        }
    }

    /// Calls `each` with every fact (its contract record with the store's `id` added).
    pub fn for_each_fact(
        &self,
        mut each: impl FnMut(serde_json::Map<String, serde_json::Value>) -> Result<()>,
    ) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, record FROM facts ORDER BY id")
            .map_err(|e| self.err(e))?;
        let mut rows = stmt.query([]).map_err(|e| self.err(e))?;
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let id: i64 = r.get(0).map_err(|e| self.err(e))?;
            let text: String = r.get(1).map_err(|e| self.err(e))?;
            let mut obj: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&text)
                .map_err(|e| {
                StoreError::Invalid(format!("fact {id} is not valid JSON in the store: {e}"))
            })?;
            obj.insert("id".into(), id.into());
            each(obj)?;
        }
        Ok(())
    }
}

fn io(e: std::io::Error) -> StoreError {
    StoreError::Invalid(format!("cannot write the export: {e}"))
}

/// JSON Lines: every merged event (contract fields plus `id`, `date_last`, `num_reports`,
/// `num_sources`, `num_sentences` and `reports`), then every fact.
pub fn write_jsonl(store: &Store, f: &EventFilter, out: &mut dyn Write) -> Result<u64> {
    let mut n = 0;
    store.for_each_event(f, |e| {
        serde_json::to_writer(&mut *out, e).map_err(|e| io(e.into()))?;
        out.write_all(b"\n").map_err(io)?;
        n += 1;
        Ok(())
    })?;
    store.for_each_fact(|fact| {
        serde_json::to_writer(&mut *out, &fact).map_err(|e| io(e.into()))?;
        out.write_all(b"\n").map_err(io)?;
        n += 1;
        Ok(())
    })?;
    Ok(n)
}

/// One event in PLOVER's JSON field names (`event`, `actor`, `recipient`, `event_loc`,
/// `text_info`, `cite_info`), with CAMEO and Goldstein kept for users of older data.
pub fn plover_json(e: &EventRow) -> serde_json::Value {
    let actor = |a: &Option<dyad_core::Actor>| match a {
        None => serde_json::json!([]),
        Some(a) => serde_json::json!([{
            "entity_text": a.text, "code": a.code, "sector": a.sector, "name": a.name
        }]),
    };
    let cites: Vec<serde_json::Value> = e
        .reports
        .iter()
        .map(|m| {
            serde_json::json!({
                "doc": m.doc, "url": m.url, "publication": m.source, "date": m.date,
                "text": m.evidence.text,
                "text_info": {"start": m.evidence.start, "end": m.evidence.end}
            })
        })
        .collect();
    serde_json::json!({
        "id": format!("dyad-{}", e.id),
        "date": e.date,
        "date_end": e.date_last,
        "event": e.kind,
        "mode": e.mode,
        "context": e.context,
        "actor": actor(&e.source),
        "recipient": actor(&e.target),
        "event_loc": e.location.as_ref().map(|l| serde_json::json!({
            "name": l.name, "country": l.country, "lat": l.lat, "lon": l.lon
        })),
        "text": e.evidence.text,
        "text_info": {"doc": e.doc, "start": e.evidence.start, "end": e.evidence.end},
        "cite_info": cites,
        "cameo": e.cameo,
        "goldstein": e.goldstein,
        "num_reports": e.num_reports,
        "num_sources": e.num_sources,
    })
}

pub fn write_plover(store: &Store, f: &EventFilter, out: &mut dyn Write) -> Result<u64> {
    let mut n = 0;
    store.for_each_event(f, |e| {
        serde_json::to_writer(&mut *out, &plover_json(e)).map_err(|e| io(e.into()))?;
        out.write_all(b"\n").map_err(io)?;
        n += 1;
        Ok(())
    })?;
    Ok(n)
}

/// The type of a flat column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    Int,
    Float,
    Text,
}

/// One cell of the flat table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Int(Option<i64>),
    Float(Option<f64>),
    Text(Option<String>),
}

impl Cell {
    /// The cell as text: empty for a missing value.
    pub fn text(&self) -> String {
        match self {
            Cell::Int(v) => v.map(|v| v.to_string()).unwrap_or_default(),
            Cell::Float(v) => v.map(|v| v.to_string()).unwrap_or_default(),
            Cell::Text(v) => v.clone().unwrap_or_default(),
        }
    }
}

/// The flat event table's columns, shared by CSV and Parquet.
pub const FLAT_COLUMNS: &[(&str, ColumnType)] = &[
    ("id", ColumnType::Int),
    ("date", ColumnType::Text),
    ("date_last", ColumnType::Text),
    ("type", ColumnType::Text),
    ("mode", ColumnType::Text),
    ("cameo", ColumnType::Text),
    ("quad", ColumnType::Int),
    ("goldstein", ColumnType::Float),
    ("source_code", ColumnType::Text),
    ("source_sector", ColumnType::Text),
    ("source_name", ColumnType::Text),
    ("source_text", ColumnType::Text),
    ("target_code", ColumnType::Text),
    ("target_sector", ColumnType::Text),
    ("target_name", ColumnType::Text),
    ("target_text", ColumnType::Text),
    ("location_name", ColumnType::Text),
    ("location_country", ColumnType::Text),
    ("lat", ColumnType::Float),
    ("lon", ColumnType::Float),
    ("count", ColumnType::Int),
    ("topics", ColumnType::Text),
    ("num_reports", ColumnType::Int),
    ("num_sources", ColumnType::Int),
    ("num_sentences", ColumnType::Int),
    ("doc", ColumnType::Text),
    ("rule", ColumnType::Text),
    ("evidence", ColumnType::Text),
    ("evidence_start", ColumnType::Int),
    ("evidence_end", ColumnType::Int),
];

/// An event as a row of [`FLAT_COLUMNS`]; `topics` are joined with `;`.
pub fn flat_row(e: &EventRow) -> Vec<Cell> {
    let t = |s: &Option<String>| Cell::Text(s.clone());
    let actor = |a: &Option<dyad_core::Actor>| -> [Cell; 4] {
        match a {
            None => [
                Cell::Text(None),
                Cell::Text(None),
                Cell::Text(None),
                Cell::Text(None),
            ],
            Some(a) => [
                t(&a.code),
                t(&a.sector),
                t(&a.name),
                Cell::Text(Some(a.text.clone())),
            ],
        }
    };
    let loc = e.location.as_ref();
    let mut row = vec![
        Cell::Int(Some(e.id)),
        t(&e.date),
        t(&e.date_last),
        Cell::Text(Some(e.kind.clone())),
        t(&e.mode),
        t(&e.cameo),
        Cell::Int(Some(e.quad)),
        Cell::Float(e.goldstein),
    ];
    row.extend(actor(&e.source));
    row.extend(actor(&e.target));
    row.extend([
        Cell::Text(loc.map(|l| l.name.clone())),
        Cell::Text(loc.map(|l| l.country.clone())),
        Cell::Float(loc.and_then(|l| l.lat)),
        Cell::Float(loc.and_then(|l| l.lon)),
        Cell::Int(e.count),
        Cell::Text((!e.topics.is_empty()).then(|| e.topics.join(";"))),
        Cell::Int(Some(e.num_reports)),
        Cell::Int(Some(e.num_sources)),
        Cell::Int(Some(e.num_sentences)),
        Cell::Text(Some(e.doc.clone())),
        Cell::Text(Some(e.rule.clone())),
        Cell::Text(Some(e.evidence.text.clone())),
        Cell::Int(Some(e.evidence.start as i64)),
        Cell::Int(Some(e.evidence.end as i64)),
    ]);
    row
}

/// CSV with a header row, one line per merged event.
pub fn write_csv(store: &Store, f: &EventFilter, out: &mut dyn Write) -> Result<u64> {
    let mut w = csv::Writer::from_writer(out);
    let csv_err = |e: csv::Error| StoreError::Invalid(format!("cannot write the export: {e}"));
    w.write_record(FLAT_COLUMNS.iter().map(|c| c.0))
        .map_err(csv_err)?;
    let mut n = 0;
    store.for_each_event(f, |e| {
        w.write_record(flat_row(e).iter().map(Cell::text))
            .map_err(csv_err)?;
        n += 1;
        Ok(())
    })?;
    w.flush().map_err(io)?;
    Ok(n)
}

/// ISO 3166 alpha-3 to FIPS 10-4, the country codes of GDELT's geography fields.
pub fn fips_codes() -> HashMap<&'static str, &'static str> {
    include_str!("../data/fips.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("iso3\t"))
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some((f.next()?, f.next()?))
        })
        .collect()
}

/// GDELT's quad class from a CAMEO code: 1 verbal cooperation (01-05), 2 material cooperation
/// (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20).
pub fn cameo_quad(cameo: &str) -> Option<u8> {
    let root: u8 = cameo.get(..2)?.parse().ok()?;
    Some(match root {
        1..=5 => 1,
        6..=8 => 2,
        9..=13 => 3,
        14..=20 => 4,
        _ => return None,
    })
}

/// GDELT 2.0's 61 event-table columns, tab-separated, no header (as GDELT publishes them).
/// Actor codes are dyad's (ISO alpha-3, which CAMEO country codes follow, or an organisation
/// code) followed by the CAMEO role of the sector (`GOV`, `MIL`, ...); geography uses FIPS
/// country codes like GDELT. Tone is not measured: `AvgTone` is 0.
pub fn gdelt_row(e: &EventRow, fips: &HashMap<&str, &str>) -> Vec<String> {
    let date = e.date.as_deref().unwrap_or("");
    let ymd: String = date.chars().filter(|c| c.is_ascii_digit()).collect();
    let year = ymd.get(..4).unwrap_or("").to_string();
    let month = ymd.get(..6).unwrap_or("").to_string();
    let fraction = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .ok()
        .map(|d| {
            use chrono::Datelike;
            format!("{:.4}", d.year() as f64 + d.ordinal0() as f64 / 365.0)
        })
        .unwrap_or_default();
    let actor = |a: &Option<dyad_core::Actor>| -> Vec<String> {
        let mut v = vec![String::new(); 10];
        if let Some(a) = a {
            let code = a.code.clone().unwrap_or_default();
            let sector = a.sector.clone().unwrap_or_default();
            v[0] = format!("{code}{sector}");
            v[1] = a
                .name
                .clone()
                .unwrap_or_else(|| a.text.clone())
                .to_uppercase();
            if code.len() == 3 {
                v[2] = code;
            } else {
                v[3] = code;
            }
            v[7] = sector;
        }
        v
    };
    let cameo = e.cameo.clone().unwrap_or_default();
    let geo = || -> Vec<String> {
        let mut v = vec![String::new(); 8];
        v[0] = "0".into();
        if let Some(l) = &e.location {
            // GDELT's type 4 is a world city; a country alone would be 1.
            v[0] = "4".into();
            v[1] = l.name.clone();
            v[2] = fips
                .get(l.country.as_str())
                .copied()
                .unwrap_or("")
                .to_string();
            v[5] = l.lat.map(|x| x.to_string()).unwrap_or_default();
            v[6] = l.lon.map(|x| x.to_string()).unwrap_or_default();
        }
        v
    };
    let mut row = vec![e.id.to_string(), ymd.clone(), month, year, fraction];
    row.extend(actor(&e.source));
    row.extend(actor(&e.target));
    row.extend([
        "1".to_string(),
        cameo.clone(),
        cameo.get(..3).unwrap_or(&cameo).to_string(),
        cameo.get(..2).unwrap_or(&cameo).to_string(),
        cameo_quad(&cameo)
            .map(|q| q.to_string())
            .unwrap_or_default(),
        e.goldstein.map(|g| g.to_string()).unwrap_or_default(),
        e.num_sentences.to_string(),
        e.num_sources.to_string(),
        e.num_reports.to_string(),
        "0".to_string(),
    ]);
    // dyad locates events, not actors: the actors' geography stays empty (type 0) and the
    // event's place is the action's.
    let mut none = vec![String::new(); 8];
    none[0] = "0".into();
    row.extend(none.clone());
    row.extend(none);
    row.extend(geo());
    let added = e
        .reports
        .first()
        .and_then(|m| m.date.clone())
        .unwrap_or_else(|| date.to_string());
    row.push(format!(
        "{}000000",
        added
            .chars()
            .filter(|c| c.is_ascii_digit())
            .collect::<String>()
    ));
    row.push(
        e.reports
            .first()
            .and_then(|m| m.url.clone())
            .unwrap_or_else(|| e.doc.clone()),
    );
    row
}

pub fn write_gdelt(store: &Store, f: &EventFilter, out: &mut dyn Write) -> Result<u64> {
    let fips = fips_codes();
    let mut n = 0;
    store.for_each_event(f, |e| {
        let row: Vec<String> = gdelt_row(e, &fips)
            .into_iter()
            .map(|c| c.replace(['\t', '\n', '\r'], " "))
            .collect();
        out.write_all(row.join("\t").as_bytes()).map_err(io)?;
        out.write_all(b"\n").map_err(io)?;
        n += 1;
        Ok(())
    })?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gdelt_quad_classes_follow_the_cameo_roots() {
        assert_eq!(cameo_quad("043"), Some(1));
        assert_eq!(cameo_quad("057"), Some(1));
        assert_eq!(cameo_quad("071"), Some(2));
        assert_eq!(cameo_quad("112"), Some(3));
        assert_eq!(cameo_quad("190"), Some(4));
        assert_eq!(cameo_quad(""), None);
    }

    #[test]
    fn the_fips_table_covers_the_usual_suspects() {
        let f = fips_codes();
        assert_eq!(f.get("DEU"), Some(&"GM"));
        assert_eq!(f.get("KAZ"), Some(&"KZ"));
        assert_eq!(f.get("GBR"), Some(&"UK"));
        assert!(f.len() > 190, "only {} rows", f.len());
        assert!(f.values().all(|c| c.len() == 2));
    }

    #[test]
    fn flat_rows_have_one_cell_per_column() {
        let e = EventRow {
            record: "event",
            id: 3,
            doc: "a.txt".into(),
            date: Some("2025-01-02".into()),
            date_last: Some("2025-01-03".into()),
            kind: "CONSULT".into(),
            mode: None,
            cameo: Some("040".into()),
            source: None,
            target: None,
            location: None,
            evidence: dyad_core::record::Evidence {
                text: "x".into(),
                start: 0,
                end: 1,
            },
            count: None,
            topics: vec!["energy".into(), "transport".into()],
            context: vec![],
            goldstein: Some(1.0),
            quad: 1,
            rule: "talks".into(),
            num_reports: 2,
            num_sources: 2,
            num_sentences: 3,
            negated: false,
            hypothetical: false,
            reports: vec![],
        };
        let row = flat_row(&e);
        assert_eq!(row.len(), FLAT_COLUMNS.len());
        assert_eq!(row[21], Cell::Text(Some("energy;transport".into())));
        let g = gdelt_row(&e, &fips_codes());
        assert_eq!(g.len(), 61, "GDELT 2.0 has 61 event columns");
        assert_eq!(g[1], "20250102");
        assert_eq!(g[29], "1");
    }
}
