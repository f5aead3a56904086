"""dyad.extract_arrow / extract_pandas: schema, values equal to the CLI's records, bad rows."""

from __future__ import annotations

import datetime
import json

import pyarrow as pa
import pytest

import dyad
from conftest import CORPUS
from flat import event_row, fact_row, key

EVENTS = {
    "doc": pa.string(), "date": pa.date32(), "type": pa.string(), "mode": pa.string(),
    "cameo": pa.string(),
    "source_text": pa.string(), "source_code": pa.string(), "source_sector": pa.string(),
    "source_name": pa.string(),
    "target_text": pa.string(), "target_code": pa.string(), "target_sector": pa.string(),
    "target_name": pa.string(),
    "location_name": pa.string(), "location_country": pa.string(),
    "location_lat": pa.float64(), "location_lon": pa.float64(),
    "evidence_text": pa.string(), "evidence_start": pa.int64(), "evidence_end": pa.int64(),
    "count": pa.int64(), "topics": pa.list_(pa.string()), "context": pa.list_(pa.string()),
    "goldstein": pa.float64(), "rule": pa.string(), "confidence": pa.float64(),
    "mentions": pa.int64(), "negated": pa.bool_(), "hypothetical": pa.bool_(),
}  # fmt: skip
FACTS = {
    "doc": pa.string(), "date": pa.date32(), "kind": pa.string(),
    "countries": pa.list_(pa.string()), "from": pa.string(), "to": pa.string(),
    "value": pa.float64(), "value_max": pa.float64(), "unit": pa.string(),
    "qualifier": pa.string(), "change_factor": pa.float64(), "change_percent": pa.float64(),
    "change_over_years": pa.float64(), "change_qualifier": pa.string(),
    "claimant_text": pa.string(), "claimant_code": pa.string(), "claimant_sector": pa.string(),
    "claimant_name": pa.string(),
    "evidence_text": pa.string(), "evidence_start": pa.int64(), "evidence_end": pa.int64(),
    "rule": pa.string(),
}  # fmt: skip
DOCUMENTS = {
    "doc": pa.string(), "date": pa.date32(), "title": pa.string(), "url": pa.string(),
    "source": pa.string(), "dateline": pa.string(), "sentences": pa.int64(),
    "events": pa.int64(), "facts": pa.int64(), "body": pa.string(),
}  # fmt: skip


def corpus_table() -> pa.Table:
    files = sorted(CORPUS.glob("*.txt"))
    return pa.table({"id": [f.name for f in files], "text": [f.read_text(encoding="utf-8") for f in files]})


def schema_of(t: pa.Table) -> dict:
    return {f.name: f.type for f in t.schema}


def test_schema_is_flat_and_typed():
    out = dyad.extract_arrow(corpus_table())
    assert set(out) == {"events", "facts", "documents"}
    assert schema_of(out["events"]) == EVENTS
    assert schema_of(out["facts"]) == FACTS
    assert schema_of(out["documents"]) == DOCUMENTS
    # The same schema when nothing is coded, so batches can always be concatenated.
    empty = dyad.extract_arrow(pa.table({"id": pa.array([], pa.string()), "text": pa.array([], pa.string())}))
    assert [schema_of(empty[k]) for k in ("events", "facts", "documents")] == [EVENTS, FACTS, DOCUMENTS]
    assert empty["events"].num_rows == 0


def test_rows_equal_the_cli_records(cli):
    records, _ = cli("extract", str(CORPUS))
    out = dyad.extract_arrow(corpus_table(), threads=2)
    events = [event_row(r) for r in records if r["record"] == "event"]
    facts = [fact_row(r) for r in records if r["record"] == "fact"]
    assert events and facts
    # Row order is the CLI's (documents in order, then each one's records).
    assert out["events"].to_pylist() == events
    assert out["facts"].to_pylist() == facts
    docs = [r for r in records if r["record"] == "document"]
    got = out["documents"].to_pylist()
    assert [d["doc"] for d in got] == [d["doc"] for d in docs]
    assert [d["body"] for d in got] == [d["body"] for d in docs]
    assert sum(d["events"] for d in got) == len(events)
    assert sum(d["facts"] for d in got) == len(facts)


