"""analysis.external.registry: versions and citations of the registered datasets."""

from __future__ import annotations

import pytest

from analysis.external import registry
from analysis.external.registry import REGISTRY, Dataset


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
