"""The catalogue of releases (``releases/index.json``): what exists, and what ``latest`` is."""

from __future__ import annotations

import json
from pathlib import Path

from tollbook.problems import TollbookError
from tollbook.release.versions import parse_version, version_key

INDEX_FILE = "index.json"


def read_index(releases: Path) -> list[dict]:
    path = releases / INDEX_FILE
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise TollbookError(f"{path} is not valid JSON (line {exc.lineno}): {exc.msg}") from None
    return sorted(data.get("releases", []), key=lambda r: version_key(r["version"]))


def index_text(entries: list[dict]) -> str:
    ordered = sorted(entries, key=lambda r: version_key(r["version"]))
    return json.dumps({"releases": ordered}, indent=2, sort_keys=True) + "\n"


def known_versions(releases: Path) -> list[str]:
    return [r["version"] for r in read_index(releases)]


def resolve(releases: Path, version: str = "latest") -> Path:
    """The folder of ``version`` (or of the newest release for ``latest``)."""
    versions = known_versions(releases)
    if version == "latest":
        if not versions:
            raise TollbookError(f"no releases in {releases}: run `tollbook build` first")
        version = versions[-1]
    else:
        parse_version(version)
        if version not in versions:
            known = ", ".join(versions) or "none"
            raise TollbookError(f"unknown release {version}; known releases: {known}")
    folder = releases / version
    if not folder.is_dir():
        raise TollbookError(f"release {version} is catalogued but its folder {folder} is missing")
    return folder
