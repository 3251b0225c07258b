"""The data card of data/council (analysis.council_card): its statements hold for the committed
tables, and the committed tables and card equal a rebuild from the texts (when present)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import council, council_card
from analysis.external import load, unsc


def test_card_states_which_rule_matches_which_published_count():
    card = (council.OUT / "README.md").read_text(encoding="utf-8")
    assert "r2p_literal reproduces the counts published for the end of 2024 (93) and of 2025 (97)" in card
    assert "81" in card and unsc.UNXML_COMMIT in card


def test_card_counts_are_the_tables_counts():
    tables = council.Council(council.load("resolutions"), council.load("statements"), council.load("drafts"),
                             council.load("sentences"))
    counts = council_card._flag_counts(tables)
    card = (council.OUT / "README.md").read_text(encoding="utf-8")
    assert council_card._md(counts) in card
    assert isinstance(counts, pd.DataFrame) and counts["rows"].tolist() == [len(t) for t in
                                                                           (tables.resolutions, tables.statements,
                                                                            tables.drafts)]


@pytest.mark.skipif(unsc.folder() is None, reason="unsc_texts absent: run 'DATA_MIRROR=... make data'")
def test_committed_tables_and_card_equal_a_rebuild(tmp_path):
    vetoes = load.load("unsc_vetoes")
    tables = council.build(vetoes=vetoes)
    council.write(tables, tmp_path)
    council_card.write_card(tables, vetoes, tmp_path)
    for name in ("resolutions.csv", "statements.csv", "drafts.csv", "sentences.csv", "README.md"):
        assert (tmp_path / name).read_bytes() == (council.OUT / name).read_bytes(), name
