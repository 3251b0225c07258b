"""PITF: the Political Instability Task Force's genocides and politicides, their quirk and the adapter.

Registered here: the State Failure Problem Set's genocide/politicide episodes
(``pitf``, 2014 release). Quirk fixed on load: ``YREND`` 9999 (ongoing at the
release) becomes a missing end with ``ongoing`` True. Adapter:
:func:`pitf_episodes` (PITF's codes mapped to Gleditsch–Ward by
:func:`analysis.external.countries.gw_from_pitf`).

References
----------
.. [1] Harff, B. (2003). No lessons learned from the Holocaust? *American
   Political Science Review* 97(1), 57–73.
"""

from __future__ import annotations

import pandas as pd

from . import countries, load
from .registry import GITHUB_RAW, Dataset, Link, Source, register


def _pitf(frame: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """``YREND`` 9999 means the episode was ongoing at the release: missing end, ``ongoing`` True."""
    ongoing = frame["YREND"] == 9999
    frame["ongoing"] = ongoing
    frame["YREND"] = frame["YREND"].astype("Int64").mask(ongoing)
    if ongoing.any():
        load.note(frame, f"YREND: 9999 (ongoing) set to missing in {int(ongoing.sum())} rows; see column 'ongoing'")
    frame["SCODE"] = load.clean_text(frame["SCODE"])
    return frame


def pitf_csv(workbook: bytes) -> bytes:
    """The 2014 xls's one sheet (``GENO-F``) as CSV."""
    return load.sheet_to_csv(workbook, "GENO-F")


# The Center for Systemic Peace now offers only the 2018 release: the 2014 xls as kept in the Early Warning
# Project's replication repository (J. Ulfelder) at a fixed commit, byte-identical to the mirror's
_PITF_XLS = Link(GITHUB_RAW + "ulfelder/earlywarningproject-statrisk-replication/"
                 "a362add422477f9d335ccfda988c0aaac3c24cb8/data.in/PITF%20GenoPoliticide%202014.xls",
                 "third_party_copy")

register(
    Dataset(
        "pitf", "PITF State Failure Problem Set: Genocides and Politicides", "2014",
        "pitf/PITF_GenoPoliticide_2014.csv", "Political Instability Task Force; Center for Systemic Peace",
        "https://www.systemicpeace.org/inscrdata.html", "free for research use with citation",
        """@article{harff2003no,
  title = {No lessons learned from the Holocaust? Assessing risks of genocide and political mass murder since 1955},
  author = {Harff, Barbara}, journal = {American Political Science Review}, volume = {97}, number = {1},
  pages = {57--73}, year = {2003}
}""",
        ("COUNTRY", "SCODE", "CCODE", "YEAR", "YRBEGIN", "YREND", "PTYPE", "DEATHMAG"), (270, 290),
        extra_files=("pitf/PITF_GenoPoliticide_2014.xls",), normalise=_pitf,
        sources=(Source("pitf/PITF_GenoPoliticide_2014.csv", (_PITF_XLS,),
                        "e09b8cdb0d87560f91f9e30b50087ae94f43858d494e9aa26af22fce89a3115f", pitf_csv),
                 Source("pitf/PITF_GenoPoliticide_2014.xls", (_PITF_XLS,),
                        "f3b37e8a564112c1c7c8db1285b284a328485ac7a4d14e0ff92f2b7b82a7b969"))),
)


def pitf_episodes(start: int = 1989, end: int = 2024, pitf: pd.DataFrame | None = None) -> pd.DataFrame:
    """PITF genocide/politicide episode-years: ``gwno, year, ptype, deathmag`` (one row per file row).

    *pitf* is the file as loaded (None: read ``pitf``).

    Examples
    --------
    >>> pitf = pd.DataFrame({"COUNTRY": ["Rwanda", "Yugoslavia"], "SCODE": ["RWA", "YGS"],
    ...                      "CCODE": [517, 347], "YEAR": [1994, 1999], "PTYPE": [3, 2], "DEATHMAG": [5.0, 1.0]})
    >>> pitf_episodes(1994, 1999, pitf).values.tolist()
    [[517, 1994, 3, 5.0, 'Rwanda'], [345, 1999, 2, 1.0, 'Yugoslavia']]
    """
    pitf = load.load_years("pitf", start, end, pitf, column="YEAR")
    return pd.DataFrame({"gwno": countries.gw_from_pitf(pitf["SCODE"], pitf["CCODE"], pitf["YEAR"]).astype("int64"),
                         "year": pitf["YEAR"].astype("int64"), "ptype": pitf["PTYPE"].astype("int64"),
                         "deathmag": pitf["DEATHMAG"], "country": pitf["COUNTRY"]}).reset_index(drop=True)
