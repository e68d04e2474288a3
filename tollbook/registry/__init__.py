"""The registry of published releases shipped inside the package (``releases.json``).

It names where the releases are published (``url``) and, for each release, the catalogue entry
of ``releases/index.json`` together with the sha256 of its SHA256SUMS file. Files fetched from
the published location or any mirror are checked against it: SHA256SUMS against the registry,
every other file against SHA256SUMS, and manifest.json against the registry again (through the
catalogue), so a mirror that changes a file, or a whole release, is refused.

``python scripts/refresh_registry.py`` rewrites it from ``releases/`` after a release is built;
tests/releases/test_registry.py checks that it agrees with ``releases/*/manifest.json``.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path

from tollbook.contract.problems import TollbookError
from tollbook.hashing import sha256_file

REGISTRY_FILE = "releases.json"


@cache
def registry() -> dict:
    """The shipped registry: ``{"url": ..., "releases": [entry, ...]}`` (oldest first)."""
    return json.loads(resources.files(__name__).joinpath(REGISTRY_FILE).read_text(encoding="utf-8"))


def published_url() -> str:
    """The base URL releases are published under (``<url><version>/<file>``)."""
    return registry()["url"].rstrip("/") + "/"


def entries() -> list[dict]:
    """Catalogue entries of the registered releases, as in ``releases/index.json``."""
    return [{k: v for k, v in e.items() if k != "sums_sha256"} for e in registry()["releases"]]


def entry(version: str) -> dict:
    """The registry entry of ``version`` (``latest``: the newest), refused when not registered."""
    releases = registry()["releases"]
    if not releases:
        raise TollbookError("this tollbook package registers no published release")
    if version == "latest":
        return releases[-1]
    for e in releases:
        if e["version"] == version:
            return e
    known = ", ".join(e["version"] for e in releases)
    raise TollbookError(f"release {version} is not registered in this tollbook package (registered: {known}); "
                        "a newer release needs a newer tollbook (pip install -U tollbook)")


def registry_text(releases: Path, url: str) -> str:
    """The registry for the releases catalogued in ``releases`` (its index.json), published under ``url``."""
    from tollbook.contract.versions import version_key

    index = json.loads((releases / "index.json").read_text(encoding="utf-8"))["releases"]
    listed = []
    for e in sorted(index, key=lambda r: version_key(r["version"])):
        listed.append({**e, "sums_sha256": sha256_file(releases / e["version"] / "SHA256SUMS")})
    return json.dumps({"url": url, "releases": listed}, indent=2, sort_keys=True) + "\n"
