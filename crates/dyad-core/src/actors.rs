//! Actor recognition: gazetteer matching of every known surface form, then composition of the
//! matches into actor phrases ("Kazakh President Kassym-Jomart Tokayev", "Kazakhstan's Foreign
//! Ministry", "four Saudi men"), each resolved to a code, sector and canonical name as of the
//! report's date.
//!
//! Matching is one Aho-Corasick automaton over the normalised sentence, compiled once per
//! knowledge base; word boundaries and capitalisation are checked on each hit, so "US" the state
//! and "us" the pronoun stay apart.

use crate::knowledge::{Form, Knowledge};
use crate::text::{tokenize, Normalized, Span, Token, TokenKind};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use chrono::NaiveDate;
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;

/// An actor as the records contract writes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Actor {
    pub text: String,
    pub code: Option<String>,
    pub sector: Option<String>,
    pub name: Option<String>,
}

/// A reference that needs the document's earlier actors to resolve.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reference {
    /// "he", "she", "the president" (with `sector`), "the Turkmen leader" when unnamed
    One,
    /// "they", "the two presidents", "both sides", "the officials"
    Pair,
    /// "his counterpart": the other party of the last pair
    Counterpart,
}

/// One actor phrase in a sentence.
#[derive(Debug, Clone)]
pub struct Phrase {
    /// Token range `[start, end)` in the sentence.
    pub tokens: (usize, usize),
    /// Byte span in the normalised sentence.
    pub span: Span,
    pub code: Option<String>,
    pub sector: Option<String>,
    pub name: Option<String>,
    /// Names a person (a leader, "the spokesman", "he").
    pub person: bool,
    /// A bare capital or city: a place after "in", the government otherwise.
    pub placelike: Option<usize>,
    /// Country index when the phrase is only a country (name, capital or adjective).
    pub country_only: bool,
    pub reference: Option<Reference>,
    /// A person's name the knowledge base does not know ("Hulusi Akar"), shown as the actor's
    /// name.
    pub unknown_name: Option<String>,
    /// Token index of a conjunction "and" joining this phrase to the next one.
    pub joined_next: bool,
}

impl Phrase {
    pub fn resolved(&self) -> bool {
        self.code.is_some()
    }
}

/// The compiled matcher.
pub struct Gazetteer {
    ac: AhoCorasick,
    /// For each automaton pattern, the aliases (indices into `Knowledge::aliases`) it stands for.
    targets: Vec<Vec<usize>>,
}

#[derive(Debug, Clone)]
struct Hit {
    tok: (usize, usize),
    span: Span,
    aliases: Vec<usize>,
}

const GLUE: &[&str] = &[
    "senior",
    "top",
    "former",
    "deputy",
    "acting",
    "new",
    "visiting",
    "chief",
    "then",
    "outgoing",
    "incoming",
    "first",
    "vice",
    "interim",
    "current",
    "late",
    "veteran",
    "powerful",
    "state",
    "national",
    "federal",
    "central",
    "local",
    "regional",
    "provincial",
    "ruling",
    "main",
    "own",
    "other",
    "all",
    "some",
    "several",
    "many",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozens",
    "hundreds",
    "thousands",
    "of",
    "for",
    "the",
    "'s",
    "-",
];

/// Second halves of "Russian-backed", "Iranian-armed": the state is a sponsor. ("Saudi-led"
/// is absent on purpose: the state leading a force is its actor.)
const SPONSORED: &[&str] = &[
    "backed",
    "allied",
    "sponsored",
    "supported",
    "funded",
    "aligned",
    "installed",
    "controlled",
    "friendly",
    "trained",
    "armed",
    "brokered",
    "mediated",
];

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
    "between",
];

