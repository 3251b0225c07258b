"""Inter-coder reliability: exact values on hand-built codings and on the committed sample."""

import math

import pandas as pd
import pytest
import regression

from analysis import data, paths, reliability, scope


def test_agreement_on_hand_built_codings():
    first = pd.DataFrame({"situation_id": ["a", "b", "c", "d"], "context": ["peace"] * 2 + ["armed_conflict"] * 2,
                          "poc_missions": ["X;Y", "", "", "Z"]})
    second = first.assign(context=["peace", "armed_conflict", "armed_conflict", "armed_conflict"],
                          poc_missions=["Y;X", "", "", ""])
    table = reliability.agreement(first, second, columns=["context", "poc_missions"]).set_index("column")
    assert table.loc["context", ["n", "agree", "share_agree"]].tolist() == [4, 3, 0.75]
    assert table.loc["context", "kappa"] == 0.5          # p_o = .75, p_e = .5
    assert table.loc["poc_missions", "agree"] == 3       # missions compared as sets: "X;Y" equals "Y;X"
    assert table.loc["context", "level"] == "nominal"


def test_alpha_is_nan_without_variation_and_ordinal_for_tiers():
    first = pd.DataFrame({"situation_id": ["a", "b"], "genocide": ["none", "none"]})
    row = reliability.agreement(first, first, columns=["genocide"]).iloc[0]
    assert row["level"] == "ordinal" and row["share_agree"] == 1.0 and math.isnan(row["alpha"])


def test_sample_is_the_seeded_draw_from_the_situations_it_was_drawn_from():
    first = reliability.read("first_coding")
    second = reliability.read("second_coding")
    assert len(first) == reliability.SAMPLE_SIZE == 40
    assert sorted(second["situation_id"]) == first["situation_id"].tolist()
    changelog = paths.DATA / "changelog.csv"
    ids = set(data.load_situations()["situation_id"])
    if changelog.exists():  # situations added since the draw are not part of the population it was drawn from
        added = pd.read_csv(changelog, dtype=str).query("column == '*'")["situation_id"]
        ids -= set(added)
    assert reliability.draw_sample(ids) == first["situation_id"].tolist()


def test_committed_sample_statistics():
    """The published reliability figures (data card, notebook 06) are these."""
    table = reliability.agreement(reliability.read("first_coding"), reliability.read("second_coding"))
    table = table.set_index("column")
    assert table["agree"].to_dict() == {
        "context": 40, "conflict_type": 39, "civilian_violence": 38, "poc_missions": 40, "genocide": 40,
        "crimes_against_humanity": 26, "war_crimes": 33, "ethnic_cleansing": 39, "war_crimes_scale": 31}
    assert table.loc["crimes_against_humanity", "alpha"] == pytest.approx(0.7387)
    assert table.loc["war_crimes", "kappa"] == pytest.approx(0.7574)


def test_category_agreement_under_two_readings():
    situations = data.load_situations()
    first, second = reliability.read("first_coding"), reliability.read("second_coding")
    table = reliability.category_agreement(situations, first, second,
                                           readings=[scope.ScopeRules(), scope.ScopeRules(r2p_evidence="ngo")])
    assert table["agree"].tolist() == regression.RELIABILITY_CATEGORY_AGREE
    assert table["kappa"].tolist() == regression.RELIABILITY_CATEGORY_KAPPA


def test_data_card_holds_the_reliability_table():
    text = (paths.DATA / "README.md").read_text(encoding="utf-8")
    assert reliability.card() in text
