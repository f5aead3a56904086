//! Each stage of the coder on hand-built trees: a sentence written for the test, its tokens'
//! tags, heads and relations given by hand (so the tests pin the coder, not the parser), and
//! its actor phrases.

use super::*;
use crate::actors::{Actor, Phrase};
use crate::sentence::{DocState, Sentence};
use crate::syntax::{Analysis, Dep, Tree, Upos};
use crate::text::{tokenize, Normalized, Span};
use std::sync::OnceLock;

struct Fixture {
    kb: Knowledge,
    lex: Lexicon,
    coder: Coder,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let kb = Knowledge::builtin().expect("knowledge");
        let lex = Lexicon::new(&[]).expect("lexicon");
        let coder = Coder::new(&kb).expect("grammar");
        Fixture { kb, lex, coder }
    })
}

/// A word: form, tag, head (1-based, 0 = root) and relation.
type W = (&'static str, Upos, usize, Dep);

/// Build a sentence from words (joined by spaces) and actor phrases `(first, last, code)`
/// (1-based, inclusive word numbers; an empty code is a phrase that resolves to no one).
fn sentence(words: &[W], phrases: &[(usize, usize, &str)]) -> (String, Sentence) {
    let text = words.iter().map(|w| w.0).collect::<Vec<_>>().join(" ");
    let norm = Normalized::new(&text);
    let toks = tokenize(&norm);
    assert_eq!(toks.len(), words.len(), "tokens of {text:?}");
    let mut ps = Vec::new();
    let mut acts = Vec::new();
    for &(a, b, code) in phrases {
        ps.push(Phrase {
            tokens: (a - 1, b),
            span: Span::new(toks[a - 1].span.start, toks[b - 1].span.end),
            code: (!code.is_empty()).then(|| code.to_string()),
            sector: None,
            name: None,
            person: false,
            placelike: None,
            country_only: true,
            reference: None,
            unknown_name: None,
            joined_next: false,
        });
        acts.push(if code.is_empty() {
            Vec::new()
        } else {
            vec![Actor {
                text: code.into(),
                code: Some(code.into()),
                sector: None,
                name: None,
            }]
        });
    }
    let mut phrase_of = vec![None; toks.len()];
    for (i, p) in ps.iter().enumerate() {
        for slot in phrase_of.iter_mut().take(p.tokens.1).skip(p.tokens.0) {
            *slot = Some(i);
        }
    }
    let f = fixture();
    let matches = f.lex.matches(&norm, &toks);
    let tree = Tree::new(Analysis {
        upos: words.iter().map(|w| w.1).collect(),
        lemmas: words.iter().map(|w| lemma(w.0)).collect(),
        heads: words.iter().map(|w| w.2).collect(),
        deps: words.iter().map(|w| w.3).collect(),
    });
    let s = Sentence {
        span: Span::new(0, text.len()),
        norm,
        toks,
        phrases: ps,
        actors: acts,
        dates: Vec::new(),
        place: None,
        quantities: Vec::new(),
        matches,
        tree: Some(tree),
        phrase_of,
    };
    (text, s)
}

/// Lemmas the tests need, by hand (the lemmatiser has its own tests).
fn lemma(form: &str) -> String {
    let l = form.to_lowercase();
    match l.as_str() {
        "urged" => "urge",
        "refused" => "refuse",
        "plans" => "plan",
        "said" => "say",
        "believe" => "believe",
        "will" => "will",
        "not" => "not",
        "if" => "if",
        "by" => "by",
        "with" => "with",
        "against" => "against",
        "to" => "to",
        "who" => "who",
        "launched" => "launch",
        "on" => "on",
        "of" => "of",
        _ => return l,
    }
    .to_string()
}

/// The events of a hand-built sentence, as "TYPE SRC>TGT[ flag]".
fn coded(words: &[W], phrases: &[(usize, usize, &str)]) -> Vec<String> {
    let (text, s) = sentence(words, phrases);
    let f = fixture();
    let tree = s.tree.clone().expect("tree");
    let state = DocState::default();
    let mut out = Vec::new();
    for m in &s.matches {
        for e in f.coder.code(&f.kb, &f.lex, &text, &s, &tree, &state, m).1 {
            let c = |a: &Option<Actor>| {
                a.as_ref()
                    .and_then(|x| x.code.clone())
                    .unwrap_or_else(|| "-".into())
            };
            let flag = if e.negated {
                " negated"
            } else if e.hypothetical {
                " hypothetical"
            } else {
                ""
            };
            out.push(format!(
                "{} {}>{}{flag}",
                e.plover,
                c(&e.source),
                c(&e.target)
            ));
        }
    }
    out
}

use Dep as D;
use Upos as U;

#[test]
fn nsubj_is_the_source_and_obj_the_target() {
    let w = [
        ("Ghana", U::Propn, 2, D::Nsubj),
        ("condemned", U::Verb, 0, D::Root),
        ("Togo", U::Propn, 2, D::Obj),
    ];
    assert_eq!(
        coded(&w, &[(1, 1, "GHA"), (3, 3, "TGO")]),
        vec!["ACCUSE GHA>TGO"]
    );
}

#[test]
fn a_passive_subject_is_the_target_and_the_agent_the_source() {
    let w = [
        ("Mali", U::Propn, 3, D::NsubjPass),
        ("was", U::Aux, 3, D::AuxPass),
        ("attacked", U::Verb, 0, D::Root),
        ("by", U::Adp, 5, D::Case),
        ("Niger", U::Propn, 3, D::OblAgent),
    ];
    assert_eq!(
        coded(&w, &[(1, 1, "MLI"), (5, 5, "NER")]),
        vec!["ASSAULT NER>MLI"]
    );
}

#[test]
fn the_preposition_of_the_rule_marks_the_target_on_the_pattern_noun() {
    // "held talks with": "with Peru" hangs from "talks".
    let w = [
        ("Chile", U::Propn, 2, D::Nsubj),
        ("held", U::Verb, 0, D::Root),
        ("talks", U::Noun, 2, D::Obj),
        ("with", U::Adp, 5, D::Case),
        ("Peru", U::Propn, 3, D::Nmod),
    ];
    assert_eq!(
        coded(&w, &[(1, 1, "CHL"), (5, 5, "PER")]),
        vec!["CONSULT CHL>PER"]
    );
}

#[test]
fn conjoined_subjects_of_a_joint_act_are_one_pair() {
    let w = [
        ("Laos", U::Propn, 4, D::Nsubj),
        ("and", U::Cconj, 3, D::Cc),
        ("Vietnam", U::Propn, 1, D::Conj),
        ("cooperated", U::Verb, 0, D::Root),
    ];
    assert_eq!(
        coded(&w, &[(1, 1, "LAO"), (3, 3, "VNM")]),
        vec!["COOPERATE LAO>VNM"]
    );
}

#[test]
fn the_object_of_a_request_is_the_subject_of_what_is_asked_and_that_act_is_hypothetical() {
    // "Qatar urged Sudan to negotiate with Chad"
    let w = [
        ("Qatar", U::Propn, 2, D::Nsubj),
        ("urged", U::Verb, 0, D::Root),
        ("Sudan", U::Propn, 2, D::Obj),
        ("to", U::Part, 5, D::Mark),
        ("negotiate", U::Verb, 2, D::Xcomp),
        ("with", U::Adp, 7, D::Case),
        ("Chad", U::Propn, 5, D::Obl),
    ];
    let got = coded(&w, &[(1, 1, "QAT"), (3, 3, "SDN"), (7, 7, "TCD")]);
    assert_eq!(got, vec!["REQUEST QAT>SDN", "CONSULT SDN>TCD hypothetical"]);
}

#[test]
fn a_refused_act_is_a_rejection_by_the_governors_subject() {
    // "Cuba refused to sign with Spain"
    let w = [
        ("Cuba", U::Propn, 2, D::Nsubj),
        ("refused", U::Verb, 0, D::Root),
        ("to", U::Part, 4, D::Mark),
        ("meet", U::Verb, 2, D::Xcomp),
        ("Spain", U::Propn, 4, D::Obj),
    ];
    let got = coded(&w, &[(1, 1, "CUB"), (5, 5, "ESP")]);
    assert!(got.contains(&"REJECT CUB>ESP".to_string()), "{got:?}");
}

#[test]
fn an_intended_act_of_cooperation_is_an_agreement() {
    // "Fiji plans to visit Tonga"
    let w = [
        ("Fiji", U::Propn, 2, D::Nsubj),
        ("plans", U::Verb, 0, D::Root),
        ("to", U::Part, 4, D::Mark),
        ("visit", U::Verb, 2, D::Xcomp),
        ("Tonga", U::Propn, 4, D::Obj),
    ];
    assert_eq!(
        coded(&w, &[(1, 1, "FJI"), (5, 5, "TON")]),
        vec!["AGREE FJI>TON"]
    );
}

#[test]
fn a_negation_adverb_marks_the_act_negated() {
    let w = [
        ("Oman", U::Propn, 4, D::Nsubj),
        ("did", U::Aux, 4, D::Aux),
        ("not", U::Part, 4, D::Advmod),
        ("condemn", U::Verb, 0, D::Root),
        ("Yemen", U::Propn, 4, D::Obj),
    ];
    assert_eq!(
        coded(&w, &[(1, 1, "OMN"), (5, 5, "YEM")]),
        vec!["ACCUSE OMN>YEM negated"]
    );
}

#[test]
fn a_hostile_act_announced_with_will_is_a_threat() {
    let w = [
        ("Iran", U::Propn, 3, D::Nsubj),
        ("will", U::Aux, 3, D::Aux),
        ("attack", U::Verb, 0, D::Root),
        ("Iraq", U::Propn, 3, D::Obj),
    ];
    assert_eq!(
        coded(&w, &[(1, 1, "IRN"), (4, 4, "IRQ")]),
        vec!["THREATEN IRN>IRQ"]
    );
}

#[test]
fn a_clause_under_if_is_supposed() {
    // "if Peru attacks Chile"
    let w = [
        ("if", U::Sconj, 3, D::Mark),
        ("Peru", U::Propn, 3, D::Nsubj),
        ("attacks", U::Verb, 0, D::Root),
        ("Chile", U::Propn, 3, D::Obj),
    ];
    assert_eq!(
        coded(&w, &[(2, 2, "PER"), (4, 4, "CHL")]),
        vec!["ASSAULT PER>CHL hypothetical"]
    );
}

#[test]
fn what_an_opinion_verb_introduces_is_supposed() {
    // "analysts believe Syria attacked Jordan"
    let w = [
        ("analysts", U::Noun, 2, D::Nsubj),
        ("believe", U::Verb, 0, D::Root),
        ("Syria", U::Propn, 4, D::Nsubj),
        ("attacked", U::Verb, 2, D::Ccomp),
        ("Jordan", U::Propn, 4, D::Obj),
    ];
    assert_eq!(
        coded(&w, &[(3, 3, "SYR"), (5, 5, "JOR")]),
        vec!["ASSAULT SYR>JOR hypothetical"]
    );
}

#[test]
fn a_reported_clause_keeps_its_own_subject() {
    // "Egypt said Libya attacked Chad": Libya acts, not the speaker.
    let w = [
        ("Egypt", U::Propn, 2, D::Nsubj),
        ("said", U::Verb, 0, D::Root),
        ("Libya", U::Propn, 4, D::Nsubj),
        ("attacked", U::Verb, 2, D::Ccomp),
        ("Chad", U::Propn, 4, D::Obj),
    ];
    assert_eq!(
        coded(&w, &[(1, 1, "EGY"), (3, 3, "LBY"), (5, 5, "TCD")]),
        vec!["ASSAULT LBY>TCD"]
    );
}

#[test]
fn we_in_a_quote_is_its_speaker() {
    // "we condemn Serbia , Albania said"
    let w = [
        ("we", U::Pron, 2, D::Nsubj),
        ("condemn", U::Verb, 0, D::Root),
        ("Serbia", U::Propn, 2, D::Obj),
        (",", U::Punct, 2, D::Punct),
        ("Albania", U::Propn, 6, D::Nsubj),
        ("said", U::Verb, 2, D::Parataxis),
    ];
    assert_eq!(
        coded(&w, &[(3, 3, "SRB"), (5, 5, "ALB")]),
        vec!["ACCUSE ALB>SRB"]
    );
}

#[test]
fn a_relative_clause_acts_for_the_noun_it_describes() {
    // "Kenya , who condemned Uganda ,": "who" is Kenya.
    let w = [
        ("Kenya", U::Propn, 0, D::Root),
        (",", U::Punct, 3, D::Punct),
        ("who", U::Pron, 4, D::Nsubj),
        ("condemned", U::Verb, 1, D::AclRelcl),
        ("Uganda", U::Propn, 4, D::Obj),
    ];
    assert_eq!(
        coded(&w, &[(1, 1, "KEN"), (5, 5, "UGA")]),
        vec!["ACCUSE KEN>UGA"]
    );
}

#[test]
fn a_second_conjoined_verb_shares_the_first_ones_subject() {
    // "Peru met Chile and condemned Bolivia"
    let w = [
        ("Peru", U::Propn, 2, D::Nsubj),
        ("met", U::Verb, 0, D::Root),
        ("Chile", U::Propn, 2, D::Obj),
        ("and", U::Cconj, 5, D::Cc),
        ("condemned", U::Verb, 2, D::Conj),
        ("Bolivia", U::Propn, 5, D::Obj),
    ];
    let got = coded(&w, &[(1, 1, "PER"), (3, 3, "CHL"), (6, 6, "BOL")]);
    assert!(got.contains(&"ACCUSE PER>BOL".to_string()), "{got:?}");
}

#[test]
fn an_event_noun_takes_its_possessor_as_source_and_its_preposition_as_target() {
    // "Russia 's attack on Georgia"
    let w = [
        ("Russia", U::Propn, 3, D::NmodPoss),
        ("'s", U::Part, 1, D::Case),
        ("attack", U::Noun, 0, D::Root),
        ("on", U::Adp, 5, D::Case),
        ("Georgia", U::Propn, 3, D::Nmod),
    ];
    assert_eq!(
        coded(&w, &[(1, 1, "RUS"), (5, 5, "GEO")]),
        vec!["ASSAULT RUS>GEO"]
    );
}

#[test]
fn a_word_of_another_part_of_speech_is_not_a_predicate() {
    // "close" the adjective: "Laos has close ties with Thailand" holds no closing.
    let w = [
        ("Laos", U::Propn, 2, D::Nsubj),
        ("has", U::Verb, 0, D::Root),
        ("close", U::Adj, 4, D::Amod),
        ("ties", U::Noun, 2, D::Obj),
        ("with", U::Adp, 6, D::Case),
        ("Thailand", U::Propn, 4, D::Nmod),
    ];
    assert!(coded(&w, &[(1, 1, "LAO"), (6, 6, "THA")]).is_empty());
}

#[test]
fn a_particle_the_pattern_does_not_name_makes_another_verb() {
    // "Togo gave up Benin": "give up" is not "give" (aid).
    let w = [
        ("Togo", U::Propn, 2, D::Nsubj),
        ("gave", U::Verb, 0, D::Root),
        ("up", U::Adp, 2, D::CompoundPrt),
        ("aid", U::Noun, 2, D::Obj),
        ("to", U::Adp, 6, D::Case),
        ("Benin", U::Propn, 2, D::Obl),
    ];
    assert!(coded(&w, &[(1, 1, "TGO"), (6, 6, "BEN")]).is_empty());
}

#[test]
fn a_participle_modifying_a_noun_is_an_attribute() {
    // "the attacked convoy" reports no attack by anyone.
    let w = [
        ("Mali", U::Propn, 2, D::Nsubj),
        ("escorted", U::Verb, 0, D::Root),
        ("attacked", U::Verb, 4, D::Amod),
        ("convoys", U::Noun, 2, D::Obj),
    ];
    assert!(coded(&w, &[(1, 1, "MLI")]).is_empty());
}

#[test]
fn pattern_words_outside_the_predicates_phrase_are_no_match() {
    // "Peru held elections as talks with Chile stalled": "talks" is not held.
    let w = [
        ("Peru", U::Propn, 2, D::Nsubj),
        ("held", U::Verb, 0, D::Root),
        ("talks", U::Noun, 6, D::Nsubj),
        ("with", U::Adp, 5, D::Case),
        ("Chile", U::Propn, 3, D::Nmod),
        ("stalled", U::Verb, 2, D::Advcl),
    ];
    let got = coded(&w, &[(1, 1, "PER"), (5, 5, "CHL")]);
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn a_stance_after_be_is_not_a_passive() {
    // "Kenya is committed to aid Somalia": Kenya commits (AGREE), not someone committing Kenya.
    let w = [
        ("Kenya", U::Propn, 3, D::NsubjPass),
        ("is", U::Aux, 3, D::AuxPass),
        ("committed", U::Verb, 0, D::Root),
        ("to", U::Adp, 5, D::Case),
        ("Somalia", U::Propn, 3, D::Obl),
    ];
    assert_eq!(
        coded(&w, &[(1, 1, "KEN"), (5, 5, "SOM")]),
        vec!["AGREE KEN>SOM"]
    );
}
