"""Reading and checking tables: every problem at once, each one located.

A *table spec* lists the columns a CSV file must begin with and the rule each
column obeys. :func:`read_table` reads a file as text (so that nothing is
coerced silently), checks the encoding, the delimiter, the header and every
cell, and raises :class:`ValidationError` carrying **all** the problems found.
Each :class:`Problem` names the file, the line, the column, the value and the
rule broken, so that a user can fix a file without a traceback.

Checks are vectorised over columns: a file with a million rows is checked in a
few column operations, and only the rows that fail are turned into messages.

Examples
--------
>>> import io
>>> spec = TableSpec("demo.csv", [Column("id", kind="slug", unique=True),
...                               Column("n", kind="int", minimum=0, maximum=9)])
>>> frame = read_table(io.BytesIO(b"id,n\\na,1\\nb,2\\n"), spec)
>>> frame["n"].tolist()
[1, 2]
>>> try:
...     read_table(io.BytesIO(b"id,n\\na,1\\na,12\\n"), spec)
... except ValidationError as err:
...     print(err)
demo.csv: 2 problems
  demo.csv:3: column 'id', value 'a': duplicate id (first on line 2)
  demo.csv:3: column 'n', value '12': must be an integer from 0 to 9
"""

from __future__ import annotations

import csv
import gc
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from .paths import relative

#: name of the helper column holding each row's line number in its file
LINE = "_line"

SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
LIST_SEP = ";"


@dataclass(frozen=True, order=True)
class Problem:
    """One broken rule, located in a file.

    Attributes
    ----------
    file : str
        The file (relative to the project root when inside it).
    line : int or None
        The physical line of the record (1 is the header), None for file-level problems.
    column : str or None
        The column concerned, if any.
    value : str or None
        The offending value, if any.
    rule : str
        The rule broken, in words.
    """

    file: str
    line: int | None
    column: str | None
    value: str | None
    rule: str

    def sort_key(self) -> tuple:
        return (self.file, self.line or 0, self.column or "", self.rule, self.value or "")

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        details = []
        if self.column is not None:
            details.append(f"column '{self.column}'")
        if self.value is not None:
            shown = self.value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
            shown = shown if len(shown) <= 60 else shown[:57] + "..."
            details.append(f"value '{shown}'")
        if details:
            return f"{where}: {', '.join(details)}: {self.rule}"
        return f"{where}: {self.rule}"


class ValidationError(ValueError):
    """Raised when input breaks the project's rules; carries every problem found."""

    def __init__(self, problems: Iterable[Problem], limit: int = 200):
        self.problems = sorted(set(problems), key=Problem.sort_key)
        files = sorted({p.file for p in self.problems})
        head = f"{', '.join(files)}: {len(self.problems)} problem{'s' if len(self.problems) != 1 else ''}"
        lines = [f"  {p}" for p in self.problems[:limit]]
        if len(self.problems) > limit:
            lines.append(f"  ... and {len(self.problems) - limit} more")
        super().__init__("\n".join([head, *lines]))


@dataclass(frozen=True)
class Column:
    """The rule for one column.

    Parameters
    ----------
    name : str
    kind : {'text', 'slug', 'int', 'enum', 'list', 'url'}
        ``list`` is a ``;``-separated list of slugs (or of ``allowed`` values).
    required : bool
        The cell may not be empty.
    allowed : tuple of str, optional
        The permitted values (``enum``), or permitted list items (``list``).
    minimum, maximum : int, optional
        Inclusive range for ``int``.
    unique : bool
        Values must not repeat.
    pattern : str, optional
        A regular expression every non-empty value must match in full.
    pattern_rule : str, optional
        How to describe the pattern in messages.
    label : str
        A short variable label (at most 80 characters: Stata's limit), for exports and the codebook.
    labels : mapping of str to str
        A short label for each allowed value (``enum``), in the order of ``allowed``.
    """

    name: str
    kind: str = "text"
    required: bool = True
    allowed: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    unique: bool = False
    pattern: str | None = None
    pattern_rule: str | None = None
    label: str = ""
    labels: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class TableSpec:
    """The columns a file must begin with, in order (more may follow them)."""

    name: str
    columns: Sequence[Column] = field(default_factory=tuple)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


def _label(source, spec: TableSpec | None = None) -> str:
    if isinstance(source, (str, Path)):
        return relative(Path(source))
    return getattr(source, "name", None) or (spec.name if spec else "<input>")


