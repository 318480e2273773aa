"""Reading numbers out of workbook cells, however people typed them.

A cell may hold a real number, or text typed in the reader's own habits:
Arabic-Indic or Eastern Arabic-Indic digits, the Arabic decimal and thousands
separators, a decimal comma, thousands separators, a percent sign. Text that
could honestly mean two numbers (“1,234”: 1.234 or 1234?) is refused with a
reason, never guessed. The rules are listed in docs/workbook-format.md.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from analysis.i18n import N_

NOT_A_NUMBER = N_("a number")
DATE = N_("a number, not a date or time")
BOOLEAN = N_("a number, not TRUE or FALSE")
NOT_FINITE = N_("a finite number")
AMBIGUOUS = N_(
    "an unambiguous number: “{text}” could be {as_decimal} or {as_thousands}; "
    "type it without a thousands separator"
)
GROUPING = N_("a number whose thousands separators split the digits in groups of three")
MIXED = N_("a number using either Arabic or Latin separators, not both")
PERCENT_SIGN = N_("a plain number without a percent sign")
SPREADSHEET_ERROR = N_("a value, not the spreadsheet error {error}")

SPREADSHEET_ERRORS = frozenset(
    {"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#SPILL!", "#CALC!"}
)

DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_INVISIBLE = re.compile("[\u200b\u200e\u200f\u061c\u2066-\u2069]")
_SPACES = re.compile("[ \u00a0\u2007\u2009\u202f]+")
_PERCENT = "%٪"
_MINUS = "-\u2212"
_ARABIC_DECIMAL = "٫"
_ARABIC_GROUP = "٬"
_ALLOWED = re.compile(r"[0-9., ٫٬]+")


@dataclass(frozen=True)
class Parsed:
    """A number, or why the cell is not one.

    `reason` is an English message id phrased as what was expected, ready to
    be the `expected` of a Problem; `params` fill its fields. `percent_sign`
    records that the person wrote the value explicitly as a percentage (a %
    sign, or a cell formatted as a percentage).
    """

    value: float | None = None
    reason: str = ""
    params: tuple[tuple[str, str], ...] = ()
    percent_sign: bool = False

    @property
    def ok(self) -> bool:
        return self.value is not None


def is_blank(raw: object) -> bool:
    """An empty cell, or one holding only spaces."""
    return raw is None or (isinstance(raw, str) and raw.strip() == "")


def spreadsheet_error(raw: object) -> Parsed | None:
    """A refusal when the cell shows a spreadsheet error such as #DIV/0!."""
    if isinstance(raw, str) and raw.strip().upper() in SPREADSHEET_ERRORS:
        return Parsed(reason=SPREADSHEET_ERROR, params=(("error", raw.strip()),))
    return None


def parse_number(raw: object) -> Parsed:
    """Reads a plain number: a numeric cell, or text in one of the accepted forms."""
    return _parse(raw, percent=False)


def parse_percent(
    raw: object, *, percent_format: bool = False, percent_literal: bool = False
) -> Parsed:
    """Reads a percentage as percent points (30 means 30%), as the cell shows it.

    A numeric cell with a percentage format (`0%`) holds the fraction (0.3 shown as 30%), so it
    is scaled by 100. A format whose % is text (`0"%"`, `0\\%`) shows the number as typed with
    a % after it: 32 shows as 32% and is 32 points. Any other number is taken as points. Text
    may carry a % or ٪ sign.
    """
    parsed = _parse(raw, percent=True)
    if parsed.ok and percent_format and not isinstance(raw, str):
        return Parsed(value=round(float(raw) * 100, 10), percent_sign=True)
    if parsed.ok and percent_literal and not isinstance(raw, str):
        return Parsed(value=parsed.value, percent_sign=True)
    return parsed


def _parse(raw: object, *, percent: bool) -> Parsed:
    if isinstance(raw, bool):
        return Parsed(reason=BOOLEAN)
    if isinstance(raw, int | float):
        value = float(raw)
        return Parsed(value=value) if math.isfinite(value) else Parsed(reason=NOT_FINITE)
    if isinstance(raw, dt.date | dt.time | dt.timedelta):
        return Parsed(reason=DATE)
    if not isinstance(raw, str):
        return Parsed(reason=NOT_A_NUMBER)
    return spreadsheet_error(raw) or _parse_text(raw, percent=percent)


def _parse_text(text: str, *, percent: bool) -> Parsed:
    body = _SPACES.sub(" ", _INVISIBLE.sub("", text.translate(DIGITS))).strip()
    has_sign = bool(body) and (body[0] in _PERCENT or body[-1] in _PERCENT)
    if has_sign:
        if not percent:
            return Parsed(reason=PERCENT_SIGN)
        body = body.strip(_PERCENT).strip()
    negative = bool(body) and body[0] in _MINUS + "+"
    if negative:
        negative = body[0] in _MINUS
        body = body[1:].strip()
    if not body or not _ALLOWED.fullmatch(body) or not any(ch.isdigit() for ch in body):
        return Parsed(reason=NOT_A_NUMBER)
    parsed = _digits(body, text.strip())
    if not parsed.ok:
        return parsed
    value = -parsed.value if negative else parsed.value
    return Parsed(value=value, percent_sign=has_sign)


def _digits(body: str, original: str) -> Parsed:
    """Decides which mark is the decimal separator, refusing what could mean two things."""
    if _ARABIC_DECIMAL in body or _ARABIC_GROUP in body:
        if "." in body or "," in body:
            return Parsed(reason=MIXED)
        return _assemble(body, _ARABIC_DECIMAL, _ARABIC_GROUP + " ")
    if "." in body and "," in body:
        decimal = "." if body.rfind(".") > body.rfind(",") else ","
        other = "," if decimal == "." else "."
        return _assemble(body, decimal, other + " ")
    mark = "." if "." in body else "," if "," in body else ""
    if not mark or body.count(mark) > 1:
        return _assemble(body, "", mark + " ")
    if " " in body:
        return _assemble(body, mark, " ")
    head, tail = body.split(mark)
    if len(tail) == 3 and 1 <= len(head) <= 3 and not head.startswith("0"):
        return Parsed(
            reason=AMBIGUOUS,
            params=(
                ("text", original),
                ("as_decimal", f"{head}.{tail}"),
                ("as_thousands", f"{head}{tail}"),
            ),
        )
    return _assemble(body, mark, "")


def _assemble(body: str, decimal: str, groups: str) -> Parsed:
    """Builds the value once the decimal mark and the allowed group marks are known."""
    has_decimal = bool(decimal) and decimal in body
    whole, _, fraction = body.partition(decimal) if has_decimal else (body, "", "")
    if has_decimal and not fraction.isdigit():
        return Parsed(reason=NOT_A_NUMBER)
    used = {ch for ch in whole if not ch.isdigit()}
    if used - set(groups) or len(used) > 1:
        return Parsed(reason=GROUPING if used else NOT_A_NUMBER)
    if used:
        parts = whole.split(used.pop())
        first, rest = parts[0], parts[1:]
        if not (1 <= len(first) <= 3 and first.isdigit() and not first.startswith("0")):
            return Parsed(reason=GROUPING)
        if any(len(p) != 3 or not p.isdigit() for p in rest):
            return Parsed(reason=GROUPING)
        whole = "".join(parts)
    if not whole and not fraction:
        return Parsed(reason=NOT_A_NUMBER)
    value = float(f"{whole or '0'}.{fraction or '0'}")
    return Parsed(value=value) if math.isfinite(value) else Parsed(reason=NOT_FINITE)
