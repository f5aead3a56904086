//! The store end to end with the real extractor: merging reports of one event across outlets,
//! idempotent ingest, queries and exports. Every report here was written for these tests.

use dyad_core::{Document, Extractor};
use dyad_store::query::Period;
use dyad_store::{EventFilter, Ingested, Store};

fn doc(id: &str, date: &str, source: &str, text: &str) -> Document {
    let mut d = Document::new(
        id,
        text,
        chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
    );
    d.source = Some(source.to_string());
    d
}

/// Three outlets report one summit (2025-05-13, a Tuesday) in their own words; a fourth
/// report is of a later, separate meeting of the same two presidents.
fn reports() -> Vec<Document> {
    vec![
        doc(
            "herald-1",
            "2025-05-14",
            "Steppe Herald",
            "ULAANBAATAR — Mongolian President Ukhnaagiin Khurelsukh held talks with Kyrgyz \
             President Sadyr Japarov in Ulaanbaatar on Tuesday. Mongolia's exports to \
             Kyrgyzstan reached $40 million last year.",
        ),
        doc(
            "bishkek-7",
            "2025-05-13",
            "Bishkek Daily",
            "Kyrgyz President Sadyr Japarov met his Mongolian counterpart Ukhnaagiin \
             Khurelsukh in Ulaanbaatar on Tuesday, the Kyrgyz presidential office said.",
        ),
        doc(
            "wire-88",
            "2025-05-15",
            "Asia Wire",
            "Mongolia and Kyrgyzstan held talks in Ulaanbaatar this week on expanding transit \
             routes, officials in both capitals said on Thursday.",
        ),
        doc(
            "herald-2",
            "2025-08-21",
            "Steppe Herald",
            "BISHKEK — Japarov hosted Khurelsukh in Bishkek on Wednesday for a second round \
             of talks.",
        ),
    ]
}

fn ingest(store: &mut Store, ex: &Extractor, docs: &[Document]) -> dyad_store::BatchOutcome {
    let batch: Vec<Ingested> = docs.iter().map(|d| Ingested::new(ex.extract(d))).collect();
    store.ingest(&batch).expect("ingest")
}

fn consults(store: &Store) -> Vec<dyad_store::EventRow> {
    let f = EventFilter {
        kind: Some("CONSULT".into()),
        dyad: Some(("MNG".into(), "KGZ".into())),
        ..Default::default()
    };
    let mut rows = store.events(&f).unwrap();
    store.attach_reports(&mut rows).unwrap();
    rows
}

#[test]
fn three_outlets_reporting_one_summit_make_one_event_with_three_reports() {
    let ex = Extractor::builtin().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("s.db")).unwrap();
    let out = ingest(&mut store, &ex, &reports());
    assert_eq!(out.stored, 4);
    let rows = consults(&store);
    assert_eq!(rows.len(), 2, "the summit and the later meeting: {rows:#?}");
    let summit = &rows[0];
    assert_eq!(summit.date.as_deref(), Some("2025-05-13"));
    assert_eq!(summit.num_reports, 3);
    assert_eq!(summit.num_sources, 3);
    let docs: Vec<&str> = summit.reports.iter().map(|m| m.doc.as_str()).collect();
    assert_eq!(docs, ["herald-1", "bishkek-7", "wire-88"]);
    assert_eq!(
        summit.location.as_ref().map(|l| l.name.as_str()),
        Some("Ulaanbaatar")
    );
    // Each report keeps its own evidence sentence.
    assert!(summit.reports[1].evidence.text.contains("counterpart"));
    let later = &rows[1];
    assert_eq!(later.num_reports, 1);
    assert_eq!(
        later.location.as_ref().map(|l| l.country.as_str()),
        Some("KGZ")
    );
}

#[test]
fn the_same_outlet_twice_counts_as_one_source() {
    let ex = Extractor::builtin().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("s.db")).unwrap();
    let mut docs = reports();
    docs.truncate(2);
    let mut again = doc(
        "herald-1b",
        "2025-05-14",
        "Steppe Herald",
        "Khurelsukh and Japarov held talks in Ulaanbaatar on Tuesday, the presidents' offices \
         said in a joint release.",
    );
    again.id = "herald-1b".into();
    docs.push(again);
    ingest(&mut store, &ex, &docs);
    let rows = consults(&store);
    assert_eq!(rows[0].num_reports, 3);
    assert_eq!(rows[0].num_sources, 2);
}

