"""`python -m analysis`: validate a workbook, print its headline comparison or its uncertainty,
size one interval, write the blank template.

Every failure a user can cause ends in a sentence in their language and exit status 1, never a
traceback: the CLI is used by analysts, not developers. Output piped into a command that stops
reading (`| head -1`) ends quietly with the command's normal status (`console`).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from analysis import console, erlang, erlang_a, options, summary
from analysis import reference as ref
from analysis.errors import AnalysisError
from analysis.i18n import LANGUAGES, fmt_money, fmt_number, fmt_percent, fmt_years, translator
from analysis.model import Inputs
from analysis.uncertainty import DRAWS, SEED, THRESHOLD, analyse
from analysis.workbook import load, write_template


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.split(",")[0])
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check a company workbook")
    validate.add_argument("workbook")
    validate.add_argument("--lang", choices=LANGUAGES, default="en")

    headline = commands.add_parser(
        "summary", help="annual cost, cost per contact, FTE by option; --json adds the verdict")
    headline.add_argument("workbook")
    headline.add_argument("--lang", choices=LANGUAGES, default="en")
    headline.add_argument("--json", action="store_true")

    spread = commands.add_parser(
        "uncertainty", help="each option's chance of being the cheapest over the horizon and "
                            "its P10, P50, P90, with their standard errors")
    spread.add_argument("workbook")
    spread.add_argument("--draws", type=_draws, default=DRAWS,
                        help=f"draws of every uncertain input (default {DRAWS:,}; "
                             f"{MIN_DRAWS:,} to {MAX_DRAWS:,})")
    spread.add_argument("--seed", type=_seed, default=SEED,
                        help=f"the random seed (default {SEED}); the same seed, the same figures")
    spread.add_argument("--lang", choices=LANGUAGES, default="en")
    spread.add_argument("--json", action="store_true")

    interval = commands.add_parser(
        "staffing", help="Erlang C for one interval (Erlang A with --patience-seconds)")
    interval.add_argument("--calls", type=float, required=True)
    interval.add_argument("--interval-minutes", type=float, required=True)
    interval.add_argument("--aht-seconds", type=float, required=True)
    interval.add_argument("--target-seconds", type=float, required=True)
    goal = interval.add_mutually_exclusive_group(required=True)
    goal.add_argument("--service-level", type=_fraction,
                      help="0.8 or 80; like every percentage here, values up to 1 are fractions")
    goal.add_argument("--agents", type=int)
    interval.add_argument("--max-occupancy", type=_fraction, default=1.0)
    interval.add_argument("--shrinkage", type=_fraction, default=0.0)
    interval.add_argument(
        "--patience-seconds", type=float,
        help="callers' mean patience before hanging up (Erlang A); the service level then counts "
             "a caller who hangs up as not answered in time, and abandon_probability is added")
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


MIN_DRAWS = 100
"""Fewer draws leave the 10th and 90th percentiles without order statistics around them."""
MAX_DRAWS = 500_000
"""Memory stays under about a gigabyte: the draws, every option's present value at each and the
regressions of the value of information all hold one number per draw."""


def _draws(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not MIN_DRAWS <= value <= MAX_DRAWS:
        raise argparse.ArgumentTypeError(
            f"{text!r}: the draws must be between {MIN_DRAWS:,} and {MAX_DRAWS:,}")
    return value


def _seed(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 0 <= value < 2 ** 63:
        raise argparse.ArgumentTypeError(f"{text!r}: the seed must be 0 or more, below 2^63")
    return value


def _validate(args: argparse.Namespace, say: Callable[[str], None]) -> int:
    _, warnings = load(args.workbook)
    for warning in warnings:
        say(warning.render(args.lang))
    _ = translator(args.lang)
    say(_("The workbook is valid."))
    return 0


def _summary(args: argparse.Namespace, say: Callable[[str], None]) -> int:
    inputs, _warnings = load(args.workbook)
    if args.json:
        say(summary.dumps(summary.summary_object(inputs, args.lang)))
    else:
        say(summary.render(inputs, summary.headline(inputs, args.lang), args.lang))
    return 0


def _uncertainty(args: argparse.Namespace, say: Callable[[str], None]) -> int:
    inputs, _warnings = load(args.workbook)
    answer = uncertainty_object(inputs, args.draws, args.seed, args.lang)
    if args.json:
        say(summary.dumps(answer))
        return 0
    lang = args.lang
    _ = translator(lang)
    currency = answer["currency"]
    headers = (_("Option"), _("Chance of being the cheapest"), "P10", "P50", "P90")

    def chance(row: dict) -> str:
        if row["p_cheapest"] is None:
            return "—"
        return "{p} ± {se}".format(p=fmt_percent(row["p_cheapest"], lang, 1),
                                   se=fmt_percent(row["p_cheapest_se"], lang, 2))

    def money(row: dict, key: str) -> str:
        return "{v} ± {se}".format(v=fmt_money(row[key], currency, lang),
                                   se=fmt_money(row[f"{key}_se"], currency, lang))

    rows = [(summary.shown_name(row["name"], lang), chance(row),
             *(money(row, key) for key in ("p10", "p50", "p90")))
            for row in answer["options"]]
    widths = [max(len(line[i]) for line in (headers, *rows)) for i in range(len(headers))]
    say(_("Present value over the planning horizon of {years}, {draws} draws of every "
          "uncertain input (seed {seed}); benchmarks are no offer and never the cheapest.").format(
        years=fmt_years(answer["years"], lang), draws=fmt_number(answer["draws"], lang),
        seed=answer["seed"]))
    for line in (headers, *rows):
        say("  ".join(cell.ljust(width) if i == 0 else cell.rjust(width)
                      for i, (cell, width) in enumerate(zip(line, widths, strict=True))))
    return 0


def uncertainty_object(inputs: Inputs, draws: int, seed: int, lang: str) -> dict[str, object]:
    """What `uncertainty --json` prints: per option (cheapest most often first, benchmarks last)
    its chance of being the cheapest candidate over the horizon (None for a benchmark) and the
    P10, P50 and P90 of its present value and of its saving against today's operation, each
    with its standard error (keys ending in `_se`); the value of information per input."""
    reference = ref.load()
    found = analyse(inputs, reference, draws, seed)
    scenario = options.evaluate(inputs, reference)
    order = sorted(found.options, key=lambda o: (not o.candidate, -(o.p_cheapest or 0.0),
                                                 o.cost.p50))
    rows = [{"id": o.id, "name": summary.option_name(scenario.option(o.id), lang),
             "kind": summary.KINDS[o.kind], "p_cheapest": o.p_cheapest,
             "p_cheapest_se": o.p_cheapest_se, **o.cost.as_dict(),
             "saving_vs_today": o.saving.as_dict()} for o in order]
    top = found.most_often_cheapest
    return {
        "company": inputs.company.name,
        "currency": inputs.company.currency,
        "basis": "present_value",
        "years": inputs.company.horizon_years,
        "today_id": found.today_id,
        "draws": found.draws,
        "seed": found.seed,
        "threshold": THRESHOLD,
        "most_often_cheapest": {"id": top.id, "p_cheapest": top.p_cheapest,
                                "decided": found.decided},
        "options": rows,
        "evpi": found.evpi,
        "evppi": dict(sorted(found.evppi.items(), key=lambda item: -item[1])),
    }


def _staffing(args: argparse.Namespace, say: Callable[[str], None]) -> int:
    lang = args.lang
    _ = translator(lang)
    problem = _interval_problem(args)
    if problem:
        raise UsageError(problem)
    interval_seconds = args.interval_minutes * 60
    patience = args.patience_seconds
    if args.agents is None:
        result = erlang_a.required_agents(
            args.calls, args.aht_seconds, interval_seconds, args.target_seconds,
            args.service_level, args.max_occupancy, args.shrinkage, patience_seconds=patience)
    else:
        result = _with_agents(args.calls, args.aht_seconds, interval_seconds,
                              args.target_seconds, args.agents, args.shrinkage, patience)
    keys = RESULT_KEYS + (() if patience is None else ("abandon_probability",))
    answer = {key: _plain(getattr(result, key)) for key in keys}
    if args.json:
        say(json.dumps(answer, indent=2))
        return 0
    if answer["asa_seconds"] is None and args.calls > 0:
        say(_("With {agents} agents the queue never clears: calls arrive faster than they are "
              "handled.").format(agents=args.agents))
    shown = {
        "traffic_erlangs": (_("Traffic (erlangs)"), lambda v: fmt_number(v, lang, 2)),
        "agents": (_("Agents on the phones"), lambda v: fmt_number(v, lang)),
        "scheduled": (_("Scheduled agents (with shrinkage)"), lambda v: fmt_number(v, lang)),
        "service_level": (_("Service level"), lambda v: fmt_percent(v, lang, 1)),
        "wait_probability": (_("Probability of waiting"), lambda v: fmt_percent(v, lang, 1)),
        "asa_seconds": (_("Average speed of answer (seconds)"), lambda v: fmt_number(v, lang, 1)),
        "occupancy": (_("Occupancy"), lambda v: fmt_percent(v, lang, 1)),
        "abandon_probability": (_("Probability of hanging up before an answer"),
                                lambda v: fmt_percent(v, lang, 1)),
    }
    lines = [(label, "—" if answer[key] is None else show(answer[key]))
             for key, (label, show) in shown.items() if key in answer]
    width = max(len(label) for label, _value in lines)
    for label, value in lines:
        say(f"{label:<{width}}  {value}")
    return 0


MAX_PATIENCE = 86_400
"""A day: callers more patient than that are Erlang C's (leave the option out)."""
MAX_TRAFFIC_ERLANGS = 10_000
"""Beyond this one interval is not one queue any more (and the agent search would run long)."""


