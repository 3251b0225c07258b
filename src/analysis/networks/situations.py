"""Situation graphs: the actors present in one coded situation and the obligations its category activates.

:func:`situation_actors` finds who is present (host State, armed groups and
foreign State parties from UCDP/PRIO ACD, UN missions, the Security Council
with its vetoes, courts and regional organisations named by the cited
sources); :func:`situation_graph` joins them to the obligations that the
situation's category activates (:data:`CATEGORY_NORMS`);
:func:`situation_graphs` builds several at once and :func:`activation_counts`
counts, per actor, in how many situations of each category it is activated.

Every function takes the tables it needs as keyword arguments (by default the
project's data: ``data/raw``, the UCDP/PRIO ACD and the Council's vetoes); the
examples build the two external ones by hand, one UCDP row and one veto.

Examples
--------
>>> acd = pd.DataFrame({"conflict_id": [11345], "year": [2014], "side_a": ["Government of South Sudan"],
...                     "side_b": ["SPLM/A - IO"], "gwno_a": ["626"], "gwno_b": [""]})
>>> no_vetoes = pd.DataFrame(columns=["year", "draft", "agenda_item", "iso3", "vetoing"], dtype=object)
>>> G = situation_graph("ssd-2013", acd=acd, vetoes=no_vetoes)
>>> G.graph["category"], sorted(G.nodes[n]["actor_id"] for n in nodes_of(G, "actor"))
('both', ['au', 'host_state', 'nsag', 'un_pko', 'un_pko', 'unsc'])
"""

from __future__ import annotations

import re

import networkx as nx
import pandas as pd

from .. import council as council_mod
from .. import data, schema
from ..council_practice import COUNCIL_TABLES, VETOES_NOT_ON_SITUATION, VETOES_OUTSIDE_PROTECTION, council_action
from ..external import countries
from ..external.load import load as load_dataset
from ..external.un import council_vetoes
from ..scope import CATEGORIES, ScopeRules, classify
from ..validation import split_list
from .graph import _check_inputs, _obligation_attrs, _obligation_rows, _text, actor_node, nodes_of, obligation_node

#: the obligations a situation's category activates
CATEGORY_NORMS = {"both": ("POC", "R2P", "both"), "poc_only": ("POC", "both"), "r2p_only": ("R2P", "both"),
                  "neither": ()}

#: Instruments that act on one situation (a referral, an authorisation, a tribunal, an inquiry).
#: Their obligations are part of the normative graph as precedents, but a situation activates
#: them only when it cites the obligation's own source (see :func:`situation_graph`).
#: S/RES/1270 (1999) is *not* listed: the coded duties drawn from it are worded generally (the
#: first POC mandate), as the codebook uses it.
SPECIFIC_INSTRUMENTS = frozenset({"s_res_1593", "s_res_1970", "s_res_1973", "s_res_827", "s_res_955",
                                  "hrc_res_s_17_1"})

