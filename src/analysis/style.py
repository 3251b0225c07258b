"""The suite's colours and labels: one palette for the figures and the network exports.

Presentation only: the analysis layer never imports this module; the figures
pass these colours to it where it draws (for example
:func:`analysis.networks.export`).

Examples
--------
>>> CATEGORY_LABELS["poc_only"], CATEGORY_COLORS["poc_only"]
('POC only', '#2166ac')
>>> NORM_COLORS["both"] == CATEGORY_COLORS["both"]
True
>>> from analysis.networks import COLOR_KEYS
>>> set(NETWORK_COLORS) == set(COLOR_KEYS)
True
"""

from __future__ import annotations

#: colour-blind-safe colours of the four categories (ColorBrewer PuOr/RdBu family, grey for neither)
CATEGORY_COLORS = {"both": "#762a83", "poc_only": "#2166ac", "r2p_only": "#d6604d", "neither": "#bababa"}
CATEGORY_LABELS = {"both": "both", "poc_only": "POC only", "r2p_only": "R2P only", "neither": "neither"}
#: an obligation's norm in the colour of the category it alone would give
NORM_COLORS = {"POC": CATEGORY_COLORS["poc_only"], "both": CATEGORY_COLORS["both"],
               "R2P": CATEGORY_COLORS["r2p_only"]}
#: the colours of the HTML network views (keys: :data:`analysis.networks.COLOR_KEYS`)
NETWORK_COLORS = {**NORM_COLORS, "other": "#999999", "instrument": "#bababa", "actor": "#4d4d4d",
                  "blocked": "#b2182b", "actor_text": "#ffffff", "edge": "#c8c8c8"}
