"""analysis.networks.situations: situation actors, situation graphs, activation counts."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from factories import toy_actors, toy_obligations

from analysis import data, networks, scope
from conftest import situation


# --------------------------------------------------------------------------- situation graphs on toy data
def toy_tables(cite_referral: bool = True) -> dict:
    row = situation(situation_id="x-2011", iso3="SYR", gwno=652, start_year=2011, end_year=2012,
                    crimes_against_humanity="un", poc_missions="UNMX",
                    sources="icc-x;s-res-1970-2011" if cite_referral else "icc-x")
    row["ucdp_conflict_ids"] = "7"
    quiet = situation(situation_id="y-2000", iso3="SYR", gwno=652, start_year=2000, end_year=2000,
                      context="peace", conflict_type="none", civilian_violence="none", sources="icc-x")
    quiet["ucdp_conflict_ids"] = ""
    situations = data.typed(pd.DataFrame([row, quiet]), data.schema.SITUATIONS)
    acd = pd.DataFrame({"conflict_id": [7, 7, 7], "year": [2011, 2012, 2013],
                        "side_a": ["Government of Syria"] * 3, "side_b": ["A, B", "B , C", "D"],
                        "gwno_a": ["652"] * 3, "gwno_b": [np.nan] * 3})
    vetoes = pd.DataFrame({"year": [2012, 2015, 2012], "date": pd.to_datetime(["2012-01-01"] * 3),
                           "draft": ["S/2012/1", "S/2015/9", "S/2012/2"], "agenda_item": ["X", "X", "Y"],
                           "iso3": ["SYR", "SYR", "LBY"], "gwno": [652, 652, 620], "vetoing": ["China;Russia"] * 3})
    sources = pd.DataFrame({"source_id": ["icc-x", "s-res-1970-2011"], "kind": ["court", "un_document"],
                            "citation": ["ICC, warrant of arrest", "S/RES/1970 (2011)"],
                            "title": ["Warrant", "Referral to the ICC Prosecutor"]})
    missions = pd.DataFrame({"acronym": ["UNMX"], "name": ["UN Mission in X"]})
    return dict(situations=situations, actors=toy_actors(), obligations=toy_obligations(), missions=missions,
                sources=sources, acd=acd, vetoes=vetoes)


# 7 actors (host, 3 armed groups, mission, Council, ICC); edges: host + 3 x groups + pko + council + court




@pytest.mark.parametrize("rules, cite, category, nodes, edges", [
    (scope.ScopeRules(), True, "both", 7 + 10, 3 + 3 * 1 + 1 + 4 + 1),
    (scope.ScopeRules(), False, "both", 7 + 9, 3 + 3 * 1 + 1 + 3 + 1),  # referral not cited: not activated
    (scope.ScopeRules(r2p_evidence="judicial"), True, "poc_only", 7 + 8, 2 + 3 * 1 + 1 + 3 + 1),
])
def test_toy_situation_graph_counts(rules, cite, category, nodes, edges):
    G = networks.situation_graph("x-2011", rules=rules, **toy_tables(cite))
    assert G.graph["category"] == category
    assert (G.number_of_nodes(), G.number_of_edges()) == (nodes, edges)
    assert ("obligation:council_referral" in G) is cite


def test_toy_situation_actors():
    table = networks.situation_actors("x-2011", **toy_tables())
    assert table[["node", "actor_id", "name"]].values.tolist() == [
        ["actor:host:SYR", "host", "Syria"], ["actor:groups:a", "groups", "A"], ["actor:groups:b", "groups", "B"],
        ["actor:groups:c", "groups", "C"], ["actor:pko:unmx", "pko", "UNMX"],
        ["actor:council", "council", "UN Security Council"], ["actor:court", "court", "International Criminal Court"],
    ]
    council = table.set_index("node").loc["actor:council"]
    assert (council["blocked"], council["vetoed_drafts"], council["vetoing"], council["resolutions"]) == (
        True, "S/2012/1", "China;Russia", "S/RES/1970 (2011)")
    assert table.set_index("node").loc["actor:court", "evidence"] == "sources icc-x;s-res-1970-2011"


def test_toy_neither_keeps_actors_without_obligations():
    G = networks.situation_graph("y-2000", **toy_tables())
    assert G.graph["category"] == "neither"
    assert networks.nodes_of(G, "actor") == ["actor:council", "actor:court", "actor:host:SYR"]
    assert G.number_of_edges() == 0 and not G.nodes["actor:council"]["blocked"]


def test_toy_activation_counts():
    tables = toy_tables()
    table = networks.activation_counts(tables.pop("situations"), **tables)
    assert table[["actor_id", "present", "both", "poc_only", "r2p_only", "activated", "blocked"]].values.tolist() == [
        ["council", 2, 1, 0, 0, 1, 1], ["court", 2, 1, 0, 0, 1, 0], ["host", 2, 1, 0, 0, 1, 0],
        ["groups", 1, 1, 0, 0, 1, 0], ["pko", 1, 1, 0, 0, 1, 0],
    ]


def test_unknown_situation():
    with pytest.raises(KeyError, match="situation 'nowhere-1' is not in"):
        networks.situation_graph("nowhere-1", **toy_tables())


# --------------------------------------------------------------------------- situation graphs on real data
def actor_ids(G):
    return {G.nodes[n]["actor_id"] for n in networks.nodes_of(G, "actor")}


def test_syria_council_blocked(cases):
    G = cases["syr-2011"]
    council = G.nodes["actor:unsc"]
    assert council["blocked"] is True and council["vetoing"] == "China;Russia"
    drafts = council["vetoed_drafts"].split(";")
    assert len(drafts) == 17 and {"S/2011/612", "S/2014/348"} <= set(drafts)
    assert all(G.edges[e]["blocked"] for e in G.edges("actor:unsc"))
    assert not any(G.edges[e]["blocked"] for e in G.edges("actor:host_state:SYR"))
    assert {G.nodes[n]["name"] for n in networks.nodes_of(G, "actor") if G.nodes[n]["actor_id"] == "nsag"} == {
        "IS", "PYD", "SDF", "Syrian insurgents"}
    assert "icc" not in actor_ids(G)  # the referral draft S/2014/348 was vetoed
    assert (G.graph["category"], G.number_of_nodes(), G.number_of_edges()) == ("both", 50, 65)


def test_libya_icc_and_referral(cases):
    crackdown = cases["lby-2011-crackdown"]
    assert "icc" in actor_ids(crackdown)
    assert crackdown.nodes["actor:unsc"]["resolutions"] == "S/RES/1970 (2011)"
    assert "obligation:unsc_icc_referral_libya" in crackdown
    assert "obligation:unsc_authorise_force_libya" not in crackdown  # S/RES/1973 is not cited
    assert "obligation:unsc_icc_referral_darfur" not in crackdown
    war = cases["lby-2011"]
    # the war row cites the referral (S/RES/1970) and the authorisation of force (S/RES/1973)
    assert actor_ids(war) == {"host_state", "nsag", "unsc", "icc"}
    assert war.nodes["actor:unsc"]["resolutions"] == "S/RES/1970 (2011);S/RES/1973 (2011)"
    assert {"obligation:unsc_icc_referral_libya", "obligation:unsc_authorise_force_libya"} <= set(war)
    assert {war.nodes[n]["name"] for n in networks.nodes_of(war, "actor")} == {
        "Libya", "Forces of Muammar Gaddafi", "NTC", "UN Security Council", "International Criminal Court"}


@pytest.mark.parametrize("sid, expected", [
    ("ken-2007", {"host_state", "unsc", "icc"}),
    ("ssd-2013", {"host_state", "nsag", "un_pko", "au", "unsc"}),
    ("phl-2016-drugwar", {"host_state", "unsc", "icc"}),
    ("prk-1948", {"host_state", "unsc"}),
    ("mmr-2008-nargis", {"host_state", "unsc"}),
])
def test_actors_present(cases, sid, expected):
    assert actor_ids(cases[sid]) == expected


def test_r2p_only_activates_no_poc_only_duty(cases):
    for sid in ("prk-1948", "phl-2016-drugwar"):
        G = cases[sid]
        assert G.graph["category"] == "r2p_only"
        norms = {d["norm"] for _, d in G.nodes(data=True) if d["layer"] == "obligation"}
        assert norms == {"R2P", "both"}
    # the 2022 DPRK draft vetoed (S/2022/431) was on non-proliferation, not on the protection situation
    council = cases["prk-1948"].nodes["actor:unsc"]
    assert council["vetoed_drafts"] == "" and council["blocked"] is False


def test_neither_and_foreign_state_parties(cases):
    nargis = cases["mmr-2008-nargis"]
    assert nargis.graph["category"] == "neither" and nargis.number_of_edges() == 0
    iraq = cases["irq-2003"]
    foreign = [n for n in networks.nodes_of(iraq, "actor") if iraq.nodes[n]["actor_id"] == "foreign_state_party"]
    assert sorted(iraq.nodes[n]["name"] for n in foreign) == [
        "Government of Australia", "Government of United Kingdom", "Government of United States of America"]
    # each foreign belligerent holds the four IHL duties of a party (both categories activate POC duties)
    assert iraq.graph["category"] in ("both", "poc_only")
    assert all(iraq.degree(n) == 4 for n in foreign)


def test_real_activation_counts():
    classified = scope.classify(data.load_situations())
    table = networks.activation_counts(classified).set_index("actor_id")
    active = int((classified["category"] != "neither").sum())
    for actor in ("host_state", "unsc"):
        assert table.loc[actor, "present"] == len(classified)
        assert table.loc[actor, "activated"] == active
    assert table.loc["unsc", "blocked"] > 0 and table.loc["host_state", "blocked"] == 0
    assert table.loc["nsag", "r2p_only"] == 0  # armed groups come from UCDP conflicts: never in r2p_only rows
    assert table["activated"].is_monotonic_decreasing


@pytest.mark.parametrize("sid, occupier", [("pse-2014-gaza", "Government of Israel"),
                                           ("esh-1975", "Government of Morocco"),
                                           ("tls-1975", "Government of Indonesia")])
def test_an_occupying_state_is_a_party_not_the_host(sid, occupier):
    table = networks.situation_actors(sid)
    row = table[table["name"] == occupier]
    assert row["actor_id"].tolist() == ["foreign_state_party"]
    assert table.loc[table["actor_id"] == "host_state", "name"].item() != occupier


@pytest.mark.parametrize("sid, blocked", [("irn-1979-kurdistan", False), ("ago-1975-cabinda", False),
                                          ("ago-1975", True), ("syr-2011", True)])
def test_vetoes_on_another_matter_do_not_block(sid, blocked):
    council = networks.situation_actors(sid).set_index("actor_id").loc["unsc"]
    assert bool(council["blocked"]) is blocked


def test_preclassified_situations_are_labelled_as_such():
    classified = scope.classify(data.load_situations())
    G = networks.situation_graph("ken-2007", rules=scope.ScopeRules("narrow", "judicial"), situations=classified)
    assert (G.graph["category"], G.graph["rules"]) == ("both", "as classified by the caller")
    G = networks.situation_graph("ken-2007", rules=scope.ScopeRules("narrow", "judicial"))
    assert (G.graph["category"], G.graph["rules"]) == ("r2p_only", "POC narrow; R2P evidence >= judicial; "
                                                                   "war crimes systematic only")


# --------------------------------------------------------------------------- the Council: acted / blocked / silent
def toy_council() -> dict:
    resolutions = pd.DataFrame({"symbol": ["S/RES/1 (2011)", "S/RES/2 (2012)", "S/RES/3 (2020)"],
                                "year": [2011, 2012, 2020], "agenda": ["X", "X", "X"],
                                "countries_iso3": ["SYR", "SYR; LBN", "SYR"],
                                "icc_referral": [True, False, False], "poc_mandate": [False, True, False]})
    drafts = pd.DataFrame({"symbol": ["S/2012/5", "S/2000/1"], "year": [2012, 2000], "agenda": ["X", "X"],
                           "countries_iso3": ["SYR", "SYR"], "vetoed_by": ["Russian Federation", ""],
                           "poc": [True, False]})
    return {"resolutions": resolutions, "drafts": drafts}


def test_toy_council_status():
    tables = toy_tables()
    table = networks.situation_actors("x-2011", council=toy_council(), **tables).set_index("node")
    council = table.loc["actor:council"]
    assert council[["status", "status_evidence", "council_resolutions", "council_flags", "council_vetoed"]].tolist() \
        == ["blocked", "2 vetoed draft(s), 2 resolution(s) on SYR 2011-2012", "S/RES/1 (2011);S/RES/2 (2012)",
            "S/RES/1 (2011): icc_referral; S/RES/2 (2012): poc_mandate", "S/2012/1;S/2012/5"]
    assert table.loc["actor:court", ["status", "status_evidence"]].tolist() == [
        "acted", "Council referral S/RES/1 (2011)"]
    assert table.loc["actor:pko:unmx", ["status", "status_evidence"]].tolist() == [
        "acted", "POC mandate(s) on SYR: S/RES/2 (2012)"]
    assert (table.loc[["actor:host:SYR", "actor:groups:a"], "status"] == "").all()
    quiet = networks.situation_graph("y-2000", council=toy_council(), **tables)
    assert quiet.graph["council_status"] == "silent"
    assert quiet.nodes["actor:council"]["status_evidence"] == "no resolution or vetoed draft on SYR 2000-2000"
    assert quiet.nodes["actor:court"]["status_evidence"] == "own proceedings (named by the cited sources)"


def test_toy_council_status_keeps_the_graph():
    with_council = networks.situation_graph("x-2011", council=toy_council(), **toy_tables())
    empty = {name: frame.iloc[:0] for name, frame in toy_council().items()}
    without = networks.situation_graph("x-2011", council=empty, **toy_tables())
    assert sorted(with_council.edges) == sorted(without.edges)
    assert without.graph["council_status"] == "blocked"  # the veto list alone (S/2012/1)


def test_libya_council_acted(cases):
    council = cases["lby-2011"].nodes["actor:unsc"]
    assert cases["lby-2011"].graph["council_status"] == council["status"] == "acted"
    assert council["council_resolutions"] == ("S/RES/1970 (2011);S/RES/1973 (2011);S/RES/2009 (2011);"
                                              "S/RES/2016 (2011);S/RES/2017 (2011);S/RES/2022 (2011)")
    flags = dict(item.split(": ") for item in council["council_flags"].split("; S/"))
    assert "icc_referral" in flags["S/RES/1970 (2011)"].split(", ")
    assert {"poc_mandate", "use_of_force", "chapter_vii"} <= set(flags["RES/1973 (2011)"].split(", "))
    assert council["council_vetoed"] == ""
    icc = cases["lby-2011"].nodes["actor:icc"]
    assert (icc["status"], icc["status_evidence"]) == ("acted", "Council referral S/RES/1970 (2011)")


def test_syria_council_blocked_by_its_records(cases):
    council = cases["syr-2011"].nodes["actor:unsc"]
    assert council["status"] == "blocked"
    vetoed = council["council_vetoed"].split(";")
    # the veto list's 17 drafts and the 2023 draft on cross-border aid from the Council's own tables
    assert len(vetoed) == 18 and set(council["vetoed_drafts"].split(";")) | {"S/2023/506"} == set(vetoed)
    assert "S/RES/2118 (2013)" in council["council_resolutions"].split(";")


@pytest.mark.parametrize("sid, status", [("ken-2007", "silent"), ("mmr-2008-nargis", "silent"),
                                         ("prk-1948", "silent"), ("phl-2016-drugwar", "silent"),
                                         ("ssd-2013", "acted")])
def test_council_status(cases, sid, status):
    assert cases[sid].graph["council_status"] == status


def test_darfur_referral_and_mandates():
    G = networks.situation_graph("sdn-2003-darfur")
    assert G.graph["council_status"] == "acted"
    assert G.nodes["actor:icc"]["status_evidence"] == "Council referral S/RES/1593 (2005)"
    assert G.nodes["actor:un_pko:unamid"]["status_evidence"].startswith(
        "POC mandate(s) on SDN: S/RES/1590 (2005);S/RES/1706 (2006);S/RES/1769 (2007)")
