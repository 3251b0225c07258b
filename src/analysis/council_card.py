"""The data card of ``data/council/`` (presentation): sources, columns, gaps, rules, counts, reconciliation.

Written beside the tables by ``python -m analysis council build``; the counts and the
reconciliation with the published figures are computed from the tables, the rules'
descriptions are the docstrings of :data:`analysis.council.RULES`.

Examples
--------
>>> print(_md(pd.DataFrame({"a": [1], "b": [None]})), end="")
| a | b |
|---|---|
| 1 |  |
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .atomic import write_if_changed
from .council import FLAGS, OUT, RULES, Council, published_counts, veto_reconciliation
from .external import unsc


def _md(frame: pd.DataFrame) -> str:
    head = "| " + " | ".join(map(str, frame.columns)) + " |\n|" + "---|" * len(frame.columns) + "\n"
    return head + "".join("| " + " | ".join("" if pd.isna(v) else str(v) for v in row) + " |\n"
                          for row in frame.itertuples(index=False))


def _flag_counts(council: Council) -> pd.DataFrame:
    rows = []
    for kind, frame in (("resolutions", council.resolutions), ("statements", council.statements),
                        ("drafts", council.drafts)):
        row = {"table": kind, "rows": len(frame), "text_available": int(frame["text_available"].sum())}
        row.update({name: int(frame[name].sum()) for name in FLAGS})
        rows.append(row)
    return pd.DataFrame(rows)


_CARD = """# Council practice: coded Security Council decisions

Built by `make council` (`python -m analysis council build`) from the mirror's `unsc_texts` folder
(`data/external/unsc_texts`, installed by `make data`; see its README). Do not edit by hand.

## Sources (cite the United Nations as the source of the texts)
| source | what | version | licence / terms |
|---|---|---|---|
| UNxml/SCresolutions (UN DGACM machine-readable documents) | AKN4UN XML of resolutions 1285-2825, presidential statements 2000-2026, drafts not adopted 2023-2025 | commit `{unxml}` (2510 from `{recovered}`) | unofficial copies; acknowledge the United Nations as the source |
| SeanFobbe/cr-unsc (Fobbe, Gasbarri & Ridi, *Corpus of Resolutions: UN Security Council*, DOI 10.5281/zenodo.7319780) | hand-checked texts of resolutions 1-899 and 902 | commit `{cr}` | data CC0 1.0 |
| Dag Hammarskjöld Library, "Meetings conducted by the Security Council" and veto list (via intreleng-research/unsc-dataset) | every meeting 1946-July 2022: topic, outcome, vote, drafts not adopted, vetoing members | commit `{dhl}` | UN terms of use |
| `data/raw/council_agenda_countries.csv` (this project) | agenda items, index and UNBIS subject terms to ISO3 | committed | CC BY 4.0 (project-coded data, see `LICENSE`) |

