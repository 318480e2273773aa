"""How long `validate` takes and how much memory it needs, on real and hostile workbooks.

Each file is validated (`workbook.load`) in a fresh child process; the child reports the time
the load took and its own peak resident memory (RSS, imports included). Files: the three
examples, and three generated in a temporary folder:

- a workbook of about 10 MB coloured to its edge: the small example with styled empty cells in
  four columns of the Quotes sheet (the one read for values below the quotes) down to row
  1,048,576, and one at XFD1048576;
- a million-row sheet: the Quotes sheet with a value on each of 1,000,000 rows, once in a quote
  column and once in a column of notes right of the quotes;
- a zip bomb: a workbook whose Company sheet is 1 GB of spaces, about 1 MB packed.

The issue's budget is 2 s and 300 MB for every file; the last column says whether each one is
within it, and the exit status is 1 when one is not.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from conftest import SMALL  # noqa: E402
from workbooks import append_rows, rewrite, sheet_part  # noqa: E402

from analysis.workbook.examples import write_filled  # noqa: E402

SECONDS = 2.0
MEGABYTES = 300

CHILD = """
import json, resource, sys, time
from analysis.workbook import load, WorkbookInvalid, WorkbookUnreadable
started = time.perf_counter()
try:
    load(sys.argv[1])
    outcome = "valid"
except WorkbookInvalid as error:
    errors = [p for p in error.problems if p.severity == "error"]
    outcome = f"{len(errors)} error(s), first at {errors[0].sheet}!{errors[0].cell}"
except WorkbookUnreadable as error:
    outcome = "refused: " + error.render("en").split(": ", 1)[1][:60]
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"outcome": outcome, "seconds": seconds, "peak_mb": peak}))
"""


def measure(path: Path) -> dict[str, object]:
    result = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True,
                            text=True, check=True, timeout=600)
    return json.loads(result.stdout)


def coloured(folder: Path) -> Path:
    """Styled empty cells in columns A-D of the Quotes sheet from row 100 down to the last
    row, and one at XFD1048576: about 9 MB packed, 170 MB unpacked."""
    base = write_filled(SMALL, folder / "base.xlsx")

    def rows() -> Iterator[bytes]:
        columns = "ABCD"
        for start in range(100, 1_048_576, 20_000):
            yield "".join(
                f'<row r="{r}">' + "".join(f'<c r="{c}{r}" s="1"/>' for c in columns) + "</row>"
                for r in range(start, min(start + 20_000, 1_048_576))
            ).encode()
        yield b'<row r="1048576"><c r="XFD1048576" s="1"/></row>'

    return append_rows(base, folder / "coloured-to-the-edge.xlsx", "Quotes", rows)


def million_rows(folder: Path, column: str = "E") -> Path:
    """A value on each of a million rows of the Quotes sheet, in a quote column (an error at
    the first row past the quotes) or in column L, right of them (notes: read and ignored)."""
    base = write_filled(SMALL, folder / "base-rows.xlsx", overwrite=True)

    def rows() -> Iterator[bytes]:
        for start in range(6, 1_000_006, 20_000):
            yield "".join(f'<row r="{r}"><c r="{column}{r}"><v>{r % 97}</v></c></row>'
                          for r in range(start, start + 20_000)).encode()

    return append_rows(base, folder / f"million-rows-{column}.xlsx", "Quotes", rows)


def zip_bomb(folder: Path) -> Path:
    base = write_filled(SMALL, folder / "base-bomb.xlsx")
    part = sheet_part(base, "Company")

    def change(name: str, data: bytes) -> bytes | Iterator[bytes]:
        return (b" " * (1 << 20) for _ in range(1024)) if name == part else data

    return rewrite(base, folder / "zip-bomb.xlsx", change, zipfile.ZIP_DEFLATED)


def main() -> int:
    files: list[tuple[str, Path | Callable[[Path], Path]]] = [
        (path.name, path) for path in sorted((ROOT / "data" / "examples").glob("*.xlsx"))
    ]
    files += [("coloured to its edge", coloured), ("a million rows", million_rows),
              ("a million rows of notes", lambda folder: million_rows(folder, "L")),
              ("zip bomb", zip_bomb)]
    over = 0
    print(f"{'file':<24} {'size MB':>8} {'seconds':>8} {'peak MB':>8}  outcome")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        for label, source in files:
            path = source if isinstance(source, Path) else source(folder)
            figures = measure(path)
            within = figures["seconds"] <= SECONDS and figures["peak_mb"] <= MEGABYTES
            over += not within
            print(f"{label:<24} {path.stat().st_size / 1e6:>8.2f} {figures['seconds']:>8.2f} "
                  f"{figures['peak_mb']:>8.0f}  {figures['outcome']}"
                  f"{'' if within else '  OVER BUDGET'}")
    print(f"budget: {SECONDS} s and {MEGABYTES} MB per file; {over} over")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
