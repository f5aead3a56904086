//! The predicate lexicon: phrase patterns that trigger events (`data/verbs.tsv`).
//!
//! Patterns are compiled once into literal token sets with an index on their first slot, so a
//! sentence is scanned once and each token looks up only the rules that can start there.

use crate::error::Result;
use crate::knowledge::PLOVER_TYPES;
use crate::text::{Normalized, Token};
use crate::tsv::Table;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

#[derive(Debug, Clone)]
pub enum Slot {
    /// One of these normalised words.
    Words(HashSet<String>),
    /// The verb: one of these inflected forms.
    Verb(HashSet<String>),
    /// Any tokens but a clause break, at most this many.
    Gap(usize),
    /// An optional word.
    Optional(HashSet<String>),
}

/// Where a rule finds its target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetSpec {
    Object,
    Prep(String),
}

#[derive(Debug, Clone)]
pub struct Rule {
    pub name: String,
    pub slots: Vec<Slot>,
    pub cameo: String,
    pub plover: String,
    pub mode: Option<String>,
    pub targets: Vec<TargetSpec>,
    pub joint: bool,
}

impl Rule {
    /// Does the pattern name a verb (`@visit`)? Then its trigger must be read as one.
    pub fn names_verb(&self) -> bool {
        self.slots.iter().any(|x| matches!(x, Slot::Verb(_)))
    }
}

/// A rule matched in a sentence.
#[derive(Debug, Clone)]
pub struct RuleMatch {
    pub rule: usize,
    /// Token range of the whole match.
    pub tokens: (usize, usize),
    /// Token of the verb slot (the trigger), or the first token.
    pub trigger: usize,
    /// Tokens of the pattern's words (every slot but the gaps), the trigger among them.
    pub words: Vec<usize>,
    /// The shorter matches starting at the same token, longest first: the grammar may reject
    /// this reading ("cut off" is not the "cut" of "cut * supplies") and accept another.
    pub alternatives: Vec<RuleMatch>,
}

impl RuleMatch {
    /// This match, then its alternatives: the readings the coder tries in turn.
    pub fn readings(&self) -> impl Iterator<Item = &RuleMatch> {
        std::iter::once(self).chain(&self.alternatives)
    }
}

pub struct Lexicon {
    pub rules: Vec<Rule>,
    by_first: HashMap<String, Vec<usize>>,
}

/// Every inflection of a verb lemma; over-generating ("visitted") costs nothing and catches the
/// doubled consonants of "banned" and "planned".
pub fn inflect(lemma: &str, irregular: &[&str]) -> Vec<String> {
    let mut out = vec![lemma.to_string()];
    let b = lemma;
    let last = b.chars().last().unwrap_or('e');
    let before_last = b.chars().rev().nth(1).unwrap_or('a');
    let vowel = |c: char| "aeiou".contains(c);
    // third person
    if b.ends_with('s')
        || b.ends_with('x')
        || b.ends_with('z')
        || b.ends_with("ch")
        || b.ends_with("sh")
        || b.ends_with('o')
    {
        out.push(format!("{b}es"));
    } else if last == 'y' && !vowel(before_last) {
        out.push(format!("{}ies", &b[..b.len() - 1]));
    } else {
        out.push(format!("{b}s"));
    }
    // gerund and regular past
    if let Some(stem) = b.strip_suffix("ie") {
        out.push(format!("{stem}ying"));
        out.push(format!("{b}d"));
    } else if b.ends_with("ee") {
        // agree → agreed, agreeing
        out.push(format!("{b}ing"));
        out.push(format!("{b}d"));
    } else if last == 'e' {
        out.push(format!("{}ing", &b[..b.len() - 1]));
        out.push(format!("{b}d"));
    } else if last == 'y' && !vowel(before_last) {
        out.push(format!("{b}ing"));
        out.push(format!("{}ied", &b[..b.len() - 1]));
    } else {
        out.push(format!("{b}ing"));
        out.push(format!("{b}ed"));
        if !vowel(last) && vowel(before_last) && !"wxy".contains(last) {
            out.push(format!("{b}{last}ing"));
            out.push(format!("{b}{last}ed"));
        }
    }
    for irr in irregular {
        out.push((*irr).to_string());
    }
    out
}

fn words(s: &str) -> HashSet<String> {
    s.split('|')
        .map(crate::knowledge::normalize_key)
        .filter(|w| !w.is_empty())
        .collect()
}

fn parse_slot(s: &str) -> Slot {
    if s == "*" {
        Slot::Gap(4)
    } else if s == "**" {
        Slot::Gap(16)
    } else if let Some(rest) = s.strip_prefix('@') {
        let mut forms = HashSet::default();
        for alt in rest.split('|') {
            let mut parts = alt.split('/');
            let lemma = parts.next().unwrap_or("").to_lowercase();
            let irregular: Vec<&str> = parts.collect();
            forms.extend(inflect(&lemma, &irregular));
        }
        Slot::Verb(forms)
    } else if let Some(rest) = s.strip_prefix('?') {
        Slot::Optional(words(rest))
    } else {
        Slot::Words(words(s))
    }
}

