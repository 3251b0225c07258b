"""Actor–obligation networks: who owes what under POC and R2P, and where the chains meet.

The coded obligations (``data/raw/obligations.csv``) form a bipartite graph in
the networkx convention: **actors** carry ``bipartite=0``, **obligations**
``bipartite=1``, and an edge joins an actor to each obligation it holds. An
optional third layer adds the **instruments** that create the obligations
(``bipartite=2``); every node also carries ``layer`` (``"actor"``,
``"obligation"`` or ``"instrument"``), so that code never has to rely on the
number alone. Node ids are prefixed by their layer (``"actor:unsc"``,
``"obligation:unsc_chapter_vii_measures"``, ``"instrument:un_charter"``), so ids
of different tables cannot collide.

The two norms are never merged. An obligation coded ``both`` serves each norm,
so it belongs to the POC set **and** to the R2P set of its holder; everything
else belongs to one set only. Every metric below follows this one rule.

Functions
---------
:func:`normative_graph`
    the graph of all coded obligations (optionally with instruments);
:func:`actor_overlap`, :func:`centrality`, :func:`actor_projection`
    per-actor metrics;
:func:`escalation_chains`, :func:`convergence`
    primary → backup → failsafe per norm, and the actors in which the two
    norms' chains meet (computed, not assumed);
:func:`situation_actors`, :func:`situation_graph`, :func:`situation_graphs`,
:func:`activation_counts`
    the actors present in a coded situation and the obligations its category
    activates;
:func:`level_layout`, :func:`to_frames`, :func:`export`
    a deterministic layout and the exports (GraphML, GEXF, CSV, HTML).

Examples
--------
>>> import pandas as pd
>>> actors = pd.DataFrame({"actor_id": ["state", "council"], "name": ["State", "Council"],
...                        "kind": ["state", "un_organ"]})
>>> obligations = pd.DataFrame({
...     "obligation_id": ["protect", "ihl", "act"], "actor_id": ["state", "state", "council"],
...     "norm": ["R2P", "POC", "both"], "level": ["primary", "primary", "failsafe"]})
>>> G = normative_graph(obligations, actors)
>>> G.number_of_nodes(), G.number_of_edges()
(5, 3)
>>> G.nodes["obligation:act"]["bipartite"], G.nodes["actor:council"]["kind"]
(1, 'un_organ')
>>> convergence(G)[["level", "actor_id", "poc", "r2p", "shared"]].to_dict("records")
[{'level': 'failsafe', 'actor_id': 'council', 'poc': 1, 'r2p': 1, 'shared': 1}]

References
----------
.. [1] United Nations General Assembly, 2005 World Summit Outcome, A/RES/60/1, paras 138-139.
.. [2] Secretary-General, Implementing the responsibility to protect, A/63/677 (2009).
.. [3] UN Department of Peace Operations, The Protection of Civilians in United Nations
   Peacekeeping, Policy Ref. 2023.05.
.. [4] Borgatti, S. P. & Halgin, D. S. (2011). Analyzing affiliation networks. In
   *The SAGE Handbook of Social Network Analysis*, 417-433.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

from . import data, schema
from . import atomic
from .scope import CATEGORIES, ScopeRules, classify
from .validation import LINE, Problem, ValidationError, split_list

#: agenda items of vetoed drafts that concern a country but not the protection of its civilians
VETOES_OUTSIDE_PROTECTION = r"non-proliferation"
#: vetoed drafts matched to a situation by country and year that concern another matter in that
#: country (checked against the draft's agenda item in the vetoes data); {(situation, draft): why}
VETOES_NOT_ON_SITUATION = {
    ("irn-1979-kurdistan", "S/13735"): "the US draft on the Tehran embassy hostages (1980)",
    ("irn-1979-mek", "S/13735"): "the US draft on the Tehran embassy hostages (1980)",
    ("ago-1975-cabinda", "S/14664/Rev.2"): "Angola's complaint against South Africa's incursions (1981), "
                                           "part of the main civil war (ago-1975), not the Cabinda conflict",
}

LAYERS = {0: "actor", 1: "obligation", 2: "instrument"}
#: the obligations that belong to each norm's set (``both`` belongs to each)
NORM_SETS = {"POC": ("POC", "both"), "R2P": ("R2P", "both")}
#: the obligations a situation's category activates
CATEGORY_NORMS = {"both": ("POC", "R2P", "both"), "poc_only": ("POC", "both"), "r2p_only": ("R2P", "both"),
                  "neither": ()}
LEVEL_RANK = {level: rank for rank, level in enumerate(schema.LEVELS)}
NORM_ORDER = ("POC", "both", "R2P")

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

ACTOR_COLUMNS = ("actor_id", "name", "kind")
OBLIGATION_COLUMNS = ("obligation_id", "actor_id", "norm", "level")
OBLIGATION_TEXT = ("description", "r2p_pillar", "poc_tier", "instrument_id", "provision", "sources")


# --------------------------------------------------------------------------- node ids
def actor_node(actor_id: str, instance: str | None = None) -> str:
    """Node id of an actor (with an *instance* in situation graphs).

    Examples
    --------
    >>> actor_node("unsc"), actor_node("nsag", "is")
    ('actor:unsc', 'actor:nsag:is')
    """
    return f"actor:{actor_id}" + (f":{instance}" if instance else "")


def obligation_node(obligation_id: str) -> str:
    """Node id of an obligation, e.g. ``obligation:unsc_chapter_vii_measures``."""
    return f"obligation:{obligation_id}"


def instrument_node(instrument_id: str) -> str:
    """Node id of an instrument, e.g. ``instrument:un_charter``."""
    return f"instrument:{instrument_id}"


def nodes_of(G: nx.Graph, layer: str) -> list:
    """The nodes of one layer (``actor``, ``obligation`` or ``instrument``), sorted.

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_node("actor:b", layer="actor"); G.add_node("actor:a", layer="actor")
    >>> G.add_node("obligation:x", layer="obligation")
    >>> nodes_of(G, "actor")
    ['actor:a', 'actor:b']
    """
    return sorted(n for n, d in G.nodes(data=True) if d.get("layer") == layer)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# --------------------------------------------------------------------------- input checks
def _text(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame.columns:
        return pd.Series("", index=frame.index, dtype=object)
    return frame[column].astype(object).where(frame[column].notna(), "").astype(str).str.strip()


def _lines(frame: pd.DataFrame) -> pd.Series:
    if LINE in frame.columns:
        return frame[LINE].astype(int)
    return pd.Series(np.arange(2, len(frame) + 2), index=frame.index)


def _check_inputs(obligations: pd.DataFrame, actors: pd.DataFrame, instruments: pd.DataFrame | None) -> None:
    """Columns present, values in the vocabularies, references resolved: all problems at once."""
    problems: list[Problem] = []
    for frame, columns, label in ((actors, ACTOR_COLUMNS, "actors"), (obligations, OBLIGATION_COLUMNS, "obligations")):
        for column in columns:
            if column not in frame.columns:
                problems.append(Problem(label, None, column, None, "required column missing"))
    if instruments is not None and "instrument_id" not in instruments.columns:
        problems.append(Problem("instruments", None, "instrument_id", None, "required column missing"))
    if instruments is not None and "instrument_id" not in obligations.columns:
        problems.append(Problem("obligations", None, "instrument_id", None,
                                "required column missing (needed for the instrument layer)"))
    if problems:
        raise ValidationError(problems)
    lines = _lines(obligations)
    known = set(_text(actors, "actor_id"))
    checks = [("norm", schema.NORMS, "must be one of " + ", ".join(schema.NORMS)),
              ("level", schema.LEVELS, "must be one of " + ", ".join(schema.LEVELS)),
              ("actor_id", tuple(known), "unknown actor (not in actors)")]
    if instruments is not None:
        checks.append(("instrument_id", tuple(set(_text(instruments, "instrument_id"))),
                       "unknown instrument (not in instruments)"))
    for column, allowed, rule in checks:
        values = _text(obligations, column)
        for line, value in zip(lines[~values.isin(allowed)], values[~values.isin(allowed)]):
            problems.append(Problem("obligations", int(line), column, value, rule))
    for frame, column, label in ((actors, "actor_id", "actors"), (obligations, "obligation_id", "obligations")):
        values = _text(frame, column)
        for line, value in zip(_lines(frame)[values.duplicated()], values[values.duplicated()]):
            problems.append(Problem(label, int(line), column, value, "duplicate id"))
    if problems:
        raise ValidationError(problems)


# --------------------------------------------------------------------------- the normative graph
def _obligation_attrs(row: dict) -> dict:
    return {"bipartite": 1, "layer": "obligation", "label": row["obligation_id"],
            "obligation_id": row["obligation_id"], "actor_id": row["actor_id"], "norm": row["norm"],
            "level": row["level"], "r2p_pillar": row["r2p_pillar"], "poc_tier": row["poc_tier"],
            "instrument": row["instrument_id"], "provision": row["provision"],
            "description": row["description"], "sources": row["sources"]}


def _obligation_rows(obligations: pd.DataFrame) -> list[dict]:
    table = pd.DataFrame({c: _text(obligations, c) for c in OBLIGATION_COLUMNS + OBLIGATION_TEXT})
    return table.sort_values("obligation_id").to_dict("records")


def normative_graph(obligations: pd.DataFrame | None = None, actors: pd.DataFrame | None = None,
                    instruments: pd.DataFrame | None = None, *, with_instruments: bool = False) -> nx.Graph:
    """Return the bipartite actor–obligation graph of the coded obligations.

    Parameters
    ----------
    obligations : DataFrame, optional
        Rows with at least ``obligation_id``, ``actor_id``, ``norm`` and ``level``
        (the other ``obligations.csv`` columns are used when present). Default:
        :func:`analysis.data.load_obligations`.
    actors : DataFrame, optional
        ``actor_id``, ``name``, ``kind``. Default: :func:`analysis.data.load_actors`.
        Every actor becomes a node, even one without obligations.
    instruments : DataFrame, optional
        ``instrument_id`` and, when present, ``title``, ``year``, ``kind``,
        ``citation``. Default (with the layer): :func:`analysis.data.load_instruments`.
    with_instruments : bool
        Add the instrument layer: one node per instrument that creates at least
        one obligation (``bipartite=2``, ``layer="instrument"``) and an edge
        from each obligation to its instrument (``relation="created_by"``).

    Returns
    -------
    Graph
        Actor nodes (``bipartite=0``, ``layer="actor"``; ``actor_id``, ``name``,
        ``kind``, ``label``), obligation nodes (``bipartite=1``; ``norm``,
        ``level``, ``r2p_pillar``, ``poc_tier``, ``instrument``, ``provision``,
        ``description``, ``sources``, ``actor_id``, ``label``; empty text where
        not coded), and ``relation="holds"`` edges carrying the obligation's
        ``norm`` and ``level``. Nodes and edges are inserted in sorted order.

    Raises
    ------
    ValidationError
        A missing column, a value outside the vocabularies, an unknown actor or
        instrument, or a repeated id; every problem at once.

    Examples
    --------
    >>> actors = pd.DataFrame({"actor_id": ["a"], "name": ["A"], "kind": ["state"]})
    >>> obligations = pd.DataFrame({"obligation_id": ["o1", "o2"], "actor_id": ["a", "a"],
    ...                             "norm": ["POC", "both"], "level": ["primary", "primary"],
    ...                             "instrument_id": ["t", "t"]})
    >>> instruments = pd.DataFrame({"instrument_id": ["t"], "title": ["Treaty"]})
    >>> G = normative_graph(obligations, actors, instruments, with_instruments=True)
    >>> sorted(G.nodes(data="bipartite"))
    [('actor:a', 0), ('instrument:t', 2), ('obligation:o1', 1), ('obligation:o2', 1)]
    >>> G.number_of_edges()
    4
    >>> bad = obligations.assign(norm=["POC", "R2P?"])
    >>> normative_graph(bad, actors)
    Traceback (most recent call last):
    ...
    analysis.validation.ValidationError: obligations: 1 problem
      obligations:3: column 'norm', value 'R2P?': must be one of POC, R2P, both
    """
    obligations = data.load_obligations() if obligations is None else obligations
    actors = data.load_actors() if actors is None else actors
    if with_instruments and instruments is None:
        instruments = data.load_instruments()
    _check_inputs(obligations, actors, instruments if with_instruments else None)

    G = nx.Graph(name="normative graph")
    actor_rows = pd.DataFrame({c: _text(actors, c) for c in ACTOR_COLUMNS}).sort_values("actor_id")
    for row in actor_rows.to_dict("records"):
        G.add_node(actor_node(row["actor_id"]), bipartite=0, layer="actor", label=row["actor_id"], **row)
    rows = _obligation_rows(obligations)
    for row in rows:
        G.add_node(obligation_node(row["obligation_id"]), **_obligation_attrs(row))
    if with_instruments:
        table = instruments.copy()
        table["instrument_id"] = _text(table, "instrument_id")
        used = {row["instrument_id"] for row in rows}
        for row in table[table["instrument_id"].isin(used)].sort_values("instrument_id").to_dict("records"):
            year = pd.to_numeric(row.get("year"), errors="coerce")
            G.add_node(instrument_node(row["instrument_id"]), bipartite=2, layer="instrument",
                       label=row["instrument_id"], instrument_id=row["instrument_id"],
                       title=str(row.get("title", "") or ""), kind=str(row.get("kind", "") or ""),
                       citation=str(row.get("citation", "") or ""),
                       year=int(year) if pd.notna(year) else "")
    for row in rows:
        G.add_edge(actor_node(row["actor_id"]), obligation_node(row["obligation_id"]), relation="holds",
                   norm=row["norm"], level=row["level"])
    if with_instruments:
        for row in rows:
            G.add_edge(obligation_node(row["obligation_id"]), instrument_node(row["instrument_id"]),
                       relation="created_by")
    return G


def holdings(G: nx.Graph) -> pd.DataFrame:
    """One row per actor–obligation edge: who holds which obligation, under which norm and level.

    Works on the normative graph and on situation graphs (where one obligation
    can be held by several actor instances). Columns: ``node``, ``actor_id``,
    ``name``, ``kind``, ``obligation_id``, ``norm``, ``level``, ``instrument``,
    sorted by node and obligation.

    Examples
    --------
    >>> actors = pd.DataFrame({"actor_id": ["a"], "name": ["A"], "kind": ["state"]})
    >>> obligations = pd.DataFrame({"obligation_id": ["o"], "actor_id": ["a"], "norm": ["R2P"],
    ...                             "level": ["primary"]})
    >>> holdings(normative_graph(obligations, actors))[["actor_id", "obligation_id", "norm"]].to_dict("records")
    [{'actor_id': 'a', 'obligation_id': 'o', 'norm': 'R2P'}]
    """
    rows = []
    for actor in nodes_of(G, "actor"):
        a = G.nodes[actor]
        for other in G[actor]:
            o = G.nodes[other]
            if o.get("layer") == "obligation":
                rows.append({"node": actor, "actor_id": a.get("actor_id", ""), "name": a.get("name", ""),
                             "kind": a.get("kind", ""), "obligation_id": o["obligation_id"], "norm": o["norm"],
                             "level": o["level"], "instrument": o.get("instrument", "")})
    columns = ["node", "actor_id", "name", "kind", "obligation_id", "norm", "level", "instrument"]
    return pd.DataFrame(rows, columns=columns).sort_values(["node", "obligation_id"], ignore_index=True)


def _actor_frame(G: nx.Graph) -> pd.DataFrame:
    nodes = nodes_of(G, "actor")
    return pd.DataFrame({"node": nodes, "actor_id": [G.nodes[n].get("actor_id", "") for n in nodes],
                         "name": [G.nodes[n].get("name", "") for n in nodes],
                         "kind": [G.nodes[n].get("kind", "") for n in nodes]})


# --------------------------------------------------------------------------- metrics
def actor_overlap(G: nx.Graph) -> pd.DataFrame:
    """Per actor: POC-only, R2P-only and shared obligations, and the Jaccard overlap of its two sets.

    An actor's POC set holds its obligations coded ``POC`` or ``both``; its R2P
    set those coded ``R2P`` or ``both``. So ``poc = poc_only + both``,
    ``r2p = r2p_only + both``, and the Jaccard overlap
    ``|POC ∩ R2P| / |POC ∪ R2P| = both / (poc_only + r2p_only + both)``:
    1 when every duty of the actor serves both norms, 0 when none does, NaN
    for an actor without obligations (both sets empty).

    Returns
    -------
    DataFrame
        ``node``, ``actor_id``, ``name``, ``kind``, ``poc_only``, ``r2p_only``,
        ``both``, ``poc``, ``r2p``, ``total``, ``jaccard``; sorted by total
        (descending), then node.

    Examples
    --------
    >>> actors = pd.DataFrame({"actor_id": ["a", "b"], "name": ["A", "B"], "kind": ["state", "court"]})
    >>> obligations = pd.DataFrame({"obligation_id": ["o1", "o2", "o3", "o4"],
    ...                             "actor_id": ["a", "a", "a", "b"],
    ...                             "norm": ["POC", "both", "R2P", "both"], "level": ["primary"] * 4})
    >>> table = actor_overlap(normative_graph(obligations, actors))
    >>> table[["actor_id", "poc_only", "r2p_only", "both", "poc", "r2p", "jaccard"]].round(3).to_dict("records")
    ... # doctest: +NORMALIZE_WHITESPACE
    [{'actor_id': 'a', 'poc_only': 1, 'r2p_only': 1, 'both': 1, 'poc': 2, 'r2p': 2, 'jaccard': 0.333},
     {'actor_id': 'b', 'poc_only': 0, 'r2p_only': 0, 'both': 1, 'poc': 1, 'r2p': 1, 'jaccard': 1.0}]
    """
    held = holdings(G)
    counts = pd.crosstab(held["node"], held["norm"]).reindex(columns=list(schema.NORMS), fill_value=0)
    table = _actor_frame(G).set_index("node")
    table["poc_only"] = counts["POC"].reindex(table.index, fill_value=0).astype(int)
    table["r2p_only"] = counts["R2P"].reindex(table.index, fill_value=0).astype(int)
    table["both"] = counts["both"].reindex(table.index, fill_value=0).astype(int)
    table["poc"] = table["poc_only"] + table["both"]
    table["r2p"] = table["r2p_only"] + table["both"]
    table["total"] = table["poc_only"] + table["r2p_only"] + table["both"]
    table["jaccard"] = (table["both"] / table["total"].where(table["total"] > 0)).astype(float)
    table = table.reset_index()
    return table.sort_values(["total", "node"], ascending=[False, True], ignore_index=True)


def _actor_instrument_graph(G: nx.Graph, norm: str | None = None) -> tuple[nx.Graph, list]:
    """Actors joined to the instruments under which they hold obligations (of *norm*'s set)."""
    if norm is not None and norm not in NORM_SETS:
        raise ValueError(f"norm must be None, 'POC' or 'R2P', not {norm!r}")
    held = holdings(G)
    if norm is not None:
        held = held[held["norm"].isin(NORM_SETS[norm])]
    if held["instrument"].eq("").any():
        raise ValueError("obligations without an 'instrument' attribute: the projection needs the instrument "
                         "of every obligation")
    actors = nodes_of(G, "actor")
    B = nx.Graph()
    B.add_nodes_from(actors, bipartite=0)
    for instrument in sorted(held["instrument"].unique()):
        B.add_node(instrument_node(instrument), bipartite=1)
    for row in held.itertuples():
        B.add_edge(row.node, instrument_node(row.instrument))
    return B, actors


def centrality(G: nx.Graph) -> pd.DataFrame:
    """Degree and betweenness of the actors, with networkx's bipartite measures.

    Each coded obligation has exactly one holder, so on the actor–obligation
    graph every actor is the centre of its own star: degree counts its
    obligations, and no path joins two actors. Betweenness is therefore
    computed on the actor–instrument graph (an actor joined to every
    instrument under which it holds an obligation), where actors that bind
    many instruments together stand between them.

    Returns
    -------
    DataFrame
        ``node``, ``actor_id``, ``name``, ``kind``; ``obligations`` (degree);
        ``degree_centrality`` (``nx.bipartite.degree_centrality`` on the
        actor–obligation graph: obligations / number of obligation nodes);
        ``instruments`` (distinct instruments); ``betweenness``
        (``nx.bipartite.betweenness_centrality`` on the actor–instrument
        graph). Sorted by betweenness, then obligations (descending), then node.

    Examples
    --------
    >>> actors = pd.DataFrame({"actor_id": ["a", "b", "c"], "name": ["A", "B", "C"], "kind": ["state"] * 3})
    >>> obligations = pd.DataFrame({"obligation_id": ["o1", "o2", "o3", "o4"],
    ...                             "actor_id": ["a", "b", "b", "c"], "norm": ["POC"] * 4,
    ...                             "level": ["primary"] * 4, "instrument_id": ["t1", "t1", "t2", "t2"]})
    >>> table = centrality(normative_graph(obligations, actors))
    >>> table[["actor_id", "obligations", "instruments", "betweenness"]].to_dict("records")
    ... # doctest: +NORMALIZE_WHITESPACE
    [{'actor_id': 'b', 'obligations': 2, 'instruments': 2, 'betweenness': 1.0},
     {'actor_id': 'a', 'obligations': 1, 'instruments': 1, 'betweenness': 0.0},
     {'actor_id': 'c', 'obligations': 1, 'instruments': 1, 'betweenness': 0.0}]

    References
    ----------
    .. [1] Borgatti, S. P. & Everett, M. G. (1997). Network analysis of 2-mode data.
       *Social Networks* 19, 243-269.
    """
    table = _actor_frame(G)
    actors = table["node"].tolist()
    obligations = nodes_of(G, "obligation")
    AO = G.subgraph(actors + obligations)
    degree = nx.bipartite.degree_centrality(AO, actors) if obligations else {}
    table["obligations"] = [sum(1 for o in G[n] if G.nodes[o].get("layer") == "obligation") for n in actors]
    table["degree_centrality"] = [float(degree.get(n, 0.0)) for n in actors]
    B, _ = _actor_instrument_graph(G)
    table["instruments"] = [B.degree(n) for n in actors]
    between = nx.bipartite.betweenness_centrality(B, actors) if B.number_of_edges() else {}
    table["betweenness"] = [round(float(between.get(n, 0.0)), 12) for n in actors]
    return table.sort_values(["betweenness", "obligations", "node"], ascending=[False, False, True],
                             ignore_index=True)


def actor_projection(G: nx.Graph, norm: str | None = None) -> nx.Graph:
    """Project onto the actors, linking two actors by the instruments under which both hold duties.

    The coded obligations each have one holder, so a literal projection
    through obligation nodes has no edges. Two actors *share* an obligation
    source when the same instrument binds both (common article 3 binds the
    State and the armed groups; S/RES/1973 para 4 the Council, Member States
    and regional arrangements). The projection is
    ``nx.bipartite.weighted_projected_graph`` of the actor–instrument graph:
    ``weight`` is the number of shared instruments, and ``instruments`` lists
    them (``;``-separated).

    Parameters
    ----------
    G : Graph
        A graph made by :func:`normative_graph` (with or without the instrument layer).
    norm : {None, 'POC', 'R2P'}
        Use only the obligations of that norm's set (``both`` belongs to each).

    Examples
    --------
    >>> actors = pd.DataFrame({"actor_id": ["a", "b", "c"], "name": ["A", "B", "C"], "kind": ["state"] * 3})
    >>> obligations = pd.DataFrame({"obligation_id": ["o1", "o2", "o3", "o4"],
    ...                             "actor_id": ["a", "b", "b", "c"], "norm": ["POC", "POC", "R2P", "R2P"],
    ...                             "level": ["primary"] * 4, "instrument_id": ["t1", "t1", "t2", "t2"]})
    >>> P = actor_projection(normative_graph(obligations, actors))
    >>> sorted(P.edges(data="instruments"))
    [('actor:a', 'actor:b', 't1'), ('actor:b', 'actor:c', 't2')]
    >>> list(actor_projection(normative_graph(obligations, actors), norm="R2P").edges)
    [('actor:b', 'actor:c')]
    """
    B, actors = _actor_instrument_graph(G, norm)
    P = nx.bipartite.weighted_projected_graph(B, actors)
    H = nx.Graph(name=f"actor projection ({norm or 'all norms'})")
    for n in actors:
        H.add_node(n, **G.nodes[n])
    for u, v in sorted(tuple(sorted(e)) for e in P.edges()):
        shared = sorted(set(B[u]) & set(B[v]))
        H.add_edge(u, v, weight=int(P[u][v]["weight"]),
                   instruments=";".join(s.removeprefix("instrument:") for s in shared))
    return H


def escalation_chains(G: nx.Graph) -> pd.DataFrame:
    """Per norm, the actors holding duties at each rung: primary → backup → failsafe.

    An actor stands on a norm's rung when it holds at least one obligation of
    that norm's set (``both`` counts for each norm) at that level.

    Returns
    -------
    DataFrame
        ``norm`` (POC, R2P), ``rung`` (1-3), ``level``, ``actor_id``, ``name``,
        ``kind``, ``obligations`` (of that norm's set at that level), ``shared``
        (of which coded ``both``); sorted by norm, rung, obligations
        (descending) and actor.

    Examples
    --------
    >>> actors = pd.DataFrame({"actor_id": ["s", "c"], "name": ["S", "C"], "kind": ["state", "un_organ"]})
    >>> obligations = pd.DataFrame({"obligation_id": ["o1", "o2", "o3"], "actor_id": ["s", "c", "c"],
    ...                             "norm": ["R2P", "POC", "both"], "level": ["primary", "failsafe", "failsafe"]})
    >>> chains = escalation_chains(normative_graph(obligations, actors))
    >>> chains[["norm", "level", "actor_id", "obligations", "shared"]].to_dict("records")
    ... # doctest: +NORMALIZE_WHITESPACE
    [{'norm': 'POC', 'level': 'failsafe', 'actor_id': 'c', 'obligations': 2, 'shared': 1},
     {'norm': 'R2P', 'level': 'primary', 'actor_id': 's', 'obligations': 1, 'shared': 0},
     {'norm': 'R2P', 'level': 'failsafe', 'actor_id': 'c', 'obligations': 1, 'shared': 1}]
    """
    held = holdings(G)
    parts = []
    for norm, members in NORM_SETS.items():
        sub = held[held["norm"].isin(members)]
        grouped = sub.groupby(["node", "actor_id", "name", "kind", "level"], as_index=False).agg(
            obligations=("obligation_id", "size"), shared=("norm", lambda s: int((s == "both").sum())))
        grouped.insert(0, "norm", norm)
        parts.append(grouped)
    columns = ["norm", "rung", "level", "actor_id", "name", "kind", "obligations", "shared"]
    if not parts or all(p.empty for p in parts):
        return pd.DataFrame(columns=columns)
    table = pd.concat(parts, ignore_index=True)
    table["rung"] = table["level"].map(LEVEL_RANK).astype(int) + 1
    table = table.sort_values(["norm", "rung", "obligations", "node"], ascending=[True, True, False, True],
                              ignore_index=True)
    return table[columns].astype({"obligations": int, "shared": int})


def convergence(G: nx.Graph, levels: tuple[str, ...] = ("failsafe", "backup")) -> pd.DataFrame:
    """Where the two norms' chains meet: the actors on the same rung of both chains.

    An actor *converges* at a level when it holds, at that level, at least
    one obligation of the POC set and at least one of the R2P set. Because a
    ``both`` obligation belongs to each set, one such obligation suffices;
    ``separate`` marks the stricter case in which each norm's own instruments
    put the actor there (at least one ``POC``-only **and** one ``R2P``-only
    obligation at that level).

    Parameters
    ----------
    G : Graph
        A normative or situation graph.
    levels : tuple of str
        The rungs to examine, in the order of the output.

    Returns
    -------
    DataFrame
        ``level``, ``actor_id``, ``name``, ``kind``, ``poc`` and ``r2p`` (the
        actor's obligations of each set at that level), ``shared`` (coded
        ``both``), ``poc_only``, ``r2p_only``, ``separate``, and ``poc_share`` /
        ``r2p_share`` (the actor's part of all POC / R2P obligations at that
        level); sorted by level, then ``poc + r2p - shared`` (descending), then
        actor. Actors on only one norm's rung are not listed.

    Examples
    --------
    >>> actors = pd.DataFrame({"actor_id": ["c", "k"], "name": ["C", "K"], "kind": ["un_organ", "court"]})
    >>> obligations = pd.DataFrame({"obligation_id": ["o1", "o2", "o3", "o4"],
    ...                             "actor_id": ["c", "c", "k", "k"], "norm": ["POC", "R2P", "both", "R2P"],
    ...                             "level": ["failsafe"] * 4})
    >>> table = convergence(normative_graph(obligations, actors))
    >>> table[["actor_id", "poc", "r2p", "shared", "separate", "r2p_share"]].to_dict("records")
    ... # doctest: +NORMALIZE_WHITESPACE
    [{'actor_id': 'c', 'poc': 1, 'r2p': 1, 'shared': 0, 'separate': True, 'r2p_share': 0.3333},
     {'actor_id': 'k', 'poc': 1, 'r2p': 2, 'shared': 1, 'separate': False, 'r2p_share': 0.6667}]
    """
    unknown = [level for level in levels if level not in schema.LEVELS]
    if unknown:
        raise ValueError(f"levels must be among {', '.join(schema.LEVELS)}, not {', '.join(map(repr, unknown))}")
    held = holdings(G)
    rows = []
    for level in levels:
        at = held[held["level"] == level]
        totals = {norm: int(at["norm"].isin(members).sum()) for norm, members in NORM_SETS.items()}
        for node, group in at.groupby("node", sort=True):
            counts = group["norm"].value_counts()
            poc_only, r2p_only, both = (int(counts.get(n, 0)) for n in ("POC", "R2P", "both"))
            poc, r2p = poc_only + both, r2p_only + both
            if poc and r2p:
                first = group.iloc[0]
                rows.append({"level": level, "actor_id": first["actor_id"], "name": first["name"],
                             "kind": first["kind"], "poc": poc, "r2p": r2p, "shared": both, "poc_only": poc_only,
                             "r2p_only": r2p_only, "separate": bool(poc_only and r2p_only),
                             "poc_share": round(poc / totals["POC"], 4), "r2p_share": round(r2p / totals["R2P"], 4),
                             "_node": node})
    columns = ["level", "actor_id", "name", "kind", "poc", "r2p", "shared", "poc_only", "r2p_only", "separate",
               "poc_share", "r2p_share"]
    if not rows:
        return pd.DataFrame(columns=columns)
    table = pd.DataFrame(rows)
    table["_level"] = table["level"].map({level: i for i, level in enumerate(levels)})
    table["_size"] = table["poc"] + table["r2p"] - table["shared"]
    table = table.sort_values(["_level", "_size", "_node"], ascending=[True, False, True], ignore_index=True)
    return table[columns]


# --------------------------------------------------------------------------- situations
class _Inputs:
    """The tables a situation graph needs, loaded once (or given by the caller)."""

    def __init__(self, situations=None, actors=None, obligations=None, missions=None, sources=None, acd=None,
                 vetoes=None, rules: ScopeRules = ScopeRules()):
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
        if acd is None:
            from .external.load import load

            acd = load("ucdp_acd")
        self.acd = acd
        # per-conflict records sorted by year, looked up per situation (a dict beats a frame filter)
        columns = ["conflict_id", "year", "side_a", "side_b", "gwno_a", "gwno_b"]
        self.acd_records: dict[int, list[dict]] = {}
        for record in acd[columns].sort_values(["conflict_id", "year"]).to_dict("records"):
            self.acd_records.setdefault(int(record["conflict_id"]), []).append(record)
        if vetoes is None:
            from .external.un import council_vetoes

            vetoes = council_vetoes()
        # a veto blocks the failsafe of a protection situation only when the draft was about it: drafts
        # on arms programmes (the 2022 DPRK non-proliferation draft) concern the country, not its civilians
        unrelated = vetoes["agenda_item"].fillna("").str.contains(VETOES_OUTSIDE_PROTECTION, case=False)
        self.vetoes = vetoes[~unrelated]
        self.vetoes_by_iso3 = {iso3: group for iso3, group in self.vetoes.groupby("iso3")}
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
        obligations = self.obligations
        specific = _text(obligations, "instrument_id").isin(SPECIFIC_INSTRUMENTS)
        # sources that state a general norm (the texts of general instruments), not an act in a
        # situation; a court's judgment cited for an obligation stays an act
        general = set(split_list(_text(obligations[~specific], "sources")).explode().dropna())
        courts = set(self.sources.index[self.sources["kind"] == "court"])
        self.instrument_texts = general - courts
        self.rows = _obligation_rows(obligations)

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


def _items(value) -> list[str]:
    """The items of one ``;``-separated cell (empty or missing: none), as :func:`split_list` reads a column."""
    return [] if pd.isna(value) else [item.strip() for item in str(value).split(";") if item.strip()]


def _years(row: pd.Series) -> tuple[int, int]:
    start = int(row["start_year"])
    end = row["end_year"]
    return start, int(end) if pd.notna(end) and str(end) != "" else schema.YEAR_MAX


def _parties(row: pd.Series, acd_records: dict[int, list[dict]]) -> list[dict]:
    """Non-State parties (``side_b``) and foreign State parties of the situation's UCDP conflicts and years."""
    ids = [int(i) for i in _items(row.get("ucdp_conflict_ids", ""))]
    if not ids:
        return []
    start, end = _years(row)
    rows = [r for cid in sorted(set(ids)) for r in acd_records.get(cid, []) if start <= r["year"] <= end]
    from .external import countries

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
                     _inputs: _Inputs | None = None) -> pd.DataFrame:
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
      resolutions (``S/RES/...``) the situation cites;
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
    >>> table = situation_actors("ssd-2013")
    >>> table.loc[table["actor_id"] != "nsag", ["actor_id", "name"]].values.tolist()
    [['host_state', 'South Sudan'], ['un_pko', 'UNMISS'], ['au', 'African Union'], ['unsc', 'UN Security Council']]
    >>> table.loc[table["actor_id"] == "au", "evidence"].item()
    'sources auciss-2014'
    """
    inputs = _inputs or _Inputs(situations, actors, obligations, missions, sources, acd, vetoes, rules)
    row = inputs.situation(situation_id)
    actor_kind = inputs.actor_kind
    records = []

    def add(actor_id, instance, name, role, evidence, order, **extra):
        records.append({"node": actor_node(actor_id or "state", instance), "actor_id": actor_id,
                        "kind": actor_kind.get(actor_id, "state"), "name": name, "role": role,
                        "evidence": evidence, "blocked": False, "vetoed_drafts": "", "vetoing": "",
                        "veto_agenda": "", "resolutions": "", "_order": order, **extra})

    add(inputs.roles["host"], row["iso3"], row["country"], "host State", f"iso3 {row['iso3']}", 0)
    for party in _parties(row, inputs.acd_records):
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
    for acronym in _items(row["poc_missions"]):
        name = inputs.mission_name.get(acronym, acronym)
        mission_names.append((acronym, name))
        add(inputs.roles["mission"], acronym.lower(), acronym, "UN mission with a POC mandate",
            f"poc_missions {acronym} ({name})", 3)

    cited = [s for s in str(row["sources"] or "").split(";") if s.strip() in inputs.citation]
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
    add(council, None, council_name, "Security Council", evidence, 5, blocked=bool(drafts),
        vetoed_drafts=";".join(drafts), vetoing=";".join(vetoing), veto_agenda=";".join(agenda),
        resolutions=";".join(resolutions))

    table = pd.DataFrame(records).sort_values(["_order", "name"], ignore_index=True).drop(columns="_order")
    return table.drop_duplicates("node", ignore_index=True)


def _activated(inputs: _Inputs, row: pd.Series) -> list[dict]:
    """The obligation rows the situation's category activates (situation-specific ones only when cited)."""
    norms = CATEGORY_NORMS[row["category"]]
    cited = set(_items(row["sources"]))
    out = []
    for ob in inputs.rows:
        if ob["norm"] not in norms:
            continue
        if ob["instrument_id"] in SPECIFIC_INSTRUMENTS and not cited & set(ob["sources"].split(";")):
            continue
        out.append(ob)
    return out


