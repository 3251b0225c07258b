"""The schema's labels: every variable has a short label, every coded value one label (one place for both)."""

import re

import pytest

from analysis import package, schema
from analysis.data import TABLES


@pytest.mark.parametrize("table", list(TABLES))
def test_every_column_has_a_short_label(table):
    for column in package.table_columns(table):
        assert column.label, (table, column.name)
        assert len(column.label) <= 80, (table, column.name)  # Stata's limit for variable labels


@pytest.mark.parametrize("table", list(TABLES))
def test_coded_columns_label_exactly_their_values(table):
    for column in package.table_columns(table):
        if column.kind == "enum":
            assert tuple(column.labels) == column.allowed, (table, column.name)
            assert all(0 < len(label) <= 80 for label in column.labels.values())
        else:
            assert not column.labels


def test_data_version_is_semantic():
    assert re.fullmatch(r"\d+\.\d+\.\d+", schema.DATA_VERSION)
