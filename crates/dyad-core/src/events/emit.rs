//! One event per pair of source and target, with the conventions of event data for what is
//! not a pair.
//!
//! - A state acting on itself is an event only between two of its sectors (police and
//!   protesters, a government and rebels).
//! - A joint act whose subject names both sides ("Ghana and Togo signed") is one event per pair.
//! - One side known: the act is still reported, its other side unknown, except for talks,
//!   approval, sanctions and aid, which are mostly mentions without their other side
//!   ("contributed to this report").
//! - Violence with no named perpetrator is put to the state where it happened; an act by
//!   someone named but unknown keeps its source unknown.

use super::roles::{place_actor, Roles};
use super::{Coded, Ctx, Predicate, Typed};
use crate::actors::Actor;

pub fn events(ctx: &Ctx<'_>, p: &Predicate, r: &Roles, ty: &Typed) -> Vec<Coded> {
    let rule = &ctx.lex.rules[p.rule];
    let s = ctx.sent;
    let conf = 0.8 - r.penalty;
    let mut out = Vec::new();
    let mut push = |a: Option<Actor>, b: Option<Actor>, c: f64| {
        out.push(Coded {
            source: a,
            target: b,
            negated: ty.negated,
            hypothetical: ty.hypothetical,
            plover: ty.plover.clone(),
            cameo: ty.cameo.clone(),
            rule: ty.rule.clone(),
            confidence: c,
        });
    };
    let needs_other_side = matches!(
        ty.plover.as_str(),
        "SANCTION" | "SUPPORT" | "CONSULT" | "AID"
    );
    let violent = matches!(ty.plover.as_str(), "ASSAULT" | "COERCE");
    let (subjects, targets) = (&r.sources, &r.targets);
    if !targets.is_empty() && !subjects.is_empty() {
        let mut pushed = 0;
        for a in subjects {
            for b in targets {
                if same_party(ctx, r, a, b) {
                    continue;
                }
                push(Some(a.clone()), Some(b.clone()), conf);
                pushed += 1;
            }
        }
        // Only the subject's own state where the recipient should be ("marched in Mosul"):
        // the act is reported, its recipient unknown.
        if pushed == 0
            && subjects.len() == 1
            && targets.iter().all(|b| b.code == subjects[0].code)
            && !needs_other_side
        {
            push(Some(subjects[0].clone()), None, conf - 0.2);
        }
    } else if rule.joint && subjects.len() >= 2 {
        for i in 0..subjects.len() {
            for j in i + 1..subjects.len() {
                push(Some(subjects[i].clone()), Some(subjects[j].clone()), conf);
            }
        }
    } else if subjects.len() == 1 && targets.is_empty() && !needs_other_side {
        push(Some(subjects[0].clone()), None, conf - 0.2);
    } else if subjects.is_empty() && !targets.is_empty() && (violent || r.unknown_author) {
        // Violence with no named perpetrator is put to the state where it happened.
        let source = s
            .place
            .filter(|&i| {
                violent && !r.target_phrases.contains(&i) && !r.source_phrases.contains(&i)
            })
            .and_then(|i| place_actor(ctx, i));
        for b in targets {
            push(source.clone(), Some(b.clone()), conf - 0.2);
        }
    }
    out
}

/// Are `a` and `b` one party, so that an act between them is no event?
fn same_party(ctx: &Ctx<'_>, r: &Roles, a: &Actor, b: &Actor) -> bool {
    if a.code != b.code {
        return false;
    }
    // The state itself, not one of its sectors or people.
    let bare = |x: &Actor| {
        x.sector.is_none()
            && (x.name.is_none()
                || x.code
                    .as_deref()
                    .and_then(|c| ctx.kb.country(c))
                    .map(|c| &c.name)
                    == x.name.as_ref())
    };
    // Rebels shelling "Ukrainian positions" is an event inside one state.
    let non_state = |x: &Actor| {
        matches!(
            x.sector.as_deref(),
            Some("REB" | "INS" | "OPP" | "CVL" | "POL" | "LAB" | "EDU")
        )
    };
    let one_bare = (bare(a) && !non_state(b)) || (bare(b) && !non_state(a));
    // A province or city of the actor's own state is a place, not a party.
    let home_place = r
        .target_phrases
        .iter()
        .any(|&i| ctx.sent.phrases[i].placelike.is_some() && ctx.sent.phrases[i].code == b.code);
    a.sector == b.sector || one_bare || home_place
}
