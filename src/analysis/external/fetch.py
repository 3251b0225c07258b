"""Putting the external datasets into ``data/external``, checked, with their provenance.

The publishers' datasets are never committed. ``make data`` (:func:`fetch_all`)
puts every registered file (each dataset's file and its extra files: one
:class:`~analysis.external.registry.Source` each) into ``data/external/``:
copied from a local mirror when ``DATA_MIRROR`` is set, otherwise downloaded
from its direct URLs in order, the publisher's first and a copy pinned at a
fixed commit as the fallback (:func:`download`), a zip member taken out or the
conversion applied (a spreadsheet's sheet to CSV). Before a file is written
(atomically) its bytes must have the registered sha256 and, for a dataset's
own file, pass the content checks (:func:`analysis.external.load.check_file`);
a file already present with the right sha256 is kept and not downloaded again.
Every file is recorded in ``data/external/PROVENANCE.csv`` with its sha256 and
origin (the URL used, or the mirror).

Downloads retry transient failures (HTTP 5xx, a reset connection, a timeout,
a transfer cut short) :data:`TRIES` times with a :data:`TIMEOUT` and a short
pause (:data:`BACKOFF`, doubled each time); a failure names the file, every
URL tried and what to do, and leaves no partial file. Offline (no URL of the
first file to download can be reached), :func:`fetch_all` stops at once with
one message listing every missing file (:class:`Offline`), touching nothing.

:data:`BASE_URLS` rewrites URL prefixes before a request (empty: the URLs as
registered); the tests point it at a server on the loopback address.

This module imports :mod:`~analysis.external.registry` and
:mod:`~analysis.external.load`; nothing in the package imports it but the
command line.
"""

from __future__ import annotations

import errno
import hashlib
import http.client
import io
import socket
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path
from typing import Callable

import pandas as pd

from .. import atomic, paths
from .load import check_file
from .registry import REGISTRY, DataError, Dataset, Link, Source

#: Requests per URL before giving up on a transient failure (HTTP 5xx, reset, timeout, short transfer).
TRIES = 3
#: Seconds a server may stay silent before a request counts as timed out.
TIMEOUT = 30.0
#: Seconds of the first pause between two requests of one URL (doubled after each failure).
BACKOFF = 1.0
#: URL prefix -> replacement, applied before each request (the tests point the publishers at the loopback).
BASE_URLS: dict[str, str] = {}

_UNREACHABLE = {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ECONNREFUSED, errno.EADDRNOTAVAIL}


class Offline(DataError):
    """No URL could be reached at all: the machine is offline (or behind a closed firewall)."""


class _Failed(Exception):
    """One URL failed; ``unreachable``: no connection could be made at all (not an HTTP answer)."""

    def __init__(self, reason: str, unreachable: bool = False):
        super().__init__(reason)
        self.unreachable = unreachable


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


def resolve(url: str) -> str:
    """The URL actually requested: the first matching prefix of :data:`BASE_URLS` replaced.

    Examples
    --------
    >>> BASE_URLS["https://"] = "http://127.0.0.1:8000/"
    >>> resolve("https://ucdp.uu.se/downloads/a.zip")
    'http://127.0.0.1:8000/ucdp.uu.se/downloads/a.zip'
    >>> del BASE_URLS["https://"]
    """
    for prefix, base in BASE_URLS.items():
        if url.startswith(prefix):
            return base + url[len(prefix):]
    return url


def _transient(err: BaseException) -> bool:
    """A failure worth another try: HTTP 5xx, a reset or cut connection, a timeout."""
    if isinstance(err, urllib.error.HTTPError):
        return err.code >= 500
    if isinstance(err, urllib.error.URLError):
        err = err.reason if isinstance(err.reason, BaseException) else err
    return isinstance(err, (TimeoutError, socket.timeout, ConnectionResetError, ConnectionAbortedError,
                            http.client.IncompleteRead, http.client.RemoteDisconnected))


def _unreachable(err: BaseException) -> bool:
    """No connection at all: name not resolved, network or host unreachable, connection refused."""
    reason = err.reason if isinstance(err, urllib.error.URLError) else err
    return isinstance(reason, socket.gaierror) or (isinstance(reason, OSError) and reason.errno in _UNREACHABLE)


def _describe(err: BaseException) -> str:
    if isinstance(err, urllib.error.HTTPError):
        return f"HTTP {err.code} {err.reason}"
    if isinstance(err, http.client.IncompleteRead):
        return f"transfer cut short ({len(err.partial):,} bytes, {err.expected:,} more expected)"
    if isinstance(err, urllib.error.URLError):
        return str(err.reason)
    return str(err) or type(err).__name__


