"""Figure 8: situation networks, who is present in contrasting cases and which duties their category activates."""

from __future__ import annotations

import math
from pathlib import Path

import matplotlib.pyplot as plt
import networkx as nx
import pandas as pd
from matplotlib.patches import Circle, Wedge

from .. import networks, schema
from ..style import CATEGORY_COLORS, CATEGORY_LABELS, NETWORK_COLORS, NORM_COLORS
from ..validation import list_items
from . import artefact, figure, source_note

#: contrasting cases: a referral and a war in Libya, a blocked Council in Syria, Darfur with a hybrid
#: AU-UN mission, South Sudan with a POC mission, two peacetime cases before the ICC or the Council,
#: and North Korea's repression
CASES = ("lby-2011-crackdown", "lby-2011", "syr-2011", "sdn-2003-darfur", "ssd-2013", "ken-2007",
         "phl-2016-drugwar", "prk-1948")
#: the cases whose graphs are exported as ``networks/{situation_id}.*``, read by notebook 05
EXPORTED = ("syr-2011", "lby-2011")
#: how groups of parties are shown (several armed groups hold the same duties)
GROUPED = {"nsag": "armed group", "": "foreign State party"}
WIDTH = 5.2
#: the ring drawn around an actor by what the Council's records show it did (none: not assessed)
STATUS_RING = {"acted": ("#1b7837", "-"), "blocked": ("#b2182b", "-"), "silent": ("0.45", (0, (1.5, 1.2)))}


def _rung(G_norm: nx.Graph) -> dict[str, int]:
    """Each generic actor's usual rung: the level of most of its coded duties (ties: the lower rung)."""
    held = networks.holdings(G_norm)
    out = {}
    for actor_id, group in held.groupby("actor_id"):
        counts = group["level"].value_counts()
        out[actor_id] = min(networks.LEVEL_RANK[lv] for lv in counts.index[counts == counts.max()])
    return out


def situation_table(cases=CASES) -> pd.DataFrame:
    """One row per drawn actor (armed groups and foreign State parties grouped) per situation."""
    graphs = networks.situation_graphs(cases)
    rung = _rung(networks.normative_graph())
    rows = []
    for sid, G in graphs.items():
        groups: dict[str, dict] = {}
        for node in networks.nodes_of(G, "actor"):
            d = G.nodes[node]
            key = d["actor_id"] if d["actor_id"] not in GROUPED else f"group:{d['actor_id']}"
            entry = groups.setdefault(key, {"situation_id": sid, "situation": G.graph["situation"],
                                            "category": G.graph["category"], "actor_id": d["actor_id"],
                                            "members": [], "rung": rung.get(d["actor_id"], 0), "POC": 0,
                                            "both": 0, "R2P": 0, "blocked": bool(d["blocked"]),
                                            "vetoed_drafts": d["vetoed_drafts"], "veto_agenda": d["veto_agenda"],
                                            "resolutions": d["resolutions"], "status": d["status"],
                                            "status_evidence": d["status_evidence"],
                                            "council_resolutions": d["council_resolutions"],
                                            "council_vetoed": d["council_vetoed"]})
            entry["members"].append(d["name"])
            if len(entry["members"]) == 1:
                for other in G[node]:
                    entry[G.nodes[other]["norm"]] += 1
        for key, entry in groups.items():
            n = len(entry["members"])
            if key.startswith("group:"):
                noun = GROUPED[entry["actor_id"]]
                entry["label"] = entry["members"][0] if n == 1 else f"{n} {noun}s"
            else:
                entry["label"] = entry["members"][0]
            entry["members"] = ";".join(sorted(entry["members"]))
            entry["obligations"] = entry["POC"] + entry["both"] + entry["R2P"]
            rows.append(entry)
    table = pd.DataFrame(rows)
    table["_case"] = table["situation_id"].map({c: i for i, c in enumerate(cases)})
    table = table.sort_values(["_case", "rung", "actor_id", "label"], ignore_index=True).drop(columns="_case")
    return table[["situation_id", "situation", "category", "rung", "actor_id", "label", "members", "obligations",
                  "POC", "both", "R2P", "blocked", "vetoed_drafts", "veto_agenda", "resolutions", "status",
                  "status_evidence", "council_resolutions", "council_vetoed"]]


def _short(label: str) -> str:
    label = label.replace("International Criminal Court", "ICC").replace("International Court of Justice", "ICJ")
    label = label.replace("UN Security Council", "Security Council")
    return label if len(label) <= 20 else label[:19] + "\u2026"


