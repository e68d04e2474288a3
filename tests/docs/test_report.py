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


def _png_dpi(data: bytes) -> float:
    """Dots per inch from a PNG's pHYs chunk (pixels per metre)."""
    at = data.index(b"pHYs")
    per_metre = int.from_bytes(data[at + 4:at + 8], "big")
    return round(per_metre * 0.0254)


def test_charts_are_saved_at_print_resolution(report: Path):
    for chart in CHARTS:
        assert _png_dpi((report / f"{chart}.png").read_bytes()) == 300, chart


def test_places_table_counts_claims_as_the_view_does(tiny_release: Path):
    import tollbook
    from tollbook.report.data import PLACES

    con = tollbook.connect(releases=str(tiny_release))
    table = {name: claims for name, claims in con.sql(f"SELECT name, claims FROM ({PLACES})").fetchall()}
    view = dict(con.sql("SELECT name, claims FROM claims_per_place").fetchall())
    assert table == {**{name: 0 for name in table}, **view}
    assert len(table) == con.sql("SELECT count(*) FROM locations").fetchall()[0][0]


def test_place_names_in_a_cluster_never_overlap():
    import matplotlib.pyplot as plt
    import pandas as pd

    from tollbook.report.charts import place_labels

    # Eight places within a few kilometres of each other (as around Idlib), one far away.
    names = ["Idlib", "Binnish", "Saraqib", "Taftanaz", "Maarrat Misrin", "Sarmin", "Ariha", "Kafr Nabl", "Homs"]
    lons = [36.63, 36.71, 36.80, 36.78, 36.67, 36.72, 36.60, 36.56, 36.72]
    lats = [35.93, 35.96, 35.86, 35.99, 36.01, 35.90, 35.81, 35.61, 34.73]
    places = pd.DataFrame({"name": names, "longitude": lons, "latitude": lats})
    fig, ax = plt.subplots(figsize=(8, 7))
    ax.scatter(lons, lats)
    ax.set_xlim(35.5, 37.5)
    ax.set_ylim(34.5, 36.5)
    ax.set_aspect(1.2)
    labels = place_labels(ax, places)
    renderer = fig.canvas.get_renderer()
    boxes = [label.get_window_extent(renderer) for label in labels]
    plt.close(fig)
    assert [label.get_text() for label in labels][:2] == ["Idlib", "Binnish"]
    assert len(labels) >= 7
    assert not [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:] if a.overlaps(b)]
