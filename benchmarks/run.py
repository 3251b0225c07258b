"""Benchmarks: measure, report, never fail (``make bench`` rewrites BENCHMARKS.md).

Everything is measured in one run on one machine, described in the report, so
that the ratios are comparable; absolute times are this machine's. Measured:

- the scope classifier on 1,000,000 generated situation rows, without and with
  input validation: rows per second and peak memory, against its former
  integer-code engine (``benchmarks/scope_v1.py``) and two row-by-row Python
  baselines of the same rules (timed on a sample, scaled per row);
- reading and checking a user's 1,000,000-row CSV file, as ``python -m
  analysis classify`` does before classifying;
- the panel and network builds, through :data:`HOOKS` (timed when importable);
- rendering every figure into a temporary folder.

Times are the best of :data:`REPEAT` runs, each on a freshly generated frame
(so string hashes are never already cached). Memory is measured in a forked
child process per benchmark, so that nothing allocated before counts: the
peak of the allocations traced by ``tracemalloc`` (Python objects and
numpy/pandas buffers) and the rise of the resident set (``VmHWM`` after
resetting it through ``/proc/self/clear_refs``).

Run ``python benchmarks/run.py --make`` (``make bench-all``) to also time, in a
fresh clone of HEAD: the first ``make figures`` with ``.venv``, a no-op one, one
after a notebook edit, and ``make test`` (minutes, so never by default).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import itertools
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:  # running from a checkout without the editable install
    sys.path.insert(0, str(ROOT / "src"))
if str(ROOT) not in sys.path:  # the former engine, benchmarks/scope_v1.py, is imported as benchmarks.scope_v1
    sys.path.insert(0, str(ROOT))

from analysis import data, schema  # noqa: E402
from analysis.atomic import write_text  # noqa: E402
from analysis.scope import ScopeRules, category, classify, poc_rule, r2p_rule  # noqa: E402
from benchmarks import scope_v1  # noqa: E402

ROWS = 1_000_000
BASELINE_ROWS = 20_000
REPEAT = 3


# --------------------------------------------------------------------------- inputs and baselines
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


def row_by_row_category(frame: pd.DataFrame, rules: ScopeRules) -> list[str]:
    """Baseline 1: the category only, one row at a time in plain Python (no reasons, no copy)."""
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
        out.append(category(poc, r2p or wc))
    return out


def row_by_row(frame: pd.DataFrame, rules: ScopeRules) -> pd.DataFrame:
    """Baseline 2: the classifier's whole output (the five columns, reasons included), row by row.

    :func:`analysis.scope.poc_rule` and :func:`analysis.scope.r2p_rule` applied
    to every row, where ``classify`` applies them once per distinct combination
    of their inputs; the benchmark checks that both give identical frames on the
    timed sample (the rules themselves are checked against the former engine in
    ``tests/test_scope.py``).
    """
    columns: dict[str, list] = {"poc": [], "r2p": [], "r2p_prevention": [], "category": [], "reasons": []}
    for row in frame.to_dict("records"):
        poc = poc_rule(row["context"], row["conflict_type"], row["civilian_violence"], row["poc_missions"], rules)
        r2p = r2p_rule(*(row[c] for c in schema.CRIMES), row["war_crimes_scale"], rules)
        columns["poc"].append(poc.applies)
        columns["r2p"].append(r2p.applies)
        columns["r2p_prevention"].append(r2p.prevention)
        columns["category"].append(category(poc.applies, r2p.applies))
        columns["reasons"].append(f"{poc.reason}; {r2p.reason}")
    out = frame.copy()
    for name, values in columns.items():
        out[name] = np.array(values, dtype=bool if name in ("poc", "r2p", "r2p_prevention") else object)
    return out


# --------------------------------------------------------------------------- measuring
def _best_time(work: Callable, setup: Callable, repeat: int = REPEAT) -> float:
    """Best CPU time of *work(setup())* over *repeat* runs, a fresh input each time.

    CPU time of this process, not wall time: the code measured runs on one core,
    and CPU time is not inflated when other programs share the machine.
    """
    best = float("inf")
    for _ in range(repeat):
        arg = setup()
        gc.collect()
        start = time.process_time()
        work(arg)
        best = min(best, time.process_time() - start)
        del arg
    return best


def _status_kb(field: str) -> int:
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise OSError(f"{field} not in /proc/self/status")


def _reset_peak_rss() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")  # Linux >= 4.0: reset VmHWM to the current resident set
        return True
    except OSError:
        return False


def _in_child(function: Callable[[], dict]) -> dict:
    """Run *function* in a forked child process; return its dict (or the error it raised)."""
    if not hasattr(os, "fork"):
        return {"error": "no fork on this platform"}
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        os.close(read)
        try:
            result = function()
        except BaseException as err:  # noqa: BLE001 - reported, never raised
            result = {"error": f"{type(err).__name__}: {err}"}
        os.write(write, json.dumps(result).encode())
        os._exit(0)
    os.close(write)
    chunks = []
    while chunk := os.read(read, 65536):
        chunks.append(chunk)
    os.close(read)
    os.waitpid(pid, 0)
    return json.loads(b"".join(chunks) or b'{"error": "child process died"}')


def peak_memory(work: Callable, setup: Callable, traced: bool = True) -> dict:
    """Extra peak memory of *work(setup())*, in MB, measured in forked children.

    ``rss_mb``: rise of the resident set's high-water mark over its level just
    before the call. ``traced_mb`` (when *traced*): peak of the allocations
    traced by tracemalloc during the call (numpy and pandas report their buffers
    to it); tracing slows code that makes millions of small objects a lot, so
    the slow measures skip it.
    """
    def tracing() -> dict:
        arg = setup()
        gc.collect()
        tracemalloc.start()
        work(arg)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return {"traced_mb": peak / 2**20}

    def resident() -> dict:
        arg = setup()
        gc.collect()
        before = _status_kb("VmRSS")
        if not _reset_peak_rss():
            return {"rss_mb": None}
        work(arg)
        return {"rss_mb": (_status_kb("VmHWM") - before) / 1024}

    return {**(_in_child(tracing) if traced else {}), **_in_child(resident)}


def _against_baselines(result: dict, sample: pd.DataFrame, rules: ScopeRules) -> dict:
    """Time both row-by-row baselines on *sample*, scaled to :data:`ROWS`, and check they agree."""
    per_row = ROWS / len(sample)
    result["baseline_full_s"] = _best_time(lambda f: row_by_row(f, rules), lambda: sample, 2 * REPEAT) * per_row
    result["baseline_category_s"] = _best_time(lambda f: row_by_row_category(f, rules), lambda: sample,
                                               2 * REPEAT) * per_row
    expected = classify(sample, rules, validate=False)
    result["agrees"] = bool(row_by_row(sample, rules).equals(expected)) and (
        row_by_row_category(sample, rules) == expected["category"].tolist())
    result["former_agrees"] = bool(scope_v1.classify(sample, rules).equals(expected))
    return result


def measure_classifier() -> dict:
    """The classifier on freshly generated frames: every cell its own string object (the worst case)."""
    rules = ScopeRules()
    seeds = itertools.count(1)
    fresh = lambda: generate(ROWS, seed=next(seeds))  # noqa: E731 - a new frame (new string objects) per run
    _log("classifier on generated frames")
    result = {
        "fast_s": _best_time(lambda f: classify(f, rules, validate=False), fresh),
        "former_s": _best_time(lambda f: scope_v1.classify(f, rules), fresh),
        "validated_s": _best_time(lambda f: classify(f, rules), fresh, repeat=1),
    }
    _log("baselines on a generated sample")
    _against_baselines(result, generate(BASELINE_ROWS, seed=7), rules)
    _log("memory of the classifier")
    result["fast_mem"] = peak_memory(lambda f: classify(f, rules, validate=False), lambda: generate(ROWS))
    result["validated_mem"] = peak_memory(lambda f: classify(f, rules), lambda: generate(ROWS), traced=False)
    return result


def measure_user_file() -> dict:
    """A user's 1M-row file as ``python -m analysis classify`` handles it: read and check, then classify.

    The loaded frame holds one string object per distinct value of a column (the
    loader strips each distinct value once), so the classifier runs faster on it
    than on a generated frame; the baselines are timed on a sample of the same frame.
    """
    rules = ScopeRules()
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        path = Path(folder) / "situations.csv"
        generate(ROWS).to_csv(path, index=False, lineterminator="\n")
        _log("reading and checking a user's file")
        gc.collect()
        start = time.process_time()
        loaded = data.check_user_situations(path)
        result = {"csv_s": time.process_time() - start, "csv_mb_on_disk": path.stat().st_size / 1e6}
        _log("memory of reading and checking a user's file")
        result["csv_mem"] = peak_memory(data.check_user_situations, lambda: path, traced=False)
    _log("classifier and baselines on the loaded frame")
    result["fast_s"] = _best_time(lambda f: classify(f, rules, validate=False), lambda: loaded)
    result["former_s"] = _best_time(lambda f: scope_v1.classify(f, rules), lambda: loaded)
    return _against_baselines(result, loaded.iloc[:BASELINE_ROWS].copy(), rules)


def _log(message: str) -> None:
    print(f"[bench {time.perf_counter() - _START:6.1f} s] {message}", file=sys.stderr, flush=True)


_START = time.perf_counter()


# --------------------------------------------------------------------------- hooks for other modules
@dataclass(frozen=True)
class Hook:
    """A callable of another module, timed when it can be imported (called without arguments)."""

    label: str
    target: str  # "package.module:function", or "run:function" for a function of this file
    goal: str


def all_networks() -> None:
    """The network benchmark: normative graph and its metrics, then every situation's graph and the
    activation counts across situations (as notebooks 04 and 05 compute them)."""
    from analysis import data, networks

    G = networks.normative_graph()
    networks.actor_overlap(G), networks.centrality(G), networks.escalation_chains(G), networks.convergence(G)
    graphs = networks.situation_graphs(data.load_situations()["situation_id"])
    networks.activation_counts(graphs=graphs)


#: HOOK for the panel and network benchmarks: add or refine entries here as those modules settle.
HOOKS = (
    Hook("panel build 1989-2024", "analysis.panel:build_panel", "under 2 s after data are local"),
    Hook("normative network build", "analysis.networks:normative_graph", "under 2 s (with metrics)"),
    Hook("networks and metrics, all situations", "run:all_networks", "under 2 s"),
)


def time_hook(hook: Hook) -> dict:
    """Time *hook* (best of :data:`REPEAT`) and its traced peak memory; a note instead if it cannot run."""
    module_name, _, name = hook.target.partition(":")
    try:
        function = globals()[name] if module_name == "run" else getattr(importlib.import_module(module_name), name)
    except (ImportError, AttributeError, KeyError) as err:
        return {"note": f"not measured: `{hook.target}` is not importable ({type(err).__name__})"}
    try:
        function()  # warm-up: imports, caches of the datasets read from data/external
        seconds = _best_time(lambda _: function(), lambda: None)
    except Exception as err:  # noqa: BLE001 - benchmarks report, never fail
        return {"note": f"not measured: `{hook.target}()` raised {type(err).__name__}: {err}"}
    return {"seconds": seconds, **peak_memory(lambda _: function(), lambda: None)}


def measure_figures() -> dict:
    """Render every registered figure into a temporary folder (never into figures/)."""
    try:
        from analysis.figures.build import build

        with tempfile.TemporaryDirectory(prefix="bench-figures-") as folder:
            start = time.perf_counter()
            manifest = build(Path(folder) / "figures")
            return {"seconds": time.perf_counter() - start, "files": len(manifest)}
    except Exception as err:  # noqa: BLE001
        return {"note": f"not measured: figure build raised {type(err).__name__}: {err}"}


def _timed_make(target: str, where: Path) -> dict:
    start = time.perf_counter()
    done = subprocess.run(["make", target], cwd=where, capture_output=True, text=True)
    return {"seconds": time.perf_counter() - start, "status": done.returncode}


def measure_make() -> dict:
    """A fresh clone of HEAD in a temporary folder, as a new user has it (``DATA_MIRROR`` as set).

    In one run: the first ``make figures`` (``.venv`` created from the pinned files, the pip cache as it
    is), a second ``make figures`` with nothing changed, one after one notebook was edited, and
    ``make test``. Never touches this working tree.
    """
    with tempfile.TemporaryDirectory(prefix="bench-clone-") as folder:
        clone = Path(folder) / "protection-scope"
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
        if os.environ.get("DATA_MIRROR") and not Path(os.environ["DATA_MIRROR"]).is_absolute():
            os.environ["DATA_MIRROR"] = str((ROOT / os.environ["DATA_MIRROR"]).resolve())
        out = {"first figures": _timed_make("figures", clone), "no-op figures": _timed_make("figures", clone)}
        notebook = clone / "notebooks" / "02-scope-classification.ipynb"
        notebook.write_text(notebook.read_text(encoding="utf-8"), encoding="utf-8")  # edited: newer than its stamp
        out["one-notebook figures"] = _timed_make("figures", clone)
        out["test"] = _timed_make("test", clone)
        status = subprocess.run(["git", "status", "--porcelain"], cwd=clone, capture_output=True, text=True)
        out["clean"] = status.stdout.strip() == ""
    return out


# --------------------------------------------------------------------------- report
def machine() -> str:
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as handle:
            names = [line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")]
        model = names[0] if names else model
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    memory = ""
    try:
        with open("/proc/meminfo") as handle:
            kb = int(next(line for line in handle if line.startswith("MemTotal")).split()[1])
        memory = f", {kb / 2**20:.0f} GB RAM"
    except (OSError, StopIteration):
        pass
    return (f"{model} ({platform.machine()}), {os.cpu_count()} cores ({usable} usable){memory}; "
            f"{platform.system()} {platform.release().split('-')[0]}; Python {platform.python_version()}, "
            f"pandas {pd.__version__}, numpy {np.__version__}")


def _mb(memory: dict) -> str:
    if "error" in memory:
        return f"not measured ({memory['error']})"
    parts = [f"{memory['traced_mb']:,.0f} MB traced"] if "traced_mb" in memory else []
    parts.append("resident: n/a" if memory.get("rss_mb") is None else f"{memory['rss_mb']:,.0f} MB resident")
    return ", ".join(parts)


def _hook_row(hook: Hook, result: dict) -> str:
    if "note" in result:
        return f"| {hook.label} | {result['note']} | — | {hook.goal} |"
    return f"| {hook.label} | {result['seconds']:.2f} s | {_mb(result)} | {hook.goal} |"


GOAL_ROWS_PER_S = 1_000_000


def _speed_row(label: str, r: dict) -> str:
    rate = ROWS / r["fast_s"]
    goal = "goal met" if rate >= GOAL_ROWS_PER_S else f"**below the goal of {GOAL_ROWS_PER_S:,} rows/s**"
    return (f"| {label} | {r['fast_s']:.2f} s ({rate:,.0f} rows/s; {goal}) "
            f"| {r['former_s']:.2f} s ({r['fast_s'] / r['former_s']:.2f}× its time) "
            f"| {r['baseline_full_s']:.2f} s | **{r['baseline_full_s'] / r['fast_s']:.1f}×** "
            f"| {r['baseline_category_s']:.2f} s | {r['baseline_category_s'] / r['fast_s']:.1f}× |")


def report(c: dict, user: dict, hooks: dict[Hook, dict], figures: dict, make: dict) -> str:
    agrees = ("identical output on the timed samples" if c["agrees"] and user["agrees"]
              else "**they DISAGREE with the classifier on a sample: investigate**")
    former = ("identical output on the timed samples" if c["former_agrees"] and user["former_agrees"]
              else "**it DISAGREES with the classifier on a sample: investigate**")
    lines = [
        "# Benchmarks", "",
        "Written by `make bench` (`benchmarks/run.py`). Everything below was measured in one run on the",
        "machine described, so the ratios are comparable; absolute times are this machine's. Benchmarks",
        "report; they never fail CI. Times are CPU seconds of the benchmark process (the code runs on one",
        "core; CPU time is not inflated by other programs on the machine), the best of "
        f"{REPEAT} runs, each on a",
        "fresh input where the input matters (the slow measures: one run). Memory is measured in a forked",
        "child per benchmark: the rise of the resident set's high-water mark during the call and, where",
        "cheap, the peak of the allocations traced by `tracemalloc` (Python objects and numpy/pandas",
        "buffers).", "",
        f"Machine: {machine()}.", "",
        f"## Scope classifier, {ROWS:,} situation rows (default reading, one core)", "",
        f"Goals: at least {GOAL_ROWS_PER_S:,} rows/s, and at least 20× a straightforward row-by-row Python",
        "implementation of the same rules. `classify` applies the two rule functions (`poc_rule`,",
        "`r2p_rule`) once per distinct combination of the columns each reads; the former engine",
        "(`benchmarks/scope_v1.py`, integer codes, kept only for this comparison) is timed on the same inputs.",
        "",
        "| input | `classify(validate=False)` | former engine | row-by-row, same output | speed-up "
        "| row-by-row, category only | speed-up |",
        "|---|---|---|---|---|---|---|",
        _speed_row("generated frame (every cell its own string object)", c),
        _speed_row("frame as loaded from a CSV file by the CLI (one string object per distinct value)", user),
        "",
        f"Row-by-row times are measured on {BASELINE_ROWS:,} rows of the same input and scaled per row.",
        f"Row-by-row baselines: {agrees}.",
        f"Former engine: {former}.",
        "The same-output baseline applies the two rule functions to every row and returns what",
        "`classify` returns (a copy of the input plus",
        "`poc`, `r2p`, `r2p_prevention`, `category` and `reasons`); the category-only one skips the",
        "reasons and the copy, so it is the harder comparison. Most of the classifier's time goes to",
        "grouping the rows by the nine rule columns (a pandas factorisation of each) and to copying the",
        "input for the output frame; a CSV reader (this suite's loader, like",
        "`pandas.read_csv`) hands over one string object per distinct value, which hashes faster than",
        "a frame whose every cell is a new string.", "",
        "| measure | time | extra peak memory |", "|---|---|---|",
        f"| `classify(validate=False)`, generated frame | {c['fast_s']:.2f} s | {_mb(c['fast_mem'])} |",
        f"| `classify()` with input validation, generated frame | {c['validated_s']:.2f} s "
        f"({ROWS / c['validated_s']:,.0f} rows/s) | {_mb(c['validated_mem'])} |",
        f"| `data.check_user_situations`: read and check a {user['csv_mb_on_disk']:.0f} MB CSV file (the CLI's "
        f"first step) | {user['csv_s']:.2f} s ({ROWS / user['csv_s']:,.0f} rows/s) | {_mb(user['csv_mem'])} |", "",
        "## Other builds", "",
        "| measure | time | extra peak memory | goal |", "|---|---|---|---|",
        *[_hook_row(hook, result) for hook, result in hooks.items()],
    ]
    if "note" in figures:
        lines.append(f"| every figure rendered into a temporary folder | {figures['note']} | — | — |")
    else:
        lines.append(f"| every figure rendered into a temporary folder ({figures['files']} files; "
                     f"notebooks not run; wall time) | {figures['seconds']:.1f} s | — | `make figures` under 90 s |")
    rows = (("first figures", "fresh clone: first `make figures`, `.venv` created", "—"),
            ("no-op figures", "second `make figures`, nothing changed", "under 10 s"),
            ("one-notebook figures", "`make figures` after editing one notebook (only it re-runs)", "—"),
            ("test", "`make test` with `.venv` in place", "under 2 min"))
    for key, label, goal in rows:
        if key in make:
            m = make[key]
            lines.append(f"| {label} (exit status {m['status']}; wall time) | {m['seconds']:.0f} s | — | {goal} |")
        else:
            lines.append(f"| {label} | not measured: run `benchmarks/run.py --make` | — | {goal} |")
    if make:
        lines += ["", f"After these runs the clone's `git status` was {'clean' if make['clean'] else '**not clean**'}."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--make", action="store_true",
                        help="also time, in a fresh clone: `make figures` (first, no-op, one notebook) and `make test`")
    parser.add_argument("--output", default=str(ROOT / "BENCHMARKS.md"), help="report file (written atomically)")
    args = parser.parse_args(argv)
    classifier = measure_classifier()
    user = measure_user_file()
    _log("panel and network hooks")
    hooks = {hook: time_hook(hook) for hook in HOOKS}
    _log("figures into a temporary folder")
    figures = measure_figures()
    if args.make:
        _log("fresh clone: make figures (first, no-op, one notebook), make test")
    make = measure_make() if args.make else {}
    text = report(classifier, user, hooks, figures, make)
    write_text(args.output, text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