def _get(url: str) -> bytes:
    """The body of one URL, with :data:`TRIES` tries on transient failures; raise :class:`_Failed`."""
    for attempt in range(1, TRIES + 1):
        try:
            with urllib.request.urlopen(url, timeout=TIMEOUT) as response:  # noqa: S310 - registered URLs only
                expected = response.headers.get("Content-Length")
                body = bytearray()
                while chunk := response.read(1 << 16):
                    body += chunk
            if expected is not None and len(body) < int(expected):
                raise http.client.IncompleteRead(bytes(body), int(expected) - len(body))
            return bytes(body)
        except Exception as err:  # noqa: BLE001 - sorted below: transient, unreachable or final
            if _unreachable(err):
                raise _Failed(_describe(err), unreachable=True) from err
            if not _transient(err) or attempt == TRIES:
                tries = f" after {attempt} tries" if attempt > 1 else ""
                raise _Failed(_describe(err) + tries, unreachable=attempt == TRIES and _timeout(err)) from err
            time.sleep(BACKOFF * 2 ** (attempt - 1))
    raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises


def _timeout(err: BaseException) -> bool:
    reason = err.reason if isinstance(err, urllib.error.URLError) else err
    return isinstance(reason, (TimeoutError, socket.timeout))


def _take(payload: bytes, link: Link, source: Source) -> bytes:
    """The file's bytes from a download: the zip member taken out, then the source's conversion."""
    if link.member:
        try:
            with zipfile.ZipFile(io.BytesIO(payload)) as archive:
                names = [n for n in archive.namelist() if n.rsplit("/", 1)[-1] == link.member]
                if not names:
                    raise _Failed(f"no member {link.member} in the zip")
                payload = archive.read(names[0])
        except zipfile.BadZipFile as err:
            raise _Failed(f"not a zip file ({err})") from err
    if source.convert:
        try:
            payload = source.convert(payload)
        except Exception as err:  # noqa: BLE001 - a download that cannot be converted is a bad download
            raise _Failed(f"cannot be converted by {source.convert.__name__} ({err})") from err
    return payload


def _verify(data: bytes, source: Source, dataset: Dataset) -> None:
    """Raise :class:`DataError` unless *data* passes the content checks (the dataset's own file) and the sha256."""
    if source.file == dataset.file:
        check_file(dataset, dataset.path, data=data)
    digest = hashlib.sha256(data).hexdigest()
    if digest != source.sha256:
        raise DataError(f"{paths.relative(source.path)}: sha256 {digest[:12]}... of {len(data):,} bytes is not the "
                        f"pinned {source.sha256[:12]}... (a damaged copy or another release); "
                        f"{_what_to_do(source)}")


def _what_to_do(source: Source) -> str:
    first = source.links[0]
    member = f" (file {first.member} in the zip)" if first.member else ""
    return (f"check the connection and run 'make data' again, or download {first.url}{member} by hand into "
            f"data/external/{source.file}, or set DATA_MIRROR to a folder holding a copy")


def download(dataset: Dataset, source: Source, cache: dict[str, bytes] | None = None) -> tuple[bytes, str]:
    """The checked bytes of one file and the URL they came from, trying the source's links in order.

    *cache* keeps each URL's body for the run (several files come from one spreadsheet).

    Raises
    ------
    Offline
        When no link could be reached at all.
    DataError
        Naming the file, every URL tried with its failure, and what to do.
    """
    cache = {} if cache is None else cache
    tried, unreachable = [], True
    for link in source.links:
        url = resolve(link.url)
        try:
            if url not in cache:
                cache[url] = _get(url)
            data = _take(cache[url], link, source)
            _verify(data, source, dataset)
            return data, url
        except _Failed as err:
            unreachable &= err.unreachable
            tried.append(f"{url} ({err})")
        except DataError as err:
            unreachable = False
            tried.append(f"{url} ({str(err).split('; ')[0].split(': ', 1)[1]})")
    kind = Offline if unreachable else DataError
    raise kind(f"{paths.relative(source.path)}: download failed; tried {', '.join(tried)}; {_what_to_do(source)}")


def _copy(dataset: Dataset, source: Source, mirror: Path) -> tuple[bytes, str]:
    """The checked bytes of one file from the mirror, and the origin to record."""
    copy = mirror / source.file
    if not copy.exists():
        raise DataError(f"{paths.relative(copy)}: not in the mirror; {dataset.how_to_obtain()}")
    data = copy.read_bytes()
    _verify(data, source, dataset)
    return data, f"mirror:{source.file}"


