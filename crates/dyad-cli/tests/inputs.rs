//! Inputs of real pipelines, end to end through the binary: feeds and web archives, syndicated
//! copies, the language gate, documents that fight back, `dyad watch` against a local HTTP
//! server, and output that depends on neither thread count nor batch size. Every feed, page
//! and report here was written for these tests.

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

mod common;
use common::{dyad, scratch};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/inputs")
        .join(name)
}

fn records(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Evidence offsets count code points into the document body.
fn assert_offsets_slice(recs: &[Value]) {
    let mut body: Vec<char> = Vec::new();
    for r in recs {
        if r["record"] == "document" {
            body = r["body"].as_str().unwrap().chars().collect();
            continue;
        }
        let ev = &r["evidence"];
        let (s, e) = (
            ev["start"].as_u64().unwrap() as usize,
            ev["end"].as_u64().unwrap() as usize,
        );
        let slice: String = body[s..e].iter().collect();
        assert_eq!(slice, ev["text"].as_str().unwrap());
    }
}

#[test]
fn feed_items_become_documents_with_clean_evidence_and_dates() {
    let out = dyad()
        .arg("extract")
        .arg(data("region.rss"))
        .arg(data("world.atom"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = records(&out);
    let docs: Vec<&Value> = recs.iter().filter(|r| r["record"] == "document").collect();
    let ids: Vec<&str> = docs.iter().map(|d| d["doc"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "herald-2025-0412",
            "herald-2025-0415",
            "urn:caspian-wire:2025-05-20-1",
            "urn:caspian-wire:2025-05-21-1"
        ]
    );
    let dates: Vec<&str> = docs.iter().map(|d| d["date"].as_str().unwrap()).collect();
    assert_eq!(
        dates,
        ["2025-04-12", "2025-04-15", "2025-05-20", "2025-05-21"]
    );
    assert_eq!(docs[2]["title"], "Azerbaijan & Georgia sign transit deal");
    assert_eq!(docs[0]["url"], "https://herald.example/region/border-talks");
    for d in &docs {
        let body = d["body"].as_str().unwrap();
        assert!(!body.contains('<') && !body.contains("&lt;") && !body.contains("track()"));
    }
    let evidence: Vec<&str> = recs
        .iter()
        .filter(|r| r["record"] != "document")
        .map(|r| r["evidence"]["text"].as_str().unwrap())
        .collect();
    assert!(evidence
        .iter()
        .any(|e| e.contains("held talks with Kyrgyz President")));
    assert!(evidence
        .iter()
        .all(|e| !e.contains('<') && !e.contains('&')));
    assert_offsets_slice(&recs);
}

#[test]
fn warc_responses_with_html_become_documents_and_other_records_are_skipped() {
    let out = dyad()
        .arg("extract")
        .arg(data("pages.warc.gz"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = records(&out);
    let docs: Vec<&Value> = recs.iter().filter(|r| r["record"] == "document").collect();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["doc"], "https://daily.example/2025/06/01/summit");
    assert_eq!(docs[0]["url"], "https://daily.example/2025/06/01/summit");
    // The page's own date, then the archive's date for a page without one.
    assert_eq!(docs[0]["date"], "2025-06-01");
    assert_eq!(docs[1]["date"], "2025-06-02");
    for d in &docs {
        let body = d["body"].as_str().unwrap();
        assert!(
            !body.contains("Front page") && !body.contains("All rights reserved"),
            "{body}"
        );
    }
    assert!(recs.iter().any(|r| r["type"] == "CONSULT"));
    assert_offsets_slice(&recs);
    let err = stderr(&out);
    assert!(
        err.contains("2 HTML pages found in 7 records; skipped 3 records of other types, 1 not HTML, 1 not status 2xx"),
        "{err}"
    );
}

#[test]
fn formats_are_sniffed_when_the_name_does_not_say() {
    let d = scratch("sniff");
    std::fs::copy(data("region.rss"), d.join("feed.txt")).unwrap();
    std::fs::copy(data("world.atom"), d.join("atom-as.xml")).unwrap();
    std::fs::write(
        d.join("catalog.xml"),
        "<catalog><book>Not news</book></catalog>",
    )
    .unwrap();
    let out = dyad()
        .arg("extract")
        .arg(d.join("feed.txt"))
        .arg(d.join("atom-as.xml"))
        .arg(d.join("catalog.xml"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = records(&out)
        .into_iter()
        .filter(|r| r["record"] == "document")
        .count();
    assert_eq!(docs, 4);
    assert!(stderr(&out).contains("catalog.xml: not an RSS or Atom feed"));
    // Standard input is sniffed too.
    let mut child = dyad()
        .args(["extract", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&std::fs::read(data("pages.warc.gz")).unwrap())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let docs = records(&out)
        .into_iter()
        .filter(|r| r["record"] == "document")
        .count();
    assert_eq!(docs, 2);
}

// The story must carry at least one coded event so that the merged events can be compared.
const STORY: &str = "Norway and Iceland signed an accord in Oslo on Tuesday that lets their \
    fishing crews share the northern grounds for another five years, negotiators said. The deal \
    keeps the quota split agreed in the last round and adds joint inspections at sea, according \
    to a statement from the Norwegian fisheries ministry. Talks had stalled in the spring over \
    the size of the catch and the rules for smaller boats, and both delegations said the \
    compromise left some questions for a later meeting in Reykjavik.";

#[test]
fn one_story_in_five_outlets_is_one_document_with_five_outlets() {
    let d = scratch("syndicated");
    let edits: [(&str, &str); 5] = [
        ("", ""),
        ("negotiators said", "negotiators told reporters"),
        ("on Tuesday", "on Tuesday afternoon"),
        ("Talks had stalled", "The talks had stalled"),
        ("at sea", "at sea for the first time"),
    ];
    let mut lines = String::new();
    for (i, (from, to)) in edits.iter().enumerate() {
        let mut text = if from.is_empty() {
            STORY.to_string()
        } else {
            STORY.replace(from, to)
        };
        if i == 4 {
            text.push_str(" (Reporting by the Oslo desk.)");
        }
        lines.push_str(
            &serde_json::json!({
                "id": format!("outlet{i}-story"),
                "text": text,
                "date": "2025-03-12",
                "url": format!("https://outlet{i}.example/fish"),
            })
            .to_string(),
        );
        lines.push('\n');
    }
    std::fs::write(d.join("copies.jsonl"), &lines).unwrap();
    let single = serde_json::to_string(&serde_json::json!({
        "id": "alone", "text": STORY, "date": "2025-03-12"
    }))
    .unwrap();
    std::fs::write(d.join("one.jsonl"), single + "\n").unwrap();

    let db = d.join("s.db");
    let out = dyad()
        .arg("--db")
        .arg(&db)
        .arg("ingest")
        .arg(d.join("copies.jsonl"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("stored 1 documents")
            && stderr(&out).contains("4 copies of stored documents kept as other outlets"),
        "{}",
        stderr(&out)
    );
    let db_one = d.join("one.db");
    let one = dyad()
        .arg("--db")
        .arg(&db_one)
        .arg("ingest")
        .arg(d.join("one.jsonl"))
        .output()
        .unwrap();
    assert!(one.status.success());
    let events = |db: &Path| -> Vec<Value> {
        let out = dyad()
            .arg("--db")
            .arg(db)
            .args(["query", "events", "--format", "jsonl", "--flagged"])
            .output()
            .unwrap();
        records(&out)
    };
    let five = events(&db);
    assert!(!five.is_empty());
    assert_eq!(five.len(), events(&db_one).len());
    assert!(five.iter().all(|e| e["num_reports"] == 1));
    let store = dyad_store::Store::open_read_only(&db).unwrap();
    assert_eq!(store.counts().unwrap().documents, 1);
    assert_eq!(
        store.outlets("outlet0-story").unwrap(),
        [
            "outlet0.example",
            "outlet1.example",
            "outlet2.example",
            "outlet3.example",
            "outlet4.example"
        ]
    );
    // A second run finds the copies already recorded.
    let again = dyad()
        .arg("--db")
        .arg(&db)
        .arg("ingest")
        .arg(d.join("copies.jsonl"))
        .output()
        .unwrap();
    assert!(
        stderr(&again).contains("5 already stored"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn reports_not_in_english_are_skipped_with_a_note_and_counted() {
    let d = scratch("lang");
    std::fs::write(
        d.join("fr.txt"),
        "Les ministres des affaires étrangères de la France et de l'Allemagne se sont réunis \
         mardi à Berlin pour discuter de la défense et ont signé un accord.",
    )
    .unwrap();
    std::fs::write(
        d.join("en.txt"),
        "The foreign ministers of France and Germany met in Berlin on Tuesday and signed an \
         agreement on defence.",
    )
    .unwrap();
    let db = d.join("l.db");
    let out = dyad()
        .arg("--db")
        .arg(&db)
        .arg("ingest")
        .arg(&d)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("document fr.txt is in French (fra), not English; skipped"),
        "{err}"
    );
    assert!(
        err.contains("stored 1 documents") && err.contains("1 not in English"),
        "{err}"
    );
    let out = dyad()
        .args(["extract", "--any-language"])
        .arg(d.join("fr.txt"))
        .output()
        .unwrap();
    assert_eq!(
        records(&out)
            .iter()
            .filter(|r| r["record"] == "document")
            .count(),
        1
    );
}

#[test]
fn hostile_documents_finish_fast_with_a_message_and_the_batch_completes() {
    let d = scratch("hostile");
    let mut deep = String::from("<html><body>");
    deep.push_str(&"<div>".repeat(100_000));
    deep.push_str("<p>Delegates from both capitals met at the border crossing on Tuesday.</p>");
    deep.push_str(&"</div>".repeat(100_000));
    std::fs::write(d.join("1-deep.html"), deep).unwrap();
    let run_on: String = "and the envoys of the two neighbouring states went on talking "
        .repeat(10_000)
        .chars()
        .take(600_000)
        .collect();
    std::fs::write(d.join("2-runon.txt"), format!("Talks began. {run_on}.")).unwrap();
    let para = "Kazakh President Kassym-Jomart Tokayev held talks with Uzbek President Shavkat \
                Mirziyoyev in Tashkent on Friday. ";
    std::fs::write(d.join("3-big.txt"), para.repeat(50_000_000 / para.len())).unwrap();
    let mut noise = Vec::with_capacity(1 << 20);
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..(1 << 20) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        noise.push((x >> 24) as u8);
    }
    std::fs::write(d.join("4-random.txt"), noise).unwrap();
    std::fs::write(
        d.join("5-ok.txt"),
        "The foreign ministers of Norway and Sweden held talks in Oslo on Monday.",
    )
    .unwrap();
    for f in ["1-deep.html", "2-runon.txt", "3-big.txt", "4-random.txt"] {
        let t = Instant::now();
        let out = dyad()
            .args(["extract", "--no-documents"])
            .arg(d.join(f))
            .arg(d.join("5-ok.txt"))
            .output()
            .unwrap();
        let took = t.elapsed();
        assert!(took < Duration::from_secs(5), "{f}: {took:?}");
        let err = stderr(&out);
        let expected = match f {
            "1-deep.html" => "elements nest 100002 deep (limit 512, --max-html-depth)",
            "2-runon.txt" => "longer than 2000 bytes, cut into pieces (--max-sentence-bytes)",
            "3-big.txt" => "only its first 999",
            _ => "4-random.txt: binary file",
        };
        assert!(err.contains(expected), "{f}: {err}");
        // The report after the hostile one is still coded.
        assert!(
            records(&out).iter().any(|r| r["type"] == "CONSULT"
                && r["evidence"]["text"]
                    .as_str()
                    .is_some_and(|t| t.contains("Norway and Sweden"))),
            "{f}: {err}"
        );
    }
}

#[test]
fn a_document_over_its_time_budget_is_abandoned_and_the_batch_goes_on() {
    let d = scratch("budget");
    let long = "Envoys met in Oslo on Monday and agreed to talk again. ".repeat(15_000);
    std::fs::write(d.join("1-long.txt"), long).unwrap();
    std::fs::write(
        d.join("2-ok.txt"),
        "The foreign ministers of Norway and Sweden held talks in Oslo on Monday.",
    )
    .unwrap();
    let out = dyad()
        .args([
            "extract",
            "--no-documents",
            "--doc-timeout",
            "0.02",
            "--threads",
            "1",
        ])
        .arg(&d)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("document 1-long.txt: still running after"),
        "{}",
        stderr(&out)
    );
    assert!(records(&out).iter().any(|r| r["type"] == "CONSULT"));
}

#[test]
fn output_depends_on_neither_threads_nor_batch_size() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    let run = |threads: &str| {
        let out = dyad()
            .args(["extract", "--threads", threads])
            .arg(&corpus)
            .arg(data("region.rss"))
            .arg(data("pages.warc.gz"))
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        out.stdout
    };
    let one = run("1");
    assert_eq!(one, run("2"));
    assert_eq!(one, run("3"));
    let recs: Vec<Value> = String::from_utf8_lossy(&one)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(recs.len() > 50);
    assert_offsets_slice(&recs);

    let d = scratch("batches");
    let export = |batch: &str| {
        let db = d.join(format!("b{batch}.db"));
        let out = dyad()
            .arg("--db")
            .arg(&db)
            .args(["ingest", "--batch", batch])
            .arg(&corpus)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let out = dyad()
            .arg("--db")
            .arg(&db)
            .args(["export", "--format", "jsonl", "--flagged"])
            .output()
            .unwrap();
        out.stdout
    };
    let a = export("1");
    assert!(!a.is_empty());
    assert_eq!(a, export("7"));
    assert_eq!(a, export("256"));
}

/// A feed server for one test: answers with the current feed and its ETag, 304 when the
/// client already has it, and records the conditional headers it was sent.
struct FeedServer {
    port: u16,
    feed: Arc<Mutex<(String, String)>>,
    seen: Arc<Mutex<Vec<String>>>,
}

fn item(id: &str, text: &str) -> String {
    format!(
        "<item><title>{id}</title><guid>{id}</guid><pubDate>Mon, 03 Mar 2025 10:00:00 +0000</pubDate>\
         <description>{text}</description></item>"
    )
}

fn rss(items: &[String]) -> String {
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Local</title>{}</channel></rss>",
        items.concat()
    )
}

fn serve(listener: TcpListener, feed: Arc<Mutex<(String, String)>>, seen: Arc<Mutex<Vec<String>>>) {
    // Bounded: the test makes a handful of requests; a stray client cannot keep it alive.
    for stream in listener.incoming().take(64) {
        let Ok(mut s) = stream else { continue };
        let _ = s.set_read_timeout(Some(Duration::from_secs(5)));
        let mut r = BufReader::new(s.try_clone().unwrap());
        let mut request = String::new();
        let _ = r.read_line(&mut request);
        let mut inm = None;
        loop {
            let mut l = String::new();
            if r.read_line(&mut l).unwrap_or(0) == 0 || l.trim().is_empty() {
                break;
            }
            if let Some((k, v)) = l.split_once(':') {
                if k.eq_ignore_ascii_case("if-none-match") {
                    inm = Some(v.trim().to_string());
                }
            }
        }
        let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
        seen.lock()
            .unwrap()
            .push(format!("{path} {}", inm.clone().unwrap_or_default()));
        let (body, etag) = feed.lock().unwrap().clone();
        let reply = if path == "/broken.xml" {
            "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 20\r\nConnection: close\r\n\r\n<rss version=\"2.0\"><".to_string()
        } else if inm.as_deref() == Some(etag.as_str()) {
            "HTTP/1.1 304 Not Modified\r\nConnection: close\r\n\r\n".to_string()
        } else {
            format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nETag: {etag}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            )
        };
        let _ = s.write_all(reply.as_bytes());
        let mut sink = Vec::new();
        let _ = s.set_read_timeout(Some(Duration::from_millis(10)));
        let _ = s.read_to_end(&mut sink);
    }
}

impl FeedServer {
    fn start(body: String) -> FeedServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let feed = Arc::new(Mutex::new((body, "\"v1\"".to_string())));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let (f, s) = (feed.clone(), seen.clone());
        std::thread::spawn(move || serve(listener, f, s));
        FeedServer { port, feed, seen }
    }
    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

/// Date a file back, as if it had been written a while ago: `watch` waits for files that
/// are still changing.
fn settle(p: &Path) {
    let f = std::fs::File::options().write(true).open(p).unwrap();
    f.set_modified(std::time::SystemTime::now() - Duration::from_secs(10))
        .unwrap();
}

#[test]
fn watch_polls_feeds_conditionally_and_survives_broken_ones() {
    let d = scratch("watch");
    let inbox = d.join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    std::fs::write(
        inbox.join("a.txt"),
        "The foreign ministers of Norway and Sweden held talks in Oslo on Monday.",
    )
    .unwrap();
    settle(&inbox.join("a.txt"));
    let server = FeedServer::start(rss(&[
        item("w-1", "Kazakh President Kassym-Jomart Tokayev held talks with Uzbek President Shavkat Mirziyoyev in Tashkent on Friday."),
        item("w-2", "Japan provided $5 million in humanitarian aid to Sudan, the foreign ministry said."),
    ]));
    // Nothing listens on this port: the feed is down.
    let down = TcpListener::bind("127.0.0.1:0").unwrap();
    let down_url = format!(
        "http://127.0.0.1:{}/feed.xml",
        down.local_addr().unwrap().port()
    );
    drop(down);
    let db = d.join("w.db");
    let watch = |polls: &str| {
        dyad()
            .arg("--db")
            .arg(&db)
            .args(["watch", "--interval", "0.3", "--polls", polls])
            .arg(&inbox)
            .args(["--feed", &server.url("/feed.xml")])
            .args(["--feed", &down_url])
            .args(["--feed", &server.url("/broken.xml")])
            .output()
            .unwrap()
    };
    let out = watch("2");
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("/feed.xml: 2 items in the feed"), "{err}");
    assert!(err.contains("/feed.xml: not modified"), "{err}");
    assert!(err.contains(&format!("{down_url}: cannot fetch")), "{err}");
    assert!(err.contains("failure 1 in a row, retrying in"), "{err}");
    assert!(err.contains("/broken.xml: malformed feed"), "{err}");
    let seen = server.seen.lock().unwrap().clone();
    let feed_requests: Vec<&String> = seen.iter().filter(|s| s.starts_with("/feed.xml")).collect();
    assert_eq!(feed_requests.len(), 2, "{seen:?}");
    assert_eq!(feed_requests[0].trim(), "/feed.xml");
    assert_eq!(feed_requests[1].as_str(), "/feed.xml \"v1\"");
    let store = dyad_store::Store::open_read_only(&db).unwrap();
    assert_eq!(store.counts().unwrap().documents, 3);
    drop(store);

    // A new item and a new file: only they are added.
    *server.feed.lock().unwrap() = (
        rss(&[
            item("w-3", "Turkmen President Serdar Berdimuhamedov received the foreign minister of Iran in Ashgabat on Tuesday."),
            item("w-1", "Kazakh President Kassym-Jomart Tokayev held talks with Uzbek President Shavkat Mirziyoyev in Tashkent on Friday."),
        ]),
        "\"v2\"".to_string(),
    );
    std::fs::write(
        inbox.join("b.txt"),
        "Police detained 30 protesters after a rally in Tbilisi on Monday, witnesses said.",
    )
    .unwrap();
    settle(&inbox.join("b.txt"));
    let out = watch("1");
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("stored 2 documents") && err.contains("2 already stored"),
        "{err}"
    );
    let store = dyad_store::Store::open_read_only(&db).unwrap();
    assert_eq!(store.counts().unwrap().documents, 5);
}
