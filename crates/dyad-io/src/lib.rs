//! dyad-io: readers that turn files into [`dyad_core::Document`]s: plain text, JSON Lines,
//! HTML, RSS/Atom feeds and WARC web archives.
//!
//! Every reader reports problems per file (and per line or record) and carries on, so one bad
//! input never loses the rest of a batch. Every reader is linear in its input, and [`Limits`]
//! bound what one document may cost: a body too long is cut, markup too deep or too large is
//! read by a linear path, and each such step is reported as a warning naming the file.

pub mod feed;
pub mod html;
pub mod lang;
pub mod markup;
pub mod warc;

use chrono::NaiveDate;
use dyad_core::dates::parse_document_date;
use dyad_core::Document;
use std::fmt;
use std::path::{Path, PathBuf};

pub use html::read_html;

/// What one document may cost. Defaults suit news: a long report is 50 KB of text, a heavy
/// page 3 MB of markup nested 40 deep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// A body longer than this is cut at the last sentence end before it.
    pub max_document_bytes: usize,
    /// Markup larger than this is read by the linear text path, not the article extractor.
    pub max_html_bytes: usize,
    /// Markup nested deeper than this is read by the linear text path.
    pub max_html_depth: usize,
    /// Markup whose elements' depths add up to more than this is read by the linear path: the
    /// article extractor's cost (about 0.3 µs per unit here).
    pub max_html_work: u64,
    /// Files read whole (text, HTML, feeds) larger than this are refused; JSON Lines and WARC
    /// are streamed and have no such limit.
    pub max_file_bytes: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_document_bytes: 1_000_000,
            max_html_bytes: 16_000_000,
            max_html_depth: 512,
            max_html_work: 4_000_000,
            max_file_bytes: 256 << 20,
        }
    }
}

/// Cut a body longer than `max` at the last sentence end (or, failing that, the last space)
/// before `max`; returns whether it was cut.
pub fn cut_body(body: &mut String, max: usize) -> bool {
    if body.len() <= max {
        return false;
    }
    let mut end = max;
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    let head = &body[..end];
    // Prefer a paragraph, then a sentence end, then any space in the last tenth.
    let floor = end - end / 10;
    let at = head
        .rfind("\n\n")
        .filter(|&i| i >= floor)
        .or_else(|| head.rfind(". ").map(|i| i + 1).filter(|&i| i >= floor))
        .or_else(|| head.rfind(char::is_whitespace).filter(|&i| i >= floor))
        .unwrap_or(end);
    body.truncate(at);
    let trimmed = body.trim_end().len();
    body.truncate(trimmed);
    true
}

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
    /// RSS or Atom (or JSON Feed).
    Feed,
    /// A web archive, plain or gzip-compressed.
    Warc,
}

impl Format {
    /// The format a path's name implies (no extension: plain text). `.xml` is taken for a
    /// feed; [`Format::sniff`] confirms it.
    pub fn of(path: &Path) -> Option<Format> {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        if name.ends_with(".warc.gz") || name.ends_with(".warc") {
            return Some(Format::Warc);
        }
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref()
        {
            None | Some("txt") | Some("text") => Some(Format::Text),
            Some("jsonl") | Some("ndjson") => Some(Format::JsonLines),
            Some("html") | Some("htm") | Some("xhtml") => Some(Format::Html),
            Some("rss") | Some("atom") | Some("xml") => Some(Format::Feed),
            _ => None,
        }
    }

    /// The format the first bytes of an input show, when they show one clearly: a WARC
    /// header (plain or gzip), an XML document with a feed root, an HTML page, a JSON object.
    pub fn sniff(head: &[u8]) -> Option<Format> {
        if head.starts_with(&[0x1f, 0x8b]) {
            let mut dec = libflate::gzip::Decoder::new(head).ok()?;
            let mut first = [0u8; 5];
            std::io::Read::read_exact(&mut dec, &mut first).ok()?;
            return (&first == b"WARC/").then_some(Format::Warc);
        }
        let text = String::from_utf8_lossy(&head[..head.len().min(4096)]);
        let t = text.trim_start_matches('\u{feff}').trim_start();
        if t.starts_with("WARC/") {
            return Some(Format::Warc);
        }
        if t.starts_with('{') {
            return Some(Format::JsonLines);
        }
        if !t.starts_with('<') {
            return None;
        }
        match root_element(t).as_deref() {
            Some("rss") | Some("feed") | Some("rdf:rdf") | Some("rdf") => Some(Format::Feed),
            Some("html") | Some("!doctype") | Some("head") | Some("body") => Some(Format::Html),
            _ => None,
        }
    }

