//! Dates of events: absolute ("Nov. 25", "25 November 2025", "March 3") and relative to the
//! report's date ("on Tuesday", "yesterday", "last week"), and document dates in the common
//! machine formats.

use crate::text::{Normalized, Token};
use chrono::{Datelike, Days, NaiveDate, Weekday};

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

fn month(w: &str) -> Option<u32> {
    MONTHS.iter().find(|(k, _)| *k == w).map(|(_, m)| *m)
}

/// Parse a document date: ISO 8601 with or without time ("2025-03-14", "2025-03-14T20:30:26Z",
/// "2025-03-14 20:30:26Z"), RFC 2822 ("Fri, 14 Mar 2025 20:30:26 +0000"), "14 March 2025",
/// "March 14, 2025", "2025/03/14".
pub fn parse_document_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    // `get`: the tenth byte may fall inside a character ("2025-03-1é"), which is no date.
    if let Some(head) = s.get(..10) {
        if let Ok(d) = NaiveDate::parse_from_str(&head.replace('/', "-"), "%Y-%m-%d") {
            return Some(d);
        }
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(s) {
        return Some(dt.date_naive());
    }
    let norm = Normalized::new(s);
    let toks = crate::text::tokenize(&norm);
    let words: Vec<&str> = toks
        .iter()
        .map(|t| &norm.text[t.span.start..t.span.end])
        .collect();
    for i in 0..words.len() {
        if let Some(m) = month(words[i]) {
            // "March 14, 2025"
            if let (Some(d), Some(y)) = (
                words.get(i + 1).and_then(|w| w.parse::<u32>().ok()),
                words
                    .iter()
                    .skip(i + 2)
                    .find_map(|w| w.parse::<i32>().ok().filter(|y| *y > 1900)),
            ) {
                if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                    return Some(date);
                }
            }
            // "14 March 2025"
            if i > 0 {
                if let (Ok(d), Some(Ok(y))) = (
                    words[i - 1].parse::<u32>(),
                    words.get(i + 1).map(|w| w.parse::<i32>()),
                ) {
                    if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                        return Some(date);
                    }
                }
            }
        }
    }
    None
}

/// A date expression found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    pub tokens: (usize, usize),
    pub date: NaiveDate,
}

/// The year for a month/day with no year: the one that puts it closest to the report date
/// (a report of Jan. 3 speaking of "Dec. 30" means the previous year).
fn nearest_year(doc: NaiveDate, m: u32, d: u32) -> Option<NaiveDate> {
    [doc.year() - 1, doc.year(), doc.year() + 1]
        .iter()
        .filter_map(|&y| NaiveDate::from_ymd_opt(y, m, d))
        .min_by_key(|c| (*c - doc).num_days().abs())
}

