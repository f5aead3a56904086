//! Whether an act is stated as done, and how: read from the predicate's auxiliaries, adverbs
//! and markers, and from the words that govern its clause.
//!
//! - "did not sign", "never visited": negated (an adverb of `negation` on the predicate);
//! - "will visit", "may impose": announced (an auxiliary of `future` or `possible`);
//! - "must withdraw": obliged (`obligation`);
//! - "urged Kenya to resume talks": requested (the predicate is the open complement, `xcomp`,
//!   of a `request` verb with an object);
//! - "plans to visit", "is ready to sign": intended (`intent`), and for a hostile act "vowed to
//!   strike", planned (`plan`);
//! - "refused to sign": refused (`refusal`);
//! - "considering sanctions", "efforts to impose tariffs": hedged (`hedge`);
//! - "if they meet", "whether he might back down", a question: supposed (`condition`);
//! - "analysts think Iran will retaliate", "an expert said": supposed, an opinion
//!   (`epistemic` verbs, `commentator` speakers);
//! - "a report to be released": still to be done;
//! - "warned that the tests are illegal": a warning of what is so accuses (`caution`).

use super::grammar::Class;
use super::{Ctx, Predicate};
use crate::syntax::{Dep, Tree, Upos};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Modality {
    pub negated: bool,
    pub refused: bool,
    /// Asked of someone else; `controller` is who is asked.
    pub requested: bool,
    pub intended: bool,
    /// A hostile act so announced is a threat.
    pub announced: bool,
    pub obliged: bool,
    pub hedged: bool,
    /// A condition, a question or an opinion.
    pub supposed: bool,
    pub to_be_done: bool,
    /// Any modal auxiliary ("will", "may", "must"...).
    pub modal_aux: bool,
    pub passive: bool,
    /// The verb whose complement the predicate is ("urged", "plans"), when there is one.
    pub governor: Option<usize>,
    /// A warning of what is so ("warned that the tests are illegal"): the complement clause
    /// it describes, whose actors it accuses.
    pub accusing: Option<usize>,
}

impl Modality {
    /// Not reported as done: a modal, an intent or a hedge.
    pub fn modal(&self) -> bool {
        self.modal_aux || self.intended || self.hedged
    }
}

/// Relations through which a clause inherits the status of the clause above it: an open or
/// clausal complement, or a coordinated verb.
fn inherits(dep: Dep) -> bool {
    matches!(
        dep.universal(),
        Dep::Xcomp | Dep::Ccomp | Dep::Csubj | Dep::Conj
    )
}

pub fn read(ctx: &Ctx<'_>, p: &Predicate) -> Modality {
    let t = ctx.tree;
    let g = ctx.grammar;
    // An event noun is stated as its light verb is ("did not launch an attack").
    let carried = t
        .head(p.node)
        .filter(|&h| p.nominal && t.dep(p.node) == Dep::Obj && super::roles::carrier(ctx, h));
    let v = carried.unwrap_or(p.node);
    let mut m = Modality::default();
    // "considering sanctions": weighed, not imposed.
    if carried.is_some_and(|h| g.is(Class::Hedge, t.lemma(h))) {
        m.hedged = true;
    }
    // The predicate's own auxiliaries and adverbs; a coordinated verb without auxiliaries of
    // its own shares its first conjunct's ("will meet and sign").
    let mut own = v;
    if t.dep(v) == Dep::Conj && t.child(v, Dep::Aux).is_none() {
        if let Some(h) = t.head(v).filter(|&h| t.upos(h) == Upos::Verb) {
            own = h;
        }
    }
    for &c in t.children(own).iter().chain(t.children(v)) {
        let lemma = t.lemma(c);
        match t.dep(c) {
            Dep::Aux => {
                if g.is(Class::Future, lemma) || g.is(Class::Possible, lemma) {
                    m.announced = true;
                    m.modal_aux = true;
                }
                if g.is(Class::Obligation, lemma) {
                    m.obliged = true;
                    m.modal_aux = true;
                }
            }
            Dep::Advmod | Dep::Det if g.is(Class::Negation, lemma) => m.negated = true,
            Dep::AuxPass => m.passive = true,
            _ => {}
        }
    }
    if t.with_dep(v, Dep::NsubjPass).next().is_some() {
        m.passive = true;
    }
    // A past participle on a noun with no object of its own is passive ("the deal signed by
    // Ghana", "troops deployed to the border"); "-ing" or with an object it is active.
    if t.dep(v) == Dep::Acl && t.upos(v) == Upos::Verb {
        let has_complement = t.children(v).iter().any(|&c| {
            matches!(
                t.dep(c).universal(),
                Dep::Obj | Dep::Ccomp | Dep::Xcomp | Dep::Iobj
            )
        });
        if !has_complement && !ctx.sent.word(v).ends_with("ing") {
            m.passive = true;
        }
    }
    // "Kenya is committed to talks": a stance, not something done to Kenya.
    // "Sweden was disappointed by Hungary's decision": the "by" names a cause, not an agent.
    if m.passive && (g.is(Class::Stance, t.lemma(v)) || g.is(Class::Stance, ctx.sent.word(v))) {
        m.passive = false;
    }
    // "to be released next month": still to come.
    let to_mark = t.with_dep(v, Dep::Mark).any(|c| t.lemma(c) == "to");
    if to_mark && m.passive && !matches!(t.dep(v), Dep::Xcomp) {
        m.to_be_done = true;
    }
    // Conditions and questions on the clause or any clause it belongs to.
    let mut k = v;
    loop {
        let marked = t
            .with_dep(k, Dep::Mark)
            .any(|c| g.is(Class::Condition, t.lemma(c)));
        if marked {
            m.supposed = true;
        }
        match t.head(k) {
            Some(h) if inherits(t.dep(k)) => k = h,
            _ => break,
        }
    }
    let n = ctx.sent.toks.len();
    if n > 0 && ctx.sent.word(n - 1) == "?" {
        m.supposed = true;
    }
    // What governs the clause: the verb (or adjective, or noun) it completes.
    read_governors(ctx, t, v, &mut m);
    if m.refused {
        m.negated = true;
    }
    if g.is(Class::Caution, t.lemma(v)) && !m.supposed {
        // A "that" clause is the complement whatever relation the parser gave it.
        m.accusing = t
            .children(v)
            .iter()
            .copied()
            .filter(|&c| {
                t.dep(c) == Dep::Ccomp || t.with_dep(c, Dep::Mark).any(|mk| t.lemma(mk) == "that")
            })
            .find(|&c| stated(ctx, v, c));
    }
    // An obligation announced by the actor itself ("will have to") stays an announcement.
    if m.announced || m.intended {
        m.obliged = false;
    }
    m
}

