//! `dyad._dyad`: the native half of the `dyad` Python package (PyO3).
//!
//! Documents are built exactly as `dyad extract` builds them (plain text as a `.txt` file,
//! mappings and table rows as JSON Lines records, through `dyad_io::read_record`), extracted by
//! `dyad_core::Extractor` with the GIL released, and handed back either as the CLI's records
//! (dicts serialised from the same `Serialize` types the CLI prints) or as Arrow tables.
//! The Python wrapper (`python/dyad/__init__.py`) holds the docstrings users read.

mod arrow;
mod topy;

use dyad_core::{Document, Extraction, Extractor as CoreExtractor};
use pyo3::exceptions::{PyException, PyTypeError, PyUserWarning, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use rayon::prelude::*;
use std::ffi::CString;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// Extraction allocates many small strings; mimalloc halves their cost over the system
/// allocator, as in the CLI (it only serves this library's Rust allocations).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

pyo3::create_exception!(
    _dyad,
    DyadError,
    PyException,
    "An error of dyad (a bug in dyad when nothing else fits)."
);
pyo3::create_exception!(
    _dyad,
    KnowledgeError,
    DyadError,
    "Knowledge files that cannot be read or are invalid; the message is the CLI's."
);
pyo3::create_exception!(
    _dyad,
    DyadWarning,
    PyUserWarning,
    "A problem with one input that did not stop the others (an unrecognised date, a row with no text)."
);

/// An error and its causes on one line, as the CLI prints them (anyhow's `{:#}`).
fn chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cur = c.source();
    }
    s
}

fn warn(py: Python<'_>, message: &str) -> PyResult<()> {
    // A message with a NUL byte (from a user's text) cannot be a C string: drop the NULs.
    let m = CString::new(message.replace('\0', "")).unwrap_or_default();
    PyErr::warn(py, &py.get_type::<DyadWarning>(), &m, 1)
}

/// Warn about each problem, or about the first few and how many more: a corpus with a
/// systematic problem (say, a date format not understood) must not print a line per row.
fn warn_all(py: Python<'_>, messages: &[String]) -> PyResult<()> {
    const SHOWN: usize = 10;
    for m in messages.iter().take(SHOWN) {
        warn(py, m)?;
    }
    if messages.len() > SHOWN {
        warn(
            py,
            &format!(
                "... and {} more problems like these",
                messages.len() - SHOWN
            ),
        )?;
    }
    Ok(())
}

/// Python's name of an object's type, for error messages.
fn type_name(v: &Bound<'_, PyAny>) -> String {
    v.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into())
}

/// A date given from Python: a string, or anything with `isoformat()` (date, datetime,
/// pandas.Timestamp), as its ISO text.
fn date_text(v: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    if v.is_none() {
        return Ok(None);
    }
    if let Ok(s) = v.cast::<PyString>() {
        return Ok(Some(s.to_str()?.to_string()));
    }
    if v.hasattr("isoformat")? {
        return Ok(Some(v.call_method0("isoformat")?.extract::<String>()?));
    }
    Err(PyTypeError::new_err(format!(
        "date must be a str or a datetime.date, got {}",
        type_name(v)
    )))
}

/// A worker pool of `n` threads, kept for the next call with the same `n` (building one
/// costs more than a small batch).
fn pool(threads: Option<usize>) -> PyResult<Option<Arc<rayon::ThreadPool>>> {
    static POOLS: Mutex<Vec<(usize, Arc<rayon::ThreadPool>)>> = Mutex::new(Vec::new());
    let Some(n) = threads else {
        return Ok(None);
    };
    if n == 0 {
        return Err(PyValueError::new_err("threads must be at least 1"));
    }
    let mut pools = POOLS.lock().unwrap_or_else(|p| p.into_inner());
    if let Some((_, p)) = pools.iter().find(|(k, _)| *k == n) {
        return Ok(Some(p.clone()));
    }
    let p = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .build()
        .map(Arc::new)
        .map_err(|e| DyadError::new_err(format!("cannot start worker threads: {e}")))?;
    pools.push((n, p.clone()));
    Ok(Some(p))
}

