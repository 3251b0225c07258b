"""The suite's figures: one function and one module per figure, and the build.

Every figure is registered with :func:`figure` and declares what it answers,
how to read it, what it does not show, the notebook that presents it and the
datasets it uses. :func:`build` renders every figure to
``figures/figNN_slug.{pdf,png}`` with its numbers as ``figNN_slug.csv``, then
writes ``figures/MANIFEST.csv`` (file, sha256, notebook, function, data
versions) and ``figures/README.md`` (the captions). The other artefacts that
sit beside the figures (the network exports in ``figures/networks/``, which
notebooks 04 and 05 read) are written by functions registered with
:func:`artefact`. Files are rendered into a temporary folder first and moved
into place only when every figure and artefact succeeded, so a failing build
leaves the previous figures and manifest intact.

Rendering is deterministic: one style file, fixed PDF/PNG metadata and seeded
layouts give identical bytes on every rebuild (``savefig`` renders PNG with Agg
and PDF with its own backend, whatever the interactive backend is; the library
never selects a backend at import, so notebooks display inline).

In a notebook, one line shows a figure with its caption:
``show("fig04_panel_shares")`` returns a :class:`FigureView` that displays the
PNG and the caption, and carries the figure's numbers (``.numbers``).

Adding a figure is one module ``figNN_slug.py`` decorated with :func:`figure`,
and its name in :data:`MODULES`.
"""

from __future__ import annotations

import importlib
import io
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import matplotlib.pyplot as plt
import pandas as pd

from .. import paths
from ..data import TABLES
from ..external.registry import data_version
from ..schema import DATA_VERSION

#: the figure modules, in the order of the figures; a new figure adds its module here
MODULES = ("fig01_coverage", "fig02_readings", "fig03_timeline", "fig04_panel_shares", "fig05_panel_regions",
           "fig06_normative_network", "fig07_escalation_ladder", "fig08_situation_networks", "fig09_sensitivity",
           "fig10_uncertainty", "fig11_agreement", "fig12_council_references", "fig13_council_response",
           "fig14_first_resolution")
#: the project's data products a figure may name besides ``data/raw`` tables and the registry's datasets
PRODUCTS = {"council": "data/council (this repository, coded from the UN's texts: AKN4UN XML, cr-unsc, "
                       "Dag Hammarskjöld Library meeting tables)"}

PNG_METADATA = {"Software": None}
PDF_METADATA = {"Creator": None, "Producer": None, "CreationDate": None}


@dataclass(frozen=True)
class FigureSpec:
    """A registered figure and its caption."""

    number: int
    slug: str
    function: Callable
    notebook: str
    question: str
    how_to_read: str
    not_shown: str
    datasets: tuple[str, ...]

    @property
    def stem(self) -> str:
        return f"fig{self.number:02d}_{self.slug}"

    @property
    def qualname(self) -> str:
        return f"{self.function.__module__}.{self.function.__name__}"

    def data_versions(self) -> str:
        raw = [d for d in self.datasets if d in TABLES]
        parts = [f"{', '.join(raw)}: data/raw {DATA_VERSION} (this repository)"] if raw else []
        parts += [PRODUCTS[d] for d in self.datasets if d in PRODUCTS]
        external = [d for d in self.datasets if d not in TABLES and d not in PRODUCTS]
        parts += [f"{k} {v}" for k, v in data_version(external).items()] if external else []
        return "; ".join(parts)

    def caption(self) -> str:
        """The full caption: question, reading guide, limits, provenance."""
        return (f"**Answers:** {self.question} **How to read:** {self.how_to_read} "
                f"**Does not show:** {self.not_shown} **Made by:** `{self.qualname}()` in "
                f"`{self.notebook}`; data: {self.data_versions()}.")


REGISTRY: dict[str, FigureSpec] = {}
#: writers of the artefacts beside the figures, by qualified name: ``function(folder) -> list of paths``
ARTEFACTS: dict[str, Callable] = {}


def figure(number: int, slug: str, *, notebook: str, question: str, how_to_read: str, not_shown: str,
           datasets: tuple[str, ...] = ("situations",)):
    """Register a figure function returning ``(matplotlib Figure, DataFrame of its numbers)``."""

    def register(function: Callable) -> Callable:
        spec = FigureSpec(number, slug, function, notebook, question, how_to_read, not_shown, datasets)
        if spec.stem in REGISTRY:
            raise ValueError(f"figure {spec.stem} registered twice")
        REGISTRY[spec.stem] = spec
        function.spec = spec
        return function

    return register


def artefact(function: Callable) -> Callable:
    """Register a function that writes files under the folder it is given and returns their paths.

    The build calls it with the folder it renders into (a temporary one, moved
    to ``figures/`` with the figures), so that every artefact has one writer.
    """
    name = f"{function.__module__}.{function.__name__}"
    if name in ARTEFACTS:
        raise ValueError(f"artefact {name} registered twice")
    ARTEFACTS[name] = function
    return function


def artefacts() -> dict[str, Callable]:
    """Import every figure module so that all artefact writers are registered; return them by name."""
    load_all()
    return dict(sorted(ARTEFACTS.items()))


def style():
    """A context manager applying the project's style file."""
    return plt.style.context(str(paths.STYLE))


def source_note(ax, spec_or_text) -> None:
    """Write the data-source note under the axes, in small grey type."""
    text = spec_or_text if isinstance(spec_or_text, str) else "Source: " + spec_or_text.data_versions()
    ax.annotate(text, xy=(0, 0), xycoords="axes fraction", xytext=(0, -34), textcoords="offset points",
                fontsize=6.5, color="0.35", ha="left", va="top", annotation_clip=False)


def load_all() -> dict[str, FigureSpec]:
    """Import every figure module of :data:`MODULES` so that all figures are registered; return the registry.

    Examples
    --------
    >>> list(load_all())[:2]
    ['fig01_coverage', 'fig02_readings']
    """
    for name in MODULES:
        importlib.import_module(f"{__name__}.{name}")
    return dict(sorted(REGISTRY.items()))


@dataclass(frozen=True)
class FigureView:
    """A rendered figure for a notebook: displays as the PNG and its caption.

    ``png`` holds the bytes the build writes to ``figures/``; ``numbers`` the
    figure's table (its CSV); ``spec`` the registered figure.
    """

    spec: FigureSpec
    png: bytes
    numbers: pd.DataFrame

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        caption = self.spec.caption()
        return {"image/png": self.png, "text/markdown": caption, "text/plain": f"{self.spec.stem}: {caption}"}

    def __repr__(self) -> str:
        return f"{self.spec.stem}: {self.spec.caption()}"


@lru_cache(maxsize=None)
def show(stem: str) -> FigureView:
    """Render one figure for a notebook: the PNG (as the build writes it), its caption and numbers.

    Memoised per figure, so ``show(stem).numbers`` after ``show(stem)`` renders nothing again.
    """
    spec = load_all()[stem]
    with style():
        fig, numbers = spec.function()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", metadata=PNG_METADATA)
        plt.close(fig)
    return FigureView(spec, buffer.getvalue(), numbers)
