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
separate rules, :func:`poc_rule` and :func:`r2p_rule`, and only combined by
:func:`category`. The rules are plain functions of one situation's codes, written
as section 4 of the codebook (``data/README.md``) states them; :func:`classify`
applies them to a frame once per distinct combination of the columns each reads.

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
from dataclasses import asdict, dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from . import schema
from .data import check_situations
from .validation import LINE, Problem, ValidationError, as_text, check_cells, check_header

CATEGORIES = ("both", "poc_only", "r2p_only", "neither")
#: a short label for each category (the value labels of the exports and the codebook)
CATEGORY_LABELS = {"both": "both", "poc_only": "POC only", "r2p_only": "R2P only", "neither": "neither"}
RESULT_COLUMNS = ("poc", "r2p", "r2p_prevention", "category", "reasons")
POC_READINGS = ("broad", "narrow")
#: the tiers a reading may take as the weakest evidence that counts for R2P, strongest first:
#: ``ngo`` and every tier above it (``alleged`` and ``risk`` never count)
R2P_THRESHOLDS = tuple(reversed(schema.TIERS[schema.TIER_RANK["ngo"]:]))
#: the columns each rule reads
POC_INPUTS = ("context", "conflict_type", "civilian_violence", "poc_missions")
R2P_INPUTS = (*schema.CRIMES, "war_crimes_scale")


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
        The weakest evidence tier that counts for R2P (one of :data:`R2P_THRESHOLDS`).
    war_crimes_need_systematic : bool
        War crimes count for R2P only when systematic (plan, policy or
        large-scale commission); isolated war crimes stay a POC matter.
    mass_violence_min_deaths : int or None
        The broad reading's "mass violence" as a threshold: an internal
        disturbance with widespread violence counts for POC only when at least
        this many civilians were killed by deliberate violence (the
        ``civilian_deaths`` column, from ``data/raw/civilian_deaths.csv``:
        :func:`with_civilian_deaths`). ``None`` (the default, decision 010):
        the coder's ``widespread`` decides. An unknown count leaves POC unknown
        unless another trigger fires; it is never read as zero.

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
    mass_violence_min_deaths: int | None = None

    def __post_init__(self):
        if self.poc_reading not in POC_READINGS:
            raise ValueError(f"poc_reading must be one of {', '.join(POC_READINGS)}, not {self.poc_reading!r}")
        if self.r2p_evidence not in R2P_THRESHOLDS:
            raise ValueError(
                f"r2p_evidence must be one of {', '.join(R2P_THRESHOLDS)}, not {self.r2p_evidence!r}")
        if not isinstance(self.war_crimes_need_systematic, (bool, np.bool_)):
            raise ValueError("war_crimes_need_systematic must be True or False")
        threshold = self.mass_violence_min_deaths
        if threshold is not None and (isinstance(threshold, bool) or not isinstance(threshold, (int, np.integer))
                                      or threshold < 0):
            raise ValueError(f"mass_violence_min_deaths must be None or a whole number >= 0, not {threshold!r}")

    def describe(self) -> str:
        """A short label of the reading, for tables and figure notes."""
        wc = "war crimes systematic only" if self.war_crimes_need_systematic else "war crimes any scale"
        mass = ("" if self.mass_violence_min_deaths is None
                else f"; mass violence >= {self.mass_violence_min_deaths} civilians killed")
        return f"POC {self.poc_reading}; R2P evidence >= {self.r2p_evidence}; {wc}{mass}"

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def grid(cls) -> list["ScopeRules"]:
        """Every reading: each POC reading x each R2P threshold x systematic or any scale, in a fixed order.

        The robustness analysis, its figure and the tests all take "the grid" from here.

        Examples
        --------
        >>> grid = ScopeRules.grid()
        >>> len(grid) == len(POC_READINGS) * len(R2P_THRESHOLDS) * 2
        True
        >>> grid[0].describe()
        'POC broad; R2P evidence >= judicial; war crimes systematic only'
        """
        return [cls(p, e, w) for p in POC_READINGS for e in R2P_THRESHOLDS for w in (True, False)]


# --------------------------------------------------------------------------- the rules (codebook, section 4)
class Verdict(NamedTuple):
    """One norm's answer for one situation: does it apply, and why.

    ``fired`` names the rules that fired (the POC triggers ``armed_conflict``,
    ``mission``, ``disturbance``; for R2P the crimes that counted);
    ``prevention`` is R2P's early-warning side: no crime counted, but some
    crime is evidenced above ``none``.
    """

    applies: bool | None  # None: unknown (a deciding count is missing)
    reason: str
    fired: tuple[str, ...] = ()
    prevention: bool = False


