//! One analysed sentence and what the document has said so far: the shared annotations every
//! stage reads (text and tokens, actor phrases, dates, quantities, lexicon matches, the tree).

use crate::actors::{Actor, Phrase};
use crate::dates::DateMention;
use crate::lexicon::RuleMatch;
use crate::numbers::Quantity;
use crate::syntax::Tree;
use crate::text::{Normalized, Span, Token};

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
    /// The lexicon's matches, found once.
    pub matches: Vec<RuleMatch>,
    /// The parse, for sentences where a predicate matched and an actor is named (the others
    /// cannot hold an event, so they are not parsed).
    pub tree: Option<Tree>,
    /// For each token, the actor phrase it belongs to.
    pub phrase_of: Vec<Option<usize>>,
}

impl Sentence {
    pub fn word(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .map(|t| &self.norm.text[t.span.start..t.span.end])
            .unwrap_or("")
    }
    /// The actor phrase covering token `i`.
    pub fn phrase_at(&self, i: usize) -> Option<usize> {
        self.phrase_of.get(i).copied().flatten()
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
    /// Plural groups named so far, by their head noun ("officials" for "Iraqi officials"),
    /// the latest last: "the officials" and a "they" with no pair in view mean one of them.
    pub groups: Vec<(String, Actor)>,
    pub recent: Vec<Actor>,
    /// The dateline's country, for domestic actors named without a country ("protesters").
    pub home: Option<String>,
    /// How often each state has been named so far: the report's main country is where
    /// unlocated casualties and crowds are counted.
    pub mentions: Vec<(String, usize)>,
}

impl DocState {
    pub fn note(&mut self, a: &Actor, person: bool) {
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

    /// Remember a plural group named with its head noun.
    pub fn note_group(&mut self, head: &str, a: &Actor) {
        let head = head.to_lowercase();
        self.groups.retain(|(h, _)| *h != head);
        self.groups.push((head, a.clone()));
        if self.groups.len() > 8 {
            self.groups.remove(0);
        }
    }

    /// The latest group named with this head noun.
    pub fn group_named(&self, head: &str) -> Option<&Actor> {
        let head = head.to_lowercase();
        self.groups
            .iter()
            .rev()
            .find(|(h, _)| *h == head)
            .map(|(_, a)| a)
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
