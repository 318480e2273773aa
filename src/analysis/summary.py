"""The headline comparison: each option's cost over the planning horizon (present value, NPV
against today's operation, payback) beside its steady-state year (annual cost, cost per contact,
FTE), cheapest over the horizon first.

Used by `python -m analysis summary` and the book's executive summary. The table prices options
only (no Monte Carlo), so it answers in about a second; `summary --json` adds the verdict and
each option's chance of being the cheapest, which run the whole comparison (`compare.compare`,
50,000 draws of every uncertain input, about two seconds more). Benchmarks (published price
ranges) are shown apart from the in-house team and the vendors that quoted: like with like.
"""

from __future__ import annotations

import json
import math
import textwrap
from dataclasses import asdict, dataclass

from analysis import compare, options
from analysis import reference as ref
from analysis.horizon import Horizon, current_id, evaluate_horizon
from analysis.i18n import N_, direction, fmt_money, fmt_number, fmt_percent, fmt_years, translator
from analysis.model import MONTHS_PER_YEAR, Inputs
from analysis.names import Name, isolate, shorten, strip_isolates

MARKET_NAMES = ref.NAMES["dedicated_hourly"]
MODEL_WITH_MARKET = N_("{model}, {market} prices")
MARKET_NOTES = {
    ref.INTERNATIONAL: N_("International prices: the published range for low-cost international "
                          "agencies, from the article “{source}”."),
    ref.USA_CANADA: N_("USA/Canada prices: the published range for call centres in the USA and "
                       "Canada, from the article “{source}”."),
}
"""What a benchmark's market means, in words, for readers of the summary; `{source}` is the
title of the document its prices come from (`market_source`)."""
BENCHMARKS_HEADING = N_("Benchmarks: published price ranges, not offers")
OFFERS_HEADING = N_("Your team and the vendors that quoted")

FORMAT = 2
"""The version of the `summary --json` object (documented in the README). Later versions add
keys; none is ever renamed, removed or given another shape or unit. Version 2 added the horizon:
`horizon`, the verdict's `pv_saving`, `pv_range`, `npv` and `payback_month`, and per option
`present_value`,
`npv`, `payback_month` and `annual_cost_by_year`; then the uncertainty (issue 13, same version:
keys added, none reshaped): the verdict's `p_cheapest` and `threshold`, per option `p_cheapest`
and `p_cheapest_se`."""

KINDS = {"inhouse": "inhouse", "vendor": "vendor", "model": "benchmark", "region": "benchmark"}
"""An option's kind for readers of the JSON: the company's own team, a vendor's quote, or a
benchmark priced from a published range (seed 001), which is not an offer."""


@dataclass(frozen=True)
class HeadlineRow:
    id: str
    name: str
    kind: str
    """"inhouse", "vendor" or "benchmark" (see `KINDS`)."""
    annual_cost: float
    per_contact: float
    per_handled_minute: float
    fte: float
    company_fte: float
    saving: float
    """Against the in-house team, per year; negative when the option costs more."""
    present_value: float
    """Everything the option costs over the horizon from today's operation, discounted."""
    npv: float
    """Today's operation's present value minus this one: positive when the option saves."""
    payback_month: int | None
    """The first month whose cumulative saving against today's operation is zero or more."""
    annual_cost_by_year: tuple[float, ...]
    """Each year of the horizon, nominal, one-offs included."""

    def as_dict(self) -> dict[str, object]:
        """The row for the JSON: a cost per unit is None (null) when there are no units."""
        return asdict(self) | {"per_contact": defined(self.per_contact),
                               "per_handled_minute": defined(self.per_handled_minute),
                               "annual_cost_by_year": list(self.annual_cost_by_year)}


def defined(value: float) -> float | None:
    """None for a number that has no value (NaN: nothing to divide by), so JSON says null."""
    return None if math.isnan(value) else value


