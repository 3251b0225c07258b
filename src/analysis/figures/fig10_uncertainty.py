"""Figure 10: bootstrap confidence intervals for the category shares (expert data and panel periods)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .. import data, panel, robustness, scope
from ..style import CATEGORY_COLORS, CATEGORY_LABELS
from . import figure, source_note
from .fig04_panel_shares import PANEL_DATASETS

#: bootstrap settings of the published figure (seeded: the intervals re-run identically)
N_BOOT, SEED = 2000, 20051024


def uncertainty_table() -> pd.DataFrame:
    """Shares with 95% percentile intervals: expert situations (resampled by situation) and panel periods
    (resampled by country within each six-year period), default rules."""
    expert = robustness.bootstrap_shares(scope.classify(data.load_situations()), n_boot=N_BOOT, seed=SEED)
    classified = panel.classify_panel(panel.build_panel())
    classified["period"] = robustness.period(classified["year"])
    periods = robustness.bootstrap_shares(classified, by="period", cluster="gwno", n_boot=N_BOOT, seed=SEED)
    expert.insert(0, "dataset", "expert situations")
    periods.insert(0, "dataset", "country-year panel")
    return pd.concat([expert, periods], ignore_index=True)


@figure(10, "uncertainty", notebook="notebooks/06-robustness.ipynb",
        question="How certain are the category shares, given that the situations and countries observed are one "
                 "draw of those that could have occurred?",
        how_to_read="Left: share of the expert situations in each category under the default reading, with 95% "
                    "percentile bootstrap intervals (2,000 resamples of situations, seed fixed). Right: share of "
                    "classified country-years per six-year period in the panel, default proxy rules, with 95% "
                    "intervals from resampling whole countries within each period (a cluster bootstrap).",
        not_shown="Coding uncertainty (how the rules move the shares: figure 9); the panel's unknown country-years, "
                  "which are left out; uncertainty in the source datasets themselves.",
        datasets=("situations",) + PANEL_DATASETS)
def uncertainty():
    table = uncertainty_table()
    cats = list(scope.CATEGORIES)
    fig, (left, right) = plt.subplots(1, 2, figsize=(6.5, 3.3), gridspec_kw={"width_ratios": [1, 2.2]})
    expert = table[table["dataset"] == "expert situations"].set_index("category").loc[cats]
    x = np.arange(len(cats))
    left.bar(x, expert["share"], color=[CATEGORY_COLORS[c] for c in cats], width=0.65)
    left.errorbar(x, expert["share"], yerr=[expert["share"] - expert["ci_low"], expert["ci_high"] - expert["share"]],
                  fmt="none", ecolor="0.15", capsize=3, lw=0.9)
    left.set_xticks(x, [CATEGORY_LABELS[c] for c in cats], rotation=30, ha="right")
    left.set_ylabel("share")
    left.set_title(f"Expert situations (n={int(expert['n'].iloc[0])})", fontsize=8.5)
    periods = table[table["dataset"] == "country-year panel"]
    labels = sorted(periods["group"].unique())
    px = np.arange(len(labels))
    for k, cat in enumerate(cats):
        rows = periods[periods["category"] == cat].set_index("group").loc[labels]
        offset = (k - 1.5) * 0.12
        right.errorbar(px + offset, rows["share"],
                       yerr=[rows["share"] - rows["ci_low"], rows["ci_high"] - rows["share"]],
                       fmt="o-", ms=3, lw=1, capsize=2, color=CATEGORY_COLORS[cat], label=CATEGORY_LABELS[cat])
    right.set_xticks(px, labels, rotation=30, ha="right")
    right.set_title("Panel country-years by period", fontsize=8.5)
    right.legend(ncols=2, loc="center left", bbox_to_anchor=(0.0, 0.55))
    for ax in (left, right):
        ax.set_ylim(0, 1)
        ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
        ax.grid(axis="y", visible=True)
        ax.grid(axis="x", visible=False)
    source_note(left, "Source: analysis.robustness.bootstrap_shares (95% percentile intervals, 2,000 resamples, "
                      "seed 20051024); protection-scope situations;\nanalysis.panel with UCDP/PRIO ACD 25.1, "
                      "UCDP OSV 26.1, "
                      "EWP 2025, PITF 2014, Gleditsch-Ward states.")
    fig.subplots_adjust(wspace=0.3, bottom=0.3)
    return fig, table
