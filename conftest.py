"""Shared pytest set-up for the library tests, the doctests and nbval.

Figures use the non-interactive ``agg`` backend everywhere, and nbval does not
compare what cells write to stderr (warnings and progress text are not results).
"""

import os

os.environ.setdefault("MPLBACKEND", "agg")
os.environ.setdefault("PYTHONHASHSEED", "0")

import matplotlib  # noqa: E402
import pytest  # noqa: E402

from analysis import paths  # noqa: E402

matplotlib.use("agg")


def pytest_collectstart(collector):
    """Tell nbval to skip comparing stderr streams of notebook cells."""
    if collector.fspath and collector.fspath.ext == ".ipynb":
        collector.skip_compare += ("stderr",)


def _needs_external_data() -> None:
    """Skip the rest of a doctest when the publishers' datasets have not been fetched (``make data``)."""
    if not (paths.DATA_EXTERNAL / "PROVENANCE.csv").exists():
        pytest.skip("needs data/external: run 'make data'")


@pytest.fixture(autouse=True)
def _doctest_helpers(doctest_namespace):
    """Names every doctest can use: ``needs_external_data()`` skips an example that reads publishers' data."""
    doctest_namespace["needs_external_data"] = _needs_external_data
