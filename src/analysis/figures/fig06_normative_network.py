"""Figure 6: the normative network, who holds which duty at which level, coloured by norm."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import networkx as nx
import pandas as pd

from .. import networks, schema
from ..style import NETWORK_COLORS, NORM_COLORS
from . import artefact, figure, source_note

NORM_LABELS = {"POC": "POC", "both": "both norms", "R2P": "R2P"}


def network_table() -> tuple[nx.Graph, dict, pd.DataFrame]:
    """The normative graph, its level layout, and one row per obligation with its position."""
    G = networks.normative_graph()
    pos = networks.level_layout(G)
    held = networks.holdings(G)
    held["x"] = [pos[networks.obligation_node(o)][0] for o in held["obligation_id"]]
    held["y"] = [pos[networks.obligation_node(o)][1] for o in held["obligation_id"]]
    table = held[["actor_id", "obligation_id", "norm", "level", "instrument", "x", "y"]]
    return G, pos, table.sort_values(["x", "y", "obligation_id"], ascending=[True, False, True], ignore_index=True)


@figure(6, "normative_network", notebook="notebooks/04-obligation-network.ipynb",
        question="Which actors hold which protection duties, at which level (primary, backup, failsafe), and "
                 "under which norm?",
        how_to_read="Each dot is one coded obligation, placed in the column of its level and coloured by the "
                    "norm it serves (POC, R2P, or both). A line joins it to the actor that holds it (grey label, "
                    "left of the column where most of its duties lie). Columns read as an escalation from the "
                    "primary holder to the last resort.",
        not_shown="Which situations activate which duties (figure 8); the instruments behind each duty (in the "
                  "GraphML/GEXF exports); how binding each duty is (treaty, resolution or voluntary pledge).",
        datasets=("actors", "obligations"))
def normative_network():
    G, pos, table = network_table()
    fig, ax = plt.subplots(figsize=(7.0, 7.4))
    ax.grid(False)
    for u, v in G.edges():
        (x1, y1), (x2, y2) = pos[u], pos[v]
        ax.plot([x1, x2], [y1, y2], color="0.78", lw=0.45, zorder=1)
    for norm in networks.NORM_ORDER:
        rows = table[table["norm"] == norm].drop_duplicates("obligation_id")
        ax.scatter(rows["x"], rows["y"], s=16, color=NORM_COLORS[norm], edgecolor="white", linewidth=0.4,
                   zorder=3, label=f"{NORM_LABELS[norm]} ({len(rows)})")
    for node in networks.nodes_of(G, "actor"):
        x, y = pos[node]
        ax.text(x, y, G.nodes[node]["actor_id"], ha="right", va="center", fontsize=6.3, color="0.15", zorder=4,
                bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="0.6", lw=0.4))
    counts = table.drop_duplicates("obligation_id")["level"].value_counts()
    for level in schema.LEVELS:
        x = 1.0 + 2 * networks.LEVEL_RANK[level]
        ax.text(x, 0.045, f"{level}\n({counts.get(level, 0)} duties)", ha="center", va="bottom", fontsize=8,
                fontweight="bold")
    ax.set_xlim(-0.55, 5.25)
    ax.set_ylim(-1.03, 0.12)
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    ax.legend(title="obligation serves", loc="upper center", bbox_to_anchor=(0.5, 0.0), ncols=3,
              handletextpad=0.2, columnspacing=1.2)
    ax.set_title(f"Who owes what: {G.number_of_nodes() - len(table['obligation_id'].unique())} actors and "
                 f"{table['obligation_id'].nunique()} coded obligations", pad=4)
    source_note(ax, "Source: protection-scope actors.csv, obligations.csv (data/raw); "
                    "analysis.networks.normative_graph, level_layout.")
    return fig, table


@artefact
def normative_exports(folder: Path) -> list[Path]:
    """The normative graph as ``networks/normative.*`` (GraphML, GEXF, CSV, HTML), read by notebook 04."""
    G = networks.normative_graph()
    written = networks.export(G, folder / "networks", "normative", colors=NETWORK_COLORS,
                              positions=networks.level_layout(G))
    return sorted(written.values())
