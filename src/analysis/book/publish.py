"""Putting the language books together as `_build/html/` without ever breaking the last good one.

The new site is assembled in a sibling folder and swapped in with two renames only once every
language built; a failure anywhere before that leaves the published site as it was. The books are
copied, not linked: Sphinx rewrites files in place and would otherwise change the published site
while it rebuilds.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from analysis.book.landing import landing_page


def assemble(books: dict[str, Path], root_page: str, target: Path) -> Path:
    """Writes `target/<lang>/` for each built book and the landing page `target/index.html`."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for lang, html in books.items():
        shutil.copytree(html, target / lang, ignore=shutil.ignore_patterns(".buildinfo"))
    (target / "index.html").write_text(landing_page(list(books), root_page), encoding="utf-8")
    return target


def swap(new: Path, live: Path) -> None:
    """Replaces `live` by `new`; the old site is removed only after the new one is in place.

    If `new` cannot be moved in, the old site is moved back before the error goes on, so a
    failed swap leaves `live` exactly as it was (and `new` where it was).
    """
    old = live.with_name(f"{live.name}.old-{os.getpid()}")
    had_site = live.exists()
    if had_site:
        live.rename(old)
    try:
        new.rename(live)
    except BaseException:
        if had_site:
            old.rename(live)
        raise
    shutil.rmtree(old, ignore_errors=True)
