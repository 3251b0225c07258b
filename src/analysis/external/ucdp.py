"""UCDP: the Uppsala Conflict Data Program's datasets, their quirks and their country-year adapters.

Registered here (:func:`analysis.external.registry.register`): the UCDP/PRIO
Armed Conflict Dataset (``ucdp_acd``), the dyadic and conflict-level
Battle-Related Deaths datasets (``ucdp_brd``, ``ucdp_brd_conflict``), the
One-sided Violence Dataset (``ucdp_osv``) and the Conflict Termination Dataset
(``ucdp_termination``).

Quirks fixed on load: names padded with spaces or invisible marks, and the
comma-separated ``gwno`` lists ("365, 369") written in varying ways, kept as
text (explode them with :func:`analysis.external.load.explode_codes`).

Adapters to the country-year panel: :func:`conflict_locations`,
:func:`battle_deaths_by_location`, :func:`one_sided_by_location`. Each reads
the registered file unless given a frame of the same columns.

References
----------
.. [1] Davies, S., Pettersson, T., Sollenberg, M. & Öberg, M. (2025). Organized
   violence 1989–2024. *Journal of Peace Research* 62(4).
"""

from __future__ import annotations

import pandas as pd

from . import load
from .registry import GITHUB_RAW, REGISTRY, Dataset, Link, Source, register

# --------------------------------------------------------------------------- normalisers


