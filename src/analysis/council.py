"""Council practice: coded resolutions, presidential statements and drafts not adopted.

Every content flag is one :class:`Rule` of :data:`RULES`, written once: a name,
the part of the text it reads (any clause, or operative clauses only) and a
regular expression; :func:`code` applies every rule to a text's clauses and
returns, for each rule, the flag and the clause that matched (kept for review).
A text that is missing gives missing flags (pandas NA), never False.

:func:`build` reads the mirror's texts (:mod:`analysis.external.unsc`) into
three tables -- resolutions 1946-2026, presidential statements 2000-2026 and
drafts not adopted 1946-2026 -- plus a long table of the matched clauses, and
:func:`write` commits them under ``data/council/`` (``make council``; the data card is
:mod:`analysis.council_card`).

Countries come from the committed crosswalk ``data/raw/council_agenda_countries.csv``
(:func:`countries`): the agenda item, its index terms and UNBIS subject terms
name the countries; for a region-wide item (a crosswalk row with an empty iso3,
e.g. "The situation in the Middle East") the text's own title and operative
clauses add the countries they name.

Examples
--------
>>> flags = code([("preamble", "Acting under Chapter VII of the Charter of the United Nations,"),
...               ("operative", "1. Decides to refer the situation in Darfur to the Prosecutor of the "
...                             "International Criminal Court;")])
>>> flags["chapter_vii"][0], flags["icc_referral"][0], flags["poc"][0]
(True, True, False)
>>> code(None)["poc"]
(<NA>, None)
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import data as data_mod
from . import paths
from .atomic import write_csv
from .external import countries as countries_mod
from .external import unsc
from .validation import list_items

OUT = paths.DATA / "council"
CROSSWALK = paths.DATA_RAW / "council_agenda_countries.csv"


@dataclass(frozen=True)
class Rule:
    """A content flag: *pattern* searched in the clauses of *part* ('any' or 'operative')."""

    name: str
    pattern: str
    part: str
    doc: str
    flags: int = re.IGNORECASE

    @property
    def regex(self) -> re.Pattern:
        return _compiled(self.pattern, self.flags)

    @property
    def screen(self) -> re.Pattern:
        """The pattern for a text of clauses joined by line breaks (``^`` at each clause): it matches wherever
        :attr:`regex` matches some clause, so a text it does not match needs no clause-by-clause search."""
        return _compiled(self.pattern, self.flags | re.MULTILINE)


@lru_cache(maxsize=None)
def _compiled(pattern: str, flags: int) -> re.Pattern:
    return re.compile(pattern, flags)


_NUM = r"^(?:\(?\d+\)?\s*\.?\s*|\([a-z]\)\s*)?"
_R2P = r"responsibility\s+to\s+protect"
_WSO = r"paragraphs?\s+138\s*(?:and|-|–|to)\s*139\b"
_STATE_R2P = (r"responsibilit(?:y|ies)\s+of\s+(?:the\s+)?[\w’' -]{1,60}?\s+to\s+protect\s+"
              r"(?:its|their|the)\s+(?:own\s+)?(?:[A-Z]\w+\s+)?(?:civilian\s+)?(?:populations?|people)\b")
_STATES_SHALL = (r"\ba[il]l\s+(?:Member\s+)?States(?:\s+Members\s+of\s+the\s+United\s+Nations)?\s+shall\b[^;]{0,150}?"
                 r"\b(?:prevent|freeze|deny|cease|not\s+(?:sell|supply|permit|make\s+available)"
                 r"|adopt\s+the\s+(?:following\s+)?measures|implement\s+[^;]{0,30}?embargo)")
_SANCTIONS = (r"^(?:\d+\s*\.\s*)?(?:decides,?\s+)?acting\s+under\s+Article\s+41\b"
              rf"|\bdecides\b(?:[^;]{{0,80}}?{_STATES_SHALL}"
              r"|\s+to\s+(?:renew|extend|continue|reimpose|re-impose)\s+(?:until\s+[^;]{0,40}?)?(?:the\s+)?"
              r"(?:measures|sanctions|arms\s+embargo)|\s+that\s+the\s+measures\s+(?:imposed|set\s+out|specified)\b)"
              r"|\b(?:decides\s+to\s+impose|imposes)\s+(?:an?\s+)?(?:the\s+following\s+)?(?:arms\s+embargo|sanctions|measures)")
RULES: tuple[Rule, ...] = (
    Rule("chapter_vii", _NUM + r"(?:\w+\s+){0,4}?[Aa]cting\s+(?:also\s+|further\s+|for\s+these\s+reasons\s+)?"
         r"under\s+(?:[Aa]rticles?\s+[\d\s,and]+of\s+)?"
         r"Chapter\s+VII\b|^\d+\s*\.\s*\w+(?:\s+\w+)?\s*,\s*acting\s+under\s+Chapter\s+VII\b"
         r"|\bacting\s+under\s+Chapter\s+VII\b[^;]{0,80}?,\s*(?:further\s+|also\s+)?"
         r"(?:decides|demands|authori[sz]es|renews|extends|requests|calls)\b", "any",
         "Acts under Chapter VII: a clause that opens with 'Acting under Chapter VII' (the formula before the "
         "operative paragraphs), or a paragraph in which 'acting under Chapter VII' is followed by the Council's verb "
         "('Decides, acting under Chapter VII, to ...'; '... and acting under Chapter VII ..., further decides'). "
         "A mention elsewhere "
         "('Recalling its resolutions adopted under Chapter VII') does not count.", 0),
    Rule("poc", r"\bprotect(?:s|ing|ion\s+of|ion\s+to)?\s+(?:the\s+)?civilian(?:s|\s+populations?)\b", "any",
         "Refers to the protection of civilians: 'protection of civilians', 'protect(ing) civilians', "
         "'protection of the civilian population' anywhere in the text."),
    Rule("poc_mandate", r"\b(?:protect(?:s|ing)?|protection\s+(?:of|to))\b[^;]{0,150}?\bcivilian(?:s|\s+populations?)\b"
         r"[^;]{0,250}?\b(?:threat\s+of\s+(?:imminent\s+)?physical\s+violence|in\s+danger)\b"
         r"|\bauthori[sz]\w*\b[^;]{0,500}?\bprotect\s+civilians\b", "operative",
         "Mandates an operation to protect civilians: an operative paragraph with the mandate formula 'to protect "
         "civilians under (imminent) threat of physical violence' (also '... the civilian population from threat of "
         "physical violence', '... civilians in danger'), or one that authorises a force to '... protect civilians'."),
    Rule("r2p_literal", _R2P, "any",
         "The literal phrase 'responsibility to protect', case-insensitive, any whitespace between the words "
         "(the Global Centre for R2P's counting rule)."),
    Rule("r2p_broad", f"{_R2P}|{_WSO}|{_STATE_R2P}", "any",
         "The literal phrase, OR 'paragraphs 138 and 139' (of the 2005 World Summit Outcome), OR a State's or its "
         "authorities' responsibility to protect its population ('the responsibility of the Libyan authorities to "
         "protect the Libyan population')."),
    Rule("icc_referral", r"\bdecides\s+to\s+refer\s+the\s+situation\b[^;]{0,200}?\bto\s+the\s+Prosecutor\s+of\s+the\s+"
         r"International\s+Criminal\s+Court", "operative",
         "Refers a situation to the ICC Prosecutor: an operative 'Decides to refer the situation ... to the Prosecutor "
         "of the International Criminal Court' (Rome Statute art. 13(b))."),
    Rule("sanctions", _SANCTIONS, "any",
         "Imposes or renews sanctions: a clause that opens with '(Decides,) acting under Article 41', or in which "
         "the Council decides that all States shall prevent, freeze, deny, cease, not sell/supply/permit/make "
         "available, adopt the (following) measures or implement an embargo; decides to renew, extend, continue or "
         "reimpose measures; decides on the measures imposed; or (decides to) impose(s) an arms embargo, sanctions "
         "or measures. Readiness to consider measures under Article 41 does not count."),
    Rule("use_of_force", r"\bauthori[sz]\w*\b[^;]{0,300}?\ball\s+necessary\s+(?:measures|means)\b", "operative",
         "Authorises force: an operative paragraph that authorises ... 'all necessary measures' or 'all necessary "
         "means' (calls on a Government to 'take all necessary measures' do not count)."),
)
FLAGS = tuple(rule.name for rule in RULES)
#: the parts of a text the rules read (each rule names one)
PARTS = ("any", *sorted({rule.part for rule in RULES} - {"any"}))


def _excerpt(text: str, match: re.Match, width: int = 400) -> str:
    if len(text) <= width:
        return text
    start = max(0, min(match.start() - width // 3, len(text) - width))
    return ("…" if start else "") + text[start:start + width] + ("…" if start + width < len(text) else "")


QUOTED = re.compile(r"S/RES/\d+\s*\(\d{4}\)\s*,\s*(?:op|pp)\.")
"""A clause quoting earlier resolutions (the compendium annexes of some statements cite 'S/RES/1970 (2011), op. 5'):
not read by the rules, which code what a text itself says."""


def code(clauses: list[tuple[str, str]] | None) -> dict[str, tuple]:
    """Apply every rule to *clauses* ((part, text) pairs); return {name: (flag, matched clause)}.

    None (a missing text) gives (NA, None) for every rule.

    Examples
    --------
    >>> code([("preamble", "Recalling its resolutions adopted under Chapter VII,")])["chapter_vii"]
    (False, None)
    """
    if clauses is None:
        return {rule.name: (pd.NA, None) for rule in RULES}
    readable = [(part, text) for part, text in clauses if not QUOTED.search(text)]
    joined = {part: "\n".join(text for p, text in readable if part in ("any", p)) for part in PARTS}
    out = {}
    for rule in RULES:
        hit = None
        for part, text in readable if rule.screen.search(joined[rule.part]) else ():
            if rule.part == "any" or part == rule.part:
                match = rule.regex.search(text)
                if match:
                    hit = _excerpt(text, match)
                    break
        out[rule.name] = (hit is not None, hit)
    return out


# ---------------------------------------------------------------- countries

@lru_cache(maxsize=1)
def _crosswalk(path: str) -> tuple[re.Pattern, re.Pattern, tuple[tuple[re.Pattern, str], ...]]:
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    names = sorted({(alt, row.iso3) for row in table.itertuples() for alt in row.pattern.split("|")},
                   key=lambda item: -len(item[0]))
    joined = "|".join(f"(?:{alt})" for alt, _ in names)
    lookup = tuple((re.compile(alt, re.IGNORECASE), iso3) for alt, iso3 in names)
    return re.compile(rf"\b(?:{joined})\b", re.IGNORECASE), re.compile(rf"\b(?:{joined})\b"), lookup


@lru_cache(maxsize=4096)
def _code_of(name: str, lookup) -> str:
    return next(code for alt, code in lookup if alt.fullmatch(name))


def _names(text: str, regex: re.Pattern, lookup) -> tuple[set[str], bool]:
    codes, regional = set(), False
    for match in regex.finditer(text or ""):
        iso3 = _code_of(match.group(0), lookup)
        regional = regional or iso3 == ""
        codes.update(list_items(iso3))
    return codes, regional


def countries(agenda: str, terms: str = "", title: str = "", clauses=None, path: Path = CROSSWALK) -> list[str]:
    """ISO3 codes a text concerns, from its agenda item and terms, or its own words for region-wide items.

    For a region-wide item the countries its title names are added; a text without such a title adds the
    countries its operative clauses name (counted by clause; those named more than a third as often as the most
    named one, so that a convener or donor named once does not count).

    Examples
    --------
    >>> countries("The situation in Libya")
    ['LBY']
    >>> countries("The situation in the Middle East", clauses=[("operative", "1. Calls upon Israel and Lebanon ...")])
    ['ISR', 'LBN']
    >>> countries("Reports of the Secretary-General on the Sudan and South Sudan")
    ['SDN', 'SSD']
    """
    anycase, exact, lookup = _crosswalk(str(path))
    codes, regional = _names(f"{agenda or ''} | {terms or ''}", anycase, lookup)
    if regional or (not codes and not agenda):
        named = _names(title or "", anycase, lookup)[0]
        if not named:  # the operative clauses: countries named in more than a third as many clauses as the top one
            tally = Counter(c for part, t in (clauses or []) if part == "operative"
                            for c in _names(t, exact, lookup)[0])
            top = max(tally.values(), default=0)
            named = {c for c, n in tally.items() if 3 * n > top}
        codes |= named
    return sorted(codes)


def _gw(codes: list[str], year) -> str:
    if pd.isna(year):
        return ""
    found = dict.fromkeys(g for g in (countries_mod.gw_for_iso3(c, int(year)) for c in codes) if g is not None)
    return "; ".join(str(g) for g in found)


# ---------------------------------------------------------------- tables

VOTE = ["votes_for", "votes_against", "votes_abstaining"]


def _apply(frame: pd.DataFrame, kind: str) -> tuple[pd.DataFrame, list[dict]]:
    """Add the flags, countries and GW codes to *frame* (column ``clauses``); return it and the matched clauses."""
    sentences, flags = [], {name: [] for name in FLAGS}
    iso, gw = [], []
    for row in frame.itertuples():
        clauses = row.clauses if isinstance(row.clauses, list) else None
        coded = code(clauses)
        for name, (flag, sentence) in coded.items():
            flags[name].append(flag)
            if sentence:
                sentences.append({"kind": kind, "symbol": row.symbol, "rule": name, "sentence": sentence})
        codes = countries(*(_str(getattr(row, c, "")) for c in ("agenda", "agenda_index", "title")), clauses)
        iso.append("; ".join(codes))
        gw.append(_gw(codes, row.year))
    frame = frame.assign(countries_iso3=iso, countries_gw=gw, text_available=frame["clauses"].apply(
        lambda c: isinstance(c, list)))
    for name in FLAGS:
        frame[name] = pd.array(flags[name], dtype="boolean")
    return frame, sentences


def _str(value) -> str:
    return value if isinstance(value, str) else ""


def _unanimous(frame: pd.DataFrame) -> pd.Series:
    without_vote = frame.get("adoption", pd.Series("", index=frame.index)).fillna("").str.contains(
        "without vote|acclamation", case=False)
    counted = (frame["votes_against"] == 0) & (frame["votes_abstaining"] == 0)
    return counted.astype("boolean").mask(frame["votes_for"].isna() & without_vote, True)


def resolution_sources(root: Path | None, akn: pd.DataFrame, meet: pd.DataFrame) -> pd.DataFrame:
    """Resolutions 1-2825 before coding: AKN4UN texts, cr-unsc texts, meeting tables, the yearly digest."""
    res = akn[akn["kind"] == "resolution"].assign(source="unxml")
    gold = unsc.gold_texts(root)
    gold = gold[~gold["number"].isin(res["number"])].assign(source="cr-unsc")
    meet = meet[meet["outcome"] == "resolution"].drop_duplicates("number")
    meet = meet.set_index("number")[["symbol", "date", "year", "topic", "meeting"] + VOTE]
    digest = unsc.extract_digest(root)
    frame = pd.concat([res, gold], ignore_index=True).set_index("number")
    numbers = pd.Index(range(1, int(res["number"].max()) + 1), name="number")
    frame = frame.reindex(numbers)
    frame["agenda"] = frame["agenda"].fillna(meet["topic"])
    for column in ["date", "meeting"] + VOTE:
        frame[column] = frame[column].fillna(meet[column]) if column in frame else meet[column]
    digest = digest.assign(number=digest["symbol"].str.extract(r"S/RES/(\d+)", expand=False).astype(float))
    digest = digest.dropna(subset=["number"]).drop_duplicates("number")
    digest = digest.set_index(digest["number"].astype(int))
    frame["agenda"] = frame["agenda"].fillna(digest["agenda_item_name"].reindex(frame.index))
    frame["date"] = frame["date"].fillna(pd.to_datetime(digest["adoption_date"], errors="coerce").dt.strftime(
        "%Y-%m-%d").reindex(frame.index))
    frame["adoption"] = frame["adoption"].fillna(digest["adoption_type"].reindex(frame.index))
    year = pd.to_numeric(frame["date"].str[:4], errors="coerce").fillna(frame["year"])
    frame["year"] = year.where(year.notna(), year.ffill().where(year.ffill() == year.bfill())).astype("Int64")
    frame["symbol"] = [f"S/RES/{n} ({y})" for n, y in zip(frame.index, frame["year"])]
    frame["source"] = frame["source"].fillna(frame["agenda"].notna().map({True: "meeting-table", False: "none"}))
    return frame.reset_index()


RESOLUTION_COLUMNS = ["number", "symbol", "date", "year", "agenda", "countries_iso3", "countries_gw", "meeting",
                      *VOTE, "unanimous", "against", "abstaining", "text_available", "source", *FLAGS,
                      "chapter_vii_meta"]


def resolutions(root: Path | None, akn: pd.DataFrame, meet: pd.DataFrame) -> tuple[pd.DataFrame, list[dict]]:
    """The coded resolutions table (one row per number 1-2825) and its matched clauses."""
    frame, sentences = _apply(resolution_sources(root, akn, meet), "resolution")
    frame["unanimous"] = _unanimous(frame)
    for column in ("against", "abstaining"):
        frame[column] = frame[column].fillna("")
    return frame[RESOLUTION_COLUMNS], sentences


STATEMENT_COLUMNS = ["symbol", "date", "year", "agenda", "countries_iso3", "countries_gw", "meeting",
                     "text_available", "recovered", *FLAGS]


def statements(akn: pd.DataFrame) -> tuple[pd.DataFrame, list[dict]]:
    """The coded presidential statements (every AKN4UN statement, the malformed ones recovered)."""
    frame = akn[akn["kind"] == "statement"].copy()
    order = frame["symbol"].str.extract(r"S/PRST/(\d+)/(\d+)").astype(int)
    frame["year"] = order[0].astype("Int64")  # the symbol's year (a statement's metadata date may be its issue)
    frame, sentences = _apply(frame, "statement")
    frame = frame.assign(_n=order[1]).sort_values(["year", "_n"])
    return frame[STATEMENT_COLUMNS], sentences


DRAFT_COLUMNS = ["symbol", "date", "year", "meeting", "agenda", "countries_iso3", "countries_gw", *VOTE,
                 "vetoed_by", "vetoed", "source", "text_available", *FLAGS]


def drafts(root: Path | None, akn: pd.DataFrame, meet: pd.DataFrame,
           vetoes: pd.DataFrame | None = None) -> tuple[pd.DataFrame, list[dict]]:
    """Drafts not adopted: the meeting tables 1946-2022 with the veto list's members, and the AKN4UN drafts 2023-2025.

    The ``crisis_topic`` of the ``unsc_vetoes`` list (*vetoes*), matched by draft symbol, is read with the agenda
    item as an index term: it names the country of a vetoed draft filed under "The situation in the Middle East".
    """
    meet = meet[meet["outcome"] == "draft"].rename(columns={"topic": "agenda"}).assign(source="meeting-table")
    library = unsc.veto_list(root)
    listed = library.drop_duplicates("draft").set_index("draft")["vetoed_by"]
    from_list = meet["symbol"].map(listed).fillna("")
    meet["vetoed_by"] = meet["vetoed_by"].where(meet["vetoed_by"] != "", from_list)
    unmatched = library[~library["draft"].isin(meet["symbol"])].rename(columns={"draft": "symbol"})
    unmatched = unmatched.assign(year=unmatched["date"].str[:4].astype(int), source="veto-list")
    texts = akn[akn["kind"] == "draft"].assign(source="unxml")
    texts["year"] = texts["date"].str[:4].astype(int)
    enough = texts["votes_for"].fillna(0) >= 9  # a permanent member's 'no' is a veto only when nine voted yes
    texts["vetoed_by"] = texts["against"].apply(_p5).where(enough, "")
    frame = pd.concat([meet, unmatched, texts], ignore_index=True)
    if vetoes is not None:
        topics = vetoes.dropna(subset=["draft"]).drop_duplicates("draft").set_index("draft")["crisis_topic"]
        frame["agenda_index"] = frame["symbol"].map(topics).fillna(frame.get("agenda_index", ""))
    frame["clauses"] = frame["clauses"].where(frame["clauses"].apply(lambda c: isinstance(c, list)), None)
    frame["year"] = frame["year"].astype("Int64")
    frame, sentences = _apply(frame, "draft")
    frame["vetoed"] = frame["vetoed_by"].fillna("") != ""
    frame = frame.sort_values(["date", "symbol"], kind="stable")
    return frame[DRAFT_COLUMNS], sentences


def _p5(names: str) -> str:
    found = re.findall(r"CHINA|FRANCE|RUSSIAN FEDERATION|UNITED KINGDOM|UNITED STATES", names or "")
    return "; ".join(sorted({unsc.P5[n.title()] if n.title() in unsc.P5 else n.title() for n in found}))


# ---------------------------------------------------------------- build, reconcile, write

@dataclass
class Council:
    """The coded tables: resolutions, statements, drafts and the long table of matched clauses."""

    resolutions: pd.DataFrame
    statements: pd.DataFrame
    drafts: pd.DataFrame
    sentences: pd.DataFrame


def build(root: Path | None = None, vetoes: pd.DataFrame | None = None) -> Council:
    """Read every text of the mirror and code it (see the module docstring); *vetoes*: the ``unsc_vetoes`` list."""
    akn, meet = unsc.akn_documents(root), unsc.meetings(root)
    res, s1 = resolutions(root, akn, meet)
    prst, s2 = statements(akn)
    drf, s3 = drafts(root, akn, meet, vetoes)
    sentences = pd.DataFrame(s1 + s2 + s3, columns=["kind", "symbol", "rule", "sentence"])
    return Council(res, prst, drf, sentences)


def veto_reconciliation(drafts_table: pd.DataFrame, vetoes: pd.DataFrame) -> pd.DataFrame:
    """Vetoed drafts per year: this table against the ``unsc_vetoes`` list (differences reported, not forced).

    Examples
    --------
    >>> mine = pd.DataFrame({"year": [1946, 1946, 1947], "vetoed": [True, False, True], "date": ["1946-01-01"] * 3})
    >>> theirs = pd.DataFrame({"year": [1946, 1947, 1947]})
    >>> veto_reconciliation(mine, theirs).to_dict("records")
    [{'year': 1947, 'drafts_vetoed': 1, 'unsc_vetoes': 2, 'difference': -1}]
    """
    mine = drafts_table[drafts_table["vetoed"] & (drafts_table["date"].fillna("") <= "2022-09-30")]
    table = pd.DataFrame({"drafts_vetoed": mine.groupby("year").size(),
                          "unsc_vetoes": vetoes.groupby("year").size()}).fillna(0).astype(int)
    table["difference"] = table["drafts_vetoed"] - table["unsc_vetoes"]
    table.index.name = "year"
    return table[table["difference"] != 0].reset_index()


def published_counts(res: pd.DataFrame) -> pd.DataFrame:
    """Resolutions from 2006 with each R2P rule, by the end of 2019, 2024 and 2025, against the published counts."""
    published = {2019: 81, 2024: 93, 2025: 97}
    rows = []
    for year, count in published.items():
        part = res[(res["year"] >= 2006) & (res["year"] <= year)]
        rows.append({"by_end_of": year, "published_gcr2p": count, "r2p_literal": int(part["r2p_literal"].sum()),
                     "r2p_broad": int(part["r2p_broad"].sum())})
    return pd.DataFrame(rows)


def write(council: Council, out: Path = OUT) -> list[Path]:
    """Write the tables under *out* (sorted, atomically); return the paths written.

    The data card ``README.md`` beside them is written by :mod:`analysis.council_card`.
    """
    written = []
    for name, frame in (("resolutions", council.resolutions), ("statements", council.statements),
                        ("drafts", council.drafts),
                        ("sentences", council.sentences.sort_values(["kind", "symbol", "rule"], kind="stable"))):
        path = Path(out) / f"{name}.csv"
        write_csv(frame.reset_index(drop=True), path)
        written.append(path)
    return written


# ---------------------------------------------------------------- per situation

def load(name: str, folder: Path = OUT) -> pd.DataFrame:
    """Read a committed table (resolutions, statements, drafts, sentences) of ``data/council``."""
    frame = pd.read_csv(Path(folder) / f"{name}.csv", dtype={"countries_iso3": str, "countries_gw": str},
                        keep_default_na=False, na_values=[""])
    for column in [c for c in (*FLAGS, "text_available", "recovered", "vetoed", "unanimous") if c in frame]:
        frame[column] = frame[column].astype("boolean")
    return frame


#: the columns of :func:`decisions` (:func:`record_for` drops the last)
DECISION_COLUMNS = ["year", "kind", "symbol", "agenda", "flags", "vetoed_by", "countries_iso3"]


def decisions(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The Council's tables as one frame, a row per decision, as :func:`record_for` returns them.

    Columns: ``year``, ``kind`` (the table's name in the singular), ``symbol``, ``agenda``, ``flags`` (the
    content flags set, comma-separated), ``vetoed_by`` and ``countries_iso3``. Built once, it lets
    :func:`record_for` select a country's rows without recomputing the flags for every situation.

    Examples
    --------
    >>> res = pd.DataFrame({"symbol": ["S/RES/1970 (2011)"], "year": [2011], "agenda": ["Libya"],
    ...                     "countries_iso3": ["LBY"], "icc_referral": [True], "poc": [pd.NA]})
    >>> decisions({"resolutions": res})[["kind", "symbol", "flags"]].to_dict("records")
    [{'kind': 'resolution', 'symbol': 'S/RES/1970 (2011)', 'flags': 'icc_referral'}]
    """
    parts = []
    for name, frame in tables.items():
        present = [f for f in FLAGS if f in frame]
        marks = frame[present].astype("boolean").fillna(False).astype(bool).to_numpy()
        flags = [", ".join(f for f, on in zip(present, row) if on) for row in marks]
        parts.append(frame.assign(kind=name.rstrip("s"), flags=flags).reindex(columns=DECISION_COLUMNS))
    if not parts:
        return pd.DataFrame(columns=DECISION_COLUMNS)
    return pd.concat([p for p in parts if len(p)] or parts[:1], ignore_index=True)


