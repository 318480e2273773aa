"""The book build on a small isolated project: incremental, right-to-left, offline, fail-safe.

The module fixture copies the real `_config.yml` and `book/` into a temporary project with a
one-chapter table of contents and a tiny chapter notebook, points `analysis.book.paths` at it,
and builds English and Arabic once (about ten seconds on two cores); each test then looks at that
build, or breaks a copy of it (`copy_of_project`) and checks that the published site survived.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from analysis.book import content, execute, paths, pipeline, publish, render, snapshot, sphinx_ext
from analysis.book.__main__ import main
from analysis.i18n import UnknownLanguage
from analysis.workbook import WorkbookInvalid, WorkbookUnreadable, write_template

LANGS = ["en", "ar"]
TOC = ("format: jb-book\nroot: book/index\nchapters:\n"
       "- file: notebooks/01_summary\n- file: book/glossary\n")
CHART = (
    "import altair as alt\nimport pandas as pd\n"
    'alt.renderers.enable("svg")\n'
    'print("language", lang)\n'
    'alt.Chart(pd.DataFrame({"x": ["a", "b"], "y": [1, 2]})).mark_bar().encode(x="x", y="y")'
)


def _chapter(cells: list[nbformat.NotebookNode]) -> nbformat.NotebookNode:
    parameters = new_code_cell('workbook = "data/examples/gulf-ecommerce.xlsx"\nlang = "en"')
    parameters.metadata["tags"] = ["parameters"]
    notebook = new_notebook(cells=[new_markdown_cell("# Summary"), parameters, *cells])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    return notebook


def _point_paths_at(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in paths.layout(root).items():
        monkeypatch.setattr(paths, name, value)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("book")
    shutil.copy(paths.CONFIG, root / "_config.yml")
    shutil.copytree(paths.BOOK_DIR, root / "book", ignore=shutil.ignore_patterns("*.mo"))
    (root / "_toc.yml").write_text(TOC, encoding="utf-8")
    (root / "notebooks").mkdir()
    nbformat.write(_chapter([new_code_cell(CHART)]), root / "notebooks" / "01_summary.ipynb")
    with pytest.MonkeyPatch.context() as monkeypatch:
        _point_paths_at(root, monkeypatch)
        lines: list[str] = []
        report = pipeline.build(paths.DEFAULT_WORKBOOK, LANGS, say=lines.append)
        yield root, report, lines


def _html_files(folder: Path) -> list[Path]:
    """Sphinx pages; Jupyter Book's root `index.html` is only a redirect to the first page."""
    return sorted(page for page in folder.rglob("*.html")
                  if page != folder / "index.html" and "_static" not in page.parts)


def _html_tag(page: Path) -> str:
    return re.search(r"<html[^>]*>", page.read_text(encoding="utf-8")).group(0)


def test_first_build_runs_each_chapter_once_per_language_and_publishes(project):
    root, report, lines = project
    assert report.executed == len(LANGS) * 1  # one chapter, two languages
    assert sorted(report.rendered) == sorted(LANGS)
    assert report.published
    assert any(re.fullmatch(r"\[2/2\] (en|ar) 01_summary \d+\.\d s", line) for line in lines)
    for lang in LANGS:
        assert (root / "_build" / "html" / lang / "notebooks" / "01_summary.html").exists()
        assert (root / "_build" / "executed" / lang / "01_summary.ipynb").exists()


@pytest.fixture
def copy_of_project(project, tmp_path, monkeypatch):
    """The built project copied, `_build/` included, so a test can break it without harm."""
    root = tmp_path / "book"
    shutil.copytree(project[0], root, symlinks=True)  # _build/html stays a link to its site
    _point_paths_at(root, monkeypatch)
    return root


def _cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """Runs `python -m analysis.book` in this process (paths as patched): exit code, stderr."""
    code = main(argv)
    return code, capsys.readouterr().err


def test_unchanged_rebuild_runs_neither_papermill_nor_sphinx(project, monkeypatch):
    chapters, books = [], []
    run_all, render_all = execute.run_all, render.render_all

    def counting_run_all(jobs, workers=2):
        chapters.extend(jobs)
        return run_all(jobs, workers)

    def counting_render_all(stages, workers=2):
        books.extend(stages)
        return render_all(stages, workers)

    monkeypatch.setattr(execute, "run_all", counting_run_all)
    monkeypatch.setattr(render, "render_all", counting_render_all)
    report = pipeline.build(paths.DEFAULT_WORKBOOK, LANGS, say=lambda line: None)
    assert chapters == [] and books == []
    assert report.executed == 0
    assert report.rendered == ()
    assert not report.published


