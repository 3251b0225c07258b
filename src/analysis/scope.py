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

from dataclasses import asdict, dataclass, fields

import numpy as np
import pandas as pd

from . import schema
from .validation import LINE, Problem, ValidationError, as_text, check_cells, check_header

CATEGORIES = ("both", "poc_only", "r2p_only", "neither")
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
    missing = [c for c in schema.SITUATIONS.names if c not in df.columns]
    if missing:
        raise ValidationError(problems)
    frame = df[schema.SITUATIONS.names].copy()
    for col in frame.columns:
        frame[col] = as_text(frame[col])
    lines = df[LINE].to_numpy() if LINE in df.columns else np.arange(2, len(df) + 2)
    frame.insert(0, LINE, lines)
    frame.index = df.index
    problems += check_cells(frame, schema.SITUATIONS, label)
    problems += check_situations(frame, label)
    if problems:
        raise ValidationError(problems)


def _codes(values: pd.Series, categories: tuple[str, ...]) -> np.ndarray:
    """Position of each value in *categories* (-1 if absent), computed in C by pandas."""
    return pd.Categorical(values, categories=list(categories)).codes


def _tier_rank(values: pd.Series) -> np.ndarray:
    return _codes(values, schema.TIERS).astype(np.int8)


def rule_masks(df: pd.DataFrame, rules: ScopeRules) -> dict[str, np.ndarray]:
    """Each rule's verdict per row, as boolean arrays (the classifier's single source of logic).

    Keys: ``armed_conflict``, ``mission``, ``disturbance`` (POC triggers, the last
    two only under the broad reading) and one key per crime (it counts for R2P
    under *rules*), plus ``any_evidence``.
    """
    context = df["context"].to_numpy(dtype=object)
    broad = rules.poc_reading == "broad"
    mission = df["poc_missions"].fillna("").astype(str).str.strip().ne("").to_numpy()
    disturbance = (context == "internal_disturbance") & (
        df["civilian_violence"].to_numpy(dtype=object) == "widespread")
    masks = {"armed_conflict": context == "armed_conflict", "mission": mission & broad,
             "disturbance": disturbance & broad}
    threshold = schema.TIER_RANK[rules.r2p_evidence]
    any_evidence = np.zeros(len(df), dtype=bool)
    for crime in schema.CRIMES:
        rank = _tier_rank(df[crime])
        masks[crime] = rank >= threshold
        any_evidence |= rank > 0
    if rules.war_crimes_need_systematic:
        masks["war_crimes"] &= df["war_crimes_scale"].to_numpy(dtype=object) == "systematic"
    masks["any_evidence"] = any_evidence
    return masks


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
    """
    if validate:
        _validate_input(df, label)
    out = df.copy()
    m = rule_masks(df, rules)
    poc = m["armed_conflict"] | m["mission"] | m["disturbance"]
    r2p = m["genocide"] | m["crimes_against_humanity"] | m["ethnic_cleansing"] | m["war_crimes"]
    prevention = ~r2p & m["any_evidence"]
    category = np.where(poc & r2p, "both", np.where(poc, "poc_only", np.where(r2p, "r2p_only", "neither")))
    out["poc"] = poc.astype(bool)
    out["r2p"] = r2p.astype(bool)
    out["r2p_prevention"] = prevention.astype(bool)
    out["category"] = category.astype(object)
    out["reasons"] = _reasons(df, rules, m)
    return out


def _reasons(df: pd.DataFrame, rules: ScopeRules, m: dict[str, np.ndarray]) -> np.ndarray:
    """Reason strings, built once per distinct combination of the inputs that matter.

    The combinations are few (a few hundred at most), so the text is made for
    each distinct combination and spread back to the rows by index: no Python
    loop over rows.
    """
    missions_codes, missions = pd.factorize(df["poc_missions"].fillna("").astype(str))
    columns = {
        "narrow": m["armed_conflict"], "mission": m["mission"], "disturbance": m["disturbance"],
        "ctype": _codes(df["conflict_type"], schema.CONFLICT_TYPES),
        "missions": np.where(m["mission"], missions_codes, -1),
        "scale": _codes(df["war_crimes_scale"], schema.WAR_CRIMES_SCALE),
        **{f"rank_{c}": _tier_rank(df[c]) for c in schema.CRIMES},
        **{f"count_{c}": m[c] for c in schema.CRIMES},
    }
    # one int64 key per row (mixed radix over the small codes), then a hash factorisation
    radices = [int(np.max(v, initial=0)) + 2 for v in columns.values()]
    key = np.zeros(len(df), dtype=np.int64)
    for radix, values in zip(radices, columns.values()):
        key = key * radix + (np.asarray(values, dtype=np.int64) + 1)
    codes, unique_keys = pd.factorize(key, sort=True)
    decode = {
        "ctype": lambda v: schema.CONFLICT_TYPES[v], "scale": lambda v: schema.WAR_CRIMES_SCALE[v],
        "missions": lambda v: missions[v] if v >= 0 else "",
    }
    rows = []
    for value in unique_keys:
        digits = []
        for radix in reversed(radices):
            value, digit = divmod(int(value), radix)
            digits.append(digit - 1)
        row = dict(zip(columns, reversed(digits)))
        rows.append({k: decode[k](v) if k in decode else v for k, v in row.items()})
    texts = np.array([_reason_text(row, rules) for row in rows], dtype=object)
    return texts[codes] if len(codes) else np.array([], dtype=object)


def _reason_text(k: dict, rules: ScopeRules) -> str:
    poc_parts = []
    if k["narrow"]:
        poc_parts.append(f"armed conflict ({k['ctype']})")
    if k["mission"]:
        poc_parts.append(f"POC-mandated mission ({k['missions'].replace(';', ', ')})")
    if k["disturbance"]:
        poc_parts.append("internal disturbance with widespread violence against civilians")
    poc = "POC: " + (", ".join(poc_parts) if poc_parts else f"none ({rules.poc_reading} reading)")

    def crime_text(crime: str) -> str:
        tier = schema.TIERS[k[f"rank_{crime}"]]
        extra = f", {k['scale']}" if crime == "war_crimes" else ""
        return f"{schema.CRIME_LABELS[crime]} ({tier}{extra})"

    fired = [crime_text(c) for c in schema.CRIMES if k[f"count_{c}"]]
    if fired:
        return f"{poc}; R2P: {', '.join(fired)}"
    weaker = [crime_text(c) for c in schema.CRIMES if k[f"rank_{c}"] > 0]
    if weaker:
        return f"{poc}; R2P prevention: {', '.join(weaker)} below the {rules.r2p_evidence} threshold" + (
            " or not systematic" if rules.war_crimes_need_systematic and k["rank_war_crimes"] > 0 else "")
    return f"{poc}; R2P: none"


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


def changes(df: pd.DataFrame, before: ScopeRules, after: ScopeRules) -> pd.DataFrame:
    """Situations whose category differs between two readings, with both reasons.

    Returns ``situation_id``, ``name``, ``category_before``, ``category_after``,
    ``reasons_before`` and ``reasons_after``, sorted by id.
    """
    a, b = classify(df, before), classify(df, after)
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
