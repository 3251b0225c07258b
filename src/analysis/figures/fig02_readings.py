"""Figure 2: how often situations fall under POC only, R2P only, both or neither, under two POC readings."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import Patch

from .. import data, scope
from ..style import CATEGORY_COLORS, CATEGORY_LABELS
from . import figure, source_note


def readings_table() -> pd.DataFrame:
    """Counts and shares of the four categories under the broad and narrow POC readings."""
    situations = data.load_situations()
    frames = []
    for reading in scope.POC_READINGS:
        rules = scope.ScopeRules(poc_reading=reading)
        table = scope.summary(scope.classify(situations, rules))
        table.insert(0, "reading", rules.describe())
        frames.append(table.drop(columns="group"))
    return pd.concat(frames, ignore_index=True)


@figure(2, "readings", notebook="notebooks/02-scope-classification.ipynb",
        question="How often do the coded situations fall under POC alone, R2P alone, both or neither, and how "
                 "does the answer change between the broad and the narrow reading of POC?",
        how_to_read="Bars count situations per category; the two colours of each pair are the broad reading "
                    "(Security Council and peacekeeping practice) and the narrow reading (IHL: armed conflict only). "
                    "R2P uses the default threshold (UN-level evidence, systematic war crimes) in both.",
        not_shown="Country-years or population weights: each situation counts once whatever its length; "
                  "other R2P thresholds (see the robustness notebook).")
def readings():
    table = readings_table()
    cats = list(scope.CATEGORIES)
    fig, ax = plt.subplots(figsize=(6.5, 3.2))
    x = np.arange(len(cats))
    width = 0.38
    for k, (reading, hatch, alpha) in enumerate(zip(table["reading"], ("", "///"), (1.0, 0.55))):
        row = table.iloc[k]
        values = [int(row[c]) for c in cats]
        bars = ax.bar(x + (k - 0.5) * width, values, width, color=[CATEGORY_COLORS[c] for c in cats],
                      alpha=alpha, hatch=hatch, edgecolor="white")
        ax.bar_label(bars, fontsize=7)
    handles = [Patch(facecolor="0.45", label="broad (left bar)"),
               Patch(facecolor="0.45", alpha=0.55, hatch="///", edgecolor="white", label="narrow (right bar)")]
    ax.set_xticks(x, [CATEGORY_LABELS[c] for c in cats])
    ax.set_ylabel("situations")
    ax.grid(axis="x", visible=False)
    ax.grid(axis="y", visible=True)
    ax.legend(handles=handles, title="POC reading", loc="upper right")
    ax.set_title("Scope of the coded situations under two readings of POC")
    source_note(ax, "Source: protection-scope situations (data/raw); analysis.scope.classify, R2P evidence >= un.")
    return fig, table
