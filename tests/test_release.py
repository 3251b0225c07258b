"""The release records agree with the data version; a disagreement is named."""

import shutil

import pytest

from analysis import package, paths, release, schema

RECORDS = ("CITATION.cff", ".zenodo.json", "CHANGELOG.md", "datapackage.json", "data/codebook.csv")


@pytest.fixture
def records(tmp_path):
    for name in RECORDS:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(paths.ROOT / name, tmp_path / name)
    return tmp_path


def test_the_repository_records_agree():
    assert release.problems() == []


def test_citation_carries_the_data_version():
    fields = release.cff_fields((paths.ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert fields["version"] == schema.DATA_VERSION and fields["date-released"] == "2026-12-07"
    assert release.changelog_head(release.CHANGELOG.read_text(encoding="utf-8")) == (schema.DATA_VERSION,
                                                                                    "2026-12-07")


@pytest.mark.parametrize("name, old, new, message", [
    ("CITATION.cff", f"version: {schema.DATA_VERSION}", "version: 9.9.9", "CITATION.cff version: '9.9.9'"),
    (".zenodo.json", '"publication_date": "2026-12-07"', '"publication_date": "2026-12-08"',
     ".zenodo.json publication_date: '2026-12-08'"),
    ("CHANGELOG.md", f"## [{schema.DATA_VERSION}]", "## [9.9.9]", "CHANGELOG.md first release: '9.9.9'"),
    ("datapackage.json", f'"version": "{schema.DATA_VERSION}"', '"version": "0.9.0"', "datapackage.json: differs"),
])
def test_a_disagreement_is_named(records, name, old, new, message):
    path = records / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    found = release.problems(records)
    assert any(p.startswith(message) for p in found), found


def test_data_changelog_must_list_the_version(records):
    (records / "data" / "changelog.csv").write_text("version,situation_id,change\n0.9.0,x,added\n")
    assert f"data/changelog.csv: lists no change for version {schema.DATA_VERSION}" in release.problems(records)
    assert package.LICENCE["name"] == "CC-BY-4.0"
