//! dyad-io: readers that turn files into [`dyad_core::Document`]s.
//!
//! Every reader reports problems per file (and per line for JSON Lines) and carries on, so one
//! bad input never loses the rest of a batch.

use chrono::NaiveDate;
use dyad_core::dates::parse_document_date;
use dyad_core::Document;
use std::fmt;
use std::path::{Path, PathBuf};

/// A problem with one input: which file, which line, what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadError {
    pub path: String,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.path, l, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for ReadError {}

/// A note that is not an error (e.g. a file decoded as Windows-1252).
pub type Warning = ReadError;

/// The input formats dyad reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    JsonLines,
    Html,
}

impl Format {
    /// The format a path's extension implies (no extension: plain text).
    pub fn of(path: &Path) -> Option<Format> {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref()
        {
            None | Some("txt") | Some("text") => Some(Format::Text),
            Some("jsonl") | Some("ndjson") => Some(Format::JsonLines),
            Some("html") | Some("htm") | Some("xhtml") => Some(Format::Html),
            _ => None,
        }
    }
}

/// Expand the command-line paths: files as given, directories recursively in sorted order,
/// `-` kept for standard input. Files of unknown types inside directories are skipped.
pub fn expand_paths(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<ReadError>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(p.clone());
        } else if p.is_dir() {
            walk(p, &mut out, &mut errors);
        } else if p.exists() {
            out.push(p.clone());
        } else {
            errors.push(ReadError {
                path: p.display().to_string(),
                line: None,
                message: "no such file or directory".into(),
            });
        }
    }
    (out, errors)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<ReadError>) {
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            errors.push(ReadError {
                path: dir.display().to_string(),
                line: None,
                message: format!("cannot list directory: {e}"),
            });
            return;
        }
    };
    entries.sort();
    for e in entries {
        let name = e.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            continue;
        }
        if e.is_dir() {
            walk(&e, out, errors);
        } else if Format::of(&e).is_some() {
            out.push(e);
        }
    }
}

/// Decode bytes as UTF-8, falling back to Windows-1252 (a superset of Latin-1) for legacy
/// files; binary data (NUL bytes) is refused.
pub fn decode(bytes: &[u8]) -> Result<(String, bool), String> {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Err("binary file (contains NUL bytes), not text".into());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.trim_start_matches('\u{feff}').to_string(), false)),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Ok((text.into_owned(), true))
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("-")
        .to_string()
}

/// The outcome of reading one input: its documents, and the problems met on the way.
#[derive(Debug, Default)]
pub struct ReadOutcome {
    pub documents: Vec<Document>,
    pub errors: Vec<ReadError>,
    pub warnings: Vec<Warning>,
}

/// Read one path (or `-` for standard input, sniffed as JSON Lines or text).
pub fn read_path(path: &Path) -> ReadOutcome {
    let shown = path.display().to_string();
    let mut out = ReadOutcome::default();
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        if let Err(e) = std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf) {
            out.errors.push(ReadError {
                path: "-".into(),
                line: None,
                message: format!("cannot read standard input: {e}"),
            });
            return out;
        }
        buf
    } else {
        match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                out.errors.push(ReadError {
                    path: shown,
                    line: None,
                    message: format!("cannot read: {e}"),
                });
                return out;
            }
        }
    };
    let format = if path.as_os_str() == "-" {
        let first = bytes.iter().find(|b| !b.is_ascii_whitespace()).copied();
        match first {
            Some(b'{') => Format::JsonLines,
            Some(b'<') => Format::Html,
            _ => Format::Text,
        }
    } else {
        Format::of(path).unwrap_or(Format::Text)
    };
    read_bytes(&shown, &file_name(path), &bytes, format)
}

/// Read in-memory bytes of a given format; `shown` names the input in messages and `id` is
/// the document id for single-document formats.
pub fn read_bytes(shown: &str, id: &str, bytes: &[u8], format: Format) -> ReadOutcome {
    let mut out = ReadOutcome::default();
    let err = |m: String| ReadError {
        path: shown.to_string(),
        line: None,
        message: m,
    };
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        out.errors.push(err("empty file".into()));
        return out;
    }
    let text = match decode(bytes) {
        Ok((t, legacy)) => {
            if legacy {
                out.warnings
                    .push(err("not UTF-8: decoded as Windows-1252".into()));
            }
            t
        }
        Err(m) => {
            out.errors.push(err(m));
            return out;
        }
    };
    match format {
        Format::Text => out.documents.push(Document::from_plain_text(id, &text)),
        Format::JsonLines => read_jsonl(shown, &text, &mut out),
        Format::Html => match read_html(id, &text) {
            Ok(d) => out.documents.push(d),
            Err(m) => out.errors.push(err(m)),
        },
    }
    out
}

