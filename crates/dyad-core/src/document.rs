//! Documents: the text a reader hands to the extractor, with its date header and dateline.

use crate::dates::parse_document_date;
use crate::text::Span;
use chrono::NaiveDate;
use serde::Serialize;

/// One news report. `body` is the text every evidence offset points into.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub id: String,
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub body: String,
    /// The dateline at the start of the body ("ASTANA —"), if any.
    pub dateline: Option<Dateline>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dateline {
    /// The place as written ("KYIV, Ukraine").
    pub place: String,
    /// Span of the whole dateline, dash included, in the body.
    #[serde(skip)]
    pub span: Span,
    /// The wire agency in parentheses, if any ("AP").
    pub agency: Option<String>,
}

impl Document {
    /// A document from a body whose date is already known (JSON Lines, HTML).
    pub fn new(
        id: impl Into<String>,
        body: impl Into<String>,
        date: Option<NaiveDate>,
    ) -> Document {
        let body = body.into();
        let dateline = find_dateline(&body);
        Document {
            id: id.into(),
            date,
            body,
            dateline,
            ..Default::default()
        }
    }

    /// A plain-text report: an optional first token `date YYYY-MM-DD` (removed from the body),
    /// then an optional dateline.
    pub fn from_plain_text(id: impl Into<String>, raw: &str) -> Document {
        let trimmed = raw.trim_start_matches('\u{feff}').trim_start();
        let mut date = None;
        let mut body = trimmed;
        if let Some(rest) = trimmed.strip_prefix("date") {
            let rest = rest.trim_start();
            let token: String = rest.chars().take_while(|c| !c.is_whitespace()).collect();
            if let Some(d) = parse_document_date(&token) {
                date = Some(d);
                body = rest[token.len()..].trim_start();
            }
        }
        Document::new(id, body, date)
    }
}

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '-')
}

/// Find a dateline: an upper-case place (optionally ", Region" in any case, and "(Agency)"),
/// then a dash, within the first 80 bytes.
pub fn find_dateline(body: &str) -> Option<Dateline> {
    let head: &str = match body.char_indices().nth(80) {
        Some((i, _)) => &body[..i],
        None => body,
    };
    // Find the first dash preceded by a space or ')' and followed by a space.
    let mut dash_at = None;
    let chars: Vec<(usize, char)> = head.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if is_dash(c) {
            let prev = k.checked_sub(1).map(|p| chars[p].1);
            let next = chars.get(k + 1).map(|x| x.1);
            let dbl = next == Some('-');
            if prev.is_some_and(|p| p == ' ' || p == ')') && (next == Some(' ') || dbl) {
                // A dash of any width may be followed by a hyphen ("--", "—-"): step over both.
                let end = i + c.len_utf8() + usize::from(dbl);
                dash_at = Some((i, end));
                break;
            }
        }
        if c == '.' || c == '\n' {
            break;
        }
    }
    let (dash, after) = dash_at?;
    let lead = head[..dash].trim_end();
    let (place_part, agency) = match lead.rfind('(') {
        Some(p) if lead.ends_with(')') => (
            lead[..p].trim_end(),
            Some(lead[p + 1..lead.len() - 1].trim().to_string()),
        ),
        _ => (lead, None),
    };
    let city = place_part.split(',').next().unwrap_or("").trim();
    let letters: Vec<char> = city.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 || !letters.iter().all(|c| c.is_uppercase()) {
        return None;
    }
    if place_part.split(',').count() > 2 || place_part.len() > 50 {
        return None;
    }
    let end = after + body[after..].len() - body[after..].trim_start().len();
    Some(Dateline {
        place: place_part.to_string(),
        span: Span::new(0, end),
        agency,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_header_and_dateline() {
        let d = Document::from_plain_text("a.txt", " date 2025-11-25 ASTANA — Two presidents met.");
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2025, 11, 25));
        assert_eq!(d.body, "ASTANA — Two presidents met.");
        let dl = d.dateline.unwrap();
        assert_eq!(dl.place, "ASTANA");
        assert_eq!(&d.body[dl.span.end..], "Two presidents met.");
    }

    #[test]
    fn dateline_styles() {
        let dl = find_dateline("KYIV, Ukraine — Shelling resumed.").unwrap();
        assert_eq!(dl.place, "KYIV, Ukraine");
        let dl = find_dateline("WASHINGTON (AP) — The talks").unwrap();
        assert_eq!(
            (dl.place.as_str(), dl.agency.as_deref()),
            ("WASHINGTON", Some("AP"))
        );
        let dl = find_dateline("BRUSSELS (Reuters) - Ministers met").unwrap();
        assert_eq!(dl.place, "BRUSSELS");
        assert!(find_dateline("The President - who arrived late - spoke.").is_none());
    }

    #[test]
    fn a_wide_dash_followed_by_a_hyphen_is_stepped_over_whole() {
        // Found by fuzzing: the end of "—-" was taken as two bytes after the dash's start.
        let dl = find_dateline("AA —- --  -").unwrap();
        assert_eq!(dl.place, "AA");
        assert!("AA —- --  -".is_char_boundary(dl.span.end));
        let dl = find_dateline("OSLO -- Talks began.").unwrap();
        assert_eq!(&"OSLO -- Talks began."[dl.span.end..], "Talks began.");
    }

    #[test]
    fn no_header_keeps_the_body() {
        let d = Document::from_plain_text("b.txt", "Talks resumed in Geneva.");
        assert_eq!(d.date, None);
        assert_eq!(d.body, "Talks resumed in Geneva.");
        assert!(d.dateline.is_none());
    }
}
