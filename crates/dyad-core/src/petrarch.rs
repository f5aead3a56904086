//! Import of the CAMEO/PETRARCH dictionary formats that many research groups maintain.
//!
//! Actors (`*.actors.txt`):
//!
//! ```text
//! GONDOR [GON]              # a name and its code
//! +MINAS_TIRITH             # synonyms of the entry above
//! BOROMIR                   # an entry whose code depends on the date:
//!     [GON < 950601]        #   before 1995-06-01
//!     [GONGOV 19950601 - 19990815]
//!     [GONREB > 990816]     #   after 1999-08-16
//! ```
//!
//! Agents (`*.agents.txt`): `FOREIGN_MINISTER [~GOV]`, `ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]`,
//! with `!NAME! = A, B` substitution lists. Underscores join words; codes are 3-letter blocks:
//! the first is the actor, the next a sector when dyad knows it (CIV→CVL, COP→POL, MNC→BUS).

use crate::error::{CoreError, Result};
use chrono::NaiveDate;
use std::collections::HashMap;

/// A dated code: (code, sector, first day, day after the last), open ends as `None`.
pub type DatedCode = (String, Option<String>, Option<NaiveDate>, Option<NaiveDate>);

/// One actor entry: its names and its dated codes.
#[derive(Debug, Clone, PartialEq)]
pub struct DictActor {
    pub names: Vec<String>,
    /// (code, sector, start, end): start inclusive, end exclusive.
    pub terms: Vec<DatedCode>,
}

/// One agent entry.
#[derive(Debug, Clone, PartialEq)]
pub struct DictAgent {
    pub terms: Vec<String>,
    pub sector: String,
}

/// Map a CAMEO sector block to a records-contract sector.
pub fn sector_of(block: &str) -> Option<&'static str> {
    Some(match block {
        "GOV" | "GOVFRM" => "GOV",
        "MIL" => "MIL",
        "LEG" => "LEG",
        "JUD" => "JUD",
        "PTY" => "PTY",
        "OPP" | "MOP" => "OPP",
        "REB" | "UAF" => "REB",
        "INS" | "IMG" => "INS",
        "CIV" | "CVL" => "CVL",
        "BUS" | "MNC" => "BUS",
        "MED" => "MED",
        "EDU" => "EDU",
        "REL" | "CHR" | "MOS" | "JEW" | "BUD" | "HIN" => "REL",
        "HLH" => "HLH",
        "LAB" => "LAB",
        "NGO" | "NGM" => "NGO",
        "IGO" => "IGO",
        "COP" | "POL" => "POL",
        "SPY" => "SPY",
        _ => return None,
    })
}

fn split_code(code: &str) -> (String, Option<String>) {
    let c = code.trim().to_ascii_uppercase();
    // "---" and "+++" mark an actor the dictionary deliberately leaves uncoded.
    if !c.chars().any(|ch| ch.is_ascii_alphabetic()) {
        return (String::new(), None);
    }
    let head: String = c.chars().take(3).collect();
    let rest: String = c.chars().skip(3).collect();
    let mut sector = None;
    let mut k = 0;
    while k + 3 <= rest.len() && sector.is_none() {
        sector = sector_of(&rest[k..k + 3]).map(String::from);
        k += 3;
    }
    if head == "IGO" {
        return ("IGO".into(), Some("IGO".into()));
    }
    (head, sector)
}

/// "950601" (YYMMDD, 20th century before 50) or "19950601" (YYYYMMDD).
fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    match s.len() {
        8 => NaiveDate::parse_from_str(s, "%Y%m%d").ok(),
        6 => {
            let yy: i32 = s[..2].parse().ok()?;
            let year = if yy < 50 { 2000 + yy } else { 1900 + yy };
            NaiveDate::from_ymd_opt(year, s[2..4].parse().ok()?, s[4..6].parse().ok()?)
        }
        _ => None,
    }
}

