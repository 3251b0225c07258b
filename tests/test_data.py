"""The shipped dataset: validation passes, each rule is caught on broken copies, known facts hold."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from analysis import data, populations, schema
from analysis.external import load
from analysis.validation import ValidationError


def test_shipped_data_is_valid():
    assert data.validate() == []


def test_dataset_size_and_ids():
    situations = data.load_situations()
    assert len(situations) >= 120
    assert situations["situation_id"].is_unique
    assert situations["end_year"].dtype == "Int64"


def _edit(folder, table, situation_id_column, key, column, value):
    path = folder / f"{table}.csv"
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    columns = list(rows[0])
    for row in rows:
        if row[situation_id_column] == key:
            row[column] = value
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


BROKEN = [
    ("situations", "situation_id", "rwa-1990", "sources", "no-such-source", "unknown source id"),
    ("situations", "situation_id", "rwa-1990", "poc_missions", "UNXYZ", "unknown mission"),
    ("situations", "situation_id", "rwa-1990", "poc_missions", "UNMISS", "mission's host is"),
    ("situations", "situation_id", "rwa-1990", "sources", "ucdp-acd-25-1", "needs a cited source of kind court",
     "genocide"),
    ("situations", "situation_id", "rwa-1990", "gwno", "500", "does not match the ISO3 code"),
    ("situations", "situation_id", "rwa-1990", "conflict_type", "none", "must name the conflict type"),
    ("situations", "situation_id", "rwa-1990", "end_year", "1950", "must not be before start_year"),
    ("situations", "situation_id", "rwa-1990", "start_year", "1900", "must be an integer from 1945 to 2025"),
    ("missions", "acronym", "UNMIL", "first_poc_resolution", "S/RES/1509", "must read like"),
    ("missions", "acronym", "UNMIL", "sources", "nowhere", "unknown id (not in sources.csv)"),
    ("obligations", "obligation_id", None, "actor_id", "nobody", "unknown id (not in actors.csv)"),
    ("sources", "source_id", "ucdp-acd-25-1", "kind", "blog", "must be one of"),
]


@pytest.mark.parametrize("table, id_column, key, column, value, rule, where", [b + (b[3],) if len(b) == 6 else b
                                                                        for b in BROKEN],
                         ids=[f"{b[0]}-{b[3]}-{b[5][:20]}" for b in BROKEN])
def test_each_rule_is_caught_on_a_broken_copy(raw_copy, table, id_column, key, column, value, rule, where):
    if key is None:
        key = next(csv.DictReader(open(raw_copy / f"{table}.csv", encoding="utf-8")))[id_column]
    _edit(raw_copy, table, id_column, key, column, value)
    problems = data.validate(raw_copy)
    assert any(rule in p.rule and p.column == where for p in problems), problems[:5]
    assert all(p.file.endswith(".csv") and p.line for p in problems if p.column == where)


def test_loader_raises_with_every_problem(raw_copy):
    _edit(raw_copy, "situations", "situation_id", "rwa-1990", "context", "genocide")
    _edit(raw_copy, "situations", "situation_id", "syr-2011", "genocide", "maybe")
    with pytest.raises(ValidationError) as err:
        data.load_situations(raw_copy)
    assert {p.value for p in err.value.problems} >= {"genocide", "maybe"}


def test_war_crimes_outside_armed_conflict_is_caught(raw_copy):
    _edit(raw_copy, "situations", "situation_id", "chn-2017-xinjiang", "war_crimes", "un")
    _edit(raw_copy, "situations", "situation_id", "chn-2017-xinjiang", "war_crimes_scale", "systematic")
    problems = data.validate(raw_copy)
    assert any("war crimes need an armed conflict" in p.rule for p in problems)


# ----------------------------------------------------------------------------- known facts
@pytest.mark.parametrize("situation_id, column, value", [
    ("rwa-1990", "genocide", "judicial"),          # ICTR, Akayesu (1998)
    ("bih-1992", "genocide", "judicial"),          # ICTY, Krstić; ICJ Bosnia v. Serbia (2007)
    ("prk-1948", "crimes_against_humanity", "un"),  # COI DPRK, A/HRC/25/63 (2014)
    ("mmr-2016-rohingya", "genocide", "un"),  # FFM Myanmar, A/HRC/39/64 (the 2025 Argentine warrants: press only)
    ("hti-2010-earthquake", "context", "peace"),
    ("mmr-2008-nargis", "context", "peace"),
])
def test_known_facts(situation_id, column, value):
    situations = data.load_situations().set_index("situation_id")
    assert situations.loc[situation_id, column] == value


def test_sixteen_poc_missions():
    missions = data.load_missions()
    assert len(missions) == 16
    assert missions.set_index("acronym").loc["UNAMSIL", "first_poc_resolution"] == "S/RES/1270 (1999)"


def test_every_mission_host_is_covered_over_its_mandate_years():
    """Population 2: each POC mission appears in situations of its host over its POC mandate years.

    The mandate years run from the first POC resolution (UNIFIL: 2006, not 1978) to the mission's end.
    """
    situations = data.load_situations()
    missions = data.load_missions()
    listed = situations.assign(m=situations["poc_missions"].str.split(";")).explode("m")
    for mission in missions.itertuples():
        rows = listed[listed["m"] == mission.acronym]
        assert len(rows), mission.acronym
        end = mission.end_year if pd.notna(mission.end_year) else 2025
        years = set()
        for row in rows.itertuples():
            stop = row.end_year if pd.notna(row.end_year) else 2025
            years |= set(range(int(row.start_year), int(stop) + 1))
        first = max(int(mission.start_year), int(mission.first_poc_resolution[-5:-1]))
        assert set(range(first, int(end) + 1)) <= years, mission.acronym


def test_poc_missions_follow_the_host_country_rule():
    """poc_missions lists every POC mission hosted by the situation's country during its POC-mandate years."""
    situations = data.load_situations()
    missions = data.load_missions()
    for row in situations.itertuples():
        stop = int(row.end_year) if pd.notna(row.end_year) else 2025
        expected = set()
        for m in missions.itertuples():
            first = max(int(m.start_year), int(m.first_poc_resolution[-5:-1]))
            end = int(m.end_year) if pd.notna(m.end_year) else 2025
            if row.iso3 in str(m.iso3).split(";") and first <= stop and int(row.start_year) <= end:
                expected.add(m.acronym)
        listed = {a for a in str(row.poc_missions).split(";") if a and a != "nan"}
        assert listed == expected, row.situation_id


