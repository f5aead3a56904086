//! The tagger's dictionary: the parts of speech English allows each word, from dyad's list of
//! function words (`data/syntax/closed-class.tsv`) and WordNet's open classes
//! (`data/syntax/open-class.tsv`, built by `tools/wordnet_lexicon.py`).
//!
//! The tagger reads a word's set of tags as one more feature: it still decides, but a word the
//! treebank never showed it ("shall", "demining") is no longer a blank.

use super::hash;
use super::tags::Upos;
use super::words::normal;
use crate::error::Result;
use crate::tsv::Table;
use rustc_hash::FxHashMap;

pub const CLOSED: &str = include_str!("../../data/syntax/closed-class.tsv");
pub const OPEN: &str = include_str!("../../data/syntax/open-class.tsv");

/// Word (normalised form hash) -> bit set of UPOS indices.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lexicon {
    tags: FxHashMap<u64, u32>,
    /// A hash of the files it was built from: a model trained with one lexicon refuses another.
    fingerprint: u64,
}

impl Lexicon {
    /// The built-in dictionary.
    pub fn builtin() -> Result<Lexicon> {
        Lexicon::from_files(&[
            ("syntax/closed-class.tsv", CLOSED),
            ("syntax/open-class.tsv", OPEN),
        ])
    }

    /// Build from `(name, text)` files with columns `word` and `tags`.
    pub fn from_files(files: &[(&str, &str)]) -> Result<Lexicon> {
        let mut lex = Lexicon::default();
        let mut fp = 0u64;
        let mut buf = String::new();
        for (name, text) in files {
            fp = hash::mix(fp ^ hash::text(text));
            let table = Table::parse(name, text)?;
            table.require(&["word", "tags"])?;
            for row in table.rows() {
                let word = row.required("word")?;
                let mut mask = 0u32;
                for t in row.list("tags") {
                    let u = Upos::parse(t)
                        .ok_or_else(|| row.error(format!("unknown part of speech `{t}`")))?;
                    mask |= 1 << u.index();
                }
                normal(word, &mut buf);
                *lex.tags.entry(hash::text(&buf)).or_insert(0) |= mask;
            }
        }
        lex.fingerprint = fp;
        Ok(lex)
    }

    /// The tags a normalised form may take (0: unknown word).
    pub fn mask(&self, normal_hash: u64) -> u32 {
        self.tags.get(&normal_hash).copied().unwrap_or(0)
    }

    pub fn allows(&self, word: &str, upos: Upos) -> bool {
        let mut buf = String::new();
        normal(word, &mut buf);
        self.mask(hash::text(&buf)) & (1 << upos.index()) != 0
    }

    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    pub fn len(&self) -> usize {
        self.tags.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_dictionary_knows_function_and_content_words() {
        let lex = Lexicon::builtin().expect("the built-in lexicon loads");
        assert!(lex.len() > 100_000);
        assert!(lex.allows("shall", Upos::Aux));
        assert!(lex.allows("Shall", Upos::Aux));
        assert!(lex.allows("sanctions", Upos::Noun) && lex.allows("sanctions", Upos::Verb));
        assert!(lex.allows("March", Upos::Propn));
        assert!(!lex.allows("the", Upos::Verb));
    }

    #[test]
    fn a_bad_tag_names_file_and_line() {
        let err = Lexicon::from_files(&[("x.tsv", "word\ttags\nfoo\tNOUN|VRB\n")]).unwrap_err();
        assert_eq!(err.to_string(), "x.tsv:2: unknown part of speech `VRB`");
    }
}
