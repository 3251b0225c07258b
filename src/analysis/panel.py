"""The country-year panel: external indicators and proxy rules for POC and R2P.

Expert coding (:mod:`analysis.scope`) answers the question for chosen
situations; the panel answers it for every Gleditsch–Ward country-year from the
datasets the field trusts. Two steps are kept apart so that robustness checks
can re-classify without rebuilding:

:func:`build_panel`
    the raw indicators, one row per country-year of the spine
    (:func:`analysis.external.countries.gw_spine`), coverage gaps left missing;
:func:`classify_panel`
    adds ``poc``, ``r2p``, ``category`` and ``reasons`` under :class:`ProxyRules`.

The proxies are indicators, not legal findings: a country-year with an active
armed conflict is a place where POC obligations apply; one with a mass killing
under way is one where R2P's responsibility to protect is engaged. See
``docs/decisions/003-panel-proxy-rules.md``.

This module also maps the Security Council's vetoes to the countries whose
situation they concern (:func:`council_vetoes`).

References
----------
.. [1] Davies, S., Pettersson, T., Sollenberg, M. & Öberg, M. (2025). Organized
   violence 1989–2024. *Journal of Peace Research* 62(4).
.. [2] Harff, B. (2003). No lessons learned from the Holocaust? *American
   Political Science Review* 97(1), 57–73.
.. [3] Early Warning Project (2025). Statistical Risk Assessment and
   mass-killing data. https://earlywarningproject.ushmm.org/
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from . import scope, sources
from .external import countries

# --------------------------------------------------------------------------- vetoes

#: The Security Council's permanent members as the veto file names them.
P5 = ("China", "France", "Russia", "UK", "USA", "USSR")

#: Crisis topics of the veto file (its ``crisis_topic``) mapped to the ISO3 codes of the
#: countries whose situation the draft concerned. ``()`` marks a thematic topic (no country).
#: Topics not listed here are plain country names, converted with country_converter.
VETO_TOPICS: dict[str, tuple[str, ...]] = {
    # "The situation in the Middle East, including the Palestinian question", "occupied Arab
    # territories": the occupied Palestinian territory (GW has no Palestinian state; UCDP and
    # the override table place it in Israel, 666)
    "Israel-Palestine": ("PSE",),
    # "The situation in the Middle East" 1972-1988 on Israel's operations in Lebanon
    "Israel-Lebanon": ("LBN",),
    # 1960: the Republic of the Congo (Leopoldville), today DR Congo; country_converter reads COG
    "Congo": ("COD",),
    "India-Pakistan": ("IND", "PAK"),
    "Greek Civil War": ("GRC",),
    "Korean War": ("KOR",),
    "Berlin Blockade": ("DEU",),
    "Malasyia": ("MYS",),  # sic in the file
    "Rhodesia": ("ZWE",),
    "Southern Africa": ("ZAF",),  # 1986 draft on sanctions against South Africa
    "Admission": (),
    "Atomic Energy Commission": (),
    "Biological Warfare": (),
    "Climate and Security": (),
    "Disarmament": (),
    "Korean Airlines": (),
    "Terrorism": (),
    "US-USSR": (),
}

#: Drafts whose agenda item names another country than the file's crisis topic.
VETO_DRAFTS: dict[str, tuple[str, ...]] = {
    "S/PV.122": ("ALB",),  # "Incidents in the Corfu Channel" (topic: Greek Civil War)
    "S/5033": ("IND",),  # "Letter ... from Portugal ... concerning Goa" (topic: India-Pakistan)
    "S/13162": ("VNM",),  # "China and Viet Nam border dispute" (topic: Cambodia)
    "S/20378": ("LBY",),  # "Letters dated 4 January 1989 from Libya and Bahrain" (topic: Israel-Palestine)
}

#: Agenda items about admitting a member: thematic whatever the topic says (1976 "Admission ... Angola").
ADMISSION = re.compile(r"^(admission of new members|applications? for membership)", re.IGNORECASE)

#: The last year the veto file covers in full (its release ends in September 2022).
VETO_LAST_FULL_YEAR = 2021


def _topic_codes(topics: list[str]) -> dict[str, tuple[str, ...]]:
    import logging

    import country_converter as coco

    logging.getLogger("country_converter").setLevel(logging.ERROR)
    todo = sorted(set(topics) - set(VETO_TOPICS))
    found = coco.convert(todo, to="ISO3", not_found=None) if todo else []
    found = [found] if isinstance(found, str) and len(todo) == 1 else found
    known = countries.known_codes()
    out = dict(VETO_TOPICS)
    for topic, code in zip(todo, found):
        codes = tuple(code) if isinstance(code, list) else (code,)
        if all(c in known for c in codes):
            out[topic] = codes
    return out


def council_vetoes() -> pd.DataFrame:
    """Security Council vetoes, one row per (draft, country whose situation it concerns).

    Each veto's crisis topic is mapped to countries: by :data:`VETO_TOPICS`
    (a small table for topics that are not a country's name, such as
    "Israel-Palestine" or "Congo"), by :data:`VETO_DRAFTS` where the agenda item
    names another country, otherwise by country_converter on the topic. Vetoes
    on admissions and on thematic items keep one row with ``iso3`` and ``gwno``
    missing: no row is dropped. ``gwno`` is the Gleditsch–Ward state holding the
    territory that year (:func:`analysis.external.countries.gw_for_iso3`), missing where
    none existed (Namibia before 1990).

    Returns
    -------
    DataFrame
        ``year, date, draft, agenda_item, iso3, gwno, vetoing, crisis_topic, basis,
        record`` sorted by date, draft and country; ``vetoing`` is the
        ';'-joined sorted members that cast the veto; ``basis`` is how the
        country was found (``topic table``, ``draft table``,
        ``country_converter``, ``thematic``); ``record`` is the veto's data row
        in the file (the file lists some drafts twice, e.g. two vetoes at
        S/PV.49, so the draft alone is no key).

    Raises
    ------
    analysis.sources.DataError
        When a crisis topic is neither in the tables nor a country name.

    Examples
    --------
    >>> v = council_vetoes()
    >>> v[v.draft == "S/2007/14"][["year", "iso3", "gwno", "vetoing"]].values.tolist()
    [[2007, 'MMR', 775, 'China;Russia']]
    >>> int((v[(v.year >= 2011) & (v.iso3 == "SYR")]).draft.nunique())
    17

    References
    ----------
    .. [1] Dag Hammarskjöld Library, Security Council - Veto List,
       https://research.un.org/en/docs/sc/quick/veto
    """
    raw = sources.load("unsc_vetoes").reset_index(drop=True)
    label = sources.REGISTRY["unsc_vetoes"].file
    topics = raw["crisis_topic"].fillna("").astype(str).str.strip()
    table = _topic_codes(sorted(set(topics)))
    members = raw[["member_veto1", "member_veto2", "member_veto3"]]
    rows = []
    for i, rec in raw.iterrows():
        draft = str(rec["draft"]).strip()
        agenda = str(rec["agenda_item"]).strip()
        topic = topics[i]
        vetoing = sorted({str(m).strip() for m in members.loc[i].dropna()})
        odd = [m for m in vetoing if m not in P5]
        if odd:
            raise sources.DataError(f"{label}: data row {i + 1}, column member_veto*: value {odd[0]!r} is not a "
                                    f"permanent member ({', '.join(P5)})")
        if ADMISSION.match(agenda):
            codes, basis = (), "thematic"
        elif draft in VETO_DRAFTS:
            codes, basis = VETO_DRAFTS[draft], "draft table"
        elif topic in table:
            codes = table[topic]
            basis = "thematic" if not codes else ("topic table" if topic in VETO_TOPICS else "country_converter")
        else:
            raise sources.DataError(f"{label}: data row {i + 1}, column crisis_topic: value {topic!r} is neither "
                                    "a country name nor in analysis.panel.VETO_TOPICS; add it there")
        year = int(rec["year"])
        for iso3 in codes or (None,):
            gwno = countries.gw_for_iso3(iso3, year) if iso3 else None
            rows.append({"year": year, "date": pd.to_datetime(rec["date"], format="%m/%d/%Y"), "draft": draft,
                         "agenda_item": agenda, "iso3": iso3, "gwno": gwno, "vetoing": ";".join(vetoing),
                         "crisis_topic": topic, "basis": basis, "record": i + 1})
    out = pd.DataFrame(rows)
    out["gwno"] = out["gwno"].astype("Int64")
    out["iso3"] = out["iso3"].astype(object).where(out["iso3"].notna(), None)
    return out.sort_values(["date", "draft", "record", "iso3"], ignore_index=True, na_position="first")


# --------------------------------------------------------------------------- indicators

#: Bounds on the one-sided deaths where UCDP does not split them by country (:func:`one_sided_by_location`).
OSV_BOUNDS = ("osv_deaths_min", "osv_deaths_max", "osv_max_actor_min", "osv_max_actor_max")
#: The panel's columns, in order (the raw indicators; :func:`classify_panel` adds the results).
COLUMNS = ("gwno", "iso3", "year", "region", "conflict_active", "conflict_intensity", "battle_deaths",
           "mass_killing", "genocide_politicide", "osv_deaths", "osv_max_actor", *OSV_BOUNDS, "poc_mission",
           "council_veto")
#: The columns :func:`classify_panel` adds.
RESULT_COLUMNS = ("poc", "r2p", "category", "reasons")
#: Which source's coverage each indicator follows (see :func:`coverage`).
SOURCE_OF = {"conflict_active": "conflict", "conflict_intensity": "conflict", "battle_deaths": "battle_deaths",
             "mass_killing": "mass_killing", "genocide_politicide": "genocide_politicide", "osv_deaths": "osv",
             "osv_max_actor": "osv", **{b: "osv" for b in OSV_BOUNDS}, "poc_mission": "poc_mission",
             "council_veto": "council_veto"}


def _label(key: str) -> str:
    return sources.REGISTRY[key].file


def conflict_locations(start: int = 1989, end: int = 2024) -> pd.DataFrame:
    """UCDP/PRIO state-based conflict-years, one row per country the conflict is located in.

    Returns
    -------
    DataFrame
        ``conflict_id, year, gwno, intensity_level, type_of_conflict`` from
        ``gwno_loc`` (a conflict located in two countries has a row for each).

    Examples
    --------
    >>> c = conflict_locations(2024, 2024)
    >>> int(c.conflict_id.nunique()), sorted(c[c.conflict_id == 13243].gwno)   # Russia-Ukraine
    (61, [365, 369])
    """
    acd = sources.load("ucdp_acd")
    acd = acd[acd["year"].between(start, end)]
    out = sources.explode_codes(acd, "gwno_loc", label=_label("ucdp_acd"))
    cols = ["conflict_id", "year", "gwno", "intensity_level", "type_of_conflict"]
    return out[cols].astype("int64").sort_values(["year", "conflict_id", "gwno"], ignore_index=True)


def battle_deaths_by_location(start: int = 1989, end: int = 2024) -> pd.DataFrame:
    """UCDP battle-related deaths (best estimate) per country-year, by the conflict's location.

    Each dyad-year's ``bd_best`` goes to every country in its ``gwno_loc``: the
    file does not split a conflict located in two countries (Eritrea–Ethiopia,
    Russia–Ukraine), so such deaths count in full for each.

    Examples
    --------
    >>> b = battle_deaths_by_location(2013, 2013)
    >>> int(b.loc[b.gwno == 652, "battle_deaths"].iloc[0])
    72016
    """
    brd = sources.load("ucdp_brd")
    brd = brd[brd["year"].between(start, end)]
    out = sources.explode_codes(brd, "gwno_loc", label=_label("ucdp_brd"))
    table = out.groupby(["gwno", "year"], as_index=False)["bd_best"].sum()
    return table.rename(columns={"bd_best": "battle_deaths"}).astype("int64")


def one_sided_by_location(start: int = 1989, end: int = 2024) -> pd.DataFrame:
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
    the multi-country actor-years touching the country-year.

    Examples
    --------
    >>> o = one_sided_by_location(1994, 1994)
    >>> cols = ["osv_deaths", "osv_deaths_min", "osv_deaths_max", "osv_max_actor", "osv_max_actor_min",
    ...         "osv_max_actor_max", "multi_actor_years"]
    >>> o[o.gwno == 517][cols].values.tolist()  # Rwanda
    [[<NA>, 0, 770954, <NA>, 0, 759800, 3]]
    >>> o[o.gwno == 432][cols].values.tolist()  # Mali
    [[593, 593, 593, 251, 251, 251, 0]]
    >>> o[o.gwno == 475][cols].values.tolist()  # Nigeria
    [[<NA>, 56, 111, 56, 56, 56, 1]]
    """
    osv = sources.load("ucdp_osv")
    osv = osv[osv["year"].between(start, end)]
    out = sources.explode_codes(osv, "gwno_location", label=_label("ucdp_osv"))
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


