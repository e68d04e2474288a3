"""``tollbook report``: a self-contained HTML page and PNG charts for one release."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from tollbook.access import connect, release_folder
from tollbook.progress import progress
from tollbook.report import charts
from tollbook.report.data import collect
from tollbook.report.page import render

#: Chart name → PNG file name; each chart is embedded in the page and saved beside it.
CHARTS = ("timeline", "claims_by_claimant", "claimed_deaths", "disagreements", "places_map")


@dataclass
class Report:
    html: Path
    pngs: dict[str, Path]


def write_report(version: str = "latest", releases: Path | str | None = None, out: Path | None = None) -> Report:
    folder = release_folder(version, releases)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    version = manifest["version"]
    data = collect(connect(version, releases), version, manifest)
    draw = {
        "timeline": lambda: charts.timeline(data.timeline),
        "claims_by_claimant": lambda: charts.by_claimant(data.by_claimant),
        "claimed_deaths": lambda: charts.claimed_deaths(data.claimed_deaths),
        "disagreements": lambda: charts.disagreements(data.control_disagreements, data.count_disagreements),
        "places_map": lambda: charts.places_map(data.places, data.countries),
    }
    drawn = {name: draw[name]() for name in progress(CHARTS, label="drawing charts")}
    out = Path(out) if out is not None else Path(f"tollbook-report-{version}")
    out.mkdir(parents=True, exist_ok=True)
    pngs = {}
    for name, data_png in drawn.items():
        pngs[name] = out / f"{name}.png"
        pngs[name].write_bytes(data_png)
    html = out / "index.html"
    html.write_text(render(data, drawn), encoding="utf-8")
    return Report(html, pngs)
