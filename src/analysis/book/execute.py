"""Running the chapter notebooks with papermill, and tagging them so readers see no code.

Each run gets the workbook snapshot (a path relative to the project root) and the language as
parameters and writes its output notebook under `_build/executed/<lang>/`; a run that fails keeps
that notebook, error included, for the analyst. Runs go through a small pool of processes (two by
default): more kernels at once only fight over two cores and, as others found, over kernel ports.

The workers never outlive the build: each asks Linux to kill it when the build process dies
(`die_with_parent`), ignores Ctrl-C (the build itself stops them and says so once), and a build
that is interrupted or fails while runs are in flight terminates them before it goes on.
"""

from __future__ import annotations

import ctypes
import errno
import os
import signal
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat import NotebookNode
from traitlets.config import Config

from analysis.book import paths
from analysis.book.checkpoint import reached
from analysis.errors import AnalysisError
from analysis.i18n import translator

KERNEL = "python3"
"""The environment's own kernel: jupyter_client starts "python" kernels with sys.executable."""
HIDDEN_CELLS = frozenset({"parameters", "injected-parameters"})
DISK_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM})
"""Errors of the output folder rather than of a chapter: reported as such, not as a chapter bug."""
RUN_METADATA = ("papermill", "execution")
"""Notebook and cell metadata of a run: paths, parameters and timestamps, none for readers."""
_PR_SET_PDEATHSIG = 1
try:
    _LIBC = ctypes.CDLL(None, use_errno=True)
except OSError:  # not Linux: workers then only stop with the pool
    _LIBC = None


class WorkerLost(AnalysisError):
    """A worker process ended without reporting its chapter (killed, or out of memory)."""

    def render(self, lang: str = "en") -> str:
        _ = translator(lang)
        return _(
            "The book was not changed: a chapter run stopped without a result (its process "
            "was killed, perhaps for lack of memory). Build again; if it happens again, build "
            "with fewer workers.")


def die_with_parent(parent: int) -> None:
    """Asks Linux to SIGKILL this process when `parent` (the build) dies, however it dies.

    Without it a killed build leaves workers and Jupyter Book processes writing into `_build/`
    while the next build starts. Runs in the child (pool initializer, or before exec).
    """
    if _LIBC is not None:
        _LIBC.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the build died before the request was made
        os._exit(1)


@dataclass(frozen=True)
class Job:
    """One chapter in one language."""

    notebook: Path
    lang: str
    workbook: Path
    output: Path

    @property
    def label(self) -> str:
        return f"{self.lang} {self.notebook.stem}"


@dataclass(frozen=True)
class Outcome:
    job: Job
    seconds: float
    error: str = ""
    """Empty when the run succeeded; else the exception's name and message."""
    errno: int = 0
    """The OSError number when the run could not write (full disk, read-only folder)."""


def local_kernel(folder: Path) -> Config:
    """Kernel sockets as files in `folder` (IPC): no TCP ports to collide when runs overlap."""
    return Config({"KernelManager": {"transport": "ipc", "ip": str(folder / "kernel")}})


def run(job: Job) -> Outcome:
    """Executes one job; never raises, so that a pool can report every failure by name."""
    import papermill  # imported here: a build with nothing to run should not pay for it

    started = time.perf_counter()
    job.output.parent.mkdir(parents=True, exist_ok=True)
    try:
        with tempfile.TemporaryDirectory(prefix="book-kernel-") as sockets:
            papermill.execute_notebook(
                str(job.notebook), str(job.output),
                parameters={"workbook": str(job.workbook), "lang": job.lang},
                kernel_name=KERNEL, cwd=str(paths.ROOT), progress_bar=False, log_output=False,
                config=local_kernel(Path(sockets)),
            )
    except Exception as error:  # noqa: BLE001 - reported with the notebook that holds it
        summary = getattr(error, "ename", type(error).__name__)
        detail = getattr(error, "evalue", str(error))
        number = error.errno if isinstance(error, OSError) and error.errno in DISK_ERRORS else 0
        return Outcome(job, time.perf_counter() - started, f"{summary}: {detail}", number)
    return Outcome(job, time.perf_counter() - started)