def _present(dataset: Dataset, source: Source) -> bool:
    """The file is in place with its pinned sha256 (and, for the dataset's own file, passes the checks)."""
    if not source.path.exists() or sha256(source.path) != source.sha256:
        return False
    if source.file == dataset.file:
        check_file(dataset)
    return True


def fetch(dataset: Dataset, source: Source, mirror: Path | None = None,
          cache: dict[str, bytes] | None = None) -> tuple[dict, int]:
    """Put one file of a dataset into ``data/external`` (from *mirror* or by download), checked.

    A file already present with its pinned sha256 is kept. Returns its
    provenance row and the number of bytes written (0 when kept).
    """
    written = 0
    if _present(dataset, source):
        origin = _previous_origin(source.file)
    else:
        data, origin = _copy(dataset, source, mirror) if mirror is not None else download(dataset, source, cache)
        atomic.write_bytes(source.path, data)
        written = len(data)
    row = {"dataset": dataset.key, "file": source.file, "version": dataset.version, "sha256": source.sha256,
           "origin": origin, "licence": dataset.licence}
    return row, written


def provenance() -> Path:
    """The provenance table ``data/external/PROVENANCE.csv`` (file, sha256, origin, version, licence)."""
    return paths.DATA_EXTERNAL / "PROVENANCE.csv"


def _previous_origin(file: str) -> str:
    if provenance().exists():
        table = pd.read_csv(provenance(), dtype=str)
        hit = table.loc[table["file"] == file, "origin"]
        if len(hit):
            return str(hit.iloc[0])
    return "present before fetch"


def _plan() -> list[tuple[Dataset, Source]]:
    """Every registered file, in the order of the datasets' keys."""
    return [(REGISTRY[key], source) for key in sorted(REGISTRY) for source in REGISTRY[key].sources]


def _offline_message(err: Offline, plan: list[tuple[Dataset, Source]]) -> str:
    missing = [source.file for dataset, source in plan if not source.path.exists()
               or sha256(source.path) != source.sha256]
    return ("offline: no download could be made (" + str(err).split("; tried ", 1)[1].split("; ", 1)[0] + "); "
            f"{len(missing)} files of data/external are missing:\n" + "\n".join(f"  {f}" for f in missing)
            + "\nconnect to the internet and run 'make data' again, or set DATA_MIRROR to a folder holding a "
            "copy (the layout of data/external)")


def fetch_all(mirror: Path | None = None, progress: Callable[[str], None] | None = None) -> pd.DataFrame:
    """Fetch and check every registered file; write ``PROVENANCE.csv``.

    *progress* receives one line per file (what was done, bytes) and a total
    (None: silent). Every file is tried; the errors are collected and raised
    together, one line each, and ``PROVENANCE.csv`` is written only when all
    files are in place. Offline, :class:`Offline` lists every missing file.
    """
    mirror = mirror if mirror is not None else paths.data_mirror()
    if mirror is not None and not mirror.is_dir():
        raise DataError(f"DATA_MIRROR={mirror}: no such folder (unset DATA_MIRROR to download from the "
                        "publishers' official URLs instead)")
    say = progress or (lambda line: None)
    plan = _plan()
    rows, errors, cache, reached = [], [], {}, False
    done = total = 0
    for i, (dataset, source) in enumerate(plan, 1):
        counter = f"[{i:>{len(str(len(plan)))}}/{len(plan)}]"
        try:
            row, written = fetch(dataset, source, mirror, cache)
        except Offline as err:
            if not reached:
                raise Offline(_offline_message(err, plan)) from err
            errors.append(str(err))
            say(f"{counter} FAILED {source.file}")
            continue
        except DataError as err:
            reached = True
            errors.append(str(err))
            say(f"{counter} FAILED {source.file}")
            continue
        rows.append(row)
        if written:
            reached, done, total = True, done + 1, total + written
            how = "copied from the mirror" if mirror is not None else f"downloaded from {row['origin']}"
            say(f"{counter} {source.file}: {written:,} bytes written, {how}, sha256 ok")
        else:
            say(f"{counter} {source.file}: already present, sha256 ok")
    say(f"{len(rows)} of {len(plan)} files in place: {done} fetched ({total:,} bytes written), "
        f"{len(rows) - done} already present, {len(errors)} failed")
    if errors:
        raise DataError("\n".join(errors))
    table = pd.DataFrame(rows).sort_values("file", ignore_index=True)
    atomic.write_csv(table, provenance())
    return table
