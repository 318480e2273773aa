"""`python -m analysis.book`: build the book, refresh nbval's reference notebooks, extract prose.

    build --workbook PATH --langs "en ar ro"   the site in _build/html/ (exit 1, book unchanged,
                                               on a bad workbook or a failed chapter)
    refresh-notebooks                          re-run notebooks/*.ipynb in place with defaults
    messages                                   update book/locale/{ar,ro}/LC_MESSAGES/*.po
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from analysis import console
from analysis.book import maintenance, paths, pipeline, stage
from analysis.errors import AnalysisError
from analysis.i18n import LANGUAGES, translator


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis.book",
                                     description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build the book into _build/html/")
    build.add_argument("--workbook", default=str(paths.DEFAULT_WORKBOOK))
    build.add_argument("--langs", default=" ".join(LANGUAGES),
                       help='languages, space- or comma-separated, e.g. "en ar ro"')
    build.add_argument("--workers", type=int, default=2)
    build.add_argument("--lang", choices=LANGUAGES, default="en",
                       help="language of the build's own messages")
    commands.add_parser("refresh-notebooks", help="re-run the chapter notebooks with defaults")
    messages = commands.add_parser("messages", help="update the prose catalogs of the book")
    messages.add_argument("--langs", default=" ".join(LANGUAGES[1:]))
    return parser


def _languages(text: str) -> list[str]:
    return [lang for lang in text.replace(",", " ").split() if lang]


def _build(args: argparse.Namespace) -> int:
    _ = translator(args.lang)
    # From where the analyst stands; abspath, not resolve(): a link loop is the loader's to report.
    workbook = Path(os.path.abspath(Path(args.workbook).expanduser()))
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


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except AnalysisError as error:
        console.tell(error.render(getattr(args, "lang", "en")))
        return 1
    except BrokenPipeError:
        console.silence(sys.stdout)
        return 0
    except OSError as error:
        _ = translator(getattr(args, "lang", "en"))
        console.tell(_("Cannot write {path}: {reason}").format(
            path=error.filename, reason=error.strerror))
        return 1


if __name__ == "__main__":
    sys.exit(main())
