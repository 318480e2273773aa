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
"""The published site: a symbolic link to one complete folder under SITES_DIR (see `publish`)."""
SITES_DIR = BUILD_DIR / "sites"
STAGE_DIR = BUILD_DIR / "stage"
EXECUTED_DIR = BUILD_DIR / "executed"
SNAPSHOT_DIR = BUILD_DIR / "snapshot"
STATE_FILE = STAGE_DIR / "state.json"
KERNEL_LOG = EXECUTED_DIR / "kernels.log"
LOCK_FILE = BUILD_DIR / "build.lock"


def layout(root: Path) -> dict[str, Path]:
    """The names above that depend on the project's root, for a project rooted at `root`.

    The build reads these names at call time, so tests (and the fault-injection runner) can point
    a whole build at a small project of their own by setting each one.
    """
    build = root / "_build"
    return {
        "ROOT": root, "CONFIG": root / "_config.yml", "TOC": root / "_toc.yml",
        "BOOK_DIR": root / "book", "BUILD_DIR": build, "HTML_DIR": build / "html",
        "SITES_DIR": build / "sites", "STAGE_DIR": build / "stage",
        "EXECUTED_DIR": build / "executed", "SNAPSHOT_DIR": build / "snapshot",
        "STATE_FILE": build / "stage" / "state.json",
        "KERNEL_LOG": build / "executed" / "kernels.log", "LOCK_FILE": build / "build.lock",
    }


def resolve(workbook: str | Path) -> Path:
    """An absolute workbook path; a relative one is taken from the repository root."""
    path = Path(workbook).expanduser()
    return path if path.is_absolute() else ROOT / path
