"""Fault injection: whatever happens during a build, `_build/html` is one whole book of one company.

A small project (one chapter, the glossary, English only) is built for a series of companies.
The chapter prints the company's name and each vendor's name and rate and draws them in a chart,
so every page and chart file says whose book it is. The tests run in file order on one project,
each starting from the site the one before left:

- an edit of the workbook mid-build (after the snapshot) publishes the snapshot's company only;
- the next company's site holds nothing of the previous one (names, figures, chart files);
- a build killed (SIGKILL) at each named point of `analysis.book.checkpoint` leaves the old whole
  book, or from the final rename on the new one; its workers and Jupyter Book die with it, and
  the next build repairs what was left;
- Ctrl-C ends with one message and exit 130, the book unchanged;
- two builds started together: one publishes, the other refuses and says who holds the folder;
- a read-only output folder and a full disk end with one translated message and exit 1.

Builds that must be stopped run in a subprocess (`tests/book_runner.py`); the others in-process.
Read-only and full folders need mount namespaces (root): without them a local run skips, saying
why; under CI=true it fails instead.
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from book_runner import act
from conftest import SMALL, files_holding, machine_details
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from analysis.book import checkpoint, content, lock, paths, pipeline
from analysis.book.__main__ import main
from analysis.workbook.examples import write_filled

RUNNER = Path(__file__).with_name("book_runner.py")
TOC = ("format: jb-book\nroot: book/index\nchapters:\n"
       "- file: notebooks/01_summary\n- file: book/glossary\n")
PAGES = ("book/index.html", "notebooks/01_summary.html", "book/glossary.html")
CHAPTER = """\
import altair as alt
import pandas as pd
from analysis.workbook import loader
alt.renderers.enable("svg")
inputs, _warnings = loader.load(workbook)
print("company:", inputs.company.name)
for quote in inputs.quotes:
    print("vendor:", quote.vendor, "rate:", f"{quote.rate:.2f}")
frame = pd.DataFrame({"vendor": [q.vendor for q in inputs.quotes],
                      "rate": [q.rate for q in inputs.quotes]})
alt.Chart(frame).mark_bar().encode(x="rate", y="vendor")
"""


@dataclasses.dataclass(frozen=True)
class Company:
    """A test company: its name, vendors and quoted rates (EUR, as the workbook gives them)."""

    name: str
    vendors: tuple[str, str]
    rates: tuple[float, float]

    @property
    def words(self) -> tuple[str, ...]:
        """What of this company may appear in its book only: names and printed rates."""
        return (self.name, *self.vendors, *(f"rate: {rate:.2f}" for rate in self.rates))


COMPANIES = {
    "a": Company("Acorn Analytics", ("AcornCall Group", "AcornVoice Ltd"), (1111.25, 13.75)),
    "b": Company("Birchwood Bank", ("BirchServe SA", "BirchDial GmbH"), (2222.5, 24.5)),
    "c": Company("Cedar Clinics", ("CedarCare Desk", "CedarTalk BV"), (3333.75, 35.25)),
}


def _workbook(company: Company, path: Path) -> Path:
    """SMALL with this company's name, vendors and rates, every quote in its currency (EUR)."""
    quotes = tuple(dict(quote, vendor=vendor, rate=rate, currency="EUR")
                   for quote, vendor, rate
                   in zip(SMALL.quotes, company.vendors, company.rates, strict=True))
    example = dataclasses.replace(SMALL, company=dict(SMALL.company, name=company.name),
                                  quotes=quotes)
    return write_filled(example, path)


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory):
    """The project, not built yet; a workbook for each company beside it."""
    root = tmp_path_factory.mktemp("faults") / "project"
    root.mkdir()
    shutil.copy(paths.CONFIG, root / "_config.yml")
    shutil.copytree(paths.BOOK_DIR, root / "book", ignore=shutil.ignore_patterns("*.mo"))
    (root / "_toc.yml").write_text(TOC, encoding="utf-8")
    (root / "notebooks").mkdir()
    parameters = new_code_cell('workbook = "company.xlsx"\nlang = "en"')
    parameters.metadata["tags"] = ["parameters"]
    notebook = new_notebook(cells=[new_markdown_cell("# Summary"), parameters,
                                   new_code_cell(CHAPTER)])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    nbformat.write(notebook, root / "notebooks" / "01_summary.ipynb")
    books = root.parent / "workbooks"
    books.mkdir()
    files = {key: _workbook(company, books / f"{key}.xlsx") for key, company in COMPANIES.items()}
    with pytest.MonkeyPatch.context() as monkeypatch:
        for name, value in paths.layout(root).items():
            monkeypatch.setattr(paths, name, value)
        yield root, files


