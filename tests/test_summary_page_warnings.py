"""The book's summary page (chapter 01) lists the workbook's warnings, cell by cell.

Chapter 01 is run with papermill, as the book build runs it, on a workbook whose rent per seat
(InHouse B15, 1e9 a month) is far above the agent's monthly salary (30,000 / 12 = 2,500): the
page must name that cell, and the range up to 2,500.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import papermill

ROOT = Path(__file__).parents[1]


def test_the_summary_page_lists_the_workbooks_warnings(edited, tmp_path):
    workbook = edited({"InHouse": {"B15": 1e9}})
    output = tmp_path / "01.ipynb"
    papermill.execute_notebook(
        str(ROOT / "notebooks" / "01_summary.ipynb"), str(output),
        parameters={"workbook": str(workbook), "lang": "en"}, kernel_name="python3",
        cwd=str(ROOT), progress_bar=False,
    )
    notebook = nbformat.read(output, as_version=4)
    shown = "".join(
        str(out.get("data", {}).get("text/plain", ""))
        for cell in notebook.cells if cell.cell_type == "code" for out in cell.get("outputs", [])
    )
    assert "sheet “InHouse”, cell B15" in shown
    assert "usually at most 2500" in shown