def situation_graph(situation_id: str, *, rules: ScopeRules = ScopeRules(), situations: pd.DataFrame | None = None,
                    actors: pd.DataFrame | None = None, obligations: pd.DataFrame | None = None,
                    missions: pd.DataFrame | None = None, sources: pd.DataFrame | None = None,
                    acd: pd.DataFrame | None = None, vetoes: pd.DataFrame | None = None,
                    _inputs: _Inputs | None = None) -> nx.Graph:
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
        ``veto_agenda``, ``resolutions``; obligation nodes (``bipartite=1``) as in
        :func:`normative_graph`; ``relation="holds"`` edges with ``norm``,
        ``level`` and ``blocked`` (True on the Council's edges when a veto
        blocked it). Graph attributes: ``situation_id``, ``name``,
        ``category``, ``reasons``, ``rules`` (the reading, or "as classified by
        the caller" when *situations* already has a ``category`` column, which
        is then used as it is).

    Examples
    --------
    >>> G = situation_graph("syr-2011")
    >>> G.graph["category"], G.nodes["actor:unsc"]["blocked"]
    ('both', True)
    >>> G.nodes["actor:host_state:SYR"]["name"]
    'Syria'
    """
    inputs = _inputs or _Inputs(situations, actors, obligations, missions, sources, acd, vetoes, rules)
    row = inputs.situation(situation_id)
    present = situation_actors(situation_id, _inputs=inputs)
    activated = _activated(inputs, row)
    G = nx.Graph(name=f"situation {situation_id}", situation_id=situation_id, situation=str(row["name"]),
                 category=str(row["category"]), reasons=str(row["reasons"]), rules=inputs.rules_label)
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
    ``actors``, ``obligations``, ``missions``, ``sources``, ``acd``, ``vetoes``).

    Examples
    --------
    >>> graphs = situation_graphs(["ken-2007", "prk-1948"])
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
    >>> table = activation_counts().set_index("actor_id")
    >>> int(table.loc["unsc", "present"]) == len(data.load_situations())
    True
    >>> int(table.loc["nsag", "r2p_only"])
    0
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


# --------------------------------------------------------------------------- layout and exports
def level_layout(G: nx.Graph) -> dict:
    """Deterministic positions: three columns by level, obligations grouped by holder and norm.

    Obligations stand in the column of their level (x = 1, 3, 5 for primary,
    backup, failsafe), ordered by holder and then by norm (POC, both, R2P).
    Each actor stands just left of the column where most of its obligations
    are (x - 0.9), at the mean height of those obligations; an actor without
    obligations goes to the foot of the first column. Instruments, when
    present, form a fourth column (x = 7) ordered by the mean height of their
    obligations. No randomness is involved, so no seed is needed; y runs
    from 0 (top) downwards to -1.

    Examples
    --------
    >>> actors = pd.DataFrame({"actor_id": ["a"], "name": ["A"], "kind": ["state"]})
    >>> obligations = pd.DataFrame({"obligation_id": ["o1", "o2"], "actor_id": ["a", "a"],
    ...                             "norm": ["POC", "R2P"], "level": ["primary", "failsafe"]})
    >>> pos = level_layout(normative_graph(obligations, actors))
    >>> pos["obligation:o1"], pos["obligation:o2"], pos["actor:a"]
    ((1.0, 0.0), (5.0, 0.0), (0.1, 0.0))
    """
    held = holdings(G)
    norm_rank = {n: i for i, n in enumerate(NORM_ORDER)}
    pos: dict = {}
    first = held.drop_duplicates("obligation_id").copy()
    first["_norm"] = first["norm"].map(norm_rank)
    main_level = {}
    for node, group in held.groupby("node"):
        counts = group["level"].value_counts()
        main_level[node] = min(counts.index[counts == counts.max()], key=LEVEL_RANK.get)
    first["_actor_level"] = first["node"].map(lambda n: LEVEL_RANK[main_level[n]])
    for level in schema.LEVELS:
        column = first[first["level"] == level].sort_values(["_actor_level", "node", "_norm", "obligation_id"])
        n = len(column)
        for i, oid in enumerate(column["obligation_id"]):
            pos[obligation_node(oid)] = (1.0 + 2 * LEVEL_RANK[level], -i / max(n - 1, 1) if n > 1 else 0.0)
    idle = []
    for node in nodes_of(G, "actor"):
        mine = held[(held["node"] == node) & (held["level"] == main_level.get(node, ""))]
        if mine.empty:
            idle.append(node)
            continue
        ys = [pos[obligation_node(o)][1] for o in mine["obligation_id"]]
        pos[node] = (1.0 + 2 * LEVEL_RANK[main_level[node]] - 0.9, float(np.mean(ys)))
    for i, node in enumerate(idle):
        pos[node] = (0.1, -1.1 - 0.05 * i)
    # actors holding the same obligations (several armed groups in one situation) would coincide:
    # spread each such group evenly over the height of its obligations
    stacked: dict[tuple, list] = {}
    for node in nodes_of(G, "actor"):
        if node not in idle:
            stacked.setdefault(pos[node], []).append(node)
    for (x, y), group in stacked.items():
        if len(group) > 1:
            ys = [pos[o][1] for o in G[group[0]] if o in pos and G.nodes[o].get("layer") == "obligation"
                  and math.isclose(pos[o][0] - 0.9, x)]
            top, bottom = max(ys), min(ys)
            for i, node in enumerate(group):
                pos[node] = (x, top - (top - bottom) * i / (len(group) - 1))
    instruments = nodes_of(G, "instrument")
    if instruments:
        height = {n: np.mean([pos[o][1] for o in G[n] if o in pos] or [0.0]) for n in instruments}
        ordered = sorted(instruments, key=lambda n: (-height[n], n))
        for i, node in enumerate(ordered):
            pos[node] = (7.0, -i / max(len(ordered) - 1, 1) if len(ordered) > 1 else 0.0)
    return {k: (round(float(x), 6), round(float(y), 6)) for k, (x, y) in pos.items()}


def _plain(value):
    """A GraphML/GEXF-safe value: no None/NaN, lists joined with ';', numpy scalars unwrapped."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value) if isinstance(value, (set, frozenset)) else value
        return ";".join(str(v) for v in items)
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return ""
    if isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def _safe_attrs(items: list[dict]) -> list[dict]:
    """Make each attribute's values one type across items (mixed types become text)."""
    items = [{k: _plain(v) for k, v in d.items()} for d in items]
    types: dict[str, set] = {}
    for d in items:
        for k, v in d.items():
            types.setdefault(k, set()).add(type(v))
    for d in items:
        for k, v in d.items():
            if len(types[k]) > 1:
                d[k] = "" if v == "" else str(v)
    return items