def test_every_arabic_page_is_right_to_left_and_no_english_page_is(project):
    root, _report, _lines = project
    html = root / "_build" / "html"
    arabic, english = _html_files(html / "ar"), _html_files(html / "en")
    assert len(arabic) >= 4  # index redirect, book/index, the chapter, glossary, search...
    for page in arabic:
        assert 'dir="rtl"' in _html_tag(page), page
    for page in english:
        assert "dir=" not in _html_tag(page), page


def test_pages_load_nothing_from_outside_the_book(project):
    root, _report, _lines = project
    external = re.compile(
        r"<(script|link|img|iframe|source)\b[^>]*\b(src|href)=[\"']?(https?:)?//", re.I)
    for page in _html_files(root / "_build" / "html"):
        text = page.read_text(encoding="utf-8")
        assert not external.search(text), page
        assert "thebe" not in text.lower() and "mathjax" not in text.lower(), page


def test_code_and_parameters_are_hidden_and_charts_are_svg_images(project):
    root, _report, _lines = project
    page = (root / "_build" / "html" / "ar" / "notebooks" / "01_summary.html").read_text("utf-8")
    assert "alt.Chart" not in page and "workbook = " not in page
    assert "language ar" in page  # the chart cell's printed output, run with lang="ar"
    images = re.findall(r'<img[^>]+src="([^"]+\.svg)"', page)
    assert len(images) == 1
    svg = (root / "_build" / "html" / "ar" / "notebooks" / images[0]).read_text("utf-8")
    assert "<svg" in svg and "<path" in svg


def test_language_links_point_at_existing_pages(project):
    root, _report, _lines = project
    page = root / "_build" / "html" / "en" / "notebooks" / "01_summary.html"
    links = re.findall(r'<a class="language-switcher__item" href="([^"]+)"',
                       page.read_text("utf-8"))
    # pydata-sphinx-theme renders navbar items twice (header, and the sidebar on small screens)
    assert set(links) == {"../../ar/notebooks/01_summary.html"}
    assert (page.parent / links[0]).resolve().exists()


def test_landing_page_names_each_language_in_itself(project):
    root, _report, _lines = project
    landing = (root / "_build" / "html" / "index.html").read_text(encoding="utf-8")
    assert 'href="ar/book/index.html"' in landing and 'href="en/book/index.html"' in landing
    assert '<li lang="ar" dir="rtl">' in landing and "العربية" in landing
    assert "English" in landing


def test_unreadable_or_invalid_workbook_leaves_the_book_untouched(project, tmp_path):
    root, _report, _lines = project
    html = root / "_build" / "html"
    before = content.tree_digest(html)
    not_excel = tmp_path / "notes.xlsx"
    not_excel.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(WorkbookUnreadable):
        pipeline.build(not_excel, LANGS, say=lambda line: None)
    blank = write_template(tmp_path / "blank.xlsx")
    with pytest.raises(WorkbookInvalid):
        pipeline.build(blank, LANGS, say=lambda line: None)
    assert content.tree_digest(html) == before


def test_chapter_that_raises_during_the_build_leaves_the_book_untouched(copy_of_project, capsys):
    html = copy_of_project / "_build" / "html"
    before = content.tree_digest(html)
    nbformat.write(_chapter([new_code_cell("1 / 0")]),
                   copy_of_project / "notebooks" / "01_summary.ipynb")
    code, errors = _cli(["build", "--langs", "en"], capsys)
    assert code == 1
    assert "Traceback" not in errors
    # one chapter in one language failed, and the message says where its notebook is
    assert "1 chapter run(s) failed" in errors
    assert "ZeroDivisionError" in errors
    assert str(copy_of_project / "_build" / "executed" / "en" / "01_summary.ipynb") in errors
    assert content.tree_digest(html) == before
    assert [site.name for site in (copy_of_project / "_build" / "sites").iterdir()] == [
        html.readlink().name]


