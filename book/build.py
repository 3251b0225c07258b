"""Build the suite's book: a static HTML site from the committed, executed notebooks.

``python book/build.py`` (``make book``) lays out the book's sources under
``book/_build/src`` and runs Sphinx (myst-nb, pydata-sphinx-theme,
sphinxcontrib-bibtex) into ``book/_build/html`` with warnings as errors. No
notebook is executed: the pages show the outputs committed with the notebooks.

What the sources are, all made from files of the repository:

- ``index.ipynb``: ``notebooks/00-index.ipynb`` (what the suite answers, data
  versions, how to cite) with the suite's ``CITATION.cff`` and the contents;
- ``notebooks/NN-slug.ipynb``: one page per notebook; each figure output gets
  its full caption and, as alt text, the caption's first sentence; a
  "References" section lists the datasets and UN documents the page relies on;
- ``gallery.md``: every registered figure with its full caption and links to
  its PNG, PDF and numbers (CSV);
- ``networks.md``: the self-contained network views (``figures/networks/*.html``)
  in iframes, so that they stay interactive;
- ``data.md``: the codebook and data card (``data/README.md``);
- ``decisions/``: the decision records (``docs/decisions/*.md``);
- ``references.bib`` / ``references.md``: one BibTeX file, made of
  ``analysis.cite()`` (the external datasets) and the UN documents of
  ``data/raw/sources.csv``, rendered as the bibliography.

The staged notebooks are copies: the committed notebooks are never changed.
"""

from __future__ import annotations

import copy
import csv
import json
import re
import shutil
import sys
from pathlib import Path

from PIL import Image, ImageDraw
from sphinx.cmd.build import build_main

import analysis
from analysis import paths
from analysis.external.registry import REGISTRY as DATASETS
from analysis.figures import load_all

BOOK = Path(__file__).resolve().parent
BUILD = BOOK / "_build"
SOURCE = BUILD / "src"
HTML = BUILD / "html"
#: the page that shows the notebook 00-index (the home page)
HOME = "00-index"

CITE_CALL = re.compile(r"cite\(\s*\[([^\]]*)\]")
FIGURE_CALL = re.compile(r"""show\(\s*["'](fig\d\d_\w+)["']\s*\)""")
BIB_SPECIAL = re.compile(r"([&%$#_])")


def first_sentence(markdown: str) -> str:
    """The first sentence of a caption, as plain text (for alt text).

    Examples
    --------
    >>> first_sentence("**Answers:** How many are there? **How to read:** Bars count `x`.")
    'Answers: How many are there?'
    """
    text = re.sub(r"[*`]", "", markdown).strip()
    match = re.match(r"(.+?[.?!])(\s|$)", text, re.S)
    return " ".join((match.group(1) if match else text).split())


def notebook_text(nb: dict) -> str:
    """Every markdown source and text output of a notebook, joined (what a reader sees)."""
    parts = []
    for cell in nb["cells"]:
        parts.append("".join(cell["source"]))
        for output in cell.get("outputs", []):
            parts.append("".join(output.get("text", "")))
            for mime in ("text/plain", "text/markdown"):
                parts.append("".join(output.get("data", {}).get(mime, "")))
    return "\n".join(parts)


def un_documents() -> list[dict]:
    """The UN documents of ``data/raw/sources.csv`` (source_id, citation, title, year, url)."""
    with open(paths.DATA_RAW / "sources.csv", newline="", encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if row["kind"] == "un_document"]


def symbol(document: dict) -> str:
    """A UN document's symbol as written in the text: 'S/RES/1973 (2011)' -> 'S/RES/1973'."""
    return document["citation"].split(" (")[0].strip()


def _bib_text(value: str) -> str:
    return BIB_SPECIAL.sub(r"\\\1", value.replace("{", "(").replace("}", ")"))


def document_bibtex(document: dict) -> str:
    """One UN document as a BibTeX ``@misc`` entry keyed by its source_id."""
    fields = {"author": "{United Nations}", "title": "{" + _bib_text(document["title"]) + "}",
              "year": document["year"], "howpublished": "UN document " + _bib_text(document["citation"])}
    if document["url"]:
        fields["url"] = document["url"]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
    return f"@misc{{{document['source_id']},\n{body}\n}}"


