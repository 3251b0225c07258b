"""Council practice against the scope categories: does the Council converge where both norms apply?

The coded Council tables (:mod:`analysis.council`) asked what the Council did in one situation
(:func:`council_record`, :func:`council_action`: acted, blocked or silent, for the situation networks) and
three questions across them:

:func:`references_per_year`
    how many resolutions and presidential statements refer to the protection of civilians and to the
    responsibility to protect (literal phrase and broader language), year by year, and how many texts are
    missing (1994-1999);
:func:`situation_response`
    for every coded situation from 1989, whether the Council adopted a resolution on its country in its
    years, acted under Chapter VII, used POC or R2P language, saw a draft vetoed, and when its first
    resolution came (:func:`response_shares` and :func:`first_resolution_curve` summarise them by category);
:func:`panel_response`
    the same question for every country-year of the panel.

A flag of a resolution without a text is unknown, so an indicator built from flags is missing (NA), never
False, for a situation whose only resolutions lack texts; any resolution counts as *a* resolution (the
meeting tables record it), whatever its text.

Examples
--------
>>> res = pd.DataFrame({"symbol": ["S/RES/1 (2011)", "S/RES/2 (1996)"], "year": [2011, 1996],
...                     "agenda": ["X", "Y"], "countries_iso3": ["LBY", "RWA"],
...                     "chapter_vii": pd.array([True, pd.NA], dtype="boolean"),
...                     "poc": pd.array([False, pd.NA], dtype="boolean"),
...                     "r2p_literal": pd.array([True, pd.NA], dtype="boolean")})
>>> drafts = pd.DataFrame(columns=["symbol", "year", "agenda", "countries_iso3", "vetoed_by", "poc"])
>>> situations = pd.DataFrame({"situation_id": ["a", "b", "c"], "iso3": ["LBY", "RWA", "KEN"],
...                            "start_year": [2011, 1994, 2007], "end_year": [2011, 1996, 2008],
...                            "category": ["both", "both", "poc_only"]})
>>> out = situation_response(situations, {"resolutions": res, "drafts": drafts})
>>> print(out[["situation_id", "any_resolution", "chapter_vii", "r2p", "years_to_first"]].to_string(index=False))
situation_id  any_resolution  chapter_vii   r2p  years_to_first
           a            True         True  True               0
           b            True         <NA>  <NA>               2
           c           False        False False            <NA>
"""

from __future__ import annotations

import re
import zlib

import numpy as np
import pandas as pd

from . import council, schema
from .scope import CATEGORIES

#: the first year the situations are compared from (UCDP's panel and the Council's numbering checks start there)
FIRST_YEAR = 1989
#: the last complete year of the Council's tables (2026 is partial)
LAST_YEAR = 2025
#: the indicators of :func:`situation_response`: (column, flag of the resolutions or None for any resolution)
INDICATORS = (("any_resolution", None), ("chapter_vii", "chapter_vii"), ("poc", "poc"), ("r2p", "r2p_literal"),
              ("vetoed", None))
#: the Global Centre for R2P's published cumulative counts of resolutions with the phrase (from 2006)
PUBLISHED_R2P = {2019: 81, 2024: 93, 2025: 97}


#: agenda items of vetoed drafts (and, for the Council's status, of resolutions) that concern a country
#: but not the protection of its civilians
VETOES_OUTSIDE_PROTECTION = r"non-proliferation"
#: vetoed drafts (and resolutions) matched to a situation by country and year that concern another matter
#: in that country (checked against the draft's agenda item in the vetoes data); {(situation, symbol): why}
VETOES_NOT_ON_SITUATION = {
    ("irn-1979-kurdistan", "S/13735"): "the US draft on the Tehran embassy hostages (1980)",
    ("irn-1979-mek", "S/13735"): "the US draft on the Tehran embassy hostages (1980)",
    ("ago-1975-cabinda", "S/14664/Rev.2"): "Angola's complaint against South Africa's incursions (1981), "
                                           "part of the main civil war (ago-1975), not the Cabinda conflict",
    ("prk-1948", "S/RES/825 (1993)"): "the DPRK's announced withdrawal from the Non-Proliferation Treaty (1993)",
    ("ssd-2013", "S/2024/826"): "the draft on the protection of civilians in Sudan (2024), filed under the "
                                "item 'Reports of the Secretary-General on the Sudan and South Sudan'",
}

