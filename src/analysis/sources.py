"""External datasets: registry, fetching, checks on arrival, provenance, citation.

The publishers' datasets are never committed. ``make data`` (:func:`fetch_all`)
puts each file into ``data/external/``: copied from a local mirror when
``DATA_MIRROR`` is set, otherwise downloaded from the publisher's official URL.
Every file is checked on arrival (expected columns, version value, row-count
range) and recorded in ``data/external/PROVENANCE.csv`` with its sha256 and
origin. A missing, truncated or wrong-version file stops the build with a
message naming the file and how to obtain it.

:func:`load` returns a checked file normalised for the quirks of the
publishers' copies (:data:`NORMALISERS`: comment lines, decimal commas, PITF's
``YREND`` 9999, the EWP base data's unnamed index column, invisible marks in
UCDP actor names; comma-separated ``gwno`` lists are exploded with
:func:`explode_codes`). No row is dropped; what changed is listed in
``frame.attrs["notes"]``.

:func:`data_version` and :func:`cite` report the versions and BibTeX of the
datasets, like peacesciencer's ``ps_version()`` and ``ps_cite()``.

Examples
--------
>>> data_version()["ucdp_acd"]
'25.1'
>>> print(cite(["ucdp_acd"]).splitlines()[0])
@article{gleditsch2002armed,
"""

from __future__ import annotations

import hashlib
import io
import shutil
import urllib.request
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import atomic
from . import paths


class DataError(RuntimeError):
    """An external dataset is missing, truncated or of the wrong version."""


@dataclass(frozen=True)
class Dataset:
    """One external dataset file and what it must look like."""

    key: str
    title: str
    version: str
    file: str  # path under data/external (same layout as the mirror)
    publisher: str
    page: str  # the publisher's page for the dataset
    url: str | None  # direct download (None: download by hand from ``page``)
    member: str | None  # file inside a zip download
    licence: str
    bibtex: str
    columns: tuple[str, ...]
    rows: tuple[int, int]
    version_column: str | None = None
    version_value: str | None = None
    read_options: dict = field(default_factory=dict)
    extra_files: tuple[str, ...] = ()
    comment_lines: bool = False  # lines starting with '#' are comments, not rows

    @property
    def path(self) -> Path:
        return paths.DATA_EXTERNAL / self.file

    def how_to_obtain(self) -> str:
        where = self.url or self.page
        return (f"obtain '{self.file}' ({self.title} {self.version}) from {where}"
                f"{' (file ' + self.member + ' in the zip)' if self.member else ''}, or set DATA_MIRROR to a "
                "folder holding a copy, then run 'make data'")


_UCDP = "Uppsala Conflict Data Program (UCDP), Department of Peace and Conflict Research, Uppsala University"
_UCDP_PAGE = "https://ucdp.uu.se/downloads/"
_UCDP_BIB = """@article{davies2025organized,
  title = {Organized violence 1989--2024, and the challenges of identifying civilian victims},
  author = {Davies, Shawn and Pettersson, Therese and Sollenberg, Margareta and {\\"O}berg, Magnus},
  journal = {Journal of Peace Research}, volume = {62}, number = {4}, year = {2025}
}"""
_EWP = "Simon-Skjodt Center for the Prevention of Genocide, US Holocaust Memorial Museum, and Dartmouth College"
_EWP_PAGE = "https://earlywarningproject.ushmm.org/"
_EWP_BIB = """@misc{ewp2025,
  title = {Early Warning Project: Statistical Risk Assessment 2025 and mass-killing data},
  author = {{Simon-Skjodt Center for the Prevention of Genocide}},
  year = {2025}, howpublished = {\\url{https://earlywarningproject.ushmm.org/}}
}"""

