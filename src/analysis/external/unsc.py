"""Security Council texts: readers for the mirror's ``unsc_texts`` folder.

The folder (see its README) holds four sources, read here into plain tables:

* :func:`akn_documents` -- the UN's AKN4UN XML (repository ``UNxml/SCresolutions``)
  of resolutions 1285-2825, presidential statements 2000-2026 and the drafts not
  adopted of 2023-2025: one row per document with symbol, number, date, agenda
  item, UNBIS subject terms, vote and the text as clauses;
* :func:`gold_texts` -- the hand-checked texts of resolutions 1-899 and 902 of the
  *Corpus of Resolutions: UN Security Council* (``SeanFobbe/cr-unsc``, CC0);
* :func:`meetings` -- the Dag Hammarskjöld Library's tables of Council meetings
  1946-July 2022: one row per outcome (resolution with vote, presidential
  statement, draft not adopted with its vetoing members);
* :func:`veto_list` -- the Library's veto list (draft symbol and vetoing members).

Where the folder is read
------------------------
``make data`` (``python -m analysis data``) copies the folder from
``$DATA_MIRROR/unsc_texts`` into ``data/external/unsc_texts`` and checks every
file against the folder's ``SHA256SUMS`` (:func:`install`). :func:`folder` reads
``data/external/unsc_texts`` and, when that copy is absent, the mirror's folder
in place; it returns None when neither exists (readers then raise
``FileNotFoundError``, and tests skip).

Quirks handled (the folder README's list): resolutions 2193-2195 and 2464 are
filed twice (one row is kept per symbol); ``S_PRST_2020_11.xml`` is a
presidential statement filed among the 2020 resolutions (its kind comes from its
symbol, not its folder); 2510 (2020) is read from ``unxml_recovered``; the 119
presidential statements of 2000-2009 that are not well-formed XML (an unbalanced
``</docTitle>``) are repaired and, failing that, read by a tag-stripping
fallback, never dropped (column ``recovered``).

Examples
--------
>>> vote_counts("Adopted 10-0-5, 6498th meeting")
(10, 0, 5)
>>> vote_counts("Adopted unanimously, 6469th meeting")
(15, 0, 0)
>>> clean("  Acting under\\n Chapter  VII ,")
'Acting under Chapter VII ,'
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import html
import json
import os
import re
import shutil
import xml.etree.ElementTree as ET
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd

from .. import paths

FOLDER = "unsc_texts"
UNXML_COMMIT = "6c4072a866bfd189176ae91d119cc4c66e3ff331"
UNXML_RECOVERED_COMMIT = "d35290e39fe63805d13a890e0f920276d2920028"
CR_UNSC_COMMIT = "ba7a562cd5daf59b43ca555578696c1992d9d695"
DHL_COMMIT = "80fede2ed7fb17b2f976999fa4dc7a73462789f1"
MISSING_TEXTS = tuple(range(900, 902)) + tuple(range(903, 1285)) + (2589, 2762)
"""Resolution numbers without an English text in the mirror (README, 'Gaps')."""

_SPACE = re.compile(r"\s+")
_VOTE = re.compile(r"(\d{1,2})\s*-\s*(\d{1,2})\s*-\s*(\d{1,2})")
_RES = re.compile(r"S/RES/(\d+)\s*\((\d{4})\)")


def clean(text: str) -> str:
    """Collapse every run of whitespace to one space and strip the ends."""
    return _SPACE.sub(" ", text or "").strip()


def vote_counts(text: str) -> tuple[int, int, int] | None:
    """Return (for, against, abstaining) from an adoption note, or None if absent."""
    found = _VOTE.search(text or "")
    if found:
        return tuple(int(x) for x in found.groups())
    if re.search(r"unanimous", text or "", re.I):
        return (15, 0, 0)
    return None


# ---------------------------------------------------------------- the folder

def folder() -> Path | None:
    """Return ``data/external/unsc_texts`` if present, else the mirror's copy, else None."""
    local = paths.DATA_EXTERNAL / FOLDER
    if (local / "SHA256SUMS").is_file():
        return local
    mirror = paths.data_mirror()
    if mirror is not None and (mirror / FOLDER / "SHA256SUMS").is_file():
        return mirror / FOLDER
    return None


def _require(root: Path | None) -> Path:
    root = root if root is not None else folder()
    if root is None:
        raise FileNotFoundError(f"no {FOLDER} folder: run 'DATA_MIRROR=... make data' (see data/external/README.md)")
    return Path(root)