#: leading bytes of files that are not CSV text, and what to tell the user
NOT_TEXT = (
    (b"PK\x03\x04", "is a zip archive (an Excel .xlsx workbook?), not CSV text: save it as 'CSV UTF-8'"),
    (b"\xd0\xcf\x11\xe0", "is an Excel .xls workbook (or another binary file), not CSV text: "
                          "save it as 'CSV UTF-8'"),
    (b"\xff\xfe", "is UTF-16 text (a byte-order mark FF FE): save it as UTF-8 ('CSV UTF-8' in Excel)"),
    (b"\xfe\xff", "is UTF-16 text (a byte-order mark FE FF): save it as UTF-8 ('CSV UTF-8' in Excel)"),
)


def decode(raw: bytes, label: str) -> tuple[str, list[Problem]]:
    """Decode UTF-8 bytes (a byte-order mark is accepted and dropped).

    Undecodable bytes are reported with their line (every bad run on a line) and
    replaced, so that the rest of the file can still be checked; NUL bytes are
    reported too. A workbook, a zip archive or UTF-16 text is refused at once
    with a single problem, instead of a problem per line.

    Examples
    --------
    >>> decode(b"\\xef\\xbb\\xbfa,b\\n", "f.csv")
    ('a,b\\n', [])
    >>> text, problems = decode(b"a,b\\n\\xff,1\\xfe\\n", "f.csv")
    >>> for problem in problems:
    ...     print(problem)
    f.csv:2: value '\\xff': not valid UTF-8 (save the file as UTF-8)
    f.csv:2: value '\\xfe': not valid UTF-8 (save the file as UTF-8)
    >>> decode(b"PK\\x03\\x04...", "f.csv")[1][0].rule
    "is a zip archive (an Excel .xlsx workbook?), not CSV text: save it as 'CSV UTF-8'"
    """
    for signature, rule in NOT_TEXT:
        if raw.startswith(signature):
            return "", [Problem(label, None, None, None, rule)]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    nul = raw.count(b"\x00")
    if nul and nul > len(raw) // 8:
        return "", [Problem(label, None, None, None, f"{nul} NUL bytes: this is UTF-16 text without a byte-order "
                                                     "mark, or binary data, not CSV text: save it as 'CSV UTF-8'")]
    problems: list[Problem] = []
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        for number, line in enumerate(raw.split(b"\n"), start=1):
            start = 0
            while True:
                try:
                    line[start:].decode("utf-8")
                    break
                except UnicodeDecodeError as err:
                    bad = line[start + err.start : start + err.end]
                    problems.append(Problem(label, number, None, "".join(f"\\x{b:02x}" for b in bad),
                                            "not valid UTF-8 (save the file as UTF-8)"))
                    start += err.end
        text = raw.decode("utf-8", errors="replace")
    if nul:
        for number, line in enumerate(text.split("\n"), start=1):
            if "\x00" in line:
                problems.append(Problem(label, number, None, None,
                                        "contains a NUL byte (binary data?): remove it or save the file as CSV UTF-8"))
    return text, problems


def read_rows(source, label: str | None = None) -> tuple[list[str], list[list[str]], list[int], list[Problem]]:
    """Read a CSV file or file-like object into header, rows and line numbers.

    Returns the header, the data rows (lists of strings, padded or cut to the
    header's width), the physical line on which each record starts, and the
    problems found on the way (encoding, delimiter, ragged rows, empty file).
    """
    label = label or _label(source)
    if isinstance(source, (str, Path)):
        try:
            raw = Path(source).read_bytes()
        except FileNotFoundError:
            return [], [], [], [Problem(label, None, None, None, "file not found")]
        except IsADirectoryError:
            return [], [], [], [Problem(label, None, None, None, "is a folder, not a file")]
    else:
        raw = source.read()
        if isinstance(raw, str):
            raw = raw.encode("utf-8")
    text, problems = decode(raw, label)
    if any(p.line is None for p in problems):  # not CSV text at all: nothing more to say
        return [], [], [], problems
    if not text.strip():
        return [], [], [], problems + [Problem(label, None, None, None, "file is empty (expected a header row)")]
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] = []
    rows: list[list[str]] = []
    lines: list[int] = []
    start = 1
    collecting = gc.isenabled()
    gc.disable()  # a million new row lists would trigger many useless garbage collections (3x slower)
    try:
        for record in reader:
            if not header:
                header = [h.strip() for h in record]
            elif "".join(record).strip():  # skip blank records (one C call, not one per cell)
                if len(record) != len(header):
                    problems.append(
                        Problem(label, start, None, None,
                                f"row has {len(record)} fields, header has {len(header)}")
                    )
                    record = (record + [""] * len(header))[: len(header)]
                rows.append(record)
                lines.append(start)
            start = reader.line_num + 1
    except csv.Error as err:
        problems.append(Problem(label, reader.line_num, None, None, f"CSV syntax: {err}"))
    finally:
        if collecting:
            gc.enable()
    last, first_line = (rows[-1], lines[-1]) if rows else (header, 1)
    if any("\n" in cell for cell in last) and "".join(text.split("\n")[first_line - 1:]).count('"') % 2:
        problems.append(Problem(label, first_line, None, None,
                                "a quoted field opened on this record is never closed, so the rest of the file "
                                "was read into it (look for an unmatched '\"')"))
    if len(header) == 1:
        for sep, word in ((";", "semicolons"), ("\t", "tabs"), ("|", "pipes")):
            if sep in header[0]:
                problems.append(
                    Problem(label, 1, None, header[0],
                            f"header is one column: the file seems separated by {word}; expected commas")
                )
                break
    return header, rows, lines, problems


