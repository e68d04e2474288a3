"""Coordinates lie inside their country's bounding box."""

from __future__ import annotations

from tollbook.contract.codes import Code, raises
from tollbook.contract.problems import Problem
from tollbook.extract.compile_reference import origin_key
from tollbook.validate.rules.context import RuleContext, present


@raises(Code.COORDINATES_OUTSIDE_COUNTRY)
def check_coordinates(ctx: RuleContext) -> list[Problem]:
    boxes = {r.iso3: r for r in ctx.tables["countries"].itertuples(index=False)}
    problems = []
    for _, row in ctx.tables["locations"].iterrows():
        box = boxes.get(row["country_iso3"])
        lat, lon = row["latitude"], row["longitude"]
        if box is None or not (present(lat) and present(lon)):
            continue
        if not (box.min_lat <= lat <= box.max_lat and box.min_lon <= lon <= box.max_lon):
            problems.append(ctx.problem(
                row["location_id"], "latitude", Code.COORDINATES_OUTSIDE_COUNTRY,
                f"({lat}, {lon}) is outside {box.iso3} "
                f"({box.min_lat}..{box.max_lat} N, {box.min_lon}..{box.max_lon} E)",
                origin_id=origin_key("locations", row)))
    return problems
