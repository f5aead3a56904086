//! The Feed reader on arbitrary bytes: it must never panic, hang or run out of memory, and
//! every document it gives must have a body the extractor can take.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let out = dyad_io::read_bytes("fuzz", "fuzz", data, dyad_io::Format::Feed);
    for d in &out.documents {
        assert!(d.body.len() <= dyad_io::Limits::default().max_document_bytes);
        if let Some(dl) = &d.dateline {
            assert!(d.body.is_char_boundary(dl.span.end) && dl.span.end <= d.body.len());
        }
    }
});
