"""Figure 12: the Security Council's references to POC and to R2P per year, against the published counts."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .. import council_practice
from ..style import NORM_COLORS
from . import figure, source_note

#: the years without resolution texts (900-1284), shaded
GAP = (1994, 1999)


def references_table() -> pd.DataFrame:
    """Per year and kind: texts, missing texts, references (:func:`analysis.council_practice.references_per_year`)."""
    return council_practice.references_per_year(council_practice.tables())


@figure(12, "council_references", notebook="notebooks/08-council-practice.ipynb",
        question="How often does the Security Council refer to the protection of civilians and to the "
                 "responsibility to protect, year by year, and does the literal R2P rule reproduce the counts "
                 "the Global Centre for R2P publishes?",
        how_to_read="Left: resolutions (solid) and presidential statements (dashed) per year that refer to the "
                    "protection of civilians (blue) and use the phrase 'responsibility to protect' (red); the "
                    "grey band marks 1994-1999, when resolution texts are missing (no reference can be counted, "
                    "which is not zero). Right: resolutions from 2006 with the literal phrase, cumulative (solid), "
                    "and with the broader R2P language (paragraphs 138-139 of the World Summit Outcome, a State's "
                    "responsibility to protect its population; dotted); black diamonds are the Centre's published "
                    "counts (81 by the end of 2019, 93 by 2024, 97 by 2025).",
        not_shown="What the references say or demand (a mention is not a mandate); resolutions 2589 (2021) and "
                  "2762 (2024), whose texts are missing; statements before 2000 (no texts in the data); 2026, "
                  "an incomplete year.",
        datasets=("council",))
def council_references():
    table = references_table()
    fig, (left, right) = plt.subplots(1, 2, figsize=(7.0, 3.0), gridspec_kw={"width_ratios": [1.5, 1]})
    left.axvspan(GAP[0] - 0.5, GAP[1] + 0.5, color="0.88", lw=0, zorder=0)
    left.text(sum(GAP) / 2, 0.5, "no\nresolution\ntexts", transform=left.get_xaxis_transform(), ha="center",
              va="top", fontsize=6, color="0.35")
    for kind, style in (("resolution", "-"), ("statement", "--")):
        rows = table[table["kind"] == kind]
        for flag, norm, label in (("poc", "POC", "POC"), ("r2p_literal", "R2P", "R2P (literal)")):
            # no texts: resolutions 1994-1999, statements before 2000 (missing, not zero)
            values = rows[flag].where(rows["texts"] > rows["missing_text"]).where(
                (rows["year"] >= 2000) if kind == "statement" else ~rows["year"].between(*GAP))
            left.plot(rows["year"], values, style, color=NORM_COLORS[norm], lw=1.2, label=f"{label}, {kind}s")
    left.set_ylabel("texts per year")
    left.set_title("References per year", fontsize=8.5)
    left.legend(fontsize=6, loc="upper left")
    res = table[(table["kind"] == "resolution") & (table["year"] >= 2006)]
    right.plot(res["year"], res["r2p_literal_since_2006"], color=NORM_COLORS["R2P"], lw=1.4, label="literal phrase")
    right.plot(res["year"], res["r2p_broad"].cumsum(), ":", color=NORM_COLORS["R2P"], lw=1.2,
               label="broader R2P language")
    years = list(council_practice.PUBLISHED_R2P)
    right.scatter(years, [council_practice.PUBLISHED_R2P[y] for y in years], marker="D", s=18, color="black",
                  zorder=4, label="GCR2P published")
    for year in years:
        right.annotate(str(council_practice.PUBLISHED_R2P[year]), (year, council_practice.PUBLISHED_R2P[year]),
                       xytext=(-4, 5), textcoords="offset points", fontsize=6, ha="right")
    right.set_title("Resolutions referring to R2P since 2006, cumulative", fontsize=8.5)
    right.legend(fontsize=6, loc="upper left")
    for ax in (left, right):
        ax.grid(axis="y", visible=True)
        ax.grid(axis="x", visible=False)
    source_note(left, "Source: data/council (analysis.council rules poc, r2p_literal, r2p_broad) from UN AKN4UN "
                      "XML, cr-unsc, DHL meeting tables;\nGlobal Centre for R2P, UN Security Council resolutions "
                      "referencing R2P (counts 2019, 2024, 2025).")
    fig.subplots_adjust(wspace=0.28, bottom=0.27)
    return fig, table
