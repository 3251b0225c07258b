"""EWP: the Early Warning Project's mass-killing data, their quirks and the country-year adapter.

Registered here: the mass-killing events list (``ewp_events``), the
country-year base data (``ewp_base``) and the statistical risk assessment
(``ewp_forecasts``). Quirk fixed on load: the base data's unnamed first column,
a row number, is checked and dropped. Adapter: :func:`ewp_mass_killing` (COW
codes mapped to Gleditsch–Ward by :func:`analysis.external.countries.gw_from_cow`).

References
----------
.. [1] Early Warning Project (2025). Statistical Risk Assessment and
   mass-killing data. https://earlywarningproject.ushmm.org/
"""

from __future__ import annotations

import pandas as pd

from . import countries, load
from .registry import GITHUB_RAW, DataError, Dataset, Link, Source, register


def _ewp_base(frame: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """Drop the unnamed first column after checking it is only a row number 1..n."""
    first = frame.columns[0]
    if first.startswith("Unnamed") or first == "":
        expected = pd.Series(range(1, len(frame) + 1), index=frame.index)
        if not frame[first].equals(expected):
            i = frame.index[frame[first] != expected][0]
            value = frame.loc[i, first]
            value = value.item() if hasattr(value, "item") else value
            raise DataError(f"{dataset.file}: data row {i + 1}, column {first!r}: value {value!r} "
                            f"is not the row number {i + 1}; the unnamed first column should be a row index")
        frame = frame.drop(columns=first)
        load.note(frame, f"unnamed row-index column {first!r} dropped")
    return frame


def mk_events_csv(workbook: bytes) -> bytes:
    """The master list's ``mk_events`` sheet as CSV."""
    return load.sheet_to_csv(workbook, "mk_events")


# The Early Warning Project's own public repository at the commit of its 2025 assessment
_EWP_REPO = (GITHUB_RAW + "EarlyWarningProject/2025-Statistical-Risk-Assessment/"
             "548cad77147d54cb59e529e7d390a6a7bdfe83b5/")
_EWP_MASTER = Link(_EWP_REPO + "1.Buildcountryyears_and_mk_data/"
                   "EWP%20mass%20killing%20events%20master%20list_2025.xlsx", "publisher_github")


def _ewp_link(path: str) -> tuple[Link]:
    return (Link(_EWP_REPO + path, "publisher_github"),)


_EWP = "Simon-Skjodt Center for the Prevention of Genocide, US Holocaust Memorial Museum, and Dartmouth College"
_EWP_PAGE = "https://earlywarningproject.ushmm.org/"
_EWP_TERMS = "public replication material; cite the Early Warning Project"
_EWP_BIB = """@misc{ewp2025,
  title = {Early Warning Project: Statistical Risk Assessment 2025 and mass-killing data},
  author = {{Simon-Skjodt Center for the Prevention of Genocide}},
  year = {2025}, howpublished = {\\url{https://earlywarningproject.ushmm.org/}}
}"""

register(
    Dataset(
        "ewp_events", "Early Warning Project mass-killing events", "2025", "ewp/EWP_mass_killing_events_2025.csv",
        _EWP, _EWP_PAGE, _EWP_TERMS, _EWP_BIB,
        ("country", "mk_event_name", "startyear", "endyear", "mk_location_cow"), (150, 165),
        extra_files=("ewp/EWP_mass_killing_events_master_list_2025.xlsx",),
        sources=(Source("ewp/EWP_mass_killing_events_2025.csv", (_EWP_MASTER,),
                        "401b769b126d053eea99e41a40c69205f5c52098391b687f6a0559358d759519", mk_events_csv),
                 Source("ewp/EWP_mass_killing_events_master_list_2025.xlsx", (_EWP_MASTER,),
                        "308133ad1d049dfa861d36ee3c92e68eda58d61fd28b17c73a841d51984b67e4"))),
    Dataset(
        "ewp_base", "Early Warning Project country-year base data", "2025", "ewp/basedata2025_4august2025.csv",
        _EWP, _EWP_PAGE, _EWP_TERMS, _EWP_BIB,
        ("year", "country", "ccode", "mk_ongoing", "mk_onset", "mk_offset"), (11200, 11400), normalise=_ewp_base,
        sources=(Source("ewp/basedata2025_4august2025.csv",
                        _ewp_link("1.Buildcountryyears_and_mk_data/basedata2025_4august2025.csv"),
                        "917721d5c44e3956ddccba2266c51279fadf817b57bd0ced4f34aa343ba3097d"),)),
    Dataset(
        "ewp_forecasts", "Early Warning Project statistical risk assessment", "2025",
        "ewp/final_forecasts_data_3Sep2025.csv", _EWP, _EWP_PAGE, _EWP_TERMS, _EWP_BIB,
        ("ewp_name", "risk.2025and2026.from2024"), (160, 175),
        sources=(Source("ewp/final_forecasts_data_3Sep2025.csv",
                        _ewp_link("3.Modeling/final_forecasts_data_3Sep2025.csv"),
                        "1f6bb285e934aff927eb9cb414882e92d22fb8ffb041e3a70fb3da53efc5cb5d"),)),
)


def ewp_mass_killing(start: int = 1989, end: int = 2024, base: pd.DataFrame | None = None) -> pd.DataFrame:
    """EWP base data: ``gwno, year, mass_killing`` (``mk_ongoing`` as bool), COW codes mapped to GW.

    *base* is the base data as loaded (None: read ``ewp_base``).

    Examples
    --------
    >>> base = pd.DataFrame({"year": [2015, 2015, 2024], "country": ["Yemen", "Germany", "Sudan"],
    ...                      "ccode": [679, 255, 625], "mk_ongoing": [1, 0, None]})
    >>> ewp_mass_killing(2015, 2024, base).values.tolist()
    [[678, 2015, True, 'Yemen'], [260, 2015, False, 'Germany'], [625, 2024, <NA>, 'Sudan']]
    """
    base = load.load_years("ewp_base", start, end, base)
    out = pd.DataFrame({"gwno": countries.gw_from_cow(base["ccode"], base["year"]).astype("int64"),
                        "year": base["year"].astype("int64"),
                        "mass_killing": base["mk_ongoing"].map({1: True, 0: False}).astype("boolean"),
                        "country": base["country"]})
    return out.reset_index(drop=True)
