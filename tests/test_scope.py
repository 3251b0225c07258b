"""The scope classifier: every rule and edge on hand-built cases, and properties."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import schema
from analysis.scope import (
    CATEGORIES,
    POC_INPUTS,
    POC_READINGS,
    R2P_INPUTS,
    R2P_THRESHOLDS,
    RESULT_COLUMNS,
    ScopeRules,
    category,
    changes,
    classify,
    drivers,
    poc_rule,
    r2p_rule,
    rule_masks,
    summary,
    with_civilian_deaths,
)
from analysis.validation import ValidationError
from benchmarks import scope_v1
from conftest import BASE_ROW, frame, situation

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
    with pytest.raises(ValueError, match="r2p_evidence must be one of judicial, un, ngo, not 'alleged'"):
        ScopeRules(r2p_evidence="alleged")


def test_thresholds_are_the_tiers_from_ngo_up_strongest_first():
    assert R2P_THRESHOLDS == tuple(t for t in reversed(schema.TIERS) if schema.TIER_RANK[t] >= schema.TIER_RANK["ngo"])
    assert R2P_THRESHOLDS[0] == schema.TIERS[-1] and not {"none", "risk", "alleged"} & set(R2P_THRESHOLDS)


def test_the_grid_is_every_reading_once_default_included():
    grid = ScopeRules.grid()
    assert len(grid) == len(set(grid)) == len(POC_READINGS) * len(R2P_THRESHOLDS) * 2 == 12
    assert ScopeRules() in grid
    assert [r.as_dict() for r in grid[:2]] == [
        dict(poc_reading="broad", r2p_evidence="judicial", war_crimes_need_systematic=True,
             mass_violence_min_deaths=None),
        dict(poc_reading="broad", r2p_evidence="judicial", war_crimes_need_systematic=False,
             mass_violence_min_deaths=None)]


def test_category_names_each_pair_of_verdicts_in_category_order():
    assert [category(p, r) for p, r in ((True, True), (True, False), (False, True), (False, False))] == list(CATEGORIES)


# ----------------------------------------------------------------------------- the rules, one call
def test_poc_rule_reads_like_the_codebook():
    narrow = ScopeRules(poc_reading="narrow")
    assert poc_rule("armed_conflict", "occupation", "none", "", narrow) == (
        True, "POC: armed conflict (occupation)", ("armed_conflict",), False)
    assert poc_rule("internal_disturbance", "none", "widespread", "UNMIL") == (
        True, "POC: POC-mandated mission (UNMIL), internal disturbance with widespread violence against civilians",
        ("mission", "disturbance"), False)
    assert poc_rule("internal_disturbance", "none", "widespread", "UNMIL", narrow).applies is False
    assert poc_rule("internal_disturbance", "none", "isolated", " ").reason == "POC: none (broad reading)"


def test_r2p_rule_reads_like_the_codebook():
    assert r2p_rule("judicial", "none", "none", "ngo", "none", ScopeRules(r2p_evidence="ngo")) == (
        True, "R2P: genocide (judicial), ethnic cleansing (ngo)", ("genocide", "ethnic_cleansing"), False)
    assert r2p_rule("risk", "alleged", "none", "none", "none", ScopeRules(r2p_evidence="ngo")) == (
        False, "R2P prevention: genocide (risk), crimes against humanity (alleged) below the ngo threshold", (), True)
    assert r2p_rule("none", "none", "none", "none", "none") == (False, "R2P: none", (), False)


def test_rule_masks_and_drivers_are_read_off_the_rules():
    df = frame(situation(situation_id="a-2000", poc_missions="UNMIL", war_crimes="un", war_crimes_scale="isolated"),
               situation(situation_id="b-2000", **dict(DISTURBANCE, genocide="judicial")))
    for rules in ScopeRules.grid():
        masks = rule_masks(df, rules)
        for i, row in df.iterrows():
            poc = poc_rule(*row[list(POC_INPUTS)], rules)
            r2p = r2p_rule(*row[list(R2P_INPUTS)], rules)
            fired = {k for k in masks if k != "any_evidence" and masks[k][i]}
            assert fired == set(poc.fired) | set(r2p.fired)
            assert masks["any_evidence"][i] == (r2p.applies or r2p.prevention)


# ----------------------------------------------------------------------------- against the former engine
#: every word of each vocabulary, plus values a frame that was not checked may hold
ODD = {"context": ("", "war", None), "conflict_type": ("civil", None), "civilian_violence": ("", None),
       "poc_missions": ("UNMIL", "UNOCI;UNMIL", " ", None), "war_crimes_scale": ("large", None),
       **{crime: ("proven", None) for crime in schema.CRIMES}}
VOCABULARY = {"context": schema.CONTEXTS, "conflict_type": schema.CONFLICT_TYPES,
              "civilian_violence": schema.VIOLENCE, "poc_missions": ("",), "war_crimes_scale": schema.WAR_CRIMES_SCALE,
              **{crime: schema.TIERS for crime in schema.CRIMES}}


def _product(columns, values) -> pd.DataFrame:
    return pd.DataFrame(itertools.product(*(values[c] for c in columns)), columns=list(columns), dtype=object)


def _situations(facts: pd.DataFrame) -> pd.DataFrame:
    """Situation rows holding *facts*, the other columns as in the conftest's base row."""
    rest = {c: v for c, v in BASE_ROW.items() if c not in facts.columns}
    out = pd.DataFrame({"situation_id": [f"s-{i}" for i in range(len(facts))]})
    for column in schema.SITUATIONS.names:
        out[column] = facts[column].to_numpy() if column in facts else rest[column]
    out["situation_id"] = [f"s-{i}" for i in range(len(facts))]
    return out


