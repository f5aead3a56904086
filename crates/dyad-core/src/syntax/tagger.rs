//! The part-of-speech tagger: greedy, left to right, an averaged perceptron over the word, its
//! affixes and shape, its neighbours and the two tags before it.
//!
//! Frequent words that the training data always tagged alike ("the", "of", "said") skip the
//! model through a tag dictionary, which is both faster and as accurate.

use super::hash::{self, key, NONE};
use super::perceptron::{Frozen, Trainer};
use super::tags::Upos;
use super::words::Prepared;
use rustc_hash::FxHashMap;

const CLASSES: usize = 17;

/// A trained tagger.
#[derive(Debug, Clone, PartialEq)]
pub struct Tagger {
    pub(crate) model: Frozen,
    /// Normalised-form hash -> its only tag.
    pub(crate) dict: FxHashMap<u64, Upos>,
}

fn tag_value(t: Option<Upos>) -> u64 {
    t.map_or(NONE, |t| hash::mix(t as u64 ^ 0x7461_6700))
}

/// The features of word `i`, given the tags already chosen for the words before it.
pub(crate) fn features(p: &[Prepared], tags: &[Upos], i: usize, out: &mut Vec<u32>) {
    out.clear();
    let w = |k: isize| -> u64 {
        let j = i as isize + k;
        if j < 0 || j as usize >= p.len() {
            NONE
        } else {
            p[j as usize].w
        }
    };
    let suf3 = |k: isize| -> u64 {
        let j = i as isize + k;
        if j < 0 || j as usize >= p.len() {
            NONE
        } else {
            p[j as usize].suf[2]
        }
    };
    let lex = |k: isize| -> u64 {
        let j = i as isize + k;
        if j < 0 || j as usize >= p.len() {
            NONE
        } else {
            p[j as usize].lex
        }
    };
    let t1 = tag_value((i >= 1).then(|| tags[i - 1]));
    let t2 = tag_value((i >= 2).then(|| tags[i - 2]));
    let x = &p[i];
    let flags =
        x.cap as u64 | (x.hyphen as u64) << 1 | (x.digit as u64) << 2 | ((i == 0) as u64) << 3;
    out.extend_from_slice(&[
        key(0, &[]),
        key(1, &[x.w]),
        key(2, &[x.suf[0]]),
        key(3, &[x.suf[1]]),
        key(4, &[x.suf[2]]),
        key(5, &[x.suf[3]]),
        key(6, &[x.pre]),
        key(7, &[x.shape]),
        key(8, &[flags]),
        key(9, &[t1]),
        key(10, &[t2, t1]),
        key(11, &[t1, x.w]),
        key(12, &[w(-1)]),
        key(13, &[suf3(-1)]),
        key(14, &[w(-2)]),
        key(15, &[w(1)]),
        key(16, &[suf3(1)]),
        key(17, &[w(2)]),
        key(18, &[w(-1), x.w]),
        key(19, &[x.w, w(1)]),
        key(20, &[t1, x.suf[2]]),
        key(21, &[x.shape, flags, t1]),
        key(22, &[x.suf[1], w(1)]),
        key(23, &[t1, w(1)]),
        key(24, &[x.lex]),
        key(25, &[x.lex, t1]),
        key(26, &[x.lex, flags]),
        key(27, &[lex(-1), x.lex]),
        key(28, &[x.lex, lex(1)]),
        key(29, &[x.lex, x.suf[1]]),
    ]);
}

fn best(scores: &[i32]) -> usize {
    let mut b = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[b] {
            b = i;
        }
    }
    b
}

impl Tagger {
    /// Tag one sentence.
    pub fn tag(&self, p: &[Prepared]) -> Vec<Upos> {
        self.tag_with(p, &[])
    }

    /// Tag one sentence, with some tags already known (`fixed[i]`, where given): they are
    /// kept, and the words after them are tagged knowing them.
    pub fn tag_with(&self, p: &[Prepared], fixed: &[Option<Upos>]) -> Vec<Upos> {
        let mut tags = Vec::with_capacity(p.len());
        let mut feats = Vec::with_capacity(32);
        let mut scores = [0i32; CLASSES];
        for i in 0..p.len() {
            if let Some(t) = fixed.get(i).copied().flatten() {
                tags.push(t);
                continue;
            }
            if let Some(&t) = self.dict.get(&p[i].w) {
                tags.push(t);
                continue;
            }
            features(p, &tags, i, &mut feats);
            self.model.scores(&feats, &mut scores);
            tags.push(Upos::from_index(best(&scores)));
        }
        tags
    }
}

/// Words seen at least this often...
const DICT_MIN: usize = 20;
/// ...with this share or more of one tag go in the tag dictionary.
const DICT_SHARE: f64 = 0.995;

/// Train a tagger on `(prepared words, gold tags)` sentences.
pub fn train(data: &[(Vec<Prepared>, Vec<Upos>)], epochs: usize, seed: u64, prune: f32) -> Tagger {
    let mut counts: FxHashMap<u64, [usize; CLASSES]> = FxHashMap::default();
    for (p, tags) in data {
        for (w, t) in p.iter().zip(tags) {
            counts.entry(w.w).or_insert([0; CLASSES])[t.index()] += 1;
        }
    }
    let mut dict = FxHashMap::default();
    for (w, c) in &counts {
        let n: usize = c.iter().sum();
        let (top, k) = c
            .iter()
            .enumerate()
            .max_by_key(|&(i, k)| (*k, std::cmp::Reverse(i)))
            .map_or((0, 0), |(i, k)| (i, *k));
        if n >= DICT_MIN && k as f64 / n as f64 >= DICT_SHARE {
            dict.insert(*w, Upos::from_index(top));
        }
    }
    let mut model = Trainer::new(CLASSES);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = super::train::Rng::new(seed);
    let mut feats = Vec::new();
    let mut scores = [0f32; CLASSES];
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &si in &order {
            let (p, gold) = &data[si];
            let mut tags: Vec<Upos> = Vec::with_capacity(p.len());
            for i in 0..p.len() {
                if let Some(&t) = dict.get(&p[i].w) {
                    tags.push(t);
                    continue;
                }
                features(p, &tags, i, &mut feats);
                model.tick();
                model.scores(&feats, &mut scores);
                let mut g = 0;
                for (c, &s) in scores.iter().enumerate() {
                    if s > scores[g] {
                        g = c;
                    }
                }
                model.update(&feats, gold[i].index(), g);
                // Greedy decoding sees its own tags, so training does too.
                tags.push(Upos::from_index(g));
            }
        }
    }
    Tagger {
        model: model.freeze(prune),
        dict,
    }
}
