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

from .. import atomic, paths
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


def _rows(spec: FigureSpec, files: list[Path]) -> list[dict]:
    return [{"file": path.name, "sha256": _sha(path), "notebook": spec.notebook, "function": spec.qualname,
             "data_versions": spec.data_versions()} for path in files]


def _place(tmp: Path, out: Path) -> None:
    """Move the rendered files into *out*, each atomically; a file whose bytes are unchanged is left alone."""
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(p for p in tmp.rglob("*") if p.is_file()):
        target = out / path.relative_to(tmp)
        with atomic.atomic_write(target, "wb", only_if_changed=True) as handle, open(path, "rb") as src:
            shutil.copyfileobj(src, handle)


def _write_index(rows: list[dict], specs: list[FigureSpec], out: Path) -> pd.DataFrame:
    manifest = pd.DataFrame(rows, columns=manifest_columns()).sort_values("file", ignore_index=True)
    atomic.write_if_changed(out / "MANIFEST.csv", manifest.to_csv(index=False, lineterminator="\n"))
    atomic.write_if_changed(out / "README.md", readme(specs))
    return manifest


def build(out: Path | None = None, stems: list[str] | None = None) -> pd.DataFrame:
    """Render figures and their artefacts into *out* (default ``figures/``); with every figure, the manifest.

    Everything is rendered in a temporary folder first; files are moved into
    place one by one (each atomically) only after every figure and artefact
    asked for (:func:`analysis.figures.artefacts`, e.g. ``networks/*``)
    succeeded, so a failing build leaves the previous files intact. With
    *stems* (``make figures`` renders only the figures whose inputs changed),
    only those figures and the artefacts of their modules are rendered, and the
    manifest is left to :func:`index`. Returns the manifest rows of the figures
    rendered.
    """
    out = Path(out or paths.FIGURES)
    registry = load_all()
    unknown = sorted(set(stems or ()) - set(registry))
    if unknown:
        raise KeyError(f"no such figure: {', '.join(unknown)} (known: {', '.join(registry)})")
    specs = [registry[s] for s in stems] if stems else list(registry.values())
    rows = []
    with tempfile.TemporaryDirectory(prefix=".figures-", dir=out.parent if out.parent.exists() else None) as tmp:
        tmp = Path(tmp)
        for spec in specs:
            rows += _rows(spec, render(spec, tmp))
        modules = {spec.function.__module__ for spec in specs}
        for name, write in artefacts().items():
            if name.rsplit(".", 1)[0] in modules:
                write(tmp)
        _place(tmp, out)
    if stems:
        return pd.DataFrame(rows, columns=manifest_columns()).sort_values("file", ignore_index=True)
    return _write_index(rows, specs, out)


def index(out: Path | None = None) -> pd.DataFrame:
    """Write ``MANIFEST.csv`` and ``README.md`` from the figure files in *out*, rendering nothing.

    Raises
    ------
    FileNotFoundError
        Naming the figure files missing (run ``make figures``).
    """
    out = Path(out or paths.FIGURES)
    specs = list(load_all().values())
    files = {spec.stem: [out / f"{spec.stem}.{ext}" for ext in ("pdf", "png", "csv")] for spec in specs}
    missing = [paths.relative(f) for group in files.values() for f in group if not f.exists()]
    if missing:
        raise FileNotFoundError(f"figure files missing: {', '.join(missing)}; run 'make figures'")
    rows = [row for spec in specs for row in _rows(spec, files[spec.stem])]
    return _write_index(rows, specs, out)