def by_country(decisions_frame: pd.DataFrame) -> defaultdict[str, pd.DataFrame]:
    """:func:`decisions` split by the ISO3 codes in ``countries_iso3`` (a decision on two countries is in both).

    A country with no decision gets the empty frame, so a caller asking for many situations filters only
    its country's rows.

    Examples
    --------
    >>> d = pd.DataFrame({"year": [2011, 2012], "symbol": ["A", "B"], "countries_iso3": ["LBY; TUN", "LBY"]})
    >>> split = by_country(d)
    >>> split["LBY"]["symbol"].tolist(), split["TUN"]["symbol"].tolist(), len(split["FRA"])
    (['A', 'B'], ['A'], 0)
    """
    codes = decisions_frame["countries_iso3"].fillna("").astype(str).str.split("; ").explode()
    codes = codes[codes != ""]
    empty = decisions_frame.iloc[:0]
    split = defaultdict(lambda: empty)
    split.update({iso3: decisions_frame.loc[sorted(set(rows.index))] for iso3, rows in codes.groupby(codes)})
    return split


def record_for(iso3: str, first: int, last: int, tables: dict[str, pd.DataFrame] | pd.DataFrame) -> pd.DataFrame:
    """The Council's decisions concerning *iso3* in the years *first*-*last* (one row per decision).

    *tables* are the Council's tables by name, or their :func:`decisions` (prepared once by a caller that asks
    for many situations).

    Examples
    --------
    >>> res = pd.DataFrame({"symbol": ["S/RES/1970 (2011)", "S/RES/1"], "year": [2011, 1946], "agenda": ["Libya", "x"],
    ...                     "countries_iso3": ["LBY", "IRN"], "icc_referral": [True, False]})
    >>> record_for("LBY", 2011, 2011, {"resolutions": res})[["year", "kind", "symbol", "flags"]].to_dict("records")
    [{'year': 2011, 'kind': 'resolution', 'symbol': 'S/RES/1970 (2011)', 'flags': 'icc_referral'}]
    """
    frame = decisions(tables) if isinstance(tables, dict) else tables
    codes = frame["countries_iso3"].fillna("").astype(str)
    mask = codes.str.contains(rf"(?:^|; ){re.escape(iso3)}(?:;|$)") & frame["year"].between(first, last)
    out = frame.loc[mask, DECISION_COLUMNS[:-1]]
    return out.sort_values(["year", "kind", "symbol"], kind="stable").reset_index(drop=True)


