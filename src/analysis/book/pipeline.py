"""The whole book build: lock, snapshot the workbook, run what changed, render what changed,
publish.

One build at a time per output folder (`lock`); a second one refuses with who holds it. The
workbook is read once (`snapshot`) and every chapter in every language reads that copy. Every step
compares content hashes with the last successful build (`content.State`), so a build with nothing
changed runs neither papermill nor Sphinx. Once the workbook is read, whatever another workbook
left in the working folders goes, in every language (`forget_other_workbooks`). Any failure or
interruption raises before the published site is touched, and publishing is one atomic rename
(`publish`): `_build/html/` is always the last whole book, of one company.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from analysis.book import content, execute, lock, paths, publish, render, snapshot, stage
from analysis.book.checkpoint import reached
from analysis.errors import AnalysisError
from analysis.i18n import LANGUAGES, N_, check_language, translator
from analysis.report.cover import Cover, footer
from analysis.workbook import WorkbookUnreadable
from analysis.workbook.files import MISSING_FILE

Say = Callable[[str], None]
ANSI_COLOUR = re.compile(r"\x1b\[[0-9;]*m")
"""Sphinx colours its log even into a file; what the analyst is shown is plain text."""
SPHINX_PROBLEM = re.compile(r"\b(WARNING|ERROR|SEVERE|CRITICAL):")


@dataclass(frozen=True)
class Report:
    """What a build did: chapter runs, language books rendered, whether the site was replaced."""

    executed: int
    rendered: tuple[str, ...]
    published: bool
    seconds: float


class NoLanguages(AnalysisError):
    """The language list was empty: there is no book to build, and no landing page to write."""

    MESSAGE = N_("No language to build: name at least one of {languages}.")

    def __init__(self) -> None:
        super().__init__(self.MESSAGE.format(languages=", ".join(LANGUAGES)))

    def render(self, lang: str = "en") -> str:
        return translator(lang)(self.MESSAGE).format(languages=", ".join(LANGUAGES))


class BadWorkers(AnalysisError):
    """`--workers` is not a whole number of at least 1 (0 would wait for ever)."""

    def __init__(self, found: object):
        self.found = str(found)
        super().__init__(f"workers must be a whole number of at least 1, not {self.found!r}")

    def render(self, lang: str = "en") -> str:
        _ = translator(lang)
        return _("The number of workers must be a whole number of at least 1 (found “{found}”)."
                 ).format(found=self.found)


def check_workers(workers: object) -> int:
    """`workers` as an int of at least 1, or BadWorkers."""
    try:
        count = int(str(workers).strip())
    except ValueError:
        raise BadWorkers(workers) from None
    if count < 1:
        raise BadWorkers(workers)
    return count


class ChaptersFailed(AnalysisError):
    """One or more chapter notebooks raised; each output notebook keeps its error."""

    def __init__(self, outcomes: list[execute.Outcome]):
        self.outcomes = outcomes
        super().__init__(", ".join(outcome.job.label for outcome in outcomes))

    def render(self, lang: str = "en") -> str:
        _ = translator(lang)
        lines = [_("The book was not changed: {count} chapter run(s) failed.").format(
            count=len(self.outcomes))]
        for outcome in self.outcomes:
            lines.append(_("{chapter} ({language}): {error}; the notebook with the error is {path}")
                         .format(chapter=outcome.job.notebook.stem, language=outcome.job.lang,
                                 error=outcome.error, path=outcome.job.output))
        return "\n".join(lines)


class BooksFailed(AnalysisError):
    """Jupyter Book failed on one or more languages; each log is kept in its staging tree."""

    def __init__(self, failures: list[render.Rendered]):
        self.failures = failures
        super().__init__(", ".join(failure.lang for failure in failures))

    def render(self, lang: str = "en") -> str:
        _ = translator(lang)
        lines = [_("The book was not changed: Jupyter Book failed.")]
        for failure in self.failures:
            lines.append(_("Language {language}, full log in {path}:").format(
                language=failure.lang, path=failure.log))
            lines += ["    " + line for line in log_excerpt(failure.log)]
        return "\n".join(lines)


def log_excerpt(log: Path, limit: int = 15) -> list[str]:
    """The lines that say why Sphinx failed: its warnings and errors, else the end of the log.

    Warnings fail the build (`render.command`) but are printed while pages are read, far above
    the log's last lines, which only say "look above for the cause".
    """
    lines = ANSI_COLOUR.sub("", log.read_text(encoding="utf-8", errors="replace")).splitlines()
    problems = [line for line in lines if SPHINX_PROBLEM.search(line)]
    return problems[:limit] if problems else lines[-limit:]


ERRNO = re.compile(r"\[Errno (\d+)\][^'\n]*(?:'([^'\n]+)')?")
LOW_SPACE = 1 << 20
"""Below a megabyte free, a failed render is taken to be the full disk's fault."""