REGISTRY: dict[str, Dataset] = {d.key: d for d in (
    Dataset(
        "ucdp_acd", "UCDP/PRIO Armed Conflict Dataset", "25.1", "ucdp_acd/UcdpPrioConflict_v25_1.csv",
        _UCDP + "; Peace Research Institute Oslo", _UCDP_PAGE,
        "https://ucdp.uu.se/downloads/ucdpprio/ucdp-prio-acd-251-csv.zip", "UcdpPrioConflict_v25_1.csv",
        "CC BY 4.0",
        """@article{gleditsch2002armed,
  title = {Armed conflict 1946--2001: A new dataset},
  author = {Gleditsch, Nils Petter and Wallensteen, Peter and Eriksson, Mikael and Sollenberg, Margareta and Strand, H{\\aa}vard},
  journal = {Journal of Peace Research}, volume = {39}, number = {5}, pages = {615--637}, year = {2002}
}
""" + _UCDP_BIB,
        ("conflict_id", "location", "side_a", "side_b", "year", "intensity_level", "type_of_conflict",
         "gwno_loc", "version"), (2700, 2800), "version", "25.1"),
    Dataset(
        "ucdp_brd", "UCDP Battle-Related Deaths Dataset (dyadic)", "25.1", "ucdp_brd/BattleDeaths_v25_1.csv",
        _UCDP, _UCDP_PAGE, "https://ucdp.uu.se/downloads/brd/ucdp-brd-dyadic-251-csv.zip",
        "BattleDeaths_v25_1.csv", "CC BY 4.0", _UCDP_BIB,
        ("conflict_id", "dyad_id", "year", "bd_best", "bd_low", "bd_high", "gwno_loc", "gwno_battle", "version"),
        (1950, 2050), "version", "25.1"),
    Dataset(
        "ucdp_brd_conflict", "UCDP Battle-Related Deaths Dataset (conflict level)", "26.1",
        "ucdp_brd/BattleDeaths_conflict_v26_1.csv", _UCDP, _UCDP_PAGE,
        "https://ucdp.uu.se/downloads/brd/ucdp-brd-conf-261-csv.zip", "BattleDeaths_conflict_v26_1.csv",
        "CC BY 4.0", _UCDP_BIB,
        ("conflict_id", "year", "bd_best", "gwno_loc", "version"), (1600, 1700), "version", "26.1"),
    Dataset(
        "ucdp_osv", "UCDP One-sided Violence Dataset", "26.1", "ucdp_osv/OneSided_v26_1.csv", _UCDP, _UCDP_PAGE,
        "https://ucdp.uu.se/downloads/nsos/ucdp-onesided-261-csv.zip", "OneSided_v26_1.csv", "CC BY 4.0",
        """@article{eck2007one,
  title = {One-sided violence against civilians in war: Insights from new fatality data},
  author = {Eck, Kristine and Hultman, Lisa},
  journal = {Journal of Peace Research}, volume = {44}, number = {2}, pages = {233--246}, year = {2007}
}
""" + _UCDP_BIB,
        ("actor_id", "actor_name", "year", "best_fatality_estimate", "is_government_actor", "gwno_location",
         "version"), (1380, 1440), "version", "26.1"),
    Dataset(
        "ucdp_termination", "UCDP Conflict Termination Dataset", "3-2021",
        "ucdp_termination/ucdp-term-acd-3-2021.csv", _UCDP, _UCDP_PAGE, None, None, "CC BY 4.0",
        """@article{kreutz2010how,
  title = {How and when armed conflicts end: Introducing the UCDP Conflict Termination dataset},
  author = {Kreutz, Joakim}, journal = {Journal of Peace Research}, volume = {47}, number = {2},
  pages = {243--250}, year = {2010}
}""",
        ("conflictep_id", "conflict_id", "year", "outcome", "gwno_loc"), (2480, 2530), "version", "3"),
    Dataset(
        "pitf", "PITF State Failure Problem Set: Genocides and Politicides", "2014",
        "pitf/PITF_GenoPoliticide_2014.csv", "Political Instability Task Force; Center for Systemic Peace",
        "https://www.systemicpeace.org/inscrdata.html", None, None, "free for research use with citation",
        """@article{harff2003no,
  title = {No lessons learned from the Holocaust? Assessing risks of genocide and political mass murder since 1955},
  author = {Harff, Barbara}, journal = {American Political Science Review}, volume = {97}, number = {1},
  pages = {57--73}, year = {2003}
}""",
        ("COUNTRY", "SCODE", "CCODE", "YEAR", "YRBEGIN", "YREND", "PTYPE", "DEATHMAG"), (270, 290),
        extra_files=("pitf/PITF_GenoPoliticide_2014.xls",)),
    Dataset(
        "ewp_events", "Early Warning Project mass-killing events", "2025", "ewp/EWP_mass_killing_events_2025.csv",
        _EWP, _EWP_PAGE, None, None, "public replication material; cite the Early Warning Project", _EWP_BIB,
        ("country", "mk_event_name", "startyear", "endyear", "mk_location_cow"), (150, 165),
        extra_files=("ewp/EWP_mass_killing_events_master_list_2025.xlsx",)),
    Dataset(
        "ewp_base", "Early Warning Project country-year base data", "2025", "ewp/basedata2025_4august2025.csv",
        _EWP, _EWP_PAGE, None, None, "public replication material; cite the Early Warning Project", _EWP_BIB,
        ("year", "country", "ccode", "mk_ongoing", "mk_onset", "mk_offset"), (11200, 11400)),
    Dataset(
        "ewp_forecasts", "Early Warning Project statistical risk assessment", "2025",
        "ewp/final_forecasts_data_3Sep2025.csv", _EWP, _EWP_PAGE, None, None,
        "public replication material; cite the Early Warning Project", _EWP_BIB,
        ("ewp_name", "risk.2025and2026.from2024"), (160, 175)),
    Dataset(
        "gw_states", "Gleditsch-Ward list of independent states", "2017 (peacesciencer)",
        "states/gw_states_peacesciencer.csv", "Kristian S. Gleditsch; packaged by peacesciencer (S. Miller)",
        "http://ksgleditsch.com/data-4.html", None, None, "cite Gleditsch & Ward (1999)",
        """@article{gleditsch1999revised,
  title = {A revised list of independent states since the Congress of Vienna},
  author = {Gleditsch, Kristian S. and Ward, Michael D.}, journal = {International Interactions},
  volume = {25}, number = {4}, pages = {393--413}, year = {1999}
}""",
        ("gwcode", "statename", "startdate", "enddate"), (210, 225)),
    Dataset(
        "un_pko", "UN peacekeeping missions list (DPPADPOSS-PKO)", "2024-02-19", "un_pko/DPPADPOSS-PKO.csv",
        "UN Department of Political and Peacebuilding Affairs / Department of Peace Operations, UN Peace and Security Data Hub",
        "https://psdata.un.org/dataset/DPPADPOSS-PKO", None, None, "UN terms of use",
        """@misc{unpko2024,
  title = {Peacekeeping operations (DPPADPOSS-PKO)}, author = {{United Nations DPPA/DPO}},
  year = {2024}, howpublished = {\\url{https://psdata.un.org/dataset/DPPADPOSS-PKO}}
}""",
        ("mission_acronym", "mission_name", "start_date", "end_date"), (75, 90)),
    Dataset(
        "unsc_vetoes", "UN Security Council vetoes", "1946-Sept 2022", "unsc/unsc_vetoes_1946_sept2022.csv",
        "C. Yordan / World Politics Data Lab, from the UN Dag Hammarskjold Library list",
        "https://research.un.org/en/docs/sc/quick/veto", None, None, "MIT",
        """@misc{unscvetoes2022,
  title = {United Nations Security Council vetoes, 1946--2022}, author = {Yordan, Carlos},
  year = {2022}, note = {World Politics Data Lab; from the Dag Hammarskj{\\"o}ld Library veto list}
}""",
        ("year", "date", "draft", "agenda_item", "crisis_topic", "member_veto1"), (205, 225),
        extra_files=("unsc/LICENSE_MIT_world-politics-datalab.txt",)),
    Dataset(
        "unsc_membership", "UN Security Council membership by term", "1992-2023",
        "unsc/council_membership_1992_2023.csv", "F. Madore, genocide-at-the-security-council",
        "https://github.com/fmadore/genocide-at-the-security-council", None, None, "MIT (config data)",
        """@misc{madore2024genocide,
  title = {Genocide at the Security Council}, author = {Madore, Fr{\\'e}d{\\'e}rick},
  year = {2024}, howpublished = {\\url{https://github.com/fmadore/genocide-at-the-security-council}}
}""",
        ("country_org", "start_year", "end_year", "seat"), (165, 180), comment_lines=True,
        extra_files=("unsc/LICENSE-DATA_fmadore.md",)),
)}


