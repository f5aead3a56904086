//! Web archives (WARC 1.0/1.1, plain or gzip, as crawlers such as Common Crawl write them),
//! read a record at a time: `response` records holding an HTML page become documents;
//! requests, metadata, redirects and other media are counted and skipped.
//!
//! Memory stays flat: records are streamed, a payload is read only up to the markup limit
//! (the rest is skipped unread), and pages are parsed in batches.
//!
//! The record framing is read here rather than by the `warc` crate (0.4): fuzzing it found a
//! panic within a second (a header value that is not UTF-8 is unwrapped), and it also sizes
//! buffers from the declared length and creates a missing file when asked to read one. The
//! format is small: a version line, header lines, a blank line, `Content-Length` bytes, and two
//! line ends.

use crate::html::read_page;
use crate::{Limits, ReadError, ReadOutcome};
use dyad_core::dates::parse_document_date;
use rayon::prelude::*;
use std::io::{BufRead, Read};

/// One HTML page taken out of a record, waiting to be parsed.
struct Pending {
    record: usize,
    uri: String,
    warc_date: Option<chrono::NaiveDate>,
    html: String,
    cut: bool,
}

/// What was skipped, for one line at the end instead of one per record.
#[derive(Default)]
struct Skipped {
    other_types: usize,
    not_html: usize,
    status: usize,
    no_article: usize,
}

/// Stream the documents of a WARC in batches of `batch` pages.
pub fn stream_warc<R: BufRead, E>(
    shown: &str,
    reader: R,
    limits: &Limits,
    batch: usize,
    mut each: impl FnMut(ReadOutcome) -> Result<(), E>,
) -> Result<(), E> {
    let err = |message: String| ReadError {
        path: shown.to_string(),
        line: None,
        message,
    };
    let mut reader = reader;
    let mut pending: Vec<Pending> = Vec::new();
    let mut skipped = Skipped::default();
    let mut out = ReadOutcome::default();
    let mut n = 0usize;
    let mut pages = 0usize;
    loop {
        let head = match read_head(&mut reader) {
            Ok(None) => break,
            Ok(Some(h)) => h,
            Err(e) => {
                // The format has no resynchronisation marker: after a broken record the
                // offsets of the next ones are unknown, so the rest of the file is given up.
                let what = if n == 0 {
                    format!("not a WARC file, or its first record is malformed ({e})")
                } else {
                    format!(
                        "record {} is malformed ({e}); the records after it are not read",
                        n + 1
                    )
                };
                out.errors.push(err(what));
                break;
            }
        };
        n += 1;
        let mut body = (&mut reader).take(head.length);
        let wanted = head.kind.eq_ignore_ascii_case("response")
            && head
                .content_type
                .as_deref()
                .is_none_or(|t| t.to_ascii_lowercase().contains("application/http"));
        if !wanted {
            if head.kind.eq_ignore_ascii_case("response") {
                skipped.not_html += 1;
            } else {
                skipped.other_types += 1;
            }
            if let Err(e) = finish_record(&mut body, head.length) {
                out.errors.push(err(format!(
                    "record {n} is cut short ({e}); the records after it are not read"
                )));
                break;
            }
            continue;
        }
        let uri = head.target_uri.clone().unwrap_or_default();
        let warc_date = head.date;
        // Read one byte past the limit to know whether the payload was cut.
        let cap = limits.max_html_bytes.saturating_add(64 * 1024);
        let mut payload = Vec::new();
        let read = (&mut body)
            .take(cap as u64 + 1)
            .read_to_end(&mut payload)
            .map_err(|e| e.to_string())
            .and_then(|_| finish_record(&mut body, head.length));
        if let Err(e) = read {
            out.errors.push(err(format!(
                "record {n} ({uri}) is cut short ({e}); the records after it are not read"
            )));
            break;
        }
        let cut = payload.len() > cap;
        payload.truncate(cap);
        match http_html(&payload) {
            Ok(html) => pending.push(Pending {
                record: n,
                uri,
                warc_date,
                html,
                cut,
            }),
            Err(Skip::Status) => skipped.status += 1,
            Err(Skip::NotHtml) => skipped.not_html += 1,
            Err(Skip::Broken(m)) => out
                .warnings
                .push(err(format!("record {n} ({uri}): {m}; skipped"))),
        }
        if pending.len() >= batch.max(1) {
            pages += pending.len();
            parse_pages(
                shown,
                std::mem::take(&mut pending),
                limits,
                &mut out,
                &mut skipped,
            );
            each(std::mem::take(&mut out))?;
        }
    }
    pages += pending.len();
    parse_pages(shown, pending, limits, &mut out, &mut skipped);
    let total = skipped.other_types + skipped.not_html + skipped.status + skipped.no_article;
    if total > 0 {
        out.warnings.push(err(format!(
            "{pages} HTML pages found in {n} records; skipped {} records of other types, {} not \
             HTML, {} not status 2xx, {} pages with no article text",
            skipped.other_types, skipped.not_html, skipped.status, skipped.no_article
        )));
    }
    if n == 0 && out.errors.is_empty() {
        out.errors
            .push(err("not a WARC file: no WARC record in it".into()));
    }
    each(out)
}

