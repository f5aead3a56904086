//! The `dyad` command: news reports in, PLOVER events and facts out.

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use dyad_core::{Extractor, Knowledge};
use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};

#[derive(Parser)]
#[command(
    name = "dyad",
    version,
    about = "Turn news about international relations into verifiable event data",
    long_about = "dyad reads news reports (plain text, JSON Lines, HTML) and writes who did what to whom, \
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
    if paths.is_empty() {
        return Knowledge::builtin()
            .context("the built-in knowledge failed to load (a bug: please report it)");
    }
    let mut files = Vec::new();
    for p in paths {
        let mut add = |f: &Path| -> Result<()> {
            let text = std::fs::read_to_string(f)
                .with_context(|| format!("cannot read knowledge file {}", f.display()))?;
            let name = f
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("")
                .to_string();
            files.push((name, text));
            Ok(())
        };
        if p.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
                .with_context(|| format!("cannot list knowledge folder {}", p.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|e| e.extension().is_some_and(|x| x == "tsv" || x == "txt"))
                .collect();
            entries.sort();
            for e in entries {
                add(&e)?;
            }
        } else {
            add(p)?;
        }
    }
    Knowledge::with_files(files).context(
        "a knowledge file is invalid; fix the line named above (format: see data/README.md)",
    )
}

fn extract(ex: &Extractor, paths: &[PathBuf], documents: bool) -> Result<()> {
    let (files, errors) = dyad_io::expand_paths(paths);
    for e in &errors {
        eprintln!("dyad: {e}");
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut read_any = false;
    for f in &files {
        let outcome = dyad_io::read_path(f);
        for w in &outcome.warnings {
            eprintln!("dyad: warning: {w}");
        }
        for e in &outcome.errors {
            eprintln!("dyad: {e}; skipped");
        }
        for doc in &outcome.documents {
            read_any = true;
            let x = ex.extract(doc);
            if documents {
                serde_json::to_writer(&mut out, &x.document)?;
                out.write_all(b"\n")?;
            }
            for e in &x.events {
                serde_json::to_writer(&mut out, e)?;
                out.write_all(b"\n")?;
            }
            for f in &x.facts {
                serde_json::to_writer(&mut out, f)?;
                out.write_all(b"\n")?;
            }
        }
    }
    out.flush().context("cannot write to standard output")?;
    if !read_any {
        bail!("no document could be read from the given paths (see the messages above)");
    }
    Ok(())
}

fn actor(ex: &Extractor, date: Option<String>, texts: &[String]) -> Result<()> {
    let date = match date {
        Some(d) => Some(
            NaiveDate::parse_from_str(&d, "%Y-%m-%d")
                .with_context(|| format!("--date must be YYYY-MM-DD, got {d:?}"))?,
        ),
        None => Some(chrono::Local::now().date_naive()),
    };
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
        let kb = load_knowledge(&cli.knowledge)?;
        let ex = Extractor::new(kb).context("the verb lexicon is invalid")?;
        match &cli.command {
            Command::Extract {
                paths,
                format: OutFormat::Jsonl,
                no_documents,
            } => extract(&ex, paths, !no_documents),
            Command::Actor { date, texts } => actor(&ex, date.clone(), texts),
        }
    };
    if let Err(e) = run() {
        eprintln!("dyad: error: {e:#}");
        std::process::exit(1);
    }
}
