"""Figure 1: what the situation dataset covers, by population and region."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .. import data, populations
from ..external import countries, load
from . import figure, source_note


def coverage_table() -> pd.DataFrame:
    """Situations per population and region (a situation may be in several populations)."""
    situations = data.load_situations()
    table = populations.membership(situations, load.load("ucdp_acd"), load.load("ewp_events"), load.load("pitf"))
    table["region"] = countries.region(table["gwno"])
    rows = []
    for key, label in populations.LABELS.items():
        counts = table.loc[table[key].astype(bool), "region"].value_counts()
        for name, _, _ in countries.REGIONS:
            rows.append({"population": key, "label": label, "region": name, "situations": int(counts.get(name, 0))})
    return pd.DataFrame(rows)


@figure(1, "coverage", notebook="notebooks/01-case-dataset.ipynb",
        question="How many situations does the project-coded dataset hold in each population it must cover, "
                 "and in which regions?",
        how_to_read="Each bar is one population; its segments count the situations of that population in each "
                    "UCDP region. A situation can belong to several populations, so bars do not add up to the "
                    "dataset's size.",
        not_shown="How the situations are classified (figures 2 and 3); the years each covers; situations that "
                  "the dataset has not yet coded.",
        datasets=("situations", "ucdp_acd", "ewp_events", "pitf"))
def coverage():
    table = coverage_table()
    wide = table.pivot(index="population", columns="region", values="situations")
    wide = wide[[name for name, _, _ in countries.REGIONS]].iloc[::-1]
    labels = {"pop1": "1 atrocity finding (UN inquiry,\nICC prosecutor, court)",
              "pop2": "2 host of a POC-mandated\nUN operation",
              "pop3": "3 UCDP war (1,000+ battle\ndeaths in a year) since 1989", "pop4": "4 contrast case",
              "pop5": "5 mass killing (EWP events,\nPITF episodes) since 1989"}
    fig, ax = plt.subplots(figsize=(6.5, 3.0))
    left = pd.Series(0, index=wide.index)
    colors = ["#4d4d4d", "#878787", "#b2182b", "#ef8a62", "#67a9cf"]
    for color, region in zip(colors, wide.columns):
        ax.barh([labels[i] for i in wide.index], wide[region], left=left, color=color, label=region, height=0.6)
        left = left + wide[region]
    for y, total in enumerate(left):
        ax.text(total + 0.5, y, str(int(total)), va="center", fontsize=7.5)
    ax.set_xlabel("situations")
    ax.set_title("Situations in the dataset by population and region")
    ax.legend(title="UCDP region", loc="center left", bbox_to_anchor=(1.0, 0.5))
    source_note(ax, "Source: protection-scope situations (data/raw); UCDP/PRIO ACD 25.1 for population 3; "
                    "EWP mass-killing events 2025 and PITF 2014 for population 5.")
    return fig, table
