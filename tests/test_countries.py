"""Golden tests for the country-code traps."""

import pandas as pd
import pytest

from analysis.external import countries, load
from analysis.external.registry import DataError
from conftest import read_as_loaded


@pytest.mark.parametrize("iso3, year, gw", [
    ("COD", 2000, {490}), ("COG", 1997, {484}),
    ("SDN", 2015, {625}), ("SSD", 2015, {626}), ("SSD", 2005, {625}),
    ("SRB", 1999, {345}), ("SRB", 2010, {340}), ("XKX", 1999, {345}), ("XKX", 2010, {347}),
    ("RUS", 1995, {365}),
    ("YEM", 2015, {678}), ("YEM", 1989, {680}),
    ("DEU", 2000, {260}),
    ("VNM", 1990, {816}),
    ("ETH", 2000, {530}), ("ERI", 2000, {531}), ("ERI", 1990, {530}),
    ("TLS", 1999, {850}), ("TLS", 2006, {860}),
    ("PSE", 2014, {666}),
    ("HRV", 1991, {345}), ("HRV", 1993, {344}),
])
def test_gw_codes(iso3, year, gw):
    assert countries.gw_codes(iso3, year) == gw


@pytest.mark.parametrize("gw, iso3", [(490, "COD"), (484, "COG"), (625, "SDN"), (626, "SSD"), (365, "RUS"),
                                      (678, "YEM"), (680, "YEM"), (816, "VNM"), (260, "DEU"), (265, "DEU"),
                                      (860, "TLS"), (531, "ERI"), (530, "ETH"), (345, "SRB"), (340, "SRB"),
                                      (341, "MNE"), (347, "XKX"), (315, "CZE"), (316, "CZE"), (317, "SVK"),
                                      (666, "ISR"), (600, "MAR"), (850, "IDN")])
def test_iso3_for_gw(gw, iso3):
    assert countries.iso3_for_gw(gw) == iso3


def test_consistent_mask_vectorised():
    mask = countries.consistent_mask(pd.Series(["SSD", "SSD", "COD"]), pd.Series([626, 625, 484]),
                                     pd.Series([2013, 1983, 2000]), pd.Series([None, 2005, 2001]))
    assert mask.tolist() == [True, True, False]


def test_unknown_code():
    assert "ZZZ" not in countries.known_codes()


# --------------------------------------------------------------------------- the Gleditsch-Ward spine

@pytest.fixture(scope="module")
def spine():
    return countries.gw_spine(1989, 2024)


@pytest.mark.parametrize("gwno, first, last", [
    (490, 1989, 2024), (484, 1989, 2024),  # DR Congo, Congo
    (625, 1989, 2024), (626, 2011, 2024),  # Sudan, South Sudan (9 July 2011)
    (345, 1989, 2006), (340, 2006, 2024),  # Yugoslavia, Serbia
    (341, 2006, 2024), (347, 2008, 2024),  # Montenegro, Kosovo
    (365, 1989, 2024),  # Russia (Soviet Union)
    (678, 1989, 2024), (680, 1989, 1990),  # Yemen (Arab Republic, then unified), South Yemen
    (260, 1989, 2024), (265, 1989, 1990),  # Germany, GDR
    (816, 1989, 2024),  # Vietnam
    (530, 1989, 2024), (531, 1993, 2024),  # Ethiopia, Eritrea (24 May 1993)
    (860, 2002, 2024),  # Timor-Leste (20 May 2002)
    (315, 1989, 1992), (316, 1993, 2024), (317, 1993, 2024),  # Czechoslovakia, Czech Republic, Slovakia
    (369, 1991, 2024), (344, 1992, 2024), (346, 1992, 2024),  # Ukraine, Croatia, Bosnia
])
def test_spine_years(spine, gwno, first, last):
    years = spine.loc[spine["gwno"] == gwno, "year"].tolist()
    assert years == list(range(first, last + 1))


@pytest.mark.parametrize("gwno", [255, 817, 679, 711])
def test_codes_not_in_the_spine(spine, gwno):
    assert gwno not in set(spine["gwno"])


@pytest.mark.parametrize("year, states", [(1989, 151), (1990, 152), (1991, 165), (1992, 168), (1993, 170),
                                          (2002, 171), (2006, 173), (2007, 172), (2008, 173), (2011, 174), (2024, 174)])
def test_spine_row_counts(spine, year, states):
    assert (spine["year"] == year).sum() == states


def test_spine_shape(spine):
    assert list(spine.columns) == ["gwno", "year", "iso3", "name"]
    assert not spine.duplicated(["gwno", "year"]).any()
    assert spine["iso3"].notna().all()
    # the list caps alive states at 2017-12-31; extended to 2024 unchanged
    assert set(spine[spine.year == 2017].gwno) == set(spine[spine.year == 2024].gwno)
    assert spine.loc[(spine.gwno == 652) & (spine.year == 2024), "name"].tolist() == ["Syria"]