def whole_book(root: Path) -> str:
    """Checks `_build/html` is one whole book; returns the key of its company.

    Whole: the landing page's every language has all its pages, each page of one company, and
    nothing under the site (pages, charts, search index) names or prices another company.
    """
    html = root / "_build" / "html"
    assert html.is_symlink(), "the site is a link to a complete site folder"
    landing = (html / "index.html").read_text(encoding="utf-8")
    languages = re.findall(r'<li lang="(\w+)"', landing)
    assert languages == ["en"]
    companies = set()
    for lang in languages:
        for page in PAGES:
            assert (html / lang / page).is_file(), (lang, page)
        summary = (html / lang / "notebooks" / "01_summary.html").read_text(encoding="utf-8")
        companies |= {key for key, company in COMPANIES.items() if company.name in summary}
    assert len(companies) == 1, companies
    (key,) = companies
    others = [word for other, company in COMPANIES.items() if other != key
              for word in company.words]
    for path in html.rglob("*"):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", errors="replace")
            assert not [word for word in others if word in text], (path, key)
    assert all(word in _site_text(html) for word in COMPANIES[key].words)
    return key


def _site_text(html: Path) -> str:
    return "\n".join(path.read_bytes().decode("utf-8", errors="replace")
                     for path in html.rglob("*") if path.is_file())


def _runner(root: Path, action: str, point: str, *argv: str,
            wait: bool = True) -> subprocess.Popen[str] | subprocess.CompletedProcess[str]:
    command = [sys.executable, str(RUNNER), str(root), action, point, "build", "--langs", "en",
               *argv]
    if not wait:
        return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, start_new_session=True)
    return subprocess.run(command, capture_output=True, text=True, timeout=180,
                          start_new_session=True)


