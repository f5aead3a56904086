//! `dyad parse` and `dyad train-syntax` end to end, on sentences written for these tests.

use std::path::PathBuf;

mod common;
use common::{dyad, scratch, stdout_ok};

/// Word lines of CoNLL-U output: (form, upos, head, deprel).
fn words(conllu: &str) -> Vec<(String, String, usize, String)> {
    conllu
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert_eq!(c.len(), 10, "{l}");
            (
                c[1].to_string(),
                c[3].to_string(),
                c[6].parse().unwrap(),
                c[7].to_string(),
            )
        })
        .collect()
}

#[test]
fn plain_text_becomes_one_tree_per_sentence() {
    let d = scratch("plain");
    let f = d.join("in.txt");
    std::fs::write(
        &f,
        "The Chilean foreign minister visited Lima on Monday. Peru didn't object.\n",
    )
    .unwrap();
    let out = dyad().arg("parse").arg(&f).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.matches("# sent_id").count(), 2, "{text}");
    let w = words(&text);
    // "didn't" is two words, as Universal Dependencies writes it.
    assert!(w.iter().any(|x| x.0 == "n't" && x.1 == "PART"), "{w:?}");
    let visited = w.iter().position(|x| x.0 == "visited").unwrap();
    assert_eq!(w[visited].1, "VERB");
    assert_eq!(w[visited].3, "root");
    let minister = w.iter().position(|x| x.0 == "minister").unwrap();
    assert_eq!(
        w[minister].2,
        visited + 1,
        "the minister is the subject of visited"
    );
    assert_eq!(w[minister].3, "nsubj");
    // Every sentence has one root.
    for block in text.split("\n\n").filter(|b| b.contains('\t')) {
        assert_eq!(
            words(block).iter().filter(|x| x.2 == 0).count(),
            1,
            "{block}"
        );
    }
}

const TREEBANK: &str = "# sent_id = 1\n\
1\tGhana\tGhana\tPROPN\t_\t_\t2\tnsubj\t_\t_\n\
2\tsigned\tsign\tVERB\t_\t_\t0\troot\t_\t_\n\
3\ta\ta\tDET\t_\t_\t4\tdet\t_\t_\n\
4\tdeal\tdeal\tNOUN\t_\t_\t2\tobj\t_\tSpaceAfter=No\n\
5\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\
\n\
# sent_id = 2\n\
1\tTogo\tTogo\tPROPN\t_\t_\t2\tnsubj\t_\t_\n\
2\tmet\tmeet\tVERB\t_\t_\t0\troot\t_\t_\n\
3\tBenin\tBenin\tPROPN\t_\t_\t2\tobj\t_\tSpaceAfter=No\n\
4\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\
\n";

#[test]
fn conllu_input_keeps_its_words_and_a_malformed_line_skips_only_its_sentence() {
    let d = scratch("conllu");
    let f = d.join("in.conllu");
    let broken = TREEBANK.replace("3\tBenin\tBenin", "three\tBenin\tBenin");
    std::fs::write(&f, format!("{TREEBANK}{broken}")).unwrap();
    let out = dyad()
        .args(["parse", "--conllu", "--score"])
        .arg(&f)
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("in.conllu:24:") && err.contains("sentence skipped"),
        "{err}"
    );
    assert!(err.contains("UAS"), "{err}");
    let text = String::from_utf8(out.stdout).unwrap();
    // Three sentences of four kept, with their comments and forms.
    assert_eq!(text.matches("# sent_id").count(), 3, "{text}");
    let forms: Vec<String> = words(&text).into_iter().map(|w| w.0).collect();
    assert_eq!(&forms[..5], &["Ghana", "signed", "a", "deal", "."]);
    assert!(text.contains("\tSpaceAfter=No"));
}

#[test]
fn training_is_deterministic_and_the_model_is_usable() {
    let d = scratch("train");
    let tb = d.join("tiny.conllu");
    std::fs::write(&tb, TREEBANK.repeat(20)).unwrap();
    let train = |out: &PathBuf| {
        let o = dyad()
            .args(["train-syntax", "--hold-out", "5", "--prune", "0", "--train"])
            .arg(&tb)
            .arg("-o")
            .arg(out)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8_lossy(&o.stderr).to_string()
    };
    let (a, b) = (d.join("a.model"), d.join("b.model"));
    let log = train(&a);
    assert!(log.contains("held out (every 5th sentence)"), "{log}");
    train(&b);
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    // The model parses what it learned.
    let out = dyad()
        .args(["parse", "--conllu", "--score", "--model"])
        .arg(&a)
        .arg(&tb)
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("UAS 1.0000"), "{err}");
    // A file that is not a model is refused with its name.
    let bad = d.join("bad.model");
    std::fs::write(&bad, b"not a model").unwrap();
    let out = dyad()
        .args(["parse", "--model"])
        .arg(&bad)
        .arg(&tb)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.model"));
}

#[test]
fn explain_shows_the_tree_the_readings_and_the_reading_coded() {
    let text = stdout_ok(
        dyad()
            .args([
                "explain",
                "Algeria cut off gas supplies to Morocco on Monday.",
            ])
            .output()
            .unwrap(),
    );
    assert!(text.contains("  tree\n"), "{text}");
    let subject = text
        .lines()
        .find(|l| l.trim_start().starts_with("1 Algeria"))
        .unwrap_or_default();
    assert!(
        subject.contains("nsubj <-") && subject.contains(" cut"),
        "{text}"
    );
    // The longest reading leaves the particle "off" outside its pattern; the coder takes the
    // shorter one that names it.
    assert!(
        text.contains("  rule   reduce-aid \"cut off gas supplies\""),
        "{text}"
    );
    assert!(text.contains("    or   cut-off \"cut off\""), "{text}");
    assert!(
        text.contains("event: SANCTION DZA -> MAR (rule cut-off)"),
        "{text}"
    );
}
