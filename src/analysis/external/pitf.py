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
from .registry import Dataset, register


def _pitf(frame: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """``YREND`` 9999 means the episode was ongoing at the release: missing end, ``ongoing`` True."""
    ongoing = frame["YREND"] == 9999
    frame["ongoing"] = ongoing
    frame["YREND"] = frame["YREND"].astype("Int64").mask(ongoing)
    if ongoing.any():
        load.note(frame, f"YREND: 9999 (ongoing) set to missing in {int(ongoing.sum())} rows; see column 'ongoing'")
    frame["SCODE"] = load.clean_text(frame["SCODE"])
    return frame


register(
    Dataset(
        "pitf", "PITF State Failure Problem Set: Genocides and Politicides", "2014",
        "pitf/PITF_GenoPoliticide_2014.csv", "Political Instability Task Force; Center for Systemic Peace",
        "https://www.systemicpeace.org/inscrdata.html", None, None, "free for research use with citation",
        """@article{harff2003no,
  title = {No lessons learned from the Holocaust? Assessing risks of genocide and political mass murder since 1955},
  author = {Harff, Barbara}, journal = {American Political Science Review}, volume = {97}, number = {1},
  pages = {57--73}, year = {2003}
}""",
        ("COUNTRY", "SCODE", "CCODE", "YEAR", "YRBEGIN", "YREND", "PTYPE", "DEATHMAG"), (270, 290),
        extra_files=("pitf/PITF_GenoPoliticide_2014.xls",), normalise=_pitf),
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