def _lingering(root: Path) -> list[str]:
    """Processes still working on this project (workers, Jupyter Book), by command line."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            if str(root) in command:
                found.append(command)
    return found


def _no_lingering(root: Path) -> None:
    deadline = time.monotonic() + 10
    while _lingering(root) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _lingering(root) == []


def _build(workbook: Path) -> pipeline.Report:
    return pipeline.build(workbook, ["en"], say=lambda line: None)


def _forked(root: Path, action: str, point: str, workbook: Path) -> int:
    """A build in a forked copy of this process (no start-up to pay), stopped by `action` at
    `point`, in a session of its own; returns its exit code (-9 when killed)."""
    child = os.fork()
    if child == 0:  # pragma: no cover - the child ends in os._exit or a signal
        code = 70
        try:
            os.setsid()
            checkpoint._hooks[:] = [lambda name: act(action) if name == point else None]
            code = main(["build", "--langs", "en", "--workbook", str(workbook)])
        finally:
            os._exit(code)
    _pid, status = os.waitpid(child, 0)
    return os.waitstatus_to_exitcode(status)


def test_an_edit_mid_build_publishes_the_snapshot_and_a_restored_file_is_right(story, monkeypatch):
    root, files = story
    workbook = root.parent / "company.xlsx"
    shutil.copyfile(files["b"], workbook)

    def save_another_company(point: str) -> None:
        if point == "snapshot":  # the build has read the file: now someone saves over it
            shutil.copyfile(files["c"], workbook)

    with monkeypatch.context() as hooked:
        hooked.setattr(checkpoint, "_hooks", [save_another_company])
        assert _build(workbook).published
    assert workbook.read_bytes() == files["c"].read_bytes()
    assert whole_book(root) == "b"  # nothing of "c" anywhere under the site
    # restored, the file is the book already published: nothing to do, and it is right
    shutil.copyfile(files["b"], workbook)
    report = _build(workbook)
    assert (report.executed, report.published) == (0, False)
    assert whole_book(root) == "b"


KILL_POINTS = ("snapshot", "chapters", "render", "publish:assembled", "publish:complete",
               "publish:linked", "publish:flipped")


def test_a_build_killed_at_any_point_leaves_a_whole_book(story):
    """One build of "a" after another, each SIGKILLed one point further on (each keeps what
    the one before finished: the chapter runs, then the render). The workbook file is the one
    the last test built "b" from, now holding "a": its bytes, not its path, decide the book."""
    root, files = story
    before = whole_book(root)
    assert before == "b"
    workbook = root.parent / "company.xlsx"
    shutil.copyfile(files["a"], workbook)
    build = root / "_build"
    for point in KILL_POINTS:
        assert _forked(root, "kill", point, workbook) == -9, point
        _no_lingering(root)  # no worker or Jupyter Book goes on writing after the build died
        assert whole_book(root) == ("a" if point == "publish:flipped" else before), point
    # the next build repairs what was left; the book it would publish is already there
    report = _build(workbook)
    assert (report.executed, report.rendered, report.published) == (0, (), False)
    assert whole_book(root) == "a"
    assert sorted(path.name for path in build.iterdir() if path.name.startswith("html")) == [
        "html"]
    assert [path.name for path in (build / "sites").iterdir()] == [
        (build / "html").readlink().name]


def test_ctrl_c_ends_with_one_message_and_the_book_unchanged(story):
    root, files = story
    digest = content.tree_digest(root / "_build" / "html")
    done = _runner(root, "interrupt", "chapters", "--workbook", str(files["b"]))  # its output
    assert done.returncode == 130
    assert done.stderr.strip() == (
        f"Build stopped: {root / '_build' / 'html'} still holds the last complete book.")
    _no_lingering(root)
    assert content.tree_digest(root / "_build" / "html") == digest


def test_two_builds_started_together_leave_one_whole_book(story):
    root, files = story
    assert whole_book(root) == "a"  # neither "b" nor "c" has its chapter run kept: both work
    started = {key: _runner(root, "none", "-", "--workbook", str(files[key]), wait=False)
               for key in ("b", "c")}
    results = {}
    for key, process in started.items():
        _out, err = process.communicate(timeout=180)
        results[key] = (process.returncode, err)
    winners = [key for key, (code, _err) in results.items() if code == 0]
    assert len(winners) == 1, results
    (winner,) = winners
    (loser,) = set(results) - {winner}
    code, err = results[loser]
    assert code == 1 and "Traceback" not in err
    assert err.startswith(f"Another build of the book is running in {root / '_build'}")
    # the holder is named unless the refusal came in the instant before it wrote its name
    holder = f"(process {started[winner].pid}, workbook “{winner}.xlsx”, started "
    assert holder in err or err.count("(") == 0
    assert whole_book(root) == winner


def test_the_published_site_carries_no_machine_details(story):
    root, _files = story
    repository = Path(__file__).resolve().parents[1]
    assert files_holding(root / "_build" / "html", machine_details(root, repository)) == []


def _holding(folder: Path, words: tuple[str, ...]) -> list[str]:
    """The files under `folder` whose bytes contain any of `words`."""
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*")
                  if path.is_file() and any(word.encode() in path.read_bytes() for word in words))


def _languages(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.is_dir())


def test_a_build_of_another_company_leaves_nothing_of_the_last_under_build(story):
    """Company "a" in English and Romanian, then "b" in English only: once "b" is built, no
    file under `_build` (chapter runs, staging trees, Sphinx output, sites, snapshots) names or
    prices "a", and the Romanian runs and staging tree are gone; the same workbook built again
    in fewer languages keeps the others' work (nothing runs)."""
    root, files = story
    build = root / "_build"
    assert pipeline.build(files["a"], ["en", "ro"], say=lambda line: None).published
    assert _languages(build / "executed") == _languages(build / "stage") == ["en", "ro"]
    again = pipeline.build(files["a"], ["en"], say=lambda line: None)
    assert again.executed == 0
    assert _languages(build / "executed") == ["en", "ro"]
    assert _build(files["b"]).published
    assert whole_book(root) == "b"
    assert _languages(build / "executed") == _languages(build / "stage") == ["en"]
    assert _holding(build, COMPANIES["a"].words) == []


