"""Reading a filled company workbook (format v1 or v2) into `Inputs`.

The loader reports every problem it finds in one go, so an analyst fixes the
workbook in one pass rather than one error per run. It never writes to the
file: the bytes are read once and both openpyxl views (cached values and
formulas) are built from memory (`cells`). Formulas are fine as long as the
spreadsheet program saved their values; a formula openpyxl wrote itself has
none. Only a missing sheet or a wrong format version stops the check early
(a missing Instructions sheet only warns: `_structure`);
everything else is the sheet rules' (`sheets`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from analysis.i18n import N_
from analysis.model import Inputs
from analysis.workbook import format as fmt
from analysis.workbook import numbers, plausible
from analysis.workbook.cells import CellData, Cells, found_text, number_text, open_book
from analysis.workbook.problems import (
    AssumedDefaults,
    MissingSheet,
    Problem,
    Severity,
    WorkbookInvalid,
)
from analysis.workbook.sheets import read_sheets
from analysis.workbook.xlsx import Area, Book, CellRange, SheetCells, split_coordinate

MERGED = N_(
    "a value of its own: the cell is inside the merged cells {range}, which show only the "
    "value of {first}; unmerge them (Home > Merge & Center > Unmerge Cells) and type each value "
    "in its own cell"
)
BEYOND_QUOTES = N_(
    "nothing below row {last}: the Quotes sheet holds at most {count} quotes (rows {first} to "
    "{last}), so that the book can draw and price every one; keep the {count} that matter most"
)


def _areas() -> dict[str, Area]:
    """What the loader reads of each sheet: up to the format's last row and column."""
    def last(fields: tuple[fmt.Field, ...]) -> tuple[int, int]:
        places = [split_coordinate(f.cell) for f in fields if f.cell]
        return max(p[1] for p in places), max(p[0] for p in places)

    def column(letter: str) -> int:
        return split_coordinate(f"{letter}1")[0]

    company = last(fmt.COMPANY_FIELDS)
    inhouse = last(fmt.INHOUSE_FIELDS + fmt.RETAINED_FIELDS + fmt.MANAGEMENT_FIELDS)
    assumptions = last(fmt.ASSUMPTION_FIELDS + fmt.PROFILE_FIELDS + fmt.BENCHMARK_FIELDS)
    version = split_coordinate(fmt.VERSION_CELL)
    return {
        fmt.INSTRUCTIONS: Area(version[1], version[0]),
        fmt.COMPANY: Area(*company),
        fmt.DEMAND: Area(max(fmt.DEMAND_ROWS.values()), column(fmt.DEMAND_FIELDS[-1].column)),
        fmt.INHOUSE: Area(*inhouse),
        fmt.QUOTES: Area(fmt.QUOTE_LAST_ROW, column(fmt.QUOTE_FIELDS[-1].column), watch=True),
        fmt.ASSUMPTIONS: Area(*assumptions),
        fmt.YEARS: Area(*last(fmt.YEARS_FIELDS)),
        fmt.RANGES: Area(fmt.RANGE_LAST_ROW, column(fmt.RANGE_FIELDS[-1].column), watch=True),
    }


def load(path: str | Path) -> tuple[Inputs, list[Problem]]:
    """Reads and checks a workbook; returns the inputs and the warnings.

    A workbook of an older supported format version gets the defaults of the
    fields added since, and a first warning listing them. Raises
    WorkbookUnreadable when the path is not a readable .xlsx workbook (naming what it is when it
    is another kind of file), and WorkbookInvalid listing every error and warning when anything
    is wrong.
    """
    book = open_book(path, _areas())
    structure = _structure(book)
    if any(p.severity is Severity.ERROR for p in structure):
        raise WorkbookInvalid(structure)
    version = int(_version(book).value)
    newer = tuple(f for f in fmt.fields() if f.since > version)
    present = fmt.sheets_in(version)
    found: list[Problem] = []
    sheets = {}
    for name in fmt.SHEETS:
        readable = name in present and name in book.sheets
        cells = _merged(name, book.sheets[name], found) if readable else {}
        sheets[name] = _without(cells, name, newer)
    found += _beyond_quotes(book.sheets[fmt.QUOTES])
    if fmt.RANGES in present and fmt.RANGES in book.sheets:
        found += _beyond_ranges(book.sheets[fmt.RANGES])
    inputs, problems, quote_rows = read_sheets(sheets)
    inputs = _dated(inputs, book.saved)
    hidden = {(p.sheet, p.cell) for p in found if p.expected == MERGED}
    problems = [p for p in problems if (p.sheet, p.cell) not in hidden]
    problems = structure + _assumed_defaults(version, _noticed(newer)) + found + problems
    if inputs is None or any(p.severity is Severity.ERROR for p in problems):
        raise WorkbookInvalid(problems)
    problems += plausible.quote_warnings(inputs, quote_rows, sheets[fmt.QUOTES])
    return inputs, problems