def check_header(header: list[str], spec: TableSpec, label: str) -> list[Problem]:
    """Check that *header* begins with the spec's columns in order, without repeats."""
    problems = []
    seen: dict[str, int] = {}
    for position, name in enumerate(header, start=1):
        if name in seen:
            problems.append(Problem(label, 1, name, None,
                                    f"duplicated column (positions {seen[name]} and {position})"))
        else:
            seen[name] = position
        if name == "":
            problems.append(Problem(label, 1, None, None, f"column {position} has an empty name"))
    missing = [n for n in spec.names if n not in seen]
    for name in missing:
        problems.append(Problem(label, 1, name, None, "required column is missing"))
    if not missing and header[: len(spec.names)] != spec.names:
        problems.append(Problem(label, 1, None, ",".join(header[: len(spec.names)]),
                                "columns must begin in this order: " + ",".join(spec.names)))
    return problems


def problems_where(mask, frame: pd.DataFrame, column: str, rule: str, label: str,
                   values: pd.Series | None = None) -> list[Problem]:
    """Turn the rows where *mask* holds into problems (the vectorised checks' exit)."""
    mask = np.asarray(mask, dtype=bool)
    if not mask.any():
        return []
    shown = (values if values is not None else frame[column])[mask]
    return [Problem(label, int(line), column, str(value), rule)
            for line, value in zip(frame[LINE][mask], shown)]


def distinct(values: pd.Series) -> tuple[np.ndarray, pd.Series, bool]:
    """Each row's position among the distinct values of a column of strings.

    Cell checks are elementwise, so they can run once per distinct value and be
    spread back to the rows with ``result[codes]``: a column of a million cells
    holding a few hundred distinct values costs one hash pass and a few hundred
    regular-expression calls. A column holding anything but strings keeps one
    entry per row, so that hash-equal values which print differently (``1``,
    ``1.0``, ``True``) are never merged.

    Returns
    -------
    codes : ndarray of int
        Position of each row's value in *uniques*.
    uniques : Series
        The distinct values (missing values included), on a fresh RangeIndex.
    merged : bool
        Whether equal values share an entry (False on the row-by-row path).

    Examples
    --------
    >>> codes, uniques, merged = distinct(pd.Series(["b", "a", "b", ""]))
    >>> codes.tolist(), uniques.tolist(), merged
    ([0, 1, 0, 2], ['b', 'a', ''], True)
    >>> distinct(pd.Series([1, 1.0]))[0].tolist()
    [0, 1]
    """
    cells = values.to_numpy(dtype=object)
    try:
        codes, uniques = pd.factorize(cells)
    except TypeError:  # unhashable cells (lists, dicts)
        return np.arange(len(cells)), pd.Series(cells, dtype=object), False
    if pd.api.types.infer_dtype(uniques, skipna=True) not in ("string", "empty"):
        return np.arange(len(cells)), pd.Series(cells, dtype=object), False
    missing = codes < 0
    if missing.any():  # missing cells share one entry, NaN
        codes[missing] = len(uniques)
        uniques = np.append(np.asarray(uniques, dtype=object), np.nan)
    return codes, pd.Series(uniques, dtype=object), True


