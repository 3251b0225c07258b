"""analysis.council_practice: references per year, the Council's response to situations, the panel's."""

from __future__ import annotations

import pandas as pd
import pytest
import regression

from analysis import council_practice as cp
from analysis import data, panel, scope


def toy_tables() -> dict:
    res = pd.DataFrame({"symbol": ["S/RES/1 (2011)", "S/RES/2 (2013)", "S/RES/3 (1996)", "S/RES/4 (2011)"],
                        "year": [2011, 2013, 1996, 2011], "agenda": ["X", "X", "Y", "Non-proliferation"],
                        "countries_iso3": ["AAA", "AAA", "BBB", "CCC"],
                        "text_available": [True, True, False, True],
                        "chapter_vii": pd.array([True, False, pd.NA, True], dtype="boolean"),
                        "poc": pd.array([False, True, pd.NA, False], dtype="boolean"),
                        "r2p_literal": pd.array([False, True, pd.NA, False], dtype="boolean"),
                        "r2p_broad": pd.array([True, True, pd.NA, False], dtype="boolean")})
    drafts = pd.DataFrame({"symbol": ["S/2012/1"], "year": [2012], "agenda": ["X"], "countries_iso3": ["AAA"],
                           "vetoed_by": ["Russian Federation"], "poc": pd.array([pd.NA], dtype="boolean")})
    statements = res.iloc[:0]
    return {"resolutions": res, "drafts": drafts, "statements": statements}


def toy_situations() -> pd.DataFrame:
    return pd.DataFrame({"situation_id": ["a", "b", "c", "d", "old"], "iso3": ["AAA", "BBB", "CCC", "DDD", "AAA"],
                         "start_year": [2010, 1990, 2011, 2015, 1970], "end_year": [None, 1997, 2011, 2016, 1980],
                         "category": ["both", "poc_only", "r2p_only", "neither", "both"]})


def test_situation_response_on_toy_tables():
    out = cp.situation_response(toy_situations(), toy_tables()).set_index("situation_id")
    assert list(out.index) == ["a", "b", "c", "d"]  # 'old' ends before 1989
    assert out.loc["a", ["onset", "last", "any_resolution", "chapter_vii", "poc", "r2p", "vetoed"]].tolist() == [
        2010, 2025, True, True, True, True, True]
    assert out.loc["a", ["first_resolution", "years_to_first"]].tolist() == [2011, 1]
    # only a resolution without text: a resolution, flags unknown
    assert out.loc["b", "any_resolution"] and out.loc["b", ["chapter_vii", "poc", "r2p"]].isna().all()
    assert out.loc["b", "onset"] == 1990
    # a non-proliferation resolution is on another matter: silent
    assert out.loc["c", ["any_resolution", "chapter_vii"]].tolist() == [False, False]
    assert pd.isna(out.loc["d", "years_to_first"])


def test_response_shares_and_curve_on_toy_tables():
    response = cp.situation_response(toy_situations(), toy_tables())
    shares = cp.response_shares(response, n_boot=100, seed=3).set_index(["category", "indicator"])
    assert shares.loc[("both", "vetoed"), ["n", "count", "share", "ci_low", "ci_high"]].tolist() == [
        1, 1, 1.0, 1.0, 1.0]
    assert shares.loc[("poc_only", "poc"), ["n", "unknown"]].tolist() == [0, 1]
    curve = cp.first_resolution_curve(response, horizon=2).set_index(["category", "years"])
    assert curve.loc[("both", 0), "share"] == 0.0 and curve.loc[("both", 1), "share"] == 1.0
    assert curve.loc[("poc_only", 2), ["at_risk", "events", "share"]].tolist() == [1, 0, 0.0]  # 1996 - 1990 = 6
    # the same seed gives the same intervals
    assert shares.equals(cp.response_shares(response, n_boot=100, seed=3).set_index(["category", "indicator"]))


def test_references_per_year_on_toy_tables():
    out = cp.references_per_year(toy_tables(), 1996, 2013).set_index(["kind", "year"])
    assert out.loc[("resolution", 1996), ["texts", "missing_text", "poc"]].tolist() == [1, 1, 0]
    assert out.loc[("resolution", 2011), ["texts", "r2p_broad"]].tolist() == [2, 1]
    assert out.loc[("resolution", 2013), "r2p_literal_since_2006"] == 1


# --------------------------------------------------------------------------- real data

@pytest.fixture(scope="module")
def real():
    return cp.tables()


def test_literal_r2p_reproduces_the_published_counts(real):
    out = cp.references_per_year(real).set_index(["kind", "year"])
    assert [out.loc[("resolution", y), "r2p_literal_since_2006"] for y in (2019, 2024, 2025)] == [70, 93, 97]
    assert (out.loc["resolution"].loc[1995:1999, "missing_text"] == out.loc["resolution"].loc[1995:1999, "texts"]).all()


@pytest.fixture(scope="module")
def response(real):
    return cp.situation_response(scope.classify(data.load_situations()), real).set_index("situation_id")


@pytest.mark.parametrize("sid, expected", [
    ("lby-2011", [True, True, True, True, False, 0]),
    ("syr-2011", [True, True, True, True, True, 0]),
    ("ken-2007", [False, False, False, False, False, None]),
    ("prk-1948", [False, False, False, False, False, None]),  # 825 (1993) was on the NPT, not the situation
])
def test_situation_response_on_known_situations(response, sid, expected):
    row = response.loc[sid, ["any_resolution", "chapter_vii", "poc", "r2p", "vetoed", "years_to_first"]]
    assert [None if pd.isna(v) else v for v in row] == expected


def test_every_situation_reaching_1989_is_counted(response):
    situations = data.load_situations()
    reaching = situations[situations["end_year"].isna() | (situations["end_year"] >= 1989)]
    assert len(response) == len(reaching) == regression.SITUATIONS_FROM_1989


def test_panel_response(real):
    classified = panel.classify_panel(panel.build_panel())
    out = cp.panel_response(classified).set_index("category")
    assert out["country_years"].sum() == classified["category"].notna().sum()
    assert out[["country_years", "resolution", "chapter_vii", "flags_unknown"]].to_dict("index") == {
        "both": {"country_years": 643, "resolution": 0.3639, "chapter_vii": 0.2292, "flags_unknown": 41},
        "poc_only": {"country_years": 592, "resolution": 0.3361, "chapter_vii": 0.1617, "flags_unknown": 17},
        "r2p_only": {"country_years": 98, "resolution": 0.2755, "chapter_vii": 0.2021, "flags_unknown": 4},
        "neither": {"country_years": 4229, "resolution": 0.0712, "chapter_vii": 0.0223, "flags_unknown": 63}}
