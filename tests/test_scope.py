"""The scope classifier: every rule and edge on hand-built cases, and properties."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import schema
from analysis.scope import CATEGORIES, ScopeRules, changes, classify, drivers, summary
from analysis.validation import ValidationError
from conftest import frame, situation

PEACE = dict(context="peace", conflict_type="none", civilian_violence="none")
DISTURBANCE = dict(context="internal_disturbance", conflict_type="none", civilian_violence="widespread")
REPRESSION = dict(context="institutional_repression", conflict_type="none", civilian_violence="widespread")

CASES = [
    # (label, row changes, rules, expected poc, r2p, r2p_prevention, category)
    ("armed conflict, no evidence", {}, ScopeRules(), True, False, False, "poc_only"),
    ("isolated war crimes under a court case stay POC",
     dict(war_crimes="judicial", war_crimes_scale="isolated"), ScopeRules(), True, False, True, "poc_only"),
    ("isolated war crimes count when any scale counts",
     dict(war_crimes="judicial", war_crimes_scale="isolated"), ScopeRules(war_crimes_need_systematic=False),
     True, True, False, "both"),
    ("systematic war crimes found by a UN inquiry",
     dict(war_crimes="un", war_crimes_scale="systematic"), ScopeRules(), True, True, False, "both"),
    ("ICJ provisional measures only (alleged genocide)", dict(genocide="alleged"), ScopeRules(),
     True, False, True, "poc_only"),
    ("ICJ provisional measures only, even at the NGO threshold", dict(genocide="alleged"),
     ScopeRules(r2p_evidence="ngo"), True, False, True, "poc_only"),
    ("protection mandate without armed conflict, broad", dict(PEACE, poc_missions="UNMIL"), ScopeRules(),
     True, False, False, "poc_only"),
    ("protection mandate without armed conflict, narrow", dict(PEACE, poc_missions="UNMIL"),
     ScopeRules(poc_reading="narrow"), False, False, False, "neither"),
    ("crimes against humanity in peacetime repression", dict(REPRESSION, crimes_against_humanity="un"),
     ScopeRules(), False, True, False, "r2p_only"),
    ("crimes against humanity in peacetime, judicial threshold", dict(REPRESSION, crimes_against_humanity="un"),
     ScopeRules(r2p_evidence="judicial"), False, False, True, "neither"),
    ("natural disaster", dict(PEACE), ScopeRules(), False, False, False, "neither"),
    ("natural disaster with a mission present, narrow", dict(PEACE, poc_missions="MINUSTAH"),
     ScopeRules(poc_reading="narrow"), False, False, False, "neither"),
    ("NGO-only evidence, threshold ngo", dict(DISTURBANCE, crimes_against_humanity="ngo"),
     ScopeRules(r2p_evidence="ngo"), True, True, False, "both"),
    ("NGO-only evidence, threshold un", dict(DISTURBANCE, crimes_against_humanity="ngo"),
     ScopeRules(r2p_evidence="un"), True, False, True, "poc_only"),
    ("NGO-only evidence, threshold judicial", dict(DISTURBANCE, crimes_against_humanity="ngo"),
     ScopeRules(r2p_evidence="judicial"), True, False, True, "poc_only"),
    ("widespread disturbance is POC only under the broad reading", dict(DISTURBANCE),
     ScopeRules(poc_reading="narrow"), False, False, False, "neither"),
    ("isolated violence in a disturbance is not POC", dict(DISTURBANCE, civilian_violence="isolated"),
     ScopeRules(), False, False, False, "neither"),
    ("early-warning risk only", dict(PEACE, genocide="risk"), ScopeRules(), False, False, True, "neither"),
    ("ethnic cleansing at judicial level", dict(ethnic_cleansing="judicial"), ScopeRules(r2p_evidence="judicial"),
     True, True, False, "both"),
]


@pytest.mark.parametrize("label, changes_, rules, poc, r2p, prevention, category", CASES, ids=[c[0] for c in CASES])
def test_rules(label, changes_, rules, poc, r2p, prevention, category):
    out = classify(frame(situation(**changes_)), rules)
    assert out.loc[0, ["poc", "r2p", "r2p_prevention", "category"]].tolist() == [poc, r2p, prevention, category]


@pytest.mark.parametrize("changes_, rules, reasons", [
    (dict(crimes_against_humanity="un", war_crimes="un", war_crimes_scale="systematic"), ScopeRules(),
     "POC: armed conflict (intrastate); R2P: crimes against humanity (un), war crimes (un, systematic)"),
    (dict(PEACE, poc_missions="UNOCI;UNMIL"), ScopeRules(), "POC: POC-mandated mission (UNOCI, UNMIL); R2P: none"),
    (dict(PEACE), ScopeRules(poc_reading="narrow"), "POC: none (narrow reading); R2P: none"),
    (dict(war_crimes="judicial", war_crimes_scale="isolated"), ScopeRules(),
     "POC: armed conflict (intrastate); R2P prevention: war crimes (judicial, isolated) below the un threshold "
     "or not systematic"),
    (dict(DISTURBANCE), ScopeRules(),
     "POC: internal disturbance with widespread violence against civilians; R2P: none"),
])
def test_reasons(changes_, rules, reasons):
    assert classify(frame(situation(**changes_)), rules).loc[0, "reasons"] == reasons


def test_extra_columns_kept_and_input_untouched():
    df = frame(situation(), situation(situation_id="y-2000", **PEACE))
    df["my_column"] = ["a", "b"]
    before = df.copy()
    out = classify(df)
    pd.testing.assert_frame_equal(df, before)
    assert list(out.columns) == list(df.columns) + ["poc", "r2p", "r2p_prevention", "category", "reasons"]
    assert out["my_column"].tolist() == ["a", "b"]


@pytest.mark.parametrize("changes_, column, rule", [
    (dict(context="war"), "context", "must be one of"),
    (dict(context="peace"), "conflict_type", "must be 'none' when context is not armed_conflict"),
    (dict(PEACE, war_crimes="un", war_crimes_scale="isolated"), "war_crimes", "war crimes need an armed conflict"),
    (dict(genocide="proven"), "genocide", "must be one of"),
    (dict(start_year="2005", end_year="2001"), "end_year", "must not be before start_year"),
    (dict(gwno="484", iso3="COD"), "gwno", "does not match the ISO3 code"),
])
def test_bad_input_is_refused_with_located_errors(changes_, column, rule):
    with pytest.raises(ValidationError) as err:
        classify(frame(situation(**changes_)))
    problems = [p for p in err.value.problems if p.column == column]
    assert problems and rule in problems[0].rule and problems[0].line == 2


def test_missing_column_is_refused():
    with pytest.raises(ValidationError, match="required column is missing"):
        classify(frame(situation()).drop(columns="war_crimes_scale"))


def test_summary_and_changes_on_hand_built_data():
    df = frame(situation(situation_id="a-2000"),
               situation(situation_id="b-2000", **dict(PEACE, poc_missions="UNMIL")),
               situation(situation_id="c-2000", **dict(REPRESSION, crimes_against_humanity="un")),
               situation(situation_id="d-2000", **PEACE))
    table = summary(classify(df))
    assert table.loc[0, list(CATEGORIES)].tolist() == [0, 2, 1, 1]
    assert table.loc[0, "share_poc_only"] == 0.5
    moved = changes(df, ScopeRules(), ScopeRules(poc_reading="narrow"))
    assert moved[["situation_id", "category_before", "category_after"]].values.tolist() == [
        ["b-2000", "poc_only", "neither"]]
    counts = drivers(df)
    assert counts.loc["poc_only", "POC: mission"] == 1
    assert counts.loc["r2p_only", "R2P: crimes against humanity"] == 1


def test_rules_are_checked():
    with pytest.raises(ValueError, match="r2p_evidence"):
        ScopeRules(r2p_evidence="media")
    assert len(ScopeRules.grid()) == 12


# ----------------------------------------------------------------------------- properties
def _row(draw_context, draw_tiers, scale, violence, mission, i):
    context = draw_context
    row = situation(situation_id=f"s-{i}", context=context, civilian_violence=violence,
                    conflict_type="intrastate" if context == "armed_conflict" else "none",
                    poc_missions="UNMIL" if mission else "")
    for crime, tier in zip(schema.CRIMES, draw_tiers):
        row[crime] = tier
    if context != "armed_conflict":
        row["war_crimes"] = "none"
    row["war_crimes_scale"] = "none" if row["war_crimes"] == "none" else scale
    return row


rows_strategy = st.lists(
    st.tuples(st.sampled_from(schema.CONTEXTS), st.tuples(*[st.sampled_from(schema.TIERS)] * 4),
              st.sampled_from(("isolated", "systematic")), st.sampled_from(schema.VIOLENCE), st.booleans()),
    min_size=1, max_size=30)


def _frame(draws):
    return frame(*[_row(c, t, s, v, m, i) for i, (c, t, s, v, m) in enumerate(draws)])


@settings(max_examples=60, deadline=None)
@given(rows_strategy, st.sampled_from(("broad", "narrow")), st.booleans())
def test_raising_the_threshold_never_adds_r2p(draws, reading, systematic):
    df = _frame(draws)
    previous = None
    for evidence in ("ngo", "un", "judicial"):
        r2p = classify(df, ScopeRules(reading, evidence, systematic))["r2p"]
        if previous is not None:
            assert not (r2p & ~previous).any()
        previous = r2p


@settings(max_examples=60, deadline=None)
@given(rows_strategy, st.sampled_from(("ngo", "un", "judicial")), st.booleans())
def test_broad_poc_contains_narrow_poc(draws, evidence, systematic):
    df = _frame(draws)
    broad = classify(df, ScopeRules("broad", evidence, systematic))["poc"]
    narrow = classify(df, ScopeRules("narrow", evidence, systematic))["poc"]
    assert not (narrow & ~broad).any()


@settings(max_examples=60, deadline=None)
@given(rows_strategy, st.sampled_from(ScopeRules.grid()))
def test_category_agrees_with_poc_and_r2p_and_input_is_not_mutated(draws, rules):
    df = _frame(draws)
    before = df.copy()
    out = classify(df, rules)
    pd.testing.assert_frame_equal(df, before)
    expected = [("both" if p and r else "poc_only" if p else "r2p_only" if r else "neither")
                for p, r in zip(out["poc"], out["r2p"])]
    assert out["category"].tolist() == expected
    assert not (out["r2p"] & out["r2p_prevention"]).any()
