"""Sphinx configuration of the suite's book (copied next to the sources by book/build.py).

Everything the pages load is bundled in the build: the theme ships its fonts and icons, no MathJax (the pages
have no mathematics), no ipywidgets JavaScript (the classroom form is live in Jupyter only), no intersphinx.
"""

project = "protection-scope"
author = "protection-scope contributors"
copyright = "protection-scope contributors; text, data and figures CC BY 4.0, code MIT"
language = "en"

extensions = ["myst_nb", "sphinxcontrib.bibtex"]

# the notebooks are shown with their committed outputs, never executed here
nb_execution_mode = "off"
nb_merge_streams = True
nb_ipywidgets_js = {}  # the default loads require.js and the widget manager from a CDN
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3

bibtex_bibfiles = ["references.bib"]
bibtex_default_style = "plain"
bibtex_reference_style = "author_year"

exclude_patterns = ["_extra", "**.ipynb_checkpoints"]
html_extra_path = ["_extra"]  # the network views, served as they are under networks/
html_static_path = ["_static"]
html_css_files = ["book.css"]
html_favicon = "_static/favicon.svg"
html_context = {"default_mode": "light"}  # no stored mode on a first visit: the theme would log an error

html_theme = "pydata_sphinx_theme"
html_title = "protection-scope"
html_show_sourcelink = False
html_copy_source = False
html_sidebars = {"**": []}  # no left sidebar: the pages are flat; the header and "On this page" navigate
html_theme_options = {
    "navigation_depth": 2,
    "header_links_before_dropdown": 3,
    "show_toc_level": 2,
    "footer_start": ["copyright"],
    "footer_end": [],
}
