"""Every quote is the document text at its offsets, inside the article body and outside
any furniture the sidecar excludes."""

from __future__ import annotations

import unicodedata
from typing import Any

from tollbook.contract.codes import Code, raises
from tollbook.contract.problems import Problem
from tollbook.validate.rules.context import RuleContext, present

#: The README promises that the text of an article is never released, only quotes from it: a
#: quote is a sentence or two, so one longer than this is refused as a copy of the article. Texts
#: that lost their punctuation when scraped (FA-KES) run sentences to about 940 characters.
MAX_QUOTE_CHARS = 1000
#: A quote up to this long is one sentence however short the article; a longer one may not take
#: more than half of the article body (a two-sentence wire item keeps one of its sentences).
SHORT_QUOTE_CHARS = 300
#: A quote longer than one short sentence may not be (nearly) the whole article body; a bulletin
#: of one sentence up to this long is its own claim and may be quoted whole.
WHOLE_BODY_SHARE = 0.9
SENTENCE_CHARS = 200


def _hint(text: str, quote: str) -> str:
    at = text.find(quote)
    if at < 0:
        if unicodedata.normalize("NFC", quote) in unicodedata.normalize("NFC", text):
            return ("the quote matches after Unicode normalisation (NFC); store it as the text has it")
        return "the quote occurs nowhere in the document"
    return f"the quote occurs at {at}-{at + len(quote)}"


def _too_long(quote: str, body) -> bool:
    size = body.char_end - body.char_start
    return (len(quote) > MAX_QUOTE_CHARS
            or (len(quote) > SENTENCE_CHARS and len(quote) >= WHOLE_BODY_SHARE * size)
            or (len(quote) > SHORT_QUOTE_CHARS and 2 * len(quote) > size))


def _suspects(ctx: RuleContext) -> list[int]:
    """Positions of the claims whose quote may be wrong: one pass over plain columns, so only
    those rows are looked at one by one."""
    claims = ctx.tables["claims"]
    columns = (claims[c].tolist() for c in ("document_id", "char_start", "char_end", "quote"))
    out = []
    for i, (doc_id, start, end, quote) in enumerate(zip(*columns, strict=True)):
        source = ctx.sources.get(doc_id)
        if source is None or not present(start) or not present(end):
            continue
        start, end = int(start), int(end)
        body = source.body
        if (source.text[start:end] != quote or start < body.char_start or end > body.char_end
                or source.excluded_spans or _too_long(quote, body)):
            out.append(i)
    return out


@raises(Code.QUOTE_MISMATCH, Code.QUOTE_OUTSIDE_BODY, Code.QUOTE_TOO_LONG)
def check_quotes(ctx: RuleContext) -> list[Problem]:
    problems = []
    row: Any  # a row of the frame (the stubs type each cell as any scalar)
    for row in ctx.tables["claims"].iloc[_suspects(ctx)].itertuples(index=False):
        source = ctx.sources.get(row.document_id)
        if source is None or not present(row.char_start) or not present(row.char_end):
            continue
        start, end = int(row.char_start), int(row.char_end)
        text = source.text
        if text[start:end] != row.quote:
            problems.append(ctx.problem(row.claim_id, "quote", Code.QUOTE_MISMATCH,
                                        f"text at {start}-{end} is {text[start:end][:60]!r}; "
                                        f"{_hint(text, row.quote)}"))
            continue
        body = source.body
        if _too_long(row.quote, body):
            problems.append(ctx.problem(row.claim_id, "quote", Code.QUOTE_TOO_LONG,
                                        f"the quote has {len(row.quote)} characters of an article body of "
                                        f"{body.char_end - body.char_start}; a quote is at most {MAX_QUOTE_CHARS}, "
                                        f"over {SENTENCE_CHARS} never the whole body, and over {SHORT_QUOTE_CHARS} "
                                        "at most half of it: "
                                        "the article's text is never released"))
            continue
        if start < body.char_start or end > body.char_end:
            problems.append(ctx.problem(row.claim_id, "char_start", Code.QUOTE_OUTSIDE_BODY,
                                        f"quote at {start}-{end} is outside the article body "
                                        f"{body.char_start}-{body.char_end} (site furniture, "
                                        "captions or reader comments)"))
            continue
        for span in source.excluded_spans:
            if start < span.char_end and end > span.char_start:
                problems.append(ctx.problem(row.claim_id, "char_start", Code.QUOTE_OUTSIDE_BODY,
                                            f"quote at {start}-{end} overlaps excluded "
                                            f"{span.kind} {span.char_start}-{span.char_end}"))
    return problems
