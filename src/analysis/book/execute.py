"""Running the chapter notebooks with papermill, and tagging them so readers see no code.

Each run gets the workbook and the language as parameters and writes its output notebook under
`_build/executed/<lang>/`; a run that fails keeps that notebook, error included, for the analyst.
Runs go through a small pool of processes (two by default): more kernels at once only fight over
two cores and, as others found, over kernel ports.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat import NotebookNode
from traitlets.config import Config

from analysis.book import paths

KERNEL = "python3"
"""The environment's own kernel: jupyter_client starts "python" kernels with sys.executable."""
HIDDEN_CELLS = frozenset({"parameters", "injected-parameters"})


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
        return Outcome(job, time.perf_counter() - started, f"{summary}: {detail}")
    return Outcome(job, time.perf_counter() - started)


def _kernel_errors_to(log: Path) -> None:
    """Sends this worker's stderr, which its kernels inherit, to a log instead of the terminal.

    Kernels print start-up and shutdown chatter there that means nothing to a reader of the
    build's progress; a failed run's error is in its output notebook anyway.
    """
    log.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(handle, 2)
    os.close(handle)


def run_all(jobs: list[Job], workers: int = 2) -> Iterator[Outcome]:
    """Runs the jobs `workers` at a time, in worker processes, and yields each outcome."""
    if not jobs:
        return
    with ProcessPoolExecutor(max_workers=max(1, min(workers, len(jobs))),
                             initializer=_kernel_errors_to, initargs=(paths.KERNEL_LOG,)) as pool:
        futures = [pool.submit(run, job) for job in jobs]
        for future in as_completed(futures):
            yield future.result()


def progress(outcomes: Iterable[Outcome], total: int, say: Callable[[str], None]) -> list[Outcome]:
    """Passes outcomes through, telling `say` one line each: "[5/24] ar 03_staffing 2.1 s"."""
    done = []
    for count, outcome in enumerate(outcomes, start=1):
        state = "" if not outcome.error else " FAILED"
        say(f"[{count}/{total}] {outcome.job.label} {outcome.seconds:.1f} s{state}")
        done.append(outcome)
    return done


def for_readers(notebook: NotebookNode) -> NotebookNode:
    """Tags cells so Jupyter Book shows outputs only: no code, parameter cells or empty cells."""
    for cell in notebook.cells:
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
