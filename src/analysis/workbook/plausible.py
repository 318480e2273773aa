"""Plausible ranges that need the loaded inputs: a quote's fees against what it would bill.

A minimum monthly commitment is plausible up to what the quote would bill a month for the
company's volume, and set-up and exit fees up to what it would bill a year: beyond that the fee,
not the price, sets the cost, which is worth a second look (1e15 typed for a minimum would
otherwise move the result silently). What a quote bills is priced exactly as the comparison
prices it (`costs.quote_cost` on the channel's staffing), before the minimum and the fees.
"""

from __future__ import annotations

from analysis import costs, staffing
from analysis.model import MONTHS_PER_YEAR, Inputs
from analysis.workbook import format as fmt
from analysis.workbook.cells import CellData, Cells, plausibility
from analysis.workbook.problems import Problem

_PER = {"min_monthly": 1 / MONTHS_PER_YEAR, "setup_fee": 1.0, "exit_fee": 1.0}
"""Each fee's basis as a share of the quote's annual usage charge."""


def quote_warnings(inputs: Inputs, rows: list[int], cells: Cells) -> list[Problem]:
    """Warnings for fees far above the quote's own usage charge, naming each cell."""
    if not any(q.min_monthly or q.setup_fee or q.exit_fee for q in inputs.quotes):
        return []
    by_channel = {c.channel: c for c in staffing.staff(inputs).channels}
    rates = {d.channel: d.success_rate for d in inputs.demand}
    specs = {f.key: f for f in fmt.QUOTE_FIELDS}
    warnings = []
    for row, quote in zip(rows, inputs.quotes, strict=True):
        channel = by_channel.get(quote.channel)
        if channel is None:
            continue
        usage = costs.quote_cost(
            quote, costs.Volume.of(channel), rates.get(quote.channel), inputs).usage
        factor = _to_quote_currency(inputs, cells, row)
        for key, share in _PER.items():
            spec = specs[key]
            cell = f"{spec.column}{row}"
            value = getattr(quote, key) / factor
            if not value:
                continue
            warning = plausibility(spec, value, cells.get(cell) or CellData(value), fmt.QUOTES,
                                   cell, usage * share / factor)
            if warning is not None:
                warnings.append(warning)
    return warnings


def _to_quote_currency(inputs: Inputs, cells: Cells, row: int) -> float:
    """Company currency per unit of the quote's currency (the inputs hold converted amounts)."""
    column = next(f.column for f in fmt.QUOTE_FIELDS if f.key == "currency")
    data = cells.get(f"{column}{row}")
    code = str(data.value).strip().upper() if data is not None and data.value else "USD"
    company = inputs.company
    return 1.0 if code == company.currency else company.usd_rate
