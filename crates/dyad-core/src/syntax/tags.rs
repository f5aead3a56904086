//! The tag sets of Universal Dependencies: parts of speech (UPOS) and dependency relations.
//!
//! Relations are an enum rather than strings so that the coder's tests of the tree
//! (`w.dep == Dep::Nsubj`) are checked by the compiler. The enum holds every universal relation
//! and the subtypes English treebanks use; a subtype it does not know reads as its universal
//! relation.

use std::fmt;

/// Universal part-of-speech tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    X,
}

impl Upos {
    pub const ALL: [Upos; 17] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Upos::Adj => "ADJ",
            Upos::Adp => "ADP",
            Upos::Adv => "ADV",
            Upos::Aux => "AUX",
            Upos::Cconj => "CCONJ",
            Upos::Det => "DET",
            Upos::Intj => "INTJ",
            Upos::Noun => "NOUN",
            Upos::Num => "NUM",
            Upos::Part => "PART",
            Upos::Pron => "PRON",
            Upos::Propn => "PROPN",
            Upos::Punct => "PUNCT",
            Upos::Sconj => "SCONJ",
            Upos::Sym => "SYM",
            Upos::Verb => "VERB",
            Upos::X => "X",
        }
    }

    pub fn parse(s: &str) -> Option<Upos> {
        Upos::ALL.iter().copied().find(|u| u.name() == s)
    }

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn from_index(i: usize) -> Upos {
        Upos::ALL.get(i).copied().unwrap_or(Upos::X)
    }

    /// Nouns, proper nouns and pronouns: what can fill an argument slot.
    pub fn is_nominal(self) -> bool {
        matches!(self, Upos::Noun | Upos::Propn | Upos::Pron | Upos::Num)
    }
}

impl fmt::Display for Upos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

macro_rules! deps {
    ($($variant:ident => $name:literal),* $(,)?) => {
        /// Dependency relations: the 37 universal ones, then the subtypes of English treebanks.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Dep { $($variant),* }

        impl Dep {
            pub const ALL: &'static [Dep] = &[$(Dep::$variant),*];

            pub fn name(self) -> &'static str {
                match self { $(Dep::$variant => $name),* }
            }
        }
    };
}

deps! {
    Acl => "acl", Advcl => "advcl", Advmod => "advmod", Amod => "amod", Appos => "appos",
    Aux => "aux", Case => "case", Cc => "cc", Ccomp => "ccomp", Clf => "clf",
    Compound => "compound", Conj => "conj", Cop => "cop", Csubj => "csubj", Dep => "dep",
    Det => "det", Discourse => "discourse", Dislocated => "dislocated", Expl => "expl",
    Fixed => "fixed", Flat => "flat", Goeswith => "goeswith", Iobj => "iobj", List => "list",
    Mark => "mark", Nmod => "nmod", Nsubj => "nsubj", Nummod => "nummod", Obj => "obj",
    Obl => "obl", Orphan => "orphan", Parataxis => "parataxis", Punct => "punct",
    Reparandum => "reparandum", Root => "root", Vocative => "vocative", Xcomp => "xcomp",
    // Subtypes used by the English treebanks.
    AclRelcl => "acl:relcl", AdvclRelcl => "advcl:relcl", AuxPass => "aux:pass",
    CcPreconj => "cc:preconj", CompoundPrt => "compound:prt", CsubjPass => "csubj:pass",
    CsubjOuter => "csubj:outer", DetPredet => "det:predet", FlatForeign => "flat:foreign",
    NmodPoss => "nmod:poss", NmodDesc => "nmod:desc", NmodTmod => "nmod:tmod",
    NmodNpmod => "nmod:npmod", NmodUnmarked => "nmod:unmarked", NsubjPass => "nsubj:pass",
    NsubjOuter => "nsubj:outer", OblAgent => "obl:agent", OblTmod => "obl:tmod",
    OblNpmod => "obl:npmod", OblUnmarked => "obl:unmarked",
}

impl Dep {
    /// A relation name as written in CoNLL-U; an unknown subtype reads as its universal
    /// relation, an unknown relation as `dep`.
    pub fn parse(s: &str) -> Dep {
        if let Some(d) = Dep::ALL.iter().copied().find(|d| d.name() == s) {
            return d;
        }
        let universal = s.split(':').next().unwrap_or(s);
        Dep::ALL
            .iter()
            .copied()
            .find(|d| d.name() == universal)
            .unwrap_or(Dep::Dep)
    }

    /// The universal relation without its subtype (`nsubj:pass` -> `nsubj`).
    pub fn universal(self) -> Dep {
        let name = self.name();
        match name.split_once(':') {
            Some((u, _)) => Dep::parse(u),
            None => self,
        }
    }

    pub fn index(self) -> usize {
        Dep::ALL.iter().position(|d| *d == self).unwrap_or(0)
    }

    pub fn from_index(i: usize) -> Dep {
        Dep::ALL.get(i).copied().unwrap_or(Dep::Dep)
    }

    /// Subjects of any kind: `nsubj`, `nsubj:pass`, `csubj`...
    pub fn is_subject(self) -> bool {
        matches!(self.universal(), Dep::Nsubj | Dep::Csubj)
    }

    /// The passive subjects.
    pub fn is_passive_subject(self) -> bool {
        matches!(self, Dep::NsubjPass | Dep::CsubjPass)
    }
}

impl fmt::Display for Dep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tag_reads_back_from_its_name() {
        for u in Upos::ALL {
            assert_eq!(Upos::parse(u.name()), Some(u));
            assert_eq!(Upos::from_index(u.index()), u);
        }
        for &d in Dep::ALL {
            assert_eq!(Dep::parse(d.name()), d);
            assert_eq!(Dep::from_index(d.index()), d);
        }
    }

    #[test]
    fn unknown_subtypes_fall_back_to_their_universal_relation() {
        assert_eq!(Dep::parse("obl:arg"), Dep::Obl);
        assert_eq!(Dep::parse("nsubj:pass"), Dep::NsubjPass);
        assert_eq!(Dep::NsubjPass.universal(), Dep::Nsubj);
        assert_eq!(Dep::parse("nonsense"), Dep::Dep);
        assert!(Dep::NsubjPass.is_subject() && Dep::NsubjPass.is_passive_subject());
        assert!(!Dep::Obj.is_subject());
    }
}
