"""Paths that are not a workbook file, closed pipes and hostile cell values (issue 7).

Each path gets its own translated reason within seconds, from the library and from the command
line (never "Cannot write" for an input, never a traceback); a closed pipe ends a command
quietly; and no cell value makes the loader or the headline comparison raise, hang, or give a
number that is not finite.
"""

from __future__ import annotations

import math
import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from analysis import console, summary
from analysis.workbook import WorkbookInvalid, WorkbookUnreadable, files, load

EXAMPLE = Path(__file__).parents[1] / "data" / "examples" / "gulf-ecommerce.xlsx"
IN_CI = os.environ.get("CI") == "true"


def reason_of(path) -> WorkbookUnreadable:
    started = time.monotonic()
    with pytest.raises(WorkbookUnreadable) as caught:
        load(path)
    assert time.monotonic() - started < 5
    return caught.value


def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True,
                          timeout=timeout, check=False)


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "company.xlsx"
    os.mkfifo(fifo)
    error = reason_of(fifo)
    assert error.reason == files.NOT_A_FILE
    assert "a named pipe" in error.render("en")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_link_to_an_endless_device_is_refused_unread(tmp_path, device):
    link = tmp_path / "company.xlsx"
    link.symlink_to(device)
    error = reason_of(link)
    assert error.reason == files.NOT_A_FILE
    assert "a device" in error.render("en")


def test_a_symlink_loop_is_named(tmp_path):
    loop = tmp_path / "company.xlsx"
    loop.symlink_to(loop)
    assert reason_of(loop).reason == files.LINK_LOOP


def test_a_folder_is_named(tmp_path):
    folder = tmp_path / "company.xlsx"
    folder.mkdir()
    assert reason_of(folder).reason == files.IS_FOLDER


def test_an_empty_file_is_named(tmp_path):
    empty = tmp_path / "company.xlsx"
    empty.touch()
    assert reason_of(empty).reason == files.EMPTY


def _as_nobody(path: Path) -> str:
    """The loader's reason for `path`, from a forked child that dropped root for `nobody`."""
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        os.close(read)
        outcome = "loaded"
        try:
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            load(path)
        except WorkbookUnreadable as error:
            outcome = error.reason
        except BaseException as error:  # noqa: BLE001 - reported to the parent
            outcome = f"{type(error).__name__}: {error}"
        os.write(write, pickle.dumps(outcome))
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as answer:
        data = answer.read()
    os.waitpid(child, 0)
    return pickle.loads(data)


def test_a_file_in_a_folder_the_user_cannot_enter(tmp_path_factory):
    if os.geteuid() != 0 and not IN_CI:
        pytest.skip("needs root to drop privileges for another user")
    base = Path(os.environ.get("TMPDIR", "/tmp")) / f"issue7-perm-{os.getpid()}"
    locked = base / "locked"
    locked.mkdir(parents=True)
    try:
        base.chmod(0o755)
        workbook = locked / "company.xlsx"
        workbook.write_bytes(EXAMPLE.read_bytes())
        locked.chmod(0o700)  # root's only: nobody may not enter it
        assert _as_nobody(workbook) == files.NO_PERMISSION
        workbook.chmod(0o600)
        locked.chmod(0o755)  # the folder open, the file root's only
        assert _as_nobody(workbook) == files.NO_PERMISSION
    finally:
        locked.chmod(0o755)
        for item in locked.iterdir():
            item.unlink()
        locked.rmdir()
        base.rmdir()


@pytest.mark.parametrize("kind", ["loop", "fifo", "folder"])
def test_the_commands_name_an_odd_path_in_the_readers_language(tmp_path, kind):
    path = tmp_path / "company.xlsx"
    {"loop": lambda: path.symlink_to(path), "fifo": lambda: os.mkfifo(path),
     "folder": path.mkdir}[kind]()
    for args in (["-m", "analysis", "validate", str(path), "--lang", "ro"],
                 ["-m", "analysis", "summary", str(path), "--lang", "ro"],
                 ["-m", "analysis.book", "build", "--workbook", str(path), "--langs", "en",
                  "--lang", "ro"]):
        result = run(*args)
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr
        assert "Cannot write" not in result.stderr
        assert "nu poate fi citit" in result.stderr, result.stderr
        reason = {"loop": files.LINK_LOOP, "fifo": files.NOT_A_FILE, "folder": files.IS_FOLDER}
        assert reason[kind].split(" ")[1] not in result.stderr  # the reason is translated


# --- closed pipes ---------------------------------------------------------------------------


@pytest.mark.parametrize("command", [
    ["-m", "analysis", "summary", str(EXAMPLE)],
    ["-m", "analysis", "summary", str(EXAMPLE), "--json"],
    ["-m", "analysis", "validate", str(EXAMPLE)],
])
def test_a_reader_that_stops_early_ends_the_command_quietly(command):
    """Like `| head -0`: the pipe is closed before the command writes its first line."""
    process = subprocess.Popen([sys.executable, *command], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    process.stdout.close()
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0
    assert stderr == b""


def test_head_1_through_the_shell_exits_0():
    script = f"set -o pipefail; {sys.executable} -m analysis summary {EXAMPLE} | head -1"
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode == 0
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == 1


def test_say_goes_quiet_after_a_closed_pipe():
    """What the book build's progress lines do: the first write fails, nothing is raised, and
    later lines go to the null device."""
    read, write = os.pipe()
    os.close(read)
    stream = os.fdopen(write, "w")
    console.say("first", stream)
    console.say("second", stream)
    stream.close()


# --- hostile cell values ----------------------------------------------------------------------

HOSTILE = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from(["1" + "0" * 400, "-0", "1e400", "NaN", "inf", "∞", "٣٠٪", "1,234", "1 234,5",
                     "#NUM!", "=1/0", "", " ", "\u202e1\u202c", "24:00", "99:00", "00:30"]),
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=300),
    st.booleans(),
)
CELLS = [("Company", "B6"), ("Company", "B10"), ("Demand", "B4"), ("Demand", "E4"),
         ("Demand", "C6"), ("Demand", "D6"), ("InHouse", "B4"), ("InHouse", "B15"),
         ("InHouse", "B18"), ("InHouse", "B17"), ("Quotes", "E4"), ("Quotes", "H4"),
         ("Quotes", "G5"), ("Assumptions", "B11"), ("Assumptions", "B7")]


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(changes=st.dictionaries(st.sampled_from(CELLS), HOSTILE, min_size=1, max_size=4))
def test_no_cell_value_breaks_the_loader_or_the_headline(filled_workbook, tmp_path, changes):
    """Every outcome is a list of problems or inputs whose headline figures are all finite."""
    book = load_workbook(filled_workbook)
    for (sheet, cell), value in changes.items():
        book[sheet][cell] = value
    path = tmp_path / "hostile.xlsx"
    book.save(path)
    try:
        inputs, _ = load(path)
    except WorkbookInvalid as error:
        assert error.render("ar")
        return
    for row in summary.headline(inputs):
        assert all(math.isfinite(v) for v in (row.annual_cost, row.per_contact, row.fte,
                                               row.per_handled_minute, row.saving))