def ewp_mass_killing(start: int = 1989, end: int = 2024) -> pd.DataFrame:
    """EWP base data: ``gwno, year, mass_killing`` (``mk_ongoing`` as bool), COW codes mapped to GW.

    Examples
    --------
    >>> e = ewp_mass_killing(2024, 2024)
    >>> int(e.mass_killing.sum())
    14
    """
    base = sources.load("ewp_base")
    base = base[base["year"].between(start, end)]
    out = pd.DataFrame({"gwno": countries.gw_from_cow(base["ccode"], base["year"]).astype("int64"),
                        "year": base["year"].astype("int64"),
                        "mass_killing": base["mk_ongoing"].map({1: True, 0: False}).astype("boolean"),
                        "country": base["country"]})
    return out.reset_index(drop=True)


def pitf_episodes(start: int = 1989, end: int = 2024) -> pd.DataFrame:
    """PITF genocide/politicide episode-years: ``gwno, year, ptype, deathmag`` (one row per file row).

    Examples
    --------
    >>> p = pitf_episodes(1994, 1994)
    >>> p[p.gwno == 517].deathmag.tolist()
    [5.0]
    """
    pitf = sources.load("pitf")
    pitf = pitf[pitf["YEAR"].between(start, end)]
    return pd.DataFrame({"gwno": countries.gw_from_pitf(pitf["SCODE"], pitf["CCODE"], pitf["YEAR"]).astype("int64"),
                         "year": pitf["YEAR"].astype("int64"), "ptype": pitf["PTYPE"].astype("int64"),
                         "deathmag": pitf["DEATHMAG"], "country": pitf["COUNTRY"]}).reset_index(drop=True)


