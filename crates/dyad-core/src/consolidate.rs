//! One event per real-world event of a document: mentions of the same act between the same
//! parties merge into one record, keeping the first evidence and the richest details.

use crate::actors::Actor;
use crate::record::EventRecord;
use std::collections::HashMap;

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
