"""The data package and the codebook as data: generated, committed equal, valid for frictionless."""

import json
import shutil

import pandas as pd
import pytest
from frictionless import Package

from analysis import package, paths, schema
from analysis.data import TABLES


def test_committed_datapackage_equals_the_generated_one():
    assert package.DATAPACKAGE.read_text(encoding="utf-8") == package.descriptor_text(), \
        "run 'python -m analysis.package' (make figures) and commit datapackage.json"


def test_committed_codebook_equals_the_generated_one():
    assert package.CODEBOOK.read_text(encoding="utf-8") == package.codebook_text(), \
        "run 'python -m analysis.package' (make figures) and commit data/codebook.csv"


def test_descriptor_carries_version_licence_and_keys():
    d = json.loads(package.DATAPACKAGE.read_text(encoding="utf-8"))
    assert d["version"] == schema.DATA_VERSION
    assert d["licenses"][0]["name"] == "CC-BY-4.0"
    assert d["contributors"] and d["sources"]
    resources = {r["name"]: r for r in d["resources"]}
    assert list(resources) == list(TABLES)
    assert resources["situations"]["schema"]["primaryKey"] == ["situation_id"]
    assert resources["missions"]["schema"]["primaryKey"] == ["acronym"]
    keys = resources["obligations"]["schema"]["foreignKeys"]
    assert {(k["fields"], k["reference"]["resource"]) for k in keys} == {("actor_id", "actors"),
                                                                          ("instrument_id", "instruments")}
    fields = {f["name"]: f for f in resources["situations"]["schema"]["fields"]}
    assert fields["context"]["constraints"]["enum"] == list(schema.CONTEXTS)
    assert fields["context"]["categories"][3] == {"value": "armed_conflict", "label": "armed conflict (IHL sense)"}
    assert "not a Frictionless foreign key" in fields["poc_missions"]["description"]
    assert fields["end_year"]["type"] == "integer" and "required" not in fields["end_year"]["constraints"]


@pytest.fixture(scope="module")
def report():
    return Package(str(package.DATAPACKAGE), basepath=str(paths.ROOT)).validate()


def test_frictionless_finds_no_error(report):
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:20]
    assert [task.name for task in report.tasks] == list(TABLES)


def test_frictionless_reports_a_broken_foreign_key(tmp_path):
    shutil.copytree(paths.DATA_RAW, tmp_path / "data" / "raw")
    shutil.copy(package.DATAPACKAGE, tmp_path)
    obligations = tmp_path / "data" / "raw" / "obligations.csv"
    text = obligations.read_text(encoding="utf-8")
    first = text.splitlines()[1]
    obligations.write_text(text.replace(first, first.replace(",host_state,", ",no_such_actor,", 1), 1),
                           encoding="utf-8")
    report = Package(str(tmp_path / "datapackage.json"), basepath=str(tmp_path)).validate()
    assert not report.valid
    errors = [(task.name, error.type, error.row_number) for task in report.tasks for error in task.errors]
    assert errors == [("obligations", "foreign-key", 2)]


def test_codebook_has_every_variable_and_value():
    book = pd.read_csv(package.CODEBOOK, dtype=str, keep_default_na=False)
    assert book.columns.tolist() == package.CODEBOOK_COLUMNS
    for table in TABLES:
        variables = book[(book.table == table) & (book.value == "")]
        assert variables["variable"].tolist() == [c.name for c in package.table_columns(table)]
        for column in package.table_columns(table):
            values = book[(book.table == table) & (book.variable == column.name) & (book.value != "")]
            assert dict(zip(values["value"], values["label"])) == dict(column.labels)
    # coding rules come from the codebook text
    rule = book.query("table == 'situations' and variable == 'end_year' and value == ''")["rule"].item()
    assert rule.startswith("The last year.")
    meaning = book.query("variable == 'genocide' and value == 'judicial'")["rule"].item()
    assert "arrest warrant" in meaning


def test_codebook_rules_from_markdown():
    lines = ["## 2. Codebook: `t.csv`", "", "| column | allowed values | coding rule |", "|---|---|---|",
             "| `colour` | `red`, `blue` | The **main** colour. |", "", "### `colour`", "",
             "| value | meaning |", "|---|---|", "| `red` | Like a rose. |", "",
             "* `size`: in cm,", "  measured flat.", "## 4. Classification rules (`analysis.scope`)",
             "* `category` is one of four."]
    variables, values = package.codebook_rules(lines)
    assert variables == {("t", "colour"): "The main colour.", ("t", "size"): "`size`: in cm, measured flat.",
                         (package.CLASSIFIED, "category"): "`category` is one of four."}
    assert values == {("t", "colour", "red"): "Like a rose."}
