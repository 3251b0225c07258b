"""External data: registry checks on arrival and the publishers' known figures."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import paths, sources
from analysis.sources import REGISTRY, DataError


def test_known_ucdp_counts():
    acd = sources.load("ucdp_acd")
    per_year = acd.groupby("year")["conflict_id"].nunique()
    assert per_year[1989] == 41 and per_year[2024] == 61


def test_syria_battle_deaths_2013():
    brd = sources.load("ucdp_brd")
    assert brd[(brd["year"] == 2013) & (brd["location_inc"] == "Syria")]["bd_best"].sum() == 72016


def test_ewp_ongoing_2024():
    base = sources.load("ewp_base")
    assert base[(base["year"] == 2024) & (base["mk_ongoing"] == 1)]["country"].nunique() == 14


def test_provenance_written():
    table = pd.read_csv(paths.DATA_EXTERNAL / "PROVENANCE.csv")
    assert set(table["dataset"]) == set(REGISTRY)
    assert table["sha256"].str.fullmatch(r"[0-9a-f]{64}").all()


def _copy(dataset, tmp_path, transform):
    text = dataset.path.read_text(encoding="utf-8")
    target = tmp_path / dataset.file
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(transform(text), encoding="utf-8")
    return target


def test_truncated_file_is_refused(tmp_path):
    dataset = REGISTRY["ucdp_acd"]
    path = _copy(dataset, tmp_path, lambda t: "\n".join(t.splitlines()[:500]) + "\n")
    with pytest.raises(DataError, match=r"499 rows, expected 2700-2800 .*ucdp\.uu\.se"):
        sources.check_file(dataset, path)


def test_wrong_version_is_refused(tmp_path):
    dataset = REGISTRY["ucdp_acd"]
    path = _copy(dataset, tmp_path, lambda t: t.replace(",25.1\n", ",24.1\n"))
    with pytest.raises(DataError, match="holds version 24.1, expected 25.1"):
        sources.check_file(dataset, path)


def test_missing_columns_are_refused(tmp_path):
    dataset = REGISTRY["pitf"]
    path = _copy(dataset, tmp_path, lambda t: t.replace("DEATHMAG", "MAGNITUDE", 1))
    with pytest.raises(DataError, match="columns missing: DEATHMAG"):
        sources.check_file(dataset, path)


def test_missing_mirror_is_refused(tmp_path):
    with pytest.raises(DataError, match="no such folder"):
        sources.fetch_all(tmp_path / "nowhere")


def test_missing_file_in_mirror_names_how_to_obtain(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "DATA_EXTERNAL", tmp_path / "external")
    with pytest.raises(DataError) as err:
        sources.fetch_all(tmp_path)
    assert "ucdp_acd/UcdpPrioConflict_v25_1.csv" in str(err.value)
    assert "https://ucdp.uu.se/downloads/ucdpprio/ucdp-prio-acd-251-csv.zip" in str(err.value)
    assert not (tmp_path / "external" / "PROVENANCE.csv").exists()


def test_data_version_and_cite():
    assert sources.data_version(["ucdp_acd", "pitf"]) == {"ucdp_acd": "25.1", "pitf": "2014"}
    bib = sources.cite(["ucdp_acd", "ucdp_brd"])
    assert bib.count("@article{davies2025organized") == 1
    assert "@article{gleditsch2002armed" in bib