def references_bib() -> str:
    """The book's one BibTeX file: the datasets (``analysis.cite()``) and the UN documents."""
    return analysis.cite() + "\n" + "\n\n".join(document_bibtex(d) for d in un_documents()) + "\n"


def cited_keys(nb: dict, stem: str, figures: dict) -> list[str]:
    """The BibTeX keys a page relies on: datasets behind its figures or in its ``cite([...])`` calls, UN documents it
    names."""
    text = notebook_text(nb)
    notebook = f"notebooks/{stem}.ipynb"
    datasets = {d for spec in figures.values() if spec.notebook == notebook for d in spec.datasets}
    datasets |= {key for cell in nb["cells"] if cell["cell_type"] == "code"
                 for call in CITE_CALL.findall("".join(cell["source"])) for key in re.findall(r"[\w-]+", call)}
    keys = [k for key in sorted(datasets & set(DATASETS)) for k in DATASETS[key].citation_keys()]
    keys += [d["source_id"] for d in un_documents()
             if re.search(rf"(?<![\w/]){re.escape(symbol(d))}(?![\w/])", text)]
    return list(dict.fromkeys(keys))


def markdown_cell(cell_id: str, source: str) -> dict:
    return {"cell_type": "markdown", "id": f"book-{cell_id}", "metadata": {}, "source": source}


def annotate_figures(nb: dict) -> dict:
    """A copy of *nb* whose figure outputs carry their caption (a figure) and alt text (its first sentence)."""
    nb = copy.deepcopy(nb)
    for cell in nb["cells"]:
        if cell["cell_type"] != "code" or not FIGURE_CALL.search("".join(cell["source"])):
            continue
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/png" in data and "text/markdown" in data:
                caption = "".join(data["text/markdown"]).strip()
                cell["metadata"]["mystnb"] = {"image": {"alt": first_sentence(caption)},
                                              "figure": {"caption": caption}}
    return nb


def references_cell(keys: list[str]) -> dict:
    return markdown_cell("references", "## References\n\nThis page relies on these datasets and documents."
                         f"{{footcite}}`{','.join(keys)}`\n\n```{{footbibliography}}\n```\n")


def home_cells() -> list[dict]:
    cff = (paths.ROOT / "CITATION.cff").read_text(encoding="utf-8").strip()
    return [
        markdown_cell("citation-file", "### The suite's citation file\n\n`CITATION.cff` at the repository's root:\n\n"
                      f"```yaml\n{cff}\n```\n"),
        markdown_cell("contents", "## Contents\n\n```{toctree}\n:maxdepth: 1\n\n"
                      + "\n".join(f"notebooks/{p.stem}" for p in notebooks() if p.stem != HOME)
                      + "\ngallery\nnetworks\ndata\ndecisions/index\nreferences\n```\n"),
    ]


