"""The whole book build: check the workbook, run what changed, render what changed, publish.

Every step compares content hashes with the last successful build (`content.State`), so a build
with nothing changed runs neither papermill nor Sphinx. Any failure raises before the published
site is touched: the last good book stays in `_build/html/` until a complete new one replaces it.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from analysis.book import content, execute, paths, publish, render, stage
from analysis.errors import AnalysisError
from analysis.i18n import LANGUAGES, N_, check_language, translator
from analysis.workbook import load

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


def _chapter_id(lang: str, notebook: Path) -> str:
    return f"{lang}/{notebook.stem}"


def _executed_path(lang: str, notebook: Path) -> Path:
    return paths.EXECUTED_DIR / lang / notebook.name


def run_chapters(workbook: Path, languages: list[str], state: content.State, say: Say,
                 workers: int) -> int:
    """Runs every chapter whose key changed; returns how many ran. Records each success."""
    package = content.package_digest()
    workbook_key = content.workbook_digest(workbook)
    jobs, keys = [], {}
    for lang in languages:
        for notebook in stage.chapter_notebooks():
            chapter, output = _chapter_id(lang, notebook), _executed_path(lang, notebook)
            keys[chapter] = content.notebook_key(notebook, workbook_key, package, lang)
            if state.notebooks.get(chapter) != keys[chapter] or not output.exists():
                jobs.append(execute.Job(notebook, lang, workbook, output))
    outcomes = execute.progress(execute.run_all(jobs, workers), len(jobs), say)
    for outcome in outcomes:
        chapter = _chapter_id(outcome.job.lang, outcome.job.notebook)
        if outcome.error:
            state.notebooks.pop(chapter, None)
        else:
            state.notebooks[chapter] = keys[chapter]
    state.save()
    failed = [outcome for outcome in outcomes if outcome.error]
    if failed:
        raise ChaptersFailed(failed)
    return len(jobs)


def render_books(languages: list[str], state: content.State, say: Say,
                 workers: int) -> tuple[dict[str, Path], tuple[str, ...], str]:
    """Stages and renders each language whose tree changed; returns outputs, rendered, site key."""
    notebooks = stage.chapter_notebooks()
    names = {notebook: notebook.relative_to(paths.ROOT).with_suffix("").as_posix()
             for notebook in notebooks}
    stages = {
        lang: stage.prepare(lang, languages, {
            names[notebook]: _executed_path(lang, notebook) for notebook in notebooks
        })
        for lang in languages
    }
    code = content.book_package_digest()
    keys = {lang: content.digest(content.tree_digest(tree), code) for lang, tree in stages.items()}
    todo = {
        lang: tree for lang, tree in stages.items()
        if state.books.get(lang) != keys[lang] or not render.output_dir(tree).exists()
    }
    results = render.render_all(todo, workers)
    for result in results:
        say(f"{result.lang} book {result.seconds:.1f} s" + ("" if result.ok else " FAILED"))
        if result.ok:
            state.books[result.lang] = keys[result.lang]
        else:
            state.books.pop(result.lang, None)
    state.save()
    failures = [result for result in results if not result.ok]
    if failures:
        raise BooksFailed(failures)
    site = content.digest(content.package_digest(), *languages, *(keys[lang] for lang in languages))
    outputs = {lang: render.output_dir(tree) for lang, tree in stages.items()}
    return outputs, tuple(result.lang for result in results), site


def build(workbook: str | Path, languages: list[str], say: Say, workers: int = 2,
          message_lang: str = "en") -> Report:
    """Builds `_build/html/` for the workbook in the given languages (raises AnalysisError).

    The languages are checked before anything is read or written, so a mistyped or empty list
    costs nothing and leaves no half-made site behind.
    """
    started = time.perf_counter()
    if not languages:
        raise NoLanguages()
    languages = [check_language(lang) for lang in dict.fromkeys(languages)]
    source = paths.resolve(workbook)
    _inputs, warnings = load(source)
    for warning in warnings:
        say(warning.render(message_lang))
    state = content.State.load()
    executed = run_chapters(source, languages, state, say, workers)
    outputs, rendered, site = render_books(languages, state, say, workers)
    published = state.site != site or not (paths.HTML_DIR / "index.html").exists()
    if published:
        root_page = stage.toc_files()[0]
        staging = publish.assemble(outputs, root_page, paths.BUILD_DIR / "html.new")
        publish.swap(staging, paths.HTML_DIR)
        state.site = site
        state.save()
    return Report(executed, rendered, published, time.perf_counter() - started)
