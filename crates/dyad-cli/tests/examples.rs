//! The example corpus (`examples/corpus`, reports written for this project) against the records
//! expected of it (`examples/expected.jsonl`).

use dyad_core::record::EventRecord;
use dyad_core::Extractor;
use serde_json::Value;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn code(a: &Option<dyad_core::Actor>) -> Option<String> {
    a.as_ref().and_then(|x| x.code.clone())
}

fn matches(want: &Value, e: &EventRecord) -> bool {
    if want["type"].as_str() != Some(e.kind.as_str()) {
        return false;
    }
    if let Some(cue) = want["cue"].as_str() {
        if !e.evidence.text.to_lowercase().contains(&cue.to_lowercase()) {
            return false;
        }
    }
    let (s, t) = (code(&e.source), code(&e.target));
    let ws = want["source"].as_str().map(String::from);
    let wt = want["target"].as_str().map(String::from);
    if want["directed"].as_bool() == Some(true) {
        s == ws && t == wt
    } else {
        let mut got: Vec<String> = [s, t].into_iter().flatten().collect();
        let mut exp: Vec<String> = [ws, wt].into_iter().flatten().collect();
        got.sort();
        got.dedup();
        exp.sort();
        exp.dedup();
        got == exp
    }
}

struct Score {
    found: usize,
    expected: usize,
    predicted: usize,
    matched_predictions: usize,
    wrongly_happened: Vec<String>,
    misses: Vec<String>,
}

fn score() -> Score {
    let ex = Extractor::builtin().expect("built-in knowledge loads");
    let expected =
        std::fs::read_to_string(root().join("examples/expected.jsonl")).expect("expected.jsonl");
    let mut s = Score {
        found: 0,
        expected: 0,
        predicted: 0,
        matched_predictions: 0,
        wrongly_happened: vec![],
        misses: vec![],
    };
    for line in expected.lines().filter(|l| !l.trim().is_empty()) {
        let gold: Value = serde_json::from_str(line).expect("expected.jsonl parses");
        let doc_id = gold["doc"].as_str().expect("doc");
        let out = dyad_io::read_path(&root().join("examples/corpus").join(doc_id));
        assert!(out.errors.is_empty(), "{doc_id}: {:?}", out.errors);
        let x = ex.extract(&out.documents[0]);
        let happened: Vec<&EventRecord> = x
            .events
            .iter()
            .filter(|e| !e.negated && !e.hypothetical)
            .collect();
        s.predicted += happened.len();
        let mut used = vec![false; happened.len()];
        for want in gold["events"].as_array().expect("events") {
            if want["absent"].as_bool() == Some(true) {
                if happened
                    .iter()
                    .any(|e| matches(want, e) && want["cue"].as_str().is_some())
                {
                    s.wrongly_happened
                        .push(format!("{doc_id}: {}", want["note"]));
                }
                continue;
            }
            s.expected += 1;
            match (0..happened.len()).find(|&i| !used[i] && matches(want, happened[i])) {
                Some(i) => {
                    used[i] = true;
                    s.found += 1;
                    s.matched_predictions += 1;
                }
                None => s.misses.push(format!(
                    "{doc_id}: {} {} {} ({})",
                    want["type"], want["source"], want["target"], want["note"]
                )),
            }
        }
    }
    s
}

#[test]
fn example_corpus_events_are_found_and_denied_or_planned_ones_are_not_coded_as_happened() {
    let s = score();
    let recall = s.found as f64 / s.expected as f64;
    let precision = s.matched_predictions as f64 / s.predicted.max(1) as f64;
    eprintln!(
        "example corpus: recall {recall:.3} ({}/{}), precision {precision:.3} ({}/{})",
        s.found, s.expected, s.matched_predictions, s.predicted
    );
    for m in &s.misses {
        eprintln!("  missed {m}");
    }
    for w in &s.wrongly_happened {
        eprintln!("  coded as happened: {w}");
    }
    // Floors at the measured level of this version; raise them as the coder improves.
    assert!(recall >= 0.45, "recall fell to {recall:.3}");
    assert!(
        s.wrongly_happened.len() <= 3,
        "{} planned or denied events were coded as happened",
        s.wrongly_happened.len()
    );
}
