"""The scope classifier's former engine (integer codes), kept only as the benchmark's comparison baseline.

This is the engine of :func:`analysis.scope.classify` as it stood before the
rules were written as the plain functions :func:`analysis.scope.poc_rule` and
:func:`analysis.scope.r2p_rule` (commit 6d2bff0): every rule column hashed once
into small integer codes, the rules as comparisons of integer arrays, the
reason texts written once per distinct combination of the codes they mention.
``benchmarks/run.py`` times it against today's classifier, and
``tests/test_scope.py`` checks that both give identical output. It is not part
of the package: nothing under ``src/`` imports it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis import schema
from analysis.scope import (
    CATEGORIES,
    ScopeRules,
    _copy,  # the output frame is copied as today's classifier copies it
)

_CATEGORY_OF = np.array(CATEGORIES, dtype=object)  # index: 2 * (not poc) + (not r2p)


def classify(df: pd.DataFrame, rules: ScopeRules = ScopeRules()) -> pd.DataFrame:
    """The former ``analysis.scope.classify(df, rules, validate=False)``."""
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
