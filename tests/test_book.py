"""The book's sources (book/build.py) and the accessibility of the figure palette.

These run in ``make test`` without building the site; the browser test of the built site is
tests/test_book_browser.py (``make test-book``).
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import math

import pytest
from pybtex.database import parse_string

import analysis
from analysis import paths
from analysis.figures import load_all
from analysis.style import CATEGORY_COLORS

_spec = importlib.util.spec_from_file_location("book_build", paths.ROOT / "book" / "build.py")
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)

# Colour-vision deficiency, simulated as in Machado, Oliveira & Fernandes (2009), "A physiologically-based model
# for simulation of color vision deficiency", IEEE Transactions on Visualization and Computer Graphics 15(6),
# 1291-1298: severity 1.0 matrices, applied to linear RGB.
CVD = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
    "normal": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
}
#: the smallest CIE76 distance (Delta E*ab) between two category colours under every simulated vision. A just
#: noticeable difference is about 2.3 (Sharma 2003, Digital Color Imaging Handbook); categorical marks as small as a
#: legend patch or a network node need several times that, so the suite asks for 10.
MIN_DELTA_E = 10.0


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def _lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    """CIELAB (D65) of a linear sRGB colour."""
    x = (0.4124564 * rgb[0] + 0.3575761 * rgb[1] + 0.1804375 * rgb[2]) / 0.95047
    y = 0.2126729 * rgb[0] + 0.7151522 * rgb[1] + 0.0721750 * rgb[2]
    z = (0.0193339 * rgb[0] + 0.1191920 * rgb[1] + 0.9503041 * rgb[2]) / 1.08883
    f = [t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116 for t in (x, y, z)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def seen_as(colour: str, vision: str) -> tuple[float, float, float]:
    """The CIELAB colour that a reader with *vision* sees for the hex *colour*."""
    rgb = [_linear(int(colour[i:i + 2], 16) / 255) for i in (1, 3, 5)]
    simulated = [min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb)))) for row in CVD[vision]]
    return _lab(tuple(simulated))


def test_colour_model_reference_values():
    assert _lab((1.0, 1.0, 1.0)) == pytest.approx((100, 0, 0), abs=0.01)
    assert seen_as("#ff0000", "normal") == pytest.approx((53.24, 80.09, 67.20), abs=0.05)
    # a protanope confuses red and green far more than a normal reader does
    red_green = {v: math.dist(seen_as("#ff0000", v), seen_as("#00ff00", v)) for v in ("normal", "protanopia")}
    assert red_green["protanopia"] < red_green["normal"] / 2


@pytest.mark.parametrize("vision", sorted(CVD))
def test_category_colours_stay_distinct_for_colour_blind_readers(vision):
    distances = {(a, b): math.dist(seen_as(CATEGORY_COLORS[a], vision), seen_as(CATEGORY_COLORS[b], vision))
                 for a, b in itertools.combinations(CATEGORY_COLORS, 2)}
    assert min(distances.values()) >= MIN_DELTA_E, distances


def test_first_sentence_is_plain_text():
    caption = load_all()["fig01_coverage"].caption()
    alt = build.first_sentence(caption)
    assert alt.startswith("Answers: How many situations") and alt.endswith("?")
    assert "*" not in alt and "`" not in alt


def test_references_bib_holds_every_dataset_and_un_document():
    bib = parse_string(build.references_bib(), "bibtex")
    datasets = parse_string(analysis.cite(), "bibtex")
    assert set(datasets.entries) <= set(bib.entries)
    documents = {d["source_id"] for d in build.un_documents()}
    assert documents <= set(bib.entries) and len(documents) > 100
    assert bib.entries["s-res-1973-2011"].fields["howpublished"] == "UN document S/RES/1973 (2011)"


def test_document_bibtex_escapes_latex():
    entry = build.document_bibtex({"source_id": "x", "citation": "A/1", "title": "R&D {50%}", "year": "2000",
                                   "url": ""})
    fields = parse_string(entry, "bibtex").entries["x"].fields
    assert fields["title"] == r"{R\&D (50\%)}"
    assert "url" not in fields


def test_cited_keys_find_documents_by_symbol_not_prefix():
    nb = {"cells": [{"cell_type": "markdown", "source": ["See S/RES/1973 and A/RES/60/1, not S/RES/19."]}]}
    keys = build.cited_keys(nb, "99-none", {})
    assert "s-res-1973-2011" in keys and "a-res-60-1" in keys
    assert not any(k.startswith("s-res-19-") for k in keys)


def test_cited_keys_include_the_datasets_behind_a_notebooks_figures():
    figures = load_all()
    keys = build.cited_keys({"cells": []}, "03-panel-trends", figures)
    assert set(analysis.external.registry.REGISTRY["ucdp_acd"].citation_keys()) <= set(keys)


def test_annotate_figures_adds_caption_and_alt_without_touching_the_original():
    nb = json.loads((paths.NOTEBOOKS / "04-obligation-network.ipynb").read_text(encoding="utf-8"))
    before = json.dumps(nb, sort_keys=True)
    annotated = build.annotate_figures(nb)
    assert json.dumps(nb, sort_keys=True) == before
    figures = [c["metadata"]["mystnb"] for c in annotated["cells"] if "mystnb" in c.get("metadata", {})]
    assert len(figures) == 2
    for options in figures:
        assert options["figure"]["caption"].startswith("**Answers:**")
        assert options["image"]["alt"] == build.first_sentence(options["figure"]["caption"])


@pytest.fixture(scope="module")
def staged(tmp_path_factory):
    return build.stage(tmp_path_factory.mktemp("book") / "src")


def test_stage_lays_out_every_page(staged):
    expected = ["index.ipynb", "gallery.md", "networks.md", "data.md", "references.md", "references.bib",
                "decisions/index.md", "conf.py", "_extra/favicon.ico"]
    expected += [f"notebooks/{p.name}" for p in paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb") if p.stem != build.HOME]
    expected += [f"decisions/{p.name}" for p in (paths.DOCS / "decisions").glob("[0-9][0-9][0-9]-*.md")]
    expected += [f"_extra/networks/{p.name}" for p in (paths.FIGURES / "networks").glob("*.html")]
    assert [name for name in expected if not (staged / name).is_file()] == []


def test_gallery_has_every_figure_with_caption_alt_and_numbers(staged):
    gallery = (staged / "gallery.md").read_text(encoding="utf-8")
    for stem, spec in load_all().items():
        assert spec.caption() in gallery
        assert f":alt: {build.first_sentence(spec.caption())}" in gallery
        assert f"<figures/{stem}.csv>" in gallery
        assert (staged / "figures" / f"{stem}.csv").read_bytes() == (paths.FIGURES / f"{stem}.csv").read_bytes()


def test_home_page_has_contents_citation_and_references(staged):
    home = json.loads((staged / "index.ipynb").read_text(encoding="utf-8"))
    text = build.notebook_text(home)
    assert "```{toctree}" in text and "cff-version" in text and "{footbibliography}" in text
    assert "notebooks/07-classroom" in text


def test_cited_keys_read_datasets_from_cite_calls_not_from_any_mention():
    nb = {"cells": [{"cell_type": "code", "source": ['print(analysis.cite(["ucdp_acd", "pitf"]))'], "outputs": []},
                    {"cell_type": "markdown", "source": ["The actor un_pko is not the dataset."]}]}
    keys = build.cited_keys(nb, "99-none", {})
    registry = analysis.external.registry.REGISTRY
    assert keys == registry["pitf"].citation_keys() + registry["ucdp_acd"].citation_keys()  # in key order
