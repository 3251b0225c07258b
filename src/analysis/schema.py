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

#: the semantic version of the project-coded data (data/raw): the data package, CITATION.cff, .zenodo.json and
#: CHANGELOG.md carry the same number (``make release`` checks them)
DATA_VERSION = "1.1.0"

# Each vocabulary maps its values, in order, to a short label (the value labels of the exports and codebook);
# the tuple of values is derived from it, so that values and labels are listed once.
CONTEXT_LABELS = {
    "peace": "peace (none of the other contexts)",
    "institutional_repression": "institutional repression (no armed conflict)",
    "internal_disturbance": "internal disturbance (no armed conflict)",
    "armed_conflict": "armed conflict (IHL sense)",
}
CONTEXTS = tuple(CONTEXT_LABELS)
CONFLICT_TYPE_LABELS = {
    "none": "no armed conflict",
    "interstate": "interstate (UCDP type 2)",
    "intrastate": "intrastate (UCDP type 3)",
    "internationalized": "internationalized intrastate (UCDP type 4)",
    "occupation": "belligerent occupation",
}
CONFLICT_TYPES = tuple(CONFLICT_TYPE_LABELS)
VIOLENCE_LABELS = {
    "none": "no violence beyond the ordinary",
    "isolated": "isolated incidents",
    "widespread": "widespread or recurring",
}
VIOLENCE = tuple(VIOLENCE_LABELS)
#: evidence tiers, weakest first
TIER_LABELS = {
    "none": "no evidence found",
    "risk": "early-warning risk signal only",
    "alleged": "alleged or reported, not characterised",
    "ngo": "characterised by a credible non-UN body",
    "un": "found by a UN-mandated inquiry or the ICC Prosecutor",
    "judicial": "court acted: warrant, charges or conviction",
}
TIERS = tuple(TIER_LABELS)
TIER_RANK = {tier: rank for rank, tier in enumerate(TIERS)}
WAR_CRIMES_SCALE_LABELS = {
    "none": "no war crimes coded",
    "isolated": "isolated or sporadic",
    "systematic": "systematic (plan, policy or large scale)",
}
WAR_CRIMES_SCALE = tuple(WAR_CRIMES_SCALE_LABELS)
#: the four atrocity crimes of World Summit Outcome para 138, as column names
CRIMES = ("genocide", "crimes_against_humanity", "war_crimes", "ethnic_cleansing")
CRIME_LABELS = {
    "genocide": "genocide",
    "crimes_against_humanity": "crimes against humanity",
    "war_crimes": "war crimes",
    "ethnic_cleansing": "ethnic cleansing",
}
SOURCE_KIND_LABELS = {
    "un_document": "UN document",
    "court": "court document",
    "dataset": "published dataset",
    "ngo_report": "NGO or civil-society report",
    "scholarly": "scholarly or expert work",
    "national_body": "national or regional official body",
}
SOURCE_KINDS = tuple(SOURCE_KIND_LABELS)
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

ACTOR_KIND_LABELS = {
    "state": "State",
    "non_state_armed_group": "non-State armed group",
    "un_organ": "UN organ",
    "un_official": "UN official",
    "un_mission": "UN mission",
    "regional_org": "regional organisation",
    "humanitarian": "humanitarian agency",
    "court": "court",
    "civil_society": "civil society",
    "third_states": "group of States (third States)",
}
ACTOR_KINDS = tuple(ACTOR_KIND_LABELS)
INSTRUMENT_KIND_LABELS = {
    "treaty": "treaty",
    "resolution": "resolution",
    "statute": "statute",
    "policy": "policy",
    "outcome_document": "outcome document",
}
INSTRUMENT_KINDS = tuple(INSTRUMENT_KIND_LABELS)
NORM_LABELS = {
    "POC": "Protection of Civilians",
    "R2P": "Responsibility to Protect",
    "both": "both POC and R2P",
}
NORMS = tuple(NORM_LABELS)
LEVEL_LABELS = {
    "primary": "primary duty-holder",
    "backup": "backup: helps or stands in",
    "failsafe": "failsafe: last resort (coercion, adjudication)",
}
LEVELS = tuple(LEVEL_LABELS)
R2P_PILLAR_LABELS = {
    "I": "pillar I: the State's own responsibility",
    "II": "pillar II: international assistance",
    "III": "pillar III: timely and decisive collective response",
}
POC_TIER_LABELS = {
    "I": "tier I: protection through dialogue and engagement",
    "II": "tier II: provision of physical protection",
    "III": "tier III: establishment of a protective environment",
}
PILLARS_TIERS = tuple(R2P_PILLAR_LABELS)


