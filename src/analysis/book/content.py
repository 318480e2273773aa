"""Content hashes that make the book build incremental, and the record of the last good build.

A chapter's executed notebook depends on the notebook, the workbook snapshot's bytes (`snapshot`),
the package's code, catalogs and reference data, and the language; if none of these changed, its
previous run is still right and papermill is skipped. A language book depends on its whole staging
tree and on this subpackage (the Sphinx extension and theme words); if neither changed, Sphinx is
skipped too.

A step's key is removed from the record before the step runs and written back only when it
succeeds, so a build killed half-way can never leave a key that vouches for half-written output.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, fields
from importlib import metadata
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
    """What the numbers and words of a chapter depend on: the package's code, catalogs and
    reference data inside the repository (not `book/`), and the installed versions of the
    libraries it runs on (`dependency_versions`)."""
    files = (
        _under(paths.PACKAGE_DIR, "*.py", skip=BOOK_PACKAGE)
        + _under(paths.PACKAGE_DIR, "*.po", skip=BOOK_PACKAGE)
        + _under(paths.REFERENCE_DIR, "*.csv")
    )
    return digest(files_digest(files, REPOSITORY), dependency_versions())


DISTRIBUTION = "cs-sourcing-analysis"


def dependency_versions() -> str:
    """Each runtime dependency of the project with its installed version, one per line.

    A chapter's figures and charts also depend on these (the fonts drawn into the charts, the
    chart renderer, the number formats): upgrading a pinned one must re-run the chapters, not
    reuse runs made with the old one.
    """
    names = sorted({
        re.split(r"[\s;<>=!~\[(]", requirement, maxsplit=1)[0].lower()
        for requirement in metadata.requires(DISTRIBUTION) or ()
        if "extra ==" not in requirement
    })
    return "\n".join(f"{name}=={metadata.version(name)}" for name in names)


def book_package_digest() -> str:
    """The build's own code and theme words: they change every page's HTML, not the numbers
    (with `names.py`, whose Latin runs the Sphinx extension isolates in Arabic prose)."""
    files = (_under(BOOK_PACKAGE, "*.py") + _under(BOOK_PACKAGE, "*.po")
             + [paths.PACKAGE_DIR / "names.py"])
    return files_digest(files, REPOSITORY)


def notebook_key(notebook: Path, workbook: str, package: str, lang: str) -> str:
    """The key of one chapter run: notebook bytes, snapshot digest, package digest, language."""
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
    """Keys of the last successful steps: chapter runs and language books.

    `sources` names, per language, the snapshot whose pages its Sphinx output holds: when the
    workbook changes, that output is cleared before the next render (`pipeline.render_books`), so
    no chart or page of an earlier workbook can stay in it. The published site's key is the name
    of the folder `_build/html` links to (`publish.current_key`), not a record here.
    """

    notebooks: dict[str, str] = field(default_factory=dict)
    books: dict[str, str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls) -> State:
        """The record, or an empty one (everything rebuilds) if it is missing or unreadable."""
        try:
            data = json.loads(paths.STATE_FILE.read_text(encoding="utf-8"))
            known = {item.name for item in fields(cls)}
            return cls(**{name: dict(value) for name, value in data.items() if name in known})
        except (FileNotFoundError, ValueError, TypeError, AttributeError):
            return cls()

    def save(self) -> None:
        """Writes the record whole or not at all (a new file renamed over the old one)."""
        paths.STATE_FILE.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(asdict(self), indent=1, sort_keys=True)
        partial = paths.STATE_FILE.with_name(f".{paths.STATE_FILE.name}.{os.getpid()}")
        partial.write_text(text, encoding="utf-8")
        partial.replace(paths.STATE_FILE)
