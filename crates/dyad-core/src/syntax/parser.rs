//! The dependency parser: arc-hybrid transitions, chosen greedily by an averaged perceptron
//! over the rich non-local features of Zhang & Nivre (2011), trained with the dynamic oracle
//! of Goldberg & Nivre (2013); relations are chosen by a second perceptron when an arc is made.
//!
//! Words are numbered from 1; 0 is the root, at the bottom of the stack. Three moves:
//! SHIFT pushes the next word; LEFT makes the next word the head of the stack's top and pops
//! it; RIGHT makes the word under the top its head and pops it. The root takes one dependent
//! only, with the last move, so every tree has one root. The cost is linear in the sentence.

use super::hash::{self, key, NONE};
use super::perceptron::{Frozen, Trainer};
use super::tags::{Dep, Upos};
use super::words::Prepared;

pub(crate) const SHIFT: usize = 0;
pub(crate) const LEFT: usize = 1;
pub(crate) const RIGHT: usize = 2;
const MOVES: usize = 3;

/// A trained parser: the transition model and the relation model.
#[derive(Debug, Clone, PartialEq)]
pub struct Parser {
    pub(crate) moves: Frozen,
    pub(crate) labels: Frozen,
}

/// The partial tree while parsing. Index 0 is the root.
pub(crate) struct State {
    pub stack: Vec<usize>,
    /// Next word of the buffer (1-based); `n + 1` when the buffer is empty.
    pub b: usize,
    pub n: usize,
    pub head: Vec<usize>,
    pub dep: Vec<Dep>,
    /// Two leftmost and two rightmost children (0 = none; the root is never a child).
    l1: Vec<usize>,
    l2: Vec<usize>,
    r1: Vec<usize>,
    r2: Vec<usize>,
    nl: Vec<u8>,
    nr: Vec<u8>,
    /// Relations of the left and right children, as bit sets over `Dep`.
    lset: Vec<u64>,
    rset: Vec<u64>,
}

const NO_HEAD: usize = usize::MAX;

impl State {
    pub fn new(n: usize) -> State {
        State {
            stack: vec![0],
            b: 1,
            n,
            head: vec![NO_HEAD; n + 1],
            dep: vec![Dep::Dep; n + 1],
            l1: vec![0; n + 1],
            l2: vec![0; n + 1],
            r1: vec![0; n + 1],
            r2: vec![0; n + 1],
            nl: vec![0; n + 1],
            nr: vec![0; n + 1],
            lset: vec![0; n + 1],
            rset: vec![0; n + 1],
        }
    }

    pub fn done(&self) -> bool {
        self.b > self.n && self.stack.len() == 1
    }

    fn s(&self, k: usize) -> Option<usize> {
        let len = self.stack.len();
        (len > k).then(|| self.stack[len - 1 - k])
    }

    fn buf(&self, k: usize) -> Option<usize> {
        let i = self.b + k;
        (i <= self.n).then_some(i)
    }

    /// The words in the positions [`word_features`] reads, by role.
    fn roles(&self) -> [(usize, Option<usize>); ROLES] {
        [
            (0, self.s(0)),
            (1, self.s(1)),
            (2, self.buf(0)),
            (3, self.buf(1)),
            (4, self.buf(2)),
            (5, self.s(2)),
        ]
    }

    pub fn valid(&self, m: usize) -> bool {
        match m {
            SHIFT => self.b <= self.n,
            LEFT => self.b <= self.n && self.s(0).is_some_and(|s| s != 0),
            // The root's one dependent is attached last.
            RIGHT => match (self.s(1), self.s(0)) {
                (Some(0), Some(_)) => self.b > self.n,
                (Some(_), Some(_)) => true,
                _ => false,
            },
            _ => false,
        }
    }

    /// Is exactly one move valid (then there is nothing to score)?
    fn only_move(&self) -> bool {
        (0..MOVES).filter(|&m| self.valid(m)).count() == 1
    }

    fn first_valid(&self) -> usize {
        (0..MOVES).find(|&m| self.valid(m)).unwrap_or(usize::MAX)
    }

    /// The arc a move would make, as (head, dependent).
    pub fn arc(&self, m: usize) -> Option<(usize, usize)> {
        match m {
            LEFT => Some((self.b, self.s(0)?)),
            RIGHT => Some((self.s(1)?, self.s(0)?)),
            _ => None,
        }
    }