def check_cells(frame: pd.DataFrame, spec: TableSpec, label: str) -> list[Problem]:
    """Check every cell of *frame* (strings) against the spec, column by column.

    Each rule is evaluated once per distinct value of a column (see
    :func:`distinct`) and only the rows that break it become problems.
    """
    problems: list[Problem] = []
    for col in spec.columns:
        if col.name not in frame.columns:
            continue
        values = frame[col.name]
        codes, uniques, merged = distinct(values)
        empty_u = uniques.eq("").to_numpy()
        empty = empty_u[codes]
        if col.required:
            problems += problems_where(empty, frame, col.name, "must not be empty", label)
        present = ~empty

        def broken(ok_u) -> np.ndarray:
            """Rows holding a present value for which the per-value verdict *ok_u* is False."""
            return present & ~np.asarray(ok_u, dtype=bool)[codes]

        if col.kind == "int":
            numbers = pd.to_numeric(uniques.where(~empty_u), errors="coerce")
            lo = col.minimum if col.minimum is not None else -np.inf
            hi = col.maximum if col.maximum is not None else np.inf
            ok = numbers.notna() & numbers.between(lo, hi) & (numbers % 1 == 0)
            if col.minimum is not None and col.maximum is not None:
                rule = f"must be an integer from {col.minimum} to {col.maximum}"
            else:
                rule = "must be an integer"
            problems += problems_where(broken(ok), frame, col.name, rule, label)
        elif col.kind == "enum":
            problems += problems_where(broken(uniques.isin(col.allowed)), frame, col.name,
                                       "must be one of: " + ", ".join(col.allowed), label)
        elif col.kind == "slug":
            problems += problems_where(broken(_matches(uniques, SLUG.pattern)), frame, col.name,
                                       "must be a slug (lower-case letters, digits, '-' or '_')", label)
        elif col.kind == "url":
            problems += problems_where(broken(_matches(uniques, r"https?://\S+", full=False)), frame,
                                       col.name, "must be an http(s) URL or empty", label)
        elif col.kind == "list":
            problems += problems_where(present & _bad_lists(uniques, col)[codes], frame, col.name,
                                       _list_rule(col), label)
        if col.pattern:
            problems += problems_where(broken(_matches(uniques, col.pattern)), frame, col.name,
                                       col.pattern_rule or f"must match {col.pattern}", label)
        if col.unique:
            dup = (pd.Series(codes).duplicated(keep="first") if merged else values.duplicated(keep="first"))
            dup = dup.to_numpy() & present
            if dup.any():
                first = frame.loc[present].drop_duplicates(col.name).set_index(col.name)[LINE]
                for line, value in zip(frame[LINE][dup], values[dup]):
                    problems.append(Problem(label, int(line), col.name, value,
                                            f"duplicate id (first on line {first[value]})"))
    return problems


def _matches(values: pd.Series, pattern: str, full: bool = True) -> np.ndarray:
    """Whether each value matches *pattern* (in full, or from its start to a ``$``); not-strings never do."""
    if full:
        found = values.str.fullmatch(pattern)
    else:
        found = values.str.match(pattern + "$")
    return _true(found)


def _true(flags: pd.Series) -> np.ndarray:
    """A boolean array from a Series of True/False/missing (missing counts as False)."""
    return flags.to_numpy(dtype=object, na_value=False).astype(bool)


def _list_rule(col: Column) -> str:
    if col.allowed:
        return "each item must be one of: " + ", ".join(col.allowed)
    return f"each '{LIST_SEP}'-separated item must be a slug"


def _bad_lists(values: pd.Series, col: Column) -> np.ndarray:
    """Per value of a list column: does some item break the rule (an empty list breaks it too)?"""
    exploded = split_list(values).explode()
    if col.allowed:
        bad = ~exploded.isin(col.allowed)
    else:
        bad = ~_true(exploded.str.fullmatch(SLUG.pattern))
    out = np.zeros(len(values), dtype=bool)
    out[exploded.index.to_numpy()[np.asarray(bad, dtype=bool)]] = True
    return out


def list_items(cell) -> list[str]:
    """The stripped, non-empty items of one ``;``-separated cell (missing: none).

    Examples
    --------
    >>> list_items("UNMIS; UNAMID;"), list_items(None)
    (['UNMIS', 'UNAMID'], [])
    """
    if cell is None or (not isinstance(cell, str) and pd.isna(cell)):
        return []
    return [x.strip() for x in str(cell).split(LIST_SEP) if x.strip()]


def split_list(values: pd.Series) -> pd.Series:
    """Split ``;``-separated cells into lists of stripped, non-empty items (:func:`list_items` per cell).

    Examples
    --------
    >>> split_list(pd.Series(["a; b", "", "c"])).tolist()
    [['a', 'b'], [], ['c']]
    """
    return values.fillna("").map(list_items)