def disk_problem(log: Path) -> OSError | None:
    """The output-folder error that made Jupyter Book fail, if that is what happened.

    A full disk or read-only folder makes Sphinx fail like a broken page would; its log names
    the error number (when the log itself could still be written), and a disk with almost no
    room left is reason enough, so the reader is told to free space rather than to read a log.
    """
    try:
        text = log.read_text(encoding="utf-8", errors="replace")
    except OSError:
        text = ""
    for found in ERRNO.finditer(text):
        number = int(found.group(1))
        if number in execute.DISK_ERRORS:
            return OSError(number, os.strerror(number), found.group(2) or str(log.parent))
    try:
        if shutil.disk_usage(log.parent).free < LOW_SPACE:
            return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(log.parent))
    except OSError:
        pass
    return None


def _chapter_id(lang: str, notebook: Path) -> str:
    return f"{lang}/{notebook.stem}"


def _executed_path(lang: str, notebook: Path) -> Path:
    return paths.EXECUTED_DIR / lang / notebook.name


def forget_other_workbooks(source: snapshot.Snapshot, state: content.State) -> None:
    """Removes from `_build/executed/` and `_build/stage/` whatever another workbook left there.

    A language not built this time would otherwise keep the previous company's chapter runs and
    pages until it is built again. Kept: a chapter run whose recorded key is this snapshot's
    (with today's notebook and package), and a language's staging tree whose pages are this
    snapshot's (`State.sources`): a build of the same workbook in fewer languages costs nothing
    later. The published site (`_build/sites/`, `_build/html`) is not touched: it stays the last
    whole book until `publish` replaces it. The record forgets each entry before its files go,
    so an interrupted clean-up only makes the next build redo that work.
    """
    package = content.package_digest()
    notebooks = {notebook.name: notebook for notebook in stage.chapter_notebooks()}
    found = [(folder, lang.name) for folder in (paths.EXECUTED_DIR, paths.STAGE_DIR)
             if folder.is_dir() for lang in sorted(folder.iterdir()) if lang.is_dir()]
    stale_runs, stale_stages = [], []
    for folder, lang in found:
        if folder == paths.STAGE_DIR:
            if state.sources.get(lang) != source.digest:
                stale_stages.append(folder / lang)
                state.sources.pop(lang, None)
                state.books.pop(lang, None)
            continue
        for run in sorted((folder / lang).iterdir()):
            notebook = notebooks.get(run.name)
            chapter = _chapter_id(lang, Path(run.name))
            if notebook is None or state.notebooks.get(chapter) != content.notebook_key(
                    notebook, source.digest, package, lang):
                stale_runs.append(run)
                state.notebooks.pop(chapter, None)
    if not stale_runs and not stale_stages:
        return
    state.save()
    for run in stale_runs:
        if run.is_dir() and not run.is_symlink():
            shutil.rmtree(run)
        else:
            run.unlink(missing_ok=True)
    for tree in stale_stages:
        shutil.rmtree(tree)
    for folder in {run.parent for run in stale_runs}:
        if not any(folder.iterdir()):
            folder.rmdir()


def run_chapters(source: snapshot.Snapshot, languages: list[str], state: content.State, say: Say,
                 workers: int) -> int:
    """Runs every chapter whose key changed, on the snapshot; returns how many ran.

    Each chapter's key is dropped from the record before it runs and written back when it
    succeeds, so an interrupted run is run again next time.
    """
    package = content.package_digest()
    workbook = Path(source.parameter)
    jobs, keys = [], {}
    for lang in languages:
        for notebook in stage.chapter_notebooks():
            chapter, output = _chapter_id(lang, notebook), _executed_path(lang, notebook)
            keys[chapter] = content.notebook_key(notebook, source.digest, package, lang)
            if state.notebooks.get(chapter) != keys[chapter] or not output.exists():
                jobs.append(execute.Job(notebook, lang, workbook, output))
                state.notebooks.pop(chapter, None)
    if jobs:
        state.save()
    outcomes = execute.progress(execute.run_all(jobs, workers), len(jobs), say)
    for outcome in outcomes:
        chapter = _chapter_id(outcome.job.lang, outcome.job.notebook)
        if not outcome.error:
            state.notebooks[chapter] = keys[chapter]
    state.save()
    unwritable = [outcome for outcome in outcomes if outcome.errno]
    if unwritable:
        first = unwritable[0]
        raise OSError(first.errno, os.strerror(first.errno), str(first.job.output))
    failed = [outcome for outcome in outcomes if outcome.error]
    if failed:
        raise ChaptersFailed(failed)
    return len(jobs)