    /// The format of a named input: its name's, unless its first bytes say otherwise. Markup
    /// formats keep their name's word (an `.html` page is read as HTML); text, `.xml` and
    /// unnamed input go by what they hold.
    pub fn detect(path: &Path, head: &[u8]) -> Format {
        let by_name = if path.as_os_str() == "-" {
            None
        } else {
            Format::of(path)
        };
        let sniffed = Format::sniff(head);
        match (by_name, sniffed) {
            (Some(Format::Html), _) | (Some(Format::JsonLines), _) => {
                by_name.unwrap_or(Format::Text)
            }
            (Some(Format::Warc), _) => Format::Warc,
            (_, Some(s)) if s != Format::JsonLines || by_name.is_none() => s,
            (Some(f), _) => f,
            (None, _) => Format::Text,
        }
    }
}

/// The name of the first element of an XML or HTML text, lower case, after the XML
/// declaration, comments and processing instructions.
fn root_element(mut t: &str) -> Option<String> {
    loop {
        t = t.trim_start();
        if let Some(rest) = t.strip_prefix("<?") {
            t = &rest[rest.find("?>")? + 2..];
        } else if let Some(rest) = t.strip_prefix("<!--") {
            t = &rest[rest.find("-->")? + 3..];
        } else if t.len() >= 9 && t[..9].eq_ignore_ascii_case("<!doctype") {
            let rest = &t[9..];
            let kind = rest
                .trim_start()
                .split(|c: char| !c.is_alphanumeric())
                .next()?;
            if kind.eq_ignore_ascii_case("html") {
                return Some("!doctype".into());
            }
            t = &rest[rest.find('>')? + 1..];
        } else {
            let rest = t.strip_prefix('<')?;
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || matches!(c, ':' | '-' | '_' | '.'))
                .collect();
            return (!name.is_empty()).then(|| name.to_ascii_lowercase());
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

/// Read one path (or `-` for standard input, sniffed) whole, with the default limits.
pub fn read_path(path: &Path) -> ReadOutcome {
    read_path_with(path, &Limits::default())
}

/// Read one path whole: every format, WARC included (whose pages then all sit in memory: use
/// [`stream_path`] for archives of any size).
pub fn read_path_with(path: &Path, limits: &Limits) -> ReadOutcome {
    let mut all = ReadOutcome::default();
    let r: Result<(), std::convert::Infallible> = stream_path(path, limits, usize::MAX, |o| {
        all.documents.extend(o.documents);
        all.errors.extend(o.errors);
        all.warnings.extend(o.warnings);
        Ok(())
    });
    let _ = r;
    all
}

fn read_error(path: &Path, message: String) -> ReadOutcome {
    let mut out = ReadOutcome::default();
    out.errors.push(ReadError {
        path: path.display().to_string(),
        line: None,
        message,
    });
    out
}

/// Read one path in batches of about `batch` documents: JSON Lines and WARC are streamed, so
/// memory stays flat however large they are; other formats come in one batch. `each` gets
/// every batch with the errors and warnings met while reading it.
pub fn stream_path<E>(
    path: &Path,
    limits: &Limits,
    batch: usize,
    mut each: impl FnMut(ReadOutcome) -> Result<(), E>,
) -> Result<(), E> {
    use std::io::{BufRead, Read};
    let shown = path.display().to_string();
    let stdin = path.as_os_str() == "-";
    if stdin {
        let mut buf = Vec::new();
        if let Err(e) = std::io::stdin()
            .take(limits.max_file_bytes + 1)
            .read_to_end(&mut buf)
        {
            return each(read_error(path, format!("cannot read standard input: {e}")));
        }
        if buf.len() as u64 > limits.max_file_bytes {
            return each(too_large(path, limits));
        }
        let format = Format::detect(path, &buf);
        if format == Format::Warc {
            return stream_warc_bytes(&shown, &buf, limits, batch, each);
        }
        return each(read_bytes_with("-", "-", &buf, format, limits));
    }
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return each(read_error(path, format!("cannot read: {e}"))),
    };
    let mut reader = std::io::BufReader::with_capacity(1 << 20, file);
    let head = match reader.fill_buf() {
        Ok(h) => h.to_vec(),
        Err(e) => return each(read_error(path, format!("cannot read: {e}"))),
    };
    let format = Format::detect(path, &head);
    match format {
        Format::JsonLines => stream_jsonl_with(path, reader, limits, batch, each),
        Format::Warc => {
            if head.starts_with(&[0x1f, 0x8b]) {
                match libflate::gzip::MultiDecoder::new(reader) {
                    Ok(dec) => warc::stream_warc(
                        &shown,
                        std::io::BufReader::with_capacity(1 << 20, dec),
                        limits,
                        batch,
                        each,
                    ),
                    Err(e) => each(read_error(path, format!("not a valid gzip file ({e})"))),
                }
            } else {
                warc::stream_warc(&shown, reader, limits, batch, each)
            }
        }
        _ => {
            let mut bytes = Vec::new();
            if let Err(e) = reader
                .take(limits.max_file_bytes + 1)
                .read_to_end(&mut bytes)
            {
                return each(read_error(path, format!("cannot read: {e}")));
            }
            if bytes.len() as u64 > limits.max_file_bytes {
                return each(too_large(path, limits));
            }
            each(read_bytes_with(
                &shown,
                &file_name(path),
                &bytes,
                format,
                limits,
            ))
        }
    }
}

fn too_large(path: &Path, limits: &Limits) -> ReadOutcome {
    read_error(
        path,
        format!(
            "larger than {} bytes, the limit for a file read whole (--max-file-bytes); split it, \
             or give it as JSON Lines, which is streamed",
            limits.max_file_bytes
        ),
    )
}

fn stream_warc_bytes<E>(
    shown: &str,
    bytes: &[u8],
    limits: &Limits,
    batch: usize,
    each: impl FnMut(ReadOutcome) -> Result<(), E>,
) -> Result<(), E> {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        match libflate::gzip::MultiDecoder::new(bytes) {
            Ok(dec) => warc::stream_warc(shown, std::io::BufReader::new(dec), limits, batch, each),
            Err(e) => {
                let mut each = each;
                each(read_error(
                    Path::new(shown),
                    format!("not a valid gzip file ({e})"),
                ))
            }
        }
    } else {
        warc::stream_warc(shown, bytes, limits, batch, each)
    }
}