impl Gazetteer {
    pub fn new(kb: &Knowledge) -> Gazetteer {
        let mut by_key: HashMap<&str, usize> = HashMap::default();
        let mut patterns: Vec<&str> = Vec::new();
        let mut targets: Vec<Vec<usize>> = Vec::new();
        for (i, a) in kb.aliases.iter().enumerate() {
            let id = *by_key.entry(a.key.as_str()).or_insert_with(|| {
                patterns.push(a.key.as_str());
                targets.push(Vec::new());
                patterns.len() - 1
            });
            targets[id].push(i);
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("gazetteer patterns are plain strings");
        Gazetteer { ac, targets }
    }

    /// All gazetteer hits that sit on token boundaries and respect case, longest first, without
    /// overlaps.
    fn hits(&self, kb: &Knowledge, norm: &Normalized, toks: &[Token]) -> Vec<Hit> {
        let text = norm.text.as_bytes();
        let mut found: Vec<Hit> = Vec::new();
        for m in self.ac.find_overlapping_iter(&norm.text) {
            let (s, e) = (m.start(), m.end());
            if s > 0 && text[s - 1].is_ascii_alphanumeric() {
                continue;
            }
            if e < text.len() && text[e].is_ascii_alphanumeric() {
                continue;
            }
            // "u.s" inside "u.s." is fine; a key ending in a letter must not cut "u.s.a".
            // Tokens are sorted: binary search instead of a scan per hit.
            let Ok(ts) = toks.binary_search_by_key(&s, |t| t.span.start) else {
                continue;
            };
            let te = toks[ts..].partition_point(|t| t.span.end < e) + ts + 1;
            if te > toks.len() {
                continue;
            }
            let cands: Vec<usize> = self.targets[m.pattern().as_usize()]
                .iter()
                .copied()
                .filter(|&ai| {
                    let a = &kb.aliases[ai];
                    if a.all_caps {
                        return (s..e).all(|i| !text[i].is_ascii_alphabetic() || norm.is_upper(i));
                    }
                    !a.needs_cap || norm.is_upper(s)
                })
                .collect();
            if cands.is_empty() {
                continue;
            }
            found.push(Hit {
                tok: (ts, te),
                span: Span::new(s, toks[te - 1].span.end.max(e)),
                aliases: cands,
            });
        }
        // Longest first, then leftmost; drop hits overlapping a kept one.
        found.sort_by(|a, b| {
            b.span
                .len()
                .cmp(&a.span.len())
                .then(a.span.start.cmp(&b.span.start))
        });
        let mut kept: Vec<Hit> = Vec::new();
        for h in found {
            if kept
                .iter()
                .all(|k| h.tok.1 <= k.tok.0 || h.tok.0 >= k.tok.1)
            {
                kept.push(h);
            }
        }
        kept.sort_by_key(|h| h.tok.0);
        kept
    }
}

/// Document-level memory: who has been named so far, so that "Berdimuhamedov" after
/// "Serdar Berdimuhamedov" resolves to the same person.
#[derive(Debug, Default, Clone)]
pub struct Memory {
    /// Person index chosen for a normalised surface form.
    pub person_for: HashMap<String, usize>,
    /// Organisations named in the document, latest last (for "the bloc").
    pub orgs: Vec<usize>,
}

/// What one gazetteer hit contributes to a phrase.
#[derive(Debug, Clone, Copy)]
enum Piece {
    Country(usize, Form),
    Person(usize),
    Org(usize),
    Entity(usize),
    Agent(usize),
    Place(usize),
}

fn word<'a>(norm: &'a Normalized, t: &Token) -> &'a str {
    &norm.text[t.span.start..t.span.end]
}

