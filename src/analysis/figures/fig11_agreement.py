"""Figure 11: agreement of the data-driven panel with the expert coding on shared country-years."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from .. import data, panel, robustness, scope
from ..style import CATEGORY_LABELS
from . import figure, source_note
from .fig04_panel_shares import PANEL_DATASETS


def agreement_result() -> robustness.Agreement:
    """The panel (default proxy rules) against the expert situations (default reading), 1989-2024."""
    return robustness.agreement(panel.classify_panel(panel.build_panel()), scope.classify(data.load_situations()))


@figure(11, "agreement", notebook="notebooks/06-robustness.ipynb",
        question="Where the expert dataset codes a situation, does the data-driven panel put the country-year in "
                 "the same category?",
        how_to_read="Rows: the panel's category (default proxy rules); columns: the expert category of the "
                    "situation(s) covering that country-year (default reading; POC or R2P if any covering situation "
                    "is). Cells count country-years; the diagonal is agreement. The title gives Cohen's kappa for "
                    "the four categories and for POC and R2P separately, each on the country-years where that norm "
                    "is known on both sides.",
        not_shown="Country-years without an expert situation (most of the panel), and those whose panel category "
                  "is unknown (counted in the notebook); which side is right: disagreements are listed for review.",
        datasets=("situations",) + PANEL_DATASETS)
def agreement():
    result = agreement_result()
    cats = list(scope.CATEGORIES)
    matrix = result.confusion.loc[cats, cats]
    fig, ax = plt.subplots(figsize=(4.6, 3.9))
    values = matrix.to_numpy()
    ax.imshow(values, cmap="Purples", aspect="equal")
    for (i, j), value in np.ndenumerate(values):
        ax.text(j, i, f"{value:,}", ha="center", va="center", fontsize=8,
                color="white" if value > values.max() * 0.55 else "0.1", fontweight="bold" if i == j else "normal")
    ax.set_xticks(range(4), [CATEGORY_LABELS[c] for c in cats])
    ax.set_yticks(range(4), [CATEGORY_LABELS[c] for c in cats])
    ax.set_xlabel("expert situations")
    ax.set_ylabel("country-year panel")
    ax.grid(False)
    n_poc, n_r2p = int(result.poc.to_numpy().sum()), int(result.r2p.to_numpy().sum())
    ax.set_title(f"Panel vs expert coding, {result.n:,} country-years\nkappa {result.kappa:.2f} (categories); "
                 f"POC {result.kappa_poc:.2f} (n={n_poc:,}); R2P {result.kappa_r2p:.2f} (n={n_r2p:,})")
    source_note(ax, "Source: analysis.robustness.agreement; protection-scope situations;\nUCDP/PRIO ACD 25.1, "
                    "UCDP OSV 26.1, EWP 2025, PITF 2014.")
    table = matrix.reset_index().rename(columns={"panel": "panel_category"})
    table.columns.name = None
    table["kappa"], table["kappa_poc"], table["kappa_r2p"] = result.kappa, result.kappa_poc, result.kappa_r2p
    table["n"], table["unknown"] = result.n, result.unknown
    return fig, table
