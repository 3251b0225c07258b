"""The data package (``datapackage.json``) and the codebook as data (``data/codebook.csv``).

Both are generated, never edited by hand: the Table Schemas (types, ``enum``
vocabularies, ``required``, ``unique``, primary and foreign keys) and the
variable and value labels (field ``title``; ``categories``, Table Schema v2)
come from :mod:`analysis.schema`; the coding rules
come from the codebook text, ``data/README.md``. ``make figures`` writes both
files (``python -m analysis.package``); the tests check that the committed
files equal the generated ones.

The descriptor lives at the repository root, so that
``frictionless validate datapackage.json`` and R's
``frictionless::read_package("datapackage.json")`` work from a clone; its
resources point at ``data/raw/*.csv``. The release bundle carries a copy whose
paths point at the exported CSV files beside it (``prefix=""``).

**``;``-lists are not foreign keys.** A Table Schema foreign key joins one
cell to one row. ``situations.sources``, ``situations.poc_missions``,
``missions.sources`` and ``obligations.sources`` hold ``;``-separated lists of
ids, so the package types them as strings with a pattern, and states in each
field's description which table the ids must come from; the project's own
validator (``python -m analysis validate``) resolves every id. The single-id
references (``obligations.actor_id``, ``obligations.instrument_id``) are real
foreign keys, which frictionless checks.

Examples
--------
>>> from analysis import schema
>>> column = schema.ACTORS.columns[2]
>>> field_descriptor(column, {})["constraints"]["enum"][:3]
['state', 'non_state_armed_group', 'un_organ']
>>> codebook_rules(["## `t.csv`", "", "| column | allowed values | coding rule |", "|---|---|---|",
...                 "| `a` | text | **Always** filled. |"])[0]
{('t', 'a'): 'Always filled.'}
"""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pandas as pd

from . import atomic, data, paths, schema, scope
from .external import registry
from .validation import SLUG, Column, TableSpec

#: the descriptor, at the repository root
DATAPACKAGE = paths.ROOT / "datapackage.json"
#: the codebook as data
CODEBOOK = paths.DATA / "codebook.csv"
#: the codebook text the coding rules are read from
CODEBOOK_TEXT = paths.DATA / "README.md"
CODEBOOK_COLUMNS = ["table", "variable", "type", "value", "label", "rule"]

LICENCE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International",
           "path": "https://creativecommons.org/licenses/by/4.0/"}
CONTRIBUTORS = [{"title": "protection-scope contributors", "role": "author"}]
TITLE = "protection-scope: Protection of Civilians and the Responsibility to Protect, situation by situation"
DESCRIPTION = ("Project-coded situations of violence against civilians (1945-2025) with the facts that decide "
               "whether each falls under the Protection of Civilians (POC), the Responsibility to Protect (R2P), "
               "both or neither; the sources cited, the POC-mandated UN operations, and the actors, instruments "
               "and obligations of the two norms. Codebook: data/README.md and data/codebook.csv.")
TABLE_TITLES = {
    "situations": "Situations: context, violence, POC missions, evidence per atrocity crime",
    "sources": "Sources: every document, judgment or dataset cited",
    "missions": "UN peacekeeping operations ever mandated to protect civilians",
    "actors": "Actors that hold protection duties",
    "instruments": "Instruments that create the duties",
    "obligations": "Obligations: the duty of one actor under one instrument, placed in POC and/or R2P",
    "civilian_deaths": "Civilians killed by deliberate violence per situation (best, low, high), cited",
    "evidence": "Evidence: for every crime cell above 'none', the text read that backs its tier, and where",
    "commissions": "Truth commissions and UN inquiries, each mapped to the situations it investigated",
}

#: single-id references, checked by frictionless: (table, column) -> (table, column)
FOREIGN_KEYS = {
    ("obligations", "actor_id"): ("actors", "actor_id"),
    ("obligations", "instrument_id"): ("instruments", "instrument_id"),
    ("civilian_deaths", "situation_id"): ("situations", "situation_id"),
    ("civilian_deaths", "source_id"): ("sources", "source_id"),
    ("evidence", "situation_id"): ("situations", "situation_id"),
    ("evidence", "source_id"): ("sources", "source_id"),
}
#: ``;``-list references, checked by the project's validator only: (table, column) -> (table, column)
LIST_REFERENCES = {
    ("situations", "poc_missions"): ("missions", "acronym"),
    ("situations", "sources"): ("sources", "source_id"),
    ("missions", "sources"): ("sources", "source_id"),
    ("obligations", "sources"): ("sources", "source_id"),
    ("commissions", "situation_ids"): ("situations", "situation_id"),
}

