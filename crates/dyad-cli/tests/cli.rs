//! The `dyad` binary end to end: the records contract on stdout, bad input reported on stderr
//! without losing the rest of the batch.

mod common;
use common::{dyad, scratch};

#[test]
fn extract_writes_contract_records_with_exact_offsets() {
    let d = scratch("offsets");
    std::fs::write(
        d.join("visit.txt"),
        "date 2025-06-03\nBAKU — Azerbaijani President Ilham Aliyev held talks with Georgian Prime Minister Irakli Kobakhidze in Baku on Monday.\n\nThe two leaders signed five agreements on energy, transport, customs, education and tourism.\n",
    )
    .unwrap();
    let out = dyad().args(["extract"]).arg(&d).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let recs: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let doc = recs
        .iter()
        .find(|r| r["record"] == "document")
        .expect("document record");
    let body: Vec<char> = doc["body"].as_str().unwrap().chars().collect();
    let events: Vec<&serde_json::Value> = recs.iter().filter(|r| r["record"] == "event").collect();
    assert!(!events.is_empty());
    for e in &events {
        for key in [
            "doc", "date", "type", "mode", "cameo", "source", "target", "location", "evidence",
        ] {
            assert!(e.get(key).is_some(), "event lacks {key}: {e}");
        }
        let ev = &e["evidence"];
        let (s, t) = (
            ev["start"].as_u64().unwrap() as usize,
            ev["end"].as_u64().unwrap() as usize,
        );
        let slice: String = body[s..t].iter().collect();
        assert_eq!(slice, ev["text"].as_str().unwrap());
    }
    let talks = events
        .iter()
        .find(|e| e["type"] == "CONSULT")
        .expect("the talks are coded");
    assert_eq!(talks["date"], "2025-06-02");
    assert_eq!(talks["location"]["country"], "AZE");
    let signing = events
        .iter()
        .find(|e| e["cameo"] == "057")
        .expect("the signing is coded");
    assert_eq!(signing["count"], 5);
}

#[test]
fn bad_inputs_are_reported_and_the_batch_goes_on() {
    let d = scratch("bad");
    std::fs::write(d.join("a_binary.txt"), [0u8, 159, 146, 150, 0, 1]).unwrap();
    std::fs::write(d.join("b_empty.txt"), "").unwrap();
    std::fs::write(
        d.join("c_lines.jsonl"),
        "{\"id\": \"ok1\", \"text\": \"Police detained 40 protesters in Tbilisi on Sunday.\", \"date\": \"2025-05-04\"}\n{\"id\": \"broken\", \"text\": \n{\"id\": \"ok2\", \"text\": \"Turkey accused Greece of provocations.\"}\n",
    )
    .unwrap();
    std::fs::write(
        d.join("d_latin1.txt"),
        b"date 2025-01-10\nQUITO \x97 Ecuador expelled Mexico's ambassador on Friday.",
    )
    .unwrap();
    std::fs::write(
        d.join("e_noarticle.html"),
        "<html><body><nav>Home</nav></body></html>",
    )
    .unwrap();
    let out = dyad().arg("extract").arg(&d).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("a_binary.txt: binary file"), "{err}");
    assert!(err.contains("b_empty.txt: empty file"), "{err}");
    assert!(err.contains("c_lines.jsonl:2: not valid JSON"), "{err}");
    assert!(err.contains("e_noarticle.html"), "{err}");
    assert!(err.contains("d_latin1.txt: not UTF-8"), "{err}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let docs: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|r| r["record"] == "document")
        .collect();
    let ids: Vec<&str> = docs.iter().map(|r| r["doc"].as_str().unwrap()).collect();
    assert_eq!(ids, vec!["ok1", "ok2", "d_latin1.txt"]);
}

#[test]
fn nothing_readable_is_a_failure() {
    let d = scratch("none");
    std::fs::write(d.join("empty.txt"), "").unwrap();
    let out = dyad()
        .arg("extract")
        .arg(d.join("empty.txt"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no document could be read"));
}

#[test]
fn huge_document_does_not_break_the_run() {
    let d = scratch("huge");
    let para = "Officials from Chile and Peru held talks in Lima on trade and fisheries. ";
    let mut big = String::from("date 2025-02-02\n");
    while big.len() < 6_000_000 {
        big.push_str(para);
    }
    big.push_str(&"x".repeat(200_000));
    std::fs::write(d.join("big.txt"), big).unwrap();
    let out = dyad()
        .args(["extract", "--no-documents"])
        .arg(d.join("big.txt"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"CONSULT\""));
}

#[test]
fn actor_lookup_prints_one_json_line_per_text() {
    let out = dyad()
        .args([
            "actor",
            "--date",
            "2025-11-25",
            "Kazakhstan's Foreign Ministry",
            "the Kremlin",
            "zzz unknown",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["code"], "KAZ");
    assert_eq!(lines[0]["sector"], "GOV");
    assert_eq!(lines[1]["code"], "RUS");
    assert_eq!(lines[2]["code"], serde_json::Value::Null);
    assert_eq!(lines[2]["text"], "zzz unknown");
}

#[test]
fn bad_date_is_a_clear_error() {
    let out = dyad()
        .args(["actor", "--date", "25/11/2025", "x"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--date must be YYYY-MM-DD"));
}

#[test]
fn cameo_dictionaries_extend_the_knowledge_with_dated_codes() {
    let d = scratch("dict");
    std::fs::write(
        d.join("club.actors.txt"),
        "# a dictionary written for this test\nGRAND_FENWICK [GFK]\n+FENWICKIAN\nGLORIANA_XII\n  [GFKGOV 19500101 - 19591231]\n  [GFK > 19591231]\n",
    )
    .unwrap();
    std::fs::write(
        d.join("club.agents.txt"),
        "!PERSON! = MAN, MEN\nBOWMAN {BOWMEN} [~MIL]\n",
    )
    .unwrap();
    let out = dyad()
        .arg("--knowledge")
        .arg(&d)
        .args([
            "actor",
            "--date",
            "1955-05-05",
            "Gloriana XII",
            "Fenwickian bowmen",
            "Grand Fenwick",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        (lines[0]["code"].as_str(), lines[0]["sector"].as_str()),
        (Some("GFK"), Some("GOV"))
    );
    assert_eq!(
        (lines[1]["code"].as_str(), lines[1]["sector"].as_str()),
        (Some("GFK"), Some("MIL"))
    );
    assert_eq!(lines[2]["code"], "GFK");
    // After her term the same name keeps the state but no office.
    let out = dyad()
        .arg("--knowledge")
        .arg(&d)
        .args(["actor", "--date", "1965-01-01", "Gloriana XII"])
        .output()
        .unwrap();
    let v: serde_json::Value =
        serde_json::from_str(String::from_utf8(out.stdout).unwrap().trim()).unwrap();
    assert_eq!(
        (v["code"].as_str(), v["sector"].as_str()),
        (Some("GFK"), None)
    );
}

#[test]
fn a_bad_knowledge_file_names_its_line() {
    let d = scratch("badkb");
    std::fs::write(
        d.join("leaders-mine.tsv"),
        "name\tcode\tstart\nSomeone\tKAZ\t2020-13-45\n",
    )
    .unwrap();
    let out = dyad()
        .arg("--knowledge")
        .arg(&d)
        .args(["actor", "x"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("leaders-mine.tsv:2:"), "{err}");
}