#[test]
fn ingesting_twice_changes_nothing_and_a_copy_under_another_id_is_skipped() {
    let ex = Extractor::builtin().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut store = Store::open(&path).unwrap();
    ingest(&mut store, &ex, &reports());
    let first = store.counts().unwrap();
    let again = ingest(&mut store, &ex, &reports());
    assert_eq!(again.stored, 0);
    assert_eq!(again.skipped, 4);
    let mut copy = reports().remove(0);
    copy.id = "mirror-of-herald-1".into();
    assert_eq!(ingest(&mut store, &ex, &[copy]).skipped, 1);
    drop(store);
    // Reopening runs no migration twice and finds the same records.
    let store = Store::open(&path).unwrap();
    assert_eq!(store.counts().unwrap(), first);
    let known = store.known().unwrap();
    assert!(known.ids.contains("wire-88"));
}

#[test]
fn aggregates_answer_the_usual_questions() {
    let ex = Extractor::builtin().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("s.db")).unwrap();
    ingest(&mut store, &ex, &reports());

    let dyads = store.top_dyads(&EventFilter::default(), 5).unwrap();
    let top = &dyads.objects()[0];
    assert_eq!(top["actor1"], "KGZ");
    assert_eq!(top["actor2"], "MNG");
    assert_eq!(top["events"], 2);
    assert_eq!(top["reports"], 4);

    let f = EventFilter {
        dyad: Some(("KGZ".into(), "MNG".into())),
        ..Default::default()
    };
    let months = store.series(&f, Period::Month).unwrap().objects();
    let periods: Vec<&str> = months
        .iter()
        .map(|m| m["period"].as_str().unwrap())
        .collect();
    assert_eq!(periods, ["2025-05", "2025-08"]);
    assert_eq!(months[0]["verbal_cooperation"], 1);
    let weeks = store.series(&f, Period::Week).unwrap().objects();
    assert_eq!(weeks[0]["period"], "2025-W20");

    let figures = store.figures("KGZ", Some("MNG"), None).unwrap().objects();
    assert_eq!(figures.len(), 1, "{figures:?}");
    assert_eq!(figures[0]["kind"], "trade");
    assert_eq!(figures[0]["value"], 40_000_000.0);

    let text = EventFilter {
        text: Some("second round".into()),
        ..Default::default()
    };
    assert_eq!(store.count_events(&text).unwrap(), 1);
    let found = store.actors("mongol", 5).unwrap().objects();
    assert_eq!(found[0]["code"], "MNG");
}

#[test]
fn exports_carry_every_merged_event_and_read_back() {
    let ex = Extractor::builtin().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("s.db")).unwrap();
    ingest(&mut store, &ex, &reports());
    let f = EventFilter::default();
    let events = store.count_events(&f).unwrap() as usize;

    let mut jsonl = Vec::new();
    dyad_store::export::write_jsonl(&store, &f, &mut jsonl).unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8(jsonl)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let summit = lines
        .iter()
        .find(|l| l["record"] == "event" && l["num_reports"] == 3)
        .expect("the merged summit");
    assert_eq!(summit["reports"].as_array().unwrap().len(), 3);
    assert_eq!(summit["type"], "CONSULT");
    assert!(lines
        .iter()
        .any(|l| l["record"] == "fact" && l["kind"] == "trade"));

    let mut plover = Vec::new();
    dyad_store::export::write_plover(&store, &f, &mut plover).unwrap();
    let first: serde_json::Value =
        serde_json::from_str(String::from_utf8(plover).unwrap().lines().next().unwrap()).unwrap();
    assert_eq!(first["event"], "CONSULT");
    assert!(first["actor"][0]["code"].is_string());
    assert!(first["cite_info"].is_array());

    let mut csv_out = Vec::new();
    dyad_store::export::write_csv(&store, &f, &mut csv_out).unwrap();
    let mut reader = csv::Reader::from_reader(csv_out.as_slice());
    assert_eq!(
        reader.headers().unwrap().len(),
        dyad_store::export::FLAT_COLUMNS.len()
    );
    assert_eq!(reader.records().count(), events);

    let mut gdelt = Vec::new();
    dyad_store::export::write_gdelt(&store, &f, &mut gdelt).unwrap();
    let text = String::from_utf8(gdelt).unwrap();
    assert_eq!(text.lines().count(), events);
    for line in text.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 61);
    }
    let summit_row = text.lines().find(|l| l.contains("\t3\t3\t")).map(|l| {
        let cols: Vec<&str> = l.split('\t').collect();
        (
            cols[1].to_string(),
            cols[26].to_string(),
            cols[53].to_string(),
        )
    });
    // SQLDATE, EventCode and ActionGeo_CountryCode (FIPS: Mongolia is MG).
    assert_eq!(
        summit_row,
        Some(("20250513".to_string(), "040".to_string(), "MG".to_string()))
    );
}
