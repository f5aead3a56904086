//! Syndicated copies: one wire story carried by many outlets, each with a few edits (another
//! dateline, a dropped sentence, a credit line). Stored once, such copies would each add the
//! story's events again; recognised, they are kept as other outlets of the first document and
//! are not extracted at all.
//!
//! The test is the Jaccard similarity of the two bodies' sets of 4-word shingles (lower case,
//! punctuation ignored), estimated by MinHash with 128 hash functions, at least [`THRESHOLD`].
//! Candidates are found by locality-sensitive hashing: 32 bands of 4 values, so a pair at the
//! threshold is a candidate with probability 1 - (1 - 0.7^4)^32 > 0.9999, and a pair at 0.3 with
//! about 0.23 (then refused by the full estimate).
//!
//! What that means in words: a 300-word story with a handful of words changed, a sentence added
//! or a line of credits appended is a copy (similarity 0.8 to 0.95); two outlets' own accounts of
//! one event share far fewer 4-word runs (measured below 0.2) and stay two documents; a copy cut
//! to half its length is about 0.5 and also stays a document of its own. Bodies shorter than
//! [`MIN_SHINGLES`] shingles (about 20 words) are matched only when identical.

/// Estimated Jaccard similarity at or above which a body is a copy of a stored one.
pub const THRESHOLD: f64 = 0.7;
/// Words per shingle.
pub const SHINGLE_WORDS: usize = 4;
/// Fewest shingles a body needs for near-duplicate matching.
pub const MIN_SHINGLES: usize = 16;
const HASHES: usize = 128;
const BANDS: usize = 32;
const ROWS: usize = HASHES / BANDS;

/// A body's MinHash signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(Vec<u32>);

/// Multipliers and offsets of the hash family: fixed, so signatures stored by one run compare
/// with those of the next.
fn family() -> &'static [(u64, u64); HASHES] {
    static F: std::sync::OnceLock<[(u64, u64); HASHES]> = std::sync::OnceLock::new();
    F.get_or_init(|| {
        let mut state: u64 = 0x243F_6A88_85A3_08D3;
        let mut next = || {
            // splitmix64
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        let mut f = [(0u64, 0u64); HASHES];
        for p in f.iter_mut() {
            *p = (next() | 1, next());
        }
        f
    })
}

fn word_hash(w: &str) -> u64 {
    // FNV-1a over lower-cased characters: stable across releases, unlike `DefaultHasher`.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in w.chars().flat_map(char::to_lowercase) {
        let mut buf = [0u8; 4];
        for b in c.encode_utf8(&mut buf).bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

impl Signature {
    /// The signature of a body, or `None` when it is too short to compare this way.
    pub fn of(body: &str) -> Option<Signature> {
        let words: Vec<u64> = body
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(word_hash)
            .collect();
        if words.len() < SHINGLE_WORDS + MIN_SHINGLES - 1 {
            return None;
        }
        let fam = family();
        let mut mins = vec![u32::MAX; HASHES];
        for w in words.windows(SHINGLE_WORDS) {
            let mut x: u64 = 0;
            for &h in w {
                x = x.rotate_left(17) ^ h;
                x = x.wrapping_mul(0x9E37_79B9_7F4A_7C15);
            }
            for (m, &(a, b)) in mins.iter_mut().zip(fam.iter()) {
                // Multiply-shift hashing: the high bits of a*x + b are a universal family.
                let v = (a.wrapping_mul(x).wrapping_add(b) >> 32) as u32;
                if v < *m {
                    *m = v;
                }
            }
        }
        Some(Signature(mins))
    }

    /// Estimated Jaccard similarity of the two bodies' shingle sets.
    pub fn similarity(&self, other: &Signature) -> f64 {
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f64 / HASHES as f64
    }

    /// The band keys under which the signature is indexed: the band's number and its values.
    pub fn bands(&self) -> Vec<i64> {
        self.0
            .chunks(ROWS)
            .enumerate()
            .map(|(i, rows)| {
                let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ i as u64;
                for &r in rows {
                    h = (h ^ r as u64).wrapping_mul(0x0100_0000_01b3);
                    h ^= h >> 29;
                }
                h as i64
            })
            .collect()
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    pub fn from_bytes(b: &[u8]) -> Option<Signature> {
        if b.len() != HASHES * 4 {
            return None;
        }
        Some(Signature(
            b.chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Fishing crews from the two coastal states will share the northern \
        grounds for another five years under an accord initialled on Tuesday, negotiators said. \
        The deal keeps the quota split agreed in the last round and adds joint inspections at \
        sea, according to a statement from the fisheries ministry. Talks had stalled in the \
        spring over the size of the catch and the rules for smaller boats, and both delegations \
        said the compromise left some questions for a later meeting.";

    #[test]
    fn a_copy_with_small_edits_is_above_the_threshold() {
        let copy = STORY
            .replace("on Tuesday", "on Tuesday afternoon")
            .replace("negotiators said", "negotiators told reporters")
            + " (Reporting by a correspondent; editing by the desk.)";
        let a = Signature::of(STORY).unwrap();
        let b = Signature::of(&copy).unwrap();
        assert!(a.similarity(&b) >= THRESHOLD, "{}", a.similarity(&b));
        assert!(a.bands().iter().any(|k| b.bands().contains(k)));
    }

    #[test]
    fn another_account_of_the_same_event_is_not_a_copy() {
        let other = "Negotiators initialled a five-year accord on Tuesday that lets boats \
            from both coastal states keep working the northern grounds. Inspectors from each side \
            will board vessels together, the fisheries ministry said in a statement, while the \
            catch will be divided as before. Smaller boats remain a sticking point, officials \
            admitted, and another meeting is planned to settle them.";
        let a = Signature::of(STORY).unwrap();
        let b = Signature::of(other).unwrap();
        assert!(a.similarity(&b) < 0.2, "{}", a.similarity(&b));
    }

    #[test]
    fn short_bodies_have_no_signature_and_signatures_round_trip() {
        assert!(Signature::of("Talks resumed in Geneva on Monday.").is_none());
        let s = Signature::of(STORY).unwrap();
        assert_eq!(Signature::from_bytes(&s.to_bytes()), Some(s));
    }
}
