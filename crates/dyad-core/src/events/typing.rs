//! The PLOVER type and CAMEO code of an act, given how it is stated.
//!
//! PLOVER's rules for what is not (yet) done: cooperation announced or intended ("will visit",
//! "plans to sign") is an AGREE event; a hostile act announced ("will impose sanctions", "vowed
//! to strike") is a THREATEN event; a refusal ("refused to sign", "will not accept") is a REJECT
//! event; an act asked of someone else, laid on them as an obligation, or only supposed is
//! kept but flagged `hypothetical`. A warning of what is so ("warned that the tests are
//! illegal") is an ACCUSE event.

use super::{Ctx, Modality, Predicate};

#[derive(Debug, Clone, PartialEq)]
pub struct Typed {
    pub plover: String,
    pub cameo: String,
    /// The rule's name, with what changed it (`+intent`, `+threat`, `+refusal`).
    pub rule: String,
    pub negated: bool,
    pub hypothetical: bool,
}

/// Types whose acts are hostile: announced, they threaten.
pub fn hostile(plover: &str) -> bool {
    matches!(
        plover,
        "SANCTION" | "COERCE" | "ASSAULT" | "PROTEST" | "MOBILIZE"
    )
}

pub fn decide(ctx: &Ctx<'_>, p: &Predicate, m: &Modality) -> Typed {
    let rule = &ctx.lex.rules[p.rule];
    let mut plover = rule.plover.clone();
    let mut cameo = rule.cameo.clone();
    let mut name = rule.name.clone();
    let mut hypothetical = false;
    let threat = m.announced && hostile(&rule.plover);
    let negated = m.negated;
    if (m.requested
        && !m.refused
        && !matches!(rule.plover.as_str(), "REQUEST" | "THREATEN" | "REJECT"))
        || (m.obliged && !negated)
        || (m.supposed && !m.intended && !negated && !threat)
        || m.to_be_done
    {
        hypothetical = true;
    } else if m.modal() && !negated {
        if matches!(
            plover.as_str(),
            "CONSULT" | "SUPPORT" | "COOPERATE" | "AID" | "RETREAT" | "CONCEDE"
        ) && !m.hedged
        {
            cameo = match rule.plover.as_str() {
                "CONSULT" => "036",
                "AID" => "033",
                "COOPERATE" => "031",
                "RETREAT" | "CONCEDE" => "035",
                _ => "030",
            }
            .into();
            plover = "AGREE".into();
            name = format!("{}+intent", rule.name);
        } else if threat && !m.hedged {
            cameo = match plover.as_str() {
                "SANCTION" => "1312",
                "PROTEST" => "133",
                "COERCE" => "137",
                _ => "138",
            }
            .into();
            plover = "THREATEN".into();
            name = format!("{}+threat", rule.name);
        } else if plover != "AGREE" || m.hedged {
            hypothetical = true;
        }
    }
    // "warned that the tests are illegal": the warning states a wrong, it threatens nothing.
    if m.accusing.is_some() && rule.plover == "THREATEN" {
        plover = "ACCUSE".into();
        cameo = "111".into();
        name = format!("{}+accusation", rule.name);
    }
    let refusal = (m.refused || (negated && m.announced)) && rule.plover != "REJECT";
    if refusal {
        plover = "REJECT".into();
        cameo = "120".into();
        name = format!("{}+refusal", rule.name);
        hypothetical = false;
    }
    Typed {
        plover,
        cameo,
        rule: name,
        negated: negated && !refusal,
        hypothetical,
    }
}
