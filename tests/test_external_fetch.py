"""analysis.external.fetch: the mirror or download, and the provenance table."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import paths
from analysis.external import fetch
from analysis.external.registry import REGISTRY, DataError


def test_provenance_written():
    table = pd.read_csv(paths.DATA_EXTERNAL / "PROVENANCE.csv")
    assert set(table["dataset"]) == set(REGISTRY)
    assert table["sha256"].str.fullmatch(r"[0-9a-f]{64}").all()


def test_missing_mirror_is_refused(tmp_path):
    with pytest.raises(DataError, match="no such folder"):
        fetch.fetch_all(tmp_path / "nowhere")


def test_missing_file_in_mirror_names_how_to_obtain(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "DATA_EXTERNAL", tmp_path / "external")
    with pytest.raises(DataError) as err:
        fetch.fetch_all(tmp_path)
    assert "ucdp_acd/UcdpPrioConflict_v25_1.csv" in str(err.value)
    assert "https://ucdp.uu.se/downloads/ucdpprio/ucdp-prio-acd-251-csv.zip" in str(err.value)
    assert not (tmp_path / "external" / "PROVENANCE.csv").exists()
