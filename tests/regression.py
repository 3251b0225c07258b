"""Real-data regression numbers: the values tests pin on the project's shipped data, in one place.

Facts of the publishers' files (41 active conflicts in 1989, 72,016 battle deaths in Syria in 2013,
the row count of each file) stay in the tests of the module that reads them: they never move with
the project's data. The numbers below do: they follow ``data/raw`` (a recoded cell, an added
situation) and must be refreshed with it.

How to refresh: after a change to the data, run ``.venv/bin/python tests/regression.py``. It computes
every value below from the data as they stand and prints the ones that differ from this file. Check
that each difference is explained by the data change (say so in the commit message), then copy the
printed values here. Never refresh to make an unexplained failure pass.
"""

from __future__ import annotations

#: the data card's counts (data/README.md, section 5) are checked against the data directly by
#: tests/test_data.py::test_data_card_counts_match_the_data; the situations reaching 1989 or later:
SITUATIONS_FROM_1989 = 306

#: panel proxy categories against the expert situations (analysis.robustness.agreement), default readings
PANEL_EXPERT_AGREEMENT = {
    "n": 1518, "unknown": 123,
    "poc": [[1212, 15], [229, 157]],
    "r2p": [[380, 346], [232, 582]],
    "kappas": (0.268746143, 0.4870488876, 0.2404445446),
}

#: the reliability sample (data/reliability): classifier categories from the two codings agree on
#: this many of the 40 situations under the default reading and under R2P evidence >= ngo
RELIABILITY_CATEGORY_AGREE = [40, 39]
RELIABILITY_CATEGORY_KAPPA = [1.0, 0.9504]


def current() -> dict:
    """Every value above, computed from the data as they stand (needs data/external: ``make data``)."""
    from analysis import data, panel, reliability, robustness, scope

    situations = data.load_situations()
    result = robustness.agreement(panel.classify_panel(panel.build_panel()), scope.classify(situations))
    first, second = reliability.read("first_coding"), reliability.read("second_coding")
    categories = reliability.category_agreement(situations, first, second,
                                                readings=[scope.ScopeRules(), scope.ScopeRules(r2p_evidence="ngo")])
    reaching = situations["end_year"].isna() | (situations["end_year"] >= 1989)
    return {
        "SITUATIONS_FROM_1989": int(reaching.sum()),
        "PANEL_EXPERT_AGREEMENT": {"n": result.n, "unknown": result.unknown, "poc": result.poc.values.tolist(),
                                   "r2p": result.r2p.values.tolist(),
                                   "kappas": (result.kappa, result.kappa_poc, result.kappa_r2p)},
        "RELIABILITY_CATEGORY_AGREE": categories["agree"].tolist(),
        "RELIABILITY_CATEGORY_KAPPA": categories["kappa"].tolist(),
    }


if __name__ == "__main__":
    pinned = {name: value for name, value in globals().items() if name.isupper()}
    changed = {name: value for name, value in current().items() if pinned.get(name) != value}
    for name, value in changed.items():
        print(f"{name} = {value!r}")
    print("all pinned values hold" if not changed else f"{len(changed)} value(s) moved: explain, then copy above")
