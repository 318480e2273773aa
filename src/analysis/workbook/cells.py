"""Opening a workbook file and reading its cells, one field spec at a time.

The file's bytes are read once and both openpyxl views (cached values and formulas) are built from
memory, so the workbook is never written. Each sheet becomes a snapshot of its non-empty cells;
`read_field` converts one cell by its spec (text, currency, choice, number, percent, hour),
reporting what it found and what the field accepts when the value is unusable.
"""

from __future__ import annotations

import datetime as dt
import io
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

from babel.numbers import list_currencies
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from analysis.i18n import N_
from analysis.names import Name, clean
from analysis.workbook import format as fmt
from analysis.workbook import numbers
from analysis.workbook.problems import Problem, Severity, WorkbookUnreadable

MISSING_FILE = N_("the file does not exist")
IS_FOLDER = N_("the path is a folder, not a file")
NO_PERMISSION = N_("the file cannot be read (permission denied)")
NOT_XLSX = N_("the file is not an .xlsx workbook (save it as Excel Workbook .xlsx)")
CORRUPT = N_("the file is damaged or is not an .xlsx workbook")

_EXTENSIONS = (".xlsx", ".xlsm")
_CURRENCIES = frozenset(list_currencies())


@dataclass(frozen=True)
class CellData:
    """What the loader needs from one cell."""

    value: object
    percent_format: bool = False
    formula_without_value: bool = False


Cells = dict[str, CellData]
"""One sheet's non-empty cells by coordinate ("B4")."""


def open_workbook(path: Path) -> tuple[Workbook, Workbook]:
    """The workbook's cached values and its formulas, from one read of the file.

    Raises WorkbookUnreadable, with the reason, when the file is missing, a folder, unreadable
    or not an .xlsx workbook.
    """
    if not path.exists():
        raise WorkbookUnreadable(str(path), MISSING_FILE)
    if path.is_dir():
        raise WorkbookUnreadable(str(path), IS_FOLDER)
    if path.suffix.lower() not in _EXTENSIONS:
        raise WorkbookUnreadable(str(path), NOT_XLSX)
    try:
        data = path.read_bytes()
    except PermissionError as error:
        raise WorkbookUnreadable(str(path), NO_PERMISSION) from error
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise WorkbookUnreadable(str(path), CORRUPT)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            values = load_workbook(io.BytesIO(data), data_only=True)
            formulas = load_workbook(io.BytesIO(data), data_only=False)
    except Exception as error:  # any parse failure means the file is not a usable workbook
        raise WorkbookUnreadable(str(path), CORRUPT) from error
    return values, formulas


def snapshot(values_sheet, formulas_sheet) -> Cells:
    """Snapshots a sheet: cached values, percent formats, formulas lacking a saved value."""
    cells: Cells = {}
    for row in formulas_sheet.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            cached = values_sheet[cell.coordinate]
            cells[cell.coordinate] = CellData(
                value=cached.value,
                percent_format="%" in (cached.number_format or ""),
                formula_without_value=cell.data_type == "f" and cached.value is None,
            )
    return cells


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
        text = clean(str(data.value)) if not isinstance(data.value, float) else number_text(
            data.value)
        if not text and spec.required:
            problems.append(expected_problem(spec, data, cell, sheet))
            return None
        return Name(text)
    if spec.kind is fmt.Kind.CURRENCY:
        return _currency(data, spec, sheet, cell, problems)
    if spec.kind is fmt.Kind.CHOICE:
        return _choice(data, spec, sheet, cell, problems)
    return _numeric(data, spec, sheet, cell, problems)


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
    raw = data.value
    if spec.kind is fmt.Kind.HOUR and isinstance(raw, dt.time):
        if raw.minute or raw.second:
            problems.append(expected_problem(spec, data, cell, sheet))
            return None
        raw = raw.hour
    if spec.kind is fmt.Kind.PERCENT:
        parsed = numbers.parse_percent(raw, percent_format=data.percent_format)
    else:
        parsed = numbers.parse_number(raw)
    if not parsed.ok:
        problems.append(Problem(sheet, cell, found_text(data), parsed.reason, params=parsed.params))
        return None
    value = parsed.value
    whole = spec.kind in (fmt.Kind.INTEGER, fmt.Kind.HOUR)
    if (whole and value != int(value)) or not _in_bounds(value, spec):
        problems.append(expected_problem(spec, data, cell, sheet))
        return None
    _suspicious(value, parsed, spec, data, sheet, cell, problems)
    if whole:
        return int(value)
    if spec.kind is fmt.Kind.PERCENT:
        return value / 100
    return value


def _in_bounds(value: float, spec: fmt.Field) -> bool:
    if spec.minimum is not None and (value <= spec.minimum if spec.above else value < spec.minimum):
        return False
    return spec.maximum is None or value <= spec.maximum


def _suspicious(
    value: float, parsed: numbers.Parsed, spec: fmt.Field, data: CellData,
    sheet: str, cell: str, problems: list[Problem],
) -> None:
    """Warnings for legal values that are probably mistakes."""
    found = found_text(data)
    if spec.warn_above is not None and value > spec.warn_above:
        problems.append(Problem(
            sheet, cell, found,
            N_("usually at most {limit}: check this value (it is used as entered)"),
            Severity.WARNING, params=(("limit", number_text(spec.warn_above)),),
        ))
    if spec.warn_zero and value == 0:
        problems.append(Problem(
            sheet, cell, found,
            N_("usually more than 0: check this value (it is used as entered)"),
            Severity.WARNING,
        ))
    if spec.kind is fmt.Kind.PERCENT and 0 < value < 1 and not parsed.percent_sign:
        problems.append(Problem(
            sheet, cell, found,
            N_("percent points: {value} is read as {value}%; type {points} for {points}%"),
            Severity.WARNING,
            params=(("value", number_text(value)), ("points", number_text(round(value * 100, 6)))),
        ))


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
    """A number as people write it: no trailing .0, no exponent."""
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.10f}".rstrip("0")


def found_text(data: CellData) -> str:
    """The cell's content as found, for the problem report."""
    raw = data.value
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return str(raw).upper()
    if isinstance(raw, int | float):
        return number_text(raw * 100) + "%" if data.percent_format else number_text(raw)
    if isinstance(raw, dt.datetime | dt.date | dt.time):
        return raw.isoformat()
    return clean(str(raw))