/// Choose what a hit means here. Prefers a person in office on the date, then organisations,
/// entities, countries, agents and places.
fn choose(
    kb: &Knowledge,
    hit: &Hit,
    date: Option<NaiveDate>,
    memory: &Memory,
    key: &str,
) -> Option<Piece> {
    let mut best: Option<(i32, Piece)> = None;
    for &ai in &hit.aliases {
        let a = &kb.aliases[ai];
        let (score, piece) = match a.form {
            Form::Person => {
                let in_office =
                    date.is_some_and(|d| kb.people[a.index].terms.iter().any(|t| t.covers(d)));
                let remembered = memory.person_for.get(key) == Some(&a.index);
                let s = if remembered {
                    100
                } else if in_office {
                    90
                } else {
                    40
                };
                // Among several out of office, the one whose last term is nearest the date.
                let recency = kb.people[a.index]
                    .terms
                    .iter()
                    .filter_map(|t| t.end.or(t.start))
                    .max()
                    .zip(date)
                    .map(|(e, d)| -((d - e).num_days().abs().min(20000) / 400) as i32)
                    .unwrap_or(0);
                (s + recency, Piece::Person(a.index))
            }
            Form::Org => (80, Piece::Org(a.index)),
            Form::OrgGeneric => {
                if memory.orgs.contains(&a.index) {
                    (85, Piece::Org(a.index))
                } else {
                    continue;
                }
            }
            Form::Entity => {
                // A dated row out of its time yields to the row in force.
                let in_force = kb.entities[a.index].covers(date);
                (if in_force { 75 } else { 20 }, Piece::Entity(a.index))
            }
            Form::CountryName => (70, Piece::Country(a.index, Form::CountryName)),
            Form::Adjective => (65, Piece::Country(a.index, Form::Adjective)),
            Form::People => (64, Piece::Country(a.index, Form::People)),
            Form::Capital => (60, Piece::Country(a.index, Form::Capital)),
            Form::Agent => (50, Piece::Agent(a.index)),
            Form::Place => (
                30 + (kb.places[a.index].population as f64).log10() as i32,
                Piece::Place(a.index),
            ),
        };
        if best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((score, piece));
        }
    }
    best.map(|(_, p)| p)
}

