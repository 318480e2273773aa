"""Getting a workbook's bytes from a path, safely, and telling what kind of file they are.

A path given on the command line can be anything: a folder, a named pipe that never ends, a link
to `/dev/zero`, a link that leads back to itself, a file behind a folder the user may not enter,
or a real file of some other program. Each gets a clear reason within milliseconds, before any
parsing: the file is opened without blocking (a named pipe would otherwise wait for a writer),
checked with `fstat` on the open descriptor (so what is checked is what is read), and read only
when it is a regular file of at most `MAX_FILE_BYTES`. Nothing is ever written.

The kind of file is decided by its bytes, never by its name, because people rename files: a zip
holding `xl/workbook.xml` is an Excel workbook (.xlsx, .xlsm, Transitional or Strict Open XML),
`xl/workbook.bin` an Excel binary workbook (.xlsb), an OpenDocument `mimetype` a LibreOffice
spreadsheet (.ods); an OLE2 compound file (`D0 CF 11 E0`) is a legacy .xls, or, when it holds an
`EncryptionInfo` stream, an Excel workbook encrypted with a password (Excel wraps an encrypted
.xlsx that way). Only the .xlsx family is read; the others are refused with their name and the
"Save As" choice that gives a readable file.
"""

from __future__ import annotations

import errno
import io
import os
import stat
import zipfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import olefile

from analysis.i18n import N_
from analysis.workbook.problems import WorkbookUnreadable

MAX_FILE_BYTES = 10 * 1024 * 1024
"""Files above 10 MB are refused before reading: a filled workbook of this format is about
30 KB, and real ones stay well under 1 MB."""

MISSING_FILE = N_("the file does not exist")
IS_FOLDER = N_("the path is a folder, not a file")
NO_PERMISSION = N_(
    "permission denied: you may not read this file, or may not open a folder on its path"
)
LINK_LOOP = N_("the path is a symbolic link that leads back to itself (a link loop)")
NOT_A_FILE = N_("the path is {kind}, not a file: give the path of a saved workbook")
TOO_LARGE = N_(
    "the file is {size} MB, more than the {limit} MB a workbook of this format may have "
    "(a filled one is well under 1 MB): check that it is the right file"
)
EMPTY = N_("the file is empty")
READ_FAILED = N_("the file could not be read ({reason})")
CORRUPT = N_("the file is damaged or is not an .xlsx workbook")
REFUSED = N_(
    "the file is {format}, which this tool does not read: open it in Excel or LibreOffice "
    "Calc, choose File > Save As and the type “Excel Workbook (*.xlsx)”, and give that file"
)
PASSWORD = N_(
    "the workbook is protected with a password (encrypted): open it in Excel, remove the "
    "password (File > Info > Protect Workbook > Encrypt with Password, then clear it), save "
    "it as “Excel Workbook (*.xlsx)” and give that file"
)

KIND_FIFO = N_("a named pipe")
KIND_DEVICE = N_("a device")
KIND_SOCKET = N_("a socket")
KIND_OTHER = N_("a special file")


class Kind(StrEnum):
    """What a file's bytes say it is."""

    XLSX = "xlsx"
    """Office Open XML spreadsheet: .xlsx, .xlsm, .xltx, Transitional or Strict."""
    XLSB = "xlsb"
    ODS = "ods"
    XLS = "xls"
    ENCRYPTED = "encrypted"
    CSV = "csv"
    XML_2003 = "xml2003"
    HTML = "html"
    PDF = "pdf"
    NUMBERS = "numbers"
    WORD = "word"
    POWERPOINT = "powerpoint"
    UNKNOWN = "unknown"


FORMAT_NAMES = {
    Kind.XLSB: N_("an Excel Binary Workbook (.xlsb)"),
    Kind.ODS: N_("an OpenDocument Spreadsheet (.ods)"),
    Kind.XLS: N_("an Excel 97-2003 Workbook (.xls)"),
    Kind.CSV: N_("a text or CSV file"),
    Kind.XML_2003: N_("an XML Spreadsheet 2003 (.xml)"),
    Kind.HTML: N_("a web page (.htm, .html)"),
    Kind.PDF: N_("a PDF document"),
    Kind.NUMBERS: N_("an Apple Numbers document"),
    Kind.WORD: N_("a Word document"),
    Kind.POWERPOINT: N_("a PowerPoint presentation"),
}
"""The refused kinds, as the reason names them."""

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


@dataclass(frozen=True)
class Source:
    """A workbook file read into memory: its path (for messages) and its bytes."""

    path: str
    data: bytes


