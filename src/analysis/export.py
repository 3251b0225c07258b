"""Export the project's tables for R, Stata, Excel and Python users (``python -m analysis export``).

One call writes every table in each chosen format into one folder:

* ``csv``: one UTF-8 file per table, plus ``datapackage.json`` (the data package
  of the six project tables, paths beside it) and ``codebook.csv``;
* ``parquet``: one typed file per table (integers, nullable integers, booleans);
* ``dta``: one Stata 14+ file per table, with a variable label on every
  labelled column and value labels on every coded column (the value is stored
  as its position in the vocabulary, 0 first: for the evidence tiers this is the
  tier's rank; booleans as 0 no / 1 yes);
* ``xlsx``: one workbook with a sheet per table and a ``codebook`` sheet.

The tables: the six project tables (``situations`` as coded, ``sources``,
``missions``, ``actors``, ``instruments``, ``obligations``), the situations
classified under the default and the narrow reading, the country-year panel
with its proxy categories (only when ``data/external`` holds the publishers'
datasets: otherwise it is skipped with a note), and the normative network
(``network_nodes``, ``network_edges``). Labels come from :mod:`analysis.schema`
and :mod:`analysis.package` (the codebook), never from a second list.

Examples
--------
>>> frame = pd.DataFrame({"context": ["peace", "armed_conflict", ""], "poc": [True, False, True]})
>>> coded, labels = stata_frame(frame, {"context": dict(schema.CONTEXT_LABELS)})
>>> coded["context"].tolist(), labels["context"][3]
([0, 3, <NA>], 'armed conflict (IHL sense)')
>>> coded["poc"].tolist(), labels["poc"]
([1, 0, 1], {0: 'no', 1: 'yes'})
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import council, data, networks, package, panel, paths, schema, scope
from .external.registry import DataError
from .validation import LINE

FORMATS = ("csv", "parquet", "dta", "xlsx")
#: the workbook's name (one file for all tables)
WORKBOOK = "protection-scope.xlsx"
#: a fixed time stamp for the binary formats, so that an export is reproducible byte for byte
STAMP = datetime.datetime(2026, 12, 7)
#: the readings of the classified situations: table name -> rules
READINGS = {"situations_default": scope.ScopeRules(), "situations_narrow": scope.ScopeRules(poc_reading="narrow")}
BOOLEAN_LABELS = {0: "no", 1: "yes"}
PANEL_LABELS = {
    "gwno": "Gleditsch-Ward number of the state",
    "iso3": "ISO 3166 alpha-3 code",
    "year": "Year",
    "region": "Region",
    "conflict_active": "UCDP/PRIO state-based conflict located in the country",
    "conflict_intensity": "UCDP conflict intensity (0 none, 1 minor, 2 war)",
    "battle_deaths": "UCDP battle deaths (best estimate) by location",
    "mass_killing": "EWP mass killing ongoing",
    "genocide_politicide": "PITF genocide or politicide episode-year",
    "osv_deaths": "UCDP one-sided deaths, all actors",
    "osv_max_actor": "UCDP one-sided deaths by the largest single actor",
    "osv_deaths_min": "Lower bound of osv_deaths",
    "osv_deaths_max": "Upper bound of osv_deaths",
    "osv_max_actor_min": "Lower bound of osv_max_actor",
    "osv_max_actor_max": "Upper bound of osv_max_actor",
    "poc_mission": "POC-mandated UN operation present",
    "council_veto": "Security Council veto on the country's situation",
    "council_resolutions": "Security Council resolutions naming the country",
    "council_chapter_vii": "Of which acting under Chapter VII (missing where a text is missing)",
    "council_poc": "Of which referring to protection of civilians (missing where a text is missing)",
    "council_r2p": "Of which saying 'responsibility to protect' (missing where a text is missing)",
    "council_vetoed": "Security Council drafts naming the country vetoed",
    "poc": "POC applies under the default proxy rules",
    "r2p": "R2P applies under the default proxy rules",
    "category": "Category under the default proxy rules",
    "reasons": "The proxy rules that fired, or what is missing",
}
#: the Security Council tables of ``data/council`` (``make council``), exported as they are committed
COUNCIL_TABLES = {"council_resolutions": "resolutions", "council_statements": "statements",
                  "council_drafts": "drafts"}
COUNCIL_LABELS = {
    "number": "Resolution number", "symbol": "Document symbol", "date": "Date of adoption or of the vote",
    "year": "Year", "agenda": "Agenda item or meeting topic", "meeting": "Meeting record (S/PV.)",
    "countries_iso3": "Countries concerned (';'-list of ISO3; data/raw/council_agenda_countries.csv)",
    "countries_gw": "Countries concerned (';'-list of Gleditsch-Ward numbers)",
    "votes_for": "Votes in favour", "votes_against": "Votes against", "votes_abstaining": "Abstentions",
    "unanimous": "Adopted without a vote against or an abstention", "against": "Members voting against",
    "abstaining": "Members abstaining", "vetoed_by": "Permanent members voting against (veto)",
    "vetoed": "Vetoed by a permanent member", "text_available": "The text was read (flags missing when not)",
    "recovered": "Text recovered from a malformed file", "source": "Where the text or record comes from",
    "chapter_vii_meta": "Chapter VII according to the publisher's metadata",
    "chapter_vii": "Acts under Chapter VII (operative formula)", "poc": "Refers to the protection of civilians",
    "poc_mandate": "Mandates an operation to protect civilians", "r2p_literal": "Says 'responsibility to protect'",
    "r2p_broad": "R2P language (literal, World Summit 138-139, State's responsibility)",
    "icc_referral": "Refers a situation to the ICC Prosecutor", "sanctions": "Imposes or renews sanctions",
    "use_of_force": "Authorises force ('all necessary measures/means')",
}
NETWORK_LABELS = {
    "id": "Node id (layer:identifier)",
    "layer": "Layer: actor, obligation or instrument",
    "bipartite": "Layer number (0 actor, 1 obligation, 2 instrument)",
    "label": "Node label",
    "source": "Node the edge starts from",
    "target": "Node the edge ends at",
    "relation": "Kind of edge",
}


class ExportError(ValueError):
    """A user error: the message names the file and the reason."""


@dataclass
class Table:
    """One exported table with its labels.

    Attributes
    ----------
    frame : DataFrame
    variable_labels : dict
        Column -> short label (at most 80 characters).
    value_labels : dict
        Column -> {value: label} for coded columns, in vocabulary order.
    """

    frame: pd.DataFrame
    variable_labels: dict = field(default_factory=dict)
    value_labels: dict = field(default_factory=dict)


def _schema_labels(name: str) -> tuple[dict, dict]:
    columns = package.table_columns(name)
    return ({c.name: c.label for c in columns if c.label},
            {c.name: dict(c.labels) for c in columns if c.labels})


def _raw(name: str, data_dir) -> Table:
    frame = getattr(data, f"load_{name}")(data_dir).drop(columns=LINE)
    return Table(frame.reset_index(drop=True), *_schema_labels(name))


def _classified(situations: Table, rules: scope.ScopeRules) -> Table:
    frame = scope.classify(situations.frame, rules, validate=False)
    variables = {**situations.variable_labels, **{k: v[1] for k, v in package.CLASSIFIED_COLUMNS.items()}}
    values = {**situations.value_labels, **package.CLASSIFIED_VALUE_LABELS}
    return Table(frame.drop(columns=[LINE], errors="ignore"), variables, values)


def panel_table() -> tuple[Table | None, str | None]:
    """The country-year panel with its proxy categories, or None and a note saying why it is skipped."""
    try:
        frame = panel.classify_panel(panel.build_panel())
    except DataError as err:
        return None, f"panel: skipped (needs the publishers' datasets in data/external: run 'make data'): {err}"
    frame.attrs = {}
    return Table(frame, {k: v for k, v in PANEL_LABELS.items() if k in frame.columns},
                 {"category": dict(scope.CATEGORY_LABELS)}), None


def tables(data_dir: Path | str | None = None, *, with_panel: bool = True) -> tuple[dict[str, Table], list[str]]:
    """Every exported table by name, and a note for each table skipped.

    The panel needs ``data/external`` (``make data``); without it (or with
    *with_panel* false) it is skipped, with a note saying why.
    """
    out = {name: _raw(name, data_dir) for name in data.TABLES}
    for name, rules in READINGS.items():
        out[name] = _classified(out["situations"], rules)
    notes = []
    if with_panel:
        table, note = panel_table()
        out.update({"panel": table} if table else {})
        notes += [note] if note else []
    for name, stem in COUNCIL_TABLES.items():
        frame = _council_frame(council.load(stem))
        out[name] = Table(frame, {k: v for k, v in COUNCIL_LABELS.items() if k in frame.columns}, {})
    graph = networks.normative_graph(out["obligations"].frame, out["actors"].frame, out["instruments"].frame,
                                     with_instruments=True)
    shared = {k: v for k, v in out["obligations"].value_labels.items() if k != "kind"}
    for name, frame in zip(("network_nodes", "network_edges"), networks.to_frames(graph)):
        frame = _numbers(frame)
        out[name] = Table(frame, {k: v for k, v in NETWORK_LABELS.items() if k in frame.columns},
                          {k: v for k, v in shared.items() if k in frame.columns})
    return out, notes


def _council_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A Council table typed for export: counts as nullable integers, yes/no as nullable booleans, text with blanks.

    Examples
    --------
    >>> frame = pd.DataFrame({"votes_for": [15.0, None], "agenda": ["x", None], "chapter_vii_meta": [True, None]})
    >>> _council_frame(frame).dtypes.astype(str).tolist()
    ['Int64', 'object', 'boolean']
    """
    frame = frame.copy()
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_float_dtype(values) and values.dropna().map(float.is_integer).all():
            frame[column] = values.astype("Int64")
        elif values.dtype == object and values.dropna().map(lambda v: isinstance(v, bool)).all() \
                and values.notna().any():
            frame[column] = values.astype("boolean")
        elif values.dtype == object:
            frame[column] = values.fillna("")
    return frame


