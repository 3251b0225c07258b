"""Fixtures shared by the library tests: hand-built situation rows and files, and the network graphs."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest
from factories import real_cases, toy_graph

from analysis import networks, schema

BASE_ROW = dict(
    situation_id="x-2000", name="X", country="Syria", iso3="SYR", gwno="652", start_year="2000",
    end_year="2001", context="armed_conflict", conflict_type="intrastate", civilian_violence="widespread",
    poc_missions="", genocide="none", crimes_against_humanity="none", war_crimes="none",
    ethnic_cleansing="none", war_crimes_scale="none", sources="", notes="",
)


def situation(**changes) -> dict:
    """One valid situation row (strings, as in a CSV file), with *changes* applied."""
    row = dict(BASE_ROW)
    row.update({k: str(v) for k, v in changes.items()})
    return row


def frame(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=schema.SITUATIONS.names)


def write_csv(path: Path, rows: list[dict], columns: list[str] | None = None) -> Path:
    columns = columns or list(rows[0])
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture
def make_row():
    return situation


@pytest.fixture
def make_frame():
    return frame


@pytest.fixture
def raw_copy(tmp_path):
    """A copy of data/raw in a temporary folder, to break on purpose."""
    from analysis import paths

    target = tmp_path / "raw"
    target.mkdir()
    for path in paths.DATA_RAW.glob("*.csv"):
        (target / path.name).write_bytes(path.read_bytes())
    return target


def read_as_loaded(tmp_path: Path, key: str, text: str | bytes) -> pd.DataFrame:
    """Write *text* as dataset *key*'s file under tmp_path and read it as load() would.

    The row-count check is relaxed to 1-100 rows.
    """
    from dataclasses import replace

    from analysis.external import load
    from analysis.external.registry import REGISTRY

    dataset = replace(REGISTRY[key], rows=(1, 100))
    path = tmp_path / "file.csv"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return load.normalise(key, load.check_file(dataset, path))


@pytest.fixture
def toy():
    """The toy normative graph (tests/factories.py)."""
    return toy_graph()


@pytest.fixture(scope="module")
def real():
    """The normative graph of the project's data."""
    return networks.normative_graph()


@pytest.fixture(scope="module")
def cases():
    """The situation graphs of factories.REAL_CASES (needs data/external)."""
    return real_cases()
