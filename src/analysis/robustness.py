"""Robustness: how the answers move when the coding rules move, and how certain they are.

Four questions a reviewer asks of any count of "POC only / R2P only / both /
neither", each answered by one function:

:func:`sensitivity`
    the share of each category under every reading of the rules: every
    reading of the classifier (:meth:`analysis.scope.ScopeRules.grid`) for
    the expert situations, and the proxy rules of the country-year panel
    (:func:`panel_readings`);
:func:`flips`
    the situations whose category changes between the default reading and any
    other, with the reasons under both;
:func:`bootstrap_shares`
    seeded bootstrap confidence intervals for category shares, resampling
    situations (or whole countries, for the panel's country-years);
:func:`agreement`
    agreement of the expert dataset and the panel on the country-years both
    cover (confusion matrix, Cohen's kappa, the disagreements to review).

Examples
--------
>>> import pandas as pd
>>> from analysis import scope
>>> rows = pd.DataFrame({"situation_id": ["a", "b", "c", "d"], "name": list("ABCD"),
...     "context": ["armed_conflict", "peace", "internal_disturbance", "armed_conflict"],
...     "conflict_type": ["intrastate", "none", "none", "intrastate"],
...     "civilian_violence": ["widespread", "widespread", "widespread", "isolated"],
...     "poc_missions": ["", "", "", ""], "genocide": ["none"] * 4,
...     "crimes_against_humanity": ["un", "judicial", "ngo", "none"], "war_crimes": ["none"] * 4,
...     "ethnic_cleansing": ["none"] * 4, "war_crimes_scale": ["none"] * 4})
>>> grid = sensitivity(rows, readings=[scope.ScopeRules(), scope.ScopeRules("narrow", "ngo")])
>>> grid.groupby(["poc_reading", "r2p_evidence"])["count"].apply(list)
poc_reading  r2p_evidence
broad        un              [1, 2, 1, 0]
narrow       ngo             [1, 1, 2, 0]
Name: count, dtype: object
"""

from __future__ import annotations

import zlib
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

from . import panel, scope
from .panel import ProxyRules, classify_panel

CATEGORIES = scope.CATEGORIES
#: the panel's six periods of six years, 1989-2024
PERIODS = tuple((start, start + 5) for start in range(1989, 2025, 6))


def short_label(rules) -> str:
    """A compact label of a reading for figures and tables (the full one is ``rules.describe()``).

    Examples
    --------
    >>> short_label(scope.ScopeRules())
    'broad | un | systematic'
    >>> from analysis.panel import ProxyRules
    >>> short_label(ProxyRules()), short_label(ProxyRules(min_intensity=2, r2p_source="pitf"))
    ('conflict | any (OSV 1,000)', 'war | PITF')
    """
    if isinstance(rules, scope.ScopeRules):
        scale = "systematic" if rules.war_crimes_need_systematic else "any scale"
        return f"{rules.poc_reading} | {rules.r2p_evidence} | {scale}"
    source = {"any": f"any (OSV {rules.osv_r2p_min or 0:,})", "ewp": "EWP", "pitf": "PITF",
              "osv": f"OSV {rules.osv_r2p_min or 0:,}"}[rules.r2p_source]
    return f"{'conflict' if rules.min_intensity == 1 else 'war'} | {source}"


def _long_shares(categories: pd.Series, rules, parameters: dict) -> pd.DataFrame:
    """Count and share of each category (missing categories excluded from ``n``), one row each."""
    known = categories.dropna()
    counts = known.value_counts().reindex(list(CATEGORIES), fill_value=0)
    n = int(counts.sum())
    out = pd.DataFrame({"reading": rules.describe(), "label": short_label(rules), "category": list(CATEGORIES),
                        "count": counts.to_numpy().astype(int), "n": n, "missing": int(len(categories) - len(known))})
    out["share"] = (out["count"] / n).round(4) if n else np.nan
    for key, value in reversed(list(parameters.items())):
        out.insert(2, key, value)
    return out