def as_text(values: pd.Series) -> pd.Series:
    """Render a column as the text a CSV file would hold (whole floats without '.0').

    The text is made once per distinct value and spread back to the rows.

    Examples
    --------
    >>> as_text(pd.Series([2011.0, None, 3.5])).tolist()
    ['2011', '', '3.5']
    >>> as_text(pd.Series([" a ", None])).tolist()
    ['a', '']
    >>> as_text(pd.Series([1e300, float("inf")])).tolist()
    ['1e+300', 'inf']
    """
    if pd.api.types.is_bool_dtype(values):
        return values.astype(str)
    if values.dtype == object and pd.api.types.infer_dtype(values, skipna=False) == "string":
        return values.str.strip()  # the common case, a column read from a CSV file: text only
    numeric = pd.api.types.is_numeric_dtype(values)
    try:
        codes, uniques = pd.factorize(values.to_numpy(dtype=object) if values.dtype == object else values)
    except TypeError:  # unhashable cells (lists, dicts): row by row
        return _as_text(values, numeric)
    if not numeric and pd.api.types.infer_dtype(uniques, skipna=True) not in ("string", "empty"):
        # not all strings: hash-equal values (1, 1.0, True) may print differently, so go row by row
        return _as_text(values, numeric)
    texts = _as_text(pd.Series(uniques), numeric).to_numpy(dtype=object)
    return pd.Series(np.append(texts, "")[codes], index=values.index, name=values.name, dtype=object)


def _as_text(values: pd.Series, numeric: bool) -> pd.Series:
    if numeric:
        num = values.astype(float)
        out = num.astype(str).astype(object)
        # whole numbers print without '.0'; beyond 2**63 they keep the float form (no int64 overflow)
        whole = (num.notna() & (num % 1 == 0) & (num.abs() < 2.0**63)).to_numpy()
        out[whole] = num[whole].astype("int64").astype(str)
        out[num.isna().to_numpy()] = ""
        return out
    return values.astype(object).where(values.notna(), "").astype(str).str.strip()


def to_frame(header: list[str], rows: list[list[str]], lines: list[int]) -> pd.DataFrame:
    """Build a string frame with a leading line-number column (header names deduplicated)."""
    names: list[str] = []
    for name in header:
        candidate, k = name, 1
        while candidate in names:
            k += 1
            candidate = f"{name}.{k}"
        names.append(candidate)
    cells = pd.DataFrame(rows, columns=names, dtype=object) if rows else pd.DataFrame(columns=names, dtype=object)
    frame = pd.DataFrame({LINE: np.asarray(lines, dtype=np.int64)}, index=cells.index)
    for position, name in enumerate(names):
        frame[name] = _stripped(cells.iloc[:, position])
    return frame


def _stripped(values: pd.Series) -> pd.Series:
    """Cells with surrounding blanks removed (missing cells become ''), stripped once per distinct value.

    The result holds one string object per distinct value, so later passes over a
    column read a few objects instead of a million scattered ones.
    """
    codes, uniques, merged = distinct(values)
    if not merged:  # not all strings: strip row by row (a non-string fails here, as before)
        return values.fillna("").astype(object).map(str.strip)
    texts = np.array([u.strip() if isinstance(u, str) else "" for u in uniques], dtype=object)
    return pd.Series(texts[codes], index=values.index, name=values.name, dtype=object)


def read_raw(source, spec: TableSpec, label: str | None = None) -> tuple[pd.DataFrame, list[Problem]]:
    """Read *source* as strings and check header and cells; return frame and problems."""
    label = label or _label(source, spec)
    header, rows, lines, problems = read_rows(source, label)
    if not header:
        return to_frame(spec.names, [], []), problems
    if any(p.line == 1 and p.rule.startswith("header is one column") for p in problems):
        # a wrong delimiter: every required column would be reported missing, which says nothing more
        return to_frame(spec.names, [], []), problems
    problems += check_header(header, spec, label)
    frame = to_frame(header, rows, lines)
    if not rows and not problems:
        problems.append(Problem(label, None, None, None, "file has a header but no rows"))
    problems += check_cells(frame, spec, label)
    return frame, problems


def read_table(source, spec: TableSpec, label: str | None = None) -> pd.DataFrame:
    """Read and check a table; raise :class:`ValidationError` on any problem.

    Integer columns come back as nullable ``Int64``; other columns as strings.
    The ``_line`` column keeps each row's line number for later checks.
    """
    frame, problems = read_raw(source, spec, label)
    if problems:
        raise ValidationError(problems)
    return typed(frame, spec)


def typed(frame: pd.DataFrame, spec: TableSpec) -> pd.DataFrame:
    """Convert the spec's integer columns of a checked string frame to ``Int64``."""
    frame = frame.copy()
    for col in spec.columns:
        if col.kind == "int" and col.name in frame.columns:
            frame[col.name] = pd.to_numeric(frame[col.name].replace("", None)).astype("Int64")
    return frame
