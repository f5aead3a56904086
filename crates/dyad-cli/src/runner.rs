//! Extraction of a batch on worker threads with a time budget per document.
//!
//! The limits on input keep ordinary hostile documents cheap, but nothing proves every input
//! is: a document still running past its budget is abandoned (reported, left out of the output)
//! and a fresh worker takes its place, so the batch around it completes in input order. The
//! extractor cannot be interrupted, so the abandoned worker runs on unseen until it finishes or
//! the program ends; it costs a core, not the batch. A panic in the extractor is caught the
//! same way: that document fails, the others go on.

use dyad_core::{Document, Extraction, Extractor};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Why a document has no extraction.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// Still running after the budget, in seconds.
    Abandoned(f64),
    /// The extractor panicked (a bug), with its message.
    Crashed(String),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Abandoned(s) => write!(
                f,
                "still running after {s:.1} s; abandoned (raise --doc-timeout to allow more)"
            ),
            Failure::Crashed(m) => write!(
                f,
                "the extractor crashed on it ({m}); skipped (a bug: please report it with the document)"
            ),
        }
    }
}

/// Runs extractions in parallel, a budget per document.
#[derive(Clone)]
pub struct Runner {
    ex: Arc<Extractor>,
    threads: usize,
    budget: Duration,
}

struct Slot {
    /// The document this worker is on, and since when.
    current: Mutex<Option<(usize, Instant)>>,
    /// Set when the worker's document was abandoned: it must not take another.
    retired: AtomicBool,
}

type Done = (usize, Result<Extraction, Failure>);

impl Runner {
    pub fn new(ex: Arc<Extractor>, threads: Option<usize>, budget: Duration) -> Runner {
        let threads = threads
            .or_else(|| std::thread::available_parallelism().ok().map(|n| n.get()))
            .unwrap_or(1)
            .max(1);
        Runner {
            ex,
            threads,
            budget,
        }
    }

    pub fn extractor(&self) -> &Extractor {
        &self.ex
    }

    /// Extract every document; results come in input order.
    pub fn run(&self, docs: Vec<Document>) -> Vec<Result<Extraction, Failure>> {
        let n = docs.len();
        if n == 0 {
            return Vec::new();
        }
        let docs = Arc::new(docs);
        let next = Arc::new(AtomicUsize::new(0));
        let (tx, rx) = mpsc::channel::<Done>();
        let mut slots: Vec<Arc<Slot>> = Vec::new();
        let spawn = |slots: &mut Vec<Arc<Slot>>| {
            let slot = Arc::new(Slot {
                current: Mutex::new(None),
                retired: AtomicBool::new(false),
            });
            slots.push(slot.clone());
            let (ex, docs, next, tx) = (self.ex.clone(), docs.clone(), next.clone(), tx.clone());
            // The coder recurses over phrases; a larger stack than the default 2 MB keeps a
            // deep but legitimate sentence from overflowing it.
            let spawned = std::thread::Builder::new()
                .name("dyad-extract".into())
                .stack_size(16 << 20)
                .spawn(move || worker(&ex, &docs, &next, &tx, &slot));
            spawned.is_ok()
        };
        for _ in 0..self.threads.min(n) {
            spawn(&mut slots);
        }
        let mut results: Vec<Option<Result<Extraction, Failure>>> = (0..n).map(|_| None).collect();
        let mut remaining = n;
        let tick = Duration::from_millis(20).min(self.budget);
        while remaining > 0 {
            match rx.recv_timeout(tick) {
                Ok((i, r)) => {
                    if results[i].is_none() {
                        results[i] = Some(r);
                        remaining -= 1;
                    }
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
            let mut replace = 0;
            for s in &slots {
                if s.retired.load(Ordering::Acquire) {
                    continue;
                }
                // Deciding under the worker's lock: while held, its document cannot finish
                // and be swapped for the next one.
                let Ok(cur) = s.current.lock() else {
                    continue;
                };
                if let Some((i, since)) = *cur {
                    let took = since.elapsed();
                    if took > self.budget && results[i].is_none() {
                        s.retired.store(true, Ordering::Release);
                        results[i] = Some(Err(Failure::Abandoned(took.as_secs_f64())));
                        remaining -= 1;
                        replace += 1;
                    }
                }
            }
            for _ in 0..replace {
                if next.load(Ordering::Acquire) < n {
                    spawn(&mut slots);
                }
            }
        }
        results
            .into_iter()
            .map(|r| {
                r.unwrap_or_else(|| Err(Failure::Crashed("no worker could be started".into())))
            })
            .collect()
    }
}

fn worker(
    ex: &Extractor,
    docs: &[Document],
    next: &AtomicUsize,
    tx: &mpsc::Sender<Done>,
    slot: &Slot,
) {
    loop {
        if slot.retired.load(Ordering::Acquire) {
            // Its document was abandoned: a replacement has taken its place.
            return;
        }
        let i = next.fetch_add(1, Ordering::AcqRel);
        if i >= docs.len() {
            return;
        }
        if let Ok(mut c) = slot.current.lock() {
            *c = Some((i, Instant::now()));
        }
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| ex.extract(&docs[i])))
            .map_err(|p| {
                let m = p
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| p.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "panic".into());
                Failure::Crashed(m)
            });
        if let Ok(mut c) = slot.current.lock() {
            *c = None;
        }
        // Sent even when abandoned meanwhile: the collector keeps the first word on each.
        if tx.send((i, r)).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_input_order_whatever_the_threads() {
        let ex = Arc::new(Extractor::builtin().unwrap());
        let docs: Vec<Document> = (0..20)
            .map(|i| {
                Document::new(
                    format!("d{i}"),
                    format!("Ministers from {i} states met in Vienna on Monday."),
                    None,
                )
            })
            .collect();
        for threads in [1, 3] {
            let r = Runner::new(ex.clone(), Some(threads), Duration::from_secs(30));
            let ids: Vec<String> = r
                .run(docs.clone())
                .into_iter()
                .map(|x| x.unwrap().document.doc)
                .collect();
            assert_eq!(ids, (0..20).map(|i| format!("d{i}")).collect::<Vec<_>>());
        }
    }

    #[test]
    fn a_document_over_budget_is_abandoned_and_the_rest_complete() {
        let ex = Arc::new(Extractor::builtin().unwrap());
        // A long document with a budget no extraction can meet stands in for a runaway one.
        let long = "Envoys met in Oslo on Monday and agreed to talk again. ".repeat(20_000);
        let docs = vec![
            Document::new("a", "Talks were held in Rome on Friday.", None),
            Document::new("slow", long, None),
            Document::new("b", "Talks were held in Paris on Friday.", None),
        ];
        let r = Runner::new(ex, Some(1), Duration::from_millis(30));
        let t = Instant::now();
        let out = r.run(docs);
        assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
        assert!(out[0].is_ok() && out[2].is_ok());
        assert!(matches!(out[1], Err(Failure::Abandoned(s)) if s >= 0.03));
    }
}
