//! Facts: the figures a report gives about the relations it covers (trade, investment,
//! companies, aid, loans, tariffs, agreements, casualties, crowds, arrests), with the countries
//! they concern, their direction, qualifier, change and claimant.

use crate::actors::Actor;
use crate::document::Document;
use crate::numbers::{Quantity, Unit};
use crate::pipeline::{DocState, Sentence};
use crate::record::{Change, Evidence, FactRecord};

/// Nouns that name what a count counts, with the fact kind.
const COUNT_NOUNS: &[(&str, &str)] = &[
    ("companies", "companies"),
    ("firms", "companies"),
    ("enterprises", "companies"),
    ("businesses", "companies"),
    ("joint", "companies"),
    ("agreements", "agreements"),
    ("documents", "agreements"),
    ("memorandums", "agreements"),
    ("memoranda", "agreements"),
    ("deals", "agreements"),
    ("accords", "agreements"),
    ("contracts", "agreements"),
];

/// Keywords that, near a figure, say what it measures.
const MONEY_KEYS: &[(&str, &str)] = &[
    ("trade", "trade"),
    ("turnover", "trade"),
    ("commerce", "trade"),
    ("exports", "trade"),
    ("imports", "trade"),
    ("investment", "investment"),
    ("investments", "investment"),
    ("invested", "investment"),
    ("invest", "investment"),
    ("investing", "investment"),
    ("fdi", "investment"),
    ("aid", "aid"),
    ("assistance", "aid"),
    ("humanitarian", "aid"),
    ("grant", "aid"),
    ("grants", "aid"),
    ("donated", "aid"),
    ("relief", "aid"),
    ("loan", "loan"),
    ("loans", "loan"),
    ("credit", "loan"),
    ("lend", "loan"),
    ("lent", "loan"),
];

const PEOPLE_KEYS: &[(&str, &str)] = &[
    ("killed", "casualties"),
    ("dead", "casualties"),
    ("died", "casualties"),
    ("deaths", "casualties"),
    ("lives", "casualties"),
    ("death", "casualties"),
    ("toll", "casualties"),
    ("injured", "casualties"),
    ("wounded", "casualties"),
    ("injuring", "casualties"),
    ("wounding", "casualties"),
    ("killing", "casualties"),
    ("displaced", "displaced"),
    ("fled", "displaced"),
    ("refugees", "displaced"),
    ("arrested", "arrests"),
    ("detained", "arrests"),
    ("arrests", "arrests"),
    ("detentions", "arrests"),
    ("protesters", "crowd"),
    ("demonstrators", "crowd"),
    ("rallied", "crowd"),
    ("marched", "crowd"),
    ("protested", "crowd"),
];

const TIME_UNITS: &[&str] = &[
    "years",
    "year",
    "months",
    "month",
    "days",
    "day",
    "weeks",
    "week",
    "hours",
    "hour",
    "minutes",
    "decades",
    "times",
    "km",
    "kilometers",
    "kilometres",
    "miles",
    "tons",
    "tonnes",
    "barrels",
    "meters",
    "metres",
    "percent",
];

/// Index of the phrase whose first token comes right after `prep` (within a few words) at or
/// after token `from`.
fn actor_after(s: &Sentence, from: usize, preps: &[&str], within: usize) -> Option<String> {
    for k in from..(from + within).min(s.toks.len()) {
        if !preps.contains(&s.word(k)) {
            continue;
        }
        for (pi, p) in s.phrases.iter().enumerate() {
            if p.tokens.0 > k && p.tokens.0 <= k + 3 {
                if let Some(c) = s.actors[pi].first().and_then(|a| a.code.clone()) {
                    return Some(c);
                }
            }
        }
    }
    None
}

/// The kind of a figure about people that the words of `window` name ("killed", "detained",
/// "rallied"), in the order of `PEOPLE_KEYS`.
fn people_kind(s: &Sentence, window: std::ops::Range<usize>) -> Option<&'static str> {
    let words: Vec<&str> = window.map(|k| s.word(k)).collect();
    PEOPLE_KEYS
        .iter()
        .find(|(w, _)| words.contains(w))
        .map(|(_, kd)| *kd)
}

