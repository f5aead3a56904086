//! The `dyad` command: news reports in, PLOVER events and facts out.

mod corpus;
mod gate;
mod parquet_out;
mod runner;
mod serve_cmds;
mod store_cmds;
mod syntax_cmds;
mod watch;

/// Extraction allocates many small strings; mimalloc halves their cost over the system
/// allocator (measured with `dyad bench`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use dyad_core::{Extractor, Knowledge};
use rayon::prelude::*;
use std::io::{BufRead, BufWriter, Write};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "dyad",
    version,
    about = "Turn news about international relations into verifiable event data",
    long_about = "dyad reads news reports (plain text, JSON Lines, HTML, RSS/Atom feeds, WARC web \
archives) and writes who did what to whom, \
when, where, with which figures, and the sentence that says so: PLOVER events with CAMEO codes and \
Goldstein values, and quantitative facts, as JSON Lines.\n\nExamples:\n  \
dyad extract examples/corpus            # every report in a folder\n  \
dyad extract stories.jsonl > out.jsonl  # one report per JSON line\n  \
dyad actor --date 2025-11-25 \"President Tokayev\" \"the Kremlin\""
)]
struct Cli {
    /// Folder or file of extra knowledge (countries*.tsv, leaders*.tsv, agents*.tsv,
    /// entities*.tsv, organisations*.tsv, places*.tsv, verbs*.tsv, and CAMEO/PETRARCH
    /// dictionaries *actors.txt / *agents.txt) added to the built-in one.
    #[arg(long, global = true, value_name = "PATH")]
    knowledge: Vec<PathBuf>,
    /// The store that ingest, query and export read and write.
    #[arg(long, global = true, value_name = "FILE", default_value = dyad_store::DEFAULT_DB)]
    db: PathBuf,
    #[command(flatten)]
    read: gate::ReadArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutFormat {
    Jsonl,
}

#[derive(Subcommand)]
enum Command {
    /// Extract events and facts from reports; one JSON object per line on stdout.
    Extract {
        /// Files, folders (read recursively, sorted) or `-` for standard input.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "jsonl")]
        format: OutFormat,
        /// Do not write the `document` records (the body that evidence offsets point into).
        #[arg(long)]
        no_documents: bool,
        /// Worker threads (default: all cores). Output order does not depend on it.
        #[arg(long, value_name = "N")]
        threads: Option<usize>,
    },
    /// Show how a text is read: its sentences, the actor phrases found and what they resolve
    /// to, and the lexicon rules that match, then the records coded. For tuning knowledge.
    Explain {
        /// The report date (decides office-holders and relative dates).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// The text to explain; `-` reads it from standard input.
        #[arg(value_name = "TEXT")]
        text: String,
    },
    /// Write a synthetic corpus of realistic reports (JSON Lines) for benchmarks.
    Generate {
        /// Number of reports.
        #[arg(long, default_value_t = 1000)]
        docs: usize,
        /// Seed: the same seed gives the same corpus.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Sentences per report (about 100 bytes each).
        #[arg(long, default_value_t = 16)]
        sentences: usize,
    },
    /// Measure start-up, extraction throughput (1 thread and all cores), actor resolutions per
    /// second and peak memory, on a generated corpus or on the given paths.
    Bench {
        /// Number of generated reports (ignored when PATHs are given).
        #[arg(long, default_value_t = 4000)]
        docs: usize,
        /// Reports to time instead of a generated corpus.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Extract reports into the store (`--db`, default ./dyad.db), merging reports of one
    /// event; documents already stored are skipped, so re-running resumes an interrupted run.
    Ingest {
        /// Files, folders (read recursively, sorted) or `-` for standard input.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Documents per transaction: a crash loses at most this many, which a re-run redoes.
        #[arg(long, default_value_t = 256, value_name = "N")]
        batch: usize,
        /// Worker threads for extraction (default: all cores).
        #[arg(long, value_name = "N")]
        threads: Option<usize>,
    },
    /// Watch folders and feeds: ingest new files as they arrive and new feed items at every
    /// poll (conditional GET), until stopped; a feed that fails is retried with backoff.
    Watch {
        /// Folders (or files) to watch.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Feed URLs (RSS, Atom; http or https) to poll.
        #[arg(long = "feed", value_name = "URL")]
        feeds: Vec<String>,
        /// Seconds between polls.
        #[arg(long, default_value_t = 300.0, value_name = "SECS")]
        interval: f64,
        /// Longest wait before retrying a feed that keeps failing, in seconds.
        #[arg(long, default_value_t = 3600.0, value_name = "SECS")]
        max_backoff: f64,
        /// Stop after this many polls (default: run until stopped).
        #[arg(long, value_name = "N")]
        polls: Option<u64>,
        /// Documents per transaction.
        #[arg(long, default_value_t = 256, value_name = "N")]
        batch: usize,
        /// Worker threads for extraction (default: all cores).
        #[arg(long, value_name = "N")]
        threads: Option<usize>,
    },
    /// Serve the dashboard and the JSON API over the store (read-only unless --writable).
    Serve {
        #[command(flatten)]
        net: serve_cmds::NetArgs,
        /// Accept new documents on POST /api/documents (extracted and stored).
        #[arg(long)]
        writable: bool,
    },
    /// Ingest the bundled example corpus into a temporary store and serve the dashboard.
    Demo {
        #[command(flatten)]
        net: serve_cmds::NetArgs,
        /// Ingest these files or folders instead of the bundled examples.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Also ingest this many synthetic reports (`dyad generate`), to see the charts fill up.
        #[arg(long, default_value_t = 0, value_name = "N")]
        synthetic: usize,
        /// Keep the store in this file instead of a temporary one.
        #[arg(long, value_name = "FILE")]
        keep: Option<PathBuf>,
    },
    /// Read the store: events, time series, top dyads, agreements, figures, actors.
    Query {
        #[command(subcommand)]
        what: store_cmds::QueryWhat,
        /// Output format.
        #[arg(long, value_enum, default_value = "table", global = true)]
        format: store_cmds::TableFormat,
    },
    /// Write the store's merged events (and, for jsonl, facts) in a format other tools read.
    Export {
        #[arg(long, value_enum)]
        format: store_cmds::ExportFormat,
        /// Output file (default: standard output).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        filter: store_cmds::FilterArgs,
    },
    /// Train the tagger, lemmatiser and parser on Universal Dependencies treebanks (CoNLL-U).
    /// Deterministic for a given seed; every N-th sentence is held out and scored.
    TrainSyntax {
        /// Training treebanks (CoNLL-U).
        #[arg(long, required = true, value_name = "FILE.conllu")]
        train: Vec<PathBuf>,
        /// A treebank to score the model on (never trained on).
        #[arg(long, value_name = "FILE.conllu")]
        dev: Option<PathBuf>,
        /// Hold out every N-th sentence of the training files and score it (0: none).
        #[arg(long, default_value_t = 10, value_name = "N")]
        hold_out: usize,
        /// Write no model: train K times, each without another K-th of the sentences, and
        /// print the scores of each slice and their mean (for tuning features).
        #[arg(long, default_value_t = 0, value_name = "K")]
        cross_validate: usize,
        /// Where to write the model.
        #[arg(short, long, value_name = "MODEL")]
        output: PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long, default_value_t = 12)]
        tagger_epochs: usize,
        #[arg(long, default_value_t = 15)]
        parser_epochs: usize,
        /// Threads for the tagger's jackknife folds.
        #[arg(long, default_value_t = 2, value_name = "N")]
        threads: usize,
        /// Drop parser weights smaller than this (a smaller, faster model at little cost).
        #[arg(long, default_value_t = 1.0, value_name = "W")]
        prune: f32,
    },
    /// Tag and parse: plain text (or CoNLL-U with --conllu, its tokenisation kept) in,
    /// CoNLL-U out (UPOS, LEMMA, HEAD, DEPREL).
    Parse {
        /// A file, or `-` for standard input.
        #[arg(value_name = "PATH")]
        path: PathBuf,
        /// The input is CoNLL-U: keep its sentences and words, ignore its annotation.
        #[arg(long)]
        conllu: bool,
        /// With --conllu: print UPOS, UAS, LAS and lemma accuracy against the input's own
        /// annotation on stderr.
        #[arg(long)]
        score: bool,
        /// A model file written by `dyad train-syntax` (default: the built-in model).
        #[arg(long, value_name = "MODEL")]
        model: Option<PathBuf>,
    },
    /// Resolve actor mentions to a code, sector and canonical name.
    Actor {
        /// The date that decides who held an office (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// Mentions to resolve; `-` reads one per line from standard input.
        #[arg(required = true, value_name = "TEXT")]
        texts: Vec<String>,
    },
}