/// The keys a JSON Lines record is read from, each list in order of preference; a binding
/// that reads table rows passes on the columns of these names (and `id`).
pub const TEXT_KEYS: &[&str] = &["text", "body", "content"];
pub const DATE_KEYS: &[&str] = &["date", "published", "published_at", "pubDate", "datetime"];
pub const TITLE_KEYS: &[&str] = &["title", "headline"];
pub const URL_KEYS: &[&str] = &["url", "link"];
pub const SOURCE_KEYS: &[&str] = &["source", "outlet", "publisher"];

fn str_field<'a>(v: &'a serde_json::Value, keys: &[&str]) -> Option<&'a str> {
    keys.iter().find_map(|k| {
        v.get(*k)
            .and_then(|x| x.as_str())
            .filter(|s| !s.trim().is_empty())
    })
}

fn read_jsonl(shown: &str, text: &str, out: &mut ReadOutcome) {
    for (i, line) in text.lines().enumerate() {
        parse_jsonl_line(shown, i + 1, line, out);
    }
}

/// Parse one JSON Lines record into `out` (a document, or an error naming the line).
fn parse_jsonl_line(shown: &str, line_no: usize, line: &str, out: &mut ReadOutcome) {
    if line.trim().is_empty() {
        return;
    }
    match serde_json::from_str(line) {
        Ok(v) => read_record(shown, line_no, &v, out),
        Err(x) => out.errors.push(ReadError {
            path: shown.to_string(),
            line: Some(line_no),
            message: format!("not valid JSON ({x})"),
        }),
    }
}

/// Read one record already parsed as JSON (a JSON Lines object, or a row built by a binding)
/// into `out`: a document with the fields, aliases and date rules of JSON Lines input, or an
/// error naming `shown` and `line_no`; a record without `id` is named `{file}:{line}`.
pub fn read_record(shown: &str, line_no: usize, v: &serde_json::Value, out: &mut ReadOutcome) {
    let e = |m: String| ReadError {
        path: shown.to_string(),
        line: Some(line_no),
        message: m,
    };
    let Some(body) = str_field(v, TEXT_KEYS) else {
        out.errors.push(e("no `text` field".into()));
        return;
    };
    let id = match v.get("id") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => format!("{}:{}", shown.rsplit('/').next().unwrap_or(shown), line_no),
    };
    let date_raw = str_field(v, DATE_KEYS);
    let date: Option<NaiveDate> = date_raw.and_then(parse_document_date);
    if date_raw.is_some() && date.is_none() {
        out.warnings.push(e(format!(
            "unrecognised date {:?}; document has no date",
            date_raw.unwrap_or("")
        )));
    }
    let (body, header_date) = strip_date_header(body);
    let mut doc = Document::new(id, body, date.or(header_date));
    doc.title = str_field(v, TITLE_KEYS).map(String::from);
    doc.url = str_field(v, URL_KEYS).map(String::from);
    doc.source = str_field(v, SOURCE_KEYS).map(String::from);
    out.documents.push(doc);
}

/// Stream a JSON Lines file in batches of `batch` documents, so memory stays flat however
/// large the file: `each` gets every batch with the errors and warnings of its lines.
pub fn stream_jsonl<E>(
    path: &Path,
    batch: usize,
    mut each: impl FnMut(ReadOutcome) -> Result<(), E>,
) -> Result<(), E> {
    use std::io::BufRead;
    let shown = path.display().to_string();
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(x) => {
            let mut out = ReadOutcome::default();
            out.errors.push(ReadError {
                path: shown,
                line: None,
                message: format!("cannot read: {x}"),
            });
            return each(out);
        }
    };
    let mut reader = std::io::BufReader::with_capacity(1 << 20, file);
    let mut buf = Vec::new();
    let mut out = ReadOutcome::default();
    let mut line_no = 0;
    let mut any = false;
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(x) => {
                out.errors.push(ReadError {
                    path: shown.clone(),
                    line: Some(line_no + 1),
                    message: format!("read error: {x}"),
                });
                break;
            }
        }
        line_no += 1;
        if buf.iter().any(|b| !b.is_ascii_whitespace()) {
            any = true;
        }
        match std::str::from_utf8(&buf) {
            Ok(line) => parse_jsonl_line(&shown, line_no, line, &mut out),
            Err(_) => {
                let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&buf);
                out.warnings.push(ReadError {
                    path: shown.clone(),
                    line: Some(line_no),
                    message: "not UTF-8: decoded as Windows-1252".into(),
                });
                parse_jsonl_line(&shown, line_no, &text, &mut out);
            }
        }
        if out.documents.len() >= batch {
            each(std::mem::take(&mut out))?;
        }
    }
    if !any && out.errors.is_empty() {
        out.errors.push(ReadError {
            path: shown,
            line: None,
            message: "empty file".into(),
        });
    }
    each(out)
}