fn name_of(raw: &str) -> String {
    raw.trim()
        .trim_end_matches('_')
        .replace('_', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn strip_comments(line: &str) -> &str {
    let l = match line.find('#') {
        Some(p) => &line[..p],
        None => line,
    };
    l.trim_end()
}

/// Parse one code block "[GONGOV 19950601 - 19990815]", "[HOB < 950601]", "[X > 990816]".
fn parse_block(block: &str, file: &str, line: usize) -> Result<DatedCode> {
    let inner = block
        .trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .trim();
    let err = |m: &str| CoreError::Knowledge {
        file: file.into(),
        line,
        message: format!("{m}: {block:?}"),
    };
    let mut parts = inner.splitn(2, char::is_whitespace);
    let code = parts.next().unwrap_or("");
    if code.is_empty()
        || !code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '/'))
    {
        return Err(err("bad code block"));
    }
    let rest = parts.next().unwrap_or("").trim();
    let (start, end) = if rest.is_empty() {
        (None, None)
    } else if let Some(d) = rest.strip_prefix('<') {
        (None, Some(parse_date(d).ok_or_else(|| err("bad date"))?))
    } else if let Some(d) = rest.strip_prefix('>') {
        // "> 990816": from the day after.
        let d = parse_date(d).ok_or_else(|| err("bad date"))?;
        (d.succ_opt(), None)
    } else if let Some((a, b)) = rest.split_once('-') {
        let a = parse_date(a).ok_or_else(|| err("bad date"))?;
        let b = parse_date(b).ok_or_else(|| err("bad date"))?;
        (Some(a), b.succ_opt())
    } else {
        return Err(err("bad date range"));
    };
    // "ELR/GAL" names a compound actor; dyad keeps its first member (compound dictionary
    // entries are rare, and an actor here has one code).
    let (c, s) = split_code(code.split('/').next().unwrap_or(code));
    Ok((c, s, start, end))
}

/// Every code block of a line: "[USAGOV 010120-050120] [IGOUNOKID >050501]" or, written
/// together, "[IGOEUREEC 950701-951231][IGOWSTNAT 951205-991006]".
fn parse_blocks(text: &str, file: &str, line: usize) -> Result<Vec<DatedCode>> {
    let mut out = Vec::new();
    let mut rest = text.trim();
    while let Some(open) = rest.find('[') {
        let close =
            rest[open..]
                .find(']')
                .map(|c| open + c)
                .ok_or_else(|| CoreError::Knowledge {
                    file: file.into(),
                    line,
                    message: format!("unclosed code block: {rest:?}"),
                })?;
        out.push(parse_block(&rest[open..=close], file, line)?);
        rest = &rest[close + 1..];
    }
    Ok(out)
}

/// Parse an actor dictionary.
pub fn parse_actors(file: &str, text: &str) -> Result<Vec<DictActor>> {
    let mut out: Vec<DictActor> = Vec::new();
    let mut in_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let mut line = raw;
        if in_comment {
            match line.find("-->") {
                Some(p) => {
                    in_comment = false;
                    line = &line[p + 3..];
                }
                None => continue,
            }
        }
        if let Some(p) = line.find("<!--") {
            if !line[p..].contains("-->") {
                in_comment = true;
            }
            line = &line[..p];
        }
        let line = strip_comments(line);
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if let Some(syn) = t.strip_prefix('+') {
            match out.last_mut() {
                Some(a) => a.names.push(name_of(syn)),
                None => {
                    return Err(CoreError::Knowledge {
                        file: file.into(),
                        line: line_no,
                        message: "synonym before any actor".into(),
                    })
                }
            }
            continue;
        }
        if t.starts_with('[') {
            let terms = parse_blocks(t, file, line_no)?;
            match out.last_mut() {
                Some(a) => a.terms.extend(terms),
                None => {
                    return Err(CoreError::Knowledge {
                        file: file.into(),
                        line: line_no,
                        message: "code block before any actor".into(),
                    })
                }
            }
            continue;
        }
        // "NAME [CODE]" or "NAME" alone (codes follow on the next lines).
        let (name, block) = match t.find('[') {
            Some(p) => (&t[..p], Some(&t[p..])),
            None => (t, None),
        };
        let mut a = DictActor {
            names: vec![name_of(name)],
            terms: Vec::new(),
        };
        if let Some(b) = block {
            a.terms.extend(parse_blocks(b, file, line_no)?);
        }
        out.push(a);
    }
    Ok(out)
}

