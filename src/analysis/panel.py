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

Each source's country-year adapter lives with its publisher in
:mod:`analysis.external` (:mod:`~analysis.external.ucdp`,
:mod:`~analysis.external.ewp`, :mod:`~analysis.external.pitf`,
:mod:`~analysis.external.un` for the Security Council's vetoes); the panel
joins them on the spine.

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

from . import council, data, scope
from .external import countries, ewp, load, pitf, ucdp, un
from .validation import list_items

# --------------------------------------------------------------------------- indicators

#: The panel's columns, in order (the raw indicators; :func:`classify_panel` adds the results).
#: ``ucdp.OSV_BOUNDS`` bound the one-sided deaths where UCDP does not split them by country.
COLUMNS = ("gwno", "iso3", "year", "region", "conflict_active", "conflict_intensity", "battle_deaths",
           "mass_killing", "genocide_politicide", "osv_deaths", "osv_max_actor", *ucdp.OSV_BOUNDS, "poc_mission",
           "council_veto", *(column for column, _, _ in council.COUNTRY_YEAR))
#: The columns :func:`classify_panel` adds.
RESULT_COLUMNS = ("poc", "r2p", "category", "reasons")
#: Which source's coverage each indicator follows (see :func:`coverage`).
SOURCE_OF = {"conflict_active": "conflict", "conflict_intensity": "conflict", "battle_deaths": "battle_deaths",
             "mass_killing": "mass_killing", "genocide_politicide": "genocide_politicide", "osv_deaths": "osv",
             "osv_max_actor": "osv", **{b: "osv" for b in ucdp.OSV_BOUNDS}, "poc_mission": "poc_mission",
             "council_veto": "council_veto"}


def poc_mission_years(start: int = 1989, end: int = 2024) -> pd.DataFrame:
    """Country-years with a POC-mandated UN operation (``data/raw/missions.csv``).

    A mission counts from the year of its first POC resolution (MONUC deployed
    in 1999, POC mandate 2000) to its end year (ongoing: *end*), in each of its
    countries; each country's GW code is the state holding it that year.

    Examples
    --------
    >>> needs_external_data()  # the Gleditsch-Ward list and the publishers' files (make data)
    >>> m = poc_mission_years(2011, 2011)
    >>> sorted(m[m.acronym.isin(["UNMISS", "UNISFA"])].gwno.tolist())
    [625, 626, 626]
    """
    missions = data.load_missions()
    rows = []
    for rec in missions.itertuples():
        first = max(int(rec.start_year), int(re.search(r"\((\d{4})\)", rec.first_poc_resolution).group(1)), start)
        last = min(int(rec.end_year) if pd.notna(rec.end_year) else end, end)
        for iso3 in list_items(rec.iso3):
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
    >>> needs_external_data()  # the Gleditsch-Ward list and the publishers' files (make data)
    >>> cov = coverage()
    >>> cov["genocide_politicide"], cov["osv"], cov["council_veto"]
    ((1956, 2014), (1989, 2025), (1946, 2021))
    """
    acd, brd, osv = (load.load(k)["year"] for k in ("ucdp_acd", "ucdp_brd", "ucdp_osv"))
    base = load.load("ewp_base")
    genocides = load.load("pitf")["YEAR"]
    vetoes = load.load("unsc_vetoes")["year"]
    return {"conflict": (int(acd.min()), int(acd.max())), "battle_deaths": (int(brd.min()), int(brd.max())),
            "osv": (int(osv.min()), int(osv.max())),
            "mass_killing": (int(base.loc[base["mk_ongoing"].notna(), "year"].min()),
                             int(base.loc[base["mk_ongoing"].notna(), "year"].max())),
            "genocide_politicide": (int(genocides.min()), int(genocides.max())),
            "poc_mission": (1948, 2100), "council_veto": (int(vetoes.min()), un.VETO_LAST_FULL_YEAR)}


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
            UCDP BRD best estimate by location (:func:`analysis.external.ucdp.battle_deaths_by_location`);
        ``mass_killing``
            EWP ``mk_ongoing``; missing where the EWP has no row (small states);
        ``genocide_politicide``
            a PITF episode-year; missing after the 2014 release, never False;
        ``osv_deaths``, ``osv_max_actor``
            UCDP one-sided deaths, total and by the largest single actor; missing
            where an actor-year located in several countries touches the
            country-year and leaves the value open
            (:func:`analysis.external.ucdp.one_sided_by_location`);
        ``osv_deaths_min``, ``osv_deaths_max``, ``osv_max_actor_min``, ``osv_max_actor_max``
            the bounds on those two: equal to the exact value where it is known;
            otherwise the single-country actors alone (min) and those plus the
            whole totals of the multi-country actor-years (max);
        ``poc_mission``
            a POC-mandated UN operation (:func:`poc_mission_years`);
        ``council_veto``
            a veto on the country's situation that year (:func:`analysis.external.un.council_vetoes`);
            False only in years the veto list covers in full;
        ``council_resolutions``, ``council_chapter_vii``, ``council_poc``, ``council_r2p``, ``council_vetoed``
            the Council's resolutions naming the country that year, those under Chapter VII, on POC, with the
            phrase "responsibility to protect", and vetoed drafts (:func:`analysis.council.country_years`). The
            flag counts are **missing (NA), never 0**, where one of the resolutions has no text (900-1284 of
            1994-1999, 2589, 2762); textless resolutions under a region-wide item name no country.

        Every indicator is missing outside its source's years (:func:`coverage`).
        ``attrs["notes"]`` lists source rows that fall outside the spine (set aside,
        counted) and ``attrs["coverage"]`` the coverage used.

    Examples
    --------
    >>> needs_external_data()  # the Gleditsch-Ward list and the publishers' files (make data)
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

    conflicts = ucdp.conflict_locations(start, end)
    notes += _set_aside(conflicts, keys, "UCDP/PRIO ACD conflict locations")
    intensity = conflicts.groupby(["gwno", "year"], as_index=False)["intensity_level"].max()
    brd = ucdp.battle_deaths_by_location(start, end)
    notes += _set_aside(brd, keys, "UCDP battle deaths")
    osv = ucdp.one_sided_by_location(start, end)
    notes += _set_aside(osv, keys, "UCDP one-sided violence")
    touched = osv[(osv["multi_actor_years"] > 0) & osv["osv_deaths"].isna()]
    if len(touched):
        notes.append(f"UCDP one-sided violence: {len(touched)} country-years touched by actor-years located in "
                     "several countries: osv_deaths only bounded there (the file does not split the deaths), "
                     f"osv_max_actor only bounded in {int(osv['osv_max_actor'].isna().sum())} of them")
    osv = osv.drop(columns="multi_actor_years")
    ewp_years = ewp.ewp_mass_killing(start, end)
    notes += _set_aside(ewp_years, keys, "EWP base data")
    pitf_rows = pitf.pitf_episodes(start, end)
    notes += _set_aside(pitf_rows, keys, "PITF")
    pitf_years = pitf_rows[["gwno", "year"]].drop_duplicates().assign(genocide_politicide=True)
    missions = poc_mission_years(start, end).dropna(subset=["gwno"]).astype({"gwno": "int64"})
    notes += _set_aside(missions, keys, "POC missions")
    mission_years = missions[["gwno", "year"]].drop_duplicates().assign(poc_mission=True)
    vetoes = un.council_vetoes()
    vetoes = vetoes[vetoes["year"].between(start, end) & vetoes["gwno"].notna()].astype({"gwno": "int64"})
    notes += _set_aside(vetoes, keys, "Security Council vetoes")
    veto_years = vetoes[["gwno", "year"]].drop_duplicates().assign(council_veto=True)
    decisions = council.country_years({name: council.load(name) for name in ("resolutions", "drafts")}, start, end)
    notes += _set_aside(decisions, keys, "Security Council decisions")
    council_columns = [column for column, _, _ in council.COUNTRY_YEAR]

    for table in (intensity.rename(columns={"intensity_level": "conflict_intensity"}), brd,
                  ewp_years.drop(columns="country"), pitf_years, osv, mission_years, veto_years, decisions):
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
    for col in ("osv_deaths", "osv_max_actor", *ucdp.OSV_BOUNDS):
        panel[col] = panel[col].astype("Int64").mask(no_osv, 0).where(covered("osv"))
    panel["mass_killing"] = panel["mass_killing"].astype("boolean").where(covered("mass_killing"))
    for col in ("genocide_politicide", "poc_mission"):
        panel[col] = panel[col].astype("boolean").fillna(False).where(covered(SOURCE_OF[col]))
    veto = panel["council_veto"].astype("boolean")
    panel["council_veto"] = veto.fillna(False).where(covered("council_veto") | veto.fillna(False))
    # a country-year no decision names had none (the tables cover 1946-2026); an unknown flag stays missing
    named = panel.set_index(["gwno", "year"]).index.isin(decisions.set_index(["gwno", "year"]).index)
    for column in council_columns:
        panel[column] = panel[column].astype("Int64").mask(~named, 0)
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
    :func:`analysis.external.ucdp.one_sided_by_location` where UCDP leaves a country's share open
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
