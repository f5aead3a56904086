"""dyad: news reports in, PLOVER events and facts out, each with its evidence sentence.

The records are those of ``dyad extract`` (the records contract): dicts with the same fields
and values as the JSON lines the command prints for the same document.

    >>> import dyad
    >>> recs = dyad.extract("date 2025-06-03\\nBAKU — Azerbaijani President Ilham Aliyev "
    ...                     "held talks with Georgian Prime Minister Irakli Kobakhidze.")
    >>> [r["record"] for r in recs]
    ['document', 'event']

- :func:`extract` one text; :func:`extract_many` many, in parallel with the GIL released;
- :func:`extract_arrow` a pyarrow Table or RecordBatch (``id``, ``text``, [``date``,
  ``title``, ``url``, ``source``]) into flat, typed ``events``, ``facts`` and ``documents``
  tables; :func:`extract_pandas` and :func:`to_pandas` the same for pandas;
- :func:`actor` resolves one mention as of a date;
- :class:`Extractor` holds user knowledge (``knowledge=DIR``), is built once and shared by
  threads; the module-level functions use one with the built-in knowledge.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Union

from . import _dyad
from ._dyad import DyadError, DyadWarning, KnowledgeError

if TYPE_CHECKING:  # pragma: no cover - for type checkers only
    import datetime

    import pandas
    import pyarrow

__version__: str = _dyad.__version__

__all__ = [
    "DyadError",
    "DyadWarning",
    "Extractor",
    "KnowledgeError",
    "actor",
    "extract",
    "extract_arrow",
    "extract_many",
    "extract_pandas",
    "shared_extractor",
    "to_pandas",
]

Record = dict[str, Any]
DateLike = Union[str, "datetime.date", None]
PathLike = Union[str, "os.PathLike[str]"]

# The columns extract_arrow reads: `id` and the keys a JSON Lines record is read from
# (dyad-io's lists, aliases included, so a table reads as its JSON Lines would).
_RECORD_KEYS: frozenset[str] = frozenset(_dyad.RECORD_KEYS)
_TEXT_KEYS = ("text", "body", "content")


def _paths(knowledge: PathLike | Sequence[PathLike] | None) -> list[str]:
    if knowledge is None:
        return []
    if isinstance(knowledge, (str, os.PathLike)):
        return [os.fspath(knowledge)]
    return [os.fspath(k) for k in knowledge]


class Extractor:
    """The compiled extractor: knowledge, gazetteer and verb lexicon.

    ``Extractor()`` has the built-in knowledge; ``Extractor(knowledge="my-knowledge/")`` adds
    files or folders as ``dyad --knowledge`` does (``countries*.tsv``, ``leaders*.tsv``,
    ``verbs*.tsv``, CAMEO ``*actors.txt``...). Building takes ~30 ms: build one and share it;
    its methods may be called from many threads at once (the GIL is released while it works).

    Raises :class:`KnowledgeError` with the CLI's message when a file cannot be read or is
    invalid. An Extractor pickles as its knowledge paths and is rebuilt where it is unpickled.
    """

    __slots__ = ("_native",)

    def __init__(self, knowledge: PathLike | Sequence[PathLike] | None = None) -> None:
        self._native = _dyad.Extractor(_paths(knowledge))

    @property
    def knowledge(self) -> list[str]:
        """The knowledge paths given (empty: built-in knowledge only)."""
        return [os.fspath(p) for p in self._native.knowledge]

    def __repr__(self) -> str:
        return f"dyad.Extractor(knowledge={self.knowledge!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Extractor, (self.knowledge or None,))

    def extract(
        self,
        text: str,
        *,
        doc: str | None = None,
        date: DateLike = None,
        title: str | None = None,
        documents: bool = True,
    ) -> list[Record]:
        """Extract one report; see :func:`dyad.extract`."""
        return self._native.extract(text, doc=doc, date=date, title=title, documents=documents)

    def extract_many(
        self,
        items: Iterable[str | Mapping[str, Any]],
        threads: int | None = None,
        *,
        documents: bool = True,
    ) -> list[list[Record]]:
        """Extract many reports in parallel; see :func:`dyad.extract_many`."""
        if not isinstance(items, (list, tuple)):
            items = list(items)
        items = [dict(i) if isinstance(i, Mapping) and not isinstance(i, dict) else i for i in items]
        return self._native.extract_many(items, threads=threads, documents=documents)

    def extract_arrow(
        self,
        data: pyarrow.Table | pyarrow.RecordBatch,
        *,
        threads: int | None = None,
        bodies: bool = True,
    ) -> dict[str, pyarrow.Table]:
        """Extract the rows of an Arrow table; see :func:`dyad.extract_arrow`."""
        import pyarrow as pa

        if isinstance(data, pa.RecordBatch):
            table = pa.Table.from_batches([data])
        elif isinstance(data, pa.Table):
            table = data
        elif hasattr(data, "__arrow_c_stream__") or hasattr(data, "__arrow_c_array__"):
            table = pa.table(data)
        else:
            raise TypeError(
                f"expected a pyarrow Table or RecordBatch, got {type(data).__name__}"
            )
        names = table.column_names
        if not any(k in names for k in _TEXT_KEYS):
            raise ValueError(
                f"no `text` column (reads `text`, `body` or `content`); columns: {names}"
            )
        for n in _TEXT_KEYS:
            if n in names:
                t = table.schema.field(n).type
                if not (pa.types.is_string(t) or pa.types.is_large_string(t)
                        or pa.types.is_string_view(t) or pa.types.is_null(t)):
                    raise TypeError(f"column `{n}` must hold strings, got {t}")
        columns = {n: table.column(n).to_pylist() for n in names if n in _RECORD_KEYS}
        events, facts, documents = self._native._extract_columns(
            columns, threads=threads, bodies=bodies
        )
        # One record batch per chunk of documents; every chunk has the full schema.
        return {
            name: pa.Table.from_batches([pa.record_batch(b) for b in batches])
            for name, batches in (("events", events), ("facts", facts), ("documents", documents))
        }

    def extract_pandas(
        self, frame: pandas.DataFrame, *, threads: int | None = None, bodies: bool = True
    ) -> dict[str, pandas.DataFrame]:
        """Extract the rows of a DataFrame; see :func:`dyad.extract_pandas`."""
        import pyarrow as pa

        table = pa.Table.from_pandas(frame, preserve_index=False)
        return to_pandas(self.extract_arrow(table, threads=threads, bodies=bodies))

    def actor(self, text: str, date: DateLike = None) -> Record:
        """Resolve one mention; see :func:`dyad.actor`."""
        return self._native.actor(text, date)


_shared: dict[tuple[str, ...], Extractor] = {}
_shared_lock = threading.Lock()


def shared_extractor(knowledge: PathLike | Sequence[PathLike] | None = None) -> Extractor:
    """The one :class:`Extractor` of this process for ``knowledge``, built on first use.

    For code that runs in many places at once (threads, Spark executors): every call with the
    same knowledge returns the same extractor, so it is compiled once per process.
    """
    key = tuple(_paths(knowledge))
    ex = _shared.get(key)
    if ex is None:
        with _shared_lock:
            ex = _shared.get(key)
            if ex is None:
                ex = _shared[key] = Extractor(list(key))
    return ex


def extract(
    text: str,
    *,
    doc: str | None = None,
    date: DateLike = None,
    title: str | None = None,
    documents: bool = True,
) -> list[Record]:
    """Extract the events and facts of one report, as the records ``dyad extract`` prints.

    ``text`` is read as a plain-text file is: an optional first line ``date YYYY-MM-DD``
    (removed from the body), then an optional dateline (``ASTANA —``). The records come in
    the CLI's order: the ``document`` record (its ``body`` is the text every evidence offset
    points into; ``documents=False`` leaves it out, like ``--no-documents``), the ``event``
    records, the ``fact`` records. Each is a dict with the fields and values of the CLI's JSON
    line for a file named ``doc``.

    Args:
        text: the report.
        doc: the document id (default ``"-"``); the CLI uses the file name.
        date: the report date, overriding a ``date`` header: ``"YYYY-MM-DD"``, an ISO 8601
            or RFC 2822 date-time, or a ``datetime.date``. It decides office-holders and
            relative dates ("on Monday").
        title: the report's title (the ``document`` record's ``title``).
        documents: include the ``document`` record first.

    Raises:
        TypeError: ``text`` is not a str.
        ValueError: the text is empty or blank, or the date is not recognised.

    Example:
        >>> dyad.extract("The European Union urged Serbia to resume talks.",
        ...              date="2025-03-12", documents=False)[0]["type"]
        'REQUEST'
    """
    return shared_extractor().extract(text, doc=doc, date=date, title=title, documents=documents)


def extract_many(
    items: Iterable[str | Mapping[str, Any]],
    threads: int | None = None,
    *,
    documents: bool = True,
) -> list[list[Record]]:
    """Extract many reports in parallel, the GIL released; one list of records per item, in order.

    Each item is a str (read as :func:`extract` reads one, with its position ``"0"``, ``"1"``...
    as id) or a dict read as a JSON Lines record is: ``text`` (or ``body``/``content``),
    ``id``, and any of ``date`` (or ``published``...), ``title``, ``url``, ``source``. A
    dict without ``id`` gets its position as id; an unrecognised date leaves the document
    without a date and warns (:class:`DyadWarning`), as the CLI does.

    Args:
        items: strs or dicts.
        threads: worker threads (default: all cores). The output does not depend on it.
        documents: include each item's ``document`` record first.

    Raises:
        TypeError: an item is neither a str nor a dict, or its text is not a str.
        ValueError: an item has no text (the message names the item).
    """
    return shared_extractor().extract_many(items, threads, documents=documents)


def extract_arrow(
    data: pyarrow.Table | pyarrow.RecordBatch,
    *,
    threads: int | None = None,
    bodies: bool = True,
) -> dict[str, pyarrow.Table]:
    """Extract the rows of an Arrow table into flat, typed ``events``, ``facts``, ``documents`` tables.

    Rows are read as JSON Lines records are (columns ``id``, ``text`` and any of ``date``,
    ``title``, ``url``, ``source``, or their JSON Lines aliases); ``date`` may be a string or
    an Arrow date or timestamp. A row with no text is skipped with a :class:`DyadWarning`
    (the CLI skips such a line), so one bad row never stops a corpus.

    The tables have one row per record; nested fields are flattened: ``source_code``,
    ``target_sector``, ``location_name``, ``evidence_start``... (the README lists every
    column). Dates are ``date32``, offsets and counts ``int64``, ``topics``,
    ``context`` and ``countries`` lists of strings. ``documents`` has one row per document read,
    with its ``events`` and ``facts`` counts and (``bodies=True``) its ``body``.

    Args:
        data: a ``pyarrow.Table`` or ``pyarrow.RecordBatch`` (or any Arrow PyCapsule producer).
        threads: worker threads (default: all cores; 1 inside Spark tasks).
        bodies: fill the documents' ``body`` column.
    """
    return shared_extractor().extract_arrow(data, threads=threads, bodies=bodies)


def extract_pandas(
    frame: pandas.DataFrame, *, threads: int | None = None, bodies: bool = True
) -> dict[str, pandas.DataFrame]:
    """:func:`extract_arrow` for a pandas DataFrame (columns ``id``, ``text``, ...), as DataFrames."""
    return shared_extractor().extract_pandas(frame, threads=threads, bodies=bodies)


def to_pandas(tables: Mapping[str, pyarrow.Table]) -> dict[str, pandas.DataFrame]:
    """The tables of :func:`extract_arrow` as pandas DataFrames.

    Integer and boolean columns keep their nulls (pandas' ``Int64`` and ``boolean`` dtypes)
    instead of turning into floats.
    """
    import pandas as pd
    import pyarrow as pa

    mapping = {pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype()}
    return {name: t.to_pandas(types_mapper=mapping.get) for name, t in tables.items()}


def actor(text: str, date: DateLike = None) -> Record:
    """Resolve an actor mention as ``dyad actor`` does: ``{text, code, sector, name}``.

    ``date`` (``"YYYY-MM-DD"`` or a ``datetime.date``; default today) decides who held an office.

        >>> dyad.actor("the Kremlin", date="2021-06-01")
        {'text': 'the Kremlin', 'code': 'RUS', 'sector': 'GOV', 'name': 'Kremlin'}

    Raises:
        ValueError: the date is not YYYY-MM-DD.
    """
    return shared_extractor().actor(text, date)