#: the columns :func:`analysis.scope.classify` adds: (type, label); the rules are in section 4 of the codebook
CLASSIFIED = "situations_classified"
CLASSIFIED_COLUMNS = {
    "poc": ("boolean", "POC applies under this reading"),
    "r2p": ("boolean", "R2P applies under this reading"),
    "r2p_prevention": ("boolean", "R2P prevention: a crime coded, below the R2P threshold"),
    "category": ("enum", "Category under this reading"),
    "reasons": ("text", "The rules that fired and their evidence"),
}
CLASSIFIED_VALUE_LABELS = {"category": scope.CATEGORY_LABELS}

_SLUG = SLUG.pattern.strip("^$")
_KIND_PATTERN = {"slug": _SLUG, "list": f"{_SLUG}(;{_SLUG})*", "url": r"https?://\S+"}


def table_columns(name: str) -> tuple[Column, ...]:
    """Every column of the project's table *name*, in file order (``situations`` adds its extra columns)."""
    spec: TableSpec = data.TABLES[name]
    return tuple(spec.columns) + (schema.SITUATIONS_EXTRA if name == "situations" else ())


# --------------------------------------------------------------------------- codebook text
def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("**", "")).strip()


def _ticked(text: str) -> list[str]:
    return re.findall(r"`([^`]+)`", text)


def codebook_rules(lines: list[str]) -> tuple[dict, dict]:
    """The coding rules written in the codebook text, read from its Markdown.

    Returns ``{(table, variable): rule}`` from the column tables (``| column |
    ... | coding rule |``) and from bullets that start with a column name, and
    ``{(table, variable, value): rule}`` from the value tables (``| value |
    meaning |``, ``| tier | ... |``, ``| kind | ... |``) under a heading that names
    the variables (or whose first header is the variable). The table is the one
    whose file (`` `name.csv` ``) the nearest heading names; section 4 (``analysis.scope``)
    describes the classified situations.
    """
    variables, values = {}, {}
    table, heading, i = None, "", 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("#"):
            files = [t[:-4] for t in _ticked(line) if t.endswith(".csv")]
            if files:
                table = files[0]
            elif line.startswith("## "):
                table = CLASSIFIED if "analysis.scope" in line else None
            heading = line
        elif table and line.startswith("|"):
            block = []
            while i < len(lines) and lines[i].startswith("|"):
                block.append(_cells(lines[i]))
                i += 1
            header, rows = block[0], block[2:]
            if header[0] == "column":
                variables.update({(table, _ticked(r[0])[0]): _plain(r[-1]) for r in rows if _ticked(r[0])})
            elif len(header) == 2:
                named = [t for t in _ticked(heading) if not t.endswith(".csv")] or [header[0]]
                for variable in named:
                    values.update({(table, variable, _ticked(r[0])[0]): _plain(r[1]) for r in rows if _ticked(r[0])})
            continue
        elif table and re.match(r"^\* `[a-z_0-9]+`", line):
            text = [line[2:]]
            while i + 1 < len(lines) and lines[i + 1].startswith("  ") and lines[i + 1].strip():
                i += 1
                text.append(lines[i])
            variables.setdefault((table, _ticked(line)[0]), _plain(" ".join(text)))
        i += 1
    return variables, values


def _rules() -> tuple[dict, dict]:
    return codebook_rules(CODEBOOK_TEXT.read_text(encoding="utf-8").splitlines())


# --------------------------------------------------------------------------- data package
def field_descriptor(column: Column, rules: dict, table: str = "") -> dict:
    """The Table Schema field of one schema column (its description: the codebook rule)."""
    types = {"int": "integer"}
    out: dict = {"name": column.name, "type": types.get(column.kind, "string")}
    if column.label:
        out["title"] = column.label
    description = rules.get((table, column.name), "")
    if (table, column.name) in LIST_REFERENCES:
        target, key = LIST_REFERENCES[(table, column.name)]
        description += (f" A ';'-separated list of {target}.{key} values: not a Frictionless foreign key "
                        f"(a key joins one cell to one row); 'python -m analysis validate' resolves every id.")
    if description.strip():
        out["description"] = description.strip()
    constraints: dict = {}
    if column.required:
        constraints["required"] = True
    if column.unique:
        constraints["unique"] = True
    if column.allowed:
        constraints["enum"] = list(column.allowed)
    if column.labels:
        out["categories"] = [{"value": value, "label": label} for value, label in column.labels.items()]
    if column.minimum is not None:
        constraints["minimum"] = column.minimum
    if column.maximum is not None:
        constraints["maximum"] = column.maximum
    pattern = column.pattern or _KIND_PATTERN.get(column.kind)
    if pattern:
        constraints["pattern"] = pattern
    if constraints:
        out["constraints"] = constraints
    return out


