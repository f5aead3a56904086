//! `dyad ingest`, `dyad query` and `dyad export`: the commands around the embedded store.

use crate::gate::{Gate, ReadArgs};
use crate::runner::Runner;
use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand, ValueEnum};
use dyad_store::query::{Period, Table};
use dyad_store::{content_hash, DupIndex, EventFilter, Ingested, Signature, Store};
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Filters shared by `query` and `export`.
#[derive(Args, Clone, Default)]
pub struct FilterArgs {
    /// Events with this actor on either side: a code (KAZ, UN) or part of a name.
    #[arg(long)]
    actor: Option<String>,
    /// Events between two actors, either direction: `KAZ,TKM`.
    #[arg(long, value_name = "A,B")]
    dyad: Option<String>,
    /// PLOVER event type (CONSULT, ASSAULT, ...).
    #[arg(long = "type", value_name = "TYPE")]
    kind: Option<String>,
    /// First date, inclusive (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    from: Option<String>,
    /// Last date, inclusive (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    to: Option<String>,
    /// Country code of the event's location.
    #[arg(long)]
    country: Option<String>,
    /// Words an evidence sentence contains.
    #[arg(long)]
    text: Option<String>,
    /// Also events reported as denied or only possible.
    #[arg(long)]
    flagged: bool,
}

impl FilterArgs {
    pub fn filter(&self) -> Result<EventFilter> {
        let date = |d: &Option<String>, flag: &str| -> Result<Option<String>> {
            match d {
                None => Ok(None),
                Some(d) => {
                    chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
                        .with_context(|| format!("{flag} must be YYYY-MM-DD, got {d:?}"))?;
                    Ok(Some(d.clone()))
                }
            }
        };
        let dyad = match &self.dyad {
            None => None,
            Some(d) => Some(parse_dyad(d)?),
        };
        Ok(EventFilter {
            actor: self.actor.clone(),
            dyad,
            kind: self.kind.clone(),
            from: date(&self.from, "--from")?,
            to: date(&self.to, "--to")?,
            country: self.country.as_ref().map(|c| c.to_uppercase()),
            text: self.text.clone(),
            flagged: self.flagged,
            ..Default::default()
        })
    }
}

fn parse_dyad(d: &str) -> Result<(String, String)> {
    match d.split_once(',') {
        Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => {
            Ok((a.trim().to_uppercase(), b.trim().to_uppercase()))
        }
        _ => bail!("--dyad takes two actor codes separated by a comma, e.g. KAZ,TKM; got {d:?}"),
    }
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum TableFormat {
    Table,
    Jsonl,
    Csv,
}

#[derive(Subcommand)]
pub enum QueryWhat {
    /// Merged events matching the filters, newest first.
    Events {
        #[command(flatten)]
        filter: FilterArgs,
        /// At most this many events.
        #[arg(long, default_value_t = 50)]
        limit: u64,
    },
    /// Events per day, week, month or year with Goldstein mean/sum and PLOVER quad classes.
    Series {
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, default_value = "month", value_parser = ["day", "week", "month", "year"])]
        by: String,
    },
    /// The pairs of actors with the most events.
    Dyads {
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, default_value_t = 20)]
        limit: u64,
    },
    /// Agreements signed, with their number and topics.
    Agreements {
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// The latest figure of each kind (trade, investment, ...) reported about a pair of
    /// countries (`--dyad KAZ,TKM`) or about one (`--actor KAZ`).
    Figures {
        #[arg(long, value_name = "A,B")]
        dyad: Option<String>,
        #[arg(long)]
        actor: Option<String>,
        /// Only this kind of figure.
        #[arg(long)]
        kind: Option<String>,
    },
    /// Actors whose code or name contains TEXT, with their event counts.
    Actors {
        text: String,
        #[arg(long, default_value_t = 20)]
        limit: u64,
    },
    /// Counts per event type and the store's date range.
    Summary,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ExportFormat {
    /// The records contract's JSON Lines: merged events with their reports, then facts.
    Jsonl,
    /// PLOVER's JSON field names, one event per line.
    Plover,
    /// One row per merged event, with a header.
    Csv,
    /// The CSV columns as an Apache Parquet file.
    Parquet,
    /// GDELT 2.0 event-table layout (61 tab-separated columns, no header).
    Gdelt,
}

fn open_existing(db: &Path) -> Result<Store> {
    Store::open_read_only(db).with_context(|| {
        format!(
            "cannot open the store {} (create it with `dyad ingest`)",
            db.display()
        )
    })
}

/// What an ingest did, for its closing lines.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    pub total: dyad_store::BatchOutcome,
    pub already: u64,
    pub copies: u64,
    pub orphans: Vec<String>,
    pub foreign: u64,
    pub failed: u64,
    pub read: u64,
}

