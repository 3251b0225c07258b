"""Figures: every manifest entry exists and matches; a rebuild reproduces the hashes and the artefacts."""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest

from analysis import paths
from analysis.figures import artefacts, load_all
from analysis.figures.build import build


def manifest():
    return pd.read_csv(paths.FIGURES / "MANIFEST.csv")


def test_manifest_lists_every_registered_figure():
    files = set(manifest()["file"])
    for stem in load_all():
        assert {f"{stem}.pdf", f"{stem}.png", f"{stem}.csv"} <= files


@pytest.mark.parametrize("row", manifest().to_dict("records"), ids=lambda r: r["file"])
def test_manifest_entry_matches_file(row):
    path = paths.FIGURES / row["file"]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == row["sha256"]
    assert (paths.ROOT / row["notebook"]).exists()


def _hashes(*folders):
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest()
            for folder in folders for p in sorted(folder.rglob("*")) if p.is_file()}


def test_rebuild_reproduces_the_hashes_and_modifies_no_input(tmp_path):
    watched = (paths.DATA_RAW, paths.DATA_EXTERNAL, paths.FIGURES)
    before = _hashes(*watched)
    rebuilt = build(tmp_path / "figures")
    committed = manifest()
    assert rebuilt[["file", "sha256"]].values.tolist() == committed[["file", "sha256"]].values.tolist()
    assert _hashes(*watched) == before  # raw data, the publishers' files and the committed figures untouched
    written = {p.relative_to(tmp_path / "figures").as_posix() for p in (tmp_path / "figures").rglob("*")
               if p.is_file()}
    assert written == {"MANIFEST.csv", "README.md", *committed["file"],
                       *(f"networks/{p.name}" for p in (paths.FIGURES / "networks").iterdir())}
    assert [p.name for p in tmp_path.iterdir()] == ["figures"]  # no temporary leftovers


def test_every_figure_has_a_caption_with_its_parts():
    readme = (paths.FIGURES / "README.md").read_text()
    for stem, spec in load_all().items():
        assert stem in readme
        assert all(part in spec.caption() for part in ("**Answers:**", "**How to read:**", "**Does not show:**",
                                                        "**Made by:**"))


def test_artefacts_reproduce_the_committed_network_exports(tmp_path):
    written = [path for write in artefacts().values() for path in write(tmp_path)]
    committed = sorted((paths.FIGURES / "networks").iterdir())
    assert sorted(path.relative_to(tmp_path) for path in written) == [
        path.relative_to(paths.FIGURES) for path in committed]
    for path in written:
        assert path.read_bytes() == (paths.FIGURES / path.relative_to(tmp_path)).read_bytes(), path.name