/// The text of a panic, for the message that names the document it happened on.
fn panic_text(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

/// One document's extraction, or the panic that stopped it (a bug in dyad): a panic must
/// reach Python as an exception, never take the interpreter down.
type Outcome = Result<Extraction, String>;

/// Where extraction runs: a pool of the size asked for, or rayon's global one (all cores).
struct Workers(Option<Arc<rayon::ThreadPool>>);

impl Workers {
    fn new(threads: Option<usize>) -> PyResult<Workers> {
        Ok(Workers(pool(threads)?))
    }
    fn count(&self) -> usize {
        self.0
            .as_ref()
            .map_or_else(rayon::current_num_threads, |p| p.current_num_threads())
    }
    fn run<R: Send>(&self, f: impl FnOnce() -> R + Send) -> R {
        match &self.0 {
            Some(p) => p.install(f),
            None => f(),
        }
    }
    /// Documents per unit of work: small enough to balance the threads and to start handing
    /// results back early, large enough to keep the per-chunk cost negligible.
    fn chunk(&self, docs: usize) -> usize {
        (docs / (self.count() * 8)).clamp(8, 256)
    }
}

fn extract_one(ex: &CoreExtractor, d: &Document) -> Outcome {
    catch_unwind(AssertUnwindSafe(|| ex.extract(d))).map_err(|p| panic_text(&*p))
}

/// Extract documents in parallel (input order kept) with the GIL released.
fn extract_all(
    py: Python<'_>,
    ex: &CoreExtractor,
    docs: &[Document],
    threads: Option<usize>,
) -> PyResult<Vec<Outcome>> {
    let workers = Workers::new(threads)?;
    Ok(py.detach(|| workers.run(|| docs.par_iter().map(|d| extract_one(ex, d)).collect())))
}

/// Extract documents and hand each chunk's outcomes, in input order, to `each`, which runs on
/// the calling thread with the GIL held. With more than one worker, extraction of the next
/// chunks goes on in the background meanwhile, so building Python objects (serial, under the
/// GIL) overlaps with extraction instead of adding to it. With one worker it is done in turn,
/// so `threads=1` keeps to one core.
fn extract_chunks<'py>(
    py: Python<'py>,
    ex: &CoreExtractor,
    docs: &[Document],
    threads: Option<usize>,
    mut each: impl FnMut(&[Document], Vec<Outcome>) -> PyResult<()>,
) -> PyResult<()> {
    let workers = Workers::new(threads)?;
    let size = workers.chunk(docs.len());
    let work = |chunk: &[Document]| -> Vec<Outcome> {
        workers.run(|| chunk.par_iter().map(|d| extract_one(ex, d)).collect())
    };
    if workers.count() <= 1 {
        for chunk in docs.chunks(size) {
            let outcomes = py.detach(|| work(chunk));
            each(chunk, outcomes)?;
        }
        return Ok(());
    }
    std::thread::scope(|scope| {
        // A few chunks ahead at most, so memory stays bounded if Python is the slower side.
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Outcome>>(4);
        scope.spawn(move || {
            for chunk in docs.chunks(size) {
                if tx.send(work(chunk)).is_err() {
                    break; // the consumer stopped on an error
                }
            }
        });
        // The Receiver is not Sync: a Mutex lets the wait release the GIL.
        let rx = Mutex::new(rx);
        for chunk in docs.chunks(size) {
            let got = py.detach(|| {
                rx.lock()
                    .map_err(|_| ())
                    .and_then(|r| r.recv().map_err(|_| ()))
            });
            match got {
                Ok(outcomes) => each(chunk, outcomes)?,
                Err(()) => return Err(DyadError::new_err("the extraction threads stopped")),
            }
        }
        Ok(())
    })
}

fn internal_error(doc: &str, panic: &str) -> PyErr {
    DyadError::new_err(format!(
        "internal error while extracting document {doc:?}: {panic} (a bug: please report it)"
    ))
}

