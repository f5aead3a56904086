//! Which lexicon matches are predicates: the tag and the tree decide.
//!
//! A match is a predicate when
//! - its trigger is a verb, if the pattern names one (`@visit`): "March" the month, "close"
//!   the adjective and "free" in "a free election" are not acts; a word heading a clause of
//!   its own (with a subject or an auxiliary, without a copula) is a verb whatever its tag;
//! - the trigger is not inside an actor's name ("the Defense Ministry");
//! - a participle modifying a noun is an attribute, not an act ("Syrian-backed militia");
//! - a verb with a particle the pattern does not name is another verb ("give up" is not "give");
//! - every word of the pattern belongs to the trigger's phrase (is in its subtree), so "held"
//!   and "talks" of "held talks" are one predicate, not two words that happen to be near;
//! - violence qualified by a domain ("a trade war", "a legal battle") is a figure of speech;
//! - a verb that names its object ("called", "described as") accuses only with a pejorative
//!   name ("called the vote a fraud", not "described the talks as constructive");
//! - a verb introduced by "on", "about", "of"... names a topic ("focused on strengthening
//!   ties"), not an act.

use super::grammar::Class;
use super::Ctx;
use crate::lexicon::RuleMatch;
use crate::syntax::{Dep, Upos};

/// A lexicon match accepted as a predicate.
#[derive(Debug, Clone, PartialEq)]
pub struct Predicate {
    /// The rule (index into the lexicon).
    pub rule: usize,
    /// The predicate's token: the verb, or the pattern word heading the others.
    pub node: usize,
    /// Tokens of the pattern's words.
    pub words: Vec<usize>,
    /// Token range of the whole match.
    pub span: (usize, usize),
    /// The predicate is a noun ("the attack on", "sanctions against").
    pub nominal: bool,
}

/// Prepositions and subordinators after which a verb names a topic.
const TOPIC_MARKERS: &[&str] = &[
    "on",
    "about",
    "of",
    "toward",
    "towards",
    "regarding",
    "concerning",
    "at",
    "against",
];

pub fn accept(ctx: &Ctx<'_>, m: &RuleMatch) -> Option<Predicate> {
    let t = m.trigger;
    let tree = ctx.tree;
    let s = ctx.sent;
    if t >= tree.len() {
        return None;
    }
    if s.phrase_at(t).is_some() {
        return None;
    }
    let rule = &ctx.lex.rules[m.rule];
    let verbal = rule.names_verb();
    let node = if verbal {
        // A verb, or the same word as an event noun ("the attack on", "their demands"); a
        // noun modifying another ("attack helicopters") is not an event.
        let noun = tree.upos(t) == Upos::Noun && tree.dep(t) != Dep::Compound;
        if tree.upos(t) != Upos::Verb
            && !noun
            && !predicative_participle(tree, s, t)
            && !clause_head(tree, t)
        {
            return None;
        }
        t
    } else {
        // A pattern of plain words: its head is the word the others hang from.
        *m.words
            .iter()
            .find(|&&w| m.words.iter().all(|&o| tree.dominates(w, o)))?
    };
    if !m.words.iter().all(|&w| in_phrase(tree, node, w)) {
        return None;
    }
    if tree.dep(node) == Dep::Amod {
        return None;
    }
    if rule.plover == "ASSAULT" && figurative(ctx, node) {
        return None;
    }
    if rule.plover == "ACCUSE"
        && ctx.grammar.is(Class::Labelling, tree.lemma(node))
        && !pejorative_label(ctx, node)
    {
        return None;
    }
    let foreign_particle = tree
        .with_dep(node, Dep::CompoundPrt)
        .any(|p| !m.words.contains(&p));
    if foreign_particle {
        return None;
    }
    let topic = tree.upos(node) == Upos::Verb
        && tree.children(node).iter().any(|&c| {
            matches!(tree.dep(c), Dep::Mark | Dep::Case) && TOPIC_MARKERS.contains(&tree.lemma(c))
        });
    if topic {
        return None;
    }
    let nominal = matches!(tree.upos(node), Upos::Noun | Upos::Propn);
    Some(Predicate {
        rule: m.rule,
        node,
        words: m.words.clone(),
        span: m.tokens,
        nominal,
    })
}

