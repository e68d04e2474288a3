"""tollbook report: one self-contained page with every chart, each also saved as PNG."""

from __future__ import annotations

import base64
import re
import shutil
import sys
from pathlib import Path

import factories
import pytest
from click.testing import CliRunner

from tollbook.cli import cli
from tollbook.report import CHARTS

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def report(tiny_release: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report")
    result = CliRunner().invoke(cli, ["report", "--releases", str(tiny_release), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [f"wrote {out / 'index.html'}"] + [f"wrote {out / c}.png" for c in CHARTS]
    return out


def test_page_needs_nothing_from_the_network(report: Path):
    html = (report / "index.html").read_text(encoding="utf-8")
    assert re.findall(r"""(?:src|href)\s*=\s*["']?(?!data:)[^"'\s>]+""", html) == []
    assert "<script" not in html.lower()
    assert "<link" not in html.lower()
    assert "@import" not in html and "url(" not in html
    assert re.findall(r"https?://", html) == []


def test_page_embeds_every_chart_and_saves_it(report: Path):
    html = (report / "index.html").read_text(encoding="utf-8")
    for chart in CHARTS:
        match = re.search(rf'<img id="chart-{chart}" alt="[^"]+" src="data:image/png;base64,([A-Za-z0-9+/=]+)">', html)
        assert match, chart
        embedded = base64.b64decode(match.group(1))
        assert embedded.startswith(PNG_SIGNATURE)
        assert (report / f"{chart}.png").read_bytes() == embedded


def test_page_has_its_sections_and_headline_counts(report: Path):
    html = (report / "index.html").read_text(encoding="utf-8")
    for section in ("headline", "timeline", "claimants", "claimed-deaths", "disagreements", "map"):
        assert f'<section id="{section}">' in html
    cards = re.findall(r'<div class="card"><b>(\d+)</b><span>([^<]+)</span></div>', html)
    assert cards == [("1", "documents"), ("1", "stories"), ("3", "claims (originals)"), ("0", "republished copies"),
                     ("1", "claimants"), ("1", "events"), ("3", "casualty figures"), ("1", "airstrike figures"),
                     ("1", "control changes"), ("0", "force sizes"), ("2", "places")]


def test_report_of_an_unknown_version_is_one_clear_error(tiny_release: Path, tmp_path: Path):
    result = CliRunner().invoke(cli, ["report", "--releases", str(tiny_release), "--release", "9.9.9",
                                      "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ")
    assert "Traceback" not in result.output


@pytest.mark.skipif(not any(shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome")),
                    reason="no Chromium on this machine")
def test_page_renders_in_headless_chromium(report: Path, tmp_path: Path):
    sys.path.insert(0, str(factories.REPO / "scripts"))
    try:
        import screenshot_report
    finally:
        sys.path.pop(0)
    shot = screenshot_report.screenshot(report / "index.html", tmp_path / "shot.png", height=1200)
    assert shot.read_bytes().startswith(PNG_SIGNATURE)
    assert shot.stat().st_size > 20_000  # a blank page is a few kB
