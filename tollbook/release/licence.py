"""``LICENCE.md``: the data licence of a release, from dataset/release.yaml (licence and
licence_note), with what the release holds and does not hold."""

from __future__ import annotations

from pathlib import Path

import pyarrow.compute as pc
import pyarrow.parquet as pq

from tollbook.release.datapackage import spdx_url

LICENCE_FILE = "LICENCE.md"


def licence_text(spec, longest_quote: int, documents: int) -> str:
    lines = [
        "# Licence",
        "",
        f"{spec.title}, release {spec.version} ({spec.date_released.isoformat()}).",
        "",
        f"The data in this release are licensed under {spec.licence} ({spdx_url(spec.licence)}).",
    ]
    if spec.licence_note:
        lines += ["", spec.licence_note]
    lines += [
        "",
        f"The release describes {documents} source document{'' if documents == 1 else 's'} by their metadata "
        "and sha256 only; it holds "
        "the figures claimed in them and short verbatim evidence quotes with their character offsets "
        f"(the longest is {longest_quote} characters), never the text of an article.",
    ]
    return "\n".join(lines) + "\n"


def write_licence(prepared, folder: Path, manifest: dict) -> None:
    quotes = pq.read_table(folder / "claims.parquet", columns=["quote"]).column("quote")
    longest = pc.max(pc.utf8_length(quotes)).as_py() or 0
    documents = manifest["tables"]["documents"]["rows"]
    text = licence_text(prepared.dataset.release, longest, documents)
    (folder / LICENCE_FILE).write_text(text, encoding="utf-8")