def test_every_war_level_conflict_year_is_covered():
    """Population 3: each UCDP war-level conflict-year since 1989 lies in an armed-conflict situation."""
    missing = populations.uncovered_war_years(data.load_situations(), load.load("ucdp_acd"))
    assert missing.empty, missing.to_string()


def test_every_mass_killing_episode_year_is_covered():
    """Population 5: each EWP mass-killing and PITF genocide/politicide episode-year since 1989 lies in a
    situation of that country and year coded `widespread`, or is documented with the reason it is not coded."""
    missing = populations.uncovered_mass_killings(data.load_situations(), load.load("ewp_events"),
                                                  load.load("pitf"))
    undocumented = missing[missing["documented"] == ""]
    assert undocumented.empty, undocumented.drop(columns="documented").to_string()
    # every documented gap must still be a gap: an entry that a new situation covers has to be removed
    listed = {(src, ep, y) for src, ep, first, last, _ in populations.MASS_KILLING_YEARS_NOT_CODED
              for y in range(first, last + 1)}
    assert listed == set(zip(missing["source"], missing["episode"], missing["year"]))


def test_mass_killing_locations_are_translated():
    """EWP locates Kosovo 1998-99 under Serbia's later code and a Guatemalan event under El Salvador's code;
    both reach the Gleditsch-Ward code of the situations; years stay within 1989-2024 (PITF: its last year, 2014)."""
    years = populations.mass_killing_years(load.load("ewp_events"), load.load("pitf"))
    kosovo = years[(years["episode"] == "scg1998s1")]
    assert set(kosovo["gwno"]) == {345} and set(kosovo["year"]) == {1998, 1999}
    guatemala = years[years["episode"] == "gtm1954s1"]
    assert set(guatemala["gwno"]) == {90}
    assert years["year"].between(1989, 2024).all()
    assert set(years.loc[years["source"] == "PITF", "year"]) <= set(range(1989, 2015))