fn parse_pages(
    shown: &str,
    pages: Vec<Pending>,
    limits: &Limits,
    out: &mut ReadOutcome,
    skipped: &mut Skipped,
) {
    let results: Vec<_> = pages
        .into_par_iter()
        .map(|p| {
            let r = read_page(&p.uri, &p.html, limits);
            (p, r)
        })
        .collect();
    for (p, r) in results {
        let note = |m: String| ReadError {
            path: shown.to_string(),
            line: None,
            message: format!("record {} ({}): {m}", p.record, p.uri),
        };
        match r {
            Ok(page) => {
                if p.cut {
                    out.warnings.push(note(format!(
                        "page larger than {} bytes; only its start was read (--max-html-bytes)",
                        limits.max_html_bytes
                    )));
                }
                if let Some(why) = page.fallback {
                    out.warnings.push(note(why));
                }
                let mut doc = page.document;
                // The archive says where the page was; the page may say it was published.
                doc.date = doc.date.or(p.warc_date);
                doc.url = Some(p.uri.clone());
                out.documents.push(doc);
            }
            Err(_) => skipped.no_article += 1,
        }
    }
}

/// The header block of one record, as far as dyad needs it.
struct Head {
    kind: String,
    target_uri: Option<String>,
    date: Option<chrono::NaiveDate>,
    content_type: Option<String>,
    length: u64,
}

/// Longest header line and most header lines accepted: real records have a dozen lines of a
/// few hundred bytes.
const MAX_LINE: u64 = 64 * 1024;
const MAX_LINES: usize = 1024;

fn read_line(r: &mut impl BufRead, buf: &mut Vec<u8>) -> Result<usize, String> {
    buf.clear();
    let n = r
        .take(MAX_LINE)
        .read_until(b'\n', buf)
        .map_err(|e| format!("read error: {e}"))?;
    if n as u64 >= MAX_LINE && !buf.ends_with(b"\n") {
        return Err(format!("a header line longer than {MAX_LINE} bytes"));
    }
    Ok(n)
}

