"""Releases fetched from their published location (or a mirror), verified and cached.

pooch downloads each file and checks it against a known sha256 before it is kept: SHA256SUMS
against the registry shipped in the package (:mod:`tollbook.registry`), every other file against
that SHA256SUMS. The files live in the user's cache folder (platformdirs), one folder per version
beside an ``index.json`` written from the registry, so a cached release is an ordinary release
folder that :func:`tollbook.release.integrity.open_release` checks as it checks any other (the
manifest's hash against the registry again). A file already in the cache with the right hash is
not fetched again: once cached, a release reads offline.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from tollbook import paths, registry
from tollbook.contract.problems import TollbookError

SUMS_FILE = "SHA256SUMS"
MANIFEST_FILE = "manifest.json"
INDEX_FILE = "index.json"

#: Seconds to wait for a server before giving up on a file.
TIMEOUT = 60


def cache_dir() -> Path:
    """The user's cache folder for releases (``~/.cache/tollbook/releases`` on Linux; platformdirs
    follows XDG_CACHE_HOME and each system's own place)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("tollbook", appauthor=False)) / "releases"


def _fetch(url: str, folder: Path, name: str, sha256: str) -> Path:
    import pooch
    import requests

    pooch.get_logger().setLevel("WARNING")
    try:
        return Path(pooch.retrieve(f"{url}{name}", known_hash=f"sha256:{sha256}", fname=name, path=folder,
                                   downloader=pooch.HTTPDownloader(timeout=TIMEOUT)))
    except ValueError as exc:  # pooch: the downloaded bytes do not have the known hash
        if "hash" not in str(exc).lower():
            raise
        raise TollbookError(f"refused {url}{name}: its sha256 is not the {sha256} that the release lists; "
                            "the server holds a changed file") from None
    except requests.RequestException as exc:
        reason = getattr(exc.response, "status_code", None)
        why = f"HTTP {reason}" if reason else type(exc).__name__
        raise TollbookError(f"cannot fetch {url}{name} ({why}) and the cache {folder} holds no verified copy; "
                            f"connect to the network, or set {paths.RELEASES_VARIABLE} to a mirror") from None


def _sums(folder: Path) -> dict[str, str]:
    from tollbook.release.checksums import read_sums

    return read_sums(folder)


def _write_index(cache: Path) -> None:
    text = json.dumps({"releases": registry.entries()}, indent=2, sort_keys=True) + "\n"
    path = cache / INDEX_FILE
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        cache.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)


def fetch_release(url: str, version: str = "latest", names: Iterable[str] | None = None,
                  show_progress: bool = False) -> Path:
    """The cache's releases folder, once ``version``'s SHA256SUMS, manifest.json and ``names``
    (default: every file SHA256SUMS lists) are there with their registered hashes."""
    entry = registry.entry(version)
    version = entry["version"]
    cache = cache_dir()
    _write_index(cache)
    folder = cache / version
    base = f"{url}{version}/"
    _fetch(base, folder, SUMS_FILE, entry["sums_sha256"])
    sums = _sums(folder)
    wanted = [MANIFEST_FILE, *(sorted(sums) if names is None else names)]
    todo: Iterable[str] = list(dict.fromkeys(n for n in wanted if n in sums))
    if show_progress:
        from tollbook.progress import progress

        todo = progress(todo, label=f"release {version}")
    for name in todo:
        _fetch(base, folder, name, sums[name])
    return cache


def local_releases(releases: Path | str | None, version: str = "latest",
                   names: Iterable[str] | None = None) -> Path:
    """A local folder of releases that holds ``version`` (with ``names``): the folder given or found,
    or the cache after fetching from a URL."""
    source = paths.release_source(releases)
    if isinstance(source, Path):
        return source
    return fetch_release(source, version, names)


def download(version: str = "latest", releases: Path | str | None = None) -> Path:
    """Fetch every file of a release into the cache ahead of time; the release's folder.

    >>> download("2.0.0")  # doctest: +SKIP
    """
    source = paths.release_source(releases)
    if isinstance(source, Path):
        from tollbook.release.catalogue import resolve

        return resolve(source, version)
    cache = fetch_release(source, version, show_progress=True)
    return cache / registry.entry(version)["version"]
