"""Decode report bytes into the text a curator stores, and a same-length view for matching.

Offsets policy: propose returns the *stored text* — the bytes decoded (UTF-8 with or without
a byte-order mark, otherwise latin-1) and repaired by ``ftfy`` for mojibake (UTF-8 read as
latin-1 or cp1252, "â€™" → "’") and stray C1 control bytes. Quotes, dashes, non-breaking
spaces, line breaks and Unicode normalisation are left exactly as they were, so for a clean
UTF-8 file the stored text *is* the file's text and offsets refer to the file unchanged.

When the stored text differs from the input (latin-1, mojibake, a BOM) offsets refer to the
stored text, and ``tollbook propose --out`` writes it next to the draft for the curator to
keep as the source document.

Matching never changes length: :func:`match_view` maps curly quotes to straight ones and
non-breaking or thin spaces to a plain space one character for one character, so a match
in the view has the same offsets in the stored text.
"""

from __future__ import annotations

import codecs
import functools
import re
from dataclasses import dataclass
from functools import cache

#: One-for-one replacements for the matching view: typographic quotes and odd spaces.
#: A word (letters, digits, apostrophes and hyphens: "Kurdish-populated", "Syria's") or one
#: other sign: the tokens the place and war rules read.
WORD_OR_SIGN = re.compile(r"[\w'’-]+|[^\w\s]")
#: The word right after a name ("Idleb province", "the Kherson oblast"), matched at its end.
NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")

_VIEW = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u00a0": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u200a": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2011": "-",
        "\u2010": "-",
    }
)


@cache
def _ftfy_settings() -> dict:
    """ftfy and the tables made from it, loaded on first use (curating only: reading a release,
    checking or building a dataset needs none of it unless a text must be repaired)."""
    import ftfy
    from ftfy import chardata
    from ftfy.badness import MOJIBAKE_CATEGORIES
    from ftfy.fixes import fix_c1_controls

    #: ftfy settings that repair encoding damage and nothing else (see module docstring).
    repair = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_encoding=True,
        restore_byte_a0=True,
        replace_lossy_sequences=True,
        decode_inconsistent_utf8=True,
        fix_c1_controls=True,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=True,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )
    #: Characters ftfy never repairs on their own: every pattern of its mojibake heuristic
    #: (``ftfy.badness.BADNESS_RE``) needs some other non-ASCII character, and only C1 controls
    #: and surrogates (not among these) are fixed without it. A line of ASCII and these is left
    #: exactly as it is, so only lines holding another character are handed to ftfy.
    plain = "".join(MOJIBAKE_CATEGORIES[c] for c in ("common", "start_punctuation", "end_punctuation"))
    return {
        "_REPAIR": repair,
        "_PLAIN": plain,
        "_NEEDS_REPAIR": re.compile("[^\x00-\x7f" + re.escape(plain) + "]"),
        #: What ftfy makes of a C1 control character on its own: the cp1252 character it stood
        #: for ("\x92" was a closing quote, "\x95" a bullet); those cp1252 leaves undefined stay.
        "_C1_FIXED": {c: fix_c1_controls(chr(c)) for c in range(0x80, 0xA0)},
        "fix_text": ftfy.fix_text,
        #: What :func:`_settled` asks of ftfy's own tables: the single-byte encodings it tries
        #: reading text back into, whether a text can be, and its pattern of mojibake.
        "encodings": tuple(chardata.CHARMAP_ENCODINGS),
        "possible_encoding": chardata.possible_encoding,
        "utf8_detector": chardata.UTF8_DETECTOR_RE,
    }


def __getattr__(name: str):
    if name in ("_REPAIR", "_PLAIN", "_NEEDS_REPAIR", "_C1_FIXED"):
        return _ftfy_settings()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: A character beyond ASCII that is no C1 control, or two C1 controls side by side.
_NOT_LONE_C1 = re.compile(r"[^\x00-\x9f]|[\x80-\x9f][\x80-\x9f]")


def _repair_line(line: str) -> str:
    r"""``ftfy.fix_text`` of one line, without its many passes over a long line whose only
    characters beyond ASCII are C1 controls standing alone ("don\x92t" in cp1252 text read
    as latin-1): ftfy fixes each of those on its own, as ``_C1_FIXED`` says. That was
    checked for every control between any two ASCII characters and every two controls one
    character apart (tests/propose/test_propose_fast_paths.py keeps a sample). Two controls
    side by side may read as mojibake of another character ("\x8a\x81" → "Ё"): ftfy decides,
    unless the line is one it leaves as it is but for its controls (:func:`_settled`).
    """
    settings = _ftfy_settings()
    fixed = line.translate(settings["_C1_FIXED"])
    if _NOT_LONE_C1.search(line) is None:
        return fixed
    if _UNSETTLED.search(line) is None and _settled(line, settings) and \
            _settled(fixed, settings):
        return fixed
    return settings["fix_text"](line, settings["_REPAIR"])


#: Characters that let ftfy change a line other than by its C1 controls: the byte 1A and
#: "�" (its sign of a lost byte) and surrogates.
_UNSETTLED = re.compile("[\x1a\ufffd\ud800-\udfff]")


