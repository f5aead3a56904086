//! The extraction pipeline: one report in, its events and facts out.
//!
//! read → segment → normalise/tokenise → actors (with the document's memory) → predicate
//! matches → roles (subject, object, passive, compounds, references) → events; quantities →
//! facts; then one event per real-world event of the document.

use crate::actors::{self, Actor, Gazetteer, Memory, Phrase, Reference};
use crate::dates::{find_dates, DateMention};
use crate::document::Document;
use crate::error::Result;
use crate::facts;
use crate::knowledge::{Form, Knowledge};
use crate::lexicon::{Lexicon, RuleMatch, TargetSpec};
use crate::numbers::{quantities, Quantity};
use crate::record::{DocumentRecord, EventRecord, Evidence, FactRecord, Location};
use crate::text::{sentences, title_case, tokenize, CharIndex, Normalized, Span, Token};
use chrono::NaiveDate;
use std::collections::HashMap;

/// The compiled extractor: knowledge, gazetteer and lexicon, built once and shared by threads.
pub struct Extractor {
    kb: Knowledge,
    gaz: Gazetteer,
    lex: Lexicon,
}

/// Everything extracted from one document.
#[derive(Debug, Clone)]
pub struct Extraction {
    pub document: DocumentRecord,
    pub events: Vec<EventRecord>,
    pub facts: Vec<FactRecord>,
}

/// One analysed sentence.
pub struct Sentence {
    /// Byte span in the body.
    pub span: Span,
    pub norm: Normalized,
    pub toks: Vec<Token>,
    pub phrases: Vec<Phrase>,
    /// Resolved actors of each phrase (two for "the two presidents").
    pub actors: Vec<Vec<Actor>>,
    pub dates: Vec<DateMention>,
    /// The phrase naming where the sentence is set (see `sentence_place`), found once.
    pub place: Option<usize>,
    pub quantities: Vec<Quantity>,
}

impl Sentence {
    pub fn word(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .map(|t| &self.norm.text[t.span.start..t.span.end])
            .unwrap_or("")
    }
    /// Original text of a token range.
    pub fn original<'a>(&self, body: &'a str, tokens: (usize, usize)) -> &'a str {
        if tokens.0 >= tokens.1 || tokens.1 > self.toks.len() {
            return "";
        }
        let s = self.norm.original(Span::new(
            self.toks[tokens.0].span.start,
            self.toks[tokens.1 - 1].span.end,
        ));
        &body[self.span.start + s.start..self.span.start + s.end]
    }
}

/// Who the document has talked about so far, for "he", "they" and "the two presidents".
#[derive(Debug, Default)]
pub struct DocState {
    pub last_person: Option<Actor>,
    pub last_pair: Option<(Actor, Actor)>,
    /// The last list of three or more parties ("Mexico, Canada and China"), which "they" and
    /// "them" name in full while it is the latest group.
    pub last_group: Vec<Actor>,
    pub recent: Vec<Actor>,
    /// The dateline's country, for domestic actors named without a country ("protesters").
    pub home: Option<String>,
    /// How often each state has been named so far: the report's main country is where
    /// unlocated casualties and crowds are counted.
    pub mentions: Vec<(String, usize)>,
}

impl DocState {
    fn note(&mut self, a: &Actor, person: bool) {
        if a.code.is_none() {
            return;
        }
        if person {
            self.last_person = Some(a.clone());
        }
        if let Some(c) = a.code.as_deref().filter(|c| c.len() == 3) {
            match self.mentions.iter_mut().find(|(k, _)| k == c) {
                Some(e) => e.1 += 1,
                None => self.mentions.push((c.to_string(), 1)),
            }
        }
        self.recent.push(a.clone());
        if self.recent.len() > 12 {
            self.recent.remove(0);
        }
    }

    /// The state the report is about: the dateline's, else the one named most often.
    pub fn main_country(&self) -> Option<String> {
        self.home.clone().or_else(|| {
            self.mentions
                .iter()
                .max_by_key(|(_, n)| *n)
                .map(|(c, _)| c.clone())
        })
    }

    pub fn pair(&self) -> Option<(Actor, Actor)> {
        if let Some(p) = &self.last_pair {
            return Some(p.clone());
        }
        let mut distinct: Vec<&Actor> = Vec::new();
        for a in self.recent.iter().rev() {
            if !distinct.iter().any(|d| d.code == a.code) {
                distinct.push(a);
            }
            if distinct.len() == 2 {
                return Some((distinct[1].clone(), distinct[0].clone()));
            }
        }
        None
    }
}