def data_version(datasets: list[str] | None = None) -> dict[str, str]:
    """Return ``{dataset: version}`` for the registered datasets (or those named)."""
    keys = datasets or sorted(REGISTRY)
    return {k: REGISTRY[k].version for k in keys}


def cite(datasets: list[str] | None = None) -> str:
    """Return the BibTeX entries for *datasets* (all when None), each entry once."""
    seen, out = set(), []
    for key in datasets or sorted(REGISTRY):
        for entry in REGISTRY[key].bibtex.strip().split("\n@"):
            entry = entry if entry.startswith("@") else "@" + entry
            name = entry.split("{", 1)[1].split(",", 1)[0]
            if name not in seen:
                seen.add(name)
                out.append(entry.strip())
    return "\n\n".join(out) + "\n"


def data_card(key: str) -> str:
    """A peacesciencer-style data card for one registered dataset, in Markdown.

    Source, version, file, licence, the columns the suite relies on, the row
    count accepted on arrival, what the loader normalises (the first line of its
    normaliser's docstring), the figures that use it, and the citation keys.

    Examples
    --------
    >>> print(data_card("ucdp_acd").splitlines()[0])
    ## ucdp_acd: UCDP/PRIO Armed Conflict Dataset 25.1
    """
    from .figures import load_all

    d = REGISTRY[key]
    fix = NORMALISERS.get(key)
    normalised = (fix.__doc__ or "").strip().splitlines()[0] if fix else "nothing (read as published)"
    figures = sorted(spec.stem for spec in load_all().values() if key in spec.datasets)
    keys = [entry.split("{", 1)[1].split(",", 1)[0] for entry in d.bibtex.strip().split("\n@") if "{" in entry]
    version_check = (f"; column `{d.version_column}` must hold `{d.version_value}`" if d.version_column else "")
    return "\n".join([
        f"## {key}: {d.title} {d.version}", "",
        f"- **Source:** {d.publisher}; {d.page}",
        f"- **Download:** {d.url or 'no direct file URL: download by hand from the page above'}"
        + (f" (file `{d.member}` in the zip)" if d.member else ""),
        f"- **File:** `data/external/{d.file}`" + (f" (also {', '.join('`' + e + '`' for e in d.extra_files)})"
                                                   if d.extra_files else ""),
        f"- **Licence / terms:** {d.licence}",
        f"- **Columns relied on:** {', '.join('`' + c + '`' for c in d.columns)}",
        f"- **Checked on arrival:** {d.rows[0]:,}-{d.rows[1]:,} rows{version_check}",
        f"- **Normalised by the loader:** {normalised}",
        f"- **Used in figures:** {', '.join(figures) if figures else 'none (used by the library and notebooks)'}",
        f"- **Cite:** {', '.join(keys)} (`analysis.cite(['{key}'])`)", ""])