def poc_rule(context: str, conflict_type: str, civilian_violence: str, poc_missions: str,
             rules: ScopeRules = ScopeRules(), civilian_deaths: float | None = None,
             civilian_deaths_partial: bool = False) -> Verdict:
    """Does the protection of civilians apply?

    Narrow reading (IHL): POC applies if and only if the context is an armed
    conflict. Broad reading (the practice of the Security Council, peacekeepers
    and humanitarians): it also applies when a POC-mandated UN operation is
    present, or when the context is an internal disturbance with widespread
    violence against civilians.

    Parameters
    ----------
    context, conflict_type, civilian_violence : str
        The situation's codes (a value outside the vocabulary matches no rule;
        an unknown conflict type is reported as ``unknown``).
    poc_missions : str
        The ``;``-separated acronyms of the POC-mandated missions present
        (``""`` for none).
    rules : ScopeRules
        The reading.
    civilian_deaths : float, optional
        Civilians killed by deliberate violence (NaN or None: unknown); read
        only when the reading sets ``mass_violence_min_deaths``.
    civilian_deaths_partial : bool
        The count covers only part of the situation (a ``Partial`` note): a
        lower bound, so a count below the threshold leaves POC unknown.

    Returns
    -------
    Verdict
        ``applies`` and ``reason`` (the triggers that fired, in words), and the
        triggers' names in ``fired``; ``applies`` is None when only an unknown
        count could decide.

    Examples
    --------
    >>> poc_rule("armed_conflict", "intrastate", "widespread", "")[:2]
    (True, 'POC: armed conflict (intrastate)')
    >>> poc_rule("peace", "none", "none", "UNOCI;UNMIL").reason
    'POC: POC-mandated mission (UNOCI, UNMIL)'
    >>> poc_rule("peace", "none", "none", "UNOCI;UNMIL", ScopeRules(poc_reading="narrow")).reason
    'POC: none (narrow reading)'
    >>> mass = ScopeRules(mass_violence_min_deaths=25)
    >>> poc_rule("internal_disturbance", "none", "widespread", "", mass, civilian_deaths=4)[:2]
    (False, 'POC: none (broad reading; internal disturbance with 4 civilians killed, below 25)')
    >>> poc_rule("internal_disturbance", "none", "widespread", "", mass, civilian_deaths=None)[:2]
    (None, 'POC: unknown (internal disturbance with widespread violence; civilians killed not known)')
    >>> poc_rule("internal_disturbance", "none", "widespread", "", mass, civilian_deaths=4,
    ...          civilian_deaths_partial=True).reason.split("; ")[1]
    'at least 4 civilians killed, a partial count below 25)'
    """
    broad = rules.poc_reading == "broad"
    triggers = {}
    if context == "armed_conflict":
        triggers["armed_conflict"] = f"armed conflict ({_or_unknown(conflict_type, schema.CONFLICT_TYPES)})"
    if broad and poc_missions.strip():
        triggers["mission"] = f"POC-mandated mission ({poc_missions.replace(';', ', ')})"
    threshold, below = rules.mass_violence_min_deaths, ""
    if broad and context == "internal_disturbance" and civilian_violence == "widespread":
        if threshold is None:
            triggers["disturbance"] = "internal disturbance with widespread violence against civilians"
        elif civilian_deaths is None or pd.isna(civilian_deaths):
            if not triggers:
                return Verdict(None, "POC: unknown (internal disturbance with widespread violence; "
                                     "civilians killed not known)")
        elif civilian_deaths >= threshold:
            triggers["disturbance"] = (f"internal disturbance with mass violence ({int(civilian_deaths):,} "
                                       f"civilians killed, at least {threshold:,})")
        elif civilian_deaths_partial:  # a lower bound below the threshold decides nothing
            if not triggers:
                return Verdict(None, f"POC: unknown (internal disturbance with widespread violence; at least "
                                     f"{int(civilian_deaths):,} civilians killed, a partial count below {threshold:,})")
        else:
            below = f"; internal disturbance with {int(civilian_deaths):,} civilians killed, below {threshold:,}"
    if not triggers:
        return Verdict(False, f"POC: none ({rules.poc_reading} reading{below})")
    return Verdict(True, "POC: " + ", ".join(triggers.values()), tuple(triggers))


