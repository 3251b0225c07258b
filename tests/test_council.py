"""Council practice (analysis.council): the flag rules on hand-written clauses, the
committed data/council tables (always), and the reconciliation with published counts."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import council, paths
from analysis.external import unsc


def flag(name: str, text: str, part: str = "operative"):
    return council.code([(part, text)])[name][0]


# ---------------------------------------------------------------- the rules, on hand-written sentences

@pytest.mark.parametrize("rule, text, part, expected", [
    ("chapter_vii", "Acting under Chapter VII of the Charter of the United Nations,", "preamble", True),
    ("chapter_vii", "Acting for these reasons under Chapter VII of the Charter of the United Nations,", "preamble", True),
    ("chapter_vii", "Acting under Article 41 of Chapter VII of the Charter of the United Nations,", "preamble", True),
    ("chapter_vii", "14. Decides, acting under Chapter VII, to extend the authorizations set out in paragraph 15;", "operative", True),
    ("chapter_vii", "1. Decides to extend the mandate of UNISFA and acting under Chapter VII of the Charter of the United Nations, "
     "further decides to extend until 15 November 2018 its tasks;", "operative", True),
    ("chapter_vii", "Recalling its resolutions adopted under Chapter VII of the Charter,", "preamble", False),
    ("chapter_vii", "Recalling resolution 1373 (2001), in which it, acting under Chapter VII, decided that all States shall,",
     "preamble", False),
    ("chapter_vii", "Bearing in mind Chapter VII of the Charter of the United Nations,", "preamble", False),
    ("poc_mandate", "(a) To protect civilians under imminent threat of physical violence, within its capabilities;", "operative", True),
    ("poc_mandate", "(i) To protect, without prejudice to the primary responsibility of the authorities, the civilian population "
     "from threat of physical violence;", "operative", True),
    ("poc_mandate", "Decides that UNAMID is authorised to take the necessary action, in order to: (i) protect its personnel, "
     "(ii) support implementation of the Agreement and protect civilians, without prejudice to the Government;",
     "operative", True),
    ("poc_mandate", "Decides that MINURCAT shall include the mandate to contribute to the protection of civilians in danger;",
     "operative", True),
    ("poc_mandate", "Expressing concern at threats of physical violence against civilians,", "preamble", False),
    ("poc_mandate", "Demands that the Government protect civilians;", "operative", False),
    ("icc_referral", "4. Decides to refer the situation in Darfur since 1 July 2002 to the Prosecutor of the International Criminal "
     "Court;", "operative", True),
    ("icc_referral", "Recalling its decision to refer the situation in the Libyan Arab Jamahiriya to the Prosecutor of the "
     "International Criminal Court,", "preamble", False),
    ("icc_referral", "Takes note of the Prosecutor of the International Criminal Court's briefing;", "operative", False),
    ("use_of_force", "Authorizes Member States to use all necessary means to uphold and implement resolution 660 (1990);",
     "operative", True),
    ("use_of_force", "Authorizes MINUSMA to take all necessary measures, within its capabilities, to carry out its mandate;",
     "operative", True),
    ("use_of_force", "Calls upon the Government to take all necessary measures to protect journalists;", "operative", False),
    ("use_of_force", "Recalling that it authorized Member States to use all necessary means,", "preamble", False),
    ("poc", "Recalling its resolutions 1265 (1999) and 1296 (2000) on the protection of civilians in armed conflict,", "preamble", True),
    ("poc", "Demands that the parties take all measures to protect civilians;", "preamble", True),
    ("poc", "Stresses the protection of the civilian population;", "preamble", True),
    ("poc", "Stresses the need to protect humanitarian personnel and United Nations premises;", "preamble", False),
    ("poc", "Decides that the civilian component shall consist of 100 staff;", "preamble", False),
    ("sanctions", "Decides that all States shall prevent the direct or indirect supply, sale or transfer of arms;", "operative", True),
    ("sanctions", "Decides to renew until 1 June 2026 the measures imposed by paragraph 1 of resolution 1807 (2008);", "operative", True),
    ("sanctions", "Decides, acting under Article 41 of the Charter, that the measures shall apply;", "operative", True),
    ("sanctions", "Decides that all Member States shall freeze without delay the funds of the individuals;", "operative", True),
    ("sanctions", "Welcomes the report of the Panel of Experts on sanctions;", "operative", False),
    ("sanctions", "Acting under Article 41 of Chapter VII of the Charter of the United Nations,", "preamble", True),
    ("sanctions", "Expresses its intention to adopt appropriate measures under Article 41 of the Charter;", "operative",
     False),
    ("sanctions", "Reaffirms its readiness to impose measures, including targeted sanctions, against spoilers;",
     "operative", False),
    ("sanctions", "Recalling the measures imposed by resolution 1267 (1999),", "preamble", False),
    ("sanctions", "6. Decides, under Chapter VI of the Charter, that all States shall immediately implement a general and "
     "complete embargo on all deliveries of weapons;", "operative", True),
    ("sanctions", "3. Decides that ail States shall prevent:", "operative", True),
    ("sanctions", "8. Decides further that Iraq shall unconditionally accept the destruction of its weapons;", "operative",
     False),
])
def test_rule_on_hand_written_clauses(rule, text, part, expected):
    assert flag(rule, text, part) is expected


@pytest.mark.parametrize("text, literal, broad", [
    ("Reaffirming the provisions of paragraphs 138 and 139 of the 2005 World Summit Outcome document,", False, True),
    ("Reiterating the responsibility of the Libyan authorities to protect the Libyan population,", False, True),
    ("Recalling that the Government bears the primary responsibility to protect its population,", True, True),
    ("Recalling the Responsibility\n to  Protect,", True, True),
    ("Reaffirming the responsibility of States to comply with their obligations,", False, False),
    ("Recalling paragraph 138 of its report,", False, False),
])
def test_r2p_literal_and_broad(text, literal, broad):
    assert flag("r2p_literal", text, "preamble") is literal
    assert flag("r2p_broad", text, "preamble") is broad


def test_missing_text_gives_missing_flags_not_false():
    coded = council.code(None)
    assert all(value is pd.NA and sentence is None for value, sentence in coded.values())


def test_quoted_language_of_an_annex_is_not_coded():
    text = ("S/RES/1970 (2011), op. 5 Acting under Chapter VII of the Charter of the United Nations, Decides to refer "
            "the situation … to the Prosecutor of the International Criminal Court;")
    assert flag("icc_referral", text) is False


def test_every_rule_has_a_docstring_and_a_part():
    assert len(set(council.FLAGS)) == len(council.RULES) == 8
    assert all(rule.doc and rule.part in ("any", "operative") for rule in council.RULES)


def test_countries_region_wide_items_use_the_text():
    assert council.countries("The situation in the Middle East") == []
    clauses = [("operative", "1. Calls upon Israel to withdraw from Lebanon;"),
               ("operative", "2. Urges Israel and Lebanon to respect the Blue Line;"),
               ("operative", "3. Calls on Lebanon and Israel to cooperate;"),
               ("operative", "4. Thanks Norway for its contribution;")]
    assert council.countries("The situation in the Middle East", clauses=clauses) == ["ISR", "LBN"]
    assert council.countries("The situation concerning the Democratic Republic of the Congo") == ["COD"]
    assert council.countries("Children and armed conflict", clauses=clauses) == []


# ---------------------------------------------------------------- the committed tables (always tested)

@pytest.fixture(scope="module")
def res():
    return council.load("resolutions")


@pytest.fixture(scope="module")
def tables(res):
    return {"resolutions": res, "statements": council.load("statements"), "drafts": council.load("drafts")}


def test_resolution_numbers_per_year_match_the_official_numbering(res):
    years = res[res["year"] >= 1989].groupby("year")["number"].agg(["min", "max", "count"])
    assert tuple(years.loc[1989, ["min", "max"]]) == (627, 646)
    assert years.loc[2024, "max"] == 2767 and years.loc[2025, "max"] == 2811
    assert (years["max"] - years["min"] + 1 == years["count"]).all()  # contiguous
    assert (years["min"].iloc[1:].to_numpy() == years["max"].iloc[:-1].to_numpy() + 1).all()
    assert res["number"].tolist() == list(range(1, len(res) + 1))


def test_missing_texts_are_missing_not_false(res):
    missing = res[res["number"].isin(unsc.MISSING_TEXTS)]
    assert len(missing) == 386 and not missing["text_available"].any()
    assert missing[list(council.FLAGS)].isna().all().all()
    assert res.loc[~res["number"].isin(unsc.MISSING_TEXTS), "text_available"].all()
    assert res.loc[res["text_available"], list(council.FLAGS)].notna().all().all()


def test_r2p_literal_matches_the_published_counts_from_2006(res):
    counts = council.published_counts(res).set_index("by_end_of")
    assert counts.loc[2024, "r2p_literal"] == 93 and counts.loc[2025, "r2p_literal"] == 97
    assert counts.loc[2019, "r2p_literal"] == 70  # the Centre published 81: reported, not forced
    assert counts.loc[2019, "r2p_broad"] > counts.loc[2019, "r2p_literal"]


def test_icc_referrals_are_exactly_1593_and_1970(res):
    assert res.loc[res["icc_referral"].fillna(False), "symbol"].tolist() == [
        "S/RES/1593 (2005)", "S/RES/1970 (2011)"]


def test_first_poc_resolution_of_every_mission_has_the_mandate_flag(res):
    missions = pd.read_csv(paths.DATA_RAW / "missions.csv")
    coded = res.set_index("symbol").reindex(missions["first_poc_resolution"])
    with_text = coded[coded["text_available"].astype(bool)]
    assert len(with_text) == len(missions) - 1  # 1270 (1999) has no text
    assert with_text["poc_mandate"].astype(bool).all(), with_text[~with_text["poc_mandate"].astype(bool)].index


def test_tables_are_sorted_and_sentences_refer_to_flags(tables):
    sentences = council.load("sentences")
    assert tables["statements"]["symbol"].is_unique and tables["resolutions"]["symbol"].is_unique
    for kind, frame in tables.items():
        flagged = {(s, r) for s, r in zip(sentences.loc[sentences["kind"] == kind.rstrip("s"), "symbol"],
                                          sentences.loc[sentences["kind"] == kind.rstrip("s"), "rule"])}
        for name in council.FLAGS:
            assert set(frame.loc[frame[name].fillna(False), "symbol"]) == {
                s for s, r in flagged if r == name}, (kind, name)
    drafts = tables["drafts"]
    assert drafts["year"].between(1946, 2026).all()
    assert set(drafts.loc[drafts["year"] >= 2023, "source"]) == {"unxml"}


def test_statements_cover_2000_to_2026(tables):
    statements = tables["statements"]
    assert statements["year"].min() == 2000 and statements["year"].max() == 2026 and len(statements) > 700
    assert statements["recovered"].sum() >= 115


def test_situation_record_for_libya_2011(tables):
    record = council.record_for("LBY", 2011, 2011, tables)
    row = record.set_index("symbol").loc["S/RES/1970 (2011)"]
    assert "icc_referral" in row["flags"] and "r2p_literal" in row["flags"]
    assert "use_of_force" in record.set_index("symbol").loc["S/RES/1973 (2011)", "flags"]
    text = council.format_record(record)
    assert "S/RES/1973 (2011)" in text
