//! Lemmas: the dictionary form of each word ("met" -> "meet", "talks" -> "talk").
//!
//! Three sources, in order: dyad's own table of irregular forms (`data/syntax/irregular.tsv`),
//! the forms the training treebank lemmatised otherwise than the suffix rules would, and suffix
//! rules learned from the treebank per part of speech ("-ies" -> "-y" for nouns).

use super::tags::Upos;
use rustc_hash::FxHashMap;

/// A suffix rule: for words of `upos` ending in `suffix`, strip `strip` characters and add
/// `add`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Rule {
    pub upos: String,
    pub suffix: String,
    pub strip: usize,
    pub add: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lemmatizer {
    /// (lower-case form, tag) -> lemma.
    exceptions: FxHashMap<(String, Upos), String>,
    /// (tag, suffix) -> (strip, add); the longest suffix wins.
    rules: FxHashMap<(Upos, String), (usize, String)>,
    longest: usize,
}

/// Tags whose words are lemmatised in lower case; proper nouns keep their form.
fn lower_case(upos: Upos) -> bool {
    !matches!(upos, Upos::Propn)
}

impl Lemmatizer {
    pub fn new(exceptions: Vec<(String, Upos, String)>, rules: Vec<Rule>) -> Lemmatizer {
        let mut l = Lemmatizer::default();
        for (form, upos, lemma) in exceptions {
            l.exceptions.insert((form, upos), lemma);
        }
        for r in rules {
            if let Some(u) = Upos::parse(&r.upos) {
                l.longest = l.longest.max(r.suffix.chars().count());
                l.rules.insert((u, r.suffix), (r.strip, r.add));
            }
        }
        l
    }

    /// Add irregular forms (`form -> lemma` for one tag), taking precedence over the treebank.
    pub fn add_irregular(&mut self, form: &str, upos: Upos, lemma: &str) {
        self.exceptions
            .insert((form.to_lowercase(), upos), lemma.to_string());
    }

    pub fn exceptions(&self) -> Vec<(String, Upos, String)> {
        let mut v: Vec<_> = self
            .exceptions
            .iter()
            .map(|((f, u), l)| (f.clone(), *u, l.clone()))
            .collect();
        v.sort();
        v
    }

    pub fn rules(&self) -> Vec<Rule> {
        let mut v: Vec<Rule> = self
            .rules
            .iter()
            .map(|((u, s), (strip, add))| Rule {
                upos: u.name().to_string(),
                suffix: s.clone(),
                strip: *strip,
                add: add.clone(),
            })
            .collect();
        v.sort_by(|a, b| (&a.upos, &a.suffix).cmp(&(&b.upos, &b.suffix)));
        v
    }

    /// The lemma of `form` tagged `upos`.
    pub fn lemma(&self, form: &str, upos: Upos) -> String {
        self.fixed(form, upos)
            .unwrap_or_else(|lower| self.by_rule(&lower, upos))
    }

    /// The lemma when no rule is needed (a proper noun keeps its form; an exception), else
    /// the lower-case form for the rules.
    fn fixed(&self, form: &str, upos: Upos) -> Result<String, String> {
        if !lower_case(upos) {
            return Ok(form.to_string());
        }
        let lower = form.to_lowercase();
        match self.exceptions.get(&(lower.clone(), upos)) {
            Some(l) => Ok(l.clone()),
            None => Err(lower),
        }
    }

    /// The lemma, checked against a dictionary of the words `known` to have tag `upos`: where
    /// the suffix rules make a word the dictionary does not know ("doubled" -> "doubl",
    /// "seizing" -> "seiz") or leave an inflected form as it was ("supplies"), the regular
    /// English bases of the form are tried in turn ("double", "seize", "supply").
    pub fn lemma_checked(&self, form: &str, upos: Upos, known: &dyn Fn(&str) -> bool) -> String {
        let lower = match self.fixed(form, upos) {
            Ok(lemma) => return lemma,
            Err(lower) => lower,
        };
        let ruled = self.by_rule(&lower, upos);
        let candidates = bases(&lower, upos);
        let kept_inflected = ruled == lower && !candidates.is_empty();
        if candidates.is_empty() || (known(&ruled) && !kept_inflected) {
            return ruled;
        }
        candidates.into_iter().find(|b| known(b)).unwrap_or(ruled)
    }

