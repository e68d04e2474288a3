"""Find an article's body in a stored page text: after its dateline and headline, before the
page's tail (share buttons, "Read also", comments, page counters).

The furniture words are data (``furniture.yaml``); the engine is small: one date pattern
for the page's own publication date, a headline match, and the first tail marker.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

FURNITURE_FILE = Path(__file__).with_name("furniture.yaml")
#: How far into the page its dateline and headline may start (characters).
HEAD_WINDOW = 400
#: The tail is looked for only in the last part of the page, so a phrase such as
#: "read more" inside the article never cuts it short.
TAIL_SHARE = 0.4
#: A headline counts as found when this share of it stands at the top of the page (the rest
#: may be cut off by the page or by the table the text came from).
HEADLINE_SHARE = 0.9

_MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}
_MONTH = (r"(?P<{0}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DAY = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{0}>(?:19|20)\d\d)"
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}:?\d{2}(?:\s*(?:gmt|utc|[ap]\.?m\.?)(?:[+-]\d{1,2})?)?)?"
_DATE_SHAPES = (
    _DAY.format("d1") + r"\s+" + _MONTH.format("m1") + r",?\s+" + _YEAR.format("y1"),
    _MONTH.format("m2") + r"\s+" + _DAY.format("d2") + r",?\s*" + _YEAR.format("y2"),
    r"(?P<d3>[0-3]\d)(?P<sep>[./-])(?P<n3>[01]\d)(?P=sep)(?P<y3>(?:19|20)\d\d)",
)


@dataclass(frozen=True)
class Furniture:
    date_labels: tuple[str, ...]
    tail: re.Pattern[str]
    counter: re.Pattern[str]


@cache
def furniture(path: Path = FURNITURE_FILE) -> Furniture:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    tail = re.compile("|".join(f"(?:{p})" for p in data["tail_starts"]), re.IGNORECASE | re.MULTILINE)
    return Furniture(tuple(data["date_labels"]), tail, re.compile(data["tail_counter"]))


@cache
def _dateline() -> re.Pattern[str]:
    labels = "|".join(furniture().date_labels)
    shapes = "|".join(f"(?:{s})" for s in _DATE_SHAPES)
    return re.compile(rf"(?:(?:{labels})\s*:?\s*)?{_WEEKDAY}(?:{shapes}){_TIME}", re.IGNORECASE)


#: A place or agency credit between a headline and its date: up to three capitalised words.
_CREDIT = re.compile(r"\s*(?:[A-Z][\w.'-]*\s+){1,3}$")


@dataclass(frozen=True)
class Dateline:
    date: dt.date
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Body:
    char_start: int
    char_end: int
    dateline: Dateline | None
    headline_end: int | None

    def words(self, text: str, n: int = 5) -> tuple[str, str]:
        """The first and last ``n`` words of the body, as the sidecar records them."""
        words = text[self.char_start:self.char_end].split()
        return " ".join(words[:n]), " ".join(words[-n:])


def _to_date(m: re.Match[str]) -> dt.date | None:
    g = m.groupdict()
    try:
        if g.get("y3"):
            return dt.date(int(g["y3"]), int(g["n3"]), int(g["d3"]))
        for k in ("1", "2"):
            if g.get("y" + k):
                month = next(v for name, v in _MONTHS.items() if name.startswith(g["m" + k].lower()[:3]))
                return dt.date(int(g["y" + k]), month, int(g["d" + k]))
    except ValueError:
        return None
    return None


def find_dateline(text: str, near: tuple[int, ...] = (0,), slack: int = 3) -> Dateline | None:
    """A publication date written at one of the ``near`` positions (page start, after the
    headline), as pages put it: "Wed 05 Apr 2017", "Published July 5 2016", "02.10.2017";
    a credit of a few capitalised words may stand before it ("Moscow AFP Saturday 7 Oct 2017")."""
    for m in _dateline().finditer(text, 0, HEAD_WINDOW):
        if not any(0 <= m.start() - p <= slack or (p < m.start() and _CREDIT.match(text, p, m.start()))
                   for p in near):
            continue
        day = _to_date(m)
        if day is not None:
            return Dateline(day, m.group(0).strip(), m.start(), m.end())
    return None


def _clean_title(title: str) -> str:
    title = re.sub(r"^\s*title:\s*", "", title, flags=re.IGNORECASE)
    return re.sub(r"\s+\|\s+[^|]*$", "", title).strip()


def find_headline(text: str, title: str | None) -> tuple[int, int] | None:
    """Where the headline stands near the top of the page, matched case-insensitively; a
    headline that the page (or the table it came from) cut short still matches its part."""
    if not title:
        return None
    title = _clean_title(title)
    probe = title[: min(len(title), 24)].lower()
    if len(probe) < 8:
        return None
    head = text[:HEAD_WINDOW].lower()
    start = head.find(probe)
    if start < 0:
        return None
    end, i = start + len(probe), len(probe)
    low_title = title.lower()
    while i < len(low_title) and end < len(text) and text[end].lower() == low_title[i]:
        end, i = end + 1, i + 1
    if i < HEADLINE_SHARE * len(title):
        return None  # the text only starts like the headline: it is the body's first sentence
    return start, end


def _skip_separators(text: str, pos: int) -> int:
    while pos < len(text) and (text[pos].isspace() or text[pos] in ".:|-–—,"):
        pos += 1
    return pos


def _starts_furniture(text: str, at: int) -> bool:
    """Page furniture starts a line or a capitalised phrase ("Read Also", "Twitter"); the same
    words in lower case inside a sentence ("... said: read more of it") are the article's."""
    return at == 0 or text[at - 1] == "\n" or not text[at].islower()


def find_body(text: str, title: str | None = None) -> Body:
    """The body span of a page text with its dateline and headline, if any."""
    headline = find_headline(text, title)
    near = (0,) if headline is None else (0, headline[0], _skip_separators(text, headline[1]))
    dateline = find_dateline(text, near)
    start = 0
    for span_end in ((dateline.end if dateline else 0), (headline[1] if headline else 0)):
        start = max(start, span_end)
    start = _skip_separators(text, start) if start else len(text) - len(text.lstrip())
    if headline is not None and dateline is not None and headline[0] >= dateline.end:
        # dateline, then headline: a second dateline may follow the headline ("... Title 6 October 2016")
        start = _skip_separators(text, max(start, headline[1]))
    end = len(text.rstrip())
    floor = max(start + 1, int(len(text) * (1 - TAIL_SHARE)))
    tail = next((m for m in furniture().tail.finditer(text, floor) if _starts_furniture(text, m.start())), None)
    if tail is not None:
        end = len(text[:tail.start()].rstrip())
    counter = furniture().counter.search(text[:end])
    if counter is not None and counter.start() > start:
        end = counter.start()
    if end <= start:  # nothing left: keep the whole text rather than an empty body
        start, end = 0, len(text.rstrip())
    return Body(start, end, dateline, headline[1] if headline else None)
