"""`python -m analysis.book`: build the book, refresh nbval's reference notebooks, extract prose.

    build --workbook PATH --langs "en ar ro"   the site in _build/html/ (exit 1, book unchanged,
                                               on a bad workbook, a failed chapter, an unwritable
                                               or full output folder, or another build running;
                                               exit 130 when stopped by Ctrl-C or SIGTERM)
    refresh-notebooks                          re-run notebooks/*.ipynb in place with defaults
    messages                                   update book/locale/{ar,ro}/LC_MESSAGES/*.po

`--workbook` and `--langs` default to the environment variables BOOK_WORKBOOK and BOOK_LANGS:
that is how `make book` hands over WORKBOOK and LANGS, as data that no shell or make ever reads.
Every failure ends with one message in the `--lang` language and no traceback.
"""

from __future__ import annotations

import argparse
import errno
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from analysis import console
from analysis.book import maintenance, paths, pipeline, publish, stage
from analysis.errors import AnalysisError
from analysis.i18n import LANGUAGES, N_, translator

DISK_REASONS = {
    errno.ENOSPC: N_("the disk is full"),
    errno.EDQUOT: N_("the disk quota is used up"),
    errno.EROFS: N_("the folder is read-only"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("permission denied"),
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis.book",
                                     description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build the book into _build/html/")
    build.add_argument("--workbook",
                       default=os.environ.get("BOOK_WORKBOOK", str(paths.DEFAULT_WORKBOOK)),
                       help="the company's workbook (default: $BOOK_WORKBOOK, else the example)")
    build.add_argument("--langs", default=os.environ.get("BOOK_LANGS", " ".join(LANGUAGES)),
                       help='languages, space- or comma-separated, e.g. "en ar ro" '
                            "(default: $BOOK_LANGS, else all)")
    build.add_argument("--workers", default="2",
                       help="chapter runs and language books at once (a whole number, at least 1)")
    build.add_argument("--lang", choices=LANGUAGES, default="en",
                       help="language of the build's own messages")
    commands.add_parser("refresh-notebooks", help="re-run the chapter notebooks with defaults")
    messages = commands.add_parser("messages", help="update the prose catalogs of the book")
    messages.add_argument("--langs", default=" ".join(LANGUAGES[1:]))
    return parser


def _languages(text: str) -> list[str]:
    return [lang for lang in text.replace(",", " ").split() if lang]


def _stop(signum: int, frame: object) -> NoReturn:
    """SIGTERM ends a build the way Ctrl-C does: workers stopped, the site left whole."""
    raise KeyboardInterrupt


def _build(args: argparse.Namespace) -> int:
    _ = translator(args.lang)
    signal.signal(signal.SIGTERM, _stop)
    # From where the analyst stands; abspath, not resolve(): a link loop is the loader's to report.
    # An empty value stays empty, to be refused as such.
    workbook = (Path(os.path.abspath(Path(args.workbook).expanduser()))
                if args.workbook.strip() else "")
    report = pipeline.build(workbook, _languages(args.langs), say=console.say,
                            workers=args.workers, message_lang=args.lang)
    console.say(_("{executed} notebook(s) executed, {books} language book(s) rendered, {state} "
            "in {seconds} s: {path}").format(
        executed=report.executed, books=len(report.rendered),
        state=_("site updated") if report.published else _("site unchanged"),
        seconds=f"{report.seconds:.1f}", path=paths.HTML_DIR / "index.html"))
    return 0


def _refresh(_args: argparse.Namespace) -> int:
    notebooks = stage.chapter_notebooks()
    for count, notebook in enumerate(notebooks, start=1):
        seconds = maintenance.refresh_notebook(notebook)
        console.say(f"[{count}/{len(notebooks)}] {notebook.name} {seconds:.1f} s")
    return 0


def _messages(args: argparse.Namespace) -> int:
    maintenance.extract_messages(_languages(args.langs))
    return 0


COMMANDS = {"build": _build, "refresh-notebooks": _refresh, "messages": _messages}


def disk_message(error: OSError, lang: str) -> str:
    """One sentence for an output folder that cannot be written: where, and why in words."""
    _ = translator(lang)
    reason = DISK_REASONS.get(error.errno or 0)
    return _("Cannot write to {path}: {reason}. The published book was not changed.").format(
        path=error.filename or paths.BUILD_DIR,
        reason=_(reason) if reason else (error.strerror or type(error).__name__))


def stopped_message(lang: str) -> str:
    _ = translator(lang)
    if publish.current(paths.HTML_DIR) is None and not paths.HTML_DIR.is_dir():
        return _("Build stopped: no book has been published yet.")
    return _("Build stopped: {path} still holds the last complete book.").format(
        path=paths.HTML_DIR)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    lang = getattr(args, "lang", "en")
    try:
        return COMMANDS[args.command](args)
    except AnalysisError as error:
        console.tell(error.render(lang))
        return 1
    except KeyboardInterrupt:
        console.tell(stopped_message(lang))
        return 130
    except BrokenPipeError:
        console.silence(sys.stdout)
        return 0
    except OSError as error:
        console.tell(disk_message(error, lang))
        return 1


if __name__ == "__main__":
    sys.exit(main())
