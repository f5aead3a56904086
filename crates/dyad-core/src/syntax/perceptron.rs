//! The averaged perceptron over hashed features, and its frozen, compact form.
//!
//! Training keeps, per feature, only the classes it was ever updated for, with lazily averaged
//! weights (each weight's running total is brought up to date when it changes). Freezing keeps
//! the averaged weights, quantised to 16 bits, in an open-addressing table: one probe per
//! feature and a short run of `(class, weight)` pairs, which is both small on disk and quick to
//! score.

use rustc_hash::FxHashMap;

#[derive(Debug, Clone, Copy)]
struct Param {
    class: u16,
    w: f32,
    /// Sum of the weight over all steps up to `stamp`.
    total: f64,
    stamp: u64,
}

/// A perceptron in training.
pub struct Trainer {
    classes: usize,
    weights: FxHashMap<u32, Vec<Param>>,
    step: u64,
}

impl Trainer {
    pub fn new(classes: usize) -> Trainer {
        Trainer {
            classes,
            weights: FxHashMap::default(),
            step: 0,
        }
    }

    /// Scores of every class (current weights, as training sees them).
    pub fn scores(&self, feats: &[u32], out: &mut [f32]) {
        out.iter_mut().for_each(|x| *x = 0.0);
        for f in feats {
            if let Some(ps) = self.weights.get(f) {
                for p in ps {
                    out[p.class as usize] += p.w;
                }
            }
        }
    }

    /// Count one training example (call once per decision, updated or not).
    pub fn tick(&mut self) {
        self.step += 1;
    }

    /// Move weight towards `truth` and away from `guess`.
    pub fn update(&mut self, feats: &[u32], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        let step = self.step;
        for &f in feats {
            let ps = self.weights.entry(f).or_default();
            for (class, delta) in [(truth, 1.0f32), (guess, -1.0f32)] {
                let class = class as u16;
                let p = match ps.iter_mut().find(|p| p.class == class) {
                    Some(p) => p,
                    None => {
                        ps.push(Param {
                            class,
                            w: 0.0,
                            total: 0.0,
                            stamp: step,
                        });
                        ps.last_mut().expect("just pushed")
                    }
                };
                p.total += (step - p.stamp) as f64 * p.w as f64;
                p.stamp = step;
                p.w += delta;
            }
        }
    }

    /// The averaged weights, quantised into a frozen table; weights smaller than `prune` (in
    /// absolute value) are dropped, which shrinks the table several times at little cost.
    pub fn freeze(&self, prune: f32) -> Frozen {
        let step = self.step.max(1);
        let mut rows: Vec<(u32, Vec<(u16, f32)>)> = Vec::with_capacity(self.weights.len());
        let mut max = 0f32;
        for (&f, ps) in &self.weights {
            let mut row = Vec::new();
            for p in ps {
                let total = p.total + (step - p.stamp) as f64 * p.w as f64;
                let avg = (total / step as f64) as f32;
                if avg != 0.0 && avg.abs() >= prune {
                    max = max.max(avg.abs());
                    row.push((p.class, avg));
                }
            }
            if !row.is_empty() {
                rows.push((f, row));
            }
        }
        Frozen::build(self.classes, max, rows)
    }
}

/// A trained perceptron: an open-addressing table from feature key to its weights.
///
/// Models with at most four classes (the parser's moves) keep the weights inside the slot, so a
/// feature costs one memory access; others keep a run of `(class, weight)` pairs per feature.
/// On disk only the features are written, sorted; the table is rebuilt on reading.
#[derive(Debug, Clone, PartialEq)]
pub struct Frozen {
    classes: usize,
    /// Weight of one quantum.
    scale: f32,
    /// Features, sorted by key, each with its `(class << 16) | weight as u16` entries.
    features: Vec<(u32, Vec<u32>)>,
    table: Table,
}

#[derive(Debug, Clone, PartialEq)]
enum Table {
    /// Keys and up to four weights per slot, five slots to a cache line.
    Inline {
        buckets: Vec<InlineBucket>,
        mask: usize,
    },
    /// Eight keys to a cache line, each with the start (low 24 bits) and length (high 8 bits)
    /// of its run in `entries`.
    Sparse {
        buckets: Vec<SparseBucket>,
        entries: Vec<u32>,
        mask: usize,
    },
}

