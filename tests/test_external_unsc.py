"""Readers of the mirror's Security Council texts (analysis.external.unsc).

The tests on the real texts skip when neither data/external/unsc_texts nor
$DATA_MIRROR/unsc_texts exists; the parsing helpers are tested on hand-made input.
"""

from __future__ import annotations

import re

import pytest

from analysis.external import unsc

ROOT = unsc.folder()
needs_texts = pytest.mark.skipif(ROOT is None, reason="unsc_texts absent: run 'DATA_MIRROR=... make data'")

MALFORMED = """<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement>
<meta><identification><FRBRWork><FRBRdate date="2006-06-22" name="adoption"/></FRBRWork></identification></meta>
<coverPage><p><docNumber refersTo="#symbol">S/PRST/2006/27</docNumber></p></coverPage>
<mainBody><paragraph eId="para_1"><span>Statement by the President of the Security Council</span>
      </docTitle>
      </p>
<alinea><content><p>At the 5473rd meeting ... the item entitled “Admission of New Members”, the President made</p>
</content></alinea><paragraph eId="para_3"><content><p>“The Security Council has decided to recommend ...”</p>
</content></paragraph></mainBody></statement></akomaNtoso>"""


def test_malformed_statement_is_recovered_not_dropped(tmp_path):
    path = tmp_path / "S_PRST_2006_27-0640083E.xml"
    path.write_text(MALFORMED, encoding="utf-8")
    record = unsc.read_akn(path)
    assert record["recovered"] is True
    assert record["symbol"] == "S/PRST/2006/27" and record["date"] == "2006-06-22"
    assert any("decided to recommend" in text for _, text in record["clauses"])
    row = unsc._row(record, tmp_path)
    assert row["kind"] == "statement" and row["agenda"] == "Admission of New Members"


def test_unrepairable_file_falls_back_to_tag_stripping(tmp_path):
    path = tmp_path / "S_PRST_2001_1.xml"
    path.write_text(MALFORMED.replace("</statement>", ""), encoding="utf-8")
    record = unsc.read_akn(path)
    assert record["recovered"] and record["symbol"] == "S/PRST/2006/27"
    assert any("decided to recommend" in text for _, text in record["clauses"])


def test_meeting_outcomes_split_resolutions_statements_and_drafts():
    cell = ("S/RES/663 (1990)\n 13-2-0 \nDraft Resolution S/21742/Rev.1 not adopted\n 3-5-7"
            "\nDraft resolution S/2016/846 vetoed by Russian Federation\n11-2-2")
    out = unsc._outcomes(cell, [])
    assert [(o["outcome"], o["symbol"], o["votes"], o["vetoed_by"]) for o in out] == [
        ("resolution", "S/RES/663 (1990)", (13, 2, 0), []),
        ("draft", "S/21742/Rev.1", (3, 5, 7), []),
        ("draft", "S/2016/846", (11, 2, 2), ["Russian Federation"])]


def test_install_copies_and_verifies(tmp_path, monkeypatch):
    mirror = tmp_path / "mirror" / unsc.FOLDER
    (mirror / "a").mkdir(parents=True)
    (mirror / "a" / "x.txt").write_text("x", encoding="utf-8")
    digest = "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881"
    (mirror / "SHA256SUMS").write_text(f"{digest}  ./a/x.txt\n", encoding="utf-8")
    monkeypatch.setattr(unsc.paths, "DATA_EXTERNAL", tmp_path / "external")
    assert unsc.install(tmp_path / "mirror").startswith("ok")
    assert (tmp_path / "external" / unsc.FOLDER / "a" / "x.txt").read_text() == "x"
    (mirror / "a" / "x.txt").write_text("changed", encoding="utf-8")
    assert unsc.verify(mirror) == ["checksum differs: a/x.txt"]
    assert unsc.install(tmp_path / "nothing") is not None  # the verified copy is kept


@pytest.fixture(scope="module")
def akn():
    return unsc.akn_documents(ROOT)


@needs_texts
def test_every_resolution_1285_2825_has_a_text_except_2589_and_2762(akn):
    numbers = set(akn.loc[akn["kind"] == "resolution", "number"])
    assert set(range(1285, 2826)) - numbers == {2589, 2762}
    assert akn["symbol"].is_unique  # 2193-2195 and 2464 kept once
    assert "S/PRST/2020/11" in set(akn.loc[akn["kind"] == "statement", "symbol"])
    assert "S/RES/2510 (2020)" in set(akn["symbol"])


@needs_texts
def test_malformed_statements_are_all_read(akn):
    recovered = akn[akn["recovered"]]
    assert len(recovered) >= 115 and recovered["clauses"].str.len().min() >= 2
    assert recovered["date"].notna().all()


@needs_texts
def test_protection_of_civilians_phrase_count_matches_the_readme(akn):
    res = akn[(akn["kind"] == "resolution") & akn["date"].between("2000", "2025-12-31")]
    phrase = res["clauses"].apply(lambda c: any(re.search(r"protection\s+of\s+civilians", t, re.I) for _, t in c))
    assert phrase.sum() == 334


@needs_texts
def test_gold_texts_cover_1_to_899_and_902():
    gold = unsc.gold_texts(ROOT)
    assert set(range(1, 900)) | {902} <= set(gold["number"])


@needs_texts
def test_meeting_tables_cover_1946_to_2022_with_drafts_and_vetoes():
    meet = unsc.meetings(ROOT)
    assert meet["year"].min() == 1946 and meet["year"].max() == 2022
    drafts = meet[meet["outcome"] == "draft"]
    assert len(drafts) > 250 and (drafts["vetoed_by"] != "").sum() > 150
    res = meet[meet["outcome"] == "resolution"]
    assert res["number"].nunique() > 2600


@needs_texts
def test_veto_list_names_permanent_members_only():
    vetoes = unsc.veto_list(ROOT)
    members = {m for cell in vetoes["vetoed_by"] for m in cell.split("; ") if m}
    assert members <= set(unsc.P5.values()) and len(vetoes) > 200


@needs_texts
def test_every_date_falls_in_its_symbols_year(akn):
    year = akn["symbol"].str.extract(r"\((\d{4})\)|^S/PRST/(\d{4})/|^S/(\d{4})/").bfill(axis=1)[0]
    assert (akn["date"].str[:4] == year).all(), akn.loc[akn["date"].str[:4] != year, "symbol"].tolist()
