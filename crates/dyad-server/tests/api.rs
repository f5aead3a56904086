//! The HTTP API end to end, in memory: a store filled by the real extractor from reports
//! written for these tests, every endpoint asked good and bad questions.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use dyad_core::{Document, Extractor};
use dyad_server::{api::API_PATHS, router, App};
use dyad_store::{Ingested, Store};
use http_body_util::BodyExt;
use serde_json::Value;
use std::path::Path;
use std::sync::Arc;
use tower::ServiceExt;

fn doc(id: &str, date: &str, text: &str) -> Document {
    let mut d = Document::new(
        id,
        text,
        chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
    );
    d.source = Some("Test Wire".into());
    d.title = Some(format!("Report {id}"));
    d
}

fn reports() -> Vec<Document> {
    vec![
        doc(
            "tbilisi-1",
            "2025-03-04",
            "TBILISI — Georgian President Mikheil Kavelashvili held talks with Armenian \
             Prime Minister Nikol Pashinyan in Tbilisi on Monday. The two leaders signed \
             four agreements covering energy, customs, tourism and culture. Trade between \
             Georgia and Armenia reached $1.2 billion last year.",
        ),
        doc(
            "yerevan-2",
            "2025-04-10",
            "YEREVAN — Armenia accused Azerbaijan on Wednesday of shelling villages near the \
             border, the Armenian Defence Ministry said.",
        ),
        doc(
            "belgrade-3",
            "2025-05-20",
            "BELGRADE — Serbian President Aleksandar Vučić met the Hungarian Prime Minister \
             Viktor Orbán in Belgrade on Tuesday to discuss a new gas pipeline.",
        ),
    ]
}

fn filled_store(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("api.db");
    let ex = Extractor::builtin().expect("built-in knowledge loads");
    let mut store = Store::open(&path).expect("store opens");
    let batch: Vec<Ingested> = reports()
        .iter()
        .map(|d| Ingested::new(ex.extract(d)))
        .collect();
    store.ingest(&batch).expect("ingest");
    path
}

struct Reply {
    status: StatusCode,
    content_type: String,
    csp: Option<String>,
    body: Vec<u8>,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
}

async fn call(app: &Arc<App>, req: Request<Body>) -> Reply {
    let res = router(app.clone())
        .oneshot(req)
        .await
        .expect("the router answers");
    let status = res.status();
    let content_type = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let csp = res
        .headers()
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let body = res
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes()
        .to_vec();
    Reply {
        status,
        content_type,
        csp,
        body,
    }
}

async fn get(app: &Arc<App>, uri: &str) -> Reply {
    call(app, Request::get(uri).body(Body::empty()).expect("request")).await
}

