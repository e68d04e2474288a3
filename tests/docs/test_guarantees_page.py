"""Every test the guarantees table (docs/guarantees.md) points at exists, so the table cannot drift."""

import re

from factories import REPO

BLOCK = re.compile(r"<!-- section:guarantees -->(.*?)<!-- /section:guarantees -->", re.S)
REFERENCE = re.compile(r"`(tests/[\w/]+\.py)(?:::(\w+))?`|`::(\w+)`")


def _references() -> list[tuple[str, str | None]]:
    block = BLOCK.search((REPO / "docs" / "guarantees.md").read_text(encoding="utf-8")).group(1)
    out, current = [], None
    for line in block.splitlines():
        for path, name, bare in REFERENCE.findall(line):
            current = path or current
            out.append((current, name or bare or None))
    return out


def test_guarantees_name_real_tests():
    refs = _references()
    assert len(refs) >= 12
    for path, name in refs:
        source = (REPO / path).read_text(encoding="utf-8")
        if name:
            assert re.search(rf"^def {name}\(", source, re.M), f"{path}::{name} does not exist"
