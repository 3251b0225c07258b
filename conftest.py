"""Shared pytest set-up for the library tests, the doctests and nbval.

Figures use the non-interactive ``agg`` backend everywhere, and nbval does not
compare what cells write to stderr (warnings and progress text are not results).
"""

import os

os.environ.setdefault("MPLBACKEND", "agg")
os.environ.setdefault("PYTHONHASHSEED", "0")

import matplotlib  # noqa: E402

matplotlib.use("agg")


def pytest_collectstart(collector):
    """Tell nbval to skip comparing stderr streams of notebook cells."""
    if collector.fspath and collector.fspath.ext == ".ipynb":
        collector.skip_compare += ("stderr",)