/// Find the actor phrases of one sentence.
pub fn phrases(
    kb: &Knowledge,
    gaz: &Gazetteer,
    norm: &Normalized,
    toks: &[Token],
    date: Option<NaiveDate>,
    memory: &mut Memory,
) -> Vec<Phrase> {
    let hits = gaz.hits(kb, norm, toks);
    let mut pieces: Vec<(Hit, Piece)> = Vec::with_capacity(hits.len());
    for (hi, h) in hits.iter().enumerate() {
        let key = &norm.text[h.span.start..h.span.end];
        if let Some(p) = choose(kb, h, date, memory, key) {
            // "James Risch" is not "Daniel Risch": a surname preceded by a first name that is
            // not the known person's is a namesake.
            if let Piece::Person(pi) = p {
                if h.tok.1 - h.tok.0 == 1
                    && h.tok.0 > 1
                    && !matches!(word(norm, &toks[h.tok.0 - 2]), "\"" | "(" | "-" | ":")
                {
                    let prev = &toks[h.tok.0 - 1];
                    let covered = hi > 0 && hits[hi - 1].tok.1 == h.tok.0;
                    let first = word(norm, prev);
                    let canon = crate::knowledge::normalize_key(&kb.people[pi].name);
                    if prev.kind == TokenKind::Word
                        && prev.cap
                        && !covered
                        && first.len() > 1
                        && !canon
                            .split(|c: char| !c.is_alphanumeric())
                            .any(|t| t == first)
                    {
                        continue;
                    }
                }
            }
            // "Russian-backed separatists": the state named is the sponsor, not the actor.
            if matches!(p, Piece::Country(..))
                && toks.get(h.tok.1).is_some_and(|t| word(norm, t) == "-")
                && toks
                    .get(h.tok.1 + 1)
                    .is_some_and(|t| SPONSORED.contains(&word(norm, t)))
            {
                continue;
            }
            // "an anti-Syria journalist", "the pro-Iranian Hezbollah": a stance towards a state,
            // not membership of it.
            if matches!(p, Piece::Country(..))
                && h.tok.0 > 1
                && word(norm, &toks[h.tok.0 - 1]) == "-"
                && matches!(word(norm, &toks[h.tok.0 - 2]), "anti" | "pro")
            {
                continue;
            }
            // "Montenegro Municipality Association (AKK)": a bracketed abbreviation after a name
            // is that name's, not a namesake politician's.
            if matches!(p, Piece::Person(_))
                && h.tok.0 > 0
                && word(norm, &toks[h.tok.0 - 1]) == "("
                && toks.get(h.tok.1).is_some_and(|t| word(norm, t) == ")")
            {
                continue;
            }
            let h = h.clone();
            if let Piece::Person(i) = p {
                memory.person_for.insert(key.to_string(), i);
                // Remember the surname too, so a later bare surname picks the same person.
                if let Some(last) = key.rsplit(' ').next() {
                    memory.person_for.entry(last.to_string()).or_insert(i);
                }
            }
            if let Piece::Org(i) = p {
                memory.orgs.retain(|&o| o != i);
                memory.orgs.push(i);
            }
            pieces.push((h, p));
        }
    }

    let mut out: Vec<Phrase> = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        let start_tok = pieces[i].0.tok.0;
        let mut end_tok = pieces[i].0.tok.1;
        let mut group = vec![pieces[i].1];
        let mut j = i + 1;
        // Extend over glue words to the next piece when the combination reads as one phrase.
        while j < pieces.len() {
            let gap = &toks[end_tok..pieces[j].0.tok.0];
            let glue_ok = gap.iter().all(|t| GLUE.contains(&word(norm, t)));
            // "of" and "for" link an office to its state: "Minister for Foreign Affairs of
            // Kenya", "a spokesman for President Ghani".
            let has_of = gap.iter().any(|t| matches!(word(norm, t), "of" | "for"));
            let next = pieces[j].1;
            let last = *group.last().unwrap_or(&next);
            // "rebels in Mali", "students from Kenya": a kind of actor placed in a country
            // with nothing else to say whose it is belongs to that country.
            let gap_words: Vec<&str> = gap.iter().map(|t| word(norm, t)).collect();
            let placed = matches!(
                gap_words.as_slice(),
                ["in"] | ["in", "the"] | ["from"] | ["from", "the"]
            ) && group.iter().all(|g| matches!(g, Piece::Agent(_)))
                && matches!(next, Piece::Country(_, Form::CountryName | Form::Capital));
            if placed {
                group.push(next);
                end_tok = pieces[j].0.tok.1;
                j += 1;
                break;
            }
            let fits = match (last, next) {
                (Piece::Country(_, f), Piece::Agent(_) | Piece::Person(_) | Piece::Entity(_)) => {
                    !has_of && f != Form::People
                }
                (Piece::Agent(_), Piece::Person(_)) => !has_of,
                (Piece::Agent(_), Piece::Agent(_)) => true,
                (
                    Piece::Agent(_),
                    Piece::Country(_, Form::CountryName | Form::Capital | Form::Adjective),
                ) => has_of,
                (Piece::Agent(_), Piece::Org(_) | Piece::Entity(_)) => has_of,
                (Piece::Org(_), Piece::Agent(_) | Piece::Person(_)) => !has_of,
                // "Ontario's premier", "the Kharkiv governor".
                (Piece::Place(_), Piece::Agent(_)) => !has_of,
                (Piece::Entity(_), Piece::Agent(_) | Piece::Person(_)) => !has_of,
                _ => false,
            };
            // "Saudi-led forces": the state leading a force is the force's state.
            let led = matches!(gap_words.as_slice(), ["-", "led"])
                && matches!(last, Piece::Country(..))
                && matches!(next, Piece::Agent(_));
            let joins = led || (glue_ok && fits);
            if !joins {
                break;
            }
            group.push(next);
            end_tok = pieces[j].0.tok.1;
            j += 1;
        }
        let mut phrase = compose(kb, &group, date, start_tok, end_tok, toks, norm);
        // "Turkish Defense Minister Hulusi Akar": take an unknown capitalised name after a title.
        if matches!(group.last(), Some(Piece::Agent(a)) if kb.agents[*a].person) {
            let mut k = end_tok;
            while k < toks.len()
                && k < end_tok + 4
                && toks[k].kind == TokenKind::Word
                && toks[k].cap
                && pieces.get(j).is_none_or(|p| p.0.tok.0 > k)
            {
                k += 1;
            }
            if k > end_tok {
                let span = Span::new(toks[end_tok].span.start, toks[k - 1].span.end);
                let name = norm.text[span.start..span.end].to_string();
                phrase.tokens.1 = k;
                phrase.span.end = span.end;
                phrase.person = true;
                phrase.unknown_name = Some(name);
                // A named newcomer is not a reference back to someone already met.
                phrase.reference = None;
            }
        }
        out.push(phrase);
        i = j;
    }

    add_references(norm, toks, &mut out);
    out.sort_by_key(|p| p.tokens.0);
    // Overlaps can only come from a title's trailing name running into a reference: keep the first.
    let mut last_end = 0;
    out.retain(|p| {
        let keep = p.tokens.0 >= last_end;
        if keep {
            last_end = p.tokens.1;
        }
        keep
    });
    // Conjunctions between phrases: "Kazakhstan and Turkmenistan", "A, B and C".
    for w in 0..out.len().saturating_sub(1) {
        let gap = &toks[out[w].tokens.1..out[w + 1].tokens.0];
        // Titles' modifiers ("and outgoing Prime Minister X") and the hyphen of "Mexican- and
        // Canadian-made" do not break the list.
        let words: Vec<&str> = gap
            .iter()
            .map(|t| word(norm, t))
            .filter(|w| {
                !matches!(
                    *w,
                    "-" | "outgoing"
                        | "former"
                        | "incoming"
                        | "acting"
                        | "interim"
                        | "new"
                        | "visiting"
                )
            })
            .collect();
        // "In Kenya, Judge Okafor said": a fronted place and the subject after its comma are
        // not a list.
        let fronted = words.as_slice() == [","]
            && (1..=4).contains(&out[w].tokens.0)
            && matches!(
                word(norm, &toks[out[w].tokens.0 - 1]),
                "in" | "at" | "from" | "across" | "inside" | "outside" | "near"
            );
        out[w].joined_next = !fronted
            && matches!(
                words.as_slice(),
                ["and"]
                    | [","]
                    | ["and", "the"]
                    | [",", "and"]
                    | ["as", "well", "as"]
                    | ["and", "his"]
                    | ["and", "her"]
                    | ["and", "its"]
                    | ["and", "their"]
            );
    }
    out
}

