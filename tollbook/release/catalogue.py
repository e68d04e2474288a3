"""The catalogue of releases (``releases/index.json``): what exists, and what ``latest`` is."""

from __future__ import annotations

import json
from pathlib import Path

from tollbook.contract.problems import TollbookError
from tollbook.contract.versions import parse_version, version_key

INDEX_FILE = "index.json"


def _entries(path: Path, data) -> list[dict]:
    """The entries of a parsed catalogue, refused unless each is a mapping with a version string."""
    entries = data.get("releases", []) if isinstance(data, dict) else None
    if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get("version"), str)
                                                 for e in entries):
        raise TollbookError(f"{path} is not a release catalogue: it must be "
                            '{"releases": [{"version": ..., "manifest_sha256": ...}, ...]}')
    return entries


def read_index(releases: Path) -> list[dict]:
    path = releases / INDEX_FILE
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise TollbookError(f"{path} is not valid JSON (line {exc.lineno}): {exc.msg}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TollbookError(f"{path} cannot be read: {getattr(exc, 'strerror', None) or exc}") from None
    return sorted(_entries(path, data), key=lambda r: version_key(r["version"]))


def index_text(entries: list[dict]) -> str:
    ordered = sorted(entries, key=lambda r: version_key(r["version"]))
    return json.dumps({"releases": ordered}, indent=2, sort_keys=True) + "\n"


def known_versions(releases: Path) -> list[str]:
    return [r["version"] for r in read_index(releases)]


def resolve_entry(releases: Path, version: str = "latest") -> tuple[Path, dict]:
    """The folder of ``version`` (or of the newest release for ``latest``) and its catalogue entry."""
    entries = {r["version"]: r for r in read_index(releases)}
    if version == "latest":
        if not entries:
            raise TollbookError(f"no releases in {releases}: run `tollbook build` first")
        version = list(entries)[-1]
    else:
        parse_version(version)
        if version not in entries:
            known = ", ".join(entries) or "none"
            raise TollbookError(f"unknown release {version}; known releases: {known}")
    folder = releases / version
    if not folder.is_dir():
        raise TollbookError(f"release {version} is catalogued but its folder {folder} is missing")
    return folder, entries[version]


def resolve(releases: Path, version: str = "latest") -> Path:
    """The folder of ``version`` (or of the newest release for ``latest``)."""
    return resolve_entry(releases, version)[0]