def poc_mission_years(start: int = 1989, end: int = 2024) -> pd.DataFrame:
    """Country-years with a POC-mandated UN operation (``data/raw/missions.csv``).

    A mission counts from the year of its first POC resolution (MONUC deployed
    in 1999, POC mandate 2000) to its end year (ongoing: *end*), in each of its
    countries; each country's GW code is the state holding it that year.

    Examples
    --------
    >>> m = poc_mission_years(2011, 2011)
    >>> sorted(m[m.acronym.isin(["UNMISS", "UNISFA"])].gwno.tolist())
    [625, 626, 626]
    """
    from . import data

    missions = data.load_missions()
    rows = []
    for rec in missions.itertuples():
        first = max(int(rec.start_year), int(re.search(r"\((\d{4})\)", rec.first_poc_resolution).group(1)), start)
        last = min(int(rec.end_year) if pd.notna(rec.end_year) else end, end)
        for iso3 in str(rec.iso3).split(";"):
            for year in range(first, last + 1):
                rows.append((countries.gw_for_iso3(iso3.strip(), year), year, iso3.strip(), rec.acronym))
    out = pd.DataFrame(rows, columns=["gwno", "year", "iso3", "acronym"])
    return out.astype({"gwno": "Int64"}).sort_values(["year", "gwno", "acronym"], ignore_index=True)


def coverage() -> dict[str, tuple[int, int]]:
    """First and last year each source covers, read from the files.

    Outside these years an indicator is missing, never 0 or False: PITF's 2014
    release ends in 2014; UCDP battle deaths and one-sided violence start in
    1989; the veto list is complete to 2021 (its release stops in September 2022).

    Examples
    --------
    >>> cov = coverage()
    >>> cov["genocide_politicide"], cov["osv"], cov["council_veto"]
    ((1956, 2014), (1989, 2025), (1946, 2021))
    """
    acd, brd, osv = (sources.load(k)["year"] for k in ("ucdp_acd", "ucdp_brd", "ucdp_osv"))
    base = sources.load("ewp_base")
    pitf = sources.load("pitf")["YEAR"]
    vetoes = sources.load("unsc_vetoes")["year"]
    return {"conflict": (int(acd.min()), int(acd.max())), "battle_deaths": (int(brd.min()), int(brd.max())),
            "osv": (int(osv.min()), int(osv.max())),
            "mass_killing": (int(base.loc[base["mk_ongoing"].notna(), "year"].min()),
                             int(base.loc[base["mk_ongoing"].notna(), "year"].max())),
            "genocide_politicide": (int(pitf.min()), int(pitf.max())),
            "poc_mission": (1948, 2100), "council_veto": (int(vetoes.min()), VETO_LAST_FULL_YEAR)}


def _set_aside(frame: pd.DataFrame, keys: set, what: str) -> list[str]:
    outside = frame[[k not in keys for k in zip(frame["gwno"], frame["year"])]]
    if not len(outside):
        return []
    listed = ", ".join(f"{g} {y}" for g, y in sorted(set(zip(outside["gwno"], outside["year"])))[:8])
    return [f"{what}: {len(outside)} rows outside the Gleditsch-Ward spine set aside ({listed})"]


