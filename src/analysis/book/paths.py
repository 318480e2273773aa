"""Where the book's sources and outputs live, in one place.

Notebooks run with the repository root as their working folder when the build runs them, but with
`notebooks/` when nbval or Jupyter runs them; `resolve` makes a workbook path given relative to the
repository root work in both.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CONFIG = ROOT / "_config.yml"
TOC = ROOT / "_toc.yml"
BOOK_DIR = ROOT / "book"
PACKAGE_DIR = ROOT / "src" / "analysis"
REFERENCE_DIR = ROOT / "data" / "reference"
DEFAULT_WORKBOOK = ROOT / "data" / "examples" / "gulf-ecommerce.xlsx"

BUILD_DIR = ROOT / "_build"
HTML_DIR = BUILD_DIR / "html"
STAGE_DIR = BUILD_DIR / "stage"
EXECUTED_DIR = BUILD_DIR / "executed"
STATE_FILE = STAGE_DIR / "state.json"
KERNEL_LOG = EXECUTED_DIR / "kernels.log"


def resolve(workbook: str | Path) -> Path:
    """An absolute workbook path; a relative one is taken from the repository root."""
    path = Path(workbook).expanduser()
    return path if path.is_absolute() else ROOT / path