def _enum(name: str, labels: dict[str, str], label: str, **rules) -> Column:
    return Column(name, kind="enum", allowed=tuple(labels), labels=labels, label=label, **rules)


_year = dict(kind="int", minimum=YEAR_MIN, maximum=YEAR_MAX)

SITUATIONS = TableSpec("situations.csv", (
    Column("situation_id", kind="slug", unique=True, label="Situation identifier"),
    Column("name", label="Short name of the episode"),
    Column("country", label="Country or territory"),
    Column("iso3", pattern=r"[A-Z]{3}", pattern_rule="must be three upper-case letters (ISO 3166 alpha-3)",
           label="ISO 3166 alpha-3 code of the territory"),
    Column("gwno", kind="int", minimum=2, maximum=999, label="Gleditsch-Ward number of the state"),
    Column("start_year", **_year, label="First year of the episode"),
    Column("end_year", required=False, **_year, label="Last year (empty: running at the end of 2025)"),
    _enum("context", CONTEXT_LABELS, "Setting of the violence"),
    _enum("conflict_type", CONFLICT_TYPE_LABELS, "Type of armed conflict"),
    _enum("civilian_violence", VIOLENCE_LABELS, "Violence suffered by civilians"),
    Column("poc_missions", required=False,
           pattern=r"[A-Z]+(;[A-Z]+)*", pattern_rule="must be ';'-separated upper-case acronyms",
           label="POC-mandated UN operations deployed (';'-list of missions.acronym)"),
    *(_enum(crime, TIER_LABELS, f"Strongest evidence of {CRIME_LABELS[crime]}") for crime in CRIMES),
    _enum("war_crimes_scale", WAR_CRIMES_SCALE_LABELS, "Scale of war crimes"),
    Column("sources", kind="list", required=False, label="Sources cited (';'-list of sources.source_id)"),
    Column("notes", required=False, label="What happened and the reasons for the coding"),
))
#: the columns of the project's ``situations.csv`` that follow :data:`SITUATIONS` (a user's file may omit them;
#: ``analysis.data.check_situations`` checks them when present)
SITUATIONS_EXTRA = (
    Column("ucdp_conflict_ids", required=False, pattern=r"\d+(;\d+)*",
           pattern_rule="must be ';'-separated UCDP conflict ids (digits)",
           label="UCDP/PRIO conflicts covered (';'-list of conflict ids)"),
    Column("unverified", required=False, label="What the coder could not check"),
)

SOURCES = TableSpec("sources.csv", (
    Column("source_id", kind="slug", unique=True, label="Source identifier"),
    _enum("kind", SOURCE_KIND_LABELS, "Kind of source (limits the evidence tier it backs)"),
    Column("citation", label="Citation (UN symbol or full reference)"),
    Column("title", label="Title of the document"),
    Column("year", kind="int", minimum=1800, maximum=2026, label="Year of issue or decision"),
    Column("url", kind="url", required=False, label="Stable link"),
))

MISSIONS = TableSpec("missions.csv", (
    Column("acronym", unique=True, pattern=r"[A-Z]+", pattern_rule="must be an upper-case acronym",
           label="UN acronym of the mission"),
    Column("name", label="Official name"),
    Column("iso3", pattern=r"[A-Z]{3}(;[A-Z]{3})*", pattern_rule="must be ';'-separated ISO3 codes",
           label="Host countries (';'-list of ISO3 codes)"),
    Column("start_year", kind="int", minimum=1948, maximum=YEAR_MAX, label="Year of first deployment"),
    Column("end_year", required=False, kind="int", minimum=1948, maximum=YEAR_MAX,
           label="Year the mission closed (empty: still deployed)"),
    Column("first_poc_resolution", pattern=r"S/RES/\d+ \((19|20)\d\d\)",
           pattern_rule="must read like 'S/RES/1270 (1999)'", label="First resolution with a POC mandate"),
    Column("sources", kind="list", label="Sources cited (';'-list of sources.source_id)"),
))

