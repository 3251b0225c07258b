"""The scope classifier: POC only, R2P only, both or neither, under explicit readings.

Every rule is a field of :class:`ScopeRules`, so that a reader can see how the
answer depends on the reading. :func:`classify` adds five columns to a frame
with the ``situations.csv`` schema:

``poc``
    the situation falls under the protection of civilians, under the chosen
    reading: *narrow* (legal POC under international humanitarian law: an
    armed conflict) or *broad* (the practice of the Security Council,
    peacekeepers and humanitarians: also a POC-mandated operation present, or
    widespread violence against civilians in an internal disturbance);
``r2p``
    one of the four atrocity crimes (genocide, crimes against humanity, ethnic
    cleansing, or war crimes, systematic where required) is evidenced at or
    above the chosen tier;
``r2p_prevention``
    not ``r2p``, but some evidence of an atrocity crime exists (the early
    warning and prevention side of R2P);
``category``
    ``both``, ``poc_only``, ``r2p_only`` or ``neither``;
``reasons``
    the rules that fired and their evidence, in words.

The two norms are never merged: a situation's POC and R2P status are decided by
separate rules and only combined in ``category``.

Examples
--------
>>> import pandas as pd
>>> row = dict(situation_id="x-2011", name="X", country="X", iso3="SYR", gwno=652,
...            start_year=2011, end_year=None, context="armed_conflict",
...            conflict_type="intrastate", civilian_violence="widespread", poc_missions="",
...            genocide="none", crimes_against_humanity="un", war_crimes="un",
...            ethnic_cleansing="none", war_crimes_scale="systematic", sources="", notes="")
>>> out = classify(pd.DataFrame([row]))
>>> out[["poc", "r2p", "category"]].to_dict("records")
[{'poc': True, 'r2p': True, 'category': 'both'}]
>>> out.loc[0, "reasons"]
'POC: armed conflict (intrastate); R2P: crimes against humanity (un), war crimes (un, systematic)'
>>> classify(pd.DataFrame([row]), ScopeRules(r2p_evidence="judicial")).loc[0, "category"]
'poc_only'

References
----------
.. [1] United Nations General Assembly, 2005 World Summit Outcome, A/RES/60/1, paras 138-139.
.. [2] United Nations Security Council, resolution 1265 (1999) and resolution 1894 (2009).
.. [3] UN Department of Peace Operations, The Protection of Civilians in United Nations
   Peacekeeping, Policy Ref. 2023.05.
"""

from __future__ import annotations

import copy
from dataclasses import asdict, dataclass, fields

import numpy as np
import pandas as pd

from . import schema
from .validation import LINE, Problem, ValidationError, as_text, check_cells, check_header

CATEGORIES = ("both", "poc_only", "r2p_only", "neither")
#: a short label for each category (the value labels of the exports and the codebook)
CATEGORY_LABELS = {"both": "both", "poc_only": "POC only", "r2p_only": "R2P only", "neither": "neither"}
RESULT_COLUMNS = ("poc", "r2p", "r2p_prevention", "category", "reasons")
POC_READINGS = ("broad", "narrow")
R2P_THRESHOLDS = ("judicial", "un", "ngo")


@dataclass(frozen=True)
class ScopeRules:
    """The reading under which situations are classified (defaults as in the codebook).

    Parameters
    ----------
    poc_reading : {'broad', 'narrow'}
        ``narrow``: POC applies in armed conflict only (IHL). ``broad``: also
        where a POC-mandated UN operation is deployed, or in an internal
        disturbance with widespread violence against civilians.
    r2p_evidence : {'judicial', 'un', 'ngo'}
        The weakest evidence tier that counts for R2P.
    war_crimes_need_systematic : bool
        War crimes count for R2P only when systematic (plan, policy or
        large-scale commission); isolated war crimes stay a POC matter.

    Examples
    --------
    >>> ScopeRules().describe()
    'POC broad; R2P evidence >= un; war crimes systematic only'
    >>> ScopeRules(poc_reading="wide")
    Traceback (most recent call last):
    ...
    ValueError: poc_reading must be one of broad, narrow, not 'wide'
    """

    poc_reading: str = "broad"
    r2p_evidence: str = "un"
    war_crimes_need_systematic: bool = True

    def __post_init__(self):
        if self.poc_reading not in POC_READINGS:
            raise ValueError(f"poc_reading must be one of {', '.join(POC_READINGS)}, not {self.poc_reading!r}")
        if self.r2p_evidence not in R2P_THRESHOLDS:
            raise ValueError(
                f"r2p_evidence must be one of {', '.join(R2P_THRESHOLDS)}, not {self.r2p_evidence!r}")
        if not isinstance(self.war_crimes_need_systematic, (bool, np.bool_)):
            raise ValueError("war_crimes_need_systematic must be True or False")

    def describe(self) -> str:
        """A short label of the reading, for tables and figure notes."""
        wc = "war crimes systematic only" if self.war_crimes_need_systematic else "war crimes any scale"
        return f"POC {self.poc_reading}; R2P evidence >= {self.r2p_evidence}; {wc}"

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def grid(cls) -> list["ScopeRules"]:
        """Every combination of the three rules (2 x 3 x 2 = 12 readings), in a fixed order."""
        return [cls(p, e, w) for p in POC_READINGS for e in R2P_THRESHOLDS for w in (True, False)]


