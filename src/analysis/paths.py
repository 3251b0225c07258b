"""The project's one paths module: every folder the library reads or writes.

All locations derive from the project root, found from this file's place in the
``src`` layout, so that nothing depends on the working directory. Two settings
may be changed through the environment:

``PROTECTION_SCOPE_ROOT``
    another project root (a copy of the repository elsewhere);
``DATA_MIRROR``
    a local folder holding the publishers' datasets, read by ``make data``
    instead of downloading them (CI uses ``../shared/data/external``).

Examples
--------
>>> from analysis import paths
>>> paths.DATA_RAW.name
'raw'
>>> paths.DATA_RAW.parent == paths.DATA
True
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(os.environ.get("PROTECTION_SCOPE_ROOT", Path(__file__).resolve().parents[2]))
DATA = ROOT / "data"
DATA_RAW = DATA / "raw"
DATA_EXTERNAL = DATA / "external"
FIGURES = ROOT / "figures"
NOTEBOOKS = ROOT / "notebooks"
DOCS = ROOT / "docs"
STYLE = Path(__file__).resolve().parent / "protection_scope.mplstyle"


def data_mirror() -> Path | None:
    """Return the data-mirror folder named by ``DATA_MIRROR``, or None.

    A relative value is read from the project root, as ``make`` runs there.

    Examples
    --------
    >>> import os
    >>> old = os.environ.pop("DATA_MIRROR", None)
    >>> data_mirror() is None
    True
    >>> os.environ["DATA_MIRROR"] = "mirror"
    >>> data_mirror() == ROOT / "mirror"
    True
    >>> _ = os.environ.pop("DATA_MIRROR") if old is None else os.environ.update(DATA_MIRROR=old)
    """
    value = os.environ.get("DATA_MIRROR", "").strip()
    if not value:
        return None
    path = Path(value)
    return path if path.is_absolute() else ROOT / path


def relative(path: Path) -> str:
    """Return *path* relative to the project root when inside it (for messages).

    Examples
    --------
    >>> relative(DATA_RAW / "situations.csv")
    'data/raw/situations.csv'
    >>> relative(Path("/elsewhere/x.csv"))
    '/elsewhere/x.csv'
    """
    path = Path(path)
    try:
        return path.resolve().relative_to(ROOT.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