/// Parse an agent dictionary.
pub fn parse_agents(file: &str, text: &str) -> Result<Vec<DictAgent>> {
    let mut subs: HashMap<String, Vec<String>> = HashMap::new();
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let t = strip_comments(raw).trim();
        if t.is_empty() || t.starts_with("<!--") {
            continue;
        }
        if t.starts_with('!') {
            if let Some((k, v)) = t.split_once('=') {
                subs.insert(
                    k.trim().to_string(),
                    v.split(',')
                        .map(|x| x.trim().to_string())
                        .filter(|x| !x.is_empty())
                        .collect(),
                );
            }
            continue;
        }
        let Some(p) = t.find('[') else {
            return Err(CoreError::Knowledge {
                file: file.into(),
                line: i + 1,
                message: format!("agent without a [~CODE] block: {t:?}"),
            });
        };
        let code = t[p..]
            .trim_start_matches('[')
            .trim_end_matches(']')
            .trim()
            .trim_start_matches('~');
        let sector = (0..code.len() / 3)
            .find_map(|k| sector_of(&code[k * 3..k * 3 + 3]))
            .unwrap_or("CVL");
        let head = &t[..p];
        let (term, plural) = match head.find('{') {
            Some(b) => (
                &head[..b],
                head[b..].trim_start_matches('{').split('}').next(),
            ),
            None => (head, None),
        };
        let mut terms = Vec::new();
        for base in std::iter::once(term).chain(plural.filter(|p| !p.trim().is_empty())) {
            // Expand "!PERSON!" substitutions.
            let base = base.trim();
            let mut expanded = vec![base.to_string()];
            for (k, vals) in &subs {
                if base.contains(k.as_str()) {
                    expanded = vals
                        .iter()
                        .map(|v| base.replace(k.as_str(), &format!("_{v}_")))
                        .collect();
                }
            }
            terms.extend(expanded.iter().map(|e| name_of(e).to_lowercase()));
        }
        out.push(DictAgent {
            terms,
            sector: sector.to_string(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACTORS: &str = "<!-- a made-up dictionary -->\nFREEDONIA [FRD]\n+FREEDONIAN\n\nRUFUS_T_FIREFLY # leader\n  [FRDGOV 19330101 - 19331231]\n  [FRD > 19331231]\nSYLVANIA_ARMY [SYLMIL]\n";

    #[test]
    fn actors_with_synonyms_and_dated_codes() {
        let a = parse_actors("x.actors.txt", ACTORS).unwrap();
        assert_eq!(a.len(), 3);
        assert_eq!(a[0].names, vec!["FREEDONIA", "FREEDONIAN"]);
        assert_eq!(a[0].terms, vec![("FRD".to_string(), None, None, None)]);
        assert_eq!(a[1].names, vec!["RUFUS T FIREFLY"]);
        let (c, s, st, en) = &a[1].terms[0];
        assert_eq!((c.as_str(), s.as_deref()), ("FRD", Some("GOV")));
        assert_eq!(*st, NaiveDate::from_ymd_opt(1933, 1, 1));
        assert_eq!(*en, NaiveDate::from_ymd_opt(1934, 1, 1));
        assert_eq!(a[1].terms[1].2, NaiveDate::from_ymd_opt(1934, 1, 1));
        assert_eq!(parse_date("950601"), NaiveDate::from_ymd_opt(1995, 6, 1));
        assert_eq!(a[2].terms[0].1.as_deref(), Some("MIL"));
    }

    #[test]
    fn agents_with_plurals_and_substitutions() {
        let g = parse_agents(
            "x.agents.txt",
            "!PERSON! = MAN, WOMEN\nCHIEF_JUSTICE {CHIEF_JUSTICES} [~JUD]\nPOLICE!PERSON! [~COP]\n",
        )
        .unwrap();
        assert_eq!(g[0].terms, vec!["chief justice", "chief justices"]);
        assert_eq!(g[0].sector, "JUD");
        assert_eq!(g[1].terms, vec!["police man", "police women"]);
        assert_eq!(g[1].sector, "POL");
    }

    #[test]
    fn several_code_blocks_on_one_line_are_several_terms() {
        let a = parse_actors(
            "x.actors.txt",
            "LUCY_VAN_PELT_ [FRDGOV 010120-050120] [IGOUNO >050501]\nCHARLIE_BROWN_\n\t[FRDGOV 600101-600630][SYLMIL 630101-630630]\n",
        )
        .unwrap();
        assert_eq!(a[0].terms.len(), 2);
        assert_eq!(a[0].terms[1].0, "IGO");
        assert_eq!(a[0].terms[1].2, NaiveDate::from_ymd_opt(2005, 5, 2));
        assert_eq!(a[1].terms.len(), 2);
        assert_eq!(a[1].terms[1].1.as_deref(), Some("MIL"));
        let e = parse_actors("x.actors.txt", "X [ABC 990101-991231][DEF\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("x.actors.txt:1:") && e.contains("unclosed"),
            "{e}"
        );
    }

    #[test]
    fn bad_blocks_name_the_line() {
        let e = parse_actors("d.actors.txt", "X\n  [ABC 1999xx]\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("d.actors.txt:2:"), "{e}");
    }
}