/// Why buckets: a feature absent from the model is as common as a present one, so a probe loop
/// that branches on each slot mispredicts half the time and serialises the cache misses. One
/// cache line per feature, compared without branches, lets the misses of a state's features
/// overlap.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[repr(C, align(64))]
struct InlineBucket {
    keys: [u32; 5],
    w: [[i16; 4]; 5],
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[repr(C, align(64))]
struct SparseBucket {
    keys: [u32; 8],
    rows: [u32; 8],
}

/// Buckets for `n` features of `per` slots each: a power of two, at most two thirds full.
fn buckets_for(n: usize, per: usize) -> usize {
    (n * 3 / (2 * per) + 1).next_power_of_two().max(4)
}

impl Frozen {
    fn build(classes: usize, max: f32, rows: Vec<(u32, Vec<(u16, f32)>)>) -> Frozen {
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut features: Vec<(u32, Vec<u32>)> = rows
            .into_iter()
            .filter_map(|(f, row)| {
                let q: Vec<u32> = row
                    .iter()
                    .filter_map(|&(c, w)| {
                        let v = (w / scale).round().clamp(-32767.0, 32767.0) as i16;
                        (v != 0).then_some(((c as u32) << 16) | (v as u16 as u32))
                    })
                    .collect();
                (!q.is_empty()).then_some((f, q))
            })
            .collect();
        // Sorted so that the same weights always give the same bytes.
        features.sort_by_key(|r| r.0);
        Frozen::from_features(classes, scale, features)
    }

    fn from_features(classes: usize, scale: f32, features: Vec<(u32, Vec<u32>)>) -> Frozen {
        let table = if classes <= 4 {
            let n = buckets_for(features.len(), 5);
            let mask = n - 1;
            let mut buckets = vec![InlineBucket::default(); n];
            for (f, row) in &features {
                let mut b = *f as usize & mask;
                while buckets[b].keys[4] != 0 {
                    b = (b + 1) & mask;
                }
                let bucket = &mut buckets[b];
                let j = bucket.keys.iter().position(|&k| k == 0).unwrap_or(4);
                bucket.keys[j] = *f;
                for &e in row {
                    if let Some(w) = bucket.w[j].get_mut((e >> 16) as usize) {
                        *w = e as u16 as i16;
                    }
                }
            }
            Table::Inline { buckets, mask }
        } else {
            let n = buckets_for(features.len(), 8);
            let mask = n - 1;
            let mut buckets = vec![SparseBucket::default(); n];
            let mut entries = Vec::new();
            for (f, row) in &features {
                let mut b = *f as usize & mask;
                while buckets[b].keys[7] != 0 {
                    b = (b + 1) & mask;
                }
                let bucket = &mut buckets[b];
                let j = bucket.keys.iter().position(|&k| k == 0).unwrap_or(7);
                bucket.keys[j] = *f;
                bucket.rows[j] = (entries.len() as u32) | ((row.len() as u32) << 24);
                entries.extend_from_slice(row);
            }
            Table::Sparse {
                buckets,
                entries,
                mask,
            }
        };
        Frozen {
            classes,
            scale,
            features,
            table,
        }
    }

    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Number of features with weights, and of weights.
    pub fn size(&self) -> (usize, usize) {
        (
            self.features.len(),
            self.features.iter().map(|f| f.1.len()).sum(),
        )
    }

    /// Scores of every class, in quanta (compare them, or multiply by the scale).
    #[inline]
    pub fn scores(&self, feats: &[u32], out: &mut [i32]) {
        out.iter_mut().for_each(|x| *x = 0);
        match &self.table {
            Table::Inline { buckets, mask } => {
                // Touch every feature's cache line first: independent loads overlap, where
                // the compare-and-add loop below would wait for each miss in turn.
                let mut touch = 0u32;
                for &f in feats {
                    touch = touch.wrapping_add(buckets[f as usize & mask].keys[0]);
                }
                std::hint::black_box(touch);
                let mut acc = [0i32; 4];
                for &f in feats {
                    let mut b = f as usize & mask;
                    loop {
                        let bucket = &buckets[b];
                        for j in 0..5 {
                            let hit = (bucket.keys[j] == f) as i32;
                            for (a, w) in acc.iter_mut().zip(bucket.w[j]) {
                                *a += hit * w as i32;
                            }
                        }
                        // A full bucket may have passed the feature on to the next one.
                        if bucket.keys[4] == 0 || bucket.keys.contains(&f) {
                            break;
                        }
                        b = (b + 1) & mask;
                    }
                }
                for (o, a) in out.iter_mut().zip(acc) {
                    *o = a;
                }
            }
            Table::Sparse {
                buckets,
                entries,
                mask,
            } => {
                let mut touch = 0u32;
                for &f in feats {
                    touch = touch.wrapping_add(buckets[f as usize & mask].keys[0]);
                }
                std::hint::black_box(touch);
                for &f in feats {
                    let mut b = f as usize & mask;
                    loop {
                        let bucket = &buckets[b];
                        if let Some(j) = bucket.keys.iter().position(|&k| k == f) {
                            let r = bucket.rows[j];
                            let start = (r & 0x00ff_ffff) as usize;
                            let len = (r >> 24) as usize;
                            for &e in &entries[start..start + len] {
                                if let Some(o) = out.get_mut((e >> 16) as usize) {
                                    *o += e as u16 as i16 as i32;
                                }
                            }
                            break;
                        }
                        if bucket.keys[7] == 0 {
                            break;
                        }
                        b = (b + 1) & mask;
                    }
                }
            }
        }
    }

