"""`python -m analysis`: validate a workbook, print its headline comparison, size one interval,
write the blank template.

Every failure a user can cause ends in a sentence in their language and exit status 1, never a
traceback: the CLI is used by analysts, not developers.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence

from analysis import erlang, summary
from analysis.errors import AnalysisError
from analysis.i18n import LANGUAGES, fmt_number, fmt_percent, translator
from analysis.loader import load
from analysis.template import write_template


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.split(",")[0])
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check a company workbook")
    validate.add_argument("workbook")
    validate.add_argument("--lang", choices=LANGUAGES, default="en")

    headline = commands.add_parser("summary", help="annual cost, cost per contact, FTE by option")
    headline.add_argument("workbook")
    headline.add_argument("--lang", choices=LANGUAGES, default="en")
    headline.add_argument("--json", action="store_true")

    interval = commands.add_parser("staffing", help="Erlang C for one interval")
    interval.add_argument("--calls", type=float, required=True)
    interval.add_argument("--interval-minutes", type=float, required=True)
    interval.add_argument("--aht-seconds", type=float, required=True)
    interval.add_argument("--target-seconds", type=float, required=True)
    goal = interval.add_mutually_exclusive_group(required=True)
    goal.add_argument("--service-level", type=_fraction, help="e.g. 0.8 or 80")
    goal.add_argument("--agents", type=int)
    interval.add_argument("--max-occupancy", type=_fraction, default=1.0)
    interval.add_argument("--shrinkage", type=_fraction, default=0.0)
    interval.add_argument("--lang", choices=LANGUAGES, default="en")
    interval.add_argument("--json", action="store_true")

    template = commands.add_parser("template", help="write the blank company workbook")
    template.add_argument("out")
    template.add_argument("--force", action="store_true", help="replace an existing file")
    template.add_argument("--lang", choices=LANGUAGES, default="en")
    return parser


def _fraction(text: str) -> float:
    """Percentages as 0.8 or 80: the forms people type on a command line."""
    value = float(text)
    value = value / 100 if value > 1 else value
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a percentage between 0 and 100")
    return value


def _validate(args: argparse.Namespace, say: Callable[[str], None]) -> int:
    _, warnings = load(args.workbook)
    for warning in warnings:
        say(warning.render(args.lang))
    say(translator(args.lang)("The workbook is valid."))
    return 0


def _summary(args: argparse.Namespace, say: Callable[[str], None]) -> int:
    inputs, _warnings = load(args.workbook)
    rows = summary.headline(inputs)
    if args.json:
        say(json.dumps([row.as_dict() for row in rows], ensure_ascii=False, indent=2))
    else:
        say(summary.render(inputs, rows, args.lang))
    return 0


def _staffing(args: argparse.Namespace, say: Callable[[str], None]) -> int:
    _ = translator(args.lang)
    positive = (("--interval-minutes", args.interval_minutes), ("--aht-seconds", args.aht_seconds))
    not_negative = (("--calls", args.calls), ("--target-seconds", args.target_seconds))
    for name, value in positive + not_negative:
        if not value >= 0 or ((name, value) in positive and value == 0):
            raise UsageError(_("{option} must be a positive number, not {value}").format(
                option=name, value=value))
    if args.agents is not None and args.agents < 0:
        raise UsageError(_("{option} must be a positive number, not {value}").format(
            option="--agents", value=args.agents))
    interval_seconds = args.interval_minutes * 60
    if args.agents is None:
        result = erlang.solve(args.calls, args.aht_seconds, interval_seconds, args.target_seconds,
                              args.service_level, args.max_occupancy, args.shrinkage)
    else:
        result = erlang.evaluate(args.calls, args.aht_seconds, interval_seconds,
                                 args.target_seconds, args.agents, args.shrinkage)
    answer = {key: _plain(getattr(result, key)) for key in erlang.RESULT_KEYS}
    if args.json:
        say(json.dumps(answer, indent=2))
        return 0
    lang = args.lang
    lines = (
        (_("Traffic (erlangs)"), fmt_number(answer["traffic_erlangs"], lang, 2)),
        (_("Agents on the phones"), fmt_number(answer["agents"], lang)),
        (_("Scheduled agents (with shrinkage)"), fmt_number(answer["scheduled"], lang)),
        (_("Service level"), fmt_percent(answer["service_level"], lang, 1)),
        (_("Probability of waiting"), fmt_percent(answer["wait_probability"], lang, 1)),
        (_("Average speed of answer (seconds)"), fmt_number(answer["asa_seconds"], lang, 1)),
        (_("Occupancy"), fmt_percent(answer["occupancy"], lang, 1)),
    )
    width = max(len(label) for label, _value in lines)
    for label, value in lines:
        say(f"{label:<{width}}  {value}")
    return 0


def _plain(value: object) -> float | int:
    """numpy scalars and 0-d arrays to JSON numbers."""
    number = value.item() if hasattr(value, "item") else value
    return int(number) if float(number).is_integer() else float(number)


def _template(args: argparse.Namespace, say: Callable[[str], None]) -> int:
    _ = translator(args.lang)
    try:
        path = write_template(args.out, overwrite=args.force)
    except FileExistsError as error:
        raise UsageError(_("{path} already exists; use --force to replace it").format(
            path=args.out)) from error
    say(_("Wrote the blank workbook to {path}").format(path=path))
    return 0


class UsageError(AnalysisError):
    """A command-line value the user can fix; the message is already translated."""


COMMANDS = {"validate": _validate, "summary": _summary, "staffing": _staffing,
            "template": _template}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    lang = getattr(args, "lang", "en")
    try:
        return COMMANDS[args.command](args, print)
    except AnalysisError as error:
        print(error.render(lang), file=sys.stderr)
        return 1
    except OSError as error:
        print(translator(lang)("Cannot write {path}: {reason}").format(
            path=error.filename, reason=error.strerror), file=sys.stderr)
        return 1
