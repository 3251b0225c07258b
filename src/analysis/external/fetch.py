"""Putting the external datasets into ``data/external``, checked, with their provenance.

The publishers' datasets are never committed. ``make data`` (:func:`fetch_all`)
puts each registered file into ``data/external/``: copied from a local mirror
when ``DATA_MIRROR`` is set, otherwise downloaded from the publisher's official
URL (:func:`download`). Every file is checked on arrival
(:func:`analysis.external.load.check_file`) and recorded in
``data/external/PROVENANCE.csv`` with its sha256 and origin
(:func:`provenance`). A missing, truncated or wrong-version file stops the
build with a message naming the file and how to obtain it.

This module imports :mod:`~analysis.external.registry` and
:mod:`~analysis.external.load`; nothing in the package imports it but the
command line.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import urllib.request
import zipfile
from pathlib import Path

import pandas as pd

from .. import atomic, paths
from .load import check_file
from .registry import REGISTRY, DataError, Dataset


def sha256(path: Path) -> str:
    """The sha256 of a file, read in blocks.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "empty"
    >>> _ = path.write_bytes(b"")
    >>> sha256(path)[:16]
    'e3b0c44298fc1c14'
    """
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def download(dataset: Dataset, target: Path) -> str:
    """Download *dataset* from its official URL (the member of a zip) to *target*; return the URL."""
    if not dataset.url:
        raise DataError(f"{dataset.file}: no direct download; {dataset.how_to_obtain()}")
    try:
        with urllib.request.urlopen(dataset.url, timeout=60) as response:  # noqa: S310 - official URL
            payload = response.read()
    except Exception as err:  # noqa: BLE001
        raise DataError(f"{dataset.file}: download failed ({err}); {dataset.how_to_obtain()}") from err
    if dataset.member:
        with zipfile.ZipFile(io.BytesIO(payload)) as archive:
            names = [n for n in archive.namelist() if n.endswith(dataset.member)]
            if not names:
                raise DataError(f"{dataset.file}: {dataset.member} not in the download; {dataset.how_to_obtain()}")
            payload = archive.read(names[0])
    atomic.write_bytes(target, payload)
    return dataset.url


def fetch(dataset: Dataset, mirror: Path | None = None) -> dict:
    """Put one dataset into ``data/external`` (from *mirror* or by download) and check it.

    A file already present is re-checked and kept. Returns its provenance row.
    """
    target = dataset.path
    origin = "already present"
    if not target.exists():
        if mirror is not None:
            source = mirror / dataset.file
            if not source.exists():
                raise DataError(f"{paths.relative(source)}: not in the mirror; {dataset.how_to_obtain()}")
            with atomic.atomic_write(target, "wb") as handle, open(source, "rb") as src:
                shutil.copyfileobj(src, handle)
            origin = f"mirror:{dataset.file}"
        else:
            origin = download(dataset, target)
    for extra in dataset.extra_files:
        extra_target = paths.DATA_EXTERNAL / extra
        if mirror is not None and not extra_target.exists() and (mirror / extra).exists():
            atomic.write_bytes(extra_target, (mirror / extra).read_bytes())
    check_file(dataset)
    return {"dataset": dataset.key, "file": dataset.file, "version": dataset.version,
            "sha256": sha256(target), "origin": origin if origin != "already present" else _previous_origin(dataset),
            "licence": dataset.licence}


def provenance() -> Path:
    """The provenance table ``data/external/PROVENANCE.csv`` (file, sha256, origin, version, licence)."""
    return paths.DATA_EXTERNAL / "PROVENANCE.csv"


def _previous_origin(dataset: Dataset) -> str:
    if provenance().exists():
        table = pd.read_csv(provenance(), dtype=str)
        hit = table.loc[table["file"] == dataset.file, "origin"]
        if len(hit):
            return str(hit.iloc[0])
    return "present before fetch"


def fetch_all(mirror: Path | None = None) -> pd.DataFrame:
    """Fetch and check every registered dataset; write ``PROVENANCE.csv``.

    Every dataset is tried; the errors are collected and raised together.
    """
    mirror = mirror if mirror is not None else paths.data_mirror()
    if mirror is not None and not mirror.is_dir():
        raise DataError(f"DATA_MIRROR={mirror}: no such folder (unset DATA_MIRROR to download from the "
                        "publishers' official URLs instead)")
    rows, errors = [], []
    for key in sorted(REGISTRY):
        try:
            rows.append(fetch(REGISTRY[key], mirror))
        except DataError as err:
            errors.append(str(err))
    if errors:
        raise DataError("\n".join(errors))
    table = pd.DataFrame(rows).sort_values("file", ignore_index=True)
    atomic.write_csv(table, provenance())
    return table
