"""Benchmark: how long `analysis.compare.compare` takes on each example workbook.

Run as `.venv/bin/python bench/compare.py`. The book calls compare() in several notebooks for
each language, and each call re-staffs the company a few hundred times (Monte Carlo draws,
tornado, break-even), so its time is what a book build waits for. Loading the workbook is left
out; one warm-up run first pays numpy's and pandas' one-off costs, then the best of `REPEATS`
runs is printed per example (the target is under about 0.7 s each).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from analysis import reference
from analysis.compare import compare
from analysis.workbook import load

EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "data" / "examples"
REPEATS = 3


def main() -> int:
    refs = reference.load()
    for path in sorted(EXAMPLES_DIR.glob("*.xlsx")):
        inputs, _problems = load(path)
        compare(inputs, refs)
        times = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            compare(inputs, refs)
            times.append(time.perf_counter() - start)
        print(f"{path.name:24} compare(): {min(times):6.3f} s (best of {REPEATS})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