#: the Council's tables read for its record in a situation (:mod:`analysis.council`)
COUNCIL_TABLES = ("resolutions", "drafts")
#: what the Council did in a situation's country and years: a vetoed draft (``blocked``, even where it also
#: adopted resolutions), else a resolution (``acted``), else nothing (``silent``)
COUNCIL_STATUSES = ("acted", "blocked", "silent")

def tables() -> dict[str, pd.DataFrame]:
    """The committed Council tables (``data/council``) the functions here read."""
    return {name: council.load(name) for name in ("resolutions", "statements", "drafts")}


def references_per_year(council_tables: dict[str, pd.DataFrame], start: int = FIRST_YEAR,
                        end: int = LAST_YEAR) -> pd.DataFrame:
    """Resolutions and presidential statements per year: total, without a text, and with each reference.

    Returns one row per year and kind (``resolution``, ``statement``): ``texts``, ``missing_text``,
    ``poc``, ``r2p_literal``, ``r2p_broad`` (counts of texts with the flag; a missing text is not counted,
    so a year with missing texts is a lower bound -- 1994-1999 has almost none), and the cumulative
    ``r2p_literal_since_2006`` of resolutions (the Global Centre for R2P's series).

    Examples
    --------
    >>> res = pd.DataFrame({"year": [2006, 2006, 2007], "text_available": [True, False, True],
    ...                     "poc": pd.array([True, pd.NA, False], dtype="boolean"),
    ...                     "r2p_literal": pd.array([True, pd.NA, True], dtype="boolean"),
    ...                     "r2p_broad": pd.array([True, pd.NA, True], dtype="boolean")})
    >>> references_per_year({"resolutions": res, "statements": res.iloc[:0]}, 2006, 2007).to_dict("records")[1]
    ... # doctest: +NORMALIZE_WHITESPACE
    {'year': 2007, 'kind': 'resolution', 'texts': 1, 'missing_text': 0, 'poc': 0, 'r2p_literal': 1,
     'r2p_broad': 1, 'r2p_literal_since_2006': 2}
    """
    rows = []
    for kind, name in (("resolution", "resolutions"), ("statement", "statements")):
        frame = council_tables[name]
        for year in range(start, end + 1):
            part = frame[frame["year"] == year]
            rows.append({"year": year, "kind": kind, "texts": len(part),
                         "missing_text": int((~part["text_available"].astype(bool)).sum()),
                         **{flag: int(part[flag].fillna(False).astype(bool).sum())
                            for flag in ("poc", "r2p_literal", "r2p_broad")}})
    out = pd.DataFrame(rows)
    since = out["r2p_literal"].where((out["kind"] == "resolution") & (out["year"] >= 2006), 0)
    out["r2p_literal_since_2006"] = since.groupby(out["kind"]).cumsum().where(out["kind"] == "resolution", 0)
    return out


def _symbols(records: list[dict]) -> str:
    return ";".join(str(r["symbol"]) for r in records)


def _filled(value) -> bool:
    """A cell that holds text (not NA, not empty)."""
    return isinstance(value, str) and value != ""


def council_record(situation_id: str, iso3: str, start: int, end: int,
                   tables: dict[str, pd.DataFrame] | pd.DataFrame) -> pd.DataFrame:
    """The Council's decisions on a situation (:func:`analysis.council.record_for` on *tables*), without those on
    another matter (:data:`VETOES_OUTSIDE_PROTECTION`, :data:`VETOES_NOT_ON_SITUATION`).

    Examples
    --------
    >>> res = pd.DataFrame({"symbol": ["S/RES/825 (1993)"], "year": [1993], "agenda": ["Letter from the DPRK"],
    ...                     "countries_iso3": ["PRK"], "poc": [False]})
    >>> len(council_record("prk-1948", "PRK", 1948, 2025, {"resolutions": res})), len(
    ...     council_record("prk-x", "PRK", 1948, 2025, {"resolutions": res}))
    (0, 1)
    """
    record = council.record_for(iso3, start, end, tables)
    record = record[~record["agenda"].fillna("").astype(str).str.contains(VETOES_OUTSIDE_PROTECTION, case=False)]
    return record[~record["symbol"].map(lambda d: (situation_id, d) in VETOES_NOT_ON_SITUATION).astype(bool)]


