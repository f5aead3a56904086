//! The extraction pipeline: one report in, its events and facts out.
//!
//! read → segment → normalise/tokenise → actors (with the document's memory) → predicate
//! matches → roles (subject, object, passive, compounds, references) → events; quantities →
//! facts; then one event per real-world event of the document.

use crate::actors::{self, Actor, Gazetteer, Memory, Reference};
use crate::consolidate::consolidate;
use crate::dates::find_dates;
use crate::document::Document;
use crate::error::Result;
use crate::events::Coder;
use crate::facts;
use crate::knowledge::{Form, Knowledge};
use crate::lexicon::{Lexicon, RuleMatch};
use crate::numbers::quantities;
use crate::record::{DocumentRecord, EventRecord, Evidence, FactRecord, Location};
pub use crate::sentence::{DocState, Sentence};
use crate::syntax::{Syntax, Tree};
use crate::text::{sentences, title_case, tokenize, CharIndex, Normalized, Span};
use chrono::NaiveDate;

/// The compiled extractor: knowledge, gazetteer and lexicon, built once and shared by threads.
pub struct Extractor {
    kb: Knowledge,
    gaz: Gazetteer,
    lex: Lexicon,
    coder: Coder,
    syntax: &'static Syntax,
}

/// Everything extracted from one document.
#[derive(Debug, Clone)]
pub struct Extraction {
    pub document: DocumentRecord,
    pub events: Vec<EventRecord>,
    pub facts: Vec<FactRecord>,
}

/// Sectors whose unnamed members (students, police, strikers, opposition) are taken to be of
/// the country where the sentence places them.
const LOCALS: &[&str] = &["CVL", "POL", "LAB", "EDU", "OPP"];
const DOMESTIC: &[&str] = &[
    "CVL", "POL", "LAB", "EDU", "OPP", "LEG", "JUD", "REL", "MED", "BUS", "HLH", "REB",
];

impl Extractor {
    pub fn new(kb: Knowledge) -> Result<Extractor> {
        let lex = Lexicon::new(&kb.verb_files)?;
        let gaz = Gazetteer::new(&kb);
        let coder = Coder::new(&kb)?;
        let syntax = Syntax::builtin()?;
        Ok(Extractor {
            kb,
            gaz,
            lex,
            coder,
            syntax,
        })
    }

    /// The extractor with the built-in knowledge only.
    pub fn builtin() -> Result<Extractor> {
        Extractor::new(Knowledge::builtin()?)
    }