    pub fn apply(&mut self, m: usize, label: Dep) {
        match m {
            SHIFT => {
                self.stack.push(self.b);
                self.b += 1;
            }
            LEFT | RIGHT => {
                let Some((h, d)) = self.arc(m) else { return };
                self.stack.pop();
                self.head[d] = h;
                self.dep[d] = label;
                let bit = 1u64 << (label.index() % 64);
                if d < h {
                    // Left children arrive from the nearest outwards.
                    self.l2[h] = self.l1[h];
                    self.l1[h] = d;
                    self.nl[h] = self.nl[h].saturating_add(1);
                    self.lset[h] |= bit;
                } else {
                    self.r2[h] = self.r1[h];
                    self.r1[h] = d;
                    self.nr[h] = self.nr[h].saturating_add(1);
                    self.rset[h] |= bit;
                }
            }
            _ => {}
        }
    }

    /// Cost of a move under the gold heads: the gold arcs it makes unreachable.
    pub fn cost(&self, m: usize, gold: &[usize]) -> usize {
        let s0 = self.s(0);
        let in_buffer = |k: usize| k >= self.b && k <= self.n;
        match m {
            SHIFT => {
                let b = self.b;
                let below = &self.stack[..self.stack.len().saturating_sub(1)];
                let head_below = below.contains(&gold[b]) as usize;
                let deps_in_stack = self
                    .stack
                    .iter()
                    .filter(|&&k| k != 0 && gold[k] == b)
                    .count();
                head_below + deps_in_stack
            }
            LEFT => {
                let Some(s0) = s0 else { return usize::MAX };
                let g = gold[s0];
                let lost_head = (self.s(1) == Some(g) || (in_buffer(g) && g != self.b)) as usize;
                let lost_deps = (self.b..=self.n).filter(|&k| gold[k] == s0).count();
                lost_head + lost_deps
            }
            RIGHT => {
                let Some(s0) = s0 else { return usize::MAX };
                let lost_head = in_buffer(gold[s0]) as usize;
                let lost_deps = (self.b..=self.n).filter(|&k| gold[k] == s0).count();
                lost_head + lost_deps
            }
            _ => usize::MAX,
        }
    }
}

/// Per-sentence values the features read: word and tag of each position (0 = the root).
pub(crate) struct Context {
    w: Vec<u64>,
    t: Vec<u64>,
    wt: Vec<u64>,
    /// The last two letters of each word, for the relation model ("-ed" participles).
    suf2: Vec<u64>,
    /// How many verbs follow each word (0, 1, 2, 3 or more) and the next one's form: a
    /// greedy parser cannot see the rest of the sentence, and whether "officials agreed"
    /// is the main clause or a noun with a participle depends on whether another verb comes.
    verbs_after: Vec<u64>,
    next_verb: Vec<u64>,
    /// How many verbs come before each word (0, 1, 2 or more).
    verbs_before: Vec<u64>,
}

impl Context {
    pub fn new(p: &[Prepared], tags: &[Upos]) -> Context {
        let root_w = hash::text("<root>");
        let root_t = hash::mix(0x726f_6f74);
        let mut w = vec![root_w];
        let mut t = vec![root_t];
        let mut suf2 = vec![NONE];
        for (x, tag) in p.iter().zip(tags) {
            w.push(x.w);
            t.push(hash::mix(*tag as u64 ^ 0x7470_6f73));
            suf2.push(x.suf[1]);
        }
        let wt = w
            .iter()
            .zip(&t)
            .map(|(a, b)| hash::mix(a ^ b.rotate_left(17)))
            .collect();
        let n = p.len();
        let is_verb = |i: usize| i >= 1 && matches!(tags[i - 1], Upos::Verb | Upos::Aux);
        let mut verbs_after = vec![0u64; n + 1];
        let mut next_verb = vec![NONE; n + 1];
        let (mut count, mut next) = (0u64, NONE);
        for i in (0..=n).rev() {
            verbs_after[i] = count.min(3);
            next_verb[i] = next;
            if is_verb(i) {
                count += 1;
                next = w[i];
            }
        }
        let mut verbs_before = vec![0u64; n + 1];
        let mut count = 0u64;
        for (i, slot) in verbs_before.iter_mut().enumerate() {
            *slot = count.min(2);
            if is_verb(i) {
                count += 1;
            }
        }
        Context {
            w,
            t,
            wt,
            suf2,
            verbs_after,
            next_verb,
            verbs_before,
        }
    }
}

