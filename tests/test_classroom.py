"""The classroom exercise: a student's coding classified, compared and explained."""

from __future__ import annotations

import sys

import pytest

from analysis import classroom, scope
from analysis.validation import ValidationError

KENYA_AS_DATASET = dict(context="internal_disturbance", conflict_type="none", civilian_violence="widespread",
                        crimes_against_humanity="judicial", ethnic_cleansing="judicial")


@pytest.mark.parametrize("facts, rules, category", [
    ({}, scope.ScopeRules(), "neither"),  # nothing coded: nothing applies
    (KENYA_AS_DATASET, scope.ScopeRules(), "both"),
    (KENYA_AS_DATASET, scope.ScopeRules(poc_reading="narrow"), "r2p_only"),
    (dict(KENYA_AS_DATASET, crimes_against_humanity="ngo", ethnic_cleansing="ngo"), scope.ScopeRules(), "poc_only"),
])
def test_answer_category(facts, rules, category):
    assert classroom.answer("ken-2007", rules, **facts)["category"] == category


def test_answer_lists_activated_actors_with_duties():
    result = classroom.answer("ken-2007", **KENYA_AS_DATASET)
    actors = result["actors"].set_index("actor")
    assert sorted(actors.index) == ["International Criminal Court", "Kenya", "UN Security Council"]
    assert actors.loc["Kenya", "levels"] == "primary"
    assert actors.loc["UN Security Council", "levels"] == "failsafe"
    assert (actors["duties"] > 0).all()
    nothing = classroom.answer("ken-2007")["actors"]
    assert nothing["duties"].eq(0).all()  # 'neither' activates no duty; the actors stay


def test_compare_matches_the_dataset_when_the_coding_does():
    table = classroom.compare("ken-2007", **KENYA_AS_DATASET)
    assert table["match"].all()
    assert table.loc["category", "dataset"] == "both"
    assert list(table.index) == list(classroom.FACTS) + ["category"]


def test_bad_coding_gets_the_validators_message():
    with pytest.raises(ValidationError) as err:
        classroom.answer("ken-2007", war_crimes="un")
    assert "war crimes need an armed conflict" in str(err.value)
    with pytest.raises(ValueError, match="unknown fact"):
        classroom.answer("ken-2007", genocidal_intent="yes")
    with pytest.raises(KeyError, match="not in data/raw/situations.csv"):
        classroom.answer("atlantis-2000")


def test_worked_answer_and_worksheet():
    text = classroom.worked_answer("ken-2007")
    assert "category (POC broad; R2P evidence >= un; war crimes systematic only): both" in text
    assert "ICC-01/09-01/11-373" in text
    sheet = classroom.worksheet("ken-2007")
    assert sheet.count("\n  ") == len(classroom.FACTS)
    assert "genocide: none, risk, alleged, ngo, un, judicial" in sheet


def test_every_exercise_case_exists():
    for situation_id in classroom.CASES:
        assert classroom.answer(situation_id)["category"] == "neither"


def test_form_has_one_dropdown_per_fact_and_falls_back(monkeypatch):
    box = classroom.form("ken-2007")
    assert len(box.children) == len(classroom.FACTS) + 3  # title, dropdowns, button, output
    monkeypatch.setitem(sys.modules, "ipywidgets", None)
    assert classroom.form("ken-2007").startswith("Worksheet: Kenya")
