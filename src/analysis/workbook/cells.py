"""Opening a workbook file and reading its cells, one field spec at a time.

`open_book` gets the file's bytes safely (`files`), refuses what is not an .xlsx workbook by its
bytes, and reads only the cells the format uses (`xlsx`); the workbook is never written.
`read_field` converts one cell by its spec (text, currency, choice, number, percent, hour): the
value as the cell shows it (a percentage format, a `%` typed into the format as text, a time of
day), within the field's hard bounds (an error outside) and its plausible range (a warning).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from pathlib import Path

from babel.numbers import list_currencies

from analysis.i18n import N_
from analysis.names import Name, clean
from analysis.workbook import files, numbers, xlsx
from analysis.workbook import format as fmt
from analysis.workbook.problems import Problem, Severity
from analysis.workbook.xlsx import CellData, Shown

__all__ = ["CellData", "Cells", "open_book", "read_field", "text_value"]

_CURRENCIES = frozenset(list_currencies())

Cells = dict[str, CellData]
"""One sheet's non-empty cells by coordinate ("B4")."""

TEXT_TOO_LONG = N_("a text of at most {max} characters (this one has {length})")
HOUR_TEXT = re.compile(r"\s*(\d{1,2})\s*[:٫.]\s*00(?:\s*[:٫.]\s*00)?\s*")
PLAUSIBLE_BETWEEN = N_("usually between {low} and {high}: check this value (it is used as "
                       "entered)")
PLAUSIBLE_AT_MOST = N_("usually at most {high}: check this value (it is used as entered)")
PLAUSIBLE_AT_LEAST = N_("usually at least {low}: check this value (it is used as entered)")
PLAUSIBLE_ABOVE_ZERO = N_("usually more than 0: check this value (it is used as entered)")
RELATIVE_BETWEEN = N_("usually between {low} and {high} ({basis}): check this value (it is "
                      "used as entered)")
RELATIVE_AT_MOST = N_("usually at most {high} ({basis}): check this value (it is used as "
                      "entered)")


def open_book(path: str | Path, areas: Mapping[str, xlsx.Area]) -> xlsx.Book:
    """The cells of the sheets in `areas`, from a file that must be an .xlsx workbook.

    Raises WorkbookUnreadable, with the reason, for a path that is not a readable regular file
    of at most 10 MB, for another kind of file (naming it, and the "Save As" choice to use), and
    for a damaged or oversized package.
    """
    source = files.read_source(path)
    kind = files.detect(source.data)
    if kind is not files.Kind.XLSX:
        raise files.refusal(source.path, kind)
    return xlsx.read_book(source.path, source.data, areas)


def text_value(raw: object) -> str:
    """A text cell as the model keeps it: the one place cell content becomes a name, cleaned of
    characters that act on the text around it (`names.clean`)."""
    if isinstance(raw, float):
        return number_text(raw)
    return clean(str(raw))


def cell_is_blank(cells: Cells, cell: str) -> bool:
    """Whether a cell is empty or holds only spaces."""
    return cell not in cells or numbers.is_blank(cells[cell].value)


def read_field(
    data: CellData | None, spec: fmt.Field, sheet: str, cell: str, problems: list[Problem]
) -> object:
    """One cell's value converted by its spec, or None (with a problem when it matters).

    A blank optional cell gives the spec's default. Percent fields come back as
    fractions; hours and whole numbers as int; choices as their enum value.
    """
    data = data or CellData(None)
    if data.formula_without_value:
        problems.append(Problem(
            sheet, cell, "",
            N_("a value, but the cell holds a formula without a saved value: open and save "
               "the workbook in Excel or LibreOffice"),
        ))
        return None
    if numbers.is_blank(data.value):
        if spec.required:
            problems.append(expected_problem(spec, data, cell, sheet))
        return spec.default
    error = numbers.spreadsheet_error(data.value)
    if error is not None:
        problems.append(Problem(sheet, cell, found_text(data), error.reason, params=error.params))
        return None
    if spec.kind is fmt.Kind.TEXT:  # names: data, cleaned of characters that act on other text
        text = text_value(data.value)
        if spec.maximum is not None and len(text) > spec.maximum:
            problems.append(Problem(
                sheet, cell, text[:40] + "…", TEXT_TOO_LONG,
                params=(("max", number_text(spec.maximum)), ("length", str(len(text)))),
            ))
            return None
        if not text and spec.required:
            problems.append(expected_problem(spec, data, cell, sheet))
            return None
        return Name(text)
    if spec.kind is fmt.Kind.CURRENCY:
        return _currency(data, spec, sheet, cell, problems)
    if spec.kind is fmt.Kind.CHOICE:
        return _choice(data, spec, sheet, cell, problems)
    if spec.kind is fmt.Kind.DATE:
        return _date(data, spec, sheet, cell, problems)
    return _numeric(data, spec, sheet, cell, problems)


