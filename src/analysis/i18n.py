"""Words and number formats in the reader's language.

English message ids live in the code; Arabic and Romanian translations live in
`locale/<lang>/LC_MESSAGES/analysis.po`. The .po files are read directly with
Babel (no compiled .mo to keep in step), once per language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from babel import Locale
from babel.messages.pofile import read_po
from babel.numbers import format_currency, format_decimal, format_percent

from analysis.errors import AnalysisError

LANGUAGES = ("en", "ar", "ro")
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "analysis"

_LOCALES = {"en": "en_US", "ar": "ar", "ro": "ro_RO"}


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def _catalog(lang: str) -> dict[str, str]:
    if lang == "en":
        return {}
    with po_path(lang).open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    return {
        m.id: m.string
        for m in catalog
        if m.id and isinstance(m.id, str) and m.string and not m.fuzzy
    }


class UnknownLanguage(AnalysisError, ValueError):
    """A language code the book and the messages are not written in."""

    def __init__(self, code: str, choices: tuple[str, ...]):
        self.code = code
        self.choices = choices
        super().__init__(f"language {code!r} is not one of {', '.join(choices)}")

    def render(self, lang: str = "en") -> str:
        _ = translator(lang if lang in self.choices else "en")
        return _("Unknown language “{code}”: choose one of {choices}.").format(
            code=self.code, choices=", ".join(self.choices))


def check_language(lang: str) -> str:
    """`lang` itself when the book and the messages are written in it; else UnknownLanguage."""
    if lang not in LANGUAGES:
        raise UnknownLanguage(lang, LANGUAGES)
    return lang


def translator(lang: str) -> Callable[[str], str]:
    """A `_()` for one language; an untranslated id falls back to English."""
    messages = _catalog(check_language(lang))
    return lambda message: messages.get(message, message)


def locale(lang: str) -> Locale:
    return Locale.parse(_LOCALES[check_language(lang)])


def direction(lang: str) -> str:
    return "rtl" if locale(lang).text_direction == "rtl" else "ltr"


def fmt_money(value: float, currency: str, lang: str, digits: int = 0) -> str:
    """The locale's own currency pattern, with `digits` decimals (whole units by default)."""
    pattern = locale(lang).currency_formats["standard"].pattern.split(";")[0]
    pattern = re.sub(r"0\.0+", "0" + ("." + "0" * digits if digits else ""), pattern)
    return format_currency(
        value, currency, format=pattern, locale=locale(lang), currency_digits=False
    )


def fmt_number(value: float, lang: str, digits: int = 0) -> str:
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=locale(lang))


def fmt_percent(fraction: float, lang: str, digits: int = 0) -> str:
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + "%"
    return format_percent(fraction, format=pattern, locale=locale(lang))


def N_(message: str) -> str:
    """Marks a message id for extraction where it is translated later (e.g. in `Problem`)."""
    return message