/// The records of one document, in the CLI's order: document, events, facts.
fn records<'py>(
    py: Python<'py>,
    cache: &mut topy::Cache<'py>,
    x: &Extraction,
    documents: bool,
) -> PyResult<Bound<'py, PyList>> {
    let err = |e: topy::Error| DyadError::new_err(e.0);
    let mut items = Vec::with_capacity(1 + x.events.len() + x.facts.len());
    if documents {
        items.push(topy::to_py(py, cache, &x.document).map_err(err)?);
    }
    for e in &x.events {
        items.push(topy::to_py(py, cache, e).map_err(err)?);
    }
    for f in &x.facts {
        items.push(topy::to_py(py, cache, f).map_err(err)?);
    }
    PyList::new(py, items)
}

/// One value of a mapping (an `extract_many` item) or a table row as JSON, so that
/// `dyad_io::read_record` applies the CLI's fields, aliases and date rules to it. Values that
/// JSON Lines could not hold are left out (`None`); a `text` that is not a string is a type
/// error rather than a missing field.
fn json_of(key: &str, v: &Bound<'_, PyAny>) -> PyResult<Option<serde_json::Value>> {
    use serde_json::Value;
    if key == "text" && !v.is_none() && !v.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "`text` must be a str, got {}",
            type_name(v)
        )));
    }
    Ok(Some(if v.is_none() {
        Value::Null
    } else if let Ok(s) = v.cast::<PyString>() {
        Value::String(s.to_str()?.to_string())
    } else if v.is_instance_of::<pyo3::types::PyBool>() {
        Value::Bool(v.extract()?)
    } else if let Ok(i) = v.extract::<i64>() {
        Value::from(i)
    } else if let Ok(f) = v.cast::<pyo3::types::PyFloat>() {
        serde_json::Number::from_f64(f.value())
            .map(Value::Number)
            .unwrap_or(Value::Null)
    } else if v.hasattr("isoformat")? {
        Value::String(v.call_method0("isoformat")?.extract()?)
    } else {
        return Ok(None);
    }))
}

/// A mapping as the JSON Lines record it stands for (keys that are not strings left out).
fn record_of(item: &Bound<'_, PyDict>) -> PyResult<serde_json::Value> {
    let mut map = serde_json::Map::new();
    for (k, v) in item.iter() {
        let Ok(k) = k.cast::<PyString>() else {
            continue;
        };
        let key = k.to_str()?;
        if let Some(value) = json_of(key, &v)? {
            map.insert(key.to_string(), value);
        }
    }
    Ok(serde_json::Value::Object(map))
}

/// A document from one row: the CLI's JSON Lines reading, with the position in the input as
/// the id when the row has none (where the CLI would use `file:line`).
fn row_document(
    position: usize,
    mut record: serde_json::Value,
) -> (Option<Document>, Vec<String>, Vec<String>) {
    if let serde_json::Value::Object(m) = &mut record {
        let usable = matches!(
            m.get("id"),
            Some(serde_json::Value::String(_) | serde_json::Value::Number(_))
        );
        if !usable {
            m.insert("id".into(), position.to_string().into());
        }
    }
    let mut out = dyad_io::ReadOutcome::default();
    dyad_io::read_record("", position, &record, &mut out);
    let msg = |e: &dyad_io::ReadError| e.message.clone();
    (
        out.documents.pop(),
        out.errors.iter().map(msg).collect(),
        out.warnings.iter().map(msg).collect(),
    )
}

/// A plain-text document as `dyad extract` reads a `.txt` file named `id`.
fn text_document(id: String, text: &Bound<'_, PyAny>) -> PyResult<Document> {
    let Ok(s) = text.cast::<PyString>() else {
        return Err(PyTypeError::new_err(format!(
            "text must be a str, got {}",
            type_name(text)
        )));
    };
    // A lone surrogate cannot be UTF-8: PyO3 raises UnicodeEncodeError here.
    let s = s.to_str()?;
    let s = s.trim_start_matches('\u{feff}');
    if s.trim().is_empty() {
        return Err(PyValueError::new_err("empty text: nothing to extract"));
    }
    Ok(Document::from_plain_text(id, s))
}

