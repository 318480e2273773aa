"""Jupyter Book (Sphinx) on each language's staging tree, two languages at a time.

Each build runs in its own process: Sphinx keeps global state (translators, registries) that must
not leak from the Arabic book into the Romanian one. Output and doctrees stay in the staging tree
(`_build/stage/<lang>/_build/`), so the next build re-renders only the pages whose sources changed.
The processes die with the build (`execute.die_with_parent`), and a build that is interrupted
while they run kills them first, so none goes on writing into a staging tree the next build uses.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from analysis.book.checkpoint import reached
from analysis.book.execute import die_with_parent

JUPYTER_BOOK = "from jupyter_book.cli.main import main; main()"


@dataclass(frozen=True)
class Rendered:
    lang: str
    seconds: float
    returncode: int
    log: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def output_dir(stage: Path) -> Path:
    return stage / "_build" / "html"


def command(stage: Path) -> list[str]:
    """The `jupyter-book build` command line for one staging tree, in this environment.

    Warnings are errors: without `--warningiserror`, Jupyter Book exits 0 on a table of contents
    naming a missing page or an unknown directive, and a book with holes would be published.
    `--keep-going` (which only acts with it) still reports every warning in the log at once.
    """
    return [sys.executable, "-c", JUPYTER_BOOK, "build", str(stage), "--builder", "html",
            "--warningiserror", "--keep-going"]


def render_all(stages: dict[str, Path], workers: int = 2) -> list[Rendered]:
    """Builds each language book, `workers` at a time; logs go to `<stage>/_build/build.log`."""
    pending = list(stages.items())
    running: list[tuple[str, subprocess.Popen[bytes], float, Path]] = []
    done: list[Rendered] = []
    stay_with_us = functools.partial(die_with_parent, os.getpid())
    try:
        while pending or running:
            while pending and len(running) < workers:
                lang, stage = pending.pop(0)
                log = stage / "_build" / "build.log"
                log.parent.mkdir(parents=True, exist_ok=True)
                with log.open("wb") as handle:
                    process = subprocess.Popen(command(stage), stdout=handle,
                                               stderr=subprocess.STDOUT, cwd=stage,
                                               preexec_fn=stay_with_us)
                running.append((lang, process, time.perf_counter(), log))
                reached("render")
            finished = [entry for entry in running if entry[1].poll() is not None]
            for lang, process, started, log in finished:
                running.remove((lang, process, started, log))
                done.append(Rendered(lang, time.perf_counter() - started, process.returncode,
                                     log))
            if not finished:
                time.sleep(0.05)
    except BaseException:
        for _lang, process, _started, _log in running:
            process.kill()
            process.wait()
        raise
    return done