DATE_TEXT = re.compile(r"\s*(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*")
DATE_EXPECTED = N_("a date between {first} and {last}: a date cell, or text written "
                   "year-month-day such as 2025-09-30")
DATE_PLAUSIBLE = N_("usually between {low} and {high}: check this date (it is used as entered)")


def _date(
    data: CellData, spec: fmt.Field, sheet: str, cell: str, problems: list[Problem]
) -> dt.date | None:
    """A day as the cell shows it: a date cell (a serial number shown as a date), a date-time
    whose time is midnight, or year-month-day text (Arabic-Indic digits too). Other text is
    refused rather than guessed: 03/04/2025 is a different day in Riyadh and in New York."""
    raw, day = data.value, None
    if isinstance(raw, dt.datetime):
        day = raw.date()
    elif isinstance(raw, float) and data.shown is Shown.DATE and raw == int(raw):
        found = xlsx.serial_to_datetime(raw, data.date1904)
        day = found.date() if found is not None else None
    elif isinstance(raw, str):
        written = DATE_TEXT.fullmatch(raw.translate(numbers.DIGITS))
        if written:
            try:
                day = dt.date(*(int(part) for part in written.groups()))
            except ValueError:
                day = None
    first, last = (xlsx.serial_to_datetime(bound) for bound in (spec.minimum, spec.maximum))
    if day is None or first is None or last is None or not first.date() <= day <= last.date():
        problems.append(Problem(sheet, cell, found_text(data), DATE_EXPECTED, params=(
            ("first", f"{first:%Y-%m-%d}" if first else ""),
            ("last", f"{last:%Y-%m-%d}" if last else ""))))
        return None
    rule = spec.plausible
    if rule is not None and rule.low is not None and rule.high is not None:
        low, high = (xlsx.serial_to_datetime(bound) for bound in (rule.low, rule.high))
        if low is not None and high is not None and not low.date() <= day <= high.date():
            problems.append(Problem(sheet, cell, f"{day:%Y-%m-%d}", DATE_PLAUSIBLE,
                                    Severity.WARNING,
                                    params=(("low", f"{low:%Y-%m-%d}"),
                                            ("high", f"{high:%Y-%m-%d}"))))
    return day


def _currency(
    data: CellData, spec: fmt.Field, sheet: str, cell: str, problems: list[Problem]
) -> str | None:
    code = str(data.value).strip().upper()
    if code in _CURRENCIES:
        return code
    problems.append(expected_problem(spec, data, cell, sheet))
    return None


def _choice(
    data: CellData, spec: fmt.Field, sheet: str, cell: str, problems: list[Problem]
) -> str | None:
    """Matches a dropdown label (or the enum value), ignoring case and spacing."""
    wanted = _normalise(str(data.value))
    for choice in spec.choices:
        if wanted in (_normalise(choice.label), _normalise(choice.value)):
            return choice.value
    problems.append(expected_problem(spec, data, cell, sheet))
    return None


def _normalise(text: str) -> str:
    return " ".join(text.casefold().replace(" /", "/").replace("/ ", "/").split())


