//! The syntax model as one value: tagger, lemmatiser and parser, and its file format.
//!
//! The file is little-endian binary: the magic `DYADSYN`, a format number, a JSON header
//! (what the model was trained on, its held-out scores, the lemma tables, the relation names),
//! the tag dictionary, then the three weight tables. The built-in model is compiled into the
//! binary and read once, on first use.

use super::lemma::{Lemmatizer, Rule};
use super::lexicon::Lexicon;
use super::parser::Parser;
use super::perceptron::Frozen;
use super::tagger::Tagger;
use super::tags::{Dep, Upos};
use super::words::prepare;
use crate::error::{CoreError, Result};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

const MAGIC: &[u8; 8] = b"DYADSYN\0";
/// Bumped whenever features or the layout change: a model of another format is refused.
pub const FORMAT: u32 = 3;

/// Accuracy of a model on a treebank (gold tokenisation; relations compared without subtypes).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Scores {
    pub sentences: usize,
    pub words: usize,
    pub upos: f64,
    pub uas: f64,
    pub las: f64,
    /// Share of lemmas right, over the words whose gold lemma is given.
    pub lemma: f64,
}

/// What a model says about itself.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ModelInfo {
    pub trained_on: Vec<String>,
    pub sentences: usize,
    pub words: usize,
    pub seed: u64,
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    /// Scores on the sentences held out of training, when some were.
    pub held_out: Option<Scores>,
    pub licence: String,
}

#[derive(Serialize, Deserialize)]
struct Header {
    info: ModelInfo,
    /// The fingerprint of the dictionary the tagger was trained with.
    lexicon: u64,
    labels: Vec<String>,
    lemma_exceptions: Vec<(String, String, String)>,
    lemma_rules: Vec<Rule>,
}

/// One analysed sentence: per word, its tag, lemma, head (0 = root, else 1-based) and relation.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub upos: Vec<Upos>,
    pub lemmas: Vec<String>,
    pub heads: Vec<usize>,
    pub deps: Vec<Dep>,
}

/// A tagged sentence waiting to be parsed.
pub struct Tagged {
    p: Vec<super::words::Prepared>,
    pub upos: Vec<Upos>,
}

/// The syntax model.
#[derive(Debug, Clone, PartialEq)]
pub struct Syntax {
    pub(crate) tagger: Tagger,
    pub(crate) parser: Parser,
    pub(crate) lemmas: Lemmatizer,
    pub(crate) lexicon: Lexicon,
    pub(crate) info: ModelInfo,
}

static BUILTIN: OnceLock<std::result::Result<Syntax, String>> = OnceLock::new();
const BUILTIN_BYTES: &[u8] = include_bytes!("../../data/syntax/en-ud.model");
/// dyad's own table of irregular verbs, applied over any model's lemmas.
pub const IRREGULAR: &str = include_str!("../../data/syntax/irregular.tsv");