def r2p_rule(genocide: str, crimes_against_humanity: str, war_crimes: str, ethnic_cleansing: str,
             war_crimes_scale: str, rules: ScopeRules = ScopeRules()) -> Verdict:
    """Does the responsibility to protect apply?

    R2P applies when one of the four atrocity crimes is evidenced at or above
    the reading's threshold tier; war crimes count only when systematic, if the
    reading requires it. When no crime counts but some crime is coded above
    ``none`` (a risk signal, an allegation, evidence below the threshold,
    isolated war crimes), the situation is a matter of R2P prevention.

    Parameters
    ----------
    genocide, crimes_against_humanity, war_crimes, ethnic_cleansing : str
        The evidence tier of each crime (:data:`analysis.schema.TIERS`; a value
        outside it counts as no evidence).
    war_crimes_scale : str
        ``isolated`` or ``systematic`` (reported as ``unknown`` if neither).
    rules : ScopeRules
        The reading.

    Returns
    -------
    Verdict
        ``applies``, ``reason`` (the crimes that counted, else the evidence
        below the bar), the crimes that counted in ``fired``, and ``prevention``.

    Examples
    --------
    >>> r2p_rule("none", "un", "un", "none", "systematic").reason
    'R2P: crimes against humanity (un), war crimes (un, systematic)'
    >>> verdict = r2p_rule("none", "none", "judicial", "none", "isolated")
    >>> verdict.applies, verdict.prevention
    (False, True)
    >>> verdict.reason
    'R2P prevention: war crimes (judicial, isolated) below the un threshold or not systematic'
    >>> any_scale = ScopeRules(war_crimes_need_systematic=False)
    >>> r2p_rule("none", "none", "judicial", "none", "isolated", any_scale).fired
    ('war_crimes',)
    """
    tiers = {"genocide": genocide, "crimes_against_humanity": crimes_against_humanity, "war_crimes": war_crimes,
             "ethnic_cleansing": ethnic_cleansing}
    threshold = schema.TIER_RANK[rules.r2p_evidence]
    counted, evidenced = {}, {}
    for crime, tier in tiers.items():
        rank = schema.TIER_RANK.get(tier, -1)
        if rank <= schema.TIER_RANK["none"]:
            continue
        scale = f", {_or_unknown(war_crimes_scale, schema.WAR_CRIMES_SCALE)}" if crime == "war_crimes" else ""
        evidenced[crime] = f"{schema.CRIME_LABELS[crime]} ({tier}{scale})"
        systematic_if_required = (crime != "war_crimes" or not rules.war_crimes_need_systematic
                                  or war_crimes_scale == "systematic")
        if rank >= threshold and systematic_if_required:
            counted[crime] = evidenced[crime]
    if counted:
        return Verdict(True, "R2P: " + ", ".join(counted.values()), tuple(counted))
    if not evidenced:
        return Verdict(False, "R2P: none")
    reason = f"R2P prevention: {', '.join(evidenced.values())} below the {rules.r2p_evidence} threshold"
    if rules.war_crimes_need_systematic and "war_crimes" in evidenced:
        reason += " or not systematic"
    return Verdict(False, reason, prevention=True)


def category(poc: bool | None, r2p: bool) -> str | None:
    """The category of a POC verdict and an R2P verdict: one of :data:`CATEGORIES` (None if POC is unknown).

    Examples
    --------
    >>> [category(True, True), category(True, False), category(False, True), category(False, False)]
    ['both', 'poc_only', 'r2p_only', 'neither']
    >>> category(None, True) is None
    True
    """
    if poc is None or pd.isna(poc):
        return None
    if poc and r2p:
        return "both"
    if poc:
        return "poc_only"
    if r2p:
        return "r2p_only"
    return "neither"


def _or_unknown(value, vocabulary: tuple[str, ...]) -> str:
    """*value* if it is a word of *vocabulary*, else ``unknown`` (a value is never renamed)."""
    return value if value in vocabulary else "unknown"


# --------------------------------------------------------------------------- applying the rules to a frame
def _validate_input(df: pd.DataFrame, label: str) -> None:
    """Check a frame as a user's situations file (schema, values, consistency)."""
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


def _rule_inputs(df: pd.DataFrame, columns: tuple[str, ...]) -> dict[str, np.ndarray]:
    """The columns a rule reads, as arrays (``poc_missions`` as text: :func:`_missions_text`)."""
    return {c: _missions_text(df[c]) if c == "poc_missions" else df[c].to_numpy(dtype=object) for c in columns}


