"""Lines for the terminal that survive a closed pipe.

`python -m analysis summary X | head -1` closes the pipe after one line; the next write raises
BrokenPipeError (Python ignores SIGPIPE). A command's output is not its purpose once nobody
reads it, so `say` then points the stream at the null device and the command goes on to its
normal end and exit status, quietly: no "Broken pipe" message, no traceback, and no error from
the final flush at exit. The book build keeps building, so piping its progress into `head`
never leaves a half-built book.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import TextIO


def say(text: str, stream: TextIO | None = None) -> None:
    """Prints one message and flushes it; a closed pipe silences the stream from then on."""
    stream = stream or sys.stdout
    try:
        print(text, file=stream, flush=True)
    except BrokenPipeError:
        silence(stream)


def tell(text: str) -> None:
    """`say` on standard error, for errors and warnings."""
    say(text, sys.stderr)


def silence(stream: TextIO) -> None:
    """Sends whatever else is written to `stream` (and its unflushed buffer) to the null
    device."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, stream.fileno())
        finally:
            os.close(null)
