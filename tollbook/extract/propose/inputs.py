"""Read a report file (and its sidecar and record file, when it has them) into a Document."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tollbook.extract.propose.filters import Exclusion
from tollbook.extract.propose.pipeline import Document
from tollbook.extract.propose.text import decode
from tollbook.extract.yaml_values import as_date

_DATASET_NAME = re.compile(r"^\d+_(?P<hash>[0-9a-f]{16})$")


class InputError(ValueError):
    """A report that cannot be read; the message names the file and says why."""


@dataclass
class Input:
    document: Document
    decided_ids: set[str] = field(default_factory=set)
    decided_spans: list[tuple[int, int]] = field(default_factory=list)


def read_input(path: Path, reference_date: dt.date | None, records: Path | None) -> Input:
    from tollbook.extract.propose.review import decided_ids, decided_spans

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    if b"\x00" in raw:
        raise InputError(f"{path} holds NUL bytes: not a text report")
    stored = decode(raw)
    sidecar = _yaml(path.with_suffix(".yaml"))
    doc = Document(document_id=_document_id(path, stored.text, sidecar), stored=stored,
                   name=path.name)
    if reference_date is not None:
        doc.reference_date, doc.reference_date_source = reference_date, "option"
    elif sidecar.get("reference_date") or sidecar.get("published_date"):
        doc.reference_date = as_date(sidecar.get("reference_date") or sidecar.get("published_date"))
        doc.reference_date_source = "sidecar" if doc.reference_date else None
    body = sidecar.get("body") or {}
    if isinstance(body.get("char_start"), int) and isinstance(body.get("char_end"), int):
        doc.body = (body["char_start"], body["char_end"])
    for span in sidecar.get("excluded_spans") or []:
        if isinstance(span, dict) and isinstance(span.get("char_start"), int):
            doc.excluded.append(Exclusion(span["char_start"], span.get("char_end", 0),
                                          str(span.get("kind", "excluded"))))
    outlet = sidecar.get("outlet_id")
    doc.outlet = outlet if isinstance(outlet, str) else None
    record = _yaml(records / f"{path.stem}.yaml") if records is not None else {}
    return Input(doc, decided_ids(record), decided_spans(record))


def _document_id(path: Path, text: str, sidecar: dict) -> str:
    given = sidecar.get("document_id")
    if isinstance(given, str) and given.startswith("doc_"):
        return given
    m = _DATASET_NAME.match(path.stem)
    if m:
        return f"doc_{m.group('hash')}"
    return "doc_" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _yaml(path: Path) -> dict:
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {str(exc).splitlines()[0]}") from None
    return data if isinstance(data, dict) else {}

