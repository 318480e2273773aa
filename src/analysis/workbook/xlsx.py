"""Reading the cells of an .xlsx or .xlsm package in bounded time and memory.

openpyxl reads a whole sheet, builds every styled cell, and in read-only mode gives neither merged
ranges nor a formula together with its saved value; a workbook coloured to its last row took
minutes and gigabytes that way, and a zip bomb took whatever it asked. This reader takes from the
package only what the format uses, each part within a limit checked before it is unpacked:

- the zip directory first: only Deflate or stored parts (other methods can expand without a
  bound per read), each part's declared size within its limit, and all parts read together
  within `MAX_UNPACKED_BYTES`; the unpacking stops at the declared size, so a lying header cannot
  give more;
- a sheet is unpacked as a stream and parsed only up to the last row the format reads there
  (`Area.last_row`), without its empty styled cells; past that row the rest of the stream is
  only scanned, at the speed of a regular expression, for the first value below the limit
  (when the area watches for one) and for merged ranges (`<mergeCell>`, after the cells);
- shared strings and number formats are taken from their parts by scanning too, keeping only
  the strings the read cells use.

Both conformance classes of Office Open XML are read: Transitional and Strict differ in their
namespaces (`http://purl.oclc.org/ooxml/...` for Strict), and elements are matched by local name,
so both read the same way (translating the namespaces would give the same result). A part with a
document type declaration is refused: no Office file has one, and entity expansion is how XML
bombs work. Dates and times stay numbers here, with the kind of their number format, so the
loader can read a closing hour of 24:00 (stored as 1.0) as 24.
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from xml.etree import ElementTree as ET

from analysis.i18n import N_
from analysis.workbook.problems import WorkbookUnreadable

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
"""All the parts read, unpacked, at most: scanning is about 150 MB a second on a slow machine."""
MAX_INDEX_BYTES = 4 * 1024 * 1024
"""The package's relationships and workbook.xml (sheet names), at most."""
MAX_TABLE_BYTES = 32 * 1024 * 1024
"""Shared strings and styles, at most (scanned, not parsed: a filled workbook has a few KB)."""
MAX_CELL_BYTES = 16 * 1024 * 1024
"""The rows the format reads, on all sheets together, once their empty cells are dropped."""

UNPACKS_TOO_LARGE = N_(
    "the file unpacks to more than {limit} MB, far more than a workbook of this format holds "
    "(a filled one unpacks to well under 1 MB): it is damaged or built to exhaust memory"
)
CELLS_TOO_LARGE = N_(
    "the sheet “{sheet}” holds more than {limit} MB of cell data in the rows this format reads: "
    "clear the formats of the unused rows and columns (Home > Clear > Clear Formats) and save "
    "the workbook again"
)
CORRUPT = N_("the file is damaged or is not an .xlsx workbook")

STRICT_NAMESPACE = "http://purl.oclc.org/ooxml/spreadsheetml/main"

