"""analysis.external.ucdp: the UCDP files' quirks, known figures, and the country-year adapters."""

from __future__ import annotations

import pandas as pd

from analysis.external import load, ucdp
from conftest import read_as_loaded


def test_known_ucdp_counts():
    acd = load.load("ucdp_acd")
    per_year = acd.groupby("year")["conflict_id"].nunique()
    assert per_year[1989] == 41 and per_year[2024] == 61


def test_syria_battle_deaths_2013():
    brd = load.load("ucdp_brd")
    assert brd[(brd["year"] == 2013) & (brd["location_inc"] == "Syria")]["bd_best"].sum() == 72016


ACD_HEAD = "conflict_id,location,side_a,side_b,year,intensity_level,type_of_conflict,gwno_loc,version\n"


def test_acd_code_lists_and_explode(tmp_path):
    frame = read_as_loaded(tmp_path, "ucdp_acd", ACD_HEAD + '13243,"Russia, Ukraine",A,B,2024,2,2,"365,369",'
                                                            "25.1\n299,Syria,A,B,2013,2,4,652,25.1\n")
    assert frame["gwno_loc"].tolist() == ["365, 369", "652"]
    assert frame.attrs["notes"] == ["gwno_loc: 1 rows hold several codes (explode with explode_codes)"]
    exploded = load.explode_codes(frame, "gwno_loc")
    assert exploded[["conflict_id", "gwno", "_row"]].values.tolist() == [[13243, 365, 0], [13243, 369, 0],
                                                                         [299, 652, 1]]


OSV_HEAD = ("actor_id,actor_name,actor_name_fulltext,actor_name_mothertongue,year,best_fatality_estimate,"
            "is_government_actor,gwno_location,version\n")


def test_osv_actor_names_cleaned(tmp_path):
    text = (OSV_HEAD + 'a1,"Government of X\u200e ","Government  of X","X\u200e",2000,30,1,"500, 501",26.1\n'
                       'a2,"IS","Islamic State\n(IS)","IS",2015,40,0,652,26.1\n')
    frame = read_as_loaded(tmp_path, "ucdp_osv", text)
    assert frame["actor_name"].tolist() == ["Government of X", "IS"]
    assert frame["actor_name_fulltext"].tolist() == ["Government of X", "Islamic State\n(IS)"]
    assert frame["actor_name_mothertongue"].tolist() == ["X", "IS"]
    assert frame["gwno_location"].tolist() == ["500, 501", "652"]
    assert len(frame) == 2


def test_ucdp_acd_names_are_stripped():
    """The publisher's file ends 'East Turkestan' with a line break (conflict 11349, 2008) and pads sides."""
    acd = load.load("ucdp_acd")
    row = acd[(acd.conflict_id == 11349) & (acd.year == 2008)]
    assert row.territory_name.tolist() == ["East Turkestan"]
    for col in ("side_a", "side_a_2nd", "side_b", "side_b_2nd", "territory_name", "location"):
        text = acd[col].dropna().astype(str)
        assert (text == text.str.strip()).all(), col
    assert any(note.startswith("territory_name: whitespace") for note in acd.attrs["notes"])
    assert sorted(acd.loc[acd.conflict_id == 11350, "year"]) == [2005, 2006]


# --------------------------------------------------------------------------- adapters on the real files
# (formerly the examples of analysis.panel's adapters)

def test_conflict_locations_2024():
    c = ucdp.conflict_locations(2024, 2024)
    assert int(c.conflict_id.nunique()) == 61
    assert sorted(c[c.conflict_id == 13243].gwno) == [365, 369]  # Russia-Ukraine


def test_battle_deaths_by_location_syria_2013():
    b = ucdp.battle_deaths_by_location(2013, 2013)
    assert int(b.loc[b.gwno == 652, "battle_deaths"].iloc[0]) == 72016


def test_one_sided_by_location_1994():
    o = ucdp.one_sided_by_location(1994, 1994)
    cols = ["osv_deaths", "osv_deaths_min", "osv_deaths_max", "osv_max_actor", "osv_max_actor_min",
            "osv_max_actor_max", "multi_actor_years"]

    def row(gwno):
        return [None if pd.isna(v) else v for v in o[o.gwno == gwno][cols].values.tolist()[0]]

    assert row(517) == [None, 0, 770954, None, 0, 759800, 3]  # Rwanda
    assert row(432) == [593, 593, 593, 251, 251, 251, 0]  # Mali
    assert row(475) == [None, 56, 111, 56, 56, 56, 1]  # Nigeria