#: How a role in a situation maps to a generic actor of ``actors.csv``: (kind, pattern on the name).
ROLES = {
    "host": ("state", r"territorial State"),
    "foreign": ("state", r"^Foreign State party"),
    "armed_group": ("non_state_armed_group", r""),
    "mission": ("un_mission", r""),
    "council": ("un_organ", r"Security Council"),
}
#: Courts and regional organisations found present through a situation's cited sources:
#: (kind, pattern on the actor's name, pattern on a source's citation and title, or on a
#: POC mission's name).
PRESENCE = (
    ("court", r"^International Criminal Court$", r"\bICC\b|International Criminal Court(?! Act)"),
    ("court", r"^International Court of Justice$", r"\bICJ\b|International Court of Justice"),
    ("court", r"ICTY|ICTR", r"\bICTY\b|\bICTR\b|International Criminal Tribunal for"),
    ("regional_org", r"^African Union$", r"African Union|\bAU-UN\b"),
    ("regional_org", r"Economic Community of West African States",
     r"\bECOWAS\b|Economic Community of West African States"),
    ("regional_org", r"^European Union$", r"European Union"),
    ("regional_org", r"North Atlantic Treaty Organization", r"\bNATO\b|North Atlantic Treaty Organization"),
)
_GOVERNMENT = re.compile(r"^Government of ")
_RESOLUTION = re.compile(r"^S/RES/\d+")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class _Inputs:
    """The tables a situation graph needs, loaded once (or given by the caller)."""

    def __init__(self, situations=None, actors=None, obligations=None, missions=None, sources=None, acd=None,
                 vetoes=None, rules: ScopeRules = ScopeRules(), council=None):
        situations = data.load_situations() if situations is None else situations
        # a frame classified by the caller keeps its categories; the graphs then say so
        self.rules_label = "as classified by the caller" if "category" in situations.columns else rules.describe()
        if "category" not in situations.columns:
            situations = classify(situations, rules)
        self.situations = situations.set_index("situation_id", drop=False)
        self.actors = data.load_actors() if actors is None else actors
        self.obligations = data.load_obligations() if obligations is None else obligations
        self.missions = (data.load_missions() if missions is None else missions).set_index("acronym", drop=False)
        self.sources = (data.load_sources() if sources is None else sources).set_index("source_id", drop=False)
        acd = load_dataset("ucdp_acd") if acd is None else acd
        self.acd = acd
        # per-conflict records sorted by year, looked up per situation (a dict beats a frame filter)
        columns = ["conflict_id", "year", "side_a", "side_b", "gwno_a", "gwno_b"]
        self.acd_records: dict[int, list[dict]] = {}
        for record in acd[columns].sort_values(["conflict_id", "year"]).to_dict("records"):
            self.acd_records.setdefault(int(record["conflict_id"]), []).append(record)
        vetoes = council_vetoes() if vetoes is None else vetoes
        # a veto blocks the failsafe of a protection situation only when the draft was about it: drafts
        # on arms programmes (the 2022 DPRK non-proliferation draft) concern the country, not its civilians
        unrelated = vetoes["agenda_item"].fillna("").str.contains(VETOES_OUTSIDE_PROTECTION, case=False)
        self.vetoes = vetoes[~unrelated]
        self.vetoes_by_iso3 = {iso3: group for iso3, group in self.vetoes.groupby("iso3")}
        council = {name: council_mod.load(name) for name in COUNCIL_TABLES} if council is None else council
        # the Council's decisions, prepared once and split by country: record_for then reads only the country's rows
        self.council_by_iso3 = council_mod.by_country(council_mod.decisions({name: council[name]
                                                                             for name in COUNCIL_TABLES}))
        self.actor_name = dict(zip(_text(self.actors, "actor_id"), _text(self.actors, "name")))
        self.actor_kind = dict(zip(_text(self.actors, "actor_id"), _text(self.actors, "kind")))
        self.mission_name = dict(zip(self.missions.index, self.missions["name"].astype(str)))
        self.citation = dict(zip(self.sources.index, self.sources["citation"].astype(str)))
        self.source_text = {sid: f"{self.citation[sid]} {title}" for sid, title in
                            zip(self.sources.index, self.sources["title"].astype(str))}
        _check_inputs(self.obligations, self.actors, None)
        # the foreign-belligerent actor is optional: without it, foreign State parties hold no duties
        self.roles = {role: _resolve(self.actors, kind, pattern, required=role != "foreign")
                      for role, (kind, pattern) in ROLES.items()}
        self.presence = [(actor_id, re.compile(evidence)) for kind, name, evidence in PRESENCE
                         if (actor_id := _resolve(self.actors, kind, name, required=False))]
        self.court_icc = _resolve(self.actors, *PRESENCE[0][:2], required=False)
        obligations = self.obligations
        specific = _text(obligations, "instrument_id").isin(SPECIFIC_INSTRUMENTS)
        # sources that state a general norm (the texts of general instruments), not an act in a
        # situation; a court's judgment cited for an obligation stays an act
        general = set(split_list(_text(obligations[~specific], "sources")).explode().dropna())
        courts = set(self.sources.index[self.sources["kind"] == "court"])
        self.instrument_texts = general - courts
        self.rows = _obligation_rows(obligations)
        self.obligation_sources = split_list(pd.Series({ob["obligation_id"]: ob["sources"] for ob in self.rows},
                                                       dtype=object)).map(set).to_dict()
        # the ';'-separated cells of each situation, split once
        self.items = {column: dict(zip(self.situations.index, split_list(_text(self.situations, column))))
                      for column in ("ucdp_conflict_ids", "poc_missions", "sources")}

    def situation(self, situation_id: str) -> pd.Series:
        if situation_id not in self.situations.index:
            raise KeyError(f"situation '{situation_id}' is not in data/raw/situations.csv (or the frame given)")
        return self.situations.loc[situation_id]


