"""The README's list of tables, rendered from the models so it cannot drift from them."""

from __future__ import annotations

import re
from pathlib import Path

from tollbook import paths
from tollbook.contract.schemas import TABLES, primary_key
from tollbook.docs.markdown import anchor, table

BLOCK = re.compile(r"(<!-- section:tables -->\n)(.*?)(<!-- /section:tables -->)", re.S)


def render_tables_block() -> str:
    rows = []
    for name, model in TABLES.items():
        summary = " ".join((model.__doc__ or "").split())
        rows.append((f"[{name}](docs/data-dictionary.md#{anchor(name)})", summary,
                     ", ".join(primary_key(model))))
    intro = ("Every release holds these tables, one Parquet file each; the full list of columns is in "
             "[docs/data-dictionary.md](docs/data-dictionary.md), generated from the same models.")
    return "## Tables\n\n" + intro + "\n\n" + table(["table", "what a row is", "key"], rows) + "\n"


def readme_path() -> Path:
    return paths.project_root() / "README.md"


def refreshed_readme(text: str) -> str:
    """``text`` with its tables block replaced by the rendered one."""
    if not BLOCK.search(text):
        raise ValueError("README.md has no <!-- section:tables --> block")
    return BLOCK.sub(lambda m: m.group(1) + render_tables_block() + m.group(3), text, count=1)