enum Msg {
    Docs(Vec<Ingested>),
    Copies(Vec<dyad_store::Copy>),
}

/// An ingest in progress: documents go through the gate, then are recognised as already
/// stored or as copies, or extracted and handed to the one writer thread.
pub struct Ingestor<'a> {
    runner: &'a Runner,
    gate: Gate,
    batch: usize,
    known: dyad_store::Known,
    dups: DupIndex,
    seen: HashSet<String>,
    tx: Option<std::sync::mpsc::SyncSender<Msg>>,
    writer: Option<
        std::thread::JoinHandle<Result<(dyad_store::BatchOutcome, dyad_store::CopyOutcome)>>,
    >,
    summary: Summary,
    progress: indicatif::ProgressBar,
}

impl<'a> Ingestor<'a> {
    pub fn new(runner: &'a Runner, read: &ReadArgs, db: &Path, batch: usize) -> Result<Self> {
        let mut store = Store::open(db)
            .with_context(|| format!("cannot open or create the store {}", db.display()))?;
        let known = store.known()?;
        let reader = open_existing(db)?;
        let dups = DupIndex::new(Some(reader), known.hashes.clone());
        let progress = indicatif::ProgressBar::new_spinner();
        progress.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {pos} documents stored ({per_sec}), {elapsed} {msg}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        let (tx, rx) = std::sync::mpsc::sync_channel::<Msg>(4);
        // One writer: SQLite takes one at a time, and batches stay in input order, so a re-run
        // after a crash merges events exactly as an uninterrupted run would.
        let bar = progress.clone();
        let writer = std::thread::spawn(move || {
            let mut total = dyad_store::BatchOutcome::default();
            let mut copies = dyad_store::CopyOutcome::default();
            for msg in rx {
                match msg {
                    Msg::Docs(batch) => {
                        let o = store.ingest(&batch)?;
                        bar.inc(o.stored);
                        total += o;
                    }
                    Msg::Copies(c) => {
                        let o = store.record_copies(&c)?;
                        copies.recorded += o.recorded;
                        copies.orphans.extend(o.orphans);
                    }
                }
            }
            Ok((total, copies))
        });
        Ok(Ingestor {
            runner,
            gate: Gate::new(read),
            batch: batch.max(1),
            known,
            dups,
            seen: HashSet::new(),
            tx: Some(tx),
            writer: Some(writer),
            summary: Summary::default(),
            progress,
        })
    }

    /// Whether the writer has stopped (on an error, reported by [`Ingestor::finish`]).
    pub fn failed(&self) -> bool {
        self.writer.as_ref().is_none_or(|w| w.is_finished())
    }

    fn send(&mut self, m: Msg) -> bool {
        self.tx.as_ref().is_some_and(|tx| tx.send(m).is_ok())
    }

    /// Take one read outcome: report it, gate it, store what is new.
    pub fn take(&mut self, outcome: dyad_io::ReadOutcome) -> Result<()> {
        let progress = self.progress.clone();
        let say = |m: &str| progress.suspend(|| eprintln!("{m}"));
        self.summary.read += outcome.documents.len() as u64;
        let docs = self.gate.admit(outcome, &say);
        let mut todo = Vec::new();
        let mut meta = Vec::new();
        let mut copies = Vec::new();
        for d in docs {
            let h = content_hash(&d.body);
            if self.known.ids.contains(&d.id) || !self.seen.insert(d.id.clone()) {
                self.summary.already += 1;
                continue;
            }
            let sig = Signature::of(&d.body);
            if let Some((of, similarity)) = self.dups.find(&h, sig.as_ref())? {
                copies.push(dyad_store::Copy::new(&d, &of, h, similarity));
                continue;
            }
            self.dups.add(&d.id, &h, sig.clone());
            meta.push((h, sig));
            todo.push(d);
        }
        while !todo.is_empty() {
            let rest = todo.split_off(todo.len().min(self.batch));
            let chunk = std::mem::replace(&mut todo, rest);
            let chunk_meta: Vec<_> = meta.drain(..chunk.len()).collect();
            let ids: Vec<String> = chunk.iter().map(|d| d.id.clone()).collect();
            let mut batch = Vec::with_capacity(chunk.len());
            for ((r, (hash, signature)), id) in
                self.runner.run(chunk).into_iter().zip(chunk_meta).zip(ids)
            {
                match r {
                    Ok(extraction) => batch.push(Ingested {
                        extraction,
                        hash,
                        signature,
                    }),
                    Err(f) => {
                        self.summary.failed += 1;
                        say(&format!("dyad: document {id}: {f}"));
                    }
                }
            }
            if !self.send(Msg::Docs(batch)) {
                return Ok(());
            }
        }
        if !copies.is_empty() {
            self.summary.copies += copies.len() as u64;
            self.send(Msg::Copies(copies));
        }
        Ok(())
    }