@pytest.mark.parametrize("breakage, cause", [
    ("toc", "toctree contains reference to nonexisting document 'notebooks/99_missing'"),
    ("page", "Unknown directive type: 'no-such-directive'"),
])
def test_failed_jupyter_book_render_leaves_the_book_untouched(copy_of_project, capsys,
                                                              breakage, cause):
    html = copy_of_project / "_build" / "html"
    before = content.tree_digest(html)
    if breakage == "toc":
        (copy_of_project / "_toc.yml").write_text(TOC + "- file: notebooks/99_missing\n",
                                                  encoding="utf-8")
    else:
        with (copy_of_project / "book" / "glossary.md").open("a", encoding="utf-8") as page:
            page.write("\n```{no-such-directive}\n```\n")
    code, errors = _cli(["build", "--langs", "en"], capsys)
    assert code == 1
    assert "Traceback" not in errors
    assert "Jupyter Book failed" in errors and "Language en" in errors
    assert cause in errors  # the warning itself, not only the log's "look above" ending
    assert "\x1b[" not in errors
    assert content.tree_digest(html) == before
    assert [site.name for site in (copy_of_project / "_build" / "sites").iterdir()] == [
        html.readlink().name]


def test_log_excerpt_shows_warnings_or_else_the_end_of_the_log(tmp_path):
    log = tmp_path / "build.log"
    log.write_text("reading sources...\n\x1b[91mbook/a.md:3: WARNING: bad\x1b[39;49;00m\n"
                   "writing output...\nbuild finished with problems, 1 warning.\n",
                   encoding="utf-8")
    assert pipeline.log_excerpt(log) == ["book/a.md:3: WARNING: bad"]
    log.write_text("".join(f"line {number}\n" for number in range(1, 21)), encoding="utf-8")
    assert pipeline.log_excerpt(log, limit=3) == ["line 18", "line 19", "line 20"]


def test_build_refuses_an_empty_or_unknown_language_before_any_work(tmp_path, monkeypatch,
                                                                    capsys):
    project = tmp_path / "project"
    _point_paths_at(project, monkeypatch)
    with pytest.raises(pipeline.NoLanguages):
        pipeline.build(paths.DEFAULT_WORKBOOK, [], say=lambda line: None)
    with pytest.raises(UnknownLanguage):
        pipeline.build(paths.DEFAULT_WORKBOOK, ["en", "fr"], say=lambda line: None)
    for langs, message in [("", "No language to build: name at least one of en, ar, ro."),
                           (" , ", "No language to build"),
                           ("fr", "Unknown language “fr”"),
                           ("en fr", "Unknown language “fr”")]:
        code, errors = _cli(["build", "--langs", langs], capsys)
        assert code == 1, langs
        assert "Traceback" not in errors and message in errors, langs
    assert not project.exists()  # no _build/, no half-made html.new


@pytest.mark.parametrize("workers", ["0", "-2", "two", " "])
def test_build_refuses_a_bad_number_of_workers_before_any_work(tmp_path, monkeypatch, capsys,
                                                               workers):
    project = tmp_path / "project"
    _point_paths_at(project, monkeypatch)
    code, errors = _cli(["build", "--langs", "en", "--workers", workers], capsys)
    assert code == 1
    assert errors == ("The number of workers must be a whole number of at least 1 (found "
                      f"“{workers}”).\n")
    code, errors = _cli(["build", "--workers", workers, "--lang", "ro"], capsys)
    assert errors.startswith("Numărul de procese de lucru trebuie să fie un număr întreg")
    assert not project.exists()  # nothing written: no _build/, no lock


def test_build_takes_its_defaults_from_the_environment(tmp_path, monkeypatch, capsys):
    """`make book` hands WORKBOOK and LANGS over as BOOK_WORKBOOK and BOOK_LANGS."""
    project = tmp_path / "project"
    _point_paths_at(project, monkeypatch)
    monkeypatch.setenv("BOOK_LANGS", "en fr")
    code, errors = _cli(["build"], capsys)
    assert (code, errors) == (1, "Unknown language “fr”: choose one of en, ar, ro.\n")
    monkeypatch.setenv("BOOK_LANGS", "en")
    monkeypatch.setenv("BOOK_WORKBOOK", str(tmp_path / "$(missing) `x`.xlsx"))
    code, errors = _cli(["build"], capsys)
    assert code == 1
    assert errors == (f"Cannot read the workbook {tmp_path / '$(missing) `x`.xlsx'}: the file "
                      "does not exist\n")
    monkeypatch.setenv("BOOK_WORKBOOK", " ")  # make book WORKBOOK=
    code, errors = _cli(["build"], capsys)
    assert (code, errors) == (1, 'Cannot read the workbook "": the file does not exist\n')