def _same_as_former_engine(df: pd.DataFrame, readings: list[ScopeRules] | None = None) -> None:
    """Today's classifier and the former engine give the same frame: columns, dtypes, index and every cell."""
    for rules in readings or ScopeRules.grid():
        new, former = classify(df, rules, validate=False), scope_v1.classify(df, rules)
        assert list(new.columns) == list(former.columns) and new.dtypes.equals(former.dtypes)
        assert new.index.equals(former.index)
        if not new.equals(former):
            differ = ~(new[list(RESULT_COLUMNS)] == former[list(RESULT_COLUMNS)]).all(axis=1).to_numpy()
            pytest.fail(f"{rules.describe()}: {new[differ].head(3).to_dict('records')} != "
                        f"{former[differ].head(3).to_dict('records')}")


def test_every_combination_of_each_rules_inputs_as_the_former_engine():
    """Each rule's inputs over every word of their vocabularies and odd values (the other rule's cycled)."""
    extended = {c: (*VOCABULARY[c], *ODD[c]) for c in VOCABULARY}
    poc, r2p = _product(POC_INPUTS, extended), _product(R2P_INPUTS, extended)
    n = max(len(poc), len(r2p))
    facts = pd.concat([poc.iloc[np.arange(n) % len(poc)].reset_index(drop=True),
                       r2p.iloc[np.arange(n) % len(r2p)].reset_index(drop=True)], axis=1)
    _same_as_former_engine(_situations(facts))


@pytest.mark.slow
def test_the_full_product_of_the_vocabularies_as_the_former_engine():
    """All 466,560 combinations of the codebook's words (missions: none, or two), under every reading."""
    values = dict(VOCABULARY, poc_missions=("", "UNOCI;UNMIL"))
    _same_as_former_engine(_situations(_product(POC_INPUTS + R2P_INPUTS, values)))


def test_missions_of_other_types_are_quoted_as_the_former_engine_quotes_them():
    facts = _product(POC_INPUTS + R2P_INPUTS, dict(VOCABULARY, context=("armed_conflict", "peace"),
                                                    conflict_type=("intrastate",), civilian_violence=("none",),
                                                    **{c: ("none", "un") for c in R2P_INPUTS}))
    facts["poc_missions"] = pd.Series([1, 1.0, True, "UNMIL", None, b"X", 2.5, ""] * len(facts))[:len(facts)]
    df = _situations(facts)
    _same_as_former_engine(df)
    assert set(classify(df, validate=False)["reasons"].str.extract(r"mission \(([^)]*)\)")[0].dropna()) == {
        "1", "1.0", "True", "UNMIL", "X", "2.5"}


@settings(max_examples=100, deadline=None)
@given(st.lists(st.fixed_dictionaries({c: st.sampled_from((*VOCABULARY[c], *ODD[c])) for c in VOCABULARY}),
                max_size=40),
       st.lists(st.integers(0, 3), min_size=40, max_size=40), st.sampled_from(ScopeRules.grid()))
def test_generated_frames_as_the_former_engine(rows, index, rules):
    """Any frame, any index (repeated labels too), extra columns kept: the former engine's exact output."""
    df = _situations(pd.DataFrame(rows, columns=list(VOCABULARY), dtype=object))
    df.index = index[:len(df)]
    df["extra"] = 1.5
    _same_as_former_engine(df, [rules])


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


# the frames below are valid by construction, so the properties are checked without re-validating them

def _frame(draws):
    return frame(*[_row(c, t, s, v, m, i) for i, (c, t, s, v, m) in enumerate(draws)])