#[tokio::test]
async fn every_endpoint_answers_with_json() {
    let dir = tempfile::tempdir().unwrap();
    let app = Arc::new(App::read_only(&filled_store(dir.path())).unwrap());

    let summary = get(&app, "/api/summary").await.json();
    assert_eq!(summary["counts"]["documents"], 3);
    assert_eq!(summary["writable"], false);
    assert!(summary["types"].as_array().is_some_and(|t| !t.is_empty()));

    let events = get(&app, "/api/events").await.json();
    let total = events["total"].as_u64().unwrap();
    assert!(total >= 3, "{events}");
    let id = events["items"][0]["id"].as_i64().unwrap();

    let one = get(&app, &format!("/api/events/{id}")).await.json();
    assert_eq!(one["id"], id);
    assert!(!one["reports"].as_array().unwrap().is_empty());

    let consult = get(&app, "/api/events?dyad=GEO,ARM&type=CONSULT")
        .await
        .json();
    assert_eq!(consult["total"], 1, "{consult}");
    let ev = &consult["items"][0];
    let pair = [ev["source"]["code"].clone(), ev["target"]["code"].clone()];
    assert!(pair.contains(&"GEO".into()) && pair.contains(&"ARM".into()));

    let series = get(&app, "/api/series?dyad=GEO,ARM&by=month").await.json();
    assert_eq!(series["items"][0]["period"], "2025-03");

    let dyads = get(&app, "/api/dyads?limit=5").await.json();
    assert!(dyads["items"].as_array().unwrap().len() >= 2);

    let agreements = get(&app, "/api/agreements?dyad=ARM,GEO").await.json();
    let signed = &agreements["items"][0];
    assert_eq!(signed["count"], 4, "{agreements}");
    assert!(signed["topics"]
        .as_array()
        .unwrap()
        .contains(&"customs".into()));

    let figures = get(&app, "/api/figures?dyad=GEO,ARM").await.json();
    let trade = figures["items"].as_array().unwrap();
    assert!(
        trade
            .iter()
            .any(|f| f["kind"] == "trade" && f["value"] == 1.2e9),
        "{figures}"
    );

    let facts = get(&app, "/api/facts?country=ARM&kind=trade").await.json();
    assert_eq!(facts["total"], 1, "{facts}");
    let mut countries: Vec<&str> = facts["items"][0]["countries"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    countries.sort();
    assert_eq!(countries, ["ARM", "GEO"]);

    let docs = get(&app, "/api/documents?q=report%20belgrade").await.json();
    assert_eq!(docs["total"], 1, "{docs}");

    let actors = get(&app, "/api/actors?q=vu%C4%8Di%C4%87").await.json();
    assert_eq!(actors["items"][0]["code"], "SRB", "{actors}");

    let places = get(&app, "/api/locations").await.json();
    let names: Vec<&str> = places["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    assert!(
        names.contains(&"Tbilisi") && names.contains(&"Belgrade"),
        "{names:?}"
    );
}

#[tokio::test]
async fn a_document_places_each_evidence_at_its_code_point_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let app = Arc::new(App::read_only(&filled_store(dir.path())).unwrap());
    let doc = get(&app, "/api/documents/belgrade-3").await.json();
    let body: Vec<char> = doc["body"].as_str().unwrap().chars().collect();
    let events = doc["events"].as_array().unwrap();
    assert!(!events.is_empty());
    for ev in events {
        let (s, e) = (ev["start"].as_u64().unwrap(), ev["end"].as_u64().unwrap());
        let text: String = body[s as usize..e as usize].iter().collect();
        let full = get(&app, &format!("/api/events/{}", ev["event_id"]))
            .await
            .json();
        assert_eq!(text, full["evidence"]["text"].as_str().unwrap());
    }
    let missing = get(&app, "/api/documents/no-such-report").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn bad_parameters_get_400_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let app = Arc::new(App::read_only(&filled_store(dir.path())).unwrap());
    let cases = [
        ("/api/events?type=HUG", "PLOVER event type"),
        ("/api/events?from=2025-02-30", "YYYY-MM-DD"),
        ("/api/events?limit=501", "from 1 to 500"),
        ("/api/events?limit=0", "from 1 to 500"),
        ("/api/events?offset=-1", "offset"),
        ("/api/events?order=random", "newest or oldest"),
        ("/api/events?flagged=maybe", "true or false"),
        ("/api/events?dyad=GEO", "two actor codes"),
        ("/api/events?colour=red", "unknown field"),
        ("/api/events/seven", "whole number"),
        ("/api/series?by=decade", "day, week, month or year"),
        ("/api/series?limit=5", "no limit"),
        ("/api/dyads?limit=201", "from 1 to 200"),
        ("/api/figures", "dyad=A,B or actor=CODE"),
        ("/api/figures?actor=GEO&dyad=GEO,ARM", "not both"),
        ("/api/facts?kind=trade;drop", "fact kind"),
        ("/api/facts?country=Geo%20rgia", "code"),
        ("/api/documents?limit=x", "limit"),
        ("/api/actors", "q is required"),
        ("/api/locations?limit=5001", "from 1 to 5000"),
    ];
    for (uri, says) in cases {
        let r = get(&app, uri).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{uri}");
        let msg = r.json()["error"].as_str().unwrap_or("").to_string();
        assert!(msg.contains(says), "{uri}: {msg}");
    }
    let r = get(&app, "/api/nothing-here").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.json()["error"]
        .as_str()
        .unwrap()
        .contains("/openapi.json"));
    assert_eq!(
        get(&app, "/api/events/999999").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn pages_are_bounded_and_continue() {
    let dir = tempfile::tempdir().unwrap();
    let app = Arc::new(App::read_only(&filled_store(dir.path())).unwrap());
    let all = get(&app, "/api/events?limit=500").await.json();
    let total = all["total"].as_u64().unwrap() as usize;
    assert_eq!(all["items"].as_array().unwrap().len(), total);
    let first = get(&app, "/api/events?limit=2").await.json();
    let second = get(&app, "/api/events?limit=2&offset=2").await.json();
    let ids = |v: &Value| -> Vec<i64> {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_i64().unwrap())
            .collect()
    };
    let mut both = ids(&first);
    both.extend(ids(&second));
    assert_eq!(both, ids(&all)[..both.len()].to_vec());
}

