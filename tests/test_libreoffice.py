"""The template and an example, opened and saved by LibreOffice Calc, validate the same.

LibreOffice rewrites every part of the package its own way (styles, shared strings, number
formats, row and column records); `soffice --headless --convert-to xlsx` does what a person does
with File > Save As. Skipped, saying why, where LibreOffice is not installed, never in CI
(`.ci/run` installs it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from analysis.workbook import WorkbookInvalid, load, write_template

EXAMPLES = Path(__file__).parents[1] / "data" / "examples"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

if SOFFICE is None and os.environ.get("CI") != "true":
    pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui",
                allow_module_level=True)


def resave(source: Path, folder: Path) -> Path:
    """`source` saved again by LibreOffice Calc as .xlsx, with a private profile so parallel
    runs do not share one."""
    out = folder / "resaved"
    profile = (folder / "profile").as_uri()
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx",
         "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    saved = out / f"{source.stem}.xlsx"
    assert saved.read_bytes() != source.read_bytes()
    return saved


def outcome(path: Path):
    try:
        return load(path)
    except WorkbookInvalid as error:
        return [(p.sheet, p.cell, p.expected, p.severity) for p in error.problems]


def test_the_blank_template_resaved_reports_the_same_problems(tmp_path):
    template = write_template(tmp_path / "template.xlsx")
    before = outcome(template)
    assert isinstance(before, list) and before  # a blank template is incomplete
    assert outcome(resave(template, tmp_path)) == before


def test_a_filled_example_resaved_gives_the_same_inputs(tmp_path):
    source = tmp_path / "us-consumer.xlsx"
    source.write_bytes((EXAMPLES / "us-consumer.xlsx").read_bytes())
    assert outcome(resave(source, tmp_path)) == outcome(source)