def _draw_case(ax, rows: pd.DataFrame) -> None:
    ax.set_xlim(-0.05, WIDTH + 0.05)
    ax.set_ylim(-0.62, 2.55)
    ax.set_aspect("equal")
    ax.axis("off")
    for level, y in zip(schema.LEVELS, (2, 1, 0)):
        ax.axhline(y, color="0.9", lw=5, zorder=0)
        ax.text(-0.03, y + 0.3, level, fontsize=6, color="0.45", ha="left", va="center")
    for rung in (0, 1, 2):
        row = rows[rows["rung"] == rung]
        y = 2 - rung
        for i, r in enumerate(row.itertuples()):
            x = WIDTH * (i + 1) / (len(row) + 1)
            radius = 0.09 + 0.045 * math.sqrt(r.obligations)
            if r.obligations == 0:
                ax.add_patch(Circle((x, y), 0.1, fill=False, ec="0.5", lw=0.8, ls=(0, (2, 1.5)), zorder=3))
            start = 90.0
            for norm in networks.NORM_ORDER:
                share = getattr(r, norm) / r.obligations if r.obligations else 0
                if share:
                    ax.add_patch(Wedge((x, y), radius, start, start + 360 * share, color=NORM_COLORS[norm],
                                       zorder=3, lw=0))
                    start += 360 * share
            if r.blocked or r.status in STATUS_RING:
                color, dash = STATUS_RING["blocked" if r.blocked else r.status]
                ax.add_patch(Circle((x, y), radius + 0.05, fill=False, ec=color, lw=1.6, ls=dash, zorder=4))
            ax.text(x, y - radius - 0.05, _short(r.label), ha="center", va="top", fontsize=5.8, zorder=5)
            if r.obligations:
                ax.text(x, y, str(r.obligations), ha="center", va="center", fontsize=5.5, color="white",
                        fontweight="bold", zorder=5)
            if r.actor_id == "unsc":
                n_res = len(list_items(r.council_resolutions))
                word = {"acted": "acted: {n} res.", "blocked": "blocked; also {n} res.", "silent": "silent"}[r.status]
                ax.text(x, y + radius + 0.07, word.format(n=n_res), ha="center", va="bottom",
                        fontsize=5.4, color=STATUS_RING[r.status][0], zorder=5)
            if r.blocked:
                n = len(list_items(r.vetoed_drafts))
                text = f"blocked: {n} vetoed draft{'s' if n > 1 else ''}"
                if n == 1:
                    agenda = r.veto_agenda if len(r.veto_agenda) <= 24 else r.veto_agenda[:23] + "\u2026"
                    text += f"\n{r.vetoed_drafts}:\n{agenda}"
                ax.text(x + radius + 0.08, y + 0.05, text, fontsize=5.6, color="#b2182b", ha="left", va="center")
            elif r.resolutions:
                ax.text(x + radius + 0.08, y + 0.05, r.resolutions.replace(";", "\n"), fontsize=5.2,
                        color="0.3", ha="left", va="center")


@figure(8, "situation_networks", notebook="notebooks/05-situation-networks.ipynb",
        question="In contrasting situations, which duty-holders are present, how many of their duties does the "
                 "situation's category activate, and where is the failsafe blocked?",
        how_to_read="One panel per situation, titled with its category under the default reading. Each disc is "
                    "an actor present in the situation, on the rung where most of its coded duties lie (primary, "
                    "backup, failsafe); its number and slices count the duties the category activates, by the "
                    "norm they serve (POC, both, R2P). The ring says what the Council's own records (data/council) "
                    "show "
                    "in the situation's country and years: red, the Security Council blocked (a vetoed draft, "
                    "whatever else it adopted); green, acted (the Council adopted resolutions, counted above the "
                    "disc; the ICC acting on a Council referral or its own proceedings; a UN mission with a POC "
                    "mandate in a resolution); dotted grey, the Council silent (no resolution or vetoed draft). "
                    "Red text names the vetoed drafts of the veto list; grey text lists Council resolutions the "
                    "situation cites; a dashed empty circle is an actor present with no activated duty.",
        not_shown="Actors without a coded trace in the situation (third States, UN agencies, the General "
                  "Assembly); whether duties were discharged; what the vetoed drafts proposed; regional "
                  "organisations the sources do not name (e.g. NATO in Libya); inquiries the Council created "
                  "(no flag in the Council's tables); what the 1994-1999 resolutions said (no texts).",
        datasets=("situations", "actors", "obligations", "missions", "ucdp_acd", "unsc_vetoes", "council"))
def situation_networks():
    table = situation_table()
    cases = list(dict.fromkeys(table["situation_id"]))
    ncols = 2
    nrows = math.ceil(len(cases) / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(7.0, 2.05 * nrows + 0.4))
    for ax, sid in zip(axes.flat, cases):
        rows = table[table["situation_id"] == sid]
        first = rows.iloc[0]
        _draw_case(ax, rows)
        name = first["situation"] if len(first["situation"]) <= 46 else first["situation"][:45] + "\u2026"
        ax.set_title(f"{name}\n{sid}", fontsize=7.2, loc="left", pad=2)
        ax.text(1.0, 1.0, CATEGORY_LABELS[first["category"]], transform=ax.transAxes, ha="right", va="bottom",
                fontsize=7.2, fontweight="bold", color=CATEGORY_COLORS[first["category"]])
    for ax in axes.flat[len(cases):]:
        ax.axis("off")
    handles = [plt.Rectangle((0, 0), 1, 1, color=NORM_COLORS[k]) for k in networks.NORM_ORDER]
    handles += [Circle((0, 0), 1, fill=False, ec=color, lw=1.6, ls=dash) for color, dash in STATUS_RING.values()]
    fig.legend(handles, ["POC duty", "duty serving both", "R2P duty", "acted (Council records)",
                         "failsafe blocked by veto", "Council silent"],
               loc="upper center", ncols=6, bbox_to_anchor=(0.5, 1.0), fontsize=6)
    fig.subplots_adjust(top=0.93, hspace=0.32, wspace=0.04)
    source_note(axes[-1, 0], "Source: protection-scope situations, actors, obligations (data/raw); UCDP/PRIO ACD 25.1 "
                             "(side_b);\nUNSC vetoes 1946-Sept 2022 (analysis.panel.council_vetoes); data/council; "
                             "analysis.networks.situation_graph.")
    return fig, table


@artefact
def situation_exports(folder: Path) -> list[Path]:
    """The graphs of :data:`EXPORTED` as ``networks/{situation_id}.*`` (GraphML, GEXF, CSV, HTML)."""
    graphs = networks.situation_graphs(EXPORTED)
    written = [networks.export(graphs[sid], folder / "networks", sid, colors=NETWORK_COLORS) for sid in EXPORTED]
    return [path for paths in written for path in sorted(paths.values())]