def _resolve(actors: pd.DataFrame, kind: str, pattern: str, required: bool = True) -> str:
    """The one actor of *kind* whose name matches *pattern*; a clear error otherwise.

    With ``required=False`` an absent actor gives ``""`` (a court or organisation
    the actors table does not model is simply never present); two matches are
    still an error.
    """
    kinds, names = _text(actors, "kind"), _text(actors, "name")
    hits = _text(actors, "actor_id")[kinds.eq(kind) & names.str.contains(pattern, regex=True)].tolist()
    if not hits and not required:
        return ""
    if len(hits) != 1:
        raise ValueError(f"data/raw/actors.csv: expected exactly one actor of kind '{kind}' whose name matches "
                         f"/{pattern}/, found {len(hits)} ({', '.join(hits) or 'none'}); the situation mapping "
                         "in analysis.networks.ROLES/PRESENCE needs it")
    return hits[0]


def _years(row: pd.Series) -> tuple[int, int]:
    start = int(row["start_year"])
    end = row["end_year"]
    return start, int(end) if pd.notna(end) and str(end) != "" else schema.YEAR_MAX


def _parties(row: pd.Series, conflict_ids: list[str], acd_records: dict[int, list[dict]]) -> list[dict]:
    """Non-State parties (``side_b``) and foreign State parties of the situation's UCDP conflicts and years."""
    ids = [int(i) for i in conflict_ids]
    if not ids:
        return []
    start, end = _years(row)
    rows = [r for cid in sorted(set(ids)) for r in acd_records.get(cid, []) if start <= r["year"] <= end]
    # the territory's own State in those years; an occupying or administering State (Israel in the
    # occupied Palestinian territory, Morocco in Western Sahara, Indonesia in East Timor) is a party
    host_gw = ({int(row["gwno"])} | countries.gw_codes(row["iso3"], start, min(end, 2024))) - \
        countries.occupier_codes(row["iso3"], start, min(end, 2024))
    found: dict[tuple[str, str], dict] = {}
    for r in rows:
        for side in ("side_a", "side_b"):
            names = [n.strip() for n in str(r[side]).split(",") if n.strip() and n.strip() != "nan"]
            codes = [c.strip() for c in str(r[f"gwno_{side[-1]}"]).split(",") if c.strip() not in ("", "nan")]
            governments = [n for n in names if _GOVERNMENT.match(n)]
            gw_of = dict(zip(governments, codes)) if len(codes) == len(governments) else {}
            for name in names:
                if _GOVERNMENT.match(name):
                    code = gw_of.get(name)
                    if code is not None and code.isdigit() and int(code) in host_gw:
                        continue  # the territorial State itself
                    if code is None and row["country"] in name:
                        continue
                    role = "state_party"
                elif side == "side_b":
                    role = "armed_group"
                else:
                    continue
                entry = found.setdefault((role, name), {"role": role, "name": name, "conflicts": set(), "years": set()})
                entry["conflicts"].add(int(r["conflict_id"]))
                entry["years"].add(int(r["year"]))
    return [found[k] for k in sorted(found)]


def _span(years: set[int]) -> str:
    return f"{min(years)}-{max(years)}" if len(years) > 1 else str(min(years))