/// The code of a phrase that ends right before token `tok` ("Kazakh investment").
fn actor_before(s: &Sentence, tok: usize) -> Option<String> {
    s.phrases
        .iter()
        .enumerate()
        .find(|(_, p)| p.tokens.1 == tok)
        .and_then(|(pi, _)| s.actors[pi].first().and_then(|a| a.code.clone()))
}

/// The states and organisations a sentence names as actors (not places such as "Champagne"
/// or "in Kabul"), nearest to token `near` first.
fn codes_in(s: &Sentence, near: usize) -> Vec<String> {
    let mut found: Vec<(usize, String)> = Vec::new();
    for (p, acts) in s.phrases.iter().zip(&s.actors) {
        // Places ("Champagne") and references ("officials") do not say whose figure it is.
        if p.placelike == Some(usize::MAX) || p.reference.is_some() {
            continue;
        }
        // A phrase that contains `near` is at distance 0.
        let dist = if p.tokens.0 >= near {
            p.tokens.0 - near
        } else {
            near.saturating_sub(p.tokens.1)
        };
        for a in acts {
            if let Some(c) = &a.code {
                found.push((dist, c.clone()));
            }
        }
    }
    found.sort_by_key(|(d, _)| *d);
    let mut v: Vec<String> = Vec::new();
    for (_, c) in found {
        if !v.contains(&c) {
            v.push(c);
        }
    }
    v
}

fn change_of(s: &Sentence, q: &Quantity) -> Option<Change> {
    let lo = q.tokens.0.saturating_sub(14);
    for k in lo..q.tokens.0 {
        let factor = match s.word(k) {
            "doubled" => 2.0,
            "tripled" | "trebled" => 3.0,
            "quadrupled" => 4.0,
            "quintupled" => 5.0,
            _ => continue,
        };
        let qualifier = if (k.saturating_sub(3)..k).any(|j| matches!(s.word(j), "more" | "over")) {
            "more_than"
        } else if (k.saturating_sub(2)..k).any(|j| matches!(s.word(j), "nearly" | "almost")) {
            "about"
        } else {
            "exact"
        };
        let over_years = s
            .quantities
            .iter()
            .find(|y| {
                y.tokens.0 > k
                    && y.tokens.0 < q.tokens.0
                    && matches!(s.word(y.tokens.1), "years" | "year")
            })
            .map(|y| y.value);
        return Some(Change {
            factor: Some(factor),
            percent: None,
            over_years,
            qualifier: qualifier.into(),
        });
    }
    // "up 15%", "rose 12.5% year on year"
    for p in &s.quantities {
        if p.unit == Unit::Percent && p.tokens.0 != q.tokens.0 {
            let before = s.word(p.tokens.0.saturating_sub(1));
            if matches!(
                before,
                "up" | "rose"
                    | "grew"
                    | "increased"
                    | "jumped"
                    | "by"
                    | "down"
                    | "fell"
                    | "dropped"
                    | "declined"
            ) {
                let sign = if matches!(before, "down" | "fell" | "dropped" | "declined") {
                    -1.0
                } else {
                    1.0
                };
                return Some(Change {
                    factor: None,
                    percent: Some(sign * p.value),
                    over_years: None,
                    qualifier: p.qualifier.as_str().into(),
                });
            }
        }
    }
    None
}

