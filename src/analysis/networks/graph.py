"""The normative graph: node naming, layers, input checks, :func:`normative_graph` and :func:`holdings`.

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
so it belongs to the POC set **and** to the R2P set of its holder
(:data:`NORM_SETS`); every metric of :mod:`analysis.networks.metrics` follows
this one rule.

Examples
--------
>>> actors = pd.DataFrame({"actor_id": ["state"], "name": ["State"], "kind": ["state"]})
>>> obligations = pd.DataFrame({"obligation_id": ["protect"], "actor_id": ["state"], "norm": ["R2P"],
...                             "level": ["primary"]})
>>> G = normative_graph(obligations, actors)
>>> [(n, d["bipartite"], d["layer"]) for n, d in G.nodes(data=True)]
[('actor:state', 0, 'actor'), ('obligation:protect', 1, 'obligation')]
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from .. import data, schema
from ..validation import LINE, Problem, ValidationError

LAYERS = {0: "actor", 1: "obligation", 2: "instrument"}
#: the obligations that belong to each norm's set (``both`` belongs to each)
NORM_SETS = {"POC": ("POC", "both"), "R2P": ("R2P", "both")}
LEVEL_RANK = {level: rank for rank, level in enumerate(schema.LEVELS)}
NORM_ORDER = ("POC", "both", "R2P")

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