def council_action(situation_id: str, iso3: str, start: int, end: int,
                   tables: dict[str, pd.DataFrame] | pd.DataFrame, vetoed=()) -> dict[str, dict[str, str]]:
    """What the Council's records show it did in a situation: node attributes for the Council, the ICC, missions.

    *tables* are the Council's ``resolutions`` and ``drafts`` (:func:`analysis.council.load`), or their
    :func:`analysis.council.decisions` (rows not naming *iso3* are ignored); *vetoed*: drafts already known
    vetoed on the situation (the veto list). A draft vetoed on another matter (:data:`VETOES_OUTSIDE_PROTECTION`,
    :data:`VETOES_NOT_ON_SITUATION`) does not count.

    Returns
    -------
    dict
        ``council``: ``status`` (one of :data:`COUNCIL_STATUSES`: ``blocked`` when a draft was vetoed,
        else ``acted`` when it adopted a resolution concerning the country in the situation's years, else
        ``silent``), ``status_evidence``, ``council_resolutions`` (symbols), ``council_flags``
        (``symbol: flag, flag`` for the resolutions with a content flag) and ``council_vetoed`` (the vetoed
        drafts: the veto list's and the Council tables'); ``icc``: ``acted``, by a Council referral (the
        ``icc_referral`` flag) or else by the Court's own proceedings, which the cited sources name (an ICC
        node exists only then); ``mission``: ``acted`` with the resolutions that mandate the protection of
        civilians (``poc_mandate``) on the country (any operation there, not only this one), or no status where
        no such text exists (1994-1999 texts are missing). Decisions filed under an item on another matter
        (:data:`VETOES_OUTSIDE_PROTECTION`: the DPRK's non-proliferation sanctions) are not counted.

    Examples
    --------
    >>> res = pd.DataFrame({"symbol": ["S/RES/1970 (2011)", "S/RES/1973 (2011)"], "year": [2011, 2011],
    ...                     "agenda": ["Libya"] * 2, "countries_iso3": ["LBY"] * 2,
    ...                     "icc_referral": [True, False], "poc_mandate": [False, True]})
    >>> drafts = pd.DataFrame(columns=["symbol", "year", "agenda", "countries_iso3", "vetoed_by"])
    >>> out = council_action("lby-2011", "LBY", 2011, 2011, {"resolutions": res, "drafts": drafts})
    >>> out["council"]["status"], out["council"]["council_flags"]
    ('acted', 'S/RES/1970 (2011): icc_referral; S/RES/1973 (2011): poc_mandate')
    >>> out["icc"]["status_evidence"], out["mission"]["status_evidence"]
    ('Council referral S/RES/1970 (2011)', 'POC mandate(s) on LBY: S/RES/1973 (2011)')
    >>> council_action("x", "LBY", 2000, 2001, {"resolutions": res, "drafts": drafts})["council"]["status"]
    'silent'
    """
    rows = council_record(situation_id, iso3, start, end, tables).to_dict("records")
    res = [r for r in rows if r["kind"] == "resolution"]
    vetoed = sorted(set(vetoed) | {str(r["symbol"]) for r in rows if r["kind"] == "draft" and _filled(r["vetoed_by"])})
    flagged = [r for r in res if _filled(r["flags"])]
    status = "blocked" if vetoed else "acted" if res else "silent"
    years = f"{iso3} {start}-{'' if end == schema.YEAR_MAX else end}"
    evidence = {"blocked": f"{len(vetoed)} vetoed draft(s), {len(res)} resolution(s) on {years}",
                "acted": f"{len(res)} resolution(s) on {years}",
                "silent": f"no resolution or vetoed draft on {years}"}[status]
    referrals = [r for r in flagged if re.search(r"\bicc_referral\b", r["flags"])]
    mandates = [r for r in flagged if re.search(r"\bpoc_mandate\b", r["flags"])]
    return {
        "council": {"status": status, "status_evidence": evidence, "council_resolutions": _symbols(res),
                    "council_flags": "; ".join(f"{r['symbol']}: {r['flags']}" for r in flagged),
                    "council_vetoed": ";".join(vetoed)},
        "icc": {"status": "acted", "status_evidence": f"Council referral {_symbols(referrals)}" if referrals
                else "own proceedings (named by the cited sources)"},
        "mission": ({"status": "acted", "status_evidence": f"POC mandate(s) on {iso3}: {_symbols(mandates)}"}
                    if mandates else
                    {"status": "", "status_evidence": f"no resolution with a POC mandate and a text on {years}"}),
    }