/// Facts of one sentence.
pub fn extract(
    doc: &Document,
    s: &Sentence,
    evidence: &Evidence,
    state: &DocState,
    date: Option<String>,
) -> Vec<FactRecord> {
    let mut out = Vec::new();
    let claimant: Option<Actor> = s
        .phrases
        .iter()
        .zip(&s.actors)
        .find(|(p, a)| p.person && !a.is_empty())
        .map(|(_, a)| a[0].clone());
    let pair: Vec<String> = state
        .pair()
        .map(|(a, b)| vec![a.code.unwrap_or_default(), b.code.unwrap_or_default()])
        .unwrap_or_default();
    let mut prev_end = 0;
    for q in &s.quantities {
        let here = codes_in(s, q.tokens.0);
        let next = s.word(q.tokens.1);
        let next2 = s.word(q.tokens.1 + 1);
        let mut kind: Option<&str> = None;
        let (mut from, mut to): (Option<String>, Option<String>) = (None, None);
        let mut countries: Vec<String> = Vec::new();
        match &q.unit {
            Unit::Count => {
                if TIME_UNITS.contains(&next) {
                    // "over the past five years": a span of time, not a figure, and no barrier
                    // between the figure that follows and its keyword.
                    continue;
                }
                // "140 companies with Turkmen capital operate in Kazakhstan"
                let noun_at = if matches!(
                    next,
                    "intergovernmental"
                        | "bilateral"
                        | "new"
                        | "foreign"
                        | "joint"
                        | "trade"
                        | "cooperation"
                        | "and"
                        | "interdepartmental"
                ) {
                    (q.tokens.1..q.tokens.1 + 4)
                        .find(|&k| COUNT_NOUNS.iter().any(|(n, _)| *n == s.word(k)))
                } else {
                    Some(q.tokens.1).filter(|&k| COUNT_NOUNS.iter().any(|(n, _)| *n == s.word(k)))
                };
                if let Some(k) = noun_at {
                    let noun = s.word(k);
                    kind = COUNT_NOUNS
                        .iter()
                        .find(|(n, _)| *n == noun)
                        .map(|(_, kd)| *kd);
                    if kind == Some("companies") {
                        // "with Turkmen capital", "from Turkey", "Chinese companies"
                        from = actor_after(s, k, &["with", "from"], 4)
                            .or_else(|| actor_before(s, q.tokens.0));
                        to = actor_after(s, k, &["in"], 10);
                    }
                } else if matches!(
                    next,
                    "." | "," | ";" | "and" | "on" | "in" | "from" | "after" | "since"
                ) && (q.tokens.0.saturating_sub(8)..q.tokens.0).any(|k| {
                    matches!(
                        s.word(k),
                        "toll" | "killed" | "dead" | "injured" | "wounded"
                    )
                }) {
                    // "the death toll rose to at least 63."
                    kind = people_kind(s, q.tokens.0.saturating_sub(8)..q.tokens.0);
                } else if next == "people"
                    || next == "persons"
                    || next == "civilians"
                    || next == "soldiers"
                    || next == "protesters"
                    || next == "demonstrators"
                    || PEOPLE_KEYS.iter().any(|(w, _)| *w == next || *w == next2)
                {
                    kind = people_kind(
                        s,
                        q.tokens.0.saturating_sub(4)..(q.tokens.1 + 6).min(s.toks.len()),
                    );
                }
            }
            Unit::Percent => {
                let window: Vec<&str> = (q.tokens.0.saturating_sub(8)
                    ..(q.tokens.1 + 4).min(s.toks.len()))
                    .map(|k| s.word(k))
                    .collect();
                if window.iter().any(|w| {
                    matches!(
                        *w,
                        "tariff" | "tariffs" | "duty" | "duties" | "levy" | "levies"
                    )
                }) {
                    kind = Some("tariff");
                    from = here.first().cloned();
                    // On whom: "on Canadian steel", "on imports from China", else the other
                    // state the sentence names ("threatened the EU with 200% tariffs").
                    to = actor_after(s, q.tokens.1, &["on", "from", "against"], 10)
                        .filter(|c| Some(c) != from.as_ref())
                        .or_else(|| here.iter().find(|c| Some(*c) != from.as_ref()).cloned());
                }
            }
            Unit::Currency(_) => {
                // The nearest keyword between the previous figure and a few words after this one.
                let lo = prev_end.max(q.tokens.0.saturating_sub(16));
                let hi = (q.tokens.1 + 4).min(s.toks.len());
                let mut best: Option<(usize, &str, usize)> = None;
                for k in lo..hi {
                    if let Some((_, kd)) = MONEY_KEYS.iter().find(|(w, _)| *w == s.word(k)) {
                        let dist = if k < q.tokens.0 {
                            q.tokens.0 - k
                        } else {
                            k - q.tokens.1 + 1
                        };
                        if best.is_none_or(|b| dist < b.0) {
                            best = Some((dist, kd, k));
                        }
                    }
                }
                if let Some((_, kd, k)) = best {
                    kind = Some(kd);
                    match kd {
                        "investment" => {
                            from = actor_before(s, k)
                                .or_else(|| actor_after(s, k, &["from", "by"], 4));
                            to = actor_after(s, k, &["in", "into"], 4);
                        }
                        "aid" | "loan" => {
                            from = here.first().cloned();
                            to = actor_after(s, q.tokens.0.min(k), &["to", "for"], 14)
                                .filter(|c| Some(c) != from.as_ref());
                        }
                        _ => {
                            let between = actor_after(s, k, &["between", "with"], 4);
                            if let Some(b) = between {
                                countries.push(b);
                            }
                        }
                    }
                }
            }
        }
        prev_end = q.tokens.1;
        let Some(kind) = kind else { continue };
        for c in [&from, &to].into_iter().flatten() {
            if !countries.contains(c) {
                countries.push(c.clone());
            }
        }
        if matches!(kind, "trade" | "agreements") {
            for c in here.iter().chain(pair.iter()) {
                if countries.len() < 2 && !c.is_empty() && !countries.contains(c) {
                    countries.push(c.clone());
                }
            }
        }
        if matches!(kind, "investment" | "companies" | "aid" | "loan") && countries.len() < 2 {
            for c in pair.iter() {
                if countries.len() < 2 && !c.is_empty() && !countries.contains(c) {
                    countries.push(c.clone());
                }
            }
            // Fill the missing side of a directed figure from the pair.
            if from.is_none() && to.is_some() && countries.len() == 2 {
                from = countries.iter().find(|c| Some(*c) != to.as_ref()).cloned();
            } else if to.is_none() && from.is_some() && countries.len() == 2 {
                to = countries
                    .iter()
                    .find(|c| Some(*c) != from.as_ref())
                    .cloned();
            }
        }
        if matches!(kind, "casualties" | "displaced" | "arrests" | "crowd") && countries.is_empty()
        {
            // Where it happened: a place the sentence names ("in Kabul"), else the state the
            // report is about. Actors met in the sentence are often foreign commentators.
            let place = s.phrases.iter().find(|p| {
                p.placelike.is_some()
                    && p.code.is_some()
                    && crate::actors::after_locative(&s.norm, &s.toks, p.tokens.0)
            });
            if let Some(h) = place
                .and_then(|p| p.code.clone())
                .or_else(|| state.main_country())
            {
                countries.push(h);
            }
        }
        let unit = match (&q.unit, kind) {
            (Unit::Count, "casualties" | "displaced" | "arrests" | "crowd") => {
                "persons".to_string()
            }
            (u, _) => u.code().to_string(),
        };
        out.push(FactRecord {
            record: "fact",
            doc: doc.id.clone(),
            date: date.clone(),
            kind: kind.to_string(),
            countries,
            from,
            to,
            value: q.value,
            value_max: q.max,
            unit,
            qualifier: q.qualifier.as_str().to_string(),
            change: change_of(s, q),
            claimant: claimant.clone(),
            evidence: evidence.clone(),
            rule: format!("{kind}-figure"),
        });
    }
    out
}

/// The same figure repeated in a document is one fact.
pub fn consolidate(facts: Vec<FactRecord>) -> Vec<FactRecord> {
    let mut out: Vec<FactRecord> = Vec::new();
    for f in facts {
        let dup = out.iter().any(|o| {
            o.kind == f.kind && o.unit == f.unit && (o.value - f.value).abs() < 1e-9 && {
                let mut a = o.countries.clone();
                let mut b = f.countries.clone();
                a.sort();
                b.sort();
                a == b
            }
        });
        if !dup {
            out.push(f);
        }
    }
    out
}
