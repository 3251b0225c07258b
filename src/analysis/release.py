"""``make release``: check that every record of the version agrees, then build the export bundle.

The data version is :data:`analysis.schema.DATA_VERSION`, recorded once. The
release files repeat it, and :func:`check` fails on any disagreement:

* ``CITATION.cff`` (``version``, ``date-released``, ``title``, the CC BY 4.0 licence);
* ``.zenodo.json`` (``version``, ``publication_date``, ``title``, ``license``), the archive deposit;
* ``CHANGELOG.md``, whose first release heading reads ``## [VERSION] - DATE``;
* ``datapackage.json`` and ``data/codebook.csv``, which must equal the generated ones;
* the project's tables, which must pass the validator.

:func:`build` then exports every table in every format (the panel needs
``data/external``) and zips the export, the release files and the codebook text
into ``build/protection-scope-data-VERSION.zip``: sorted entries and fixed
times, so that the same data give the same bytes.

Examples
--------
>>> cff_fields('version: 1.0.0\\ndate-released: 2026-12-07\\ntitle: "A"\\n')["date-released"]
'2026-12-07'
>>> changelog_head("# Changelog\\n\\n## [1.0.0] - 2026-12-07\\n")
('1.0.0', '2026-12-07')
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import tempfile
from pathlib import Path

import pandas as pd

from . import data, export, package, paths, schema

CITATION = paths.ROOT / "CITATION.cff"
ZENODO = paths.ROOT / ".zenodo.json"
CHANGELOG = paths.ROOT / "CHANGELOG.md"
#: dataset changes per version, kept by the coding work (referred to by CHANGELOG.md; optional here)
DATA_CHANGELOG = paths.DATA / "changelog.csv"
BUILD = paths.ROOT / "build"
SEMVER = re.compile(r"\d+\.\d+\.\d+")


def cff_fields(text: str) -> dict[str, str]:
    """The top-level scalar fields of a ``CITATION.cff`` text (quotes removed)."""
    return {m.group(1): m.group(2).strip().strip('"') for m in re.finditer(r"^([a-z-]+): *(\S.*)$", text, re.M)}


def changelog_head(text: str) -> tuple[str, str] | None:
    """``(version, date)`` of the first release heading ``## [VERSION] - DATE`` of a changelog, or None."""
    m = re.search(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})\s*$", text, re.M)
    return (m.group(1), m.group(2)) if m else None


def problems(root: Path | None = None) -> list[str]:
    """Every disagreement between the release records, the data version and the data; empty when all agree."""
    root = Path(root or paths.ROOT)
    version, out = schema.DATA_VERSION, []
    if not SEMVER.fullmatch(version):
        out.append(f"src/analysis/schema.py: DATA_VERSION {version!r} is not a semantic version (MAJOR.MINOR.PATCH)")
    cff = cff_fields((root / CITATION.name).read_text(encoding="utf-8"))
    zenodo = json.loads((root / ZENODO.name).read_text(encoding="utf-8"))
    head = changelog_head((root / CHANGELOG.name).read_text(encoding="utf-8"))
    date = cff.get("date-released", "")
    records = {"CITATION.cff version": cff.get("version"), ".zenodo.json version": zenodo.get("version"),
               "CHANGELOG.md first release": head[0] if head else None}
    out += [f"{where}: {found!r}, but the data version is {version!r}" for where, found in records.items()
            if found != version]
    dates = {".zenodo.json publication_date": zenodo.get("publication_date"),
             "CHANGELOG.md first release date": head[1] if head else None}
    out += [f"{where}: {found!r}, but CITATION.cff date-released is {date!r}" for where, found in dates.items()
            if found != date]
    if zenodo.get("title") != cff.get("title"):
        out.append(".zenodo.json: title differs from CITATION.cff's")
    if str(zenodo.get("license", "")).lower() != package.LICENCE["name"].lower():
        out.append(f".zenodo.json: license {zenodo.get('license')!r}, "
                   f"but the data licence is {package.LICENCE['name']}")
    if package.LICENCE["name"] not in (root / CITATION.name).read_text(encoding="utf-8"):
        out.append(f"CITATION.cff: does not list the data licence {package.LICENCE['name']}")
    generated = {package.DATAPACKAGE: package.descriptor_text(), package.CODEBOOK: package.codebook_text()}
    for path, text in generated.items():
        target = root / path.relative_to(paths.ROOT)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            out.append(f"{paths.relative(path)}: differs from the generated one (run 'python -m analysis.package')")
    log = root / DATA_CHANGELOG.relative_to(paths.ROOT)
    if log.exists():
        versions = pd.read_csv(log, dtype=str, keep_default_na=False).get("version", pd.Series(dtype=str))
        if len(versions) and version not in set(versions):
            out.append(f"data/changelog.csv: lists no change for version {version}")
    out += [str(p) for p in data.validate()]
    return out


def build(target: Path | None = None) -> Path:
    """Export every table in every format and zip it with the release files into *target*."""
    target = Path(target or BUILD / f"{export.bundle_name()}.zip")
    extra = [CITATION, ZENODO, CHANGELOG, paths.ROOT / "LICENSE"]
    extra += [DATA_CHANGELOG] if DATA_CHANGELOG.exists() else []
    with tempfile.TemporaryDirectory(prefix=".release-") as tmp:
        folder = Path(tmp) / "export"
        files, notes = export.export(folder)
        if notes:
            raise export.ExportError("; ".join(notes))
        (folder / "codebook.md").write_bytes(package.CODEBOOK_TEXT.read_bytes())
        return export.bundle(folder, target, extra)


def main() -> int:
    found = problems()
    if found:
        for problem in found:
            print(problem, file=sys.stderr)
        print(f"release {schema.DATA_VERSION}: {len(found)} problem{'s' if len(found) != 1 else ''}", file=sys.stderr)
        return 2
    try:
        zipped = build()
    except export.ExportError as err:
        print(err, file=sys.stderr)
        return 2
    digest = hashlib.sha256(zipped.read_bytes()).hexdigest()
    print(f"release {schema.DATA_VERSION}: records agree; wrote {paths.relative(zipped)} (sha256 {digest})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
