"""Golden tests for the country-code traps."""

import pandas as pd
import pytest

from analysis import countries


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
                                      (678, "YEM"), (816, "VNM"), (260, "DEU"), (860, "TLS"), (531, "ERI")])
def test_iso3_for_gw(gw, iso3):
    assert countries.iso3_for_gw(gw) == iso3


def test_consistent_mask_vectorised():
    mask = countries.consistent_mask(pd.Series(["SSD", "SSD", "COD"]), pd.Series([626, 625, 484]),
                                     pd.Series([2013, 1983, 2000]), pd.Series([None, 2005, 2001]))
    assert mask.tolist() == [True, True, False]


def test_unknown_code():
    assert "ZZZ" not in countries.known_codes()