fn strip_date_header(body: &str) -> (String, Option<NaiveDate>) {
    let d = Document::from_plain_text("", body);
    (d.body, d.date)
}

/// Main text, title and publication date of an HTML page, via a readability-style extractor.
pub fn read_html(id: &str, html: &str) -> Result<Document, String> {
    let cfg = dom_smoothie::Config {
        max_elements_to_parse: 0,
        ..Default::default()
    };
    let mut r = dom_smoothie::Readability::new(html, None, Some(cfg))
        .map_err(|e| format!("cannot parse HTML: {e}"))?;
    let article = r
        .parse()
        .map_err(|e| format!("no article text found in this page ({e})"))?;
    let text = article.text_content.to_string();
    // Readability leaves runs of blank lines and indentation: keep paragraphs, drop the rest.
    let mut body = String::with_capacity(text.len());
    for para in text.split('\n').map(str::trim).filter(|l| !l.is_empty()) {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        body.push_str(para);
    }
    // Navigation crumbs or a cookie notice are not an article.
    if body.split_whitespace().count() < 8 {
        return Err("no article text found in this page".into());
    }
    let date = article
        .published_time
        .as_deref()
        .and_then(parse_document_date);
    let mut doc = Document::new(id, body, date);
    let title = article.title.trim();
    doc.title = (!title.is_empty()).then(|| title.to_string());
    doc.url = article.url.map(|u| u.to_string());
    doc.source = article.site_name.map(|s| s.to_string());
    Ok(doc)
}

