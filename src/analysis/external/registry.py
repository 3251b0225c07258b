"""The registry of external datasets: what each file is, where it comes from, how to cite it.

One :class:`Dataset` per publisher's file: title, version, path under
``data/external``, publisher, download, licence, BibTeX (kept as data, as the
publisher gives it), the columns the suite relies on, the row counts accepted
on arrival, and the normaliser that fixes the publisher's known quirks.

This module knows nothing of the publishers. Each publisher's module
(:mod:`analysis.external.ucdp`, ``ewp``, ``pitf``, ``un``,
:mod:`analysis.external.countries` for the Gleditsch-Ward list) defines its
entries next to its normalisers and adapters and adds them with
:func:`register`; ``analysis/external/__init__.py`` imports every publisher's
module, so :data:`REGISTRY` is complete whenever any part of the package is
imported. The imports run one way: registry <- load <- fetch, registry <- load
<- publishers <- package ``__init__``.

:func:`data_version` and :func:`cite` report the versions and BibTeX of the
datasets, like peacesciencer's ``ps_version()`` and ``ps_cite()``.

Examples
--------
>>> data_version()["ucdp_acd"]
'25.1'
>>> print(cite(["ucdp_acd"]).splitlines()[0])
@article{gleditsch2002armed,
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd

from .. import paths


class DataError(RuntimeError):
    """An external dataset is missing, truncated or of the wrong version."""


@dataclass(frozen=True)
class Dataset:
    """One external dataset file and what it must look like.

    ``normalise`` takes the frame as read and checked, and the dataset, and
    returns the frame with the publisher's known quirks fixed (see
    :func:`analysis.external.load.normalise`); None: read as published.

    Examples
    --------
    >>> d = Dataset("demo", "Demo data", "1.0", "demo/demo.csv", "Nobody", "https://example.org", None, None,
    ...             "CC0", "@misc{demo, title = {Demo}}", ("a",), (1, 10))
    >>> d.path.relative_to(paths.DATA_EXTERNAL).as_posix()
    'demo/demo.csv'
    >>> d.how_to_obtain().split(", or ")[0]
    "obtain 'demo/demo.csv' (Demo data 1.0) from https://example.org"
    """

    key: str
    title: str
    version: str
    file: str  # path under data/external (same layout as the mirror)
    publisher: str
    page: str  # the publisher's page for the dataset
    url: str | None  # direct download (None: download by hand from ``page``)
    member: str | None  # file inside a zip download
    licence: str
    bibtex: str
    columns: tuple[str, ...]
    rows: tuple[int, int]
    version_column: str | None = None
    version_value: str | None = None
    read_options: dict = field(default_factory=dict)
    extra_files: tuple[str, ...] = ()
    comment_lines: bool = False  # lines starting with '#' are comments, not rows
    normalise: Callable[[pd.DataFrame, Dataset], pd.DataFrame] | None = None

    @property
    def path(self) -> Path:
        return paths.DATA_EXTERNAL / self.file

    def how_to_obtain(self) -> str:
        where = self.url or self.page
        return (f"obtain '{self.file}' ({self.title} {self.version}) from {where}"
                f"{' (file ' + self.member + ' in the zip)' if self.member else ''}, or set DATA_MIRROR to a "
                "folder holding a copy, then run 'make data'")

    def citation_keys(self) -> list[str]:
        """The BibTeX keys of the dataset's entries, in order.

        Examples
        --------
        >>> Dataset("demo", "Demo", "1", "d.csv", "P", "p", None, None, "CC0",
        ...         "@misc{a,\\n}\\n@article{b,\\n}", ("x",), (1, 2)).citation_keys()
        ['a', 'b']
        """
        return [_entry_key(entry) for entry in _entries(self.bibtex)]


#: Every registered dataset by key (filled by the publishers' modules through :func:`register`).
REGISTRY: dict[str, Dataset] = {}


def register(*datasets: Dataset) -> None:
    """Add publisher's datasets to :data:`REGISTRY`; a key registered twice is an error."""
    for dataset in datasets:
        if dataset.key in REGISTRY:
            raise ValueError(f"dataset {dataset.key!r} is registered twice")
        REGISTRY[dataset.key] = dataset


def _entries(bibtex: str) -> list[str]:
    """The BibTeX entries of a text, each starting with '@'."""
    parts = bibtex.strip().split("\n@")
    return [entry if entry.startswith("@") else "@" + entry for entry in parts if "{" in entry]


def _entry_key(entry: str) -> str:
    return entry.split("{", 1)[1].split(",", 1)[0]


def data_version(datasets: list[str] | None = None) -> dict[str, str]:
    """Return ``{dataset: version}`` for the registered datasets (or those named)."""
    keys = datasets or sorted(REGISTRY)
    return {k: REGISTRY[k].version for k in keys}


def cite(datasets: list[str] | None = None) -> str:
    """Return the BibTeX entries for *datasets* (all when None), each entry once."""
    seen, out = set(), []
    for key in datasets or sorted(REGISTRY):
        for entry in _entries(REGISTRY[key].bibtex):
            name = _entry_key(entry)
            if name not in seen:
                seen.add(name)
                out.append(entry.strip())
    return "\n\n".join(out) + "\n"