def data_cards() -> str:
    """The data cards of every registered dataset: the text of ``data/external/README.md``."""
    head = ("# data/external: data cards\n\n"
            "Publishers' datasets, never committed (git ignores everything here but this file). `make data` "
            "fills the folder from `DATA_MIRROR` or the official URLs, checks each file and writes "
            "`PROVENANCE.csv` (file, sha256, origin, version). One card per dataset follows, generated from "
            "the registry in `src/analysis/sources.py` by `analysis.sources.data_cards()` (a test keeps this "
            "file equal to it). Cite the publishers, not a mirror.\n\n")
    return head + "\n".join(data_card(key) for key in sorted(REGISTRY))


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _without_comment_lines(path: Path) -> tuple[io.StringIO, int]:
    """The file's text without whole-line comments (first non-blank character '#'), and their count.

    Unlike pandas' ``comment="#"``, a '#' inside a data field is kept.
    """
    lines = path.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    kept = [line for line in lines if not line.lstrip().startswith("#")]
    return io.StringIO("".join(kept)), len(lines) - len(kept)


def check_file(dataset: Dataset, path: Path | None = None) -> pd.DataFrame:
    """Read a dataset file and check columns, version and row count; return it.

    Raises
    ------
    DataError
        Naming the file, the check that failed and how to obtain the right file.
    """
    path = Path(path or dataset.path)
    label = paths.relative(path)
    if not path.exists():
        raise DataError(f"{label}: missing; {dataset.how_to_obtain()}")
    try:
        source, skipped = path, 0
        if dataset.comment_lines:
            source, skipped = _without_comment_lines(path)
        frame = pd.read_csv(source, low_memory=False, **dataset.read_options)
    except Exception as err:  # noqa: BLE001 - any parser failure is a bad file
        raise DataError(f"{label}: cannot be read as CSV ({err}); {dataset.how_to_obtain()}") from err
    frame.attrs["notes"] = [f"{skipped} comment lines (starting with #) skipped"] if skipped else []
    missing = [c for c in dataset.columns if c not in frame.columns]
    if missing:
        raise DataError(f"{label}: columns missing: {', '.join(missing)}; {dataset.how_to_obtain()}")
    lo, hi = dataset.rows
    if not lo <= len(frame) <= hi:
        raise DataError(f"{label}: {len(frame)} rows, expected {lo}-{hi} (truncated or another release?); "
                        f"{dataset.how_to_obtain()}")
    if dataset.version_column:
        found = sorted({str(v) for v in frame[dataset.version_column].dropna().unique()})
        if found != [dataset.version_value]:
            raise DataError(f"{label}: column '{dataset.version_column}' holds version {', '.join(found)}, "
                            f"expected {dataset.version_value}; {dataset.how_to_obtain()}")
    return frame


