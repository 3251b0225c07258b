"""Command-line interface: ``python -m analysis COMMAND``.

Commands
--------
validate [DATA_DIR]
    Check every project table; print each problem (file, line, column, value,
    rule) and exit 2, or print a summary with the count per population and exit 0.
classify INPUT.csv [-o OUT.csv] [--poc-reading broad|narrow] [--r2p-evidence judicial|un|ngo] [--war-crimes-any-scale]
    Classify a situations file; write the input columns plus ``poc``, ``r2p``,
    ``r2p_prevention``, ``category`` and ``reasons`` as CSV (stdout by default).
summary [--poc-reading ...]
    Counts and shares of the four categories on the project's dataset, overall and by decade.
sensitivity [-o GRID.csv] [--dataset expert|panel|both]
    The robustness grid: count and share of each category under every reading
    of the classifier's rules (expert situations) and of the panel's proxy rules.
data
    Fetch and check the external datasets (``make data``).
export -o DIR [--format csv,parquet,dta,xlsx] [--force]
    Write every table (situations raw and classified under the default and the
    narrow reading, sources, missions, actors, instruments, obligations, the
    country-year panel when data/external is present, the normative network)
    in each format, with labels (:mod:`analysis.export`). Refuses to overwrite
    a file without ``--force``.
council build | council show SITUATION_ID
    Code every Security Council text into ``data/council/`` (``make council``), or print a
    situation's Council record year by year.

User errors (bad input, missing files) print a message without a traceback and
exit with status 2.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import pandas as pd

from . import council, council_card, export, paths, populations, robustness, scope
from . import data as data_mod
from .atomic import atomic_write
from .external import fetch, load, unsc
from .external.registry import DataError
from .panel import build_panel
from .validation import LINE, ValidationError

EXIT_USER_ERROR = 2


def _add_rule_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--poc-reading", choices=scope.POC_READINGS, default="broad",
                        help="POC reading: broad (Council and peacekeeping practice) or narrow (IHL, armed conflict)")
    parser.add_argument("--r2p-evidence", choices=scope.R2P_THRESHOLDS, default="un",
                        help="weakest evidence tier that counts for R2P")
    parser.add_argument("--war-crimes-any-scale", action="store_true",
                        help="count war crimes for R2P at any scale (default: systematic only)")


def _rules(args: argparse.Namespace) -> scope.ScopeRules:
    return scope.ScopeRules(args.poc_reading, args.r2p_evidence, not args.war_crimes_any_scale)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("validate", help="check the project's tables")
    p.add_argument("data_dir", nargs="?", default=None, help="folder of the tables (default: data/raw)")
    p = sub.add_parser("classify", help="classify a situations file")
    p.add_argument("input", help="CSV file with the situations.csv columns")
    p.add_argument("-o", "--output", default="-", help="output CSV (default '-': standard output)")
    _add_rule_options(p)
    p = sub.add_parser("summary", help="category counts and shares on the project's dataset")
    _add_rule_options(p)
    p = sub.add_parser("sensitivity", help="category shares under every reading of the rules (robustness grid)")
    p.add_argument("-o", "--output", default="-", help="output CSV (default '-': standard output)")
    p.add_argument("--dataset", choices=("expert", "panel", "both"), default="both",
                   help="expert situations, the country-year panel, or both (default)")
    sub.add_parser("data", help="fetch and check the external datasets into data/external")
    p = sub.add_parser("export", help="write every table as CSV, Parquet, Stata and Excel, with labels")
    p.add_argument("-o", "--output", required=True, help="folder to write into (created if missing)")
    p.add_argument("--format", default=",".join(export.FORMATS),
                   help=f"comma-separated formats (default: {','.join(export.FORMATS)})")
    p.add_argument("--force", action="store_true", help="overwrite files that exist")
    p = sub.add_parser("council", help="Security Council practice: build data/council, or show a situation's record")
    p.add_argument("action", choices=("build", "show"))
    p.add_argument("situation", nargs="?", help="situation_id for 'show' (e.g. lby-2011)")
    return parser


def cmd_validate(args: argparse.Namespace) -> int:
    if args.data_dir is not None and not Path(args.data_dir).is_dir():
        print(f"{args.data_dir}: not a folder; give the folder that holds situations.csv and the other tables",
              file=sys.stderr)
        return EXIT_USER_ERROR
    problems = data_mod.validate(args.data_dir)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found", file=sys.stderr)
        return EXIT_USER_ERROR
    folder = args.data_dir or paths.DATA_RAW
    situations = data_mod.load_situations(folder)
    print(f"valid: {folder if args.data_dir else 'data/raw'}")
    for name in data_mod.TABLES:
        frame = getattr(data_mod, f"load_{name}")(folder)
        print(f"  {name}: {len(frame)} rows")
    acd = _load_or_none("ucdp_acd")
    ewp, pitf = _load_or_none("ewp_events"), _load_or_none("pitf")
    print("situations per population (a situation may be in several):")
    for row in populations.counts(situations, acd, ewp, pitf).itertuples():
        value = row.situations if row.situations is not None else "n/a (run 'make data' for UCDP, EWP and PITF)"
        print(f"  {row.population} {row.description}: {value}")
    if acd is not None:
        missing = populations.uncovered_war_years(situations, acd)
        print(f"UCDP war-level conflict-years since 1989 outside any armed-conflict situation: {len(missing)}")
    if ewp is not None and pitf is not None:
        killing = populations.uncovered_mass_killings(situations, ewp, pitf)
        documented = int(killing["documented"].ne("").sum())
        print("EWP/PITF mass-killing episode-years since 1989 outside any widespread situation: "
              f"{len(killing) - documented} (and {documented} documented as not coded)")
    return 0


def _load_or_none(key: str) -> pd.DataFrame | None:
    """An external dataset, or None when it has not been fetched."""
    try:
        return load.load(key)
    except DataError:
        return None


def cmd_classify(args: argparse.Namespace) -> int:
    source = Path(args.input)
    frame = data_mod.check_user_situations(source)
    result = scope.classify(frame, _rules(args), label=paths.relative(source), validate=False)
    return _emit(result.drop(columns=[LINE]), args.output, protect=source)


def _emit(table: pd.DataFrame, output: str, protect: Path | None = None) -> int:
    """Write *table* as CSV to standard output ('-') or atomically to *output*.

    Refuses to write over *protect* (the user's input) or into ``data/raw``.
    """
    if output in ("-", ""):
        table.to_csv(sys.stdout, index=False, lineterminator="\n")
        return 0
    out = Path(output)
    guarded = [p for p in (protect,) if p is not None and p.exists()]
    problem = None
    if out.is_dir():
        problem = "is a folder; give a file name"
    elif not out.parent.is_dir():
        problem = f"folder {out.parent} does not exist"
    elif out.exists() and any(out.resolve() == p.resolve() for p in guarded):
        problem = "refusing to overwrite the input file; choose another -o"
    elif out.resolve().is_relative_to(paths.DATA_RAW.resolve()):
        problem = "refusing to write into data/raw (project-coded data are immutable); choose another -o"
    if problem:
        print(f"{output}: {problem}", file=sys.stderr)
        return EXIT_USER_ERROR
    with atomic_write(out, "w", encoding="utf-8", newline="") as handle:
        table.to_csv(handle, index=False, lineterminator="\n")
    print(f"wrote {len(table)} rows to {output}", file=sys.stderr)
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    rules = _rules(args)
    classified = scope.classify(data_mod.load_situations(), rules)
    classified["decade"] = scope.decade(classified["start_year"])
    print(f"reading: {rules.describe()}")
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        print(scope.summary(classified).to_string(index=False))
        print()
        print("by decade of start year:")
        print(scope.summary(classified, by="decade").to_string(index=False))
    return 0


def cmd_sensitivity(args: argparse.Namespace) -> int:
    frames = []
    if args.dataset in ("expert", "both"):
        frames.append(robustness.sensitivity(data_mod.load_situations()).assign(dataset="expert situations"))
    if args.dataset in ("panel", "both"):
        frames.append(robustness.panel_sensitivity(build_panel()).assign(dataset="country-year panel"))
    table = pd.concat(frames, ignore_index=True)
    first = ["dataset", "reading", "category", "count", "n", "missing", "share"]
    return _emit(table[first + [c for c in table.columns if c not in first]], args.output)


def cmd_data(args: argparse.Namespace) -> int:
    fetch.fetch_all(progress=lambda line: print(line, flush=True))
    print("wrote data/external/PROVENANCE.csv")
    texts = unsc.install()
    print(texts or f"--  {unsc.FOLDER}/ not in DATA_MIRROR: 'make council' will need it")
    return 0


def cmd_council(args: argparse.Namespace) -> int:
    if args.action == "show":
        if not args.situation:
            print("council show: give a situation_id, e.g. lby-2011", file=sys.stderr)
            return EXIT_USER_ERROR
        try:
            record = council.situation_record(args.situation)
        except ValueError as err:
            print(f"council show: {err}", file=sys.stderr)
            return EXIT_USER_ERROR
        print(council.format_record(record))
        return 0
    started = time.perf_counter()
    vetoes = _load_or_none("unsc_vetoes")
    tables = council.build(vetoes=vetoes)
    written = council.write(tables) + [council_card.write_card(tables, vetoes)]
    for path in written:
        print(f"wrote {paths.relative(path)}")
    print(f"council build: {time.perf_counter() - started:.1f} s")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    try:
        formats = export.parse_formats(args.format)
        files, notes = export.export(args.output, formats, force=args.force)
    except export.ExportError as err:
        print(err, file=sys.stderr)
        return EXIT_USER_ERROR
    for note in notes:
        print(note, file=sys.stderr)
    print(f"wrote {len(files)} files to {args.output} ({', '.join(formats)})", file=sys.stderr)
    return 0


COMMANDS = {"validate": cmd_validate, "classify": cmd_classify, "summary": cmd_summary,
            "sensitivity": cmd_sensitivity, "data": cmd_data, "export": cmd_export, "council": cmd_council}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except ValidationError as err:
        print(err, file=sys.stderr)
        return EXIT_USER_ERROR
    except (DataError, FileNotFoundError, IsADirectoryError, PermissionError) as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_USER_ERROR
    except BrokenPipeError:  # output piped into a reader that stopped early (e.g. `| head`)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
