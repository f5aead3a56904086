//! `cargo bench -p dyad-core`: extraction of one report, segmentation, and actor resolution.
//! The report is written for this benchmark; `dyad bench` times whole corpora.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use dyad_core::{Document, Extractor};

const REPORT: &str = "date 2024-09-03\nTASHKENT — Uzbek President Shavkat Mirziyoyev received Japanese Foreign Minister Yoko Kamikawa in Tashkent on Monday for talks on energy and transport. The two sides signed six documents on water management, railways, customs, digital services, health and higher education. Mirziyoyev said two-way trade grew 18% last year to $410 million and thanked Tokyo for its support. Japanese firms have put more than $2 billion into Uzbek projects, the ministry said, and nearly 90 joint ventures now operate in the country.\n\nIn a separate development, police in Samarkand held 25 people after a march over water shortages on Sunday. The foreign ministry criticised a rocket strike on a border village and urged calm.";

fn bench(c: &mut Criterion) {
    let ex = Extractor::builtin().expect("built-in knowledge loads");
    let doc = Document::from_plain_text("bench.txt", REPORT);
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(doc.body.len() as u64));
    g.bench_function("report", |b| {
        b.iter(|| black_box(ex.extract(black_box(&doc))))
    });
    g.bench_function("sentences", |b| {
        b.iter(|| black_box(dyad_core::text::sentences(black_box(&doc.body))))
    });
    g.finish();
    let date = chrono::NaiveDate::from_ymd_opt(2025, 1, 1);
    c.bench_function("actor/resolve", |b| {
        b.iter(|| black_box(ex.resolve(black_box("Kazakhstan's Foreign Ministry"), date)))
    });
    c.bench_function("startup/knowledge+compile", |b| {
        b.iter(|| black_box(Extractor::builtin().map(|_| ())))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
