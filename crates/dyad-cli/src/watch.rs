//! `dyad watch`: folders and feeds polled on an interval, what is new ingested into the store.
//!
//! Polling rather than file-system notifications: it works the same on every system and on
//! network mounts, and one poll a few seconds apart is all news needs. A file is taken once
//! it has not changed for a second (so a file still being written waits for the next poll)
//! and again whenever it changes; the store skips what it already holds, so a grown JSON Lines
//! file adds only its new lines. Feeds are fetched with conditional GET (ETag and
//! Last-Modified), so an unchanged feed costs one empty answer; a feed that cannot be fetched
//! or read is logged and retried after a wait that doubles at each failure, up to
//! `--max-backoff`, while the other feeds go on.

use crate::gate::ReadArgs;
use crate::runner::Runner;
use crate::store_cmds::{print_summary, Ingestor};
use anyhow::Result;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

pub struct Plan {
    pub paths: Vec<PathBuf>,
    pub feeds: Vec<String>,
    pub interval: Duration,
    pub max_backoff: Duration,
    pub polls: Option<u64>,
    pub batch: usize,
}

#[derive(Default)]
struct Feed {
    etag: Option<String>,
    last_modified: Option<String>,
    failures: u32,
    next: Option<Instant>,
}

/// A file's size and modification time when it was last taken.
type Stamp = (u64, Option<SystemTime>);

pub fn watch(runner: &Runner, read: &ReadArgs, db: &Path, plan: &Plan) -> Result<()> {
    if plan.paths.is_empty() && plan.feeds.is_empty() {
        anyhow::bail!("nothing to watch: give folders, or feed URLs with --feed URL");
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(30)))
        .http_status_as_error(false)
        .user_agent(concat!("dyad/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut feeds: Vec<(String, Feed)> = plan
        .feeds
        .iter()
        .map(|u| (u.clone(), Feed::default()))
        .collect();
    let mut taken: HashMap<PathBuf, Stamp> = HashMap::new();
    let limits = read.limits();
    eprintln!(
        "dyad: watching {} folder(s) and {} feed(s) every {:.0} s into {}",
        plan.paths.len(),
        plan.feeds.len(),
        plan.interval.as_secs_f64(),
        db.display()
    );
    let mut poll = 0u64;
    loop {
        poll += 1;
        let started = Instant::now();
        let mut ing = Ingestor::new(runner, read, db, plan.batch)?;
        let mut inputs = 0usize;
        let (files, errors) = dyad_io::expand_paths(&plan.paths);
        for e in &errors {
            eprintln!("dyad: watch: {e}");
        }
        for f in files {
            let Ok(meta) = std::fs::metadata(&f) else {
                continue;
            };
            let modified = meta.modified().ok();
            let stamp = (meta.len(), modified);
            if taken.get(&f) == Some(&stamp) {
                continue;
            }
            let settled = modified
                .and_then(|m| m.elapsed().ok())
                .is_none_or(|age| age >= Duration::from_secs(1));
            if !settled {
                // Still being written, perhaps: the next poll takes it.
                continue;
            }
            taken.insert(f.clone(), stamp);
            inputs += 1;
            dyad_io::stream_path(&f, &limits, 4 * plan.batch.max(1), |o| ing.take(o))?;
        }
        for (url, state) in feeds.iter_mut() {
            if state.next.is_some_and(|t| Instant::now() < t) {
                continue;
            }
            match fetch(&agent, url, state, limits.max_file_bytes) {
                Ok(None) => {
                    state.failures = 0;
                    eprintln!("dyad: watch: {url}: not modified");
                }
                Ok(Some(bytes)) => {
                    let name = url.split(['?', '#']).next().unwrap_or(url);
                    let format = dyad_io::Format::detect(Path::new(name), &bytes);
                    let out = dyad_io::read_bytes_with(url, url, &bytes, format, &limits);
                    if out.documents.is_empty() && !out.errors.is_empty() {
                        let why: Vec<String> =
                            out.errors.iter().map(|e| e.message.clone()).collect();
                        backoff(url, state, plan, &why.join("; "));
                        // A bad answer must not be cached as the current version.
                        state.etag = None;
                        state.last_modified = None;
                        continue;
                    }
                    state.failures = 0;
                    eprintln!(
                        "dyad: watch: {url}: {} items in the feed",
                        out.documents.len()
                    );
                    inputs += 1;
                    ing.take(out)?;
                }
                Err(why) => backoff(url, state, plan, &why),
            }
        }
        let s = ing.finish()?;
        if inputs > 0 {
            print_summary(&s, started.elapsed().as_secs_f64());
        }
        if plan.polls.is_some_and(|n| poll >= n) {
            return Ok(());
        }
        std::thread::sleep(plan.interval.saturating_sub(started.elapsed()));
    }
}

fn backoff(url: &str, state: &mut Feed, plan: &Plan, why: &str) {
    state.failures += 1;
    let factor = 2u32.saturating_pow(state.failures.min(16));
    let wait = plan
        .interval
        .saturating_mul(factor)
        .min(plan.max_backoff.max(plan.interval));
    state.next = Some(Instant::now() + wait);
    eprintln!(
        "dyad: watch: {url}: {why}; failure {} in a row, retrying in {:.0} s",
        state.failures,
        wait.as_secs_f64()
    );
}

/// One conditional GET: `None` when the feed has not changed since the last answer.
fn fetch(
    agent: &ureq::Agent,
    url: &str,
    state: &mut Feed,
    limit: u64,
) -> Result<Option<Vec<u8>>, String> {
    let mut req = agent.get(url);
    if let Some(e) = &state.etag {
        req = req.header("If-None-Match", e);
    }
    if let Some(m) = &state.last_modified {
        req = req.header("If-Modified-Since", m);
    }
    let mut resp = req.call().map_err(|e| format!("cannot fetch ({e})"))?;
    let status = resp.status().as_u16();
    if status == 304 {
        return Ok(None);
    }
    if !(200..300).contains(&status) {
        return Err(format!("the server answered HTTP {status}"));
    }
    let header = |name: &str| {
        resp.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let etag = header("etag");
    let last_modified = header("last-modified");
    let body = resp
        .body_mut()
        .with_config()
        .limit(limit)
        .read_to_vec()
        .map_err(|e| format!("cannot read the answer ({e})"))?;
    state.etag = etag;
    state.last_modified = last_modified;
    Ok(Some(body))
}