def build_panel(start: int = 1989, end: int = 2024) -> pd.DataFrame:
    """The country-year panel of raw indicators, one row per Gleditsch–Ward state-year.

    Parameters
    ----------
    start, end : int
        Years (inclusive). The spine extends the states alive at the GW list's
        2017 cap to *end* (:func:`analysis.external.countries.gw_spine`).

    Returns
    -------
    DataFrame
        :data:`COLUMNS`, sorted by ``year, gwno``:

        ``conflict_active`` (bool), ``conflict_intensity`` (0 none, 1 minor, 2 war)
            UCDP/PRIO ACD: a state-based conflict located in the country (``gwno_loc``);
        ``battle_deaths``
            UCDP BRD best estimate by location (:func:`battle_deaths_by_location`);
        ``mass_killing``
            EWP ``mk_ongoing``; missing where the EWP has no row (small states);
        ``genocide_politicide``
            a PITF episode-year; missing after the 2014 release, never False;
        ``osv_deaths``, ``osv_max_actor``
            UCDP one-sided deaths, total and by the largest single actor; missing
            where an actor-year located in several countries touches the
            country-year and leaves the value open (:func:`one_sided_by_location`);
        ``osv_deaths_min``, ``osv_deaths_max``, ``osv_max_actor_min``, ``osv_max_actor_max``
            the bounds on those two: equal to the exact value where it is known;
            otherwise the single-country actors alone (min) and those plus the
            whole totals of the multi-country actor-years (max);
        ``poc_mission``
            a POC-mandated UN operation (:func:`poc_mission_years`);
        ``council_veto``
            a veto on the country's situation that year (:func:`council_vetoes`);
            False only in years the veto list covers in full.

        Every indicator is missing outside its source's years (:func:`coverage`).
        ``attrs["notes"]`` lists source rows that fall outside the spine (set aside,
        counted) and ``attrs["coverage"]`` the coverage used.

    Examples
    --------
    >>> p = build_panel()
    >>> p.loc[(p.iso3 == "SYR") & (p.year == 2013), ["conflict_intensity", "battle_deaths"]].values.tolist()
    [[2, 72016]]
    >>> p.loc[(p.iso3 == "RWA") & (p.year == 1994), ["mass_killing", "genocide_politicide"]].values.tolist()
    [[True, True]]
    >>> bool(p.loc[p.year == 2015, "genocide_politicide"].isna().all())
    True
    """
    start, end = int(start), int(end)
    spine = countries.gw_spine(start, end)
    keys = set(zip(spine["gwno"], spine["year"]))
    cov = coverage()
    notes: list[str] = []
    panel = spine[["gwno", "iso3", "year"]].copy()
    panel["region"] = countries.region(panel["gwno"])

    conflicts = conflict_locations(start, end)
    notes += _set_aside(conflicts, keys, "UCDP/PRIO ACD conflict locations")
    intensity = conflicts.groupby(["gwno", "year"], as_index=False)["intensity_level"].max()
    brd = battle_deaths_by_location(start, end)
    notes += _set_aside(brd, keys, "UCDP battle deaths")
    osv = one_sided_by_location(start, end)
    notes += _set_aside(osv, keys, "UCDP one-sided violence")
    touched = osv[(osv["multi_actor_years"] > 0) & osv["osv_deaths"].isna()]
    if len(touched):
        notes.append(f"UCDP one-sided violence: {len(touched)} country-years touched by actor-years located in "
                     "several countries: osv_deaths only bounded there (the file does not split the deaths), "
                     f"osv_max_actor only bounded in {int(osv['osv_max_actor'].isna().sum())} of them")
    osv = osv.drop(columns="multi_actor_years")
    ewp = ewp_mass_killing(start, end)
    notes += _set_aside(ewp, keys, "EWP base data")
    pitf = pitf_episodes(start, end)
    notes += _set_aside(pitf, keys, "PITF")
    pitf_years = pitf[["gwno", "year"]].drop_duplicates().assign(genocide_politicide=True)
    missions = poc_mission_years(start, end).dropna(subset=["gwno"]).astype({"gwno": "int64"})
    notes += _set_aside(missions, keys, "POC missions")
    mission_years = missions[["gwno", "year"]].drop_duplicates().assign(poc_mission=True)
    vetoes = council_vetoes()
    vetoes = vetoes[vetoes["year"].between(start, end) & vetoes["gwno"].notna()].astype({"gwno": "int64"})
    notes += _set_aside(vetoes, keys, "Security Council vetoes")
    veto_years = vetoes[["gwno", "year"]].drop_duplicates().assign(council_veto=True)

    for table in (intensity.rename(columns={"intensity_level": "conflict_intensity"}), brd, ewp.drop(columns="country"),
                  pitf_years, osv, mission_years, veto_years):
        panel = panel.merge(table, on=["gwno", "year"], how="left", validate="one_to_one")

    def covered(source: str) -> pd.Series:
        first, last = cov[source]
        return panel["year"].between(first, last)

    panel["conflict_intensity"] = panel["conflict_intensity"].fillna(0).astype("Int64")
    panel["conflict_active"] = (panel["conflict_intensity"] > 0).astype("boolean")
    for col in ("conflict_intensity", "conflict_active"):
        panel[col] = panel[col].where(covered("conflict"))
    no_osv = ~panel.set_index(["gwno", "year"]).index.isin(osv.set_index(["gwno", "year"]).index)
    panel["battle_deaths"] = panel["battle_deaths"].fillna(0).astype("Int64").where(covered("battle_deaths"))
    for col in ("osv_deaths", "osv_max_actor", *OSV_BOUNDS):
        panel[col] = panel[col].astype("Int64").mask(no_osv, 0).where(covered("osv"))
    panel["mass_killing"] = panel["mass_killing"].astype("boolean").where(covered("mass_killing"))
    for col in ("genocide_politicide", "poc_mission"):
        panel[col] = panel[col].astype("boolean").fillna(False).where(covered(SOURCE_OF[col]))
    veto = panel["council_veto"].astype("boolean")
    panel["council_veto"] = veto.fillna(False).where(covered("council_veto") | veto.fillna(False))
    panel = panel[list(COLUMNS)].sort_values(["year", "gwno"], ignore_index=True)
    panel.attrs = {"notes": notes, "coverage": cov}
    return panel


# --------------------------------------------------------------------------- proxy rules

R2P_SOURCES = ("any", "ewp", "pitf", "osv")
COVERAGE_MODES = ("available", "strict")


