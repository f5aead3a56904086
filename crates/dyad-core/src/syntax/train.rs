//! Training the syntax model from treebanks, and measuring it.
//!
//! Deterministic: the only randomness (the order of sentences in each epoch, the parser's
//! exploration) comes from a seeded generator, and the parallel parts (the folds of the
//! tagger's jackknife) are independent, so the same input and seed give the same bytes.

use super::conllu::Sentence;
use super::lemma::Lemmatizer;
use super::lexicon::Lexicon;
use super::model::{add_irregular, ModelInfo, Scores, Syntax};
use super::parser::{self, Example};
use super::tagger::{self, Tagger};
use super::tags::{Dep, Upos};
use super::words::{prepare, Prepared};
use crate::error::Result;

/// xorshift64*: small, fast and the same on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(super::hash::mix(seed) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

#[derive(Debug, Clone)]
pub struct Options {
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    /// Folds of the jackknife that gives the parser predicted tags to learn from.
    pub folds: usize,
    pub seed: u64,
    pub threads: usize,
    /// Weights below this are dropped from the parser's tables.
    pub prune: f32,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            tagger_epochs: 12,
            parser_epochs: 15,
            folds: 5,
            seed: 1,
            threads: 2,
            prune: 0.0,
        }
    }
}

/// A fold's number and the tags its tagger gave each of its sentences.
type FoldTags = (usize, Vec<(usize, Vec<Upos>)>);

/// A treebank sentence as the trainers read it.
struct Item {
    words: Vec<Prepared>,
    tags: Vec<Upos>,
    heads: Vec<usize>,
    deps: Vec<Dep>,
}

fn items(sents: &[&Sentence], lexicon: &Lexicon) -> Vec<Item> {
    sents
        .iter()
        .map(|s| {
            let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            let mut heads = vec![0];
            heads.extend(s.words.iter().map(|w| w.head.unwrap_or(0)));
            let mut deps = vec![Dep::Root];
            deps.extend(s.words.iter().map(|w| w.dep.unwrap_or(Dep::Dep)));
            Item {
                words: prepare(&forms, lexicon),
                tags: s.words.iter().map(|w| w.upos.unwrap_or(Upos::X)).collect(),
                heads,
                deps,
            }
        })
        .collect()
}

fn train_tagger(items: &[&Item], epochs: usize, seed: u64, prune: f32) -> Tagger {
    let data: Vec<(Vec<Prepared>, Vec<Upos>)> = items
        .iter()
        .map(|i| (i.words.clone(), i.tags.clone()))
        .collect();
    tagger::train(&data, epochs, seed, prune)
}

/// Train a model on annotated sentences (others are ignored). `sources` names the files for
/// the model's own description.
pub fn train(sentences: &[Sentence], sources: Vec<String>, opts: &Options) -> Result<Syntax> {
    let usable: Vec<&Sentence> = sentences.iter().filter(|s| s.is_annotated()).collect();
    let lexicon = Lexicon::builtin()?;
    let data = items(&usable, &lexicon);
    // Jackknife: each fold is tagged by a tagger that never saw it.
    let folds = opts.folds.max(2);
    let fold_of = |i: usize| i % folds;
    let mut predicted: Vec<Option<Vec<Upos>>> = (0..data.len()).map(|_| None).collect();
    let threads = opts.threads.max(1);
    let fold_ids: Vec<usize> = (0..folds).collect();
    for chunk in fold_ids.chunks(threads) {
        let results: Vec<FoldTags> = std::thread::scope(|scope| {
            let handles: Vec<_> = chunk
                .iter()
                .map(|&f| {
                    let data = &data;
                    scope.spawn(move || {
                        let train: Vec<&Item> = data
                            .iter()
                            .enumerate()
                            .filter(|(i, _)| fold_of(*i) != f)
                            .map(|(_, x)| x)
                            .collect();
                        let t = train_tagger(&train, opts.tagger_epochs, opts.seed + f as u64, 0.0);
                        let tagged = data
                            .iter()
                            .enumerate()
                            .filter(|(i, _)| fold_of(*i) == f)
                            .map(|(i, x)| (i, t.tag(&x.words)))
                            .collect();
                        (f, tagged)
                    })
                })
                .collect();
            handles.into_iter().filter_map(|h| h.join().ok()).collect()
        });
        for (_, tagged) in results {
            for (i, tags) in tagged {
                predicted[i] = Some(tags);
            }
        }
    }
    let examples: Vec<Example> = data
        .iter()
        .zip(predicted)
        .map(|(x, p)| Example {
            words: x.words.clone(),
            tags: p.unwrap_or_else(|| x.tags.clone()),
            heads: x.heads.clone(),
            deps: x.deps.clone(),
        })
        .collect();
    // The final tagger and the parser train side by side.
    let all: Vec<&Item> = data.iter().collect();
    let (tagger, parser) = std::thread::scope(|scope| {
        // The tagger's table is small and every weight of it counts: only the parser's is pruned.
        let t = scope.spawn(|| train_tagger(&all, opts.tagger_epochs, opts.seed, 0.0));
        let p = parser::train(&examples, opts.parser_epochs, opts.seed, opts.prune);
        (t.join(), p)
    });
    let tagger = tagger.map_err(|_| crate::error::CoreError::Model {
        file: "training".into(),
        message: "the tagger's thread failed".into(),
    })?;
    let triples: Vec<(String, Upos, String)> = usable
        .iter()
        .flat_map(|s| s.words.iter())
        .filter_map(|w| Some((w.form.clone(), w.upos?, w.lemma.clone())))
        .collect();
    let mut lemmas = Lemmatizer::learn(&triples);
    add_irregular(&mut lemmas)?;
    let words = usable.iter().map(|s| s.words.len()).sum();
    Ok(Syntax {
        tagger,
        parser,
        lemmas,
        lexicon,
        info: ModelInfo {
            trained_on: sources,
            sentences: usable.len(),
            words,
            seed: opts.seed,
            tagger_epochs: opts.tagger_epochs,
            parser_epochs: opts.parser_epochs,
            held_out: None,
            licence: String::new(),
        },
    })
}

/// Score a model on annotated sentences, with their gold tokenisation.
pub fn evaluate(model: &Syntax, sentences: &[Sentence]) -> Scores {
    let mut s = Scores::default();
    let (mut upos, mut uas, mut las, mut lem, mut lem_n) = (0usize, 0usize, 0usize, 0usize, 0usize);
    for sent in sentences.iter().filter(|s| s.is_annotated()) {
        let forms: Vec<&str> = sent.words.iter().map(|w| w.form.as_str()).collect();
        let a = model.analyse(&forms);
        s.sentences += 1;
        for (i, w) in sent.words.iter().enumerate() {
            s.words += 1;
            upos += (w.upos == Some(a.upos[i])) as usize;
            if w.head == Some(a.heads[i]) {
                uas += 1;
                las += (w.dep.map(Dep::universal) == Some(a.deps[i].universal())) as usize;
            }
            if w.lemma != "_" && !w.lemma.is_empty() {
                lem_n += 1;
                lem += (w.lemma == a.lemmas[i]) as usize;
            }
        }
    }
    let share = |k: usize, n: usize| if n == 0 { 0.0 } else { k as f64 / n as f64 };
    s.upos = share(upos, s.words);
    s.uas = share(uas, s.words);
    s.las = share(las, s.words);
    s.lemma = share(lem, lem_n);
    s
}

impl Syntax {
    pub fn set_info(&mut self, info: ModelInfo) {
        self.info = info;
    }
}
