"""dyad.extract / extract_many / actor / Extractor against the `dyad` CLI."""

from __future__ import annotations

import concurrent.futures
import datetime
import inspect
import json
import pickle
import random
import re

import pytest

import dyad
from conftest import CORPUS, by_doc


def corpus_files():
    files = sorted(CORPUS.glob("*.txt"))
    assert len(files) >= 20, "the example corpus is missing"
    return files


def test_example_corpus_records_equal_the_cli(cli):
    records, _ = cli("extract", str(CORPUS))
    expected = by_doc(records)
    assert len(expected) == len(corpus_files())
    for f in corpus_files():
        got = dyad.extract(f.read_text(encoding="utf-8"), doc=f.name)
        assert got == expected[f.name], f.name
    kinds = {r["record"] for r in records}
    assert kinds == {"document", "event", "fact"}


def test_no_documents_is_the_cli_flag(cli):
    f = corpus_files()[0]
    records, _ = cli("extract", "--no-documents", str(f))
    got = dyad.extract(f.read_text(encoding="utf-8"), doc=f.name, documents=False)
    assert got == records
    assert all(r["record"] != "document" for r in got)


def test_default_id_and_title():
    recs = dyad.extract("Russia and Ukraine exchanged prisoners on Monday.", title="Swap")
    assert recs[0]["record"] == "document"
    assert recs[0]["doc"] == "-"
    assert recs[0]["title"] == "Swap"
    assert all(r["doc"] == "-" for r in recs)


def test_date_argument_replaces_the_header():
    f = CORPUS / "01_kaz_tkm_talks.txt"
    text = f.read_text(encoding="utf-8")
    m = re.match(r"\s*date (\d{4}-\d{2}-\d{2})\s*", text)
    assert m, "the example starts with a date header"
    with_header = dyad.extract(text, doc="x")
    without = text[m.end() :]
    assert dyad.extract(without, doc="x", date=m.group(1)) == with_header
    assert dyad.extract(without, doc="x", date=datetime.date.fromisoformat(m.group(1))) == with_header
    # Without any date the relative dates ("on Tuesday") cannot be placed.
    assert dyad.extract(without, doc="x") != with_header


def test_extract_many_equals_the_cli_on_json_lines(cli, generated, tmp_path):
    lines = generated(300).read_text(encoding="utf-8").splitlines()
    # The JSON Lines rules the CLI applies: aliases, numeric ids, an unreadable date.
    extra = [
        {"id": 77, "body": "Poland expelled two Russian diplomats on Friday.", "published": "2025-02-07T09:00:00Z"},
        {"id": "bad-date", "text": "Estonia summoned the Russian ambassador.", "date": "someday"},
        {"id": "hdr", "text": "date 2024-05-02\nIndia imposed duties on Chinese steel."},
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines + [json.dumps(e) for e in extra]) + "\n", encoding="utf-8")
    records, stderr = cli("extract", str(path))
    assert "unrecognised date" in stderr
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    with pytest.warns(dyad.DyadWarning, match='item 301: unrecognised date "someday"'):
        got = dyad.extract_many(items, threads=2)
    assert len(got) == len(items)
    assert [r for rs in got for r in rs] == records
    assert got[300][0]["doc"] == "77"


def test_extract_many_threads_keep_order_and_results(generated):
    items = [json.loads(line) for line in generated(300).read_text(encoding="utf-8").splitlines()]
    one = dyad.extract_many(items, threads=1)
    two = dyad.extract_many(items, threads=2)
    default = dyad.extract_many(iter(items))  # any iterable, all cores
    assert one == two == default
    assert [rs[0]["doc"] for rs in two] == [i["id"] for i in items]
    single = [dyad.extract(i["text"], doc=i["id"], date=i["date"], title=i["title"]) for i in items[:20]]
    assert two[:20] == single


def test_extract_many_strings_take_their_position_as_id():
    got = dyad.extract_many(["Iran seized a tanker.", "China rejected the G7 statement."])
    assert [rs[0]["doc"] for rs in got] == ["0", "1"]
    assert got[1] == dyad.extract("China rejected the G7 statement.", doc="1")


def test_one_extractor_shared_by_python_threads(generated):
    ex = dyad.Extractor()
    items = [json.loads(line) for line in generated(300).read_text(encoding="utf-8").splitlines()]
    serial = [ex.extract(i["text"], doc=i["id"], date=i["date"]) for i in items]
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        parallel = list(pool.map(lambda i: ex.extract(i["text"], doc=i["id"], date=i["date"]), items))
    assert parallel == serial
    assert dyad.shared_extractor() is dyad.shared_extractor()


