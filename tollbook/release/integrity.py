"""The chain that makes a release tamper-evident, checked by every reader.

Each file's bytes → its line in SHA256SUMS → the same hash in manifest.json (for the table
files) → manifest.json's own hash in SHA256SUMS → ``manifest_sha256`` in ``releases/index.json``.
Replacing a table and its SHA256SUMS line is caught by the manifest; editing the manifest too is
caught by the catalogue.
"""

from __future__ import annotations

import json
from pathlib import Path

from tollbook.contract.problems import TollbookError
from tollbook.contract.versions import VERSION_PATTERN, version_key
from tollbook.release.catalogue import INDEX_FILE, known_versions, resolve_entry
from tollbook.release.checksums import SUMS_FILE, check_digest, check_listed, read_sums, sha256_bytes

MANIFEST_FILE = "manifest.json"


def _manifest(folder: Path, data: bytes) -> dict:
    path = folder / MANIFEST_FILE
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TollbookError(f"{path} is not valid JSON: {exc}") from None
    tables = manifest.get("tables") if isinstance(manifest, dict) else None
    if not isinstance(tables, dict) or not all(isinstance(t, dict) and isinstance(t.get("file"), str)
                                               and isinstance(t.get("sha256"), str) for t in tables.values()):
        raise TollbookError(f"{path} does not list its tables with their file and sha256")
    return manifest


def open_release(releases: Path, version: str = "latest") -> tuple[Path, dict[str, str]]:
    """The release folder and its SHA256SUMS, once manifest.json is the one the catalogue lists
    and every table file's SHA256SUMS line agrees with the manifest. (The table files' own bytes
    are checked against SHA256SUMS by whoever reads them.)"""
    folder, entry = resolve_entry(releases, version)
    sums = read_sums(folder)
    path = check_listed(folder, MANIFEST_FILE, sums)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TollbookError(f"{path} cannot be read: {exc.strerror}") from None
    digest = sha256_bytes(data)
    check_digest(folder, MANIFEST_FILE, digest, sums)
    if digest != entry.get("manifest_sha256"):
        raise TollbookError(
            f"{path} has sha256 {digest} but {releases / INDEX_FILE} lists {entry.get('manifest_sha256')} "
            f"for release {entry['version']}: the release was changed after it was catalogued")
    manifest = _manifest(folder, data)
    if manifest.get("version") != entry["version"]:
        raise TollbookError(f"{path} is the manifest of release {manifest.get('version')}, not of "
                            f"{entry['version']}: {releases / INDEX_FILE} points at another version's folder")
    for table in manifest["tables"].values():
        if sums.get(table["file"]) != table["sha256"]:
            raise TollbookError(
                f"{folder / table['file']} is listed in {SUMS_FILE} with sha256 {sums.get(table['file'])} but "
                f"{MANIFEST_FILE} says {table['sha256']}: the release was changed after it was built")
    return folder, sums


def check_catalogue(releases: Path, building: str) -> None:
    """Refuse a catalogue that disagrees with the release folders beside it: a release folder it
    does not list (only ``building``'s may be, left by a build that died before cataloguing), or
    an entry whose folder holds another version's manifest. A build compares ids with the previous
    release, so it must not trust a catalogue that lost or swapped one."""
    if not releases.is_dir():
        return
    listed = set(known_versions(releases))
    for child in sorted(releases.iterdir()):
        if child.is_dir() and VERSION_PATTERN.match(child.name) and child.name not in listed \
                and child.name != building:
            raise TollbookError(
                f"release folder {child} is not in {releases / INDEX_FILE}: the catalogue disagrees with "
                "the release folders (restore index.json from version control); nothing was written")
    for version in sorted(listed, key=version_key):
        open_release(releases, version)
