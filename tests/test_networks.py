"""Actor–obligation networks: hand-built graphs, metrics, situation graphs, exports, real-data facts."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from analysis import data, networks, scope
from analysis.validation import ValidationError

from conftest import situation


# --------------------------------------------------------------------------- toy data
def toy_actors() -> pd.DataFrame:
    return pd.DataFrame({
        "actor_id": ["host", "groups", "pko", "council", "court", "idle"],
        "name": ["Host / territorial State", "Armed groups", "UN mission", "UN Security Council",
                 "International Criminal Court", "Idle body"],
        "kind": ["state", "non_state_armed_group", "un_mission", "un_organ", "court", "civil_society"],
    })


def toy_obligations() -> pd.DataFrame:
    rows = [
        # obligation_id, actor, norm, level, instrument, sources
        ("host_ihl", "host", "POC", "primary", "gc", "gc-1949"),
        ("host_protect", "host", "R2P", "primary", "wso", "wso-2005"),
        ("host_punish", "host", "both", "primary", "gc", "gc-1949"),
        ("groups_ihl", "groups", "POC", "primary", "gc", "gc-1949"),
        ("pko_protect", "pko", "POC", "backup", "mandate", "res-1"),
        ("council_measures", "council", "both", "failsafe", "charter", "charter-1945"),
        ("council_r2p", "council", "R2P", "failsafe", "wso", "wso-2005"),
        ("council_poc", "council", "POC", "failsafe", "mandate", "res-1"),
        ("council_referral", "council", "both", "failsafe", "s_res_1970", "s-res-1970-2011"),
        ("court_try", "court", "both", "failsafe", "statute", "statute-1998"),
    ]
    frame = pd.DataFrame(rows, columns=["obligation_id", "actor_id", "norm", "level", "instrument_id", "sources"])
    frame["description"] = "duty " + frame["obligation_id"]
    frame["provision"] = "art 1"
    frame["r2p_pillar"] = np.where(frame["norm"] == "R2P", "I", "")
    frame["poc_tier"] = ""
    return frame


def toy_instruments() -> pd.DataFrame:
    ids = ["gc", "wso", "mandate", "charter", "s_res_1970", "statute"]
    return pd.DataFrame({"instrument_id": ids, "title": [i.upper() for i in ids], "year": [1949, 2005, 1999, 1945,
                                                                                          2011, 1998],
                         "kind": ["treaty", "outcome_document", "resolution", "treaty", "resolution", "statute"],
                         "citation": ids})


@pytest.fixture
def toy():
    return networks.normative_graph(toy_obligations(), toy_actors())


# --------------------------------------------------------------------------- the normative graph
@pytest.mark.parametrize("with_instruments, nodes, edges, layers", [
    (False, 16, 10, {0: 6, 1: 10}),
    (True, 22, 20, {0: 6, 1: 10, 2: 6}),
])
def test_toy_graph_counts(with_instruments, nodes, edges, layers):
    G = networks.normative_graph(toy_obligations(), toy_actors(), toy_instruments(),
                                 with_instruments=with_instruments)
    assert (G.number_of_nodes(), G.number_of_edges()) == (nodes, edges)
    found = pd.Series(dict(G.nodes(data="bipartite"))).value_counts().to_dict()
    assert found == layers
    assert nx.is_bipartite(networks.normative_graph(toy_obligations(), toy_actors()))


def test_toy_graph_attributes(toy):
    assert toy.nodes["actor:court"] == {"bipartite": 0, "layer": "actor", "label": "court", "actor_id": "court",
                                        "name": "International Criminal Court", "kind": "court"}
    ob = toy.nodes["obligation:host_protect"]
    assert (ob["norm"], ob["level"], ob["r2p_pillar"], ob["poc_tier"], ob["instrument"]) == (
        "R2P", "primary", "I", "", "wso")
    assert toy.edges["actor:host", "obligation:host_protect"] == {"relation": "holds", "norm": "R2P",
                                                                   "level": "primary"}
    assert toy.degree("actor:idle") == 0


def test_instrument_layer_edges():
    G = networks.normative_graph(toy_obligations(), toy_actors(), toy_instruments(), with_instruments=True)
    assert sorted(G["instrument:gc"]) == ["obligation:groups_ihl", "obligation:host_ihl", "obligation:host_punish"]
    assert G.nodes["instrument:wso"]["layer"] == "instrument" and G.nodes["instrument:wso"]["year"] == 2005
    assert G.edges["obligation:host_ihl", "instrument:gc"]["relation"] == "created_by"


def test_bad_input_lists_every_problem():
    bad = toy_obligations()
    bad.loc[0, "actor_id"] = "ghost"
    bad.loc[1, "norm"] = "R2P?"
    bad.loc[2, "level"] = "last"
    bad.loc[3, "obligation_id"] = "host_ihl"
    with pytest.raises(ValidationError) as err:
        networks.normative_graph(bad, toy_actors())
    found = {(p.line, p.column, p.value, p.rule) for p in err.value.problems}
    assert found == {
        (2, "actor_id", "ghost", "unknown actor (not in actors)"),
        (3, "norm", "R2P?", "must be one of POC, R2P, both"),
        (4, "level", "last", "must be one of primary, backup, failsafe"),
        (5, "obligation_id", "host_ihl", "duplicate id"),
    }


def test_missing_column_is_named():
    with pytest.raises(ValidationError, match="column 'level'.*required column missing"):
        networks.normative_graph(toy_obligations().drop(columns="level"), toy_actors())


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
@pytest.fixture(scope="module")
def real():
    return networks.normative_graph()


def test_real_graph_counts(real):
    obligations, actors = data.load_obligations(), data.load_actors()
    assert real.number_of_nodes() == len(actors) + len(obligations) == 146
    assert real.number_of_edges() == len(obligations) == 115
    assert pd.Series([d["norm"] for _, d in real.nodes(data=True) if d["layer"] == "obligation"]).value_counts(
    ).to_dict() == {"POC": 59, "both": 41, "R2P": 15}
    layered = networks.normative_graph(with_instruments=True)
    assert (layered.number_of_nodes(), layered.number_of_edges()) == (197, 230)


def test_real_escalation_chains(real):
    chains = networks.escalation_chains(real)
    rung = lambda norm, level: set(chains.loc[(chains.norm == norm) & (chains.level == level), "actor_id"])
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
@pytest.fixture(scope="module")
def cases():
    return networks.situation_graphs(["syr-2011", "lby-2011", "lby-2011-crackdown", "ken-2007", "ssd-2013",
                                      "prk-1948", "phl-2016-drugwar", "mmr-2008-nargis", "irq-2003"])


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


# --------------------------------------------------------------------------- exports
def test_safe_graph_converts():
    G = nx.Graph(tags=["a", "b"])
    G.add_node("x", items=["p", "q"], missing=None, nan=float("nan"), n=np.int64(3), flag=np.bool_(True))
    G.add_node("y", n="three")
    H = networks.safe_graph(G)
    assert H.graph == {"tags": "a;b"}
    assert H.nodes["x"] == {"items": "p;q", "missing": "", "nan": "", "n": "3", "flag": True}
    assert H.nodes["y"] == {"n": "three"}


def test_level_layout_is_complete_and_fixed(real):
    pos = networks.level_layout(real)
    assert set(pos) == set(real.nodes) and pos == networks.level_layout(networks.normative_graph())
    assert {x for n, (x, _) in pos.items() if n.startswith("obligation:")} == {1.0, 3.0, 5.0}


@pytest.mark.parametrize("build", ["toy", "real", "syria"])
def test_exports_round_trip(tmp_path, build, real, cases):
    G = {"toy": networks.normative_graph(toy_obligations(), toy_actors(), toy_instruments(), with_instruments=True),
         "real": real, "syria": cases["syr-2011"]}[build]
    paths = networks.export(G, tmp_path / "a", "net", heading="test")
    for reader in (nx.read_graphml, nx.read_gexf):
        back = reader(paths["graphml" if reader is nx.read_graphml else "gexf"])
        assert (back.number_of_nodes(), back.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
        for node in networks.nodes_of(G, "actor")[:3] + networks.nodes_of(G, "obligation")[:3]:
            for key in ("layer", "bipartite", "label", "actor_id", "norm", "level", "blocked"):
                if key in G.nodes[node]:
                    assert back.nodes[node][key] == G.nodes[node][key]
    nodes, edges = pd.read_csv(paths["nodes"]), pd.read_csv(paths["edges"])
    assert (len(nodes), len(edges)) == (G.number_of_nodes(), G.number_of_edges())
    assert set(nodes["id"]) == set(G.nodes)
    html = paths["html"].read_text(encoding="utf-8")
    assert all(f'"label": "{G.nodes[n]["label"]}"' in html for n in networks.nodes_of(G, "actor"))
    assert 'src="http' not in html and 'href="http' not in html
    assert "lastmodifieddate" not in paths["gexf"].read_text()
    again = networks.export(G, tmp_path / "b", "net", heading="test")
    for key, path in paths.items():
        assert path.read_bytes() == again[key].read_bytes(), key


def test_syria_export_keeps_the_block(tmp_path, cases):
    paths = networks.export(cases["syr-2011"], tmp_path, "syr")
    back = nx.read_graphml(paths["graphml"])
    assert back.nodes["actor:unsc"]["blocked"] is True
    assert back.nodes["actor:unsc"]["vetoed_drafts"].startswith("S/2011/612;")
    assert back.graph["category"] == "both"


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