def _namespaces() -> None:
    """Skips (or, under CI, fails) when this process cannot make mount namespaces."""
    ok = shutil.which("unshare") and subprocess.run(
        ["unshare", "-m", "true"], capture_output=True).returncode == 0
    if not ok:
        reason = "needs root and `unshare -m` (mount namespaces) for a read-only or full folder"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)


def _in_namespace(script: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["unshare", "-m", "sh", "-euc", script], capture_output=True,
                          text=True, timeout=180)


@pytest.mark.parametrize("lang, message", ids=["en", "ar"], argvalues=[
    ("en", "Cannot write to {build}/build.lock: the folder is read-only. The published book "
           "was not changed."),
    ("ar", "تعذّرت الكتابة في {build}/build.lock: المجلد للقراءة فقط. لم يتغيّر التقرير المنشور."),
])
def test_a_read_only_output_folder_ends_with_one_message(story, lang, message):
    _namespaces()
    root, files = story
    before = whole_book(root)
    digest = content.tree_digest(root / "_build" / "html")
    build = root / "_build"
    done = _in_namespace(
        f'mount --bind "{build}" "{build}"; mount -o remount,bind,ro "{build}"; '
        f'exec "{sys.executable}" "{RUNNER}" "{root}" none - build --langs en '
        f'--workbook "{files["a" if before != "a" else "c"]}" --lang {lang}')
    assert done.returncode == 1
    assert done.stderr.strip() == message.format(build=build)
    assert content.tree_digest(root / "_build" / "html") == digest and whole_book(root) == before


def test_a_full_disk_ends_with_one_message_and_the_book_intact(story, tmp_path):
    _namespaces()
    root, files = story
    before = whole_book(root)
    target = files["a" if before != "a" else "c"]
    disk = tmp_path / "disk"
    disk.mkdir()
    # tmpfs counts whole pages: room for a copy of the project and a little more
    used = sum(-(-path.lstat().st_size // 4096) + 1 for path in root.rglob("*")) * 4
    check = (f'"{sys.executable}" -c "import sys; from analysis.book import content; '
             f"print(content.tree_digest(__import__('pathlib').Path(sys.argv[1])))\" "
             f'"{disk}/project/_build/html"')
    done = _in_namespace(
        f'mount -t tmpfs -o size={used + 256}k tmpfs "{disk}"; cp -a "{root}" "{disk}/project"; '
        f"{check}; "
        f'"{sys.executable}" "{RUNNER}" "{disk}/project" none - build --langs en '
        f'--workbook "{target}" >/dev/null 2>"{disk}/err" || echo "exit $?"; '
        f'cat "{disk}/err"; {check}')
    assert done.returncode == 0, done.stderr
    first, code, message, last = done.stdout.strip().splitlines()
    assert first == last  # the published site did not change
    assert code == "exit 1"
    assert re.fullmatch(r"Cannot write to \S+: the disk is full\. The published book was not "
                        r"changed\.", message), message


def test_the_lock_names_its_holder_and_a_killed_holder_leaves_none(tmp_path):
    lock_file = tmp_path / "_build" / "build.lock"
    with (lock.hold(lock_file, "gulf\u202e.xlsx") as holder,
          pytest.raises(lock.BuildRunning) as refused, lock.hold(lock_file, "other.xlsx")):
        pass
    assert refused.value.render("ro") == (
        f"O altă generare a raportului rulează în {tmp_path / '_build'} (procesul {os.getpid()}, "
        f"registrul „gulf.xlsx”, pornită la {holder.started}): așteptați să se termine, apoi "
        "porniți din nou generarea.")
    holding = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom pathlib import Path\n"
         "from analysis.book import lock\nwith lock.hold(Path(sys.argv[1]), 'x.xlsx'):\n"
         "    print('held', flush=True)\n    time.sleep(120)\n", str(lock_file)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holding.stdout.readline() == "held\n"
        with pytest.raises(lock.BuildRunning), lock.hold(lock_file, "y.xlsx"):
            pass
    finally:
        holding.kill()
        holding.wait()
    with lock.hold(lock_file, "y.xlsx"):  # the kernel released the dead holder's lock
        pass
