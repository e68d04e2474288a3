"""datapackage.json is generated from the pandera models and passes the frictionless validator."""

import json

import pyarrow as pa
import pyarrow.csv as pcsv
import pyarrow.parquet as pq
import pytest

from tollbook.contract import vocabulary as voc
from tollbook.contract.schemas import TABLES
from tollbook.release.datapackage import table_schema

frictionless = pytest.importorskip("frictionless")


def descriptor(releases):
    return json.loads((releases / "1.0.0/datapackage.json").read_text(encoding="utf-8"))


def metadata_errors(data: dict) -> list[str]:
    return [error.message for error in frictionless.Package.metadata_validate(data)]


def test_the_descriptor_is_a_valid_data_package(built):
    _, releases = built
    data = descriptor(releases)
    assert metadata_errors(data) == []
    assert [r["name"] for r in data["resources"]] == list(TABLES)
    package = frictionless.Package(data, basepath=str(releases / "1.0.0"))
    assert [r.name for r in package.resources if r.schema.primary_key] == list(TABLES)


def test_a_broken_descriptor_is_caught(built):
    _, releases = built
    data = descriptor(releases)
    data["resources"][0]["schema"]["fields"][0]["constraints"]["required"] = "yes"
    data["resources"][1]["schema"]["primaryKey"] = ["no_such_field"]
    assert len(metadata_errors(data)) == 2


def test_the_release_data_satisfy_every_declared_constraint_and_key(built, tmp_path):
    """frictionless reads Parquet through pandas, which loses nullable integers and lists, so the
    tables are mirrored as CSV (lists as JSON) and validated with the package's own schemas:
    types, patterns, enums, required, unique, primary and foreign keys."""
    _, releases = built
    data = descriptor(releases)
    for res in data["resources"]:
        table = pq.read_table(releases / "1.0.0" / res["path"])
        columns = []
        for item, column in zip(table.schema, table.columns, strict=True):
            if pa.types.is_list(item.type):
                column = pa.array([None if v is None else json.dumps(v) for v in column.to_pylist()], pa.string())
            elif pa.types.is_dictionary(item.type):
                column = column.cast(pa.string())
            columns.append(column)
        pcsv.write_csv(pa.table(columns, names=table.column_names), tmp_path / f"{res['name']}.csv")
        res.update(path=f"{res['name']}.csv", format="csv", mediatype="text/csv")
        del res["hash"]
    (tmp_path / "datapackage.json").write_text(json.dumps(data), encoding="utf-8")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert [(t.name, [e.message for e in t.errors]) for t in report.tasks if not t.valid] == []
    assert report.valid


def test_frictionless_finds_the_parquet_release_valid_as_users_open_it(built):
    """`frictionless validate releases/<version>/datapackage.json`: descriptor and data, read from
    the Parquet files themselves (through pandas), each file's hash checked."""
    _, releases = built
    report = frictionless.validate(str(releases / "1.0.0" / "datapackage.json"))
    assert [(t.name, [e.message for e in t.errors][:3]) for t in report.tasks if not t.valid] == []
    assert report.valid


def test_frictionless_refuses_a_parquet_value_that_breaks_a_constraint(built):
    """The valid twin above is not valid by leniency: a field's bound the data break is reported."""
    _, releases = built
    data = descriptor(releases)
    res = next(r for r in data["resources"] if r["name"] == "casualties")
    field = next(f for f in res["schema"]["fields"] if f["name"] == "count_best")
    field["constraints"]["maximum"] = 0
    del res["schema"]["foreignKeys"]
    report = frictionless.validate(frictionless.Resource(res, basepath=str(releases / "1.0.0")))
    assert {(e.type, e.field_name) for e in report.tasks[0].errors} == {("constraint-error", "count_best")}


def test_the_mirror_check_catches_values_that_break_a_constraint(built, tmp_path):
    _, releases = built
    data = descriptor(releases)
    res = next(r for r in data["resources"] if r["name"] == "claims")
    res["schema"]["fields"][0]["constraints"]["pattern"] = "nothing"
    table = pq.read_table(releases / "1.0.0/claims.parquet", columns=["claim_id"])
    res["schema"] = {"fields": [res["schema"]["fields"][0]]}
    pcsv.write_csv(table, tmp_path / "claims.csv")
    res.update(path="claims.csv", format="csv", mediatype="text/csv")
    del res["hash"]
    report = frictionless.validate(frictionless.Resource(res, basepath=str(tmp_path)))
    assert [e.type for e in report.tasks[0].errors] == ["constraint-error"] * 3


def test_fields_follow_the_models():
    casualties = table_schema("casualties")
    assert casualties["primaryKey"] == ["casualty_id"]
    fields = {f["name"]: f for f in casualties["fields"]}
    assert fields["casualty_id"] == {
        "name": "casualty_id", "type": "string", "description": "Stable id of the figure.",
        "constraints": {"required": True, "unique": True, "pattern": "cas_[a-z0-9_]+"}}
    assert fields["outcome"]["constraints"] == {"required": True, "enum": list(voc.OUTCOMES)}
    assert fields["count_best"]["type"] == "integer"
    assert fields["count_best"]["constraints"] == {"required": False, "minimum": 0}
    assert fields["count_best"]["missingValues"] == ["", "nan"]  # a missing integer, as pandas reads it
    assert "missingValues" not in fields["casualty_id"]
    assert fields["date_start"]["type"] == "date"
    assert {"fields": ["part_of"], "reference": {"resource": "casualties", "fields": ["casualty_id"]}} \
        in casualties["foreignKeys"]
    claims = table_schema("claims")
    assert {f["name"]: f["type"] for f in claims["fields"]}["relayed_by"] == "any"  # pandas hands arrays over
    assert all(fk["fields"] != ["relayed_by"] for fk in claims["foreignKeys"])  # array cells hold several ids
    assert table_schema("tombstones")["primaryKey"] == ["id", "table"]
