"""Small reference rows of our own, so propose tests never depend on the curator's tables."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tollbook.extract.propose.lexicon import Lexicon
from tollbook.extract.propose.pipeline import Document, propose_document
from tollbook.extract.propose.text import decode, from_str

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "dataset" / "sources"
SHARED = REPO.parent / "shared"

ALIASES = [
    ("Syrian Observatory for Human Rights", "act_sohr"),
    ("SOHR", "act_sohr"),
    ("AFP", "act_afp"),
    ("Agence France-Presse", "act_afp"),
    ("Reuters", "act_reuters"),
    ("Al-Nusra Front", "act_nusra"),
    ("Nusra Front", "act_nusra"),
    ("regime troops", "act_syrian_government_forces"),
    ("rebels", "act_rebels"),
    ("Islamic State", "act_islamic_state"),
]
VARIANTS = [
    ("Jisr al-Shughur", "loc_jisr_al_shughur"),
    ("Idlib", "loc_idlib"),
    ("Aleppo", "loc_aleppo"),
    ("Hasaka", "loc_hasaka"),
]
VAGUE = [
    {"word": "several", "low": 3, "high": 9, "best": None},
    {"word": "dozens", "low": 24, "high": 99, "best": None},
    {"word": "hundreds", "low": 200, "high": 999, "best": None},
]


def make_lexicon() -> Lexicon:
    return Lexicon.from_rows(
        actor_aliases=[{"alias": a, "actor_id": i} for a, i in ALIASES],
        locations=[{"location_id": "loc_idlib", "name": "Idlib", "where_prec": 4}],
        location_variants=[{"variant": v, "location_id": i} for v, i in VARIANTS],
        vague_quantities=VAGUE,
    )


def propose_text(text: str, lexicon: Lexicon, reference: dt.date | None = dt.date(2015, 4, 24)):
    doc = Document("doc_0123456789abcdef", from_str(text), "test", reference,
                   "option" if reference else None)
    return propose_document(doc, lexicon).candidates


def killed_in_order(text: str, lexicon: Lexicon, reference: dt.date | None = None) -> list:
    """The killed figures drafted from ``text``, in text order."""
    return [c for c in sorted(propose_text(text, lexicon, reference), key=lambda c: c.char_start)
            if c.outcome == "killed"]


def propose_seed(stem: str, lexicon: Lexicon, reference: dt.date | None = None):
    path = SOURCES / f"{stem}.txt"
    doc = Document(f"doc_{stem.split('_')[1]}", decode(path.read_bytes()), path.name, reference,
                   "option" if reference else None)
    return propose_document(doc, lexicon)


def figures(candidates) -> list[tuple]:
    """(kind, outcome, value or word, qualifier) in text order, for exact assertions."""
    ordered = sorted(candidates, key=lambda c: (c.char_start, c.number_start or c.char_start))
    return [(c.kind, c.outcome, c.count_value if c.count_value is not None else c.count_word,
             c.qualifier) for c in ordered]