_CHUNK = 1 << 20
_DOCTYPE = re.compile(rb"<!(?!--)")
_ATTRIBUTE = re.compile(rb"""([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


class Shown(StrEnum):
    """How a number cell's format shows it, which decides what it means."""

    PLAIN = "plain"
    PERCENT = "percent"
    """A real percentage format (`0%`): 0.32 shows as 32%."""
    PERCENT_LITERAL = "percent_literal"
    """A `%` typed into the format as text (`0"%"`, `0\\%`): 32 shows as 32%."""
    DATE = "date"
    TIME = "time"
    """A time of day (`hh:mm`): 0.375 shows as 09:00, and 1.0 as 00:00 of the next day."""
    ELAPSED = "elapsed"
    """Elapsed hours (`[h]:mm`): 1.0 shows as 24:00."""


@dataclass(frozen=True)
class CellData:
    """What the loader needs from one cell.

    `value` is a float for a number (dates and times too: `shown` says which), a str for text
    and spreadsheet errors, a bool for TRUE/FALSE, a datetime for an ISO date cell, or None.
    """

    value: object
    shown: Shown = Shown.PLAIN
    formula_without_value: bool = False
    date1904: bool = False

    @property
    def percent_format(self) -> bool:
        return self.shown is Shown.PERCENT


@dataclass(frozen=True)
class CellRange:
    """A rectangle of cells, 1-based and inclusive, e.g. a merged range."""

    min_col: int
    min_row: int
    max_col: int
    max_row: int

    def __contains__(self, position: tuple[int, int]) -> bool:
        column, row = position
        return self.min_col <= column <= self.max_col and self.min_row <= row <= self.max_row

    @property
    def ref(self) -> str:
        first = f"{column_letter(self.min_col)}{self.min_row}"
        return f"{first}:{column_letter(self.max_col)}{self.max_row}"

    @property
    def first(self) -> str:
        return f"{column_letter(self.min_col)}{self.min_row}"


@dataclass(frozen=True)
class Area:
    """What to read on one sheet: rows 1 to `last_row`, columns 1 to `last_column`.

    With `watch` set, the first cell holding a value below `last_row` in columns up to
    `last_column` is reported (`SheetCells.beyond`).
    """

    last_row: int
    last_column: int
    watch: bool = False


@dataclass(frozen=True)
class SheetCells:
    """One sheet's cells in its area by coordinate, its merged ranges touching the area, and
    the first cell with a value below the area (when watched)."""

    cells: dict[str, CellData]
    merges: tuple[CellRange, ...] = ()
    beyond: tuple[str, CellData] | None = None


@dataclass(frozen=True)
class Book:
    sheet_names: tuple[str, ...]
    sheets: dict[str, SheetCells]
    strict: bool = False
    saved: dt.date | None = None
    """The day the file says it was last saved (else created): its core properties
    (`docProps/core.xml`, dcterms:modified or dcterms:created, in UTC). None without them."""


def column_letter(index: int) -> str:
    letters = ""
    while index > 0:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


_COORDINATE = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")


def split_coordinate(coordinate: str) -> tuple[int, int] | None:
    """("B", 4) style parsing: (column index, row) of "B4", or None when it is not a cell."""
    found = _COORDINATE.fullmatch(coordinate.strip())
    if not found:
        return None
    column = 0
    for letter in found.group(1).upper():
        column = column * 26 + ord(letter) - 64
    return column, int(found.group(2))


def read_book(path: str, data: bytes, areas: Mapping[str, Area]) -> Book:
    """The cells of the sheets named in `areas` (those the workbook has), within limits.

    Raises WorkbookUnreadable when the package is damaged or exceeds a limit.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return _Reader(path, archive).book(areas)
    except WorkbookUnreadable:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, KeyError,
            ET.ParseError, NotImplementedError, IndexError, RuntimeError) as error:
        raise WorkbookUnreadable(path, CORRUPT) from error


class _Reader:
    def __init__(self, path: str, archive: zipfile.ZipFile):
        self.path = path
        self.archive = archive
        self.unpacked = 0
        self.cell_bytes = 0

    def corrupt(self) -> WorkbookUnreadable:
        return WorkbookUnreadable(self.path, CORRUPT)

    # --- parts ---------------------------------------------------------------------------

    def info(self, name: str, limit: int) -> zipfile.ZipInfo:
        """A part's directory entry, checked before anything is unpacked."""
        try:
            info = self.archive.getinfo(name)
        except KeyError:
            raise self.corrupt() from None
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise self.corrupt()
        self.unpacked += info.file_size
        if info.file_size > limit or self.unpacked > MAX_UNPACKED_BYTES:
            raise WorkbookUnreadable(self.path, UNPACKS_TOO_LARGE, params=(
                ("limit", str(MAX_UNPACKED_BYTES // 1024 // 1024)),))
        return info

    def chunks(self, name: str, limit: int) -> Iterator[bytes]:
        info = self.info(name, limit)
        with self.archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                yield chunk

    def whole(self, name: str, limit: int) -> bytes:
        return b"".join(self.chunks(name, limit))

    # --- the package ---------------------------------------------------------------------

    def book(self, areas: Mapping[str, Area]) -> Book:
        main = self.main_part()
        workbook = self.whole(main, MAX_INDEX_BYTES)
        root, _ = _root(workbook, self.corrupt)
        strict = STRICT_NAMESPACE.encode() in root
        sheets = self.sheet_list(workbook)
        date1904 = _date1904(workbook)
        rels = self.relationships(main)
        styles_part = _target_of_type(rels, "/styles")
        formats = self.number_formats(styles_part) if styles_part else []
        raw: dict[str, _RawSheet] = {}
        for name, rel_id in sheets:
            if name not in areas or name in raw:
                continue
            target = rels.get(rel_id)
            if target is None or not target[1].endswith("/worksheet"):
                raise self.corrupt()
            raw[name] = self.sheet(name, target[0], areas[name])
        needed = {int(v) for sheet in raw.values() for v in sheet.string_indices()}
        strings_part = _target_of_type(rels, "/sharedStrings")
        strings = self.shared_strings(strings_part, needed) if strings_part and needed else {}
        cells = {
            name: sheet.resolve(strings, formats, date1904, self.corrupt)
            for name, sheet in raw.items()
        }
        return Book(tuple(name for name, _ in sheets), cells, strict, self.saved())

    def main_part(self) -> str:
        rels = _relationships(self.whole("_rels/.rels", MAX_INDEX_BYTES), "", self.corrupt)
        target = _target_of_type(rels, "/officeDocument")
        if target is None:
            raise self.corrupt()
        return target

    def saved(self) -> dt.date | None:
        """The core properties' modified date, else their created date; None when the package
        has no core properties or neither date reads as one (a property is no reason to refuse
        a workbook)."""
        rels = _relationships(self.whole("_rels/.rels", MAX_INDEX_BYTES), "", self.corrupt)
        part = _target_of_type(rels, "/core-properties")
        if part is None or part not in self.archive.NameToInfo:
            return None
        core = self.whole(part, MAX_INDEX_BYTES)
        if _DOCTYPE.search(core):
            return None
        for name in (b"modified", b"created"):
            found = re.search(rb"<(?:[\w.-]+:)?" + name + rb"\b[^>]*>\s*(\d{4})-(\d{2})-(\d{2})",
                              core)
            if found:
                try:
                    return dt.date(*(int(part) for part in found.groups()))
                except ValueError:
                    continue
        return None

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        folder, name = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", f"{name}.rels")
        if rels_name not in self.archive.NameToInfo:
            return {}
        return _relationships(self.whole(rels_name, MAX_INDEX_BYTES), folder, self.corrupt)

    def sheet_list(self, workbook: bytes) -> list[tuple[str, str]]:
        """(name, relationship id) of each sheet, in the workbook's order."""
        sheets = []
        for tag in re.finditer(rb"<(?:[\w.-]+:)?sheet\s[^>]*>", workbook):
            attributes = _attributes(tag.group(0))
            rel_id = next((v for k, v in attributes.items() if k.endswith(":id")), None)
            if "name" not in attributes or rel_id is None:
                raise self.corrupt()
            sheets.append((attributes["name"], rel_id))
        return sheets

    def number_formats(self, part: str) -> list[str]:
        """The number format code of each cell style (`s` attribute) in order."""
        styles = self.whole(part, MAX_TABLE_BYTES)
        custom = {}
        for tag in re.finditer(rb"<(?:[\w.-]+:)?numFmt\s[^>]*>", styles):
            attributes = _attributes(tag.group(0))
            if attributes.get("numFmtId", "").isdigit():
                custom[int(attributes["numFmtId"])] = attributes.get("formatCode", "")
        section = re.search(rb"<(?:[\w.-]+:)?cellXfs\b.*?</(?:[\w.-]+:)?cellXfs>", styles, re.S)
        codes = []
        if section:
            for tag in re.finditer(rb"<(?:[\w.-]+:)?xf\b[^>]*>", section.group(0)):
                number = _attributes(tag.group(0)).get("numFmtId", "0")
                identifier = int(number) if number.isdigit() else 0
                codes.append(custom.get(identifier, BUILTIN_FORMATS.get(identifier, "General")))
        return codes

    def shared_strings(self, part: str, needed: set[int]) -> dict[int, str]:
        """Only the strings the cells read use, found by counting `<si>` elements.

        Counting is done by C-speed byte counts; only a stretch holding a needed index is
        walked item by item, and reading stops after the last needed one.
        """
        found: dict[int, str] = {}
        index = -1
        wrapper = prefix = b""
        tail = b""
        last = max(needed)
        for chunk in self.chunks(part, MAX_TABLE_BYTES):
            data = tail + chunk
            if not wrapper:
                wrapper, _ = _root(data, self.corrupt)
                prefix = _prefix(wrapper)
                item = re.compile(rb"<" + re.escape(prefix) + rb"si(?=[\s>/])[^>]*>")
                item_end = re.compile(rb"</" + re.escape(prefix) + rb"si>")
            cut = data.rfind(b">") + 1
            portion, tail = data[:cut], data[cut:]
            count = sum(portion.count(b"<" + prefix + b"si" + end) for end in (b">", b"/", b" "))
            if not any(index < wanted <= index + count for wanted in needed):
                index += count
                continue
            for match in item.finditer(portion):
                index += 1
                if index not in needed:
                    continue
                if match.group(0).endswith(b"/>"):
                    found[index] = ""
                    continue
                end = item_end.search(portion, match.end())
                if end is None:  # the item goes on in the next chunk
                    tail = portion[match.start():] + tail
                    index -= 1
                    break
                found[index] = _string_text(wrapper, portion[match.start():end.end()])
            if index >= last and len(found) == len(needed):
                break
        return found

    # --- one sheet -----------------------------------------------------------------------

    def sheet(self, name: str, part: str, area: Area) -> _RawSheet:
        sheet = _RawSheet(area)
        stream = self.chunks(part, MAX_UNPACKED_BYTES)
        data = b""
        for chunk in stream:
            data += chunk
            if _root_end(data) is not None or len(data) > 1 << 16:
                break
        root, start = _root(data, self.corrupt)
        prefix = _prefix(root)
        parser = ET.XMLPullParser(events=("end",))
        parser.feed(root)
        rows = _RowSplitter(prefix, area.last_row)
        scanner = _TailScanner(prefix, area, sheet)
        rest = _chain([data[start:]], stream)
        pending = b""
        in_rows = True
        for chunk in rest:
            pending += chunk
            cut = pending.rfind(b">") + 1
            portion, pending = pending[:cut], pending[cut:]
            if in_rows:
                kept, remainder = rows.take(portion)
                self.cell_bytes += len(kept)
                if self.cell_bytes > MAX_CELL_BYTES:
                    raise WorkbookUnreadable(self.path, CELLS_TOO_LARGE, params=(
                        ("sheet", name), ("limit", str(MAX_CELL_BYTES // 1024 // 1024))))
                parser.feed(_EMPTY_CELL.sub(b"", kept))
                sheet.collect(parser)
                if remainder is None:
                    continue
                in_rows = False
                portion = remainder
            scanner.scan(portion)
        if in_rows:
            sheet.collect(parser)
        return sheet


_EMPTY_CELL = re.compile(rb"<(?:[\w.-]+:)?c(?=\s)(?=[^<>]*\sr\s*=)[^<>]*/>")
"""A self-closing cell with a coordinate: styled but empty, nothing to read."""


def _chain(first: list[bytes], rest: Iterator[bytes]) -> Iterator[bytes]:
    yield from first
    yield from rest


class _RowSplitter:
    """Finds where the rows past the area (or the end of the cell table) start."""

    def __init__(self, prefix: bytes, last_row: int):
        self.row_tag = re.compile(rb"<" + re.escape(prefix) + rb"row(?=[\s>/])[^>]*>|</"
                                  + re.escape(prefix) + rb"sheetData>")
        self.last_row = last_row
        self.row = 0
        self.started = False
        self.sheet_data = re.compile(rb"<" + re.escape(prefix) + rb"sheetData(?=[\s>/])[^>]*>")

    def take(self, portion: bytes) -> tuple[bytes, bytes | None]:
        """(bytes of rows within the area, the rest from the first row past it, or None)."""
        if not self.started:
            found = self.sheet_data.search(portion)
            if found is None:
                return b"", None
            self.started = True
            portion = portion[found.start():]
            if found.group(0).endswith(b"/>"):
                return b"", portion[found.end() - found.start():]
        for tag in self.row_tag.finditer(portion):
            text = tag.group(0)
            if text.startswith(b"</"):
                return portion[:tag.start()], portion[tag.start():]
            number = _attributes(text).get("r", "")
            self.row = int(number) if number.isdigit() else self.row + 1
            if self.row > self.last_row:
                return portion[:tag.start()], portion[tag.start():]
        return portion, None


class _TailScanner:
    """Scans what follows the area: the first value below it, and the merged ranges.

    Only cells of the watched columns that are not self-closing (empty styled cells are) can
    hold a value, and the pattern for their start tag is the only one tried at each `<c`, so
    a million rows of notes in another column or of colour cost one regular-expression pass.
    """

    def __init__(self, prefix: bytes, area: Area, sheet: _RawSheet):
        p = re.escape(prefix)
        columns = b"|".join(column_letter(i).encode() for i in range(1, area.last_column + 1))
        self.area = area
        self.sheet = sheet
        self.watching = area.watch
        place = rb"r\s*=\s*[\"'](?:" + columns + rb")\d+[\"']"
        self.cell = re.compile(  # r is the first attribute, as every known program writes it
            rb"<" + p + rb"c\s+(?:" + place + rb"|(?!r\s*=)[^>/]*?\s" + place + rb")[^>/]*+>")
        self.cell_end = b"</" + prefix + b"c>"
        self.content = re.compile(rb"<" + p + rb"(?:v|is|f)[\s>/]")
        self.any_value = re.compile(rb"</" + p + rb"(?:v|is|f)>")
        self.data_end = b"</" + prefix + b"sheetData>"
        self.merge = re.compile(rb"<" + p + rb"mergeCell(?=[\s>/])[^>]*>")
        self.carry = b""
        self.in_cells = True

    def scan(self, portion: bytes) -> None:
        portion, self.carry = self.carry + portion, b""
        position = 0
        if self.in_cells:
            end = portion.find(self.data_end)
            limit = end if end >= 0 else len(portion)
            if self.watching:
                self.watch(portion, limit)
            if end < 0:
                return
            self.in_cells = False
            position = end + len(self.data_end)
        for tag in self.merge.finditer(portion, position):
            ref = _attributes(tag.group(0)).get("ref", "")
            self.sheet.add_merge(ref, self.area)

    def watch(self, portion: bytes, limit: int) -> None:
        """Reports the first watched cell holding a value; a cell cut by the end of the
        portion is carried over to the next one. A portion without any value (colour only)
        is passed over at the speed of one search."""
        if not self.any_value.search(portion, 0, limit):
            return
        for match in self.cell.finditer(portion, 0, limit):
            close = portion.find(self.cell_end, match.end(), limit)
            if close < 0:
                self.carry = portion[match.start():]
                return
            element = portion[match.start():close + len(self.cell_end)]
            if self.content.search(element):
                self.sheet.beyond_cell(_attributes(match.group(0)), element)
                self.watching = False
                return


@dataclass
class _RawSheet:
    """Cells as found (shared strings and styles not yet resolved)."""

    area: Area
    cells: dict[str, tuple[dict[str, str], str | None, bool, str | None]] = field(
        default_factory=dict)
    merges: list[CellRange] = field(default_factory=list)
    beyond: tuple[str, tuple[dict[str, str], str | None, bool, str | None]] | None = None
    row: int = 0

    def collect(self, parser: ET.XMLPullParser) -> None:
        for _, element in parser.read_events():
            if _local(element.tag) != "row":
                continue
            self.row = _row_number(element) or self.row + 1
            column = 0
            for cell in element:
                if _local(cell.tag) != "c":
                    continue
                place = split_coordinate(cell.get("r", "")) if cell.get("r") else None
                column = place[0] if place else column + 1
                row = place[1] if place else self.row
                if column > self.area.last_column or row > self.area.last_row:
                    continue
                self.cells[f"{column_letter(column)}{row}"] = _cell_parts(cell)
            element.clear()

    def add_merge(self, ref: str, area: Area) -> None:
        first, _, last = ref.partition(":")
        start, end = split_coordinate(first), split_coordinate(last or first)
        if start is None or end is None:
            return
        merged = CellRange(min(start[0], end[0]), min(start[1], end[1]),
                           max(start[0], end[0]), max(start[1], end[1]))
        if merged.min_row <= area.last_row and merged.min_col <= area.last_column \
                and len(self.merges) < 10_000:
            self.merges.append(merged)

    def beyond_cell(self, attributes: dict[str, str], element: bytes) -> None:
        coordinate = attributes.get("r", "")
        try:
            parts = _cell_parts(ET.fromstring(_strip_prefixes(element))) if element else None
        except ET.ParseError:
            parts = None
        self.beyond = (coordinate.upper(), parts or (attributes, None, False, None))

    def string_indices(self) -> Iterator[str]:
        everything = list(self.cells.values())
        if self.beyond:
            everything.append(self.beyond[1])
        for attributes, value, _, _ in everything:
            if attributes.get("t") == "s" and value is not None and value.strip().isdigit():
                yield value.strip()

    def resolve(self, strings: dict[int, str], formats: list[str], date1904: bool,
                corrupt) -> SheetCells:
        def make(parts) -> CellData:
            return _cell_data(parts, strings, formats, date1904, corrupt)

        cells = {coordinate: make(parts) for coordinate, parts in self.cells.items()}
        cells = {k: v for k, v in cells.items() if v.value is not None or v.formula_without_value}
        beyond = (self.beyond[0], make(self.beyond[1])) if self.beyond else None
        return SheetCells(cells, tuple(self.merges), beyond)


def _row_number(row: ET.Element) -> int | None:
    number = row.get("r", "")
    return int(number) if number.isdigit() else None


def _cell_parts(cell: ET.Element) -> tuple[dict[str, str], str | None, bool, str | None]:
    """(attributes, the <v> text, whether it has a formula, inline string text)."""
    value = None
    formula = False
    inline = None
    for child in cell:
        local = _local(child.tag)
        if local == "v":
            value = child.text or ""
        elif local == "f":
            formula = True
        elif local == "is":
            inline = _rich_text(child)
    return dict(cell.attrib), value, formula, inline


def _cell_data(parts, strings: dict[int, str], formats: list[str], date1904: bool,
               corrupt) -> CellData:
    attributes, value, formula, inline = parts
    kind = attributes.get("t", "n")
    has_value = value not in (None, "") or inline is not None
    if not has_value:
        return CellData(None, formula_without_value=formula)
    if kind == "s":
        if value is None or not value.strip().isdigit() or int(value) not in strings:
            raise corrupt()
        return CellData(strings[int(value)])
    if kind == "inlineStr":
        return CellData(inline or "")
    if kind in ("str", "e"):
        return CellData(value)
    if kind == "b":
        return CellData(value.strip() in ("1", "true"))
    if kind == "d":
        try:
            return CellData(dt.datetime.fromisoformat(value.strip()))
        except ValueError:
            return CellData(value)
    try:
        number = float(value)
    except (TypeError, ValueError):
        return CellData(value)
    style = attributes.get("s", "0")
    code = formats[int(style)] if style.isdigit() and int(style) < len(formats) else "General"
    return CellData(number, shown_as(code, number), date1904=date1904)


def _rich_text(element: ET.Element) -> str:
    """The text of a string item: its `t` elements, phonetic runs (`rPh`) left out."""
    parts = []
    for child in element:
        local = _local(child.tag)
        if local == "t":
            parts.append(child.text or "")
        elif local == "r":
            parts.extend(t.text or "" for t in child if _local(t.tag) == "t")
    return "".join(parts)


def _string_text(wrapper: bytes, element: bytes) -> str:
    closing = b"</" + _root_name(wrapper) + b">"
    root = ET.fromstring(wrapper + element + closing)
    return _rich_text(root[0])


def _strip_prefixes(element: bytes) -> bytes:
    return re.sub(rb"<(/?)[\w.-]+:", rb"<\1", element)


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _attributes(tag: bytes) -> dict[str, str]:
    """A start tag's attributes, entity references decoded."""
    found = {}
    for match in _ATTRIBUTE.finditer(tag):
        raw = match.group(2) if match.group(2) is not None else match.group(3)
        found[match.group(1).decode("utf-8", "replace")] = _unescape(raw)
    return found


def _unescape(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace")
    if "&" not in text:
        return text
    try:
        return ET.fromstring(f"<a>{text}</a>").text or ""
    except ET.ParseError:
        return text


def _root(data: bytes, corrupt) -> tuple[bytes, int]:
    """The root element's start tag and where it ends; refuses a document type declaration."""
    end = _root_end(data)
    if end is None:
        raise corrupt()
    tag_start, tag_end = end
    if _DOCTYPE.search(re.sub(rb"<!--.*?-->", b"", data[:tag_start], flags=re.S)):
        raise corrupt()
    tag = data[tag_start:tag_end]
    if tag.endswith(b"/>"):
        tag = tag[:-2] + b">"
    return tag, tag_end


def _root_end(data: bytes) -> tuple[int, int] | None:
    """(start, end) of the first element start tag, after the declaration and comments."""
    position = 0
    while True:
        start = data.find(b"<", position)
        if start < 0 or start + 1 >= len(data):
            return None
        following = data[start + 1:start + 2]
        if following == b"?":
            close = data.find(b"?>", start)
            position = close + 2 if close >= 0 else len(data)
        elif data.startswith(b"<!--", start):
            close = data.find(b"-->", start)
            position = close + 3 if close >= 0 else len(data)
        elif following == b"!":
            return start, start + 2  # a declaration: _root refuses it
        else:
            close = data.find(b">", start)
            return None if close < 0 else (start, close + 1)
        if position >= len(data):
            return None


def _root_name(tag: bytes) -> bytes:
    return re.match(rb"<([\w.:-]+)", tag).group(1)


def _prefix(tag: bytes) -> bytes:
    name = _root_name(tag)
    return name.rpartition(b":")[0] + b":" if b":" in name else b""


def _relationships(data: bytes, folder: str, corrupt) -> dict[str, tuple[str, str]]:
    """Id -> (part name, relationship type), targets resolved against `folder`."""
    _root(data, corrupt)
    found = {}
    for tag in re.finditer(rb"<(?:[\w.-]+:)?Relationship\s[^>]*>", data):
        attributes = _attributes(tag.group(0))
        if attributes.get("TargetMode") == "External" or "Id" not in attributes:
            continue
        target = attributes.get("Target", "")
        path = target[1:] if target.startswith("/") else posixpath.join(folder, target)
        found[attributes["Id"]] = (posixpath.normpath(path), attributes.get("Type", ""))
    return found


def _target_of_type(rels: dict[str, tuple[str, str]], suffix: str) -> str | None:
    return next((path for path, kind in rels.values() if kind.endswith(suffix)), None)


def _date1904(workbook: bytes) -> bool:
    tag = re.search(rb"<(?:[\w.-]+:)?workbookPr\s[^>]*>", workbook)
    return bool(tag) and _attributes(tag.group(0)).get("date1904", "") in ("1", "true")


# --- number formats ------------------------------------------------------------------------

BUILTIN_FORMATS = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%",
    11: "0.00E+00", 12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm",
    17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
    22: "m/d/yy h:mm", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)",
    39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss",
    47: "mmss.0", 48: "##0.0E+0", 49: "@",
    **{i: "yyyy-mm-dd" for i in (*range(27, 37), *range(50, 59))},
}
"""The number formats every workbook has without declaring them (ECMA-376 part 1, 18.8.30);
27-36 and 50-58 are East Asian date formats."""

_TOKENS = re.compile(r'"[^"]*"?|\\.|_.|\*.|\[[^\]]*\]?|.', re.S)


def _sections(code: str) -> list[str]:
    sections, current = [], []
    for token in _TOKENS.findall(code):
        if token == ";":
            sections.append("".join(current))
            current = []
        else:
            current.append(token)
    sections.append("".join(current))
    return sections


def shown_as(code: str, value: float) -> Shown:
    """What a number format does to `value`: the section that applies (positive; negative;
    zero), then its unquoted `%` (a percentage), a quoted or escaped `%` (text), or its date and
    time codes. Quoted text, escaped characters, colours and conditions are not codes."""
    sections = _sections(code)
    if value < 0 and len(sections) > 1:
        section = sections[1]
    elif value == 0 and len(sections) > 2:
        section = sections[2]
    else:
        section = sections[0]
    codes, literal, elapsed = [], [], False
    for token in _TOKENS.findall(section):
        if token.startswith(('"', "\\")):
            literal.append(token)
        elif token.startswith("["):
            elapsed = elapsed or bool(re.fullmatch(r"\[(h+|m+|s+)\]", token, re.I))
        elif not token.startswith(("_", "*")):
            codes.append(token)
    text = re.sub(r"(?i)general|e[+-]|am/pm|a/p", "", "".join(codes))
    if "%" in text:
        return Shown.PERCENT
    if any("%" in part or "٪" in part for part in literal):
        return Shown.PERCENT_LITERAL
    letters = set(text.lower())
    if elapsed:
        return Shown.ELAPSED
    if letters & set("ydeg") or ("m" in letters and not letters & set("hs")):
        return Shown.DATE
    if letters & set("hs"):
        return Shown.TIME
    return Shown.PLAIN


def serial_to_datetime(serial: float, date1904: bool = False) -> dt.datetime | None:
    """A date-time serial number as the spreadsheet shows it (None when out of range)."""
    epoch = dt.datetime(1904, 1, 1) if date1904 else dt.datetime(1899, 12, 30)
    if not date1904 and 0 <= serial < 60:
        epoch = dt.datetime(1899, 12, 31)  # Excel's 1900 calendar counts a 29 February 1900
    try:
        return epoch + dt.timedelta(days=serial)
    except (OverflowError, ValueError):
        return None
