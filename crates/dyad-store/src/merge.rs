//! When two reports describe the same real-world event.
//!
//! A report's event joins a stored event when all of these hold:
//!
//! 1. the same PLOVER type, and the same negated/hypothetical flags;
//! 2. the same actors: identified by their country or organisation code (an actor without a
//!    code by its canonical name or text). For acts done together (talks, cooperation,
//!    agreements, signings) the order of the two does not matter; for acts done by one side to
//!    the other (a visit paid, an award, an accusation, an attack) it does;
//! 3. dates within [`DATE_WINDOW_DAYS`] of the stored event's first and last dates, and the
//!    event's reports spread over at most [`MAX_SPAN_DAYS`]; an event without a date never
//!    merges across documents (nothing anchors it in time);
//! 4. places that do not contradict each other: if both give a country, it is the same;
//! 5. the stored event has no mention from the same document yet: a document's own events were
//!    already consolidated by the extractor, so two of them are two events.
//!
//! Among several candidates the nearest in date wins, then the one with more reports, then
//! the older. Mentions are counted once per document (GDELT counts every re-coding of an
//! article as a new mention; here an article is one report, however often it repeats it).

use chrono::NaiveDate;
use dyad_core::record::EventRecord;
use dyad_core::Actor;

/// How far apart two reports may date one event.
pub const DATE_WINDOW_DAYS: i64 = 2;

/// The longest an event's reports may spread: a report that would stretch an event beyond
/// this starts a new one (talks "continuing" for weeks are several rounds).
pub const MAX_SPAN_DAYS: i64 = 14;

/// Event types that two parties do together, so that "A met B" and "B met A" are one event.
pub fn is_joint(kind: &str, cameo: Option<&str>) -> bool {
    matches!(kind, "CONSULT" | "COOPERATE" | "AGREE")
        || cameo.is_some_and(|c| c.starts_with("057") || c.starts_with("06"))
}

/// The identity of an actor for merging.
pub fn actor_key(a: Option<&Actor>) -> String {
    match a {
        None => "-".to_string(),
        Some(a) => match &a.code {
            Some(c) => c.clone(),
            None => format!(
                "~{}",
                a.name.as_deref().unwrap_or(&a.text).to_lowercase().trim()
            ),
        },
    }
}

/// The key under which an event's actors are compared.
pub fn pair_key(e: &EventRecord) -> String {
    let a = actor_key(e.source.as_ref());
    let b = actor_key(e.target.as_ref());
    if is_joint(&e.kind, e.cameo.as_deref()) && b < a {
        format!("{b}|{a}")
    } else if is_joint(&e.kind, e.cameo.as_deref()) {
        format!("{a}|{b}")
    } else {
        format!("{a}>{b}")
    }
}

/// PLOVER's quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
/// 4 material conflict.
pub fn quad(kind: &str) -> i64 {
    match kind {
        "AGREE" | "CONSULT" | "SUPPORT" | "CONCEDE" => 1,
        "COOPERATE" | "AID" | "RETREAT" => 2,
        "REQUEST" | "ACCUSE" | "REJECT" | "THREATEN" => 3,
        _ => 4,
    }
}

/// The date range a new mention may fall in to join an event dated `date`.
pub fn window(date: NaiveDate) -> (NaiveDate, NaiveDate) {
    let d = chrono::Days::new(DATE_WINDOW_DAYS as u64);
    (
        date.checked_sub_days(d).unwrap_or(date),
        date.checked_add_days(d).unwrap_or(date),
    )
}

/// A stored event that could take a new mention.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub id: i64,
    pub date: NaiveDate,
    pub date_last: NaiveDate,
    pub country: Option<String>,
    pub reports: i64,
}