def read_source(path: str | Path) -> Source:
    """The file's bytes, or WorkbookUnreadable saying why not (never blocks, never writes).

    Refused: a missing path, a folder, a link loop, a named pipe, a device or socket, a file or
    folder the user may not read, an empty file, a file over `MAX_FILE_BYTES`.
    """
    shown = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise WorkbookUnreadable(shown, _open_reason(error)) from error
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise WorkbookUnreadable(shown, IS_FOLDER)
        if not stat.S_ISREG(info.st_mode):
            raise WorkbookUnreadable(shown, NOT_A_FILE, terms=(("kind", _kind(info.st_mode)),))
        if info.st_size > MAX_FILE_BYTES:
            raise WorkbookUnreadable(shown, TOO_LARGE, params=(
                ("size", f"{info.st_size / 1024 / 1024:.1f}"),
                ("limit", str(MAX_FILE_BYTES // 1024 // 1024)),
            ))
        data = _read_at_most(descriptor, MAX_FILE_BYTES + 1)
    except OSError as error:
        raise WorkbookUnreadable(shown, _open_reason(error)) from error
    finally:
        os.close(descriptor)
    if len(data) > MAX_FILE_BYTES:  # grew while being read
        raise WorkbookUnreadable(shown, TOO_LARGE, params=(
            ("size", f"{len(data) / 1024 / 1024:.1f}"),
            ("limit", str(MAX_FILE_BYTES // 1024 // 1024)),
        ))
    if not data:
        raise WorkbookUnreadable(shown, EMPTY)
    return Source(shown, data)


def _read_at_most(descriptor: int, limit: int) -> bytes:
    chunks, total = [], 0
    while total < limit:
        chunk = os.read(descriptor, min(1 << 20, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _open_reason(error: OSError) -> str:
    reasons = {
        errno.ENOENT: MISSING_FILE, errno.ENOTDIR: MISSING_FILE, errno.EACCES: NO_PERMISSION,
        errno.EPERM: NO_PERMISSION, errno.ELOOP: LINK_LOOP, errno.EISDIR: IS_FOLDER,
    }
    if error.errno in reasons:
        return reasons[error.errno]
    return READ_FAILED


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return KIND_FIFO
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return KIND_DEVICE
    if stat.S_ISSOCK(mode):
        return KIND_SOCKET
    return KIND_OTHER


def detect(data: bytes) -> Kind:
    """What the bytes are, from their signature and, for a zip, the names it holds."""
    if data.startswith(_OLE2):
        return _ole2_kind(data)
    if data.startswith(b"PK"):
        return _zip_kind(data)
    if data.startswith(b"%PDF"):
        return Kind.PDF
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Kind.UNKNOWN
    head = _text_head(data)
    if head is None:
        return Kind.UNKNOWN
    lowered = head.lstrip("\ufeff \t\r\n").lower()
    if "urn:schemas-microsoft-com:office:spreadsheet" in lowered:
        return Kind.XML_2003
    if lowered.startswith(("<!doctype html", "<html")) or "<html" in lowered[:1024]:
        return Kind.HTML
    return Kind.CSV


def _text_head(data: bytes) -> str | None:
    """The start of a text file, or None when the bytes are not text in a common encoding."""
    head = data[:4096]
    for encoding in ("utf-16", "utf-8", "cp1252"):
        if encoding == "utf-16" and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            text = head.decode(encoding, errors="strict")
        except UnicodeDecodeError as error:
            if error.start >= len(head) - 4:  # a character cut at the 4 KB boundary
                return head[: error.start].decode(encoding, errors="ignore")
            continue
        controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n\x0c")
        return text if controls == 0 else None
    return None


def _ole2_kind(data: bytes) -> Kind:
    try:
        with olefile.OleFileIO(data) as ole:
            if ole.exists("EncryptionInfo") or ole.exists("EncryptedPackage"):
                return Kind.ENCRYPTED
            if ole.exists("Workbook") or ole.exists("Book"):
                return Kind.XLS
    except Exception:  # noqa: BLE001 - any parse failure: a damaged compound file
        return Kind.UNKNOWN
    return Kind.UNKNOWN


def _zip_kind(data: bytes) -> Kind:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" in names or _main_part(archive) == "xlsx":
                return Kind.XLSX
            if "xl/workbook.bin" in names:
                return Kind.XLSB
            if "mimetype" in names:
                info = archive.getinfo("mimetype")
                if info.file_size < 200 and archive.read(info).strip() == _ODS_MIMETYPE:
                    return Kind.ODS
            if "Index/Document.iwa" in names or any(n.startswith("Index/") for n in names):
                return Kind.NUMBERS
            if "word/document.xml" in names:
                return Kind.WORD
            if "ppt/presentation.xml" in names:
                return Kind.POWERPOINT
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return Kind.UNKNOWN
    return Kind.UNKNOWN


def _main_part(archive: zipfile.ZipFile) -> str:
    """"xlsx" when the package's content types declare a spreadsheet main part elsewhere."""
    try:
        info = archive.getinfo("[Content_Types].xml")
    except KeyError:
        return ""
    if info.file_size > 1 << 20:
        return ""
    text = archive.read(info)
    return "xlsx" if b"spreadsheetml.sheet.main" in text or b"ms-excel.sheet.macroEnabled.main" \
        in text or b"spreadsheetml.template.main" in text else ""


def refusal(path: str, kind: Kind) -> WorkbookUnreadable:
    """The error for a file that is not an .xlsx workbook, naming what it is."""
    if kind is Kind.ENCRYPTED:
        return WorkbookUnreadable(path, PASSWORD)
    if kind in FORMAT_NAMES:
        return WorkbookUnreadable(path, REFUSED, terms=(("format", FORMAT_NAMES[kind]),))
    return WorkbookUnreadable(path, CORRUPT)
