"""Each language's source tree for Jupyter Book: `_build/stage/<lang>/`.

The tree holds `_config.yml` (the shared one, with the language, its title and the list of
language books set), `_toc.yml`, the `book/` pages, templates, styles and catalogs, and the
executed notebooks at the paths the table of contents names. Files are only written when their
bytes change, so Sphinx (which compares modification times) re-reads only what changed, and the
Sphinx output and doctrees kept in the tree make partial rebuilds fast.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from analysis.book import execute, paths
from analysis.i18n import N_, translator

TITLE = N_("Customer service: in-house or outsourced?")


def toc_files() -> list[str]:
    """The document names of the table of contents, root first, in reading order."""
    data = yaml.safe_load(paths.TOC.read_text(encoding="utf-8"))
    names = [data["root"]]
    for entry in data.get("chapters", []):
        names.append(entry["file"])
    for part in data.get("parts", []):
        names += [entry["file"] for entry in part.get("chapters", [])]
    return names


def chapter_notebooks() -> list[Path]:
    """The notebooks the table of contents names, in its order."""
    notebooks = [paths.ROOT / f"{name}.ipynb" for name in toc_files()]
    return [path for path in notebooks if path.exists()]


PUBLISHED_SETTINGS = {"html_copy_source": False, "html_show_sourcelink": False}
"""Sphinx copies each page's source (the executed notebook) into `_sources/` and links to it;
readers need neither, and a notebook carries the details of the run that made it."""


def language_config(base: dict[str, Any], lang: str, languages: list[str],
                    footer: str = "") -> dict[str, Any]:
    """The shared configuration with one language book's settings; `footer` is HTML for every
    page's footer (the book's company, date and inputs fingerprint, `report.cover.footer`)."""
    config = dict(base)
    config["title"] = translator(lang)(TITLE)
    sphinx = dict(config.get("sphinx") or {})
    settings = dict(sphinx.get("config") or {})
    settings.update(PUBLISHED_SETTINGS)
    if footer:  # the theme option itself: `html.extra_footer` is lost under html_theme_options
        settings["html_theme_options"] = {**(settings.get("html_theme_options") or {}),
                                          "extra_footer": footer}
    settings["language"] = lang
    settings["book_languages"] = list(languages)
    sphinx["config"] = settings
    config["sphinx"] = sphinx
    return config


def write_if_changed(path: Path, data: bytes) -> bool:
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def mirror(source: Path, target: Path) -> set[Path]:
    """Makes `target` a copy of `source`, touching only files that differ; keeps compiled .mo.
    Returns the relative paths written or removed."""
    wanted = {path.relative_to(source) for path in source.rglob("*") if path.is_file()}
    changed = {relative for relative in wanted
               if write_if_changed(target / relative, (source / relative).read_bytes())}
    if not target.exists():
        return changed
    for path in sorted(target.rglob("*"), reverse=True):
        relative = path.relative_to(target)
        if path.is_file() and relative not in wanted and path.suffix != ".mo":
            path.unlink()
            changed.add(relative)
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return changed


def stale_static(stage: Path) -> bool:
    """Whether the Sphinx output holds a static file (stylesheet, template script) other than
    the staged one. Sphinx copies static files only when some page is out of date, so a
    stylesheet changed alone would never reach the site: that language's output is then
    started afresh (`clear_output`)."""
    output = stage / "_build" / "html" / "_static"
    if not output.is_dir():
        return False
    source = stage / "book" / "_static"
    for path in source.rglob("*"):
        if path.is_file():
            copy = output / path.relative_to(source)
            if not copy.is_file() or copy.read_bytes() != path.read_bytes():
                return True
    return False


def clear_output(lang: str) -> None:
    """Removes a language's Sphinx output and doctrees: the next render starts from nothing.

    Sphinx never deletes what it wrote before, so a chart of the previous workbook would stay in
    `_images/` (and be published) if the output were kept when the workbook changes.
    """
    output = paths.STAGE_DIR / lang / "_build"
    if output.exists():
        shutil.rmtree(output)


def prepare(lang: str, languages: list[str], executed: dict[str, Path],
            footer: str = "") -> Path:
    """Brings `_build/stage/<lang>/` up to date; `executed`: "notebooks/01_summary" -> its run;
    `footer`: HTML for every page's footer."""
    stage = paths.STAGE_DIR / lang
    base = yaml.safe_load(paths.CONFIG.read_text(encoding="utf-8"))
    config = language_config(base, lang, languages, footer)
    write_if_changed(stage / "_config.yml", yaml.safe_dump(config, allow_unicode=True).encode())
    write_if_changed(stage / "_toc.yml", paths.TOC.read_bytes())
    mirror(paths.BOOK_DIR, stage / "book")
    if stale_static(stage):
        clear_output(lang)
    for name, source in executed.items():
        notebook = execute.for_readers(execute.read(source))
        write_if_changed(stage / f"{name}.ipynb", execute.text(notebook).encode())
    return stage