    fn by_rule(&self, lower: &str, upos: Upos) -> String {
        let starts: Vec<usize> = lower.char_indices().map(|(i, _)| i).collect();
        // Keep at least two characters of stem: "is" is not "i" + "-s".
        let max = self.longest.min(starts.len().saturating_sub(2));
        for len in (1..=max).rev() {
            let start = starts[starts.len() - len];
            if let Some((strip, add)) = self.rules.get(&(upos, lower[start..].to_string())) {
                let keep = starts.len().saturating_sub(*strip);
                let cut = starts.get(keep).copied().unwrap_or(lower.len());
                return format!("{}{}", &lower[..cut], add);
            }
        }
        lower.to_string()
    }

    /// Learn exceptions and suffix rules from `(form, tag, lemma)` triples of a treebank.
    pub fn learn(words: &[(String, Upos, String)]) -> Lemmatizer {
        const MAX_SUFFIX: usize = 5;
        const MIN_SUPPORT: usize = 3;
        // Suffix rules: for each (tag, suffix), the most frequent edit.
        let mut edits: FxHashMap<(Upos, String), FxHashMap<(usize, String), usize>> =
            FxHashMap::default();
        let mut seen: FxHashMap<(String, Upos), FxHashMap<String, usize>> = FxHashMap::default();
        for (form, upos, lemma) in words {
            if !lower_case(*upos) || lemma == "_" || lemma.is_empty() {
                continue;
            }
            let lower = form.to_lowercase();
            *seen
                .entry((lower.clone(), *upos))
                .or_default()
                .entry(lemma.clone())
                .or_default() += 1;
            let f: Vec<char> = lower.chars().collect();
            let l: Vec<char> = lemma.chars().collect();
            let common = f.iter().zip(&l).take_while(|(a, b)| a == b).count();
            if common < 2 {
                continue;
            }
            let strip = f.len() - common;
            let add: String = l[common..].iter().collect();
            for len in 1..=MAX_SUFFIX.min(f.len().saturating_sub(2)) {
                if len < strip {
                    continue;
                }
                let suffix: String = f[f.len() - len..].iter().collect();
                *edits
                    .entry((*upos, suffix))
                    .or_default()
                    .entry((strip, add.clone()))
                    .or_default() += 1;
            }
        }
        let mut rules = Vec::new();
        for ((upos, suffix), counts) in edits {
            let total: usize = counts.values().sum();
            let best = counts
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)));
            if let Some(((strip, add), n)) = best {
                // A rule that does nothing is only worth keeping when it overrides a shorter
                // suffix; keep every confident rule, the lookup takes the longest.
                if total >= MIN_SUPPORT && n * 10 >= total * 6 {
                    rules.push(Rule {
                        upos: upos.name().to_string(),
                        suffix,
                        strip,
                        add,
                    });
                }
            }
        }
        let mut l = Lemmatizer::new(Vec::new(), rules);
        // Exceptions: the forms the rules get wrong.
        let mut exceptions = Vec::new();
        for ((lower, upos), lemmas) in seen {
            let Some((lemma, _)) = lemmas
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
            else {
                continue;
            };
            if l.by_rule(&lower, upos) != lemma {
                exceptions.push((lower, upos, lemma));
            }
        }
        for (f, u, lemma) in exceptions {
            l.exceptions.insert((f, u), lemma);
        }
        l
    }
}

