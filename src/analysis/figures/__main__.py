"""``python -m analysis.figures [--index] [STEM ...]``: render figures, their numbers, the manifest and captions.

With no argument, every figure and the manifest (``make figures`` on a clean tree). With figure stems, only
those figures (``make`` calls it for the figures whose inputs changed). With ``--index``, only
``MANIFEST.csv`` and ``README.md`` from the files in place.
"""

import sys

from .build import build, index

args = sys.argv[1:]
if args == ["--index"]:
    manifest = index()
    print(f"figures/MANIFEST.csv: {len(manifest)} files")
    sys.exit(0)
for row in build(stems=args or None).itertuples():
    print(f"{row.sha256[:12]}  figures/{row.file}")
sys.exit(0)
