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
from dataclasses import dataclass

import ftfy

#: ftfy settings that repair encoding damage and nothing else (see module docstring).
_REPAIR = ftfy.TextFixerConfig(
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

#: One-for-one replacements for the matching view: typographic quotes and odd spaces.
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
    fixed = ftfy.fix_text(text, _REPAIR)
    return StoredText(fixed, encoding, fixed != text)


def match_view(text: str) -> str:
    """A same-length copy of ``text`` with quotes and spaces made plain, for matching."""
    if text.isascii():
        return text
    return text.translate(_VIEW)