/// The regular bases an inflected form may have, most likely first: for a verb "-ing", "-ed",
/// "-s" taken off, with a doubled consonant undone and a silent "e" restored ("shipped" ->
/// "ship", "seized" -> "seize"); for a noun its plural, for an adjective its comparison.
fn bases(lower: &str, upos: Upos) -> Vec<String> {
    let endings: &[(&str, &str)] = match upos {
        Upos::Verb => &[
            ("ied", "y"),
            ("ies", "y"),
            ("ing", ""),
            ("ed", ""),
            ("es", ""),
            ("s", ""),
        ],
        Upos::Noun => &[("ies", "y"), ("es", ""), ("s", "")],
        Upos::Adj => &[("iest", "y"), ("ier", "y"), ("est", ""), ("er", "")],
        _ => &[],
    };
    let mut out: Vec<String> = Vec::new();
    let mut push = |b: String| {
        if b.chars().count() >= 2 && b != lower && !out.contains(&b) {
            out.push(b);
        }
    };
    for (end, add) in endings {
        let Some(stem) = lower.strip_suffix(end) else {
            continue;
        };
        if !add.is_empty() {
            push(format!("{stem}{add}"));
            continue;
        }
        let chars: Vec<char> = stem.chars().collect();
        let doubled = chars.len() >= 3
            && chars[chars.len() - 1] == chars[chars.len() - 2]
            && !"aeiou".contains(chars[chars.len() - 1]);
        if doubled {
            push(chars[..chars.len() - 1].iter().collect());
        }
        push(stem.to_string());
        push(format!("{stem}e"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(f: &str, u: Upos, l: &str) -> (String, Upos, String) {
        (f.into(), u, l.into())
    }

    #[test]
    fn learns_suffix_rules_and_keeps_irregular_forms() {
        let data = vec![
            w("parties", Upos::Noun, "party"),
            w("cities", Upos::Noun, "city"),
            w("countries", Upos::Noun, "country"),
            w("talks", Upos::Noun, "talk"),
            w("visits", Upos::Noun, "visit"),
            w("leaders", Upos::Noun, "leader"),
            w("named", Upos::Verb, "name"),
            w("framed", Upos::Verb, "frame"),
            w("shamed", Upos::Verb, "shame"),
            w("signed", Upos::Verb, "sign"),
            w("met", Upos::Verb, "meet"),
            w("Ghana", Upos::Propn, "Ghana"),
        ];
        let l = Lemmatizer::learn(&data);
        // Unseen words follow the rules of their tag and suffix.
        assert_eq!(l.lemma("embassies", Upos::Noun), "embassy");
        assert_eq!(l.lemma("reports", Upos::Noun), "report");
        assert_eq!(l.lemma("Blamed", Upos::Verb), "blame");
        // Seen irregular forms are kept; proper nouns keep their form.
        assert_eq!(l.lemma("met", Upos::Verb), "meet");
        assert_eq!(l.lemma("Togo", Upos::Propn), "Togo");
        let mut l = l;
        l.add_irregular("fled", Upos::Verb, "flee");
        assert_eq!(l.lemma("Fled", Upos::Verb), "flee");
        let back = Lemmatizer::new(l.exceptions(), l.rules());
        assert_eq!(back, l);
    }

    #[test]
    fn a_dictionary_mends_what_the_suffix_rules_get_wrong() {
        let data = vec![
            w("created", Upos::Verb, "create"),
            w("rated", Upos::Verb, "rate"),
            w("stated", Upos::Verb, "state"),
            w("visited", Upos::Verb, "visit"),
            w("walked", Upos::Verb, "walk"),
            w("talked", Upos::Verb, "talk"),
            w("fighting", Upos::Verb, "fight"),
            w("meeting", Upos::Verb, "meet"),
            w("sending", Upos::Verb, "send"),
        ];
        let l = Lemmatizer::learn(&data);
        let dictionary = [
            "double", "seize", "ship", "defeat", "supply", "long", "visit",
        ];
        let known = |w: &str| dictionary.contains(&w);
        // Rules learned from "-ated" make "defeated" "defeate"; the dictionary knows better.
        assert_eq!(l.lemma("defeated", Upos::Verb), "defeate");
        assert_eq!(l.lemma_checked("defeated", Upos::Verb, &known), "defeat");
        assert_eq!(l.lemma_checked("doubled", Upos::Verb, &known), "double");
        assert_eq!(l.lemma_checked("seizing", Upos::Verb, &known), "seize");
        assert_eq!(l.lemma_checked("shipping", Upos::Verb, &known), "ship");
        assert_eq!(l.lemma_checked("supplies", Upos::Noun, &known), "supply");
        assert_eq!(l.lemma_checked("longest", Upos::Adj, &known), "long");
        // What the rules get right, and words the dictionary does not know, stay as they are.
        assert_eq!(l.lemma_checked("visited", Upos::Verb, &known), "visit");
        assert_eq!(
            l.lemma_checked("blogged", Upos::Verb, &known),
            l.lemma("blogged", Upos::Verb)
        );
    }
}
