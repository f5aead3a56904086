//! `cargo bench -p dyad-core`: extraction of one report, segmentation, and actor resolution.
//! The report is written for this benchmark; `dyad bench` times whole corpora.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use dyad_core::{Document, Extractor};

const REPORT: &str = "date 2025-04-16\nASTANA — Kazakh President Kassym-Jomart Tokayev held talks in Astana on Tuesday with Turkmen President Serdar Berdimuhamedov, who was on a two-day state visit. The two presidents agreed to increase freight traffic on the railway and to set up a joint working group on water use. Tokayev said bilateral trade reached $620 million last year, up 14%, but remained below its potential. He also praised Turkmenistan's policy of neutrality. About 140 companies with Turkmen capital operate in Kazakhstan, while Kazakh investment in Turkmenistan has exceeded $120 million. Members of the delegations exchanged 11 agreements covering transport, customs, energy, education and healthcare.\n\nSeparately, police detained 40 protesters in Almaty on Monday after a rally against rising prices. The foreign ministry condemned an attack on a border post and urged restraint.";

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
