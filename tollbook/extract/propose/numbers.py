"""Find quantities in text: digits, number words, "a dozen", vague words, with their qualifier.

A :class:`Quantity` says how the text put a number, the way a record's ``count`` does:
``value`` with ``qualifier`` exact / at_least / at_most / approximately, or ``qualifier``
vague with the ``word`` ("dozens") whose bounds come from ``reference/vague_quantities.csv``.
This module only reads numbers; deciding which numbers are counts (not years, ages, prices)
is :mod:`.filters`' job.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from tollbook.extract.propose.text import lower_case_twin, lowered
from tollbook.extract.propose.words import match_at, starts_within, word_starts

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}


_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_SCALE = "hundred|thousand|million|dozen"
#: A share of a scale: "a quarter of a million" (250,000), "half a million", "three quarters
#: of a million" — never the scale itself.
FRACTIONS = {"half": 2, "quarter": 4, "quarters": 4, "third": 3, "thirds": 3}
_FRACTION_RE = (r"(?:(?:an?|one|two|three)\s+)?(?:half|quarters?|thirds?)\s+(?:of\s+)?"
                r"an?\s+(?:million|thousand)")
#: Number words: "six", "twenty-one", "one hundred and twenty", "a dozen", "two dozen".
_WORDS_RE = (
    rf"{_FRACTION_RE}|"
    rf"(?:(?:an?\s+)(?:{_SCALE})|(?:{_WORD}))"
    rf"(?:(?:\s+and\s+|\s*-\s*|\s+)(?:{_WORD}|{_SCALE}))*"
)
#: Digits: "45", "1,200", "300000", "1.5 million", "3 million".
_DIGITS_RE = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?(?:\s+(?:million|thousand))?"



@dataclass(frozen=True)
class Quantity:
    """One number as written. ``start``/``end`` cover the number itself (not its qualifier)."""

    start: int
    end: int
    text: str
    value: int | None
    qualifier: str  # exact | at_least | at_most | approximately | vague
    word: str | None = None  # the vague word, for qualifier vague
    low: int | None = None
    best: int | None = None
    high: int | None = None
    qualifier_start: int | None = None  # where "at least" etc. begins, when present
    digits: bool = False
    implied: bool = False  # no number written: "both", "the commander", "killing him"
    note: str | None = None  # for the curator: "range eight to 12"
    noun: str | None = None  # an implied one's own noun phrase: "group's commander"

    @property
    def span_start(self) -> int:
        return self.qualifier_start if self.qualifier_start is not None else self.start


@dataclass(frozen=True)
class VagueWord:
    word: str
    low: int | None
    high: int | None
    best: int | None


class NumberReader:
    """Finds quantities; vague words and their bounds come from the curator's table."""

    def __init__(self, vague: Iterable[VagueWord] = (),
                 qualifiers: Mapping[str, str] | None = None):
        """``qualifiers``: the lexicon's phrase → qualifier ("at least" → at_least; the
        packaged lexicon's when not given)."""
        self.vague: dict[str, VagueWord] = {v.word.lower(): v for v in vague}
        if qualifiers is None:
            from tollbook.extract.propose.tagger import packaged_words

            qualifiers = packaged_words().qualifiers
        self.qualifiers = {" ".join(k.lower().split()): v for k, v in qualifiers.items()}
        qualifier_re = "|".join(re.escape(w).replace(r"\ ", r"\s+")
                                for w in sorted(self.qualifiers, key=len, reverse=True))
        vague_re = "|".join(
            re.escape(w).replace(r"\ ", r"\s+") for w in sorted(self.vague, key=len, reverse=True)
        )
        alternatives = [rf"(?P<digits>{_DIGITS_RE})", rf"(?P<words>{_WORDS_RE})"]
        if vague_re:
            alternatives.insert(0, rf"(?P<vague>{vague_re})")
        self._pattern = re.compile(
            (rf"(?:(?P<qual>{qualifier_re})\s+)?" if qualifier_re else "")
            + rf"(?<![\w.,$£€])(?:{'|'.join(alternatives)})(?![\w$£€]|[.,]\d)",
            re.IGNORECASE,
        )
        self._lower = lower_case_twin(self._pattern)
        # Where a quantity can begin: a qualifier, a vague word, a number word or a digit.
        phrases = [*self.qualifiers, *self.vague, *(f"{a} {s}" for a in ("a", "an")
                                                 for s in _SCALE.split("|")),
                   "half", "a half", "a quarter", "a third"]
        self._starts = word_starts([
            *(re.escape(" ".join(p.lower().split())).replace(r"\ ", r"\s+") for p in phrases),
            *UNITS, *TENS, *"0123456789",
        ]) if all(p[:1].isalnum() for p in phrases) else None

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, object]],
                  qualifiers: Mapping[str, str] | None = None) -> NumberReader:
        """Rows of ``vague_quantities.csv`` (word, low, high, best)."""
        return cls(
            (VagueWord(str(r["word"]), _int(r.get("low")), _int(r.get("high")),
                       _int(r.get("best")))
             for r in rows if r.get("word")),
            qualifiers,
        )

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
        """Every quantity in ``text[start:end]``, offsets into ``text``."""
        found = []
        end = len(text) if end is None else end
        lower = self._lower
        low = lowered(text) if lower is not None else None
        if lower is None or low is None:
            matches = self._pattern.finditer(text, start, end)
        elif self._starts is None:
            matches = lower.finditer(low, start, end)
        else:  # a qualifier begins a word: "roundabout 5" holds no "about 5"
            matches = match_at(lower, low, starts_within(text, self._starts, start, end) or [],
                               start, end)
        for m in matches:
            q = self._quantity(m, text)
            if q is not None:
                found.append(q)
        return found

    def _quantity(self, m: re.Match[str], source: str) -> Quantity | None:
        qual_text = m.groupdict().get("qual")
        qualifier = self.qualifiers[" ".join(qual_text.lower().split())] if qual_text else "exact"
        qual_start = m.start("qual") if qual_text else None
        if m.groupdict().get("vague") is not None:
            kind = "vague"
        elif m.group("digits") is not None:
            kind = "digits"
        else:
            kind = "words"
        start, end = m.start(kind), m.end(kind)
        text = source[start:end]
        if kind == "vague":
            v = self.vague[" ".join(text.lower().split())]
            return Quantity(start, end, text, None, "vague", v.word, v.low, v.best, v.high,
                            qual_start)
        value = parse_digits(text) if kind == "digits" else parse_words(text)
        if value is None:
            return None
        if qualifier == "exact" and ("dozen" in text.lower() or
                                     not FRACTIONS.keys().isdisjoint(text.lower().split())):
            qualifier = "approximately"  # "a dozen", "half a million": round figures
        low, best, high = bounds(value, qualifier)
        return Quantity(start, end, text, value, qualifier, None, low, best, high, qual_start,
                        digits=kind == "digits")


