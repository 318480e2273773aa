"""Names from the workbook (the company, its vendors) are data: cleaned once, never translated.

A name is whatever someone typed into a cell, so it can hold characters that act on the text
around it when it is shown: a right-to-left override (U+202E) left open in a vendor's name drew
the rest of the recommendation backwards ("SAR2,405,207" as "702,504,2RAS"). `clean` removes
every invisible format character (Unicode category Cf: bidirectional embeddings, overrides,
isolates and marks, zero-width spaces, word joiners, soft hyphens, tags...) and turns control
characters and line or paragraph separators into spaces. It keeps the few format characters that
Arabic-script text legitimately needs and that cannot act outside the name:

- U+200C ZERO WIDTH NON-JOINER and U+200D ZERO WIDTH JOINER, which only choose letter shapes;
- the Arabic signs U+0600-U+0605, U+06DD, U+0890-U+0891 and U+08E2 (number signs, end of ayah,
  pound and piastre marks), visible signs that happen to be Cf.

The loader cleans every text cell this way, so nothing downstream sees such characters. A name
is carried as `Name`, a `str` that says "text from the workbook": the report shows it as written
and never looks it up in a translation catalog (a vendor called "In-house team" must not become
the in-house row's Arabic label). On display it is shortened to `MAX_SHOWN` characters (`shorten`)
and, in right-to-left text, isolated (`isolate`) so that its own direction cannot reorder the
figures beside it.
"""

from __future__ import annotations

import re
import unicodedata
from html import escape

KEPT_FORMAT = frozenset(
    "\u200c\u200d"
    "\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u0890\u0891\u08e2"
)
"""Format characters (Cf) that Arabic-script names may keep; every other Cf is removed."""

MAX_SHOWN = 60
"""The longest name shown in a table, sentence or chart. 60 characters keep a real legal name
with a descriptor whole (the bundled examples reach 54: "Brightline Home Goods (illustrative US
consumer brand)") and wrap to a few lines in a table column at 390 px; longer ones end in "…",
the page keeping the full name in a tooltip. Excel allows 32,767 characters in a cell, and a
5,000-character name once made the headline table 315,000 px wide."""

FSI, PDI = "\u2068", "\u2069"
"""FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: the plain-text form of HTML's `<bdi>`."""

_SPACES = re.compile(r"\s+")


class Name(str):
    """A name from the workbook: shown as written, never passed through a translation lookup."""

    __slots__ = ()


def clean(text: str) -> str:
    """`text` without invisible format characters, controls or line breaks; spaces collapsed.

    NFC-normalised, so that the same name typed two ways is one name.
    """
    kept = []
    for char in unicodedata.normalize("NFC", text):
        category = unicodedata.category(char)
        if category == "Cf" and char not in KEPT_FORMAT:
            continue
        kept.append(" " if category in ("Cc", "Zl", "Zp") else char)
    return _SPACES.sub(" ", "".join(kept)).strip()


def shorten(text: str, limit: int = MAX_SHOWN) -> str:
    """`text` cut to at most `limit` characters, ending in "…" when cut.

    The cut never splits a letter from its combining marks or a joiner from what it joins.
    """
    if len(text) <= limit:
        return text
    end = limit - 1
    while end > 0 and (unicodedata.combining(text[end]) or text[end] in KEPT_FORMAT
                       or text[end - 1] in KEPT_FORMAT):
        end -= 1
    return text[:end].rstrip() + "…"


def isolate(text: str) -> str:
    """`text` between FSI and PDI: its direction is decided inside and stays inside."""
    return f"{FSI}{text}{PDI}"


ISOLATES = str.maketrans("", "", "\u2066\u2067\u2068\u2069")
"""LRI, RLI, FSI and PDI: removed by `strip_isolates`."""


def strip_isolates(text: str) -> str:
    """`text` without directional isolates: what a reader sees, for an attribute or a test."""
    return str(text).translate(ISOLATES)


ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
"""An Arabic-script letter: text holding one is laid out right to left."""

_LETTER = r"A-Za-z0-9\u00c0-\u024f"
_WORD = rf"[{_LETTER}](?:[{_LETTER}.,:/%+\-–'’&_]*[{_LETTER}%])?"
LATIN_RUN = re.compile(f"{_WORD}(?:[ \u00a0]{_WORD})*")
"""A run of Latin-script words and figures with what joins them inside ("Erlang C", "24/7",
"P10", "80%", "0.35-0.45"), without surrounding brackets or sentence punctuation: those
belong to the Arabic sentence, which mirrors its brackets around the run."""


def latin_runs(text: str) -> list[tuple[str, bool]]:
    """`text` cut into (part, is a Latin run) pieces, in order."""
    pieces, start = [], 0
    for found in LATIN_RUN.finditer(text):
        if found.start() > start:
            pieces.append((text[start:found.start()], False))
        pieces.append((found.group(0), True))
        start = found.end()
    if start < len(text):
        pieces.append((text[start:], False))
    return pieces


def isolate_latin(text: str) -> str:
    """In text holding Arabic, each Latin run between FSI and PDI (plain text, charts); other
    text as it is."""
    if not ARABIC.search(text):
        return text
    return "".join(isolate(part) if latin else part for part, latin in latin_runs(text))


def bdi_latin(text: str) -> str:
    """`text` escaped for HTML, with each Latin run in `<bdi>` when the text holds Arabic."""
    if not ARABIC.search(text):
        return escape(text)
    return "".join(f"<bdi>{escape(part)}</bdi>" if latin else escape(part)
                   for part, latin in latin_runs(text))
