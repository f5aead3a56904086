//! `dyad ingest`, `dyad query` and `dyad export`: the commands around the embedded store.

use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand, ValueEnum};
use dyad_core::Extractor;
use dyad_store::query::{Period, Table};
use dyad_store::{content_hash, EventFilter, Ingested, Store};
use rayon::prelude::*;
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

/// Extracts and stores every document under `paths` that the store does not hold yet.
pub fn ingest(ex: &Extractor, paths: &[PathBuf], db: &Path, batch: usize) -> Result<()> {
    let started = std::time::Instant::now();
    let mut store = Store::open(db)
        .with_context(|| format!("cannot open or create the store {}", db.display()))?;
    let known = store.known()?;
    let before = store.counts()?;
    let (files, errors) = dyad_io::expand_paths(paths);
    for e in &errors {
        eprintln!("dyad: {e}");
    }
    let progress = indicatif::ProgressBar::new_spinner();
    progress.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} {pos} documents stored ({per_sec}), {elapsed} {msg}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Ingested>>(4);
    // One writer: SQLite takes one at a time, and batches stay in input order, so a re-run
    // after a crash merges events exactly as an uninterrupted run would.
    let bar = progress.clone();
    let writer = std::thread::spawn(move || -> Result<dyad_store::BatchOutcome> {
        let mut total = dyad_store::BatchOutcome::default();
        for batch in rx {
            let o = store.ingest(&batch)?;
            bar.inc(o.stored);
            total += o;
        }
        Ok(total)
    });
    let mut seen: HashSet<String> = HashSet::new();
    let mut already = 0u64;
    let mut read_any = false;
    let send_failed = std::cell::Cell::new(false);
    let mut handle = |outcome: dyad_io::ReadOutcome| -> Result<()> {
        for w in &outcome.warnings {
            progress.suspend(|| eprintln!("dyad: warning: {w}"));
        }
        for e in &outcome.errors {
            progress.suspend(|| eprintln!("dyad: {e}; skipped"));
        }
        read_any |= !outcome.documents.is_empty();
        let todo: Vec<(dyad_core::Document, String)> = outcome
            .documents
            .into_iter()
            .filter_map(|d| {
                let h = content_hash(&d.body);
                if known.contains(&d.id, &h) || !seen.insert(d.id.clone()) {
                    already += 1;
                    None
                } else {
                    Some((d, h))
                }
            })
            .collect();
        for chunk in todo.chunks(batch.max(1)) {
            let extracted: Vec<Ingested> = chunk
                .par_iter()
                .map(|(d, h)| Ingested {
                    extraction: ex.extract(d),
                    hash: h.clone(),
                })
                .collect();
            if tx.send(extracted).is_err() {
                // The writer stopped on an error; it is reported below.
                send_failed.set(true);
                return Ok(());
            }
        }
        Ok(())
    };
    for f in &files {
        if send_failed.get() {
            break;
        }
        if dyad_io::Format::of(f) == Some(dyad_io::Format::JsonLines) && f.as_os_str() != "-" {
            dyad_io::stream_jsonl(f, 4 * batch.max(1), &mut handle)?;
        } else {
            handle(dyad_io::read_path(f))?;
        }
    }
    // Closing the channel tells the writer that no batch is coming.
    drop(tx);
    let total = writer
        .join()
        .map_err(|_| anyhow::anyhow!("the store writer crashed"))??;
    progress.finish_and_clear();
    if !read_any && files.is_empty() {
        bail!("no document could be read from the given paths (see the messages above)");
    }
    let store = open_existing(db)?;
    let after = store.counts()?;
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "dyad: stored {} documents in {:.1} s ({:.0}/s); {} already stored, skipped; \
         {} events ({} new, {} merged into earlier reports), {} facts",
        total.stored,
        secs,
        total.stored as f64 / secs.max(1e-9),
        already + total.skipped,
        total.events_new + total.events_merged,
        total.events_new,
        total.events_merged,
        total.facts
    );
    eprintln!(
        "dyad: {} now holds {} documents, {} events ({} reports), {} facts (was {} documents)",
        db.display(),
        after.documents,
        after.events,
        after.mentions,
        after.facts,
        before.documents
    );
    Ok(())
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
