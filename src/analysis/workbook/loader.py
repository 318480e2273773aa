"""Reading a filled company workbook (format v1 or v2) into `Inputs`.

The loader reports every problem it finds in one go, so an analyst fixes the
workbook in one pass rather than one error per run. It never writes to the
file: the bytes are read once and both openpyxl views (cached values and
formulas) are built from memory (`cells`). Formulas are fine as long as the
spreadsheet program saved their values; a formula openpyxl wrote itself has
none. Only a missing sheet or a wrong format version stops the check early;
everything else is the sheet rules' (`sheets`).
"""

from __future__ import annotations

from pathlib import Path

from openpyxl.utils.cell import coordinate_from_string
from openpyxl.workbook.workbook import Workbook

from analysis.i18n import N_
from analysis.model import Inputs
from analysis.workbook import format as fmt
from analysis.workbook import numbers
from analysis.workbook.cells import (
    CellData,
    Cells,
    found_text,
    number_text,
    open_workbook,
    snapshot,
)
from analysis.workbook.problems import AssumedDefaults, Problem, Severity, WorkbookInvalid
from analysis.workbook.sheets import read_sheets


def load(path: str | Path) -> tuple[Inputs, list[Problem]]:
    """Reads and checks a workbook; returns the inputs and the warnings.

    A workbook of an older supported format version gets the defaults of the
    fields added since, and a first warning listing them. Raises
    WorkbookUnreadable when the file is missing or not an .xlsx, and
    WorkbookInvalid listing every error and warning when anything is wrong.
    """
    values, formulas = open_workbook(Path(path))
    problems = _structure(values)
    if problems:
        raise WorkbookInvalid(problems)
    version = int(_version(values).value)
    newer = tuple(f for f in fmt.fields() if f.since > version)
    present = fmt.sheets_in(version)
    sheets = {
        name: _without(snapshot(values[name], formulas[name]), name, newer) if name in present
        else {}
        for name in fmt.SHEETS
    }
    inputs, problems = read_sheets(sheets)
    problems = _assumed_defaults(version, newer) + problems
    if inputs is None:
        raise WorkbookInvalid(problems)
    return inputs, problems


def _structure(book: Workbook) -> list[Problem]:
    """Missing sheets and a wrong format version: nothing else can be read reliably.

    The sheets required are those of the workbook's version (a sheet added later is read as
    blank); when the version cannot be read, those of version 1.
    """
    version = _version(book).value if fmt.INSTRUCTIONS in book.sheetnames else None
    required = fmt.sheets_in(int(version) if version in fmt.SUPPORTED_VERSIONS else 1)
    problems = [
        Problem(name, "—", "", N_("a sheet named “{sheet}”"), params=(("sheet", name),))
        for name in required
        if name not in book.sheetnames
    ]
    if fmt.INSTRUCTIONS in book.sheetnames and version not in fmt.SUPPORTED_VERSIONS:
        problems.append(Problem(
            fmt.INSTRUCTIONS, fmt.VERSION_CELL,
            found_text(CellData(book[fmt.INSTRUCTIONS][fmt.VERSION_CELL].value)),
            N_("format version {version}: start from a new template and copy your values"),
            params=(("version", str(fmt.FORMAT_VERSION)),),
        ))
    return problems


def _version(book: Workbook) -> numbers.Parsed:
    return numbers.parse_number(book[fmt.INSTRUCTIONS][fmt.VERSION_CELL].value)


def _without(cells: Cells, sheet: str, fields: tuple[fmt.Field, ...]) -> Cells:
    """The sheet as the workbook's version defines it: without the cells of newer `fields`.

    Those read as blank, hence as their default, whatever an older workbook holds there.
    """
    cells_out = {(f.sheet, f.cell) for f in fields if f.cell}
    columns_out = {(f.sheet, f.column) for f in fields if f.column}

    def kept(coordinate: str) -> bool:
        column, row = coordinate_from_string(coordinate)
        in_table = (sheet, column) in columns_out and row >= fmt.FIRST_ROW
        return (sheet, coordinate) not in cells_out and not in_table

    return {coordinate: data for coordinate, data in cells.items() if kept(coordinate)}


def _assumed_defaults(version: int, fields: tuple[fmt.Field, ...]) -> list[Problem]:
    """One warning naming the fields added after the workbook's version, with their defaults."""
    if not fields:
        return []
    return [AssumedDefaults(
        fmt.INSTRUCTIONS, fmt.VERSION_CELL, str(version),
        N_("format version {version}; a version {found} workbook lacks the fields added since, "
           "so these defaults were assumed: {assumed} (a new template has these fields)"),
        Severity.WARNING,
        params=(("version", str(fmt.FORMAT_VERSION)), ("found", str(version))),
        assumed=tuple((f.label, _as_typed(f)) for f in fields),
    )]


def _as_typed(spec: fmt.Field) -> str:
    """A field's default as a person would type it: percent points, a dropdown's label."""
    if spec.default is None:
        return ""
    if spec.kind is fmt.Kind.PERCENT:
        return number_text(round(spec.default * 100, 6))
    if spec.kind is fmt.Kind.CHOICE:
        return fmt.choice_label(spec.choices, spec.default)
    if isinstance(spec.default, int | float):
        return number_text(spec.default)
    return str(spec.default)
