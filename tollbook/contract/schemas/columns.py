"""Column factories shared by the table models, so each rule is written once.

``metadata`` keys used across the project:
- ``references``: "table.column" this column points at (foreign key);
- ``vocabulary``: allowed values, stored dictionary-encoded and loaded as a category;
- ``unit``: what a number counts;
- ``codes``: meaning of each code of a precision scale.
"""

from __future__ import annotations

from typing import Any

import pandera.pandas as pa

from tollbook.contract import vocabulary as voc


def identifier(kind: str, description: str, *, unique: bool = False, nullable: bool = False,
               references: str | None = None) -> Any:
    meta: dict[str, Any] = {}
    if references:
        meta["references"] = references
    return pa.Field(description=description, str_matches=voc.ID_PATTERNS[kind], unique=unique,
                    nullable=nullable, metadata=meta or None)


def category(values: tuple[str, ...], description: str, *, nullable: bool = False) -> Any:
    return pa.Field(description=description, isin=list(values), nullable=nullable,
                    metadata={"vocabulary": list(values)})


def count(description: str, unit: str) -> Any:
    return pa.Field(description=description, ge=0, nullable=True, metadata={"unit": unit})


def date_precision(description: str, *, nullable: bool = True) -> Any:
    return pa.Field(description=description, ge=1, le=5, nullable=nullable,
                    metadata={"codes": voc.DATE_PRECISION})


def where_precision(description: str, *, nullable: bool = True) -> Any:
    return pa.Field(description=description, ge=1, le=7, nullable=nullable,
                    metadata={"codes": voc.WHERE_PRECISION})


def text(description: str, *, nullable: bool = False) -> Any:
    return pa.Field(description=description, nullable=nullable)


def date(description: str, *, nullable: bool = True) -> Any:
    return pa.Field(description=description, nullable=nullable)
