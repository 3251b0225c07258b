"""Atomic output: a file is either its old version or its complete new one.

Every output of the suite (classified CSVs, figures, the manifest, network
exports, provenance) goes through :func:`atomic_write`: the content is written to
a temporary file in the same folder and renamed over the target only once it is
complete, so that an interrupted or failing build leaves the previous file intact.

Examples
--------
>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> write_text(d / "a.txt", "one")
>>> write_text(d / "a.txt", "two")
>>> (d / "a.txt").read_text()
'two'
>>> sorted(p.name for p in d.iterdir())
['a.txt']
"""

from __future__ import annotations

import contextlib
import filecmp
import os
import tempfile
from pathlib import Path
from typing import IO, Iterator

import pandas as pd


@contextlib.contextmanager
def atomic_write(path: Path | str, mode: str = "w", *, only_if_changed: bool = False, **kwargs) -> Iterator[IO]:
    """Open a temporary file beside *path*; rename it over *path* on success.

    On any exception the temporary file is removed and *path* is untouched.
    Missing parent folders are created (library outputs such as
    ``figures/networks/``); the command line checks a user's output path first.
    With *only_if_changed*, a file that already holds exactly the new bytes is
    left alone (its modification time too, so ``make`` sees nothing new).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, **kwargs) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if only_if_changed and path.exists() and filecmp.cmp(tmp, path, shallow=False):
            os.unlink(tmp)
            return
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the file the usual permissions
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text(path: Path | str, text: str) -> None:
    """Write *text* (UTF-8, ``\\n`` line ends) to *path* atomically."""
    with atomic_write(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def write_bytes(path: Path | str, data: bytes) -> None:
    """Write *data* to *path* atomically."""
    with atomic_write(path, "wb") as handle:
        handle.write(data)


def write_csv(frame: pd.DataFrame, path: Path | str, index: bool = False) -> None:
    """Write *frame* as UTF-8 CSV with ``\\n`` line ends to *path* atomically (left alone if unchanged)."""
    with atomic_write(path, "w", encoding="utf-8", newline="", only_if_changed=True) as handle:
        frame.to_csv(handle, index=index, lineterminator="\n")


def write_if_changed(path: Path | str, text: str) -> bool:
    """Write *text* to *path* atomically unless the file already holds exactly that; return True if written.

    A file left alone keeps its modification time, so ``make`` sees nothing new.

    Examples
    --------
    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "a.txt"
    >>> write_if_changed(target, "x\\n"), write_if_changed(target, "x\\n")
    (True, False)
    """
    path = Path(path)
    if path.exists() and path.read_bytes() == text.encode("utf-8"):
        return False
    with atomic_write(path, "w", encoding="utf-8", newline="\n", only_if_changed=True) as handle:
        handle.write(text)
    return True
