"""Shared fixtures: the `dyad` CLI these tests compare the bindings with, and its records."""

from __future__ import annotations

import json
import os
import subprocess
from collections import OrderedDict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"


def dyad_bin() -> Path:
    """The CLI built from this checkout (DYAD_BIN, or target/release/dyad)."""
    if "DYAD_BIN" in os.environ:
        return Path(os.environ["DYAD_BIN"])
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return target / "release" / "dyad"


@pytest.fixture(scope="session")
def cli():
    """Run the CLI; returns (stdout lines parsed as JSON, stderr). Fails if it is not built."""
    exe = dyad_bin()
    if not exe.exists():
        pytest.fail(f"{exe} not found: build the CLI first (cargo build --release) or set DYAD_BIN")

    def run(*args: str, check: bool = True) -> tuple[list[dict], str]:
        p = subprocess.run([str(exe), *args], capture_output=True, text=True, check=False)
        if check and p.returncode != 0:
            raise AssertionError(f"dyad {' '.join(args)} failed: {p.stderr}")
        records = [json.loads(line) for line in p.stdout.splitlines() if line.strip()]
        return records, p.stderr

    run.exe = exe  # type: ignore[attr-defined]
    return run


def by_doc(records: list[dict]) -> "OrderedDict[str, list[dict]]":
    """Records grouped by document, in output order."""
    out: OrderedDict[str, list[dict]] = OrderedDict()
    for r in records:
        out.setdefault(r["doc"], []).append(r)
    return out


@pytest.fixture(scope="session")
def generated(cli, tmp_path_factory):
    """`dyad generate --docs N` as a JSON Lines file (cached per N)."""
    cache: dict[int, Path] = {}

    def make(n: int, seed: int = 3) -> Path:
        if n not in cache:
            p = tmp_path_factory.mktemp("gen") / f"gen{n}.jsonl"
            out = subprocess.run(
                [str(cli.exe), "generate", "--docs", str(n), "--seed", str(seed)],
                capture_output=True,
                check=True,
            ).stdout
            p.write_bytes(out)
            cache[n] = p
        return cache[n]

    return make