def bounds(value: int, qualifier: str) -> tuple[int | None, int | None, int | None]:
    """count_low, count_best, count_high implied by a qualifier."""
    if qualifier == "exact":
        return value, value, value
    if qualifier == "at_least":
        return value, value, None
    if qualifier == "at_most":
        return None, value, value
    return None, value, None


def parse_digits(text: str) -> int | None:
    parts = text.lower().split()
    scale = SCALES.get(parts[-1], 1) if len(parts) > 1 else 1
    number = float(parts[0].replace(",", ""))
    if scale == 1 and not number.is_integer():
        return None  # 2.5 of something is not a count of people or strikes
    return int(round(number * scale))


def parse_words(text: str) -> int | None:
    """ "twenty-one" → 21, "one hundred and twenty" → 120, "two dozen" → 24."""
    tokens = re.split(r"[\s-]+", text.lower())
    shares = [t for t in tokens if t in FRACTIONS]
    if shares:  # "a quarter of a million": the scale divided, times the count of shares
        count = next((UNITS[t] for t in tokens if t in UNITS), 1)
        return SCALES[tokens[-1]] * count // FRACTIONS[shares[0]]
    total, current = 0, 0
    for token in tokens:
        if token in ("and", ""):
            continue
        if token in ("a", "an"):
            current = 1
        elif token in UNITS:
            current += UNITS[token]
        elif token in TENS:
            current += TENS[token]
        elif token == "dozen":
            current = max(current, 1) * 12
        elif token == "hundred":
            current = max(current, 1) * 100
        elif token in SCALES:
            total += max(current, 1) * SCALES[token]
            current = 0
        else:
            return None
    return total + current


def spell(value: int) -> list[str]:
    """English spellings of 0–999,999 ("twenty-one", "twenty one"), for checking a text."""
    if value < 0 or value >= 1_000_000:
        return []
    units = {v: k for k, v in UNITS.items()}
    tens = {v: k for k, v in TENS.items()}

    def below_thousand(n: int) -> list[str]:
        if n < 20:
            return [units[n]]
        if n < 100:
            t, u = divmod(n, 10)
            return [tens[t * 10]] if u == 0 else [f"{tens[t * 10]}-{units[u]}",
                                                 f"{tens[t * 10]} {units[u]}"]
        h, rest = divmod(n, 100)
        head = f"{units[h]} hundred"
        if rest == 0:
            return [head]
        return [f"{head}{sep}{r}" for r in below_thousand(rest) for sep in (" and ", " ")]

    if value < 1000:
        return below_thousand(value)
    th, rest = divmod(value, 1000)
    heads = [f"{h} thousand" for h in below_thousand(th)]
    if rest == 0:
        return heads
    return [f"{h}{sep}{r}" for h in heads for r in below_thousand(rest) for sep in (" and ", " ")]


def _int(value: object) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(float(str(value)))
    except ValueError:
        return None