def _download(dataset: Dataset, target: Path) -> str:
    if not dataset.url:
        raise DataError(f"{dataset.file}: no direct download; {dataset.how_to_obtain()}")
    try:
        with urllib.request.urlopen(dataset.url, timeout=60) as response:  # noqa: S310 - official URL
            payload = response.read()
    except Exception as err:  # noqa: BLE001
        raise DataError(f"{dataset.file}: download failed ({err}); {dataset.how_to_obtain()}") from err
    if dataset.member:
        with zipfile.ZipFile(io.BytesIO(payload)) as archive:
            names = [n for n in archive.namelist() if n.endswith(dataset.member)]
            if not names:
                raise DataError(f"{dataset.file}: {dataset.member} not in the download; {dataset.how_to_obtain()}")
            payload = archive.read(names[0])
    atomic.write_bytes(target, payload)
    return dataset.url


def fetch(dataset: Dataset, mirror: Path | None = None) -> dict:
    """Put one dataset into ``data/external`` (from *mirror* or by download) and check it.

    A file already present is re-checked and kept. Returns its provenance row.
    """
    target = dataset.path
    origin = "already present"
    if not target.exists():
        if mirror is not None:
            source = mirror / dataset.file
            if not source.exists():
                raise DataError(f"{paths.relative(source)}: not in the mirror; {dataset.how_to_obtain()}")
            with atomic.atomic_write(target, "wb") as handle, open(source, "rb") as src:
                shutil.copyfileobj(src, handle)
            origin = f"mirror:{dataset.file}"
        else:
            origin = _download(dataset, target)
    for extra in dataset.extra_files:
        extra_target = paths.DATA_EXTERNAL / extra
        if mirror is not None and not extra_target.exists() and (mirror / extra).exists():
            atomic.write_bytes(extra_target, (mirror / extra).read_bytes())
    check_file(dataset)
    return {"dataset": dataset.key, "file": dataset.file, "version": dataset.version,
            "sha256": sha256(target), "origin": origin if origin != "already present" else _previous_origin(dataset),
            "licence": dataset.licence}


