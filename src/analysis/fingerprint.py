"""A short fingerprint of a book's inputs: the workbook's bytes and the reference data.

Two books with the same fingerprint were computed from the same workbook file and the same
published prices; a board member comparing two forwarded copies can tell at a glance whether
they are the same analysis. It is a hash of content only, never of a time or a path, so the same
inputs give the same fingerprint on every machine and every day.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from analysis.reference import REFERENCE_DIR

DIGITS = 12
"""Hexadecimal digits shown (48 bits): two different inputs share them with a chance of about
one in 280 million million, and they can still be read out over the phone."""


def reference_files(directory: Path = REFERENCE_DIR) -> list[Path]:
    """The reference data files, in a fixed order (every CSV of `data/reference/`)."""
    return sorted(directory.glob("*.csv"))


def inputs_fingerprint(workbook: bytes, directory: Path = REFERENCE_DIR) -> str:
    """sha256 over the workbook's bytes, then each reference file's name and bytes, each part
    length-prefixed; the first `DIGITS` hex digits in groups of four ("3f2a-9c1b-77de")."""
    hasher = hashlib.sha256()
    parts: list[bytes] = [workbook]
    for path in reference_files(directory):
        parts += [path.name.encode(), path.read_bytes()]
    for part in parts:
        hasher.update(len(part).to_bytes(8, "little"))
        hasher.update(part)
    digits = hasher.hexdigest()[:DIGITS]
    return "-".join(digits[i:i + 4] for i in range(0, DIGITS, 4))
