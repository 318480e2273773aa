"""Reading a filled company workbook (format v1) into `Inputs`.

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

from openpyxl.workbook.workbook import Workbook

from analysis.i18n import N_
from analysis.model import Inputs
from analysis.workbook import format as fmt
from analysis.workbook import numbers
from analysis.workbook.cells import CellData, found_text, open_workbook, snapshot
from analysis.workbook.problems import Problem, WorkbookInvalid
from analysis.workbook.sheets import read_sheets


def load(path: str | Path) -> tuple[Inputs, list[Problem]]:
    """Reads and checks a workbook; returns the inputs and the warnings.

    Raises WorkbookUnreadable when the file is missing or not an .xlsx, and
    WorkbookInvalid listing every error and warning when anything is wrong.
    """
    values, formulas = open_workbook(Path(path))
    problems = _structure(values)
    if problems:
        raise WorkbookInvalid(problems)
    sheets = {name: snapshot(values[name], formulas[name]) for name in fmt.SHEETS}
    inputs, problems = read_sheets(sheets)
    if inputs is None:
        raise WorkbookInvalid(problems)
    return inputs, problems


def _structure(book: Workbook) -> list[Problem]:
    """Missing sheets and a wrong format version: nothing else can be read reliably."""
    problems = [
        Problem(name, "—", "", N_("a sheet named “{sheet}”"), params=(("sheet", name),))
        for name in fmt.SHEETS
        if name not in book.sheetnames
    ]
    if fmt.INSTRUCTIONS in book.sheetnames:
        raw = book[fmt.INSTRUCTIONS][fmt.VERSION_CELL].value
        version = numbers.parse_number(raw)
        if version.value != fmt.FORMAT_VERSION:
            problems.append(Problem(
                fmt.INSTRUCTIONS, fmt.VERSION_CELL, found_text(CellData(raw)),
                N_("format version {version}: start from a new template and copy your values"),
                params=(("version", str(fmt.FORMAT_VERSION)),),
            ))
    return problems