/// Read in-memory bytes of a given format with the default limits; `shown` names the input
/// in messages and `id` is the document id for single-document formats.
pub fn read_bytes(shown: &str, id: &str, bytes: &[u8], format: Format) -> ReadOutcome {
    read_bytes_with(shown, id, bytes, format, &Limits::default())
}

/// Read in-memory bytes of a given format.
pub fn read_bytes_with(
    shown: &str,
    id: &str,
    bytes: &[u8],
    format: Format,
    limits: &Limits,
) -> ReadOutcome {
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
    if format == Format::Warc {
        let r: Result<(), std::convert::Infallible> =
            stream_warc_bytes(shown, bytes, limits, usize::MAX, |o| {
                out.documents.extend(o.documents);
                out.errors.extend(o.errors);
                out.warnings.extend(o.warnings);
                Ok(())
            });
        let _ = r;
        return out;
    }
    if format == Format::Feed {
        // XML carries its own encoding declaration: the parser decodes it.
        feed::read_feed(shown, bytes, &mut out);
        apply_limits(shown, &mut out, limits);
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
        Format::Html => match html::read_page(id, &text, limits) {
            Ok(p) => {
                if let Some(why) = p.fallback {
                    out.warnings.push(err(why));
                }
                out.documents.push(p.document);
            }
            Err(m) => out.errors.push(err(m)),
        },
        Format::Feed | Format::Warc => {}
    }
    apply_limits(shown, &mut out, limits);
    out
}

/// The keys a JSON Lines record is read from, each list in order of preference; a binding
/// that reads table rows passes on the columns of these names (and `id`).
pub const TEXT_KEYS: &[&str] = &["text", "body", "content"];
pub const DATE_KEYS: &[&str] = &["date", "published", "published_at", "pubDate", "datetime"];
pub const TITLE_KEYS: &[&str] = &["title", "headline"];
pub const URL_KEYS: &[&str] = &["url", "link"];
pub const SOURCE_KEYS: &[&str] = &["source", "outlet", "publisher"];

/// Cut over-long bodies, with a warning for each.
fn apply_limits(shown: &str, out: &mut ReadOutcome, limits: &Limits) {
    for d in &mut out.documents {
        cut_document(shown, d, limits, &mut out.warnings);
    }
}

/// Cut one document's body to the limit, re-finding its dateline; the warning names the file
/// and document.
pub fn cut_document(shown: &str, d: &mut Document, limits: &Limits, warnings: &mut Vec<Warning>) {
    let before = d.body.len();
    if cut_body(&mut d.body, limits.max_document_bytes) {
        d.dateline = dyad_core::document::find_dateline(&d.body);
        warnings.push(ReadError {
            path: shown.to_string(),
            line: None,
            message: format!(
                "document {} is {before} bytes long; only its first {} bytes are read \
                 (--max-doc-bytes)",
                d.id,
                d.body.len()
            ),
        });
    }
}

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
    each: impl FnMut(ReadOutcome) -> Result<(), E>,
) -> Result<(), E> {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(x) => {
            let mut each = each;
            return each(read_error(path, format!("cannot read: {x}")));
        }
    };
    let reader = std::io::BufReader::with_capacity(1 << 20, file);
    stream_jsonl_with(path, reader, &Limits::default(), batch, each)
}

