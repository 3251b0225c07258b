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
    # each tier names the text read behind it, and where (evidence.csv)
    assert "\n  ethnic_cleansing `judicial`: ICC, The Prosecutor v. William Samoei Ruto" in text
    assert "operative part (pp. 138-139); count of deportation or forcible transfer" in text
    assert "\n  (no crime coded above none)" in classroom.worked_answer("hti-2010-earthquake")
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


# --------------------------------------------------------------------------- what the Council did

def test_answer_says_what_the_council_did_in_libya():
    text = classroom.answer("lby-2011")["council"].splitlines()
    assert text[:3] == [
        "Security Council: acted (6 resolution(s) on LBY 2011-2011)",
        "  S/RES/1970 (2011): chapter_vii, r2p_literal, r2p_broad, icc_referral, sanctions",
        "  S/RES/1973 (2011): chapter_vii, poc, poc_mandate, r2p_broad, sanctions, use_of_force"]
    assert text[-1] == "  S/RES/2022 (2011)"


def test_answer_says_when_the_council_was_silent_or_blocked():
    assert classroom.answer("ken-2007")["council"].splitlines() == [
        "Security Council: silent (no resolution or vetoed draft on KEN 2007-2008)", "  presidential statements: 1"]
    syria = classroom.answer("syr-2011")["council"].splitlines()
    assert syria[0] == "Security Council: blocked (18 vetoed draft(s), 56 resolution(s) on SYR 2011-)"
    assert syria[7] == "  ... and 50 more resolution(s)"
    assert syria[8].startswith("  vetoed drafts: S/2011/612, S/2012/538, S/2012/77, S/2014/348")


def test_council_text_lists_at_most_shown_resolutions():
    node = {"status": "acted", "status_evidence": "3 resolution(s) on X 2000-2001", "council_vetoed": "S/2000/1",
            "council_resolutions": "S/RES/1 (2000);S/RES/2 (2000);S/RES/3 (2001)",
            "council_flags": "S/RES/3 (2001): poc"}
    assert classroom.council_text(node, shown=2).splitlines() == [
        "Security Council: acted (3 resolution(s) on X 2000-2001)", "  S/RES/1 (2000)", "  S/RES/2 (2000)",
        "  ... and 1 more resolution(s)", "  vetoed drafts: S/2000/1"]
