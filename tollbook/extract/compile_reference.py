"""Reference CSVs → the actors, places and conventions tables (values still as text;
the table models coerce and check them)."""

from __future__ import annotations

import pandas as pd

from tollbook.extract.dataset import Dataset

#: release table → reference file stem and the columns taken from it.
REFERENCE_TABLES = {
    "actors": ("actors", ["actor_id", "name", "actor_type", "description"]),
    "actor_aliases": ("actor_aliases", ["alias", "actor_id"]),
    "actor_memberships": ("actor_memberships", ["member_id", "coalition_id", "date_start", "date_end", "note"]),
    "countries": ("countries", ["iso3", "name", "min_lat", "max_lat", "min_lon", "max_lon"]),
    "locations": ("locations", ["location_id", "name", "feature_type", "admin1", "admin1_pcode",
                                "country_iso3", "latitude", "longitude", "where_prec"]),
    "location_variants": ("location_variants", ["variant", "location_id"]),
    "vague_quantities": ("vague_quantities", ["word", "low", "best", "high", "reason"]),
}


def compile_reference(ds: Dataset) -> dict[str, pd.DataFrame]:
    out = {}
    for table, (stem, columns) in REFERENCE_TABLES.items():
        frame = ds.reference.tables.get(stem)
        if frame is None:
            frame = pd.DataFrame(columns=columns)
        out[table] = frame[columns].reset_index(drop=True)
    return out


def origin_key(table: str, row) -> str:
    """The key under which a reference row's origin was recorded (see extract.reference)."""
    from tollbook.extract.reference import row_key

    stem = REFERENCE_TABLES[table][0]
    return f"{stem}:{row_key(stem, dict(row))}"  # a Series or a mapping