fn dist(a: usize, b: usize) -> u64 {
    let d = a.abs_diff(b);
    (if d >= 5 { 5 + (d >= 10) as usize } else { d }) as u64
}

/// Positions whose words the transition features read one at a time: s0, s1, b0, b1, b2, s2.
const ROLES: usize = 6;

/// The features of one word in one position: they depend on nothing else, so decoding sums
/// them once per word and position instead of once per state.
fn word_features(c: &Context, role: usize, i: Option<usize>, out: &mut Vec<u32>) {
    let w = i.map_or(NONE, |i| c.w[i]);
    let t = i.map_or(NONE, |i| c.t[i]);
    let wt = i.map_or(NONE, |i| c.wt[i]);
    let base = 1 + 3 * role as u32;
    match role {
        4 | 5 => out.extend_from_slice(&[key(base, &[w]), key(base + 1, &[t])]),
        _ => out.extend_from_slice(&[key(base, &[w]), key(base + 1, &[t]), key(base + 2, &[wt])]),
    }
}

/// The transition features of a state, without the words' own (see [`word_features`]).
pub(crate) fn context_features(st: &State, c: &Context, out: &mut Vec<u32>) {
    out.clear();
    out.push(key(0, &[]));
    move_features_rest(st, c, out);
}

/// The transition features of a state.
pub(crate) fn move_features(st: &State, c: &Context, out: &mut Vec<u32>) {
    out.clear();
    out.push(key(0, &[]));
    for (role, i) in st.roles() {
        word_features(c, role, i, out);
    }
    move_features_rest(st, c, out);
}

