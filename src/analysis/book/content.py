"""Content hashes that make the book build incremental, and the record of the last good build.

A chapter's executed notebook depends on the notebook, the workbook (its path and bytes), the
package's code, catalogs and reference data, and the language; if none of these changed, its
previous run is still right and papermill is skipped. A language book depends on its whole staging
tree and on this subpackage (the Sphinx extension and theme words); if neither changed, Sphinx is
skipped too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from analysis.book import paths

BOOK_PACKAGE = Path(__file__).parent
REPOSITORY = paths.PACKAGE_DIR.parents[1]


def digest(*parts: str | bytes) -> str:
    """sha256 of the parts, each length-prefixed so that ("ab", "c") differs from ("a", "bc")."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()


def files_digest(files: Iterable[Path], root: Path) -> str:
    """One hash for a set of files: their paths relative to `root` and their bytes."""
    parts: list[str | bytes] = []
    for path in sorted(files):
        parts += [path.relative_to(root).as_posix(), path.read_bytes()]
    return digest(*parts)


def _under(folder: Path, pattern: str, skip: Path | None = None) -> list[Path]:
    return [
        path for path in folder.rglob(pattern)
        if path.is_file() and "__pycache__" not in path.parts
        and (skip is None or not path.is_relative_to(skip))
    ]


def package_digest() -> str:
    """What the numbers and words of a chapter depend on inside the repository (not `book/`)."""
    files = (
        _under(paths.PACKAGE_DIR, "*.py", skip=BOOK_PACKAGE)
        + _under(paths.PACKAGE_DIR, "*.po", skip=BOOK_PACKAGE)
        + _under(paths.REFERENCE_DIR, "*.csv")
    )
    return files_digest(files, REPOSITORY)


def book_package_digest() -> str:
    """The build's own code and theme words: they change every page's HTML, not the numbers."""
    files = _under(BOOK_PACKAGE, "*.py") + _under(BOOK_PACKAGE, "*.po")
    return files_digest(files, REPOSITORY)


def workbook_digest(workbook: Path) -> str:
    return digest(str(workbook), workbook.read_bytes())


def notebook_key(notebook: Path, workbook: str, package: str, lang: str) -> str:
    """The key of one chapter run: notebook bytes, workbook digest, package digest, language."""
    return digest(notebook.read_bytes(), workbook, package, lang)


def tree_digest(folder: Path, skip: tuple[str, ...] = ("_build",)) -> str:
    files = [
        path for path in folder.rglob("*")
        if path.is_file() and not any(part in skip for part in path.relative_to(folder).parts)
        and path.suffix != ".mo"
    ]
    return files_digest(files, folder)


@dataclass
class State:
    """Keys of the last successful steps: chapter runs, language books and the published site."""

    notebooks: dict[str, str] = field(default_factory=dict)
    books: dict[str, str] = field(default_factory=dict)
    site: str = ""

    @classmethod
    def load(cls) -> State:
        try:
            return cls(**json.loads(paths.STATE_FILE.read_text(encoding="utf-8")))
        except (FileNotFoundError, ValueError, TypeError):
            return cls()

    def save(self) -> None:
        paths.STATE_FILE.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(asdict(self), indent=1, sort_keys=True)
        paths.STATE_FILE.write_text(text, encoding="utf-8")
