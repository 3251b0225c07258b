"""Per-actor metrics of a normative or situation graph, and where the two norms' chains meet.

:func:`actor_overlap`, :func:`centrality` and :func:`actor_projection` describe
each actor; :func:`escalation_chains` lists, per norm, who stands on each rung
(primary → backup → failsafe) and :func:`convergence` the actors in which the
two norms' chains meet, computed from the coded obligations, not assumed. An
obligation coded ``both`` belongs to each norm's set
(:data:`analysis.networks.graph.NORM_SETS`).

Examples
--------
>>> from analysis.networks import normative_graph
>>> actors = pd.DataFrame({"actor_id": ["state", "council"], "name": ["State", "Council"],
...                        "kind": ["state", "un_organ"]})
>>> obligations = pd.DataFrame({
...     "obligation_id": ["protect", "ihl", "act"], "actor_id": ["state", "state", "council"],
...     "norm": ["R2P", "POC", "both"], "level": ["primary", "primary", "failsafe"]})
>>> convergence(normative_graph(obligations, actors))[["level", "actor_id", "shared"]].to_dict("records")
[{'level': 'failsafe', 'actor_id': 'council', 'shared': 1}]

References
----------
.. [1] Borgatti, S. P. & Halgin, D. S. (2011). Analyzing affiliation networks. In
   *The SAGE Handbook of Social Network Analysis*, 417-433.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from .. import schema
from .graph import LEVEL_RANK, NORM_SETS, _actor_frame, holdings, instrument_node, nodes_of


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
    >>> from analysis.networks import normative_graph
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
    >>> from analysis.networks import normative_graph
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
    >>> from analysis.networks import normative_graph
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
    >>> from analysis.networks import normative_graph
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
    >>> from analysis.networks import normative_graph
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
