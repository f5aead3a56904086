//! The grammatical word lists of `data/grammar.tsv` (and users' `grammar*.tsv`): which lemmas
//! negate, announce, oblige, ask, refuse, hedge or report.

use crate::error::Result;
use crate::tsv::Table;
use rustc_hash::FxHashSet;

pub const BUILTIN: &str = include_str!("../../data/grammar.tsv");

/// A class of grammatical words (see the header of `data/grammar.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    Negation,
    Future,
    Possible,
    Obligation,
    Request,
    Intent,
    Plan,
    Refusal,
    Hedge,
    Condition,
    Reporting,
    Epistemic,
    Commentator,
    Stance,
    Light,
    Frontier,
    Caution,
    Figurative,
    Relation,
    Labelling,
    Pejorative,
}

impl Class {
    const ALL: [(Class, &'static str); 21] = [
        (Class::Negation, "negation"),
        (Class::Future, "future"),
        (Class::Possible, "possible"),
        (Class::Obligation, "obligation"),
        (Class::Request, "request"),
        (Class::Intent, "intent"),
        (Class::Plan, "plan"),
        (Class::Refusal, "refusal"),
        (Class::Hedge, "hedge"),
        (Class::Condition, "condition"),
        (Class::Reporting, "reporting"),
        (Class::Epistemic, "epistemic"),
        (Class::Commentator, "commentator"),
        (Class::Stance, "stance"),
        (Class::Light, "light"),
        (Class::Frontier, "frontier"),
        (Class::Caution, "caution"),
        (Class::Figurative, "figurative"),
        (Class::Relation, "relation"),
        (Class::Labelling, "labelling"),
        (Class::Pejorative, "pejorative"),
    ];

    fn parse(s: &str) -> Option<Class> {
        Class::ALL.iter().find(|(_, n)| *n == s).map(|(c, _)| *c)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Grammar {
    words: FxHashSet<(Class, String)>,
}

impl Grammar {
    /// The built-in lists plus user files `(name, text)`.
    pub fn new(extra: &[(String, String)]) -> Result<Grammar> {
        let mut g = Grammar::default();
        g.add("grammar.tsv", BUILTIN)?;
        for (name, text) in extra {
            g.add(name, text)?;
        }
        Ok(g)
    }

    fn add(&mut self, file: &str, text: &str) -> Result<()> {
        let t = Table::parse(file, text)?;
        t.require(&["class", "words"])?;
        for row in t.rows() {
            let name = row.required("class")?;
            let class = Class::parse(name)
                .ok_or_else(|| row.error(format!("unknown word class {name:?}")))?;
            for w in row.list("words") {
                self.words.insert((class, w.to_lowercase()));
            }
        }
        Ok(())
    }

    /// Is `lemma` a word of `class`?
    pub fn is(&self, class: Class, lemma: &str) -> bool {
        // Lemmas are lower case except for proper nouns, which no class lists.
        self.words.contains(&(class, lemma.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lists_load_and_users_add_words() {
        let g = Grammar::new(&[(
            "grammar-mine.tsv".into(),
            "class\twords\nrequest\tentreat\n".into(),
        )])
        .expect("loads");
        assert!(g.is(Class::Negation, "not"));
        assert!(g.is(Class::Request, "urge") && g.is(Class::Request, "entreat"));
        assert!(!g.is(Class::Request, "sign"));
        let err = Grammar::new(&[("grammar-x.tsv".into(), "class\twords\nwish\tx\n".into())])
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "grammar-x.tsv:2: unknown word class \"wish\""
        );
    }
}