def _numbers(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns that hold only numbers and blanks (a node attribute of one layer) as nullable integers."""
    frame = frame.copy()
    for column in frame.select_dtypes(include=object).columns:
        filled = frame[column][frame[column].ne("")]
        if len(filled) and filled.map(lambda v: isinstance(v, (int, float)) and float(v).is_integer()).all():
            frame[column] = pd.to_numeric(frame[column].replace("", None)).astype("Int64")
    return frame


# --------------------------------------------------------------------------- Stata
def stata_frame(frame: pd.DataFrame, value_labels: dict) -> tuple[pd.DataFrame, dict]:
    """The frame as Stata stores it, and its value labels ``{column: {code: label}}``.

    Coded columns become their position in the vocabulary (missing when empty);
    booleans become 0/1 (``BOOLEAN_LABELS``); empty strings stay empty.
    """
    out, labels = frame.copy(), {}
    for column in frame.columns:
        values = frame[column]
        if column in value_labels:
            vocabulary = list(value_labels[column])
            out[column] = values.map({v: i for i, v in enumerate(vocabulary)}).astype("Int16")
            labels[column] = dict(enumerate(value_labels[column].values()))
        elif pd.api.types.is_bool_dtype(values):
            out[column] = values.astype("Int8")
            labels[column] = dict(BOOLEAN_LABELS)
        elif values.dtype == object:
            out[column] = values.fillna("").astype(str)
    return out, labels


def write_dta(table: Table, path: Path | io.BytesIO) -> None:
    """Write one table as a Stata 14 (version 118, Unicode) file with its labels."""
    frame, labels = stata_frame(table.frame, table.value_labels)
    long_text = [c for c in frame.columns if frame[c].dtype == object and frame[c].str.len().max() > 244]
    frame.to_stata(path, write_index=False, version=118, time_stamp=STAMP, convert_strl=long_text,
                   variable_labels={k: v for k, v in table.variable_labels.items() if k in frame.columns},
                   value_labels=labels)


# --------------------------------------------------------------------------- Excel
def _zip_entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
    return info


def _fixed_xlsx(raw: bytes) -> bytes:
    """Rewrite a workbook with fixed entry times and a fixed modification date (openpyxl stamps the clock)."""
    out = io.BytesIO()
    stamp = STAMP.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(), content)
            target.writestr(_zip_entry(info.filename), content)
    return out.getvalue()


def workbook_bytes(named: dict[str, Table], codebook: pd.DataFrame) -> bytes:
    """One sheet per table (the sheet name is the table's name) and a ``codebook`` sheet."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        writer.book.properties.creator = "protection-scope"
        for name, table in named.items():
            table.frame.to_excel(writer, sheet_name=name, index=False)
        codebook.to_excel(writer, sheet_name="codebook", index=False)
        writer.book.properties.created = writer.book.properties.modified = STAMP
    return _fixed_xlsx(buffer.getvalue())


# --------------------------------------------------------------------------- the export
def targets(folder: Path, formats: tuple[str, ...], names: list[str]) -> list[Path]:
    """The files an export of *names* in *formats* writes into *folder*."""
    files = [folder / f"{name}.{fmt}" for fmt in formats if fmt in ("csv", "parquet", "dta") for name in names]
    if "csv" in formats:
        files += [folder / "datapackage.json", folder / "codebook.csv"]
    if "xlsx" in formats:
        files.append(folder / WORKBOOK)
    return files


def parse_formats(text: str) -> tuple[str, ...]:
    """``"csv,dta"`` -> ``("csv", "dta")``; raises :class:`ExportError` on an unknown format."""
    chosen = tuple(dict.fromkeys(f.strip().lower() for f in text.split(",") if f.strip()))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise ExportError(f"--format {text}: unknown format {', '.join(unknown) or '(none)'}; "
                          f"choose from {', '.join(FORMATS)}")
    return chosen


def _check_folder(folder: Path, files: list[Path], force: bool) -> None:
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder}: not a folder; give the folder to export into")
    if folder.resolve().is_relative_to(paths.DATA_RAW.resolve()):
        raise ExportError(f"{folder}: refusing to write into data/raw (project-coded data are immutable)")
    existing = [f for f in files if f.exists()]
    if existing and not force:
        raise ExportError(f"{existing[0]}: exists; refusing to overwrite without --force "
                          f"({len(existing)} file{'s' if len(existing) > 1 else ''} would be replaced)")


def table_names(with_panel: bool = True) -> list[str]:
    """The names of the exported tables, in order (``panel`` only when asked for)."""
    return [*data.TABLES, *READINGS, *(["panel"] if with_panel else []), *COUNCIL_TABLES, "network_nodes",
            "network_edges"]


def export(folder: Path | str, formats: tuple[str, ...] = FORMATS, *, force: bool = False,
           data_dir: Path | str | None = None, with_panel: bool = True) -> tuple[list[Path], list[str]]:
    """Write every table in each of *formats* into *folder*; return the files written and the notes.

    Raises :class:`ExportError` (before reading or writing anything) when a file
    exists and *force* is false, or when *folder* is a file or lies inside ``data/raw``.
    """
    folder = Path(folder)
    _check_folder(folder, targets(folder, formats, table_names(with_panel)), force)
    named, notes = tables(data_dir, with_panel=with_panel)
    return write(folder, named, formats), notes


def write(folder: Path, named: dict[str, Table], formats: tuple[str, ...]) -> list[Path]:
    """Write the *named* tables into *folder* (created if missing) in each format; return the files."""
    folder.mkdir(parents=True, exist_ok=True)
    codebook = package.codebook()
    for name, table in named.items():
        if "csv" in formats:
            table.frame.to_csv(folder / f"{name}.csv", index=False, lineterminator="\n")
        if "parquet" in formats:
            table.frame.to_parquet(folder / f"{name}.parquet", index=False, engine="pyarrow")
        if "dta" in formats:
            write_dta(table, folder / f"{name}.dta")
    if "csv" in formats:
        (folder / "datapackage.json").write_text(package.descriptor_text(prefix=""), encoding="utf-8")
        codebook.to_csv(folder / "codebook.csv", index=False, lineterminator="\n")
    if "xlsx" in formats:
        (folder / WORKBOOK).write_bytes(workbook_bytes(named, codebook))
    return targets(folder, formats, list(named))


def bundle_name() -> str:
    """The release bundle's name, from the data version (``protection-scope-data-1.1.0``)."""
    return f"protection-scope-data-{schema.DATA_VERSION}"


def bundle(folder: Path | str, target: Path | str, extra: list[Path] = ()) -> Path:
    """Zip every file of *folder* and the *extra* files into *target*: sorted entries, fixed times."""
    folder, target = Path(folder), Path(target)
    entries = sorted([(p.name, p) for p in Path(folder).iterdir() if p.is_file()] + [(p.name, p) for p in extra])
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, path in entries:
            archive.writestr(_zip_entry(f"{target.stem}/{name}"), path.read_bytes())
    return target