def situation_actors(situation_id: str, *, rules: ScopeRules = ScopeRules(), situations: pd.DataFrame | None = None,
                     actors: pd.DataFrame | None = None, obligations: pd.DataFrame | None = None,
                     missions: pd.DataFrame | None = None, sources: pd.DataFrame | None = None,
                     acd: pd.DataFrame | None = None, vetoes: pd.DataFrame | None = None,
                     council: dict[str, pd.DataFrame] | None = None, _inputs: _Inputs | None = None) -> pd.DataFrame:
    """The actors present in one situation, each mapped to a generic actor of ``actors.csv``.

    Presence is derived from the coded data only:

    - **host State** (``iso3``, ``country``) → the actor of kind ``state`` that
      stands for the territorial State (``host_state``);
    - **non-State parties**: the ``side_b`` names (split on commas, stripped)
      of the UCDP/PRIO ACD 25.1 rows of the situation's ``ucdp_conflict_ids``
      within its years → the actor of kind ``non_state_armed_group``.
      Governments on either side other than the host are *foreign State
      parties* (intervening or occupying States) → the actor of kind
      ``state`` named "Foreign State party ..." (``foreign_state_party``),
      which holds the IHL duties of a party to the conflict;
    - **UN missions** in ``poc_missions`` (names from missions.csv) → kind ``un_mission``;
    - **the Security Council**, always (Charter art. 24), with the vetoes cast
      on the situation's country in its years (``analysis.panel.council_vetoes``)
      marking it ``blocked`` and listing the drafts, and the Council
      resolutions (``S/RES/...``) the situation cites; its ``status``
      (acted / blocked / silent) comes from the Council's own records
      (*council*: the tables of :mod:`analysis.council`, by default
      ``data/council``; see :func:`analysis.council_practice.council_action`), as do the ICC's (a
      referral, or its own proceedings) and the UN missions' (POC mandates);
    - **courts and regional organisations** (:data:`PRESENCE`): the ICC, the
      ICJ, the ad hoc tribunals, the AU, ECOWAS, the EU and NATO, when a cited
      source names them in its citation or title (the text of a general
      instrument, such as the Rome Statute, does not count), or when a POC
      mission's name does (UNAMID → AU).

    Returns
    -------
    DataFrame
        ``node``, ``actor_id``, ``kind``, ``name``, ``role``, ``evidence``,
        ``blocked``, ``vetoed_drafts``, ``vetoing`` (the members that cast the
        vetoes), ``veto_agenda`` (the vetoed drafts' agenda items, so that a
        reader can judge how closely each concerns the situation),
        ``resolutions``; all text (``;``-separated lists). Sorted by
        level of the role (host, armed groups, State parties, missions, regional
        organisations, Council, courts) and name.

    Examples
    --------
    >>> acd = pd.DataFrame({"conflict_id": [11345], "year": [2014], "side_a": ["Government of South Sudan"],
    ...                     "side_b": ["SPLM/A - IO"], "gwno_a": ["626"], "gwno_b": [""]})
    >>> no_vetoes = pd.DataFrame(columns=["year", "draft", "agenda_item", "iso3", "vetoing"], dtype=object)
    >>> table = situation_actors("ssd-2013", acd=acd, vetoes=no_vetoes)
    >>> table.loc[table["actor_id"] == "nsag", ["name", "evidence"]].values.tolist()
    [['SPLM/A - IO', 'UCDP ACD 25.1 conflict 11345, 2014']]
    >>> table.loc[table["actor_id"] != "nsag", ["actor_id", "name"]].values.tolist()
    ... # doctest: +NORMALIZE_WHITESPACE
    [['host_state', 'South Sudan'], ['un_pko', 'UNISFA'], ['un_pko', 'UNMISS'], ['au', 'African Union'],
     ['unsc', 'UN Security Council']]
    >>> table.loc[table["actor_id"] == "au", "evidence"].item()
    'sources auciss-2014'
    """
    inputs = _inputs or _Inputs(situations, actors, obligations, missions, sources, acd, vetoes, rules, council)
    row = inputs.situation(situation_id)
    actor_kind = inputs.actor_kind
    records = []

    def add(actor_id, instance, name, role, evidence, order, **extra):
        records.append({"node": actor_node(actor_id or "state", instance), "actor_id": actor_id,
                        "kind": actor_kind.get(actor_id, "state"), "name": name, "role": role,
                        "evidence": evidence, "blocked": False, "vetoed_drafts": "", "vetoing": "",
                        "veto_agenda": "", "resolutions": "", "status": "", "status_evidence": "",
                        "council_resolutions": "", "council_flags": "", "council_vetoed": "", "_order": order,
                        **extra})

    add(inputs.roles["host"], row["iso3"], row["country"], "host State", f"iso3 {row['iso3']}", 0)
    for party in _parties(row, inputs.items["ucdp_conflict_ids"][situation_id], inputs.acd_records):
        evidence = (f"UCDP ACD 25.1 conflict {', '.join(map(str, sorted(party['conflicts'])))}, "
                    f"{_span(party['years'])}")
        if party["role"] == "armed_group":
            add(inputs.roles["armed_group"], _slug(party["name"]), party["name"], "non-State party (side_b)",
                evidence, 1)
        else:
            generic = inputs.roles["foreign"]
            add(generic, _slug(party["name"]), party["name"],
                "foreign State party" if generic else "foreign State party (no generic actor)", evidence, 2)

    mission_names = []
    for acronym in inputs.items["poc_missions"][situation_id]:
        name = inputs.mission_name.get(acronym, acronym)
        mission_names.append((acronym, name))
        add(inputs.roles["mission"], acronym.lower(), acronym, "UN mission with a POC mandate",
            f"poc_missions {acronym} ({name})", 3)

    cited = [s for s in inputs.items["sources"][situation_id] if s in inputs.citation]
    texts = inputs.source_text
    for actor_id, evidence in inputs.presence:
        hits = [s for s in cited if s not in inputs.instrument_texts and evidence.search(texts[s])]
        hits += [f"poc_missions {a}" for a, name in mission_names if evidence.search(name)]
        if hits:
            kind = actor_kind[actor_id]
            name = inputs.actor_name[actor_id]
            add(actor_id, None, name, "court" if kind == "court" else "regional organisation",
                "sources " + ";".join(hits), 4 if kind == "regional_org" else 6)

    start, end = _years(row)
    vetoes = inputs.vetoes_by_iso3.get(row["iso3"], inputs.vetoes.iloc[:0])
    hit = vetoes[pd.to_numeric(vetoes["year"], errors="coerce").between(start, end)]
    hit = hit[~hit["draft"].astype(str).map(lambda d: (situation_id, d) in VETOES_NOT_ON_SITUATION).astype(bool)]
    drafts = sorted(set(hit["draft"].astype(str)))
    agenda = sorted(set(hit["agenda_item"].astype(str)))
    vetoing = sorted({m.strip() for v in hit["vetoing"].astype(str) for m in re.split(r"[;,]", v) if m.strip()})
    resolutions = sorted({inputs.citation[s] for s in cited if _RESOLUTION.match(inputs.citation[s])})
    council = inputs.roles["council"]
    council_name = inputs.actor_name[council]
    evidence = "UN Charter art. 24 (always)" + (f"; {len(drafts)} vetoed draft(s) on {row['iso3']} {start}-"
                                                f"{'' if end == schema.YEAR_MAX else end}" if drafts else "")
    tables = inputs.council_by_iso3[row["iso3"]]
    acted = council_action(situation_id, row["iso3"], start, end, tables, vetoed=drafts)
    add(council, None, council_name, "Security Council", evidence, 5, blocked=bool(drafts),
        vetoed_drafts=";".join(drafts), vetoing=";".join(vetoing), veto_agenda=";".join(agenda),
        resolutions=";".join(resolutions), **acted["council"])
    for record in records:
        if record["actor_id"] == inputs.roles["mission"]:
            record.update(acted["mission"])
        elif record["actor_id"] and record["actor_id"] == inputs.court_icc:
            record.update(acted["icc"])

    table = pd.DataFrame(records).sort_values(["_order", "name"], ignore_index=True).drop(columns="_order")
    return table.drop_duplicates("node", ignore_index=True)


