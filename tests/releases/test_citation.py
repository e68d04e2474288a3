"""CITATION.cff is valid CFF 1.2.0 and `tollbook cite` prints exactly what it says."""

import re

import yaml
from click.testing import CliRunner

import tollbook
from tollbook.cli import cli

APA = "Test Author. (2015). Test release (Version 1.0.0) [Data set]."
BIBTEX = """@misc{tollbook_1_0_0,
  author = {{Test Author}},
  title = {{Test release}},
  year = {2015},
  version = {1.0.0},
  note = {Data set, release 1.0.0 of 2015-05-01. Licence: CC-BY-4.0}
}"""
CFF = """cff-version: 1.2.0
message: If you use this dataset, please cite this release by its version, as below.
type: dataset
title: Test release
version: 1.0.0
date-released: '2015-05-01'
authors:
- name: Test Author
license: CC-BY-4.0
preferred-citation:
  type: data
  title: Test release
  version: 1.0.0
  date-released: '2015-05-01'
  year: 2015
  month: 5
  authors:
  - name: Test Author
  license: CC-BY-4.0"""

# From the CFF 1.2.0 JSON schema: required keys, the work types, and the patterns we rely on.
CFF_REQUIRED = {"cff-version", "message", "title", "authors"}
CFF_KEYS = {"abstract", "authors", "cff-version", "commit", "contact", "date-released", "doi", "identifiers",
            "keywords", "license", "license-url", "message", "preferred-citation", "references", "repository",
            "repository-artifact", "repository-code", "title", "type", "url", "version"}
REFERENCE_REQUIRED = {"type", "title", "authors"}
ENTITY_KEYS = {"address", "alias", "city", "country", "date-end", "date-start", "email", "fax", "location", "name",
               "orcid", "post-code", "region", "tel", "website"}
DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def check_cff(data: dict) -> list[str]:
    """What breaks CFF 1.2.0 in ``data`` (the subset of the schema a dataset citation uses)."""
    errors = [f"missing {k}" for k in sorted(CFF_REQUIRED - set(data))]
    errors += [f"unknown key {k}" for k in sorted(set(data) - CFF_KEYS)]
    if data.get("cff-version") != "1.2.0":
        errors.append("cff-version must be 1.2.0")
    if data.get("type", "software") not in ("dataset", "software"):
        errors.append("type must be dataset or software")
    for where in (data, data.get("preferred-citation", {})):
        if "date-released" in where and not DATE.match(str(where["date-released"])):
            errors.append("date-released must be YYYY-MM-DD")
        for author in where.get("authors", []):
            if not isinstance(author, dict) or not set(author) <= ENTITY_KEYS or "name" not in author:
                errors.append(f"author {author!r} is not a CFF entity")
    if "preferred-citation" in data:
        missing = sorted(REFERENCE_REQUIRED - set(data["preferred-citation"]))
        errors += [f"preferred-citation missing {k}" for k in missing]
    return errors


def test_citation_cff_is_valid_cff_1_2_0(built):
    _, releases = built
    data = yaml.safe_load((releases / "1.0.0/CITATION.cff").read_text(encoding="utf-8"))
    assert check_cff(data) == []
    assert (data["type"], data["version"], data["license"]) == ("dataset", "1.0.0", "CC-BY-4.0")


def test_the_structure_check_catches_broken_citations():
    bad = {"cff-version": "1.1.0", "title": "x", "type": "paper", "date-released": "1 May 2015",
           "authors": [{"given-name": "A"}], "preferred-citation": {"title": "x"}, "doi_": "x"}
    assert check_cff(bad) == [
        "missing message", "unknown key doi_", "cff-version must be 1.2.0", "type must be dataset or software",
        "date-released must be YYYY-MM-DD", "author {'given-name': 'A'} is not a CFF entity",
        "preferred-citation missing authors", "preferred-citation missing type",
    ]


def test_cite_formats_exactly(built):
    _, releases = built
    assert tollbook.cite(version="1.0.0", releases=releases) == APA
    assert tollbook.cite(version="latest", format="bibtex", releases=releases) == BIBTEX
    assert tollbook.cite(format="cff", releases=releases) == CFF
    assert (releases / "1.0.0/CITATION.cff").read_text(encoding="utf-8") == CFF + "\n"


def test_cite_command(built):
    _, releases = built
    runner = CliRunner()
    for args, expected in ((["cite"], APA), (["cite", "--format", "bibtex"], BIBTEX),
                           (["cite", "--release", "1.0.0", "--format", "cff"], CFF)):
        result = runner.invoke(cli, [*args, "--releases", str(releases)])
        assert (result.exit_code, result.output) == (0, expected + "\n")
    result = runner.invoke(cli, ["cite", "--format", "mla", "--releases", str(releases)])
    assert result.exit_code == 2
    assert "'mla' is not one of 'apa', 'bibtex', 'cff'" in result.output


def test_licence_statement(built):
    _, releases = built
    assert (releases / "1.0.0/LICENCE.md").read_text(encoding="utf-8") == (
        "# Licence\n\nTest release, release 1.0.0 (2015-05-01).\n\n"
        "The data in this release are licensed under CC-BY-4.0 (https://spdx.org/licenses/CC-BY-4.0.html).\n\n"
        "The release describes 1 source document by their metadata and sha256 only; it holds the figures "
        "claimed in them and short verbatim evidence quotes with their character offsets (the longest is 108 "
        "characters), never the text of an article.\n")
