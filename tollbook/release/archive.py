"""One release as one archive with deterministic bytes, its checksum, and the metadata a DOI
deposit needs (Zenodo's ``.zenodo.json``), written outside the release folder (``dist/``).

The archive holds ``<name>-<version>/`` and in it every file SHA256SUMS lists, with SHA256SUMS
itself, sorted by name; every entry has the release date as its time, owner 0:0, mode 0644; the
gzip header has no file name and time 0. The same release folder therefore always gives the same
bytes, and the folder itself is never touched. The deposit metadata is read from the release's
CITATION.cff, so it describes exactly the release archived.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import json
import tarfile
from dataclasses import dataclass
from pathlib import Path

from tollbook.release.checksums import SUMS_FILE, read_sums, verify_file
from tollbook.release.citation import read_citation

#: The deposit metadata file Zenodo reads (its licence ids are SPDX ids in lower case).
ZENODO_METADATA = ".zenodo.json"


@dataclass(frozen=True)
class Archive:
    path: Path
    sha256: str
    checksum_file: Path
    deposit: Path


def _info(name: str, size: int, mtime: int, directory: bool = False) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size = 0 if directory else size
    info.mtime = mtime
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.mode = 0o755 if directory else 0o644
    info.type = tarfile.DIRTYPE if directory else tarfile.REGTYPE
    return info


def archive_bytes(folder: Path, prefix: str, released: dt.date) -> bytes:
    """The .tar.gz of the release in ``folder`` (every file verified against SHA256SUMS first)."""
    sums = read_sums(folder)
    names = sorted({*sums, SUMS_FILE})
    mtime = int(dt.datetime.combine(released, dt.time(), tzinfo=dt.UTC).timestamp())
    tar_buffer = io.BytesIO()
    with tarfile.open(fileobj=tar_buffer, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        tar.addfile(_info(prefix, 0, mtime, directory=True))
        for name in names:
            if name != SUMS_FILE:
                verify_file(folder, name, sums)
            data = (folder / name).read_bytes()
            parents = Path(name).parents
            for parent in reversed([p for p in parents if str(p) != "."]):
                entry = f"{prefix}/{parent.as_posix()}"
                if entry not in tar.getnames():
                    tar.addfile(_info(entry, 0, mtime, directory=True))
            tar.addfile(_info(f"{prefix}/{name}", len(data), mtime), io.BytesIO(data))
    out = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=0, compresslevel=9) as gz:
        gz.write(tar_buffer.getvalue())
    return out.getvalue()


def _licence(cff: dict) -> str:
    return str(cff.get("license", "")).lower()


def deposit_metadata(cff: dict) -> dict:
    """Zenodo deposit metadata (``.zenodo.json``) from a release's CITATION.cff."""
    creators = []
    for a in cff.get("authors", []):
        person = {"name": a.get("name") or ", ".join(p for p in (a.get("family-names"), a.get("given-names")) if p)}
        if a.get("orcid"):
            person["orcid"] = str(a["orcid"]).removeprefix("https://orcid.org/")
        creators.append(person)
    meta = {
        "upload_type": "dataset",
        "title": cff["title"],
        "version": str(cff["version"]),
        "publication_date": str(cff["date-released"]),
        "creators": creators,
        "description": cff.get("abstract") or cff["title"],
        "license": _licence(cff),
        "access_right": "open",
    }
    derived = [{"relation": "isDerivedFrom", "identifier": r["doi"], "scheme": "doi"}
               for r in cff.get("references", []) if r.get("doi")]
    if derived:
        meta["related_identifiers"] = derived
    if cff.get("doi"):
        meta["doi"] = cff["doi"]
    return meta


def write_archive(folder: Path, out: Path, name: str = "tollbook-data") -> Archive:
    """``<out>/<name>-<version>.tar.gz``, its ``.sha256`` (sha256sum's format) and its
    ``.zenodo.json``, for the release in ``folder``."""
    cff = read_citation(folder)
    version = str(cff["version"])
    released = dt.date.fromisoformat(str(cff["date-released"]))
    stem = f"{name}-{version}"
    data = archive_bytes(folder, stem, released)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{stem}.tar.gz"
    path.write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    checksum = out / f"{stem}.tar.gz.sha256"
    checksum.write_text(f"{digest}  {path.name}\n", encoding="utf-8")
    deposit = out / f"{stem}{ZENODO_METADATA}"
    deposit.write_text(json.dumps(deposit_metadata(cff), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return Archive(path, digest, checksum, deposit)
