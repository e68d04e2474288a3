"""Put a claim's quote at its offsets: a curator writes the quote, the tool finds where it is.

A quote found exactly once in the document's body gets that ``char_start``/``char_end``; a
quote that is absent or found more than once is an error naming the claim, so no offset is
ever guessed. Offsets a claim already has are kept when the text there is its quote.
"""

from __future__ import annotations


class LocateError(ValueError):
    """A quote that cannot be placed; the message names the claim and says why."""


def occurrences(text: str, quote: str, start: int = 0, end: int | None = None) -> list[int]:
    end = len(text) if end is None else end
    found, at = [], text.find(quote, start, end)
    while at >= 0:
        found.append(at)
        at = text.find(quote, at + 1, end)
    return found


def locate(claim: dict, text: str, body: tuple[int, int] | None = None) -> bool:
    """Set the claim's offsets from its quote when they are missing or wrong; True if changed."""
    quote = claim.get("quote")
    cid = claim.get("claim_id")
    if not isinstance(quote, str) or not quote:
        raise LocateError(f"{cid}: no quote to place")
    start, end = claim.get("char_start"), claim.get("char_end")
    if isinstance(start, int) and isinstance(end, int) and text[start:end] == quote:
        return False
    if isinstance(start, int) and text[start:start + len(quote)] == quote:
        claim["char_end"] = start + len(quote)
        return True
    lo, hi = body if body is not None else (0, len(text))
    found = occurrences(text, quote, lo, hi)
    if not found:
        where = "outside the article body" if occurrences(text, quote) else "nowhere in the document"
        raise LocateError(f"{cid}: the quote occurs {where}: {quote[:60]!r}")
    if len(found) > 1:
        raise LocateError(f"{cid}: the quote occurs {len(found)} times (at {', '.join(map(str, found))}); "
                          "quote more words or give char_start")
    claim["char_start"], claim["char_end"] = found[0], found[0] + len(quote)
    return True
