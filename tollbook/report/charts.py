"""The report's charts, drawn offline with matplotlib (Agg backend) and returned as PNG bytes."""

from __future__ import annotations

from typing import Any
import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from tollbook.report.outlines import outline  # noqa: E402

DPI = 300  # print resolution for a figure in a paper
#: Where a place name may sit around its dot, in points (x, y), tried in this order: beside it,
#: above or below, then further out. A name that fits nowhere is left out (its dot stays).
LABEL_OFFSETS = ((5, 3), (-5, 3), (5, -11), (-5, -11), (0, 8), (0, -16), (12, 12), (-12, 12),
                 (12, -20), (-12, -20), (20, 0), (-20, 0), (0, 20), (0, -28))
STATUS_MARKERS = {"captured": "o", "contested": "s", "withdrawn": "v"}


def png(fig: Figure) -> bytes:
    """PNG bytes without a timestamp, so the same release draws the same file."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()


def _empty(ax, message: str) -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="0.4")
    ax.set_xticks([])
    ax.set_yticks([])


#: Parties drawn in their own colour on the timeline; the rest share one ("other parties").
TIMELINE_PARTIES = 8


def _timeline_panel(ax, rows: pd.DataFrame, title: str, unit: str) -> None:
    ax.set_title(title, loc="left", fontsize=11)
    if rows.empty:
        _empty(ax, f"no {title.lower()} in this release")
        return
    frequent = rows["party"].value_counts(sort=True)
    keep = set(sorted(frequent.index, key=lambda p: (-frequent[p], p))[:TIMELINE_PARTIES])
    rows = rows.assign(party=rows["party"].where(rows["party"].isin(keep), "other parties"))
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for i, (party, group) in enumerate(rows.groupby("party", sort=True)):
        colour = colours[i % len(colours)]
        group = group.sort_values("date_start")
        start = pd.to_datetime(group["date_start"])
        end = pd.to_datetime(group["date_end"])
        mid = start + (end - start) / 2
        low = group["count_low"].astype("float")
        best = group["count_best"].astype("float").fillna(low)
        high = group["count_high"].astype("float")
        top = high.fillna(best)
        if len(group) > 1:  # the low-high band between claims of one party
            ax.fill_between(mid, low.fillna(0), top, color=colour, alpha=0.15, linewidth=0)
        ax.vlines(mid, low.fillna(0), top, color=colour, linewidth=3, alpha=0.6)
        ax.hlines(best, start, end + pd.Timedelta(days=1), color=colour, linewidth=1)
        ax.scatter(mid, best, color=colour, zorder=3, label=party, s=28)
        open_ended = high.isna() & low.notna()  # "at least": no upper bound
        ax.scatter(mid[open_ended], low[open_ended], marker="^", color=colour, zorder=3, s=40)
    ax.set_ylabel(unit)
    ax.set_ylim(bottom=0)
    ax.grid(axis="y", color="0.9")
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    ax.legend(fontsize=7, loc="upper left", frameon=False, ncol=2)


def timeline(frame: pd.DataFrame) -> bytes:
    """Casualties and airstrikes per party over time: dot = best, bar = low to high, ▲ = at least."""
    fig, axes = plt.subplots(2, 1, figsize=(9, 6.5), sharex=True)
    _timeline_panel(axes[0], frame[frame["kind"] == "casualties"], "Casualties", "people")
    _timeline_panel(axes[1], frame[frame["kind"] == "airstrikes"], "Airstrikes", "strikes")
    fig.autofmt_xdate()
    return png(fig)


#: Claimants drawn in the per-claimant charts (the most prolific); the rest are summed in one bar.
TOP_CLAIMANTS = 25


def _top_claimants(table: pd.DataFrame) -> pd.DataFrame:
    """The rows with the largest totals, the rest summed into one row, largest drawn on top."""
    table = table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    if len(table) > TOP_CLAIMANTS:
        rest = table.iloc[TOP_CLAIMANTS:].sum().rename(f"{len(table) - TOP_CLAIMANTS} other claimants")
        table = pd.concat([table.iloc[:TOP_CLAIMANTS], rest.to_frame().T])
    return table.iloc[::-1]


def _stacked_bars(table: pd.DataFrame, empty: str, xlabel: str, legend: str) -> bytes:
    fig, ax = plt.subplots(figsize=(9, 0.35 * len(table) + 1.5))
    if table.empty:
        _empty(ax, empty)
        return png(fig)
    table.plot.barh(stacked=True, ax=ax, width=0.7)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("")
    ax.legend(title=legend, fontsize=8, title_fontsize=8, frameon=False, loc="lower right")
    ax.grid(axis="x", color="0.9")
    return png(fig)


def by_claimant(frame: pd.DataFrame) -> bytes:
    """Claims per claimant, stacked by the outlet that published them."""
    table = frame.pivot_table(index="claimant", columns="outlet", values="claims", aggfunc="sum", fill_value=0)
    return _stacked_bars(_top_claimants(table), "no claims in this release",
                         "claims (republished copies included, under their outlet)", "outlet")


def claimed_deaths(frame: pd.DataFrame) -> bytes:
    """Deaths each claimant gives, summed over events, stacked by the side of the dead."""
    table = frame.pivot_table(index="claimant", columns="dead_of", values="deaths", aggfunc="sum", fill_value=0)
    return _stacked_bars(_top_claimants(table), "no death figures in this release",
                         "deaths claimed, summed over events (running totals and nested figures not added twice)",
                         "dead of")


def disagreements(control: pd.DataFrame, counts: pd.DataFrame) -> bytes:
    """Where claimants disagree: per place, what each claimant says happened; per casualty
    group, each claimant's low-best-high."""
    items = [("control", key, rows) for key, rows in control.groupby(["event_id", "place"], sort=True)]
    items += [("count", key, rows) for key, rows in counts.groupby(["event_id", "outcome", "party"], sort=True)]
    fig, ax = plt.subplots(figsize=(9, 0.9 * max(len(items), 1) + 1.2))
    if not items:
        _empty(ax, "no disagreements between claimants in this release")
        return png(fig)
    labels = []
    for y, (kind, key, rows) in enumerate(items):
        n = len(rows)
        offsets = [(i - (n - 1) / 2) * 0.8 / max(n, 1) for i in range(n)]
        row: Any  # a row of the frame (the stubs type each cell as any scalar)
        for off, row in zip(offsets, rows.itertuples(index=False), strict=True):
            if kind == "control":
                text = f"{row.claimant}: {row.status}" + (f" by {row.gained_by}" if row.gained_by else "")
                ax.scatter(0, y + off, marker=STATUS_MARKERS.get(row.status, "o"), color="C0", s=30)
            else:
                best = row.count_best if pd.notna(row.count_best) else row.count_low
                text = f"{row.claimant}: {row.count_low}-{best}-{'' if pd.isna(row.count_high) else row.count_high}"
                ax.scatter(0, y + off, marker="D", color="C3", s=30)
            ax.text(0.03, y + off, text, va="center", fontsize=8)
        labels.append(f"{key[1]}\n({key[0]})" if kind == "control" else f"{key[2]} {key[1]}\n({key[0]})")
    ax.set_yticks(range(len(items)), labels, fontsize=8)
    ax.set_xlim(-0.05, 1)
    ax.set_xticks([])
    ax.set_ylim(len(items) - 0.5, -0.5)
    for y in range(len(items) - 1):
        ax.axhline(y + 0.5, color="0.85", linewidth=0.8)
    return png(fig)