def headline(inputs: Inputs, lang: str = "en", scenario: options.Scenario | None = None,
             horizon: Horizon | None = None) -> list[HeadlineRow]:
    """In-house, every quoting vendor, and the three sourcing models at mid reference prices,
    cheapest over the horizon (present value) first.

    `scenario` is the inputs' options already priced (`options.evaluate`) and `horizon` those laid
    out over the years (`horizon.evaluate_horizon`), if at hand.
    """
    scenario = scenario or options.evaluate(inputs)
    horizon = horizon or evaluate_horizon(scenario)
    chosen = [scenario.inhouse, *scenario.of_kind("vendor")]
    chosen += [o for o in scenario.of_kind("model") if o.id.endswith(":mid")]
    inhouse = scenario.inhouse
    rows = []
    for o in chosen:
        years = horizon.option(o.id)
        rows.append(HeadlineRow(
            id=o.id, name=option_name(o, lang), kind=KINDS[o.kind], annual_cost=o.total,
            per_contact=o.per_contact, per_handled_minute=o.per_handled_minute, fte=o.fte,
            company_fte=o.company_fte, saving=options.saving_of(o, inhouse),
            present_value=years.present_value, npv=years.npv,
            payback_month=years.payback_month,
            annual_cost_by_year=tuple(float(c) for c in years.annual_cost_by_year),
        ))
    return sorted(rows, key=lambda row: row.present_value)


def offers_and_benchmarks(rows: list[HeadlineRow]) -> tuple[list[HeadlineRow],
                                                             list[HeadlineRow]]:
    """The rows split like with like: in-house and vendors, then benchmarks; each cheapest
    first."""
    return ([row for row in rows if row.kind != "benchmark"],
            [row for row in rows if row.kind == "benchmark"])


BENCHMARK_TERMS = N_(
    "Each benchmark carries typical contract terms (an assumption, see the methodology): a "
    "set-up fee of {months} × its expected monthly charges, spread over the planning horizon, "
    "and a minimum commitment of {share} of those monthly charges.")


def benchmark_term_values(inputs: Inputs, lang: str) -> dict[str, str]:
    """The figures `BENCHMARK_TERMS` names, in the reader's number format."""
    months = inputs.assumptions.benchmark_setup_months
    return {"months": fmt_number(months, lang, 0 if float(months).is_integer() else 1),
            "share": fmt_percent(inputs.assumptions.benchmark_minimum_share, lang)}


def market_source(market: str) -> str:
    """The document a market's benchmark prices come from (sources.csv's `document`)."""
    return ref.load().dedicated(market).source


def benchmark_terms(inputs: Inputs, lang: str) -> str:
    """How the benchmarks are priced, in words: their markets, the document their prices come
    from (by title) and their typical terms."""
    _ = translator(lang)
    notes = " ".join(_(note).format(source=ref.source_title(market_source(market))[0])
                     for market, note in MARKET_NOTES.items())
    return notes + " " + _(BENCHMARK_TERMS).format(**benchmark_term_values(inputs, lang))


def summary_object(inputs: Inputs, lang: str = "en") -> dict[str, object]:
    """What `summary --json` prints: the company, the horizon, the verdict and the headline
    options.

    Amounts are in the company's currency: a steady-state year (`annual_cost`, `saving`, the
    verdict's `annual_saving` and range), the present value over the horizon (`present_value`,
    `pv_saving`, `npv`) or each year's nominal cost (`annual_cost_by_year`). `saving` is against
    the in-house team, `npv` against today's operation, both positive when the option costs less;
    shares and rates are fractions. The shape is `FORMAT` 2, keys and units as documented in the
    README.
    """
    comparison = compare.compare(inputs)
    rec, spread, years = comparison.recommendation, comparison.monte_carlo, comparison.horizon
    verdict = {
        "code": rec.verdict,
        "option_id": rec.option_id,
        "best_outsourced_id": rec.best_outsourced_id,
        "annual_saving": rec.annual_saving,
        "saving_share": defined(rec.saving_share),
        "saving_range": {"p10": spread.p10, "p50": spread.p50, "p90": spread.p90,
                         "draws": len(spread.savings), "seed": spread.seed},
        "pv_saving": rec.pv_saving,
        "pv_range": {"p10": rec.pv_range[0], "p90": rec.pv_range[1]},
        "npv": rec.npv,
        "payback_month": rec.payback_month,
        "p_cheapest": rec.p_cheapest,
        "threshold": rec.threshold,
    }
    plan = inputs.years
    exit_month = MONTHS_PER_YEAR * plan.exit_year + 1 if plan.exit_year else None
    horizon = {
        "basis": "present_value",
        "years": years.years,
        "discount_rate": plan.discount_rate,
        "today_id": years.today_id,
        "exit_year": plan.exit_year if exit_month and exit_month <= years.months else None,
    }
    rows = headline(inputs, lang, comparison.scenario, years)
    return {
        "format": FORMAT,
        "company": inputs.company.name,
        "currency": inputs.company.currency,
        "horizon": horizon,
        "verdict": verdict,
        "options": [row.as_dict() | _chance(comparison, row.id) for row in rows],
    }


