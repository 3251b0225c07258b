"""Figure 9: the share of each category under every reading of the rules (expert data and panel)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .. import data, panel, robustness, scope
from ..style import CATEGORY_LABELS
from . import figure, source_note
from .fig04_panel_shares import PANEL_DATASETS

#: how many readings each grid holds
EXPERT_READINGS, PANEL_READINGS = len(scope.ScopeRules.grid()), len(robustness.panel_readings())


def sensitivity_table() -> pd.DataFrame:
    """Both grids in one long table (expert situations, then country-year panel), with a ``dataset`` column."""
    expert = robustness.sensitivity(data.load_situations()).assign(dataset="expert situations")
    proxies = robustness.panel_sensitivity(panel.build_panel()).assign(dataset="country-year panel")
    table = pd.concat([expert, proxies], ignore_index=True)
    first = ["dataset", "label", "category", "count", "n", "missing", "share"]
    return table[first + [c for c in table.columns if c not in first]]


def _heatmap(ax, long: pd.DataFrame, title: str, default: str) -> None:
    wide = robustness.grid_table(long)
    cats = list(scope.CATEGORIES)
    values = wide[cats].to_numpy(dtype=float)
    ax.imshow(values, cmap="Greys", vmin=0, vmax=1, aspect="auto")
    for (i, j), value in np.ndenumerate(values):
        ax.text(j, i, f"{value:.0%}", ha="center", va="center", fontsize=6.5,
                color="white" if value > 0.55 else "0.1")
    labels = [f"{label}  (n={n:,})" + ("  \u25c0 default" if label == default else "")
              for label, n in zip(wide["label"], wide["n"])]
    ax.set_yticks(range(len(wide)), labels, fontsize=6.5)
    ax.set_xticks(range(len(cats)), [CATEGORY_LABELS[c] for c in cats])
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    ax.grid(False)
    for side in ax.spines.values():
        side.set_visible(False)
    ax.set_title(title, loc="left", fontsize=8.5, pad=16)


@figure(9, "sensitivity", notebook="notebooks/06-robustness.ipynb",
        question="How much do the shares of POC only, R2P only, both and neither move when the coding rules move?",
        how_to_read="Each row is one reading of the rules; each cell is the share of units in that category under "
                    f"it (darker = larger). Top: the expert situations under the {EXPERT_READINGS} readings of the "
                    "classifier (POC reading | weakest R2P evidence tier | whether war crimes must be systematic). "
                    f"Bottom: the country-year panel under {PANEL_READINGS} proxy readings (conflict trigger: any "
                    "state-based conflict or war only | R2P proxy source, with the one-actor one-sided-deaths "
                    "threshold). n counts the units classified; panel units with an unknown category are left out.",
        not_shown="Sampling uncertainty (figure 10); which situations move (the flips table in the notebook); "
                  "rules outside these grids, such as other situation boundaries.",
        datasets=("situations",) + PANEL_DATASETS)
def sensitivity():
    table = sensitivity_table()
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(6.5, 7.4), gridspec_kw={"hspace": 0.32})
    expert = table[table["dataset"] == "expert situations"]
    proxies = table[table["dataset"] == "country-year panel"]
    _heatmap(top, expert, f"Expert situations: {EXPERT_READINGS} readings of the classifier",
             robustness.short_label(scope.ScopeRules()))
    _heatmap(bottom, proxies, f"Country-year panel 1989-2024: {PANEL_READINGS} proxy readings",
             robustness.short_label(panel.ProxyRules()))
    source_note(bottom, "Source: protection-scope situations (data/raw); analysis.robustness.sensitivity and "
                        "panel_sensitivity;\nUCDP/PRIO ACD 25.1, UCDP OSV 26.1, EWP 2025, PITF 2014, "
                        "Gleditsch-Ward states.")
    return fig, table
