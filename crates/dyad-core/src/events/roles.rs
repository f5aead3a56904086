//! Who acts and who is acted on, read from the tree.
//!
//! The source is the predicate's subject (`nsubj`); a passive's subject (`nsubj:pass`) is the
//! target and its agent (`obl:agent`, "by X") the source. A predicate without a subject of its
//! own takes one from the clause it belongs to: the object of a request ("urged Serbia to talk":
//! Serbia talks), else the subject of the verb it completes ("Ghana plans to visit"), of its
//! first conjunct ("met and signed"), of the clause it modifies ("..., accusing Kenya"); a
//! relative clause's subject is the noun it describes ("the state that attacked"). In reported
//! speech the embedded clause keeps its own subject, and a quote's "we" is its speaker.
//!
//! The target is found where the rule says: its object (`obj`, `iobj`), or the dependent marked
//! by its preposition (`with`, `to`, `against`...) on the predicate or on the pattern's nouns
//! ("held talks with"). A noun phrase names the actors of its head, else of its modifiers
//! ("Kenya's president", "a delegation from Ghana"), and of its conjuncts ("Ghana and Togo").

use super::grammar::Class;
use super::{Ctx, Modality, Predicate};
use crate::actors::{Actor, Reference};
use crate::lexicon::TargetSpec;
use crate::syntax::{Dep, Upos};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Roles {
    pub sources: Vec<Actor>,
    pub targets: Vec<Actor>,
    /// Phrases the targets came from.
    pub target_phrases: Vec<usize>,
    /// Phrases the sources came from.
    pub source_phrases: Vec<usize>,
    /// Taken off the confidence: the target was guessed, or the subject is a reference.
    pub penalty: f64,
    /// The author is named but unknown ("Judge Maria Okafor accused Ghana").
    pub unknown_author: bool,
    /// The rule's slot holds a phrase that could not be resolved ("called on the parties").
    pub slot_taken: bool,
}

/// Prepositions that set a scene rather than name a party.
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "from",
    "across",
    "around",
    "inside",
    "throughout",
    "into",
    "toward",
    "towards",
    "via",
    "within",
    "during",
    "along",
];