CIVILIAN_DEATHS = TableSpec("civilian_deaths.csv", (
    Column("situation_id", kind="slug", unique=True, label="Situation (situations.situation_id)"),
    Column("best", kind="int", required=False, minimum=0, maximum=10_000_000,
           label="Civilians killed by deliberate violence: best estimate (empty: unknown)"),
    Column("low", kind="int", required=False, minimum=0, maximum=10_000_000, label="Low estimate"),
    Column("high", kind="int", required=False, minimum=0, maximum=10_000_000, label="High estimate"),
    Column("period", required=False, pattern=r"\d{4}(-\d{4})?", pattern_rule="must read like '2019' or '2019-2020'",
           label="Years the count covers"),
    Column("source_id", kind="slug", label="Source of the count, or searched for it (sources.source_id)"),
    Column("note", label="Page, paragraph or wording; for an unknown count, what was searched and why"),
))

EVIDENCE = TableSpec("evidence.csv", (
    Column("situation_id", kind="slug", label="Situation (situations.situation_id)"),
    _enum("crime", CRIME_LABELS, "Atrocity crime (a crime column of situations.csv)"),
    _enum("tier", {t: label for t, label in TIER_LABELS.items() if t != "none"}, "The tier coded for it"),
    Column("source_id", kind="slug", label="The text read that backs the tier (sources.source_id)"),
    Column("locator", label="Where in that text: paragraphs, pages, counts, section, or dataset actor-years"),
    Column("finding", label="What that text finds or reports, in the coder's words"),
))

COMMISSION_KIND_LABELS = {
    "national_commission": "national truth commission or commission of inquiry",
    "un_inquiry": "UN-mandated commission of inquiry or fact-finding mission",
}
COMMISSIONS = TableSpec("commissions.csv", (
    Column("commission_id", kind="slug", unique=True, label="Commission identifier"),
    Column("name", label="Name of the commission"),
    _enum("kind", COMMISSION_KIND_LABELS, "Kind of commission"),
    Column("iso3", pattern=r"[A-Z]{3}", pattern_rule="must be three upper-case letters (ISO 3166 alpha-3)",
           label="Country or territory of the violence investigated"),
    Column("established", kind="int", minimum=1945, maximum=2026, label="Year the commission was set up"),
    Column("violence_from", kind="int", minimum=1600, maximum=2026, label="First year of the violence investigated"),
    Column("violence_to", kind="int", minimum=1600, maximum=2026, label="Last year of the violence investigated"),
    Column("reference", label="Where the facts about the commission were read ('not read' if known second-hand)"),
    Column("situation_ids", kind="list", required=False,
           label="Situations it investigated (';'-list of situations.situation_id)"),
    Column("note", label="Why it maps to those situations, or why none is coded"),
))

ACTORS = TableSpec("actors.csv", (
    Column("actor_id", kind="slug", unique=True, label="Actor identifier"),
    Column("name", label="Name of the actor (a role, not a named country)"),
    _enum("kind", ACTOR_KIND_LABELS, "Kind of actor"),
))

INSTRUMENTS = TableSpec("instruments.csv", (
    Column("instrument_id", kind="slug", unique=True, label="Instrument identifier"),
    Column("title", label="Title of the instrument"),
    Column("year", kind="int", minimum=1800, maximum=2026, label="Year of adoption"),
    _enum("kind", INSTRUMENT_KIND_LABELS, "Kind of instrument"),
    Column("citation", label="UN symbol, UNTS reference or official reference"),
))

OBLIGATIONS = TableSpec("obligations.csv", (
    Column("obligation_id", kind="slug", unique=True, label="Obligation identifier"),
    Column("actor_id", kind="slug", label="Actor holding the duty (actors.actor_id)"),
    Column("description", label="The duty, in one sentence"),
    _enum("norm", NORM_LABELS, "Norm the duty serves"),
    _enum("level", LEVEL_LABELS, "Level of the duty"),
    _enum("r2p_pillar", R2P_PILLAR_LABELS, "R2P pillar", required=False),
    _enum("poc_tier", POC_TIER_LABELS, "Tier of the DPO POC policy", required=False),
    Column("instrument_id", kind="slug", label="Instrument creating the duty (instruments.instrument_id)"),
    Column("provision", label="Article or paragraph"),
    Column("sources", kind="list", label="Sources cited (';'-list of sources.source_id)"),
))
