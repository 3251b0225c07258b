"""Figure 5: the share of country-years in each category per UCDP region, 1989-2024."""

from __future__ import annotations

import matplotlib.pyplot as plt

from .. import scope
from ..external import countries
from ..style import CATEGORY_COLORS, CATEGORY_LABELS
from . import figure, source_note
from .fig04_panel_shares import PANEL_DATASETS, panel_shares_table


@figure(5, "panel_regions", notebook="notebooks/03-panel-trends.ipynb",
        question="Which regions' country-years since 1989 fall under POC alone, R2P alone, both or neither "
                 "according to the data-driven proxies?",
        how_to_read="Each bar is one UCDP region; its segments are shares of all its Gleditsch-Ward country-years "
                    "1989-2024 in each category under the default proxy rules; the hatched segment is country-years "
                    "whose category is unknown. The number right of a bar is its count of country-years.",
        not_shown="Change over time within a region (figure 4 shows years); legal findings (the categories are "
                  "proxies); differences in country size.",
        datasets=PANEL_DATASETS)
def panel_regions():
    table = panel_shares_table("region")
    order = [name for name, _, _ in countries.REGIONS][::-1]
    table = table.set_index("group").loc[order].reset_index()
    cats = list(scope.CATEGORIES)
    fig, ax = plt.subplots(figsize=(6.5, 2.8))
    left = 0.0
    for col, color, label in [(f"all_{c}", CATEGORY_COLORS[c], CATEGORY_LABELS[c]) for c in cats] + \
                             [("all_unknown", "white", "unknown")]:
        bars = ax.barh(table["group"], table[col], left=left, color=color, label=label, height=0.62,
                       edgecolor="0.6" if col == "all_unknown" else "white", linewidth=0.4,
                       hatch="////" if col == "all_unknown" else None)
        if col != "all_unknown":
            ax.bar_label(bars, labels=[f"{v:.0%}" if v >= 0.06 else "" for v in table[col]], label_type="center",
                         fontsize=6.5, color="white" if col != "all_neither" else "0.2")
        left = left + table[col]
    for y, n in enumerate(table["total"] + table["unknown"]):
        ax.text(1.01, y, f"n={int(n):,}", va="center", fontsize=7)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    ax.set_xlabel("share of country-years, 1989-2024")
    ax.legend(ncol=5, loc="lower center", bbox_to_anchor=(0.5, 1.0), handlelength=1.2, columnspacing=1.0,
              borderaxespad=0.3)
    ax.set_title("Country-years by proxy category and region", pad=26)
    source_note(ax, "Source: analysis.panel, default ProxyRules. UCDP/PRIO ACD 25.1, UCDP one-sided violence 26.1,\n"
                    "EWP base data 2025, PITF 2014, POC missions (data/raw), Gleditsch-Ward states (1999, to 2017).")
    return fig, table
