"""analysis.external.un: the missions list's decimal commas and the Security Council's vetoes by country."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.external import un
from analysis.external.registry import DataError
from conftest import read_as_loaded

PKO_HEAD = "id,mission_acronym,mission_name,start_date,end_date,mission_longitude,mission_latitude\n"


def test_pko_decimal_commas(tmp_path):
    frame = read_as_loaded(tmp_path, "un_pko", PKO_HEAD
                           + '11,UNPROFOR,Protection Force,1992-02-01,1995-03-01,"15,9833","45,8167"\n'
                           + "1,UNYOM,Yemen Observation,1963-07-01,1964-09-01,,\n")
    assert frame["mission_longitude"].tolist()[0] == 15.9833
    assert frame["mission_latitude"].tolist()[0] == 45.8167
    assert frame["mission_longitude"].isna().tolist() == [False, True]
    assert len(frame) == 2


def test_pko_bad_coordinate_is_named(tmp_path):
    with pytest.raises(DataError, match=r"^un_pko/DPPADPOSS-PKO\.csv: data row 1, column mission_longitude: "
                                        r"value '15;98' is not a number"):
        read_as_loaded(tmp_path, "un_pko", PKO_HEAD + '2,X,Y,2000-01-01,,"15;98","1,0"\n')


# --------------------------------------------------------------------------- vetoes

@pytest.fixture(scope="module")
def vetoes():
    return un.council_vetoes()


def test_vetoes_keep_every_row(vetoes):
    # 214 drafts in the file; India-Pakistan (5 rows) maps to two countries, so 219 rows
    assert len(vetoes) == 219
    assert vetoes["record"].nunique() == 214 and vetoes["record"].max() == 214
    assert list(vetoes.columns[:7]) == ["year", "date", "draft", "agenda_item", "iso3", "gwno", "vetoing"]


def test_syria_vetoes_2011_2022(vetoes):
    syria = vetoes[(vetoes["iso3"] == "SYR") & vetoes["year"].between(2011, 2022)]
    assert len(syria) == 17
    assert set(syria["gwno"]) == {652}
    assert syria["vetoing"].value_counts().to_dict() == {"China;Russia": 10, "Russia": 7}


@pytest.mark.parametrize("draft, year, date, iso3, gwno, vetoing", [
    ("S/2007/14", 2007, "2007-01-12", "MMR", 775, "China;Russia"),
    ("S/2008/447", 2008, "2008-07-11", "ZWE", 552, "China;Russia"),
    ("S/1994/1358", 1994, "1994-12-02", "BIH", 346, "Russia"),
    ("S/2022/155", 2022, "2022-02-25", "UKR", 369, "Russia"),
    ("S/2018/516", 2018, "2018-06-01", "PSE", 666, "USA"),
    ("S/20378", 1989, "1989-01-11", "LBY", 620, "France;UK;USA"),
    ("S/2018/156", 2018, "2018-02-26", "YEM", 678, "Russia"),
    ("S/4523", 1960, "1960-09-17", "COD", 490, "USSR"),
])
def test_known_vetoes(vetoes, draft, year, date, iso3, gwno, vetoing):
    row = vetoes[vetoes["draft"] == draft]
    assert len(row) == 1
    row = row.iloc[0]
    assert (row["year"], row["date"], row["iso3"], row["gwno"], row["vetoing"]) == (
        year, pd.Timestamp(date), iso3, gwno, vetoing)


def test_thematic_vetoes_have_no_country(vetoes):
    thematic = vetoes[vetoes["basis"] == "thematic"]
    assert thematic["iso3"].isna().all() and thematic["gwno"].isna().all()
    assert len(thematic) == 54
    assert sorted(thematic.loc[thematic["year"] >= 1989, "draft"]) == ["S/2020/852", "S/2021/990"]
    # admission of Angola (1976) is thematic although the file's topic is "Angola"
    assert vetoes.loc[vetoes["draft"] == "S/12110", "basis"].tolist() == ["thematic"]


def test_india_pakistan_maps_to_both(vetoes):
    assert vetoes.loc[vetoes["draft"] == "S/10416", "iso3"].tolist() == ["IND", "PAK"]


def test_council_vetoes_examples(vetoes):
    """Formerly the examples of analysis.panel.council_vetoes."""
    assert vetoes[vetoes.draft == "S/2007/14"][["year", "iso3", "gwno", "vetoing"]].values.tolist() == [
        [2007, "MMR", 775, "China;Russia"]]
    assert int((vetoes[(vetoes.year >= 2011) & (vetoes.iso3 == "SYR")]).draft.nunique()) == 17
