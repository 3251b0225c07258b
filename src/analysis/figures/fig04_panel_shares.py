"""Figure 4: the share of country-years in each category per year, from the country-year panel."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .. import panel, scope
from ..style import CATEGORY_COLORS, CATEGORY_LABELS
from . import figure, source_note

PANEL_DATASETS = ("missions", "gw_states", "ucdp_acd", "ucdp_brd", "ucdp_osv", "ewp_base", "pitf", "unsc_vetoes")


def panel_shares_table(by: str | None = "year") -> pd.DataFrame:
    """Shares of the categories per *by* under the default proxy rules, over all country-years.

    ``share_*`` columns are shares of the classified country-years (as
    :func:`analysis.panel.shares`); ``all_*`` columns divide by every
    country-year of the group, unknown included, and add ``all_unknown``.
    """
    classified = panel.classify_panel(panel.build_panel())
    table = panel.shares(classified, by)
    rows = table["total"] + table["unknown"]
    for cat in scope.CATEGORIES:
        table[f"all_{cat}"] = (table[cat] / rows).round(4)
    table["all_unknown"] = (table["unknown"] / rows).round(4)
    return table


@figure(4, "panel_shares", notebook="notebooks/03-panel-trends.ipynb",
        question="In what share of the world's country-years since 1989 do the data-driven proxies place a "
                 "situation under POC alone, R2P alone, both or neither?",
        how_to_read="Each band is the share of all Gleditsch-Ward country-years of that year in one category under "
                    "the default proxy rules (POC: state-based conflict, a POC-mandated UN operation or 25+ "
                    "one-sided deaths; R2P: EWP mass killing, PITF genocide/politicide or 1,000+ one-sided deaths "
                    "by one actor). The hatched top band is country-years whose category is unknown (missing EWP "
                    "row, or one-sided deaths the source does not split between countries).",
        not_shown="Legal findings: the bands are proxies, not determinations that POC or R2P applied. Population "
                  "or severity weights; other rules (robustness notebook); PITF after 2014 (it drops out).",
        datasets=PANEL_DATASETS)
def panel_shares():
    table = panel_shares_table("year")
    cats = list(scope.CATEGORIES)
    years = table["group"].astype(int)
    fig, ax = plt.subplots(figsize=(6.5, 3.4))
    layers = [table[f"all_{c}"] for c in cats] + [table["all_unknown"]]
    colors = [CATEGORY_COLORS[c] for c in cats] + ["white"]
    labels = [CATEGORY_LABELS[c] for c in cats] + ["unknown"]
    stacks = ax.stackplot(years, *layers, colors=colors, labels=labels, edgecolor="white", linewidth=0.3)
    stacks[-1].set_hatch("////")
    stacks[-1].set_edgecolor("0.6")
    ax.set_xlim(years.min(), years.max())
    ax.set_ylim(0, 1)
    ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    ax.set_ylabel("share of country-years")
    ax.grid(axis="y", visible=True)
    ax.grid(axis="x", visible=False)
    handles, names = ax.get_legend_handles_labels()
    ax.legend(handles[::-1], names[::-1], loc="center left", bbox_to_anchor=(1.0, 0.5))
    ax.set_title("Country-years by proxy category, 1989-2024")
    source_note(ax, "Source: analysis.panel, default ProxyRules. UCDP/PRIO ACD 25.1, UCDP one-sided violence 26.1,\n"
                    "EWP base data 2025, PITF 2014, POC missions (data/raw), Gleditsch-Ward states (1999, to 2017).")
    return fig, table