/// Find the date expressions of a sentence, resolved against the report date.
pub fn find_dates(norm: &Normalized, toks: &[Token], doc: Option<NaiveDate>) -> Vec<DateMention> {
    let w = |i: usize| -> &str {
        toks.get(i)
            .map(|t| &norm.text[t.span.start..t.span.end])
            .unwrap_or("")
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let word = w(i);
        // Month name followed by a day, optionally a year: "Nov. 25", "November 25, 2025".
        if let Some(m) = month(word) {
            let mut k = i + 1;
            if w(k) == "." {
                k += 1;
            }
            if let Ok(d) = w(k)
                .trim_end_matches(|c: char| c.is_alphabetic())
                .parse::<u32>()
            {
                if (1..=31).contains(&d) && w(k).len() <= 4 {
                    let mut end = k + 1;
                    let mut year = None;
                    let mut y = end;
                    if w(y) == "," {
                        y += 1;
                    }
                    if let Ok(yy) = w(y).parse::<i32>() {
                        if (1900..2100).contains(&yy) {
                            year = Some(yy);
                            end = y + 1;
                        }
                    }
                    // "May" is also a verb: require a capital M for it.
                    if word != "may" || toks[i].cap {
                        let date = match year {
                            Some(y) => NaiveDate::from_ymd_opt(y, m, d),
                            None => doc.and_then(|dd| nearest_year(dd, m, d)),
                        };
                        if let Some(date) = date {
                            out.push(DateMention {
                                tokens: (i, end),
                                date,
                            });
                            i = end;
                            continue;
                        }
                    }
                }
            }
        }
        // Day before month: "25 November 2025", "25 November".
        if let Ok(d) = word.parse::<u32>() {
            if let Some(m) = month(w(i + 1))
                .filter(|_| (1..=31).contains(&d) && (w(i + 1) != "may" || toks[i + 1].cap))
            {
                let mut end = i + 2;
                let date = match w(i + 2).parse::<i32>() {
                    Ok(y) if (1900..2100).contains(&y) => {
                        end += 1;
                        NaiveDate::from_ymd_opt(y, m, d)
                    }
                    _ => doc.and_then(|dd| nearest_year(dd, m, d)),
                };
                if let Some(date) = date {
                    out.push(DateMention {
                        tokens: (i, end),
                        date,
                    });
                    i = end;
                    continue;
                }
            }
        }
        if let Some(doc) = doc {
            // Weekdays: the latest such day on or before the report date ("on Tuesday").
            if let Some((_, wd)) = WEEKDAYS.iter().find(|(k, _)| *k == word) {
                let back =
                    (doc.weekday().num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7;
                let mut date = doc - Days::new(back as u64);
                if w(i.wrapping_sub(1)) == "next" {
                    date = date + Days::new(7);
                }
                out.push(DateMention {
                    tokens: (i, i + 1),
                    date,
                });
                i += 1;
                continue;
            }
            let rel = match (word, w(i + 1)) {
                ("yesterday", _) => Some((1, 1)),
                ("today", _) | ("tonight", _) => Some((0, 1)),
                ("tomorrow", _) => None,
                ("last", "week") => Some((7, 2)),
                ("last", "month") => Some((30, 2)),
                ("earlier", "this") if w(i + 2) == "month" => Some((doc.day() as u64 / 2, 3)),
                _ => None,
            };
            if let Some((days, len)) = rel {
                out.push(DateMention {
                    tokens: (i, i + len),
                    date: doc - Days::new(days),
                });
                i += len;
                continue;
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    #[test]
    fn document_date_with_a_character_across_byte_ten_is_not_a_date() {
        assert_eq!(parse_document_date("2025-03-1\u{e9}xx"), None);
        assert_eq!(
            parse_document_date("2025-03-14\u{e9}"),
            NaiveDate::from_ymd_opt(2025, 3, 14)
        );
    }

    #[test]
    fn a_date_string_with_a_character_across_byte_ten_is_no_date_not_a_panic() {
        // Found by fuzzing every reader: "2025-03Ó..." has a two-byte letter at bytes 9..11.
        assert_eq!(parse_document_date("2025-03ÓÏÍéOSLe"), None);
        assert_eq!(parse_document_date("2025-05-0Ñ"), None);
    }

    fn dates(s: &str, doc: &str) -> Vec<String> {
        let n = Normalized::new(s);
        let t = tokenize(&n);
        let d = NaiveDate::parse_from_str(doc, "%Y-%m-%d").ok();
        find_dates(&n, &t, d)
            .into_iter()
            .map(|m| m.date.to_string())
            .collect()
    }

    #[test]
    fn month_day_takes_the_report_year() {
        assert_eq!(
            dates("held talks on Nov. 25 in Astana", "2025-11-25"),
            vec!["2025-11-25"]
        );
        assert_eq!(dates("on March 3", "2024-03-05"), vec!["2024-03-03"]);
    }

    #[test]
    fn year_boundary_picks_the_nearest_year() {
        assert_eq!(dates("since Dec. 30", "2025-01-02"), vec!["2024-12-30"]);
    }

    #[test]
    fn explicit_years_and_day_first() {
        assert_eq!(
            dates("on 25 November 2025", "2020-01-01"),
            vec!["2025-11-25"]
        );
        assert_eq!(
            dates("on November 25, 2025", "2020-01-01"),
            vec!["2025-11-25"]
        );
    }

    #[test]
    fn weekdays_and_relative_days() {
        // 2025-11-25 is a Tuesday.
        assert_eq!(dates("met on Monday", "2025-11-25"), vec!["2025-11-24"]);
        assert_eq!(dates("met on Tuesday", "2025-11-25"), vec!["2025-11-25"]);
        assert_eq!(dates("said yesterday", "2025-11-25"), vec!["2025-11-24"]);
        assert_eq!(dates("last week", "2025-11-25"), vec!["2025-11-18"]);
    }

    #[test]
    fn vaguer_relative_dates() {
        assert_eq!(
            dates("earlier this month", "2025-11-20"),
            vec!["2025-11-10"]
        );
        assert_eq!(dates("last month", "2025-11-20"), vec!["2025-10-21"]);
        assert_eq!(dates("due next Tuesday", "2025-11-20"), vec!["2025-11-25"]);
    }

    #[test]
    fn may_the_verb_is_not_a_date() {
        assert!(dates("they may 5 times", "2025-11-25").is_empty());
    }

    #[test]
    fn document_date_formats() {
        let want = NaiveDate::from_ymd_opt(2025, 3, 14);
        assert_eq!(parse_document_date("2025-03-14 20:30:26Z"), want);
        assert_eq!(parse_document_date("2025-03-14T20:30:26+01:00"), want);
        assert_eq!(parse_document_date("Fri, 14 Mar 2025 20:30:26 +0000"), want);
        assert_eq!(parse_document_date("March 14, 2025"), want);
        assert_eq!(parse_document_date("14 March 2025"), want);
        assert_eq!(parse_document_date("not a date"), None);
    }
}