fn stream_jsonl_with<E>(
    path: &Path,
    mut reader: impl std::io::BufRead,
    limits: &Limits,
    batch: usize,
    mut each: impl FnMut(ReadOutcome) -> Result<(), E>,
) -> Result<(), E> {
    use std::io::{BufRead, Read};
    let shown = path.display().to_string();
    let mut buf = Vec::new();
    let mut out = ReadOutcome::default();
    let mut line_no = 0;
    let mut any = false;
    // A line is read only up to a bound: one runaway line must not take all memory.
    let max_line = (limits.max_document_bytes as u64)
        .saturating_mul(4)
        .max(1 << 20);
    loop {
        buf.clear();
        match (&mut reader).take(max_line).read_until(b'\n', &mut buf) {
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
        if buf.len() as u64 >= max_line && !buf.ends_with(b"\n") {
            // Skip the rest of the line without holding it.
            let mut rest = 0u64;
            while let Ok(chunk) = reader.fill_buf() {
                if chunk.is_empty() {
                    break;
                }
                match chunk.iter().position(|&b| b == b'\n') {
                    Some(p) => {
                        rest += p as u64;
                        reader.consume(p + 1);
                        break;
                    }
                    None => {
                        let n = chunk.len();
                        rest += n as u64;
                        reader.consume(n);
                    }
                }
            }
            any = true;
            out.errors.push(ReadError {
                path: shown.clone(),
                line: Some(line_no),
                message: format!(
                    "line of {} bytes, longer than {max_line} (4 x --max-doc-bytes); skipped",
                    buf.len() as u64 + rest
                ),
            });
            continue;
        }
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
            apply_limits(&shown, &mut out, limits);
            each(std::mem::take(&mut out))?;
        }
    }
    if !any && out.errors.is_empty() {
        out.errors.push(ReadError {
            path: shown.clone(),
            line: None,
            message: "empty file".into(),
        });
    }
    apply_limits(&shown, &mut out, limits);
    each(out)
}

fn strip_date_header(body: &str) -> (String, Option<NaiveDate>) {
    let d = Document::from_plain_text("", body);
    (d.body, d.date)
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
    fn inputs_that_crashed_a_fuzzer_read_without_panicking() {
        // Each of these once panicked a reader; they must now give documents or messages.
        let texts: [&[u8]; 2] = [
            include_bytes!("../tests/data/fuzz-text-date-char-boundary.txt"),
            include_bytes!("../tests/data/fuzz-text-dash-hyphen.txt"),
        ];
        for text in texts {
            for format in [Format::Text, Format::JsonLines, Format::Html, Format::Feed] {
                let out = read_bytes("f", "f", text, format);
                assert!(out.documents.len() + out.errors.len() + out.warnings.len() > 0);
            }
        }
        let warc = include_bytes!("../tests/data/fuzz-warc-non-utf8-header.warc");
        let out = read_bytes("w", "w", warc, Format::Warc);
        assert!(out.documents.len() + out.errors.len() + out.warnings.len() > 0);
    }

    #[test]
    fn formats_are_sniffed_from_content() {
        assert_eq!(Format::sniff(b"WARC/1.1\r\n"), Some(Format::Warc));
        assert_eq!(
            Format::sniff(b"<?xml version=\"1.0\"?>\n<!-- c --><rss version=\"2.0\">"),
            Some(Format::Feed)
        );
        assert_eq!(
            Format::sniff(b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            Some(Format::Feed)
        );
        assert_eq!(Format::sniff(b"<!DOCTYPE html><html>"), Some(Format::Html));
        assert_eq!(Format::sniff(b"<catalog/>"), None);
        assert_eq!(Format::sniff(b"Talks resumed."), None);
        assert_eq!(
            Format::detect(Path::new("a.txt"), b"<rss version=\"2.0\">"),
            Format::Feed
        );
        assert_eq!(
            Format::detect(Path::new("a.txt"), b"{\"id\": 1}"),
            Format::Text
        );
        assert_eq!(
            Format::detect(Path::new("a.html"), b"WARC/1.0"),
            Format::Html
        );
        assert_eq!(
            Format::of(Path::new("x/CC-NEWS-1.warc.gz")),
            Some(Format::Warc)
        );
    }

    #[test]
    fn a_long_body_is_cut_at_a_sentence_end_with_a_warning() {
        let body = "Talks resumed in Geneva on Monday. ".repeat(100);
        let out = read_bytes_with(
            "long.txt",
            "long.txt",
            body.as_bytes(),
            Format::Text,
            &Limits {
                max_document_bytes: 1000,
                ..Limits::default()
            },
        );
        let d = &out.documents[0];
        assert!(
            d.body.len() <= 1000 && d.body.ends_with("Monday."),
            "{}",
            d.body
        );
        assert!(out.warnings[0]
            .to_string()
            .starts_with("long.txt: document long.txt is 3500 bytes long; only its first"));
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