fn load_knowledge(paths: &[PathBuf]) -> Result<Knowledge> {
    Ok(dyad_io::load_knowledge(paths)?)
}

/// The JSON lines of one document's records.
fn render(x: &dyad_core::Extraction, documents: bool) -> Vec<u8> {
    fn line<T: serde::Serialize>(buf: &mut Vec<u8>, v: &T) {
        // Records are plain data: serialising them into memory cannot fail.
        let _ = serde_json::to_writer(&mut *buf, v);
        buf.push(b'\n');
    }
    let mut buf = Vec::with_capacity(4096);
    if documents {
        line(&mut buf, &x.document);
    }
    for e in &x.events {
        line(&mut buf, e);
    }
    for f in &x.facts {
        line(&mut buf, f);
    }
    buf
}

fn extract(
    runner: &runner::Runner,
    read: &gate::ReadArgs,
    paths: &[PathBuf],
    documents: bool,
) -> Result<()> {
    let (files, errors) = dyad_io::expand_paths(paths);
    for e in &errors {
        eprintln!("dyad: {e}");
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut read_any = false;
    let mut failed = 0u64;
    let mut gate = gate::Gate::new(read);
    let limits = read.limits();
    // Extract a batch in parallel and write it in input order.
    let mut handle = |outcome: dyad_io::ReadOutcome| -> Result<()> {
        read_any |= !outcome.documents.is_empty();
        let docs = gate.admit(outcome, &|m| eprintln!("{m}"));
        let mut docs = docs.into_iter().peekable();
        while docs.peek().is_some() {
            let chunk: Vec<dyad_core::Document> = docs.by_ref().take(256).collect();
            let ids: Vec<String> = chunk.iter().map(|d| d.id.clone()).collect();
            for (r, id) in runner.run(chunk).into_iter().zip(ids) {
                match r {
                    Ok(x) => out
                        .write_all(&render(&x, documents))
                        .context("cannot write to standard output")?,
                    Err(f) => {
                        failed += 1;
                        eprintln!("dyad: document {id}: {f}");
                    }
                }
            }
        }
        Ok(())
    };
    for f in &files {
        // JSON Lines and WARC can be any size: they come a batch at a time.
        dyad_io::stream_path(f, &limits, 512, &mut handle)?;
    }
    out.flush().context("cannot write to standard output")?;
    if gate.foreign > 0 || failed > 0 {
        eprintln!(
            "dyad: {} documents not in English skipped; {failed} abandoned or failed",
            gate.foreign
        );
    }
    if !read_any {
        bail!("no document could be read from the given paths (see the messages above)");
    }
    Ok(())
}

fn explain(ex: &Extractor, date: Option<&str>, text: &str) -> Result<()> {
    use std::fmt::Write as _;
    let mut report = String::new();
    let text = if text == "-" {
        let mut buf = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut buf)
            .context("cannot read standard input")?;
        buf
    } else {
        text.to_string()
    };
    let date = date.map(parse_date_arg).transpose()?;
    let mut doc = dyad_core::Document::from_plain_text("explain", &text);
    if date.is_some() {
        doc.date = date;
    }
    let mut state = dyad_core::pipeline::DocState::default();
    for s in ex.analyse(&doc, &mut state) {
        let _ = writeln!(report, "sentence: {}", &doc.body[s.span.start..s.span.end]);
        for (p, acts) in s.phrases.iter().zip(&s.actors) {
            let shown: Vec<String> = acts
                .iter()
                .map(|a| {
                    format!(
                        "{}/{}",
                        a.code.as_deref().unwrap_or("-"),
                        a.sector.as_deref().unwrap_or("-")
                    )
                })
                .collect();
            let kind = match p.reference {
                Some(r) => format!(" (refers back: {r:?})"),
                None => String::new(),
            };
            let _ = writeln!(
                report,
                "  actor  {:?} -> [{}]{kind}",
                s.original(&doc.body, p.tokens),
                shown.join(", ")
            );
        }
        let tree = s.tree.clone().unwrap_or_else(|| ex.parse(&doc.body, &s));
        let _ = writeln!(
            report,
            "  tree{}",
            if s.tree.is_none() {
                " (not needed by the coder)"
            } else {
                ""
            }
        );
        for i in 0..tree.len() {
            let head = tree.head(i).map_or("root".to_string(), |h| {
                format!("{} {}", h + 1, s.original(&doc.body, (h, h + 1)))
            });
            let _ = writeln!(
                report,
                "    {:>3} {:<16} {:<6} {:<14} {:<12} <- {}",
                i + 1,
                s.original(&doc.body, (i, i + 1)),
                tree.upos(i),
                tree.lemma(i),
                tree.dep(i),
                head
            );
        }
        for m in &s.matches {
            // The longest reading first; the shorter ones are tried when the grammar rejects it.
            for (k, reading) in m.readings().enumerate() {
                let r = &ex.lexicon().rules[reading.rule];
                let _ = writeln!(
                    report,
                    "  {}{} {:?} -> {} (CAMEO {})",
                    if k == 0 { "rule   " } else { "  or   " },
                    r.name,
                    s.original(&doc.body, reading.tokens),
                    r.plover,
                    r.cameo
                );
            }
        }
    }
    let x = ex.extract(&doc);
    for e in &x.events {
        let c = |a: &Option<dyad_core::Actor>| {
            a.as_ref()
                .and_then(|x| x.code.clone())
                .unwrap_or_else(|| "-".into())
        };
        let flags = if e.negated {
            " negated"
        } else if e.hypothetical {
            " hypothetical"
        } else {
            ""
        };
        let _ = writeln!(
            report,
            "event: {} {} -> {} (rule {}){flags}",
            e.kind,
            c(&e.source),
            c(&e.target),
            e.rule
        );
    }
    for f in &x.facts {
        let _ = writeln!(
            report,
            "fact: {} {:?} {} {} {}",
            f.kind, f.countries, f.value, f.unit, f.qualifier
        );
    }
    std::io::stdout().write_all(report.as_bytes())?;
    Ok(())
}

