//! What the tagger and the parser read of a word, computed once per sentence: its normalised
//! form and the hashes of its form, affixes and shape.

use super::hash;
use super::lexicon::Lexicon;

/// The normalised form the models see: lower case, digits as `0`, so "1998" and "2025" are
/// one word to them and "Talks" is "talks" (capitals are read from the shape instead).
pub fn normal(form: &str, out: &mut String) {
    out.clear();
    for c in form.chars() {
        if c.is_ascii_digit() {
            out.push('0');
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// "Kazakhstan" -> "Xx", "U.S." -> "X.X.", "15" -> "d", "COVID-19" -> "X-d": each run of one
/// character class becomes one symbol.
pub fn shape(form: &str) -> u64 {
    let mut h: u64 = 0x73686170;
    let mut last = '\0';
    let mut n = 0;
    for c in form.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if k != last {
            h = hash::mix(h ^ k as u64);
            last = k;
            n += 1;
            if n > 6 {
                break;
            }
        }
    }
    h
}

/// A word's features, hashed.
#[derive(Debug, Clone, Copy)]
pub struct Prepared {
    /// The normalised form.
    pub w: u64,
    /// Suffixes of one to four characters of the normalised form.
    pub suf: [u64; 4],
    /// The first character of the normalised form.
    pub pre: u64,
    pub shape: u64,
    /// First letter upper case.
    pub cap: bool,
    pub hyphen: bool,
    pub digit: bool,
    /// The parts of speech the dictionary allows (a value for features; `NONE` if unknown).
    pub lex: u64,
}

/// Prepare the words of one sentence.
pub fn prepare(forms: &[&str], lexicon: &Lexicon) -> Vec<Prepared> {
    let mut buf = String::new();
    forms
        .iter()
        .map(|f| {
            normal(f, &mut buf);
            let mut suf = [hash::NONE; 4];
            let ends: Vec<usize> = buf.char_indices().map(|(i, _)| i).collect();
            for (k, s) in suf.iter_mut().enumerate() {
                if ends.len() > k {
                    let start = ends[ends.len() - 1 - k];
                    *s = hash::mix(hash::text(&buf[start..]) ^ k as u64);
                }
            }
            let pre = buf
                .chars()
                .next()
                .map_or(hash::NONE, |c| hash::mix(c as u64 ^ 0x7072));
            let w = hash::text(&buf);
            let mask = lexicon.mask(w);
            Prepared {
                w,
                lex: if mask == 0 {
                    hash::NONE
                } else {
                    hash::mix(mask as u64 ^ 0x006c_6578)
                },
                suf,
                pre,
                shape: shape(f),
                cap: f.chars().next().is_some_and(char::is_uppercase),
                hyphen: f.contains('-'),
                digit: f.chars().any(|c| c.is_ascii_digit()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_forms_ignore_case_and_which_digits() {
        let mut a = String::new();
        normal("Talks1998", &mut a);
        assert_eq!(a, "talks0000");
        assert_eq!(shape("Kazakhstan"), shape("Ghana"));
        assert_ne!(shape("Ghana"), shape("ghana"));
        assert_eq!(shape("U.S."), shape("U.K."));
        let lex = Lexicon::default();
        let p = prepare(&["Ghana", "ghana", "signs"], &lex);
        assert_eq!(p[0].w, p[1].w);
        assert!(p[0].cap && !p[1].cap);
        assert_eq!(p[2].suf[0], prepare(&["talks"], &lex)[0].suf[0]);
    }
}
