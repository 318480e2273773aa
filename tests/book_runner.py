"""`python -m analysis.book` on a small test project, stopped at a named point of the build.

    python tests/book_runner.py ROOT ACTION POINT [build arguments...]

ROOT is the project to build (`analysis.book.paths` is pointed at it). At the checkpoint POINT
(see `analysis.book.checkpoint`) ACTION happens:

    none                  nothing: an ordinary build
    kill                  SIGKILL to the build itself (workers and Jupyter Book must die with it)
    interrupt             SIGINT to the whole process group, as Ctrl-C in a terminal does
                          (start the runner in a session of its own)
    copy:SOURCE>TARGET    copy SOURCE over TARGET (another company saved over the workbook)
    wait:FILE             wait until FILE exists (up to a minute), holding the build there

The exit code and stderr are the build's own.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import time
from pathlib import Path

from analysis.book import checkpoint, paths
from analysis.book.__main__ import main


def act(action: str) -> None:
    if action == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    elif action == "interrupt":
        os.killpg(os.getpgid(0), signal.SIGINT)
        time.sleep(5)  # the KeyboardInterrupt arrives during this wait
    elif action.startswith("copy:"):
        source, target = action.removeprefix("copy:").split(">")
        shutil.copyfile(source, target)
    elif action.startswith("wait:"):
        flag = Path(action.removeprefix("wait:"))
        for _ in range(600):
            if flag.exists():
                return
            time.sleep(0.1)


def run(root: Path, action: str, point: str, argv: list[str]) -> int:
    for name, value in paths.layout(root).items():
        setattr(paths, name, value)
    if action != "none":
        checkpoint.install(lambda reached: act(action) if reached == point else None)
    return main(argv)


if __name__ == "__main__":
    sys.exit(run(Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]))