/// Sizes the worker pool when `--threads` is given (default: all cores).
fn set_threads(threads: Option<usize>) -> Result<()> {
    if let Some(n) = threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .context("cannot start worker threads")?;
    }
    Ok(())
}

/// A `--date` argument.
fn parse_date_arg(d: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(d, "%Y-%m-%d")
        .with_context(|| format!("--date must be YYYY-MM-DD, got {d:?}"))
}

fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn bench(knowledge: &[PathBuf], docs: usize, paths: &[PathBuf]) -> Result<()> {
    use std::fmt::Write as _;
    let mut report = String::new();
    let t0 = std::time::Instant::now();
    let kb = load_knowledge(knowledge)?;
    let ex = Extractor::new(kb).context("the verb lexicon is invalid")?;
    let startup = t0.elapsed();
    let corpus: Vec<dyad_core::Document> = if paths.is_empty() {
        corpus::generate(ex.knowledge(), docs, 7, 16)
            .into_iter()
            .map(|g| {
                dyad_core::Document::new(
                    g.id,
                    g.text,
                    dyad_core::dates::parse_document_date(&g.date),
                )
            })
            .collect()
    } else {
        let (files, _) = dyad_io::expand_paths(paths);
        files
            .iter()
            .flat_map(|f| dyad_io::read_path(f).documents)
            .collect()
    };
    if corpus.is_empty() {
        bail!("no document to time");
    }
    let first = std::time::Instant::now();
    std::hint::black_box(ex.extract(&corpus[0]));
    let first_doc = first.elapsed();
    let bytes: usize = corpus.iter().map(|d| d.body.len()).sum();
    let mb = bytes as f64 / 1e6;
    let time = |threads: usize| -> Result<f64> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .context("cannot start threads")?;
        let t = std::time::Instant::now();
        let n: usize = pool.install(|| {
            corpus
                .par_iter()
                .map(|d| render(&ex.extract(d), true).len())
                .sum()
        });
        std::hint::black_box(n);
        Ok(t.elapsed().as_secs_f64())
    };
    let one = time(1)?;
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let all = time(cores)?;
    let mentions = [
        "President Tokayev",
        "the Kremlin",
        "Kazakhstan's Foreign Ministry",
        "four Saudi men",
        "the U.N. Security Council",
        "Zelenskyy",
        "American warplanes",
        "Ugandan police",
    ];
    let date = NaiveDate::from_ymd_opt(2024, 6, 1);
    let t = std::time::Instant::now();
    let rounds = 20_000;
    for i in 0..rounds {
        std::hint::black_box(ex.resolve(mentions[i % mentions.len()], date));
    }
    let res_per_s = rounds as f64 / t.elapsed().as_secs_f64();
    let n = corpus.len() as f64;
    let _ = writeln!(
        report,
        "corpus: {} documents, {:.1} MB ({:.0} bytes/document)",
        corpus.len(),
        mb,
        bytes as f64 / n
    );
    let _ = writeln!(
        report,
        "start-up (knowledge loaded and compiled): {:.1} ms; first document out: {:.2} ms more",
        startup.as_secs_f64() * 1e3,
        first_doc.as_secs_f64() * 1e3
    );
    let _ = writeln!(
        report,
        "1 thread:   {:.0} documents/s, {:.2} MB/s",
        n / one,
        mb / one
    );
    let _ = writeln!(
        report,
        "{cores} threads:  {:.0} documents/s, {:.2} MB/s ({:.2}x)",
        n / all,
        mb / all,
        one / all
    );
    let _ = writeln!(report, "actor resolutions: {res_per_s:.0}/s (1 thread)");
    // The tagger and parser alone, on every sentence of the corpus (the coder parses only
    // the sentences that can hold an event).
    let sents: Vec<Vec<String>> = corpus
        .iter()
        .take(500)
        .flat_map(|d| {
            dyad_core::text::sentences(&d.body)
                .into_iter()
                .map(|sp| {
                    let raw = &d.body[sp.start..sp.end];
                    let norm = dyad_core::text::Normalized::new(raw);
                    dyad_core::text::tokenize(&norm)
                        .iter()
                        .map(|t| {
                            let o = norm.original(t.span);
                            raw[o.start..o.end].to_string()
                        })
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let words: usize = sents.iter().map(Vec::len).sum();
    let t = std::time::Instant::now();
    for s in &sents {
        let w: Vec<&str> = s.iter().map(String::as_str).collect();
        std::hint::black_box(ex.syntax().tag(&w));
    }
    let tag_s = t.elapsed().as_secs_f64();
    let t = std::time::Instant::now();
    for s in &sents {
        let w: Vec<&str> = s.iter().map(String::as_str).collect();
        std::hint::black_box(ex.syntax().analyse(&w));
    }
    let all_s = t.elapsed().as_secs_f64();
    let _ = writeln!(
        report,
        "syntax, 1 thread, {words} words: tagger {:.0} words/s; tagger, parser and lemmas {:.0} words/s",
        words as f64 / tag_s,
        words as f64 / all_s
    );
    if let Some(m) = peak_memory_mb() {
        let _ = writeln!(report, "peak memory: {m:.0} MB (corpus held in memory)");
    }
    std::io::stdout().write_all(report.as_bytes())?;
    Ok(())
}

fn actor(ex: &Extractor, date: Option<String>, texts: &[String]) -> Result<()> {
    let date = Some(match date {
        Some(d) => parse_date_arg(&d)?,
        None => chrono::Local::now().date_naive(),
    });
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let one = |t: &str, out: &mut BufWriter<std::io::StdoutLock>| -> Result<()> {
        serde_json::to_writer(&mut *out, &ex.resolve(t, date))?;
        out.write_all(b"\n")?;
        Ok(())
    };
    for t in texts {
        if t == "-" {
            for line in std::io::stdin().lock().lines() {
                let line = line.context("cannot read standard input")?;
                one(line.trim_end_matches('\r'), &mut out)?;
            }
        } else {
            one(t, &mut out)?;
        }
    }
    out.flush()?;
    Ok(())
}

fn main() {
    let cli = Cli::parse();
    let run = || -> Result<()> {
        // Commands that only read the store do not need the knowledge compiled.
        match &cli.command {
            Command::Query { what, format } => return store_cmds::query(&cli.db, what, *format),
            Command::Export {
                format,
                output,
                filter,
            } => return store_cmds::export(&cli.db, *format, filter, output.as_deref()),
            Command::Serve {
                net,
                writable: false,
            } => return serve_cmds::serve(&cli.db, net, None),
            Command::TrainSyntax {
                train,
                dev,
                hold_out,
                cross_validate,
                output,
                seed,
                tagger_epochs,
                parser_epochs,
                threads,
                prune,
            } => {
                return syntax_cmds::train_syntax(syntax_cmds::TrainArgs {
                    train,
                    dev: dev.as_deref(),
                    hold_out: *hold_out,
                    cross_validate: *cross_validate,
                    output,
                    opts: dyad_core::syntax::train::Options {
                        tagger_epochs: *tagger_epochs,
                        parser_epochs: *parser_epochs,
                        seed: *seed,
                        threads: *threads,
                        prune: *prune,
                        ..Default::default()
                    },
                })
            }
            Command::Parse {
                path,
                conllu,
                score,
                model,
            } => {
                let model = syntax_cmds::load_model(model.as_deref())?;
                return syntax_cmds::parse(&model, path, *conllu, *score);
            }
            _ => {}
        }
        dyad_core::text::set_max_sentence_bytes(cli.read.max_sentence_bytes);
        let kb = load_knowledge(&cli.knowledge)?;
        let ex = Extractor::new(kb).context("the verb lexicon is invalid")?;
        let threads = match &cli.command {
            Command::Extract { threads, .. }
            | Command::Ingest { threads, .. }
            | Command::Watch { threads, .. } => *threads,
            _ => None,
        };
        set_threads(threads)?;
        let arc = std::sync::Arc::new(ex);
        let runner = runner::Runner::new(arc.clone(), threads, cli.read.budget());
        let ex = arc.as_ref();
        match &cli.command {
            Command::Extract {
                paths,
                format: OutFormat::Jsonl,
                no_documents,
                ..
            } => extract(&runner, &cli.read, paths, !no_documents),
            Command::Generate {
                docs,
                seed,
                sentences,
            } => {
                let stdout = std::io::stdout();
                let mut out = BufWriter::new(stdout.lock());
                for d in corpus::generate(ex.knowledge(), *docs, *seed, *sentences) {
                    serde_json::to_writer(&mut out, &d)?;
                    out.write_all(b"\n")?;
                }
                out.flush()?;
                Ok(())
            }
            Command::Ingest { paths, batch, .. } => {
                store_cmds::ingest(&runner, &cli.read, paths, &cli.db, *batch)
            }
            Command::Watch {
                paths,
                feeds,
                interval,
                max_backoff,
                polls,
                batch,
                ..
            } => watch::watch(
                &runner,
                &cli.read,
                &cli.db,
                &watch::Plan {
                    paths: paths.clone(),
                    feeds: feeds.clone(),
                    interval: std::time::Duration::from_secs_f64(interval.clamp(0.01, 1e7)),
                    max_backoff: std::time::Duration::from_secs_f64(max_backoff.clamp(0.01, 1e7)),
                    polls: *polls,
                    batch: *batch,
                },
            ),
            Command::Serve { net, .. } => serve_cmds::serve(&cli.db, net, Some(arc.clone())),
            Command::Demo {
                net,
                paths,
                synthetic,
                keep,
            } => serve_cmds::demo(&runner, &cli.read, net, paths, *synthetic, keep.as_deref()),
            Command::Query { .. }
            | Command::Export { .. }
            | Command::TrainSyntax { .. }
            | Command::Parse { .. } => Ok(()),
            Command::Bench { docs, paths } => bench(&cli.knowledge, *docs, paths),
            Command::Explain { date, text } => explain(ex, date.as_deref(), text),
            Command::Actor { date, texts } => actor(ex, date.clone(), texts),
        }
    };
    if let Err(e) = run() {
        // A closed pipe ("dyad extract ... | head") ends the run quietly, as in other tools.
        let broken_pipe = e.chain().any(|c| {
            c.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
        });
        if broken_pipe {
            std::process::exit(0);
        }
        eprintln!("dyad: error: {e:#}");
        std::process::exit(1);
    }
}