def sensitivity(situations: pd.DataFrame, readings: list[scope.ScopeRules] | None = None) -> pd.DataFrame:
    """Category counts and shares of the expert situations under each reading of the rules.

    Parameters
    ----------
    situations : DataFrame
        Frame with the ``situations.csv`` columns (for example
        :func:`analysis.data.load_situations`).
    readings : list of ScopeRules, optional
        Defaults to every reading, :meth:`ScopeRules.grid`.

    Returns
    -------
    DataFrame
        Long form, one row per reading and category: ``reading`` (its
        description), ``label`` (:func:`short_label`), the rule fields,
        ``category``, ``count``, ``n``, ``missing`` and ``share``.
    """
    readings = readings if readings is not None else scope.ScopeRules.grid()
    frames = [_long_shares(pd.Series(scope.classify(situations, rules, validate=False)["category"]),
                           rules, rules.as_dict()) for rules in readings]
    return pd.concat(frames, ignore_index=True)


def panel_readings():
    """The grid of panel proxy rules explored by the sensitivity analysis (12 readings, default first).

    Battle-death level of the POC conflict trigger (any state-based conflict,
    25+ battle deaths, or war only, 1,000+) x the R2P proxy: any source with the
    one-actor one-sided-deaths threshold at 1,000 (default), 500 or 2,500; the
    Early Warning Project alone; PITF alone (missing after 2014); one-sided
    deaths alone (1,000). Thresholds that a reading does not use are not varied,
    so no two readings are the same rule.

    Examples
    --------
    >>> readings = panel_readings()
    >>> len(readings), len({r.describe() for r in readings})
    (12, 12)
    """
    r2p = [dict(r2p_source="any", osv_r2p_min=1000), dict(r2p_source="any", osv_r2p_min=500),
           dict(r2p_source="any", osv_r2p_min=2500), dict(r2p_source="ewp"), dict(r2p_source="pitf"),
           dict(r2p_source="osv", osv_r2p_min=1000)]
    return [ProxyRules(min_intensity=level, **option) for level in (1, 2) for option in r2p]


def panel_sensitivity(panel: pd.DataFrame, readings=None) -> pd.DataFrame:
    """Category counts and shares of the panel's country-years under each proxy reading.

    *panel* is the output of :func:`analysis.panel.build_panel`; each reading
    re-classifies it with :func:`analysis.panel.classify_panel`. Country-years
    whose category is missing under a reading (a coverage gap, such as PITF
    after 2014) are counted in ``missing`` and left out of ``n``.
    """
    frames = []
    for rules in readings if readings is not None else panel_readings():
        classified = classify_panel(panel, rules)
        frames.append(_long_shares(classified["category"], rules, asdict(rules)))
    return pd.concat(frames, ignore_index=True)


def grid_table(long: pd.DataFrame) -> pd.DataFrame:
    """Pivot a long sensitivity table to one row per reading and one column per category share.

    One row per reading (by its short ``label``), in order of first appearance,
    with ``n`` and ``missing``.
    """
    order = list(dict.fromkeys(long["label"]))
    wide = long.pivot(index="label", columns="category", values="share").reindex(order)
    wide = wide[list(CATEGORIES)]
    wide.columns.name = None
    for column in ("n", "missing"):
        wide[column] = long.groupby("label")[column].first().reindex(order)
    return wide.reset_index()


