"""analysis.external.registry: versions and citations of the registered datasets."""

from __future__ import annotations

import re

import pytest

from analysis import paths
from analysis.external import registry
from analysis.external.registry import REGISTRY, Dataset, Link, Source

#: The data mirror (DATA_MIRROR, else where CI puts it: shared/ beside the project).
MIRROR = paths.data_mirror() or paths.ROOT.parent / "shared" / "data" / "external"
#: The kinds of URL the mirror's SOURCES.csv names.
KINDS = {"publisher", "publisher_github", "maintainer_github", "third_party_copy"}


def test_data_version_and_cite():
    assert registry.data_version(["ucdp_acd", "pitf"]) == {"ucdp_acd": "25.1", "pitf": "2014"}
    bib = registry.cite(["ucdp_acd", "ucdp_brd"])
    assert bib.count("@article{davies2025organized") == 1
    assert "@article{gleditsch2002armed" in bib


def test_every_dataset_is_registered_once_by_its_publisher():
    assert len(REGISTRY) == 13
    with pytest.raises(ValueError, match="'pitf' is registered twice"):
        registry.register(REGISTRY["pitf"])


def test_citation_keys_in_order():
    assert REGISTRY["ucdp_acd"].citation_keys() == ["gleditsch2002armed", "davies2025organized"]
    assert isinstance(REGISTRY["gw_states"], Dataset)


def test_every_registered_file_has_direct_urls_and_a_pinned_sha256():
    for dataset in REGISTRY.values():
        assert sorted(s.file for s in dataset.sources) == sorted((dataset.file, *dataset.extra_files)), dataset.key
        for source in dataset.sources:
            assert re.fullmatch(r"[0-9a-f]{64}", source.sha256), source.file
            assert source.links and all(link.url.startswith("https://") for link in source.links), source.file
            assert {link.kind for link in source.links} <= KINDS, source.file
            assert all(link.kind == "publisher" for link in source.links if link.member), source.file
            github = [link for link in source.links if link.url.startswith(registry.GITHUB_RAW)]
            assert all(re.search(r"/[0-9a-f]{40}/", link.url) for link in github), source.file  # pinned commits


def test_url_and_member_are_those_of_the_first_link():
    acd = REGISTRY["ucdp_acd"]
    assert (acd.url, acd.member) == ("https://ucdp.uu.se/downloads/ucdpprio/ucdp-prio-acd-251-csv.zip",
                                     "UcdpPrioConflict_v25_1.csv")
    assert acd.source.links[1].kind == "third_party_copy" and acd.source.links[1].member is None
    assert REGISTRY["gw_states"].source.convert.__name__ == "gw_states_csv"


def test_sources_must_cover_the_file_and_its_extra_files():
    source = Source("demo/other.csv", (Link("https://example.org/other.csv", "publisher"),), "0" * 64)
    demo = Dataset("demo", "Demo", "1", "demo/demo.csv", "P", "p", "CC0", "@misc{d,}", ("a",), (1, 2),
                   sources=(source,))
    with pytest.raises(ValueError, match=r"'demo': sources cover \['demo/other.csv'\], not its file"):
        registry.register(demo)
    assert "demo" not in REGISTRY


@pytest.mark.skipif(not (MIRROR / "SHA256SUMS").exists(), reason=f"the data mirror {MIRROR} is absent")
def test_pinned_sha256_are_the_mirrors():
    sums = dict(line.split()[::-1] for line in (MIRROR / "SHA256SUMS").read_text().splitlines())
    for dataset in REGISTRY.values():
        for source in dataset.sources:
            assert sums["./" + source.file] == source.sha256, source.file
