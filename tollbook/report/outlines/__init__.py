"""Hand-written country outlines for the report map (see README.md here for their source)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent


def outline(iso3: str, folder: Path | None = None) -> pd.DataFrame | None:
    """The closed polygon (lat, lon) of a country, or None when there is no outline file."""
    path = (folder or HERE) / f"{iso3}.csv"
    if not path.exists():
        return None
    frame = pd.read_csv(path)
    return pd.concat([frame, frame.iloc[:1]], ignore_index=True)[["lat", "lon"]]
