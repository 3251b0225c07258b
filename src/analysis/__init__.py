"""protection-scope: when do situations fall under POC, R2P, both or neither?

The library behind the suite's notebooks and figures. Data flows one way:

``data/raw`` (project-coded) and ``data/external`` (publishers' datasets)
→ validated frames (:mod:`analysis.data`, :mod:`analysis.external`)
→ classification, panel and networks (:mod:`analysis.scope`, ...)
→ tables and figures (:mod:`analysis.figures`).

Examples
--------
>>> import analysis
>>> analysis.data_version()["ucdp_acd"]
'25.1'
>>> analysis.data_version()["protection_scope"]
'1.1.0'
"""

from .data import data_version
from .external.registry import cite

__version__ = "0.1.0"
__all__ = ["cite", "data_version", "__version__"]