def _numeric(
    data: CellData, spec: fmt.Field, sheet: str, cell: str, problems: list[Problem]
) -> float | int | None:
    if spec.kind is fmt.Kind.HOUR:
        parsed = _hour(data)
    elif data.shown in (Shown.DATE, Shown.TIME, Shown.ELAPSED) and isinstance(data.value, float):
        parsed = numbers.Parsed(reason=numbers.DATE)
    elif spec.kind is fmt.Kind.PERCENT:
        parsed = numbers.parse_percent(
            data.value, percent_format=data.shown is Shown.PERCENT,
            percent_literal=data.shown is Shown.PERCENT_LITERAL)
    else:
        parsed = numbers.parse_number(data.value)
    if not parsed.ok:
        problems.append(Problem(sheet, cell, found_text(data), parsed.reason, params=parsed.params))
        return None
    value = parsed.value
    whole = spec.kind in (fmt.Kind.INTEGER, fmt.Kind.HOUR)
    if (whole and value != int(value)) or not _in_bounds(value, spec):
        problems.append(expected_problem(spec, data, cell, sheet))
        return None
    if not _fraction_warning(value, parsed, spec, data, sheet, cell, problems):
        warning = plausibility(spec, value, data, sheet, cell)
        if warning is not None:
            problems.append(warning)
    if whole:
        return int(value)
    if spec.kind is fmt.Kind.PERCENT:
        return value / 100
    return value


def _hour(data: CellData) -> numbers.Parsed:
    """An hour of the day as the cell shows it: 9, 09:00 (a time, or text), 24:00.

    A time of day is a fraction of a day, so 09:00 is 0.375 and 9 hours; 24:00 is stored as 1.0
    (`[h]:mm`, or 1900-01-01 00:00 with `hh:mm`), which is 24. A date with a time is refused.
    """
    raw = data.value
    if isinstance(raw, dt.time):
        return numbers.Parsed(value=raw.hour + raw.minute / 60 + raw.second / 3600)
    if isinstance(raw, float) and data.shown in (Shown.TIME, Shown.ELAPSED, Shown.DATE):
        if data.shown is Shown.DATE or not (data.shown is Shown.ELAPSED or 0 <= raw <= 1):
            return numbers.Parsed(reason=numbers.DATE)
        return numbers.Parsed(value=round(raw * 24, 6))
    if isinstance(raw, str):
        found = HOUR_TEXT.fullmatch(raw.translate(numbers.DIGITS))
        if found:
            return numbers.Parsed(value=float(found.group(1)))
    return numbers.parse_number(raw)


def _in_bounds(value: float, spec: fmt.Field) -> bool:
    if not math.isfinite(value):
        return False
    if spec.minimum is not None and (value <= spec.minimum if spec.above else value < spec.minimum):
        return False
    return spec.maximum is None or value <= spec.maximum


def plausibility(
    spec: fmt.Field, value: float, data: CellData, sheet: str, cell: str,
    basis: float | tuple[float, float] | None = None, params: tuple[tuple[str, str], ...] = (),
) -> Problem | None:
    """The warning for a legal value outside the field's plausible range, or None.

    `basis` is what a relative range multiplies: one number, or (for the low and the high end)
    two; `params` fill the basis text (fmt.BASIS_TEXT). A relative range without its basis is
    not checked.
    """
    rule = spec.plausible
    if rule is None or (rule.basis is not fmt.Basis.NONE and basis is None):
        return None
    low_basis, high_basis = basis if isinstance(basis, tuple) else (basis or 1.0,) * 2
    low = None if rule.low is None else rule.low * low_basis
    high = None if rule.high is None else rule.high * high_basis
    too_low = low is not None and (value <= low if rule.above_low else value < low)
    too_high = high is not None and value > high * (1 + 1e-9)
    if not (too_low or too_high):
        return None
    shown = (("low", number_text(_round(low))), ("high", number_text(_round(high))))
    found = found_text(data)
    if rule.basis is fmt.Basis.NONE:
        if rule.above_low and rule.low == 0 and rule.high is None:
            expected = PLAUSIBLE_ABOVE_ZERO
        elif low is None:
            expected = PLAUSIBLE_AT_MOST
        elif high is None:
            expected = PLAUSIBLE_AT_LEAST
        else:
            expected = PLAUSIBLE_BETWEEN
        return Problem(sheet, cell, found, expected, Severity.WARNING, params=shown)
    shares = (("low_share", _share(rule.low)), ("high_share", _share(rule.high)))
    expected = RELATIVE_AT_MOST if low is None else RELATIVE_BETWEEN
    return Problem(sheet, cell, found, expected, Severity.WARNING,
                   params=shown + shares + params,
                   terms=(("basis", fmt.BASIS_TEXT[rule.basis]),))