def _gwno_lists(frame: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """UCDP code lists: keep them as text "365, 369" (explode with :func:`explode_codes`)."""
    for col in [c for c in frame.columns if c.startswith("gwno") and frame[c].dtype == object]:
        values = frame[col]
        present = values.notna()
        text = values.astype(object)
        text[present] = (values[present].astype(str).str.replace(r"\.0$", "", regex=True)
                         .str.replace(r"\s*,\s*", ", ", regex=True).str.strip())
        frame[col] = text
        multi = int(text[present].str.contains(",").sum())
        if multi:
            load.note(frame, f"{col}: {multi} rows hold several codes (explode with explode_codes)")
    return frame


def _ucdp_acd(frame: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """Names stripped (the publisher's file pads some sides with spaces and ends one territory with a line
    break); code lists kept as text "365, 369"."""
    frame = load.clean_columns(frame, ("location", "side_a", "side_a_2nd", "side_b", "side_b_2nd", "territory_name"))
    return _gwno_lists(frame, dataset)


def _ucdp_osv(frame: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """Actor and location names stripped of stray spaces and invisible marks (U+200E); code lists kept as text."""
    frame = load.clean_columns(frame, ("actor_name", "actor_name_fulltext", "actor_name_mothertongue", "location"))
    return _gwno_lists(frame, dataset)


# --------------------------------------------------------------------------- conversion


def termination_csv(workbook: bytes) -> bytes:
    """The Conflict Termination xlsx's ``dataset`` sheet as CSV, its three dates written ``%Y-%m-%d``."""
    return load.sheet_to_csv(workbook, "dataset", dates=("ependdate", "start_date", "start_date2"))


# --------------------------------------------------------------------------- registry entries

def _ucdp_source(file: str, publisher_zip: str, copy: str, sha256: str) -> tuple[Source]:
    """A UCDP CSV: the member of the publisher's zip first, a byte-identical copy pinned at a commit next."""
    member = file.rsplit("/", 1)[1]
    return (Source(file, (Link(_UCDP_PAGE + publisher_zip, "publisher", member),
                          Link(GITHUB_RAW + copy, "third_party_copy")), sha256),)


_UCDP = "Uppsala Conflict Data Program (UCDP), Department of Peace and Conflict Research, Uppsala University"
_UCDP_PAGE = "https://ucdp.uu.se/downloads/"
_UCDP_BIB = """@article{davies2025organized,
  title = {Organized violence 1989--2024, and the challenges of identifying civilian victims},
  author = {Davies, Shawn and Pettersson, Therese and Sollenberg, Margareta and {\\"O}berg, Magnus},
  journal = {Journal of Peace Research}, volume = {62}, number = {4}, year = {2025}
}"""

register(
    Dataset(
        "ucdp_acd", "UCDP/PRIO Armed Conflict Dataset", "25.1", "ucdp_acd/UcdpPrioConflict_v25_1.csv",
        _UCDP + "; Peace Research Institute Oslo", _UCDP_PAGE, "CC BY 4.0",
        """@article{gleditsch2002armed,
  title = {Armed conflict 1946--2001: A new dataset},
  author = {Gleditsch, Nils Petter and Wallensteen, Peter and Eriksson, Mikael and Sollenberg, Margareta and """
        """Strand, H{\\aa}vard},
  journal = {Journal of Peace Research}, volume = {39}, number = {5}, pages = {615--637}, year = {2002}
}
""" + _UCDP_BIB,
        ("conflict_id", "location", "side_a", "side_b", "year", "intensity_level", "type_of_conflict",
         "gwno_loc", "version"), (2700, 2800), "version", "25.1", normalise=_ucdp_acd,
        sources=_ucdp_source(
            "ucdp_acd/UcdpPrioConflict_v25_1.csv", "ucdpprio/ucdp-prio-acd-251-csv.zip",
            "Sarthak2233/WC/bb9cbb0f464b0c2b64df9f52fa9ea1a04acf4f88/data/raw/UcdpPrioConflict_v25_1.csv",
            "a7a2ff6caf6c854f4fafb1b17f616da1ed6bbc00612943ec6e071511ebea7a81")),
    Dataset(
        "ucdp_brd", "UCDP Battle-Related Deaths Dataset (dyadic)", "25.1", "ucdp_brd/BattleDeaths_v25_1.csv",
        _UCDP, _UCDP_PAGE, "CC BY 4.0", _UCDP_BIB,
        ("conflict_id", "dyad_id", "year", "bd_best", "bd_low", "bd_high", "gwno_loc", "gwno_battle", "version"),
        (1950, 2050), "version", "25.1", normalise=_gwno_lists,
        sources=_ucdp_source(
            "ucdp_brd/BattleDeaths_v25_1.csv", "brd/ucdp-brd-dyadic-251-csv.zip",
            "EarlyWarningProject/2025-Statistical-Risk-Assessment/548cad77147d54cb59e529e7d390a6a7bdfe83b5/"
            "2.Make-new-base-data/input/BattleDeaths_v25_1.csv",
            "656b3d5290ea12a61c1d80a8ed7f9805e3776952cc31dd3af93e4fbcbf7be87c")),
    Dataset(
        "ucdp_brd_conflict", "UCDP Battle-Related Deaths Dataset (conflict level)", "26.1",
        "ucdp_brd/BattleDeaths_conflict_v26_1.csv", _UCDP, _UCDP_PAGE, "CC BY 4.0", _UCDP_BIB,
        ("conflict_id", "year", "bd_best", "gwno_loc", "version"), (1600, 1700), "version", "26.1",
        normalise=_gwno_lists,
        sources=_ucdp_source(
            "ucdp_brd/BattleDeaths_conflict_v26_1.csv", "brd/ucdp-brd-conf-261-csv.zip",
            "J-Chamberlain/pinker_charts/39929dd1f9f232dd637a66c23dfeb19220c0390b/figures/11-2/data/raw/"
            "ucdp_brd_conf_261.csv",
            "b34ecb57f1fc0e73d4bfd7b080212da429af3135a8d360b1c902e45506f81147")),
    Dataset(
        "ucdp_osv", "UCDP One-sided Violence Dataset", "26.1", "ucdp_osv/OneSided_v26_1.csv", _UCDP, _UCDP_PAGE,
        "CC BY 4.0",
        """@article{eck2007one,
  title = {One-sided violence against civilians in war: Insights from new fatality data},
  author = {Eck, Kristine and Hultman, Lisa},
  journal = {Journal of Peace Research}, volume = {44}, number = {2}, pages = {233--246}, year = {2007}
}
""" + _UCDP_BIB,
        ("actor_id", "actor_name", "year", "best_fatality_estimate", "is_government_actor", "gwno_location",
         "version"), (1380, 1440), "version", "26.1", normalise=_ucdp_osv,
        sources=_ucdp_source(
            "ucdp_osv/OneSided_v26_1.csv", "nsos/ucdp-onesided-261-csv.zip",
            "J-Chamberlain/pinker_charts/c901466f826b8e649c1367858e180d0a7df1767d/figures/11-3/data/raw/"
            "OneSided_v26_1.csv",
            "603a9f8eb084b025b3097cc797012e0a533abe8b2089c7169e16688cd40a1d5c")),
    Dataset(
        "ucdp_termination", "UCDP Conflict Termination Dataset", "3-2021",
        "ucdp_termination/ucdp-term-acd-3-2021.csv", _UCDP, _UCDP_PAGE, "CC BY 4.0",
        """@article{kreutz2010how,
  title = {How and when armed conflicts end: Introducing the UCDP Conflict Termination dataset},
  author = {Kreutz, Joakim}, journal = {Journal of Peace Research}, volume = {47}, number = {2},
  pages = {243--250}, year = {2010}
}""",
        ("conflictep_id", "conflict_id", "year", "outcome", "gwno_loc"), (2480, 2530), "version", "3",
        normalise=_gwno_lists,
        # UCDP no longer offers the 3-2021 release (it publishes v4-2024): the publisher's xlsx as kept in a
        # public repository at a fixed commit (xlsx sha256 13b56a54...), its 'dataset' sheet converted
        sources=(Source("ucdp_termination/ucdp-term-acd-3-2021.csv", (Link(
            GITHUB_RAW + "tdballesteros/conflict-relapse/b82b6c1cdd968989181751870d8c323d5e191998/"
            "Data%20files/Raw%20data%20files/ucdp-term-acd-3-2021.xlsx", "third_party_copy"),),
            "f896b0724fd6b91df4aa9600208c83b64ccf03a34f2ea5f566fe3c08e27e1a98", termination_csv),)),
)


# --------------------------------------------------------------------------- country-year adapters

#: Bounds on the one-sided deaths where UCDP does not split them by country (:func:`one_sided_by_location`).
OSV_BOUNDS = ("osv_deaths_min", "osv_deaths_max", "osv_max_actor_min", "osv_max_actor_max")


def _label(key: str) -> str:
    return REGISTRY[key].file


def conflict_locations(start: int = 1989, end: int = 2024, acd: pd.DataFrame | None = None) -> pd.DataFrame:
    """UCDP/PRIO state-based conflict-years, one row per country the conflict is located in.

    Parameters
    ----------
    start, end : int
        Years (inclusive).
    acd : DataFrame or None
        The ACD as :func:`analysis.external.load.load` returns it; None: read ``ucdp_acd``.

    Returns
    -------
    DataFrame
        ``conflict_id, year, gwno, intensity_level, type_of_conflict`` from
        ``gwno_loc`` (a conflict located in two countries has a row for each).

    Examples
    --------
    >>> acd = pd.DataFrame({"conflict_id": [13243, 299], "year": [2024, 2024],
    ...                     "gwno_loc": ["365, 369", "652"], "intensity_level": [2, 1], "type_of_conflict": [2, 4]})
    >>> conflict_locations(2024, 2024, acd).values.tolist()
    [[299, 2024, 652, 1, 4], [13243, 2024, 365, 2, 2], [13243, 2024, 369, 2, 2]]
    """
    acd = load.load_years("ucdp_acd", start, end, acd)
    out = load.explode_codes(acd, "gwno_loc", label=_label("ucdp_acd"))
    cols = ["conflict_id", "year", "gwno", "intensity_level", "type_of_conflict"]
    return out[cols].astype("int64").sort_values(["year", "conflict_id", "gwno"], ignore_index=True)


def battle_deaths_by_location(start: int = 1989, end: int = 2024, brd: pd.DataFrame | None = None
                              ) -> pd.DataFrame:
    """UCDP battle-related deaths (best estimate) per country-year, by the conflict's location.

    Each dyad-year's ``bd_best`` goes to every country in its ``gwno_loc``: the
    file does not split a conflict located in two countries (Eritrea–Ethiopia,
    Russia–Ukraine), so such deaths count in full for each. *brd* is the dyadic
    file as loaded (None: read ``ucdp_brd``).

    Examples
    --------
    >>> brd = pd.DataFrame({"year": [2013, 2013, 2013], "gwno_loc": ["652", "652", "530, 531"],
    ...                     "bd_best": [70000, 2016, 100]})
    >>> battle_deaths_by_location(2013, 2013, brd).values.tolist()
    [[530, 2013, 100], [531, 2013, 100], [652, 2013, 72016]]
    """
    brd = load.load_years("ucdp_brd", start, end, brd)
    out = load.explode_codes(brd, "gwno_loc", label=_label("ucdp_brd"))
    table = out.groupby(["gwno", "year"], as_index=False)["bd_best"].sum()
    return table.rename(columns={"bd_best": "battle_deaths"}).astype("int64")


def one_sided_by_location(start: int = 1989, end: int = 2024, osv: pd.DataFrame | None = None
                          ) -> pd.DataFrame:
    """UCDP one-sided violence per country-year: total deaths and the largest single actor's, with bounds.

    The file gives an actor-year's deaths (best estimate) as one number even
    when the actor killed in several countries (``gwno_location`` "490, 516,
    517"); it does not split them. A country's share of such a total lies
    anywhere from 0 to the whole, so each country-year gets bounds that guess
    nothing:

    ``osv_deaths_min``
        the deaths of the actors located in that country alone;
    ``osv_deaths_max``
        ``osv_deaths_min`` plus the full totals of the multi-country
        actor-years touching the country-year;
    ``osv_max_actor_min``
        the largest single-country actor's deaths;
    ``osv_max_actor_max``
        the larger of that and the largest multi-country total touching it.

    ``osv_deaths`` and ``osv_max_actor`` are the exact values where the bounds
    meet (no multi-country actor-year touches the country-year, or, for the
    maximum, a single-country actor killed at least as many as the largest
    multi-country total) and missing otherwise. ``multi_actor_years`` counts
    the multi-country actor-years touching the country-year. *osv* is the file
    as loaded (None: read ``ucdp_osv``).

    Examples
    --------
    >>> osv = pd.DataFrame({"year": 1994, "gwno_location": ["490, 516, 517", "432", "432", "475", "475, 436"],
    ...                     "best_fatality_estimate": [1000, 500, 93, 56, 55]})
    >>> o = one_sided_by_location(1994, 1994, osv)
    >>> cols = ["gwno", "osv_deaths", "osv_deaths_min", "osv_deaths_max", "osv_max_actor", "osv_max_actor_min",
    ...         "osv_max_actor_max", "multi_actor_years"]
    >>> for row in o[o.gwno.isin([517, 432, 475])][cols].values.tolist():
    ...     print(row)
    [432, 593, 593, 593, 500, 500, 500, 0]
    [475, <NA>, 56, 111, 56, 56, 56, 1]
    [517, <NA>, 0, 1000, <NA>, 0, 1000, 1]
    """
    osv = load.load_years("ucdp_osv", start, end, osv)
    out = load.explode_codes(osv, "gwno_location", label=_label("ucdp_osv"))
    out["multi"] = out["gwno_location"].astype(str).str.contains(",")
    deaths = out["best_fatality_estimate"]
    out["single"] = deaths.where(~out["multi"], 0)
    out["multi_deaths"] = deaths.where(out["multi"], 0)
    table = out.groupby(["gwno", "year"]).agg(osv_deaths_min=("single", "sum"), multi_sum=("multi_deaths", "sum"),
                                              osv_max_actor_min=("single", "max"), multi_max=("multi_deaths", "max"),
                                              multi_actor_years=("multi", "sum")).reset_index()
    table["osv_deaths_max"] = table["osv_deaths_min"] + table["multi_sum"]
    table["osv_max_actor_max"] = table[["osv_max_actor_min", "multi_max"]].max(axis=1)
    table = table.astype({c: "Int64" for c in OSV_BOUNDS} | {"multi_actor_years": "int64"})
    for col in ("osv_deaths", "osv_max_actor"):
        low, high = table[f"{col}_min"], table[f"{col}_max"]
        table[col] = low.where(low == high)
    return table[["gwno", "year", "osv_deaths", "osv_max_actor", *OSV_BOUNDS, "multi_actor_years"]]
