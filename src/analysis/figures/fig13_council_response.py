"""Figure 13: the Security Council's response to the coded situations, by scope category."""

from __future__ import annotations

from functools import lru_cache

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .. import council_practice, data, scope
from ..style import CATEGORY_COLORS, CATEGORY_LABELS
from . import figure, source_note

#: bootstrap settings of the published figure (seeded: the intervals re-run identically)
N_BOOT, SEED = 2000, 20051024
INDICATOR_LABELS = {"any_resolution": "any resolution", "chapter_vii": "Chapter VII", "poc": "POC language",
                    "r2p": "R2P language\n(literal)", "vetoed": "a vetoed draft"}


@lru_cache(maxsize=1)
def situation_response() -> pd.DataFrame:
    """Every situation reaching 1989 under the default reading, with the Council's response (cached)."""
    classified = scope.classify(data.load_situations())
    return council_practice.situation_response(classified, council_practice.tables())


def response_table() -> pd.DataFrame:
    """Shares per category and indicator with 95% intervals (:func:`analysis.council_practice.response_shares`)."""
    return council_practice.response_shares(situation_response(), n_boot=N_BOOT, seed=SEED)


@figure(13, "council_response", notebook="notebooks/08-council-practice.ipynb",
        question="Does the Security Council converge on the situations that fall under both norms, as the policy "
                 "guide claims: are they more often the subject of a resolution, of Chapter VII action, of POC or "
                 "R2P language, or of a vetoed draft, than situations under one norm or neither?",
        how_to_read="Each group of bars is one indicator; each bar the share of the coded situations of a category "
                    "(default reading; situations whose years reach 1989, counted from max(start year, 1989) to "
                    "their end or 2025) for which the Council's records show it on the situation's country in its "
                    "years, with 95% percentile bootstrap intervals (2,000 resamples of situations within the "
                    "category, seed fixed); n under each category label. 'Any resolution' counts resolutions "
                    "from the meeting tables even where the text is missing; the text-based indicators (Chapter VII, "
                    "POC, R2P) leave out situations whose only resolutions have no text (1994-1999), so their n "
                    "is smaller. A vetoed draft counts whatever else the Council did.",
        not_shown="Whether the resolutions protected anyone; decisions on another matter in the same country (the "
                  "DPRK's non-proliferation sanctions are left out); region-wide resolutions without a text "
                  "(1994-1999), which name no country; presidential statements; causation (a category is not "
                  "why the Council acted).",
        datasets=("situations", "council"))
def council_response():
    table = response_table()
    indicators = list(INDICATOR_LABELS)
    cats = [c for c in scope.CATEGORIES if c in set(table["category"])]
    fig, ax = plt.subplots(figsize=(7.0, 3.2))
    x = np.arange(len(indicators))
    width = 0.8 / len(cats)
    for k, cat in enumerate(cats):
        rows = table[table["category"] == cat].set_index("indicator").loc[indicators]
        offset = (k - (len(cats) - 1) / 2) * width
        ax.bar(x + offset, rows["share"], width, color=CATEGORY_COLORS[cat],
               label=f"{CATEGORY_LABELS[cat]} (n={int(rows.loc['any_resolution', 'n'])})")
        ax.errorbar(x + offset, rows["share"], yerr=[rows["share"] - rows["ci_low"], rows["ci_high"] - rows["share"]],
                    fmt="none", ecolor="0.15", capsize=2, lw=0.8)
    ax.set_xticks(x, [INDICATOR_LABELS[i] for i in indicators])
    ax.set_ylim(0, 1)
    ax.set_ylabel("share of situations")
    ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    ax.grid(axis="y", visible=True)
    ax.grid(axis="x", visible=False)
    ax.legend(title="scope category (default reading)", fontsize=6.5, title_fontsize=7, loc="upper right")
    ax.set_title("The Council's response to the coded situations, 1989-2025", fontsize=9)
    source_note(ax, "Source: protection-scope situations (data/raw); data/council (analysis.council_practice."
                    "situation_response); 95% bootstrap intervals, seed 20051024.\nFlag indicators leave out "
                    "situations whose only resolutions lack a text (1994-1999).")
    fig.subplots_adjust(bottom=0.24)
    return fig, table
