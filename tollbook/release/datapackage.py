"""``datapackage.json``: the release described as a Frictionless Data Package, generated from
the pandera models (types, descriptions, constraints, primary and foreign keys).

It describes the Parquet files as readers of Data Packages open them, and ``frictionless validate
releases/<version>/datapackage.json`` finds descriptor and data valid. frictionless reads Parquet
through pandas, so three things follow: a list column is of type ``any`` (pandas hands over
arrays, which Table Schema's ``array`` does not take; the description says what the list holds);
a nullable number column counts ``nan`` as missing, as pandas writes a missing integer; and no
``bytes`` is given, since frictionless counts the bytes of the rows it re-encodes, not of the file
(the ``hash`` of each file is kept, and checked).
"""

from __future__ import annotations

import json
from pathlib import Path

from tollbook.contract.schemas import TABLES, column_order, primary_key

DATAPACKAGE_FILE = "datapackage.json"
PARQUET_MEDIATYPE = "application/vnd.apache.parquet"
#: A missing value in a nullable number column: an empty cell, or the NaN pandas reads it as.
NUMBER_MISSING_VALUES = ["", "nan"]


def spdx_url(licence: str) -> str:
    return f"https://spdx.org/licenses/{licence}.html"


def field_type(column) -> str:
    dtype = str(column.dtype)
    if dtype.startswith("datetime64"):
        return "date"
    if dtype == "Int64":
        return "integer"
    if dtype == "Float64":
        return "number"
    if dtype == "boolean":
        return "boolean"
    if dtype.startswith("list<"):
        return "any"
    return "string"


def _pattern(regex: str) -> str:
    """Table Schema patterns match the whole value, so the anchors go."""
    return regex.removeprefix("^").removesuffix("$")


def constraints(column) -> dict:
    out: dict = {"required": not column.nullable}
    if column.unique:
        out["unique"] = True
    for check in column.checks:
        stats = check.statistics
        if check.name == "isin":
            out["enum"] = list(stats["allowed_values"])
        elif check.name == "str_matches":
            out["pattern"] = _pattern(stats["pattern"])
        elif check.name == "greater_than_or_equal_to":
            out["minimum"] = stats["min_value"]
        elif check.name == "less_than_or_equal_to":
            out["maximum"] = stats["max_value"]
        elif check.name == "in_range":
            out["minimum"], out["maximum"] = stats["min_value"], stats["max_value"]
    return out


def table_schema(table: str) -> dict:
    model = TABLES[table]
    columns = model.to_schema().columns
    fields, foreign_keys = [], []
    for name in column_order(model):
        column = columns[name]
        item = {"name": name, "type": field_type(column), "description": column.description or ""}
        if item["type"] == "date":
            item["format"] = "default"
        if item["type"] in ("integer", "number") and column.nullable:
            item["missingValues"] = NUMBER_MISSING_VALUES
        item["constraints"] = constraints(column)
        fields.append(item)
        ref = (column.metadata or {}).get("references")
        if ref and item["type"] != "any":  # Table Schema foreign keys hold single values
            ref_table, ref_column = ref.split(".")
            foreign_keys.append({"fields": [name], "reference": {"resource": ref_table, "fields": [ref_column]}})
    schema: dict = {"fields": fields, "primaryKey": primary_key(model)}
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return schema


def resource(table: str, folder: Path, manifest: dict) -> dict:
    return {
        "name": table,
        "type": "table",
        "path": f"{table}.parquet",
        "format": "parquet",
        "mediatype": PARQUET_MEDIATYPE,
        "hash": f"sha256:{manifest['tables'][table]['sha256']}",
        "description": (TABLES[table].__doc__ or "").strip(),
        "schema": table_schema(table),
    }


def datapackage(manifest: dict, authors: list[str], description: str | None, folder: Path) -> dict:
    return {
        "name": "tollbook",
        "title": manifest["title"],
        "version": manifest["version"],
        "description": description or manifest["title"],
        "licenses": [{"name": manifest["licence"], "path": spdx_url(manifest["licence"])}],
        "contributors": [{"title": name, "role": "author"} for name in authors],
        "keywords": ["conflict", "casualties", "claims", "news"],
        "resources": [resource(table, folder, manifest) for table in TABLES],
    }


def write_datapackage(prepared, folder: Path, manifest: dict) -> None:
    spec = prepared.dataset.release
    package = datapackage(manifest, [a.name for a in spec.authors], spec.description, folder)
    text = json.dumps(package, indent=2, ensure_ascii=False) + "\n"
    (folder / DATAPACKAGE_FILE).write_text(text, encoding="utf-8")
