"""analysis.networks.metrics: overlap, centrality, projection, escalation chains, convergence."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from analysis import networks

# --------------------------------------------------------------------------- metrics on the toy


@pytest.mark.parametrize("actor, poc_only, r2p_only, both, jaccard", [
    ("host", 1, 1, 1, 1 / 3),
    ("council", 1, 1, 2, 0.5),
    ("court", 0, 0, 1, 1.0),
    ("pko", 1, 0, 0, 0.0),
    ("groups", 1, 0, 0, 0.0),
])
def test_overlap_counts_and_jaccard(toy, actor, poc_only, r2p_only, both, jaccard):
    row = networks.actor_overlap(toy).set_index("actor_id").loc[actor]
    assert (row["poc_only"], row["r2p_only"], row["both"]) == (poc_only, r2p_only, both)
    assert (row["poc"], row["r2p"]) == (poc_only + both, r2p_only + both)
    assert row["jaccard"] == pytest.approx(jaccard)


def test_overlap_of_actor_without_obligations_is_undefined(toy):
    row = networks.actor_overlap(toy).set_index("actor_id").loc["idle"]
    assert row["total"] == 0 and np.isnan(row["jaccard"])


def test_escalation_chains_toy(toy):
    chains = networks.escalation_chains(toy)
    got = {(r.norm, r.level): sorted(chains.loc[(chains.norm == r.norm) & (chains.level == r.level), "actor_id"])
           for r in chains.itertuples()}
    assert got == {
        ("POC", "primary"): ["groups", "host"], ("POC", "backup"): ["pko"], ("POC", "failsafe"): ["council", "court"],
        ("R2P", "primary"): ["host"], ("R2P", "failsafe"): ["council", "court"],
    }
    council = chains[(chains.actor_id == "council") & (chains.norm == "POC")].iloc[0]
    assert (council["rung"], council["obligations"], council["shared"]) == (3, 3, 2)


def test_convergence_toy(toy):
    table = networks.convergence(toy)
    assert table[["level", "actor_id", "poc", "r2p", "shared", "separate"]].values.tolist() == [
        ["failsafe", "council", 3, 3, 2, True],
        ["failsafe", "court", 1, 1, 1, False],
    ]
    assert table["poc_share"].tolist() == [0.75, 0.25] and table["r2p_share"].tolist() == [0.75, 0.25]
    primary = networks.convergence(toy, levels=("primary",))
    assert primary[["actor_id", "separate"]].values.tolist() == [["host", True]]
    with pytest.raises(ValueError, match="levels must be among"):
        networks.convergence(toy, levels=("top",))


def test_projection_and_centrality_toy(toy):
    P = networks.actor_projection(toy)
    assert sorted((u, v, d["weight"], d["instruments"]) for u, v, d in P.edges(data=True)) == [
        ("actor:council", "actor:host", 1, "wso"), ("actor:council", "actor:pko", 1, "mandate"),
        ("actor:groups", "actor:host", 1, "gc"),
    ]
    assert sorted(networks.actor_projection(toy, norm="R2P").edges) == [("actor:council", "actor:host")]
    # each obligation has one holder: the literal projection through obligation nodes is empty
    assert nx.bipartite.projected_graph(toy, networks.nodes_of(toy, "actor")).number_of_edges() == 0
    table = networks.centrality(toy).set_index("actor_id")
    assert table.loc["council", "obligations"] == 4 and table.loc["council", "instruments"] == 4
    assert table.loc["council", "degree_centrality"] == pytest.approx(0.4)
    assert table["betweenness"].idxmax() in {"council", "host"}
    with pytest.raises(ValueError, match="norm must be"):
        networks.actor_projection(toy, norm="poc")


# --------------------------------------------------------------------------- real data
def test_real_escalation_chains(real):
    chains = networks.escalation_chains(real)

    def rung(norm, level):
        return set(chains.loc[(chains.norm == norm) & (chains.level == level), "actor_id"])

    assert rung("POC", "primary") == {"host_state", "nsag", "un_pko", "foreign_state_party"}
    assert rung("R2P", "primary") == {"host_state", "nsag"}
    assert rung("R2P", "failsafe") == {"unsc", "ad_hoc_tribunals", "icc", "icj", "ecowas", "nato", "third_states",
                                       "unga", "au"}
    assert rung("POC", "failsafe") == rung("R2P", "failsafe") - {"au"}


def test_real_convergence_the_council_claim(real):
    """'In the worst cases both norms look to the Security Council', computed from obligations.csv.

    Eight actors hold failsafe duties under both norms, but seven of them only through duties coded
    'both'; the Security Council is the one actor that each norm's own instruments put at the failsafe
    rung, and it holds 18 of the 27 POC and 12 of the 23 R2P failsafe duties.
    """
    table = networks.convergence(real)
    failsafe = table[table.level == "failsafe"]
    assert failsafe["actor_id"].tolist() == ["unsc", "ad_hoc_tribunals", "icc", "icj", "ecowas", "nato",
                                             "third_states", "unga"]
    assert failsafe.loc[failsafe.separate, "actor_id"].tolist() == ["unsc"]
    unsc = failsafe.iloc[0]
    assert (unsc["poc"], unsc["r2p"], unsc["shared"], unsc["poc_only"], unsc["r2p_only"]) == (18, 12, 10, 8, 2)
    assert (unsc["poc_share"], unsc["r2p_share"]) == (round(18 / 27, 4), round(12 / 23, 4))
    backup = table[table.level == "backup"]
    assert set(backup["actor_id"]) == {"third_states", "unsg", "civil_society", "hrc", "un_secretariat", "au",
                                       "coi_ffm", "eu", "nhri", "ohchr", "states_parties_icc"}
    assert backup.loc[backup.separate, "actor_id"].tolist() == ["third_states"]


def test_real_overlap_and_projection(real):
    overlap = networks.actor_overlap(real).set_index("actor_id")
    assert overlap.loc["host_state", ["poc_only", "r2p_only", "both"]].tolist() == [14, 4, 5]
    assert overlap.loc["unsc", "jaccard"] == 0.5
    assert overlap.loc["un_pko", "jaccard"] == 0.0
    P = networks.actor_projection(real)
    assert P["actor:host_state"]["actor:nsag"] == {
        "weight": 6, "instruments": "ap_ii;gc_iv;opac;rome_statute;s_res_2417;s_res_2573"}
    assert networks.centrality(real)["actor_id"].tolist()[:2] == ["host_state", "unsc"]
