"""The workbook as it was when the build started: read once, hashed, kept in `_build/snapshot/`.

Every chapter in every language reads this copy, never the analyst's file, so saving the workbook
during a build (or copying another company's over it) cannot mix two companies in one book. The
hash of these bytes is the cache key of every chapter run, so whatever the file holds at the next
build decides what is rebuilt: a file restored to earlier bytes rebuilds as itself. The file's
path is not part of the key: the book never shows it, and a copy moved elsewhere is the same book.

The copy is named by its hash and handed to the notebooks relative to the project root, so no
absolute path of the build machine reaches a notebook or its parameters.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from analysis.book import paths
from analysis.model import Inputs
from analysis.workbook import WorkbookUnreadable, files, loader


@dataclass(frozen=True)
class Snapshot:
    path: Path
    """The copy under `paths.SNAPSHOT_DIR`."""
    digest: str
    """sha256 of the workbook's bytes, hex."""

    @property
    def parameter(self) -> str:
        """The path the notebooks get: relative to the project root, where they run."""
        try:
            return self.path.relative_to(paths.ROOT).as_posix()
        except ValueError:
            return str(self.path)


def read(source: Path) -> bytes:
    """The workbook's bytes, or WorkbookUnreadable naming the analyst's file and why (the
    loader's own safe read: never blocks on a pipe or device, bounded in size)."""
    return files.read_source(source).data


def take(source: Path) -> Snapshot:
    """Reads `source` once and keeps its bytes as `_build/snapshot/<hash>.xlsx`."""
    data = read(source)
    digest = hashlib.sha256(data).hexdigest()
    target = paths.SNAPSHOT_DIR / f"{digest[:32]}.xlsx"
    if not (target.is_file() and target.read_bytes() == data):
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.{os.getpid()}")
        partial.write_bytes(data)
        partial.replace(target)
    return Snapshot(target, digest)


def load(snapshot: Snapshot, source: Path) -> tuple[Inputs, list]:
    """Checks the snapshot as the loader does; errors name the analyst's file, not the copy."""
    try:
        return loader.load(snapshot.path)
    except WorkbookUnreadable as error:
        raise WorkbookUnreadable(str(source), error.reason) from None


def prune(keep: Snapshot) -> None:
    """Removes every other snapshot once a build has succeeded; a failure here changes nothing
    that matters (the next build prunes again), so it is not reported."""
    try:
        for path in paths.SNAPSHOT_DIR.iterdir():
            if path != keep.path:
                path.unlink(missing_ok=True)
    except OSError:
        pass
