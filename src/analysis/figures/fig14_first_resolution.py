"""Figure 14: how long after a situation's onset the Security Council adopts its first resolution on it."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .. import council_practice, scope
from ..style import CATEGORY_COLORS, CATEGORY_LABELS
from . import figure, source_note
from .fig13_council_response import situation_response

HORIZON = 15


def first_resolution_table() -> pd.DataFrame:
    """Kaplan-Meier share with a first resolution within k years of onset.

    See :func:`analysis.council_practice.first_resolution_curve`.
    """
    return council_practice.first_resolution_curve(situation_response(), horizon=HORIZON)


@figure(14, "first_resolution", notebook="notebooks/08-council-practice.ipynb",
        question="How soon after a situation begins does the Security Council adopt a resolution on its country, "
                 "and is it sooner where both norms apply?",
        how_to_read="For each category (default reading), the share of situations with a first resolution on the "
                    "country within k years of onset (Kaplan-Meier: a situation that ends, or reaches 2025, "
                    "without one leaves the count at risk then). Onset is max(start year, 1989): for situations "
                    "begun earlier the clock starts in 1989. Year 0 is a resolution in the onset year, including "
                    "a country already on the Council's agenda.",
        not_shown="Presidential statements and vetoed drafts (earlier signals of attention); what the first "
                  "resolution did; months within a year; the situations that ended before 1989.",
        datasets=("situations", "council"))
def first_resolution():
    table = first_resolution_table()
    fig, ax = plt.subplots(figsize=(7.0, 3.2))
    for cat in [c for c in scope.CATEGORIES if c in set(table["category"])]:
        rows = table[table["category"] == cat]
        ax.step(rows["years"], rows["share"], where="post", color=CATEGORY_COLORS[cat], lw=1.5,
                label=f"{CATEGORY_LABELS[cat]} (n={int(rows['n'].iloc[0])})")
    ax.set_xlim(0, HORIZON)
    ax.set_ylim(0, 1)
    ax.set_xlabel("years since onset")
    ax.set_ylabel("share with a first resolution")
    ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    ax.grid(visible=True)
    ax.legend(title="scope category (default reading)", fontsize=6.5, title_fontsize=7, loc="center left",
              bbox_to_anchor=(1.01, 0.5))
    ax.set_title("Time to the Council's first resolution on a situation's country", fontsize=9)
    source_note(ax, "Source: protection-scope situations (data/raw); data/council; "
                    "analysis.council_practice.first_resolution_curve (Kaplan-Meier).")
    fig.subplots_adjust(bottom=0.24, right=0.7)
    return fig, table
