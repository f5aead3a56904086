//! RSS and Atom feeds, one document per item or entry, through `feed-rs` (RSS 0.9x/1.0/2.0,
//! Atom and JSON Feed, maintained, no network access of its own).

use crate::markup::html_to_text;
use crate::{ReadError, ReadOutcome};
use dyad_core::Document;
use feed_rs::model::{Entry, Text};

/// Whether a feed text holds markup to remove: HTML or XHTML by its declared type, or plain
/// text that still carries tags (RSS `description` is HTML by custom, whatever it declares).
fn text_of(t: &Text) -> String {
    let declared_markup = t.content_type.subty() == "html" || t.content_type.suffix().is_some();
    if declared_markup || t.content.contains('<') {
        html_to_text(&t.content)
    } else {
        t.content.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// A stable id for an entry that has neither guid/id nor link: a hash of what it says, so a
/// feed polled again gives the same id to the same item.
fn content_id(shown: &str, title: &str, body: &str) -> String {
    // FNV-1a: tiny, stable across platforms and releases (unlike `DefaultHasher`).
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in title.bytes().chain([0]).chain(body.bytes()) {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    let name = shown.rsplit('/').next().unwrap_or(shown);
    format!("{name}#{h:016x}")
}

/// The documents of a feed. `shown` names it in messages.
pub fn read_feed(shown: &str, bytes: &[u8], out: &mut ReadOutcome) {
    let err = |message: String| ReadError {
        path: shown.to_string(),
        line: None,
        message,
    };
    // An empty id lets us choose ids ourselves: feed-rs would otherwise fall back to a random
    // UUID, and the same item would get another id at every poll.
    let parser = feed_rs::parser::Builder::new()
        .id_generator(|_, _, _| String::new())
        .build();
    let feed = match parser.parse(bytes) {
        Ok(f) => f,
        Err(feed_rs::parser::ParseFeedError::ParseError(
            feed_rs::parser::ParseErrorKind::NoFeedRoot,
        )) => {
            out.errors.push(err(
                "not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> root element)".into(),
            ));
            return;
        }
        Err(e) => {
            out.errors.push(err(format!("malformed feed: {e}")));
            return;
        }
    };
    let feed_title = feed.title.as_ref().map(text_of).filter(|t| !t.is_empty());
    let mut empty = 0usize;
    for (i, entry) in feed.entries.iter().enumerate() {
        match entry_document(shown, entry) {
            Some(mut doc) => {
                if doc.url.is_none() && doc.source.is_none() {
                    // Without a link the feed's name is the only outlet there is.
                    doc.source = feed_title.clone();
                }
                out.documents.push(doc);
            }
            None => {
                empty += 1;
                if empty <= 3 {
                    out.warnings.push(err(format!(
                        "item {} ({}) has no text; skipped",
                        i + 1,
                        if entry.id.is_empty() {
                            "no id"
                        } else {
                            &entry.id
                        }
                    )));
                }
            }
        }
    }
    if empty > 3 {
        out.warnings.push(err(format!(
            "{} items in all had no text and were skipped",
            empty
        )));
    }
    if feed.entries.is_empty() {
        out.warnings.push(err("the feed has no items".into()));
    }
}

fn entry_document(shown: &str, entry: &Entry) -> Option<Document> {
    let content = entry
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref())
        .map(|b| {
            if c_is_plain(entry) && !b.contains('<') {
                b.split_whitespace().collect::<Vec<_>>().join(" ")
            } else {
                html_to_text(b)
            }
        })
        .unwrap_or_default();
    let summary = entry.summary.as_ref().map(text_of).unwrap_or_default();
    // Some feeds put a teaser in `content` and the story in `description`: take the longer.
    let body = if content.len() >= summary.len() {
        content
    } else {
        summary
    };
    // An item with neither content nor description has nothing to code.
    body.split_whitespace().next()?;
    let title = entry.title.as_ref().map(text_of).filter(|t| !t.is_empty());
    let url = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first())
        .map(|l| l.href.trim().to_string())
        .filter(|h| !h.is_empty());
    let id = if !entry.id.trim().is_empty() {
        entry.id.trim().to_string()
    } else if let Some(u) = &url {
        u.clone()
    } else {
        content_id(shown, title.as_deref().unwrap_or(""), &body)
    };
    let date = entry.published.or(entry.updated).map(|d| d.date_naive());
    let mut doc = Document::new(id, body, date);
    doc.title = title;
    doc.url = url;
    Some(doc)
}

fn c_is_plain(entry: &Entry) -> bool {
    entry
        .content
        .as_ref()
        .is_some_and(|c| c.content_type.ty() == "text" && c.content_type.subty() == "plain")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour Gazette</title><link>https://gazette.example/</link>
<item><title>Ferry talks resume</title><link>https://gazette.example/a/ferry</link>
<guid isPermaLink="false">hg-101</guid><pubDate>Tue, 04 Mar 2025 08:15:00 +0000</pubDate>
<description>&lt;p&gt;Port officials from both islands &lt;b&gt;met&lt;/b&gt; on Monday.&lt;/p&gt;&lt;p&gt;They agreed to meet again.&lt;/p&gt;</description></item>
<item><title>No id here</title><link>https://gazette.example/a/second</link>
<description>A plain description &amp; nothing more, written for the test.</description></item>
<item><title>Empty</title><guid>hg-103</guid><description></description></item>
</channel></rss>"#;

    #[test]
    fn rss_items_become_documents_without_markup() {
        let mut out = ReadOutcome::default();
        read_feed("news.rss", RSS.as_bytes(), &mut out);
        assert_eq!(out.documents.len(), 2, "{:?}", out.errors);
        let d = &out.documents[0];
        assert_eq!(d.id, "hg-101");
        assert_eq!(d.title.as_deref(), Some("Ferry talks resume"));
        assert_eq!(d.url.as_deref(), Some("https://gazette.example/a/ferry"));
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2025, 3, 4));
        assert_eq!(
            d.body,
            "Port officials from both islands met on Monday.\n\nThey agreed to meet again."
        );
        assert_eq!(out.documents[1].id, "https://gazette.example/a/second");
        assert_eq!(
            out.documents[1].body,
            "A plain description & nothing more, written for the test."
        );
        assert_eq!(out.warnings.len(), 1);
        assert!(out.warnings[0].message.contains("hg-103"));
    }

    #[test]
    fn a_non_feed_and_a_broken_feed_are_errors_naming_the_file() {
        let mut out = ReadOutcome::default();
        read_feed("x.xml", b"<catalog><book/></catalog>", &mut out);
        assert!(out.errors[0]
            .to_string()
            .starts_with("x.xml: not an RSS or Atom feed"));
        let mut out = ReadOutcome::default();
        read_feed(
            "y.rss",
            b"<rss version=\"2.0\"><channel><item><title>a",
            &mut out,
        );
        assert!(out.documents.is_empty());
        assert!(out.errors[0]
            .to_string()
            .starts_with("y.rss: malformed feed"));
    }

    #[test]
    fn entries_without_id_or_link_get_a_stable_id() {
        let xml = "<rss version=\"2.0\"><channel><title>T</title><item><title>A</title>\
                   <description>Some words about a meeting of envoys.</description></item></channel></rss>";
        let ids: Vec<String> = (0..2)
            .map(|_| {
                let mut out = ReadOutcome::default();
                read_feed("f.rss", xml.as_bytes(), &mut out);
                out.documents[0].id.clone()
            })
            .collect();
        assert_eq!(ids[0], ids[1]);
        assert!(ids[0].starts_with("f.rss#"));
    }
}
