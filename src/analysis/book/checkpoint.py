"""Named points of a build where a fault-injection test can stop it.

`reached(name)` does nothing unless a hook is installed. The fault tests install one in a build
running in a subprocess and SIGKILL it (or send Ctrl-C, or change the workbook) at one of these
points, then check that the published site is the old whole book or the new whole book:

- "snapshot": the workbook has been read and copied; nothing else has been written.
- "chapters": chapter runs are under way in the worker processes.
- "render": Jupyter Book is rendering the language books in its own processes.
- "publish:assembled": the new site is complete in its hidden `.partial-<pid>` folder.
- "publish:complete": that folder has its final name, `_build/html` still links to the old site.
- "publish:linked": a new link to it exists beside `_build/html`, not yet renamed over it.
- "publish:flipped": `_build/html` links to the new site; older sites are not yet removed.
- "recover:moved": a real `_build/html` folder (the layout before links) was moved into
  `_build/sites/`, its link not yet made.
"""

from __future__ import annotations

from collections.abc import Callable

POINTS = ("snapshot", "chapters", "render", "publish:assembled", "publish:complete",
          "publish:linked", "publish:flipped", "recover:moved")

_hooks: list[Callable[[str], None]] = []


def install(hook: Callable[[str], None]) -> None:
    """Calls `hook(name)` at every point from now on (tests only)."""
    _hooks.append(hook)


def reached(name: str) -> None:
    for hook in _hooks:
        hook(name)
