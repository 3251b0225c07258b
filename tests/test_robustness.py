"""Robustness: the sensitivity grid, flips, bootstrap intervals (hand-built cases and the real data)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import regression

from analysis import data, panel, robustness, scope
from conftest import frame, situation

# Four hand-built situations whose categories move in known ways across readings:
#  a: armed conflict, CAH at UN level                 -> both, except R2P >= judicial
#  b: peacetime, CAH judicial                         -> r2p_only always
#  c: disturbance, widespread, CAH at NGO level       -> POC only if broad; R2P only if >= ngo
#  d: armed conflict, isolated war crimes (judicial)  -> R2P only when war crimes count at any scale
TOY = frame(
    situation(situation_id="a", crimes_against_humanity="un"),
    situation(situation_id="b", context="peace", conflict_type="none", crimes_against_humanity="judicial"),
    situation(situation_id="c", context="internal_disturbance", conflict_type="none",
              crimes_against_humanity="ngo"),
    situation(situation_id="d", civilian_violence="isolated", war_crimes="judicial", war_crimes_scale="isolated"),
)

# expected counts (both, poc_only, r2p_only, neither) per reading, worked out by hand from the rules
EXPECTED = {
    ("broad", "judicial", True): (0, 3, 1, 0),
    ("broad", "judicial", False): (1, 2, 1, 0),
    ("broad", "un", True): (1, 2, 1, 0),
    ("broad", "un", False): (2, 1, 1, 0),
    ("broad", "ngo", True): (2, 1, 1, 0),
    ("broad", "ngo", False): (3, 0, 1, 0),
    ("narrow", "judicial", True): (0, 2, 1, 1),
    ("narrow", "judicial", False): (1, 1, 1, 1),
    ("narrow", "un", True): (1, 1, 1, 1),
    ("narrow", "un", False): (2, 0, 1, 1),
    ("narrow", "ngo", True): (1, 1, 2, 0),
    ("narrow", "ngo", False): (2, 0, 2, 0),
}


def test_sensitivity_grid_counts_and_shares_on_toy():
    long = robustness.sensitivity(TOY)
    assert set(EXPECTED) == {(r.poc_reading, r.r2p_evidence, r.war_crimes_need_systematic)
                             for r in scope.ScopeRules.grid()}
    assert len(long) == len(EXPECTED) * len(scope.CATEGORIES)
    for (poc, evidence, systematic), counts in EXPECTED.items():
        cell = long[(long["poc_reading"] == poc) & (long["r2p_evidence"] == evidence)
                    & (long["war_crimes_need_systematic"] == systematic)]
        assert cell["category"].tolist() == list(scope.CATEGORIES)
        assert tuple(cell["count"]) == counts, (poc, evidence, systematic)
        assert cell["share"].tolist() == [c / 4 for c in counts]
        assert set(cell["n"]) == {4}


def test_grid_table_is_wide_and_keeps_reading_order():
    wide = robustness.grid_table(robustness.sensitivity(TOY))
    assert wide["label"].tolist() == [robustness.short_label(r) for r in scope.ScopeRules.grid()]
    assert wide.loc[0, ["both", "poc_only", "r2p_only", "neither", "n", "missing"]].tolist() == [
        0.0, 0.75, 0.25, 0.0, 4, 0]


def test_flips_list_each_change_with_reasons():
    moved = robustness.flips(TOY, readings=[scope.ScopeRules("narrow", "ngo", True),
                                            scope.ScopeRules("broad", "un", False)])
    assert moved[["situation_id", "reading", "category_base", "category"]].values.tolist() == [
        ["c", "POC narrow; R2P evidence >= ngo; war crimes systematic only", "poc_only", "r2p_only"],
        ["d", "POC broad; R2P evidence >= un; war crimes any scale", "poc_only", "both"]]
    assert moved.loc[0, "reasons"].endswith("R2P: crimes against humanity (ngo)")
    assert moved.loc[0, "reasons_base"].startswith("POC: internal disturbance")


def test_stability_counts_kept_readings():
    table = robustness.stability(TOY).set_index("situation_id")
    # b is r2p_only under every reading; a is 'both' under all but the 4 where R2P needs judicial evidence
    readings = len(scope.ScopeRules.grid())
    assert table.loc["b", "kept"] == readings
    assert table.loc["a", "kept"] == readings - 4 == 8
    assert table["readings"].eq(readings).all()


def test_bootstrap_is_seeded_and_brackets_the_share():
    f = pd.DataFrame({"category": ["both"] * 30 + ["poc_only"] * 50 + ["neither"] * 20})
    one = robustness.bootstrap_shares(f, n_boot=500, seed=7)
    two = robustness.bootstrap_shares(f, n_boot=500, seed=7)
    pd.testing.assert_frame_equal(one, two)
    assert one["share"].tolist() == [0.3, 0.5, 0.0, 0.2]
    assert (one["ci_low"] <= one["share"]).all() and (one["share"] <= one["ci_high"]).all()
    assert one.loc[2, ["ci_low", "ci_high"]].tolist() == [0.0, 0.0]  # a category never seen stays at 0
    assert robustness.bootstrap_shares(f, n_boot=500, seed=8)["ci_low"].tolist() != one["ci_low"].tolist()


def test_bootstrap_clusters_move_together():
    # two countries: A always 'both' (3 years), B always 'neither' (1 year); resampling countries gives
    # shares that whole clusters can give: {0 (B only), 0.75 (A and B), 1 (A only)}
    f = pd.DataFrame({"country": ["A", "A", "A", "B"], "category": ["both", "both", "both", "neither"]})
    out = robustness.bootstrap_shares(f, cluster="country", n_boot=300, seed=3)
    assert out.loc[0, "units"] == 2
    assert out.loc[0, ["count", "n", "share"]].tolist() == [3, 4, 0.75]
    assert out.loc[0, "ci_low"] == 0.0 and out.loc[0, "ci_high"] == 1.0


def test_bootstrap_by_group_and_missing_left_out():
    f = pd.DataFrame({"period": ["p1", "p1", "p2", "p2"], "category": ["both", None, "neither", "neither"]})
    out = robustness.bootstrap_shares(f, by="period", n_boot=50, seed=0)
    assert out.groupby("group")["n"].first().to_dict() == {"p1": 1, "p2": 2}
    assert out.loc[(out["group"] == "p2") & (out["category"] == "neither"), "share"].item() == 1.0


@pytest.mark.parametrize("year, label", [(1989, "1989-1994"), (1994, "1989-1994"), (2013, "2013-2018"),
                                         (2024, "2019-2024")])
def test_period_labels(year, label):
    assert robustness.period(pd.Series([year])).item() == label


def test_real_data_default_reading_matches_classifier_and_grid_is_complete():
    situations = data.load_situations()
    long = robustness.sensitivity(situations)
    default = long[long["reading"] == scope.ScopeRules().describe()]
    expected = scope.classify(situations)["category"].value_counts()
    assert default.set_index("category")["count"].to_dict() == {c: int(expected.get(c, 0))
                                                                 for c in scope.CATEGORIES}
    assert long.groupby("reading")["count"].sum().eq(len(situations)).all()
    # broadening the evidence threshold can only move situations into R2P: 'both'+'r2p_only' grows
    r2p = long[long["category"].isin(["both", "r2p_only"])].groupby(
        ["poc_reading", "war_crimes_need_systematic", "r2p_evidence"])["count"].sum()
    for poc in ("broad", "narrow"):
        for systematic in (True, False):
            cells = r2p.loc[(poc, systematic)]
            assert cells["judicial"] <= cells["un"] <= cells["ngo"]


def test_rwanda_never_flips_on_real_data():
    table = robustness.stability(data.load_situations()).set_index("situation_id")
    assert table.loc["rwa-1990", "kept"] == len(scope.ScopeRules.grid())
    assert np.isin(table["category_base"], scope.CATEGORIES).all()


# --------------------------------------------------------------------------- the panel's proxy grid

def _panel(*rows):
    base = dict(gwno=1, iso3="AAA", year=2000, conflict_intensity=0, poc_mission=False, osv_deaths=0,
                osv_max_actor=0, mass_killing=False, genocide_politicide=False)
    frame = pd.DataFrame([{**base, **r} for r in rows])
    return frame.astype({"conflict_intensity": "Int64", "osv_deaths": "Int64", "osv_max_actor": "Int64",
                         "poc_mission": "boolean", "mass_killing": "boolean", "genocide_politicide": "boolean"})


# A: minor conflict; B: war with an EWP mass killing; C: 600 civilians killed by one actor in a PITF episode;
# D: nothing recorded, but no EWP coverage (a small state)
PANEL = _panel(dict(iso3="AAA", conflict_intensity=1), dict(iso3="BBB", conflict_intensity=2, mass_killing=True),
               dict(iso3="CCC", osv_deaths=600, osv_max_actor=600, genocide_politicide=True),
               dict(iso3="DDD", mass_killing=None))

# (both, poc_only, r2p_only, neither, missing) per reading label, worked out by hand
PANEL_EXPECTED = {
    "conflict | any (OSV 1,000)": (2, 1, 0, 0, 1),
    "conflict | any (OSV 500)": (2, 1, 0, 0, 1),
    "conflict | EWP": (1, 2, 0, 0, 1),
    "conflict | PITF": (1, 2, 0, 1, 0),
    "conflict | OSV 1,000": (0, 3, 0, 1, 0),
    "war | any (OSV 1,000)": (2, 0, 0, 1, 1),
    "war | EWP": (1, 1, 0, 1, 1),
    "war | PITF": (1, 1, 0, 2, 0),
    "war | OSV 1,000": (0, 2, 0, 2, 0),
}


def test_panel_readings_are_twelve_distinct_rules_default_first():
    from analysis.panel import ProxyRules

    readings = robustness.panel_readings()
    assert readings[0] == ProxyRules()
    assert len(readings) == len(set(readings)) == 12


def test_panel_grid_on_hand_built_country_years():
    long = robustness.panel_sensitivity(PANEL)
    for label, (both, poc, r2p, neither, missing) in PANEL_EXPECTED.items():
        cell = long[long["label"] == label]
        assert tuple(cell["count"]) == (both, poc, r2p, neither), label
        assert set(cell["missing"]) == {missing} and set(cell["n"]) == {4 - missing}
    default = long[long["label"] == "conflict | any (OSV 1,000)"]
    assert default["share"].round(4).tolist() == [0.6667, 0.3333, 0.0, 0.0]


def test_panel_period_bootstrap_by_country():
    from analysis.panel import classify_panel

    classified = classify_panel(PANEL).assign(period=lambda f: robustness.period(f["year"]))
    out = robustness.bootstrap_shares(classified, by="period", cluster="iso3", n_boot=200, seed=5)
    assert out["group"].unique().tolist() == ["1995-2000"]
    assert out["units"].unique().tolist() == [3]  # DDD's category is missing: left out
    assert out.set_index("category")["count"].to_dict() == {"both": 2, "poc_only": 1, "r2p_only": 0, "neither": 0}


def test_each_group_has_its_own_random_stream():
    one = pd.DataFrame({"period": ["p2"] * 6, "category": ["both", "both", "neither", "poc_only", "both", "neither"]})
    two = pd.concat([pd.DataFrame({"period": ["p1"] * 3, "category": ["both", "neither", "neither"]}), one])
    alone = robustness.bootstrap_shares(one, by="period", n_boot=300, seed=11)
    together = robustness.bootstrap_shares(two, by="period", n_boot=300, seed=11)
    pd.testing.assert_frame_equal(alone.reset_index(drop=True),
                                  together[together["group"] == "p2"].reset_index(drop=True))


# ----------------------------------------------------------------------------- agreement and kappa
@pytest.mark.parametrize("table, kappa", [
    ([[20, 5], [10, 15]], 0.4),  # p_o = 35/50 = .7; p_e = (25*30 + 25*20)/2500 = .5
    ([[10, 0], [0, 10]], 1.0),
    ([[0, 10], [10, 0]], -1.0),  # p_o = 0, p_e = .5
    ([[5, 0, 0], [0, 5, 5], [0, 0, 5]], 7 / 11),  # p_o = .75; p_e = (5*5 + 10*5 + 5*10)/400 = .3125; .4375/.6875
])
def test_cohen_kappa_hand_examples(table, kappa):
    assert robustness.cohen_kappa(pd.DataFrame(table)) == pytest.approx(kappa, abs=1e-4)


def test_cohen_kappa_without_variation_is_nan():
    assert pd.isna(robustness.cohen_kappa(pd.DataFrame([[10, 0], [0, 0]])))


def test_agreement_tiny():
    classified = pd.DataFrame({"gwno": [1, 1, 2, 2, 3], "year": [2000, 2001, 2000, 2001, 2000],
                               "iso3": ["A", "A", "B", "B", "C"],
                               "poc": pd.array([True, True, False, True, pd.NA], dtype="boolean"),
                               "r2p": pd.array([True, False, False, False, True], dtype="boolean"),
                               "category": ["both", "poc_only", "neither", "poc_only", pd.NA],
                               "reasons": ["r1", "r2", "r3", "r4", "r5"]})
    expert = pd.DataFrame({"gwno": [1, 1, 2, 2, 3, 9], "year": [2000, 2001, 2000, 2001, 2000, 2000],
                           "poc": [True, True, True, True, True, True], "r2p": [True, True, False, False, True, True],
                           "category": ["both", "both", "poc_only", "poc_only", "both", "both"],
                           "situations": ["a", "a", "b", "b", "c", "z"]})
    result = robustness.agreement_country_years(classified, expert)
    assert (result.n, result.unknown) == (4, 1)
    assert result.confusion.loc["both"].tolist() == [1, 0, 0, 0]
    assert result.confusion.loc["poc_only"].tolist() == [1, 1, 0, 0]
    assert result.confusion.loc["neither"].tolist() == [0, 1, 0, 0]
    # C 2000: POC missing in the panel, so out of the POC table; R2P known on both sides, so in the R2P table
    assert result.poc.values.tolist() == [[3, 0], [1, 0]]
    assert result.r2p.values.tolist() == [[2, 0], [1, 2]]
    # categories: p_o = 2/4; rows (both 1, poc_only 2, neither 1), columns (both 2, poc_only 2): p_e = (2 + 4)/16
    assert result.kappa == pytest.approx((0.5 - 0.375) / 0.625)
    assert result.kappa_poc == 0.0  # p_o = .75, p_e = (3*4 + 1*0)/16 = .75
    assert result.kappa_r2p == pytest.approx(0.32 / 0.52)  # p_o = 4/5, p_e = (2*3 + 3*2)/25 = .48
    assert result.share_agree == 0.5
    assert result.disagreements[["iso3", "year", "panel", "expert", "reasons"]].values.tolist() == [
        ["A", 2001, "poc_only", "both", "r2"], ["B", 2000, "neither", "poc_only", "r3"]]
    # the expert's gwno 9 has no panel row: reported, not dropped
    assert result.not_in_panel == 1
    assert result.not_in_panel_rows[["gwno", "year", "situations"]].values.tolist() == [[9, 2000, "z"]]


@pytest.mark.parametrize("panel_poc, panel_r2p, poc_table, r2p_table", [
    # both sides known everywhere: every row in both tables
    ([True, False], [True, False], [[1, 0], [0, 1]], [[1, 0], [0, 1]]),
    # the first row's panel R2P is missing: out of the R2P table only
    ([True, False], [None, False], [[1, 0], [0, 1]], [[0, 0], [0, 1]]),
    # the second row's panel POC is missing: out of the POC table only
    ([True, None], [True, False], [[1, 0], [0, 0]], [[1, 0], [0, 1]]),
])
def test_agreement_norm_tables_use_their_own_known_rows(panel_poc, panel_r2p, poc_table, r2p_table):
    poc, r2p = pd.array(panel_poc, dtype="boolean"), pd.array(panel_r2p, dtype="boolean")
    classified = pd.DataFrame({"gwno": [1, 2], "year": [2000, 2000], "iso3": ["A", "B"], "poc": poc, "r2p": r2p,
                               "category": panel.category_of(pd.Series(poc), pd.Series(r2p))})
    expert = pd.DataFrame({"gwno": [1, 2], "year": [2000, 2000], "poc": [True, False], "r2p": [True, False],
                           "category": ["both", "neither"], "situations": ["a", "b"]})
    result = robustness.agreement_country_years(classified, expert)
    assert result.poc.values.tolist() == poc_table and result.r2p.values.tolist() == r2p_table
    assert (result.not_in_panel, len(result.not_in_panel_rows)) == (0, 0)


def test_agreement_on_real_data():
    """Pinned real-data values: tests/regression.py (it says how to refresh them)."""
    classified = panel.classify_panel(panel.build_panel())
    result = robustness.agreement(classified, scope.classify(data.load_situations()))
    pinned = regression.PANEL_EXPERT_AGREEMENT
    assert (result.n, result.unknown) == (pinned["n"], pinned["unknown"])
    assert result.poc.values.tolist() == pinned["poc"]
    assert result.r2p.values.tolist() == pinned["r2p"]
    assert (result.kappa, result.kappa_poc, result.kappa_r2p) == pinned["kappas"]
    # Eritrea's 1991-92 (gwno 531) come before the Gleditsch-Ward list holds the state (May 1993)
    assert result.not_in_panel == 2
    assert result.not_in_panel_rows[["gwno", "year", "situations"]].values.tolist() == [
        [531, 1991, "eri-1991"], [531, 1992, "eri-1991"]]
