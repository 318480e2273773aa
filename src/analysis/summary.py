"""The headline comparison: each option's annual cost, cost per contact and FTE, cheapest first.

Used by `python -m analysis summary` and the book's executive summary. It prices options only
(no Monte Carlo), so it answers in about a second.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from analysis import compare
from analysis import reference as ref
from analysis.i18n import N_, direction, fmt_money, fmt_number, translator
from analysis.model import Inputs
from analysis.names import Name, isolate, shorten

MARKET_NAMES = ref.NAMES["dedicated_hourly"]
MODEL_WITH_MARKET = N_("{model}, {market} prices")


@dataclass(frozen=True)
class HeadlineRow:
    id: str
    name: str
    annual_cost: float
    per_contact: float
    per_handled_minute: float
    fte: float
    company_fte: float
    saving: float
    """Against the in-house team, per year; negative when the option costs more."""

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def headline(inputs: Inputs, lang: str = "en") -> list[HeadlineRow]:
    """In-house, every quoting vendor, and the three sourcing models at mid reference prices."""
    scenario = compare.evaluate(inputs)
    chosen = [scenario.inhouse, *scenario.of_kind("vendor")]
    chosen += [o for o in scenario.of_kind("model") if o.id.endswith(":mid")]
    inhouse = scenario.inhouse
    rows = [
        HeadlineRow(
            id=o.id, name=option_name(o, lang), annual_cost=o.total, per_contact=o.per_contact,
            per_handled_minute=o.per_handled_minute, fte=o.fte, company_fte=o.company_fte,
            saving=compare.saving_of(o, inhouse),
        )
        for o in chosen
    ]
    return sorted(rows, key=lambda row: row.annual_cost)


def option_name(option: compare.OptionCost, lang: str) -> str:
    """A vendor's own name, or the translated name of a model or region option.

    A vendor's name is returned as a `Name` and never looked up in the catalog: a vendor called
    "In-house team" keeps that name in Arabic instead of taking the in-house row's label.
    """
    if option.kind == "vendor":
        return option.name if isinstance(option.name, Name) else Name(option.name)
    _ = translator(lang)
    if option.kind == "model":
        market = compare.spec_of(option).keys[1]
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
    widths = [max(len(str(line[i])) for line in (headers, *table)) for i in range(len(headers))]
    lines = [_("{company}: customer-service sourcing options per year").format(
        company=shown(inputs.company.name))]
    for line in (headers, *table):
        lines.append("  ".join(
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        ))
    return "\n".join(lines)
