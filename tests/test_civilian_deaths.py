"""Shape checks for data/raw/civilian_deaths.csv (codebook: data/README.md section 3)."""

import csv

from analysis import paths

COLUMNS = ["situation_id", "best", "low", "high", "period", "source_id", "note"]


def _rows(name):
    with open(paths.DATA_RAW / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_one_row_for_every_situation_outside_armed_conflict():
    with open(paths.DATA_RAW / "civilian_deaths.csv", newline="", encoding="utf-8") as handle:
        assert next(csv.reader(handle)) == COLUMNS
    ids = [row["situation_id"] for row in _rows("civilian_deaths.csv")]
    assert len(ids) == len(set(ids))
    context = {row["situation_id"]: row["context"] for row in _rows("situations.csv")}
    outside = {sid for sid, ctx in context.items() if ctx != "armed_conflict"}
    assert outside <= set(ids) <= set(context)


def test_counts_are_ordered_integers_with_a_cited_source_and_a_note():
    sources = {row["source_id"] for row in _rows("sources.csv")}
    for row in _rows("civilian_deaths.csv"):
        assert row["source_id"] in sources, row["situation_id"]
        assert row["note"].strip(), row["situation_id"]
        values = {key: row[key] for key in ("best", "low", "high")}
        assert all(v == "" or v.isdigit() for v in values.values()), row["situation_id"]
        if row["best"] == "":  # unknown: no bounds, no period, the note says why
            assert row["low"] == row["high"] == row["period"] == "", row["situation_id"]
            assert row["note"].startswith("Unknown"), row["situation_id"]
            continue
        best = int(row["best"])
        assert row["low"] == "" or int(row["low"]) <= best, row["situation_id"]
        assert row["high"] == "" or best <= int(row["high"]), row["situation_id"]
        first, _, last = row["period"].partition("-")
        assert first.isdigit() and (last == "" or int(first) <= int(last)), row["situation_id"]