def _activated(inputs: _Inputs, row: pd.Series) -> list[dict]:
    """The obligation rows the situation's category activates (situation-specific ones only when cited)."""
    norms = CATEGORY_NORMS[row["category"]]
    cited = set(inputs.items["sources"][row["situation_id"]])
    out = []
    for ob in inputs.rows:
        if ob["norm"] not in norms:
            continue
        specific = ob["instrument_id"] in SPECIFIC_INSTRUMENTS
        if specific and not cited & inputs.obligation_sources[ob["obligation_id"]]:
            continue
        out.append(ob)
    return out


def situation_graph(situation_id: str, *, rules: ScopeRules = ScopeRules(), situations: pd.DataFrame | None = None,
                    actors: pd.DataFrame | None = None, obligations: pd.DataFrame | None = None,
                    missions: pd.DataFrame | None = None, sources: pd.DataFrame | None = None,
                    acd: pd.DataFrame | None = None, vetoes: pd.DataFrame | None = None,
                    council: dict[str, pd.DataFrame] | None = None, _inputs: _Inputs | None = None) -> nx.Graph:
    """The actors present in one situation and the obligations its category activates.

    The situation is classified with :func:`analysis.scope.classify` under
    *rules*. Its category activates obligations of the matching norm sets:
    ``poc_only`` the POC set (``POC`` and ``both``), ``r2p_only`` the R2P set
    (``R2P`` and ``both``), ``both`` every obligation, ``neither`` none (the
    actors are kept). An obligation created by one of the
    :data:`SPECIFIC_INSTRUMENTS` (a referral, an authorisation, a tribunal) is
    activated only when the situation cites its source. Each present actor
    (see :func:`situation_actors`) is joined to the activated obligations of
    its generic actor.

    Returns
    -------
    Graph
        Actor nodes (``bipartite=0``) with ``actor_id``, ``kind``, ``name``,
        ``role``, ``evidence``, ``blocked``, ``vetoed_drafts``, ``vetoing``,
        ``veto_agenda``, ``resolutions``, ``status``, ``status_evidence``,
        ``council_resolutions``, ``council_flags``, ``council_vetoed``; obligation nodes (``bipartite=1``) as in
        :func:`normative_graph`; ``relation="holds"`` edges with ``norm``,
        ``level`` and ``blocked`` (True on the Council's edges when a veto
        blocked it). Graph attributes: ``situation_id``, ``name``,
        ``category``, ``reasons``, ``rules`` (the reading, or "as classified by
        the caller" when *situations* already has a ``category`` column, which
        is then used as it is).

    Examples
    --------
    >>> vetoes = pd.DataFrame({"year": [2011], "draft": ["S/2011/612"], "iso3": ["SYR"], "vetoing": ["China;Russia"],
    ...                        "agenda_item": ["The situation in the Middle East"]})
    >>> no_acd = pd.DataFrame(columns=["conflict_id", "year", "side_a", "side_b", "gwno_a", "gwno_b"])
    >>> G = situation_graph("syr-2011", acd=no_acd, vetoes=vetoes)
    >>> G.graph["category"], G.nodes["actor:unsc"]["blocked"]
    ('both', True)
    >>> G.nodes["actor:host_state:SYR"]["name"]
    'Syria'
    """
    inputs = _inputs or _Inputs(situations, actors, obligations, missions, sources, acd, vetoes, rules, council)
    row = inputs.situation(situation_id)
    present = situation_actors(situation_id, _inputs=inputs)
    activated = _activated(inputs, row)
    G = nx.Graph(name=f"situation {situation_id}", situation_id=situation_id, situation=str(row["name"]),
                 category=str(row["category"]), reasons=str(row["reasons"]), rules=inputs.rules_label,
                 council_status=str(present.loc[present["actor_id"] == inputs.roles["council"], "status"].iloc[0]))
    records = present.to_dict("records")
    for rec in records:
        attrs = {k: v for k, v in rec.items() if k != "node"}
        G.add_node(rec["node"], bipartite=0, layer="actor", label=rec["name"], **attrs)
    by_actor: dict[str, list[dict]] = {}
    for ob in activated:
        by_actor.setdefault(ob["actor_id"], []).append(ob)
    used = sorted({ob["obligation_id"] for rec in records for ob in by_actor.get(rec["actor_id"], [])})
    rows = {ob["obligation_id"]: ob for ob in activated}
    for oid in used:
        G.add_node(obligation_node(oid), **_obligation_attrs(rows[oid]))
    for rec in records:
        for ob in by_actor.get(rec["actor_id"], []):
            G.add_edge(rec["node"], obligation_node(ob["obligation_id"]), relation="holds", norm=ob["norm"],
                       level=ob["level"], blocked=bool(rec["blocked"]))
    return G