def _any(values: pd.Series) -> object:
    """True if any value is True, else NA if any is unknown, else False (Kleene's or)."""
    values = values.astype("boolean")
    if values.fillna(False).any():
        return True
    return pd.NA if values.isna().any() else False


def situation_response(situations: pd.DataFrame, council_tables: dict[str, pd.DataFrame],
                       start: int = FIRST_YEAR, end: int = LAST_YEAR) -> pd.DataFrame:
    """One row per situation that reaches *start*: what the Council did on its country in its years.

    *situations* are classified (a ``category`` column). The window runs from ``onset = max(start_year,
    start)`` to ``min(end_year, end)`` (ongoing: *end*); decisions on another matter are left out as in the
    situation networks (:func:`council_record`). Columns: ``situation_id``,
    ``category``, ``onset``, ``last``, the :data:`INDICATORS` (booleans; a flag indicator is NA where no
    resolution has the flag and one has no text), ``first_resolution`` (year) and ``years_to_first``
    (``first_resolution - onset``; NA: no resolution by ``last``).
    """
    res = council_tables["resolutions"]
    drafts = council_tables["drafts"]
    flags = res.set_index("symbol")
    by_country = council.by_country(council.decisions({"resolutions": res, "drafts": drafts}))
    rows = []
    for sit in situations.itertuples():
        last = min(int(sit.end_year), end) if pd.notna(sit.end_year) else end
        if last < start:
            continue
        onset = max(int(sit.start_year), start)
        record = council_record(sit.situation_id, sit.iso3, onset, last, by_country[sit.iso3])
        adopted = record[record["kind"] == "resolution"]
        coded = flags.loc[adopted["symbol"]]
        row = {"situation_id": sit.situation_id, "category": sit.category, "onset": onset, "last": last,
               "any_resolution": len(adopted) > 0}
        for column, flag in INDICATORS[1:-1]:
            row[column] = _any(coded[flag]) if len(coded) else False
        row["vetoed"] = bool((record["vetoed_by"].fillna("").astype(str) != "").any())
        first = adopted["year"].min() if len(adopted) else pd.NA
        row.update(first_resolution=first, years_to_first=first - onset if len(adopted) else pd.NA)
        rows.append(row)
    out = pd.DataFrame(rows)
    for column, _ in INDICATORS:
        out[column] = out[column].astype("boolean")
    return out.astype({"first_resolution": "Int64", "years_to_first": "Int64"})


def _bootstrap_mean(values: np.ndarray, label: str, n_boot: int, level: float, seed: int) -> tuple[float, float]:
    """Percentile interval of the mean of *values*, resampled with their own seeded stream (as
    :func:`analysis.robustness.bootstrap_shares`: the seed combined with a checksum of the label)."""
    if not len(values):
        return np.nan, np.nan
    rng = np.random.default_rng([seed, zlib.crc32(label.encode("utf-8"))])
    means = values[rng.integers(0, len(values), size=(n_boot, len(values)))].mean(axis=1)
    alpha = (1 - level) / 2
    low, high = np.quantile(means, [alpha, 1 - alpha], method="linear")
    return round(float(low), 4), round(float(high), 4)