def _site(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "index.html").write_text(text, encoding="utf-8")
    return folder


def _book(tmp_path: Path, text: str) -> dict[str, Path]:
    """One language book (a Sphinx output folder) whose only page says `text`."""
    book = _site(tmp_path / f"book-{text}" / "html", text)
    (book / ".buildinfo").write_text("config: x\n", encoding="utf-8")
    (book / "_sources").mkdir()
    (book / "_sources" / "index.ipynb").write_text("{}", encoding="utf-8")
    return {"en": book}


def _published(html: Path) -> str:
    return (html / "en" / "index.html").read_text(encoding="utf-8")


def test_publish_links_the_site_to_a_new_folder_and_removes_the_old_one(tmp_path):
    html, sites = tmp_path / "_build" / "html", tmp_path / "_build" / "sites"
    first = publish.publish(_book(tmp_path, "old"), "book/index", "aaaa", html, sites)
    second = publish.publish(_book(tmp_path, "new"), "book/index", "bbbb", html, sites)
    assert html.is_symlink() and html.readlink() == Path("sites") / second.name
    assert _published(html) == "new"
    assert [path.name for path in sites.iterdir()] == [second.name]  # the old site is gone
    assert not first.exists()
    assert publish.current_key(html) == "bbbb"
    # what readers do not need stays behind
    assert not (html / "en" / ".buildinfo").exists() and not (html / "en" / "_sources").exists()
    assert sorted(path.name for path in (tmp_path / "_build").iterdir()) == ["html", "sites"]


def test_publish_that_fails_before_the_flip_leaves_the_old_site(tmp_path, monkeypatch):
    html, sites = tmp_path / "_build" / "html", tmp_path / "_build" / "sites"
    publish.publish(_book(tmp_path, "old"), "book/index", "aaaa", html, sites)

    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(publish.os, "replace", full_disk)
    with pytest.raises(OSError, match="No space left"):
        publish.publish(_book(tmp_path, "new"), "book/index", "bbbb", html, sites)
    assert _published(html) == "old"
    monkeypatch.undo()
    assert publish.recover(html, sites) is False  # the link was fine: nothing to restore
    assert _published(html) == "old"
    assert [path.name for path in sites.iterdir()] == [html.readlink().name]
    assert [path.name for path in html.parent.iterdir() if path.name.startswith("html.")] == []


def test_recover_adopts_a_real_html_folder_and_restores_a_stranded_one(tmp_path):
    build = tmp_path / "_build"
    html, sites = build / "html", build / "sites"
    # the layout before links: a real folder, and a half-made html.new next to it
    _site(html / "en", "kept")
    (html / "index.html").write_text("landing", encoding="utf-8")
    _site(build / "html.new" / "en", "half")
    assert publish.recover(html, sites) is False
    assert html.is_symlink() and _published(html) == "kept"
    assert not (build / "html.new").exists()
    # an older build killed between its two renames: no html, the good site in html.old-<pid>
    html.unlink()
    shutil.rmtree(sites)
    _site(build / "html.old-4242" / "en", "stranded")
    (build / "html.old-4242" / "index.html").write_text("landing", encoding="utf-8")
    _site(build / "html.new" / "en", "never published")
    assert publish.recover(html, sites) is True
    assert _published(html) == "stranded"
    assert sorted(path.name for path in build.iterdir()) == ["html", "sites"]
    # a missing link with complete sites left: the newest is linked again
    html.unlink()
    assert publish.recover(html, sites) is True
    assert _published(html) == "stranded"