/// Why the knowledge named by `--knowledge` could not be loaded; the messages are the CLI's.
#[derive(Debug, thiserror::Error)]
pub enum KnowledgeError {
    #[error("the built-in knowledge failed to load (a bug: please report it)")]
    Builtin(#[source] dyad_core::CoreError),
    #[error("cannot read knowledge file {path}")]
    File {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot list knowledge folder {path}")]
    Folder {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("a knowledge file is invalid; fix the line named above (format: see data/README.md)")]
    Invalid(#[source] dyad_core::CoreError),
}

/// The built-in knowledge plus the files and folders given (`--knowledge`): a folder adds its
/// `.tsv` and `.txt` files in sorted order. Shared by the CLI and the bindings so both load
/// the same files and fail with the same messages.
pub fn load_knowledge(paths: &[PathBuf]) -> Result<dyad_core::Knowledge, KnowledgeError> {
    if paths.is_empty() {
        return dyad_core::Knowledge::builtin().map_err(KnowledgeError::Builtin);
    }
    let mut files = Vec::new();
    let read = |f: &Path, files: &mut Vec<(String, String)>| -> Result<(), KnowledgeError> {
        let text = std::fs::read_to_string(f).map_err(|source| KnowledgeError::File {
            path: f.display().to_string(),
            source,
        })?;
        let name = f
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        files.push((name, text));
        Ok(())
    };
    for p in paths {
        if p.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|source| KnowledgeError::Folder {
                    path: p.display().to_string(),
                    source,
                })?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|e| e.extension().is_some_and(|x| x == "tsv" || x == "txt"))
                .collect();
            entries.sort();
            for e in entries {
                read(&e, &mut files)?;
            }
        } else {
            read(p, &mut files)?;
        }
    }
    dyad_core::Knowledge::with_files(files).map_err(KnowledgeError::Invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_reads_fields_and_reports_bad_lines() {
        let data = b"{\"id\": \"a\", \"text\": \"Talks began.\", \"published\": \"2025-03-14 20:30:26Z\", \"title\": \"T\"}\n{broken\n{\"id\": 7, \"text\": \"More.\"}\n{\"id\": \"x\"}\n";
        let out = read_bytes("in.jsonl", "in.jsonl", data, Format::JsonLines);
        assert_eq!(out.documents.len(), 2);
        assert_eq!(out.documents[0].id, "a");
        assert_eq!(out.documents[0].date, NaiveDate::from_ymd_opt(2025, 3, 14));
        assert_eq!(out.documents[0].title.as_deref(), Some("T"));
        assert_eq!(out.documents[1].id, "7");
        assert_eq!(out.errors.len(), 2);
        assert_eq!(out.errors[0].line, Some(2));
        assert!(out.errors[0]
            .to_string()
            .starts_with("in.jsonl:2: not valid JSON"));
        assert!(out.errors[1].to_string().contains("no `text` field"));
    }

    #[test]
    fn jsonl_streams_in_batches_with_line_numbers() {
        let dir = std::env::temp_dir().join(format!("dyad-io-stream-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("s.jsonl");
        let mut data = String::new();
        for i in 0..5 {
            data.push_str(&format!(
                "{{\"id\": \"d{i}\", \"text\": \"Report {i}.\"}}\n"
            ));
        }
        data.push_str("not json\n");
        std::fs::write(&p, data).unwrap();
        let mut batches = Vec::new();
        let mut errors = Vec::new();
        stream_jsonl::<()>(&p, 2, |o| {
            batches.push(o.documents.iter().map(|d| d.id.clone()).collect::<Vec<_>>());
            errors.extend(o.errors);
            Ok(())
        })
        .unwrap();
        assert_eq!(
            batches,
            vec![vec!["d0", "d1"], vec!["d2", "d3"], vec!["d4"]]
        );
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, Some(6));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn latin1_is_decoded_with_a_warning_and_binary_refused() {
        let out = read_bytes(
            "old.txt",
            "old.txt",
            b"Caf\xe9 talks in Bogot\xe1.",
            Format::Text,
        );
        assert_eq!(out.documents[0].body, "Café talks in Bogotá.");
        assert_eq!(out.warnings.len(), 1);
        let out = read_bytes("x.txt", "x.txt", b"\x00\x01\x02abc", Format::Text);
        assert!(out.documents.is_empty());
        assert!(out.errors[0].message.contains("binary"));
    }

    #[test]
    fn empty_input_is_an_error() {
        let out = read_bytes("e.txt", "e.txt", b"  \n", Format::Text);
        assert_eq!(out.errors[0].to_string(), "e.txt: empty file");
    }

    #[test]
    fn html_main_text_title_and_date() {
        let html = r#"<html><head><title>Ministers meet</title>
<meta property="article:published_time" content="2025-05-02T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ministers meet</h1>
<p>GENEVA — The foreign ministers of Armenia and Azerbaijan held talks on Friday in Geneva, officials said, in a meeting both sides called constructive and useful for the region.</p>
<p>The two ministers agreed to meet again next month to continue the discussion of border issues and transport links, according to a statement issued after the talks ended.</p>
<p>Neither side gave details of the draft text, which diplomats have worked on for months, but both said progress had been made on several of the outstanding points.</p>
</article><footer>Copyright 2025</footer></body></html>"#;
        let d = read_html("p.html", html).unwrap();
        assert_eq!(d.title.as_deref(), Some("Ministers meet"));
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2025, 5, 2));
        assert!(d.body.contains("held talks on Friday"));
        assert!(!d.body.contains("Copyright"));
    }

    #[test]
    fn html_without_article_is_an_error() {
        assert!(read_html("n.html", "<html><body></body></html>").is_err());
    }

    #[test]
    fn directories_expand_sorted_and_skip_unknown_types() {
        let dir = std::env::temp_dir().join(format!("dyad-io-test-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("b.txt"), "x").unwrap();
        std::fs::write(dir.join("a.jsonl"), "x").unwrap();
        std::fs::write(dir.join("sub/c.html"), "x").unwrap();
        std::fs::write(dir.join("skip.png"), "x").unwrap();
        let (files, errs) = expand_paths(std::slice::from_ref(&dir));
        let names: Vec<String> = files
            .iter()
            .map(|p| p.strip_prefix(&dir).unwrap().display().to_string())
            .collect();
        assert_eq!(names, vec!["a.jsonl", "b.txt", "sub/c.html"]);
        assert!(errs.is_empty());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