def response_shares(response: pd.DataFrame, n_boot: int = 2000, level: float = 0.95,
                    seed: int = 20051024) -> pd.DataFrame:
    """Share of the situations of each category with each indicator, with percentile bootstrap intervals.

    Situations are resampled within their category; a situation whose indicator is unknown (NA) is left
    out of that indicator (``n`` says how many count, ``unknown`` how many were left out).

    Examples
    --------
    >>> r = pd.DataFrame({"category": ["both"] * 4, "any_resolution": [True, True, False, True],
    ...                   "chapter_vii": pd.array([True, pd.NA, False, False], dtype="boolean")})
    >>> response_shares(r, n_boot=200, seed=1)[["category", "indicator", "n", "unknown", "share"]].values.tolist()
    [['both', 'any_resolution', 4, 0, 0.75], ['both', 'chapter_vii', 3, 1, 0.3333]]
    """
    rows = []
    indicators = [c for c, _ in INDICATORS if c in response]
    for category in [c for c in CATEGORIES if c in set(response["category"])]:
        part = response[response["category"] == category]
        for indicator in indicators:
            known = part[indicator].dropna().astype(bool).to_numpy(dtype=float)
            low, high = _bootstrap_mean(known, f"{category}/{indicator}", n_boot, level, seed)
            rows.append({"category": category, "indicator": indicator, "n": len(known),
                         "unknown": int(part[indicator].isna().sum()), "count": int(known.sum()),
                         "share": round(float(known.mean()), 4) if len(known) else np.nan,
                         "ci_low": low, "ci_high": high})
    return pd.DataFrame(rows)


def first_resolution_curve(response: pd.DataFrame, horizon: int = 20) -> pd.DataFrame:
    """Kaplan-Meier share of each category's situations with a first resolution within *k* years of onset.

    A situation without a resolution is censored at ``last - onset`` (its end, or :data:`LAST_YEAR`).

    Examples
    --------
    >>> r = pd.DataFrame({"category": ["both"] * 3, "years_to_first": pd.array([0, 2, pd.NA], dtype="Int64"),
    ...                   "onset": [2000] * 3, "last": [2005, 2005, 2001]})
    >>> first_resolution_curve(r, horizon=2)[["years", "at_risk", "events", "share"]].values.tolist()
    [[0.0, 3.0, 1.0, 0.3333], [1.0, 2.0, 0.0, 0.3333], [2.0, 1.0, 1.0, 1.0]]
    """
    rows = []
    for category in [c for c in CATEGORIES if c in set(response["category"])]:
        part = response[response["category"] == category]
        event = part["years_to_first"].notna().to_numpy()
        time = part["years_to_first"].fillna(part["last"] - part["onset"]).astype(int).to_numpy()
        surviving = 1.0
        for k in range(horizon + 1):
            at_risk = int((time >= k).sum())
            events = int(((time == k) & event).sum())
            surviving *= 1 - events / at_risk if at_risk else 1
            rows.append({"category": category, "years": k, "at_risk": at_risk, "events": events,
                         "share": round(1 - surviving, 4), "n": len(part)})
    return pd.DataFrame(rows)


def panel_response(classified: pd.DataFrame) -> pd.DataFrame:
    """Country-years of the classified panel by proxy category: how many, and the share with each decision.

    ``resolution``: a resolution naming the country that year; ``chapter_vii``, ``poc``, ``r2p``: one with
    the flag, among the country-years where it is known (``flags_unknown`` counts the others); ``vetoed``:
    a vetoed draft. Country-years without a category (missing data) are left out.

    Examples
    --------
    >>> p = pd.DataFrame({"category": ["both", "both", "neither"], "council_resolutions": [2, 0, 1],
    ...                   "council_chapter_vii": pd.array([pd.NA, 0, 1], dtype="Int64"),
    ...                   "council_poc": pd.array([pd.NA, 0, 0], dtype="Int64"),
    ...                   "council_r2p": pd.array([pd.NA, 0, 0], dtype="Int64"), "council_vetoed": [0, 0, 0]})
    >>> panel_response(p)[["category", "country_years", "resolution", "chapter_vii", "flags_unknown"]].values.tolist()
    [['both', 2, 0.5, 0.0, 1], ['neither', 1, 1.0, 1.0, 0]]
    """
    rows = []
    for category in [c for c in CATEGORIES if c in set(classified["category"].dropna())]:
        part = classified[classified["category"] == category]
        row = {"category": category, "country_years": len(part),
               "resolution": round(float((part["council_resolutions"] > 0).mean()), 4)}
        for name in ("chapter_vii", "poc", "r2p"):
            known = part[f"council_{name}"].dropna()
            row[name] = round(float((known > 0).mean()), 4) if len(known) else np.nan
        row["vetoed"] = round(float((part["council_vetoed"] > 0).mean()), 4)
        row["flags_unknown"] = int(part["council_chapter_vii"].isna().sum())
        rows.append(row)
    return pd.DataFrame(rows)
