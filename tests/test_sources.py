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
    # 500 physical lines are 498 rows: the header, and one quoted name that holds a line break
    path = _copy(dataset, tmp_path, lambda t: "\n".join(t.splitlines()[:500]) + "\n")
    with pytest.raises(DataError, match=r"498 rows, expected 2700-2800 .*ucdp\.uu\.se"):
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


# --------------------------------------------------------------------------- normalisers, on small hand-written files

def _read(tmp_path, key, text: str | bytes):
    """Write *text* as the dataset's file under tmp_path and read it as load() would (row-count check relaxed)."""
    from dataclasses import replace

    dataset = replace(REGISTRY[key], rows=(1, 100))
    path = tmp_path / "file.csv"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return sources.normalise(key, sources.check_file(dataset, path))


ACD_HEAD = "conflict_id,location,side_a,side_b,year,intensity_level,type_of_conflict,gwno_loc,version\n"


def test_acd_code_lists_and_explode(tmp_path):
    frame = _read(tmp_path, "ucdp_acd", ACD_HEAD + '13243,"Russia, Ukraine",A,B,2024,2,2,"365,369",25.1\n'
                                                  "299,Syria,A,B,2013,2,4,652,25.1\n")
    assert frame["gwno_loc"].tolist() == ["365, 369", "652"]
    assert frame.attrs["notes"] == ["gwno_loc: 1 rows hold several codes (explode with explode_codes)"]
    exploded = sources.explode_codes(frame, "gwno_loc")
    assert exploded[["conflict_id", "gwno", "_row"]].values.tolist() == [[13243, 365, 0], [13243, 369, 0],
                                                                         [299, 652, 1]]


def test_explode_refuses_a_bad_code(tmp_path):
    frame = _read(tmp_path, "ucdp_acd", ACD_HEAD + "1,X,A,B,2000,1,3,\"652, 6x2\",25.1\n")
    with pytest.raises(DataError, match=r"acd\.csv: data row 1, column gwno_loc: value '652, 6x2' is not a "
                                        r"comma-separated list of country codes"):
        sources.explode_codes(frame, "gwno_loc", label="acd.csv")


PKO_HEAD = "id,mission_acronym,mission_name,start_date,end_date,mission_longitude,mission_latitude\n"


def test_pko_decimal_commas(tmp_path):
    frame = _read(tmp_path, "un_pko", PKO_HEAD
                  + '11,UNPROFOR,Protection Force,1992-02-01,1995-03-01,"15,9833","45,8167"\n'
                  + "1,UNYOM,Yemen Observation,1963-07-01,1964-09-01,,\n")
    assert frame["mission_longitude"].tolist()[0] == 15.9833
    assert frame["mission_latitude"].tolist()[0] == 45.8167
    assert frame["mission_longitude"].isna().tolist() == [False, True]
    assert len(frame) == 2


def test_pko_bad_coordinate_is_named(tmp_path):
    with pytest.raises(DataError, match=r"^un_pko/DPPADPOSS-PKO\.csv: data row 1, column mission_longitude: "
                                        r"value '15;98' is not a number"):
        _read(tmp_path, "un_pko", PKO_HEAD + '2,X,Y,2000-01-01,,"15;98","1,0"\n')


def test_membership_comment_lines_skipped_and_counted(tmp_path):
    text = ("country_org,start_year,end_year,seat,note\n# a comment, with a comma\n  # indented comment\n"
            "France,1992,2023,P5,permanent\nBrazil,1993,1994,E10,seat #2 of GRULAC\n")
    frame = _read(tmp_path, "unsc_membership", text)
    assert frame["country_org"].tolist() == ["France", "Brazil"]
    assert frame["note"].tolist() == ["permanent", "seat #2 of GRULAC"]  # a '#' inside a field is data
    assert frame.attrs["notes"] == ["2 comment lines (starting with #) skipped"]


PITF_HEAD = "COUNTRY,SCODE,CCODE,YEAR,MOBEGIN,YRBEGIN,MOEND,YREND,PTYPE,DEATHMAG\n"


def test_pitf_yrend_9999_is_ongoing(tmp_path):
    frame = _read(tmp_path, "pitf", PITF_HEAD + "Iraq,IRQ,645,2014,6,2014,99,9999,1,1.0\n"
                                                "Rwanda,RWA,517,1994,4,1994,7,1994,3,5.0\n")
    assert frame["YREND"].isna().tolist() == [True, False]
    assert frame["YREND"].iloc[1] == 1994
    assert frame["ongoing"].tolist() == [True, False]
    assert frame.attrs["notes"] == ["YREND: 9999 (ongoing) set to missing in 1 rows; see column 'ongoing'"]


EWP_HEAD = '"","year","country","ccode","mk_ongoing","mk_onset","mk_offset"\n'