def _missions_text(values: pd.Series) -> np.ndarray:
    """``poc_missions`` as the text the reasons quote: strings as they are, else the column rendered as text.

    Numbers, say, are rendered before the rules see them, so that values equal
    as numbers but printed differently (``1``, ``1.0``, ``True``) stay apart.
    """
    cells = values.to_numpy(dtype=object)
    if pd.api.types.infer_dtype(cells, skipna=True) in ("string", "empty"):
        return cells
    return values.fillna("").astype(str).to_numpy(dtype=object)


def _combinations(columns: dict[str, np.ndarray]) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Number the distinct rows of *columns* (arrays of one length, one per column).

    Returns each row's number and the distinct rows (an array per column), in
    number order. A missing cell (possible only in input that was not checked)
    is read as ``""``: outside every vocabulary, and no mission.

    Examples
    --------
    >>> number, distinct = _combinations({"a": np.array(["x", "y", "x", None]), "b": np.array(["!"] * 4)})
    >>> number.tolist(), {name: values.tolist() for name, values in distinct.items()}
    ([0, 1, 0, 2], {'a': ['x', 'y', ''], 'b': ['!', '!', '!']})
    """
    keys = list(columns.values())
    rows = pd.DataFrame(index=pd.RangeIndex(len(keys[0])))
    number = rows.groupby(keys, sort=False).ngroup()
    if number.isna().any():  # rows with a missing cell were left out: read those cells as empty, group again
        keys = [np.where(pd.isna(key), "", key) for key in keys]
        number = rows.groupby(keys, sort=False).ngroup()
    number = number.to_numpy(dtype=np.intp)
    first = pd.Series(number).drop_duplicates().sort_values().index.to_numpy()  # each combination's first row
    return number, {name: key[first] for name, key in zip(columns, keys)}


def _per_combination(function, columns: dict[str, np.ndarray]) -> tuple[np.ndarray, list]:
    """Call *function* once per distinct row of *columns*, with the row's cells as keyword arguments.

    Returns each row's combination number (:func:`_combinations`) and the
    results, one per combination, in number order.

    Examples
    --------
    >>> columns = {"a": np.array(["x", "y", "x"]), "b": np.array(["!", "!", "!"])}
    >>> number, results = _per_combination(lambda a, b: a + b, columns)
    >>> number.tolist(), results
    ([0, 1, 0], ['x!', 'y!'])
    """
    number, distinct = _combinations(columns)
    names = list(distinct)
    return number, [function(**dict(zip(names, row))) for row in zip(*(distinct[c].tolist() for c in names))]


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


def with_civilian_deaths(situations: pd.DataFrame, deaths: pd.DataFrame) -> pd.DataFrame:
    """*situations* with the best count of ``civilian_deaths.csv`` (``civilian_deaths``, NaN: unknown) and
    whether it covers only part of the situation (``civilian_deaths_partial``: its note starts ``Partial``).

    Examples
    --------
    >>> s = pd.DataFrame({"situation_id": ["a", "b", "c"]})
    >>> d = pd.DataFrame({"situation_id": ["a", "b"], "best": ["30", ""], "note": ["Partial: 2019 only", "Unknown"]})
    >>> out = with_civilian_deaths(s, d)
    >>> out["civilian_deaths"].tolist(), out["civilian_deaths_partial"].tolist()
    ([30.0, nan, nan], [True, False, False])
    """
    table = deaths.set_index("situation_id")
    best = pd.to_numeric(table["best"].replace("", np.nan), errors="coerce")
    notes = table["note"].fillna("").astype(str) if "note" in table else pd.Series("", index=table.index)
    ids = situations["situation_id"]
    return situations.assign(civilian_deaths=ids.map(best).astype(float),
                             civilian_deaths_partial=ids.isin(table.index[notes.str.startswith("Partial")]))


def _verdicts(df: pd.DataFrame, rules: ScopeRules) -> dict[str, tuple[np.ndarray, list[Verdict]]]:
    """Both rules applied to *df*: per norm, each row's combination number and the verdicts."""
    poc_inputs = _rule_inputs(df, POC_INPUTS)
    if rules.mass_violence_min_deaths is not None:
        if "civilian_deaths" not in df.columns:
            raise ValueError("this reading sets mass_violence_min_deaths: the frame needs a 'civilian_deaths' "
                             "column (analysis.scope.with_civilian_deaths)")
        counts = pd.to_numeric(df["civilian_deaths"], errors="coerce").to_numpy(dtype=float)
        poc_inputs["civilian_deaths"] = np.where(np.isnan(counts), -1.0, counts)  # -1: unknown (grouping key)
        partial = df["civilian_deaths_partial"] if "civilian_deaths_partial" in df.columns else False
        poc_inputs["civilian_deaths_partial"] = np.broadcast_to(np.asarray(partial, dtype=bool), len(df))

    def poc(civilian_deaths=None, civilian_deaths_partial=False, **codes):
        known = civilian_deaths is not None and civilian_deaths >= 0
        return poc_rule(**codes, rules=rules, civilian_deaths=civilian_deaths if known else None,
                        civilian_deaths_partial=bool(civilian_deaths_partial) and known)

    return {
        "POC": _per_combination(poc, poc_inputs),
        "R2P": _per_combination(lambda **codes: r2p_rule(**codes, rules=rules), _rule_inputs(df, R2P_INPUTS)),
    }


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
    :func:`poc_rule` is applied once per distinct combination of the four
    columns it reads, :func:`r2p_rule` once per distinct combination of its
    five, and the category and reasons are written once per distinct pair of
    their verdicts; the results are spread back to the rows by index. The
    vocabularies allow a few hundred combinations of the POC inputs and a few
    thousand of the R2P inputs, however many rows there are (see ``BENCHMARKS.md``).
    """
    if validate:
        _validate_input(df, label)
    (poc_number, poc_verdicts), (r2p_number, r2p_verdicts) = _verdicts(df, rules).values()
    applies = [v.applies for v in poc_verdicts]
    if any(a is None for a in applies):  # an unknown count decided: POC (and the category) stay unknown
        poc = pd.array(applies, dtype="boolean")[poc_number]
    else:
        poc = np.array(applies, dtype=bool)[poc_number]
    r2p = np.array([v.applies for v in r2p_verdicts], dtype=bool)[r2p_number]
    # the category and the reasons: once per distinct pair of POC and R2P verdicts
    pair_number, pairs = _combinations({"poc": poc_number, "r2p": r2p_number})
    categories = [category(poc_verdicts[p].applies, r2p_verdicts[r].applies)
                  for p, r in zip(pairs["poc"].tolist(), pairs["r2p"].tolist())]
    poc_reasons = np.array([v.reason for v in poc_verdicts], dtype=object)[pairs["poc"]]
    r2p_reasons = np.array([v.reason for v in r2p_verdicts], dtype=object)[pairs["r2p"]]
    out = _copy(df)
    out["poc"] = poc
    out["r2p"] = r2p
    out["r2p_prevention"] = np.array([v.prevention for v in r2p_verdicts], dtype=bool)[r2p_number]
    out["category"] = np.array(categories, dtype=object)[pair_number]
    out["reasons"] = (poc_reasons + "; " + r2p_reasons)[pair_number]
    return out


def rule_masks(df: pd.DataFrame, rules: ScopeRules) -> dict[str, np.ndarray]:
    """Which rules fired for each row, as boolean arrays (read off :func:`poc_rule` and :func:`r2p_rule`).

    Keys: ``armed_conflict``, ``mission``, ``disturbance`` (POC triggers, the last
    two only under the broad reading) and one key per crime (it counts for R2P
    under *rules*), plus ``any_evidence`` (some crime is coded above ``none``).

    Examples
    --------
    >>> rows = pd.DataFrame({"context": ["armed_conflict", "peace"], "conflict_type": ["intrastate", "none"],
    ...     "civilian_violence": ["none", "none"], "poc_missions": ["", "UNMIL"],
    ...     "genocide": ["none", "risk"], "crimes_against_humanity": ["un", "none"],
    ...     "war_crimes": ["none", "none"], "ethnic_cleansing": ["none", "none"],
    ...     "war_crimes_scale": ["none", "none"]})
    >>> masks = rule_masks(rows, ScopeRules())
    >>> [key for key, mask in masks.items() if mask.any()]
    ['armed_conflict', 'mission', 'crimes_against_humanity', 'any_evidence']
    >>> masks["mission"].tolist(), masks["any_evidence"].tolist()
    ([False, True], [True, True])
    """
    verdicts = _verdicts(df, rules)
    masks = {}
    for norm, keys in (("POC", ("armed_conflict", "mission", "disturbance")), ("R2P", schema.CRIMES)):
        number, per_combination = verdicts[norm]
        for key in keys:
            masks[key] = np.array([key in v.fired for v in per_combination], dtype=bool)[number]
    number, per_combination = verdicts["R2P"]
    masks["any_evidence"] = np.array([v.applies or v.prevention for v in per_combination], dtype=bool)[number]
    return masks


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
