//! The event coder: from a lexicon match in a parsed sentence to coded events.
//!
//! Five stages, each with one job and a small typed result, run in order by [`Coder::code`]:
//!
//! 1. [`predicate`]: is the match a predicate of the sentence (a verb, or a noun the lexicon
//!    names as an event, whose pattern words belong to its phrase)? -> [`Predicate`]
//! 2. [`modality`]: is the act stated, denied, refused, asked for, announced, obliged or only
//!    supposed? -> [`Modality`]
//! 3. [`roles`]: who acts and who is acted on, read from the tree. -> [`Roles`]
//! 4. [`typing`]: the PLOVER type and CAMEO code the modality makes of the rule's. -> [`Typed`]
//! 5. [`emit`]: one event per source and target pair. -> [`Coded`]

pub mod emit;
pub mod grammar;
pub mod modality;
pub mod predicate;
pub mod roles;
pub mod typing;

use crate::actors::Actor;
use crate::error::Result;
use crate::knowledge::Knowledge;
use crate::lexicon::{Lexicon, RuleMatch};
use crate::sentence::{DocState, Sentence};
use crate::syntax::Tree;
use grammar::Grammar;

pub use modality::Modality;
pub use predicate::Predicate;
pub use roles::Roles;
pub use typing::Typed;

/// What every stage reads: the knowledge, the lexicon and word lists, and the sentence with
/// its tree.
pub struct Ctx<'a> {
    pub kb: &'a Knowledge,
    pub lex: &'a Lexicon,
    pub grammar: &'a Grammar,
    pub body: &'a str,
    pub sent: &'a Sentence,
    pub tree: &'a Tree,
    pub state: &'a DocState,
}

/// One coded event, before it becomes a record.
#[derive(Debug, Clone, PartialEq)]
pub struct Coded {
    pub source: Option<Actor>,
    pub target: Option<Actor>,
    pub negated: bool,
    pub hypothetical: bool,
    pub plover: String,
    pub cameo: String,
    pub rule: String,
    pub confidence: f64,
}

/// The coder: the grammatical word lists, loaded once.
pub struct Coder {
    grammar: Grammar,
}

impl Coder {
    pub fn new(kb: &Knowledge) -> Result<Coder> {
        Ok(Coder {
            grammar: Grammar::new(&kb.grammar_files)?,
        })
    }

    pub fn grammar(&self) -> &Grammar {
        &self.grammar
    }

    /// The events of one lexicon match in a parsed sentence, with the reading of the match
    /// (itself or one of its alternatives) that the grammar accepted.
    #[allow(clippy::too_many_arguments)]
    pub fn code<'m>(
        &self,
        kb: &Knowledge,
        lex: &Lexicon,
        body: &str,
        sent: &Sentence,
        tree: &Tree,
        state: &DocState,
        m: &'m RuleMatch,
    ) -> (&'m RuleMatch, Vec<Coded>) {
        let ctx = Ctx {
            kb,
            lex,
            grammar: &self.grammar,
            body,
            sent,
            tree,
            state,
        };
        // The longest reading the grammar accepts.
        let Some((reading, pred)) = m
            .readings()
            .find_map(|r| predicate::accept(&ctx, r).map(|p| (r, p)))
        else {
            return (m, Vec::new());
        };
        let modality = modality::read(&ctx, &pred);
        let Some(roles) = roles::find(&ctx, &pred, &modality) else {
            return (reading, Vec::new());
        };
        let typed = typing::decide(&ctx, &pred, &modality);
        (reading, emit::events(&ctx, &pred, &roles, &typed))
    }
}

#[cfg(test)]
mod tests;