def safe_graph(G: nx.Graph) -> nx.Graph:
    """A copy of *G* whose graph, node and edge attributes GraphML and GEXF can store.

    ``None`` and NaN become ``""``, lists become ``;``-separated text, numpy
    scalars become Python ones, and an attribute whose values mix types
    becomes text throughout. Nodes and edges keep their order.

    Examples
    --------
    >>> G = nx.Graph(); G.add_node("a", tags=["x", "y"], n=None); G.add_node("b", n=2)
    >>> H = safe_graph(G)
    >>> H.nodes["a"], H.nodes["b"]
    ({'tags': 'x;y', 'n': ''}, {'n': '2'})
    """
    H = G.__class__()
    H.graph.update(_safe_attrs([dict(G.graph)])[0])
    nodes = list(G.nodes)
    for node, attrs in zip(nodes, _safe_attrs([dict(G.nodes[n]) for n in nodes])):
        H.add_node(node, **attrs)
    edges = list(G.edges)
    for (u, v), attrs in zip(edges, _safe_attrs([dict(G.edges[e]) for e in edges])):
        H.add_edge(u, v, **attrs)
    return H


def to_frames(G: nx.Graph) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Node and edge tables of *G* (GraphML-safe values), sorted by id.

    Nodes: ``id``, then ``layer``, ``bipartite``, ``label`` and the other
    attributes in alphabetical order. Edges: ``source``, ``target`` (actor or
    obligation first, as inserted), then the attributes.

    Examples
    --------
    >>> actors = pd.DataFrame({"actor_id": ["a"], "name": ["A"], "kind": ["state"]})
    >>> obligations = pd.DataFrame({"obligation_id": ["o"], "actor_id": ["a"], "norm": ["POC"],
    ...                             "level": ["primary"]})
    >>> nodes, edges = to_frames(normative_graph(obligations, actors))
    >>> nodes["id"].tolist(), edges[["source", "target", "relation"]].values.tolist()
    (['actor:a', 'obligation:o'], [['actor:a', 'obligation:o', 'holds']])
    """
    H = safe_graph(G)
    node_rows = [{"id": n, **d} for n, d in H.nodes(data=True)]
    edge_rows = [{"source": u, "target": v, **d} for u, v, d in H.edges(data=True)]
    lead = ["id", "layer", "bipartite", "label"]
    keys = sorted({k for r in node_rows for k in r} - set(lead))
    nodes = pd.DataFrame(node_rows, columns=[c for c in lead if any(c in r for r in node_rows)] + keys)
    ekeys = sorted({k for r in edge_rows for k in r} - {"source", "target"})
    edges = pd.DataFrame(edge_rows, columns=["source", "target", *ekeys])
    nodes = nodes.sort_values("id", ignore_index=True)
    edges = edges.sort_values(["source", "target"], ignore_index=True)
    return nodes.fillna(""), edges.fillna("")


def _node_style(d: dict) -> dict:
    from .figures import CATEGORY_COLORS

    norm_color = {"POC": CATEGORY_COLORS["poc_only"], "R2P": CATEGORY_COLORS["r2p_only"],
                  "both": CATEGORY_COLORS["both"]}
    layer = d.get("layer")
    if layer == "obligation":
        return {"color": norm_color.get(d.get("norm"), "#999999"), "shape": "dot", "size": 6,
                "title": f"{d.get('obligation_id')} ({d.get('norm')}, {d.get('level')}): {d.get('description', '')}"}
    if layer == "instrument":
        return {"color": "#bababa", "shape": "square", "size": 7,
                "title": f"{d.get('instrument_id')}: {d.get('title', '')}"}
    blocked = bool(d.get("blocked"))
    title = f"{d.get('name', '')} [{d.get('kind', '')}]"
    if blocked:
        title += f" blocked by vetoes: {d.get('vetoed_drafts', '')}"
    return {"color": "#b2182b" if blocked else "#4d4d4d", "shape": "box", "size": 12, "title": title,
            "font": {"color": "#ffffff"}}


_BOOTSTRAP = re.compile(r'\s*<link\s+href="https://cdn\.jsdelivr\.net/npm/bootstrap[^>]*/>'
                        r'|\s*<script\s+src="https://cdn\.jsdelivr\.net/npm/bootstrap[^>]*>\s*</script>', re.S)


def html_view(G: nx.Graph, positions: dict | None = None, heading: str = "") -> str:
    """A self-contained, deterministic HTML view of *G* made with pyvis.

    The vis-network library is inlined (``cdn_resources="in_line"``); the
    Bootstrap links of pyvis's template, which only style its optional menus,
    are removed, so the page loads nothing from the network. Physics is off
    and every node is pinned at :func:`level_layout` (or *positions*), so the
    same graph gives the same bytes. Obligations are coloured by norm;
    hovering shows each node's description.
    """
    from pyvis.network import Network

    positions = positions or level_layout(G)
    H = safe_graph(G)
    net = Network(height="900px", width="100%", directed=False, cdn_resources="in_line", heading=heading)
    xs = [p[0] for p in positions.values()] or [0.0]
    scale_x = 1400 / max(max(xs) - min(xs), 1)
    for node, d in H.nodes(data=True):
        x, y = positions.get(node, (0.0, 0.0))
        style = _node_style(d)
        net.add_node(node, label=str(d.get("label", node)), x=round(x * scale_x, 2), y=round(-y * 1600, 2),
                     physics=False, **style)
    for u, v, d in H.edges(data=True):
        net.add_edge(u, v, color="#b2182b" if d.get("blocked") else "#c8c8c8",
                     dashes=bool(d.get("blocked")), width=1)
    net.toggle_physics(False)
    html = net.generate_html()
    return _BOOTSTRAP.sub("", html)


def export(G: nx.Graph, folder: Path | str, stem: str, *, positions: dict | None = None,
           heading: str = "") -> dict[str, Path]:
    """Write *G* as GraphML, GEXF, node and edge CSVs and an HTML view, each atomically.

    Files: ``{stem}.graphml``, ``{stem}.gexf`` (open both in Gephi),
    ``{stem}_nodes.csv``, ``{stem}_edges.csv`` and ``{stem}.html``
    (:func:`html_view`). Attributes are made storable first
    (:func:`safe_graph`). The output carries no timestamp: the GEXF
    ``lastmodifieddate`` that networkx stamps is removed, so a rebuild gives
    identical bytes.

    Returns
    -------
    dict
        ``{"graphml": path, "gexf": path, "nodes": path, "edges": path, "html": path}``.

    Examples
    --------
    >>> import tempfile
    >>> actors = pd.DataFrame({"actor_id": ["a"], "name": ["A"], "kind": ["state"]})
    >>> obligations = pd.DataFrame({"obligation_id": ["o"], "actor_id": ["a"], "norm": ["POC"],
    ...                             "level": ["primary"]})
    >>> paths = export(normative_graph(obligations, actors), tempfile.mkdtemp(), "toy")
    >>> sorted(p.name for p in paths.values())
    ['toy.gexf', 'toy.graphml', 'toy.html', 'toy_edges.csv', 'toy_nodes.csv']
    >>> nx.read_graphml(paths["graphml"]).number_of_edges()
    1
    """
    folder = Path(folder)
    H = safe_graph(G)
    out = {"graphml": folder / f"{stem}.graphml", "gexf": folder / f"{stem}.gexf",
           "nodes": folder / f"{stem}_nodes.csv", "edges": folder / f"{stem}_edges.csv",
           "html": folder / f"{stem}.html"}
    atomic.write_text(out["graphml"], "\n".join(nx.generate_graphml(H)) + "\n")
    gexf = "\n".join(nx.generate_gexf(H, prettyprint=True)) + "\n"
    atomic.write_text(out["gexf"], re.sub(r'\s+lastmodifieddate="[^"]*"', "", gexf))
    nodes, edges = to_frames(G)
    atomic.write_csv(nodes, out["nodes"])
    atomic.write_csv(edges, out["edges"])
    atomic.write_text(out["html"], html_view(G, positions, heading))
    return out