pub fn find(ctx: &Ctx<'_>, p: &Predicate, m: &Modality) -> Option<Roles> {
    let t = ctx.tree;
    let s = ctx.sent;
    let rule = &ctx.lex.rules[p.rule];
    let mut r = Roles::default();
    let subject = subject(ctx, p, m, p.node, 0);
    let speaker = subject.and_then(|n| speaker_of(ctx, n, p.node));
    let subject = speaker.or(subject);
    let subject_phrases = subject.map(|n| np_phrases(ctx, n)).unwrap_or_default();
    let mut sources = actors(ctx, &subject_phrases);
    let subject_is_reference = subject_phrases
        .first()
        .is_some_and(|&i| s.phrases[i].reference.is_some());
    if subject_is_reference {
        r.penalty += 0.1;
    }
    // Where a visit goes or troops are sent, the place is the recipient ("arrived in Amman").
    let place_ok = rule.plover == "MOBILIZE" || rule.mode.as_deref() == Some("visit");
    let subject_set: Vec<usize> = subject.map(|n| t.conjuncts(n)).unwrap_or_default();
    let mut target_phrases: Vec<usize> = Vec::new();
    // A warning of what is so accuses the actors of what it describes: the complement's
    // subject, else the first actor in it ("warned that Ugandan support for the rebels is
    // illegal", "warned that expanding cooperation between A and B is dangerous").
    if let Some(c) = m.accusing {
        let named = |ps: &Vec<usize>| ps.iter().any(|&i| !s.actors[i].is_empty());
        target_phrases = t
            .child(c, Dep::Nsubj)
            .or_else(|| t.child(c, Dep::NsubjPass))
            .filter(|n| !subject_set.contains(n))
            .map(|n| np_phrases(ctx, n))
            .filter(named)
            .or_else(|| first_party_within(ctx, c, &subject_set))
            .unwrap_or_default();
    }
    'specs: for spec in &rule.targets {
        if !target_phrases.is_empty() {
            break;
        }
        for c in candidates(ctx, p, spec) {
            if subject_set.contains(&c) {
                continue;
            }
            if !place_ok && is_setting(ctx, c) {
                continue;
            }
            let ps = np_phrases(ctx, c);
            if ps.is_empty() {
                continue;
            }
            if ps.iter().all(|&i| s.actors[i].is_empty()) {
                // A bare place where a visit or a deployment lands: its state.
                if place_ok && ps.iter().any(|&i| s.phrases[i].placelike.is_some()) {
                    target_phrases = ps;
                    break 'specs;
                }
                r.slot_taken = true;
                continue;
            }
            target_phrases = ps;
            break 'specs;
        }
    }
    let both_sides = rule.joint && sources.len() >= 2;
    // No actor where the rule looks: the nearest actor in the predicate's phrase, its
    // objects' modifiers and its complement clauses ("offered to hand over to Britain",
    // "demanded an admission by Moscow").
    if target_phrases.is_empty() && !rule.targets.is_empty() && !both_sides && !r.slot_taken {
        let start: Vec<usize> = std::iter::once(p.node)
            .chain(p.words.iter().copied())
            .collect();
        if let Some(ps) = nearest_party(ctx, &start, &subject_set) {
            target_phrases = ps;
            r.penalty += 0.15;
        }
    }
    // Force used or shown in a place falls on that place's state ("shelled targets in Kabul").
    let forceful = matches!(rule.plover.as_str(), "ASSAULT" | "COERCE" | "MOBILIZE");
    if target_phrases.is_empty() && forceful && !r.slot_taken && !m.passive {
        if let Some(pl) = place_in(ctx, p) {
            target_phrases = vec![pl];
            r.penalty += 0.15;
        }
    }
    // A threat is aimed at whoever its condition names ("unless Baghdad accepts").
    let hostile = matches!(
        rule.plover.as_str(),
        "SANCTION" | "COERCE" | "ASSAULT" | "PROTEST" | "MOBILIZE"
    );
    let threatening = rule.plover == "THREATEN" || (m.announced && hostile);
    if target_phrases.is_empty() && !r.slot_taken && threatening && !m.passive {
        // The condition may sit on the predicate, on the clauses above it, or on the act it
        // threatens ("threatened to stop the talks if Washington deploys").
        let condition = std::iter::once(p.node)
            .chain(t.ancestors(p.node).take(2))
            .chain(t.with_dep(p.node, Dep::Xcomp))
            .find_map(|k| super::modality::condition_of(ctx, k));
        if let Some(c) = condition {
            if let Some(sub) = t.child(c, Dep::Nsubj) {
                target_phrases = np_phrases(ctx, sub);
            }
        }
    }
    // "what they say, then they must": the same pronoun on both sides is one party.
    if let ([a], [b]) = (subject_phrases.as_slice(), target_phrases.as_slice()) {
        let (pa, pb) = (&s.phrases[*a], &s.phrases[*b]);
        let text = |x: &crate::actors::Phrase| {
            (x.tokens.0..x.tokens.1)
                .map(|k| s.word(k).to_string())
                .collect::<Vec<_>>()
        };
        if pa.reference.is_some() && pa.reference == pb.reference && text(pa) == text(pb) {
            return None;
        }
    }
    let mut targets = actors(ctx, &target_phrases);
    if targets.is_empty() {
        // A city or capital standing for the place an act lands in: its state.
        targets = target_phrases
            .iter()
            .filter(|&&i| s.phrases[i].placelike.is_some())
            .filter_map(|&i| place_actor(ctx, i))
            .collect();
    }
    let unnamed = |i: usize| s.phrases[i].reference.is_none() && s.actors[i].is_empty();
    r.unknown_author = !m.passive && subject_phrases.first().is_some_and(|&i| unnamed(i));
    let mut source_phrases = subject_phrases;
    if m.passive {
        // "X was attacked by Y": Y acts on X.
        let agent = t.with_dep(p.node, Dep::OblAgent).next().or_else(|| {
            t.children(p.node)
                .iter()
                .copied()
                .find(|&c| t.dep(c).universal() == Dep::Obl && t.case(c) == Some("by"))
        });
        let agent_phrases = agent.map(|a| np_phrases(ctx, a)).unwrap_or_default();
        r.unknown_author = agent_phrases.first().is_some_and(|&i| unnamed(i));
        target_phrases = std::mem::take(&mut source_phrases);
        targets = std::mem::take(&mut sources);
        sources = actors(ctx, &agent_phrases);
        source_phrases = agent_phrases;
    }
    // "his counterpart": the other side of the current pair.
    if target_phrases
        .iter()
        .any(|&i| s.phrases[i].reference == Some(Reference::Counterpart))
    {
        if let (Some(sc), Some((a, b))) = (
            sources.first().and_then(|a| a.code.clone()),
            ctx.state.pair(),
        ) {
            let other = if a.code.as_deref() == Some(sc.as_str()) {
                b
            } else {
                a
            };
            targets = vec![other];
        }
    }
    r.sources = sources;
    r.targets = targets;
    r.source_phrases = source_phrases;
    r.target_phrases = target_phrases;
    Some(r)
}

