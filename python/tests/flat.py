"""The CLI's records flattened as extract_arrow's rows, to compare tables with `dyad extract`."""

from __future__ import annotations

import datetime


def _date(s):
    return None if s is None else datetime.date.fromisoformat(s)


def _actor(prefix: str, a) -> dict:
    a = a or {}
    return {f"{prefix}_{k}": a.get(k) for k in ("text", "code", "sector", "name")}


def event_row(r: dict) -> dict:
    loc = r.get("location") or {}
    return {
        "doc": r["doc"],
        "date": _date(r["date"]),
        "type": r["type"],
        "mode": r["mode"],
        "cameo": r["cameo"],
        **_actor("source", r["source"]),
        **_actor("target", r["target"]),
        "location_name": loc.get("name"),
        "location_country": loc.get("country"),
        "location_lat": loc.get("lat"),
        "location_lon": loc.get("lon"),
        "evidence_text": r["evidence"]["text"],
        "evidence_start": r["evidence"]["start"],
        "evidence_end": r["evidence"]["end"],
        "count": r.get("count"),
        "topics": r.get("topics", []),
        "context": r.get("context", []),
        "goldstein": r["goldstein"],
        "rule": r["rule"],
        "confidence": r["confidence"],
        "mentions": r["mentions"],
        "negated": r.get("negated", False),
        "hypothetical": r.get("hypothetical", False),
    }


def fact_row(r: dict) -> dict:
    ch = r.get("change") or {}
    return {
        "doc": r["doc"],
        "date": _date(r["date"]),
        "kind": r["kind"],
        "countries": r["countries"],
        "from": r["from"],
        "to": r["to"],
        "value": r["value"],
        "value_max": r.get("value_max"),
        "unit": r["unit"],
        "qualifier": r["qualifier"],
        "change_factor": ch.get("factor"),
        "change_percent": ch.get("percent"),
        "change_over_years": ch.get("over_years"),
        "change_qualifier": ch.get("qualifier"),
        **_actor("claimant", r["claimant"]),
        "evidence_text": r["evidence"]["text"],
        "evidence_start": r["evidence"]["start"],
        "evidence_end": r["evidence"]["end"],
        "rule": r["rule"],
    }


def key(row: dict) -> tuple:
    """A sortable form of a row (lists as tuples, None before values)."""
    return tuple(
        (v is not None, tuple(v) if isinstance(v, list) else v) for _, v in sorted(row.items())
    )