    /// The model as bytes (little-endian): classes, scale, feature and weight counts, then the
    /// sorted keys, the length of each feature's run, and the runs.
    pub fn write(&self, out: &mut Vec<u8>) {
        let (n, m) = self.size();
        for x in [
            self.classes as u32,
            self.scale.to_bits(),
            n as u32,
            m as u32,
        ] {
            out.extend_from_slice(&x.to_le_bytes());
        }
        for (k, _) in &self.features {
            out.extend_from_slice(&k.to_le_bytes());
        }
        for (_, row) in &self.features {
            out.push(row.len() as u8);
        }
        for (_, row) in &self.features {
            for e in row {
                out.extend_from_slice(&e.to_le_bytes());
            }
        }
    }

    /// Read a table written by [`Frozen::write`]; returns it and the bytes after it.
    pub fn read(bytes: &[u8]) -> Option<(Frozen, &[u8])> {
        let word = |b: &[u8], i: usize| -> Option<u32> {
            let s = b.get(i..i + 4)?;
            Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
        };
        let classes = word(bytes, 0)? as usize;
        let scale = f32::from_bits(word(bytes, 4)?);
        let n = word(bytes, 8)? as usize;
        let m = word(bytes, 12)? as usize;
        if classes == 0 || classes > u16::MAX as usize {
            return None;
        }
        let keys_at = 16;
        let lens_at = keys_at + 4 * n;
        let entries_at = lens_at + n;
        let end = entries_at + 4 * m;
        if bytes.len() < end {
            return None;
        }
        let lens = &bytes[lens_at..entries_at];
        if lens.iter().map(|&l| l as usize).sum::<usize>() != m || lens.contains(&0) {
            return None;
        }
        let mut features = Vec::with_capacity(n);
        let mut e = entries_at;
        for (i, &len) in lens.iter().enumerate() {
            let key = word(bytes, keys_at + 4 * i)?;
            if key == 0 {
                return None;
            }
            let row: Vec<u32> = (0..len as usize)
                .map(|j| word(bytes, e + 4 * j))
                .collect::<Option<_>>()?;
            e += 4 * len as usize;
            features.push((key, row));
        }
        Some((
            Frozen::from_features(classes, scale, features),
            &bytes[end..],
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two features, each telling one class: the trained model scores them apart, and the
    /// frozen table agrees with the averaged weights after a round trip through bytes.
    #[test]
    fn learns_separable_classes_and_survives_freezing() {
        let mut t = Trainer::new(3);
        let data = [
            (vec![11u32, 99], 0usize),
            (vec![22, 99], 1),
            (vec![33, 99], 2),
        ];
        let mut scores = [0f32; 3];
        for _ in 0..10 {
            for (f, y) in &data {
                t.tick();
                t.scores(f, &mut scores);
                let guess = argmax(&scores);
                t.update(f, *y, guess);
            }
        }
        let frozen = t.freeze(0.0);
        let mut bytes = Vec::new();
        frozen.write(&mut bytes);
        bytes.extend_from_slice(b"rest");
        let (back, rest) = Frozen::read(&bytes).expect("reads back");
        assert_eq!(rest, b"rest");
        assert_eq!(back, frozen);
        let mut q = [0i32; 3];
        for (f, y) in &data {
            back.scores(f, &mut q);
            let best = (0..3).max_by_key(|&c| q[c]).unwrap_or(0);
            assert_eq!(best, *y, "features {f:?}");
        }
        back.scores(&[12345], &mut q);
        assert_eq!(q, [0, 0, 0]);
    }

    #[test]
    fn a_truncated_table_is_refused() {
        let mut t = Trainer::new(2);
        t.tick();
        t.update(&[5], 1, 0);
        let mut bytes = Vec::new();
        t.freeze(0.0).write(&mut bytes);
        assert!(Frozen::read(&bytes[..bytes.len() - 4]).is_none());
    }

    fn argmax(s: &[f32]) -> usize {
        let mut best = 0;
        for (i, &v) in s.iter().enumerate() {
            if v > s[best] {
                best = i;
            }
        }
        best
    }
}
