"""``cite(version=..., format=...)``: how to cite a release, read from its CITATION.cff."""

from __future__ import annotations

from pathlib import Path

from tollbook.release.citation import CITATION_FILE, read_citation, render


def cite(version: str = "latest", format: str = "apa", releases: Path | str | None = None) -> str:  # noqa: A002
    """The citation of a release as APA text, a BibTeX entry or its CITATION.cff.

    >>> print(cite(version="1.0.0", format="bibtex"))  # doctest: +SKIP
    """
    from tollbook.access import release_folder

    return render(read_citation(release_folder(version, releases, [CITATION_FILE])), format)
