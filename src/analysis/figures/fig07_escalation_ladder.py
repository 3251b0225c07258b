"""Figure 7: the escalation ladder of each norm, and where the two ladders meet."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .. import networks, schema
from ..style import NORM_COLORS
from . import figure, source_note

SIDE = {"POC": -1, "R2P": 1}


def ladder_table() -> pd.DataFrame:
    """One row per (level, actor) on either ladder: its POC and R2P duties there, and whether it converges."""
    G = networks.normative_graph()
    chains = networks.escalation_chains(G)
    wide = chains.pivot_table(index=["level", "actor_id"], columns="norm", values=["obligations", "shared"],
                              fill_value=0, aggfunc="sum")
    table = pd.DataFrame({
        "level": wide.index.get_level_values("level"), "actor_id": wide.index.get_level_values("actor_id"),
        "poc": wide[("obligations", "POC")].to_numpy() if ("obligations", "POC") in wide else 0,
        "r2p": wide[("obligations", "R2P")].to_numpy() if ("obligations", "R2P") in wide else 0,
    })
    shared = chains.groupby(["level", "actor_id"])["shared"].max()
    table["shared"] = [int(shared.get((lv, a), 0)) for lv, a in zip(table["level"], table["actor_id"])]
    meet = networks.convergence(G, levels=schema.LEVELS)
    keys = set(zip(meet["level"], meet["actor_id"]))
    separate = set(zip(meet.loc[meet["separate"], "level"], meet.loc[meet["separate"], "actor_id"]))
    table["converges"] = [(lv, a) in keys for lv, a in zip(table["level"], table["actor_id"])]
    table["separate"] = [(lv, a) in separate for lv, a in zip(table["level"], table["actor_id"])]
    table["rung"] = table["level"].map(networks.LEVEL_RANK) + 1
    table["size"] = table["poc"] + table["r2p"] - table["shared"]
    table = table.sort_values(["rung", "converges", "size", "actor_id"], ascending=[True, False, False, True],
                              ignore_index=True)
    return table[["rung", "level", "actor_id", "poc", "r2p", "shared", "converges", "separate"]]


@figure(7, "escalation_ladder", notebook="notebooks/04-obligation-network.ipynb",
        question="Which actors stand on each rung of the POC and the R2P escalation ladders (primary, backup, "
                 "failsafe), and where do the two ladders meet?",
        how_to_read="Each row is an actor on one rung. Bars to the left count its POC duties at that level, bars "
                    "to the right its R2P duties; the purple part of each bar is duties coded as serving both "
                    "norms, which count on both sides. Bold names hold duties on both ladders at that rung "
                    "(convergence); a star marks an actor placed there by each norm's own instruments, not only "
                    "by shared duties.",
        not_shown="How often each actor is activated in real situations (activation_counts, figure 8); whether "
                  "the duties were discharged.",
        datasets=("actors", "obligations"))
def escalation_ladder():
    table = ladder_table()
    fig, ax = plt.subplots(figsize=(6.5, 7.6))
    ax.grid(False)
    y = 0.0
    ticks, labels, bold = [], [], []
    bands = []
    for rung, level in enumerate(schema.LEVELS, start=1):
        rows = table[table["rung"] == rung]
        top = y
        for row in rows.itertuples():
            for norm, total in (("POC", row.poc), ("R2P", row.r2p)):
                if total == 0:
                    continue
                side = SIDE[norm]
                own = total - row.shared
                ax.barh(y, side * own, color=NORM_COLORS[norm], height=0.72, left=0)
                ax.barh(y, side * row.shared, left=side * own, color=NORM_COLORS["both"], height=0.72)
                ax.text(side * (total + 0.3), y, str(total), va="center", ha="left" if side > 0 else "right",
                        fontsize=6.5, color="0.25")
            ticks.append(y)
            labels.append(row.actor_id + (" \u2605" if row.separate else ""))
            bold.append(row.converges)
            y -= 1
        bands.append((level, top, y + 1, int(rows["converges"].sum()), len(rows)))
        y -= 0.9
    limit = max(table["poc"].max(), table["r2p"].max()) + 3
    for level, top, bottom, meet, size in bands:
        ax.axhspan(bottom - 0.55, top + 0.55, color="0.95", zorder=0)
        ax.text(limit - 0.3, bottom - 0.4, f"{level}: {meet} of {size} actors\non both ladders",
                ha="right", va="bottom", fontsize=7, color="0.2", fontweight="bold")
    for yy, label, is_bold in zip(ticks, labels, bold):
        ax.text(limit + 0.4, yy, label, ha="left", va="center", fontsize=6.8,
                fontweight="bold" if is_bold else "normal", clip_on=False)
    ax.axvline(0, color="0.3", lw=0.6)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.set_xlim(-limit, limit)
    ax.set_ylim(y + 0.4, 0.9)
    ax.set_xticks([v for v in range(-20, 21, 5) if abs(v) < limit])
    ax.set_xticklabels([str(abs(v)) for v in range(-20, 21, 5) if abs(v) < limit])
    ax.set_xlabel("duties at that level:  \u2190 POC          R2P \u2192")
    handles = [plt.Rectangle((0, 0), 1, 1, color=NORM_COLORS[k]) for k in ("POC", "both", "R2P")]
    ax.legend(handles, ["POC only", "serves both norms", "R2P only"], ncols=3, loc="lower center",
              bbox_to_anchor=(0.5, 1.0))
    ax.set_title("Escalation ladders of POC and R2P, rung by rung", pad=18)
    fig.subplots_adjust(left=0.04, right=0.80)
    source_note(ax, "Source: protection-scope obligations.csv (data/raw); analysis.networks.escalation_chains,\n"
                    "convergence. \u2605 = on this rung under each norm's own instruments.")
    return fig, table
