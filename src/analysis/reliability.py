"""Inter-coder reliability of the situation dataset.

A seeded random sample of situations (:func:`draw_sample`) was coded a second
time, independently, from the cited sources and the codebook alone
(``data/reliability/second_coding.csv``). The first coding of the same rows,
as it stood when the sample was drawn, is kept beside it
(``first_coding.csv``), so the statistics describe the two independent codings
and not the dataset after adjudication. Every disagreement was adjudicated in
``adjudication.csv``; the adjudicated values are what ``data/raw`` holds.

:func:`agreement` reports, per coded column, the share of identical codes,
Cohen's kappa and Krippendorff's alpha (nominal, or ordinal for the ordered
evidence tiers and scales; from the ``krippendorff`` package), and
:func:`category_agreement` the same for the classifier's category of each
situation under a reading, which is what the suite's answers rest on.

Examples
--------
>>> first = pd.DataFrame({"situation_id": ["a", "b", "c", "d"],
...                       "genocide": ["none", "un", "none", "alleged"]})
>>> second = first.assign(genocide=["none", "ngo", "none", "alleged"])
>>> agreement(first, second, columns=["genocide"])[["column", "n", "agree", "share_agree"]].values.tolist()
[['genocide', 4, 3, 0.75]]

References
----------
.. [1] Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability.
   Annenberg School for Communication Departmental Papers 43.
.. [2] Cohen, J. (1960). A coefficient of agreement for nominal scales.
   *Educational and Psychological Measurement* 20(1), 37-46.
"""

from __future__ import annotations

from pathlib import Path

import krippendorff
import numpy as np
import pandas as pd

from . import data, paths, schema, scope
from .robustness import cohen_kappa
from .validation import list_items

#: the seed and size of the reliability sample (drawn from the 278 situations of dataset version 0.x)
SAMPLE_SEED = 20261207
SAMPLE_SIZE = 40

#: the columns both codings hold, in codebook order
CODED = ("context", "conflict_type", "civilian_violence", "poc_missions", *schema.CRIMES, "war_crimes_scale")

#: ordered vocabularies (Krippendorff's alpha at the ordinal level); the other columns are nominal
ORDERED = {**{crime: schema.TIERS for crime in schema.CRIMES},
           "civilian_violence": ("none", "isolated", "widespread"),
           "war_crimes_scale": ("none", "isolated", "systematic")}

FOLDER = paths.DATA / "reliability"


def draw_sample(situation_ids, size: int = SAMPLE_SIZE, seed: int = SAMPLE_SEED) -> list[str]:
    """The reliability sample: *size* ids drawn without replacement from the sorted ids, returned sorted.

    Examples
    --------
    >>> draw_sample([f"s{i:02d}" for i in range(10)], size=3, seed=1)
    ['s03', 's04', 's07']
    """
    ids = np.array(sorted(situation_ids))
    return sorted(str(i) for i in np.random.default_rng(seed).choice(ids, size, replace=False))


def read(name: str, folder: Path | None = None) -> pd.DataFrame:
    """One table of ``data/reliability`` (``first_coding``, ``second_coding``, ``adjudication``), as text."""
    return pd.read_csv(Path(folder or FOLDER) / f"{name}.csv", dtype=str, keep_default_na=False)


def _normalised(values: pd.Series, column: str) -> pd.Series:
    if column == "poc_missions":  # a set of missions: order does not matter
        return values.map(lambda v: ";".join(sorted(list_items(v))))
    return values.str.strip()


def _alpha(first: pd.Series, second: pd.Series, column: str) -> float:
    order = ORDERED.get(column)
    labels = list(order) if order else sorted(set(first) | set(second))
    codes = {label: k for k, label in enumerate(labels)}
    data = np.array([[codes[v] for v in first], [codes[v] for v in second]], dtype=float)
    if len(np.unique(data)) < 2:
        return float("nan")
    level = "ordinal" if order else "nominal"
    return round(float(krippendorff.alpha(reliability_data=data, level_of_measurement=level)), 4)


def _kappa(first: pd.Series, second: pd.Series) -> float:
    labels = sorted(set(first) | set(second))
    table = pd.crosstab(pd.Categorical(first, categories=labels), pd.Categorical(second, categories=labels),
                        dropna=False)
    return round(cohen_kappa(table), 4)


