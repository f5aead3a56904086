//! `dyad serve` and `dyad demo` on a real socket: they print where they listen, keep to the
//! loopback address unless told otherwise, and answer HTTP.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

mod common;
use common::dyad;

/// A server process that is stopped when the test ends, pass or fail.
struct Server {
    child: Child,
    url: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(cmd: &mut Command) -> Server {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no URL in {line:?}"))
        .trim_end_matches('/')
        .to_string();
    Server { child, url }
}

/// A plain HTTP/1.1 GET, enough to check status and body without an HTTP client crate.
fn get(url: &str, path: &str) -> (u16, String) {
    let host = url.trim_start_matches("http://");
    let mut s = TcpStream::connect(host).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut reply = String::new();
    s.read_to_string(&mut reply).unwrap();
    let status = reply
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = reply
        .split_once("\r\n\r\n")
        .map_or("", |(_, b)| b)
        .to_string();
    (status, body)
}

#[test]
fn demo_serves_the_bundled_examples_on_loopback() {
    let dir = tempfile::tempdir().unwrap();
    let examples = std::fs::read_dir(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/corpus"
    ))
    .unwrap()
    .count();
    // Run from an empty folder: the examples come from the binary, not the checkout.
    let server = start(dyad().current_dir(dir.path()).args(["demo", "--port", "0"]));
    assert!(
        server.url.starts_with("http://127.0.0.1:"),
        "{}",
        server.url
    );
    let (status, body) = get(&server.url, "/api/summary");
    assert_eq!(status, 200, "{body}");
    assert!(
        body.contains(&format!("\"documents\":{examples}")),
        "{body}"
    );
    let (status, page) = get(&server.url, "/");
    assert_eq!(status, 200);
    assert!(page.contains("/assets/app.js"));
}

#[test]
fn serve_reads_an_existing_store_and_refuses_a_missing_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let missing = dyad()
        .arg("--db")
        .arg(&db)
        .args(["serve", "--port", "0"])
        .output()
        .unwrap();
    assert!(!missing.status.success());
    let err = String::from_utf8_lossy(&missing.stderr);
    assert!(
        err.contains("dyad ingest") && err.contains("dyad demo"),
        "{err}"
    );

    let report = dir.path().join("r.txt");
    std::fs::write(
        &report,
        "date: 2025-02-03\n\nNorway and Iceland signed a fisheries agreement in Oslo on Monday.\n",
    )
    .unwrap();
    let ok = dyad()
        .arg("--db")
        .arg(&db)
        .arg("ingest")
        .arg(&report)
        .output()
        .unwrap();
    assert!(ok.status.success());
    let server = start(dyad().arg("--db").arg(&db).args(["serve", "--port", "0"]));
    let (status, body) = get(&server.url, "/api/events?dyad=NOR,ISL");
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("\"total\":1"), "{body}");
    let (status, body) = get(&server.url, "/api/events?limit=100000");
    assert_eq!(status, 400, "{body}");
}