def test_ewp_unnamed_index_dropped(tmp_path):
    frame = _read(tmp_path, "ewp_base", EWP_HEAD + '"1",2023,"Sudan",625,1,0,0\n"2",2024,"Sudan",625,1,0,0\n')
    assert list(frame.columns) == ["year", "country", "ccode", "mk_ongoing", "mk_onset", "mk_offset"]
    assert len(frame) == 2
    assert frame.attrs["notes"] == ["unnamed row-index column 'Unnamed: 0' dropped"]


def test_ewp_index_that_is_not_a_row_number_is_refused(tmp_path):
    with pytest.raises(DataError, match=r"data row 2, column 'Unnamed: 0': value 7 is not the row number 2"):
        _read(tmp_path, "ewp_base", EWP_HEAD + '"1",2023,"Sudan",625,1,0,0\n"7",2024,"Sudan",625,1,0,0\n')


OSV_HEAD = ("actor_id,actor_name,actor_name_fulltext,actor_name_mothertongue,year,best_fatality_estimate,"
            "is_government_actor,gwno_location,version\n")


def test_osv_actor_names_cleaned(tmp_path):
    text = (OSV_HEAD + 'a1,"Government of X\u200e ","Government  of X","X\u200e",2000,30,1,"500, 501",26.1\n'
                       'a2,"IS","Islamic State\n(IS)","IS",2015,40,0,652,26.1\n')
    frame = _read(tmp_path, "ucdp_osv", text)
    assert frame["actor_name"].tolist() == ["Government of X", "IS"]
    assert frame["actor_name_fulltext"].tolist() == ["Government of X", "Islamic State\n(IS)"]
    assert frame["actor_name_mothertongue"].tolist() == ["X", "IS"]
    assert frame["gwno_location"].tolist() == ["500, 501", "652"]
    assert len(frame) == 2


def test_gw_states_codes_are_integers(tmp_path):
    text = "gwcode,stateabb,statename,startdate,enddate\n626.0,SSD,South Sudan,2011-07-09,2017-12-31\n"
    frame = _read(tmp_path, "gw_states", text)
    assert frame["gwcode"].tolist() == [626] and str(frame["gwcode"].dtype) == "int64"
    with pytest.raises(DataError, match=r"data row 1, column gwcode: value 'x' is not an integer code"):
        _read(tmp_path, "gw_states", text.replace("626.0", "x"))


def test_clean_text_and_decimal_comma():
    assert sources.clean_text(pd.Series([" a\u200e  b ", None])).tolist() == ["a b", None]
    assert sources.decimal_comma(pd.Series(["-1,5", "2"]), "f", "c").tolist() == [-1.5, 2.0]


def test_load_is_memoised_but_returns_copies():
    first = sources.load("pitf")
    first.loc[0, "COUNTRY"] = "changed"
    again = sources.load("pitf")
    assert again.loc[0, "COUNTRY"] == "Afghanistan"
    assert again.attrs["notes"] == ["YREND: 9999 (ongoing) set to missing in 3 rows; see column 'ongoing'"]


@pytest.mark.parametrize("key, rows", [("ucdp_acd", 2752), ("ucdp_brd", 1995), ("ucdp_osv", 1408), ("pitf", 280),
                                       ("ewp_base", 11313), ("un_pko", 81), ("unsc_vetoes", 214),
                                       ("unsc_membership", 171), ("gw_states", 216)])
def test_loaders_keep_every_row(key, rows):
    assert len(sources.load(key)) == rows


def test_data_cards_are_the_committed_readme():
    """data/external/README.md is the generated data cards, one per registered dataset."""
    from analysis import paths

    text = (paths.DATA_EXTERNAL / "README.md").read_text(encoding="utf-8")
    assert text == sources.data_cards()
    assert text.count("\n## ") == len(sources.REGISTRY)
    assert "- **Cite:** gleditsch2002armed, davies2025organized" in sources.data_card("ucdp_acd")


def test_ucdp_acd_names_are_stripped():
    """The publisher's file ends 'East Turkestan' with a line break (conflict 11349, 2008) and pads sides."""
    acd = sources.load("ucdp_acd")
    row = acd[(acd.conflict_id == 11349) & (acd.year == 2008)]
    assert row.territory_name.tolist() == ["East Turkestan"]
    for col in ("side_a", "side_a_2nd", "side_b", "side_b_2nd", "territory_name", "location"):
        text = acd[col].dropna().astype(str)
        assert (text == text.str.strip()).all(), col
    assert any(note.startswith("territory_name: whitespace") for note in acd.attrs["notes"])
    assert sorted(acd.loc[acd.conflict_id == 11350, "year"]) == [2005, 2006]
