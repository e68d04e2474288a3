"""Split text into sentence spans (offsets into the text), line by line.

A quote is one sentence: the unit a curator accepts or rejects. Lines break sentences too,
since headlines, datelines and captions stand on lines of their own.
"""

from __future__ import annotations

import re

_BREAK = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_LINE = re.compile(r"[^\n]+")
_TRIM_LEFT = re.compile(r"[\s•*·>|]+")
_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")
#: Words that end with a full stop without ending a sentence.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen lt col maj capt sgt gov sen rep prof no nos vs jr sr inc ltd co corp "
    "jan feb mar apr aug sep sept oct nov dec approx est fig mt ft".split()
)


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence in ``text[start:end]``, whitespace trimmed."""
    end = len(text) if end is None else end
    spans = []
    # Breaks are found in one search of the whole stretch rather than line by line: a break
    # that runs on into the next line is one the line-by-line search never finds (its white
    # space and the capital after it lie beyond the line's end), and holds no other break.
    breaks = [m for m in _BREAK.finditer(text, start, end) if "\n" not in m.group()]
    b = 0
    for line in _LINE.finditer(text, start, end):
        cut = line.start()
        while b < len(breaks) and breaks[b].start() < line.start():
            b += 1
        while b < len(breaks) and breaks[b].end() <= line.end():
            m = breaks[b]
            b += 1
            word = _last_word(text, cut, m.start() + 1)
            if word and _abbreviation(word):
                continue
            spans.append(_trim(text, cut, m.start() + len(m.group().rstrip())))
            cut = m.end()
        spans.append(_trim(text, cut, line.end()))
    return [s for s in spans if s[1] > s[0]]


def _last_word(text: str, start: int, end: int) -> str:
    """The run of word characters and dots ending at ``end`` (not before ``start``), or "".

    What searching ``([\\w.]+)$`` in ``text[start:end]`` finds, read backwards from the end
    instead of tried at every position of the sentence so far.
    """
    i = end
    while i > start and (text[i - 1].isalnum() or text[i - 1] in "_."):
        i -= 1
    return text[i:end]


def _abbreviation(word: str) -> bool:
    stem = word.rstrip(".").lower()
    if stem in ABBREVIATIONS:
        return True
    # initials and dotted acronyms: "U.S.", "U.N.", "A."
    return _INITIALS.fullmatch(stem) is not None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    m = _TRIM_LEFT.match(text, start, end)
    if m:
        start = m.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
