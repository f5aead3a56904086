//! Feature hashing: every feature (a template and the values it reads) becomes a 32-bit key.
//!
//! Hashing instead of a feature dictionary keeps the model a flat table and extraction free of
//! string allocation; a collision only makes two rare features share weights. The functions are
//! fixed (no random state) so that a model trained once reads the same everywhere.

/// The splitmix64 finaliser: a fast, well-mixing bijection on 64 bits.
#[inline]
pub fn mix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A string's 64-bit hash (FNV-1a, then mixed).
#[inline]
pub fn text(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix(h)
}

/// The key of a feature: template `t` over the values `vals`. Never 0 (the empty slot of a
/// frozen table).
#[inline]
pub fn key(t: u32, vals: &[u64]) -> u32 {
    let mut h = mix(t as u64 ^ 0x5bd1_e995);
    for &v in vals {
        h = mix(h ^ v);
    }
    let k = (h ^ (h >> 32)) as u32;
    if k == 0 {
        1
    } else {
        k
    }
}

/// A value standing for "no word here" (before the sentence, an empty stack).
pub const NONE: u64 = 0x6e6f_6e65_0000_0001;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_depend_on_template_and_every_value_in_order() {
        let a = key(1, &[text("sign"), 3]);
        assert_eq!(a, key(1, &[text("sign"), 3]));
        assert_ne!(a, key(2, &[text("sign"), 3]));
        assert_ne!(a, key(1, &[3, text("sign")]));
        assert_ne!(text("sign"), text("Sign"));
        assert_ne!(key(0, &[]), 0);
    }
}
