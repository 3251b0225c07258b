"""Data cards: one peacesciencer-style card per registered external dataset.

The text of ``data/external/README.md`` is :func:`data_cards` (a test keeps
the committed file equal to it). A card names the figures that use the
dataset, so this module belongs to the presentation layer: it reads the
registry (:mod:`analysis.external.registry`) and the figure specs
(:func:`analysis.figures.load_all`); nothing below it imports it.
"""

from __future__ import annotations

from pathlib import Path

from . import atomic, paths
from .external.registry import REGISTRY
from .figures import load_all


def data_card(key: str) -> str:
    """A peacesciencer-style data card for one registered dataset, in Markdown.

    Source, version, file, licence, the columns the suite relies on, the row
    count accepted on arrival, what the loader normalises (the first line of its
    normaliser's docstring), the figures that use it, and the citation keys.

    Examples
    --------
    >>> print(data_card("ucdp_acd").splitlines()[0])
    ## ucdp_acd: UCDP/PRIO Armed Conflict Dataset 25.1
    """
    d = REGISTRY[key]
    fix = d.normalise
    normalised = (fix.__doc__ or "").strip().splitlines()[0] if fix else "nothing (read as published)"
    figures = sorted(spec.stem for spec in load_all().values() if key in spec.datasets)
    version_check = (f"; column `{d.version_column}` must hold `{d.version_value}`" if d.version_column else "")
    return "\n".join([
        f"## {key}: {d.title} {d.version}", "",
        f"- **Source:** {d.publisher}; {d.page}",
        f"- **Download:** {d.url or 'no direct file URL: download by hand from the page above'}"
        + (f" (file `{d.member}` in the zip)" if d.member else ""),
        f"- **File:** `data/external/{d.file}`" + (f" (also {', '.join('`' + e + '`' for e in d.extra_files)})"
                                                   if d.extra_files else ""),
        f"- **Licence / terms:** {d.licence}",
        f"- **Columns relied on:** {', '.join('`' + c + '`' for c in d.columns)}",
        f"- **Checked on arrival:** {d.rows[0]:,}-{d.rows[1]:,} rows{version_check}",
        f"- **Normalised by the loader:** {normalised}",
        f"- **Used in figures:** {', '.join(figures) if figures else 'none (used by the library and notebooks)'}",
        f"- **Cite:** {', '.join(d.citation_keys())} (`analysis.cite(['{key}'])`)", ""])


def data_cards() -> str:
    """The data cards of every registered dataset: the text of ``data/external/README.md``."""
    head = ("# data/external: data cards\n\n"
            "Publishers' datasets, never committed (git ignores everything here but this file). `make data` "
            "fills the folder from `DATA_MIRROR` or the official URLs, checks each file and writes "
            "`PROVENANCE.csv` (file, sha256, origin, version). One card per dataset follows, generated from "
            "the registry in `src/analysis/external/` (one module per publisher) by "
            "`analysis.datacards.data_cards()` (a test keeps this file equal to it). Cite the publishers, "
            "not a mirror.\n\n")
    return head + "\n".join(data_card(key) for key in sorted(REGISTRY))


def write(path: Path | None = None) -> bool:
    """Write the data cards to ``data/external/README.md`` (``make figures``); True if the file changed."""
    return atomic.write_if_changed(Path(path or paths.DATA_EXTERNAL / "README.md"), data_cards())


if __name__ == "__main__":
    print(f"{'wrote' if write() else 'unchanged'}  data/external/README.md")