@pytest.mark.parametrize("iso3, year, gw", [
    ("SSD", 2010, 625), ("SSD", 2011, 626), ("ERI", 1992, 530), ("ERI", 1993, 531), ("TLS", 2001, 850),
    ("TLS", 2002, 860), ("YEM", 1990, 678), ("YEM", 1989, 680), ("DEU", 1990, 260), ("SRB", 2006, 340),
    ("SRB", 2005, 345), ("PSE", 2020, 666), ("CZE", 1992, 315), ("CZE", 1993, 316), ("NAM", 1989, None),
    ("NAM", 1990, 565), ("COD", 1997, 490), ("COG", 1997, 484),
])
def test_gw_for_iso3(iso3, year, gw):
    assert countries.gw_for_iso3(iso3, year) == gw


@pytest.mark.parametrize("cow, year, gw", [(255, 1989, 260), (255, 2020, 260), (260, 1989, 260), (265, 1989, 265),
                                           (679, 1990, 678), (678, 1989, 678), (680, 1989, 680), (345, 2005, 345),
                                           (345, 2006, 340), (345, 2024, 340), (341, 2010, 341), (490, 2000, 490),
                                           (484, 2000, 484), (625, 2015, 625), (626, 2015, 626), (365, 2000, 365),
                                           (816, 2000, 816), (860, 2010, 860), (531, 2000, 531)])
def test_gw_from_cow(cow, year, gw):
    assert countries.gw_from_cow(pd.Series([cow]), pd.Series([year])).tolist() == [gw]


@pytest.mark.parametrize("gw, year, cow", [(260, 1995, 255), (678, 1989, 678), (678, 2000, 679), (340, 2010, 345),
                                           (345, 2000, 345), (626, 2012, 626)])
def test_cow_for_gw(gw, year, cow):
    assert countries.cow_for_gw(pd.Series([gw]), pd.Series([year])).tolist() == [cow]


@pytest.mark.parametrize("scode, ccode, year, gw", [("YGS", 347, 1998, 345), ("YGS", 347, 1999, 345),
                                                    ("BOS", 346, 1993, 346), ("SUD", 625, 2005, 625),
                                                    ("ZAI", 490, 1977, 490), ("RWA", 517, 1994, 517),
                                                    ("PKS", 769, 1971, 770), ("IRQ", 645, 2014, 645)])
def test_gw_from_pitf(scode, ccode, year, gw):
    assert countries.gw_from_pitf(pd.Series([scode]), pd.Series([ccode]), pd.Series([year])).tolist() == [gw]


def test_ewp_codes_land_on_the_spine(spine):
    base = load.load("ewp_base")
    base = base[base["year"].between(1989, 2024)]
    gw = countries.gw_from_cow(base["ccode"], base["year"])
    keys = set(zip(spine["gwno"], spine["year"]))
    outside = base[[k not in keys for k in zip(gw, base["year"])]]
    # Croatia and Slovenia 1991: EWP counts them from 1991, the GW list from April 1992
    assert outside[["country", "year"]].values.tolist() == [["Croatia", 1991], ["Slovenia", 1991]]
    assert not pd.DataFrame({"gw": gw, "year": base["year"]}).duplicated().any()


def test_pitf_codes_land_on_the_spine():
    pitf = load.load("pitf")
    full = countries.gw_spine(1955, 2014)
    gw = countries.gw_from_pitf(pitf["SCODE"], pitf["CCODE"], pitf["YEAR"])
    keys = set(zip(full["gwno"], full["year"]))
    assert all(k in keys for k in zip(gw, pitf["YEAR"]))


@pytest.mark.parametrize("gwno", [260, 678, 340, 490, 626, 365])  # states alive 1955-2024 (or later-born)
def test_cow_crosswalk_round_trips(gwno):
    years = pd.Series(range(1955, 2025))
    codes = pd.Series([gwno] * len(years))
    back = countries.gw_from_cow(countries.cow_for_gw(codes, years), years)
    assert back.tolist() == codes.tolist()


def test_gw_states_codes_are_integers(tmp_path):
    text = "gwcode,stateabb,statename,startdate,enddate\n626.0,SSD,South Sudan,2011-07-09,2017-12-31\n"
    frame = read_as_loaded(tmp_path, "gw_states", text)
    assert frame["gwcode"].tolist() == [626] and str(frame["gwcode"].dtype) == "int64"
    with pytest.raises(DataError, match=r"data row 1, column gwcode: value 'x' is not an integer code"):
        read_as_loaded(tmp_path, "gw_states", text.replace("626.0", "x"))


def test_gw_for_iso3_examples():
    """Formerly the examples of gw_for_iso3 (they need the registered Gleditsch-Ward list)."""
    gw = countries.gw_for_iso3
    assert (gw("SSD", 2011), gw("SSD", 2010), gw("ERI", 1993), gw("TLS", 2002)) == (626, 625, 531, 860)
    assert (gw("PSE", 2014), gw("YEM", 1990), gw("SRB", 1999), gw("SRB", 2010)) == (666, 678, 345, 340)
    assert gw("NAM", 1985) is None  # Namibia joins the list in 1990


def test_gw_spine_examples(spine):
    """Formerly the examples of gw_spine (they need the registered Gleditsch-Ward list)."""
    s = spine
    assert sorted(s[(s.year == 2011) & s.gwno.isin([625, 626])].gwno) == [625, 626]
    assert len(s[s.year == 2024]) == 174
    assert s[(s.year == 1990) & s.gwno.isin([260, 265, 678, 680])].iso3.tolist() == ["DEU", "DEU", "YEM", "YEM"]