fn compose(
    kb: &Knowledge,
    group: &[Piece],
    date: Option<NaiveDate>,
    start: usize,
    end: usize,
    toks: &[Token],
    norm: &Normalized,
) -> Phrase {
    let mut p = Phrase {
        tokens: (start, end),
        span: Span::new(toks[start].span.start, toks[end - 1].span.end),
        code: None,
        sector: None,
        name: None,
        person: false,
        placelike: None,
        country_only: group.len() == 1 && matches!(group[0], Piece::Country(..)),
        reference: None,
        unknown_name: None,
        joined_next: false,
    };
    let mut agent_sector: Option<String> = None;
    for piece in group {
        match *piece {
            Piece::Country(c, form) => {
                if p.code.is_none() {
                    p.code = Some(kb.countries[c].code.clone());
                }
                if group.len() == 1 {
                    p.name = Some(kb.countries[c].name.clone());
                    match form {
                        Form::Capital => {
                            p.sector = Some("GOV".into());
                            p.placelike = Some(c);
                        }
                        Form::People => p.sector = Some("CVL".into()),
                        _ => {}
                    }
                }
            }
            Piece::Person(i) => {
                p.person = true;
                p.name = Some(kb.people[i].name.clone());
                match kb.term_on(i, date) {
                    Some(t) => {
                        p.code = Some(t.code.clone());
                        p.sector = t.sector.clone();
                    }
                    None => {
                        // Out of office on that date: still of their state, no office.
                        let latest = kb.people[i].terms.iter().max_by_key(|t| t.start);
                        if p.code.is_none() {
                            p.code = latest.map(|t| t.code.clone());
                        }
                        p.sector = None;
                        agent_sector = None;
                    }
                }
            }
            Piece::Org(i) => {
                let o = &kb.orgs[i];
                p.code = Some(o.code.clone());
                p.name = Some(o.name.clone());
                p.sector = Some("IGO".into());
            }
            Piece::Entity(i) => {
                let e = &kb.entities[i];
                if e.code.is_some() {
                    p.code = e.code.clone();
                }
                p.sector = e.sector.clone();
                p.name = Some(e.name.clone());
            }
            Piece::Agent(a) => {
                let ag = &kb.agents[a];
                if ag.person {
                    p.person = true;
                }
                if agent_sector.is_none() {
                    agent_sector = Some(ag.sector.clone());
                }
            }
            Piece::Place(i) => {
                p.placelike = Some(usize::MAX);
                p.name = Some(kb.places[i].name.clone());
                p.code = Some(kb.places[i].country.clone());
            }
        }
    }
    if !matches!(group.last(), Some(Piece::Person(_))) || p.sector.is_none() {
        if let Some(s) = agent_sector {
            if !(p.person && p.sector.is_some()) {
                p.sector = Some(s);
            }
        }
    }
    // A bare government agent with no code ("the president", "officials", "the two
    // delegations") refers back to someone; "separatists" or "protesters" do not.
    let governmental = group
        .iter()
        .any(|g| matches!(g, Piece::Agent(a) if kb.agents[*a].sector == "GOV"));
    if p.code.is_none() && governmental && group.iter().all(|g| matches!(g, Piece::Agent(_))) {
        // The number is the head's, the phrase's last word ("official delegations").
        let head = word(norm, &toks[end - 1]);
        let prev = if start > 0 {
            word(norm, &toks[start - 1])
        } else {
            ""
        };
        let plural = head.ends_with('s') && !head.ends_with("ss") || matches!(prev, "two" | "both");
        p.reference = Some(if plural {
            Reference::Pair
        } else {
            Reference::One
        });
    }
    p
}

