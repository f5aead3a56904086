//! What stands between a reader and the extractor: the messages of reading, the limits, and
//! the language gate, shared by `extract`, `ingest` and `watch`.

use clap::Args;
use dyad_core::Document;
use dyad_io::lang::Language;
use dyad_io::{Limits, ReadOutcome};
use std::time::Duration;

/// Limits on what one input may cost, and the language gate.
#[derive(Args, Clone, Debug)]
pub struct ReadArgs {
    /// Longest document body coded, in bytes; a longer one is cut at a sentence end.
    #[arg(long, global = true, default_value_t = 1_000_000, value_name = "BYTES")]
    pub max_doc_bytes: usize,
    /// Longest sentence coded, in bytes; a longer one is cut into pieces at spaces.
    #[arg(long, global = true, default_value_t = dyad_core::text::DEFAULT_MAX_SENTENCE_BYTES, value_name = "BYTES")]
    pub max_sentence_bytes: usize,
    /// HTML nested deeper than this is read as plain text, without article extraction.
    #[arg(long, global = true, default_value_t = 512, value_name = "N")]
    pub max_html_depth: usize,
    /// HTML larger than this is read as plain text, without article extraction.
    #[arg(
        long,
        global = true,
        default_value_t = 16_000_000,
        value_name = "BYTES"
    )]
    pub max_html_bytes: usize,
    /// Largest file read whole (text, HTML, feeds; JSON Lines and WARC are streamed).
    #[arg(long, global = true, default_value_t = 256 << 20, value_name = "BYTES")]
    pub max_file_bytes: u64,
    /// Seconds one document may take to code before it is abandoned.
    #[arg(long, global = true, default_value_t = 5.0, value_name = "SECS")]
    pub doc_timeout: f64,
    /// Code documents in any language (by default those confidently not English are skipped).
    #[arg(long, global = true)]
    pub any_language: bool,
}

impl ReadArgs {
    pub fn limits(&self) -> Limits {
        Limits {
            max_document_bytes: self.max_doc_bytes.max(1),
            max_html_bytes: self.max_html_bytes,
            max_html_depth: self.max_html_depth,
            max_file_bytes: self.max_file_bytes,
            ..Limits::default()
        }
    }

    pub fn budget(&self) -> Duration {
        Duration::from_secs_f64(self.doc_timeout.clamp(0.001, 1e6))
    }
}

/// How many language notes are printed one by one; the rest are only counted.
const NOTES_SHOWN: u64 = 20;

/// Reports what reading met and lets through what may be coded.
pub struct Gate {
    any_language: bool,
    max_sentence: usize,
    pub foreign: u64,
    pub long_sentences: u64,
}

impl Gate {
    pub fn new(args: &ReadArgs) -> Gate {
        Gate {
            any_language: args.any_language,
            max_sentence: args.max_sentence_bytes,
            foreign: 0,
            long_sentences: 0,
        }
    }

    /// Print the outcome's warnings and errors through `say`, and return its documents that
    /// pass the language gate.
    pub fn admit(&mut self, outcome: ReadOutcome, say: &dyn Fn(&str)) -> Vec<Document> {
        for w in &outcome.warnings {
            say(&format!("dyad: warning: {w}"));
        }
        for e in &outcome.errors {
            say(&format!("dyad: {e}; skipped"));
        }
        let mut out = Vec::with_capacity(outcome.documents.len());
        for d in outcome.documents {
            if !self.any_language {
                if let Language::Other { name, code } = dyad_io::lang::detect(&d.body) {
                    self.foreign += 1;
                    if self.foreign <= NOTES_SHOWN {
                        say(&format!(
                            "dyad: document {} is in {name} ({code}), not English; skipped \
                             (--any-language codes it anyway)",
                            d.id
                        ));
                    } else if self.foreign == NOTES_SHOWN + 1 {
                        say("dyad: more documents not in English skipped; the summary counts them");
                    }
                    continue;
                }
            }
            let long = dyad_core::text::overlong_sentences(&d.body, self.max_sentence);
            if long > 0 {
                self.long_sentences += long as u64;
                say(&format!(
                    "dyad: warning: document {}: {long} sentence(s) longer than {} bytes, cut \
                     into pieces (--max-sentence-bytes)",
                    d.id, self.max_sentence
                ));
            }
            out.push(d);
        }
        out
    }
}