/// The compiled extractor (knowledge, gazetteer, lexicon): built once, shared by threads.
#[pyclass(frozen, module = "dyad._dyad")]
struct Extractor {
    inner: Arc<CoreExtractor>,
    knowledge: Vec<PathBuf>,
}

#[pymethods]
impl Extractor {
    #[new]
    #[pyo3(signature = (knowledge = Vec::new()))]
    fn new(py: Python<'_>, knowledge: Vec<PathBuf>) -> PyResult<Self> {
        let built = py.detach(|| -> Result<CoreExtractor, String> {
            let kb = dyad_io::load_knowledge(&knowledge).map_err(|e| chain(&e))?;
            CoreExtractor::new(kb)
                .map_err(|e| format!("the verb lexicon is invalid: {}", chain(&e)))
        });
        match built {
            Ok(ex) => Ok(Extractor {
                inner: Arc::new(ex),
                knowledge,
            }),
            Err(m) => Err(KnowledgeError::new_err(m)),
        }
    }

    /// The knowledge paths this extractor was built with (empty: the built-in knowledge).
    #[getter]
    fn knowledge(&self) -> Vec<PathBuf> {
        self.knowledge.clone()
    }

    #[pyo3(signature = (text, *, doc = None, date = None, title = None, documents = true))]
    fn extract<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        doc: Option<String>,
        date: Option<&Bound<'py, PyAny>>,
        title: Option<String>,
        documents: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let mut d = text_document(doc.unwrap_or_else(|| "-".into()), text)?;
        if let Some(raw) = date.map(date_text).transpose()?.flatten() {
            match dyad_core::dates::parse_document_date(&raw) {
                Some(day) => d.date = Some(day),
                None => {
                    return Err(PyValueError::new_err(format!(
                        "unrecognised date {raw:?} (give YYYY-MM-DD, an ISO 8601 or RFC 2822 date-time, or a datetime.date)"
                    )))
                }
            }
        }
        if let Some(t) = title.filter(|t| !t.trim().is_empty()) {
            d.title = Some(t);
        }
        let ex = self.inner.clone();
        let x = py
            .detach(|| catch_unwind(AssertUnwindSafe(|| ex.extract(&d))))
            .map_err(|p| internal_error(&d.id, &panic_text(&*p)))?;
        let _gc = topy::GcPause::new(py);
        records(py, &mut topy::Cache::new(), &x, documents)
    }

    #[pyo3(signature = (items, *, threads = None, documents = true))]
    fn extract_many<'py>(
        &self,
        py: Python<'py>,
        items: &Bound<'py, PyAny>,
        threads: Option<usize>,
        documents: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let mut docs = Vec::new();
        let mut warnings = Vec::new();
        for (i, item) in items.try_iter()?.enumerate() {
            let item = item?;
            if item.is_instance_of::<PyString>() {
                docs.push(
                    text_document(i.to_string(), &item)
                        .map_err(|e| prefix_error(py, &format!("item {i}"), e))?,
                );
            } else if let Ok(m) = item.cast::<PyDict>() {
                let rec = record_of(m).map_err(|e| prefix_error(py, &format!("item {i}"), e))?;
                let (d, errors, warns) = row_document(i, rec);
                if let Some(e) = errors.first() {
                    return Err(PyValueError::new_err(format!("item {i}: {e}")));
                }
                warnings.extend(warns.into_iter().map(|w| format!("item {i}: {w}")));
                match d {
                    Some(d) => docs.push(d),
                    None => return Err(DyadError::new_err(format!("item {i}: not read"))),
                }
            } else {
                return Err(PyTypeError::new_err(format!(
                    "item {i}: expected a str or a dict with `text`, got {}",
                    type_name(&item)
                )));
            }
        }
        warn_all(py, &warnings)?;
        let out = PyList::empty(py);
        let mut cache = topy::Cache::new();
        extract_chunks(py, &self.inner, &docs, threads, |chunk, outcomes| {
            let _gc = topy::GcPause::new(py);
            for (d, x) in chunk.iter().zip(&outcomes) {
                match x {
                    Ok(x) => out.append(records(py, &mut cache, x, documents)?)?,
                    Err(p) => return Err(internal_error(&d.id, p)),
                }
            }
            Ok(())
        })?;
        Ok(out)
    }

    /// The native half of `extract_arrow`: `columns` maps column names to Python lists of
    /// equal length; returns the Arrow exports of the events, facts and documents tables
    /// (`bodies`: fill the documents' `body` column).
    #[pyo3(signature = (columns, *, threads = None, bodies = true))]
    fn _extract_columns<'py>(
        &self,
        py: Python<'py>,
        columns: &Bound<'py, PyDict>,
        threads: Option<usize>,
        bodies: bool,
    ) -> PyResult<(
        Vec<arrow::ArrowBatch>,
        Vec<arrow::ArrowBatch>,
        Vec<arrow::ArrowBatch>,
    )> {
        let mut cols: Vec<(String, Bound<'py, PyList>)> = Vec::new();
        let mut rows = None;
        for (k, v) in columns.iter() {
            let name: String = k.extract()?;
            let list = v.cast_into::<PyList>().map_err(|e| {
                PyTypeError::new_err(format!("column {name:?} must be a list: {e}"))
            })?;
            match rows {
                None => rows = Some(list.len()),
                Some(n) if n != list.len() => {
                    return Err(PyValueError::new_err(format!(
                        "column {name:?} has {} values, others {n}",
                        list.len()
                    )))
                }
                Some(_) => {}
            }
            cols.push((name, list));
        }
        let rows = rows.unwrap_or(0);
        let mut docs = Vec::with_capacity(rows);
        let mut skipped = Vec::new();
        let mut warnings = Vec::new();
        'rows: for i in 0..rows {
            let mut map = serde_json::Map::new();
            for (name, list) in &cols {
                match json_of(name, &list.get_item(i)?) {
                    Ok(Some(v)) => {
                        map.insert(name.clone(), v);
                    }
                    Ok(None) => {}
                    Err(e) => {
                        skipped.push(format!("row {i}: {}; skipped", e.value(py)));
                        continue 'rows;
                    }
                }
            }
            let (d, errors, warns) = row_document(i, serde_json::Value::Object(map));
            warnings.extend(warns.into_iter().map(|w| format!("row {i}: {w}")));
            match d {
                Some(d) => docs.push(d),
                None => skipped.push(format!(
                    "row {i}: {}; skipped",
                    errors.first().map(String::as_str).unwrap_or("not read")
                )),
            }
        }
        warnings.extend(skipped);
        warn_all(py, &warnings)?;
        // Each chunk is extracted and turned into its own record batches on a worker thread,
        // so building the tables runs in parallel too; pyarrow joins the batches without a copy.
        let workers = Workers::new(threads)?;
        let size = workers.chunk(docs.len());
        let ex = &self.inner;
        type Chunk = (Result<arrow::Tables, String>, Vec<String>);
        let chunks: Vec<Chunk> = py.detach(|| {
            workers.run(|| {
                docs.par_chunks(size)
                    .map(|chunk| {
                        let mut done = Vec::with_capacity(chunk.len());
                        let mut failed = Vec::new();
                        for d in chunk {
                            match extract_one(ex, d) {
                                Ok(x) => done.push(x),
                                // One document that trips a bug must not fail a whole corpus
                                // run (a Spark job would retry the task and fail the same
                                // way): skip it, loudly.
                                Err(p) => failed.push(format!(
                                    "document {:?}: internal error ({p}); skipped (a bug: please report it)",
                                    d.id
                                )),
                            }
                        }
                        (arrow::tables(&done, bodies).map_err(|e| e.to_string()), failed)
                    })
                    .collect()
            })
        });
        // No document at all still gives one (empty) batch per table, for its schema.
        let chunks = if chunks.is_empty() {
            vec![(
                arrow::tables(&[], bodies).map_err(|e| e.to_string()),
                Vec::new(),
            )]
        } else {
            chunks
        };
        let mut out = (Vec::new(), Vec::new(), Vec::new());
        let mut failed = Vec::new();
        for (tables, f) in chunks {
            failed.extend(f);
            let (e, f, d) = tables
                .map_err(|e| DyadError::new_err(format!("cannot build the Arrow tables: {e}")))?;
            out.0.push(e);
            out.1.push(f);
            out.2.push(d);
        }
        warn_all(py, &failed)?;
        Ok(out)
    }

    /// For benchmarks (`python/bench.py`): the work of `extract_many` without building the
    /// Python records; returns the number of records the CLI would print.
    #[pyo3(signature = (items, *, threads = None))]
    fn _extract_only(
        &self,
        py: Python<'_>,
        items: &Bound<'_, PyList>,
        threads: Option<usize>,
    ) -> PyResult<usize> {
        let mut docs = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let m = item.cast::<PyDict>()?;
            match row_document(i, record_of(m)?).0 {
                Some(d) => docs.push(d),
                None => return Err(PyValueError::new_err(format!("item {i}: not read"))),
            }
        }
        let outcomes = extract_all(py, &self.inner, &docs, threads)?;
        Ok(outcomes
            .iter()
            .map(|x| x.as_ref().map_or(0, |x| 1 + x.events.len() + x.facts.len()))
            .sum())
    }

    #[pyo3(signature = (text, date = None))]
    fn actor<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        date: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let Ok(text) = text.cast::<PyString>() else {
            return Err(PyTypeError::new_err(format!(
                "text must be a str, got {}",
                type_name(text)
            )));
        };
        let day = match date.map(date_text).transpose()?.flatten() {
            // The CLI's rule: the date decides office-holders, today when not given.
            None => chrono::Local::now().date_naive(),
            Some(raw) => {
                let head = raw.get(..10).unwrap_or(&raw);
                chrono::NaiveDate::parse_from_str(head, "%Y-%m-%d").map_err(|_| {
                    PyValueError::new_err(format!("date must be YYYY-MM-DD, got {raw:?}"))
                })?
            }
        };
        let a = self.inner.resolve(text.to_str()?, Some(day));
        topy::to_py(py, &mut topy::Cache::new(), &a).map_err(|e| DyadError::new_err(e.0))
    }

    /// Rebuilt from its knowledge paths when unpickled (a Spark or multiprocessing worker).
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (Vec<PathBuf>,))> {
        Ok((slf.get_type().into_any(), (slf.get().knowledge.clone(),)))
    }
}

/// The same exception type with `where: ` before its message.
fn prefix_error(py: Python<'_>, at: &str, e: PyErr) -> PyErr {
    let ty = e.get_type(py);
    let msg = e.value(py).to_string();
    match ty.call1((format!("{at}: {msg}"),)) {
        Ok(v) => PyErr::from_value(v),
        Err(_) => e,
    }
}

#[pymodule]
fn _dyad(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<Extractor>()?;
    m.add_class::<arrow::ArrowBatch>()?;
    m.add("DyadError", py.get_type::<DyadError>())?;
    m.add("KnowledgeError", py.get_type::<KnowledgeError>())?;
    m.add("DyadWarning", py.get_type::<DyadWarning>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    let mut keys = vec!["id"];
    for k in [
        dyad_io::TEXT_KEYS,
        dyad_io::DATE_KEYS,
        dyad_io::TITLE_KEYS,
        dyad_io::URL_KEYS,
        dyad_io::SOURCE_KEYS,
    ] {
        keys.extend_from_slice(k);
    }
    m.add("RECORD_KEYS", keys)?;
    Ok(())
}
