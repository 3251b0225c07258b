"""Execute the notebooks top to bottom, in place, reproducibly (``make notebooks``).

Each notebook runs in a fresh kernel from the ``notebooks/`` folder. Timing
metadata is not recorded, volatile metadata is dropped, and the file is
rewritten (atomically) only when its content changed, so that a second run on
the same data leaves ``git status`` clean.

Usage: ``python -m analysis.notebooks notebooks/00-index.ipynb ...``
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd

from .atomic import write_text

#: how notebooks print tables: wide enough for the suite's tables, never truncated mid-column
DISPLAY_OPTIONS = {"display.width": 140, "display.max_columns": 20, "display.max_colwidth": 60}


def setup() -> None:
    """Set the notebooks' display options (the first cell of every notebook calls it).

    Examples
    --------
    >>> setup()
    >>> pd.get_option("display.width")
    140
    """
    for option, value in DISPLAY_OPTIONS.items():
        pd.set_option(option, value)


VOLATILE_CELL_KEYS = ("execution", "collapsed", "scrolled")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def clean(nb: dict) -> dict:
    """Drop metadata that changes from run to run (timings, widget state, UI flags).

    Widget views keep their place in the outputs, numbered in order instead of
    the random model ids of the run (the live state is not stored).
    """
    nb.setdefault("metadata", {}).pop("widgets", None)
    nb["metadata"].pop("vscode", None)
    lang = nb["metadata"].get("language_info", {})
    lang.pop("version", None)
    widgets = 0
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = coalesce_streams(cell.get("outputs", []))
            for output in cell["outputs"]:
                view = output.get("data", {}).get(WIDGET_VIEW)
                if view is not None:  # a fresh random model id on every run: number the views instead
                    widgets += 1
                    view["model_id"] = f"widget-{widgets:02d}"
    for number, cell in enumerate(nb.get("cells", [])):
        for key in VOLATILE_CELL_KEYS:
            cell.get("metadata", {}).pop(key, None)
        cell["id"] = f"cell-{number:02d}"
    nb["nbformat_minor"] = 5
    return nb


def coalesce_streams(outputs: list[dict]) -> list[dict]:
    """Merge consecutive stream outputs of the same name (their split depends on timing).

    Examples
    --------
    >>> out = coalesce_streams([{"output_type": "stream", "name": "stdout", "text": ["a\\n"]},
    ...                         {"output_type": "stream", "name": "stdout", "text": ["b\\n"]}])
    >>> out[0]["text"]
    ['a\\n', 'b\\n']
    """
    merged: list[dict] = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (output.get("output_type") == "stream" and previous is not None
                and previous.get("output_type") == "stream" and previous.get("name") == output.get("name")):
            text = "".join(previous["text"]) + "".join(output["text"])
            previous["text"] = text.splitlines(keepends=True)
        else:
            merged.append(output)
    for output in merged:
        if output.get("output_type") == "stream":
            output["text"] = "".join(output["text"]).splitlines(keepends=True)
    return merged


def dumps(nb: dict) -> str:
    """Serialise a notebook the same way every time (sorted keys, one-space indent)."""
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def execute(path: Path, timeout: int = 600) -> bool:
    """Execute one notebook in place; return True if the file changed."""
    import nbformat  # the kernel machinery is needed only to execute, not by setup() in every notebook
    from nbclient import NotebookClient

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    text = dumps(clean(json.loads(nbformat.writes(nb))))
    if path.read_text(encoding="utf-8") == text:
        return False
    write_text(path, text)
    return True


def main(argv: list[str] | None = None) -> int:
    names = argv if argv is not None else sys.argv[1:]
    for name in names:
        changed = execute(Path(name))
        print(f"{'updated' if changed else 'unchanged'}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