def flips(situations: pd.DataFrame, base: scope.ScopeRules = scope.ScopeRules(),
          readings: list[scope.ScopeRules] | None = None) -> pd.DataFrame:
    """Situations whose category under some reading differs from the *base* reading.

    Returns one row per situation and differing reading: ``situation_id``,
    ``name``, ``reading``, ``category_base``, ``category``, ``reasons_base`` and
    ``reasons``, sorted by situation and reading order.

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis import scope
    >>> rows = pd.DataFrame({"situation_id": ["a"], "name": ["A"], "context": ["internal_disturbance"],
    ...     "conflict_type": ["none"], "civilian_violence": ["widespread"], "poc_missions": [""],
    ...     "genocide": ["none"], "crimes_against_humanity": ["ngo"], "war_crimes": ["none"],
    ...     "ethnic_cleansing": ["none"], "war_crimes_scale": ["none"]})
    >>> flips(rows, readings=[scope.ScopeRules("narrow", "ngo")])[["situation_id", "category_base", "category"]]
      situation_id category_base  category
    0            a      poc_only  r2p_only
    """
    readings = readings if readings is not None else scope.ScopeRules.grid()
    frames = []
    for order, rules in enumerate(readings):
        moved = scope.changes(situations, base, rules, validate=False)
        frames.append(pd.DataFrame({
            "situation_id": moved["situation_id"], "name": moved["name"], "reading": rules.describe(),
            "order": order, "category_base": moved["category_before"], "category": moved["category_after"],
            "reasons_base": moved["reasons_before"], "reasons": moved["reasons_after"]}))
    table = pd.concat(frames, ignore_index=True).sort_values(["situation_id", "order"], ignore_index=True)
    return table.drop(columns="order")


def stability(situations: pd.DataFrame, base: scope.ScopeRules = scope.ScopeRules(),
              readings: list[scope.ScopeRules] | None = None) -> pd.DataFrame:
    """Per situation: its base category and in how many of the readings it keeps it.

    Sorted by ``kept`` (least stable first), then id.
    """
    readings = readings if readings is not None else scope.ScopeRules.grid()
    base_out = scope.classify(situations, base, validate=False)
    moved = flips(situations, base, readings)
    n_moved = moved.groupby("situation_id").size()
    out = pd.DataFrame({"situation_id": base_out["situation_id"], "category_base": base_out["category"]})
    out["readings"] = len(readings)
    out["kept"] = len(readings) - out["situation_id"].map(n_moved).fillna(0).astype(int)
    return out.sort_values(["kept", "situation_id"], ignore_index=True)


def bootstrap_shares(frame: pd.DataFrame, *, by: str | None = None, cluster: str | None = None,
                     n_boot: int = 2000, level: float = 0.95, seed: int = 20051024) -> pd.DataFrame:
    """Percentile bootstrap confidence intervals for the share of each category.

    Units are resampled with replacement within each group of *by*: rows, or
    whole clusters when *cluster* names a column (for the panel, countries, so
    that a country's years move together). Rows whose category is missing are
    left out before resampling.

    Parameters
    ----------
    frame : DataFrame
        Must have a ``category`` column (values of :data:`analysis.scope.CATEGORIES`).
    by : str, optional
        Column defining groups (for example a period); one interval per group.
    cluster : str, optional
        Column whose values are resampled as units; default: each row.
    n_boot : int
        Number of bootstrap replicates.
    level : float
        Confidence level of the percentile interval.
    seed : int
        Seed of :func:`numpy.random.default_rng`, combined with a checksum of each
        group's label, so every group has its own stream; the same seed gives the
        same intervals.

    Returns
    -------
    DataFrame
        ``group``, ``category``, ``count``, ``n``, ``share``, ``ci_low``,
        ``ci_high``, ``units`` (rows or clusters resampled), sorted by group and
        category order.

    Examples
    --------
    >>> import pandas as pd
    >>> f = pd.DataFrame({"category": ["both"] * 3 + ["neither"]})
    >>> bootstrap_shares(f, n_boot=200, seed=1)[["category", "share", "ci_low", "ci_high"]]
       category  share  ci_low  ci_high
    0      both   0.75    0.25     1.00
    1  poc_only   0.00    0.00     0.00
    2  r2p_only   0.00    0.00     0.00
    3   neither   0.25    0.00     0.75

    References
    ----------
    .. [1] Efron, B. and Tibshirani, R. J. (1993). An Introduction to the Bootstrap. Chapman & Hall.
    .. [2] Cameron, A. C., Gelbach, J. B. and Miller, D. L. (2008). Bootstrap-based improvements for
       inference with clustered errors. Review of Economics and Statistics 90(3), 414-427.
    """
    known = frame.dropna(subset=["category"])
    groups = known[by] if by else pd.Series("all", index=known.index)
    units = known[cluster] if cluster else pd.Series(np.arange(len(known)), index=known.index)
    alpha = (1 - level) / 2
    rows = []
    for group in sorted(groups.unique()):
        # each group has its own stream, keyed by its label: adding or dropping a group moves no other interval
        rng = np.random.default_rng([seed, zlib.crc32(str(group).encode("utf-8"))])
        part = known[groups == group]
        # one row per unit, one column per category: the unit's count of each category
        counts = pd.crosstab(units[groups == group], part["category"]).reindex(
            columns=list(CATEGORIES), fill_value=0).to_numpy()
        draws = rng.integers(0, len(counts), size=(n_boot, len(counts)))
        totals = counts[draws].sum(axis=1)  # n_boot x categories
        shares = totals / totals.sum(axis=1, keepdims=True)
        low, high = np.quantile(shares, [alpha, 1 - alpha], axis=0, method="linear")
        observed = counts.sum(axis=0)
        for k, category in enumerate(CATEGORIES):
            rows.append({"group": group, "category": category, "count": int(observed[k]),
                         "n": int(observed.sum()), "share": round(observed[k] / observed.sum(), 4),
                         "ci_low": round(float(low[k]), 4), "ci_high": round(float(high[k]), 4),
                         "units": len(counts)})
    return pd.DataFrame(rows)