def situation_graphs(situation_ids, *, rules: ScopeRules = ScopeRules(), **tables) -> dict[str, nx.Graph]:
    """Several situation graphs at once, the tables loaded once: ``{situation_id: graph}``.

    *tables* are the keyword tables of :func:`situation_graph` (``situations``,
    ``actors``, ``obligations``, ``missions``, ``sources``, ``acd``, ``vetoes``, ``council``).

    Examples
    --------
    >>> no_acd = pd.DataFrame(columns=["conflict_id", "year", "side_a", "side_b", "gwno_a", "gwno_b"])
    >>> no_vetoes = pd.DataFrame(columns=["year", "draft", "agenda_item", "iso3", "vetoing"], dtype=object)
    >>> graphs = situation_graphs(["ken-2007", "prk-1948"], acd=no_acd, vetoes=no_vetoes)
    >>> {k: g.graph["category"] for k, g in graphs.items()}
    {'ken-2007': 'both', 'prk-1948': 'r2p_only'}
    """
    inputs = _Inputs(rules=rules, **tables)
    return {sid: situation_graph(sid, rules=rules, _inputs=inputs) for sid in situation_ids}


def activation_counts(situations_classified: pd.DataFrame | None = None, *, rules: ScopeRules = ScopeRules(),
                      graphs: dict[str, nx.Graph] | None = None, **tables) -> pd.DataFrame:
    """How often each actor is present and activated, per category, across situations.

    An actor is *activated* in a situation when it is present (see
    :func:`situation_actors`) and the situation's category activates at least
    one of its obligations. Foreign State parties without a generic actor are not
    counted.

    Parameters
    ----------
    situations_classified : DataFrame, optional
        Situations with a ``category`` column (:func:`analysis.scope.classify`);
        unclassified rows are classified under *rules*. Default: the project's
        situations under *rules*.
    graphs : dict, optional
        Situation graphs already built (:func:`situation_graphs`), counted as
        they are; by default every situation's graph is built under *rules*.
    **tables
        ``actors``, ``obligations``, ``missions``, ``sources``, ``acd``,
        ``vetoes``, as for :func:`situation_graph`.

    Returns
    -------
    DataFrame
        ``actor_id``, ``name``, ``kind``, ``present`` (situations), ``both``,
        ``poc_only``, ``r2p_only`` (situations of that category in which the
        actor is activated), ``activated`` (their sum), ``blocked`` (situations
        in which the actor was marked blocked); sorted by activated, present
        (descending), then actor.

    Examples
    --------
    >>> acd = pd.DataFrame({"conflict_id": [11345], "year": [2014], "side_a": ["Government of South Sudan"],
    ...                     "side_b": ["SPLM/A - IO"], "gwno_a": ["626"], "gwno_b": [""]})
    >>> no_vetoes = pd.DataFrame(columns=["year", "draft", "agenda_item", "iso3", "vetoing"], dtype=object)
    >>> situations = data.load_situations().query("situation_id in ['ssd-2013', 'ken-2007', 'prk-1948']")
    >>> table = activation_counts(classify(situations), acd=acd, vetoes=no_vetoes).set_index("actor_id")
    >>> table.loc[["host_state", "unsc", "nsag"], ["present", "both", "r2p_only", "activated"]].to_dict("index")
    ... # doctest: +NORMALIZE_WHITESPACE
    {'host_state': {'present': 3, 'both': 2, 'r2p_only': 1, 'activated': 3},
     'unsc': {'present': 3, 'both': 2, 'r2p_only': 1, 'activated': 3},
     'nsag': {'present': 1, 'both': 1, 'r2p_only': 0, 'activated': 1}}
    """
    if graphs is None:
        inputs = _Inputs(situations_classified, rules=rules, **tables)
        graphs = {sid: situation_graph(sid, rules=rules, _inputs=inputs) for sid in sorted(inputs.situations.index)}
        actors = inputs.actors
    else:
        actors = tables.get("actors") if tables.get("actors") is not None else data.load_actors()
    counts: dict[str, dict[str, int]] = {}
    for sid in sorted(graphs):
        G = graphs[sid]
        category = G.graph["category"]
        seen: dict[str, list[str]] = {}
        for node in nodes_of(G, "actor"):
            if G.nodes[node]["actor_id"]:
                seen.setdefault(G.nodes[node]["actor_id"], []).append(node)
        for actor_id, nodes in seen.items():
            c = counts.setdefault(actor_id, dict.fromkeys(("present", *CATEGORIES[:3], "blocked"), 0))
            c["present"] += 1
            c["blocked"] += int(any(G.nodes[n]["blocked"] for n in nodes))
            # an actor is linked to obligations exactly when the category activates some of its duties
            if category in c and any(G.degree(n) for n in nodes):
                c[category] += 1
    table = pd.DataFrame.from_dict(counts, orient="index").rename_axis("actor_id").reset_index()
    actors = actors.assign(actor_id=_text(actors, "actor_id"))
    table = table.merge(actors[["actor_id", "name", "kind"]], on="actor_id", how="left")
    table["activated"] = table[list(CATEGORIES[:3])].sum(axis=1)
    columns = ["actor_id", "name", "kind", "present", *CATEGORIES[:3], "activated", "blocked"]
    table = table[columns].astype({c: int for c in columns[3:]})
    return table.sort_values(["activated", "present", "actor_id"], ascending=[False, False, True], ignore_index=True)
