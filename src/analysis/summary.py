"""The headline comparison: each option's annual cost, cost per contact and FTE, cheapest first.

Used by `python -m analysis summary` and the book's executive summary. The table prices options
only (no Monte Carlo), so it answers in about a second; `summary --json` adds the verdict, which
runs the whole comparison (`compare.compare`, about a second more).
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass

from analysis import compare, options
from analysis import reference as ref
from analysis.i18n import N_, direction, fmt_money, fmt_number, translator
from analysis.model import Inputs
from analysis.names import Name, isolate, shorten, strip_isolates

MARKET_NAMES = ref.NAMES["dedicated_hourly"]
MODEL_WITH_MARKET = N_("{model}, {market} prices")

FORMAT = 1
"""The version of the `summary --json` object (documented in the README). Later versions add
keys; none is ever renamed, removed or given another shape or unit."""

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

    def as_dict(self) -> dict[str, object]:
        """The row for the JSON: a cost per unit is None (null) when there are no units."""
        return asdict(self) | {"per_contact": defined(self.per_contact),
                               "per_handled_minute": defined(self.per_handled_minute)}


def defined(value: float) -> float | None:
    """None for a number that has no value (NaN: nothing to divide by), so JSON says null."""
    return None if math.isnan(value) else value


def headline(inputs: Inputs, lang: str = "en",
             scenario: options.Scenario | None = None) -> list[HeadlineRow]:
    """In-house, every quoting vendor, and the three sourcing models at mid reference prices.

    `scenario` is the inputs' options already priced (`options.evaluate`), if at hand.
    """
    scenario = scenario or options.evaluate(inputs)
    chosen = [scenario.inhouse, *scenario.of_kind("vendor")]
    chosen += [o for o in scenario.of_kind("model") if o.id.endswith(":mid")]
    inhouse = scenario.inhouse
    rows = [
        HeadlineRow(
            id=o.id, name=option_name(o, lang), kind=KINDS[o.kind], annual_cost=o.total,
            per_contact=o.per_contact, per_handled_minute=o.per_handled_minute, fte=o.fte,
            company_fte=o.company_fte, saving=options.saving_of(o, inhouse),
        )
        for o in chosen
    ]
    return sorted(rows, key=lambda row: row.annual_cost)


def summary_object(inputs: Inputs, lang: str = "en") -> dict[str, object]:
    """What `summary --json` prints: the company, the verdict and the headline options.

    Amounts are a year in the company's currency; a saving is against the in-house team and
    positive when the option costs less; shares are fractions. The shape is `FORMAT` 1, keys and
    units as documented in the README.
    """
    comparison = compare.compare(inputs)
    rec, spread = comparison.recommendation, comparison.monte_carlo
    verdict = {
        "code": rec.verdict,
        "option_id": rec.option_id,
        "best_outsourced_id": rec.best_outsourced_id,
        "annual_saving": rec.annual_saving,
        "saving_share": defined(rec.saving_share),
        "saving_range": {"p10": spread.p10, "p50": spread.p50, "p90": spread.p90,
                         "draws": len(spread.savings), "seed": spread.seed},
    }
    rows = headline(inputs, lang, comparison.scenario)
    return {
        "format": FORMAT,
        "company": inputs.company.name,
        "currency": inputs.company.currency,
        "verdict": verdict,
        "options": [row.as_dict() for row in rows],
    }


def dumps(answer: dict[str, object]) -> str:
    """JSON text of `summary_object`. NaN or infinity anywhere raises ValueError: undefined
    numbers must have been made None on purpose, never printed as JSON that strict parsers
    refuse."""
    return json.dumps(answer, ensure_ascii=False, indent=2, allow_nan=False)


def option_name(option: options.OptionCost, lang: str) -> str:
    """A vendor's own name, or the translated name of a model or region option.

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


def render(inputs: Inputs, rows: list[HeadlineRow], lang: str) -> str:
    """A plain-text table for the terminal, in the reader's language and number formats.

    Names from the workbook are shortened to `names.MAX_SHOWN` characters and, in right-to-left
    text, isolated (`--json` keeps them whole).
    """
    _ = translator(lang)
    currency = inputs.company.currency

    def shown(name: str) -> str:
        if not isinstance(name, Name):
            return name
        return isolate(shorten(name)) if direction(lang) == "rtl" else shorten(name)

    headers = (_("Option"), _("Annual cost"), _("Per contact"), _("FTE"),
               _("Saving vs in-house"))
    table = [
        (shown(row.name), fmt_money(row.annual_cost, currency, lang),
         fmt_money(row.per_contact, currency, lang, 2), fmt_number(row.fte, lang, 1),
         fmt_money(row.saving, currency, lang))
        for row in rows
    ]
    def width(cell: str) -> int:  # directional isolates take no room on screen
        return len(strip_isolates(cell))

    widths = [max(width(str(line[i])) for line in (headers, *table)) for i in range(len(headers))]
    lines = [_("{company}: customer-service sourcing options per year").format(
        company=shown(inputs.company.name))]
    for line in (headers, *table):
        lines.append("  ".join(
            cell + " " * (wide - width(cell)) if i == 0 else " " * (wide - width(cell)) + cell
            for i, (cell, wide) in enumerate(zip(line, widths, strict=True))
        ))
    return "\n".join(lines)
