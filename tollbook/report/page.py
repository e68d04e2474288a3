"""The report as one self-contained HTML page: inline CSS, charts as base64 PNG, no scripts,
no fonts and no links to fetch, so it opens offline."""

from __future__ import annotations

import base64
from html import escape

import pandas as pd

from tollbook.report.data import ReportData

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; margin: 2rem auto;
       max-width: 62rem; padding: 0 1rem; color: #222; line-height: 1.45; }
h1 { margin-bottom: 0.2rem; } .sub { color: #555; margin-top: 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); gap: 0.6rem; }
.card { border: 1px solid #ddd; border-radius: 6px; padding: 0.5rem 0.7rem; background: #fafafa; }
.card b { display: block; font-size: 1.5rem; } .card span { color: #555; font-size: 0.85rem; }
figure { margin: 1rem 0 2rem; } figure img { max-width: 100%; border: 1px solid #eee; }
figcaption { color: #555; font-size: 0.9rem; }
table { border-collapse: collapse; font-size: 0.85rem; margin: 0.5rem 0 1.5rem; }
th, td { border-bottom: 1px solid #e3e3e3; padding: 0.2rem 0.6rem; text-align: left; }
"""

CARDS = (
    ("documents", "documents"), ("stories", "stories"), ("claims", "claims (originals)"),
    ("republished_copies", "republished copies"), ("claimants", "claimants"), ("events", "events"),
    ("casualty_figures", "casualty figures"), ("airstrike_figures", "airstrike figures"),
    ("control_changes", "control changes"), ("force_sizes", "force sizes"), ("places", "places"),
)


def img(name: str, data: bytes, alt: str) -> str:
    encoded = base64.b64encode(data).decode("ascii")
    return f'<img id="chart-{escape(name)}" alt="{escape(alt)}" src="data:image/png;base64,{encoded}">'


def html_table(frame: pd.DataFrame) -> str:
    head = "".join(f"<th>{escape(str(c))}</th>" for c in frame.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{'' if pd.isna(v) else escape(str(v))}</td>" for v in row) + "</tr>"
        for row in frame.itertuples(index=False)
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render(data: ReportData, charts: dict[str, bytes]) -> str:
    h = data.headline
    m = data.manifest
    cards = "".join(f'<div class="card"><b>{escape(str(h[k]))}</b><span>{escape(label)}</span></div>'
                    for k, label in CARDS)
    disagreements = pd.concat([
        data.control_disagreements.assign(kind="control"),
        data.count_disagreements.assign(kind="casualties"),
    ], ignore_index=True)
    disagreement_table = (html_table(disagreements.dropna(axis=1, how="all")) if not disagreements.empty
                          else "<p>No claimants disagree in this release.</p>")
    title = m.get("title", "Tollbook release")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)} {escape(data.version)}: release report</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>{escape(title)} {escape(data.version)}</h1>",
        f'<p class="sub">Released {escape(str(m.get("date_released", "")))}, licence '
        f'{escape(str(m.get("licence", "")))}. Claims speak about {escape(str(h["first_day"]))} to '
        f'{escape(str(h["last_day"]))}. Every number below is a claim by someone; republished copies '
        "and nested figures are counted once.</p>",
        f'<section id="headline"><h2>Headline counts</h2><div class="cards">{cards}</div></section>',
        '<section id="timeline"><h2>Casualties and airstrikes over time</h2><figure>',
        img("timeline", charts["timeline"], "Timeline of casualties and airstrikes per party"),
        "<figcaption>One dot per figure at its best value, placed mid-way through the days it covers "
        "(thin line); the thick bar runs from low to high, ▲ marks an open-ended “at least”, and the shaded "
        "band joins one party's figures.</figcaption></figure></section>",
        '<section id="claimants"><h2>Claims by claimant and outlet</h2><figure>',
        img("claims_by_claimant", charts["claims_by_claimant"], "Claims per claimant, stacked by outlet"),
        "</figure></section>",
        '<section id="claimed-deaths"><h2>Deaths claimed by claimant and side</h2><figure>',
        img("claimed_deaths", charts["claimed_deaths"], "Deaths claimed per claimant, stacked by side of the dead"),
        "<figcaption>Each claimant's death figures summed over the events it speaks of, by whose dead they "
        "are (the event side's actor, civilians, or unknown); views claimed_deaths and "
        "claimed_deaths_overall give each beside the reconciled best.</figcaption></figure>",
        "<p>Events by corroboration grade (docs/methodology.md):</p>", html_table(data.grades), "</section>",
        '<section id="disagreements"><h2>Where claimants disagree</h2><figure>',
        img("disagreements", charts["disagreements"], "Claimants who disagree about a place or a count"),
        "<figcaption>Same event and place (or casualty group), different claims.</figcaption></figure>",
        disagreement_table, "</section>",
        '<section id="map"><h2>Places</h2><figure>',
        img("places_map", charts["places_map"], "Map of places"),
        "<figcaption>The country outline is hand-drawn at border towns and crossings, accurate to about "
        "10–20 km: for orientation only.</figcaption></figure>",
        html_table(data.places[["name", "latitude", "longitude", "feature_type", "claims"]]), "</section>",
        f"<footer><p>Generated by tollbook report from release {escape(data.version)}.</p></footer>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"
