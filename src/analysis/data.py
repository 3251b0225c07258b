"""Load and validate the project-coded tables in ``data/raw/``.

Each loader returns a validated frame or raises
:class:`~analysis.validation.ValidationError` listing **every** problem, each
naming file, line, column, value and rule. :func:`validate` checks all the
tables together, as ``python -m analysis validate`` does.

Examples
--------
>>> situations = load_situations()
>>> situations["situation_id"].is_unique
True
>>> set(situations["context"]) <= set(schema.CONTEXTS)
True
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import paths, schema
from .external import countries
from .external import registry as external
from .validation import (
    LINE,
    Problem,
    TableSpec,
    ValidationError,
    list_items,
    problems_where,
    read_raw,
    split_list,
    typed,
)

TABLES = {
    "situations": schema.SITUATIONS,
    "sources": schema.SOURCES,
    "missions": schema.MISSIONS,
    "actors": schema.ACTORS,
    "instruments": schema.INSTRUMENTS,
    "obligations": schema.OBLIGATIONS,
    "civilian_deaths": schema.CIVILIAN_DEATHS,
    "evidence": schema.EVIDENCE,
    "commissions": schema.COMMISSIONS,
}


#: the key of the project's own data in :func:`data_version`
PROJECT = "protection_scope"


def data_version(datasets: list[str] | None = None) -> dict[str, str]:
    """``{dataset: version}``: the project's data (``protection_scope``) and the registered external datasets.

    The project's version is :data:`analysis.schema.DATA_VERSION`; name datasets to
    get only those (``protection_scope`` among them or not).

    Examples
    --------
    >>> data_version(["protection_scope", "ucdp_acd"])
    {'protection_scope': '1.1.0', 'ucdp_acd': '25.1'}
    """
    own = {PROJECT: schema.DATA_VERSION} if datasets is None or PROJECT in datasets else {}
    named = None if datasets is None else [d for d in datasets if d != PROJECT]
    return {**own, **(external.data_version(named) if named is None or named else {})}


def _path(data_dir: Path | str | None, spec: TableSpec) -> Path:
    return Path(data_dir or paths.DATA_RAW) / spec.name


def _num(values: pd.Series) -> pd.Series:
    return pd.to_numeric(values.astype(str).where(values.astype(str).ne(""), None), errors="coerce")


# --------------------------------------------------------------------------- situations
def check_situations(frame: pd.DataFrame, label: str, sources: pd.DataFrame | None = None,
                     missions: pd.DataFrame | None = None) -> list[Problem]:
    """Rules that join several columns of ``situations.csv`` (cells already checked).

    With *sources* and *missions* (the project's tables) the cross-references are
    resolved too; a user's own file is checked without them.
    """
    problems: list[Problem] = []
    if frame.empty or any(c not in frame.columns for c in schema.SITUATIONS.names):
        return problems
    start, end = _num(frame["start_year"]), _num(frame["end_year"])
    problems += problems_where((start > end).fillna(False), frame, "end_year",
                               "must not be before start_year", label)

    context, ctype = frame["context"], frame["conflict_type"]
    is_ac = context.eq("armed_conflict")
    known = context.isin(schema.CONTEXTS) & ctype.isin(schema.CONFLICT_TYPES)
    problems += problems_where(known & is_ac & ctype.eq("none"), frame, "conflict_type",
                               "must name the conflict type when context is armed_conflict", label)
    problems += problems_where(known & ~is_ac & ctype.ne("none"), frame, "conflict_type",
                               "must be 'none' when context is not armed_conflict", label)
    wc = frame["war_crimes"]
    problems += problems_where(context.isin(schema.CONTEXTS) & ~is_ac & wc.isin(schema.TIERS) & wc.ne("none"),
                               frame, "war_crimes",
                               "war crimes need an armed conflict: must be 'none' unless context is armed_conflict",
                               label)
    scale = frame["war_crimes_scale"]
    both_known = wc.isin(schema.TIERS) & scale.isin(schema.WAR_CRIMES_SCALE)
    problems += problems_where(both_known & wc.eq("none") & scale.ne("none"), frame, "war_crimes_scale",
                               "must be 'none' when war_crimes is 'none'", label)
    problems += problems_where(both_known & wc.ne("none") & scale.eq("none"), frame, "war_crimes_scale",
                               "must be 'isolated' or 'systematic' when war_crimes is not 'none'", label)

    iso_ok = frame["iso3"].str.fullmatch(r"[A-Z]{3}")
    known_iso = frame["iso3"].isin(countries.known_codes())
    problems += problems_where(iso_ok & ~known_iso, frame, "iso3", "unknown ISO 3166 alpha-3 code", label)
    checkable = iso_ok & known_iso & _num(frame["gwno"]).notna() & start.notna()
    pairs = frame[checkable]
    if len(pairs):
        good = countries.consistent_mask(pairs["iso3"], pairs["gwno"], _num(pairs["start_year"]),
                                         _num(pairs["end_year"]))
        bad = pd.Series(False, index=frame.index)
        bad[pairs.index] = ~good
        values = frame["iso3"] + " with gwno " + frame["gwno"]
        problems += problems_where(bad, frame, "gwno",
                                   "Gleditsch-Ward code does not match the ISO3 code in the situation's years",
                                   label, values=values)

    if sources is not None:
        problems += _check_source_refs(frame, sources, label)
        problems += _check_evidence_sources(frame, sources, label)
    if missions is not None:
        problems += _check_mission_refs(frame, missions, label)
    ucdp = schema.SITUATIONS_EXTRA[0]
    if ucdp.name in frame.columns:
        ids = frame[ucdp.name]
        problems += problems_where(ids.ne("") & ~ids.str.fullmatch(ucdp.pattern), frame, ucdp.name,
                                   ucdp.pattern_rule, label)
    return problems


def _check_source_refs(frame: pd.DataFrame, sources: pd.DataFrame, label: str) -> list[Problem]:
    problems = problems_where(frame["sources"].eq(""), frame, "sources",
                              "every situation of the project's dataset needs at least one source", label)
    return problems + _check_refs(frame, "sources", set(sources["source_id"]), "sources.csv", label,
                                  noun="source id")


def source_rank(frame: pd.DataFrame, sources: pd.DataFrame) -> pd.Series:
    """The strongest evidence tier (as a rank) that each row's sources can back."""
    kind_rank = sources.set_index("source_id")["kind"].map(
        lambda k: schema.TIER_RANK[schema.KIND_TIER[k]] if k in schema.KIND_TIER else 0)
    exploded = split_list(frame["sources"]).explode()
    ranks = exploded.map(kind_rank).fillna(0)
    return ranks.groupby(level=0).max().reindex(frame.index).fillna(0).astype(int)


def _check_evidence_sources(frame: pd.DataFrame, sources: pd.DataFrame, label: str) -> list[Problem]:
    problems: list[Problem] = []
    best = source_rank(frame, sources)
    for crime in schema.CRIMES:
        tier = frame[crime].map(schema.TIER_RANK)
        bad = tier.notna() & (tier > best)
        for line, value in zip(frame.loc[bad, LINE], frame.loc[bad, crime]):
            kinds = [k for k, t in schema.KIND_TIER.items() if schema.TIER_RANK[t] >= schema.TIER_RANK[value]]
            problems.append(Problem(label, int(line), crime, value,
                                    f"evidence tier '{value}' needs a cited source of kind {' or '.join(kinds)}"))
    return problems


def _check_mission_refs(frame: pd.DataFrame, missions: pd.DataFrame, label: str) -> list[Problem]:
    problems: list[Problem] = []
    table = missions.set_index("acronym")
    m_start = pd.to_numeric(table["start_year"].astype(str).replace({"": None, "<NA>": None}), errors="coerce")
    m_stop = pd.to_numeric(table["end_year"].astype(str).replace({"": None, "<NA>": None}), errors="coerce")
    start, end = _num(frame["start_year"]), _num(frame["end_year"]).fillna(schema.YEAR_MAX)
    for i, items in split_list(frame["poc_missions"]).items():
        line, iso3 = int(frame.at[i, LINE]), frame.at[i, "iso3"]
        for acronym in items:
            if acronym not in table.index:
                problems.append(Problem(label, line, "poc_missions", acronym,
                                        "unknown mission (not in missions.csv)"))
                continue
            m = table.loc[acronym]
            hosts = list_items(m["iso3"])
            if iso3 not in hosts:
                problems.append(Problem(label, line, "poc_missions", acronym,
                                        f"mission's host is {m['iso3']}, not {iso3}"))
            m_end = m_stop[acronym] if pd.notna(m_stop[acronym]) else schema.YEAR_MAX
            if pd.notna(start[i]) and (m_start[acronym] > end[i] or m_end < start[i]):
                ran = f"{int(m_start[acronym])}-{'' if pd.isna(m_stop[acronym]) else int(m_end)}"
                problems.append(Problem(label, line, "poc_missions", acronym,
                                        f"mission ran {ran}, outside the situation's years"))
    return problems


# --------------------------------------------------------------------------- other tables
def check_missions(frame: pd.DataFrame, label: str, sources: pd.DataFrame | None = None) -> list[Problem]:
    """Years in order, hosts known, POC resolution not before 1999, sources resolved."""
    problems: list[Problem] = []
    if frame.empty or any(c not in frame.columns for c in schema.MISSIONS.names):
        return problems
    start, end = _num(frame["start_year"]), _num(frame["end_year"])
    problems += problems_where((start > end).fillna(False), frame, "end_year",
                               "must not be before start_year", label)
    for line, hosts in zip(frame[LINE], frame["iso3"]):
        for iso3 in list_items(hosts):
            if iso3 and iso3 not in countries.known_codes():
                problems.append(Problem(label, int(line), "iso3", iso3, "unknown ISO 3166 alpha-3 code"))
    year = _num(frame["first_poc_resolution"].str.extract(r"\((\d{4})\)")[0].fillna(""))
    problems += problems_where((year < 1999).fillna(False), frame, "first_poc_resolution",
                               "the Council's first protection-of-civilians mandate dates from 1999", label)
    if sources is not None:
        problems += _check_refs(frame, "sources", set(sources["source_id"]), "sources.csv", label)
    return problems


def _check_refs(frame: pd.DataFrame, column: str, known: set[str], table: str, label: str,
                listed: bool = True, noun: str = "id") -> list[Problem]:
    """Every id in *column* (a ``;``-list when *listed*) must be one of *known*."""
    problems = []
    cells = split_list(frame[column]) if listed else frame[column].map(lambda v: [v] if v else [])
    for line, items in zip(frame[LINE], cells):
        for item in items:
            if item not in known:
                problems.append(Problem(label, int(line), column, item, f"unknown {noun} (not in {table})"))
    return problems


def check_obligations(frame: pd.DataFrame, label: str, actors: pd.DataFrame | None = None,
                      instruments: pd.DataFrame | None = None,
                      sources: pd.DataFrame | None = None) -> list[Problem]:
    """Pillars agree with the norm; actors, instruments and sources resolve."""
    problems: list[Problem] = []
    if frame.empty or any(c not in frame.columns for c in schema.OBLIGATIONS.names):
        return problems
    norm, pillar = frame["norm"], frame["r2p_pillar"]
    problems += problems_where(norm.eq("R2P") & pillar.eq(""), frame, "r2p_pillar",
                               "an R2P obligation must name its pillar (I, II or III)", label)
    problems += problems_where(norm.eq("POC") & pillar.ne(""), frame, "r2p_pillar",
                               "a POC-only obligation has no R2P pillar", label)
    if actors is not None:
        problems += _check_refs(frame, "actor_id", set(actors["actor_id"]), "actors.csv", label, listed=False)
    if instruments is not None:
        problems += _check_refs(frame, "instrument_id", set(instruments["instrument_id"]), "instruments.csv",
                                label, listed=False)
    if sources is not None:
        problems += _check_refs(frame, "sources", set(sources["source_id"]), "sources.csv", label)
    return problems


# --------------------------------------------------------------------------- loading
def _read(name: str, data_dir) -> tuple[pd.DataFrame, list[Problem], str]:
    spec = TABLES[name]
    path = _path(data_dir, spec)
    frame, problems = read_raw(path, spec)
    return frame, problems, paths.relative(path)


def _finish(frame: pd.DataFrame, problems: list[Problem], spec: TableSpec) -> pd.DataFrame:
    if problems:
        raise ValidationError(problems)
    return typed(frame, spec)


def load_sources(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Return the validated ``sources.csv`` (one row per cited document or dataset)."""
    frame, problems, label = _read("sources", data_dir)
    return _finish(frame, problems, schema.SOURCES)


def load_missions(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Return the validated ``missions.csv`` (UN operations mandated to protect civilians)."""
    frame, problems, label = _read("missions", data_dir)
    sources = load_sources(data_dir)
    return _finish(frame, problems + check_missions(frame, label, sources), schema.MISSIONS)


def load_situations(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Return the validated ``situations.csv``, its sources and missions resolved.

    Integer columns are ``Int64`` (``end_year`` is missing for ongoing situations).
    """
    frame, problems, label = _read("situations", data_dir)
    sources, missions = load_sources(data_dir), load_missions(data_dir)
    problems += check_situations(frame, label, sources, missions)
    return _finish(frame, problems, schema.SITUATIONS)


def load_actors(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Return the validated ``actors.csv``."""
    frame, problems, _ = _read("actors", data_dir)
    return _finish(frame, problems, schema.ACTORS)


def load_instruments(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Return the validated ``instruments.csv``."""
    frame, problems, _ = _read("instruments", data_dir)
    return _finish(frame, problems, schema.INSTRUMENTS)


def load_obligations(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Return the validated ``obligations.csv``, actors, instruments and sources resolved."""
    frame, problems, label = _read("obligations", data_dir)
    problems += check_obligations(frame, label, load_actors(data_dir), load_instruments(data_dir),
                                  load_sources(data_dir))
    return _finish(frame, problems, schema.OBLIGATIONS)


def check_civilian_deaths(frame: pd.DataFrame, label: str, situations: pd.DataFrame | None = None,
                          sources: pd.DataFrame | None = None) -> list[Problem]:
    """Counts ordered (low <= best <= high); an unknown count has no bounds and a note saying why; ids resolved.

    Every situation outside armed conflict must have a row (a count, or an unknown with its reason).
    """
    problems: list[Problem] = []
    if frame.empty or any(c not in frame.columns for c in schema.CIVILIAN_DEATHS.names):
        return problems
    best, low, high = _num(frame["best"]), _num(frame["low"]), _num(frame["high"])
    problems += problems_where((low > best).fillna(False), frame, "low", "must not exceed best", label)
    problems += problems_where((high < best).fillna(False), frame, "high", "must not be below best", label)
    unknown = best.isna()
    bounded = (frame["low"].astype(str).str.strip() != "") | (frame["high"].astype(str).str.strip() != "")
    problems += problems_where((unknown & bounded).to_numpy(), frame, "best",
                               "an unknown count (empty best) has no low or high", label)
    problems += problems_where((unknown & ~frame["note"].astype(str).str.startswith("Unknown")).to_numpy(), frame,
                               "note", "an unknown count's note starts 'Unknown' and says why", label)
    problems += problems_where((~unknown & (frame["period"].astype(str).str.strip() == "")).to_numpy(), frame,
                               "period", "a count needs the years it covers", label)
    if sources is not None:
        problems += _check_refs(frame, "source_id", set(sources["source_id"]), "sources.csv", label)
    if situations is not None:
        problems += _check_refs(frame, "situation_id", set(situations["situation_id"]), "situations.csv", label)
        outside = situations.loc[situations["context"] != "armed_conflict", "situation_id"]
        for sid in sorted(set(outside) - set(frame["situation_id"])):
            problems.append(Problem(label, 0, "situation_id", sid,
                                    "a situation outside armed conflict needs a row (a count, or 'Unknown' and why)"))
    return problems


def load_civilian_deaths(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Return the validated ``civilian_deaths.csv`` (civilians killed by deliberate violence, per situation)."""
    return _load_against_situations("civilian_deaths", check_civilian_deaths, data_dir, sources=load_sources(data_dir))


def _load_against_situations(name: str, check, data_dir, **tables) -> pd.DataFrame:
    """Read table *name*, check it with *check* against the situations (and the other *tables*), validate."""
    frame, problems, label = _read(name, data_dir)
    situations, _, _ = _read("situations", data_dir)
    return _finish(frame, problems + check(frame, label, situations, **tables), TABLES[name])


def unbacked_tiers(situations: pd.DataFrame, evidence: pd.DataFrame) -> pd.DataFrame:
    """The crime cells coded above ``none`` that no row of ``evidence.csv`` backs: tiers resting on no text read.

    Returns ``situation_id``, ``crime`` and ``tier`` (empty for the project's data: a test requires it).

    Examples
    --------
    >>> s = pd.DataFrame({"situation_id": ["a", "b"], "genocide": ["un", "none"],
    ...                   "crimes_against_humanity": ["ngo", "none"], "war_crimes": ["none"] * 2,
    ...                   "ethnic_cleansing": ["none"] * 2})
    >>> e = pd.DataFrame({"situation_id": ["a"], "crime": ["genocide"], "tier": ["un"]})
    >>> unbacked_tiers(s, e).to_dict("records")
    [{'situation_id': 'a', 'crime': 'crimes_against_humanity', 'tier': 'ngo'}]
    """
    cells = situations.melt(id_vars="situation_id", value_vars=list(schema.CRIMES), var_name="crime",
                            value_name="tier")
    cells = cells[cells["tier"] != "none"]
    backed = set(zip(evidence["situation_id"], evidence["crime"], evidence["tier"]))
    keep = [(sid, crime, tier) not in backed for sid, crime, tier in cells.itertuples(index=False)]
    # melt lists the crimes in schema order; a stable sort by situation keeps that order within each
    return cells[keep].sort_values("situation_id", kind="stable").reset_index(drop=True)


def check_evidence(frame: pd.DataFrame, label: str, situations: pd.DataFrame | None = None,
                   sources: pd.DataFrame | None = None, situations_label: str = "situations.csv") -> list[Problem]:
    """One row per crime cell coded above ``none``: its tier, a source the situation cites that can back it.

    Every such cell needs its row (a tier rests on a text read, decision 007); a row for a cell coded
    otherwise, a source not cited by the situation, or one whose kind cannot back the tier is an error.
    """
    problems: list[Problem] = []
    if frame.empty or any(c not in frame.columns for c in schema.EVIDENCE.names):
        return problems
    key = frame["situation_id"] + "/" + frame["crime"]
    problems += problems_where(key.duplicated(keep=False).to_numpy(), frame, "crime",
                               "one row per situation and crime", label)
    if sources is not None:
        problems += _check_refs(frame, "source_id", set(sources["source_id"]), "sources.csv", label, listed=False)
        kinds = dict(zip(sources["source_id"], sources["kind"]))
        rank = frame["source_id"].map(lambda s: schema.TIER_RANK[schema.KIND_TIER[kinds[s]]] if s in kinds else 99)
        problems += problems_where((frame["tier"].map(schema.TIER_RANK) > rank).to_numpy(), frame, "source_id",
                                   "the source's kind cannot back this tier (court: judicial, un_document: un, "
                                   "ngo_report, national_body, scholarly: ngo, dataset: alleged)", label)
    if situations is None:
        return problems
    problems += _check_refs(frame, "situation_id", set(situations["situation_id"]), "situations.csv", label,
                            listed=False)
    coded = situations.set_index("situation_id")
    for line, sid, crime, tier, source in frame[[LINE, "situation_id", "crime", "tier", "source_id"]].itertuples(
            index=False):
        if sid not in coded.index or crime not in coded.columns:
            continue
        if coded.at[sid, crime] != tier:
            problems.append(Problem(label, int(line), "tier", tier,
                                    f"differs from {situations_label}'s {crime} for {sid} ('{coded.at[sid, crime]}')"))
        if source not in list_items(coded.at[sid, "sources"]):
            problems.append(Problem(label, int(line), "source_id", source, f"not among the sources {sid} cites"))
    lines = dict(zip(situations["situation_id"], situations[LINE])) if LINE in situations else {}
    for row in unbacked_tiers(situations, frame).itertuples(index=False):
        problems.append(Problem(situations_label, int(lines.get(row.situation_id, 0)), row.crime, row.tier,
                                "a tier above 'none' needs the text read that backs it (a row of evidence.csv)"))
    return problems


def check_commissions(frame: pd.DataFrame, label: str, situations: pd.DataFrame | None = None) -> list[Problem]:
    """Years ordered; every situation listed exists and its years overlap the violence investigated."""
    problems: list[Problem] = []
    if frame.empty or any(c not in frame.columns for c in schema.COMMISSIONS.names):
        return problems
    start, end = _num(frame["violence_from"]), _num(frame["violence_to"])
    problems += problems_where((start > end).fillna(False).to_numpy(), frame, "violence_to",
                               "must not be before violence_from", label)
    if situations is None:
        return problems
    problems += _check_refs(frame, "situation_ids", set(situations["situation_id"]), "situations.csv", label)
    ids = situations["situation_id"]
    s_first = dict(zip(ids, _num(situations["start_year"])))
    s_last = dict(zip(ids, _num(situations["end_year"]).fillna(schema.YEAR_MAX)))
    for line, items, first, last in zip(frame[LINE], split_list(frame["situation_ids"]), start, end):
        for sid in (i for i in items if i in s_first):
            if pd.notna(first) and pd.notna(last) and (s_last[sid] < first or s_first[sid] > last):
                problems.append(Problem(label, int(line), "situation_ids", sid,
                                        "the situation's years do not overlap the violence investigated"))
    return problems


def load_evidence(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Return the validated ``evidence.csv``: for every crime cell above ``none``, the text read that backs it."""
    return _load_against_situations("evidence", check_evidence, data_dir, sources=load_sources(data_dir))


def load_commissions(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Return the validated ``commissions.csv``: truth commissions and UN inquiries, mapped to situations."""
    return _load_against_situations("commissions", check_commissions, data_dir)


def validate(data_dir: Path | str | None = None) -> list[Problem]:
    """Check every table in *data_dir* together; return all problems (empty if valid).

    Tables that are absent are reported as missing; a table's own problems do not
    stop the others from being checked.
    """
    raw = {name: _read(name, data_dir) for name in TABLES}
    problems = [p for _, found, _ in raw.values() for p in found]
    frames = {name: frame for name, (frame, _, _) in raw.items()}
    labels = {name: label for name, (_, _, label) in raw.items()}
    ok = {name: not found for name, (_, found, _) in raw.items()}
    src = frames["sources"] if ok["sources"] else None
    problems += check_missions(frames["missions"], labels["missions"], src)
    problems += check_situations(frames["situations"], labels["situations"], src,
                                 frames["missions"] if ok["missions"] else None)
    problems += check_obligations(frames["obligations"], labels["obligations"],
                                  frames["actors"] if ok["actors"] else None,
                                  frames["instruments"] if ok["instruments"] else None, src)
    problems += check_civilian_deaths(frames["civilian_deaths"], labels["civilian_deaths"],
                                      frames["situations"] if ok["situations"] else None, src)
    problems += check_evidence(frames["evidence"], labels["evidence"],
                               frames["situations"] if ok["situations"] else None, src, labels["situations"])
    problems += check_commissions(frames["commissions"], labels["commissions"],
                                  frames["situations"] if ok["situations"] else None)
    return sorted(set(problems), key=Problem.sort_key)


def check_user_situations(source, label: str | None = None) -> pd.DataFrame:
    """Read a user's situations file: schema, values and internal consistency only.

    Its ``sources`` and ``poc_missions`` are not resolved against the project's
    tables. Raises :class:`ValidationError` listing every problem.
    """
    frame, problems = read_raw(source, schema.SITUATIONS, label)
    label = label or (paths.relative(Path(source)) if isinstance(source, (str, Path)) else "<input>")
    problems += check_situations(frame, label)
    return _finish(frame, problems, schema.SITUATIONS)