@dataclass(frozen=True)
class ProxyRules:
    """The proxy rules that turn the panel's indicators into POC and R2P (defaults as in issue 5).

    Parameters
    ----------
    min_intensity : {1, 2}
        POC conflict trigger: a state-based conflict located in the country at
        UCDP intensity at least this (1: any, 25+ battle deaths; 2: war, 1,000+).
    poc_mission : bool
        A POC-mandated UN operation present makes the country-year POC.
    osv_poc_min : int or None
        One-sided deaths (all actors) at or above this make it POC; None: unused.
    osv_r2p_min : int or None
        One-sided deaths by a single actor at or above this make it R2P; None: unused.
    r2p_source : {'any', 'ewp', 'pitf', 'osv'}
        Which source decides R2P: ``any`` = EWP mass killing or PITF
        genocide/politicide or one actor's one-sided deaths >= *osv_r2p_min*;
        otherwise that source alone.
    coverage : {'available', 'strict'}
        ``available``: a source that does not cover a year (PITF after 2014)
        drops out of that year's rule; ``strict``: it counts as missing.

    Notes
    -----
    Inputs combine with Kleene's three-valued OR: True if any input is True;
    otherwise missing if any input is missing; otherwise False. So True OR
    missing = True and False OR missing = missing. A rule with no input at all
    in a year (``r2p_source='pitf'`` after 2014) is missing. ``category`` is
    missing when ``poc`` or ``r2p`` is.

    The two one-sided-deaths tests use the bounds of
    :func:`one_sided_by_location` where UCDP leaves a country's share open
    (``osv_deaths_min``/``_max``, ``osv_max_actor_min``/``_max``): True if
    the lower bound reaches the threshold, False if the upper bound stays
    below it, otherwise missing. A frame without bound columns uses the exact
    value alone.

    Examples
    --------
    >>> for part in ProxyRules().describe().split("; "):
    ...     print(part)
    POC: conflict (intensity >= 1, 25+ battle deaths) or POC mission or one-sided deaths >= 25
    R2P: EWP mass killing or PITF genocide/politicide or one-sided deaths by one actor >= 1,000
    sources outside their years drop out
    """

    min_intensity: int = 1
    poc_mission: bool = True
    osv_poc_min: int | None = 25
    osv_r2p_min: int | None = 1000
    r2p_source: str = "any"
    coverage: str = "available"

    def __post_init__(self):
        if self.min_intensity not in (1, 2):
            raise ValueError(f"ProxyRules.min_intensity: {self.min_intensity!r} is not 1 or 2")
        if self.r2p_source not in R2P_SOURCES:
            raise ValueError(f"ProxyRules.r2p_source: {self.r2p_source!r} is not one of {', '.join(R2P_SOURCES)}")
        if self.coverage not in COVERAGE_MODES:
            raise ValueError(f"ProxyRules.coverage: {self.coverage!r} is not one of {', '.join(COVERAGE_MODES)}")
        for name in ("osv_poc_min", "osv_r2p_min"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, int) or value < 1):
                raise ValueError(f"ProxyRules.{name}: {value!r} is not a positive integer or None")
        if self.r2p_source == "osv" and self.osv_r2p_min is None:
            raise ValueError("ProxyRules: r2p_source='osv' needs osv_r2p_min")

    def describe(self) -> str:
        """The rules in one line of words."""
        level = "25+ battle deaths" if self.min_intensity == 1 else "war, 1,000+ battle deaths"
        poc = [f"conflict (intensity >= {self.min_intensity}, {level})"]
        poc += ["POC mission"] if self.poc_mission else []
        poc += [f"one-sided deaths >= {self.osv_poc_min:,}"] if self.osv_poc_min is not None else []
        r2p = [label for key, label in (("ewp", "EWP mass killing"), ("pitf", "PITF genocide/politicide"))
               if self.r2p_source in ("any", key)]
        if self.r2p_source in ("any", "osv") and self.osv_r2p_min is not None:
            r2p.append(f"one-sided deaths by one actor >= {self.osv_r2p_min:,}")
        mode = "sources outside their years drop out" if self.coverage == "available" else \
            "sources outside their years count as missing"
        return f"POC: {' or '.join(poc)}; R2P: {' or '.join(r2p)}; {mode}"


def _kleene_or(inputs: list[tuple[pd.Series, pd.Series]], index: pd.Index) -> pd.Series:
    """OR of (value, in_use) pairs: True if any used value is True, else NA if any is NA or none is used."""
    any_true = pd.Series(False, index=index)
    any_na = pd.Series(False, index=index)
    used = pd.Series(False, index=index)
    for value, in_use in inputs:
        value = value.astype("boolean")
        any_true |= in_use & value.fillna(False)
        any_na |= in_use & value.isna()
        used |= in_use
    out = pd.Series(pd.array([False] * len(index), dtype="boolean"), index=index)
    out[any_true] = True
    out[~any_true & (any_na | ~used)] = pd.NA
    return out


def _at_least(values: pd.Series, threshold: int) -> pd.Series:
    return (pd.to_numeric(values, errors="coerce").astype("Float64") >= threshold).astype("boolean")


def _osv_range(panel: pd.DataFrame, column: str) -> tuple[pd.Series, pd.Series]:
    """Lower and upper bound of *column*: the exact value where known, else its ``_min``/``_max`` columns."""
    def numbers(name: str) -> pd.Series:
        return pd.to_numeric(panel[name], errors="coerce").astype("Float64")

    exact = numbers(column)
    low = exact.fillna(numbers(f"{column}_min")) if f"{column}_min" in panel else exact
    high = exact.fillna(numbers(f"{column}_max")) if f"{column}_max" in panel else exact
    wrong = (low > high).fillna(False)
    if wrong.any():
        i = wrong[wrong].index[0]
        raise ValueError(f"classify_panel: row {i}, column {column}_min: value {low[i]:g} is above "
                         f"{column}_max {high[i]:g} (a lower bound cannot exceed the upper bound)")
    return low, high


def _bounded_at_least(panel: pd.DataFrame, column: str, threshold: int) -> pd.Series:
    """Three-valued ``column >= threshold`` on the bounds: True if min >= it, False if max < it, else missing."""
    low, high = _osv_range(panel, column)
    out = pd.Series(pd.array([pd.NA] * len(panel), dtype="boolean"), index=panel.index)
    out[(high < threshold).fillna(False)] = False
    out[(low >= threshold).fillna(False)] = True
    return out


