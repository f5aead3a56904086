# Stubs of the native module (crates/dyad-py); the public API is dyad/__init__.py.
import datetime
import os
from typing import Any, Iterable

__version__: str
RECORD_KEYS: list[str]

class DyadError(Exception): ...
class KnowledgeError(DyadError): ...
class DyadWarning(UserWarning): ...

class ArrowBatch:
    """One record batch; ``pyarrow.record_batch(obj)`` imports it without a copy."""
    def __arrow_c_array__(self, requested_schema: object | None = None) -> tuple[object, object]: ...
    def __len__(self) -> int: ...

class Extractor:
    def __init__(self, knowledge: list[str | os.PathLike[str]] = ...) -> None: ...
    @property
    def knowledge(self) -> list[str]: ...
    def extract(
        self,
        text: str,
        *,
        doc: str | None = None,
        date: str | datetime.date | None = None,
        title: str | None = None,
        documents: bool = True,
    ) -> list[dict[str, Any]]: ...
    def extract_many(
        self,
        items: Iterable[str | dict[str, Any]],
        *,
        threads: int | None = None,
        documents: bool = True,
    ) -> list[list[dict[str, Any]]]: ...
    def _extract_columns(
        self,
        columns: dict[str, list[Any]],
        *,
        threads: int | None = None,
        bodies: bool = True,
    ) -> tuple[list[ArrowBatch], list[ArrowBatch], list[ArrowBatch]]: ...
    def _extract_only(self, items: list[dict[str, Any]], *, threads: int | None = None) -> int: ...
    def actor(self, text: str, date: str | datetime.date | None = None) -> dict[str, Any]: ...