def notebooks() -> list[Path]:
    return sorted(paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


def stage_notebooks(dest: Path, figures: dict) -> None:
    for path in notebooks():
        nb = annotate_figures(json.loads(path.read_text(encoding="utf-8")))
        keys = cited_keys(nb, path.stem, figures)
        if path.stem == HOME:
            nb["cells"] += home_cells()
        if keys:
            nb["cells"].append(references_cell(keys))
        target = dest / ("index.ipynb" if path.stem == HOME else f"notebooks/{path.name}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def gallery_page(dest: Path, figures: dict) -> str:
    """The figure gallery: every figure, its full caption, and its files (copied under ``figures/``)."""
    (dest / "figures").mkdir(parents=True, exist_ok=True)
    lines = ["# Figure gallery", "",
             "Every figure of the suite with its full caption: what it answers, how to read it, what it does not "
             "show, and what made it. Each figure's numbers are in its CSV.", ""]
    for stem, spec in figures.items():
        for suffix in ("png", "pdf", "csv"):
            shutil.copy2(paths.FIGURES / f"{stem}.{suffix}", dest / "figures" / f"{stem}.{suffix}")
        caption = spec.caption()
        lines += [f"## Figure {spec.number}: {spec.slug.replace('_', ' ')}", "",
                  f"```{{figure}} figures/{stem}.png", f":alt: {first_sentence(caption)}", "", caption, "```", "",
                  f"Files: {{download}}`{stem}.png <figures/{stem}.png>` · "
                  f"{{download}}`{stem}.pdf <figures/{stem}.pdf>` · "
                  f"numbers: {{download}}`{stem}.csv <figures/{stem}.csv>`", ""]
    return "\n".join(lines)


def network_title(stem: str, names: dict) -> str:
    if stem == "normative":
        return "The actor-obligation network (notebook 04)"
    return f"{names.get(stem, stem)} (notebook 05)"


def networks_page(dest: Path) -> str:
    """The network views in iframes (their HTML copied under ``_extra/networks`` = ``networks/`` in the site)."""
    with open(paths.DATA_RAW / "situations.csv", newline="", encoding="utf-8") as handle:
        names = {row["situation_id"]: row["name"] for row in csv.DictReader(handle)}
    views = sorted((paths.FIGURES / "networks").glob("*.html"))
    (dest / "_extra" / "networks").mkdir(parents=True, exist_ok=True)
    (dest / "networks").mkdir(parents=True, exist_ok=True)
    lines = ["# Network views", "",
             "The interactive views of the obligation networks, as `make figures` exports them (pyvis, positions "
             "fixed): drag a node, zoom with the wheel, hover for details. Each view is also a self-contained file "
             "to open on its own or project in class; the GraphML and GEXF files open in Gephi.", ""]
    for view in views:
        stem = view.stem
        shutil.copy2(view, dest / "_extra" / "networks" / view.name)
        for suffix in ("graphml", "gexf"):
            shutil.copy2(view.with_suffix(f".{suffix}"), dest / "networks" / f"{stem}.{suffix}")
        title = network_title(stem, names)
        lines += [f"## {title}", "",
                  f'<iframe class="network-view" src="networks/{view.name}" title="Interactive network: {title}" '
                  'width="100%" height="940" style="border: 1px solid #ccc"></iframe>', "",
                  f'<a href="networks/{view.name}">Open the view on its own page</a> · '
                  f"{{download}}`GraphML <networks/{stem}.graphml>` · {{download}}`GEXF <networks/{stem}.gexf>`",
                  ""]
    return "\n".join(lines)


def favicon(path: Path) -> None:
    """The site's ``favicon.ico`` (the network views, served as they are, name no icon: browsers ask for it)."""
    image = Image.new("RGBA", (32, 32), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((2, 7, 20, 25), fill="#2166ac")
    draw.ellipse((12, 7, 30, 25), fill="#d6604d")
    image.save(path, format="ICO", sizes=[(32, 32)])


def decisions_pages(dest: Path) -> None:
    (dest / "decisions").mkdir(parents=True, exist_ok=True)
    records = sorted((paths.DOCS / "decisions").glob("[0-9][0-9][0-9]-*.md"))
    for record in records:
        shutil.copy2(record, dest / "decisions" / record.name)
    (dest / "decisions" / "index.md").write_text(
        "# Decision records\n\nWhy the suite is built as it is: each record gives the context, the decision and "
        "its consequences.\n\n```{toctree}\n:maxdepth: 1\n\n" + "\n".join(r.stem for r in records) + "\n```\n",
        encoding="utf-8")


def stage(dest: Path = SOURCE) -> Path:
    """Lay out the book's sources in *dest* (emptied first); return *dest*."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    figures = load_all()
    shutil.copy2(BOOK / "conf.py", dest / "conf.py")
    shutil.copytree(BOOK / "static", dest / "_static")
    stage_notebooks(dest, figures)
    pages = {
        "gallery.md": gallery_page(dest, figures),
        "networks.md": networks_page(dest),
        "data.md": (paths.DATA / "README.md").read_text(encoding="utf-8"),
        "references.bib": references_bib(),
        "references.md": "# References\n\nEvery dataset and UN document in the suite's bibliography "
                         "(`analysis.cite()` and `data/raw/sources.csv`).\n\n```{bibliography}\n:all:\n```\n",
    }
    for name, text in pages.items():
        (dest / name).write_text(text, encoding="utf-8")
    decisions_pages(dest)
    favicon(dest / "_extra" / "favicon.ico")
    return dest


def build(source: Path = SOURCE, html: Path = HTML) -> int:
    """Stage the sources and run Sphinx with warnings as errors; return Sphinx's exit status."""
    stage(source)
    return build_main(["-W", "--keep-going", "-q", "-b", "html", "-d", str(source.parent / "doctrees"),
                       str(source), str(html)])


if __name__ == "__main__":
    sys.exit(build())
