"""Exports read back equal to the source tables, labels included; overwrites refused; bundles reproducible."""

import io
import zipfile

import pandas as pd
import pytest
from frictionless import Package
from pandas.testing import assert_frame_equal

from analysis import export, package, paths, scope
from analysis.data import TABLES


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """Every table but the panel (which needs data/external and takes seconds) in every format."""
    folder = tmp_path_factory.mktemp("export")
    named, _ = export.tables(with_panel=False)
    return folder, export.write(folder, named, export.FORMATS), named


def test_every_file_is_written(exported):
    folder, files, named = exported
    assert list(named) == [*TABLES, "situations_default", "situations_narrow", "council_resolutions",
                           "council_statements", "council_drafts", "network_nodes", "network_edges"]
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in files)


def test_csv_of_the_project_tables_equals_data_raw(exported):
    folder, _, _ = exported
    for spec in TABLES.values():
        assert (folder / spec.name).read_bytes() == (paths.DATA_RAW / spec.name).read_bytes(), spec.name


def test_csv_read_back(exported):
    folder, _, named = exported
    for name, table in named.items():
        back = pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)
        assert back.equals(table.frame.astype(str).replace({"<NA>": ""})), name


def test_exported_package_validates(exported):
    folder, _, _ = exported
    report = Package(str(folder / "datapackage.json"), basepath=str(folder)).validate()
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type"])[:10]


def test_parquet_read_back_is_typed_and_equal(exported):
    folder, _, named = exported
    for name, table in named.items():
        assert_frame_equal(pd.read_parquet(folder / f"{name}.parquet"), table.frame, obj=name)
    back = pd.read_parquet(folder / "situations_default.parquet")
    assert str(back["end_year"].dtype) == "Int64" and back["poc"].dtype == bool


def _from_stata(back: pd.DataFrame, table: export.Table) -> pd.DataFrame:
    """Undo the Stata coding with the table's own labels: codes -> values, 0/1 -> booleans."""
    out = back.copy()
    for column, source in table.frame.items():
        if column in table.value_labels:
            vocabulary = list(table.value_labels[column])
            out[column] = back[column].map(lambda v: "" if pd.isna(v) else vocabulary[int(v)])
            out[column] = out[column].where(source.notna(), source)
        elif pd.api.types.is_bool_dtype(source):
            out[column] = back[column].astype(source.dtype)
        elif pd.api.types.is_integer_dtype(source):
            out[column] = back[column].astype(source.dtype)
    return out


def test_stata_read_back_with_labels(exported):
    folder, _, named = exported
    for name, table in named.items():
        path = folder / f"{name}.dta"
        back = pd.read_stata(path, convert_categoricals=False)
        assert_frame_equal(_from_stata(back, table), table.frame, obj=name)
        with pd.io.stata.StataReader(path) as reader:
            variable_labels, value_labels = reader.variable_labels(), reader.value_labels()
        expected = {c: table.variable_labels.get(c, "") for c in table.frame.columns}
        assert variable_labels == expected, name
        coded = {c: dict(enumerate(labels.values())) for c, labels in table.value_labels.items()}
        booleans = {c: export.BOOLEAN_LABELS for c in table.frame.columns
                    if pd.api.types.is_bool_dtype(table.frame[c])}
        assert value_labels == {**coded, **booleans}, name


def test_stata_labels_read_as_the_schema_labels(exported):
    folder, _, _ = exported
    back = pd.read_stata(folder / "situations_default.dta")  # value labels applied
    source = pd.read_csv(folder / "situations_default.csv", dtype=str, keep_default_na=False)
    assert back["category"].tolist() == source["category"].map(scope.CATEGORY_LABELS).tolist()
    assert back["genocide"].iloc[0] == "no evidence found"


def test_excel_read_back_with_codebook_sheet(exported):
    folder, _, named = exported
    sheets = pd.read_excel(folder / export.WORKBOOK, sheet_name=None, dtype=str, keep_default_na=False)
    assert list(sheets) == [*named, "codebook"]
    for name, table in named.items():
        source = table.frame.astype(str).replace({"<NA>": ""})
        assert sheets[name].equals(source), name
    assert sheets["codebook"].equals(package.codebook()), "codebook sheet"


