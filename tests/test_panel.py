"""The country-year panel: indicators against published figures, proxy rules, agreement."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import panel
from analysis.external import ucdp

# --------------------------------------------------------------------------- the panel against published figures

@pytest.fixture(scope="module")
def built():
    return panel.build_panel()


@pytest.fixture(scope="module")
def classified(built):
    return panel.classify_panel(built)


def test_columns_and_one_row_per_country_year(built):
    assert tuple(built.columns) == panel.COLUMNS
    assert not built.duplicated(["gwno", "year"]).any()
    assert built.groupby("year").size()[[1989, 1992, 2011, 2024]].tolist() == [151, 168, 174, 174]
    assert len(built) == 6150


@pytest.mark.parametrize("year, conflicts", [(1989, 41), (2024, 61)])
def test_active_conflicts_as_ucdp_counts_them(built, year, conflicts):
    located = ucdp.conflict_locations(1989, 2024)
    assert located[located["year"] == year]["conflict_id"].nunique() == conflicts
    # every conflict lands on a panel country-year marked active
    active = built[built["conflict_active"].fillna(False)][["gwno", "year"]]
    landed = located.merge(active, on=["gwno", "year"])
    assert landed[landed["year"] == year]["conflict_id"].nunique() == conflicts


def test_ewp_fourteen_ongoing_in_2024(built):
    assert int(built.loc[built["year"] == 2024, "mass_killing"].sum()) == 14


def test_syria_battle_deaths_2013(built):
    row = built[(built["gwno"] == 652) & (built["year"] == 2013)]
    assert row["battle_deaths"].tolist() == [72016]
    assert row["conflict_intensity"].tolist() == [2]


def test_pitf_missing_after_2014_never_false(built):
    assert built.loc[built["year"] > 2014, "genocide_politicide"].isna().all()
    assert built.loc[built["year"] <= 2014, "genocide_politicide"].notna().all()
    assert built.loc[(built["gwno"] == 625) & built["year"].between(2003, 2011), "genocide_politicide"].all()


@pytest.mark.parametrize("r2p_source, expected", [("any", True), ("ewp", True), ("pitf", True), ("osv", None)])
def test_rwanda_1994_r2p(built, r2p_source, expected):
    rwanda = built[(built["gwno"] == 517) & (built["year"] == 1994)]
    out = panel.classify_panel(rwanda, panel.ProxyRules(r2p_source=r2p_source)).iloc[0]
    # the one-sided deaths of 1994 (Government of Rwanda 759,800) are listed across three countries: share unknown
    assert (None if pd.isna(out["r2p"]) else bool(out["r2p"])) is expected


@pytest.mark.parametrize("gwno, year, column, expected", [
    (652, 2012, "council_veto", True), (652, 2022, "council_veto", True), (369, 2022, "council_veto", True),
    (220, 2021, "council_veto", False), (220, 2022, "council_veto", None), (652, 2023, "council_veto", None),
    (666, 2018, "council_veto", True), (775, 2007, "council_veto", True), (552, 2008, "council_veto", True),
    (490, 1999, "poc_mission", False), (490, 2000, "poc_mission", True), (626, 2011, "poc_mission", True),
    (660, 2005, "poc_mission", False), (660, 2006, "poc_mission", True),
    (713, 2024, "mass_killing", None), (517, 1994, "mass_killing", True),
    (2, 2015, "osv_max_actor", None), (517, 1994, "osv_deaths", None),
    # bounds where UCDP does not split a multi-country actor-year: IS 2015 (6,335 over 19 countries),
    # the Government of Rwanda 1994 (759,800 over three), Liberia 1994 (the largest single-country actor 1,165)
    (2, 2015, "osv_deaths_min", 0), (2, 2015, "osv_deaths_max", 6335), (2, 2015, "osv_max_actor_max", 6335),
    (517, 1994, "osv_deaths_min", 0), (517, 1994, "osv_deaths_max", 770954),
    (517, 1994, "osv_max_actor_max", 759800), (450, 1994, "osv_max_actor_min", 1165),
    (450, 1994, "osv_max_actor_max", 1357), (450, 1994, "osv_max_actor", None),
    (432, 1994, "osv_deaths", 593), (432, 1994, "osv_deaths_min", 593), (432, 1994, "osv_deaths_max", 593),
    (340, 2024, "osv_deaths_max", 0), (200, 2024, "osv_max_actor_min", 0),
    (345, 2006, "conflict_active", False), (340, 2024, "battle_deaths", 0),
])
def test_indicator_values(built, gwno, year, column, expected):
    value = built.loc[(built["gwno"] == gwno) & (built["year"] == year), column]
    assert len(value) == 1
    value = value.iloc[0]
    assert (None if pd.isna(value) else value) == expected


def test_build_notes_report_set_aside_rows(built):
    assert built.attrs["notes"][-1] == ("EWP base data: 2 rows outside the Gleditsch-Ward spine set aside "
                                        "(344 1991, 349 1991)")
    assert built.attrs["notes"][0].startswith("UCDP one-sided violence: 510 country-years touched")
    assert built.attrs["coverage"]["genocide_politicide"] == (1956, 2014)


def test_default_shares_2024(classified):
    # a regression guard on the default rules, not a published figure
    row = panel.shares(classified, "year").set_index("group").loc[2024]
    assert row[["both", "poc_only", "r2p_only", "neither", "total", "unknown"]].tolist() == [13, 20, 1, 120, 154, 20]


def test_osv_bounds_are_exact_where_known_and_ordered(built):
    for column in ("osv_deaths", "osv_max_actor"):
        low, high, exact = built[f"{column}_min"], built[f"{column}_max"], built[column]
        assert low.notna().equals(high.notna()) and (low <= high).all()
        assert (exact.notna() == (low == high)).all() and (exact.dropna() == low[exact.notna()]).all()
    # 510 country-years touched by a multi-country actor-year leave the total open, 453 the one-actor maximum
    assert int(built["osv_deaths"].isna().sum()) == 510
    assert int(built["osv_max_actor"].isna().sum()) == 453


def test_osv_bounds_settle_real_country_years(built):
    # of the 510 open totals, 194 reach 25 on the single-country actors alone and none stays below 25 at most;
    # of the 453 open one-actor maxima, 5 reach 1,000 on a single-country actor and 227 stay below 1,000
    total = built[built["osv_deaths"].isna()]
    assert (len(total), int((total["osv_deaths_min"] >= 25).sum()), int((total["osv_deaths_max"] < 25).sum())) == (
        510, 194, 0)
    top = built[built["osv_max_actor"].isna()]
    settled = top[top["osv_max_actor_min"] >= 1000]
    assert (len(top), len(settled), int((top["osv_max_actor_max"] < 1000).sum())) == (453, 5, 227)
    assert sorted(zip(settled["iso3"], settled["year"])) == [("COD", 1996), ("COD", 1997), ("ETH", 2021),
                                                             ("LBR", 1994), ("LBR", 1995)]


def test_default_rules_unknowns(classified):
    # before the OSV bounds (review F5) 652 categories were unknown (POC 141, R2P 634)
    assert int(classified["category"].isna().sum()) == 588
    assert (int(classified["poc"].isna().sum()), int(classified["r2p"].isna().sum())) == (124, 500)
    liberia = classified[(classified["gwno"] == 450) & (classified["year"] == 1994)].iloc[0]
    assert liberia["category"] == "both"
    assert liberia["reasons"] == ("POC: one-sided deaths at least 2,313 (not split by country); "
                                  "R2P: one actor's one-sided deaths at least 1,165 (not split by country)")


def test_country_years_sorted(classified):
    both = panel.country_years(classified, "both")
    assert both == sorted(both)
    assert ("SYR", 2013, 652) in both and ("RWA", 1994, 517) in both
    with pytest.raises(ValueError, match="'war' is not one of both, poc_only, r2p_only, neither"):
        panel.country_years(classified, "war")


# --------------------------------------------------------------------------- proxy rules on hand-built rows

BASE = dict(gwno=1, iso3="AAA", year=2000, conflict_intensity=0, poc_mission=False, osv_deaths=0, osv_max_actor=0,
            mass_killing=False, genocide_politicide=False)


def _one(rules=panel.ProxyRules(), coverage=None, **changes):
    row = {**BASE, **changes}
    frame = pd.DataFrame([row]).astype({"conflict_intensity": "Int64", "osv_deaths": "Int64", "osv_max_actor": "Int64",
                                        "poc_mission": "boolean", "mass_killing": "boolean",
                                        "genocide_politicide": "boolean"})
    out = panel.classify_panel(frame, rules, coverage if coverage is not None else {}).iloc[0]
    as_py = lambda v: None if pd.isna(v) else (bool(v) if not isinstance(v, str) else v)  # noqa: E731
    return as_py(out["poc"]), as_py(out["r2p"]), as_py(out["category"]), out["reasons"]


@pytest.mark.parametrize("changes, rules, poc, r2p", [
    ({}, {}, False, False),
    ({"conflict_intensity": 1}, {}, True, False),
    ({"conflict_intensity": 1}, {"min_intensity": 2}, False, False),
    ({"conflict_intensity": 2}, {"min_intensity": 2}, True, False),
    ({"poc_mission": True}, {}, True, False),
    ({"poc_mission": True}, {"poc_mission": False}, False, False),
    ({"osv_deaths": 25}, {}, True, False),
    ({"osv_deaths": 24}, {}, False, False),
    ({"osv_deaths": 100}, {"osv_poc_min": None}, False, False),
    ({"osv_max_actor": 1000}, {}, False, True),
    ({"osv_max_actor": 999}, {}, False, False),
    ({"osv_max_actor": 600}, {"osv_r2p_min": 500}, False, True),
    ({"osv_max_actor": 5000}, {"osv_r2p_min": None}, False, False),
    ({"mass_killing": True}, {}, False, True),
    ({"mass_killing": True}, {"r2p_source": "pitf"}, False, False),
    ({"genocide_politicide": True}, {"r2p_source": "ewp"}, False, False),
    ({"genocide_politicide": True}, {"r2p_source": "pitf"}, False, True),
    ({"osv_max_actor": 2000, "mass_killing": True}, {"r2p_source": "osv"}, False, True),
    # missing values: True OR missing = True, False OR missing = missing
    ({"mass_killing": None}, {}, False, None),
    ({"mass_killing": None, "genocide_politicide": True}, {}, False, True),
    ({"mass_killing": None}, {"r2p_source": "pitf"}, False, False),
    ({"conflict_intensity": None}, {}, None, False),
    ({"conflict_intensity": None, "poc_mission": True}, {}, True, False),
    ({"conflict_intensity": None}, {"min_intensity": 2}, None, False),
    ({"osv_deaths": None, "osv_max_actor": None}, {}, None, None),
    ({"osv_deaths": None, "osv_max_actor": None, "conflict_intensity": 2, "mass_killing": True}, {}, True, True),
])
def test_rules(changes, rules, poc, r2p):
    got_poc, got_r2p, category, _ = _one(panel.ProxyRules(**rules), **changes)
    assert (got_poc, got_r2p) == (poc, r2p)
    names = {(True, True): "both", (True, False): "poc_only", (False, True): "r2p_only", (False, False): "neither"}
    expected = None if poc is None or r2p is None else names[(poc, r2p)]
    assert category == expected


# one-sided deaths left open by a multi-country actor: (exact, min, max) of the total and of the one-actor maximum
def _osv(deaths, top):
    (exact, low, high), (top_exact, top_low, top_high) = deaths, top
    return {"osv_deaths": exact, "osv_deaths_min": low, "osv_deaths_max": high,
            "osv_max_actor": top_exact, "osv_max_actor_min": top_low, "osv_max_actor_max": top_high}


@pytest.mark.parametrize("deaths, top, poc, r2p, reasons", [
    # known: the bounds meet, the exact value decides
    ((40, 40, 40), (1200, 1200, 1200), True, True,
     "POC: one-sided deaths 40; R2P: one actor's one-sided deaths 1,200"),
    ((10, 10, 10), (10, 10, 10), False, False, "POC: none; R2P: none"),
    # settled by the minimum: the single-country actors alone reach the threshold
    ((None, 30, 5000), (None, 1000, 4000), True, True,
     "POC: one-sided deaths at least 30 (not split by country); "
     "R2P: one actor's one-sided deaths at least 1,000 (not split by country)"),
    # settled by the maximum: even the whole multi-country totals stay below it
    ((None, 3, 24), (None, 3, 999), False, False, "POC: none; R2P: none"),
    # still unknown: the threshold lies between the bounds
    ((None, 3, 25), (None, 3, 1000), None, None,
     "POC: unknown (missing: one-sided deaths between 3 and 25); "
     "R2P: unknown (missing: one actor's one-sided deaths between 3 and 1,000)"),
    # mixed: POC settled by the minimum, R2P still open
    ((None, 600, 9000), (None, 600, 8000), True, None,
     "POC: one-sided deaths at least 600 (not split by country); "
     "R2P: unknown (missing: one actor's one-sided deaths between 600 and 8,000)"),
    # no bounds at all (outside coverage in a hand-built frame): unknown, as before
    ((None, None, None), (None, None, None), None, None,
     "POC: unknown (missing: one-sided deaths); R2P: unknown (missing: one actor's one-sided deaths)"),
])
def test_rules_on_osv_bounds(deaths, top, poc, r2p, reasons):
    row = {**BASE, **_osv(deaths, top)}
    frame = pd.DataFrame([row]).astype({c: "Int64" for c in ("conflict_intensity", "osv_deaths", "osv_max_actor",
                                                              *ucdp.OSV_BOUNDS)})
    frame = frame.astype({"poc_mission": "boolean", "mass_killing": "boolean", "genocide_politicide": "boolean"})
    out = panel.classify_panel(frame, coverage_years={}).iloc[0]
    as_py = lambda v: None if pd.isna(v) else bool(v)  # noqa: E731
    assert (as_py(out["poc"]), as_py(out["r2p"]), out["reasons"]) == (poc, r2p, reasons)


@pytest.mark.parametrize("rules, deaths, top, poc, r2p", [
    # the thresholds move with the rules; the bounds stay
    ({"osv_poc_min": 100}, (None, 30, 99), (None, 30, 99), False, False),
    ({"osv_poc_min": 100}, (None, 30, 100), (None, 30, 99), None, False),
    ({"osv_r2p_min": 500}, (None, 30, 5000), (None, 500, 800), True, True),
    ({"osv_poc_min": None, "osv_r2p_min": None}, (None, 3, 5000), (None, 3, 5000), False, False),
    ({"r2p_source": "osv"}, (None, 3, 5000), (None, 3, 5000), None, None),
])
def test_osv_bounds_follow_the_rules(rules, deaths, top, poc, r2p):
    got = _one(panel.ProxyRules(**rules), **_osv(deaths, top))
    assert got[:2] == (poc, r2p)


def test_osv_bounds_out_of_order_refused():
    with pytest.raises(ValueError, match=r"row 0, column osv_deaths_min: value 50 is above osv_deaths_max 20"):
        _one(**_osv((None, 50, 20), (None, 5, 5)))


@pytest.mark.parametrize("rules, r2p, reasons", [
    ({}, False, "POC: none; R2P: none"),
    ({"coverage": "strict"}, None, "POC: none; R2P: unknown (missing: PITF genocide/politicide)"),
    ({"r2p_source": "pitf"}, None, "POC: none; R2P: unknown (no source covers the year)"),
    ({"r2p_source": "ewp"}, False, "POC: none; R2P: none"),
])
def test_sources_outside_their_years(rules, r2p, reasons):
    cov = {"genocide_politicide": (1956, 2014)}
    got = _one(panel.ProxyRules(**rules), cov, year=2020, genocide_politicide=None)
    assert (got[1], got[3]) == (r2p, reasons)


def test_reasons_name_the_triggers():
    got = _one(conflict_intensity=2, poc_mission=True, osv_deaths=1500, osv_max_actor=1200, mass_killing=True)
    assert got[3] == ("POC: conflict (intensity 2), POC mission, one-sided deaths 1,500; "
                      "R2P: EWP mass killing, one actor's one-sided deaths 1,200")


@pytest.mark.parametrize("kwargs, message", [
    ({"min_intensity": 3}, "min_intensity: 3 is not 1 or 2"),
    ({"r2p_source": "icc"}, "r2p_source: 'icc' is not one of any, ewp, pitf, osv"),
    ({"coverage": "loose"}, "coverage: 'loose' is not one of available, strict"),
    ({"osv_poc_min": 0}, "osv_poc_min: 0 is not a positive integer or None"),
    ({"r2p_source": "osv", "osv_r2p_min": None}, "r2p_source='osv' needs osv_r2p_min"),
])
def test_rules_refuse_bad_values(kwargs, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        panel.ProxyRules(**kwargs)


def test_describe_non_default():
    assert panel.ProxyRules(min_intensity=2, poc_mission=False, osv_poc_min=None, r2p_source="ewp",
                            coverage="strict").describe() == (
        "POC: conflict (intensity >= 2, war, 1,000+ battle deaths); R2P: EWP mass killing; "
        "sources outside their years count as missing")


def test_classify_keeps_input_and_adds_results(built):
    sample = built[built["year"] == 2000]
    out = panel.classify_panel(sample)
    assert list(out.columns) == list(panel.COLUMNS) + list(panel.RESULT_COLUMNS)
    pd.testing.assert_frame_equal(out[list(panel.COLUMNS)], sample)


# --------------------------------------------------------------------------- outputs and agreement

def test_shares_tiny():
    frame = pd.DataFrame({"region": ["Africa", "Africa", "Europe", "Europe", "Europe"],
                          "category": ["both", "poc_only", "neither", "neither", pd.NA]})
    table = panel.shares(frame, "region")
    assert table[["group", "both", "poc_only", "neither", "total", "unknown"]].values.tolist() == [
        ["Africa", 1, 1, 0, 2, 0], ["Europe", 0, 0, 2, 2, 1]]
    assert table["share_both"].tolist() == [0.5, 0.0]
    overall = panel.shares(frame, None)
    assert overall[["group", "total", "unknown", "share_neither"]].values.tolist() == [["all", 4, 1, 0.5]]


@pytest.mark.parametrize("by, groups", [("year", [2000, 2001]), (None, ["all"])])
def test_shares_nothing_known_stays_missing(by, groups):
    frame = pd.DataFrame({"year": [2000, 2001, 2001], "category": ["both", None, None]})
    if by is None:
        frame = frame.iloc[1:]
    table = panel.shares(frame, by)
    assert table["group"].tolist() == groups
    last = table.iloc[-1]
    assert last[["both", "poc_only", "r2p_only", "neither", "total", "unknown"]].tolist() == [0, 0, 0, 0, 0, 2]
    shares = [f"share_{c}" for c in ("both", "poc_only", "r2p_only", "neither")]
    assert table[shares].iloc[-1].isna().all()  # no 0 % where nothing is classified
    counts = ["both", "poc_only", "r2p_only", "neither", "total", "unknown"]
    assert (table[counts].dtypes == "int64").all()
    if by == "year":
        assert table.iloc[0][shares].tolist() == [1.0, 0.0, 0.0, 0.0]


def test_expert_country_years_combines_situations():
    situations = pd.DataFrame({"situation_id": ["x-war", "x-atrocity", "y"], "gwno": [500, 500, 501],
                               "start_year": [1985, 1994, 2000], "end_year": [1995, 1994, pd.NA],
                               "poc": [True, False, False], "r2p": [False, True, False]})
    out = panel.expert_country_years(situations, 1989, 2001)
    assert len(out) == 7 + 2
    assert out[out["year"] == 1994][["gwno", "poc", "r2p", "category", "situations"]].values.tolist() == [
        [500, True, True, "both", "x-atrocity;x-war"]]
    assert out[out["gwno"] == 501]["category"].tolist() == ["neither", "neither"]


# --------------------------------------------------------------------------- the Council's columns

COUNCIL = ["council_resolutions", "council_chapter_vii", "council_poc", "council_r2p", "council_vetoed"]


@pytest.mark.parametrize("iso3, year, expected", [
    ("LBY", 2011, [6, 4, 3, 1, 0]),      # 1970 (referral, R2P), 1973 (POC mandate, force), 2009, 2016, 2017, 2022
    ("SYR", 2012, [5, 0, 1, 0, 2]),      # two vetoed drafts (S/2012/77, S/2012/538)
    ("KEN", 2007, [0, 0, 0, 0, 0]),      # no decision names Kenya: zeros, not missing
    ("RWA", 1994, [10, None, None, None, 0]),  # no texts of 1994: the flags are unknown, never 0
])
def test_council_columns_on_known_country_years(built, iso3, year, expected):
    row = built.loc[(built["iso3"] == iso3) & (built["year"] == year), COUNCIL].iloc[0]
    assert [None if pd.isna(v) else int(v) for v in row] == expected


def test_council_flag_counts_missing_only_where_texts_are(built):
    missing = built[built["council_chapter_vii"].isna()]
    assert set(missing["year"]) <= set(range(1994, 2000)) | {2021, 2024}  # 900-1284; 2589 (2021), 2762 (2024)
    assert (missing["council_resolutions"] > 0).all()
    assert built[["council_resolutions", "council_vetoed"]].notna().all().all()
    assert (built["council_chapter_vii"] <= built["council_resolutions"]).dropna().all()