def _settled(text: str, settings: dict) -> bool:
    r"""Whether ftfy leaves ``text`` (a line beyond ASCII) as it is but for its C1 controls,
    which it then reads one by one as cp1252 (``_C1_FIXED``): ftfy's pattern of mojibake
    finds nothing in it, and none of its characters beyond ASCII is a byte that starts a
    UTF-8 sequence in any single-byte encoding ftfy could read the whole line back into, so
    the line never reads as UTF-8 ("" before a word, "£ 9,899"). A line with
    letters such as "Ã", "é" or, read as Mac Roman, "’" (byte D5) is left to ftfy.
    """
    if settings["utf8_detector"].search(text) is not None:
        return False
    beyond = {c for c in text if c > "\x7f"}
    for encoding in settings["encodings"]:
        if settings["possible_encoding"](text, encoding) and \
                any(c.encode(encoding)[0] >= 0xC0 for c in beyond):
            return False
    return True


@dataclass(frozen=True)
class StoredText:
    """The text offsets refer to, and how it was obtained from the input."""

    text: str
    encoding: str  # utf-8 | utf-8-sig | latin-1 | str (already decoded)
    repaired: bool  # ftfy changed something (mojibake, C1 controls)

    @property
    def differs_from_input(self) -> bool:
        return self.repaired or self.encoding in ("utf-8-sig", "latin-1")


def decode(raw: bytes) -> StoredText:
    """Bytes → stored text. Never fails: latin-1 maps every byte to a character."""
    encoding = "utf-8"
    if raw.startswith(codecs.BOM_UTF8):
        raw, encoding = raw[len(codecs.BOM_UTF8) :], "utf-8-sig"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text, encoding = raw.decode("latin-1"), "latin-1"
    return _repair(text, encoding)


def from_str(text: str) -> StoredText:
    """An already decoded string (e.g. a CSV cell) → stored text."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return _repair(text, "str")


def _repair(text: str, encoding: str) -> StoredText:
    if text.isascii():
        return StoredText(text, encoding, False)
    needs_repair = _ftfy_settings()["_NEEDS_REPAIR"]
    if needs_repair.search(text) is None:
        return StoredText(text, encoding, False)
    # ftfy repairs each line on its own (its segments end at "\n"): hand it only the lines
    # that may need it, which gives the same text as fixing the whole.
    parts, pos = [], 0
    for m in needs_repair.finditer(text):
        if m.start() < pos:
            continue
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.start()) + 1 or len(text)
        parts.append(text[pos:start])
        parts.append(_repair_line(text[start:end]))
        pos = end
    parts.append(text[pos:])
    fixed = "".join(parts)
    return StoredText(fixed, encoding, fixed != text)


#: A headline's words: words of four letters or more.
_LONG_WORD = re.compile(r"[A-Za-z]{4,}")


def title_case(line: str) -> bool:
    """Whether ``line`` is written in title case (a headline), where a capital says nothing of
    a name: at least five long words, at most one in five of them in lower case ("Shells fell
    in Bab al Hawa on Monday." is a sentence)."""
    words = _LONG_WORD.findall(line)
    return len(words) >= 5 and sum(w[0].islower() for w in words) * 5 <= len(words)


class View(str):
    """A document's text as the proposer matches it (:func:`match_view`), which keeps what
    every stage asks of it, made once per document: its lower-case twin and its headlines."""

    @functools.cached_property
    def ascii_lower(self) -> str | None:
        """The text in lower case when it is ASCII (offsets unchanged), else None."""
        return str.lower(self) if self.isascii() else None

    @functools.cached_property
    def title_case_lines(self) -> frozenset[int]:
        """Where each line written in title case starts (:func:`title_case`)."""
        starts, at = set(), 0
        for line in self.split("\n"):
            if title_case(line):
                starts.add(at)
            at += len(line) + 1
        return frozenset(starts)


def match_view(text: str) -> View:
    """A same-length copy of ``text`` with quotes and spaces made plain, for matching."""
    return View(text if text.isascii() else text.translate(_VIEW))


def lowered(view: str) -> str | None:
    """``view`` in lower case when it is ASCII (so offsets are unchanged), else None.

    Patterns written in lower case match this exactly as they would match ``view`` ignoring
    case, and far faster: without IGNORECASE the regex engine skips alternatives on their
    first character. A document's :class:`View` keeps its answer; a short phrase is lowered
    each time it is asked about.
    """
    if isinstance(view, View):
        return view.ascii_lower
    return view.lower() if view.isascii() else None


def lower_case_twin(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The same pattern without IGNORECASE, for :func:`lowered` text; None if it names a capital."""
    # Group names and escapes such as \\S or \\W may be written in capitals; inline flags may
    # not appear at all (a case-sensitive part would then match differently).
    source = pattern.pattern.removeprefix("(?i)")
    literal = re.sub(r"\(\?P[<=]\w+>?|\\[A-Z]", "", source)
    if not pattern.flags & re.IGNORECASE or "(?" in literal.replace("(?:", "").replace(
            "(?=", "").replace("(?!", "").replace("(?<=", "").replace("(?<!", "") \
            or any("A" <= c <= "Z" for c in literal):
        return None
    return re.compile(source, pattern.flags & ~re.IGNORECASE)

