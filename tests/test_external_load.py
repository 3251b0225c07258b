"""analysis.external.load: checks on arrival, the shared text helpers, the memoised loader."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.external import load
from analysis.external.registry import REGISTRY, DataError
from conftest import read_as_loaded


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
        load.check_file(dataset, path)


def test_wrong_version_is_refused(tmp_path):
    dataset = REGISTRY["ucdp_acd"]
    path = _copy(dataset, tmp_path, lambda t: t.replace(",25.1\n", ",24.1\n"))
    with pytest.raises(DataError, match="holds version 24.1, expected 25.1"):
        load.check_file(dataset, path)


def test_missing_columns_are_refused(tmp_path):
    dataset = REGISTRY["pitf"]
    path = _copy(dataset, tmp_path, lambda t: t.replace("DEATHMAG", "MAGNITUDE", 1))
    with pytest.raises(DataError, match="columns missing: DEATHMAG"):
        load.check_file(dataset, path)


ACD_HEAD = "conflict_id,location,side_a,side_b,year,intensity_level,type_of_conflict,gwno_loc,version\n"


def test_explode_refuses_a_bad_code(tmp_path):
    frame = read_as_loaded(tmp_path, "ucdp_acd", ACD_HEAD + "1,X,A,B,2000,1,3,\"652, 6x2\",25.1\n")
    with pytest.raises(DataError, match=r"acd\.csv: data row 1, column gwno_loc: value '652, 6x2' is not a "
                                        r"comma-separated list of country codes"):
        load.explode_codes(frame, "gwno_loc", label="acd.csv")


def test_membership_comment_lines_skipped_and_counted(tmp_path):
    text = ("country_org,start_year,end_year,seat,note\n# a comment, with a comma\n  # indented comment\n"
            "France,1992,2023,P5,permanent\nBrazil,1993,1994,E10,seat #2 of GRULAC\n")
    frame = read_as_loaded(tmp_path, "unsc_membership", text)
    assert frame["country_org"].tolist() == ["France", "Brazil"]
    assert frame["note"].tolist() == ["permanent", "seat #2 of GRULAC"]  # a '#' inside a field is data
    assert frame.attrs["notes"] == ["2 comment lines (starting with #) skipped"]


def test_clean_text_and_decimal_comma():
    assert load.clean_text(pd.Series([" a\u200e  b ", None])).tolist() == ["a b", None]
    assert load.decimal_comma(pd.Series(["-1,5", "2"]), "f", "c").tolist() == [-1.5, 2.0]


def test_load_is_memoised_but_returns_copies():
    first = load.load("pitf")
    first.loc[0, "COUNTRY"] = "changed"
    again = load.load("pitf")
    assert again.loc[0, "COUNTRY"] == "Afghanistan"
    assert again.attrs["notes"] == ["YREND: 9999 (ongoing) set to missing in 3 rows; see column 'ongoing'"]


@pytest.mark.parametrize("key, rows", [("ucdp_acd", 2752), ("ucdp_brd", 1995), ("ucdp_osv", 1408), ("pitf", 280),
                                       ("ewp_base", 11313), ("un_pko", 81), ("unsc_vetoes", 214),
                                       ("unsc_membership", 171), ("gw_states", 216)])
def test_loaders_keep_every_row(key, rows):
    assert len(load.load(key)) == rows


def test_load_normalises_the_real_files():
    """Formerly the examples of load(): the real files, normalised."""
    pko = load.load("un_pko")
    assert float(pko.loc[pko.mission_acronym == "UNPROFOR", "mission_longitude"].iloc[0]) == 15.9833
    assert load.load("ewp_base").columns[0] == "year"
    assert load.load("unsc_membership").attrs["notes"] == ["13 comment lines (starting with #) skipped"]
