"""Figure 3: a timeline of the coded situations, coloured by category."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .. import data, schema, scope
from ..external import countries
from ..style import CATEGORY_COLORS, CATEGORY_LABELS
from . import figure, source_note


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


def _columns(sizes: pd.Series) -> tuple[list[str], list[str]]:
    """Split the regions into two columns of near-equal length, each keeping the UCDP order.

    Every two-way partition is tried (five regions: 30); ties go to the first found.
    """
    names = list(sizes.index)
    best = None
    for mask in range(1, 2 ** len(names) - 1):
        left = [n for k, n in enumerate(names) if mask >> k & 1]
        if names[0] not in left:
            continue  # each partition once: the first region always on the left
        longest = max(sizes[left].sum(), sizes.sum() - sizes[left].sum())
        if best is None or longest < best[0]:
            best = (longest, left)
    left = best[1]
    return left, [n for n in names if n not in left]


def _panel(ax, part: pd.DataFrame, rows: int) -> None:
    y = range(rows - 1, rows - 1 - len(part), -1)
    for yy, row in zip(y, part.itertuples()):
        ax.plot([row.start_year, row.end_shown + 0.9], [yy, yy], color=CATEGORY_COLORS[row.category],
                lw=2.2, solid_capstyle="butt")
        if row.ongoing:
            ax.plot(row.end_shown + 1.2, yy, marker=">", ms=2.5, color=CATEGORY_COLORS[row.category])
    top = rows
    for region, size in part.groupby("region", sort=False).size().items():
        ax.axhline(top - size - 0.5, color="0.7", lw=0.5)
        ax.text(1977.2, top - size / 2 - 0.5, region, rotation=90, va="center", ha="right", fontsize=7,
                clip_on=False)
        top -= size
    ax.set_yticks([])
    ax.set_xlim(1978, 2027)
    ax.set_ylim(-1, rows)
    ax.set_xlabel("year")


@figure(3, "timeline", notebook="notebooks/01-case-dataset.ipynb",
        question="When did the coded situations happen, and which fall under POC only, R2P only, both or neither?",
        how_to_read="Each line is one situation from its first to its last year (an arrow: ongoing at the end of "
                    "2025), grouped by UCDP region (two columns, regions in UCDP order) and coloured by its category "
                    "under the default reading (broad POC; R2P evidence at UN level or above; systematic war "
                    "crimes).",
        not_shown="Changes of category within a situation over time; intensity; situations before 1989 except "
                  "those still running in 1989.")
def timeline():
    table = timeline_table()
    left, right = _columns(table.groupby("region", sort=False).size())
    parts = table[table["region"].isin(left)], table[table["region"].isin(right)]
    rows = max(len(p) for p in parts)
    height = max(4.0, 0.075 * rows + 1.4)
    fig, axes = plt.subplots(1, 2, figsize=(6.5, height), gridspec_kw={"wspace": 0.12})
    fig.subplots_adjust(top=1 - 0.75 / height, bottom=0.75 / height)
    for ax, part in zip(axes, parts):
        _panel(ax, part, rows)
    handles = [plt.Line2D([], [], color=CATEGORY_COLORS[c], lw=3, label=CATEGORY_LABELS[c]) for c in scope.CATEGORIES]
    fig.legend(handles=handles, ncols=4, loc="upper center", bbox_to_anchor=(0.5, 0.985))
    fig.suptitle(f"{len(table)} coded situations active 1989-2025 (earlier starts cut at 1978)", y=1.0,
                 fontweight="bold", fontsize=9.5)
    source_note(axes[0], "Source: protection-scope situations (data/raw); analysis.scope.classify (default reading).")
    return fig, table