/// The predicate's subject, or the one it inherits from the clause it belongs to.
fn subject(ctx: &Ctx<'_>, p: &Predicate, m: &Modality, v: usize, depth: usize) -> Option<usize> {
    let t = ctx.tree;
    if depth > 6 {
        return None;
    }
    if let Some(c) = t
        .children(v)
        .iter()
        .copied()
        .find(|&c| matches!(t.dep(c), Dep::Nsubj | Dep::NsubjPass))
    {
        let relative = t.upos(c) == Upos::Pron && matches!(t.lemma(c), "who" | "which" | "that");
        if relative && t.dep(v) == Dep::AclRelcl {
            return t.head(v);
        }
        // A relative pronoun the parse did not hang on its noun still means the noun right
        // before it ("Ghana's leader, who arrived on Monday, met ...").
        if relative {
            return antecedent(ctx, c);
        }
        return Some(apposed_name(ctx, c).unwrap_or(c));
    }
    // A noun as predicate: "Iran's attack", "Russian strikes on", "an attack by rebels".
    if p.nominal && v == p.node {
        if let Some(c) = t.children(v).iter().copied().find(|&c| {
            (matches!(t.dep(c), Dep::NmodPoss | Dep::Compound | Dep::Amod)
                || (t.dep(c).universal() == Dep::Nmod && t.case(c) == Some("by")))
                && !np_phrases(ctx, c).is_empty()
        }) {
            return Some(c);
        }
        // "Ghana launched an attack", "Ghana is considering sanctions": the subject of a light
        // verb, or of a verb that weighs the act.
        return match t.head(v) {
            Some(h) if t.dep(v) == Dep::Obj && carrier(ctx, h) => subject(ctx, p, m, h, depth + 1),
            _ => None,
        };
    }
    let Some(h) = t.head(v) else {
        return unmarked_before(ctx, v);
    };
    match t.dep(v).universal() {
        Dep::Xcomp => {
            // Asked of the object ("urged Serbia to talk") or of the one called on or appealed
            // to ("called on Uganda to withdraw"), else the governor's own act.
            let addressee = || {
                t.children(h).iter().copied().find(|&c| {
                    t.dep(c).universal() == Dep::Obl
                        && matches!(t.case(c), Some("on" | "upon" | "to" | "with"))
                })
            };
            let asks = ctx.grammar.is(Class::Request, t.lemma(h));
            let object = t
                .child(h, Dep::Obj)
                .or_else(|| t.child(h, Dep::Iobj))
                .or_else(|| asks.then(addressee).flatten());
            match object {
                Some(o) if m.requested || asks => Some(o),
                _ => subject(ctx, p, m, h, depth + 1),
            }
        }
        Dep::Conj | Dep::Advcl if t.upos(h) == Upos::Verb => subject(ctx, p, m, h, depth + 1),
        Dep::Acl if t.dep(v) == Dep::AclRelcl => Some(h),
        // A participle on a noun: "protesters marching", "officials agreeing that" (active:
        // the noun is the subject) or "the deal signed by Ghana" (passive: the noun is the
        // patient; see `modality`). Either way the noun is the subject slot.
        Dep::Acl if matches!(t.upos(h), Upos::Noun | Upos::Propn | Upos::Pron) => Some(h),
        Dep::Acl if t.upos(h) == Upos::Verb => subject(ctx, p, m, h, depth + 1),
        Dep::Ccomp | Dep::Parataxis => unmarked_before(ctx, v),
        _ => None,
    }
}