def _chance(comparison: compare.Comparison, option_id: str) -> dict[str, float | None]:
    """An option's probability of being the cheapest over the horizon and its standard error;
    None for a benchmark, which is no offer and never a candidate."""
    risk = comparison.uncertainty.option(option_id)
    return {"p_cheapest": risk.p_cheapest, "p_cheapest_se": risk.p_cheapest_se}


def dumps(answer: dict[str, object]) -> str:
    """JSON text of `summary_object`. NaN or infinity anywhere raises ValueError: undefined
    numbers must have been made None on purpose, never printed as JSON that strict parsers
    refuse."""
    return json.dumps(answer, ensure_ascii=False, indent=2, allow_nan=False)


def option_name(option: options.OptionCost, lang: str) -> str:
    """A vendor's own name, or the translated name of the in-house team or of a model or region
    benchmark.

    A vendor's name is returned as a `Name` and never looked up in the catalog: a vendor called
    "In-house team" keeps that name in Arabic instead of taking the in-house row's label.
    """
    if option.kind == "vendor":
        return option.name if isinstance(option.name, Name) else Name(option.name)
    _ = translator(lang)
    if option.kind == "model":
        market = options.spec_of(option).keys[1]
        return _(MODEL_WITH_MARKET).format(model=_(option.name), market=_(MARKET_NAMES[market]))
    return _(option.name)


def shown_name(name: str, lang: str) -> str:
    """A name for the terminal: one from the workbook shortened to `names.MAX_SHOWN` characters
    and, in right-to-left text, isolated; our own words as they are."""
    if not isinstance(name, Name):
        return name
    return isolate(shorten(name)) if direction(lang) == "rtl" else shorten(name)


DASH = "—"
"""A cell with nothing to say (the book's tables use it too)."""


def payback_text(month: int | None, lang: str, today: bool = False) -> str:
    """A payback month as the reader sees it: a dash for today's operation (it has no change to
    pay back; `horizon` counts it as month 1), "never" when no month of the horizon reaches it,
    else the month."""
    if today:
        return DASH
    _ = translator(lang)
    return _("never") if month is None else fmt_number(month, lang)


def render(inputs: Inputs, rows: list[HeadlineRow], lang: str) -> str:
    """A plain-text table for the terminal, in the reader's language and number formats.

    Names from the workbook are shortened to `names.MAX_SHOWN` characters and, in right-to-left
    text, isolated (`--json` keeps them whole).
    """
    _ = translator(lang)
    currency = inputs.company.currency
    years = inputs.company.horizon_years
    today = current_id(inputs)

    def shown(name: str) -> str:
        return shown_name(name, lang)

    headers = (_("Option"), _("Present value, {years}").format(
        years=fmt_years(years, lang)), _("NPV against today"), _("Payback month"),
        _("Annual cost"), _("Per contact"), _("FTE"), _("Saving vs in-house"))
    table = [
        (shown(row.name), fmt_money(row.present_value, currency, lang),
         fmt_money(row.npv, currency, lang),
         payback_text(row.payback_month, lang, row.id == today),
         fmt_money(row.annual_cost, currency, lang),
         fmt_money(row.per_contact, currency, lang, 2), fmt_number(row.fte, lang, 1),
         fmt_money(row.saving, currency, lang))
        for row in rows
    ]
    def width(cell: str) -> int:  # directional isolates take no room on screen
        return len(strip_isolates(cell))

    widths = [max(width(str(line[i])) for line in (headers, *table)) for i in range(len(headers))]

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(
            cell + " " * (wide - width(cell)) if i == 0 else " " * (wide - width(cell)) + cell
            for i, (cell, wide) in enumerate(zip(cells, widths, strict=True)))

    offers, benchmarks = offers_and_benchmarks(rows)
    position = {id(row): cells for row, cells in zip(rows, table, strict=True)}
    lines = [_("{company}: customer-service sourcing options, cheapest over the planning "
               "horizon of {years} first; annual figures are for a steady-state year").format(
        company=shown(inputs.company.name), years=fmt_years(years, lang)),
        "", _(OFFERS_HEADING), line(headers)]
    lines += [line(position[id(row)]) for row in offers]
    if benchmarks:
        lines += ["", _(BENCHMARKS_HEADING)]
        lines += [line(position[id(row)]) for row in benchmarks]
        lines += ["", *textwrap.wrap(benchmark_terms(inputs, lang), 100)]
    return "\n".join(lines)