def test_binary_exports_do_not_depend_on_the_clock(monkeypatch):
    table = export.Table(pd.DataFrame({"context": ["peace"], "n": [1]}), {"n": "A number"},
                         {"context": {"peace": "peace"}})
    book = pd.DataFrame({"table": ["t"]})
    first = export.workbook_bytes({"t": table}, book)
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert b"<dcterms:modified" in archive.read("docProps/core.xml")
        assert export.STAMP.strftime("%Y-%m-%dT%H:%M:%SZ").encode() in archive.read("docProps/core.xml")
    streams = [io.BytesIO(), io.BytesIO()]
    for stream in streams:
        export.write_dta(table, stream)
    assert streams[0].getvalue() == streams[1].getvalue()


def test_refuses_to_overwrite_without_force(exported):
    folder, _, _ = exported
    with pytest.raises(export.ExportError, match=r"situations\.csv: exists; refusing to overwrite without --force"):
        export.export(folder, ("csv",), with_panel=False)
    export._check_folder(folder, export.targets(folder, ("csv",), ["situations"]), force=True)


@pytest.mark.parametrize("text, message", [("csv,foo", "unknown format foo"), (",", r"unknown format \(none\)")])
def test_unknown_formats_are_refused(text, message):
    with pytest.raises(export.ExportError, match=message):
        export.parse_formats(text)


def test_refuses_data_raw_and_files(tmp_path):
    with pytest.raises(export.ExportError, match="refusing to write into data/raw"):
        export.export(paths.DATA_RAW / "out", ("csv",), with_panel=False)
    (tmp_path / "file").write_text("x")
    with pytest.raises(export.ExportError, match="not a folder"):
        export.export(tmp_path / "file", ("csv",), with_panel=False)


def test_bundle_is_sorted_and_timeless(tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    for name in ("b.csv", "a.dta"):
        (folder / name).write_text(name)
    first = export.bundle(folder, tmp_path / "a" / "b.zip", [paths.ROOT / "CITATION.cff"])
    second = export.bundle(folder, tmp_path / "c" / "b.zip", [paths.ROOT / "CITATION.cff"])
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        names = archive.namelist()
        assert names == ["b/CITATION.cff", "b/a.dta", "b/b.csv"]
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_panel_is_skipped_with_a_note_when_external_data_are_missing(monkeypatch):
    def missing():
        raise export.DataError("data/external/ucdp/x.csv: missing; run 'make data'")

    monkeypatch.setattr(export.panel, "build_panel", missing)
    table, note = export.panel_table()
    assert table is None and note.startswith("panel: skipped") and "make data" in note


def test_missing_verdicts_survive_stata_and_parquet(tmp_path):
    """The panel's nullable booleans and missing categories (hand-made rows: the panel needs data/external)."""
    frame = pd.DataFrame({"year": pd.array([1989, 1990], dtype="Int64"),
                          "poc": pd.array([True, pd.NA], dtype="boolean"),
                          "category": ["both", None], "reasons": ["x" * 300, ""]})
    table = export.Table(frame, {"poc": "POC"}, {"category": dict(scope.CATEGORY_LABELS)})
    export.write_dta(table, tmp_path / "p.dta")
    back = pd.read_stata(tmp_path / "p.dta", convert_categoricals=False)
    assert_frame_equal(_from_stata(back, table), frame)
    frame.to_parquet(tmp_path / "p.parquet", index=False)
    assert_frame_equal(pd.read_parquet(tmp_path / "p.parquet"), frame)


def test_every_variable_label_fits_stata():
    """Stata refuses a variable label over 80 characters: the panel's, the Council's and the network's too."""
    for labels in (export.PANEL_LABELS, export.COUNCIL_LABELS, export.NETWORK_LABELS):
        assert all(len(label) <= 80 for label in labels.values()), [k for k, v in labels.items() if len(v) > 80]