def _inputs(panel: pd.DataFrame, rules: ProxyRules, cov: dict) -> dict[str, list[tuple[str, pd.Series, pd.Series]]]:
    years = panel["year"]

    def in_use(source: str) -> pd.Series:
        if rules.coverage == "strict" or source not in cov:
            return pd.Series(True, index=panel.index)
        first, last = cov[source]
        return years.between(first, last)

    poc = [("conflict", _at_least(panel["conflict_intensity"], rules.min_intensity), in_use("conflict"))]
    if rules.poc_mission:
        poc.append(("POC mission", panel["poc_mission"], in_use("poc_mission")))
    if rules.osv_poc_min is not None:
        poc.append(("one-sided deaths", _bounded_at_least(panel, "osv_deaths", rules.osv_poc_min), in_use("osv")))
    r2p = []
    if rules.r2p_source in ("any", "ewp"):
        r2p.append(("EWP mass killing", panel["mass_killing"], in_use("mass_killing")))
    if rules.r2p_source in ("any", "pitf"):
        r2p.append(("PITF genocide/politicide", panel["genocide_politicide"], in_use("genocide_politicide")))
    if rules.r2p_source in ("any", "osv") and rules.osv_r2p_min is not None:
        r2p.append(("one actor's one-sided deaths", _bounded_at_least(panel, "osv_max_actor", rules.osv_r2p_min),
                    in_use("osv")))
    return {"POC": poc, "R2P": r2p}


def _side_text(side: str, inputs, result: pd.Series, panel: pd.DataFrame) -> pd.Series:
    names = [name for name, _, _ in inputs]
    ranges = {name: _osv_range(panel, column) for name, column in
              (("one-sided deaths", "osv_deaths"), ("one actor's one-sided deaths", "osv_max_actor")) if name in names}

    def fired_text(name, i):
        if name == "conflict":
            return f"conflict (intensity {panel.at[i, 'conflict_intensity']})"
        if name not in ranges:
            return name
        low, high = ranges[name][0][i], ranges[name][1][i]
        exact = pd.notna(high) and low == high
        return f"{name} {int(low):,}" if exact else f"{name} at least {int(low):,} (not split by country)"

    def gap_text(name, i):
        if name not in ranges or pd.isna(ranges[name][0][i]) or pd.isna(ranges[name][1][i]):
            return name
        return f"{name} between {int(ranges[name][0][i]):,} and {int(ranges[name][1][i]):,}"

    fired_mask = [(name, (use & value.astype("boolean").fillna(False)).to_numpy(bool),
                   (use & value.astype("boolean").isna()).to_numpy(bool)) for name, value, use in inputs]
    out = []
    for k, (i, verdict) in enumerate(zip(panel.index, result)):
        if pd.isna(verdict):
            gaps = [gap_text(name, i) for name, _, na in fired_mask if na[k]]
            out.append(f"{side}: unknown ({'missing: ' + ', '.join(gaps) if gaps else 'no source covers the year'})")
        elif verdict:
            fired = [fired_text(name, i) for name, hit, _ in fired_mask if hit[k]]
            out.append(f"{side}: {', '.join(fired)}")
        else:
            out.append(f"{side}: none")
    return pd.Series(out, index=panel.index)


def classify_panel(panel: pd.DataFrame, rules: ProxyRules = ProxyRules(), coverage_years: dict | None = None
                   ) -> pd.DataFrame:
    """Add ``poc``, ``r2p``, ``category`` and ``reasons`` to a panel under *rules*.

    Parameters
    ----------
    panel : DataFrame
        A frame with the indicator columns of :func:`build_panel` (extra columns kept).
    rules : ProxyRules
        The proxy rules.
    coverage_years : dict or None
        ``{source: (first, last)}`` as :func:`coverage` returns; None: the
        panel's ``attrs["coverage"]`` if present, else :func:`coverage`. Pass
        ``{}`` to treat every year as covered.

    Returns
    -------
    DataFrame
        A copy with ``poc`` and ``r2p`` (nullable booleans), ``category`` (one
        of :data:`analysis.scope.CATEGORIES`, missing when ``poc`` or ``r2p``
        is) and ``reasons`` (the triggers that fired, or what is missing).

    Examples
    --------
    >>> row = dict(gwno=1, iso3="AAA", year=2020, conflict_intensity=1, poc_mission=False, osv_deaths=0,
    ...            osv_max_actor=0, mass_killing=pd.NA, genocide_politicide=pd.NA)
    >>> out = classify_panel(pd.DataFrame([row]), coverage_years={"genocide_politicide": (1956, 2014)})
    >>> out[["poc", "r2p", "category"]].values.tolist()
    [[True, <NA>, <NA>]]
    >>> out.loc[0, "reasons"]
    'POC: conflict (intensity 1); R2P: unknown (missing: EWP mass killing)'
    >>> row.update(mass_killing=True)
    >>> classify_panel(pd.DataFrame([row]), coverage_years={})[["r2p", "category"]].values.tolist()
    [[True, 'both']]

    Where a multi-country actor leaves the one-sided deaths open, the bounds decide
    when they can:

    >>> rows = pd.DataFrame({"gwno": 1, "iso3": "AAA", "year": 2020, "conflict_intensity": 0,
    ...                      "poc_mission": False, "mass_killing": False, "genocide_politicide": False,
    ...                      "osv_deaths": pd.array([pd.NA, pd.NA, pd.NA], dtype="Int64"),
    ...                      "osv_deaths_min": [30, 5, 5], "osv_deaths_max": [900, 20, 900],
    ...                      "osv_max_actor": pd.array([pd.NA, pd.NA, pd.NA], dtype="Int64"),
    ...                      "osv_max_actor_min": [30, 5, 5], "osv_max_actor_max": [800, 15, 800]})
    >>> out = classify_panel(rows, coverage_years={})
    >>> out[["poc", "r2p"]].values.tolist()
    [[True, False], [False, False], [<NA>, False]]
    >>> out.loc[0, "reasons"]
    'POC: one-sided deaths at least 30 (not split by country); R2P: none'
    >>> out.loc[2, "reasons"]
    'POC: unknown (missing: one-sided deaths between 5 and 900); R2P: none'
    """
    cov = coverage_years if coverage_years is not None else panel.attrs.get("coverage") or coverage()
    inputs = _inputs(panel, rules, cov)
    out = panel.copy()
    out["poc"] = _kleene_or([(v, u) for _, v, u in inputs["POC"]], panel.index)
    out["r2p"] = _kleene_or([(v, u) for _, v, u in inputs["R2P"]], panel.index)
    out["category"] = category_of(out["poc"], out["r2p"])
    out["reasons"] = (_side_text("POC", inputs["POC"], out["poc"], panel) + "; "
                      + _side_text("R2P", inputs["R2P"], out["r2p"], panel))
    out.attrs = dict(panel.attrs, rules=rules.describe())
    return out