fn move_features_rest(st: &State, c: &Context, out: &mut Vec<u32>) {
    let w = |i: Option<usize>| i.map_or(NONE, |i| c.w[i]);
    let t = |i: Option<usize>| i.map_or(NONE, |i| c.t[i]);
    let wt = |i: Option<usize>| i.map_or(NONE, |i| c.wt[i]);
    let lab = |i: Option<usize>| i.map_or(NONE, |i| st.dep[i] as u64 + 1);
    let child = |v: &Vec<usize>, i: Option<usize>| i.and_then(|i| (v[i] != 0).then_some(v[i]));
    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let (b0, b1, b2) = (st.buf(0), st.buf(1), st.buf(2));
    let s0l1 = child(&st.l1, s0);
    let s0l2 = child(&st.l2, s0);
    let s0r1 = child(&st.r1, s0);
    let s0r2 = child(&st.r2, s0);
    let s1r1 = child(&st.r1, s1);
    let s1r2 = child(&st.r2, s1);
    let s1l1 = child(&st.l1, s1);
    let b0l1 = child(&st.l1, b0);
    let b0l2 = child(&st.l2, b0);
    let d0 = match (s0, b0) {
        (Some(a), Some(b)) => dist(a, b),
        _ => NONE,
    };
    let d1 = match (s1, s0) {
        (Some(a), Some(b)) => dist(a, b),
        _ => NONE,
    };
    let vl = |i: Option<usize>| i.map_or(NONE, |i| st.nl[i] as u64);
    let vr = |i: Option<usize>| i.map_or(NONE, |i| st.nr[i] as u64);
    let ls = |i: Option<usize>| i.map_or(NONE, |i| st.lset[i]);
    let rs = |i: Option<usize>| i.map_or(NONE, |i| st.rset[i]);
    let va = |i: Option<usize>| i.map_or(NONE, |i| c.verbs_after[i]);
    let nv = |i: Option<usize>| i.map_or(NONE, |i| c.next_verb[i]);
    let vb = |i: Option<usize>| i.map_or(NONE, |i| c.verbs_before[i]);
    out.extend_from_slice(&[
        // pairs
        key(20, &[wt(s0), wt(b0)]),
        key(21, &[wt(s0), w(b0)]),
        key(22, &[w(s0), wt(b0)]),
        key(23, &[wt(s0), t(b0)]),
        key(24, &[t(s0), wt(b0)]),
        key(25, &[w(s0), w(b0)]),
        key(26, &[t(s0), t(b0)]),
        key(27, &[t(b0), t(b1)]),
        key(28, &[wt(s1), wt(s0)]),
        key(29, &[w(s1), w(s0)]),
        key(30, &[t(s1), t(s0)]),
        key(31, &[t(s1), w(s0)]),
        key(32, &[w(s1), t(s0)]),
        key(33, &[t(s1), t(b0)]),
        key(34, &[w(s1), t(b0)]),
        // triples of tags
        key(40, &[t(b0), t(b1), t(b2)]),
        key(41, &[t(s0), t(b0), t(b1)]),
        key(42, &[t(s1), t(s0), t(b0)]),
        key(43, &[t(s2), t(s1), t(s0)]),
        key(44, &[t(s0), t(s0l1), t(b0)]),
        key(45, &[t(s0), t(s0r1), t(b0)]),
        key(46, &[t(s0), t(b0), t(b0l1)]),
        key(47, &[t(s1), t(s0), t(s0l1)]),
        key(48, &[t(s1), t(s0), t(s0r1)]),
        key(49, &[t(s1), t(s1r1), t(s0)]),
        key(50, &[w(s0), t(s1), t(b0)]),
        // distance
        key(51, &[w(s0), d0]),
        key(52, &[t(s0), d0]),
        key(53, &[w(b0), d0]),
        key(54, &[t(b0), d0]),
        key(55, &[w(s0), w(b0), d0]),
        key(56, &[t(s0), t(b0), d0]),
        key(57, &[t(s1), t(s0), d1]),
        key(58, &[w(s1), w(s0), d1]),
        // valency
        key(60, &[w(s0), vr(s0)]),
        key(61, &[t(s0), vr(s0)]),
        key(62, &[w(s0), vl(s0)]),
        key(63, &[t(s0), vl(s0)]),
        key(64, &[w(b0), vl(b0)]),
        key(65, &[t(b0), vl(b0)]),
        key(66, &[w(s1), vr(s1)]),
        key(67, &[t(s1), vr(s1)]),
        // children
        key(70, &[w(s0l1)]),
        key(71, &[t(s0l1)]),
        key(72, &[lab(s0l1)]),
        key(73, &[w(s0r1)]),
        key(74, &[t(s0r1)]),
        key(75, &[lab(s0r1)]),
        key(76, &[w(b0l1)]),
        key(77, &[t(b0l1)]),
        key(78, &[lab(b0l1)]),
        key(79, &[w(s1r1)]),
        key(80, &[t(s1r1)]),
        key(81, &[lab(s1r1)]),
        key(82, &[t(s0l2)]),
        key(83, &[lab(s0l2)]),
        key(84, &[t(s0r2)]),
        key(85, &[lab(s0r2)]),
        key(86, &[t(b0l2)]),
        key(87, &[lab(b0l2)]),
        key(88, &[t(s1l1)]),
        key(89, &[lab(s1l1)]),
        // third order
        key(90, &[t(s0), t(s0l1), t(s0l2)]),
        key(91, &[t(s0), t(s0r1), t(s0r2)]),
        key(92, &[t(b0), t(b0l1), t(b0l2)]),
        key(93, &[t(s1), t(s1r1), t(s1r2)]),
        // label sets
        key(94, &[t(s0), ls(s0)]),
        key(95, &[t(s0), rs(s0)]),
        key(96, &[t(b0), ls(b0)]),
        key(97, &[t(s1), rs(s1)]),
        key(98, &[w(s0), ls(s0), rs(s0)]),
        // what lies beyond the window
        key(140, &[t(s0), t(b0), va(b0)]),
        key(141, &[t(b0), nv(b0)]),
        key(142, &[w(b0), va(b0)]),
        key(143, &[t(s0), vb(s0), t(b0)]),
        key(144, &[t(s1), t(s0), va(s0)]),
    ]);
}

