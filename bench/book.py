"""Book build times on this machine: cold (no _build/) and warm (nothing changed), three languages.

Targets on two cores: cold <= 60 s, warm <= 5 s. Run with the environment ready
(`make venv`); `make bench` runs it. Deletes _build/ first, so the published book is rebuilt.
"""

from __future__ import annotations

import shutil
import time

from analysis.book import paths, pipeline

LANGS = ["en", "ar", "ro"]
TARGETS = {"cold": 60.0, "warm": 5.0}


def timed_build() -> tuple[float, pipeline.Report]:
    started = time.perf_counter()
    report = pipeline.build(paths.DEFAULT_WORKBOOK, LANGS, say=lambda line: None)
    return time.perf_counter() - started, report


def main() -> None:
    shutil.rmtree(paths.BUILD_DIR, ignore_errors=True)
    for name in ("cold", "warm"):
        seconds, report = timed_build()
        verdict = "ok" if seconds <= TARGETS[name] else "over target"
        print(f"{name} build: {seconds:5.1f} s (target {TARGETS[name]:.0f} s, {verdict}); "
              f"{report.executed} notebook runs, {len(report.rendered)} language books")


if __name__ == "__main__":
    main()
