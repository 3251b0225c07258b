"""Country codes: Gleditsch–Ward numbers, ISO 3166 alpha-3, and their traps.

The maintained library ``country_converter`` supplies the ISO3 ↔ Gleditsch–Ward
crosswalk. Where it disagrees with the Gleditsch–Ward list as the conflict
datasets use it (unified Yemen is 678, unified Vietnam 816, Yugoslavia 345),
or where a territory has no state of its own (Palestine, Western Sahara, East
Timor before 2002), the project's override table ``gw_iso3_overrides.csv``
decides, each row with its years and reason.

Examples
--------
>>> gw_codes("YEM", 2015)
{678}
>>> gw_codes("SRB", 1999), gw_codes("SRB", 2010)
({345}, {340})
>>> consistent("SSD", 626, 2013, 2020), consistent("SSD", 625, 1983, 2005)
(True, True)
>>> consistent("COD", 484, 2000, 2000)
False
>>> iso3_for_gw(490), iso3_for_gw(484), iso3_for_gw(678)
('COD', 'COG', 'YEM')

References
----------
.. [1] Gleditsch, K. S. & Ward, M. D. (1999). A revised list of independent
   states since the Congress of Vienna. *International Interactions* 25(4).
.. [2] Stadler, K. (2017). The country converter coco. *Journal of Open Source
   Software* 2(16), 332.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

import pandas as pd

OVERRIDES = Path(__file__).resolve().parent / "gw_iso3_overrides.csv"


@functools.lru_cache(maxsize=1)
def _coco_table() -> pd.DataFrame:
    import country_converter as coco

    logging.getLogger("country_converter").setLevel(logging.ERROR)
    data = coco.CountryConverter().data[["ISO3", "GWcode", "name_short"]].copy()
    data["GWcode"] = pd.to_numeric(data["GWcode"], errors="coerce").astype("Int64")
    return data


@functools.lru_cache(maxsize=1)
def overrides() -> pd.DataFrame:
    """The project's corrections to the library crosswalk, with years and reasons."""
    table = pd.read_csv(OVERRIDES, dtype={"iso3": str}, keep_default_na=False)
    for col in ("gwno", "from_year", "to_year"):
        table[col] = pd.to_numeric(table[col].replace("", None)).astype("Int64")
    return table


FIRST, LAST = 1800, 2100


@functools.lru_cache(maxsize=1)
def intervals() -> pd.DataFrame:
    """Every acceptable (iso3, gwno) pair with the years in which it holds.

    The overrides hold over their own years; the library's code holds in the
    years that no override of the same iso3 covers.

    Examples
    --------
    >>> t = intervals()
    >>> t[t.iso3 == "SRB"].sort_values("from_year")[["gwno", "from_year", "to_year"]].values.tolist()
    [[340, 1800, 1917], [345, 1918, 2006], [340, 2007, 2100]]
    """
    table = overrides()
    rows = [
        (r.iso3, int(r.gwno), int(r.from_year) if pd.notna(r.from_year) else FIRST,
         int(r.to_year) if pd.notna(r.to_year) else LAST)
        for r in table.itertuples()
    ]
    lib = _coco_table().dropna(subset=["GWcode"])
    for iso3, gw in zip(lib["ISO3"], lib["GWcode"]):
        spans = sorted((a, b) for i, _, a, b in rows if i == iso3)
        free, year = [], FIRST
        for a, b in spans:
            if a > year:
                free.append((year, a - 1))
            year = max(year, b + 1)
        if year <= LAST:
            free.append((year, LAST))
        rows += [(iso3, int(gw), a, b) for a, b in free if (iso3, int(gw), a, b) not in rows]
    out = pd.DataFrame(rows, columns=["iso3", "gwno", "from_year", "to_year"])
    return out.drop_duplicates().sort_values(["iso3", "from_year", "gwno"], ignore_index=True)


@functools.lru_cache(maxsize=1)
def known_codes() -> frozenset[str]:
    """The ISO 3166 alpha-3 codes known to the crosswalk (library and overrides)."""
    return frozenset(_coco_table()["ISO3"].dropna()) | frozenset(overrides()["iso3"])


def gw_codes(iso3: str, start: int, end: int | None = None) -> set[int]:
    """Gleditsch–Ward codes acceptable for *iso3* in some year of *start*–*end*."""
    end = start if end is None else end
    t = intervals()
    hit = t[(t["iso3"] == iso3) & (t["from_year"] <= end) & (t["to_year"] >= start)]
    return {int(g) for g in hit["gwno"]}


def consistent_mask(iso3: pd.Series, gwno: pd.Series, start: pd.Series, end: pd.Series) -> pd.Series:
    """Vectorised :func:`consistent` over aligned series (missing *end* = ongoing)."""
    frame = pd.DataFrame({
        "iso3": iso3.astype(str).to_numpy(),
        "gwno": pd.to_numeric(gwno, errors="coerce").to_numpy(dtype=float),
        "start": pd.to_numeric(start, errors="coerce").to_numpy(dtype=float),
        "end": pd.to_numeric(end, errors="coerce").fillna(LAST).to_numpy(dtype=float),
    })
    frame["row"] = range(len(frame))
    t = intervals().astype({"gwno": float})
    merged = frame.merge(t, on=["iso3", "gwno"], how="inner")
    ok = merged[(merged["from_year"] <= merged["end"]) & (merged["to_year"] >= merged["start"])]
    mask = pd.Series(False, index=iso3.index)
    mask.iloc[ok["row"].unique()] = True
    return mask


def consistent(iso3: str, gwno: int, start: int, end: int | None = None) -> bool:
    """True if the pair (*iso3*, *gwno*) is right for some year of *start*–*end*."""
    return int(gwno) in gw_codes(iso3, start, end)


@functools.lru_cache(maxsize=None)
def iso3_for_gw(gwno: int) -> str | None:
    """The ISO3 code of the territory of a Gleditsch–Ward state (None if unknown)."""
    table = overrides()
    open_ended = table[(table["gwno"] == gwno) & table["to_year"].isna()]
    if len(open_ended):
        return str(open_ended["iso3"].iloc[0])
    lib = _coco_table()
    hit = lib.loc[lib["GWcode"] == gwno, "ISO3"]
    if len(hit):
        return str(hit.iloc[0])
    fallback = table[table["gwno"] == gwno]
    return str(fallback["iso3"].iloc[0]) if len(fallback) else None


#: UCDP's regions by Gleditsch-Ward code range (UCDP codebook: 1 Europe, 2 Middle East, 3 Asia, 4 Africa, 5 Americas)
REGIONS = (("Americas", 2, 199), ("Europe", 200, 399), ("Africa", 400, 626), ("Middle East", 630, 699),
           ("Asia and Oceania", 700, 999))


def region(gwno: pd.Series) -> pd.Series:
    """Name the UCDP region of each Gleditsch-Ward code.

    Examples
    --------
    >>> region(pd.Series([100, 345, 625, 652, 775])).tolist()
    ['Americas', 'Europe', 'Africa', 'Middle East', 'Asia and Oceania']
    """
    codes = pd.to_numeric(gwno, errors="coerce")
    out = pd.Series(pd.NA, index=gwno.index, dtype=object)
    for name, lo, hi in REGIONS:
        out[(codes >= lo) & (codes <= hi)] = name
    return out