## Files
- `resolutions.csv`: one row per resolution number 1-{last} (number, symbol, date, year, agenda item or meeting
  topic, countries_iso3 / countries_gw ('; '-joined; GW for the adoption year), meeting, votes for/against/abstaining,
  unanimous, against/abstaining members (2000-), text_available, source (unxml, cr-unsc, meeting-table, none),
  the flags, chapter_vii_meta (the XML's own Chapter VII field, 2000-, for comparison only).
- `statements.csv`: presidential statements (symbol, date, year, agenda, countries, meeting, text_available,
  recovered = the file was malformed XML and its text was recovered, the flags).
- `drafts.csv`: drafts not adopted 1946-2026 (symbol as the Library gives it -- for the 1940s often the meeting
  record --, date, meeting, agenda, countries (from the agenda item and, for a vetoed draft, the `unsc_vetoes`
  list's crisis topic), votes, vetoed_by, vetoed, source, text_available, the flags).
- `sentences.csv`: the clause that matched each flag (kind, symbol, rule, sentence; trimmed to 400 characters).

Missing values are empty cells: a flag is empty where no text exists (never False); votes are empty for decisions
adopted without a vote (`unanimous` is True for those: no member objected).

## Gaps
- No text of resolutions 900-901 and 903-1284 (March 1994 - December 1999; includes 1265 (1999), the first thematic
  POC resolution, and 1270 (1999), UNAMSIL's first POC mandate), 2589 (2021) and 2762 (2024): their flags are empty;
  numbers, dates and topics come from the meeting tables and the UNxml digest. Nothing about 1994-1999 content can be
  said from these data.
- Meeting tables end in July 2022; drafts not adopted 2022-08 to 2022-12 are absent; texts of drafts exist only for
  2023-2025 (flags of earlier drafts are empty).
- Statements 2000 lack S/PRST/2000/1-5, 7, 8; S/PRST/2003/27 is missing.

## Rules (each written once in `analysis.council.RULES`)
{rules}
A clause is a preambular or operative paragraph or a paragraph of an annex (XML paragraph; for the plain texts, a
block ending at a blank line or at a line end after `,;:` followed by a capital or a paragraph number; the adoption
note and footnotes are not text). Clauses quoting earlier resolutions (a statement's annex citing "S/RES/1970 (2011),
op. 5") are not read: a text is coded for what it says itself.

## Countries
The crosswalk maps names (alternatives separated by `|`, matched as whole words, longest first so that "Democratic
Republic of the Congo" is not also "Republic of the Congo" and "South Sudan" not also "Sudan") to ISO3. The agenda
item, its index terms and the UNBIS subject terms decide; for a region-wide item (a crosswalk row with an empty iso3:
the Middle East, Africa, West Africa, the Great Lakes, the Sahel, ...) the countries the text's title names are added,
or, for a text whose title names none, the countries its operative paragraphs name in more than a third as many
paragraphs as the most-named country (a convener or donor thanked once does not count). Resolutions without a
text (1994-1999) under a region-wide item therefore have no country. Thematic items (children and armed conflict,
terrorism) get no country unless the item names one. GW numbers are those of `analysis.external.countries.gw_for_iso3` for the adoption year.

## Counts
{counts}
## Reconciliation
- Resolution numbers per year from 1989 match the official numbering (tested: 1989 is 627-646, 2024 ends at 2767, 2025
  at 2811; each year's numbers are contiguous).
- ICC referrals: {icc}.
- Resolutions from 2006 with the R2P rules, against the Global Centre for R2P's published counts:

{published}
  **r2p_literal reproduces the counts published for the end of 2024 (93) and of 2025 (97); for the end of 2019 the
  Centre reported 81, which neither rule reproduces: r2p_literal gives {lit19} and r2p_broad {broad19}.** The Centre's
  2019 list also counted texts recalling paragraphs 138-139 or a State's responsibility to protect its population
  (r2p_broad's extra clauses); r2p_broad over-counts at the later dates. No single textual rule reproduces all three
  published counts; the project reports r2p_literal as the comparable series and r2p_broad as the broader reading.
- Chapter VII rule against the XML's own Chapter VII field (2000-): {ch7}.
- The first POC resolution of every mission in `data/raw/missions.csv` has poc_mandate where its text exists
  (1270 (1999) has no text).
- Vetoed drafts per year against the `unsc_vetoes` list (1946-Sept 2022; years that differ, reported not forced):

{vetoes}"""


def datacard(council: Council, vetoes: pd.DataFrame | None = None) -> str:
    """The data card ``data/council/README.md`` for *council* (counts and reconciliation computed)."""
    res = council.resolutions
    published = published_counts(res)
    recent = res[res["chapter_vii_meta"].notna()]
    agree = (recent["chapter_vii"] == recent["chapter_vii_meta"].astype(bool)).sum()
    veto_table = veto_reconciliation(council.drafts, vetoes) if vetoes is not None else None
    rules = "".join(f"- `{rule.name}` ({'operative clauses' if rule.part == 'operative' else 'any clause'}): "
                    f"{rule.doc}\n" for rule in RULES)
    return _CARD.format(
        unxml=unsc.UNXML_COMMIT, recovered=unsc.UNXML_RECOVERED_COMMIT, cr=unsc.CR_UNSC_COMMIT, dhl=unsc.DHL_COMMIT,
        last=int(res["number"].max()), rules=rules, counts=_md(_flag_counts(council)),
        icc=", ".join(res.loc[res["icc_referral"].fillna(False), "symbol"]),
        published=_md(published), lit19=published.loc[0, "r2p_literal"], broad19=published.loc[0, "r2p_broad"],
        ch7=f"the rule and the field agree on {agree} of {len(recent)} resolutions; where they differ the matched "
            "clause is in sentences.csv (the field misses 'Acting under Article 41 of Chapter VII'; the rule misses "
            "texts whose only Chapter VII wording is a reference to an earlier authorisation)",
        vetoes=_md(veto_table) if veto_table is not None and len(veto_table) else "(no difference or list absent)\n")


def write_card(council: Council, vetoes: pd.DataFrame | None = None, out: Path = OUT) -> Path:
    """Write ``README.md`` beside the tables in *out* (atomically); return its path."""
    path = Path(out) / "README.md"
    write_if_changed(path, datacard(council, vetoes))
    return path