RULE_FIELDS = tuple(f.name for f in fields(ScopeRules))


def _validate_input(df: pd.DataFrame, label: str) -> None:
    """Check a frame as a user's situations file (schema, values, consistency)."""
    from .data import check_situations

    header = [str(c) for c in df.columns if c != LINE]
    problems: list[Problem] = check_header(header, schema.SITUATIONS, label)
    names = schema.SITUATIONS.names
    missing = [c for c in names if c not in df.columns]
    repeated = [c for c in names if c not in missing and np.count_nonzero(df.columns == c) > 1]
    if missing or repeated:
        raise ValidationError(problems)
    # the text a CSV file would hold, on a fresh RangeIndex: problems are located by line, not by index
    lines = df[LINE].to_numpy() if LINE in df.columns else np.arange(2, len(df) + 2)
    frame = pd.DataFrame({LINE: lines, **{c: as_text(df[c]).to_numpy() for c in names}})
    problems += check_cells(frame, schema.SITUATIONS, label)
    problems += check_situations(frame, label)
    if problems:
        raise ValidationError(problems)


_ARMED_CONFLICT = schema.CONTEXTS.index("armed_conflict")
_DISTURBANCE = schema.CONTEXTS.index("internal_disturbance")
_SYSTEMATIC = schema.WAR_CRIMES_SCALE.index("systematic")


def _codes(values: pd.Series, categories: tuple[str, ...], where: np.ndarray | None = None) -> np.ndarray:
    """Position of each value in *categories* (-1 if absent or missing), as ``int8``.

    With a boolean *where*, only those rows are looked up (the others get -1).

    One hash factorisation of the column, then a lookup per distinct value (a
    value counts only if it equals a category exactly): the result of
    ``pd.Categorical(values, categories).codes``, about 1.4 times faster on a
    column of a million freshly made strings.

    Examples
    --------
    >>> _codes(pd.Series(["un", None, "UN", "none", "un"]), schema.TIERS).tolist()
    [4, -1, -1, 0, 4]
    """
    cells = values.to_numpy(dtype=object)
    if where is not None:
        out = np.full(len(cells), -1, dtype=np.int8)
        out[where] = _codes(pd.Series(cells[where], dtype=object), categories)
        return out
    codes, uniques = pd.factorize(cells)
    table = pd.Index(list(categories), dtype=object).get_indexer(uniques)
    return np.append(table, -1).astype(np.int8)[codes]


def _mission_codes(values: pd.Series) -> tuple[np.ndarray, list[str], np.ndarray]:
    """Each row's ``poc_missions`` as a code into its distinct texts, and whether it names a mission.

    Returns the codes (-1 for a missing cell), the distinct texts and a boolean
    per row (the stripped text is not empty). String work is done once per
    distinct value; a column holding anything but strings takes the row-wise path.
    """
    codes, uniques = pd.factorize(values.to_numpy(dtype=object))
    if pd.api.types.infer_dtype(uniques, skipna=True) not in ("string", "empty"):
        # numbers or mixed types: hash-equal values (1, 1.0, True) may print differently
        text = values.fillna("").astype(str)
        codes, uniques = pd.factorize(text.to_numpy(dtype=object))
    texts = [str(u) for u in uniques]
    named = np.array([bool(t.strip()) for t in texts] + [False], dtype=bool)
    return codes, texts, named[codes]


def _encode(df: pd.DataFrame) -> dict[str, np.ndarray]:
    """The columns the rules read, as small integer codes (each column hashed once)."""
    context = _codes(df["context"], schema.CONTEXTS)
    missions, texts, named = _mission_codes(df["poc_missions"])
    ranks = {f"rank_{crime}": _codes(df[crime], schema.TIERS) for crime in schema.CRIMES}
    return {
        "context": context,
        "widespread": df["civilian_violence"].to_numpy(dtype=object) == "widespread",
        "named_mission": named, "missions": missions, "mission_texts": texts,
        # read only where they matter: the conflict type in armed conflict, the scale of evidenced war crimes
        "ctype": _codes(df["conflict_type"], schema.CONFLICT_TYPES, where=context == _ARMED_CONFLICT),
        "scale": _codes(df["war_crimes_scale"], schema.WAR_CRIMES_SCALE, where=ranks["rank_war_crimes"] > 0),
        **ranks,
    }