def situation_record(situation_id: str, situations: pd.DataFrame | None = None, folder: Path = OUT) -> pd.DataFrame:
    """For every year of a situation: the resolutions, statements and drafts not adopted concerning its country."""
    situations = situations if situations is not None else data_mod.load_situations()
    match = situations[situations["situation_id"] == situation_id]
    if match.empty:
        raise ValueError(f"unknown situation_id {situation_id!r}")
    row = match.iloc[0]
    last = int(row["end_year"]) if pd.notna(row["end_year"]) else 2026
    tables = {name: load(name, folder) for name in ("resolutions", "statements", "drafts")}
    out = record_for(row["iso3"], int(row["start_year"]), last, tables)
    out.attrs.update(situation_id=situation_id, name=row["name"], iso3=row["iso3"],
                     years=(int(row["start_year"]), last))
    return out


def format_record(record: pd.DataFrame) -> str:
    """Plain-text rendering of :func:`situation_record`, year by year ('silent' for a year without decisions)."""
    first, last = record.attrs.get("years", (record["year"].min(), record["year"].max()))
    lines = [f"{record.attrs.get('situation_id', '')}: {record.attrs.get('name', '')} "
             f"({record.attrs.get('iso3', '')}, {first}-{last})"]
    for year in range(int(first), int(last) + 1):
        rows = record[record["year"] == year]
        lines.append(f"{year}: " + ("silent (no resolution, statement or draft naming the country)" if rows.empty
                                    else f"{len(rows)} decision(s)"))
        for r in rows.itertuples():
            veto = f" [vetoed by {r.vetoed_by}]" if isinstance(r.vetoed_by, str) and r.vetoed_by else ""
            flags = f" -- {r.flags}" if r.flags else ""
            lines.append(f"  {r.kind:<10} {r.symbol:<20} {str(r.agenda)[:60]}{flags}{veto}")
    return "\n".join(lines)


