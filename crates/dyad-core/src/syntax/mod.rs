//! Syntax: dyad's own part-of-speech tagger, lemmatiser and dependency parser.
//!
//! Universal Dependencies tags and relations, predicted by averaged perceptrons over hashed
//! features (see `tagger`, `parser`), trained by `dyad train-syntax` on UD treebanks (`train`)
//! and shipped as one compact model compiled into the binary (`model`). Pure computation: no
//! file is read here; the CLI reads treebanks and model files and hands over their contents.

pub mod conllu;
mod hash;
pub mod lemma;
pub mod lexicon;
pub mod model;
pub mod parser;
mod perceptron;
pub mod tagger;
pub mod tags;
pub mod train;
pub mod tree;
pub mod words;

pub use model::{Analysis, ModelInfo, Scores, Syntax, Tagged};
pub use tags::{Dep, Upos};
pub use tree::Tree;