def _masks(codes: dict[str, np.ndarray], rules: ScopeRules) -> dict[str, np.ndarray]:
    broad = rules.poc_reading == "broad"
    context = codes["context"]
    masks = {"armed_conflict": context == _ARMED_CONFLICT, "mission": codes["named_mission"] & broad,
             "disturbance": (context == _DISTURBANCE) & codes["widespread"] & broad}
    threshold = schema.TIER_RANK[rules.r2p_evidence]
    any_evidence = np.zeros(len(context), dtype=bool)
    for crime in schema.CRIMES:
        rank = codes[f"rank_{crime}"]
        masks[crime] = rank >= threshold
        any_evidence |= rank > 0
    if rules.war_crimes_need_systematic:
        masks["war_crimes"] &= codes["scale"] == _SYSTEMATIC
    masks["any_evidence"] = any_evidence
    return masks


def rule_masks(df: pd.DataFrame, rules: ScopeRules) -> dict[str, np.ndarray]:
    """Each rule's verdict per row, as boolean arrays (the classifier's single source of logic).

    Keys: ``armed_conflict``, ``mission``, ``disturbance`` (POC triggers, the last
    two only under the broad reading) and one key per crime (it counts for R2P
    under *rules*), plus ``any_evidence``.
    """
    return _masks(_encode(df), rules)


def _copy(df: pd.DataFrame) -> pd.DataFrame:
    """A deep copy of *df*, made column by column.

    Same result as ``df.copy()``, which first merges all columns of one dtype into
    a single block: for a million rows that merge costs more than the copy itself.
    """
    out = pd.DataFrame({i: df.iloc[:, i].copy() for i in range(df.shape[1])}, index=df.index.copy(),
                       copy=False)
    out.columns = df.columns.copy()
    out.attrs = copy.deepcopy(df.attrs)
    return out


_CATEGORY_OF = np.array(CATEGORIES, dtype=object)  # index: 2 * (not poc) + (not r2p)


def classify(df: pd.DataFrame, rules: ScopeRules = ScopeRules(), *, label: str = "<input>",
             validate: bool = True) -> pd.DataFrame:
    """Classify situations under *rules*; return the input columns plus the results.

    Parameters
    ----------
    df : DataFrame
        Rows with the ``situations.csv`` schema (extra columns are kept).
    rules : ScopeRules
        The reading.
    label : str
        How to name the input in error messages.
    validate : bool
        Check the input first (default). Nothing is classified on bad input.

    Returns
    -------
    DataFrame
        A new frame (the input is never modified) with ``poc``, ``r2p``,
        ``r2p_prevention``, ``category`` and ``reasons`` appended.

    Raises
    ------
    ValidationError
        If the input breaks the schema, with every problem listed.

    Notes
    -----
    Each rule column is hashed once into small integer codes; the rules are then
    comparisons of integer arrays, and the reason texts are written once per
    distinct combination of the codes that they mention (see ``BENCHMARKS.md``).
    """
    if validate:
        _validate_input(df, label)
    codes = _encode(df)
    m = _masks(codes, rules)
    poc = m["armed_conflict"] | m["mission"] | m["disturbance"]
    r2p = m["genocide"] | m["crimes_against_humanity"] | m["ethnic_cleansing"] | m["war_crimes"]
    prevention = ~r2p & m["any_evidence"]
    out = _copy(df)
    out["poc"] = poc
    out["r2p"] = r2p
    out["r2p_prevention"] = prevention
    out["category"] = _CATEGORY_OF[2 * (~poc).astype(np.intp) + (~r2p)]
    out["reasons"] = _reasons(codes, rules, m)
    return out