def category_of(poc: pd.Series, r2p: pd.Series) -> pd.Series:
    """The category (:func:`analysis.scope.category`) of POC and R2P verdicts, per row; missing if either is.

    Examples
    --------
    >>> category_of(pd.Series([True, True, False, False, pd.NA], dtype="boolean"),
    ...             pd.Series([True, False, True, False, True], dtype="boolean")).tolist()
    ['both', 'poc_only', 'r2p_only', 'neither', <NA>]
    """
    p, r = poc.astype("boolean"), r2p.astype("boolean")
    out = pd.Series(pd.NA, index=poc.index, dtype=object)
    known = p.notna() & r.notna()
    out[known] = [scope.category(a, b) for a, b in zip(p[known].astype(bool), r[known].astype(bool))]
    return out


# --------------------------------------------------------------------------- outputs

def shares(classified: pd.DataFrame, by: str | None = "year") -> pd.DataFrame:
    """Counts and shares of the four categories per *by* (``"year"``, ``"region"`` or None for all).

    Shares are over the country-years whose category is known (``total``);
    ``unknown`` counts those left missing, so ``total + unknown`` is every
    country-year of the group. A group where nothing is known keeps its row
    with counts 0 and every ``share_*`` missing (not 0 %). Counts are int64.
    The counting is :func:`analysis.scope.summary`.

    Examples
    --------
    >>> f = pd.DataFrame({"year": [2000, 2000, 2000, 2001, 2002], "category": ["both", "neither", None, "poc_only",
    ...                                                                        None]})
    >>> shares(f)[["group", "both", "neither", "total", "unknown"]].values.tolist()
    [[2000, 1, 1, 2, 1], [2001, 0, 0, 1, 0], [2002, 0, 0, 0, 1]]
    >>> shares(f)["share_both"].tolist()
    [0.5, 0.0, nan]
    """
    known = classified[classified["category"].notna()]
    groups = classified[by] if by else pd.Series("all", index=classified.index)
    unknown = classified["category"].isna().groupby(groups).sum()
    table = scope.summary(known, by).set_index("group")
    table = table.reindex(sorted(set(table.index) | set(unknown.index)))  # groups where nothing is known too
    counts = [*scope.CATEGORIES, "total"]
    table[counts] = table[counts].fillna(0).astype("int64")
    table["unknown"] = unknown.reindex(table.index, fill_value=0).astype("int64")
    return table.rename_axis("group").reset_index()


def country_years(classified: pd.DataFrame, category: str) -> list[tuple[str, int, int]]:
    """The country-years of one category as ``(iso3, year, gwno)``, sorted.

    Examples
    --------
    >>> f = pd.DataFrame({"iso3": ["SYR", "AFG", "SYR"], "year": [2013, 2001, 2012], "gwno": [652, 700, 652],
    ...                   "category": ["both", "both", "poc_only"]})
    >>> country_years(f, "both")
    [('AFG', 2001, 700), ('SYR', 2013, 652)]
    """
    if category not in scope.CATEGORIES:
        raise ValueError(f"category {category!r} is not one of {', '.join(scope.CATEGORIES)}")
    hit = classified[classified["category"] == category]
    return sorted((str(i), int(y), int(g)) for i, y, g in zip(hit["iso3"], hit["year"], hit["gwno"]))


def expert_country_years(situations: pd.DataFrame, start: int = 1989, end: int = 2024) -> pd.DataFrame:
    """Expand classified expert situations to Gleditsch–Ward country-years.

    A country-year is POC if any situation covering it (its ``gwno``, from
    ``start_year`` to ``end_year``, ongoing to *end*) is POC, R2P likewise; the
    category follows from the two.

    Parameters
    ----------
    situations : DataFrame
        Output of :func:`analysis.scope.classify` (needs ``situation_id, gwno,
        start_year, end_year, poc, r2p``).

    Returns
    -------
    DataFrame
        ``gwno, year, poc, r2p, category, situations`` (the ';'-joined ids), sorted.

    Examples
    --------
    >>> s = pd.DataFrame({"situation_id": ["a", "b"], "gwno": [652, 652], "start_year": [2011, 2013],
    ...                   "end_year": [2014, pd.NA], "poc": [True, False], "r2p": [False, True]})
    >>> expert_country_years(s, 2012, 2015)[["year", "category", "situations"]].values.tolist()
    [[2012, 'poc_only', 'a'], [2013, 'both', 'a;b'], [2014, 'both', 'a;b'], [2015, 'r2p_only', 'b']]
    """
    rows = []
    for rec in situations.itertuples():
        first = max(int(rec.start_year), start)
        last = min(int(rec.end_year) if pd.notna(rec.end_year) else end, end)
        rows += [(int(rec.gwno), y, bool(rec.poc), bool(rec.r2p), str(rec.situation_id))
                 for y in range(first, last + 1)]
    table = pd.DataFrame(rows, columns=["gwno", "year", "poc", "r2p", "situation_id"])
    out = table.groupby(["gwno", "year"]).agg(poc=("poc", "any"), r2p=("r2p", "any"),
                                              situations=("situation_id", lambda s: ";".join(sorted(s))))
    out = out.reset_index()
    out["category"] = category_of(out["poc"].astype("boolean"), out["r2p"].astype("boolean"))
    return out[["gwno", "year", "poc", "r2p", "category", "situations"]].sort_values(
        ["gwno", "year"], ignore_index=True)


