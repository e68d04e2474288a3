"""Every relative link of the README, CONTRIBUTING.md, CHANGELOG.md and docs/ reaches a file, and
a link to a heading reaches a heading of that page: moving text between pages breaks nothing."""

from __future__ import annotations

import re
from pathlib import Path

import factories
import pytest

LINK = re.compile(r"\]\(([^)\s]+)\)")


def pages() -> list[Path]:
    return [factories.REPO / n for n in ("README.md", "CONTRIBUTING.md", "CHANGELOG.md")] + sorted(
        (factories.REPO / "docs").glob("*.md"))


def anchors(page: Path) -> set[str]:
    text = re.sub(r"^```.*?^```", "", page.read_text(encoding="utf-8"), flags=re.S | re.M)
    found = set()
    for title in re.findall(r"^#+ (.+)$", text, re.M):
        found.add(re.sub(r"[^\w\- ]", "", title.strip().lower().replace("`", "")).replace(" ", "-"))
    return found


@pytest.mark.parametrize("page", pages(), ids=lambda p: p.name)
def test_relative_links_reach_a_file_and_heading(page):
    for target in LINK.findall(page.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        assert linked.exists(), f"{page.name}: link to {target} reaches no file"
        if anchor and linked.suffix == ".md":
            assert anchor in anchors(linked), f"{page.name}: {linked.name} has no heading #{anchor}"
