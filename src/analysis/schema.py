"""The project's vocabularies and the column rules of every raw table.

The codebook (``data/README.md``) explains each value in words; this module is
its machine-readable half, and the only place where the values are listed.

Examples
--------
>>> TIERS
('none', 'risk', 'alleged', 'ngo', 'un', 'judicial')
>>> TIER_RANK["un"] > TIER_RANK["ngo"]
True
>>> SITUATIONS.names[:3]
['situation_id', 'name', 'country']
"""

from __future__ import annotations

from .validation import Column, TableSpec

#: first and last year a situation may have
YEAR_MIN, YEAR_MAX = 1945, 2025

CONTEXTS = ("peace", "institutional_repression", "internal_disturbance", "armed_conflict")
CONFLICT_TYPES = ("none", "interstate", "intrastate", "internationalized", "occupation")
VIOLENCE = ("none", "isolated", "widespread")
#: evidence tiers, weakest first
TIERS = ("none", "risk", "alleged", "ngo", "un", "judicial")
TIER_RANK = {tier: rank for rank, tier in enumerate(TIERS)}
WAR_CRIMES_SCALE = ("none", "isolated", "systematic")
#: the four atrocity crimes of World Summit Outcome para 138, as column names
CRIMES = ("genocide", "crimes_against_humanity", "war_crimes", "ethnic_cleansing")
CRIME_LABELS = {
    "genocide": "genocide",
    "crimes_against_humanity": "crimes against humanity",
    "war_crimes": "war crimes",
    "ethnic_cleansing": "ethnic cleansing",
}
SOURCE_KINDS = ("un_document", "court", "dataset", "ngo_report", "scholarly", "national_body")
#: the strongest evidence tier a source of each kind can back
KIND_TIER = {
    "court": "judicial",
    "un_document": "un",
    "ngo_report": "ngo",
    "national_body": "ngo",
    "scholarly": "ngo",
    "dataset": "alleged",
}
POPULATIONS = {
    "1": "atrocity crime found or charged by a UN-mandated inquiry, the ICC prosecutor or a court",
    "2": "host of a UN peacekeeping operation mandated to protect civilians",
    "3": "UCDP state-based conflict at war level (1,000+ battle deaths in a year) since 1989",
    "4": "contrast case: below both thresholds, or a scope exclusion",
    "5": "mass killing: a widespread situation holding an EWP mass-killing or PITF genocide/politicide episode-year",
}

ACTOR_KINDS = ("state", "non_state_armed_group", "un_organ", "un_official", "un_mission",
               "regional_org", "humanitarian", "court", "civil_society", "third_states")
INSTRUMENT_KINDS = ("treaty", "resolution", "statute", "policy", "outcome_document")
NORMS = ("POC", "R2P", "both")
LEVELS = ("primary", "backup", "failsafe")
PILLARS_TIERS = ("I", "II", "III")

_year = dict(kind="int", minimum=YEAR_MIN, maximum=YEAR_MAX)

SITUATIONS = TableSpec("situations.csv", (
    Column("situation_id", kind="slug", unique=True),
    Column("name"),
    Column("country"),
    Column("iso3", pattern=r"[A-Z]{3}", pattern_rule="must be three upper-case letters (ISO 3166 alpha-3)"),
    Column("gwno", kind="int", minimum=2, maximum=999),
    Column("start_year", **_year),
    Column("end_year", required=False, **_year),
    Column("context", kind="enum", allowed=CONTEXTS),
    Column("conflict_type", kind="enum", allowed=CONFLICT_TYPES),
    Column("civilian_violence", kind="enum", allowed=VIOLENCE),
    Column("poc_missions", required=False,
           pattern=r"[A-Z]+(;[A-Z]+)*", pattern_rule="must be ';'-separated upper-case acronyms"),
    *(Column(crime, kind="enum", allowed=TIERS) for crime in CRIMES),
    Column("war_crimes_scale", kind="enum", allowed=WAR_CRIMES_SCALE),
    Column("sources", kind="list", required=False),
    Column("notes", required=False),
))

SOURCES = TableSpec("sources.csv", (
    Column("source_id", kind="slug", unique=True),
    Column("kind", kind="enum", allowed=SOURCE_KINDS),
    Column("citation"),
    Column("title"),
    Column("year", kind="int", minimum=1800, maximum=2026),
    Column("url", kind="url", required=False),
))

MISSIONS = TableSpec("missions.csv", (
    Column("acronym", unique=True, pattern=r"[A-Z]+", pattern_rule="must be an upper-case acronym"),
    Column("name"),
    Column("iso3", pattern=r"[A-Z]{3}(;[A-Z]{3})*", pattern_rule="must be ';'-separated ISO3 codes"),
    Column("start_year", kind="int", minimum=1948, maximum=YEAR_MAX),
    Column("end_year", required=False, kind="int", minimum=1948, maximum=YEAR_MAX),
    Column("first_poc_resolution", pattern=r"S/RES/\d+ \((19|20)\d\d\)",
           pattern_rule="must read like 'S/RES/1270 (1999)'"),
    Column("sources", kind="list"),
))

ACTORS = TableSpec("actors.csv", (
    Column("actor_id", kind="slug", unique=True),
    Column("name"),
    Column("kind", kind="enum", allowed=ACTOR_KINDS),
))

INSTRUMENTS = TableSpec("instruments.csv", (
    Column("instrument_id", kind="slug", unique=True),
    Column("title"),
    Column("year", kind="int", minimum=1800, maximum=2026),
    Column("kind", kind="enum", allowed=INSTRUMENT_KINDS),
    Column("citation"),
))

OBLIGATIONS = TableSpec("obligations.csv", (
    Column("obligation_id", kind="slug", unique=True),
    Column("actor_id", kind="slug"),
    Column("description"),
    Column("norm", kind="enum", allowed=NORMS),
    Column("level", kind="enum", allowed=LEVELS),
    Column("r2p_pillar", kind="enum", allowed=PILLARS_TIERS, required=False),
    Column("poc_tier", kind="enum", allowed=PILLARS_TIERS, required=False),
    Column("instrument_id", kind="slug"),
    Column("provision"),
    Column("sources", kind="list"),
))