@settings(max_examples=60, deadline=None)
@given(rows_strategy, st.sampled_from(POC_READINGS), st.booleans())
def test_raising_the_threshold_never_adds_r2p(draws, reading, systematic):
    df = _frame(draws)
    previous = None
    for evidence in reversed(R2P_THRESHOLDS):
        r2p = classify(df, ScopeRules(reading, evidence, systematic), validate=False)["r2p"]
        if previous is not None:
            assert not (r2p & ~previous).any()
        previous = r2p


@settings(max_examples=60, deadline=None)
@given(rows_strategy, st.sampled_from(R2P_THRESHOLDS), st.booleans())
def test_broad_poc_contains_narrow_poc(draws, evidence, systematic):
    df = _frame(draws)
    broad = classify(df, ScopeRules("broad", evidence, systematic), validate=False)["poc"]
    narrow = classify(df, ScopeRules("narrow", evidence, systematic), validate=False)["poc"]
    assert not (narrow & ~broad).any()


@settings(max_examples=60, deadline=None)
@given(rows_strategy, st.sampled_from(ScopeRules.grid()))
def test_category_agrees_with_poc_and_r2p_and_input_is_not_mutated(draws, rules):
    df = _frame(draws)
    before = df.copy()
    out = classify(df, rules)
    pd.testing.assert_frame_equal(df, before)
    assert out["category"].tolist() == [category(p, r) for p, r in zip(out["poc"], out["r2p"])]
    assert not (out["r2p"] & out["r2p_prevention"]).any()


# ----------------------------------------------------------------------------- "mass violence" as a threshold
def _disturbances(counts):
    rows = [dict(situation_id=f"s{i}", context="internal_disturbance", conflict_type="none",
                 civilian_violence="widespread", poc_missions="", genocide="none", crimes_against_humanity="none",
                 war_crimes="none", ethnic_cleansing="none", war_crimes_scale="none", civilian_deaths=c)
            for i, c in enumerate(counts)]
    return pd.DataFrame(rows)


def test_mass_violence_threshold_counts_and_keeps_unknowns_unknown():
    frame = _disturbances([4, 25, float("nan")])
    out = classify(frame, ScopeRules(mass_violence_min_deaths=25), validate=False)
    assert out["category"].tolist() == ["neither", "poc_only", None]
    assert out["poc"].tolist()[:2] == [False, True] and pd.isna(out["poc"].iloc[2])
    assert out["reasons"].iloc[1].startswith("POC: internal disturbance with mass violence (25 civilians killed")
    # the default reading ignores the count: the coder's 'widespread' decides
    assert classify(frame, ScopeRules(), validate=False)["category"].tolist() == ["poc_only"] * 3
    # the narrow reading never reads it either
    assert classify(frame, ScopeRules(poc_reading="narrow", mass_violence_min_deaths=25),
                    validate=False)["category"].tolist() == ["neither"] * 3


def test_a_partial_count_is_a_lower_bound():
    """A partial count at or above the threshold is mass violence; below it, POC stays unknown (not 'no')."""
    frame = _disturbances([4, 30, 4, 30]).assign(civilian_deaths_partial=[True, True, False, False])
    out = classify(frame, ScopeRules(mass_violence_min_deaths=25), validate=False)
    assert out["category"].tolist() == [None, "poc_only", "neither", "poc_only"]
    assert "at least 4 civilians killed, a partial count below 25" in out["reasons"].iloc[0]
    deaths = pd.DataFrame({"situation_id": ["s0", "s1"], "best": ["4", ""], "note": ["Partial: 1983 only", "Unknown"]})
    marked = with_civilian_deaths(frame.drop(columns=["civilian_deaths", "civilian_deaths_partial"]), deaths)
    assert marked["civilian_deaths_partial"].tolist() == [True, False, False, False]


def test_mass_violence_threshold_needs_the_count_column_and_a_whole_number():
    frame = _disturbances([4]).drop(columns="civilian_deaths")
    with pytest.raises(ValueError, match="needs a 'civilian_deaths' column"):
        classify(frame, ScopeRules(mass_violence_min_deaths=25), validate=False)
    for bad in (-1, 2.5, True, "25"):
        with pytest.raises(ValueError, match="mass_violence_min_deaths must be None or a whole number"):
            ScopeRules(mass_violence_min_deaths=bad)
    assert ScopeRules(mass_violence_min_deaths=25).describe().endswith("; mass violence >= 25 civilians killed")


def test_a_mission_decides_poc_whatever_the_unknown_count():
    frame = _disturbances([float("nan")]).assign(poc_missions="UNMIL")
    out = classify(frame, ScopeRules(mass_violence_min_deaths=25), validate=False)
    assert out["category"].tolist() == ["poc_only"] and out["poc"].dtype == bool