    /// Wait for the writer and return what was done.
    pub fn finish(mut self) -> Result<Summary> {
        // Closing the channel tells the writer that no batch is coming.
        drop(self.tx.take());
        let (total, copies) = self
            .writer
            .take()
            .map(|w| w.join())
            .transpose()
            .map_err(|_| anyhow::anyhow!("the store writer crashed"))?
            .transpose()?
            .unwrap_or_default();
        self.progress.finish_and_clear();
        self.summary.total = total;
        self.summary.copies = copies.recorded;
        self.summary.orphans = copies.orphans;
        self.summary.foreign = self.gate.foreign;
        Ok(self.summary)
    }
}

/// Extracts and stores every document under `paths` that the store does not hold yet.
pub fn ingest(
    runner: &Runner,
    read: &ReadArgs,
    paths: &[PathBuf],
    db: &Path,
    batch: usize,
) -> Result<()> {
    let started = std::time::Instant::now();
    let mut ing = Ingestor::new(runner, read, db, batch)?;
    let before = open_existing(db)?.counts()?;
    let (files, errors) = dyad_io::expand_paths(paths);
    for e in &errors {
        eprintln!("dyad: {e}");
    }
    let limits = read.limits();
    for f in &files {
        if ing.failed() {
            break;
        }
        dyad_io::stream_path(f, &limits, 4 * batch.max(1), |o| ing.take(o))?;
    }
    let s = ing.finish()?;
    if s.read == 0 && files.is_empty() {
        bail!("no document could be read from the given paths (see the messages above)");
    }
    print_summary(&s, started.elapsed().as_secs_f64());
    let store = open_existing(db)?;
    let after = store.counts()?;
    eprintln!(
        "dyad: {} now holds {} documents ({} more outlets of them), {} events ({} reports), {} \
         facts (was {} documents)",
        db.display(),
        after.documents,
        store.count_copies()?,
        after.events,
        after.mentions,
        after.facts,
        before.documents
    );
    Ok(())
}

pub fn print_summary(s: &Summary, secs: f64) {
    let t = &s.total;
    eprintln!(
        "dyad: stored {} documents in {:.1} s ({:.0} documents/s); {} already stored, skipped; \
         {} copies of stored documents kept as other outlets; {} not in English, skipped; {} \
         abandoned or failed; {} events ({} new, {} merged into earlier reports), {} facts",
        t.stored,
        secs,
        t.stored as f64 / secs.max(1e-9),
        s.already + t.skipped,
        s.copies,
        s.foreign,
        s.failed,
        t.events_new + t.events_merged,
        t.events_new,
        t.events_merged,
        t.facts
    );
    if !s.orphans.is_empty() {
        eprintln!(
            "dyad: {} copies were not kept because the document they copy was not stored \
             (abandoned): {}",
            s.orphans.len(),
            s.orphans.join(", ")
        );
    }
}

pub fn query(db: &Path, what: &QueryWhat, format: TableFormat) -> Result<()> {
    let store = open_existing(db)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let table = match what {
        QueryWhat::Events { filter, limit } => {
            let mut f = filter.filter()?;
            f.limit = Some(*limit);
            f.newest_first = true;
            let mut rows = store.events(&f)?;
            match format {
                TableFormat::Jsonl => {
                    store.attach_reports(&mut rows)?;
                    for r in &rows {
                        serde_json::to_writer(&mut out, r)?;
                        out.write_all(b"\n")?;
                    }
                    out.flush()?;
                    return Ok(());
                }
                TableFormat::Csv => {
                    let mut w = csv::Writer::from_writer(&mut out);
                    w.write_record(dyad_store::export::FLAT_COLUMNS.iter().map(|c| c.0))?;
                    for r in &rows {
                        let cells = dyad_store::export::flat_row(r);
                        w.write_record(cells.iter().map(dyad_store::export::Cell::text))?;
                    }
                    w.flush()?;
                    return Ok(());
                }
                TableFormat::Table => events_table(&rows),
            }
        }
        QueryWhat::Series { filter, by } => {
            let by = Period::parse(by).context("--by must be day, week, month or year")?;
            store.series(&filter.filter()?, by)?
        }
        QueryWhat::Dyads { filter, limit } => store.top_dyads(&filter.filter()?, *limit)?,
        QueryWhat::Agreements { filter } => store.agreements(&filter.filter()?)?,
        QueryWhat::Figures { dyad, actor, kind } => match (dyad, actor) {
            (Some(d), _) => {
                let (a, b) = parse_dyad(d)?;
                store.figures(&a, Some(&b), kind.as_deref())?
            }
            (None, Some(a)) => store.figures(&a.to_uppercase(), None, kind.as_deref())?,
            (None, None) => bail!("figures needs --dyad A,B or --actor CODE"),
        },
        QueryWhat::Actors { text, limit } => store.actors(text, *limit)?,
        QueryWhat::Summary => store.summary()?,
    };
    write_table(&table, format, &mut out)?;
    out.flush()?;
    Ok(())
}

