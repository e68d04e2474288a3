"""``CITATION.cff`` (Citation File Format 1.2.0, type dataset) from dataset/release.yaml, and
the same citation as APA or BibTeX text for ``tollbook cite``."""

from __future__ import annotations

from pathlib import Path

import yaml

from tollbook.contract.problems import TollbookError
from tollbook.release.checksums import verify_file

CITATION_FILE = "CITATION.cff"
CFF_VERSION = "1.2.0"
FORMATS = ("apa", "bibtex", "cff")
MESSAGE = "If you use this dataset, please cite this release by its version, as below."
ORCID_PREFIX = "https://orcid.org/"


def _author(person) -> dict:
    """An author as a CFF entity: release.yaml gives one name, never split into given/family."""
    out = {"name": person.name}
    if person.orcid:
        out["orcid"] = person.orcid if person.orcid.startswith(ORCID_PREFIX) else ORCID_PREFIX + person.orcid
    return out


def citation(spec) -> dict:
    """The CFF document for the release that ``spec`` (dataset/release.yaml) describes."""
    released = spec.date_released
    authors = [_author(p) for p in spec.authors]
    data = {
        "cff-version": CFF_VERSION,
        "message": MESSAGE,
        "type": "dataset",
        "title": spec.title,
        "version": spec.version,
        "date-released": released.isoformat(),
        "authors": [dict(a) for a in authors],  # copies: no YAML anchors
        "license": spec.licence,
    }
    if spec.description:
        data["abstract"] = spec.description
    links = _links(spec)
    data.update(links)
    if spec.sources:  # CC BY and good practice: credit the datasets the texts came from
        data["references"] = [_reference(s) for s in spec.sources]
    data["preferred-citation"] = {
        "type": "data",
        "title": spec.title,
        "version": spec.version,
        "date-released": released.isoformat(),
        "year": released.year,
        "month": released.month,
        "authors": [dict(a) for a in authors],  # copies: no YAML anchors
        "license": spec.licence,
        **links,
    }
    return data


def _links(spec) -> dict:
    """The release's DOI and URL as CFF keys, when release.yaml sets them (nothing otherwise)."""
    links = {}
    doi = getattr(spec, "doi", None)
    if doi:
        links["doi"] = doi.removeprefix("https://doi.org/")
    url = getattr(spec, "url", None)
    if url:
        links["url"] = url
    return links


def _link(ref: dict) -> str:
    """The DOI as a link, else the URL, else nothing."""
    if ref.get("doi"):
        return f" https://doi.org/{ref['doi']}"
    return f" {ref['url']}" if ref.get("url") else ""


def _reference(source) -> dict:
    ref = {"type": "dataset", "title": source.title, "authors": [{"name": a} for a in source.authors],
           "year": source.year, "license": source.licence}
    if source.doi:
        ref["doi"] = source.doi
    if source.publisher:
        ref["publisher"] = {"name": source.publisher}
    return ref


def cff_text(data: dict) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def write_citation(prepared, folder: Path, manifest: dict) -> None:
    (folder / CITATION_FILE).write_text(cff_text(citation(prepared.dataset.release)), encoding="utf-8")


def _preferred(data: dict) -> dict:
    return data.get("preferred-citation") or data


def _names(data: dict) -> list[str]:
    names = []
    for a in _preferred(data)["authors"]:
        if "name" in a:
            names.append(a["name"])
        else:
            names.append(" ".join(p for p in (a.get("given-names"), a.get("family-names")) if p))
    return names


def apa(data: dict) -> str:
    """APA 7 reference for a data set."""
    ref = _preferred(data)
    names = _names(data)
    who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + ", & " + names[-1]
    year = str(ref.get("date-released", ""))[:4] or str(ref.get("year", "n.d."))
    who = who if who.endswith(".") else who + "."
    return f"{who} ({year}). {ref['title']} (Version {ref['version']}) [Data set].{_link(ref)}"


def _bib_escape(text: str) -> str:
    for char in "\\&%$#_{}":
        text = text.replace(char, "\\" + char)
    return text


def bibtex(data: dict) -> str:
    ref = _preferred(data)
    version = str(ref["version"])
    released = str(ref.get("date-released", ""))
    key = "tollbook_" + version.replace(".", "_")
    fields = [
        ("author", " and ".join("{" + _bib_escape(n) + "}" for n in _names(data))),
        ("title", "{" + _bib_escape(ref["title"]) + "}"),
        ("year", released[:4]),
        ("version", version),
        ("note", f"Data set, release {version} of {released}. Licence: {_bib_escape(str(ref.get('license', '')))}"),
    ]
    fields += [(name, str(ref[name])) for name in ("doi", "url") if ref.get(name)]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{key},\n{body}\n}}"


def render(data: dict, fmt: str) -> str:
    if fmt not in FORMATS:
        raise TollbookError(f"unknown citation format {fmt!r}; formats: {', '.join(FORMATS)}")
    if fmt == "cff":
        return cff_text(data).rstrip("\n")
    return apa(data) if fmt == "apa" else bibtex(data)


def read_citation(folder: Path) -> dict:
    """The release's CITATION.cff, checked against SHA256SUMS first."""
    if not (folder / CITATION_FILE).exists():
        raise TollbookError(f"release {folder.name} has no {CITATION_FILE}: it was built before citations "
                            "were part of a release; rebuild it")
    verify_file(folder, CITATION_FILE)
    return yaml.safe_load((folder / CITATION_FILE).read_text(encoding="utf-8"))