def test_population_counts_are_derived():
    table = populations.membership(data.load_situations(), load.load("ucdp_acd")).set_index("situation_id")
    assert table.loc["syr-2011", ["pop1", "pop3", "pop4"]].tolist() == [True, True, False]
    assert bool(table.loc["hti-2010-earthquake", "pop4"]) is False  # MINUSTAH present: population 2
    assert bool(table.loc["hti-2010-earthquake", "pop2"]) is True


def test_icc_prosecutor_documents_cannot_back_the_judicial_tier():
    """A prosecutor's reasonable-basis finding is tier `un`: its documents are not filed as `court`."""
    table = data.load_sources()
    prosecutor = table[table["source_id"].str.startswith("icc-otp-")]
    assert len(prosecutor) == 8
    assert set(prosecutor["kind"]) == {"un_document"}
    # no court source is an ICC prosecutor's document (a petition *to* the prosecutor is no court act either)
    courts = table[table["kind"] == "court"]
    assert not courts["citation"].str.contains("Office of the Prosecutor|ICC Prosecutor", case=False).any()


def test_data_card_counts_match_the_data():
    """data/README.md's count tables are the counts of the shipped data (they must be updated with it)."""
    import re

    from analysis import paths, populations, scope

    card = (paths.DATA_RAW.parent / "README.md").read_text(encoding="utf-8")
    for name in data.TABLES:
        rows = len(getattr(data, f"load_{name}")())
        assert f"| `{name}.csv` | {rows} |" in card, name
    situations = data.load_situations()
    table = populations.counts(situations, load.load("ucdp_acd"), load.load("ewp_events"), load.load("pitf"))
    for number, count in enumerate(table["situations"], start=1):
        assert re.search(rf"\| {number} [^|]+\| {count} \|", card), f"population {number}"
    for label, rules in (("default", scope.ScopeRules()), ("POC narrow", scope.ScopeRules(poc_reading="narrow"))):
        s = scope.summary(scope.classify(situations, rules)).iloc[0]
        row = f"| {s['both']} | {s['poc_only']} | {s['r2p_only']} | {s['neither']} | {s['total']} |"
        assert re.search(rf"\| {label}[^|]*{re.escape(row)}", card), label


def test_a_situation_naming_its_conflicts_does_not_inherit_an_unrelated_war():
    """Population 3 by conflict id: a minor insurgency in a country at war elsewhere is not a war case."""
    sit = pd.DataFrame({"situation_id": ["insurgency", "unnamed"], "gwno": [530, 530], "start_year": [1995, 1995],
                        "end_year": [2000, 2000], "context": ["armed_conflict"] * 2, "poc_missions": ["", ""],
                        "ucdp_conflict_ids": ["329", ""],
                        **{crime: ["none", "none"] for crime in schema.CRIMES}})
    acd = pd.DataFrame({"conflict_id": [329, 7], "year": [1998, 1998], "intensity_level": [1, 2],
                        "gwno_loc": ["530", "530, 531"], "location": ["Ethiopia", "Eritrea, Ethiopia"]})
    table = populations.membership(sit, acd).set_index("situation_id")
    assert table["pop3"].to_dict() == {"insurgency": False, "unnamed": True}
    assert populations.uncovered_war_years(sit.iloc[:1], acd)[["conflict_id", "year"]].values.tolist() == [[7, 1998]]


def test_civilian_deaths_rules_on_a_hand_built_table():
    import io

    from analysis.validation import read_raw

    text = ("situation_id,best,low,high,period,source_id,note\n"
            "x,5,9,,2019,s1,ok\n"            # low above best
            "y,,1,,,s1,none\n"               # unknown with a bound, and a note that does not say why
            "z,7,,3,,s2,ok\n")              # high below best, no period, unknown source
    frame, problems = read_raw(io.StringIO(text), schema.CIVILIAN_DEATHS, "t.csv")
    assert problems == []
    situations = pd.DataFrame({"situation_id": ["x", "y", "z", "w"],
                               "context": ["peace", "internal_disturbance", "armed_conflict", "peace"]})
    sources = pd.DataFrame({"source_id": ["s1"]})
    found = [(p.line, p.column, p.value, p.rule) for p in
             data.check_civilian_deaths(frame, "t.csv", situations, sources)]
    assert found == [
        (2, "low", "9", "must not exceed best"),
        (4, "high", "3", "must not be below best"),
        (3, "best", "", "an unknown count (empty best) has no low or high"),
        (3, "note", "none", "an unknown count's note starts 'Unknown' and says why"),
        (4, "period", "", "a count needs the years it covers"),
        (4, "source_id", "s2", "unknown id (not in sources.csv)"),
        (0, "situation_id", "w", "a situation outside armed conflict needs a row (a count, or 'Unknown' and why)"),
    ]