/// The token a multi-word name was parsed as, for any of its words (see `Extractor::parse`).
fn parsed_word(ctx: &Ctx<'_>, mut k: usize) -> Option<usize> {
    while ctx.tree.dep(k) == Dep::Flat {
        k = ctx.tree.head(k)?;
    }
    Some(k)
}

/// The noun a relative pronoun at `c` follows, across a comma.
fn antecedent(ctx: &Ctx<'_>, c: usize) -> Option<usize> {
    let t = ctx.tree;
    let mut k = c.checked_sub(1)?;
    if ctx.sent.word(k) == "," {
        k = k.checked_sub(1)?;
    }
    let k = parsed_word(ctx, k)?;
    t.upos(k).is_nominal().then_some(k)
}

/// "Chile, a neighbour of Peru, condemned": a common-noun subject set off by a comma right
/// after an unmarked name describes that name (an apposition the parse missed).
fn apposed_name(ctx: &Ctx<'_>, c: usize) -> Option<usize> {
    let t = ctx.tree;
    let s = ctx.sent;
    if t.upos(c) != Upos::Noun || s.phrase_at(c).is_some() {
        return None;
    }
    let first = (0..=c).find(|&x| t.dominates(c, x))?;
    if first < 2 || s.word(first - 1) != "," {
        return None;
    }
    let k = parsed_word(ctx, first - 2)?;
    let name = s.phrase_at(k).is_some_and(|i| !s.actors[i].is_empty());
    (name && t.upos(k).is_nominal() && t.case(k).is_none() && !t.dominates(c, k)).then_some(k)
}

/// A finite verb the parse left without a subject ("On Monday, Laos and Peru signed", read
/// with the names joined to "Monday"): the nearest named noun phrase before it in its clause
/// that no preposition marks, known to the gazetteer or not ("In Kenya, Judge X accused").
/// A conjunct joined by "and" shares its first conjunct's preposition ("in Kenya and Chad").
fn unmarked_before(ctx: &Ctx<'_>, v: usize) -> Option<usize> {
    let t = ctx.tree;
    let s = ctx.sent;
    let marked = |k: usize| {
        t.case(k).is_some()
            || (t.dep(k) == Dep::Conj
                && t.child(k, Dep::Cc).is_some()
                && t.head(k).is_some_and(|h| t.case(h).is_some()))
    };
    (0..v).rev().find(|&k| {
        t.upos(k).is_nominal()
            && s.phrase_at(k).is_some()
            && !marked(k)
            && !matches!(t.dep(k), Dep::NmodPoss | Dep::Compound | Dep::Flat)
            && in_clause(ctx, v, k)
    })
}

/// Is `k` in the clause of `v`: below it without crossing into another clause?
fn in_clause(ctx: &Ctx<'_>, v: usize, k: usize) -> bool {
    let t = ctx.tree;
    let mut x = k;
    for _ in 0..t.len() {
        if x == v {
            return true;
        }
        if matches!(
            t.dep(x).universal(),
            Dep::Advcl | Dep::Acl | Dep::Ccomp | Dep::Xcomp | Dep::Parataxis | Dep::Csubj
        ) {
            return false;
        }
        match t.head(x) {
            Some(h) => x = h,
            None => return false,
        }
    }
    false
}