def render_books(source: snapshot.Snapshot, languages: list[str], state: content.State,
                 say: Say, workers: int, cover: Cover | None = None,
                 ) -> tuple[dict[str, Path], tuple[str, ...], str]:
    """Stages and renders each language whose tree changed; returns outputs, rendered, site key.

    Every page's footer names the book's `cover`: company, date and inputs fingerprint.

    A language whose Sphinx output was made from another snapshot has it cleared first (see
    `stage.clear_output`): an unchanged workbook keeps the fast incremental render, a changed one
    can leave nothing of the old in the new book.
    """
    for lang in languages:
        if state.sources.get(lang) != source.digest:
            state.books.pop(lang, None)
            state.save()
            stage.clear_output(lang)
            state.sources[lang] = source.digest
            state.save()
    notebooks = stage.chapter_notebooks()
    names = {notebook: notebook.relative_to(paths.ROOT).with_suffix("").as_posix()
             for notebook in notebooks}
    stages = {
        lang: stage.prepare(lang, languages, {
            names[notebook]: _executed_path(lang, notebook) for notebook in notebooks
        }, "" if cover is None else footer(cover, lang))
        for lang in languages
    }
    code = content.book_package_digest()
    keys = {lang: content.digest(content.tree_digest(tree), code) for lang, tree in stages.items()}
    todo = {
        lang: tree for lang, tree in stages.items()
        if state.books.get(lang) != keys[lang] or not render.output_dir(tree).exists()
    }
    for lang in todo:
        state.books.pop(lang, None)
    if todo:
        state.save()
    results = render.render_all(todo, workers)
    for result in results:
        say(f"{result.lang} book {result.seconds:.1f} s" + ("" if result.ok else " FAILED"))
        if result.ok:
            state.books[result.lang] = keys[result.lang]
    state.save()
    failures = [result for result in results if not result.ok]
    for failure in failures:
        problem = disk_problem(failure.log)
        if problem is not None:
            raise problem
    if failures:
        raise BooksFailed(failures)
    site = content.digest(content.package_digest(), *languages, *(keys[lang] for lang in languages))
    outputs = {lang: render.output_dir(tree) for lang, tree in stages.items()}
    return outputs, tuple(result.lang for result in results), site


RESTORED = N_("An earlier build was interrupted while it published: the last complete book was "
              "put back in place.")


def build(workbook: str | Path, languages: list[str], say: Say, workers: object = 2,
          message_lang: str = "en") -> Report:
    """Builds `_build/html/` for the workbook in the given languages (raises AnalysisError).

    The languages and the number of workers are checked before anything is read or written, so
    a mistyped option costs nothing and leaves nothing behind. Raises lock.BuildRunning when
    another build holds this output folder, OSError when it cannot be written.
    """
    started = time.perf_counter()
    if not languages:
        raise NoLanguages()
    languages = [check_language(lang) for lang in dict.fromkeys(languages)]
    workers = check_workers(workers)
    if not str(workbook).strip():  # `make book WORKBOOK=`: not the project's root folder
        raise WorkbookUnreadable('""', MISSING_FILE)
    source = paths.resolve(workbook)
    with lock.hold(paths.LOCK_FILE, source.name):
        if publish.recover(paths.HTML_DIR, paths.SITES_DIR):
            say(translator(message_lang)(RESTORED))
        taken = snapshot.take(source)
        reached("snapshot")
        inputs, warnings = snapshot.load(taken, source)
        for warning in warnings:
            say(warning.render(message_lang))
        cover = Cover.of(inputs, taken.path)
        state = content.State.load()
        forget_other_workbooks(taken, state)
        executed = run_chapters(taken, languages, state, say, workers)
        outputs, rendered, site = render_books(taken, languages, state, say, workers, cover)
        published = publish.current_key(paths.HTML_DIR) != site[:16]
        if published:
            publish.publish(outputs, stage.toc_files()[0], site, paths.HTML_DIR,
                            paths.SITES_DIR, cover)
        snapshot.prune(taken)
    return Report(executed, rendered, published, time.perf_counter() - started)
