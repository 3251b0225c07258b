"""Bad input gets a clear error naming file, line, column, value and rule."""

from __future__ import annotations

import pytest

from analysis import data, schema
from analysis.validation import ValidationError, read_raw
from conftest import situation, write_csv


def problems_for(path):
    _, problems = read_raw(path, schema.SITUATIONS)
    return problems


@pytest.mark.parametrize("content, rule", [
    (b"", "file is empty"),
    (",".join(schema.SITUATIONS.names).encode() + b"\n", "file has a header but no rows"),
    (";".join(schema.SITUATIONS.names).encode() + b"\n", "separated by semicolons"),
    (b"situation_id,name\nx-1,X\n", "required column is missing"),
])
def test_file_level_problems(tmp_path, content, rule):
    path = tmp_path / "s.csv"
    path.write_bytes(content)
    assert any(rule in p.rule for p in problems_for(path))


def test_byte_order_mark_is_accepted(tmp_path):
    path = write_csv(tmp_path / "s.csv", [situation()])
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    frame = data.check_user_situations(path)
    assert frame["situation_id"].tolist() == ["x-2000"]


def test_non_utf8_bytes_are_located(tmp_path):
    path = write_csv(tmp_path / "s.csv", [situation(), situation(situation_id="y-2000", name="Zoe")])
    path.write_bytes(path.read_bytes().replace(b"Zoe", b"Zo\xe9"))
    found = [p for p in problems_for(path) if "UTF-8" in p.rule]
    assert [(p.line, p.value) for p in found] == [(3, "\\xe9")]


def test_duplicated_columns_and_ids(tmp_path):
    row = situation()
    path = tmp_path / "s.csv"
    header = schema.SITUATIONS.names + ["notes"]
    path.write_text(",".join(header) + "\n" + ",".join(row[c] for c in schema.SITUATIONS.names) + ",x\n"
                    + ",".join(row[c] for c in schema.SITUATIONS.names) + ",x\n")
    rules = {p.rule for p in problems_for(path)}
    assert "duplicated column (positions 18 and 19)" in rules
    assert "duplicate id (first on line 2)" in rules


def test_every_problem_is_reported_at_once(tmp_path):
    rows = [situation(context="war"), situation(situation_id="y-2000", start_year="1900"),
            situation(situation_id="Bad Id", genocide="yes")]
    path = write_csv(tmp_path / "s.csv", rows)
    with pytest.raises(ValidationError) as err:
        data.check_user_situations(path)
    located = {(p.line, p.column) for p in err.value.problems}
    assert {(2, "context"), (3, "start_year"), (4, "situation_id"), (4, "genocide")} <= located
    text = str(err.value)
    assert "s.csv:2: column 'context', value 'war': must be one of" in text


def test_wrong_types(tmp_path):
    path = write_csv(tmp_path / "s.csv", [situation(gwno="abc", start_year="2000.5")])
    got = {(p.column, p.value) for p in problems_for(path)}
    assert {("gwno", "abc"), ("start_year", "2000.5")} <= got


def test_ragged_row(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text(",".join(schema.SITUATIONS.names) + "\na,b\n")
    assert any("row has 2 fields" in p.rule and p.line == 2 for p in problems_for(path))


def test_quoted_newlines_keep_line_numbers(tmp_path):
    rows = [situation(notes="two\nlines"), situation(situation_id="y-2000", context="war")]
    path = write_csv(tmp_path / "s.csv", rows)
    bad = [p for p in problems_for(path) if p.column == "context"]
    assert bad[0].line == 4
