#!/usr/bin/env python3
"""Time the Python bindings against the `dyad` CLI on the same generated reports.

    python python/bench.py [--docs 4000] [--sentences 16] [--dyad target/release/dyad]

Prints documents/s for: the CLI (`dyad extract --threads N`, end to end: read JSON Lines,
extract, write JSON), dyad's extraction alone in this process (no Python records built),
`extract_many` (records as dicts), and `extract_arrow` (Arrow tables), on 1 and 2 threads;
then the 2-thread speed-ups and the Python overhead per document, in CPU time (which the
other work on a shared machine disturbs less than wall time).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

import dyad


def timed(f) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process and its children) of one call."""
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    c0, t0 = time.process_time(), time.perf_counter()
    f()
    wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    child = (r1.ru_utime + r1.ru_stime) - (r0.ru_utime + r0.ru_stime)
    return wall, time.process_time() - c0 + child


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=4000)
    ap.add_argument("--sentences", type=int, default=16)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--dyad", default=os.path.join(os.environ.get("CARGO_TARGET_DIR", "target"), "release", "dyad"))
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "corpus.jsonl")
        with open(path, "wb") as f:
            subprocess.run([a.dyad, "generate", "--docs", str(a.docs), "--sentences", str(a.sentences)],
                           stdout=f, check=True)
        items = [json.loads(line) for line in open(path, encoding="utf-8")]
        mb = os.path.getsize(path) / 1e6
        print(f"{len(items)} generated reports, {mb:.1f} MB; best of {a.repeat}")

        def cli(threads: int) -> None:
            with open(os.devnull, "wb") as null:
                subprocess.run([a.dyad, "extract", "--threads", str(threads), path], stdout=null, check=True)

        import pyarrow as pa

        table = pa.table({k: [i[k] for i in items] for k in ("id", "text", "date", "title")})
        ex = dyad.Extractor()
        n = len(items)
        runs = {
            "cli": lambda t: cli(t),
            "core": lambda t: ex._native._extract_only(items, threads=t),
            "extract_many": lambda t: ex.extract_many(items, t),
            "extract_arrow": lambda t: ex.extract_arrow(table, threads=t),
        }
        # Interleaved, best of `repeat`: the machine is shared, the best run is the least disturbed.
        wall: dict = {}
        cpu: dict = {}
        for _ in range(a.repeat):
            for threads in (1, 2):
                for what, f in runs.items():
                    w, c = timed(lambda: f(threads))
                    k = (what, threads)
                    wall[k] = min(wall.get(k, w), w)
                    cpu[k] = min(cpu.get(k, c), c)
        for (what, threads), t in wall.items():
            print(f"{what:14s} {threads} thread{'s' if threads > 1 else ' '}: {n / t:7.0f} documents/s "
                  f"(wall {t:.2f} s, CPU {cpu[(what, threads)]:.2f} s)")
        for what in ("cli", "extract_many", "extract_arrow"):
            print(f"{what} speed-up on 2 threads: {wall[(what, 1)] / wall[(what, 2)]:.2f}x")
        cli_doc = cpu[("cli", 1)] / n
        for what in ("extract_many", "extract_arrow"):
            over = (cpu[(what, 1)] - cpu[("cli", 1)]) / n
            print(f"{what} vs the CLI, 1 thread, CPU per document: {cpu[(what, 1)] / n * 1e6:.0f} us vs "
                  f"{cli_doc * 1e6:.0f} us: {over * 1e6:+.1f} us ({100 * over / cli_doc:+.1f}%)")
        build = (cpu[("extract_many", 1)] - cpu[("core", 1)]) / n
        print(f"building the Python records alone: {build * 1e6:.1f} us per document "
              f"({100 * build / cli_doc:.1f}% of the CLI's time)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
