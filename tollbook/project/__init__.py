"""``tollbook init DIR``: a new, empty Tollbook project that checks and builds at once.

The files come from ``template/`` beside this module (package data): ``dataset/release.yaml``
(the marker that makes a folder a project, tollbook/paths.py), the reference tables with their
headers, an empty ``events.yaml`` and ``removals.csv``, empty ``records/`` and ``sources/``
folders, a README stub and a ``.gitignore``. ``$title``, ``$version`` and ``$date`` are filled in.
"""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from string import Template

from tollbook.contract.problems import TollbookError
from tollbook.paths import MARKER

#: Files whose text is a template; the others are copied as they are.
_FILLED = {"release.yaml", "README.md"}
#: Template names that are stored without their leading dot (package data keeps no dotfiles).
_DOTTED = {"gitignore": ".gitignore"}
#: Folders made empty: the curator fills them.
EMPTY_FOLDERS = ("dataset/records", "dataset/sources")


def _files(folder: Traversable, prefix: str = "") -> list[tuple[str, Traversable]]:
    found = []
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        if item.name == "__pycache__":
            continue
        if item.is_dir():
            found += _files(item, f"{prefix}{item.name}/")
        else:
            found.append((prefix + _DOTTED.get(item.name, item.name), item))
    return found


def new_project(target: Path, title: str, version: str = "0.1.0", today: dt.date | None = None) -> list[Path]:
    """Write a new project into ``target`` (which must be empty or new); the files written."""
    from tollbook.contract.versions import parse_version

    parse_version(version)
    if (target / MARKER).exists() or (target.exists() and any(target.iterdir())):
        raise TollbookError(f"{target} is not empty: `tollbook init` writes a new project into a new or empty folder")
    values = {"title": title, "version": version, "date": (today or dt.date.today()).isoformat()}
    written = []
    for name, item in _files(resources.files(__name__).joinpath("template")):
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        text = item.read_text(encoding="utf-8")
        if path.name in _FILLED:  # a title in YAML is written as a JSON string (valid YAML, any text)
            filled = {**values, "title": json.dumps(title, ensure_ascii=False)} if path.suffix == ".yaml" else values
            text = Template(text).safe_substitute(filled)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    for folder in EMPTY_FOLDERS:
        (target / folder).mkdir(parents=True, exist_ok=True)
    return written
