"""analysis.datacards: the committed data/external/README.md is the generated cards."""

from __future__ import annotations

from analysis import datacards, paths
from analysis.external.registry import REGISTRY


def test_data_cards_are_the_committed_readme():
    """data/external/README.md is the generated data cards, one per registered dataset."""
    text = (paths.DATA_EXTERNAL / "README.md").read_text(encoding="utf-8")
    assert text == datacards.data_cards()
    assert text.count("\n## ") == len(REGISTRY)
    assert "- **Cite:** gleditsch2002armed, davies2025organized" in datacards.data_card("ucdp_acd")