impl Lexicon {
    pub const BUILTIN: &'static str = include_str!("../data/verbs.tsv");

    /// Compile the built-in lexicon plus user files `(name, text)`.
    pub fn new(extra: &[(String, String)]) -> Result<Lexicon> {
        let mut lex = Lexicon {
            rules: Vec::new(),
            by_first: HashMap::default(),
        };
        lex.add("verbs.tsv", Lexicon::BUILTIN)?;
        for (name, text) in extra {
            lex.add(name, text)?;
        }
        Ok(lex)
    }

    fn add(&mut self, file: &str, text: &str) -> Result<()> {
        let t = Table::parse(file, text)?;
        t.require(&["rule", "pattern", "type"])?;
        // A name is how users find and tune a rule: two rules of one file may not share it.
        let mut names: HashSet<String> = HashSet::default();
        for row in t.rows() {
            let name = row.required("rule")?;
            if !names.insert(name.to_string()) {
                return Err(row.error(format!("rule name {name:?} is used twice in this file")));
            }
            let plover = row.required("type")?;
            if !PLOVER_TYPES.contains(&plover) {
                return Err(row.error(format!("unknown PLOVER type {plover:?}")));
            }
            let pattern = row.required("pattern")?;
            let slots: Vec<Slot> = pattern.split_whitespace().map(parse_slot).collect();
            let first = match slots.first() {
                Some(Slot::Words(w)) | Some(Slot::Verb(w)) => w.clone(),
                _ => return Err(row.error("a pattern must start with a word or a verb".into())),
            };
            let targets = row
                .list("target")
                .filter(|t| *t != "none")
                .map(|t| {
                    if t == "obj" {
                        TargetSpec::Object
                    } else {
                        TargetSpec::Prep(t.to_string())
                    }
                })
                .collect();
            let mode = row.get("mode");
            self.rules.push(Rule {
                name: row.required("rule")?.to_string(),
                slots,
                cameo: row.get("cameo").to_string(),
                plover: plover.to_string(),
                mode: (!mode.is_empty()).then(|| mode.to_string()),
                targets,
                joint: matches!(row.get("joint"), "yes" | "y" | "true"),
            });
            let idx = self.rules.len() - 1;
            for w in first {
                self.by_first.entry(w).or_default().push(idx);
            }
        }
        Ok(())
    }

    /// All rule matches in a sentence: the longest at each start, with the shorter ones as its
    /// alternatives; of overlapping matches the earlier stands.
    pub fn matches(&self, norm: &Normalized, toks: &[Token]) -> Vec<RuleMatch> {
        let word = |i: usize| -> &str { &norm.text[toks[i].span.start..toks[i].span.end] };
        let mut found: Vec<RuleMatch> = Vec::new();
        for i in 0..toks.len() {
            let Some(cands) = self.by_first.get(word(i)) else {
                continue;
            };
            let mut here: Vec<RuleMatch> = Vec::new();
            let mut path = Vec::new();
            for &r in cands {
                path.clear();
                if let Some((end, trig)) =
                    self.match_at(&self.rules[r].slots, 0, i, toks, &word, None, &mut path)
                {
                    here.push(RuleMatch {
                        rule: r,
                        tokens: (i, end),
                        trigger: trig.unwrap_or(i),
                        words: path.clone(),
                        alternatives: Vec::new(),
                    });
                }
            }
            // The longest reading first; of equal length, the rule listed first.
            here.sort_by_key(|m| std::cmp::Reverse(m.tokens.1 - m.tokens.0));
            let mut here = here.into_iter();
            if let Some(mut best) = here.next() {
                best.alternatives = here.collect();
                found.push(best);
            }
        }
        // Of two overlapping matches the earlier one stands ("went on strike" over "strike",
        // "accepted demands" over "demands ... that"): it was already the longest at its start.
        let mut kept: Vec<RuleMatch> = Vec::new();
        for m in found {
            if kept.last().is_some_and(|last| m.tokens.0 < last.tokens.1) {
                continue;
            }
            kept.push(m);
        }
        kept
    }