def test_no_tier_rests_on_an_unread_text():
    """Every crime cell above 'none' names the text read behind it (evidence.csv): the count is zero."""
    situations, evidence = data.load_situations(), data.load_evidence()
    assert len(data.unbacked_tiers(situations, evidence)) == 0
    assert len(evidence) == int((situations[list(schema.CRIMES)] != "none").sum().sum())


def test_evidence_rules_on_a_hand_built_table():
    import io

    from analysis.validation import read_raw

    text = ("situation_id,crime,tier,source_id,locator,finding\n"
            "a,genocide,un,s-un,para 1,found\n"                   # fine
            "a,war_crimes,judicial,s-un,para 2,found\n"           # a UN text cannot back judicial
            "b,crimes_against_humanity,ngo,s-ngo,p. 3,found\n"    # b's cell is alleged; s-ngo not cited by b
            "b,crimes_against_humanity,ngo,s-ngo,p. 4,again\n")   # a second row for the same cell
    frame, problems = read_raw(io.StringIO(text), schema.EVIDENCE, "e.csv")
    assert problems == []
    situations = pd.DataFrame({"situation_id": ["a", "b"], "genocide": ["un", "none"],
                               "crimes_against_humanity": ["ngo", "alleged"], "war_crimes": ["judicial", "none"],
                               "ethnic_cleansing": ["none", "none"], "sources": ["s-un;s-court", "s-un"],
                               "_line": [2, 3]})
    sources = pd.DataFrame({"source_id": ["s-un", "s-ngo", "s-court"], "kind": ["un_document", "ngo_report", "court"]})
    found = sorted((p.file, p.line, p.column, p.value, p.rule.split(" (")[0]) for p in
                   data.check_evidence(frame, "e.csv", situations, sources))
    assert found == [
        ("e.csv", 3, "source_id", "s-un", "the source's kind cannot back this tier"),
        ("e.csv", 4, "crime", "crimes_against_humanity", "one row per situation and crime"),
        ("e.csv", 4, "source_id", "s-ngo", "not among the sources b cites"),
        ("e.csv", 4, "tier", "ngo", "differs from situations.csv's crimes_against_humanity for b"),
        ("e.csv", 5, "crime", "crimes_against_humanity", "one row per situation and crime"),
        ("e.csv", 5, "source_id", "s-ngo", "not among the sources b cites"),
        ("e.csv", 5, "tier", "ngo", "differs from situations.csv's crimes_against_humanity for b"),
        ("situations.csv", 2, "crimes_against_humanity", "ngo",
         "a tier above 'none' needs the text read that backs it"),
        ("situations.csv", 3, "crimes_against_humanity", "alleged",
         "a tier above 'none' needs the text read that backs it"),
    ]


def test_commissions_rules_on_a_hand_built_table():
    import io

    from analysis.validation import read_raw

    text = ("commission_id,name,kind,iso3,established,violence_from,violence_to,reference,situation_ids,note\n"
            "x-1,X,national_commission,XXX,2001,1990,1995,r,a,ok\n"       # overlaps a (1994-2000)
            "x-2,Y,un_inquiry,XXX,2001,1980,1985,r,a;zz,bad\n"             # a does not overlap; zz unknown
            "x-3,Z,un_inquiry,XXX,2001,1999,1990,r,,reversed\n")          # years reversed
    frame, problems = read_raw(io.StringIO(text), schema.COMMISSIONS, "c.csv")
    assert problems == []
    situations = pd.DataFrame({"situation_id": ["a"], "start_year": ["1994"], "end_year": ["2000"]})
    found = sorted((p.line, p.column, p.value, p.rule) for p in data.check_commissions(frame, "c.csv", situations))
    assert found == [(3, "situation_ids", "a", "the situation's years do not overlap the violence investigated"),
                     (3, "situation_ids", "zz", "unknown id (not in situations.csv)"),
                     (4, "violence_to", "1990", "must not be before violence_from")]