def test_cli_reports_a_bad_workbook_in_words_and_exits_1(tmp_path):
    blank = write_template(tmp_path / "blank.xlsx")
    done = subprocess.run(
        [sys.executable, "-m", "analysis.book", "build", "--workbook", str(blank), "--langs", "en"],
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "sheet" in done.stderr and "cell" in done.stderr


def test_failing_chapter_keeps_its_notebook_with_the_error(tmp_path):
    notebook = tmp_path / "broken.ipynb"
    nbformat.write(_chapter([new_code_cell("1 / 0")]), notebook)
    job = execute.Job(notebook, "en", paths.DEFAULT_WORKBOOK, tmp_path / "out" / "broken.ipynb")
    outcome = execute.run(job)
    assert outcome.error.startswith("ZeroDivisionError")
    kept = nbformat.read(job.output, as_version=4)
    assert any(output.get("ename") == "ZeroDivisionError"
               for cell in kept.cells for output in cell.get("outputs", []))
    message = pipeline.ChaptersFailed([outcome]).render("en")
    assert str(job.output) in message


def test_reader_tags_hide_inputs_and_drop_parameter_cells():
    notebook = _chapter([new_code_cell("print(1)")])
    notebook.cells[2].outputs = [nbformat.v4.new_output("stream", name="stdout", text="1\n")]
    injected = new_code_cell('lang = "ar"')
    injected.metadata["tags"] = ["injected-parameters"]
    notebook.cells.insert(2, injected)
    notebook.metadata["papermill"] = {"input_path": "/home/analyst/notebooks/01_summary.ipynb",
                                      "start_time": "2026-11-30T10:00:00"}
    notebook.cells[3].metadata["execution"] = {"iopub.status.busy": "2026-11-30T10:00:01"}
    notebook.cells[3].metadata["papermill"] = {"duration": 0.1}
    readers = execute.for_readers(notebook)
    tags = [cell.metadata.get("tags") for cell in readers.cells]
    assert tags == [None, ["parameters", "remove-cell"], ["injected-parameters", "remove-cell"],
                    ["remove-input"]]
    assert "papermill" not in readers.metadata
    assert readers.cells[3].metadata == {"tags": ["remove-input"]}


def test_snapshot_is_keyed_by_the_bytes_read_not_by_the_path(tmp_path, monkeypatch):
    _point_paths_at(tmp_path / "project", monkeypatch)
    first = tmp_path / "a.xlsx"
    shutil.copy(paths.DEFAULT_WORKBOOK, first)
    moved = tmp_path / "b.xlsx"
    shutil.copy(first, moved)
    taken = snapshot.take(first)
    assert taken.digest == hashlib.sha256(first.read_bytes()).hexdigest()
    assert taken.path.read_bytes() == first.read_bytes()
    assert taken.parameter == f"_build/snapshot/{taken.digest[:32]}.xlsx"  # no machine path
    assert snapshot.take(moved).digest == taken.digest  # same bytes elsewhere: the same book
    first.write_bytes(first.read_bytes() + b"\0")  # the file changes after the build read it
    assert taken.path.read_bytes() == moved.read_bytes()  # the snapshot does not
    assert snapshot.take(first).digest != taken.digest


def test_language_link_climbs_out_of_the_page_folder_and_the_language_folder():
    # "notebooks/01_summary" is one folder deep inside html/en/: up twice to html/, then ar/.
    assert sphinx_ext.page_url("notebooks/01_summary", "ar") == "../../ar/notebooks/01_summary.html"
    assert sphinx_ext.page_url("search", "ro") == "../ro/search.html"
    assert sphinx_ext.text_direction("ar") == "rtl" and sphinx_ext.text_direction("ro") == "ltr"
    assert sphinx_ext.language_name("ro") == "Română"


def test_a_stylesheet_changed_alone_clears_that_languages_output(tmp_path):
    # Sphinx copies static files only when a page is out of date: a changed stylesheet must
    # start the output afresh, or the site would keep the old one.
    from analysis.book.stage import stale_static

    staged = tmp_path / "book" / "_static" / "book.css"
    copied = tmp_path / "_build" / "html" / "_static" / "book.css"
    staged.parent.mkdir(parents=True)
    staged.write_text("a { color: red }")
    assert not stale_static(tmp_path)  # nothing rendered yet
    copied.parent.mkdir(parents=True)
    copied.write_text("a { color: red }")
    assert not stale_static(tmp_path)
    staged.write_text("a { color: blue }")
    assert stale_static(tmp_path)
    copied.unlink()
    assert stale_static(tmp_path)