/// "'We will respond,' the minister said": a first-person subject in reported speech is the
/// speaker.
fn speaker_of(ctx: &Ctx<'_>, subj: usize, v: usize) -> Option<usize> {
    let t = ctx.tree;
    // "we" in a quote, and "it" in a reported clause ("Hungary said it will..."), stand for
    // the speaker.
    let first_person = t.upos(subj) == Upos::Pron
        && matches!(t.lemma(subj), "we" | "i" | "us" | "me" | "it")
        && ctx.sent.phrase_at(subj).is_none();
    if !first_person {
        return None;
    }
    let reporting = |k: usize| ctx.grammar.is(Class::Reporting, t.lemma(k));
    // "..., he said" hangs from the quote as parataxis; "he said that we..." takes it as ccomp.
    for k in std::iter::once(v).chain(t.ancestors(v)) {
        if let Some(r) = t
            .children(k)
            .iter()
            .copied()
            .find(|&c| t.dep(c) == Dep::Parataxis && reporting(c))
        {
            return t.child(r, Dep::Nsubj);
        }
        if matches!(t.dep(k).universal(), Dep::Ccomp | Dep::Parataxis) {
            let h = t.head(k)?;
            if reporting(h) {
                return t.child(h, Dep::Nsubj);
            }
        }
    }
    None
}

/// The first actor named inside the clause `c`, in the order of the words, that is not the
/// subject and not a setting: a clause the parser got partly wrong still holds its actors.
fn first_party_within(ctx: &Ctx<'_>, c: usize, subject_set: &[usize]) -> Option<Vec<usize>> {
    let t = ctx.tree;
    let s = ctx.sent;
    (0..t.len())
        .filter(|&k| k != c && t.dominates(c, k) && !subject_set.contains(&k))
        .filter(|&k| s.phrase_at(k).is_some_and(|i| !s.actors[i].is_empty()))
        .find(|&k| !t.case(k).is_some_and(|l| LOCATIVE.contains(&l)))
        .map(|k| np_phrases(ctx, k))
}

/// Breadth first from `start` (the predicate and its pattern words, or a clause) through
/// objects, obliques and modifiers and into complement clauses, three levels deep: the first
/// actor that is not the subject, not a setting ("in Paris") and not the subject of a clause
/// of its own.
fn nearest_party(ctx: &Ctx<'_>, start: &[usize], subject_set: &[usize]) -> Option<Vec<usize>> {
    let t = ctx.tree;
    let s = ctx.sent;
    let mut level: Vec<usize> = start.to_vec();
    for _ in 0..3 {
        let mut next: Vec<usize> = level
            .iter()
            .flat_map(|&w| t.children(w).iter().copied())
            .filter(|&c| {
                matches!(
                    t.dep(c).universal(),
                    Dep::Obj | Dep::Iobj | Dep::Obl | Dep::Nmod | Dep::Xcomp | Dep::Ccomp
                ) && t.dep(c) != Dep::OblAgent
                    && !t.case(c).is_some_and(|l| LOCATIVE.contains(&l))
            })
            .collect();
        next.sort_unstable();
        next.dedup();
        for &c in &next {
            if subject_set.contains(&c) || !t.upos(c).is_nominal() {
                continue;
            }
            let ps = np_phrases(ctx, c);
            if ps.iter().any(|&i| !s.actors[i].is_empty()) {
                return Some(ps);
            }
        }
        if next.is_empty() {
            return None;
        }
        level = next;
    }
    None
}

