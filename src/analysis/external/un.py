"""UN: the peacekeeping missions list, the Security Council's vetoes and its membership.

Registered here: the UN Peace and Security Data Hub's list of peacekeeping
operations (``un_pko``), the Council's vetoes 1946–Sept 2022 (``unsc_vetoes``)
and the Council's membership by term (``unsc_membership``). Quirks fixed on
load: the missions' coordinates written with decimal commas; the membership
file's comment lines (skipped by :func:`analysis.external.load.check_file`).

Adapter: :func:`council_vetoes` maps each veto to the countries whose
situation it concerned (:data:`VETO_TOPICS`, :data:`VETO_DRAFTS`, otherwise
country_converter on the file's crisis topic).

References
----------
.. [1] Dag Hammarskjöld Library, Security Council - Veto List,
   https://research.un.org/en/docs/sc/quick/veto
"""

from __future__ import annotations

import functools
import logging
import re

import pandas as pd

from . import countries, load
from .registry import GITHUB_RAW, REGISTRY, DataError, Dataset, Link, Source, register


def _un_pko(frame: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """Mission coordinates written with decimal commas read as numbers."""
    for col in ("mission_longitude", "mission_latitude"):
        if col in frame.columns:
            frame[col] = load.decimal_comma(frame[col], dataset.file, col)
    load.note(frame, "mission_longitude, mission_latitude: decimal commas read as numbers")
    return frame


# The maintainers' public repositories at fixed commits (the licence files beside the data: the hash pins them)
_VETO_REPO = GITHUB_RAW + "world-politics-datalab/vetoes-un-security-council/661c5246872143cf16e500e4e7f2f70a45df5ac8/"
_MADORE_REPO = GITHUB_RAW + "fmadore/genocide-at-the-security-council/"


def _maintainer(repo: str, path: str) -> tuple[Link]:
    return (Link(repo + path, "maintainer_github"),)


register(
    Dataset(
        "un_pko", "UN peacekeeping missions list (DPPADPOSS-PKO)", "2024-02-19", "un_pko/DPPADPOSS-PKO.csv",
        "UN Department of Political and Peacebuilding Affairs / Department of Peace Operations, "
        "UN Peace and Security Data Hub",
        "https://psdata.un.org/dataset/DPPADPOSS-PKO", "UN terms of use",
        """@misc{unpko2024,
  title = {Peacekeeping operations (DPPADPOSS-PKO)}, author = {{United Nations DPPA/DPO}},
  year = {2024}, howpublished = {\\url{https://psdata.un.org/dataset/DPPADPOSS-PKO}}
}""",
        ("mission_acronym", "mission_name", "start_date", "end_date"), (75, 90), normalise=_un_pko,
        # the Data Hub's live feed changes over time and cannot be pinned: its export of 2024-02-19 as kept in
        # a public repository at a fixed commit
        sources=(Source("un_pko/DPPADPOSS-PKO.csv", (Link(
            GITHUB_RAW + "tdballesteros/conflict-relapse/b82b6c1cdd968989181751870d8c323d5e191998/"
            "Data%20files/Raw%20data%20files/DPPADPOSS-PKO.csv", "third_party_copy"),),
            "234ee1f8ecf3d7974f4bb3818fc5a7c9212c77c2643156bfb8b7f04b6089b471"),)),
    Dataset(
        "unsc_vetoes", "UN Security Council vetoes", "1946-Sept 2022", "unsc/unsc_vetoes_1946_sept2022.csv",
        "C. Yordan / World Politics Data Lab, from the UN Dag Hammarskjold Library list",
        "https://research.un.org/en/docs/sc/quick/veto", "MIT",
        """@misc{unscvetoes2022,
  title = {United Nations Security Council vetoes, 1946--2022}, author = {Yordan, Carlos},
  year = {2022}, note = {World Politics Data Lab; from the Dag Hammarskj{\\"o}ld Library veto list}
}""",
        ("year", "date", "draft", "agenda_item", "crisis_topic", "member_veto1"), (205, 225),
        extra_files=("unsc/LICENSE_MIT_world-politics-datalab.txt",),
        sources=(Source("unsc/unsc_vetoes_1946_sept2022.csv", _maintainer(_VETO_REPO, "unsc_vetoes_1946_sept2022.csv"),
                        "d6b65d698d8f4e5a6eddcd922e7659b40e22d262940f1440b51360929d87ab74"),
                 Source("unsc/LICENSE_MIT_world-politics-datalab.txt", _maintainer(_VETO_REPO, "LICENSE"),
                        "0d1751e7ca424017b9bb5d525283973725e753176965882d7b3af2ddc973b8da"))),
    Dataset(
        "unsc_membership", "UN Security Council membership by term", "1992-2023",
        "unsc/council_membership_1992_2023.csv", "F. Madore, genocide-at-the-security-council",
        "https://github.com/fmadore/genocide-at-the-security-council", "MIT (config data)",
        """@misc{madore2024genocide,
  title = {Genocide at the Security Council}, author = {Madore, Fr{\\'e}d{\\'e}rick},
  year = {2024}, howpublished = {\\url{https://github.com/fmadore/genocide-at-the-security-council}}
}""",
        ("country_org", "start_year", "end_year", "seat"), (165, 180), comment_lines=True,
        extra_files=("unsc/LICENSE-DATA_fmadore.md",),
        sources=(Source("unsc/council_membership_1992_2023.csv",
                        _maintainer(_MADORE_REPO + "752ef667de072517a7e2b0148941448e2330edda/",
                                    "config/council_membership.csv"),
                        "d81257287c6cf38d9232d0ec4e3a9de50d00dbe2386421c368348717fbfae821"),
                 Source("unsc/LICENSE-DATA_fmadore.md",
                        _maintainer(_MADORE_REPO + "3ed5f1fda93bddf8b7f18578068030110bb671e9/", "LICENSE-DATA.md"),
                        "ec4b14a6e0f48cb38cc14ceac2ed4c8d32543dacc5fbff319e3c646645cf72d2"))),
)


# --------------------------------------------------------------------------- vetoes

#: The Security Council's permanent members as the veto file names them.
P5 = ("China", "France", "Russia", "UK", "USA", "USSR")

#: Crisis topics of the veto file (its ``crisis_topic``) mapped to the ISO3 codes of the
#: countries whose situation the draft concerned. ``()`` marks a thematic topic (no country).
#: Topics not listed here are plain country names, converted with country_converter.
VETO_TOPICS: dict[str, tuple[str, ...]] = {
    # "The situation in the Middle East, including the Palestinian question", "occupied Arab
    # territories": the occupied Palestinian territory (GW has no Palestinian state; UCDP and
    # the override table place it in Israel, 666)
    "Israel-Palestine": ("PSE",),
    # "The situation in the Middle East" 1972-1988 on Israel's operations in Lebanon
    "Israel-Lebanon": ("LBN",),
    # 1960: the Republic of the Congo (Leopoldville), today DR Congo; country_converter reads COG
    "Congo": ("COD",),
    "India-Pakistan": ("IND", "PAK"),
    "Greek Civil War": ("GRC",),
    "Korean War": ("KOR",),
    "Berlin Blockade": ("DEU",),
    "Malasyia": ("MYS",),  # sic in the file
    "Rhodesia": ("ZWE",),
    "Southern Africa": ("ZAF",),  # 1986 draft on sanctions against South Africa
    "Admission": (),
    "Atomic Energy Commission": (),
    "Biological Warfare": (),
    "Climate and Security": (),
    "Disarmament": (),
    "Korean Airlines": (),
    "Terrorism": (),
    "US-USSR": (),
}

#: Drafts whose agenda item names another country than the file's crisis topic.
VETO_DRAFTS: dict[str, tuple[str, ...]] = {
    "S/PV.122": ("ALB",),  # "Incidents in the Corfu Channel" (topic: Greek Civil War)
    "S/5033": ("IND",),  # "Letter ... from Portugal ... concerning Goa" (topic: India-Pakistan)
    "S/13162": ("VNM",),  # "China and Viet Nam border dispute" (topic: Cambodia)
    "S/20378": ("LBY",),  # "Letters dated 4 January 1989 from Libya and Bahrain" (topic: Israel-Palestine)
}

#: Agenda items about admitting a member: thematic whatever the topic says (1976 "Admission ... Angola").
ADMISSION = re.compile(r"^(admission of new members|applications? for membership)", re.IGNORECASE)

#: The last year the veto file covers in full (its release ends in September 2022).
VETO_LAST_FULL_YEAR = 2021


def _topic_codes(topics: list[str]) -> dict[str, tuple[str, ...]]:
    # imported here, as in analysis.external.countries: country_converter reads its tables on import
    # (about a second), which every user of the package would pay for otherwise
    import country_converter as coco

    logging.getLogger("country_converter").setLevel(logging.ERROR)
    todo = sorted(set(topics) - set(VETO_TOPICS))
    found = coco.convert(todo, to="ISO3", not_found=None) if todo else []
    found = [found] if isinstance(found, str) and len(todo) == 1 else found
    known = countries.known_codes()
    out = dict(VETO_TOPICS)
    for topic, code in zip(todo, found):
        codes = tuple(code) if isinstance(code, list) else (code,)
        if all(c in known for c in codes):
            out[topic] = codes
    return out


@functools.lru_cache(maxsize=1)
def _registered_vetoes() -> pd.DataFrame:
    """:func:`council_vetoes` of the registered file, mapped once per process (callers get a copy)."""
    return council_vetoes(load.load("unsc_vetoes"))


def council_vetoes(raw: pd.DataFrame | None = None) -> pd.DataFrame:
    """Security Council vetoes, one row per (draft, country whose situation it concerns).

    Each veto's crisis topic is mapped to countries: by :data:`VETO_TOPICS`
    (a small table for topics that are not a country's name, such as
    "Israel-Palestine" or "Congo"), by :data:`VETO_DRAFTS` where the agenda item
    names another country, otherwise by country_converter on the topic. Vetoes
    on admissions and on thematic items keep one row with ``iso3`` and ``gwno``
    missing: no row is dropped. ``gwno`` is the Gleditsch–Ward state holding the
    territory that year (:func:`analysis.external.countries.gw_for_iso3`), missing where
    none existed (Namibia before 1990).

    Parameters
    ----------
    raw : DataFrame or None
        The veto file as loaded (None: read ``unsc_vetoes``).

    Returns
    -------
    DataFrame
        ``year, date, draft, agenda_item, iso3, gwno, vetoing, crisis_topic, basis,
        record`` sorted by date, draft and country; ``vetoing`` is the
        ';'-joined sorted members that cast the veto; ``basis`` is how the
        country was found (``topic table``, ``draft table``,
        ``country_converter``, ``thematic``); ``record`` is the veto's data row
        in the file (the file lists some drafts twice, e.g. two vetoes at
        S/PV.49, so the draft alone is no key).

    Raises
    ------
    analysis.external.registry.DataError
        When a crisis topic is neither in the tables nor a country name.

    Examples
    --------
    The Gleditsch–Ward codes come from the registered state list (``gw_states``):

    >>> v = council_vetoes()  # doctest: +SKIP
    >>> v[v.draft == "S/2007/14"][["year", "iso3", "gwno", "vetoing"]].values.tolist()  # doctest: +SKIP
    [[2007, 'MMR', 775, 'China;Russia']]
    >>> int((v[(v.year >= 2011) & (v.iso3 == "SYR")]).draft.nunique())  # doctest: +SKIP
    17
    """
    if raw is None:
        return _registered_vetoes().copy()
    raw = raw.reset_index(drop=True)
    label = REGISTRY["unsc_vetoes"].file
    topics = raw["crisis_topic"].fillna("").astype(str).str.strip()
    table = _topic_codes(sorted(set(topics)))
    members = raw[["member_veto1", "member_veto2", "member_veto3"]]
    rows = []
    for i, rec in raw.iterrows():
        draft = str(rec["draft"]).strip()
        agenda = str(rec["agenda_item"]).strip()
        topic = topics[i]
        vetoing = sorted({str(m).strip() for m in members.loc[i].dropna()})
        odd = [m for m in vetoing if m not in P5]
        if odd:
            raise DataError(f"{label}: data row {i + 1}, column member_veto*: value {odd[0]!r} is not a "
                            f"permanent member ({', '.join(P5)})")
        if ADMISSION.match(agenda):
            codes, basis = (), "thematic"
        elif draft in VETO_DRAFTS:
            codes, basis = VETO_DRAFTS[draft], "draft table"
        elif topic in table:
            codes = table[topic]
            basis = "thematic" if not codes else ("topic table" if topic in VETO_TOPICS else "country_converter")
        else:
            raise DataError(f"{label}: data row {i + 1}, column crisis_topic: value {topic!r} is neither "
                            "a country name nor in analysis.external.un.VETO_TOPICS; add it there")
        year = int(rec["year"])
        for iso3 in codes or (None,):
            gwno = countries.gw_for_iso3(iso3, year) if iso3 else None
            rows.append({"year": year, "date": pd.to_datetime(rec["date"], format="%m/%d/%Y"), "draft": draft,
                         "agenda_item": agenda, "iso3": iso3, "gwno": gwno, "vetoing": ";".join(vetoing),
                         "crisis_topic": topic, "basis": basis, "record": i + 1})
    out = pd.DataFrame(rows)
    out["gwno"] = out["gwno"].astype("Int64")
    out["iso3"] = out["iso3"].astype(object).where(out["iso3"].notna(), None)
    return out.sort_values(["date", "draft", "record", "iso3"], ignore_index=True, na_position="first")
