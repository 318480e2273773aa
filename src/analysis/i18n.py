"""Words and number formats in the reader's language.

English message ids live in the code; Arabic and Romanian translations live in
`locale/<lang>/LC_MESSAGES/analysis.po`. The .po files are read directly with
Babel (no compiled .mo to keep in step), once per language.

Figures follow one convention per language, in prose, tables and charts alike (charts take
the same symbols through `number_symbols`). In right-to-left text a figure is a left-to-right
island: Babel's bidirectional marks are dropped and each signed figure (`-1,341,606`, `11%`,
`±20%`) is wrapped in LEFT-TO-RIGHT ISOLATE ... POP DIRECTIONAL ISOLATE, so its minus sign stays
on the left of its digits and its percent sign on the right, wherever the figure stands in an
Arabic sentence or cell; a currency symbol stays outside, where the locale puts it
("-1,341,606 ر.س."). Left-to-right languages are left as Babel writes them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.messages.pofile import read_po
from babel.numbers import format_currency, format_decimal, format_percent, get_currency_symbol

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


LRI, PDI = "\u2066", "\u2069"
"""LEFT-TO-RIGHT ISOLATE and POP DIRECTIONAL ISOLATE: a figure's own direction in RTL text."""
BIDI_MARKS = str.maketrans("", "", "\u200e\u200f\u061c")
"""LEFT-TO-RIGHT MARK, RIGHT-TO-LEFT MARK and ARABIC LETTER MARK, which Babel puts around Arabic
figures and symbols; an isolate does their work without moving the sign."""
_FIGURE = re.compile(r"[-+±]?\d(?:[\d.,]*\d)?%?")


def figures_isolated(text: str, lang: str) -> str:
    """`text` with each figure isolated left to right in a right-to-left language (see module
    docstring); unchanged in a left-to-right one."""
    if direction(lang) != "rtl":
        return text
    return _FIGURE.sub(lambda found: f"{LRI}{found.group(0)}{PDI}", text.translate(BIDI_MARKS))


def number_symbols(lang: str) -> dict[str, str]:
    """The locale's decimal and group separators, minus, plus and percent signs, without
    bidirectional marks: the same characters the text's figures use."""
    symbols = locale(lang).number_symbols["latn"]
    return {name: str(symbols[name]).translate(BIDI_MARKS)
            for name in ("decimal", "group", "minusSign", "plusSign", "percentSign")}


def currency_symbol(currency: str, lang: str) -> str:
    """The currency as the locale writes it beside an amount: SAR in English and Romanian,
    ر.س. in Arabic (the symbol `fmt_money` uses, for headers and chart axes)."""
    return get_currency_symbol(currency, locale(lang)).translate(BIDI_MARKS).strip()


def fmt_money(value: float, currency: str, lang: str, digits: int = 0) -> str:
    """The locale's own currency pattern, with `digits` decimals (whole units by default)."""
    pattern = locale(lang).currency_formats["standard"].pattern.split(";")[0]
    pattern = re.sub(r"0\.0+", "0" + ("." + "0" * digits if digits else ""), pattern)
    return figures_isolated(format_currency(
        value, currency, format=pattern, locale=locale(lang), currency_digits=False
    ), lang)


def fmt_years(count: int, lang: str) -> str:
    """A number of years in words ("1 year", "3 years"): the messages take the whole phrase, so a
    one-year horizon never reads "1 years" (gettext plurals are not needed for the horizon's
    1 to 10 years: Arabic writes "عدد السنوات: 3", Romanian "1 an" / "3 ani")."""
    _ = translator(lang)
    if count == 1:
        return _(ONE_YEAR)
    return _(COUNT_YEARS).format(count=fmt_number(count, lang))


def fmt_number(value: float, lang: str, digits: int = 0) -> str:
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return figures_isolated(format_decimal(value, format=pattern, locale=locale(lang)), lang)


def fmt_percent(fraction: float, lang: str, digits: int = 0, sign: str = "") -> str:
    """A percentage; `sign` ("±", "+") is written before it, inside the figure's isolate."""
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + "%"
    return figures_isolated(sign + format_percent(fraction, format=pattern, locale=locale(lang)),
                            lang)


def fmt_date(day: dt.date, lang: str) -> str:
    """A day written out in the reader's language: September 30, 2025; 30 سبتمبر 2025;
    30 septembrie 2025."""
    return figures_isolated(format_date(day, "long", locale=locale(lang)), lang)


def N_(message: str) -> str:
    """Marks a message id for extraction where it is translated later (e.g. in `Problem`)."""
    return message


ONE_YEAR = N_("1 year")
COUNT_YEARS = N_("{count} years")
"""A number of years in words (`fmt_years`; messages of the workbook's checks take them as
terms)."""