/// Where the rule looks for its target, in order.
fn candidates(ctx: &Ctx<'_>, p: &Predicate, spec: &TargetSpec) -> Vec<usize> {
    let t = ctx.tree;
    match spec {
        TargetSpec::Object => {
            let mut out: Vec<usize> = t.with_dep(p.node, Dep::Iobj).collect();
            out.extend(t.with_dep(p.node, Dep::Obj));
            // "said Togo must reopen", "demanded that Kenya withdraw": a demand, a warning or
            // a charge stated as a clause is aimed at the clause's subject.
            for c in t.with_dep(p.node, Dep::Ccomp) {
                out.extend(t.child(c, Dep::Nsubj));
            }
            // "branded the launch reckless": the subject of a small clause is the object.
            for c in t.with_dep(p.node, Dep::Xcomp) {
                out.extend(t.child(c, Dep::Nsubj));
            }
            // The object of an event noun is its "of" ("the bombing of Belgrade").
            if p.nominal {
                out.extend(
                    t.children(p.node)
                        .iter()
                        .copied()
                        .filter(|&c| t.dep(c).universal() == Dep::Nmod && t.case(c) == Some("of")),
                );
            }
            out
        }
        TargetSpec::Prep(prep) => {
            // On the predicate, on the pattern's own words ("held talks with"), and on the
            // object ("imposed tariffs on steel").
            let mut heads: Vec<usize> = vec![p.node];
            heads.extend(p.words.iter().copied().filter(|&w| w != p.node));
            heads.extend(t.with_dep(p.node, Dep::Obj));
            // "mounted attacks on Estonia": the light verb may carry the event noun's target.
            if let Some(h) = light_verb(ctx, p) {
                heads.push(h);
            }
            let mut out = Vec::new();
            for h in heads {
                for &c in t.children(h) {
                    let marked = matches!(
                        t.dep(c).universal(),
                        Dep::Obl | Dep::Nmod | Dep::Advmod | Dep::Obj
                    ) && t.case(c) == Some(prep.as_str());
                    if marked && !out.contains(&c) {
                        out.push(c);
                    }
                }
            }
            out
        }
    }
}

/// Does verb `h` carry the event noun that is its object: a light verb ("launched an attack")
/// or one that weighs the act ("considering sanctions")?
pub fn carrier(ctx: &Ctx<'_>, h: usize) -> bool {
    let lemma = ctx.tree.lemma(h);
    ctx.tree.upos(h) == Upos::Verb
        && (ctx.grammar.is(Class::Light, lemma) || ctx.grammar.is(Class::Hedge, lemma))
}

/// The verb carrying an event noun ("launched an attack").
fn light_verb(ctx: &Ctx<'_>, p: &Predicate) -> Option<usize> {
    let t = ctx.tree;
    let h = t.head(p.node)?;
    (p.nominal && t.dep(p.node) == Dep::Obj && carrier(ctx, h)).then_some(h)
}

/// A city or capital after a locative preposition is where something happens, not a party.
fn is_setting(ctx: &Ctx<'_>, c: usize) -> bool {
    let t = ctx.tree;
    let locative = t.case(c).is_some_and(|l| LOCATIVE.contains(&l));
    locative
        && ctx
            .sent
            .phrase_at(c)
            .is_some_and(|i| ctx.sent.phrases[i].placelike.is_some())
}

/// The actor phrases a noun phrase headed by `n` names, with its conjuncts'.
pub fn np_phrases(ctx: &Ctx<'_>, n: usize) -> Vec<usize> {
    let t = ctx.tree;
    let mut out: Vec<usize> = Vec::new();
    let mut queue = t.coordination(n);
    let mut k = 0;
    while k < queue.len() && k < 32 {
        let c = queue[k];
        k += 1;
        let Some(p) = head_phrase(ctx, c, 0) else {
            continue;
        };
        if out.contains(&p) {
            continue;
        }
        out.push(p);
        // "Presidents of Ghana and Nigeria": a conjunct inside the phrase joins another.
        let (a, b) = ctx.sent.phrases[p].tokens;
        for w in a..b.min(t.len()) {
            for j in t.conj_children(w) {
                if !queue.contains(&j) {
                    queue.push(j);
                }
            }
        }
    }
    out
}