def _previous_origin(dataset: Dataset) -> str:
    provenance = paths.DATA_EXTERNAL / "PROVENANCE.csv"
    if provenance.exists():
        table = pd.read_csv(provenance, dtype=str)
        hit = table.loc[table["file"] == dataset.file, "origin"]
        if len(hit):
            return str(hit.iloc[0])
    return "present before fetch"


def fetch_all(mirror: Path | None = None) -> pd.DataFrame:
    """Fetch and check every registered dataset; write ``PROVENANCE.csv``.

    Every dataset is tried; the errors are collected and raised together.
    """
    mirror = mirror if mirror is not None else paths.data_mirror()
    if mirror is not None and not mirror.is_dir():
        raise DataError(f"DATA_MIRROR={mirror}: no such folder (unset DATA_MIRROR to download from the "
                        "publishers' official URLs instead)")
    rows, errors = [], []
    for key in sorted(REGISTRY):
        try:
            rows.append(fetch(REGISTRY[key], mirror))
        except DataError as err:
            errors.append(str(err))
    if errors:
        raise DataError("\n".join(errors))
    table = pd.DataFrame(rows).sort_values("file", ignore_index=True)
    atomic.write_csv(table, paths.DATA_EXTERNAL / "PROVENANCE.csv")
    return table


# --------------------------------------------------------------------------- normalisers
#
# Each normaliser takes the frame as read and checked, fixes one known quirk of
# the publisher's file and returns the frame with a note of what it changed in
# ``frame.attrs["notes"]``. None drops a row: a row that cannot be read
# raises :class:`DataError` naming file, row, column, value and rule.

#: Invisible marks the publishers' copies carry in text fields (left-to-right mark, BOM, no-break space).
INVISIBLE = "\u200e\u200f\ufeff"


def _note(frame: pd.DataFrame, text: str) -> None:
    frame.attrs.setdefault("notes", []).append(text)


def clean_text(values: pd.Series) -> pd.Series:
    """Strip invisible marks and outer whitespace, collapse inner runs of spaces.

    Examples
    --------
    >>> clean_text(pd.Series(["Government of X\u200e", "  IS  ", None])).tolist()
    ['Government of X', 'IS', None]
    """
    text = values.astype(object)
    present = text.notna()
    cleaned = (text[present].astype(str).str.replace(f"[{INVISIBLE}]", "", regex=True)
               .str.replace(r"[ \t]{2,}", " ", regex=True).str.strip())
    out = text.copy()
    out[present] = cleaned
    return out