def cohen_kappa(table: pd.DataFrame) -> float:
    """Cohen's kappa of a square confusion table (rows: one rater, columns: the other).

    kappa = (p_o - p_e) / (1 - p_e), with p_o the share on the diagonal and p_e
    the agreement expected from the margins; NaN when p_e is 1 (no variation).

    Examples
    --------
    >>> cohen_kappa(pd.DataFrame([[20, 5], [10, 15]]))   # p_o = .7, p_e = .5
    0.4

    References
    ----------
    .. [1] Cohen, J. (1960). A coefficient of agreement for nominal scales.
       *Educational and Psychological Measurement* 20(1), 37–46.
    """
    values = table.to_numpy(dtype=float)
    if values.shape[0] != values.shape[1]:
        raise ValueError(f"cohen_kappa: the table is {values.shape[0]}x{values.shape[1]}, not square")
    n = values.sum()
    if n == 0:
        return float("nan")
    observed = values.trace() / n
    expected = float((values.sum(axis=1) * values.sum(axis=0)).sum()) / n ** 2
    return float("nan") if expected == 1 else round(float((observed - expected) / (1 - expected)), 10)


@dataclass(frozen=True)
class Agreement:
    """How the panel's proxy categories agree with the expert coding on shared country-years."""

    n: int  # overlapping country-years whose panel category is known (the 4x4 table)
    confusion: pd.DataFrame  # rows: panel category, columns: expert category
    poc: pd.DataFrame  # 2x2, rows panel, columns expert; every overlapping row with both POC values known
    r2p: pd.DataFrame  # 2x2 likewise on the rows with both R2P values known
    kappa: float
    kappa_poc: float
    kappa_r2p: float
    share_agree: float
    unknown: int  # overlapping country-years whose panel category is missing (left out of the 4x4 table)
    disagreements: pd.DataFrame
    not_in_panel: int  # expert country-years with no panel row (e.g. a state not yet on the GW list)
    not_in_panel_rows: pd.DataFrame  # those rows of the expert table, sorted by gwno and year


def agreement(panel_classified: pd.DataFrame, expert_cy: pd.DataFrame) -> Agreement:
    """Compare panel and expert categories on the country-years both hold.

    The 4x4 table, its kappa and the disagreements use the overlapping
    country-years whose panel category is known; those where it is missing
    are counted in ``unknown``. The POC 2x2 table and ``kappa_poc`` use every
    overlapping country-year whose two POC values are known, whatever R2P
    says; the R2P table likewise. Expert country-years with no panel row
    (``gwno`` 531 for Eritrea in 1991–92, before the Gleditsch–Ward list
    holds it) are reported in ``not_in_panel`` and ``not_in_panel_rows``.
    Nothing is forced to agree and no row is dropped unreported.

    Examples
    --------
    >>> p = pd.DataFrame({"gwno": [1, 1, 2, 3], "year": [2000, 2001, 2000, 2000], "iso3": ["A", "A", "B", "C"],
    ...                   "poc": [True, True, False, True], "r2p": [False, True, False, pd.NA],
    ...                   "category": ["poc_only", "both", "neither", None]})
    >>> e = pd.DataFrame({"gwno": [1, 1, 2, 3, 4], "year": [2000, 2001, 2000, 2000, 2000],
    ...                   "poc": [True, True, True, True, False], "r2p": [False, False, False, True, True],
    ...                   "category": ["poc_only", "poc_only", "poc_only", "both", "r2p_only"],
    ...                   "situations": ["a", "a", "b", "c", "d"]})
    >>> a = agreement(p, e)
    >>> a.n, a.unknown, a.share_agree, a.kappa
    (3, 1, 0.3333333333, 0.0)
    >>> a.poc.values.tolist(), a.kappa_poc   # C 2000 counts here: its POC is known
    ([[3, 0], [1, 0]], 0.0)
    >>> a.disagreements[["iso3", "year", "panel", "expert"]].values.tolist()
    [['A', 2001, 'both', 'poc_only'], ['B', 2000, 'neither', 'poc_only']]
    >>> a.not_in_panel, a.not_in_panel_rows[["gwno", "year", "situations"]].values.tolist()
    (1, [[4, 2000, 'd']])
    """
    keys = ["gwno", "year"]
    found = expert_cy.merge(panel_classified[keys].drop_duplicates(), on=keys, how="left", indicator=True)
    outside = expert_cy[(found["_merge"] == "left_only").to_numpy()]
    outside = outside.sort_values(keys, ignore_index=True)
    overlap = panel_classified.merge(expert_cy, on=keys, how="inner", suffixes=("_panel", "_expert"))
    unknown = int(overlap["category_panel"].isna().sum())
    both = overlap[overlap["category_panel"].notna()].copy()
    cats = list(scope.CATEGORIES)

    def table(rows: pd.Series, cols: pd.Series, labels: list) -> pd.DataFrame:
        out = pd.crosstab(pd.Categorical(rows, categories=labels), pd.Categorical(cols, categories=labels),
                          dropna=False).reindex(index=labels, columns=labels, fill_value=0)
        out.index.name, out.columns.name = "panel", "expert"
        return out.astype("int64")

    def norm_table(norm: str) -> pd.DataFrame:
        panel_side = overlap[f"{norm}_panel"].astype("boolean")
        expert_side = overlap[f"{norm}_expert"].astype("boolean")
        known = (panel_side.notna() & expert_side.notna()).to_numpy(bool)
        return table(panel_side[known].astype(bool), expert_side[known].astype(bool), [True, False])

    confusion = table(both["category_panel"], both["category_expert"], cats)
    poc, r2p = norm_table("poc"), norm_table("r2p")
    differ = both[both["category_panel"] != both["category_expert"]]
    disagreements = pd.DataFrame({"iso3": differ["iso3"], "gwno": differ["gwno"], "year": differ["year"],
                                  "panel": differ["category_panel"], "expert": differ["category_expert"],
                                  "situations": differ["situations"],
                                  "reasons": differ["reasons"] if "reasons" in differ else ""})
    n = len(both)
    return Agreement(n=n, confusion=confusion, poc=poc, r2p=r2p, kappa=cohen_kappa(confusion),
                     kappa_poc=cohen_kappa(poc), kappa_r2p=cohen_kappa(r2p),
                     share_agree=round(float(confusion.to_numpy().trace()) / n, 10) if n else float("nan"),
                     unknown=unknown,
                     disagreements=disagreements.sort_values(["iso3", "year", "gwno"], ignore_index=True),
                     not_in_panel=len(outside), not_in_panel_rows=outside)
