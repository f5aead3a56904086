//! A generator of realistic synthetic reports, for benchmarks at any size. The sentences are
//! templates written for dyad; the actors are drawn from the knowledge base, with office-holders
//! in office on each report's date, so the extractor does the same work as on real news.

use chrono::{Days, NaiveDate};
use dyad_core::Knowledge;
use serde::Serialize;

/// xorshift64*: a small, fast, reproducible generator (no dependency needed for benchmarks).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
}

const TEMPLATES: &[&str] = &[
    "{A} held talks with {B} in {CAP_A} on {DAY}, discussing trade, energy and regional security.",
    "During the meeting, {A} and {B} signed {N} agreements covering transport, customs, education, energy and healthcare.",
    "{A_ADJ} officials said bilateral trade reached ${M} million last year, up {P}% from the year before.",
    "{A} praised {B_COUNTRY} for its role in the negotiations and thanked {B} for the invitation.",
    "The two leaders agreed to expand cooperation in agriculture and digital technology.",
    "{A_ADJ} investment in {B_COUNTRY} has exceeded ${M} million, according to the ministry.",
    "Some {K} firms owned by {B_ADJ} investors now do business in {A_COUNTRY}, the statement said.",
    "{B} is expected to pay a return visit to {CAP_A} next year.",
    "Separately, {A_ADJ} police detained {K} protesters after a rally in {CAP_A} on {DAY}.",
    "{B_COUNTRY} urged {A_COUNTRY} to lift restrictions on imports of grain and fertiliser.",
    "The foreign ministry of {A_COUNTRY} condemned the attack and called for restraint.",
    "{A_ADJ} troops took part in joint exercises with {B_ADJ} forces near the border.",
    "Analysts say the relationship has deepened since both countries joined regional initiatives.",
    "{A} also met business leaders and visited an industrial park outside the capital.",
    "The leaders expressed support for a peaceful settlement of regional disputes.",
    "{B_COUNTRY} rejected claims that it had violated the agreement, a spokesman said.",
];

#[derive(Serialize)]
pub struct GenDoc {
    pub id: String,
    pub date: String,
    pub title: String,
    pub text: String,
}

struct Side {
    leader: String,
    country: String,
    adj: String,
    capital: String,
}

fn side(kb: &Knowledge, rng: &mut Rng, date: NaiveDate) -> Option<Side> {
    // A head of state or government in office on the date, and their country.
    for _ in 0..50 {
        let p = &kb.people[rng.below(kb.people.len())];
        let Some(t) = p.terms.iter().find(|t| t.covers(date) && t.code.len() == 3) else {
            continue;
        };
        let Some(c) = kb.country(&t.code) else {
            continue;
        };
        if c.capital.is_empty() {
            continue;
        }
        let title = if t.title.is_empty() {
            "President".to_string()
        } else {
            t.title.clone()
        };
        let ci = kb
            .countries
            .iter()
            .position(|x| x.code == c.code)
            .unwrap_or(0);
        let adj = kb
            .aliases
            .iter()
            .find(|al| al.form == dyad_core::knowledge::Form::Adjective && al.index == ci)
            .map(|al| dyad_core::text::title_case(&al.key))
            .unwrap_or_else(|| c.name.clone());
        return Some(Side {
            leader: format!("{title} {}", p.name),
            country: c.name.clone(),
            adj,
            capital: c.capital.clone(),
        });
    }
    None
}

/// Generate `n` reports (deterministic for a seed), each of about `sentences` sentences.
pub fn generate(kb: &Knowledge, n: usize, seed: u64, sentences: usize) -> Vec<GenDoc> {
    let mut rng = Rng::new(seed);
    let base = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap_or_default();
    let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let date = base + Days::new(rng.below(900) as u64);
        let (Some(a), Some(b)) = (side(kb, &mut rng, date), side(kb, &mut rng, date)) else {
            continue;
        };
        let mut text = format!("{} — ", a.capital.to_uppercase());
        for k in 0..sentences {
            let t = if k == 0 {
                TEMPLATES[0]
            } else {
                *rng.pick(TEMPLATES)
            };
            let s = t
                .replace("{A}", &a.leader)
                .replace("{B}", &b.leader)
                .replace("{A_COUNTRY}", &a.country)
                .replace("{B_COUNTRY}", &b.country)
                .replace("{A_ADJ}", &a.adj)
                .replace("{B_ADJ}", &b.adj)
                .replace("{CAP_A}", &a.capital)
                .replace("{DAY}", days[rng.below(days.len())])
                .replace("{N}", &(2 + rng.below(12)).to_string())
                .replace("{M}", &(10 + rng.below(900)).to_string())
                .replace("{P}", &(1 + rng.below(40)).to_string())
                .replace("{K}", &(5 + rng.below(300)).to_string());
            text.push_str(&s);
            text.push(if k % 4 == 3 { '\n' } else { ' ' });
        }
        out.push(GenDoc {
            id: format!("gen-{seed}-{i}"),
            date: date.format("%Y-%m-%d").to_string(),
            title: format!("{} and {} hold talks", a.country, b.country),
            text,
        });
    }
    out
}
