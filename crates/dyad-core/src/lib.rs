//! dyad-core: the pure, I/O-free extraction library.
//!
//! A [`Document`] goes through [`Extractor::extract`] and comes out as records of the records
//! contract: events coded in PLOVER (with CAMEO codes and Goldstein values) and facts, each with
//! the evidence sentence and its offsets. Knowledge (states, leaders, organisations, sector
//! vocabulary, verb patterns) is data under `data/`, compiled in and extensible by users.
pub mod actors;
pub mod consolidate;
pub mod dates;
pub mod document;
pub mod error;
pub mod events;
pub mod facts;
pub mod knowledge;
pub mod lexicon;
pub mod numbers;
pub mod petrarch;
pub mod pipeline;
pub mod record;
pub mod sentence;
pub mod syntax;
pub mod text;
pub mod tsv;

pub use actors::Actor;
pub use document::Document;
pub use error::CoreError;
pub use knowledge::Knowledge;
pub use pipeline::{Extraction, Extractor};
pub use record::Record;
