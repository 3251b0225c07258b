"""Actor–obligation networks: who owes what under POC and R2P, and where the chains meet.

The coded obligations form a bipartite graph in the networkx convention:
actors carry ``bipartite=0``, obligations ``bipartite=1`` (instruments, when
added, ``bipartite=2``), and an edge joins an actor to each obligation it
holds. The two norms are never merged: an obligation coded ``both`` belongs to
the POC set **and** to the R2P set of its holder.

One topic per module, as in networkx's ``algorithms/bipartite``; every public
name is re-exported here, so ``from analysis import networks`` then
``networks.normative_graph(...)`` is the way to use them.

=============================  ====================================================================
module                         topic
=============================  ====================================================================
:mod:`~analysis.networks.graph`       node naming (:func:`actor_node`, :func:`obligation_node`,
                                      :func:`instrument_node`, :func:`nodes_of`), layers, input
                                      checks, :func:`normative_graph`, :func:`holdings`
:mod:`~analysis.networks.metrics`     :func:`actor_overlap`, :func:`centrality`,
                                      :func:`actor_projection`, :func:`escalation_chains`,
                                      :func:`convergence`
:mod:`~analysis.networks.situations`  :func:`situation_actors`, :func:`situation_graph`,
                                      :func:`situation_graphs`, :func:`activation_counts`
:mod:`~analysis.networks.export`      :func:`level_layout`, :func:`safe_graph`, :func:`to_frames`,
                                      :func:`html_view`, :func:`export` (GraphML, GEXF, node and
                                      edge CSV, self-contained pyvis HTML; colours passed in)
=============================  ====================================================================

Examples
--------
>>> import pandas as pd
>>> from analysis import networks
>>> actors = pd.DataFrame({"actor_id": ["state", "council"], "name": ["State", "Council"],
...                        "kind": ["state", "un_organ"]})
>>> obligations = pd.DataFrame({
...     "obligation_id": ["protect", "ihl", "act"], "actor_id": ["state", "state", "council"],
...     "norm": ["R2P", "POC", "both"], "level": ["primary", "primary", "failsafe"]})
>>> G = networks.normative_graph(obligations, actors)
>>> G.number_of_nodes(), G.number_of_edges()
(5, 3)
>>> G.nodes["obligation:act"]["bipartite"], G.nodes["actor:council"]["kind"]
(1, 'un_organ')
>>> networks.convergence(G)[["level", "actor_id", "poc", "r2p", "shared"]].to_dict("records")
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

from .export import COLOR_KEYS, export, html_view, level_layout, safe_graph, to_frames
from .graph import (
                    ACTOR_COLUMNS,
                    LAYERS,
                    LEVEL_RANK,
                    NORM_ORDER,
                    NORM_SETS,
                    OBLIGATION_COLUMNS,
                    OBLIGATION_TEXT,
                    actor_node,
                    holdings,
                    instrument_node,
                    nodes_of,
                    normative_graph,
                    obligation_node,
)
from .metrics import actor_overlap, actor_projection, centrality, convergence, escalation_chains
from .situations import (
                    CATEGORY_NORMS,
                    PRESENCE,
                    ROLES,
                    SPECIFIC_INSTRUMENTS,
                    VETOES_NOT_ON_SITUATION,
                    VETOES_OUTSIDE_PROTECTION,
                    activation_counts,
                    situation_actors,
                    situation_graph,
                    situation_graphs,
)

__all__ = [
    # graph
    "LAYERS", "NORM_SETS", "LEVEL_RANK", "NORM_ORDER", "ACTOR_COLUMNS", "OBLIGATION_COLUMNS", "OBLIGATION_TEXT",
    "actor_node", "obligation_node", "instrument_node", "nodes_of", "normative_graph", "holdings",
    # metrics
    "actor_overlap", "centrality", "actor_projection", "escalation_chains", "convergence",
    # situations
    "CATEGORY_NORMS", "SPECIFIC_INSTRUMENTS", "ROLES", "PRESENCE", "VETOES_OUTSIDE_PROTECTION",
    "VETOES_NOT_ON_SITUATION", "situation_actors", "situation_graph", "situation_graphs", "activation_counts",
    # export
    "COLOR_KEYS", "level_layout", "safe_graph", "to_frames", "html_view", "export",
]