/// The next record's header block; `None` at the end of the input.
fn read_head(r: &mut impl BufRead) -> Result<Option<Head>, String> {
    let mut line = Vec::new();
    // Blank lines may separate records (the two line ends after a body, and then some).
    loop {
        if read_line(r, &mut line)? == 0 {
            return Ok(None);
        }
        if !line.iter().all(|b| b.is_ascii_whitespace()) {
            break;
        }
    }
    if !line.starts_with(b"WARC/") {
        return Err("no WARC/1.x version line where a record should start".into());
    }
    let mut head = Head {
        kind: String::new(),
        target_uri: None,
        date: None,
        content_type: None,
        length: 0,
    };
    let mut length = None;
    for _ in 0..MAX_LINES {
        if read_line(r, &mut line)? == 0 {
            return Err("the input ends inside a record header".into());
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            let Some(length) = length else {
                return Err("a record without Content-Length".into());
            };
            head.length = length;
            return Ok(Some(head));
        }
        let Some((name, value)) = text.split_once(':') else {
            // Folded continuation lines carry nothing dyad reads.
            continue;
        };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "warc-type" => head.kind = value.to_string(),
            "warc-target-uri" => head.target_uri = Some(value.trim_matches(['<', '>']).to_string()),
            "warc-date" => head.date = parse_document_date(value),
            "content-type" => head.content_type = Some(value.to_string()),
            "content-length" => {
                length = Some(
                    value
                        .parse::<u64>()
                        .map_err(|_| format!("Content-Length {value:.40?} is not a number"))?,
                )
            }
            _ => {}
        }
    }
    Err(format!("more than {MAX_LINES} header lines"))
}

/// Skip what is left of a record's body (unread, in fixed-size steps) and check that all of
/// it was there.
fn finish_record<R: BufRead>(body: &mut std::io::Take<&mut R>, length: u64) -> Result<(), String> {
    std::io::copy(body, &mut std::io::sink()).map_err(|e| format!("read error: {e}"))?;
    if body.limit() > 0 {
        return Err(format!(
            "the input ends {} bytes into a body of {length}",
            length - body.limit()
        ));
    }
    Ok(())
}

enum Skip {
    Status,
    NotHtml,
    Broken(String),
}

/// The HTML of an HTTP response message: status 2xx, an HTML content type (or none and HTML
/// bytes), chunked transfer and gzip/deflate content encodings undone, decoded by its charset.
fn http_html(msg: &[u8]) -> Result<String, Skip> {
    let head_end = find(msg, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| find(msg, b"\n\n").map(|i| (i, i + 2)))
        .ok_or_else(|| Skip::Broken("no end of the HTTP headers".into()))?;
    let head = String::from_utf8_lossy(&msg[..head_end.0]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or("");
    let status: u16 = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| Skip::Broken(format!("not an HTTP status line: {status_line:.60?}")))?;
    if !(200..300).contains(&status) {
        return Err(Skip::Status);
    }
    let mut content_type = None;
    let mut chunked = false;
    let mut encoding = None;
    for l in lines {
        let Some((k, v)) = l.split_once(':') else {
            continue;
        };
        let v = v.trim().to_ascii_lowercase();
        match k.trim().to_ascii_lowercase().as_str() {
            "content-type" => content_type = Some(v),
            "transfer-encoding" => chunked = v.contains("chunked"),
            "content-encoding" if v != "identity" => encoding = Some(v),
            _ => {}
        }
    }
    let mut body = msg[head_end.1..].to_vec();
    if chunked {
        body = dechunk(&body).ok_or_else(|| Skip::Broken("broken chunked encoding".into()))?;
    }
    if let Some(enc) = &encoding {
        body = match enc.as_str() {
            "gzip" | "x-gzip" => inflate(libflate::gzip::Decoder::new(&body[..]).ok(), enc)?,
            "deflate" => inflate(Some(libflate::deflate::Decoder::new(&body[..])), enc)?,
            other => {
                return Err(Skip::Broken(format!(
                    "content encoding {other} not supported"
                )))
            }
        };
    }
    let html_type = content_type
        .as_deref()
        .map(|t| t.contains("html"))
        .unwrap_or_else(|| looks_like_html(&body));
    if !html_type {
        return Err(Skip::NotHtml);
    }
    let charset = content_type
        .as_deref()
        .and_then(|t| t.split(';').find_map(|p| p.trim().strip_prefix("charset=")))
        .map(|c| c.trim_matches(['"', '\'']).to_string())
        .or_else(|| meta_charset(&body));
    Ok(decode_html(&body, charset.as_deref()))
}

