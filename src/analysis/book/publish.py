"""Publishing the language books as `_build/html/` so that it is always one whole book.

`_build/html` is a symbolic link to a complete site folder, `_build/sites/<number>-<key>/`. A new
site is assembled in a hidden `.partial-<pid>` folder, renamed to its final name once complete,
and published by renaming a new link over `_build/html`. Renaming a link over a link is atomic
(POSIX `rename`): a reader, a crash or Ctrl-C sees the old site or the new one, never none and
never a mix. Only then are older site folders removed. (A folder cannot be renamed over a
non-empty folder, which is why the earlier design needed two renames and could strand the site
between them.)

`recover` runs at the start of every build, under the build lock. It removes half-made folders and
links, adopts a real `_build/html` folder (the layout before links) as a site folder behind a
link, restores a site an older build left in `html.old-<pid>` when it was killed between its two
renames, points a missing or broken link at the newest complete site, and removes sites nothing
links to.

The books are copied, not linked: Sphinx rewrites files in place and would otherwise change the
published site while it rebuilds. `.buildinfo` (Sphinx's record of its own settings) and
`_sources/` (the notebooks as run) stay behind: readers need neither.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from analysis.book.checkpoint import reached

if TYPE_CHECKING:
    from analysis.report.cover import Cover

PARTIAL = ".partial-"
LINK = "html.link-"
_SITE = re.compile(r"(\d{6})-([0-9a-z]+)")
NOT_PUBLISHED = shutil.ignore_patterns(".buildinfo", "_sources")


def copy_book(source: Path, target: Path) -> None:
    """Copies a Sphinx output folder, less what readers do not need.

    Unlike `shutil.copytree`, which gathers failures into one `shutil.Error` without their error
    numbers, the first failure stops the copy as the OSError it is (a full disk says so).
    """
    for folder, subfolders, files in os.walk(source):
        here = Path(folder)
        skipped = NOT_PUBLISHED(folder, subfolders + files)
        subfolders[:] = [name for name in subfolders if name not in skipped]
        (target / here.relative_to(source)).mkdir(parents=True, exist_ok=True)
        for name in files:
            if name not in skipped:
                shutil.copy2(here / name, target / here.relative_to(source) / name)


def assemble(books: dict[str, Path], root_page: str, target: Path,
             cover: Cover | None = None) -> Path:
    """Writes `target/<lang>/` for each built book and the landing page `target/index.html`
    (with the book's `cover` when given)."""
    from analysis.book.landing import landing_page  # brings Sphinx: only when there is a site

    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for lang, html in books.items():
        copy_book(html, target / lang)
    (target / "index.html").write_text(landing_page(list(books), root_page, cover),
                                       encoding="utf-8")
    return target


def sites(folder: Path) -> list[Path]:
    """The complete site folders in `folder`, oldest first."""
    if not folder.is_dir():
        return []
    found = [path for path in folder.iterdir() if _SITE.fullmatch(path.name) and path.is_dir()]
    return sorted(found, key=lambda path: path.name)


def linked(html: Path) -> Path | None:
    """The folder `html` links to, if it is a link."""
    return html.parent / os.readlink(html) if html.is_symlink() else None


def current(html: Path) -> Path | None:
    """The site folder `html` links to, when it is a complete one (it has its landing page)."""
    target = linked(html)
    return target if target is not None and (target / "index.html").is_file() else None


def current_key(html: Path) -> str:
    """The key of the published site ("" when there is none or it predates keys)."""
    site = current(html)
    found = _SITE.fullmatch(site.name) if site else None
    return found.group(2) if found else ""


def _next(folder: Path, key: str) -> Path:
    numbers = [int(_SITE.fullmatch(path.name).group(1)) for path in sites(folder)]
    return folder / f"{max(numbers, default=0) + 1:06d}-{key}"


def _sync(folder: Path) -> None:
    """Flushes a folder's entries (a rename) to disk, so that a power cut keeps the new link."""
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _point(html: Path, site: Path) -> None:
    """Makes `html` a link to `site` in one atomic rename."""
    link = html.with_name(f"{LINK}{os.getpid()}")
    link.unlink(missing_ok=True)
    link.symlink_to(os.path.relpath(site, html.parent))
    reached("publish:linked")
    os.replace(link, html)
    _sync(html.parent)


def _remove_all_but(folder: Path, keep: Path | None) -> None:
    """Removes the site folders other than `keep`; none when nothing is linked."""
    if keep is None:
        return
    for site in sites(folder):
        if site.resolve() != keep.resolve():
            shutil.rmtree(site, ignore_errors=True)


def publish(books: dict[str, Path], root_page: str, key: str, html: Path,
            folder: Path, cover: Cover | None = None) -> Path:
    """Assembles the books as a new site in `folder` and makes `html` link to it; returns it.

    `key` names the site (lower-case letters and digits). Any failure before the final rename
    leaves `html` as it was; the half-made folder is removed by the next `recover`.
    """
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f"{PARTIAL}{os.getpid()}"
    try:
        assemble(books, root_page, partial, cover)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)  # give a full disk its space back now
        raise
    reached("publish:assembled")
    site = _next(folder, key[:16])
    partial.rename(site)
    reached("publish:complete")
    _point(html, site)
    reached("publish:flipped")
    _remove_all_but(folder, site)
    return site


def recover(html: Path, folder: Path) -> bool:
    """Repairs what an interrupted build left; True when it had to restore the published site."""
    build = html.parent
    if not build.is_dir():
        return False
    for link in build.glob(f"{LINK}*"):
        link.unlink(missing_ok=True)
    shutil.rmtree(build / "html.new", ignore_errors=True)
    if folder.is_dir():
        for partial in folder.glob(f"{PARTIAL}*"):
            shutil.rmtree(partial, ignore_errors=True)
    stranded = sorted(build.glob("html.old-*"), key=lambda path: path.stat().st_mtime)
    restored = False
    if html.is_dir() and not html.is_symlink():
        _adopt(html, html, folder)
    elif current(html) is None:
        good = [path for path in stranded if (path / "index.html").is_file()]
        if good:
            _adopt(good[-1], html, folder)
            restored = True
        elif sites(folder):
            _point(html, sites(folder)[-1])
            restored = True
    for path in build.glob("html.old-*"):
        shutil.rmtree(path, ignore_errors=True)
    _remove_all_but(folder, linked(html))
    return restored


def _adopt(site: Path, html: Path, folder: Path) -> None:
    """Moves a complete site folder of the older layout under `folder` and links `html` to it."""
    folder.mkdir(parents=True, exist_ok=True)
    target = _next(folder, "legacy")
    site.rename(target)
    reached("recover:moved")
    _point(html, target)
