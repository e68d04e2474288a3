"""The "coming from UCDP GED or ACLED" part of the data dictionary, from crosswalk.yaml."""

from __future__ import annotations

from tollbook.contract import vocabulary as voc
from tollbook.docs.data_files import crosswalk
from tollbook.docs.markdown import table

SCALES = {"date_prec": voc.DATE_PRECISION, "where_prec": voc.WHERE_PRECISION}


def render_crosswalk() -> list[str]:
    data = crosswalk()
    ucdp, acled = data["sources"]["ucdp"], data["sources"]["acled"]
    out = [
        "## Coming from UCDP GED or ACLED",
        "",
        f"{ucdp['name']} and {acled['name']} publish one row per event with one coded number; Tollbook "
        "publishes one row per claim, with who said it and in which words. Columns that play the same part "
        f"(from the {ucdp['codebook']} and the {acled['codebook']}):",
        "",
        table(["UCDP GED", "ACLED", "Tollbook", "how it differs"],
              [(c["ucdp"], c["acled"], c["tollbook"], c.get("note", "")) for c in data["columns"]]),
        "",
        "### Precision scales",
        "",
        "Tollbook's `date_prec` and `where_prec` are the UCDP GED scales unchanged; "
        "ACLED's `time_precision` and `geo_precision` (1-3) are coarser. Going from Tollbook to ACLED:",
    ]
    for column, rows in data["precision"].items():
        meanings = SCALES[column]
        out += ["", f"`{column}`:", "",
                table(["Tollbook", "meaning", "UCDP GED", "ACLED", "note"],
                      [(r["code"], meanings[r["code"]], r["ucdp"], r["acled"], r.get("note", "")) for r in rows])]
    return out