def period(years: pd.Series) -> pd.Series:
    """Label each year with its six-year period of :data:`PERIODS`, e.g. ``1989-1994``.

    Examples
    --------
    >>> period(pd.Series([1989, 1995, 2024])).tolist()
    ['1989-1994', '1995-2000', '2019-2024']
    """
    labels = {year: f"{first}-{last}" for first, last in PERIODS for year in range(first, last + 1)}
    return years.astype(int).map(labels)


def agreement(panel_classified: pd.DataFrame, situations_classified: pd.DataFrame):
    """Agreement of the panel and the expert dataset on the country-years both cover.

    A thin wrapper: expands the expert situations to country-years with
    :func:`analysis.panel.expert_country_years` over the panel's years and
    compares them with :func:`agreement_country_years` (confusion matrices,
    Cohen's kappa and the disagreements).
    """
    years = panel_classified["year"]
    expert = panel.expert_country_years(situations_classified, int(years.min()), int(years.max()))
    return agreement_country_years(panel_classified, expert)


def cohen_kappa(table: pd.DataFrame) -> float:
    """Cohen's kappa of a square confusion table (rows: one rater, columns: the other).

    kappa = (p_o - p_e) / (1 - p_e), with p_o the share on the diagonal and p_e
    the agreement expected from the margins; NaN when p_e is 1 (no variation).

    Examples
    --------
    >>> cohen_kappa(pd.DataFrame([[20, 5], [10, 15]]))   # p_o = .7, p_e = .5
    0.4

    References
    ----------
    .. [1] Cohen, J. (1960). A coefficient of agreement for nominal scales.
       *Educational and Psychological Measurement* 20(1), 37–46.
    """
    values = table.to_numpy(dtype=float)
    if values.shape[0] != values.shape[1]:
        raise ValueError(f"cohen_kappa: the table is {values.shape[0]}x{values.shape[1]}, not square")
    n = values.sum()
    if n == 0:
        return float("nan")
    observed = values.trace() / n
    expected = float((values.sum(axis=1) * values.sum(axis=0)).sum()) / n ** 2
    return float("nan") if expected == 1 else round(float((observed - expected) / (1 - expected)), 10)