def _dated(inputs: Inputs | None, saved: dt.date | None) -> Inputs | None:
    """Company B12 blank: the date the file was last saved, as the workbook itself states it."""
    if inputs is None or inputs.company.report_date is not None or saved is None:
        return inputs
    return replace(inputs, company=replace(inputs.company, report_date=saved,
                                           date_from_file=True))


MISSING_SHEET = N_(
    "sheet “{sheet}” is missing; copy it from a new template (made by `{command}`) into this "
    "workbook, keeping its name, then fill it in"
)
MISSING_INSTRUCTIONS = N_(
    "sheet “{sheet}” is missing, so the workbook was read as format version {version}; to "
    "silence this notice, copy the sheet from a new template (made by `{command}`)"
)


def _structure(book: Book) -> list[Problem]:
    """Missing sheets and a wrong format version: nothing else can be read reliably.

    Every missing sheet is one problem of its own (`MissingSheet`), all of them at once. The
    sheets required are those of the workbook's version (a sheet added later is read as blank).

    A workbook without the Instructions sheet is read as the current format version, with a
    warning, rather than refused: that sheet holds only the instructions and the version number,
    nothing the analysis reads, and people delete it as clutter. The current version is the one
    to assume because a missing sheet of that version is then reported as missing too (a
    workbook made from an older template is told to copy the sheets added since, which is what
    fixes it), while assuming version 1 would silently drop the fields added since.
    """
    version = _version(book).value
    required = fmt.sheets_in(int(version) if version in fmt.SUPPORTED_VERSIONS else 1)
    problems: list[Problem] = [
        MissingSheet(name, "—", "", MISSING_SHEET)
        for name in required
        if name not in book.sheets and name != fmt.INSTRUCTIONS
        and name not in fmt.OPTIONAL_SHEETS
    ]
    if fmt.INSTRUCTIONS not in book.sheets:
        problems.insert(0, MissingSheet(fmt.INSTRUCTIONS, "—", "", MISSING_INSTRUCTIONS,
                                        Severity.WARNING,
                                        params=(("version", str(fmt.FORMAT_VERSION)),)))
    elif version not in fmt.SUPPORTED_VERSIONS:
        problems.append(Problem(
            fmt.INSTRUCTIONS, fmt.VERSION_CELL,
            found_text(book.sheets[fmt.INSTRUCTIONS].cells.get(fmt.VERSION_CELL, CellData(None))),
            N_("format version {version}: start from a new template and copy your values"),
            params=(("version", str(fmt.FORMAT_VERSION)),),
        ))
    return problems


def _version(book: Book) -> numbers.Parsed:
    """Instructions!B2, parsed; the current version when the sheet is missing (`_structure`)."""
    if fmt.INSTRUCTIONS not in book.sheets:
        return numbers.parse_number(fmt.FORMAT_VERSION)
    cell = book.sheets[fmt.INSTRUCTIONS].cells.get(fmt.VERSION_CELL, CellData(None))
    return numbers.parse_number(cell.value)


def _field_cells(sheet: str, merged: CellRange) -> list[str]:
    """The cells the format reads on `sheet` that lie inside `merged`, in reading order."""
    inside = []
    for spec in fmt.fields():
        if spec.sheet != sheet:
            continue
        if spec.cell:
            place = split_coordinate(spec.cell)
            if place in merged:
                inside.append((place[1], place[0], spec.cell))
            continue
        column = split_coordinate(f"{spec.column}1")[0]
        if not merged.min_col <= column <= merged.max_col:
            continue
        rows = fmt.DEMAND_ROWS.values() if sheet == fmt.DEMAND else range(
            fmt.FIRST_ROW, (fmt.RANGE_LAST_ROW if sheet == fmt.RANGES else fmt.QUOTE_LAST_ROW) + 1)
        inside += [(row, column, f"{spec.column}{row}") for row in rows
                   if merged.min_row <= row <= merged.max_row]
    return [cell for _, _, cell in sorted(set(inside))]