# ---------------------------------------------------------------- per country-year

#: the panel's Council columns: (column, table, flag or None for a plain count)
COUNTRY_YEAR = (("council_resolutions", "resolutions", None), ("council_chapter_vii", "resolutions", "chapter_vii"),
                ("council_poc", "resolutions", "poc"), ("council_r2p", "resolutions", "r2p_literal"),
                ("council_vetoed", "drafts", "vetoed"))


def country_years(tables: dict[str, pd.DataFrame], start: int = 1989, end: int = 2024) -> pd.DataFrame:
    """Council decisions per Gleditsch-Ward country-year: the columns of :data:`COUNTRY_YEAR`.

    A decision counts for every country in its ``countries_gw`` (the GW codes of its adoption year).
    ``council_resolutions`` counts resolutions; ``council_chapter_vii``, ``council_poc`` and ``council_r2p``
    (the literal phrase) count those with the flag, and are missing (NA, never 0) in a country-year where a
    resolution has no text (900-1284 of 1994-1999, 2589, 2762): the flag is unknown there.
    ``council_vetoed`` counts vetoed drafts. Country-years absent from the result had no decision.

    Examples
    --------
    >>> res = pd.DataFrame({"year": [1996, 1996, 2011], "countries_gw": ["490", "490; 500", "620"],
    ...                     "chapter_vii": pd.array([pd.NA, False, True], dtype="boolean"),
    ...                     "poc": pd.array([pd.NA, False, True], dtype="boolean"),
    ...                     "r2p_literal": pd.array([pd.NA, False, True], dtype="boolean")})
    >>> drafts = pd.DataFrame({"year": [2011], "countries_gw": ["652"], "vetoed": [True]})
    >>> table = country_years({"resolutions": res, "drafts": drafts})
    >>> print(table.rename(columns=lambda c: c.replace("council_", "")).to_string(index=False))
     gwno  year  resolutions  chapter_vii  poc  r2p  vetoed
      490  1996            2         <NA> <NA> <NA>       0
      500  1996            1            0    0    0       0
      620  2011            1            1    1    1       0
      652  2011            0            0    0    0       1
    """
    counts = {}
    for column, name, flag in COUNTRY_YEAR:
        frame = tables[name]
        frame = frame[frame["year"].between(start, end)]
        frame = frame.assign(gwno=frame["countries_gw"].fillna("").astype(str).str.split("; ")).explode("gwno")
        frame = frame[frame["gwno"] != ""].astype({"gwno": "int64", "year": "int64"})
        values = pd.Series(1, index=frame.index, dtype="Int64") if flag is None else frame[flag].astype("Int64")
        grouped = values.groupby([frame["gwno"], frame["year"]])
        unknown = grouped.apply(lambda v: bool(v.isna().any())).astype(bool)
        counts[column] = grouped.sum().astype("Int64").mask(unknown)
    index = pd.MultiIndex.from_tuples(sorted(set().union(*(c.index for c in counts.values()))),
                                      names=["gwno", "year"])
    # a country-year without a decision of one kind has 0 of it; an unknown flag stays missing
    out = pd.DataFrame({c: s.reindex(index).where(index.isin(s.index), 0) for c, s in counts.items()})
    return out.astype("Int64").reset_index().sort_values(["year", "gwno"], ignore_index=True)
