//! The extractor on arbitrary bytes read as a plain-text report: no panic, and every evidence
//! offset slices the body it points into. Kept to bytes -> Document -> Extractor::extract, so
//! it runs unchanged on any version of the coder.
#![no_main]

use dyad_core::{Document, Extractor};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::builtin().expect("built-in knowledge loads"))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let doc = Document::from_plain_text("fuzz", &text);
    let x = extractor().extract(&doc);
    // Offsets count code points, as the records contract says.
    let chars: Vec<char> = x.document.body.chars().collect();
    let slice = |s: usize, e: usize| -> Option<String> { chars.get(s..e).map(|c| c.iter().collect()) };
    for e in &x.events {
        assert_eq!(slice(e.evidence.start, e.evidence.end).as_deref(), Some(e.evidence.text.as_str()));
    }
    for f in &x.facts {
        assert_eq!(slice(f.evidence.start, f.evidence.end).as_deref(), Some(f.evidence.text.as_str()));
    }
});