def agreement(first: pd.DataFrame, second: pd.DataFrame, columns=CODED) -> pd.DataFrame:
    """Agreement of two codings of the same situations, one row per column.

    Returns ``column, n, agree, share_agree, kappa, alpha, level``; rows are
    matched on ``situation_id`` (only ids both codings hold count).
    """
    both = first.merge(second, on="situation_id", suffixes=("_1", "_2"))
    rows = []
    for column in columns:
        a, b = _normalised(both[f"{column}_1"], column), _normalised(both[f"{column}_2"], column)
        agree = int((a == b).sum())
        rows.append({"column": column, "n": len(both), "agree": agree,
                     "share_agree": round(agree / len(both), 4) if len(both) else float("nan"),
                     "kappa": _kappa(a, b), "alpha": _alpha(a, b, column),
                     "level": "ordinal" if column in ORDERED else "nominal"})
    return pd.DataFrame(rows)


def recoded(situations: pd.DataFrame, coding: pd.DataFrame) -> pd.DataFrame:
    """The situations of *coding* with its coded columns in place of the dataset's (other columns kept)."""
    base = situations.set_index("situation_id").loc[coding["situation_id"]].copy()
    for column in CODED:
        base[column] = coding.set_index("situation_id")[column].to_numpy()
    return base.reset_index()


def category_agreement(situations: pd.DataFrame, first: pd.DataFrame, second: pd.DataFrame,
                       readings=None) -> pd.DataFrame:
    """Agreement of the classifier's categories computed from each coding, under each reading.

    Returns ``reading, n, agree, share_agree, kappa`` (default: the grid of readings).
    """
    rows = []
    for rules in readings or scope.ScopeRules.grid():
        one = scope.classify(recoded(situations, first), rules, validate=False)["category"]
        two = scope.classify(recoded(situations, second), rules, validate=False)["category"]
        agree = int((one.to_numpy() == two.to_numpy()).sum())
        rows.append({"reading": rules.describe(), "n": len(one), "agree": agree,
                     "share_agree": round(agree / len(one), 4), "kappa": _kappa(one, two)})
    return pd.DataFrame(rows)


def card(folder: Path | None = None, situations: pd.DataFrame | None = None) -> str:
    """The reliability paragraph and table of the data card (``data/README.md``), from the committed files.

    A test keeps the data card equal to it.
    """
    first, second = read("first_coding", folder), read("second_coding", folder)
    adjudicated = read("adjudication", folder)
    table = agreement(first, second)
    changed = int((adjudicated["adjudicated"] != adjudicated["first"]).sum())
    lines = [f"**Inter-coder reliability.** A seeded random sample of {len(first)} situations (seed {SAMPLE_SEED}, "
             "`analysis.reliability.draw_sample`) was coded a second time, independently, from the cited sources "
             "and this codebook alone (`data/reliability/second_coding.csv`), and compared with the first coding as "
             "it stood when the sample was drawn (`first_coding.csv`). Krippendorff's alpha is ordinal for the "
             "ordered columns and nominal for the others; kappa is Cohen's. All "
             f"{len(adjudicated)} disagreements were adjudicated from the documents "
             f"(`adjudication.csv`): {changed} cells took a new value, the others kept the first coding.", "",
             "| column | n | same code | share | Cohen's kappa | Krippendorff's alpha (level) |",
             "|---|---|---|---|---|---|"]
    for row in table.itertuples():
        lines.append(f"| `{row.column}` | {row.n} | {row.agree} | {row.share_agree:.3f} | {row.kappa:.3f} | "
                     f"{row.alpha:.3f} ({row.level}) |")
    categories = category_agreement(situations if situations is not None else data.load_situations(), first, second)
    lines += ["", f"The classifier's category computed from each coding agreed for {categories['agree'].min()} to "
              f"{categories['agree'].max()} of the {len(first)} situations across the {len(categories)} readings "
              f"(Cohen's kappa {categories['kappa'].min():.3f} to {categories['kappa'].max():.3f}; "
              f"{int((categories['agree'] == len(first)).sum())} readings agree on every situation)."]
    return "\n".join(lines) + "\n"