def _groups(key: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Number the distinct values of *key* (integers in ``[0, size)``); return codes and one row per code.

    A lookup table is used when *size* is small next to the rows, a hash
    factorisation otherwise; either way there is no Python loop over rows.

    Examples
    --------
    >>> codes, rows = _groups(np.array([7, 3, 7, 0]), 8)
    >>> codes.tolist(), np.array([7, 3, 7, 0])[rows].tolist()
    ([2, 1, 2, 0], [0, 3, 7])
    """
    n = len(key)
    if size <= 4 * n + 4096:
        row = np.full(size, -1, dtype=np.intp)
        row[key] = np.arange(n)
        present = np.flatnonzero(row >= 0)
        number = np.zeros(size, dtype=np.intp)
        number[present] = np.arange(len(present))
        return number[key], row[present]
    codes, uniques = pd.factorize(key, sort=True)
    row = np.empty(len(uniques), dtype=np.intp)
    row[codes] = np.arange(n)
    return codes, row


def _mixed_radix(parts: list[tuple[np.ndarray, int]]) -> tuple[np.ndarray, int]:
    """One int64 key from small non-negative integer arrays, each below its radix."""
    key, size = np.zeros(len(parts[0][0]), dtype=np.int64), 1
    for values, radix in parts:
        key = key * radix + values
        size *= radix
    return key, size


def _reasons(codes: dict[str, np.ndarray], rules: ScopeRules, m: dict[str, np.ndarray]) -> np.ndarray:
    """Reason strings, written once per distinct combination of what they mention.

    The POC half and the R2P half of the text depend on different inputs; each
    half is written once per distinct combination of its own inputs (a few
    thousand at most), the two are joined once per distinct pair, and the texts
    are spread back to the rows by index: no Python loop over rows.
    """
    n = len(codes["context"])
    if n == 0:
        return np.array([], dtype=object)
    narrow, mission, disturbance = m["armed_conflict"], m["mission"], m["disturbance"]
    # codes shift by one so that -1 (not a known value) becomes 0; parts not shown are zeroed
    ctype = np.where(narrow, codes["ctype"].astype(np.int64) + 1, 0)
    missions = np.where(mission, codes["missions"] + 1, 0)
    poc_key, poc_size = _mixed_radix([(narrow, 2), (ctype, len(schema.CONFLICT_TYPES) + 1),
                                      (missions, len(codes["mission_texts"]) + 1), (disturbance, 2)])
    war_shown = codes["rank_war_crimes"] > 0
    scale = np.where(war_shown, codes["scale"].astype(np.int64) + 1, 0)
    r2p_parts = [(np.maximum(codes[f"rank_{c}"], 0), len(schema.TIERS)) for c in schema.CRIMES]
    r2p_parts += [(m[c], 2) for c in schema.CRIMES] + [(scale, len(schema.WAR_CRIMES_SCALE) + 1)]
    r2p_key, r2p_size = _mixed_radix(r2p_parts)

    poc_codes, poc_rows = _groups(poc_key, poc_size)
    r2p_codes, r2p_rows = _groups(r2p_key, r2p_size)
    poc_texts = [_poc_text(codes, m, i, rules) for i in poc_rows]
    r2p_texts = [_r2p_text(codes, m, i, rules) for i in r2p_rows]
    pair_codes, pair_rows = _groups(poc_codes * len(r2p_rows) + r2p_codes, len(poc_rows) * len(r2p_rows))
    texts = np.array([f"{poc_texts[poc_codes[i]]}; {r2p_texts[r2p_codes[i]]}" for i in pair_rows], dtype=object)
    return texts[pair_codes]


def _label(vocabulary: tuple[str, ...], code: int) -> str:
    return vocabulary[code] if code >= 0 else "unknown"


def _poc_text(codes: dict[str, np.ndarray], m: dict[str, np.ndarray], i: int, rules: ScopeRules) -> str:
    """The POC half of row *i*'s reasons."""
    parts = []
    if m["armed_conflict"][i]:
        parts.append(f"armed conflict ({_label(schema.CONFLICT_TYPES, codes['ctype'][i])})")
    if m["mission"][i]:
        parts.append(f"POC-mandated mission ({codes['mission_texts'][codes['missions'][i]].replace(';', ', ')})")
    if m["disturbance"][i]:
        parts.append("internal disturbance with widespread violence against civilians")
    return "POC: " + (", ".join(parts) if parts else f"none ({rules.poc_reading} reading)")


def _r2p_text(codes: dict[str, np.ndarray], m: dict[str, np.ndarray], i: int, rules: ScopeRules) -> str:
    """The R2P half of row *i*'s reasons: the crimes that counted, else the evidence below the bar."""

    def crime_text(crime: str) -> str:
        tier = schema.TIERS[codes[f"rank_{crime}"][i]]
        extra = f", {_label(schema.WAR_CRIMES_SCALE, codes['scale'][i])}" if crime == "war_crimes" else ""
        return f"{schema.CRIME_LABELS[crime]} ({tier}{extra})"

    fired = [crime_text(c) for c in schema.CRIMES if m[c][i]]
    if fired:
        return f"R2P: {', '.join(fired)}"
    weaker = [crime_text(c) for c in schema.CRIMES if codes[f"rank_{c}"][i] > 0]
    if weaker:
        return f"R2P prevention: {', '.join(weaker)} below the {rules.r2p_evidence} threshold" + (
            " or not systematic" if rules.war_crimes_need_systematic and codes["rank_war_crimes"][i] > 0 else "")
    return "R2P: none"


def summary(classified: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """Counts and shares of the four categories, overall or per value of *by*.

    Examples
    --------
    >>> frame = pd.DataFrame({"category": ["both", "both", "neither", "poc_only"]})
    >>> summary(frame)[["group", "both", "poc_only", "r2p_only", "neither", "total", "share_both"]]
      group  both  poc_only  r2p_only  neither  total  share_both
    0   all     2         1         0        1      4         0.5
    """
    groups = classified[by] if by else pd.Series("all", index=classified.index)
    table = pd.crosstab(groups, classified["category"]).reindex(columns=list(CATEGORIES), fill_value=0)
    table = table.sort_index()
    table["total"] = table[list(CATEGORIES)].sum(axis=1)
    for cat in CATEGORIES:
        table[f"share_{cat}"] = (table[cat] / table["total"]).round(4)
    table.columns.name = None
    return table.rename_axis("group").reset_index()


def decade(years: pd.Series) -> pd.Series:
    """Label each start year with its decade, e.g. ``1990s``.

    Examples
    --------
    >>> decade(pd.Series([1989, 1990, 2011])).tolist()
    ['1980s', '1990s', '2010s']
    """
    return (years.astype(int) // 10 * 10).astype(str) + "s"


def changes(df: pd.DataFrame, before: ScopeRules, after: ScopeRules, *, validate: bool = True) -> pd.DataFrame:
    """Situations whose category differs between two readings, with both reasons.

    Returns ``situation_id``, ``name``, ``category_before``, ``category_after``,
    ``reasons_before`` and ``reasons_after``, sorted by id. *validate* as for
    :func:`classify`.
    """
    a, b = classify(df, before, validate=validate), classify(df, after, validate=validate)
    moved = a["category"].to_numpy() != b["category"].to_numpy()
    out = pd.DataFrame({
        "situation_id": a.loc[moved, "situation_id"].to_numpy(),
        "name": a.loc[moved, "name"].to_numpy(),
        "category_before": a.loc[moved, "category"].to_numpy(),
        "category_after": b.loc[moved, "category"].to_numpy(),
        "reasons_before": a.loc[moved, "reasons"].to_numpy(),
        "reasons_after": b.loc[moved, "reasons"].to_numpy(),
    })
    return out.sort_values("situation_id", ignore_index=True)


def crosstab_readings(df: pd.DataFrame, before: ScopeRules, after: ScopeRules) -> pd.DataFrame:
    """Cross-tabulate categories under two readings (rows: *before*, columns: *after*)."""
    a, b = classify(df, before), classify(df, after)
    table = pd.crosstab(pd.Categorical(a["category"], CATEGORIES), pd.Categorical(b["category"], CATEGORIES),
                        dropna=False)
    table.index.name, table.columns.name = "before", "after"
    return table


def drivers(df: pd.DataFrame, rules: ScopeRules = ScopeRules()) -> pd.DataFrame:
    """How often each rule fired, per category: which rules drove each class.

    Columns are the rules (POC triggers and the R2P crimes that counted); rows
    are the categories; cells count situations (a situation can fire several rules).

    Examples
    --------
    >>> row = dict(situation_id="k-2007", name="K", country="K", iso3="KEN", gwno=501, start_year=2007,
    ...            end_year=2008, context="internal_disturbance", conflict_type="none",
    ...            civilian_violence="widespread", poc_missions="", genocide="none",
    ...            crimes_against_humanity="judicial", war_crimes="none", ethnic_cleansing="none",
    ...            war_crimes_scale="none", sources="", notes="")
    >>> drivers(pd.DataFrame([row])).loc["both", ["POC: disturbance", "R2P: crimes against humanity"]].tolist()
    [1, 1]
    """
    m = rule_masks(df, rules)
    fired = {"POC: armed conflict": m["armed_conflict"], "POC: mission": m["mission"],
             "POC: disturbance": m["disturbance"],
             **{f"R2P: {schema.CRIME_LABELS[c]}": m[c] for c in schema.CRIMES}}
    table = pd.DataFrame(fired)
    table["category"] = classify(df, rules)["category"].to_numpy()
    counts = table.groupby("category").sum().reindex(list(CATEGORIES), fill_value=0).astype(int)
    counts.index.name = "category"
    return counts
