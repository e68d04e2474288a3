"""The registry shipped in the package (tollbook/registry/releases.json) lists exactly the
committed releases, with the hashes of their manifest.json and SHA256SUMS."""

from __future__ import annotations

import hashlib

import pytest
from factories import REPO

from tollbook import registry
from tollbook.contract.problems import TollbookError
from tollbook.release.catalogue import read_index


def sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_registry_matches_the_committed_releases():
    text = (REPO / "tollbook/registry/releases.json").read_text(encoding="utf-8")
    assert text == registry.registry_text(REPO / "releases", registry.published_url()), (
        "tollbook/registry/releases.json is stale: run python scripts/refresh_registry.py")
    listed = registry.registry()["releases"]
    assert [e["version"] for e in listed] == [e["version"] for e in read_index(REPO / "releases")]
    for entry in listed:
        folder = REPO / "releases" / entry["version"]
        assert entry["manifest_sha256"] == sha256(folder / "manifest.json")
        assert entry["sums_sha256"] == sha256(folder / "SHA256SUMS")
    assert registry.entries() == read_index(REPO / "releases")  # the catalogue, as users' caches get it


def test_latest_is_the_newest_and_an_unregistered_version_is_refused():
    assert registry.entry("latest")["version"] == registry.registry()["releases"][-1]["version"]
    with pytest.raises(TollbookError, match=r"^release 9\.9\.9 is not registered in this tollbook package "
                                            r"\(registered: 1\.0\.0, 2\.0\.0.*pip install -U tollbook"):
        registry.entry("9.9.9")
    assert registry.published_url().endswith("/")