fn inflate<R: Read>(dec: Option<R>, enc: &str) -> Result<Vec<u8>, Skip> {
    let mut out = Vec::new();
    let broken = || Skip::Broken(format!("content encoding {enc} is corrupt"));
    // Compressed payloads can expand a thousandfold: cap what a page may become.
    dec.ok_or_else(broken)?
        .take(256 << 20)
        .read_to_end(&mut out)
        .map_err(|_| broken())?;
    Ok(out)
}

fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    loop {
        let eol = find(b, b"\r\n")?;
        let size_text = std::str::from_utf8(&b[..eol]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        b = &b[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        if size > b.len() {
            // A cut payload ends mid-chunk: keep what is there.
            out.extend_from_slice(b);
            return Some(out);
        }
        out.extend_from_slice(&b[..size]);
        b = b.get(size + 2..).unwrap_or(&[]);
        if b.is_empty() {
            return Some(out);
        }
    }
}

fn looks_like_html(b: &[u8]) -> bool {
    let head = b[..b.len().min(1024)].to_ascii_lowercase();
    find(&head, b"<html").is_some() || find(&head, b"<!doctype html").is_some()
}

fn meta_charset(b: &[u8]) -> Option<String> {
    let head = b[..b.len().min(4096)].to_ascii_lowercase();
    let at = find(&head, b"charset=")? + 8;
    let rest = &head[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or(rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|c| !(c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_'))
        .unwrap_or(rest.len());
    (end > 0).then(|| String::from_utf8_lossy(&rest[..end]).into_owned())
}

fn decode_html(b: &[u8], charset: Option<&str>) -> String {
    let enc = charset
        .and_then(|c| encoding_rs::Encoding::for_label(c.as_bytes()))
        .unwrap_or(encoding_rs::UTF_8);
    if enc == encoding_rs::UTF_8 {
        if let Ok(s) = std::str::from_utf8(b) {
            return s.trim_start_matches('\u{feff}').to_string();
        }
        // Pages that claim UTF-8 and are not are usually Windows-1252.
        return encoding_rs::WINDOWS_1252.decode(b).0.into_owned();
    }
    enc.decode(b).0.into_owned()
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A WARC record as crawlers write them.
    pub(crate) fn record(kind: &str, uri: &str, date: &str, body: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{:08x}-0000-0000-0000-000000000000>\r\n\
             WARC-Date: {date}\r\nWARC-Target-URI: {uri}\r\n\
             Content-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n",
            body.len() ^ uri.len(),
            body.len()
        )
        .into_bytes();
        r.extend_from_slice(body);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn page(title: &str, text: &str) -> String {
        format!(
            "<html><head><title>{title}</title></head><body><nav><a href=\"/\">Home</a></nav>\
             <article><h1>{title}</h1><p>{text}</p><p>{text}</p></article></body></html>"
        )
    }

    fn read(bytes: &[u8]) -> ReadOutcome {
        let mut all = ReadOutcome::default();
        stream_warc::<_, ()>("t.warc", bytes, &Limits::default(), 2, |o| {
            all.documents.extend(o.documents);
            all.errors.extend(o.errors);
            all.warnings.extend(o.warnings);
            Ok(())
        })
        .unwrap();
        all
    }

    #[test]
    fn responses_with_html_become_documents_and_the_rest_is_skipped() {
        let text = "Coastguard crews from the two neighbouring states held a joint drill on Sunday, officials said.";
        let mut w = record(
            "request",
            "http://news.example/a",
            "2025-06-01T10:00:00Z",
            b"GET /a HTTP/1.1\r\n\r\n",
        );
        let resp = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{}",
            page("Drill", text)
        );
        w.extend(record(
            "response",
            "http://news.example/a",
            "2025-06-01T10:00:00Z",
            resp.as_bytes(),
        ));
        w.extend(record(
            "response",
            "http://news.example/img.png",
            "2025-06-01T10:00:01Z",
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
        ));
        w.extend(record(
            "response",
            "http://news.example/old",
            "2025-06-01T10:00:02Z",
            b"HTTP/1.1 301 Moved\r\nLocation: /new\r\n\r\n",
        ));
        let out = read(&w);
        assert!(out.errors.is_empty(), "{:?}", out.errors);
        assert_eq!(out.documents.len(), 1);
        let d = &out.documents[0];
        assert_eq!(d.id, "http://news.example/a");
        assert_eq!(d.url.as_deref(), Some("http://news.example/a"));
        assert_eq!(d.date, chrono::NaiveDate::from_ymd_opt(2025, 6, 1));
        assert!(d.body.starts_with("Coastguard crews"), "{}", d.body);
        assert!(!d.body.contains("Home"));
        let summary = &out.warnings.last().unwrap().message;
        assert!(
            summary.contains("1 HTML pages found in 4 records"),
            "{summary}"
        );
        assert!(
            summary.contains("1 records of other types, 1 not HTML, 1 not status 2xx"),
            "{summary}"
        );
    }

    #[test]
    fn chunked_and_gzip_payloads_are_undone() {
        let text = "Border guards of both countries reopened the crossing on Thursday after talks, a statement said.";
        let html = page("Crossing", text);
        let mut gz = libflate::gzip::Encoder::new(Vec::new()).unwrap();
        std::io::Write::write_all(&mut gz, html.as_bytes()).unwrap();
        let gz = gz.finish().into_result().unwrap();
        let mut chunked = format!("{:x}\r\n", gz.len()).into_bytes();
        chunked.extend(&gz);
        chunked.extend(b"\r\n0\r\n\r\n");
        let mut resp = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        resp.extend(chunked);
        let out = read(&record(
            "response",
            "http://x.example/c",
            "2024-02-02T00:00:00Z",
            &resp,
        ));
        assert_eq!(
            out.documents.len(),
            1,
            "{:?} {:?}",
            out.errors,
            out.warnings
        );
        assert!(out.documents[0].body.contains("reopened the crossing"));
    }

    #[test]
    fn a_broken_record_keeps_the_pages_before_it_and_says_which() {
        let text = "Envoys of the two governments signed a fisheries accord in the capital on Friday, officials said.";
        let resp = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{}",
            page("Accord", text)
        );
        let mut w = record(
            "response",
            "http://a.example/1",
            "2025-01-01T00:00:00Z",
            resp.as_bytes(),
        );
        w.extend(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://a.example/2\r\nContent-Length: 99999\r\n\r\nshort");
        let out = read(&w);
        assert_eq!(out.documents.len(), 1);
        assert!(
            out.errors[0]
                .message
                .starts_with("record 2 (http://a.example/2) is cut short"),
            "{:?}",
            out.errors
        );
    }

    #[test]
    fn a_header_that_is_not_utf8_is_read_lossily() {
        // Found by fuzzing: the `warc` crate panicked on this record.
        let out = read(include_bytes!(
            "../tests/data/fuzz-warc-non-utf8-header.warc"
        ));
        assert!(out.documents.len() <= 1);
        let mut w = record(
            "response",
            "http://n.example/\u{e9}",
            "2025-06-01T10:00:00Z",
            b"x",
        );
        w[20] = 0xff;
        let out = read(&w);
        assert!(out.documents.is_empty());
    }

    #[test]
    fn random_bytes_are_one_clear_error() {
        let out = read(b"\x13\x37 this is not an archive \xff\xfe");
        assert!(out.documents.is_empty());
        assert!(
            out.errors[0].message.starts_with("not a WARC file"),
            "{:?}",
            out.errors
        );
    }
}
