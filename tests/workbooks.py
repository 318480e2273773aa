"""Small workbooks written by the tests themselves, the way other programs save them.

openpyxl writes what it can (formats, merges); the rest is done on the package's XML: a sheet's
rows past the format, a Strict Open XML copy, a zip bomb. Sheet parts are found through the
workbook's relationships, not guessed.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

STRICT = {
    b"http://schemas.openxmlformats.org/spreadsheetml/2006/main":
        b"http://purl.oclc.org/ooxml/spreadsheetml/main",
    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships":
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
}
"""Transitional namespaces and their Strict Open XML counterparts (ECMA-376 part 1, strict)."""


def sheet_part(path: Path, sheet: str) -> str:
    """The zip entry holding `sheet`, through workbook.xml and its relationships."""
    with zipfile.ZipFile(path) as archive:
        workbook = archive.read("xl/workbook.xml")
        rels = archive.read("xl/_rels/workbook.xml.rels")
    tag = re.search(rb'<sheet [^>]*name="' + sheet.encode() + rb'"[^>]*>', workbook).group(0)
    rel_id = re.search(rb'r:id="([^"]+)"', tag).group(1)
    target = re.search(rb'<Relationship [^>]*Id="' + rel_id + rb'"[^>]*>', rels).group(0)
    name = re.search(rb'Target="([^"]+)"', target).group(1).decode()
    return name.lstrip("/") if name.startswith("/xl/") else f"xl/{name}"


def rewrite(source: Path, target: Path, change: Callable[[str, bytes], bytes | Iterator[bytes]],
            compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """A copy of the package with each part passed through `change(name, data)`; a generator
    result is streamed into the entry (for parts of hundreds of megabytes)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", compression) as new:
        for item in old.infolist():
            result = change(item.filename, old.read(item))
            if isinstance(result, bytes):
                new.writestr(item.filename, result)
                continue
            info = zipfile.ZipInfo(item.filename)
            info.compress_type = compression
            with new.open(info, "w", force_zip64=True) as stream:
                for piece in result:
                    stream.write(piece)
    return target


def append_rows(source: Path, target: Path, sheet: str, rows: Callable[[], Iterator[bytes]],
                merges: bytes = b"") -> Path:
    """The package with `rows` (XML of whole <row> elements) added at the end of a sheet's
    cells, and optional <mergeCells> after them."""
    part = sheet_part(source, sheet)

    def change(name: str, data: bytes) -> bytes | Iterator[bytes]:
        if name != part:
            return data
        head, _, tail = data.partition(b"</sheetData>")
        tail = re.sub(rb"<mergeCells.*?</mergeCells>", b"", tail, flags=re.S)

        def stream() -> Iterator[bytes]:
            yield head
            yield from rows()
            yield b"</sheetData>" + merges + tail

        return stream()

    return rewrite(source, target, change)


def to_strict(source: Path, target: Path) -> Path:
    """The same workbook in Strict Open XML: its namespaces and relationship types swapped."""
    def change(name: str, data: bytes) -> bytes:
        for old, new in STRICT.items():
            data = data.replace(old, new)
        return data

    return rewrite(source, target, change)
