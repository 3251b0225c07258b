"""The command-line interface: exit codes, messages, outputs, and the input left untouched."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

import pandas as pd
import pytest

from analysis import scope
from analysis.cli import main
from conftest import situation, write_csv


def run(*args):
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True)


def test_validate_ok_prints_population_counts():
    result = run("validate")
    assert result.returncode == 0, result.stderr
    assert "pop3 UCDP state-based conflict at war level" in result.stdout
    assert "outside any armed-conflict situation: 0" in result.stdout
    assert "pop5 mass killing" in result.stdout
    assert "outside any widespread situation: 0 (and" in result.stdout


def test_validate_reports_errors_and_exits_2(raw_copy):
    path = raw_copy / "situations.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",armed_conflict,", ",armed_confict,", 1),
                    encoding="utf-8")
    result = run("validate", str(raw_copy))
    assert result.returncode == 2
    assert "column 'context', value 'armed_confict': must be one of" in result.stderr
    assert "Traceback" not in result.stderr


def test_classify_writes_output_and_keeps_input(tmp_path, capsys):
    rows = [situation(), situation(situation_id="y-2000", context="peace", conflict_type="none",
                                   civilian_violence="none")]
    source = write_csv(tmp_path / "mine.csv", [dict(r, extra="kept") for r in rows])
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    assert main(["classify", str(source), "-o", str(tmp_path / "out.csv"), "--poc-reading", "narrow"]) == 0
    out = pd.read_csv(tmp_path / "out.csv", keep_default_na=False)
    assert out["category"].tolist() == ["poc_only", "neither"]
    assert out["extra"].tolist() == ["kept", "kept"]
    assert hashlib.sha256(source.read_bytes()).hexdigest() == digest


def test_classify_to_stdout(tmp_path):
    source = write_csv(tmp_path / "mine.csv", [situation(crimes_against_humanity="un")])
    result = run("classify", str(source), "--r2p-evidence", "judicial")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].endswith("poc,r2p,r2p_prevention,category,reasons")
    assert ",True,False,True,poc_only," in lines[1]


@pytest.mark.parametrize("args, message", [
    (["classify", "missing.csv"], "file not found"),
])
def test_classify_user_errors(tmp_path, args, message):
    result = run(*args)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_classify_refuses_to_overwrite_input(tmp_path):
    source = write_csv(tmp_path / "mine.csv", [situation()])
    before = source.read_bytes()
    result = run("classify", str(source), "-o", str(source))
    assert result.returncode == 2 and "refusing to overwrite" in result.stderr
    assert source.read_bytes() == before


def test_classify_bad_file_lists_every_problem(tmp_path):
    source = write_csv(tmp_path / "mine.csv", [situation(context="war"), situation(situation_id="y", genocide="x")])
    result = run("classify", str(source))
    assert result.returncode == 2
    assert "mine.csv:2: column 'context'" in result.stderr and "mine.csv:3: column 'genocide'" in result.stderr


def test_summary_prints_shares_by_decade():
    result = run("summary", "--poc-reading", "narrow")
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == "reading: POC narrow; R2P evidence >= un; war crimes systematic only"
    assert "by decade of start year:" in result.stdout


def test_sensitivity_writes_the_expert_grid(tmp_path, capsys):
    out = tmp_path / "grid.csv"
    assert main(["sensitivity", "--dataset", "expert", "-o", str(out)]) == 0
    grid = pd.read_csv(out)
    assert len(grid) == len(scope.ScopeRules.grid()) * len(scope.CATEGORIES)
    assert grid.columns[:7].tolist() == ["dataset", "reading", "category", "count", "n", "missing", "share"]
    assert grid.groupby("reading")["share"].sum().round(3).eq(1.0).all()


def test_outputs_never_go_into_data_raw(capsys):
    from analysis import paths

    before = sorted(p.name for p in paths.DATA_RAW.iterdir())
    assert main(["sensitivity", "--dataset", "expert", "-o", str(paths.DATA_RAW / "grid.csv")]) == 2
    assert "refusing to write into data/raw" in capsys.readouterr().err
    assert sorted(p.name for p in paths.DATA_RAW.iterdir()) == before


@pytest.mark.parametrize("target, message", [
    ("folder", "is a folder; give a file name"),
    ("missing/out.csv", "does not exist"),
    ("raw/sub/out.csv", "refusing to write into data/raw"),
])
def test_bad_output_paths_are_refused(tmp_path, raw_copy, capsys, monkeypatch, target, message):
    from analysis import paths

    (tmp_path / "folder").mkdir()
    (raw_copy / "sub").mkdir()
    monkeypatch.setattr(paths, "DATA_RAW", raw_copy)  # a copy of data/raw standing in for it
    assert main(["sensitivity", "--dataset", "expert", "-o", str(tmp_path / target)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not (tmp_path / "missing").exists() and list((tmp_path / "raw" / "sub").iterdir()) == []


def test_validate_given_a_file_is_a_clear_error(capsys):
    from analysis import paths

    assert main(["validate", str(paths.DATA_RAW / "situations.csv")]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_outputs_get_ordinary_permissions(tmp_path, capsys):
    out = tmp_path / "grid.csv"
    assert main(["sensitivity", "--dataset", "expert", "-o", str(out)]) == 0
    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask


def test_export_errors_exit_2_naming_the_file(tmp_path, capsys):
    (tmp_path / "situations.csv").write_text("x")
    assert main(["export", "-o", str(tmp_path), "--format", "csv"]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path / 'situations.csv'}: exists; refusing to overwrite without --force" in err
    assert main(["export", "-o", str(tmp_path), "--format", "csv,sav"]) == 2
    assert "--format csv,sav: unknown format sav; choose from csv, parquet, dta, xlsx" in capsys.readouterr().err
    assert (tmp_path / "situations.csv").read_text() == "x"


def test_council_show_prints_a_situation_record(capsys):
    assert main(["council", "show", "lby-2011"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("lby-2011:") and "S/RES/1970 (2011)" in out and "icc_referral" in out


def test_council_show_user_errors(capsys):
    assert main(["council", "show", "nowhere-1900"]) == 2
    assert "unknown situation_id" in capsys.readouterr().err
    assert main(["council", "show"]) == 2


def test_validate_names_a_tier_without_the_text_read_behind_it(raw_copy):
    path = raw_copy / "evidence.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    dropped = next(line for line in lines if line.startswith("syr-2011,crimes_against_humanity,"))
    path.write_text("".join(line for line in lines if line is not dropped), encoding="utf-8")
    result = run("validate", str(raw_copy))
    assert result.returncode == 2
    situations = (raw_copy / "situations.csv").read_text(encoding="utf-8").splitlines()
    row = next(i for i, line in enumerate(situations, start=1) if line.startswith("syr-2011,"))
    assert (f"situations.csv:{row}: column 'crimes_against_humanity', value 'judicial': a tier above 'none' needs "
            "the text read that backs it (a row of evidence.csv)") in result.stderr
