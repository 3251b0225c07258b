"""Render every registered figure with its numbers, manifest and captions.

Examples
--------
>>> from analysis.figures.build import manifest_columns
>>> manifest_columns()
['file', 'sha256', 'notebook', 'function', 'data_versions']
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from .. import atomic
from .. import paths
from . import PDF_METADATA, PNG_METADATA, FigureSpec, artefacts, load_all, style


def manifest_columns() -> list[str]:
    return ["file", "sha256", "notebook", "function", "data_versions"]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def render(spec: FigureSpec, folder: Path) -> list[Path]:
    """Render one figure into *folder*: PDF, PNG and the CSV of its numbers."""
    with style():
        fig, numbers = spec.function()
        pdf, png, csv = (folder / f"{spec.stem}.{ext}" for ext in ("pdf", "png", "csv"))
        fig.savefig(pdf, metadata=PDF_METADATA)
        fig.savefig(png, metadata=PNG_METADATA)
        plt.close(fig)
    numbers.to_csv(csv, index=False, lineterminator="\n")
    return [pdf, png, csv]


def readme(specs: list[FigureSpec]) -> str:
    lines = ["# Figures", "",
             "Built by `make figures` (function `analysis.figures.build.build`). Do not edit by hand:",
             "this file, the figures, their CSV numbers and `MANIFEST.csv` are regenerated together.",
             "Each figure answers one question; its numbers ship beside it as CSV.", ""]
    for spec in specs:
        lines += [f"## {spec.stem}", "", f"![{spec.stem}]({spec.stem}.png)", "",
                  f"Files: `{spec.stem}.pdf`, `{spec.stem}.png`, numbers in `{spec.stem}.csv`.", "",
                  spec.caption(), ""]
    return "\n".join(lines)


def build(out: Path | None = None) -> pd.DataFrame:
    """Render all figures into *out* (default ``figures/``), write the artefacts and the manifest.

    Everything is rendered in a temporary folder first; files are moved into
    place one by one (each atomically) only after every figure and artefact
    (:func:`analysis.figures.artefacts`, e.g. ``networks/*``) succeeded. The
    manifest lists the figures and their numbers.
    """
    out = Path(out or paths.FIGURES)
    specs = list(load_all().values())
    rows = []
    with tempfile.TemporaryDirectory(prefix=".figures-", dir=out.parent if out.parent.exists() else None) as tmp:
        tmp = Path(tmp)
        for spec in specs:
            for path in render(spec, tmp):
                rows.append({"file": path.name, "sha256": _sha(path), "notebook": spec.notebook,
                             "function": spec.qualname, "data_versions": spec.data_versions()})
        for write in artefacts().values():
            write(tmp)
        out.mkdir(parents=True, exist_ok=True)
        for path in sorted(p for p in tmp.rglob("*") if p.is_file()):
            target = out / path.relative_to(tmp)
            if target.exists() and _sha(target) == _sha(path):
                continue
            with atomic.atomic_write(target, "wb") as handle, open(path, "rb") as src:
                shutil.copyfileobj(src, handle)
    manifest = pd.DataFrame(rows, columns=manifest_columns()).sort_values("file", ignore_index=True)
    atomic.write_csv(manifest, out / "MANIFEST.csv")
    atomic.write_text(out / "README.md", readme(specs))
    return manifest
