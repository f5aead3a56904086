#!/usr/bin/env python3
"""Time the Python bindings against the `dyad` CLI on the same generated reports.

    python python/bench.py [--docs 4000] [--sentences 16] [--dyad target/release/dyad]

Prints documents/s for: the CLI (`dyad extract --threads N`, end to end: read JSON Lines,
extract, write JSON), dyad's extraction alone in this process (no Python records built),
`extract_many` (records as dicts), and `extract_arrow` (Arrow tables), on 1 and 2 threads;
then the 2-thread speed-up of extract_many and the Python overhead per document.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import dyad


def best(f, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


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
        rows = {}
        for threads in (1, 2):
            rows[("cli", threads)] = best(lambda: cli(threads), a.repeat)
            rows[("core", threads)] = best(lambda: ex._native._extract_only(items, threads=threads), a.repeat)
            rows[("extract_many", threads)] = best(lambda: ex.extract_many(items, threads), a.repeat)
            rows[("extract_arrow", threads)] = best(lambda: ex.extract_arrow(table, threads=threads), a.repeat)
        for (what, threads), t in rows.items():
            print(f"{what:14s} {threads} thread{'s' if threads > 1 else ' '}: {n / t:7.0f} documents/s ({t:.2f} s)")
        speedup = rows[("extract_many", 1)] / rows[("extract_many", 2)]
        over = (rows[("extract_many", 1)] - rows[("core", 1)]) / n
        cli_doc = rows[("cli", 1)] / n
        print(f"extract_many speed-up on 2 threads: {speedup:.2f}x")
        print(f"Python overhead per document (extract_many minus extraction alone, 1 thread): "
              f"{over * 1e6:.1f} us = {100 * over / cli_doc:.1f}% of the CLI's {cli_doc * 1e6:.0f} us")
        print(f"extract_many vs CLI, 1 thread: {100 * (rows[('extract_many', 1)] / rows[('cli', 1)] - 1):+.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
