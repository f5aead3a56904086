//! Properties that hold for any text, checked on seeded random reports built from news words,
//! names, figures, punctuation and non-ASCII letters: every evidence offset slices the body it
//! points into, and extracting the same document twice gives the same records.

use dyad_core::{Document, Extractor};

const WORDS: &[&str] = &[
    "President",
    "Tokayev",
    "Kazakh",
    "held",
    "talks",
    "with",
    "Uzbek",
    "Mirziyoyev",
    "in",
    "Tashkent",
    "on",
    "Monday",
    "the",
    "police",
    "detained",
    "30",
    "protesters",
    "signed",
    "five",
    "agreements",
    "Russia",
    "Ukraine",
    "accused",
    "of",
    "shelling",
    "$4",
    "million",
    "aid",
    "to",
    "Sudan",
    "Japan",
    "provided",
    "Erdoğan",
    "Ankara",
    "visited",
    "—",
    "said",
    ",",
    ".",
    "?",
    "\"",
    "U.S.",
    "Gen.",
    "Nov.",
    "25",
    "not",
    "will",
    "may",
    "troops",
    "border",
    "São",
    "Paulo",
    "Zelenskyy",
    "Kyiv",
    "ceasefire",
    "agreed",
    "rejected",
    "demands",
    "by",
    "officials",
    "\n",
    "\n\n",
    "ASTANA",
    "(AP)",
    "percent",
    "trade",
    "reached",
    "billion",
    "last",
    "year",
    "Ñ",
    "日本",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn random_report(rng: &mut Rng) -> String {
    let n = 5 + (rng.next() % 120) as usize;
    let mut s = String::new();
    for _ in 0..n {
        let w = WORDS[(rng.next() % WORDS.len() as u64) as usize];
        if !s.is_empty() && !matches!(w, "," | "." | "?" | "\n" | "\n\n") {
            s.push(' ');
        }
        s.push_str(w);
    }
    s
}

#[test]
fn offsets_slice_the_body_and_extraction_is_deterministic_on_random_reports() {
    let ex = Extractor::builtin().unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut events = 0;
    for i in 0..400 {
        let text = random_report(&mut rng);
        let doc = Document::from_plain_text(format!("r{i}"), &text);
        let x = ex.extract(&doc);
        let chars: Vec<char> = x.document.body.chars().collect();
        let slice = |s: usize, e: usize| -> String { chars[s..e].iter().collect() };
        for e in &x.events {
            assert_eq!(
                slice(e.evidence.start, e.evidence.end),
                e.evidence.text,
                "{text:?}"
            );
        }
        for f in &x.facts {
            assert_eq!(
                slice(f.evidence.start, f.evidence.end),
                f.evidence.text,
                "{text:?}"
            );
        }
        events += x.events.len();
        let again = ex.extract(&doc);
        assert_eq!(
            serde_json::to_string(&x.events).unwrap(),
            serde_json::to_string(&again.events).unwrap()
        );
        assert_eq!(
            serde_json::to_string(&x.facts).unwrap(),
            serde_json::to_string(&again.facts).unwrap()
        );
    }
    // The property is only worth something if the random reports do get coded.
    assert!(events > 50, "{events}");
}