def place_labels(ax, places: pd.DataFrame) -> list:
    """Name each place (most claims first) at the first offset where its text overlaps no name
    already written and stays inside the axes; deterministic, so a release draws the same map."""
    ax.apply_aspect()  # the axes' final place, before measuring against it
    renderer = ax.figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    taken: list[Any] = []
    written: list[Any] = []
    row: Any  # a row of the frame
    for row in places.itertuples(index=False):
        for dx, dy in LABEL_OFFSETS:
            label = ax.annotate(row.name, (row.longitude, row.latitude), xytext=(dx, dy), textcoords="offset points",
                                fontsize=8, ha="left" if dx > 0 else "right" if dx < 0 else "center", zorder=4)
            box = label.get_window_extent(renderer)
            inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
            if inside and not any(box.overlaps(other) for other in taken):
                taken.append(box)
                written.append(label)
                break
            label.remove()
    return written


def places_map(places: pd.DataFrame, countries: pd.DataFrame, outlines_dir: Path | None = None) -> bytes:
    """Places at their coordinates, sized by number of claims, over country outlines."""
    fig, ax = plt.subplots(figsize=(8, 7))
    lats, lons = list(places["latitude"]), list(places["longitude"])
    country: Any  # a row of the frame (the stubs type each cell as any scalar)
    for country in countries.itertuples(index=False):
        polygon = outline(country.iso3, outlines_dir)
        if polygon is not None:
            ax.fill(polygon["lon"], polygon["lat"], facecolor="0.95", edgecolor="0.35", linewidth=1)
            lats += list(polygon["lat"])
            lons += list(polygon["lon"])
            ax.text(polygon["lon"].mean() + 0.6, polygon["lat"].mean() - 0.6, country.name, ha="center",
                    color="0.6", fontsize=14, zorder=1)
        else:
            ax.add_patch(matplotlib.patches.Rectangle(
                (country.min_lon, country.min_lat), country.max_lon - country.min_lon,
                country.max_lat - country.min_lat, fill=False, linestyle=":", edgecolor="0.6"))
    sizes = 20 + 25 * places["claims"].astype(float)
    ax.scatter(places["longitude"], places["latitude"], s=sizes, color="C3", alpha=0.7, edgecolor="white", zorder=3)
    ax.set_aspect(1.2)  # roughly equal distances at 35° N
    if lats:
        ax.set_xlim(min(lons) - 0.5, max(lons) + 0.5)
        ax.set_ylim(min(lats) - 0.5, max(lats) + 0.5)
    place_labels(ax, places[places["claims"] > 0])
    ax.set_xlabel("longitude")
    ax.set_ylabel("latitude")
    ax.set_title("Places (dot area: claims located there; dotted boxes: country bounding boxes)", fontsize=10)
    return png(fig)