def _interval_problem(args: argparse.Namespace) -> str | None:
    """The first command-line value `staffing` cannot work with, as a translated sentence."""
    _ = translator(args.lang)
    checks = (
        ("--calls", args.calls, 0, False), ("--interval-minutes", args.interval_minutes, 0, True),
        ("--aht-seconds", args.aht_seconds, 0, True),
        ("--target-seconds", args.target_seconds, 0, False),
    )
    for option, value, low, strict in checks:
        if not math.isfinite(value) or value < low or (strict and value == low):
            rule = _("a number above 0") if strict else _("a number of 0 or more")
            return _("{option} must be {rule}, not {value}").format(
                option=option, rule=rule, value=value)
    if args.agents is not None and not 0 <= args.agents <= 2 * MAX_TRAFFIC_ERLANGS:
        return _("--agents must be between 0 and {most}, not {value}").format(
            most=2 * MAX_TRAFFIC_ERLANGS, value=args.agents)
    if args.service_level is not None and args.service_level >= 1:
        return _("--service-level must be below 100%: no queue answers every call in time")
    if args.max_occupancy == 0 or args.shrinkage >= 1:
        return _("--max-occupancy must be above 0 and --shrinkage below 100%")
    patience = args.patience_seconds
    if patience is not None and not (math.isfinite(patience) and 0 < patience <= MAX_PATIENCE):
        return _("--patience-seconds must be above 0 and at most {most}, not {value}").format(
            most=MAX_PATIENCE, value=patience)
    traffic = args.calls * args.aht_seconds / (args.interval_minutes * 60)
    if traffic > MAX_TRAFFIC_ERLANGS:
        return _("{traffic} erlangs is more than one queue can hold (at most {most}); split the "
                 "interval or the calls").format(traffic=round(traffic), most=MAX_TRAFFIC_ERLANGS)
    return None


