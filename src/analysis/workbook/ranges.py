"""The inputs that can carry a range (the workbook's Ranges sheet, format v2), and where each one's
value sits in `Inputs`.

An uncertain input has an id: the key of its kind alone ("annual_salary"), or with the channel
("monthly_contacts:chat") or the vendor ("vendor_prices:Cairo Contact Centre") it belongs to.
`likely` reads the workbook's own value of an input (the likeliest value of its range), in the
model's units, or None when the input plays no part for this company (a channel without volume,
a patience nobody gave, a vendor whose quotes do not use its shrinkage); `with_value` returns the
inputs with that one value changed. `uncertainty` draws the values; the scalar check of its
engine (`uncertainty.scalar`) applies them here, so the engine and the normal pricing read and
move every input the same way.

Left out on purpose, each a choice the company makes rather than an estimate of the world: the
maximum occupancy, the service targets and opening hours, the spans of control, the discount
rate and the billing basis (a contract term, shown as scenarios in chapter 05); and the chats an
agent handles at once (the routing's setting: what is uncertain is how much longer each chat
then takes, `aht_growth_per_chat`).
"""

from __future__ import annotations

from dataclasses import replace

from analysis.model import BillingBasis, ChannelDemand, Inputs, PricingModel, VendorQuote
from analysis.workbook import format as fmt
from analysis.workbook.format import VENDOR_PRICES, VENDOR_SHRINKAGE, RangeKind, Scope

__all__ = ["VENDOR_PRICES", "VENDOR_SHRINKAGE", "RangeKind", "Scope", "input_id", "kind_of",
           "likely", "target_of", "uses_shrinkage", "with_value"]

_BY_KEY = {kind.key: kind for kind in fmt.RANGE_KINDS}
_MANAGERS = ("operations_manager_salary", "quality_analyst_salary", "planner_salary")
_RETAINED = ("manager_salary", "qa_per_month")


def kind_of(input_id_: str) -> RangeKind:
    """The kind of an input id (KeyError for an unknown one)."""
    return _BY_KEY[input_id_.split(":", 1)[0]]


def target_of(input_id_: str) -> str | None:
    """The channel value or vendor name an input id names, if any."""
    _, _, target = input_id_.partition(":")
    return target or None


def input_id(key: str, target: str | None = None) -> str:
    return f"{key}:{target}" if target else key


def _demand_of(inputs: Inputs, channel: str) -> ChannelDemand | None:
    return next((d for d in inputs.demand if d.channel.value == channel), None)


def _vendor_quotes(inputs: Inputs, vendor: str) -> list[int]:
    return [i for i, q in enumerate(inputs.quotes) if q.vendor == vendor]


def uses_shrinkage(model: PricingModel, basis: BillingBasis | None) -> bool:
    """Whether a quote's price depends on the vendor's shrinkage: paid hours, monthly agents."""
    return basis is BillingBasis.PAID or model is PricingModel.MONTHLY_PER_AGENT


def _shrinkage_quotes(inputs: Inputs, vendor: str) -> list[int]:
    return [i for i in _vendor_quotes(inputs, vendor)
            if uses_shrinkage(inputs.quotes[i].model, inputs.quotes[i].basis)]


def likely(inputs: Inputs, input_id_: str) -> float | None:
    """The workbook's own value of an input, in the model's units; None when the input plays no
    part for this company (see the module docstring). A vendor's prices are 1 (as quoted); a
    vendor's shrinkage is that of its first quote that uses one (its own, else the company's)."""
    kind, target = kind_of(input_id_), target_of(input_id_)
    if kind.scope is Scope.CHANNEL:
        demand = _demand_of(inputs, target or "")
        if demand is None or demand.channel not in kind.channels:
            return None
        value = getattr(demand, kind.key)
        if kind.key == "aht_growth_per_chat" and demand.chats_per_agent == 1:
            return None
        return None if value is None else float(value)
    if kind.scope is Scope.VENDOR:
        if kind.key == VENDOR_PRICES:
            return 1.0 if _vendor_quotes(inputs, target or "") else None
        used = _shrinkage_quotes(inputs, target or "")
        if not used:
            return None
        own = inputs.quotes[used[0]].vendor_shrinkage
        return inputs.inhouse.shrinkage if own is None else own
    if kind.key in _RETAINED:
        return float(getattr(inputs.retained, kind.key))
    if kind.key in _MANAGERS:
        return float(inputs.inhouse.manager_salaries[_MANAGERS.index(kind.key)])
    if kind.field.sheet == fmt.INHOUSE:
        return float(getattr(inputs.inhouse, kind.key))
    if kind.field.sheet == fmt.COMPANY:
        return float(inputs.company.usd_rate)
    return float(getattr(inputs.years, kind.key))


def with_value(inputs: Inputs, input_id_: str, value: float) -> Inputs:
    """The inputs with one input set to `value` (model units), everything else as it was.

    Monthly contacts carry the customers along (their ratio is kept). The exchange rate moves
    every amount quoted in US dollars with it (the loader converted them at the workbook's rate).
    A vendor's prices multiply all its amounts: rates, commissions, minimums and fees. A vendor's
    shrinkage sets each of its quotes that use one to its own (or the company's) shrinkage times
    `value / likely`.
    """
    kind, target = kind_of(input_id_), target_of(input_id_)
    if kind.scope is Scope.CHANNEL:
        demand = tuple(_demand_value(d, kind.key, value) if d.channel.value == target else d
                       for d in inputs.demand)
        return replace(inputs, demand=demand)
    if kind.scope is Scope.VENDOR:
        return _vendor_value(inputs, kind.key, target or "", value)
    if kind.key in _RETAINED:
        return replace(inputs, retained=replace(inputs.retained, **{kind.key: value}))
    if kind.field.sheet == fmt.INHOUSE:
        return replace(inputs, inhouse=replace(inputs.inhouse, **{kind.key: value}))
    if kind.field.sheet == fmt.COMPANY:
        factor = value / inputs.company.usd_rate
        quotes = tuple(_scaled(q, factor) if q.currency not in (None, inputs.company.currency)
                       else q for q in inputs.quotes)
        return replace(inputs, company=replace(inputs.company, usd_rate=value), quotes=quotes)
    return replace(inputs, years=replace(inputs.years, **{kind.key: value}))


def _demand_value(demand: ChannelDemand, key: str, value: float) -> ChannelDemand:
    if key == "monthly_contacts":
        customers = demand.customers
        if customers is not None and demand.monthly_contacts:
            customers = customers * value / demand.monthly_contacts
        return replace(demand, monthly_contacts=value, customers=customers)
    return replace(demand, **{key: value})


def _scaled(quote: VendorQuote, factor: float) -> VendorQuote:
    return replace(quote, rate=quote.rate * factor,
                   commission_per_success=quote.commission_per_success * factor,
                   min_monthly=quote.min_monthly * factor, setup_fee=quote.setup_fee * factor,
                   exit_fee=quote.exit_fee * factor)


def _vendor_value(inputs: Inputs, key: str, vendor: str, value: float) -> Inputs:
    quotes = list(inputs.quotes)
    if key == VENDOR_PRICES:
        for i in _vendor_quotes(inputs, vendor):
            quotes[i] = _scaled(quotes[i], value)
    else:
        base = likely(inputs, input_id(key, vendor))
        for i in _shrinkage_quotes(inputs, vendor):
            own = quotes[i].vendor_shrinkage
            own = inputs.inhouse.shrinkage if own is None else own
            quotes[i] = replace(quotes[i], vendor_shrinkage=own * value / base if base else value)
    return replace(inputs, quotes=tuple(quotes))
