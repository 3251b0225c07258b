"""A deterministic layout and the exports: GraphML, GEXF, node and edge CSV, self-contained HTML.

:func:`level_layout` places the nodes in columns by level without any
randomness; :func:`safe_graph` and :func:`to_frames` make the attributes
storable; :func:`html_view` draws a pyvis page that loads nothing from the
network; :func:`export` writes all of them, each file atomically and without
a timestamp, so a rebuild gives identical bytes. The colours of the HTML view
come in as an argument (:data:`COLOR_KEYS`): the palette belongs to the
presentation layer (``analysis.style``), not to the analysis.

Examples
--------
>>> G = nx.Graph(); G.add_node("actor:a", layer="actor", tags=["x", "y"])
>>> safe_graph(G).nodes["actor:a"]
{'layer': 'actor', 'tags': 'x;y'}
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
from pyvis.network import Network

from .. import atomic, schema
from .graph import LEVEL_RANK, NORM_ORDER, holdings, nodes_of, obligation_node

#: the colours :func:`html_view` and :func:`export` need, keyed as in their *colors* argument
COLOR_KEYS = ("POC", "R2P", "both", "other", "instrument", "actor", "blocked", "actor_text", "edge")


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
    >>> from analysis.networks import normative_graph
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
    >>> from analysis.networks import normative_graph
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


def _check_colors(colors: Mapping[str, str]) -> None:
    missing = [key for key in COLOR_KEYS if key not in colors]
    if missing:
        raise ValueError(f"colors needs a colour for {', '.join(missing)} (see analysis.networks.COLOR_KEYS)")


def _node_style(d: dict, colors: Mapping[str, str]) -> dict:
    layer = d.get("layer")
    if layer == "obligation":
        norm = d.get("norm")
        return {"color": colors[norm] if norm in schema.NORMS else colors["other"], "shape": "dot", "size": 6,
                "title": f"{d.get('obligation_id')} ({d.get('norm')}, {d.get('level')}): {d.get('description', '')}"}
    if layer == "instrument":
        return {"color": colors["instrument"], "shape": "square", "size": 7,
                "title": f"{d.get('instrument_id')}: {d.get('title', '')}"}
    blocked = bool(d.get("blocked"))
    title = f"{d.get('name', '')} [{d.get('kind', '')}]"
    if blocked:
        title += f" blocked by vetoes: {d.get('vetoed_drafts', '')}"
    return {"color": colors["blocked"] if blocked else colors["actor"], "shape": "box", "size": 12, "title": title,
            "font": {"color": colors["actor_text"]}}


_BOOTSTRAP = re.compile(r'\s*<link\s+href="https://cdn\.jsdelivr\.net/npm/bootstrap[^>]*/>'
                        r'|\s*<script\s+src="https://cdn\.jsdelivr\.net/npm/bootstrap[^>]*>\s*</script>', re.S)


def html_view(G: nx.Graph, positions: dict | None = None, heading: str = "", *,
              colors: Mapping[str, str]) -> str:
    """A self-contained, deterministic HTML view of *G* made with pyvis.

    The vis-network library is inlined (``cdn_resources="in_line"``); the
    Bootstrap links of pyvis's template, which only style its optional menus,
    are removed, so the page loads nothing from the network. Physics is off
    and every node is pinned at :func:`level_layout` (or *positions*), so the
    same graph gives the same bytes. Obligations are coloured by norm;
    hovering shows each node's description.

    Parameters
    ----------
    G : Graph
        A normative or situation graph.
    positions : dict, optional
        ``{node: (x, y)}``; default :func:`level_layout`.
    heading : str
        A heading above the view.
    colors : mapping
        A colour for each of :data:`COLOR_KEYS`: each norm (``POC``, ``R2P``,
        ``both``) and ``other`` for obligation nodes, ``instrument``, ``actor``
        and ``blocked`` (an actor blocked by vetoes, and its edges) for the
        other nodes, ``actor_text`` for the actors' labels, ``edge`` for the
        other edges. The presentation layer passes its palette
        (``analysis.style.NETWORK_COLORS``).

    Examples
    --------
    >>> G = nx.Graph(); G.add_node("actor:a", layer="actor", label="a"); G.add_node("obligation:o",
    ...     layer="obligation", label="o", norm="POC"); G.add_edge("actor:a", "obligation:o")
    >>> html = html_view(G, {"actor:a": (0, 0), "obligation:o": (1, 0)}, colors=dict.fromkeys(COLOR_KEYS, "#777777"))
    >>> html.startswith("<html>"), 'src="http' in html
    (True, False)
    """
    _check_colors(colors)
    positions = positions or level_layout(G)
    H = safe_graph(G)
    net = Network(height="900px", width="100%", directed=False, cdn_resources="in_line", heading=heading)
    xs = [p[0] for p in positions.values()] or [0.0]
    scale_x = 1400 / max(max(xs) - min(xs), 1)
    for node, d in H.nodes(data=True):
        x, y = positions.get(node, (0.0, 0.0))
        style = _node_style(d, colors)
        net.add_node(node, label=str(d.get("label", node)), x=round(x * scale_x, 2), y=round(-y * 1600, 2),
                     physics=False, **style)
    for u, v, d in H.edges(data=True):
        net.add_edge(u, v, color=colors["blocked"] if d.get("blocked") else colors["edge"],
                     dashes=bool(d.get("blocked")), width=1)
    net.toggle_physics(False)
    html = net.generate_html()
    return _BOOTSTRAP.sub("", html)


def export(G: nx.Graph, folder: Path | str, stem: str, *, colors: Mapping[str, str],
           positions: dict | None = None, heading: str = "") -> dict[str, Path]:
    """Write *G* as GraphML, GEXF, node and edge CSVs and an HTML view, each atomically.

    Files: ``{stem}.graphml``, ``{stem}.gexf`` (open both in Gephi),
    ``{stem}_nodes.csv``, ``{stem}_edges.csv`` and ``{stem}.html``
    (:func:`html_view`, drawn in *colors*). Attributes are made storable first
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
    >>> from analysis.networks import normative_graph
    >>> actors = pd.DataFrame({"actor_id": ["a"], "name": ["A"], "kind": ["state"]})
    >>> obligations = pd.DataFrame({"obligation_id": ["o"], "actor_id": ["a"], "norm": ["POC"],
    ...                             "level": ["primary"]})
    >>> colors = dict.fromkeys(COLOR_KEYS, "#777777")
    >>> paths = export(normative_graph(obligations, actors), tempfile.mkdtemp(), "toy", colors=colors)
    >>> sorted(p.name for p in paths.values())
    ['toy.gexf', 'toy.graphml', 'toy.html', 'toy_edges.csv', 'toy_nodes.csv']
    >>> nx.read_graphml(paths["graphml"]).number_of_edges()
    1
    """
    _check_colors(colors)
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
    atomic.write_text(out["html"], html_view(G, positions, heading, colors=colors))
    return out
