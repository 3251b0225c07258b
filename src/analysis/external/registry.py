"""The registry of external datasets: what each file is, where it comes from, how to cite it.

One :class:`Dataset` per publisher's file: title, version, path under
``data/external``, publisher, licence, BibTeX (kept as data, as the publisher
gives it), the columns the suite relies on, the row counts accepted on arrival,
the normaliser that fixes the publisher's known quirks, and one :class:`Source`
per file it puts into ``data/external`` (the file itself and its
``extra_files``): the direct URLs in order (:class:`Link`: the publisher's
first, a copy pinned at a fixed commit as the fallback), the zip member or the
conversion to take, and the sha256 of the final file. The registry is the
source of truth for the downloads (:mod:`analysis.external.fetch`).

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


#: Where public GitHub repositories serve a file at a fixed commit: ``GITHUB_RAW + "owner/repo/commit/path"``.
GITHUB_RAW = "https://raw.githubusercontent.com/"


@dataclass(frozen=True)
class Link:
    """One direct URL from which a plain HTTP GET fetches a file.

    ``kind``: ``publisher``, ``publisher_github``, ``maintainer_github`` or
    ``third_party_copy`` (a public repository's copy at a fixed commit).
    ``member``: the file to take from a zip download (None: the download is the file).

    Examples
    --------
    >>> Link("https://example.org/demo.zip", "publisher", "demo.csv").member
    'demo.csv'
    """

    url: str
    kind: str
    member: str | None = None


@dataclass(frozen=True)
class Source:
    """Where one file of ``data/external`` comes from and what its bytes must be.

    ``links`` are tried in order (the publisher's first, the pinned copy as the
    fallback). ``convert`` turns the downloaded bytes (a zip member already
    taken out) into the file's bytes, e.g. a spreadsheet's sheet into CSV (None:
    the download is the file). ``sha256`` is that of the final file.

    Examples
    --------
    >>> s = Source("demo/demo.csv", (Link("https://example.org/demo.csv", "publisher"),), "0" * 64)
    >>> s.links[0].url, s.convert is None
    ('https://example.org/demo.csv', True)
    """

    file: str  # path under data/external
    links: tuple[Link, ...]
    sha256: str
    convert: Callable[[bytes], bytes] | None = None

    @property
    def path(self) -> Path:
        return paths.DATA_EXTERNAL / self.file


@dataclass(frozen=True)
class Dataset:
    """One external dataset file and what it must look like.

    ``normalise`` takes the frame as read and checked, and the dataset, and
    returns the frame with the publisher's known quirks fixed (see
    :func:`analysis.external.load.normalise`); None: read as published.
    ``sources`` holds one :class:`Source` for ``file`` and one for each of
    ``extra_files``; :attr:`url` and :attr:`member` are those of the file's
    first link.

    Examples
    --------
    >>> link = Link("https://example.org/demo.zip", "publisher", "demo.csv")
    >>> d = Dataset("demo", "Demo data", "1.0", "demo/demo.csv", "Nobody", "https://example.org",
    ...             "CC0", "@misc{demo, title = {Demo}}", ("a",), (1, 10),
    ...             sources=(Source("demo/demo.csv", (link,), "0" * 64),))
    >>> d.path.relative_to(paths.DATA_EXTERNAL).as_posix()
    'demo/demo.csv'
    >>> d.how_to_obtain().split(", or ")[0]
    "obtain 'demo/demo.csv' (Demo data 1.0) from https://example.org/demo.zip (file demo.csv in the zip)"
    """

    key: str
    title: str
    version: str
    file: str  # path under data/external (same layout as the mirror)
    publisher: str
    page: str  # the publisher's page for the dataset
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
    sources: tuple[Source, ...] = ()  # one per file: ``file`` and each of ``extra_files``

    @property
    def path(self) -> Path:
        return paths.DATA_EXTERNAL / self.file

    @property
    def source(self) -> Source | None:
        """The :class:`Source` of the dataset's own ``file`` (None: not registered)."""
        return next((s for s in self.sources if s.file == self.file), None)

    @property
    def url(self) -> str | None:
        """The first direct URL of the dataset's file (None: none registered)."""
        return self.source.links[0].url if self.source else None

    @property
    def member(self) -> str | None:
        """The zip member taken from :attr:`url` (None: the download is the file)."""
        return self.source.links[0].member if self.source else None

    def how_to_obtain(self) -> str:
        where = self.url or self.page
        return (f"obtain '{self.file}' ({self.title} {self.version}) from {where}"
                f"{' (file ' + self.member + ' in the zip)' if self.member else ''}, or set DATA_MIRROR to a "
                "folder holding a copy, then run 'make data'")

    def citation_keys(self) -> list[str]:
        """The BibTeX keys of the dataset's entries, in order.

        Examples
        --------
        >>> Dataset("demo", "Demo", "1", "d.csv", "P", "p", "CC0",
        ...         "@misc{a,\\n}\\n@article{b,\\n}", ("x",), (1, 2)).citation_keys()
        ['a', 'b']
        """
        return [_entry_key(entry) for entry in _entries(self.bibtex)]


#: Every registered dataset by key (filled by the publishers' modules through :func:`register`).
REGISTRY: dict[str, Dataset] = {}


def register(*datasets: Dataset) -> None:
    """Add publisher's datasets to :data:`REGISTRY`.

    A key registered twice is an error, and so is a dataset whose sources do
    not cover exactly its file and its extra files.
    """
    for dataset in datasets:
        if dataset.key in REGISTRY:
            raise ValueError(f"dataset {dataset.key!r} is registered twice")
        covered = sorted(s.file for s in dataset.sources)
        if dataset.sources and covered != sorted((dataset.file, *dataset.extra_files)):
            raise ValueError(f"dataset {dataset.key!r}: sources cover {covered}, not its file and extra files")
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