/// Pronouns and collective references: "he", "she", "they", "the two presidents", "both sides".
fn add_references(norm: &Normalized, toks: &[Token], out: &mut Vec<Phrase>) {
    for (i, t) in toks.iter().enumerate() {
        if out.iter().any(|p| p.tokens.0 <= i && i < p.tokens.1) {
            continue;
        }
        let w = word(norm, t);
        let next = toks.get(i + 1).map(|n| word(norm, n)).unwrap_or("");
        let (kind, len) = match w {
            // Object forms too: "to pressure them", "awarded him" ("her" is left out: it is
            // as often a possessive).
            "he" | "she" | "him" => (Reference::One, 1),
            "they" | "them" => (Reference::Pair, 1),
            "both" | "two"
                if matches!(
                    next,
                    "sides"
                        | "countries"
                        | "leaders"
                        | "nations"
                        | "governments"
                        | "parties"
                        | "states"
                        | "neighbours"
                        | "neighbors"
                        | "capitals"
                        | "allies"
                ) =>
            {
                (Reference::Pair, 2)
            }
            "counterpart" | "counterparts" => (Reference::Counterpart, 1),
            _ => continue,
        };
        // "the two presidents" is caught as an agent with a plural reference already.
        let end = (i + len).min(toks.len());
        out.push(Phrase {
            tokens: (i, end),
            span: Span::new(t.span.start, toks[end - 1].span.end),
            code: None,
            sector: None,
            name: None,
            person: kind == Reference::One,
            placelike: None,
            country_only: false,
            reference: Some(kind),
            unknown_name: None,
            joined_next: false,
        });
    }
}

/// Is token `i` preceded by a locative preposition ("in Moscow")?
pub fn after_locative(norm: &Normalized, toks: &[Token], i: usize) -> bool {
    let mut k = i;
    while k > 0 {
        k -= 1;
        let w = word(norm, &toks[k]);
        if w == "the" {
            continue;
        }
        return LOCATIVE.contains(&w);
    }
    false
}

/// Resolve one free-standing mention, as `dyad actor` does: the main actor phrase of `text`.
pub fn resolve_text(kb: &Knowledge, gaz: &Gazetteer, text: &str, date: Option<NaiveDate>) -> Actor {
    let norm = Normalized::new(text);
    let toks = tokenize(&norm);
    let mut memory = Memory::default();
    let ps = phrases(kb, gaz, &norm, &toks, date, &mut memory);
    // The head is the longest resolved phrase; ties go to the first.
    let best = ps
        .iter()
        .filter(|p| p.code.is_some() || p.sector.is_some())
        .max_by(|a, b| {
            (a.tokens.1 - a.tokens.0)
                .cmp(&(b.tokens.1 - b.tokens.0))
                .then(b.tokens.0.cmp(&a.tokens.0))
        });
    match best {
        Some(p) => Actor {
            text: text.to_string(),
            code: p.code.clone(),
            sector: p.sector.clone(),
            name: p.name.clone().or_else(|| p.unknown_name.clone()),
        },
        None => Actor {
            text: text.to_string(),
            code: None,
            sector: None,
            name: None,
        },
    }
}
