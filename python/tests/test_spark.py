"""examples/spark/code_corpus.py on local[2], checked against `dyad extract` on the same input."""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT
from flat import event_row, fact_row, key

pytest.importorskip("pyspark")
pq = pytest.importorskip("pyarrow.parquet")

SCRIPT = ROOT / "examples" / "spark" / "code_corpus.py"
# Enough reports for several Arrow batches per task (--batch-rows) on both cores.
DOCS = int(os.environ.get("DYAD_SPARK_TEST_DOCS", "3000"))


def run_job(src, out, *extra):
    p = subprocess.run(
        [sys.executable, str(SCRIPT), str(src), str(out), "--master", "local[2]", *extra],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert p.returncode == 0, p.stderr[-4000:]
    return p.stderr


def check_against_cli(cli, src_jsonl, out):
    records, _ = cli("extract", "--no-documents", str(src_jsonl))
    ids = [json.loads(line)["id"] for line in src_jsonl.read_text(encoding="utf-8").splitlines()]
    docs = len(ids)
    events = pq.read_table(out / "events").to_pylist()
    facts = pq.read_table(out / "facts").to_pylist()
    documents = pq.read_table(out / "documents")
    expected_events = [event_row(r) for r in records if r["record"] == "event"]
    expected_facts = [fact_row(r) for r in records if r["record"] == "fact"]
    assert len(events) == len(expected_events) > docs
    assert len(facts) == len(expected_facts) > 0
    # Same rows, every column, whatever order the partitions were written in.
    assert sorted(map(key, events)) == sorted(map(key, expected_events))
    assert sorted(map(key, facts)) == sorted(map(key, expected_facts))
    # Every report coded once: the sorted ids of the documents written are the input's.
    assert sorted(documents.column("doc").to_pylist()) == sorted(ids)
    assert sum(documents.column("events").to_pylist()) == len(events)


def test_spark_job_on_json_lines_equals_the_cli(cli, generated, tmp_path):
    src = generated(DOCS)
    stderr = run_job(src, tmp_path / "out", "--batch-rows", "500")
    assert f"{DOCS} documents coded" in stderr
    check_against_cli(cli, src, tmp_path / "out")


def test_spark_job_on_parquet_equals_the_cli(cli, generated, tmp_path):
    pa = pytest.importorskip("pyarrow")
    rows = [json.loads(line) for line in generated(400).read_text(encoding="utf-8").splitlines()]
    # Parquet as an archive would hold it: real dates, and an extra column dyad ignores.
    table = pa.table(
        {
            "id": [r["id"] for r in rows],
            "text": [r["text"] for r in rows],
            "date": pa.array([datetime.date.fromisoformat(r["date"]) for r in rows], pa.date32()),
            "title": [r["title"] for r in rows],
            "lang": ["en"] * len(rows),
        }
    )
    src = tmp_path / "corpus.parquet"
    pq.write_table(table, src)
    run_job(src, tmp_path / "out", "--partitions", "3")
    check_against_cli(cli, generated(400), tmp_path / "out")