/// Words that count or group the phrase after their "of": "hundreds of", "a group of".
const QUANTIFIERS: &[&str] = &[
    "hundreds",
    "thousands",
    "tens",
    "dozens",
    "millions",
    "scores",
    "hundred",
    "thousand",
    "dozen",
    "group",
    "groups",
    "crowd",
    "crowds",
    "number",
    "some",
    "many",
    "most",
    "several",
    "band",
    "contingent",
    "members",
    "member",
    "supporters",
];

const PREPOSITIONS: &[&str] = &[
    "of",
    "in",
    "at",
    "to",
    "from",
    "with",
    "for",
    "on",
    "by",
    "about",
    "against",
    "between",
    "over",
    "during",
    "after",
    "before",
    "under",
    "among",
    "including",
    "into",
    "than",
    "like",
    "toward",
    "towards",
    "near",
    "across",
    "amid",
    "despite",
    "via",
    "behind",
    "outside",
    "inside",
    "throughout",
    "within",
    "around",
    "beyond",
    "along",
];
const NEGATIONS: &[&str] = &["not", "never", "no", "cannot", "neither", "nor"];
const MODALS: &[&str] = &[
    "will", "would", "may", "might", "could", "should", "shall", "can", "must",
];
/// Modals that announce an act rather than oblige or allow it ("will", not "must").
const FUTURE: &[&str] = &["will", "would", "may", "might", "could", "shall", "'ll"];
/// Words before "to" that announce a plan ("plans to impose", "is prepared to use force").
const PLANS: &[&str] = &[
    "sworn",
    "swore",
    "swears",
    "plan",
    "plans",
    "planned",
    "planning",
    "intend",
    "intends",
    "intended",
    "prepared",
    "preparing",
    "ready",
    "vowed",
    "vows",
    "vow",
];
/// Words before "to" that announce the speaker's own intent ("plans to visit"): cooperation
/// so announced is an AGREE event.
const INTENT: &[&str] = &[
    "sworn",
    "swore",
    "swears",
    "plan",
    "plans",
    "planned",
    "planning",
    "intend",
    "intends",
    "intended",
    "expected",
    "set",
    "want",
    "wants",
    "wanted",
    "seek",
    "seeks",
    "sought",
    "hope",
    "hopes",
    "hoped",
    "ready",
    "willing",
    "agreed",
    "agree",
    "agrees",
    "pledged",
    "promised",
    "vowed",
    "aims",
    "aim",
    "prepared",
    "scheduled",
    "due",
    "likely",
    "decided",
    "proposed",
    "offered",
    "threatened",
    "expects",
    "hoping",
    "seeking",
    "aiming",
    "preparing",
    "intend",
    "vows",
    "pledges",
    "promises",
    "threatens",
    "agreeing",
    "committed",
];
/// Words before "to" that ask someone else to act ("urged Serbia to resume talks"): the act
/// has not happened.
const REQUESTERS: &[&str] = &[
    "pressure",
    "pressured",
    "pressuring",
    "pressures",
    "persuade",
    "convince",
    "urged",
    "asked",
    "called",
    "invited",
    "urge",
    "urges",
    "ask",
    "asks",
    "calls",
    "pressed",
    "demanded",
    "demands",
    "appealed",
    "encouraged",
    "told",
    "pushed",
    "pushing",
    "urging",
    "asking",
    "calling",
    "wanted",
    "want",
    "wants",
];
/// Words that make what follows a possibility, not a report ("considering sanctions",
/// "the threat to impose tariffs").
const HEDGES: &[&str] = &[
    "considering",
    "considers",
    "mulling",
    "weighing",
    "threat",
    "threats",
    "possible",
    "possibility",
    "potential",
    "prospect",
    "proposed",
    "planned",
    "if",
    "unless",
    "whether",
];
/// Verbs that deny the act of their infinitive ("refused to sign").
const REFUSAL: &[&str] = &[
    "refused", "refuses", "refuse", "declined", "declines", "rejected", "failed", "fails", "ruled",
    "denied", "denies",
];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "any",
    "every", "no", "such", "another", "whose", "'s",
];
/// Prepositions after which an actor phrase names a place, not a party ("at the Singapore
/// summit", "in Iraq").
const LOCATIVE_PREPS: &[&str] = &[
    "in",
    "at",
    "near",
    "from",
    "across",
    "inside",
    "outside",
    "throughout",
    "during",
    "within",
    "around",
    "into",
];
/// Participles that, after "is" or "are", describe the subject's stance rather than something
/// done to it: "Kenya is committed to", "the rebels were engaged in".
const PREDICATIVE: &[&str] = &[
    "committed",
    "determined",
    "prepared",
    "willing",
    "opposed",
    "engaged",
    "involved",
    "concerned",
    "disappointed",
    "pleased",
    "interested",
];
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
        Ok(Extractor { kb, gaz, lex })
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
            let mut sent = Sentence {
                span,
                norm,
                toks,
                phrases,
                actors: Vec::new(),
                dates,
                quantities,
                place: None,
            };
            sent.place = sentence_place(&sent);
            sent.actors = self.resolve_phrases(body, &sent, state);
            out.push(sent);
        }
        out
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
                match r {
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
                        }
                    }
                }
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
            for m in self.lex.matches(&s.norm, &s.toks) {
                for e in self.code_match(&doc.body, s, &m, &state) {
                    let (src, tgt, negated, hypothetical, plover, cameo, rule, conf) = e;
                    let rule_ref = &self.lex.rules[m.rule];
                    let code = self.kb.cameo.get(&cameo);
                    let (count, topics) = if rule_ref.name.starts_with("sign-agreement") {
                        agreement_details(doc, s, &m)
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

    /// Code the events of one predicate match.
    /// The state of a place phrase, as an actor with no sector ("Amman" -> Jordan).
    fn place_actor(&self, body: &str, s: &Sentence, i: usize) -> Option<Actor> {
        let p = &s.phrases[i];
        let code = p.code.clone()?;
        Some(Actor {
            text: s.original(body, p.tokens).to_string(),
            name: self.kb.country(&code).map(|c| c.name.clone()),
            code: Some(code),
            sector: None,
        })
    }

    #[allow(clippy::type_complexity)]
    fn code_match(
        &self,
        body: &str,
        s: &Sentence,
        m: &RuleMatch,
        state: &DocState,
    ) -> Vec<(
        Option<Actor>,
        Option<Actor>,
        bool,
        bool,
        String,
        String,
        String,
        f64,
    )> {
        let rule = &self.lex.rules[m.rule];
        let t = m.trigger;
        // A trigger inside an actor phrase ("the Defense Ministry") is not a predicate.
        if s.phrases.iter().any(|p| p.tokens.0 <= t && t < p.tokens.1) {
            return Vec::new();
        }
        let w = |i: usize| s.word(i);
        // "Syrian-backed militia", "its long-threatened invasion": the second half of a
        // hyphenated adjective is not a predicate ("re-open" and "co-operate" still are).
        if t > 1 && w(t - 1) == "-" && !matches!(w(t - 2), "re" | "co" | "counter" | "pre") {
            return Vec::new();
        }
        // "the Kabul attack", "a meeting": a verb form used as a noun is not a predicate.
        let prev_word = if t > 0 { w(t - 1) } else { "" };
        let form = w(t);
        let bare = !(form.ends_with("ed") || form.ends_with("ing"));
        // ...except a stated position: "reiterated its demand that", "their call for".
        let stated = matches!(prev_word, "its" | "their" | "his" | "her" | "our")
            && matches!(
                form,
                "demand"
                    | "demands"
                    | "call"
                    | "calls"
                    | "appeal"
                    | "request"
                    | "warning"
                    | "threat"
                    | "offer"
                    | "pledge"
                    | "promise"
                    | "proposal"
            );
        // "focused on strengthening relations", "talks about improving ties": a gerund after
        // these prepositions names a topic, not an act.
        let topic = form.ends_with("ing")
            && matches!(
                prev_word,
                "on" | "about" | "of" | "toward" | "towards" | "at" | "regarding"
            );
        if topic
            || (DETERMINERS.contains(&prev_word) && !stated)
            || (bare
                && matches!(
                    prev_word,
                    "of" | "for"
                        | "after"
                        | "before"
                        | "in"
                        | "by"
                        | "new"
                        | "deadly"
                        | "latest"
                        | "recent"
                        | "terrorist"
                        | "military"
                        | "joint"
                        | "direct"
                        | "peace"
                        | "bilateral"
                        | "further"
                        | "fresh"
                        | "formal"
                ))
        {
            return Vec::new();
        }
        // Negation and modality in the few words before the trigger.
        let lo = t.saturating_sub(4);
        let before: Vec<&str> = (lo..t).map(w).collect();
        let negated = before
            .iter()
            .any(|x| NEGATIONS.contains(x) || x.ends_with("n't"));
        let hedged = before.iter().any(|x| HEDGES.contains(x));
        // Conditions and questions, as opposed to plans ("the planned visit").
        let supposed = before.iter().any(|x| {
            HEDGES.contains(x) && !matches!(*x, "planned" | "proposed" | "threat" | "threats")
        });
        let modal = before.iter().any(|x| MODALS.contains(x))
            || (before.last() == Some(&"to") && before.iter().any(|x| INTENT.contains(x)))
            || (before.len() >= 2
                && before[before.len() - 1] == "to"
                && before
                    .iter()
                    .rev()
                    .nth(1)
                    .is_some_and(|x| INTENT.contains(x)));
        // "urged X to resume talks", "refused to sign": an act that is asked for, planned or
        // refused is not reported as done.
        let infinitive = (t.saturating_sub(3)..t).any(|k| w(k) == "to");
        let window = t.saturating_sub(12)..t;
        let requested = infinitive && window.clone().any(|k| REQUESTERS.contains(&w(k)));
        let refused = infinitive && window.clone().any(|k| REFUSAL.contains(&w(k)));
        let intended = infinitive && window.clone().any(|k| INTENT.contains(&w(k)));
        // "will impose sanctions unless", "plans to blockade": a hostile act announced for the
        // future is a threat (PLOVER THREATEN); a hedged one ("possible sanctions") is not.
        let announced = before.iter().any(|x| FUTURE.contains(x))
            || (infinitive && window.clone().any(|k| PLANS.contains(&w(k))));
        // "Sudan must reach an agreement": an obligation someone states is neither the act
        // nor the actor's own commitment.
        let obliged = !announced
            && !intended
            && before
                .iter()
                .any(|x| matches!(*x, "must" | "should" | "ought"));
        let modal = modal || intended || hedged;
        let negated = negated || refused;
        let passive = {
            let mut k = t;
            let mut found = false;
            for _ in 0..2 {
                if k == 0 {
                    break;
                }
                k -= 1;
                if matches!(
                    w(k),
                    "was" | "were" | "been" | "being" | "is" | "are" | "be" | "got"
                ) {
                    found = true;
                    break;
                }
                if !w(k).ends_with("ly") {
                    break;
                }
            }
            found
                && !PREDICATIVE.contains(&w(t))
                && (w(t).ends_with("ed") || !matches!(w(t).chars().last(), Some('s') | Some('g')))
        };

        // Subject: the nearest actor phrase before the match that is not inside a
        // prepositional phrase.
        let mut subj: Option<usize> = None;
        for (pi, p) in s.phrases.iter().enumerate().rev() {
            if p.tokens.1 > m.tokens.0 {
                continue;
            }
            if (p.tokens.1..t).any(|k| w(k) == ";") || t - p.tokens.1 > 25 {
                break;
            }
            let mut first = pi;
            while first > 0 && s.phrases[first - 1].joined_next {
                first -= 1;
            }
            let lead = s.phrases[first].tokens.0;
            let prev = if lead > 0 { w(lead - 1) } else { "" };
            let prev2 = if lead > 1 { w(lead - 2) } else { "" };
            // "Thousands of Kenyan students marched": after a quantity the phrase is the head,
            // not a prepositional complement.
            let counted = prev == "of" && QUANTIFIERS.contains(&prev2);
            let in_pp = !counted
                && (PREPOSITIONS.contains(&prev)
                    || (prev == "the" && PREPOSITIONS.contains(&prev2)));
            if in_pp {
                continue;
            }
            // "China, which has been North Korea's closest ally, expressed concern": a phrase
            // inside a clause set off by commas describes the subject, it is not the subject.
            if (p.tokens.1..t).any(|k| w(k) == ",") {
                let open = (lead.saturating_sub(12)..lead).rev().find(|&k| w(k) == ",");
                if let Some(c) = open {
                    let opener = w(c + 1);
                    let described = matches!(opener, "which" | "who" | "whose" | "a" | "an")
                        || (opener == "the" && c + 2 < lead);
                    if described && s.phrases.iter().any(|q| q.tokens.1 <= c) {
                        continue;
                    }
                }
            }
            subj = Some(pi);
            break;
        }
        let group = |start: usize, leftwards: bool| -> Vec<usize> {
            let mut g = vec![start];
            if leftwards {
                let mut k = start;
                while k > 0 && s.phrases[k - 1].joined_next {
                    k -= 1;
                    g.push(k);
                }
            } else {
                let mut k = start;
                while k + 1 < s.phrases.len() && s.phrases[k].joined_next {
                    k += 1;
                    g.push(k);
                }
            }
            g
        };
        let collect = |idx: &[usize]| -> Vec<Actor> {
            let mut v: Vec<Actor> = Vec::new();
            for &i in idx {
                for a in &s.actors[i] {
                    if a.code.is_some() && !v.iter().any(|x| x.code == a.code) {
                        v.push(a.clone());
                    }
                }
            }
            v
        };
        let subject_idx = subj.map(|i| group(i, true)).unwrap_or_default();
        let mut subjects = collect(&subject_idx);

        // Target per the rule's specs.
        // Where a visit goes or troops are sent, the place is the recipient ("arrived in
        // Amman", "on alert in the West Bank"); elsewhere a place after "in" is only a setting.
        let place_ok = rule.plover == "MOBILIZE" || rule.mode.as_deref() == Some("visit");
        let usable = |p: &Phrase| -> bool {
            place_ok
                || !(p.placelike.is_some() && actors::after_locative(&s.norm, &s.toks, p.tokens.0))
        };
        let mut target_idx: Vec<usize> = Vec::new();
        // Set when the rule's slot holds a phrase we cannot resolve ("called on parties
        // concerned"): then no other actor may stand in for it.
        let mut slot_taken = false;
        'specs: for spec in &rule.targets {
            match spec {
                TargetSpec::Object => {
                    for (pi, p) in s.phrases.iter().enumerate() {
                        if p.tokens.0 <= t || subject_idx.contains(&pi) {
                            continue;
                        }
                        // "the withdrawal of U.S. and NATO troops": a later member of a list
                        // stands or falls with its first member.
                        if pi > 0 && s.phrases[pi - 1].joined_next {
                            continue;
                        }
                        if p.tokens.0 > m.tokens.1 + 6
                            || (t..p.tokens.0).any(|k| matches!(w(k), ";" | "\""))
                        {
                            break;
                        }
                        let prev = w(p.tokens.0 - 1);
                        let prev2 = if p.tokens.0 > 1 {
                            w(p.tokens.0 - 2)
                        } else {
                            ""
                        };
                        let pp = PREPOSITIONS.contains(&prev)
                            || (prev == "the" && PREPOSITIONS.contains(&prev2));
                        if pp || !usable(p) {
                            continue;
                        }
                        if s.actors[pi].is_empty() {
                            slot_taken = true;
                            // "parties to the conflict in Iraq", "the people of Syria": the
                            // object's complement names whose they are.
                            let end = p.tokens.1;
                            let complement =
                                s.phrases.iter().enumerate().skip(pi + 1).find(|(qi, q)| {
                                    q.tokens.0 <= end + 6
                                        && !s.actors[*qi].is_empty()
                                        && q.tokens.0 > 0
                                        && matches!(w(q.tokens.0 - 1), "of" | "in" | "from")
                                        && (end..q.tokens.0)
                                            .all(|k| !matches!(w(k), "," | ";" | "and" | "but"))
                                });
                            if let Some((qi, _)) = complement {
                                target_idx = vec![qi];
                                break 'specs;
                            }
                            continue;
                        }
                        target_idx = group(pi, false);
                        break 'specs;
                    }
                }
                TargetSpec::Prep(prep) => {
                    let upto = (t + 16).min(s.toks.len());
                    for k in t + 1..upto {
                        if matches!(w(k), ";") {
                            break;
                        }
                        if w(k) != prep {
                            continue;
                        }
                        // "withdrew its peacekeepers from Chad" was read as one phrase ("peacekeepers
                        // from Chad", of Chad): the state after the preposition is the recipient.
                        let spanning = s.phrases.iter().position(|p| {
                            p.tokens.0 < k && k < p.tokens.1 && p.tokens.0 > m.tokens.0
                        });
                        if let Some(pi) = spanning.filter(|&pi| !s.actors[pi].is_empty()) {
                            target_idx = vec![pi];
                            break 'specs;
                        }
                        if let Some(pi) = s.phrases.iter().position(|p| {
                            p.tokens.0 > k
                                && p.tokens.0 <= k + 3
                                && (k + 1..p.tokens.0).all(|j| {
                                    matches!(
                                        w(j),
                                        "the"
                                            | "his"
                                            | "her"
                                            | "their"
                                            | "its"
                                            | "visiting"
                                            | "top"
                                            | "senior"
                                    )
                                })
                        }) {
                            let bare_place = place_ok
                                && s.phrases[pi].placelike.is_some()
                                && s.phrases[pi].code.is_some();
                            if bare_place {
                                target_idx = vec![pi];
                                break 'specs;
                            } else if s.actors[pi].is_empty() {
                                slot_taken = true;
                            } else if usable(&s.phrases[pi]) {
                                target_idx = group(pi, false);
                                break 'specs;
                            }
                        } else if rule.plover == "SANCTION" {
                            // "tariffs on steel from Brazil", "duties on imports of Chinese
                            // panels": a trade measure falls on the goods' country.
                            if let Some(pi) = s.phrases.iter().position(|p| {
                                p.tokens.0 > k + 1
                                    && p.tokens.0 <= k + 6
                                    && matches!(w(p.tokens.0 - 1), "from" | "of")
                                    && (k + 1..p.tokens.0)
                                        .all(|j| !matches!(w(j), "," | ";" | "and" | "but"))
                            }) {
                                if !s.actors[pi].is_empty() {
                                    target_idx = group(pi, false);
                                    break 'specs;
                                }
                            }
                        }
                    }
                }
            }
        }
        let mut conf: f64 = 0.8;
        // No phrase where the rule looks: take the first actor after the predicate in the same
        // clause ("expressed support for Ukraine", "clashed near the border with Syria").
        // A joint act whose compound subject already names both sides needs no target.
        let both_sides = rule.joint && subjects.len() >= 2;
        if target_idx.is_empty() && !rule.targets.is_empty() && !both_sides && !slot_taken {
            for (pi, p) in s.phrases.iter().enumerate() {
                if p.tokens.0 < m.tokens.1 || subject_idx.contains(&pi) || s.actors[pi].is_empty() {
                    continue;
                }
                if p.tokens.0 > m.tokens.1 + 10
                    || (m.tokens.1..p.tokens.0)
                        .any(|k| matches!(w(k), ";" | "\"" | "said" | "says" | "while" | "but"))
                {
                    break;
                }
                let lead = if p.tokens.0 > 0 {
                    w(p.tokens.0 - 1)
                } else {
                    ""
                };
                let lead2 = if p.tokens.0 > 1 {
                    w(p.tokens.0 - 2)
                } else {
                    ""
                };
                // "in the northern city of Mosul" names where, not to whom.
                let place_of = lead == "of"
                    && matches!(
                        lead2,
                        "city" | "town" | "village" | "province" | "region" | "district" | "port"
                    );
                let locative = place_of
                    || LOCATIVE_PREPS.contains(&lead)
                    || (DETERMINERS.contains(&lead) && LOCATIVE_PREPS.contains(&lead2));
                if usable(p) && !locative {
                    target_idx = group(pi, false);
                    conf -= 0.15;
                }
                break;
            }
        }
        // "fired shells at targets in Jericho", "troops on alert in the West Bank": force used
        // or shown in a place falls on that place's state when no one else is named.
        let forceful = matches!(rule.plover.as_str(), "ASSAULT" | "COERCE" | "MOBILIZE");
        if target_idx.is_empty() && forceful && !slot_taken && !passive {
            if let Some(pi) = s.place {
                let p = &s.phrases[pi];
                if p.tokens.0 > m.tokens.1
                    && p.tokens.0 <= m.tokens.1 + 12
                    && !subject_idx.contains(&pi)
                    && (m.tokens.1..p.tokens.0).all(|k| !matches!(w(k), ";" | "\"" | "said"))
                {
                    target_idx = vec![pi];
                    conf -= 0.15;
                }
            }
        }
        // "what they say, then they must": the same pronoun on both sides is one party.
        if let (Some(si), [ti]) = (subj, target_idx.as_slice()) {
            let (a, b) = (&s.phrases[si], &s.phrases[*ti]);
            if a.reference.is_some()
                && a.reference == b.reference
                && (a.tokens.0..a.tokens.1)
                    .map(|k| s.word(k))
                    .eq((b.tokens.0..b.tokens.1).map(|k| s.word(k)))
            {
                return Vec::new();
            }
        }
        // "threatened to strike unless Baghdad accepted": a threat is aimed at the party whose
        // conduct its condition names.
        let hostile = matches!(
            rule.plover.as_str(),
            "SANCTION" | "COERCE" | "ASSAULT" | "PROTEST" | "MOBILIZE"
        );
        // "will impose sanctions if": the condition belongs to a threat.
        let threat = announced && hostile;
        let threatening = rule.plover == "THREATEN" || threat;
        if target_idx.is_empty() && !slot_taken && threatening && !passive {
            let condition = (m.tokens.1..s.toks.len()).find(|&k| matches!(w(k), "unless" | "if"));
            if let Some(k) = condition {
                let named = s.phrases.iter().enumerate().find(|(pi, p)| {
                    p.tokens.0 > k && p.tokens.0 <= k + 4 && !s.actors[*pi].is_empty()
                });
                if let Some((pi, _)) = named {
                    target_idx = group(pi, false);
                }
            }
        }
        let mut targets = collect(&target_idx);
        // A city or capital standing for the place an act lands in ("arrived in Amman",
        // "shelled targets in Kabul") is not an actor of its own: its state is the recipient.
        if targets.is_empty() {
            targets = target_idx
                .iter()
                .filter(|&&i| s.phrases[i].placelike.is_some())
                .filter_map(|&i| self.place_actor(body, s, i))
                .collect();
        }
        let subject_is_reference = subj.is_some_and(|i| s.phrases[i].reference.is_some());
        if subject_is_reference {
            conf -= 0.1;
        }
        // Someone is named as the author but is in no knowledge file ("Judge Maria Okafor"):
        // the act is still reported, its source unknown. An unresolved pronoun names no one.
        let unnamed = |i: usize| s.phrases[i].reference.is_none() && s.actors[i].is_empty();
        let mut unknown_author = !passive && subj.is_some_and(unnamed);
        if passive {
            // "X was attacked by Y": Y acts on X.
            let by = s.phrases.iter().position(|p| {
                p.tokens.0 > t && p.tokens.0 <= t + 4 && (t + 1..p.tokens.0).any(|k| w(k) == "by")
            });
            unknown_author = by.is_some_and(unnamed);
            let agents = by.map(|i| collect(&group(i, false))).unwrap_or_default();
            targets = std::mem::take(&mut subjects);
            subjects = agents;
        }
        // "his counterpart": the other side of the current pair.
        if target_idx
            .iter()
            .any(|&i| s.phrases[i].reference == Some(Reference::Counterpart))
        {
            if let (Some(sc), Some((a, b))) =
                (subjects.first().and_then(|a| a.code.clone()), state.pair())
            {
                let other = if a.code.as_deref() == Some(sc.as_str()) {
                    b
                } else {
                    a
                };
                targets = vec![other];
            }
        }

        // "a report to be released next month", "talks to be held": still to come, and by
        // someone unnamed.
        let to_be_done = t > 1 && w(t - 1) == "be" && w(t - 2) == "to" && !intended;
        let mut plover = rule.plover.clone();
        let mut cameo = rule.cameo.clone();
        let mut hypothetical = false;
        let mut rule_name = rule.name.clone();
        // A request for the act, an obligation laid on the actor, or an act only supposed
        // ("whether he might back down", "if they meet") is not the act itself.
        if (requested
            && !refused
            && !matches!(rule.plover.as_str(), "REQUEST" | "THREATEN" | "REJECT"))
            || (obliged && !negated)
            || (supposed && !intended && !negated && !threat)
            || to_be_done
        {
            hypothetical = true;
        } else if modal && !negated {
            // PLOVER: cooperation announced for the future is an AGREE event.
            if matches!(
                plover.as_str(),
                "CONSULT" | "SUPPORT" | "COOPERATE" | "AID" | "RETREAT" | "CONCEDE"
            ) {
                plover = "AGREE".into();
                cameo = match rule.plover.as_str() {
                    "CONSULT" => "036",
                    "AID" => "033",
                    "COOPERATE" => "031",
                    "RETREAT" | "CONCEDE" => "035",
                    _ => "030",
                }
                .into();
                rule_name = format!("{}+intent", rule.name);
            } else if threat {
                cameo = match plover.as_str() {
                    "SANCTION" => "1312",
                    "PROTEST" => "133",
                    "COERCE" => "137",
                    _ => "138",
                }
                .into();
                plover = "THREATEN".into();
                rule_name = format!("{}+threat", rule.name);
            } else if plover != "AGREE" {
                hypothetical = true;
            }
        }

        // PLOVER codes a refusal as REJECT: "declined to resign", "refused to let the planes
        // land", "will not accept more refugees" are acts of rejecting, not denied acts.
        let refusal = (refused || (negated && announced)) && rule.plover != "REJECT";
        if refusal {
            plover = "REJECT".into();
            cameo = "120".into();
            rule_name = format!("{}+refusal", rule.name);
            hypothetical = false;
        }
        let negated = negated && !refusal;
        let mut out = Vec::new();
        let mut push = |a: Option<Actor>, b: Option<Actor>, c: f64| {
            out.push((
                a,
                b,
                negated,
                hypothetical,
                plover.clone(),
                cameo.clone(),
                rule_name.clone(),
                c,
            ));
        };
        // Talks, approval and sanctions are only worth counting with the other side: without
        // it they are mostly mentions ("efforts to impose sanctions", "military backing").
        let needs_other_side = matches!(plover.as_str(), "SANCTION" | "SUPPORT" | "CONSULT");
        let violent = matches!(plover.as_str(), "ASSAULT" | "COERCE");
        if !targets.is_empty() && !subjects.is_empty() {
            let mut pushed = 0;
            for a in &subjects {
                for b in &targets {
                    // A state acting on itself is only an event between two of its sectors
                    // (police and protesters, government and rebels).
                    let bare = |x: &Actor| {
                        x.sector.is_none()
                            && (x.name.is_none()
                                || x.code
                                    .as_deref()
                                    .and_then(|c| self.kb.country(c))
                                    .map(|c| &c.name)
                                    == x.name.as_ref())
                    };
                    // Rebels shelling "Ukrainian positions" is an event inside one state;
                    // "Kazakh-Turkmen cooperation" read as KAZ on KAZ is not.
                    let non_state = |x: &Actor| {
                        matches!(
                            x.sector.as_deref(),
                            Some("REB" | "INS" | "OPP" | "CVL" | "POL" | "LAB" | "EDU")
                        )
                    };
                    let one_bare = (bare(a) && !non_state(b)) || (bare(b) && !non_state(a));
                    // A province or city of the actor's own state is a place, not a party.
                    let home_place = target_idx
                        .iter()
                        .any(|&i| s.phrases[i].placelike.is_some() && s.phrases[i].code == b.code);
                    if a.code == b.code && (a.sector == b.sector || one_bare || home_place) {
                        continue;
                    }
                    push(Some(a.clone()), Some(b.clone()), conf);
                    pushed += 1;
                }
            }
            // Only the subject's own state was found where the recipient should be ("marched
            // in the city of Mosul", "promised to democratize Serbia"): the act is still
            // reported, its recipient unknown.
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
            // One side known: the act is reported all the same ("Serbia's president promised
            // reforms"); the recipient stays unknown.
            push(Some(subjects[0].clone()), None, conf - 0.2);
        } else if subjects.is_empty() && !targets.is_empty() && (violent || unknown_author) {
            // Violence with no named perpetrator is put to the state where it happened
            // ("a roadside bomb near Basra killed three U.S. soldiers"), as event coders code
            // unidentified actors by country; with no place the source stays unknown.
            // The recipient's own phrase is the subject slot in the passive voice.
            let recipient = if passive { &subject_idx } else { &target_idx };
            let source = s
                .place
                .filter(|&i| violent && !recipient.contains(&i))
                .and_then(|i| self.place_actor(body, s, i));
            for b in &targets {
                push(source.clone(), Some(b.clone()), conf - 0.2);
            }
        }
        out
    }
}

/// The phrase naming where a sentence is set: "in Nairobi", "across Ghana", "near Macedonia's
/// border", "outside the Iraqi city of Basra".
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

/// One event per real-world event per document: mentions of the same act between the same
/// parties merge, keeping the first evidence and the richest details. `events` pairs each coded
/// event with whether its sentence gave a date of its own.
pub fn consolidate(events: Vec<(EventRecord, bool)>) -> Vec<EventRecord> {
    let merged = merge_mentions(events);
    // A one-sided mention ("the meeting", Turkey -> ?) of an act the report also gives with
    // both sides (Trump hosted Erdogan) is the same event, less well told.
    let code = |a: &Option<Actor>| a.as_ref().and_then(|x| x.code.clone());
    let two_sided: Vec<(String, String, String, bool, bool)> = merged
        .iter()
        .filter_map(|e| {
            Some((
                e.kind.clone(),
                code(&e.source)?,
                code(&e.target)?,
                e.negated,
                e.hypothetical,
            ))
        })
        .collect();
    merged
        .into_iter()
        .filter(|e| {
            let one = match (code(&e.source), code(&e.target)) {
                (Some(a), None) | (None, Some(a)) => a,
                _ => return true,
            };
            !two_sided.iter().any(|(k, a, b, n, h)| {
                *k == e.kind && (*a == one || *b == one) && *n == e.negated && *h == e.hypothetical
            })
        })
        .collect()
}

fn merge_mentions(events: Vec<(EventRecord, bool)>) -> Vec<EventRecord> {
    let mut out: Vec<EventRecord> = Vec::new();
    // Each key may hold several events: reports of one act on two days the text names are
    // two events; a mention without a date of its own joins whichever came first.
    let mut index: HashMap<(String, String, String, bool, bool), Vec<usize>> = HashMap::new();
    let mut dated_out: Vec<bool> = Vec::new();
    let joint_types = ["CONSULT", "AGREE", "COOPERATE"];
    for (e, dated) in events {
        let code = |a: &Option<Actor>| a.as_ref().and_then(|x| x.code.clone()).unwrap_or_default();
        let (mut a, mut b) = (code(&e.source), code(&e.target));
        // A signing is joint while it stays a signing; refused, it is one side's rejection.
        let joint = joint_types.contains(&e.kind.as_str())
            || (e.rule.starts_with("sign-") && e.kind == "SUPPORT")
            || e.rule == "talks";
        if joint && b < a {
            std::mem::swap(&mut a, &mut b);
        }
        let sub = if e.kind == "SUPPORT" {
            e.cameo.clone().unwrap_or_default()
        } else {
            String::new()
        };
        let key = (e.kind.clone() + &sub, a, b, e.negated, e.hypothetical);
        let same = index.get(&key).and_then(|v| {
            v.iter()
                .copied()
                .find(|&i| !(dated && dated_out[i] && out[i].date != e.date))
        });
        match same {
            Some(i) => {
                if dated && !dated_out[i] {
                    out[i].date = e.date.clone();
                    dated_out[i] = true;
                }
                let kept = &mut out[i];
                kept.mentions += 1;
                kept.confidence = (kept.confidence + 0.05).min(0.99);
                if kept.count.is_none() {
                    kept.count = e.count;
                }
                if kept.topics.len() < e.topics.len() {
                    kept.topics = e.topics;
                }
            }
            None => {
                index.entry(key).or_default().push(out.len());
                dated_out.push(dated);
                out.push(e);
            }
        }
    }
    out
}
