"""analysis.networks.export: storable attributes, the level layout, GraphML/GEXF/CSV/HTML exports."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from factories import toy_actors, toy_instruments, toy_obligations

from analysis import networks
from analysis.style import NETWORK_COLORS

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
    paths = networks.export(G, tmp_path / "a", "net", colors=NETWORK_COLORS, heading="test")
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
    again = networks.export(G, tmp_path / "b", "net", colors=NETWORK_COLORS, heading="test")
    for key, path in paths.items():
        assert path.read_bytes() == again[key].read_bytes(), key


def test_syria_export_keeps_the_block(tmp_path, cases):
    paths = networks.export(cases["syr-2011"], tmp_path, "syr", colors=NETWORK_COLORS)
    back = nx.read_graphml(paths["graphml"])
    assert back.nodes["actor:unsc"]["blocked"] is True
    assert back.nodes["actor:unsc"]["vetoed_drafts"].startswith("S/2011/612;")
    assert back.graph["category"] == "both"