def _round(value: float | None) -> float | None:
    """Three significant figures: a plausible range is a rough guide, not a figure to copy."""
    if value is None or value == 0:
        return value
    digits = 2 - math.floor(math.log10(abs(value)))
    return round(value, digits) if digits > 0 else float(round(value, digits))


def _share(fraction: float | None) -> str:
    if fraction is None:
        return "0"
    return number_text(round(fraction * 100, 6)) + "%"


def _fraction_warning(
    value: float, parsed: numbers.Parsed, spec: fmt.Field, data: CellData,
    sheet: str, cell: str, problems: list[Problem],
) -> bool:
    """A percent field holding a plain number below 1: probably a fraction typed by mistake.

    Returns whether it warned (then the plausible range says nothing more)."""
    if spec.kind is fmt.Kind.PERCENT and 0 < value < 1 and not parsed.percent_sign:
        problems.append(Problem(
            sheet, cell, found_text(data),
            N_("percent points: {value} is read as {value}%; type {points} for {points}%"),
            Severity.WARNING,
            params=(("value", number_text(value)), ("points", number_text(round(value * 100, 6)))),
        ))
        return True
    return False


_NUMBER_EXPECTATIONS = {
    # (whole number, percent, has maximum, minimum exclusive) -> message id
    (False, False, True, False): N_("a number between {min} and {max}"),
    (False, False, False, False): N_("a number of at least {min}"),
    (False, False, True, True): N_("a number above {min} and at most {max}"),
    (False, False, False, True): N_("a number above {min}"),
    (True, False, True, False): N_("a whole number between {min} and {max}"),
    (True, False, False, False): N_("a whole number of at least {min}"),
    (False, True, True, False): N_("a number between {min} and {max} (percent)"),
}


def expected_problem(
    spec: fmt.Field, data: CellData, cell: str, sheet: str | None = None
) -> Problem:
    """The problem for a missing or unacceptable value: what the field accepts."""
    sheet = sheet or spec.sheet
    found = found_text(data)
    if spec.kind is fmt.Kind.TEXT:
        return Problem(sheet, cell, found, N_("a text, such as a name"))
    if spec.kind is fmt.Kind.CURRENCY:
        return Problem(sheet, cell, found,
                       N_("a three-letter ISO currency code such as SAR, RON or USD"))
    if spec.kind is fmt.Kind.CHOICE:
        return Problem(sheet, cell, found, N_("one of: {choices}"),
                       params=(("choices", ", ".join(c.label for c in spec.choices)),))
    key = (
        spec.kind in (fmt.Kind.INTEGER, fmt.Kind.HOUR),
        spec.kind is fmt.Kind.PERCENT,
        spec.maximum is not None,
        spec.above,
    )
    params = (("min", number_text(spec.minimum)),)
    if spec.maximum is not None:
        params += (("max", number_text(spec.maximum)),)
    return Problem(sheet, cell, found, _NUMBER_EXPECTATIONS[key], params=params)


def number_text(value: float | None) -> str:
    """A number as people write it: no trailing .0, no exponent (up to 1e21, then with one)."""
    if value is None:
        return ""
    value = float(value)
    if not math.isfinite(value) or abs(value) >= 1e21:
        return repr(value)
    if value.is_integer():
        return str(int(value))
    return f"{value:.10f}".rstrip("0").rstrip(".") or "0"


def found_text(data: CellData) -> str:
    """The cell's content as found, for the problem report."""
    raw = data.value
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return str(raw).upper()
    if isinstance(raw, int | float):
        if data.shown is Shown.PERCENT:
            return number_text(raw * 100) + "%"
        if data.shown is Shown.PERCENT_LITERAL:
            return number_text(raw) + "%"
        if data.shown in (Shown.DATE, Shown.TIME, Shown.ELAPSED):
            moment = xlsx.serial_to_datetime(raw, data.date1904)
            return moment.isoformat(sep=" ") if moment is not None else number_text(raw)
        return number_text(raw)
    if isinstance(raw, dt.datetime | dt.date | dt.time):
        return raw.isoformat()
    text = clean(str(raw))
    return text if len(text) <= 80 else text[:80] + "…"