/// The phrase covering the head, else the nearest modifier's: "Kenya's president", "Saudi
/// forces", "a delegation from Ghana", "thousands of Kenyan students", "the people of Syria",
/// "positions held by Ethiopian forces".
fn head_phrase(ctx: &Ctx<'_>, n: usize, depth: usize) -> Option<usize> {
    let t = ctx.tree;
    let s = ctx.sent;
    if let Some(p) = s.phrase_at(n) {
        return Some(p);
    }
    if depth > 3 {
        return None;
    }
    let close: Vec<usize> = t
        .children(n)
        .iter()
        .copied()
        .filter(|&c| {
            matches!(
                t.dep(c),
                Dep::Compound | Dep::Amod | Dep::NmodPoss | Dep::Flat | Dep::NmodDesc | Dep::Appos
            )
        })
        .filter_map(|c| s.phrase_at(c))
        .collect();
    // A modifier naming no one ("all official contact with Kenya") gives way to one further
    // out that does.
    if let Some(&p) = close.iter().find(|&&p| !s.actors[p].is_empty()) {
        return Some(p);
    }
    // "positions held by Ethiopian forces", "areas controlled by the rebels": a place is the
    // party that holds it.
    let holder = t
        .with_dep(n, Dep::Acl)
        .filter(|&v| t.upos(v) == Upos::Verb && !ctx.sent.word(v).ends_with("ing"))
        .flat_map(|v| t.children(v).iter().copied())
        .find(|&a| {
            t.dep(a) == Dep::OblAgent
                || (t.dep(a).universal() == Dep::Obl && t.case(a) == Some("by"))
        });
    if let Some(p) = holder.and_then(|a| head_phrase(ctx, a, depth + 1)) {
        return Some(p);
    }
    // "$2 billion worth of Korean steel": a measure hands on to what it measures, whether the
    // "of" hangs on the head or on its adjective ("worth", "full"); "the border with Chad"
    // hands on to the neighbour, "contact with Kenya" to the other side.
    let linking = ctx.grammar.is(Class::Frontier, t.lemma(n))
        || ctx.grammar.is(Class::Relation, t.lemma(n))
        || ctx.grammar.is(Class::Relation, ctx.sent.word(n));
    t.children(n)
        .iter()
        .copied()
        .filter(|&c| {
            let marker = t.case(c);
            let via = matches!(marker, Some("of" | "from")) || (marker == Some("with") && linking);
            (t.dep(c).universal() == Dep::Nmod && via)
                || (t.dep(c) == Dep::Amod && t.children(c).iter().any(|&g| t.case(g) == Some("of")))
        })
        .find_map(|c| head_phrase(ctx, c, depth + 1))
        .or_else(|| close.first().copied())
}

fn actors(ctx: &Ctx<'_>, phrases: &[usize]) -> Vec<Actor> {
    let mut v: Vec<Actor> = Vec::new();
    for &i in phrases {
        for a in &ctx.sent.actors[i] {
            if a.code.is_some() && !v.iter().any(|x| x.code == a.code) {
                v.push(a.clone());
            }
        }
    }
    v
}

/// A place phrase in the predicate's phrase, three levels deep ("shelled targets in Kabul",
/// "fired missiles at positions in Iraq").
fn place_in(ctx: &Ctx<'_>, p: &Predicate) -> Option<usize> {
    let t = ctx.tree;
    let s = ctx.sent;
    let mut level = vec![p.node];
    for _ in 0..3 {
        let next: Vec<usize> = level
            .iter()
            .flat_map(|&h| t.children(h).iter().copied())
            .filter(|&c| matches!(t.dep(c).universal(), Dep::Obl | Dep::Nmod | Dep::Obj))
            .collect();
        for &c in &next {
            if !t.case(c).is_some_and(|l| LOCATIVE.contains(&l)) {
                continue;
            }
            let found = np_phrases(ctx, c).into_iter().find(|&i| {
                let ph = &s.phrases[i];
                (ph.placelike.is_some() || ph.country_only) && ph.code.is_some()
            });
            if found.is_some() {
                return found;
            }
        }
        level = next;
    }
    None
}

/// The state of a place phrase, as an actor with no sector ("Amman" -> Jordan).
pub fn place_actor(ctx: &Ctx<'_>, i: usize) -> Option<Actor> {
    let s = ctx.sent;
    let p = &s.phrases[i];
    let code = p.code.clone()?;
    Some(Actor {
        text: s.original(ctx.body, p.tokens).to_string(),
        name: ctx.kb.country(&code).map(|c| c.name.clone()),
        code: Some(code),
        sector: None,
    })
}