    pub fn knowledge(&self) -> &Knowledge {
        &self.kb
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// Resolve a free-standing mention (`dyad actor`).
    pub fn resolve(&self, text: &str, date: Option<NaiveDate>) -> Actor {
        actors::resolve_text(&self.kb, &self.gaz, text, date)
    }

    /// Analyse the sentences of a document (exposed for tests and tools).
    pub fn analyse(&self, doc: &Document, state: &mut DocState) -> Vec<Sentence> {
        let body = doc.body.as_str();
        let skip = doc.dateline.as_ref().map_or(0, |d| d.span.end);
        let mut memory = Memory::default();
        let mut out = Vec::new();
        for s in sentences(&body[skip..]) {
            let span = Span::new(s.start + skip, s.end + skip);
            let norm = Normalized::new(&body[span.start..span.end]);
            let toks = tokenize(&norm);
            let phrases = actors::phrases(&self.kb, &self.gaz, &norm, &toks, doc.date, &mut memory);
            let dates = find_dates(&norm, &toks, doc.date);
            let quantities = quantities(&norm, &toks);
            let matches = self.lex.matches(&norm, &toks);
            let mut phrase_of = vec![None; toks.len()];
            for (i, p) in phrases.iter().enumerate() {
                for slot in phrase_of.iter_mut().take(p.tokens.1).skip(p.tokens.0) {
                    *slot = Some(i);
                }
            }
            let mut sent = Sentence {
                span,
                norm,
                toks,
                phrases,
                actors: Vec::new(),
                dates,
                quantities,
                place: None,
                matches,
                tree: None,
                phrase_of,
            };
            sent.place = sentence_place(&sent);
            sent.actors = self.resolve_phrases(body, &sent, state);
            // Only a sentence with a predicate and an actor can hold an event: only it is parsed.
            let named = sent.actors.iter().any(|a| !a.is_empty());
            if !sent.matches.is_empty() && named {
                sent.tree = self.parse_if(body, &sent, true);
            }
            out.push(sent);
        }
        out
    }

    /// Tag, lemmatise and parse a sentence's tokens.
    ///
    /// Each actor phrase of several words is parsed as one word, its head ("German Foreign
    /// Minister Oskar Fischer" as "Fischer", "Presidents of Ghana" as "Presidents"): names and
    /// titles are what a parser trained on web text reads worst, the coder needs only the
    /// phrase's place in the sentence, and a shorter sentence parses faster. The phrase's other
    /// words are then hung from its head as `flat`.
    pub fn parse(&self, body: &str, s: &Sentence) -> Tree {
        self.parse_if(body, s, false).unwrap_or_default()
    }

    /// Parse, or with `gate`, only when the tags leave a lexicon match that can be a
    /// predicate (a verb, or an event noun, outside any actor's name): tagging is cheap,
    /// parsing is not, and "March", "close" or "free" as adjectives need no tree.
    fn parse_if(&self, body: &str, s: &Sentence, gate: bool) -> Option<Tree> {
        let n = s.toks.len();
        // For each parsed word: the token range it stands for and its representative token.
        let mut groups: Vec<(usize, usize, usize)> = Vec::with_capacity(n);
        let mut i = 0;
        while i < n {
            match s.phrase_at(i) {
                Some(p) if s.phrases[p].tokens.0 == i && s.phrases[p].tokens.1 > i + 1 => {
                    let (a, b) = s.phrases[p].tokens;
                    let b = b.min(n);
                    let of = (a + 1..b).find(|&k| s.word(k) == "of");
                    let rep = of.map_or(b - 1, |k| k - 1);
                    groups.push((a, b, rep));
                    i = b;
                }
                _ => {
                    let b = hyphen_compound_end(s, i);
                    groups.push((i, b, b - 1));
                    i = b;
                }
            }
        }
        // A hyphenated word is one word to the parser, as in UD ("re-opened", "long-range"),
        // and its last part is its head; only the actor phrases were split out of it.
        let words: Vec<&str> = groups
            .iter()
            .map(|&(a, b, r)| {
                if s.phrase_at(r).is_some() {
                    s.original(body, (r, r + 1))
                } else {
                    s.original(body, (a, b))
                }
            })
            .collect();
        // A phrase the gazetteer named ("Trump", "Kenya", "the Foreign Ministry") is a proper
        // noun whatever a dictionary says of its words; "officials" and "the president" stay
        // common nouns.
        let fixed: Vec<Option<crate::syntax::Upos>> = groups
            .iter()
            .map(|&(_, _, r)| {
                let p = &s.phrases[s.phrase_at(r)?];
                let named = p.name.is_some() || p.unknown_name.is_some() || p.country_only;
                let cap = s.toks[r].cap;
                if p.reference.is_some() {
                    None
                } else if named && cap && !s.word(r).ends_with("ian") {
                    Some(crate::syntax::Upos::Propn)
                } else if !cap && s.toks[r].kind == crate::text::TokenKind::Word {
                    Some(crate::syntax::Upos::Noun)
                } else {
                    None
                }
            })
            .collect();
        let tagged = self.syntax.tag_with(&words, &fixed);
        if gate {
            let group_of = |t: usize| groups.iter().position(|g| g.0 <= t && t < g.1);
            let candidate = s.matches.iter().flat_map(|m| m.readings()).any(|m| {
                s.phrase_at(m.trigger).is_none()
                    && (!self.lex.rules[m.rule].names_verb()
                        || group_of(m.trigger).is_some_and(|g| {
                            crate::events::predicate::verbal_tag(tagged.upos[g], s.word(m.trigger))
                        }))
            });
            if !candidate {
                return None;
            }
        }
        let a = self.syntax.parse_tagged(&words, tagged);
        let mut full = crate::syntax::Analysis {
            upos: vec![crate::syntax::Upos::Propn; n],
            lemmas: (0..n).map(|k| s.word(k).to_string()).collect(),
            heads: vec![0; n],
            deps: vec![crate::syntax::Dep::Flat; n],
        };
        for (g, &(start, end, rep)) in groups.iter().enumerate() {
            full.upos[rep] = a.upos[g];
            // The coder reads the head's lemma: "re-opened" opens.
            full.lemmas[rep] = match a.lemmas[g].rsplit_once('-') {
                Some((_, last)) if end > start + 1 && !last.is_empty() => last.to_string(),
                _ => a.lemmas[g].clone(),
            };
            full.deps[rep] = a.deps[g];
            full.heads[rep] = match a.heads[g] {
                0 => 0,
                h => groups.get(h - 1).map_or(0, |x| x.2 + 1),
            };
            for k in (start..end).filter(|&k| k != rep) {
                full.heads[k] = rep + 1;
            }
        }
        Some(Tree::new(full))
    }

    pub fn syntax(&self) -> &Syntax {
        self.syntax
    }

    fn resolve_phrases(&self, body: &str, s: &Sentence, state: &mut DocState) -> Vec<Vec<Actor>> {
        let mut out: Vec<Vec<Actor>> = Vec::with_capacity(s.phrases.len());
        let mut persons_here: Vec<Actor> = Vec::new();
        // Without a dateline, the country where the sentence is set ("marched in Nairobi",
        // "strikes across Ghana") is the home of its unnamed students, police and workers.
        let local: Option<String> = s.place.and_then(|i| s.phrases[i].code.clone());
        // "Fijian rebels said they will...": a plural group named earlier in the sentence is
        // what "they" means, unless the sentence itself listed several parties.
        let mut group_here: Option<Actor> = None;
        let mut list_here = false;
        for (pi, p) in s.phrases.iter().enumerate() {
            let text = s.original(body, p.tokens).to_string();
            let mut resolved: Vec<Actor> = Vec::new();
            if p.code.is_some() {
                // "ethnic Albanians in Macedonia": a minority belongs to the state it lives in.
                let ethnic = p.tokens.0 > 0 && s.word(p.tokens.0 - 1) == "ethnic";
                let code = match (&local, ethnic) {
                    (Some(l), true) => Some(l.clone()),
                    _ => p.code.clone(),
                };
                let a = Actor {
                    text,
                    code,
                    sector: p.sector.clone(),
                    name: p
                        .name
                        .clone()
                        .or_else(|| p.unknown_name.as_deref().map(title_case)),
                };
                // A capital after "in" is a place, not an actor.
                let place =
                    p.placelike.is_some() && actors::after_locative(&s.norm, &s.toks, p.tokens.0);
                if !place {
                    state.note(&a, p.person);
                    if p.person {
                        persons_here.push(a.clone());
                    }
                    resolved.push(a);
                }
            } else if let Some(r) = p.reference {
                let head = s.word(p.tokens.1 - 1);
                // "the officials" after "Iraqi officials": the group its head noun names.
                let named_group = (r == Reference::Pair)
                    .then(|| state.group_named(head))
                    .flatten()
                    .cloned();
                match r {
                    Reference::Pair if named_group.is_some() && group_here.is_none() => {
                        if let Some(g) = named_group {
                            resolved.push(Actor { text, ..g });
                        }
                    }
                    Reference::One => {
                        if let Some(a) = &state.last_person {
                            resolved.push(Actor { text, ..a.clone() });
                        }
                    }
                    Reference::Pair if !list_here && group_here.is_some() => {
                        if let Some(g) = &group_here {
                            resolved.push(Actor {
                                text: text.clone(),
                                ..g.clone()
                            });
                        }
                    }
                    Reference::Pair if state.last_group.len() > 2 => {
                        for a in &state.last_group {
                            resolved.push(Actor {
                                text: text.clone(),
                                ..a.clone()
                            });
                        }
                    }
                    Reference::Pair | Reference::Counterpart => {
                        if let Some((a, b)) = state.pair() {
                            resolved.push(Actor {
                                text: text.clone(),
                                ..a
                            });
                            resolved.push(Actor { text, ..b });
                        } else if let Some((_, g)) =
                            state.groups.last().filter(|_| r == Reference::Pair)
                        {
                            // No pair in view: "they" are the last group named.
                            resolved.push(Actor { text, ..g.clone() });
                        }
                    }
                }
            } else if let Some(g) = definite_group(s, p, state) {
                // "the troops" after "Sudanese troops": the group named before.
                resolved.push(Actor { text, ..g });
            } else if let (Some(home), Some(sector)) =
                (state.home.as_ref().or(local.as_ref()), &p.sector)
            {
                // Sentence-local homes only for the people a place is likely to be home to.
                let from_dateline = state.home.is_some();
                let sectors: &[&str] = if from_dateline { DOMESTIC } else { LOCALS };
                if sectors.contains(&sector.as_str()) {
                    resolved.push(Actor {
                        text,
                        code: Some(home.clone()),
                        sector: Some(sector.clone()),
                        name: None,
                    });
                }
            }
            // Compound groups set the pair for later "the two" references.
            if pi > 0 && s.phrases[pi - 1].joined_next {
                if let (Some(prev), Some(cur)) =
                    (out.last().and_then(|v| v.first()), resolved.first())
                {
                    if prev.code.is_some() && cur.code.is_some() && prev.code != cur.code {
                        list_here = true;
                        state.last_pair = Some((prev.clone(), cur.clone()));
                        let mut k = pi;
                        let mut group = vec![cur.clone()];
                        while k > 0 && s.phrases[k - 1].joined_next {
                            k -= 1;
                            if let Some(a) = out[k].first() {
                                if !group.iter().any(|g| g.code == a.code) {
                                    group.insert(0, a.clone());
                                }
                            }
                        }
                        state.last_group = group;
                    }
                }
            }
            let head = s.word(p.tokens.1 - 1);
            let plural = head.ends_with('s') && !head.ends_with("ss");
            if plural
                && !p.person
                && p.placelike.is_none()
                && !p.country_only
                && p.reference.is_none()
            {
                if let [a] = resolved.as_slice() {
                    group_here = Some(a.clone());
                    state.note_group(head, a);
                }
            }
            out.push(resolved);
        }
        let mut distinct: Vec<Actor> = Vec::new();
        for a in persons_here {
            if !distinct.iter().any(|d| d.code == a.code) {
                distinct.push(a);
            }
        }
        if distinct.len() == 2 {
            state.last_pair = Some((distinct[0].clone(), distinct[1].clone()));
            state.last_group.clear();
        }
        out
    }

    fn dateline_location(&self, doc: &Document) -> Option<Location> {
        let dl = doc.dateline.as_ref()?;
        let city = dl.place.split(',').next()?.trim();
        let key = crate::knowledge::normalize_key(city);
        let mut best: Option<Location> = None;
        let mut best_score = -1.0;
        for a in self.kb.aliases.iter().filter(|a| a.key == key) {
            let (loc, score) = match a.form {
                Form::Capital => {
                    let c = &self.kb.countries[a.index];
                    (
                        Location {
                            name: c.capital.clone(),
                            country: c.code.clone(),
                            lat: c.lat,
                            lon: c.lon,
                        },
                        1e12,
                    )
                }
                Form::Place => {
                    let p = &self.kb.places[a.index];
                    (
                        Location {
                            name: p.name.clone(),
                            country: p.country.clone(),
                            lat: Some(p.lat),
                            lon: Some(p.lon),
                        },
                        p.population as f64,
                    )
                }
                _ => continue,
            };
            if score > best_score {
                best_score = score;
                best = Some(loc);
            }
        }
        best
    }

    /// Extract events and facts from one document.
    pub fn extract(&self, doc: &Document) -> Extraction {
        let date_str = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
        let home_loc = self.dateline_location(doc);
        let mut state = DocState {
            home: home_loc.as_ref().map(|l| l.country.clone()),
            ..Default::default()
        };
        let sents = self.analyse(doc, &mut state);
        let index = CharIndex::new(&doc.body);
        let mut events: Vec<(EventRecord, bool)> = Vec::new();
        let mut facts_out: Vec<FactRecord> = Vec::new();
        let mut pairs_state = DocState {
            home: state.home.clone(),
            ..Default::default()
        };
        for s in &sents {
            let evidence = Evidence {
                text: doc.body[s.span.start..s.span.end].to_string(),
                start: index.chars(s.span.start),
                end: index.chars(s.span.end),
            };
            // Re-track the pair as the document unfolds, sentence by sentence.
            for (p, acts) in s.phrases.iter().zip(&s.actors) {
                for a in acts {
                    pairs_state.note(a, p.person);
                }
            }
            let sent_date = |tok: usize| -> Option<NaiveDate> {
                s.dates
                    .iter()
                    .min_by_key(|d| (d.tokens.0 as i64 - tok as i64).abs())
                    .map(|d| d.date)
                    .or(doc.date)
            };
            let location = self
                .sentence_location(s)
                .or_else(|| self.capital_location(s, &state))
                .or_else(|| home_loc.clone());
            let Some(tree) = &s.tree else {
                facts_out.extend(facts::extract(
                    doc,
                    s,
                    &evidence,
                    &pairs_state,
                    date_str(sent_date(0)),
                ));
                continue;
            };
            for m in &s.matches {
                let (m, coded) = self
                    .coder
                    .code(&self.kb, &self.lex, &doc.body, s, tree, &state, m);
                for e in coded {
                    let crate::events::Coded {
                        source: src,
                        target: tgt,
                        negated,
                        hypothetical,
                        plover,
                        cameo,
                        rule,
                        confidence: conf,
                    } = e;
                    let rule_ref = &self.lex.rules[m.rule];
                    let code = self.kb.cameo.get(&cameo);
                    let (count, topics) = if rule_ref.name.starts_with("sign-agreement") {
                        agreement_details(doc, s, m)
                    } else {
                        (None, Vec::new())
                    };
                    let event = EventRecord {
                        record: "event",
                        doc: doc.id.clone(),
                        date: date_str(sent_date(m.trigger)),
                        kind: plover.clone(),
                        mode: if plover == rule_ref.plover {
                            rule_ref.mode.clone()
                        } else {
                            None
                        },
                        cameo: Some(cameo.clone()),
                        source: src,
                        target: tgt,
                        location: location.clone(),
                        evidence: evidence.clone(),
                        count,
                        topics,
                        context: code.map(|c| c.context.clone()).unwrap_or_default(),
                        goldstein: code.and_then(|c| c.goldstein),
                        rule,
                        confidence: conf,
                        mentions: 1,
                        negated,
                        hypothetical,
                    };
                    events.push((event, !s.dates.is_empty()));
                }
            }
            facts_out.extend(facts::extract(
                doc,
                s,
                &evidence,
                &pairs_state,
                date_str(sent_date(0)),
            ));
        }
        let events = consolidate(events);
        let facts_out = facts::consolidate(facts_out);
        Extraction {
            document: DocumentRecord {
                record: "document",
                doc: doc.id.clone(),
                date: date_str(doc.date),
                title: doc.title.clone(),
                url: doc.url.clone(),
                source: doc.source.clone(),
                dateline: doc.dateline.as_ref().map(|d| d.place.clone()),
                sentences: sents.len(),
                body: doc.body.clone(),
            },
            events,
            facts: facts_out,
        }
    }

    /// "in the capital", "in the country's capital": the capital of the state the report is
    /// about (its dateline's, else the one it names most).
    fn capital_location(&self, s: &Sentence, state: &DocState) -> Option<Location> {
        let n = s.toks.len();
        let said = (0..n).any(|i| {
            s.word(i) == "in"
                && (i + 2..(i + 5).min(n)).any(|k| {
                    s.word(k) == "capital"
                        && (i + 1..k).all(|j| {
                            matches!(s.word(j), "the" | "country" | "'s" | "nation" | "nation's")
                        })
                })
        });
        if said {
            let c = self.kb.country(&state.main_country()?)?;
            return Some(Location {
                name: c.capital.clone(),
                country: c.code.clone(),
                lat: c.lat,
                lon: c.lon,
            });
        }
        // "on the border with Belarus": the frontier of the report's state with that one.
        let border =
            (0..n.saturating_sub(2)).find(|&i| s.word(i) == "border" && s.word(i + 1) == "with")?;
        let other = s
            .phrases
            .iter()
            .zip(&s.actors)
            .find(|(p, a)| p.tokens.0 == border + 2 && !a.is_empty())
            .and_then(|(_, a)| a[0].code.clone())?;
        let home = state.main_country().filter(|h| *h != other)?;
        let name = format!(
            "border of {} with {}",
            self.kb.country(&home)?.name,
            self.kb.country(&other)?.name
        );
        Some(Location {
            name,
            country: home,
            lat: None,
            lon: None,
        })
    }

    fn sentence_location(&self, s: &Sentence) -> Option<Location> {
        for p in &s.phrases {
            if p.placelike.is_some() && actors::after_locative(&s.norm, &s.toks, p.tokens.0) {
                let code = p.code.clone()?;
                let (lat, lon) = match p.placelike {
                    Some(i) if i != usize::MAX => {
                        (self.kb.countries[i].lat, self.kb.countries[i].lon)
                    }
                    _ => (None, None),
                };
                let name = match p.placelike {
                    Some(i) if i != usize::MAX => self.kb.countries[i].capital.clone(),
                    _ => p.name.clone().unwrap_or_default(),
                };
                return Some(Location {
                    name,
                    country: code,
                    lat,
                    lon,
                });
            }
        }
        None
    }
}

/// The phrase naming where a sentence is set: "in Nairobi", "across Ghana", "near Macedonia's
/// border", "outside the Iraqi city of Basra".
/// A definite group without a state ("the troops", "the rebels") that repeats the head
/// noun of a group named earlier in the report means that group.
fn definite_group(s: &Sentence, p: &actors::Phrase, state: &DocState) -> Option<Actor> {
    let (a, b) = p.tokens;
    let definite = (a > 0 && s.word(a - 1) == "the") || (b > a + 1 && s.word(a) == "the");
    if !definite || p.person || p.placelike.is_some() {
        return None;
    }
    state.group_named(s.word(b - 1)).cloned()
}

fn sentence_place(s: &Sentence) -> Option<usize> {
    s.phrases.iter().position(|p| {
        if p.tokens.0 == 0 || !(p.country_only || p.placelike.is_some()) {
            return false;
        }
        let prev = s.word(p.tokens.0 - 1);
        let prev2 = if p.tokens.0 > 1 {
            s.word(p.tokens.0 - 2)
        } else {
            ""
        };
        let next = s.word(p.tokens.1.min(s.toks.len().saturating_sub(1)));
        let settlement = |w: &str| {
            matches!(
                w,
                "city" | "town" | "village" | "province" | "region" | "district" | "capital"
            )
        };
        (actors::after_locative(&s.norm, &s.toks, p.tokens.0)
            && !matches!(prev, "from" | "between" | "toward" | "towards"))
            || (prev == "of" && settlement(prev2))
            || (p.tokens.1 < s.toks.len() && settlement(next) && matches!(prev, "the" | "a"))
    })
}

/// Count and topics of a signing: "exchanged 11 agreements covering trade, transport and ...".
fn agreement_details(doc: &Document, s: &Sentence, m: &RuleMatch) -> (Option<u64>, Vec<String>) {
    let count = s
        .quantities
        .iter()
        .find(|q| {
            q.tokens.0 >= m.tokens.0
                && q.tokens.1 <= m.tokens.1 + 1
                && q.unit == crate::numbers::Unit::Count
        })
        .map(|q| q.value as u64);
    let mut topics = Vec::new();
    let mut k = m.tokens.1;
    // Skip to "covering", "on", "in the fields of", "in areas such as".
    let lead = [
        "covering",
        "on",
        "in",
        "including",
        "concerning",
        "regarding",
        "spanning",
        "related",
    ];
    while k < s.toks.len() && k < m.tokens.1 + 4 && !lead.contains(&s.word(k)) {
        k += 1;
    }
    if k < s.toks.len() && lead.contains(&s.word(k)) {
        k += 1;
        while k < s.toks.len()
            && matches!(
                s.word(k),
                "the" | "fields" | "areas" | "of" | "such" | "as" | "to" | "spheres" | "sectors"
            )
        {
            k += 1;
        }
        let mut start = k;
        let end = s.toks.len();
        let mut items: Vec<(usize, usize)> = Vec::new();
        for j in k..end {
            let word = s.word(j);
            if word == "," || word == "." || word == ";" || j + 1 == end {
                let stop = if word == "," || word == "." || word == ";" {
                    j
                } else {
                    j + 1
                };
                if stop > start {
                    items.push((start, stop));
                }
                start = j + 1;
                if word != "," {
                    break;
                }
            }
        }
        // "A, B and C": split the last item on its "and" only when the list had commas.
        for (a, b) in items {
            let mut a = a;
            if s.word(a) == "and" {
                a += 1;
            }
            if a < b {
                topics.push(s.original(&doc.body, (a, b)).to_string());
            }
        }
        if topics.len() < 2 {
            topics.clear();
        }
    }
    (count, topics)
}

/// The end of the hyphenated word starting at token `i` ("re - opened" written "re-opened"),
/// or `i + 1` when the token stands alone. A part that names an actor ends the word, so that
/// "Iranian-backed" keeps its actor.
fn hyphen_compound_end(s: &Sentence, i: usize) -> usize {
    use crate::text::TokenKind;
    let word = |k: usize| {
        s.toks.get(k).is_some_and(|t| t.kind != TokenKind::Punct) && s.phrase_at(k).is_none()
    };
    let touching = |k: usize| s.toks[k].span.end == s.toks[k + 1].span.start;
    if !word(i) {
        return i + 1;
    }
    let mut end = i + 1;
    while end + 1 < s.toks.len()
        && s.word(end) == "-"
        && word(end + 1)
        && touching(end - 1)
        && touching(end)
    {
        end += 2;
    }
    end
}
