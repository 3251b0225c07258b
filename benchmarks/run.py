"""Benchmarks: measure, report, never fail (``make bench`` rewrites BENCHMARKS.md).

Measured in one run on this machine, as ratios where a baseline exists:
- the scope classifier on 1,000,000 generated situation rows (rows per second, peak memory) against a
  straightforward row-by-row Python implementation of the same rules (timed on a sample, per row).
"""

from __future__ import annotations

import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import schema
from analysis.io import write_text
from analysis.scope import ScopeRules, classify

ROOT = Path(__file__).resolve().parents[1]
ROWS = 1_000_000
BASELINE_ROWS = 20_000


def generate(n: int, seed: int = 20261128) -> pd.DataFrame:
    """Valid random situations (same distribution of values for every run)."""
    rng = np.random.default_rng(seed)
    context = rng.choice(schema.CONTEXTS, n)
    ac = context == "armed_conflict"
    frame = pd.DataFrame({
        "situation_id": [f"s-{i}" for i in range(n)], "name": "x", "country": "Syria", "iso3": "SYR",
        "gwno": 652, "start_year": 2000, "end_year": 2001, "context": context,
        "conflict_type": np.where(ac, rng.choice(schema.CONFLICT_TYPES[1:], n), "none"),
        "civilian_violence": rng.choice(schema.VIOLENCE, n),
        "poc_missions": np.where(rng.random(n) < 0.1, "UNMIL", ""),
    })
    for crime in schema.CRIMES:
        frame[crime] = rng.choice(schema.TIERS, n)
    frame.loc[~ac, "war_crimes"] = "none"
    frame["war_crimes_scale"] = np.where(frame["war_crimes"].eq("none"), "none",
                                         rng.choice(("isolated", "systematic"), n))
    frame["sources"], frame["notes"] = "", ""
    return frame


def row_by_row(frame: pd.DataFrame, rules: ScopeRules) -> list[str]:
    """The same rules, one row at a time in plain Python: the baseline."""
    out = []
    threshold = schema.TIER_RANK[rules.r2p_evidence]
    for row in frame.to_dict("records"):
        poc = row["context"] == "armed_conflict"
        if rules.poc_reading == "broad":
            poc = poc or bool(row["poc_missions"]) or (
                row["context"] == "internal_disturbance" and row["civilian_violence"] == "widespread")
        r2p = any(schema.TIER_RANK[row[c]] >= threshold for c in ("genocide", "crimes_against_humanity",
                                                                  "ethnic_cleansing"))
        wc = schema.TIER_RANK[row["war_crimes"]] >= threshold
        if rules.war_crimes_need_systematic:
            wc = wc and row["war_crimes_scale"] == "systematic"
        r2p = r2p or wc
        out.append("both" if poc and r2p else "poc_only" if poc else "r2p_only" if r2p else "neither")
    return out


def measure_classifier() -> dict:
    frame = generate(ROWS)
    rules = ScopeRules()
    t0 = time.perf_counter()
    fast = classify(frame, rules, validate=False)
    t_fast = time.perf_counter() - t0
    t0 = time.perf_counter()
    classify(frame, rules, validate=True)
    t_validated = time.perf_counter() - t0
    sample = frame.iloc[:BASELINE_ROWS]
    t0 = time.perf_counter()
    slow = row_by_row(sample, rules)
    t_slow = (time.perf_counter() - t0) / BASELINE_ROWS * ROWS
    assert slow == fast["category"].iloc[:BASELINE_ROWS].tolist()
    return {"rows": ROWS, "classify_s": t_fast, "classify_validated_s": t_validated,
            "row_by_row_s_extrapolated": t_slow}


def child_peak_mb() -> float:
    """Peak resident memory of a child process that only classifies (MB)."""
    code = ("import resource; from benchmarks.run import generate; from analysis.scope import classify;"
            "f = generate(%d); classify(f, validate=False);"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)" % ROWS)
    base = ("import resource; from benchmarks.run import generate; f = generate(%d);"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)" % ROWS)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    run = lambda c: float(subprocess.run([sys.executable, "-c", c], capture_output=True, text=True, env=env,
                                         check=True).stdout.strip())
    return max(run(code) - run(base), 0.0)


def main() -> int:
    result = measure_classifier()
    extra_mb = child_peak_mb()
    rate = result["rows"] / result["classify_s"]
    ratio = result["row_by_row_s_extrapolated"] / result["classify_s"]
    text = f"""# Benchmarks

Written by `make bench` (`benchmarks/run.py`); measured in one run, so ratios are comparable, absolute
times are this machine's. Benchmarks report; they never fail CI.

Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()},
pandas {pd.__version__}, numpy {np.__version__}.

## Scope classifier, {result['rows']:,} generated situation rows (default reading)

| measure | value | goal |
|---|---|---|
| `classify(validate=False)` | {result['classify_s']:.2f} s ({rate:,.0f} rows/s) | at least 1,000,000 rows/s on one core |
| `classify()` with input validation | {result['classify_validated_s']:.2f} s | — |
| row-by-row Python baseline (timed on {BASELINE_ROWS:,} rows, scaled) | {result['row_by_row_s_extrapolated']:.2f} s | — |
| speed-up over the baseline | {ratio:.1f}× | at least 20× |
| extra peak memory of classifying (child process, over generating the frame) | {extra_mb:.0f} MB | — |

Not yet measured (open issue): panel build, network build, wall time of `make figures` and `make test`.
"""
    write_text(ROOT / "BENCHMARKS.md", text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