fn events_table(rows: &[dyad_store::EventRow]) -> Table {
    let actor = |a: &Option<dyad_core::Actor>| -> serde_json::Value {
        a.as_ref()
            .map(|a| {
                a.code
                    .clone()
                    .unwrap_or_else(|| format!("({})", a.text))
                    .into()
            })
            .unwrap_or(serde_json::Value::Null)
    };
    Table {
        columns: [
            "id", "date", "type", "mode", "source", "target", "location", "reports", "sources",
            "evidence",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect(),
        rows: rows
            .iter()
            .map(|e| {
                vec![
                    e.id.into(),
                    e.date.clone().into(),
                    e.kind.clone().into(),
                    e.mode.clone().into(),
                    actor(&e.source),
                    actor(&e.target),
                    e.location.as_ref().map(|l| l.name.clone()).into(),
                    e.num_reports.into(),
                    e.num_sources.into(),
                    e.evidence.text.clone().into(),
                ]
            })
            .collect(),
    }
}

fn show(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Writes a result table as aligned text, JSON Lines or CSV.
pub fn write_table(t: &Table, format: TableFormat, out: &mut dyn Write) -> Result<()> {
    match format {
        TableFormat::Jsonl => {
            for o in t.objects() {
                serde_json::to_writer(&mut *out, &o)?;
                out.write_all(b"\n")?;
            }
        }
        TableFormat::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(&t.columns)?;
            for r in &t.rows {
                w.write_record(r.iter().map(show))?;
            }
            w.flush()?;
        }
        TableFormat::Table => {
            // Long cells (evidence sentences) are cut so a row fits a terminal line.
            const MAX: usize = 60;
            let cells: Vec<Vec<String>> = t
                .rows
                .iter()
                .map(|r| {
                    r.iter()
                        .map(|v| {
                            let s = show(v);
                            if s.chars().count() > MAX {
                                let cut: String = s.chars().take(MAX - 1).collect();
                                format!("{cut}…")
                            } else {
                                s
                            }
                        })
                        .collect()
                })
                .collect();
            let mut widths: Vec<usize> = t.columns.iter().map(|c| c.chars().count()).collect();
            for r in &cells {
                for (w, c) in widths.iter_mut().zip(r) {
                    *w = (*w).max(c.chars().count());
                }
            }
            let line = |cols: &[String], out: &mut dyn Write| -> std::io::Result<()> {
                let parts: Vec<String> = cols
                    .iter()
                    .zip(&widths)
                    .map(|(c, w)| format!("{c:<w$}"))
                    .collect();
                writeln!(out, "{}", parts.join("  ").trim_end())
            };
            line(&t.columns, out)?;
            for r in &cells {
                line(r, out)?;
            }
            if t.rows.is_empty() {
                writeln!(out, "(no rows)")?;
            }
        }
    }
    Ok(())
}

pub fn export(
    db: &Path,
    format: ExportFormat,
    filter: &FilterArgs,
    output: Option<&Path>,
) -> Result<()> {
    let store = open_existing(db)?;
    let f = filter.filter()?;
    let mut sink: Box<dyn Write + Send> = match output {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p)
                .with_context(|| format!("cannot create the export file {}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout())),
    };
    let n = match format {
        ExportFormat::Jsonl => dyad_store::export::write_jsonl(&store, &f, &mut sink)?,
        ExportFormat::Plover => dyad_store::export::write_plover(&store, &f, &mut sink)?,
        ExportFormat::Csv => dyad_store::export::write_csv(&store, &f, &mut sink)?,
        ExportFormat::Gdelt => dyad_store::export::write_gdelt(&store, &f, &mut sink)?,
        ExportFormat::Parquet => crate::parquet_out::write_parquet(&store, &f, &mut sink)?,
    };
    sink.flush().context("cannot write the export")?;
    if let Some(p) = output {
        eprintln!("dyad: wrote {n} records to {}", p.display());
    }
    Ok(())
}
