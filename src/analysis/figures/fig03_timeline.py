"""Figure 3: a timeline of the coded situations, coloured by category."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .. import countries, data, schema, scope
from . import CATEGORY_COLORS, CATEGORY_LABELS, figure, source_note


def timeline_table() -> pd.DataFrame:
    """One row per situation: region, years (ongoing ends at 2025) and default category."""
    classified = scope.classify(data.load_situations())
    table = classified[["situation_id", "name", "gwno", "start_year", "end_year", "category"]].copy()
    table["region"] = countries.region(table["gwno"])
    table["end_shown"] = table["end_year"].fillna(schema.YEAR_MAX).astype(int)
    table["ongoing"] = table["end_year"].isna()
    order = [name for name, _, _ in countries.REGIONS]
    table["region_order"] = table["region"].map({n: i for i, n in enumerate(order)})
    table = table.sort_values(["region_order", "start_year", "situation_id"], ignore_index=True)
    return table.drop(columns=["region_order", "gwno"]).astype({"start_year": int})


@figure(3, "timeline", notebook="notebooks/01-case-dataset.ipynb",
        question="When did the coded situations happen, and which fall under POC only, R2P only, both or neither?",
        how_to_read="Each line is one situation from its first to its last year (an arrow: ongoing at the end of "
                    "2025), grouped by UCDP region and coloured by its category under the default reading "
                    "(broad POC; R2P evidence at UN level or above; systematic war crimes).",
        not_shown="Changes of category within a situation over time; intensity; situations before 1989 except "
                  "those still running in 1989.")
def timeline():
    table = timeline_table()
    fig, ax = plt.subplots(figsize=(6.5, max(4.0, 0.075 * len(table) + 1.2)))
    y = range(len(table))[::-1]
    for yy, row in zip(y, table.itertuples()):
        ax.plot([row.start_year, row.end_shown + 0.9], [yy, yy], color=CATEGORY_COLORS[row.category],
                lw=2.2, solid_capstyle="butt")
        if row.ongoing:
            ax.plot(row.end_shown + 1.2, yy, marker=">", ms=2.5, color=CATEGORY_COLORS[row.category])
    ax.set_yticks([])
    bounds = table.groupby("region", sort=False).size()
    top = len(table)
    for region, size in bounds.items():
        ax.axhline(top - size - 0.5, color="0.7", lw=0.5)
        ax.text(1977.2, top - size / 2 - 0.5, region, rotation=90, va="center", ha="right", fontsize=7,
                clip_on=False)
        top -= size
    ax.set_xlim(1978, 2027)
    ax.set_ylim(-1, len(table))
    ax.set_xlabel("year")
    handles = [plt.Line2D([], [], color=CATEGORY_COLORS[c], lw=3, label=CATEGORY_LABELS[c]) for c in scope.CATEGORIES]
    ax.legend(handles=handles, ncols=4, loc="lower center", bbox_to_anchor=(0.5, 1.0))
    ax.set_title(f"{len(table)} coded situations active 1989-2025 (earlier starts cut at 1978)", pad=22)
    source_note(ax, "Source: protection-scope situations (data/raw); analysis.scope.classify (default reading).")
    return fig, table