/// The relation features of an arc `h -> d` about to be made.
pub(crate) fn label_features(st: &State, c: &Context, h: usize, d: usize, out: &mut Vec<u32>) {
    out.clear();
    let at = |v: &Vec<u64>, i: usize| v.get(i).copied().unwrap_or(NONE);
    let child = |v: &Vec<usize>, i: usize| (v[i] != 0).then_some(v[i]);
    let ow = |i: Option<usize>| i.map_or(NONE, |i| c.w[i]);
    let ot = |i: Option<usize>| i.map_or(NONE, |i| c.t[i]);
    let dir = (d < h) as u64;
    let dd = dist(h, d);
    let dl1 = child(&st.l1, d);
    let dr1 = child(&st.r1, d);
    let hl1 = child(&st.l1, h);
    let next = (d < st.n).then_some(d + 1);
    let prev = (d > 1).then(|| d - 1);
    out.extend_from_slice(&[
        key(100, &[]),
        key(101, &[c.w[d]]),
        key(102, &[c.t[d]]),
        key(103, &[c.w[h]]),
        key(104, &[c.t[h]]),
        key(105, &[c.t[h], c.t[d]]),
        key(106, &[c.w[h], c.t[d]]),
        key(107, &[c.t[h], c.w[d]]),
        key(108, &[c.w[h], c.w[d]]),
        key(109, &[dir, dd]),
        key(110, &[c.t[d], dir]),
        key(111, &[c.t[h], c.t[d], dir, dd]),
        key(112, &[ow(dl1)]),
        key(113, &[ot(dl1), c.t[d]]),
        key(114, &[c.t[d], ow(dl1), dir]),
        key(115, &[c.t[h], st.lset[h], st.rset[h], dir]),
        key(116, &[c.t[d], st.lset[d], st.rset[d]]),
        key(117, &[ot(dr1), c.t[d]]),
        key(118, &[c.t[h], c.t[d], ow(dl1)]),
        key(119, &[ow(hl1), c.t[h], dir]),
        key(120, &[at(&c.suf2, h), c.t[h], c.t[d], dir]),
        key(121, &[c.w[d], dir]),
        key(122, &[ot(prev), c.t[d]]),
        key(123, &[c.t[d], ot(next)]),
        key(124, &[h.min(1) as u64, c.t[d]]),
        key(125, &[c.wt[h], c.wt[d], dir]),
    ]);
}

/// The best valid move by the scores.
pub(crate) fn best_valid(st: &State, scores: &[i32]) -> usize {
    let mut best = usize::MAX;
    for m in 0..MOVES {
        if st.valid(m) && (best == usize::MAX || scores[m] > scores[best]) {
            best = m;
        }
    }
    best
}

/// The best relation for an arc: `root` for the root's dependent and never elsewhere.
pub(crate) fn best_label(scores: &[i32], to_root: bool) -> Dep {
    if to_root {
        return Dep::Root;
    }
    let mut best: Option<usize> = None;
    for (i, &s) in scores.iter().enumerate() {
        if Dep::from_index(i) == Dep::Root {
            continue;
        }
        if best.is_none_or(|b| s > scores[b]) {
            best = Some(i);
        }
    }
    Dep::from_index(best.unwrap_or(0))
}

impl Parser {
    /// Parse one tagged sentence: each word's head (0 = root) and relation.
    pub fn parse(&self, p: &[Prepared], tags: &[Upos]) -> (Vec<usize>, Vec<Dep>) {
        let n = p.len();
        let c = Context::new(p, tags);
        let mut st = State::new(n);
        let mut feats = Vec::with_capacity(128);
        let mut scores = [0i32; MOVES];
        let mut lscores = vec![0i32; self.labels.classes()];
        // Each word's own features, summed once per position it can hold (index n + 1 stands
        // for an empty position).
        let mut own = vec![[[0i32; MOVES]; ROLES]; n + 2];
        let mut part = [0i32; MOVES];
        for (i, row) in own.iter_mut().enumerate() {
            for (role, sum) in row.iter_mut().enumerate() {
                feats.clear();
                word_features(&c, role, (i <= n).then_some(i), &mut feats);
                self.moves.scores(&feats, &mut part);
                *sum = part;
            }
        }
        while !st.done() {
            let m = if st.only_move() {
                st.first_valid()
            } else {
                context_features(&st, &c, &mut feats);
                self.moves.scores(&feats, &mut scores);
                for (role, i) in st.roles() {
                    let add = &own[i.unwrap_or(n + 1)][role];
                    for k in 0..MOVES {
                        scores[k] += add[k];
                    }
                }
                best_valid(&st, &scores)
            };
            if m == usize::MAX {
                break;
            }
            let label = match st.arc(m) {
                Some((h, d)) => {
                    label_features(&st, &c, h, d, &mut feats);
                    self.labels.scores(&feats, &mut lscores);
                    best_label(&lscores, h == 0)
                }
                None => Dep::Dep,
            };
            st.apply(m, label);
        }
        let heads = st.head[1..]
            .iter()
            .map(|&h| if h == NO_HEAD { 0 } else { h })
            .collect();
        (heads, st.dep[1..].to_vec())
    }
}

/// A training sentence for the parser: prepared words, the tags the parser will see (predicted,
/// so that it learns to live with the tagger's errors), gold heads (index 0 unused) and
/// relations.
pub struct Example {
    pub words: Vec<Prepared>,
    pub tags: Vec<Upos>,
    pub heads: Vec<usize>,
    pub deps: Vec<Dep>,
}

