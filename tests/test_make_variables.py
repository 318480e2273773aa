"""`make book` takes WORKBOOK and LANGS as data: no value runs a command, whatever it holds.

Each case runs the real Makefile in a sandbox (a copy of the Makefile, pyproject.toml and src/,
with this project's .venv linked in, so `make` does no set-up) with hostile values: quotes,
backquotes, `$(...)` for the shell and `$(shell ...)` for make, `;` and newlines. Every
command they hold would create a marker file; none may exist afterwards, and the build must
end with its own clear message about the value it was given (non-zero exit, no traceback).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (REPOSITORY / ".venv" / ".installed").exists():
        pytest.skip("needs the project's .venv (make venv)")
    root = tmp_path_factory.mktemp("make") / "project"
    root.mkdir()
    shutil.copy(REPOSITORY / "Makefile", root)
    shutil.copy(REPOSITORY / "pyproject.toml", root)
    os.utime(root / "pyproject.toml", (0, 0))  # older than .venv/.installed: no reinstall
    shutil.copytree(REPOSITORY / "src", root / "src",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    (root / ".venv").symlink_to(REPOSITORY / ".venv")
    return root


def _make(sandbox: Path, arguments: list[str], environment: dict[str, str] | None = None
          ) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(sandbox / "src"), **(environment or {})}
    env.pop("MAKEFLAGS", None)
    return subprocess.run(["make", "--no-print-directory", "book", *arguments], cwd=sandbox,
                          env=env, capture_output=True, text=True, timeout=120)


CASES = {
    "quotes and backquotes": (
        {"WORKBOOK": 'a"; touch {m}/1; echo "b.xlsx', "LANGS": "en`touch {m}/2`"},
        "Unknown language “en`touch”"),
    "$(...) for make and the shell": (
        {"WORKBOOK": "$(shell touch {m}/3).xlsx", "LANGS": "$(touch {m}/4) en"},
        "Unknown language “$(touch”"),
    "newlines and ;": (
        {"WORKBOOK": "x\ntouch {m}/5\n.xlsx", "LANGS": "en; touch {m}/6"},
        "Unknown language “en;”"),
    "all in the workbook": (
        {"WORKBOOK": '`touch {m}/7`$(touch {m}/8);touch {m}/9 "$(shell touch {m}/10)".xlsx',
         "LANGS": "en"},
        "Cannot read the workbook"),
}


@pytest.mark.parametrize("case", CASES)
def test_hostile_values_on_the_command_line_run_nothing(sandbox, tmp_path, case):
    marks = tmp_path / "marks"
    marks.mkdir()
    values, message = CASES[case]
    done = _make(sandbox, [f"{name}={value.format(m=marks)}" for name, value in values.items()])
    assert done.returncode != 0
    assert list(marks.iterdir()) == []
    assert message in done.stderr and "Traceback" not in done.stderr
    if message.startswith("Cannot read"):  # the program got the value as written
        assert f"`touch {marks}" in done.stderr and f"$(shell touch {marks}" in done.stderr
        assert "the file does not exist" in done.stderr


def test_hostile_values_from_the_environment_run_nothing(sandbox, tmp_path):
    marks = tmp_path / "marks"
    marks.mkdir()
    done = _make(sandbox, [], {"WORKBOOK": f"$(shell touch {marks}/1)`touch {marks}/2`.xlsx",
                               "LANGS": f"en $(shell touch {marks}/3)"})
    assert done.returncode != 0 and list(marks.iterdir()) == []
    assert "Unknown language “$(shell”" in done.stderr


def test_a_workbook_path_with_spaces_arrives_whole(sandbox, tmp_path):
    """A path with spaces (and several in a row) reaches the program as one value: the message
    names it as written, not a word of it."""
    path = tmp_path / "My Company  Ltd" / "support plan 2026.xlsx"
    done = _make(sandbox, [f"WORKBOOK={path}", "LANGS=en"])
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "Cannot read the workbook" in done.stderr and str(path) in done.stderr
    assert "the file does not exist" in done.stderr
