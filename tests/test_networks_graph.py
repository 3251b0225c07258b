"""analysis.networks.graph: the normative graph built from hand-made tables and from the data."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest
from factories import toy_actors, toy_instruments, toy_obligations

from analysis import data, networks
from analysis.validation import ValidationError

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


# --------------------------------------------------------------------------- real data
def test_real_graph_counts(real):
    obligations, actors = data.load_obligations(), data.load_actors()
    assert real.number_of_nodes() == len(actors) + len(obligations) == 146
    assert real.number_of_edges() == len(obligations) == 115
    assert pd.Series([d["norm"] for _, d in real.nodes(data=True) if d["layer"] == "obligation"]).value_counts(
    ).to_dict() == {"POC": 59, "both": 41, "R2P": 15}
    layered = networks.normative_graph(with_instruments=True)
    assert (layered.number_of_nodes(), layered.number_of_edges()) == (197, 230)