/// Train the parser with the dynamic oracle: from the second epoch on, it follows its own
/// (possibly wrong) moves nine times in ten and learns the best move from the states its
/// errors lead to.
pub fn train(data: &[Example], epochs: usize, seed: u64, prune: f32) -> Parser {
    let mut moves = Trainer::new(MOVES);
    let mut labels = Trainer::new(Dep::ALL.len());
    let mut rng = super::train::Rng::new(seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut feats = Vec::with_capacity(128);
    let mut lfeats = Vec::with_capacity(64);
    let mut scores = [0f32; MOVES];
    let mut lscores = vec![0f32; Dep::ALL.len()];
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        for &si in &order {
            let ex = &data[si];
            let n = ex.words.len();
            let c = Context::new(&ex.words, &ex.tags);
            let mut gold = vec![0usize; n + 1];
            gold[1..].copy_from_slice(&ex.heads[1..]);
            let mut st = State::new(n);
            while !st.done() {
                move_features(&st, &c, &mut feats);
                moves.tick();
                moves.scores(&feats, &mut scores);
                let costs: Vec<usize> = (0..MOVES)
                    .map(|m| {
                        if st.valid(m) {
                            st.cost(m, &gold)
                        } else {
                            usize::MAX
                        }
                    })
                    .collect();
                let Some(&min) = costs.iter().min() else {
                    break;
                };
                if min == usize::MAX {
                    break;
                }
                let pick = |allowed: &dyn Fn(usize) -> bool| -> usize {
                    let mut b = usize::MAX;
                    for m in 0..MOVES {
                        if allowed(m) && (b == usize::MAX || scores[m] > scores[b]) {
                            b = m;
                        }
                    }
                    b
                };
                let guess = pick(&|m| costs[m] != usize::MAX);
                let best_gold = pick(&|m| costs[m] == min);
                moves.update(&feats, best_gold, guess);
                let follow = if costs[guess] == min || (epoch > 0 && rng.chance(0.9)) {
                    guess
                } else {
                    best_gold
                };
                let label = match st.arc(follow) {
                    Some((0, _)) => Dep::Root,
                    Some((h, d)) => {
                        label_features(&st, &c, h, d, &mut lfeats);
                        labels.tick();
                        labels.scores(&lfeats, &mut lscores);
                        let mut g = 0;
                        for (k, &s) in lscores.iter().enumerate() {
                            if Dep::from_index(k) != Dep::Root && s > lscores[g] {
                                g = k;
                            }
                        }
                        if gold[d] == h {
                            labels.update(&lfeats, ex.deps[d].index(), g);
                        }
                        Dep::from_index(g)
                    }
                    None => Dep::Dep,
                };
                st.apply(follow, label);
            }
        }
    }
    Parser {
        moves: moves.freeze(prune),
        labels: labels.freeze(prune),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Following the zero-cost moves of the oracle rebuilds a projective gold tree exactly.
    #[test]
    fn the_oracle_rebuilds_a_projective_tree() {
        // "Ghana and Togo signed a deal in Accra ."
        //  1     2   3    4      5 6    7  8     9
        let gold = [0, 4, 3, 1, 0, 6, 4, 8, 4, 4];
        let n = gold.len() - 1;
        let mut st = State::new(n);
        let mut steps = 0;
        while !st.done() && steps < 100 {
            let m = (0..MOVES)
                .find(|&m| st.valid(m) && st.cost(m, &gold) == 0)
                .expect("a zero-cost move exists");
            st.apply(m, Dep::Dep);
            steps += 1;
        }
        assert!(st.done());
        assert_eq!(&st.head[1..], &gold[1..]);
        assert_eq!(steps, 2 * n);
    }

    #[test]
    fn the_root_takes_one_dependent_and_only_at_the_end() {
        let mut st = State::new(2);
        st.apply(SHIFT, Dep::Dep);
        assert!(
            !st.valid(RIGHT),
            "root attachment before the buffer is empty"
        );
        st.apply(SHIFT, Dep::Dep);
        st.apply(RIGHT, Dep::Obj);
        assert!(st.valid(RIGHT));
        st.apply(RIGHT, Dep::Root);
        assert!(st.done());
        assert_eq!(&st.head[1..], &[0, 1]);
    }
}