def test_actor_equals_the_cli(cli):
    mentions = ["Berdimuhamedov", "Kazakhstan's Foreign Ministry", "four Saudi men", "the Kremlin", "Zelenskyy"]
    expected, _ = cli("actor", "--date", "2021-06-01", *mentions)
    assert [dyad.actor(m, date="2021-06-01") for m in mentions] == expected
    assert [dyad.actor(m, datetime.date(2021, 6, 1)) for m in mentions] == expected
    _, stderr = cli("actor", "--date", "June 2021", "x", check=False)
    with pytest.raises(ValueError, match='date must be YYYY-MM-DD, got "June 2021"'):
        dyad.actor("x", date="June 2021")
    assert 'must be YYYY-MM-DD, got "June 2021"' in stderr


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: dyad.extract(""), ValueError, "empty text"),
        (lambda: dyad.extract(" \n\t "), ValueError, "empty text"),
        (lambda: dyad.extract(None), TypeError, "text must be a str, got NoneType"),
        (lambda: dyad.extract(42), TypeError, "text must be a str, got int"),
        (lambda: dyad.extract(b"bytes"), TypeError, "text must be a str, got bytes"),
        (lambda: dyad.extract("\ud800 lone surrogate"), UnicodeEncodeError, "surrogate"),
        (lambda: dyad.extract("Talks.", date="not a date"), ValueError, 'unrecognised date "not a date"'),
        (lambda: dyad.extract("Talks.", date=3.5), TypeError, "date must be a str or a datetime.date"),
        # A character across the tenth byte once made the date parser panic.
        (lambda: dyad.extract("Talks.", date="2025-03-1\u00e9xx"), ValueError, "unrecognised date"),
        (lambda: dyad.extract_many([{"id": "x"}]), ValueError, "item 0: no `text` field"),
        (lambda: dyad.extract_many(["ok", {"text": 5}]), TypeError, "item 1: `text` must be a str, got int"),
        (lambda: dyad.extract_many(["ok", 3]), TypeError, "item 1: expected a str or a dict"),
        (lambda: dyad.extract_many(["ok", ""]), ValueError, "item 1: empty text"),
        (lambda: dyad.extract_many(["ok"], threads=0), ValueError, "threads must be at least 1"),
        (lambda: dyad.extract_many(5), TypeError, "not iterable"),
        (lambda: dyad.actor(None), TypeError, "text must be a str"),
    ],
)
def test_bad_input_raises_a_clear_exception(call, error, message):
    with pytest.raises(error, match=re.escape(message)):
        call()


def test_odd_text_never_crashes():
    rng = random.Random(5)
    alphabet = "ab Z.,;—–-\n\t\u00e9\u0130\u0131\u200b\ufeff\u0000\U0001f600()[]$%0123456789"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 400))) for _ in range(300)]
    texts = [t if t.strip() else "x" for t in texts]
    texts += ["date 2025-13-45 ASTANA — x", "date", "ASTANA —", "\u0000" * 10 + "Russia attacked Ukraine.", "A. " * 5000]
    out = dyad.extract_many(texts, threads=2)
    assert len(out) == len(texts)
    for rs in out:
        body = rs[0]["body"]
        for r in rs[1:]:
            ev = r["evidence"]
            assert body[ev["start"] : ev["end"]] == ev["text"]


def test_evidence_offsets_are_code_points_of_the_body():
    text = "date 2025-01-10\nKYIV — Ukrainian officials said Russia launched 40 drones at Kyiv overnight. 😀 Zelenskyy thanked Poland."
    recs = dyad.extract(text)
    body = recs[0]["body"]
    assert not body.startswith("date")
    assert len(recs) > 1
    for r in recs[1:]:
        assert body[r["evidence"]["start"] : r["evidence"]["end"]] == r["evidence"]["text"]


def test_user_knowledge_and_its_errors_match_the_cli(cli, tmp_path):
    good = tmp_path / "good"
    good.mkdir()
    (good / "entities-test.tsv").write_text(
        "name\taliases\tcode\tsector\nMinas Tirith Council\tWhite Council\tGBR\tGOV\n", encoding="utf-8"
    )
    expected, _ = cli("--knowledge", str(good), "actor", "--date", "2024-01-01", "the White Council")
    ex = dyad.Extractor(knowledge=good)
    assert ex.actor("the White Council", "2024-01-01") == expected[0]
    assert expected[0]["code"] == "GBR"
    assert dyad.actor("the White Council", "2024-01-01")["code"] != "GBR"
    assert ex.knowledge == [str(good)]
    again = pickle.loads(pickle.dumps(ex))
    assert again.actor("the White Council", "2024-01-01") == expected[0]

    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "entities-bad.tsv").write_text("name\taliases\tsector\nX\t\tGOV\n", encoding="utf-8")
    missing = tmp_path / "nowhere.tsv"
    for path in (bad, missing):
        _, stderr = cli("--knowledge", str(path), "actor", "x", check=False)
        message = stderr.strip().removeprefix("dyad: error: ")
        assert message and message != stderr.strip()
        with pytest.raises(dyad.KnowledgeError) as e:
            dyad.Extractor(knowledge=path)
        assert str(e.value) == message
        assert isinstance(e.value, dyad.DyadError)


def test_help_reads_well():
    sig = inspect.signature(dyad.extract)
    assert list(sig.parameters) == ["text", "doc", "date", "title", "documents"]
    assert sig.parameters["doc"].kind is inspect.Parameter.KEYWORD_ONLY
    doc = inspect.getdoc(dyad.extract)
    assert doc.startswith("Extract the events and facts of one report")
    for name in dyad.__all__:
        assert inspect.getdoc(getattr(dyad, name)), name


def test_docstring_examples_run():
    import doctest

    result = doctest.testmod(dyad, extraglobs={"dyad": dyad})
    assert result.attempted >= 4
    assert result.failed == 0
