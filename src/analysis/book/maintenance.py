"""Keeping the committed sources in step: nbval's reference outputs and the prose catalogs.

`refresh_notebook` re-runs a chapter in place with its default parameters (the default example,
in English) the way nbval will re-run it: from `notebooks/`, with no timing metadata, so a
diff shows only changed results. `extract_messages` pulls the book's prose (markdown pages and
the notebooks' markdown cells) into `book/locale/<lang>/LC_MESSAGES/*.po` with Sphinx's gettext
builder and sphinx-intl; translators fill those, and Sphinx compiles them at build time.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from analysis.book import execute, paths, render

GETTEXT_DIR = paths.BUILD_DIR / "gettext"
LOCALE_DIR = paths.BOOK_DIR / "locale"


def refresh_notebook(notebook: Path, timeout: int = 600) -> float:
    """Runs `notebook` in place with its defaults; returns the seconds it took."""
    started = time.perf_counter()
    document = nbformat.read(notebook, as_version=4)
    with tempfile.TemporaryDirectory(prefix="book-kernel-") as sockets:
        client = NotebookClient(document, kernel_name=execute.KERNEL, timeout=timeout,
                                record_timing=False, config=execute.local_kernel(Path(sockets)),
                                resources={"metadata": {"path": str(notebook.parent)}})
        client.execute()
    nbformat.write(document, notebook)
    return time.perf_counter() - started


def extract_commands(languages: list[str]) -> list[list[str]]:
    """gettext builder on the repository's book, then sphinx-intl update for each language."""
    gettext = [sys.executable, "-c", render.JUPYTER_BOOK, "build", str(paths.ROOT),
               "--builder", "custom", "--custom-builder", "gettext",
               "--path-output", str(GETTEXT_DIR)]
    intl = [sys.executable, "-m", "sphinx_intl", "update",
            "-p", str(GETTEXT_DIR / "_build" / "gettext"), "-d", str(LOCALE_DIR)]
    for lang in languages:
        intl += ["-l", lang]
    return [gettext, intl]


def extract_messages(languages: list[str]) -> None:
    for command in extract_commands(languages):
        subprocess.run(command, check=True, cwd=paths.ROOT)
