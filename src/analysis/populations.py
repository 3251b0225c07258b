"""The populations the situation dataset must cover, derived from the data.

Membership is computed, not typed in by coders:

1. **atrocity finding**: a crime coded at tier ``un`` or ``judicial`` (a UN-mandated
   inquiry, the ICC prosecutor, or a court found or charged it);
2. **POC mission host**: a POC-mandated UN operation listed in ``poc_missions``;
3. **war**: the situation is an armed conflict containing a UCDP state-based
   conflict-year at war level (1,000+ battle deaths): of a conflict it names
   in ``ucdp_conflict_ids``, or, if it names none, located in its country;
4. **contrast**: none of the above.

:func:`uncovered_war_years` is the coverage test of population 3: every
war-level conflict-year since 1989 must fall inside an ``armed_conflict``
situation that names the UCDP conflict id in ``ucdp_conflict_ids``, or that
names no conflict and lies in one of the conflict's location countries.

Examples
--------
>>> import pandas as pd
>>> sit = pd.DataFrame({"situation_id": ["a", "b"], "gwno": [652, 100], "start_year": [2011, 1990],
...                     "end_year": [pd.NA, 1995], "context": ["armed_conflict", "peace"],
...                     "poc_missions": ["", ""], "genocide": ["none", "none"],
...                     "crimes_against_humanity": ["un", "none"], "war_crimes": ["none", "none"],
...                     "ethnic_cleansing": ["none", "none"]})
>>> acd = pd.DataFrame({"conflict_id": [299, 7], "year": [2013, 1993], "intensity_level": [2, 2],
...                     "gwno_loc": ["652", "100"], "location": ["Syria", "Colombia"]})
>>> membership(sit, acd)[["pop1", "pop2", "pop3", "pop4"]].values.tolist()
[[True, False, True, False], [False, False, False, True]]
>>> uncovered_war_years(sit, acd)[["conflict_id", "year"]].values.tolist()
[[7, 1993]]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import schema
from .validation import split_list

FIRST_YEAR = 1989
LABELS = {f"pop{k}": v for k, v in schema.POPULATIONS.items()}


def war_years(acd: pd.DataFrame, first_year: int = FIRST_YEAR) -> pd.DataFrame:
    """UCDP conflict-years at war level since *first_year*, one row per location country."""
    war = acd[(acd["intensity_level"].astype(int) == 2) & (acd["year"].astype(int) >= first_year)].copy()
    war["gwno"] = war["gwno_loc"].astype(str).str.split(",")
    war = war.explode("gwno")
    war["gwno"] = war["gwno"].str.strip().astype(int)
    return war[["conflict_id", "location", "year", "gwno"]].astype({"conflict_id": int, "year": int})


def _conflict_rows(situations: pd.DataFrame) -> pd.DataFrame:
    ac = situations[situations["context"] == "armed_conflict"].copy()
    ac["end"] = pd.to_numeric(ac["end_year"], errors="coerce").fillna(schema.YEAR_MAX).astype(int)
    ac["start"] = pd.to_numeric(ac["start_year"]).astype(int)
    ac["gwno"] = pd.to_numeric(ac["gwno"]).astype(int)
    ids = ac["ucdp_conflict_ids"] if "ucdp_conflict_ids" in ac.columns else pd.Series("", index=ac.index)
    ac["ids"] = split_list(ids.fillna("").astype(str)).map(lambda items: {int(x) for x in items})
    return ac


def war_hits(war: pd.DataFrame, situations: pd.DataFrame) -> pd.DataFrame:
    """Pairs of a war-level conflict-year and an ``armed_conflict`` situation covering it.

    A situation covers a conflict-year in its years when it names the conflict
    in ``ucdp_conflict_ids``; a situation that names no conflict covers the
    conflict-years located in its country. (A situation that names its
    conflicts does not cover an unrelated conflict in the same country: a minor
    insurgency does not make its situation a war case.)
    """
    ac = _conflict_rows(situations)
    unnamed = ac[ac["ids"].map(len) == 0]
    by_place = war.merge(unnamed[["situation_id", "gwno", "start", "end"]], on="gwno")
    named = ac.explode("ids").dropna(subset=["ids"]).astype({"ids": int})
    by_id = war.merge(named[["situation_id", "ids", "start", "end"]], left_on="conflict_id", right_on="ids")
    hits = pd.concat([by_place, by_id], ignore_index=True)
    hits = hits[(hits["start"] <= hits["year"]) & (hits["year"] <= hits["end"])]
    return hits[["conflict_id", "year", "situation_id"]].drop_duplicates()


def uncovered_war_years(situations: pd.DataFrame, acd: pd.DataFrame) -> pd.DataFrame:
    """War-level conflict-years (any location) not inside an ``armed_conflict`` situation.

    A conflict-year with several location countries is covered when any of them is.
    """
    war = war_years(acd)
    hits = war_hits(war, situations)
    keys = set(zip(hits["conflict_id"], hits["year"]))
    covered = pd.Series([(c, y) in keys for c, y in zip(war["conflict_id"], war["year"])], index=war.index)
    out = war[~covered].drop_duplicates(["conflict_id", "year"])
    grouped = war[~covered].groupby(["conflict_id", "year"])["gwno"].apply(
        lambda g: ",".join(str(x) for x in sorted(g)))
    out = out.drop(columns="gwno").merge(grouped.rename("gwno_loc").reset_index(), on=["conflict_id", "year"])
    return out.sort_values(["location", "conflict_id", "year"], ignore_index=True)


def membership(situations: pd.DataFrame, acd: pd.DataFrame | None = None) -> pd.DataFrame:
    """Add boolean columns ``pop1`` to ``pop4`` (``pop3`` is NA without UCDP data)."""
    out = situations.copy()
    ranks = np.column_stack([situations[c].map(schema.TIER_RANK).to_numpy() for c in schema.CRIMES])
    out["pop1"] = (ranks >= schema.TIER_RANK["un"]).any(axis=1)
    out["pop2"] = situations["poc_missions"].fillna("").astype(str).str.strip().ne("")
    if acd is None:
        out["pop3"] = pd.array([pd.NA] * len(out), dtype="boolean")
        out["pop4"] = pd.array([pd.NA] * len(out), dtype="boolean")
        return out
    at_war = set(war_hits(war_years(acd), situations)["situation_id"])
    out["pop3"] = situations["situation_id"].isin(at_war)
    out["pop4"] = ~(out["pop1"] | out["pop2"] | out["pop3"])
    return out


def counts(situations: pd.DataFrame, acd: pd.DataFrame | None = None) -> pd.DataFrame:
    """How many situations each population holds (a situation may be in several)."""
    table = membership(situations, acd)
    rows = []
    for key, label in LABELS.items():
        col = table[key]
        rows.append({"population": key, "description": label,
                     "situations": int(col.sum()) if not col.isna().all() else None})
    return pd.DataFrame(rows)