@dataclass(frozen=True)
class Agreement:
    """How the panel's proxy categories agree with the expert coding on shared country-years."""

    n: int  # overlapping country-years whose panel category is known (the 4x4 table)
    confusion: pd.DataFrame  # rows: panel category, columns: expert category
    poc: pd.DataFrame  # 2x2, rows panel, columns expert; every overlapping row with both POC values known
    r2p: pd.DataFrame  # 2x2 likewise on the rows with both R2P values known
    kappa: float
    kappa_poc: float
    kappa_r2p: float
    share_agree: float
    unknown: int  # overlapping country-years whose panel category is missing (left out of the 4x4 table)
    disagreements: pd.DataFrame
    not_in_panel: int  # expert country-years with no panel row (e.g. a state not yet on the GW list)
    not_in_panel_rows: pd.DataFrame  # those rows of the expert table, sorted by gwno and year


def agreement_country_years(panel_classified: pd.DataFrame, expert_cy: pd.DataFrame) -> Agreement:
    """Compare panel and expert categories on the country-years both hold.

    The 4x4 table, its kappa and the disagreements use the overlapping
    country-years whose panel category is known; those where it is missing
    are counted in ``unknown``. The POC 2x2 table and ``kappa_poc`` use every
    overlapping country-year whose two POC values are known, whatever R2P
    says; the R2P table likewise. Expert country-years with no panel row
    (``gwno`` 531 for Eritrea in 1991–92, before the Gleditsch–Ward list
    holds it) are reported in ``not_in_panel`` and ``not_in_panel_rows``.
    Nothing is forced to agree and no row is dropped unreported.

    Examples
    --------
    >>> p = pd.DataFrame({"gwno": [1, 1, 2, 3], "year": [2000, 2001, 2000, 2000], "iso3": ["A", "A", "B", "C"],
    ...                   "poc": [True, True, False, True], "r2p": [False, True, False, pd.NA],
    ...                   "category": ["poc_only", "both", "neither", None]})
    >>> e = pd.DataFrame({"gwno": [1, 1, 2, 3, 4], "year": [2000, 2001, 2000, 2000, 2000],
    ...                   "poc": [True, True, True, True, False], "r2p": [False, False, False, True, True],
    ...                   "category": ["poc_only", "poc_only", "poc_only", "both", "r2p_only"],
    ...                   "situations": ["a", "a", "b", "c", "d"]})
    >>> a = agreement_country_years(p, e)
    >>> a.n, a.unknown, a.share_agree, a.kappa
    (3, 1, 0.3333333333, 0.0)
    >>> a.poc.values.tolist(), a.kappa_poc   # C 2000 counts here: its POC is known
    ([[3, 0], [1, 0]], 0.0)
    >>> a.disagreements[["iso3", "year", "panel", "expert"]].values.tolist()
    [['A', 2001, 'both', 'poc_only'], ['B', 2000, 'neither', 'poc_only']]
    >>> a.not_in_panel, a.not_in_panel_rows[["gwno", "year", "situations"]].values.tolist()
    (1, [[4, 2000, 'd']])
    """
    keys = ["gwno", "year"]
    found = expert_cy.merge(panel_classified[keys].drop_duplicates(), on=keys, how="left", indicator=True)
    outside = expert_cy[(found["_merge"] == "left_only").to_numpy()]
    outside = outside.sort_values(keys, ignore_index=True)
    overlap = panel_classified.merge(expert_cy, on=keys, how="inner", suffixes=("_panel", "_expert"))
    unknown = int(overlap["category_panel"].isna().sum())
    both = overlap[overlap["category_panel"].notna()].copy()
    cats = list(scope.CATEGORIES)

    def table(rows: pd.Series, cols: pd.Series, labels: list) -> pd.DataFrame:
        out = pd.crosstab(pd.Categorical(rows, categories=labels), pd.Categorical(cols, categories=labels),
                          dropna=False).reindex(index=labels, columns=labels, fill_value=0)
        out.index.name, out.columns.name = "panel", "expert"
        return out.astype("int64")

    def norm_table(norm: str) -> pd.DataFrame:
        panel_side = overlap[f"{norm}_panel"].astype("boolean")
        expert_side = overlap[f"{norm}_expert"].astype("boolean")
        known = (panel_side.notna() & expert_side.notna()).to_numpy(bool)
        return table(panel_side[known].astype(bool), expert_side[known].astype(bool), [True, False])

    confusion = table(both["category_panel"], both["category_expert"], cats)
    poc, r2p = norm_table("poc"), norm_table("r2p")
    differ = both[both["category_panel"] != both["category_expert"]]
    disagreements = pd.DataFrame({"iso3": differ["iso3"], "gwno": differ["gwno"], "year": differ["year"],
                                  "panel": differ["category_panel"], "expert": differ["category_expert"],
                                  "situations": differ["situations"],
                                  "reasons": differ["reasons"] if "reasons" in differ else ""})
    n = len(both)
    return Agreement(n=n, confusion=confusion, poc=poc, r2p=r2p, kappa=cohen_kappa(confusion),
                     kappa_poc=cohen_kappa(poc), kappa_r2p=cohen_kappa(r2p),
                     share_agree=round(float(confusion.to_numpy().trace()) / n, 10) if n else float("nan"),
                     unknown=unknown,
                     disagreements=disagreements.sort_values(["iso3", "year", "gwno"], ignore_index=True),
                     not_in_panel=len(outside), not_in_panel_rows=outside)


