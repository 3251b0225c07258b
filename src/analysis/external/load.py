"""Reading an external dataset: checks on arrival, the publisher's quirks fixed, memoised.

:func:`check_file` reads a file and checks it against its registry entry
(expected columns, version value, row-count range); a missing, truncated or
wrong-version file stops with a :class:`~analysis.external.registry.DataError`
naming the file and how to obtain it. :func:`load` returns a checked file
normalised for the quirks of the publishers' copies: each entry's ``normalise``
(defined in the publisher's module: comment lines, decimal commas, PITF's
``YREND`` 9999, the EWP base data's unnamed index column, invisible marks in
UCDP actor names). No row is dropped; what changed is listed in
``frame.attrs["notes"]`` (:func:`note`).

The text helpers the publishers' normalisers and adapters share live here:
:func:`clean_text`, :func:`clean_columns`, :func:`decimal_comma` and
:func:`explode_codes` (one row per code of UCDP's comma-separated ``gwno``
lists), and :func:`sheet_to_csv`, which the publishers' download conversions
call (a spreadsheet's sheet as CSV).

This module imports only :mod:`analysis.external.registry` (and the ground
layer); the publishers' modules import it.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from .. import paths
from .registry import REGISTRY, DataError, Dataset

#: Invisible marks the publishers' copies carry in text fields (left-to-right mark, BOM, no-break space).
INVISIBLE = "\u200e\u200f\ufeff"


def _without_comment_lines(text: str) -> tuple[io.StringIO, int]:
    """The text without whole-line comments (first non-blank character '#'), and their count.

    Unlike pandas' ``comment="#"``, a '#' inside a data field is kept.
    """
    lines = text.splitlines(keepends=True)
    kept = [line for line in lines if not line.lstrip().startswith("#")]
    return io.StringIO("".join(kept)), len(lines) - len(kept)


def check_file(dataset: Dataset, path: Path | None = None, data: bytes | None = None) -> pd.DataFrame:
    """Read a dataset file and check columns, version and row count; return it.

    *data*: the file's bytes, checked before they are written to *path*
    (:mod:`analysis.external.fetch`); None: read *path* (default: the dataset's).

    Raises
    ------
    DataError
        Naming the file, the check that failed and how to obtain the right file.

    Examples
    --------
    >>> import tempfile
    >>> demo = Dataset("demo", "Demo", "1", "demo.csv", "P", "https://example.org", "CC0",
    ...                "@misc{demo,}", ("a", "b"), (2, 3))
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "demo.csv").write_text("a,b\\n1,2\\n3,4\\n")
    >>> check_file(demo, folder / "demo.csv").values.tolist()
    [[1, 2], [3, 4]]
    >>> check_file(demo, folder / "demo.csv", data=b"a,b\\n1,2\\n")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    analysis.external.registry.DataError: ...demo.csv: 1 rows, expected 2-3 (truncated or another release?); ...
    """
    path = Path(path or dataset.path)
    label = paths.relative(path)
    if data is None:
        if not path.exists():
            raise DataError(f"{label}: missing; {dataset.how_to_obtain()}")
        data = path.read_bytes()
    try:
        source, skipped = io.BytesIO(data), 0
        if dataset.comment_lines:
            source, skipped = _without_comment_lines(data.decode("utf-8-sig"))
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


# --------------------------------------------------------------------------- helpers for the normalisers
#
# Each normaliser (in its publisher's module) takes the frame as read and
# checked, fixes one known quirk of the publisher's file and returns the frame
# with a note of what it changed in ``frame.attrs["notes"]``. None drops a row:
# a row that cannot be read raises DataError naming file, row, column, value and rule.

def note(frame: pd.DataFrame, text: str) -> None:
    """Add *text* to the frame's ``attrs["notes"]`` (what the loader changed).

    Examples
    --------
    >>> f = pd.DataFrame({"a": [1]})
    >>> note(f, "nothing really"); f.attrs["notes"]
    ['nothing really']
    """
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


def clean_columns(frame: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    """:func:`clean_text` on those *columns* the frame has, noting how many rows changed.

    Examples
    --------
    >>> f = clean_columns(pd.DataFrame({"name": [" A ", "B"], "n": [1, 2]}), ("name", "side"))
    >>> f["name"].tolist(), f.attrs["notes"]
    (['A', 'B'], ['name: whitespace or invisible marks removed in 1 rows'])
    """
    for col in columns:
        if col in frame.columns:
            before = frame[col]
            frame[col] = clean_text(before)
            changed = int((before.notna() & (before.astype(str) != frame[col].astype(str))).sum())
            if changed:
                note(frame, f"{col}: whitespace or invisible marks removed in {changed} rows")
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


def sheet_to_csv(workbook: bytes, sheet: str, dates: tuple[str, ...] = ()) -> bytes:
    """One sheet of a spreadsheet (xlsx or xls) as CSV bytes: ``read_excel(...).to_csv(index=False)``.

    The publishers' conversions (a named function in each publisher's module)
    call it; *dates* are columns written as ``%Y-%m-%d``.

    Examples
    --------
    >>> buffer = io.BytesIO()
    >>> pd.DataFrame({"a": [1, 2], "day": pd.to_datetime(["2001-02-03", None])}).to_excel(
    ...     buffer, sheet_name="data", index=False)
    >>> sheet_to_csv(buffer.getvalue(), "data", dates=("day",))
    b'a,day\\n1,2001-02-03\\n2,\\n'
    """
    frame = pd.read_excel(io.BytesIO(workbook), sheet_name=sheet)
    for column in dates:
        frame[column] = pd.to_datetime(frame[column]).dt.strftime("%Y-%m-%d")
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")


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


# --------------------------------------------------------------------------- loading

def normalise(key: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Apply the dataset's ``normalise`` (if any) to a copy of a frame read by :func:`check_file`."""
    frame = frame.copy()
    frame.attrs["notes"] = list(frame.attrs.get("notes", []))
    dataset = REGISTRY[key]
    return dataset.normalise(frame, dataset) if dataset.normalise else frame


_CACHE: dict[tuple, pd.DataFrame] = {}


def load(key: str, path: Path | str | None = None) -> pd.DataFrame:
    """Read a registered dataset after checking it, normalised (its entry's ``normalise``).

    What the normaliser changed is listed in ``frame.attrs["notes"]``; no row
    is dropped. Reads are memoised on the file's path, size and modification
    time, and each call returns a fresh copy.

    Examples
    --------
    >>> pko = load("un_pko")  # doctest: +SKIP
    >>> float(pko.loc[pko.mission_acronym == "UNPROFOR", "mission_longitude"].iloc[0])  # doctest: +SKIP
    15.9833
    >>> load("unsc_membership").attrs["notes"]  # doctest: +SKIP
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


def load_years(key: str, start: int, end: int, frame: pd.DataFrame | None = None, column: str = "year"
               ) -> pd.DataFrame:
    """The registered dataset *key* (or *frame*, read as :func:`load` reads it) in the years *start* to *end*.

    The publishers' adapters take an optional frame so that they can be run on
    hand-made inputs; None reads the registered file.

    Examples
    --------
    >>> load_years("pitf", 1994, 1995, pd.DataFrame({"YEAR": [1993, 1994, 1995, 1996]}), "YEAR").YEAR.tolist()
    [1994, 1995]
    """
    frame = load(key) if frame is None else frame
    return frame[frame[column].between(start, end)]