def _sums(root: Path) -> dict[str, str]:
    table = {}
    for line in (root / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        if name:
            table[name.removeprefix("./")] = digest
    return table


def verify(root: Path) -> list[str]:
    """Return the files of *root* that are missing or differ from ``SHA256SUMS`` (empty: all good)."""
    problems = []
    for name, digest in sorted(_sums(root).items()):
        path = root / name
        if not path.is_file():
            problems.append(f"missing: {name}")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            problems.append(f"checksum differs: {name}")
    return problems


def install(mirror: Path | None = None) -> str | None:
    """Copy ``unsc_texts`` from the mirror into ``data/external`` and check it; return a status line.

    Returns None when no mirror folder exists (the texts are optional: only
    ``make council`` needs them). An existing copy that verifies is kept.
    """
    mirror = mirror if mirror is not None else paths.data_mirror()
    source = None if mirror is None else Path(mirror) / FOLDER
    target = paths.DATA_EXTERNAL / FOLDER
    if (target / "SHA256SUMS").is_file() and not verify(target):
        return f"ok  {FOLDER}/ ({len(_sums(target))} files)  unxml@{UNXML_COMMIT[:7]}  present"
    if source is None or not (source / "SHA256SUMS").is_file():
        return None
    problems = verify(source)
    if problems:
        raise ValueError(f"{source}: {len(problems)} files fail SHA256SUMS, e.g. {problems[0]}")
    tmp = target.with_name(f".{FOLDER}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(source, tmp, copy_function=shutil.copyfile)
    for path in tmp.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    shutil.rmtree(target, ignore_errors=True)
    tmp.rename(target)
    return f"ok  {FOLDER}/ ({len(_sums(target))} files)  unxml@{UNXML_COMMIT[:7]}  mirror:{FOLDER}"


# ---------------------------------------------------------------- AKN4UN XML

_BROKEN_TITLE = re.compile(r"</docTitle>\s*</p>")
_TAG = re.compile(r"<[^>]+>")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _parse(path: Path) -> tuple[ET.Element | None, bool]:
    """Parse *path*; repair the unbalanced ``</docTitle>`` of the 2000-2009 statements if needed."""
    raw = path.read_text(encoding="utf-8-sig")
    try:
        return ET.fromstring(raw), False
    except ET.ParseError:
        pass
    try:
        return ET.fromstring(_BROKEN_TITLE.sub("</paragraph>", raw, count=1)), True
    except ET.ParseError:
        return None, True


_UNITS = {"paragraph", "container", "alinea", "formula"}


def _units(element: ET.Element):
    """The clause elements under *element*: paragraphs, containers, alineas; wrappers are opened."""
    for child in element:
        if child.tag in _UNITS or not any(e.tag in _UNITS for e in child.iter()):
            yield child
        else:
            yield from _units(child)


def _clauses(section: ET.Element | None, part: str) -> list[tuple[str, str]]:
    if section is None:
        return []
    texts = (clean(" ".join(child.itertext())) for child in _units(section))
    return [(part, text) for text in texts if text]


def _fallback(path: Path) -> dict:
    """Read a file that no repair makes well-formed: metadata by pattern, clauses from its ``<p>``."""
    raw = path.read_text(encoding="utf-8-sig")
    body = raw[raw.find("<mainBody"):] if "<mainBody" in raw else raw[raw.find("</coverPage>"):]
    clauses = [("operative", clean(html.unescape(_TAG.sub(" ", p)))) for p in re.findall(r"<p[ >].*?</p>", body, re.S)]
    symbol = re.search(r'refersTo="#symbol">([^<]+)<', raw)
    date = re.search(r'FRBRdate date="(\d{4}-\d\d-\d\d)" name="adoption"', raw) or re.search(
        r'<docDate date="(\d{4}-\d\d-\d\d)"', raw)
    agenda = re.search(r'refersTo="agenda" value="X" showAs="([^"]*)"', raw)
    return {"symbol": clean(symbol.group(1)) if symbol else None, "date": date.group(1) if date else None,
            "agenda": html.unescape(agenda.group(1)) if agenda else None, "agenda_index": [], "subjects": [],
            "title": None, "adoption": None, "meeting": None, "chapter_vii_meta": None, "votes": {},
            "clauses": [c for c in clauses if c[1]]}


def read_akn(path: Path) -> dict:
    """Read one AKN4UN file into a dict (symbol, date, agenda, subjects, votes, clauses, ...).

    ``clauses`` is a list of (part, text) pairs, part 'preamble', 'operative'
    (a statement's paragraphs are all 'operative') or 'annex' (attachments); ``recovered`` tells that the
    file was not well-formed XML.
    """
    root, recovered = _parse(path)
    if root is None:
        record = _fallback(path)
    else:
        for element in root.iter():
            element.tag = _local(element.tag)
        keywords = [k.attrib for k in root.iter("keyword")]
        steps = [s.attrib for s in root.iter("step")]
        adopted = next((s for s in steps if s.get("outcome") in ("adopted", "veto", "notAdopted")), {})
        votes = {}
        for count in root.iter("count"):
            names = [clean(o.text or "") for o in count.iter("organization")]
            votes[count.get("refersTo")] = (int(count.get("value") or len(names)), names)
        symbol = root.find(".//docNumber")
        dates = [d.get("date") for d in root.iter("docDate") if d.get("refersTo") == "#adoptionDate"]
        dates += [d.get("date") for d in root.iter("FRBRdate")] + [d.get("date") for d in root.iter("docDate")]
        dates = [d for d in dates if d and not d.startswith("0001")]
        record = {
            "symbol": clean(symbol.text) if symbol is not None else None,
            "date": dates[0] if dates else None, "dates": dates,
            "agenda": next((k.get("showAs") for k in keywords if k.get("refersTo") == "agenda"
                            and k.get("dictionary") == "S/"), None),
            "agenda_index": [k.get("showAs") for k in keywords if k.get("refersTo") == "agenda"
                             and k.get("dictionary", "").startswith("S/") and k.get("dictionary") != "S/"],
            "subjects": [k.get("showAs") for k in keywords if k.get("dictionary") == "UNBIS Thesaurus"],
            "title": next((k.get("showAs") for k in keywords if k.get("refersTo") == "title"), None),
            "adoption": adopted.get("by"), "meeting": adopted.get("as"),
            "chapter_vii_meta": adopted.get("refersTo") == "Chapter VII" if adopted else None,
            "votes": votes,
            "clauses": _clauses(root.find("./*/preamble"), "preamble")
            + _clauses(root.find("./*/mainBody"), "operative")
            + [c for attachment in root.iter("attachment") for c in _clauses(attachment, "annex")],
        }
    record["recovered"] = recovered
    record["file"] = path.as_posix()
    return record


_HELD = re.compile(r"held on (\d{1,2} [A-Z][a-z]+ \d{4})")
_ITEM = re.compile(r"item entitled\s*[“\"]([^”\"]+)[”\"]")


def _kind(symbol: str | None) -> str:
    if symbol and symbol.startswith("S/RES/"):
        return "resolution"
    if symbol and symbol.startswith("S/PRST/"):
        return "statement"
    return "draft"


def _row(record: dict, root: Path) -> dict:
    symbol = record["symbol"] or Path(record["file"]).stem
    found = re.search(r"S_PRST_(\d{4})_(\d+)", Path(record["file"]).name)
    if found:  # the file name decides for statements (S_PRST_2007_22 carries the docNumber of resolution 1626)
        symbol = f"S/PRST/{found.group(1)}/{found.group(2)}"
    symbol = re.sub(r"\s+\(", " (", symbol.replace("S/2025-", "S/2025/"))
    number = _RES.search(symbol)
    date, year = record["date"], re.search(r"\((\d{4})\)|^S/PRST/(\d{4})/|^S/(\d{4})/", symbol)
    year = next((y for y in year.groups() if y), None) if year else None
    if year and date and date[:4] != year:  # 2067 (2012) carries 2008-07-18 in its metadata
        held = (_iso_date(m.group(1)) for _, t in record["clauses"][:3] for m in _HELD.finditer(t))
        date = next((d for d in [*record.get("dates", []), *held] if d and d[:4] == year), date)
    votes = record["votes"]
    counts = tuple(votes[k][0] if k in votes else None for k in ("inFavour", "against", "abstaining"))
    if counts[0] is None:
        counts = vote_counts(record["adoption"] or "") or (None, None, None)
    elif counts[1] is None or counts[2] is None:
        counts = tuple(0 if c is None else c for c in counts)
    agenda = record["agenda"] or next((m.group(1) for _, text in record["clauses"][:3]
                                        for m in [_ITEM.search(text)] if m), "")
    return {"kind": _kind(symbol), "symbol": symbol, "number": int(number.group(1)) if number else None,
            "date": date, "agenda": clean(agenda).rstrip(".") or None,
            "agenda_index": "; ".join(filter(None, record["agenda_index"])),
            "subjects": "; ".join(filter(None, record["subjects"])),
            "title": record["title"], "adoption": record["adoption"], "meeting": record["meeting"],
            "chapter_vii_meta": record["chapter_vii_meta"],
            "votes_for": counts[0], "votes_against": counts[1], "votes_abstaining": counts[2],
            "against": "; ".join(votes.get("against", (0, []))[1]),
            "abstaining": "; ".join(votes.get("abstaining", (0, []))[1]),
            "clauses": record["clauses"], "recovered": record["recovered"],
            "file": Path(record["file"]).relative_to(root).as_posix()}


def akn_files(root: Path | None = None) -> list[Path]:
    """Every English AKN4UN file of the folder (resolutions, statements, drafts), sorted."""
    root = _require(root)
    files = [p for p in (root / "unxml").rglob("*.xml") if "German" not in p.parts]
    return sorted(files + list((root / "unxml_recovered").rglob("*.xml")))


def akn_documents(root: Path | None = None) -> pd.DataFrame:
    """One row per AKN4UN document (kind, symbol, number, date, agenda, subjects, vote, clauses).

    Of a symbol filed twice (2193-2195, 2464) the copy with an agenda item is
    kept, then the first in path order. A document without an agenda keyword
    takes the item its text names ("the item entitled “...”").
    """
    root = _require(root)
    with ProcessPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool:
        records = list(pool.map(read_akn, akn_files(root), chunksize=64))
    rows = [_row(record, root) for record in records]
    frame = pd.DataFrame(rows)
    frame = frame.assign(_bare=frame["agenda"].isna()).sort_values(["_bare", "file"], kind="stable")
    frame = frame.drop_duplicates("symbol", keep="first").drop(columns="_bare")
    frame["number"] = frame["number"].astype("Int64")
    for column in ("votes_for", "votes_against", "votes_abstaining"):
        frame[column] = frame[column].astype("Int64")
    return frame.sort_values(["kind", "date", "symbol"]).reset_index(drop=True)


def extract_digest(root: Path | None = None) -> pd.DataFrame:
    """The yearly ``data_extract`` JSON lines (metadata even where a text is missing, e.g. 2589)."""
    root = _require(root)
    rows = []
    for path in sorted((root / "unxml" / "data_extract").glob("*.json")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append(json.loads(line))
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- cr-unsc gold texts

_GOLD = re.compile(r"S_RES_(\d{4})_(\d{4})_EN_GOLD\.txt$")
_CLAUSE_START = re.compile(r"(?<=[,;:])\n(?=[A-Z]|\d+\.\s)")


def split_gold(text: str) -> list[tuple[str, str]]:
    """Split a plain resolution text into (part, clause) pairs.

    Clauses end at blank lines and at line ends after ``,;:`` followed by a
    capital or a paragraph number; numbered clauses are operative. The adoption
    note and the footnotes after it ('Adopted at the 2074th meeting ...') are not text.

    Examples
    --------
    >>> split_gold("The Security Council,\\n\\nNoting x,\\nActing under Chapter VII,\\n\\n1. Decides y;"
    ...            "\\n\\nAdopted at ...")  # doctest: +NORMALIZE_WHITESPACE
    [('preamble', 'The Security Council,'), ('preamble', 'Noting x,'),
     ('preamble', 'Acting under Chapter VII,'), ('operative', '1. Decides y;')]
    """
    out, operative = [], False
    text = re.split(r"^\s*Adopted (?:at|unanimously|without)", text, maxsplit=1, flags=re.M)[0]
    for block in re.split(r"\n\s*\n", text):
        for piece in _CLAUSE_START.split(block.strip()):
            piece = clean(piece)
            if not piece:
                continue
            operative = operative or bool(re.match(r"\d+\s*\.\s", piece))
            out.append(("operative" if operative else "preamble", piece))
    return out


def gold_texts(root: Path | None = None) -> pd.DataFrame:
    """Resolutions of the cr-unsc gold set: number, year (file name), date (the text's 'of DAY MONTH YEAR' line),
    clauses."""
    root = _require(root)
    rows = []
    for path in sorted((root / "cr-unsc" / "data" / "res_en_gold").glob("*.txt")):
        found = _GOLD.search(path.name)
        text = path.read_text(encoding="utf-8")
        year = int(found.group(2))
        date = re.search(rf"^\s*of\s+(\d{{1,2}}\s+[A-Z][a-z]+\s+{year})", text[:200], re.M)
        rows.append({"number": int(found.group(1)), "year": year,
                     "date": pd.to_datetime(date.group(1), errors="coerce") if date else pd.NaT,
                     "clauses": split_gold(text), "file": path.relative_to(root).as_posix()})
    frame = pd.DataFrame(rows)
    frame["date"] = frame["date"].dt.strftime("%Y-%m-%d")
    return frame


# ---------------------------------------------------------------- Dag Hammarskjöld Library tables

@dataclass
class _Rows(HTMLParser):
    """Collect the cells of every table row as (text, links) pairs."""

    rows: list = field(default_factory=list)
    _cell: list | None = None
    _links: list = field(default_factory=list)

    def __post_init__(self):
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._close()
            self._cell, self._links = [], []
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")
        elif tag == "a" and self._cell is not None:
            self._links.append(dict(attrs).get("href", ""))

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self._close()

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)

    def _close(self):
        if self._cell is not None and self.rows:
            self.rows[-1].append(("".join(self._cell), self._links))
        self._cell = None


def html_rows(text: str) -> list[list[tuple[str, list[str]]]]:
    """Every table row of an HTML page as a list of (cell text, links) pairs.

    Examples
    --------
    >>> html_rows("<table><tr><td>a<br>b</td><td><a href='x'>y</a></td></tr></table>")
    [[('a\\nb', []), ('y', ['x'])]]
    """
    parser = _Rows()
    parser.feed(text)
    parser.close()
    return [row for row in parser.rows if row]


_MEETING = re.compile(r"S/PV\.\s?(\d+)")
_DAY = re.compile(r"^\s*(\d{1,2})\s+([A-Z][a-z]+)\s*$|^\s*([A-Z][a-z]+)\s+(\d{1,2})\s*$")
_SYMBOL = r"S/(?:PV\.\d+|\d{4}/\d+|\d+)(?:/Rev\.\s?\d+)?"
_DRAFT = re.compile(rf"Draft resolution\s*\(?\s*({_SYMBOL})|({_SYMBOL})\)?\s*(?=not adopted|vetoed)", re.I)
P5 = {"USSR": "USSR", "Russian Federation": "Russian Federation", "China": "China", "France": "France",
      "United Kingdom": "United Kingdom", "UK": "United Kingdom", "USA": "United States",
      "United States": "United States"}


def vetoing_members(text: str) -> list[str]:
    """Permanent members named in a 'vetoed by ...' note (standard names).

    Examples
    --------
    >>> vetoing_members("vetoed by China and Russian Federation 13-2-0")
    ['China', 'Russian Federation']
    >>> vetoing_members("not adopted 4-9-2")
    []
    """
    found = re.search(r"vetoed by (.*)", text, re.I | re.S)
    if not found:
        return []
    names = re.findall(r"USSR|Russian Federation|China|France|United Kingdom|UK|USA|United States", found.group(1))
    return sorted({P5[n] for n in names})


def _outcomes(text: str, links: list[str]) -> list[dict]:
    """Split an outcome cell into resolutions, statements and drafts not adopted."""
    text = clean(text.replace("\n", " | "))
    out = []
    pieces = re.split(r"(?=S/RES/\d)|(?=S/PRST/)|(?=Draft resolution)|(?<=\| )(?=S/\d{4}/\d+ not adopted)", text,
                      flags=re.I)
    for piece in pieces:
        votes = vote_counts(piece) if _VOTE.search(piece) else None
        res = _RES.match(piece.strip()) or re.match(r"S/RES/(\d+)\s*\((\d{4})\)?", piece.strip())
        prst = re.match(r"S/PRST/(\d{4})/(\d+)", piece.strip())
        draft = _DRAFT.search(piece) if re.search(r"not adopted|vetoed|Draft resolution", piece, re.I) else None
        if res:
            out.append({"outcome": "resolution", "symbol": f"S/RES/{int(res.group(1))} ({res.group(2)})",
                        "number": int(res.group(1)), "votes": votes, "vetoed_by": []})
        elif prst:
            out.append({"outcome": "statement", "symbol": f"S/PRST/{prst.group(1)}/{int(prst.group(2))}",
                        "number": None, "votes": None, "vetoed_by": []})
        elif draft:
            symbol = next(g for g in draft.groups() if g).rstrip(").")
            out.append({"outcome": "draft", "symbol": symbol, "number": None, "votes": votes,
                        "vetoed_by": vetoing_members(piece)})
    return out


def _meeting_rows(path: Path, year: int) -> list[dict]:
    rows, meeting, day = [], None, None
    for cells in html_rows(path.read_text(encoding="utf-8", errors="replace")):
        texts = [clean(c[0]) for c in cells]
        if any(t.startswith("S/PV.") or _MEETING.fullmatch(t) for t in texts[:1]):
            meeting, day = _MEETING.search(texts[0]).group(1), None
        if meeting is None or len(cells) < 2 or texts[0] in ("Meeting Record", "Date"):
            continue
        for text in texts[1:3]:
            if _DAY.match(text):
                day = text
        rest = [c for c, t in zip(cells, texts) if not (t.startswith("S/PV.") or _DAY.match(t) or t.startswith("SC/"))]
        if len(rest) < 2:
            continue
        topic, outcome = rest[-2], rest[-1]
        base = {"meeting": f"S/PV.{meeting}", "date": f"{day} {year}" if day else None, "year": year,
                "topic": clean(topic[0])}
        found = _outcomes(outcome[0], outcome[1])
        rows.extend({**base, **o} for o in found) if found else rows.append({**base, "outcome": None})
    return rows


@functools.lru_cache(maxsize=None)
def _iso_date(text: str | None) -> str | None:
    """'17 March 2011' or 'March 17 2011' as '2011-03-17' (None when not a date).

    Examples
    --------
    >>> _iso_date("17 March 2011"), _iso_date("March 17 2011"), _iso_date("Record")
    ('2011-03-17', '2011-03-17', None)
    """
    for form in ("%d %B %Y", "%B %d %Y"):
        try:
            return datetime.datetime.strptime(clean(text or ""), form).strftime("%Y-%m-%d")
        except ValueError:
            continue
    return None


def meetings(root: Path | None = None) -> pd.DataFrame:
    """One row per meeting outcome 1946-2022 (outcome None for a meeting without a decision).

    Columns: meeting, date, year, topic, outcome (resolution, statement, draft or
    None), symbol, number, votes_for/against/abstaining, vetoed_by ('; '-joined).
    """
    root = _require(root)
    rows = []
    for path in sorted((root / "dhl-meetings" / "UNDataScraping" / "scratch").glob("scact[0-9]*_table_en.html")):
        rows.extend(_meeting_rows(path, int(re.search(r"scact(\d{4})", path.name).group(1))))
    frame = pd.DataFrame(rows)
    votes = frame.pop("votes").apply(lambda v: v if isinstance(v, tuple) else (None, None, None))
    for i, column in enumerate(("votes_for", "votes_against", "votes_abstaining")):
        frame[column] = pd.array([v[i] for v in votes], dtype="Int64")
    frame["vetoed_by"] = frame["vetoed_by"].apply(lambda v: "; ".join(v) if isinstance(v, list) else "")
    frame["number"] = frame["number"].astype("Int64")
    frame["date"] = frame["date"].map(_iso_date)
    return frame.drop_duplicates(["meeting", "topic", "outcome", "symbol"]).reset_index(drop=True)


def veto_list(root: Path | None = None) -> pd.DataFrame:
    """The Library's veto list: date, draft symbol, meeting, agenda item, vetoing members."""
    root = _require(root)
    page = root / "dhl-meetings" / "UNDataScraping" / "scratch" / "scact_veto_table_en.html"
    rows = []
    for cells in html_rows(page.read_text(encoding="utf-8", errors="replace")):
        texts = [c[0] for c in cells]
        date = _iso_date(clean(texts[0])) if texts else None
        if len(cells) < 5 or date is None:
            continue
        names = re.findall(r"USSR|Russian Federation|China|France|United Kingdom|UK|USA|United States", texts[-1])
        rows.append({"date": date, "draft": clean(texts[1]).split(" ")[0],
                     "meeting": clean(texts[2]), "agenda": clean(texts[3]),
                     "vetoed_by": "; ".join(sorted({P5[n] for n in names}))})
    return pd.DataFrame(rows)