/// Is the complement `c` of the warning `v` stated as what is so: no auxiliary announcing,
/// allowing or laying it on someone, and no condition on either clause ("warned that sanctions
/// would follow", "warned it must stop", "warned that if X..." are threats or demands)?
fn stated(ctx: &Ctx<'_>, v: usize, c: usize) -> bool {
    let t = ctx.tree;
    let g = ctx.grammar;
    let announcing = t.with_dep(c, Dep::Aux).any(|a| {
        let l = t.lemma(a);
        g.is(Class::Future, l) || g.is(Class::Possible, l) || g.is(Class::Obligation, l)
    });
    let conditional = [v, c].iter().any(|&k| condition_of(ctx, k).is_some());
    !announcing && !conditional
}

/// The adverbial clause of `k` introduced by a condition ("if", "unless"), if any.
pub fn condition_of(ctx: &Ctx<'_>, k: usize) -> Option<usize> {
    let t = ctx.tree;
    t.with_dep(k, Dep::Advcl).find(|&a| {
        t.with_dep(a, Dep::Mark)
            .any(|mk| ctx.grammar.is(Class::Condition, t.lemma(mk)))
    })
}

fn read_governors(ctx: &Ctx<'_>, t: &Tree, v: usize, m: &mut Modality) {
    let g = ctx.grammar;
    let mut k = v;
    let mut first = true;
    while let Some(h) = t.head(k) {
        let dep = t.dep(k);
        let lemma = t.lemma(h);
        match dep.universal() {
            // "urged X to", "plans to", "refused to", "ready to", "considering imposing".
            Dep::Xcomp => {
                if first {
                    m.governor = Some(h);
                }
                let has_object = t.child(h, Dep::Obj).is_some() || t.child(h, Dep::Iobj).is_some();
                if g.is(Class::Refusal, lemma) {
                    m.refused = true;
                } else if g.is(Class::Request, lemma) && (has_object || !g.is(Class::Intent, lemma))
                {
                    m.requested = true;
                } else if g.is(Class::Intent, lemma) {
                    m.intended = true;
                    if g.is(Class::Plan, lemma) {
                        m.announced = true;
                    }
                } else if g.is(Class::Hedge, lemma) {
                    m.hedged = true;
                }
                // The governor's own modality carries down ("will try to", "did not agree to").
                for c in t.children(h) {
                    let l = t.lemma(*c);
                    if t.dep(*c) == Dep::Aux && (g.is(Class::Future, l) || g.is(Class::Possible, l))
                    {
                        m.announced = true;
                        m.modal_aux = true;
                    }
                    if matches!(t.dep(*c), Dep::Advmod) && g.is(Class::Negation, l) {
                        m.negated = true;
                    }
                }
            }
            // "efforts to impose sanctions", "the threat of tariffs", "his plan to visit".
            Dep::Acl if t.upos(h) == Upos::Noun => {
                if g.is(Class::Hedge, lemma) || g.is(Class::Intent, lemma) {
                    m.hedged = true;
                }
                break;
            }
            Dep::Ccomp => {
                // "analysts believe Iran will retaliate": an opinion, not a report.
                if g.is(Class::Epistemic, lemma) || g.is(Class::Hedge, lemma) {
                    m.supposed = true;
                }
                if g.is(Class::Reporting, lemma) || g.is(Class::Epistemic, lemma) {
                    let speaker = t.child(h, Dep::Nsubj);
                    if speaker.is_some_and(|s| g.is(Class::Commentator, t.lemma(s))) {
                        m.supposed = true;
                    }
                }
            }
            Dep::Conj => {}
            _ => break,
        }
        first = false;
        k = h;
    }
    // "according to an analyst".
    for k in std::iter::once(v).chain(t.ancestors(v)) {
        for c in t.children(k) {
            let by_commentator = t.dep(*c).universal() == Dep::Obl
                && t.case(*c).is_some_and(|l| l.starts_with("accord"))
                && g.is(Class::Commentator, t.lemma(*c));
            if by_commentator {
                m.supposed = true;
            }
        }
    }
}
