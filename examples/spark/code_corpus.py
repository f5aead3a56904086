#!/usr/bin/env python3
"""Code a corpus of news reports with dyad on Spark: PLOVER events and facts as Parquet.

    python examples/spark/code_corpus.py INPUT OUTPUT [--master local[2]] [--knowledge DIR]

INPUT is JSON Lines (``id``, ``text`` and any of ``date``, ``title``, ``url``, ``source``, or
their aliases, as ``dyad extract`` reads them) or Parquet with those columns: a file, a folder or
a glob. The reports are coded on the executors through ``mapInArrow`` with
``dyad.extract_arrow`` (the extractor is built once per Python worker process), and written as
Parquet: ``OUTPUT/events``, ``OUTPUT/facts`` and ``OUTPUT/documents`` (one row per report
coded, with its ``events`` and ``facts`` counts; bodies are left out since INPUT has them).

On a cluster, install the ``dyad`` wheel on every node (or ship it with ``--py-files``/an
archive) and submit with the cluster's master instead of ``--master local[N]``:

    spark-submit --master yarn examples/spark/code_corpus.py s3://news/2025/*.jsonl s3://coded/2025
"""

from __future__ import annotations

import argparse
import os
import sys
import time


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="JSON Lines or Parquet: a file, folder or glob")
    p.add_argument("output", help="folder for events/, facts/ and documents/ (replaced)")
    p.add_argument("--master", help="Spark master (default: spark-submit's, else local[*])")
    p.add_argument("--format", choices=["json", "parquet"], help="input format (default: from the name)")
    p.add_argument("--knowledge", action="append", default=[], metavar="PATH",
                   help="extra knowledge files or folders, as dyad --knowledge (on every node)")
    p.add_argument("--partitions", type=int, help="repartition the input into N partitions first")
    p.add_argument("--batch-rows", type=int, default=2000,
                   help="reports per Arrow batch handed to dyad (default 2000)")
    return p.parse_args(argv)


def input_format(path: str, given: str | None) -> str:
    if given:
        return given
    return "parquet" if ".parquet" in path or os.path.isdir(path) and any(
        n.endswith(".parquet") for n in os.listdir(path)
    ) else "json"


def output_schema():
    """The Arrow schema of the coded rows: a `record` column (event, fact, document) and the
    union of the three tables' columns, taken from dyad itself so it never drifts."""
    import pyarrow as pa

    import dyad

    empty = dyad.extract_arrow(pa.table({"id": pa.array([], pa.string()), "text": pa.array([], pa.string())}))
    fields = [pa.field("record", pa.string())]
    seen = {"record"}
    for name in ("events", "facts", "documents"):
        for f in empty[name].schema:
            if f.name not in seen:
                seen.add(f.name)
                fields.append(f)
    return pa.schema(fields), {n: empty[n].column_names for n in empty}


def make_coder(knowledge: list[str], schema):
    """The function mapInArrow runs on the executors: Arrow batches of reports in, coded rows out."""

    def code(batches):
        import pyarrow as pa

        import dyad

        # One extractor per Python worker process (Spark reuses workers across tasks), built
        # on first use; tasks already run one per core, so dyad uses one thread in each.
        ex = dyad.shared_extractor(knowledge or None)
        for batch in batches:
            out = ex.extract_arrow(batch, threads=1, bodies=False)
            parts = []
            for name, record in (("events", "event"), ("facts", "fact"), ("documents", "document")):
                t = out[name]
                parts.append(t.add_column(0, "record", pa.array([record] * t.num_rows, pa.string())))
            coded = pa.concat_tables(parts, promote_options="default").select(schema.names).cast(schema)
            yield from coded.to_batches()

    return code


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # Local runs: the executors' Python is this one, where dyad is installed, and the driver
    # talks to its workers on the loopback interface only.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    if (args.master or "local").startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark import StorageLevel
    from pyspark.sql import SparkSession
    from pyspark.sql.pandas.types import from_arrow_schema

    import dyad

    builder = SparkSession.builder.appName("dyad-code-corpus")
    if args.master:
        builder = builder.master(args.master)
    elif "spark.master" not in os.environ.get("PYSPARK_SUBMIT_ARGS", ""):
        builder = builder.master("local[*]")
    spark = (
        builder.config("spark.sql.execution.arrow.maxRecordsPerBatch", str(args.batch_rows))
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("WARN")
    started = time.time()

    fmt = input_format(args.input, args.format)
    keys = list(dict.fromkeys(dyad._dyad.RECORD_KEYS))
    if fmt == "json":
        # A schema of strings: no inference pass over the corpus, and numeric ids read as
        # their text, as the CLI reads them.
        ddl = ", ".join(f"`{k}` STRING" for k in keys)
        df = spark.read.schema(ddl).json(args.input)
    else:
        df = spark.read.parquet(args.input)
        present = [k for k in keys if k in df.columns]
        if not any(k in present for k in ("text", "body", "content")):
            raise SystemExit(f"{args.input}: no `text` column; columns: {df.columns}")
        df = df.select(*present)
    if args.partitions:
        df = df.repartition(args.partitions)

    arrow_schema, columns = output_schema()
    coded = df.mapInArrow(make_coder(args.knowledge, arrow_schema), from_arrow_schema(arrow_schema))
    # Coded once, written three times: keep the coded rows rather than code again per table.
    coded = coded.persist(StorageLevel.MEMORY_AND_DISK)
    for name, record in (("events", "event"), ("facts", "fact"), ("documents", "document")):
        part = coded.where(coded.record == record).select(*columns[name])
        part.write.mode("overwrite").parquet(os.path.join(args.output, name))
    # Counted on the kept rows: one small job rather than reading the tables back.
    counts = {r["record"]: r["count"] for r in coded.groupBy("record").count().collect()}
    coded.unpersist()
    elapsed = time.time() - started
    docs = counts.get("document", 0)
    print(
        f"dyad on Spark ({spark.sparkContext.master}): {docs} documents coded in {elapsed:.1f} s "
        f"({docs / elapsed:.0f} documents/s): {counts.get('event', 0)} events, {counts.get('fact', 0)} facts "
        f"-> {args.output}",
        file=sys.stderr,
    )
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