def resource(name: str, prefix: str, rules: dict) -> dict:
    """The resource of the project's table *name*, its path under *prefix*."""
    columns = table_columns(name)
    keys = [c.name for c in columns if c.unique]
    table_schema: dict = {"fields": [field_descriptor(c, rules, name) for c in columns], "missingValues": [""],
                          "primaryKey": keys}
    foreign = [{"fields": column, "reference": {"resource": target, "fields": key}}
               for (table, column), (target, key) in FOREIGN_KEYS.items() if table == name]
    if foreign:
        table_schema["foreignKeys"] = foreign
    return {"name": name, "path": f"{prefix}{data.TABLES[name].name}", "title": TABLE_TITLES[name],
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "schema": table_schema}


def descriptor(prefix: str = "data/raw/") -> dict:
    """The data package descriptor: one resource per project table, paths under *prefix*.

    Examples
    --------
    >>> package = descriptor()
    >>> package["version"] == schema.DATA_VERSION, package["licenses"][0]["name"]
    (True, 'CC-BY-4.0')
    >>> [r["path"] for r in package["resources"]][:2]
    ['data/raw/situations.csv', 'data/raw/sources.csv']
    """
    rules, _ = _rules()
    external = [{"title": f"{d.title} {d.version}", "path": d.page} for _, d in sorted(registry.REGISTRY.items())]
    return {
        "name": "protection-scope",
        "title": TITLE,
        "description": DESCRIPTION,
        "version": schema.DATA_VERSION,
        "licenses": [LICENCE],
        "contributors": CONTRIBUTORS,
        "sources": [{"title": "Project coding from the documents listed in sources.csv"}, *external],
        "keywords": ["protection of civilians", "responsibility to protect", "atrocity prevention",
                     "peacekeeping", "international humanitarian law"],
        "resources": [resource(name, prefix, rules) for name in data.TABLES],
    }


def descriptor_text(prefix: str = "data/raw/") -> str:
    """The descriptor as the JSON text written to disk (sorted keys are not used: fields keep file order)."""
    return json.dumps(descriptor(prefix), indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------- codebook as data
def _value_rows(table: str, variable: str, kind: str, labels: dict, value_rules: dict) -> list[dict]:
    return [{"table": table, "variable": variable, "type": kind, "value": value, "label": label,
             "rule": value_rules.get((table, variable, value), "")} for value, label in labels.items()]


def codebook() -> pd.DataFrame:
    """The codebook as a table: one row per variable, then one per allowed value.

    Columns: ``table``, ``variable``, ``type`` (the schema's kind: text, slug,
    int, enum, list, url; boolean for the classifier's verdicts), ``value``
    (empty on a variable's own row), ``label`` and ``rule`` (the coding rule, or
    the value's meaning, from the codebook text).

    Examples
    --------
    >>> book = codebook()
    >>> book.columns.tolist()
    ['table', 'variable', 'type', 'value', 'label', 'rule']
    >>> book.query("variable == 'context' and value == 'peace'")["label"].item()
    'peace (none of the other contexts)'
    """
    variable_rules, value_rules = _rules()
    rows: list[dict] = []
    for table in data.TABLES:
        for column in table_columns(table):
            rows.append({"table": table, "variable": column.name, "type": column.kind, "value": "",
                         "label": column.label, "rule": variable_rules.get((table, column.name), "")})
            rows += _value_rows(table, column.name, column.kind, dict(column.labels), value_rules)
    for variable, (kind, label) in CLASSIFIED_COLUMNS.items():
        rows.append({"table": CLASSIFIED, "variable": variable, "type": kind, "value": "", "label": label,
                     "rule": variable_rules.get((CLASSIFIED, variable), "")})
        rows += _value_rows(CLASSIFIED, variable, kind, CLASSIFIED_VALUE_LABELS.get(variable, {}), value_rules)
    return pd.DataFrame(rows, columns=CODEBOOK_COLUMNS)


def codebook_text() -> str:
    """The codebook as the CSV text written to ``data/codebook.csv``."""
    buffer = io.StringIO()
    codebook().to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def write(root: Path | None = None) -> list[Path]:
    """Write ``datapackage.json`` and ``data/codebook.csv`` under *root* (default: the repository)."""
    root = Path(root or paths.ROOT)
    targets = [(root / DATAPACKAGE.relative_to(paths.ROOT), descriptor_text()),
               (root / CODEBOOK.relative_to(paths.ROOT), codebook_text())]
    for path, text in targets:
        atomic.write_if_changed(path, text)
    return [path for path, _ in targets]


if __name__ == "__main__":  # `make figures` runs `python -m analysis.package`
    for written in write():
        print(f"wrote {paths.relative(written)}", file=sys.stderr)