def _merged(sheet: str, found: SheetCells, problems: list[Problem]) -> Cells:
    """The sheet's cells read as they show when cells are merged.

    A merge shows the value of its first cell over all its cells. Down one column of a table
    (Demand, Quotes), e.g. a vendor's name over its two quote rows, that value is read for every
    row it covers. Anywhere else a merge would hide a field's own value, so each merge covering
    a field cell besides its first is an error naming that cell and the merge.
    """
    cells = dict(found.cells)
    table = sheet in (fmt.DEMAND, fmt.QUOTES, fmt.RANGES)
    for merged in found.merges:
        first = cells.get(merged.first)
        if first is None or numbers.is_blank(first.value):
            continue
        covered = [c for c in _field_cells(sheet, merged) if c != merged.first]
        if not covered:
            continue
        if table and merged.min_col == merged.max_col:
            cells.update(dict.fromkeys(covered, first))
            continue
        problems.append(Problem(
            sheet, covered[0], "", MERGED,
            params=(("range", merged.ref), ("first", merged.first)),
        ))
    return cells


def _beyond_quotes(found: SheetCells) -> list[Problem]:
    if found.beyond is None:
        return []
    cell, data = found.beyond
    return [Problem(
        fmt.QUOTES, cell, found_text(data), BEYOND_QUOTES,
        params=(("last", str(fmt.QUOTE_LAST_ROW)), ("count", str(fmt.QUOTE_MAX_ROWS)),
                ("first", str(fmt.FIRST_ROW))),
    )]


BEYOND_RANGES = N_(
    "nothing below row {last}: the Ranges sheet holds at most {count} ranges (rows {first} to "
    "{last}), more than every input of a company has"
)


def _beyond_ranges(found: SheetCells) -> list[Problem]:
    if found.beyond is None:
        return []
    cell, data = found.beyond
    return [Problem(
        fmt.RANGES, cell, found_text(data), BEYOND_RANGES,
        params=(("last", str(fmt.RANGE_LAST_ROW)), ("count", str(fmt.RANGE_MAX_ROWS)),
                ("first", str(fmt.FIRST_ROW))),
    )]


def _without(cells: Cells, sheet: str, fields: tuple[fmt.Field, ...]) -> Cells:
    """The sheet as the workbook's version defines it: without the cells of newer `fields`.

    Those read as blank, hence as their default, whatever an older workbook holds there.
    """
    cells_out = {(f.sheet, f.cell) for f in fields if f.cell}
    columns_out = {(f.sheet, split_coordinate(f"{f.column}1")[0]) for f in fields if f.column}

    def kept(coordinate: str) -> bool:
        column, row = split_coordinate(coordinate)
        in_table = (sheet, column) in columns_out and row >= fmt.FIRST_ROW
        return (sheet, coordinate) not in cells_out and not in_table

    return {coordinate: data for coordinate, data in cells.items() if kept(coordinate)}


def _noticed(fields: tuple[fmt.Field, ...]) -> tuple[fmt.Field, ...]:
    """The newer fields the notice names: the Ranges sheet once, by its input column (its
    default says what an absent sheet means), not its vendor, low and high columns."""
    return tuple(f for f in fields if f.sheet != fmt.RANGES or f is fmt.RANGE_FIELDS[0])


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
    """A field's default as a person would type it: percent points, a dropdown's label; for a
    default that is not one value, the message id saying what a blank means (`default_text`)."""
    if spec.default is None:
        return spec.default_text
    if spec.kind is fmt.Kind.PERCENT:
        return number_text(round(spec.default * 100, 6))
    if spec.kind is fmt.Kind.CHOICE:
        return fmt.choice_label(spec.choices, spec.default)
    if isinstance(spec.default, int | float):
        return number_text(spec.default)
    return str(spec.default)