RESULT_KEYS = ("traffic_erlangs", "agents", "scheduled", "service_level", "wait_probability",
               "asa_seconds", "occupancy")


def _with_agents(calls: float, aht_seconds: float, interval_seconds: float,
                 target_seconds: float, agents: int, shrinkage: float,
                 patience_seconds: float | None) -> erlang_a.ErlangAResult:
    """What a given number of agents achieves, rather than how many a target needs."""
    traffic = erlang.traffic_erlangs(calls, aht_seconds, interval_seconds)
    found = erlang_a.metrics(agents, traffic, aht_seconds, target_seconds, patience_seconds)
    return erlang_a.ErlangAResult(
        traffic_erlangs=traffic, agents=np.asarray(agents),
        scheduled=erlang.scheduled(agents, shrinkage), **found,
    )


def _plain(value: object) -> float | int | None:
    """numpy scalars and 0-d arrays to JSON numbers; NaN and infinity (no calls, a queue that
    never clears) to null."""
    number = float(np.asarray(value))
    if not math.isfinite(number):
        return None
    return int(number) if number.is_integer() else number


def _template(args: argparse.Namespace, say: Callable[[str], None]) -> int:
    _ = translator(args.lang)
    if Path(args.out).suffix.lower() != ".xlsx":
        raise UsageError(_("{path}: the workbook's name must end in .xlsx").format(path=args.out))
    try:
        path = write_template(args.out, overwrite=args.force)
    except FileExistsError as error:
        raise UsageError(_("{path} already exists; use --force to replace it").format(
            path=args.out)) from error
    say(_("Wrote the blank workbook to {path}").format(path=path))
    return 0


class UsageError(AnalysisError):
    """A command-line value the user can fix; the message is already translated."""


COMMANDS = {"validate": _validate, "summary": _summary, "uncertainty": _uncertainty,
            "staffing": _staffing, "template": _template}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    lang = getattr(args, "lang", "en")
    try:
        return COMMANDS[args.command](args, console.say)
    except AnalysisError as error:
        console.tell(error.render(lang))
        return 1
    except BrokenPipeError:
        console.silence(sys.stdout)
        return 0
    except OSError as error:  # only `template` writes a file
        _ = translator(lang)
        console.tell(_("Cannot write {path}: {reason}").format(
            path=error.filename, reason=error.strerror))
        return 1
    except Exception as error:  # noqa: BLE001 - the last guard between a bug and an analyst
        if os.environ.get("ANALYSIS_DEBUG"):
            raise
        _ = translator(lang)
        console.tell(_("Internal error ({kind}): {detail}. Set ANALYSIS_DEBUG=1 to see where, "
                       "and please report it.").format(kind=type(error).__name__, detail=error))
        return 2
