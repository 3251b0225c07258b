"""``python -m analysis.figures``: render every figure, its numbers, the manifest and captions."""

import sys

from .build import build

manifest = build()
for row in manifest.itertuples():
    print(f"{row.sha256[:12]}  figures/{row.file}")
print(f"wrote figures/MANIFEST.csv ({len(manifest)} files)")
sys.exit(0)
