#!/usr/bin/env python3
"""Reads dyad's exports back with libraries other than the ones that wrote them.

Usage: check_exports.py DB DIR

DB is a store written by `dyad ingest`; DIR holds events.parquet, events.csv, events.jsonl,
events.plover.jsonl and events.gdelt.tsv written by `dyad export`. The store is read with
Python's sqlite3, the Parquet file with pyarrow (Apache Arrow's C++ reader, not arrow-rs), the
rest with the standard library. Every export must hold every merged event of the store with
the same ids, types and report counts. Exits 1 with a message on the first mismatch.
"""
import csv
import json
import sqlite3
import sys
from pathlib import Path

import pyarrow
import pyarrow.parquet as pq


def fail(msg):
    print(f"check_exports: {msg}", file=sys.stderr)
    sys.exit(1)


def main():
    db, out = Path(sys.argv[1]), Path(sys.argv[2])
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    want = {
        row[0]: (row[1], row[2])
        for row in con.execute(
            "SELECT id, type, num_reports FROM events WHERE negated = 0 AND hypothetical = 0"
        )
    }
    facts = con.execute("SELECT count(*) FROM facts").fetchone()[0]
    if not want:
        fail("the store holds no events")

    table = pq.read_table(out / "events.parquet")
    got = dict(zip(table.column("id").to_pylist(),
                   zip(table.column("type").to_pylist(), table.column("num_reports").to_pylist())))
    if got != want:
        fail(f"parquet: {len(got)} events, store {len(want)}, or their fields differ")
    for name in ("goldstein", "lat", "evidence_start", "source_code", "date"):
        if name not in table.column_names:
            fail(f"parquet: column {name} missing")

    with open(out / "events.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    got = {int(r["id"]): (r["type"], int(r["num_reports"])) for r in rows}
    if got != want:
        fail(f"csv: {len(got)} events, store {len(want)}")

    events, n_facts = {}, 0
    with open(out / "events.jsonl", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["record"] == "event":
                if len(rec["reports"]) != rec["num_reports"]:
                    fail(f"jsonl: event {rec['id']} lists {len(rec['reports'])} reports "
                         f"but counts {rec['num_reports']}")
                events[rec["id"]] = (rec["type"], rec["num_reports"])
            elif rec["record"] == "fact":
                n_facts += 1
    if events != want or n_facts != facts:
        fail(f"jsonl: {len(events)} events and {n_facts} facts, store {len(want)} and {facts}")

    with open(out / "events.plover.jsonl", encoding="utf-8") as f:
        plover = [json.loads(line) for line in f]
    if {int(p["id"].removeprefix("dyad-")): (p["event"], p["num_reports"]) for p in plover} != want:
        fail("plover: events differ from the store")

    with open(out / "events.gdelt.tsv", encoding="utf-8") as f:
        gdelt = [line.rstrip("\n").split("\t") for line in f]
    if any(len(r) != 61 for r in gdelt):
        fail("gdelt: a row does not have GDELT 2.0's 61 columns")
    if {int(r[0]): int(r[33]) for r in gdelt} != {k: v[1] for k, v in want.items()}:
        fail("gdelt: GLOBALEVENTID/NumArticles differ from the store")

    print(f"check_exports: {len(want)} events and {facts} facts read back from parquet (pyarrow "
          f"{pyarrow.__version__}), csv, jsonl, plover and gdelt: all match the store")


if __name__ == "__main__":
    main()
