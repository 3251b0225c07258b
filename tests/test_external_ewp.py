"""analysis.external.ewp: the EWP base data's quirk, a known figure, and the adapter."""

from __future__ import annotations

import pytest

from analysis.external import ewp, load
from analysis.external.registry import DataError
from conftest import read_as_loaded


def test_ewp_ongoing_2024():
    base = load.load("ewp_base")
    assert base[(base["year"] == 2024) & (base["mk_ongoing"] == 1)]["country"].nunique() == 14


EWP_HEAD = '"","year","country","ccode","mk_ongoing","mk_onset","mk_offset"\n'


def test_ewp_unnamed_index_dropped(tmp_path):
    frame = read_as_loaded(tmp_path, "ewp_base",
                           EWP_HEAD + '"1",2023,"Sudan",625,1,0,0\n"2",2024,"Sudan",625,1,0,0\n')
    assert list(frame.columns) == ["year", "country", "ccode", "mk_ongoing", "mk_onset", "mk_offset"]
    assert len(frame) == 2
    assert frame.attrs["notes"] == ["unnamed row-index column 'Unnamed: 0' dropped"]


def test_ewp_index_that_is_not_a_row_number_is_refused(tmp_path):
    with pytest.raises(DataError, match=r"data row 2, column 'Unnamed: 0': value 7 is not the row number 2"):
        read_as_loaded(tmp_path, "ewp_base",
                       EWP_HEAD + '"1",2023,"Sudan",625,1,0,0\n"7",2024,"Sudan",625,1,0,0\n')


def test_ewp_mass_killing_2024():
    """Formerly the example of analysis.panel.ewp_mass_killing."""
    assert int(ewp.ewp_mass_killing(2024, 2024).mass_killing.sum()) == 14
