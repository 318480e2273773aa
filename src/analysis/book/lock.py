"""One build at a time per output folder: an exclusive lock on `_build/build.lock`.

Two builds writing the same staging trees, executed notebooks and site publish a book that belongs
to neither (seen: the English book of one company next to the Romanian book of another). The lock
is `fcntl.flock` on an open file: the kernel releases it when the build ends in any way, SIGKILL
and power loss included, so a lock left by a dead build never blocks the next one and there is no
stale lock to clear by hand. The file records who holds it (process id, local start time, the
workbook's file name; no host or folder) so that a second build can say who is in the way.

A second build refuses at once instead of waiting: a book build takes from seconds to a minute or
more, someone who started two by mistake wants to know now, and a script that means to queue
builds can run them one after the other.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from analysis.errors import AnalysisError
from analysis.i18n import translator
from analysis.names import clean


@dataclass(frozen=True)
class Holder:
    """Who holds the lock, as its file says."""

    pid: int
    started: str
    """Local time the build started, "2026-11-30 14:05"."""
    workbook: str
    """The workbook's file name only: its folder may name a person or a client."""


class BuildRunning(AnalysisError):
    """Another build holds the lock on this output folder."""

    def __init__(self, folder: Path, holder: Holder | None):
        self.folder = folder
        self.holder = holder
        super().__init__(f"another build is running in {folder}")

    def render(self, lang: str = "en") -> str:
        _ = translator(lang)
        if self.holder is None:
            return _("Another build of the book is running in {folder}: wait for it to finish, "
                     "then build again.").format(folder=self.folder)
        return _("Another build of the book is running in {folder} (process {pid}, workbook "
                 "“{workbook}”, started {started}): wait for it to finish, then build again."
                 ).format(folder=self.folder, pid=self.holder.pid,
                          workbook=self.holder.workbook, started=self.holder.started)


def _holder(handle: int) -> Holder | None:
    """The holder recorded in the lock file; None while it is being written or if unreadable."""
    try:
        data = json.loads(os.pread(handle, 4096, 0).decode("utf-8"))
        return Holder(int(data["pid"]), clean(str(data["started"])),
                      clean(str(data["workbook"])))
    except (OSError, ValueError, KeyError, TypeError):
        return None


@contextmanager
def hold(lock_file: Path, workbook_name: str) -> Iterator[Holder]:
    """Holds the build lock for the `with` block, or raises BuildRunning at once.

    Creates the lock file's folder; an OSError (read-only or full disk) goes to the caller.
    """
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(lock_file, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildRunning(lock_file.parent, _holder(handle)) from None
        holder = Holder(os.getpid(), time.strftime("%Y-%m-%d %H:%M"), clean(workbook_name))
        os.ftruncate(handle, 0)
        os.pwrite(handle, json.dumps(asdict(holder), ensure_ascii=False).encode("utf-8"), 0)
        yield holder
    finally:
        os.close(handle)  # the last descriptor of the file closed: the kernel drops the lock