def _start_worker(parent: int, log: Path) -> None:
    """Pool initializer: die with the build, leave Ctrl-C to it, keep kernel chatter in a log.

    Kernels print start-up and shutdown chatter on stderr, which they inherit from the worker;
    it means nothing to a reader of the build's progress (a failed run's error is in its output
    notebook anyway). If the log cannot be opened (read-only or full disk), the chatter goes
    nowhere rather than the worker failing to start.
    """
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    except OSError:
        handle = os.open(os.devnull, os.O_WRONLY)
    os.dup2(handle, 2)
    os.close(handle)


def _stop(pool: ProcessPoolExecutor, futures: list[Future[Outcome]]) -> None:
    """Stops a pool at once: pending runs cancelled, running ones killed with their workers.

    `ProcessPoolExecutor` has no public way to stop a running task before Python 3.14
    (`terminate_workers`); its `_processes` map is the documented-in-source way to reach them.
    """
    for future in futures:
        future.cancel()
    for process in list(getattr(pool, "_processes", {}).values()):
        process.kill()
    pool.shutdown(wait=True, cancel_futures=True)


def run_all(jobs: list[Job], workers: int = 2) -> Iterator[Outcome]:
    """Runs the jobs `workers` at a time, in worker processes, and yields each outcome.

    Raises WorkerLost if a worker dies without a result; on any exception in the consumer
    (Ctrl-C included) the workers are killed before the exception goes on.
    """
    if not jobs:
        return
    pool = ProcessPoolExecutor(max_workers=max(1, min(workers, len(jobs))),
                               initializer=_start_worker, initargs=(os.getpid(), paths.KERNEL_LOG))
    futures: list[Future[Outcome]] = []
    try:
        # workers are forked with Ctrl-C blocked, so none can be interrupted before it ignores it
        signals = {signal.SIGINT, signal.SIGTERM}
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, signals)
        try:
            futures = [pool.submit(run, job) for job in jobs]
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)
        reached("chapters")
        for future in as_completed(futures):
            yield future.result()
    except BrokenProcessPool:
        _stop(pool, futures)
        raise WorkerLost() from None
    except BaseException:
        _stop(pool, futures)
        raise
    pool.shutdown(wait=True)


def progress(outcomes: Iterable[Outcome], total: int, say: Callable[[str], None]) -> list[Outcome]:
    """Passes outcomes through, telling `say` one line each: "[5/24] ar 03_staffing 2.1 s"."""
    done = []
    for count, outcome in enumerate(outcomes, start=1):
        state = "" if not outcome.error else " FAILED"
        say(f"[{count}/{total}] {outcome.job.label} {outcome.seconds:.1f} s{state}")
        done.append(outcome)
    return done


def for_readers(notebook: NotebookNode) -> NotebookNode:
    """Tags cells so Jupyter Book shows outputs only: no code, parameter cells or empty cells.

    Also drops the run's metadata (papermill's input and output paths, parameters and start and
    end times, each cell's execution times): it tells readers about the build machine, not the
    company, and would make two runs of the same workbook differ.
    """
    for key in RUN_METADATA:
        notebook.metadata.pop(key, None)
    for cell in notebook.cells:
        for key in RUN_METADATA:
            cell.metadata.pop(key, None)
        if cell.cell_type != "code":
            continue
        tags = set(cell.metadata.get("tags", []))
        if tags & HIDDEN_CELLS or not cell.get("outputs"):
            tags.add("remove-cell")
        else:
            tags.add("remove-input")
        cell.metadata["tags"] = sorted(tags)
    return notebook


def read(path: Path) -> NotebookNode:
    return nbformat.read(path, as_version=4)


def text(notebook: NotebookNode) -> str:
    return nbformat.writes(notebook)