def _clean_columns(frame: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    for col in columns:
        if col in frame.columns:
            before = frame[col]
            frame[col] = clean_text(before)
            changed = int((before.notna() & (before.astype(str) != frame[col].astype(str))).sum())
            if changed:
                _note(frame, f"{col}: whitespace or invisible marks removed in {changed} rows")
    return frame


def decimal_comma(values: pd.Series, label: str, column: str) -> pd.Series:
    """Read numbers written with a decimal comma ("15,9833"); blanks stay missing.

    Raises
    ------
    DataError
        Naming the data row, column and value that is not a number.

    Examples
    --------
    >>> decimal_comma(pd.Series(["15,9833", "-2,5", None, "3"]), "x.csv", "lon").tolist()
    [15.9833, -2.5, nan, 3.0]
    """
    text = values.astype(object).where(values.notna(), None)
    present = text.notna() & (text.astype(str).str.strip() != "")
    parsed = pd.to_numeric(text[present].astype(str).str.strip().str.replace(",", ".", regex=False),
                           errors="coerce")
    bad = parsed[parsed.isna()]
    if len(bad):
        i = bad.index[0]
        raise DataError(f"{label}: data row {i + 1}, column {column}: value {text[i]!r} is not a number "
                        "(decimal comma or point expected)")
    out = pd.Series(float("nan"), index=values.index)
    out[present] = parsed
    return out


def explode_codes(frame: pd.DataFrame, column: str, into: str = "gwno", label: str = "<frame>") -> pd.DataFrame:
    """One row per code of a comma-separated code list (UCDP's ``gwno_loc`` "365, 369").

    Every input row yields at least one output row; the source row is kept in
    ``_row``. A blank list raises, since a country-level table cannot place it.

    Raises
    ------
    DataError
        Naming the data row, column and value that is not a list of integers.

    Examples
    --------
    >>> f = pd.DataFrame({"conflict_id": [1, 2], "gwno_loc": ["365, 369", "652"]})
    >>> explode_codes(f, "gwno_loc")[["conflict_id", "gwno", "_row"]].values.tolist()
    [[1, 365, 0], [1, 369, 0], [2, 652, 1]]
    """
    out = frame.copy()
    out["_row"] = range(len(out))
    text = out[column].astype(object).where(out[column].notna(), "").astype(str)
    parts = text.str.replace(r"\.0$", "", regex=True).str.split(",")
    out[into] = parts.map(lambda xs: [x.strip() for x in xs])
    out = out.explode(into)
    bad = ~out[into].str.fullmatch(r"\d+")
    if bad.any():
        row = int(out.loc[bad, "_row"].iloc[0])
        raise DataError(f"{label}: data row {row + 1}, column {column}: value {text.iloc[row]!r} is not a "
                        "comma-separated list of country codes")
    out[into] = out[into].astype("int64")
    return out.reset_index(drop=True)


def _gwno_lists(frame: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """UCDP code lists: keep them as text "365, 369" (explode with :func:`explode_codes`)."""
    for col in [c for c in frame.columns if c.startswith("gwno") and frame[c].dtype == object]:
        values = frame[col]
        present = values.notna()
        text = values.astype(object)
        text[present] = (values[present].astype(str).str.replace(r"\.0$", "", regex=True)
                         .str.replace(r"\s*,\s*", ", ", regex=True).str.strip())
        frame[col] = text
        multi = int(text[present].str.contains(",").sum())
        if multi:
            _note(frame, f"{col}: {multi} rows hold several codes (explode with explode_codes)")
    return frame


def _ucdp_acd(frame: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """Names stripped (the publisher's file pads some sides with spaces and ends one territory with a line
    break); code lists kept as text "365, 369"."""
    frame = _clean_columns(frame, ("location", "side_a", "side_a_2nd", "side_b", "side_b_2nd", "territory_name"))
    return _gwno_lists(frame, dataset)


def _ucdp_osv(frame: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """Actor and location names stripped of stray spaces and invisible marks (U+200E); code lists kept as text."""
    frame = _clean_columns(frame, ("actor_name", "actor_name_fulltext", "actor_name_mothertongue", "location"))
    return _gwno_lists(frame, dataset)


def _pitf(frame: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """``YREND`` 9999 means the episode was ongoing at the release: missing end, ``ongoing`` True."""
    ongoing = frame["YREND"] == 9999
    frame["ongoing"] = ongoing
    frame["YREND"] = frame["YREND"].astype("Int64").mask(ongoing)
    if ongoing.any():
        _note(frame, f"YREND: 9999 (ongoing) set to missing in {int(ongoing.sum())} rows; see column 'ongoing'")
    frame["SCODE"] = clean_text(frame["SCODE"])
    return frame


def _ewp_base(frame: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """Drop the unnamed first column after checking it is only a row number 1..n."""
    first = frame.columns[0]
    if first.startswith("Unnamed") or first == "":
        expected = pd.Series(range(1, len(frame) + 1), index=frame.index)
        if not frame[first].equals(expected):
            i = frame.index[frame[first] != expected][0]
            value = frame.loc[i, first]
            value = value.item() if hasattr(value, "item") else value
            raise DataError(f"{dataset.file}: data row {i + 1}, column {first!r}: value {value!r} "
                            f"is not the row number {i + 1}; the unnamed first column should be a row index")
        frame = frame.drop(columns=first)
        _note(frame, f"unnamed row-index column {first!r} dropped")
    return frame


def _un_pko(frame: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """Mission coordinates written with decimal commas read as numbers."""
    for col in ("mission_longitude", "mission_latitude"):
        if col in frame.columns:
            frame[col] = decimal_comma(frame[col], dataset.file, col)
    _note(frame, "mission_longitude, mission_latitude: decimal commas read as numbers")
    return frame


def _gw_states(frame: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """State codes checked to be whole numbers (a bad code stops with its row named)."""
    codes = pd.to_numeric(frame["gwcode"], errors="coerce")
    bad = codes.isna() | (codes != codes.round())
    if bad.any():
        i = frame.index[bad][0]
        raise DataError(f"{dataset.file}: data row {i + 1}, column gwcode: value {frame.loc[i, 'gwcode']!r} "
                        "is not an integer code")
    frame["gwcode"] = codes.astype("int64")
    return frame


NORMALISERS = {
    "ucdp_acd": _ucdp_acd, "ucdp_brd": _gwno_lists, "ucdp_brd_conflict": _gwno_lists,
    "ucdp_termination": _gwno_lists, "ucdp_osv": _ucdp_osv, "pitf": _pitf, "ewp_base": _ewp_base,
    "un_pko": _un_pko, "gw_states": _gw_states,
}


def normalise(key: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Apply the dataset's normaliser (if any) to a frame read by :func:`check_file`."""
    frame = frame.copy()
    frame.attrs["notes"] = list(frame.attrs.get("notes", []))
    fix = NORMALISERS.get(key)
    return fix(frame, REGISTRY[key]) if fix else frame


_CACHE: dict[tuple, pd.DataFrame] = {}


def load(key: str, path: Path | str | None = None) -> pd.DataFrame:
    """Read a registered dataset after checking it, normalised (see :data:`NORMALISERS`).

    What the normaliser changed is listed in ``frame.attrs["notes"]``; no row
    is dropped. Reads are memoised on the file's path, size and modification
    time, and each call returns a fresh copy.

    Examples
    --------
    >>> pko = load("un_pko")
    >>> float(pko.loc[pko.mission_acronym == "UNPROFOR", "mission_longitude"].iloc[0])
    15.9833
    >>> load("ewp_base").columns[0]
    'year'
    >>> load("unsc_membership").attrs["notes"]
    ['13 comment lines (starting with #) skipped']
    """
    dataset = REGISTRY[key]
    path = Path(path or dataset.path)
    stat = path.stat() if path.exists() else None
    token = (key, str(path), stat.st_size if stat else None, stat.st_mtime_ns if stat else None)
    if token not in _CACHE:
        frame = normalise(key, check_file(dataset, path))
        _CACHE.clear() if len(_CACHE) > 32 else None
        _CACHE[token] = frame
    frame = _CACHE[token]
    out = frame.copy(deep=True)
    out.attrs = {"notes": list(frame.attrs.get("notes", []))}
    return out