/// Picks the candidate a mention dated `date` in `country` joins, if any.
pub fn choose(candidates: &[Candidate], date: NaiveDate, country: Option<&str>) -> Option<i64> {
    let distance = |c: &Candidate| -> i64 {
        if date < c.date {
            (c.date - date).num_days()
        } else if date > c.date_last {
            (date - c.date_last).num_days()
        } else {
            0
        }
    };
    candidates
        .iter()
        .filter(|c| distance(c) <= DATE_WINDOW_DAYS)
        .filter(|c| (c.date_last.max(date) - c.date.min(date)).num_days() <= MAX_SPAN_DAYS)
        .filter(|c| match (country, c.country.as_deref()) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        })
        .min_by_key(|c| (distance(c), -c.reports, c.id))
        .map(|c| c.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(code: Option<&str>, text: &str) -> Actor {
        Actor {
            text: text.into(),
            code: code.map(String::from),
            sector: None,
            name: None,
        }
    }

    fn event(kind: &str, cameo: &str, a: Option<&str>, b: Option<&str>) -> EventRecord {
        EventRecord {
            record: "event",
            doc: "d".into(),
            date: None,
            kind: kind.into(),
            mode: None,
            cameo: Some(cameo.into()),
            source: Some(actor(a, "someone")),
            target: b.map(|b| actor(Some(b), "other")),
            location: None,
            evidence: dyad_core::record::Evidence {
                text: String::new(),
                start: 0,
                end: 0,
            },
            count: None,
            topics: vec![],
            context: vec![],
            goldstein: None,
            rule: "r".into(),
            confidence: 1.0,
            mentions: 1,
            negated: false,
            hypothetical: false,
        }
    }

    #[test]
    fn talks_are_the_same_whichever_side_is_named_first() {
        let ab = event("CONSULT", "040", Some("KAZ"), Some("TKM"));
        let ba = event("CONSULT", "040", Some("TKM"), Some("KAZ"));
        assert_eq!(pair_key(&ab), pair_key(&ba));
    }

    #[test]
    fn an_accusation_keeps_its_direction() {
        let ab = event("ACCUSE", "112", Some("USA"), Some("CHN"));
        let ba = event("ACCUSE", "112", Some("CHN"), Some("USA"));
        assert_ne!(pair_key(&ab), pair_key(&ba));
    }

    #[test]
    fn a_signing_is_joint_even_though_its_type_is_support() {
        assert!(is_joint("SUPPORT", Some("057")));
        assert!(!is_joint("SUPPORT", Some("051")));
    }

    #[test]
    fn actors_without_a_code_are_told_apart_by_name() {
        let a = actor(None, "the Wagner Group");
        let b = actor(None, "Hamas fighters");
        assert_ne!(actor_key(Some(&a)), actor_key(Some(&b)));
        assert_eq!(actor_key(None), "-");
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 3, d).unwrap()
    }

    fn cand(id: i64, from: u32, to: u32, country: Option<&str>, reports: i64) -> Candidate {
        Candidate {
            id,
            date: day(from),
            date_last: day(to),
            country: country.map(String::from),
            reports,
        }
    }

    #[test]
    fn a_report_two_days_later_joins_but_a_week_later_does_not() {
        let c = [cand(1, 10, 10, None, 1)];
        assert_eq!(choose(&c, day(12), None), Some(1));
        assert_eq!(choose(&c, day(17), None), None);
    }

    #[test]
    fn a_chain_of_reports_cannot_stretch_an_event_beyond_two_weeks() {
        let c = [cand(1, 1, 14, None, 6)];
        assert_eq!(choose(&c, day(15), None), Some(1));
        assert_eq!(choose(&c, day(16), None), None);
    }

    #[test]
    fn places_in_different_countries_are_different_events() {
        let c = [cand(1, 10, 10, Some("KAZ"), 1)];
        assert_eq!(choose(&c, day(10), Some("UZB")), None);
        assert_eq!(choose(&c, day(10), Some("KAZ")), Some(1));
        // A report that names no place does not contradict one that does.
        assert_eq!(choose(&c, day(10), None), Some(1));
    }

    #[test]
    fn the_nearest_then_the_best_reported_candidate_wins() {
        let c = [
            cand(1, 8, 8, None, 5),
            cand(2, 10, 11, None, 1),
            cand(3, 10, 10, None, 3),
        ];
        assert_eq!(choose(&c, day(10), None), Some(3));
        assert_eq!(choose(&c, day(7), None), Some(1));
    }

    #[test]
    fn quad_classes_follow_plover() {
        assert_eq!(quad("CONSULT"), 1);
        assert_eq!(quad("AID"), 2);
        assert_eq!(quad("THREATEN"), 3);
        assert_eq!(quad("ASSAULT"), 4);
    }
}