/// Is `w` in the phrase of `node`: below it, without crossing into a clause of its own (an
/// adverbial or relative clause, a coordinated or appended clause)? Complements (`xcomp`,
/// `ccomp`) belong to the predicate: "decided to", "said ... must".
fn in_phrase(tree: &crate::syntax::Tree, node: usize, w: usize) -> bool {
    let mut k = w;
    for _ in 0..tree.len() {
        if k == node {
            return true;
        }
        // A conjunct noun stays in the phrase ("signed 11 economic and legal agreements",
        // read with "agreements" joined to "economic"); a conjunct verb is a clause of its own.
        let clausal_conj = tree.dep(k) == Dep::Conj && tree.upos(k) == Upos::Verb;
        if clausal_conj
            || matches!(
                tree.dep(k).universal(),
                Dep::Advcl | Dep::Acl | Dep::Parataxis | Dep::Csubj | Dep::List
            )
        {
            return false;
        }
        match tree.head(k) {
            Some(h) => k = h,
            None => return false,
        }
    }
    false
}

/// "a trade war", "fought a legal battle", "a war of words": the word of violence, or the noun
/// its verb fights, is qualified by a domain that makes it a figure of speech.
fn figurative(ctx: &Ctx<'_>, node: usize) -> bool {
    let tree = ctx.tree;
    let qualified = |n: usize| {
        tree.children(n).iter().any(|&c| {
            let modifier = matches!(tree.dep(c), Dep::Compound | Dep::Amod)
                || (tree.dep(c).universal() == Dep::Nmod && tree.case(c) == Some("of"));
            modifier && ctx.grammar.is(Class::Figurative, tree.lemma(c))
        })
    };
    qualified(node)
        || (tree.upos(node) == Upos::Verb && tree.with_dep(node, Dep::Obj).any(qualified))
}

/// "called the vote a fraud", "described the tariffs as unfair": a pejorative word in what
/// the verb says of its object (after the verb, below it, outside its subject).
fn pejorative_label(ctx: &Ctx<'_>, node: usize) -> bool {
    let tree = ctx.tree;
    let subject = tree.child(node, Dep::Nsubj);
    (node + 1..tree.len()).any(|k| {
        tree.dominates(node, k)
            && !subject.is_some_and(|s| tree.dominates(s, k))
            && ctx.grammar.is(Class::Pejorative, tree.lemma(k))
    })
}

/// Can a word with this tag still be a verb pattern's trigger, before the parse is known: a
/// verb, an event noun, or a participle that may turn out predicative ("was disappointed").
/// The parse decides the rest in `accept`.
pub fn verbal_tag(upos: Upos, word: &str) -> bool {
    matches!(upos, Upos::Verb | Upos::Noun) || (upos == Upos::Adj && word.ends_with("ed"))
}

/// "he might back down": a word with a subject or an auxiliary of its own and no copula heads
/// a clause, so it is the clause's verb whatever the tagger called it.
fn clause_head(tree: &crate::syntax::Tree, t: usize) -> bool {
    let deps = || tree.children(t).iter().map(|&c| tree.dep(c).universal());
    deps().any(|d| matches!(d, Dep::Nsubj | Dep::Aux)) && !deps().any(|d| d == Dep::Cop)
}

/// "is committed to", "was disappointed": a participle read as an adjective after "be" is
/// still the verb's stance.
pub fn predicative_participle(
    tree: &crate::syntax::Tree,
    s: &crate::sentence::Sentence,
    t: usize,
) -> bool {
    tree.upos(t) == Upos::Adj && s.word(t).ends_with("ed") && tree.child(t, Dep::Cop).is_some()
}