    /// Match `slots[s..]` from token `i`; `path` collects the tokens of matched words.
    #[allow(clippy::too_many_arguments)]
    fn match_at<'a>(
        &self,
        slots: &[Slot],
        s: usize,
        i: usize,
        toks: &[Token],
        word: &dyn Fn(usize) -> &'a str,
        trig: Option<usize>,
        path: &mut Vec<usize>,
    ) -> Option<(usize, Option<usize>)> {
        if s == slots.len() {
            return Some((i, trig));
        }
        let take = |trig: Option<usize>, path: &mut Vec<usize>| {
            path.push(i);
            let r = self.match_at(slots, s + 1, i + 1, toks, word, trig, path);
            if r.is_none() {
                path.pop();
            }
            r
        };
        match &slots[s] {
            Slot::Words(w) => {
                if i < toks.len() && w.contains(word(i)) {
                    take(trig, path)
                } else {
                    None
                }
            }
            Slot::Verb(w) => {
                if i < toks.len() && w.contains(word(i)) {
                    take(trig.or(Some(i)), path)
                } else {
                    None
                }
            }
            Slot::Optional(w) => {
                if i < toks.len() && w.contains(word(i)) {
                    if let Some(r) = take(trig, path) {
                        return Some(r);
                    }
                }
                self.match_at(slots, s + 1, i, toks, word, trig, path)
            }
            Slot::Gap(n) => {
                // Up to n words; the hyphens of "a day-old blockade" do not count.
                let mut k = i;
                let mut used = 0;
                loop {
                    if let Some(r) = self.match_at(slots, s + 1, k, toks, word, trig, path) {
                        return Some(r);
                    }
                    if k >= toks.len() {
                        return None;
                    }
                    let w = word(k);
                    if matches!(w, ";" | "." | "!" | "?" | ":" | "\"") {
                        return None;
                    }
                    if w != "-" {
                        used += 1;
                        if used > *n {
                            return None;
                        }
                    }
                    k += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    #[test]
    fn inflections_cover_regular_and_irregular_forms() {
        let f = inflect("visit", &[]);
        for w in ["visit", "visits", "visited", "visiting"] {
            assert!(f.contains(&w.to_string()), "{w}");
        }
        let f = inflect("hold", &["held"]);
        assert!(f.contains(&"held".to_string()) && f.contains(&"holding".to_string()));
        assert!(inflect("ban", &[]).contains(&"banned".to_string()));
        assert!(inflect("urge", &[]).contains(&"urged".to_string()));
        assert!(inflect("deny", &[]).contains(&"denied".to_string()));
        assert!(inflect("agree", &[]).contains(&"agreed".to_string()));
        assert!(inflect("agree", &[]).contains(&"agreeing".to_string()));
    }

    #[test]
    fn builtin_lexicon_loads_and_matches_with_gaps() {
        let lex = Lexicon::new(&[]).unwrap();
        let n = Normalized::new("The two sides signed 11 intergovernmental agreements on Tuesday.");
        let t = tokenize(&n);
        let m = lex.matches(&n, &t);
        assert_eq!(m.len(), 1);
        assert_eq!(lex.rules[m[0].rule].name, "sign-agreement");
        assert_eq!(lex.rules[m[0].rule].plover, "SUPPORT");
    }

    #[test]
    fn longer_pattern_wins() {
        let lex = Lexicon::new(&[]).unwrap();
        let n = Normalized::new("Dock workers went on strike.");
        let t = tokenize(&n);
        let m = lex.matches(&n, &t);
        assert_eq!(m.len(), 1);
        assert_eq!(lex.rules[m[0].rule].name, "strike");
    }

    #[test]
    fn shorter_readings_at_the_same_start_are_kept_as_alternatives() {
        let lex = Lexicon::new(&[]).unwrap();
        let n = Normalized::new("Algeria cut off gas supplies to Morocco.");
        let t = tokenize(&n);
        let m = lex.matches(&n, &t);
        assert_eq!(m.len(), 1);
        let names: Vec<&str> = m[0]
            .readings()
            .map(|r| lex.rules[r.rule].name.as_str())
            .collect();
        assert_eq!(names.first(), Some(&"reduce-aid"));
        assert!(names.contains(&"cut-off"), "{names:?}");
        let lengths: Vec<usize> = m[0].readings().map(|r| r.tokens.1 - r.tokens.0).collect();
        assert!(lengths.windows(2).all(|w| w[0] >= w[1]), "{lengths:?}");
    }

    #[test]
    fn user_patterns_are_validated() {
        let bad = vec![(
            "verbs_mine.tsv".to_string(),
            "rule\tpattern\ttype\nx\t@foo\tNOPE\n".to_string(),
        )];
        let err = Lexicon::new(&bad).err().unwrap().to_string();
        assert!(err.starts_with("verbs_mine.tsv:2:"), "{err}");
    }

    #[test]
    fn a_rule_name_used_twice_in_a_file_is_refused_with_its_line() {
        let twice = vec![(
            "verbs_mine.tsv".to_string(),
            "rule\tpattern\ttype\nhug\t@hug\tSUPPORT\nhug\t@embrace\tSUPPORT\n".to_string(),
        )];
        let err = Lexicon::new(&twice).err().unwrap().to_string();
        assert!(err.starts_with("verbs_mine.tsv:3:"), "{err}");
        assert!(err.contains("used twice"), "{err}");
    }
}
