"""Is a number written in a text? As digits ("16", "1,200") or as words ("sixteen")."""

from __future__ import annotations

import re

from tollbook.extract.propose.numbers import spell


def appears(value: int, text: str) -> bool:
    """The number is written in the text, as digits (with or without separators) or words."""
    for digits in {str(value), f"{value:,}"}:
        if re.search(rf"(?<![\d,.]){re.escape(digits)}(?![\d]|[.,]\d)", text):
            return True
    low = text.lower()
    return any(re.search(rf"\b{re.escape(w)}\b", low) for w in spell(value))