impl Syntax {
    /// The model compiled into dyad (trained on Universal Dependencies English; CC BY-SA 4.0).
    pub fn builtin() -> Result<&'static Syntax> {
        BUILTIN
            .get_or_init(|| {
                Syntax::from_bytes("built-in", BUILTIN_BYTES).map_err(|e| e.to_string())
            })
            .as_ref()
            .map_err(|message| CoreError::Model {
                file: "built-in".into(),
                message: message.clone(),
            })
    }

    pub fn info(&self) -> &ModelInfo {
        &self.info
    }

    /// Features and weights of each table (tagger, transitions, relations), for reports.
    pub fn sizes(&self) -> [(usize, usize); 3] {
        [
            self.tagger.model.size(),
            self.parser.moves.size(),
            self.parser.labels.size(),
        ]
    }

    /// Tag, lemmatise and parse one sentence given as words.
    pub fn analyse(&self, words: &[&str]) -> Analysis {
        self.analyse_with(words, &[])
    }

    /// The same, with the tags of some words already known (names found by the gazetteer).
    pub fn analyse_with(&self, words: &[&str], fixed: &[Option<Upos>]) -> Analysis {
        let tagged = self.tag_with(words, fixed);
        self.parse_tagged(words, tagged)
    }

    /// Tag only, keeping what the parser needs, so a caller can look at the tags before
    /// deciding whether the sentence is worth parsing.
    pub fn tag_with(&self, words: &[&str], fixed: &[Option<Upos>]) -> Tagged {
        let p = prepare(words, &self.lexicon);
        let upos = self.tagger.tag_with(&p, fixed);
        Tagged { p, upos }
    }

    /// Parse and lemmatise a tagged sentence.
    pub fn parse_tagged(&self, words: &[&str], tagged: Tagged) -> Analysis {
        let Tagged { p, upos } = tagged;
        let (heads, deps) = self.parser.parse(&p, &upos);
        let lemmas = words
            .iter()
            .zip(&upos)
            .map(|(w, &u)| self.lemma(w, u))
            .collect();
        Analysis {
            upos,
            lemmas,
            heads,
            deps,
        }
    }

    /// Tags only (the parser is not run).
    pub fn tag(&self, words: &[&str]) -> Vec<Upos> {
        self.tagger.tag(&prepare(words, &self.lexicon))
    }

    /// A word's lemma, with the tagger's dictionary checking what the suffix rules make.
    pub fn lemma(&self, word: &str, upos: Upos) -> String {
        self.lemmas
            .lemma_checked(word, upos, &|w| self.lexicon.allows(w, upos))
    }

    /// The model file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let header = Header {
            info: self.info.clone(),
            lexicon: self.lexicon.fingerprint(),
            labels: Dep::ALL.iter().map(|d| d.name().to_string()).collect(),
            lemma_exceptions: self
                .lemmas
                .exceptions()
                .into_iter()
                .map(|(f, u, l)| (f, u.name().to_string(), l))
                .collect(),
            lemma_rules: self.lemmas.rules(),
        };
        let json = serde_json::to_vec(&header).unwrap_or_default();
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT.to_le_bytes());
        out.extend_from_slice(&(json.len() as u32).to_le_bytes());
        out.extend_from_slice(&json);
        let mut dict: Vec<(u64, Upos)> = self.tagger.dict.iter().map(|(k, v)| (*k, *v)).collect();
        dict.sort();
        out.extend_from_slice(&(dict.len() as u32).to_le_bytes());
        for (k, v) in dict {
            out.extend_from_slice(&k.to_le_bytes());
            out.push(v as u8);
        }
        self.tagger.model.write(&mut out);
        self.parser.moves.write(&mut out);
        self.parser.labels.write(&mut out);
        out
    }

    /// Read a model file; `file` names it in errors.
    pub fn from_bytes(file: &str, bytes: &[u8]) -> Result<Syntax> {
        let err = |message: &str| CoreError::Model {
            file: file.to_string(),
            message: message.to_string(),
        };
        if bytes.is_empty() {
            return Err(err(
                "the file is empty (train one with `dyad train-syntax`)",
            ));
        }
        if bytes.len() < 16 || &bytes[..8] != MAGIC {
            return Err(err("not a dyad syntax model"));
        }
        let u32_at = |b: &[u8], i: usize| -> Option<u32> {
            b.get(i..i + 4)
                .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
        };
        let format = u32_at(bytes, 8).ok_or_else(|| err("truncated"))?;
        if format != FORMAT {
            return Err(err(&format!(
                "model format {format}, this dyad reads format {FORMAT}: retrain it with `dyad train-syntax`"
            )));
        }
        let hlen = u32_at(bytes, 12).ok_or_else(|| err("truncated"))? as usize;
        let json = bytes
            .get(16..16 + hlen)
            .ok_or_else(|| err("truncated header"))?;
        let header: Header =
            serde_json::from_slice(json).map_err(|e| err(&format!("bad header: {e}")))?;
        let names: Vec<&str> = Dep::ALL.iter().map(|d| d.name()).collect();
        if header.labels != names {
            return Err(err(
                "the model's relations differ from this dyad's: retrain it with `dyad train-syntax`",
            ));
        }
        let lexicon = Lexicon::builtin()?;
        if header.lexicon != lexicon.fingerprint() {
            return Err(err(
                "the model was trained with another tag dictionary (data/syntax/*-class.tsv): retrain it with `dyad train-syntax`",
            ));
        }
        let mut rest = &bytes[16 + hlen..];
        let n = u32_at(rest, 0).ok_or_else(|| err("truncated tag dictionary"))? as usize;
        let dict_bytes = rest
            .get(4..4 + n * 9)
            .ok_or_else(|| err("truncated tag dictionary"))?;
        let mut dict = FxHashMap::default();
        for c in dict_bytes.chunks_exact(9) {
            let mut k = [0u8; 8];
            k.copy_from_slice(&c[..8]);
            dict.insert(u64::from_le_bytes(k), Upos::from_index(c[8] as usize));
        }
        rest = &rest[4 + n * 9..];
        let (tagger, rest) = Frozen::read(rest).ok_or_else(|| err("bad tagger table"))?;
        let (moves, rest) = Frozen::read(rest).ok_or_else(|| err("bad parser table"))?;
        let (labels, rest) = Frozen::read(rest).ok_or_else(|| err("bad relation table"))?;
        if !rest.is_empty()
            || tagger.classes() != Upos::ALL.len()
            || labels.classes() != Dep::ALL.len()
        {
            return Err(err("unexpected table sizes"));
        }
        let exceptions = header
            .lemma_exceptions
            .into_iter()
            .filter_map(|(f, u, l)| Some((f, Upos::parse(&u)?, l)))
            .collect();
        let mut lemmas = Lemmatizer::new(exceptions, header.lemma_rules);
        add_irregular(&mut lemmas)?;
        Ok(Syntax {
            tagger: Tagger {
                model: tagger,
                dict,
            },
            parser: Parser { moves, labels },
            lemmas,
            lexicon,
            info: header.info,
        })
    }
}

/// dyad's irregular verbs over the lemmatiser (as VERB and AUX).
pub(crate) fn add_irregular(l: &mut Lemmatizer) -> Result<()> {
    let table = crate::tsv::Table::parse("syntax/irregular.tsv", IRREGULAR)?;
    table.require(&["lemma", "past", "participle"])?;
    for row in table.rows() {
        let lemma = row.required("lemma")?;
        for form in row.list("past").chain(row.list("participle")) {
            l.add_irregular(form, Upos::Verb, lemma);
            l.add_irregular(form, Upos::Aux, lemma);
        }
    }
    Ok(())
}