#[tokio::test]
async fn writes_need_the_writable_flag() {
    let dir = tempfile::tempdir().unwrap();
    let db = filled_store(dir.path());
    let post = |body: &str, kind: &str| {
        Request::post("/api/documents")
            .header(header::CONTENT_TYPE, kind)
            .body(Body::from(body.to_string()))
            .expect("request")
    };
    let line = r#"{"id":"kyiv-9","date":"2025-06-02","text":"Ukraine and Moldova signed an agreement on border crossings in Kyiv on Monday."}"#;

    let ro = Arc::new(App::read_only(&db).unwrap());
    let r = call(&ro, post(line, "application/x-ndjson")).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(r.json()["error"].as_str().unwrap().contains("--writable"));

    let ex = Arc::new(Extractor::builtin().unwrap());
    let rw = Arc::new(App::writable(&db, ex).unwrap());
    let r = call(&rw, post(line, "application/x-ndjson")).await;
    assert_eq!(r.status, StatusCode::CREATED);
    let out = r.json();
    assert_eq!(out["stored"], 1, "{out}");
    let again = call(&rw, post(line, "application/x-ndjson")).await.json();
    assert_eq!(again["stored"], 0);
    assert_eq!(again["skipped"], 1);
    let found = get(&rw, "/api/events?dyad=UKR,MDA").await.json();
    assert_eq!(found["total"], 1, "{found}");

    let text = "Chile and Peru held talks in Lima on Friday.";
    let r = call(&rw, post(text, "text/plain")).await;
    assert_eq!(r.status, StatusCode::CREATED);
    let bad = call(&rw, post("{not json", "application/x-ndjson")).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.json()["error"].as_str().unwrap().contains("line 1"));
}

#[tokio::test]
async fn the_dashboard_is_served_from_the_binary_and_loads_nothing_from_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let app = Arc::new(App::read_only(&filled_store(dir.path())).unwrap());
    let index = get(&app, "/").await;
    assert_eq!(index.status, StatusCode::OK);
    assert!(index.content_type.starts_with("text/html"));
    assert!(index
        .csp
        .as_deref()
        .unwrap_or("")
        .contains("default-src 'self'"));
    let html = String::from_utf8(index.body).unwrap();
    for asset in ["/assets/app.js", "/assets/style.css"] {
        assert!(html.contains(asset));
        let r = get(&app, asset).await;
        assert_eq!(r.status, StatusCode::OK, "{asset}");
        let text = String::from_utf8(r.body).unwrap();
        assert!(
            !text.contains("http://") || asset.ends_with(".js"),
            "{asset}"
        );
        assert!(!text.contains("https://"), "{asset} refers to another host");
    }
    let world = get(&app, "/assets/world.svg").await;
    assert_eq!(world.content_type, "image/svg+xml");
    assert!(
        String::from_utf8(world.body)
            .unwrap()
            .matches("<path")
            .count()
            > 150
    );
    assert_eq!(
        get(&app, "/assets/nope.js").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(get(&app, "/elsewhere").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_openapi_file_lists_exactly_the_served_endpoints() {
    let dir = tempfile::tempdir().unwrap();
    let app = Arc::new(App::read_only(&filled_store(dir.path())).unwrap());
    let spec = get(&app, "/openapi.json").await.json();
    let mut documented: Vec<String> = spec["paths"].as_object().unwrap().keys().cloned().collect();
    let mut served: Vec<String> = API_PATHS.iter().map(|p| p.to_string()).collect();
    documented.sort();
    served.sort();
    assert_eq!(documented, served);
    assert!(spec["paths"]["/api/documents"]["post"].is_object());
    // Every documented GET answers something other than 404 with its example parameters.
    for path in API_PATHS {
        let uri = path
            .replace("{id}", "1")
            .replace("{doc}", "tbilisi-1")
            .replace("/api/actors", "/api/actors?q=ge")
            .replace("/api/figures", "/api/figures?actor=GEO");
        let r = get(&app, &uri).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}");
    }
}

#[test]
fn a_missing_store_is_refused_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let e = App::read_only(&dir.path().join("none.db"))
        .err()
        .expect("refused");
    assert!(e.to_string().contains("dyad ingest"), "{e}");
}
