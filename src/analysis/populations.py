"""The populations the situation dataset must cover, derived from the data.

Membership is computed, not typed in by coders:

1. **atrocity finding**: a crime coded at tier ``un`` or ``judicial`` (a UN-mandated
   inquiry, the ICC prosecutor, or a court found or charged it);
2. **POC mission host**: a POC-mandated UN operation listed in ``poc_missions``;
3. **war**: the situation is an armed conflict containing a UCDP state-based
   conflict-year at war level (1,000+ battle deaths): of a conflict it names
   in ``ucdp_conflict_ids``, or, if it names none, located in its country;
4. **contrast**: none of populations 1-3;
5. **mass killing**: a ``widespread`` situation holding, in its country and years, an
   episode-year of mass killing in the Early Warning Project's events list or a PITF
   genocide/politicide episode (:func:`mass_killing_hits`).

:func:`uncovered_war_years` is the coverage test of population 3: every
war-level conflict-year since 1989 must fall inside an ``armed_conflict``
situation that names the UCDP conflict id in ``ucdp_conflict_ids``, or that
names no conflict and lies in one of the conflict's location countries.
:func:`uncovered_mass_killings` is the coverage test of population 5: every
EWP or PITF episode-year since 1989 must fall inside a situation in that
country and year coded ``widespread``, unless :data:`MASS_KILLING_YEARS_NOT_CODED`
names it with the reason.

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
from .external import countries
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


def membership(situations: pd.DataFrame, acd: pd.DataFrame | None = None, ewp: pd.DataFrame | None = None,
               pitf: pd.DataFrame | None = None) -> pd.DataFrame:
    """Add boolean columns ``pop1`` to ``pop5``.

    ``pop3`` and ``pop4`` need the UCDP ACD (*acd*), ``pop5`` the EWP events and PITF lists
    (*ewp*, *pitf*); without them these columns are NA. ``pop4`` (contrast) is defined, as before
    population 5 existed, as none of populations 1-3. Population 5 matches by country and year
    only, so a contrast case can share a country-year with a mass-killing episode and belong
    to both.

    Examples
    --------
    >>> sit = pd.DataFrame({"situation_id": ["a", "b"], "gwno": [560, 100], "start_year": [1990, 1990],
    ...                     "end_year": [1994, 1995], "context": ["internal_disturbance", "peace"],
    ...                     "civilian_violence": ["widespread", "isolated"], "poc_missions": ["", ""],
    ...                     **{crime: ["none", "none"] for crime in schema.CRIMES}})
    >>> acd = pd.DataFrame({"conflict_id": [7], "year": [1993], "intensity_level": [2],
    ...                     "gwno_loc": ["100"], "location": ["Colombia"]})
    >>> ewp = pd.DataFrame({"country": ["South Africa"], "mk_event_name": ["government vs ANC supporters"],
    ...                     "mk_event_code": ["zaf1976s1"], "startyear": [1976], "endyear": [1994],
    ...                     "mk_location_cow": [560], "mk_location_inheritor1": [560],
    ...                     "mk_location_inheritor2": [None]})
    >>> pitf = pd.DataFrame(columns=["COUNTRY", "SCODE", "CCODE", "YEAR", "YRBEGIN", "YREND", "PTYPE"])
    >>> membership(sit, acd, ewp, pitf)[["pop3", "pop4", "pop5"]].values.tolist()
    [[False, True, True], [False, True, False]]
    """
    out = situations.copy()
    ranks = np.column_stack([situations[c].map(schema.TIER_RANK).to_numpy() for c in schema.CRIMES])
    out["pop1"] = (ranks >= schema.TIER_RANK["un"]).any(axis=1)
    out["pop2"] = situations["poc_missions"].fillna("").astype(str).str.strip().ne("")
    missing = pd.array([pd.NA] * len(out), dtype="boolean")
    if acd is None:
        out["pop3"] = missing
        out["pop4"] = missing
    else:
        at_war = set(war_hits(war_years(acd), situations)["situation_id"])
        out["pop3"] = situations["situation_id"].isin(at_war)
        out["pop4"] = ~(out["pop1"] | out["pop2"] | out["pop3"])
    if ewp is None or pitf is None:
        out["pop5"] = missing
    else:
        killing = set(mass_killing_hits(mass_killing_years(ewp, pitf), situations)["situation_id"])
        out["pop5"] = situations["situation_id"].isin(killing)
    return out[[*situations.columns, *LABELS]]


def counts(situations: pd.DataFrame, acd: pd.DataFrame | None = None, ewp: pd.DataFrame | None = None,
           pitf: pd.DataFrame | None = None) -> pd.DataFrame:
    """How many situations each population holds (a situation may be in several; None without the data)."""
    table = membership(situations, acd, ewp, pitf)
    rows = []
    for key, label in LABELS.items():
        col = table[key]
        rows.append({"population": key, "description": label,
                     "situations": int(col.sum()) if not col.isna().all() else None})
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- population 5: mass killing
#: EWP events whose location code cannot be read as a COW code of the state where the killing took
#: place in the event's years: ``(mk_event_code, gwno, reason)``. Each was checked against the
#: event's name and summary in the EWP events list (2025).
EWP_LOCATION_FIXES = (
    ("gtm1954s1", 90, "the event's mk_location_cow is 92, El Salvador's code; the event (government vs suspected "
                      "supporters of the leftist insurgency) took place in Guatemala, COW and GW 90"),
    ("scg1998s1", 345, "the event's mk_location_cow is 340, Serbia's code after 2006 (inheritor 347, Kosovo from "
                       "2008); in 1998-1999 Kosovo was part of the Federal Republic of Yugoslavia, GW 345, the code "
                       "of srb-1998-kosovo"),
)


#: Episode-years of the EWP events list that the project's situations do not place inside a
#: ``widespread`` situation, each with the reason drawn from the sources the project read:
#: ``(source, episode, first_year, last_year, reason)``. They are data disagreements about an
#: episode's years, not code mismatches: EWP runs several episodes without a break across years in
#: which the project's sources record no killing on the scale the codebook calls ``widespread``.
#: :func:`uncovered_mass_killings` reports them (column ``documented``) and the coverage test
#: fails if an entry no longer matches an uncovered episode-year.
MASS_KILLING_YEARS_NOT_CODED = (
    ("EWP", "bd11988s1", 1989, 1990,
     "EWP runs the episode that opened with the Ntega and Marangara massacres of August 1988 without a break to "
     "2005; the project's Burundi situations start with the Palipehutu attacks and army reprisals of November 1991 "
     "(bdi-1991-palipehutu), and no source read documents mass killing in 1989-1990"),
    ("EWP", "cog1992ns1", 1992, 1992,
     "the militia violence that Amnesty (AFR 22/01/99) dates from the disputed 1993 elections is coded from 1993 "
     "(cog-1993-militias); no source read documents mass killing by militias in 1992"),
    ("EWP", "cog1992ns1", 1995, 1996,
     "years between the 1993-94 militia war (cog-1993-militias) and the 1997 war (cog-1997), for which the sources "
     "read record no killing on a widespread scale"),
    ("EWP", "cog1993s1", 1995, 1996,
     "as cog1992ns1 1995-1996: between the 1993-94 and 1997 wars"),
    ("EWP", "cog1992ns1", 2000, 2001,
     "years between the end of the 1998-99 war (ceasefire of December 1999; cog-1997) and the renewed Pool fighting "
     "of March 2002 (cog-2002-pool); no source read documents mass killing in 2000-2001"),
    ("EWP", "cog1997s1", 2000, 2001,
     "as cog1992ns1 2000-2001: between the 1998-99 war and the 2002 Pool fighting"),
    ("EWP", "ien1979s1", 2002, 2004,
     "EWP runs the Islamic Republic's repression as one episode 1979-2010; the project codes its violent phases "
     "(irn-1979-kurdistan, irn-1979-mek to 2001, irn-2005-baluch, irn-2005-pjak); for 2002-2004 the source read "
     "(HRW, 'Like the Dead in Their Coffins', June 2004) documents arbitrary detention and torture of dissidents, "
     "not killings on a widespread scale"),
    ("EWP", "lbr1999s1", 1999, 1999,
     "EWP starts the Taylor government's killings of suspected LURD supporters with LURD's first incursions into "
     "Lofa in 1999; UCDP dates the conflict (341) from 2000, where lbr-2000 starts, and no source read documents "
     "the 1999 killings"),
    ("EWP", "npl1995s1", 1995, 1995,
     "EWP dates the government's episode from the police operation in Rolpa of November 1995 ('Operation Romeo'), "
     "before the Maoists launched their war in February 1996, where npl-1996 starts; the operation's toll (about a "
     "dozen deaths in secondary accounts) was not verified in a primary source"),
    ("EWP", "rus1994s1", 1997, 1998,
     "interwar years between the Khasavyurt agreement (August 1996) and the second war (1999): UCDP records no "
     "activity in conflict 401, and the project's situations are rus-1994-chechnya and rus-1999-chechnya"),
    ("EWP", "rus1995ns1", 1997, 1998,
     "as rus1994s1: the interwar years 1997-1998 in Chechnya"),
    ("EWP", "sle1991s1", 2002, 2002,
     "EWP ends the episode in the year the war was declared over (January 2002); UCDP's last active year of "
     "conflict 382 is 2001, where sle-1991 ends, and the post-war period (sle-2002-postwar) saw isolated violence"),
    ("EWP", "sle1991ns1", 2002, 2002,
     "as sle1991s1: the war was declared over in January 2002"),
    ("EWP", "tcd1991s1", 1999, 2003,
     "Amnesty's reports read document extrajudicial executions by Deby's forces to 1997 (tcd-1991 runs to 1998); "
     "for 1999-2003 the project codes the MDJT rebellion (tcd-1999-mdjt), where no source read documents more "
     "than isolated harm to civilians"),
)


def mass_killing_years(ewp: pd.DataFrame, pitf: pd.DataFrame, first_year: int = FIRST_YEAR,
                       last_year: int = 2024) -> pd.DataFrame:
    """Episode-years of mass killing from *first_year* to *last_year*, one row per episode, year and GW code.

    EWP events (``analysis.external.load.load("ewp_events")``) run from ``startyear`` to ``endyear``; an event with
    no ``endyear`` is ongoing and runs to *last_year*. Their location is ``mk_location_cow`` or an
    inheritor state (``mk_location_inheritor1/2``), COW codes translated with
    :func:`analysis.external.countries.gw_from_cow`, except for the events of :data:`EWP_LOCATION_FIXES`.
    PITF genocide/politicide episodes (``analysis.external.load.load("pitf")``) are taken year by year as the file
    lists them (the 2014 edition stops in 2014, so its two ongoing episodes are not extended), with
    codes translated by :func:`analysis.external.countries.gw_from_pitf`.

    Returns columns ``source`` (``EWP`` or ``PITF``), ``episode`` (EWP event code; PITF ``SCODE``
    and start year), ``name``, ``country``, ``year`` and ``gwno``.
    """
    ewp = ewp.copy()
    ewp["end"] = pd.to_numeric(ewp["endyear"], errors="coerce").fillna(last_year).astype(int)
    ewp["start"] = pd.to_numeric(ewp["startyear"]).astype(int)
    fixes = {code: gw for code, gw, _ in EWP_LOCATION_FIXES}
    # one row per event, year and location code (a fixed GW code, or a COW code translated below in one call)
    located = []
    for order, event in enumerate(ewp.itertuples(index=False)):
        code = str(event.mk_event_code).strip()
        cows = [getattr(event, c) for c in ("mk_location_cow", "mk_location_inheritor1", "mk_location_inheritor2")
                if pd.notna(getattr(event, c))]
        for year in range(max(event.start, first_year), min(event.end, last_year) + 1):
            base = (order, code, str(event.mk_event_name).strip(), event.country, year)
            located += [(*base, fixes[code], None)] if code in fixes else [(*base, None, cow) for cow in cows]
    frame = pd.DataFrame(located, columns=["order", "episode", "name", "country", "year", "fixed", "cow"])
    translated = countries.gw_from_cow(frame["cow"].astype("float"), frame["year"])
    frame["gwno"] = frame["fixed"].astype("Int64").fillna(translated)
    frame = frame.dropna(subset=["gwno"]).astype({"gwno": int}).drop_duplicates(["order", "year", "gwno"])
    frame = frame.sort_values(["order", "year", "gwno"], kind="stable")
    rows = [{"source": "EWP", "episode": r.episode, "name": r.name, "country": r.country, "year": r.year,
             "gwno": r.gwno} for r in frame.itertuples(index=False)]
    pitf = pitf[pd.to_numeric(pitf["YEAR"]).between(first_year, last_year)]
    gw = countries.gw_from_pitf(pitf["SCODE"], pitf["CCODE"], pitf["YEAR"])
    for row, code in zip(pitf.itertuples(index=False), gw):
        rows.append({"source": "PITF", "episode": f"{str(row.SCODE).strip()}-{int(row.YRBEGIN)}",
                     "name": f"{row.COUNTRY} genocide/politicide {int(row.YRBEGIN)}-"
                             f"{'' if pd.isna(row.YREND) else int(row.YREND)}",
                     "country": row.COUNTRY, "year": int(row.YEAR), "gwno": int(code)})
    columns = ["source", "episode", "name", "country", "year", "gwno"]
    return pd.DataFrame(rows, columns=columns).drop_duplicates(ignore_index=True)


def mass_killing_hits(years: pd.DataFrame, situations: pd.DataFrame) -> pd.DataFrame:
    """Pairs of a mass-killing episode-year and a ``widespread`` situation in its country and years."""
    sit = situations[situations["civilian_violence"] == "widespread"].copy()
    sit["end"] = pd.to_numeric(sit["end_year"], errors="coerce").fillna(schema.YEAR_MAX).astype(int)
    sit["start"] = pd.to_numeric(sit["start_year"]).astype(int)
    sit["gwno"] = pd.to_numeric(sit["gwno"]).astype(int)
    hits = years.merge(sit[["situation_id", "gwno", "start", "end"]], on="gwno")
    hits = hits[(hits["start"] <= hits["year"]) & (hits["year"] <= hits["end"])]
    return hits[["source", "episode", "year", "situation_id"]].drop_duplicates(ignore_index=True)


def uncovered_mass_killings(situations: pd.DataFrame, ewp: pd.DataFrame, pitf: pd.DataFrame,
                            first_year: int = FIRST_YEAR, last_year: int = 2024,
                            documented: tuple = MASS_KILLING_YEARS_NOT_CODED) -> pd.DataFrame:
    """Mass-killing episode-years (EWP events, PITF episodes) outside every ``widespread`` situation.

    Population 5's coverage test: every episode-year of :func:`mass_killing_years` must fall inside a
    situation with ``civilian_violence`` ``widespread`` whose ``gwno`` is a location of the episode
    in that year and whose span holds the year. Any context counts: mass killing happens in wars,
    under repression and in riots alike. An episode-year with several location codes (an EWP
    event's inheritor states) is covered when one of them is.

    Parameters
    ----------
    situations : DataFrame
        The ``situations.csv`` columns ``situation_id``, ``gwno``, ``start_year``, ``end_year`` and
        ``civilian_violence``.
    ewp, pitf : DataFrame
        ``analysis.external.load.load("ewp_events")`` and ``analysis.external.load.load("pitf")`` (or frames with
        their columns).
    first_year, last_year : int
        The years checked.
    documented : tuple
        ``(source, episode, first_year, last_year, reason)`` entries for episode-years the
        project's sources do not place in a ``widespread`` situation.

    Returns
    -------
    DataFrame
        One row per uncovered episode-year: ``source``, ``episode``, ``name``, ``country``, ``year``,
        ``gwno`` (the location codes, comma-separated) and ``documented`` (the reason, or empty).

    Examples
    --------
    >>> sit = pd.DataFrame({"situation_id": ["x"], "gwno": [625], "start_year": [2003], "end_year": [2005],
    ...                     "civilian_violence": ["widespread"]})
    >>> ewp = pd.DataFrame({"country": ["Sudan"], "mk_event_name": ["government vs Darfur"],
    ...                     "mk_event_code": ["sdn2003s1"], "startyear": [2003], "endyear": [2006],
    ...                     "mk_location_cow": [625], "mk_location_inheritor1": [625],
    ...                     "mk_location_inheritor2": [None]})
    >>> pitf = pd.DataFrame({"COUNTRY": ["Sudan"], "SCODE": ["SUD"], "CCODE": [625], "YEAR": [2004],
    ...                      "YRBEGIN": [2003], "YREND": [2011], "PTYPE": [3]})
    >>> uncovered_mass_killings(sit, ewp, pitf)[["source", "episode", "year"]].values.tolist()
    [['EWP', 'sdn2003s1', 2006]]
    >>> gap = (("EWP", "sdn2003s1", 2006, 2006, "the sources read end the killing in 2005"),)
    >>> uncovered_mass_killings(sit, ewp, pitf, documented=gap)["documented"].tolist()
    ['the sources read end the killing in 2005']
    """
    years = mass_killing_years(ewp, pitf, first_year, last_year)
    hits = mass_killing_hits(years, situations)
    keys = set(zip(hits["source"], hits["episode"], hits["year"]))
    covered = pd.Series([k in keys for k in zip(years["source"], years["episode"], years["year"])],
                        index=years.index, dtype=bool)
    missing = years[~covered]
    columns = ["source", "episode", "name", "country", "year", "gwno", "documented"]
    if missing.empty:
        return pd.DataFrame(columns=columns)
    codes = missing.groupby(["source", "episode", "year"])["gwno"].apply(lambda g: ",".join(str(x) for x in sorted(g)))
    out = missing.drop(columns="gwno").drop_duplicates(["source", "episode", "year"])
    out = out.merge(codes.reset_index(), on=["source", "episode", "year"])
    reasons = {(src, ep, y): why for src, ep, first, last, why in documented for y in range(first, last + 1)}
    out["documented"] = [reasons.get(k, "") for k in zip(out["source"], out["episode"], out["year"])]
    return out[columns].sort_values(["country", "source", "episode", "year"], ignore_index=True)