#: the thresholds on civilians killed that :func:`mass_violence_sensitivity` tries (None: the coder's judgement)
MASS_VIOLENCE_THRESHOLDS = (None, 10, 25, 50, 100, 250, 1000)


def mass_violence_sensitivity(situations: pd.DataFrame, deaths: pd.DataFrame,
                              thresholds=MASS_VIOLENCE_THRESHOLDS, base: scope.ScopeRules = scope.ScopeRules()
                              ) -> pd.DataFrame:
    """Category counts as the broad reading's "mass violence" becomes a threshold on civilians killed.

    Each row is one threshold (``None``: the coder's ``widespread`` decides, the
    default reading); the other rules are *base*'s. ``unknown`` counts the
    situations whose POC verdict hangs on a count that ``civilian_deaths.csv``
    does not know; they are reported, never read as zero, and left out of
    ``n`` and the shares.

    Examples
    --------
    >>> s = pd.DataFrame({"situation_id": ["a", "b", "c"], "context": ["internal_disturbance"] * 3,
    ...     "conflict_type": ["none"] * 3, "civilian_violence": ["widespread"] * 3, "poc_missions": [""] * 3,
    ...     **{c: ["none"] * 3 for c in ("genocide", "crimes_against_humanity", "war_crimes",
    ...                                  "ethnic_cleansing", "war_crimes_scale")}})
    >>> d = pd.DataFrame({"situation_id": ["a", "b", "c"], "best": ["4", "90", ""]})
    >>> table = mass_violence_sensitivity(s, d, thresholds=(None, 25))
    >>> table[["threshold", "poc_only", "neither", "unknown", "n"]].values.tolist()
    [['coder (widespread)', 3, 0, 0, 3], ['25', 1, 1, 1, 2]]
    """
    frame = scope.with_civilian_deaths(situations, deaths)
    rows = []
    for threshold in thresholds:
        rules = scope.ScopeRules(**{**base.as_dict(), "mass_violence_min_deaths": threshold})
        classified = scope.classify(frame, rules, validate=False)
        counted = scope.summary(classified).iloc[0].drop("group").rename({"total": "n"})  # unknowns left out
        rows.append({"threshold": "coder (widespread)" if threshold is None else str(threshold),
                     **counted[list(CATEGORIES)], "unknown": int(classified["category"].isna().sum()),
                     "n": counted["n"], **counted[[f"share_{c}" for c in CATEGORIES]]})
    return pd.DataFrame(rows)