def test_json_lines_columns_and_types(cli, generated, tmp_path):
    # A table as Spark or pandas would hand it: int ids, real dates, aliases, a RecordBatch.
    rows = [json.loads(line) for line in generated(120).read_text(encoding="utf-8").splitlines()]
    records, _ = cli("extract", "--no-documents", str(generated(120)))
    batch = pa.record_batch(
        {
            "id": [r["id"] for r in rows],
            "body": [r["text"] for r in rows],  # JSON Lines alias of `text`
            "date": pa.array([datetime.date.fromisoformat(r["date"]) for r in rows], pa.date32()),
            "title": [r["title"] for r in rows],
            "ignored": list(range(len(rows))),
        }
    )
    out = dyad.extract_arrow(batch, bodies=False)
    assert sorted(map(key, out["events"].to_pylist())) == sorted(
        key(event_row(r)) for r in records if r["record"] == "event"
    )
    assert out["facts"].num_rows == sum(r["record"] == "fact" for r in records)
    assert out["documents"].column("body").null_count == len(rows)
    assert out["documents"].column("title").to_pylist() == [r["title"] for r in rows]

    ts = pa.table({"id": [1, 2], "text": ["Iran seized a tanker on Monday."] * 2,
                   "date": pa.array([datetime.datetime(2024, 3, 4, 10, 30), None], pa.timestamp("s"))})  # fmt: skip
    docs = dyad.extract_arrow(ts)["documents"]
    assert docs.column("doc").to_pylist() == ["1", "2"]
    assert docs.column("date").to_pylist() == [datetime.date(2024, 3, 4), None]


def test_bad_rows_are_skipped_with_a_warning():
    t = pa.table(
        {
            "id": ["ok", "none", "blank", None, "date"],
            "text": ["Poland expelled two Russian diplomats.", None, "   ", "Estonia summoned the envoy.", "Talks."],
            "date": ["2024-01-02", None, None, None, "the day after"],
        }
    )
    with pytest.warns(dyad.DyadWarning) as w:
        out = dyad.extract_arrow(t)
    messages = [str(x.message) for x in w]
    assert "row 1: no `text` field; skipped" in messages
    assert "row 2: no `text` field; skipped" in messages
    assert any(m.startswith('row 4: unrecognised date "the day after"') for m in messages)
    docs = out["documents"].to_pylist()
    # A row without id is named by its position, as a JSON line by its line number.
    assert [d["doc"] for d in docs] == ["ok", "3", "date"]
    assert docs[2]["date"] is None


def test_bad_tables_raise():
    with pytest.raises(ValueError, match="no `text` column"):
        dyad.extract_arrow(pa.table({"id": ["a"], "content_html": ["<p>x</p>"]}))
    with pytest.raises(TypeError, match="expected a pyarrow Table or RecordBatch"):
        dyad.extract_arrow([{"id": "a", "text": "x"}])
    with pytest.raises(TypeError, match="column `text` must hold strings, got binary"):
        dyad.extract_arrow(pa.table({"id": ["a"], "text": [b"bytes"]}))


def test_pandas_convenience():
    pd = pytest.importorskip("pandas")
    files = sorted(CORPUS.glob("*.txt"))[:6]
    frame = pd.DataFrame({"id": [f.name for f in files], "text": [f.read_text(encoding="utf-8") for f in files]})
    out = dyad.extract_pandas(frame)
    arrow = dyad.extract_arrow(pa.Table.from_pandas(frame, preserve_index=False))
    assert set(out) == {"events", "facts", "documents"}
    assert len(out["events"]) == arrow["events"].num_rows > 0
    assert list(out["events"].columns) == list(EVENTS)
    # Nullable integers and booleans stay integers and booleans.
    assert str(out["events"]["count"].dtype) == "Int64"
    assert str(out["events"]["negated"].dtype) == "boolean"
    assert out["events"]["evidence_start"].tolist() == arrow["events"].column("evidence_start").to_pylist()
