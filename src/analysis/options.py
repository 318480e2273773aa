"""The options the book compares, each priced for a year on the company's workload.

Options: the in-house team; each vendor with all its quotes; the shared, dedicated and hybrid
models of seed 003, always priced from the seed 001 ranges at the market and level they name (a
clean reference comparison: the company's quotes are compared as the vendor options, and mixing
them in would show a quoted price as, say, "USA/Canada prices"); every region of the seed 001
location guide. A `Spec` names an option and `build` prices it in a `Context` (one set of inputs
staffed once), so the sensitivity can re-price any option with its inputs moved; a `Scenario`
holds every option priced for one set of inputs, and the tables the book shows are views of it.
The prices themselves (the in-house team, a quote on a volume, retained management) are `costs`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from analysis import reference as ref
from analysis import staffing as staffing_stage
from analysis.costs import (
    InHouseCost,
    QuoteCost,
    UnitCosts,
    Volume,
    commission_floor_hourly,
    inhouse_cost,
    quote_cost,
    retained_cost,
    split_by_premium,
)
from analysis.i18n import N_
from analysis.model import Channel, Inputs, PricingModel, VendorQuote
from analysis.names import Name
from analysis.reference import LEVELS, MARKETS, Reference

if TYPE_CHECKING:
    from analysis.staffing import ChannelStaffing, Staffing

SHARED = "shared"
DEDICATED = "dedicated"
HYBRID = "hybrid"
MODELS = (SHARED, DEDICATED, HYBRID)
MODEL_NAMES = {
    SHARED: N_("Shared model"),
    DEDICATED: N_("Dedicated model"),
    HYBRID: N_("Hybrid: dedicated in business hours, shared at night and weekends"),
}
REFERENCE_VENDOR = "reference"
"""The vendor name of a price taken from the reference ranges rather than a quote."""


@dataclass(frozen=True)
class OptionCost(UnitCosts):
    """A year of one way to serve every channel: vendor charges, management kept, in-house rest."""

    id: str
    kind: str
    """"inhouse", "vendor", "model" or "region"."""
    name: str
    """The vendor's name, or a message id for the other kinds."""
    annual_contacts: float
    handled_minutes: float
    fte: float
    """Agent FTE serving the contacts, wherever they sit."""
    company_fte: float
    """The company's own people: in-house agents and team leads, plus the retained manager."""
    quotes: tuple[QuoteCost, ...] = ()
    inhouse: InHouseCost | None = None
    retained: float = 0.0

    @property
    def outsourced(self) -> float:
        return sum(q.total for q in self.quotes)

    @property
    def inhouse_total(self) -> float:
        return self.inhouse.total if self.inhouse else 0.0

    @property
    def total(self) -> float:
        return self.outsourced + self.retained + self.inhouse_total

    @property
    def outsourced_channels(self) -> tuple[Channel, ...]:
        return tuple(dict.fromkeys(q.volume.channel for q in self.quotes))

    @property
    def regions(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(q.quote.region for q in self.quotes))

    @property
    def commission_caveats(self) -> tuple[QuoteCost, ...]:
        return tuple(q for q in self.quotes if q.below_commission_premium)


INHOUSE_ID = "inhouse"


def inhouse_option(inputs: Inputs, channels: Sequence[ChannelStaffing]) -> OptionCost:
    """Every channel served by the company's own team."""
    cost = inhouse_cost(inputs.inhouse, channels)
    return OptionCost(
        id=INHOUSE_ID, kind="inhouse", name=N_("In-house team"),
        annual_contacts=cost.annual_contacts, handled_minutes=cost.handled_minutes,
        fte=cost.fte, company_fte=cost.headcount + cost.team_leads, inhouse=cost,
    )


def outsourced_option(
    option_id: str,
    kind: str,
    name: str,
    priced: Sequence[QuoteCost],
    inputs: Inputs,
    channels: Sequence[ChannelStaffing],
) -> OptionCost:
    """Assemble an option from priced quotes; channels no quote covers stay in-house (a hybrid).

    The in-house remainder is costed on its own (its own headcount, seats and leads), the same
    way as the full in-house team. Retained management is added once when anything is outsourced.
    """
    covered = {q.volume.channel for q in priced}
    rest = [c for c in channels if c.channel not in covered]
    inhouse = inhouse_cost(inputs.inhouse, rest) if rest else None
    everything = [Volume.of(c) for c in channels]
    return OptionCost(
        id=option_id, kind=kind, name=name,
        annual_contacts=sum(v.annual_contacts for v in everything),
        handled_minutes=sum(v.handled_minutes for v in everything),
        fte=sum(c.fte for c in channels),
        company_fte=inputs.retained.manager_fte * bool(priced)
        + (inhouse.headcount + inhouse.team_leads if inhouse else 0.0),
        quotes=tuple(priced), inhouse=inhouse,
        retained=retained_cost(inputs.retained, inputs.inhouse) if priced else 0.0,
    )


def success_rates(inputs: Inputs) -> dict[Channel, float | None]:
    return {d.channel: d.success_rate for d in inputs.demand}


def vendor_option(
    vendor: str,
    inputs: Inputs,
    channels: Sequence[ChannelStaffing],
    reference: Reference,
    vendor_channels: Sequence[ChannelStaffing] | None = None,
) -> OptionCost:
    """All of one vendor's quotes together: for each channel its cheapest quote, the rest in-house.

    `vendor_channels` is the staffing a dedicated vendor plans with (when the workbook sets a
    vendor occupancy); hourly and per-agent prices use it, per-minute and commission prices
    depend on the contacts only.
    """
    own = {c.channel: c for c in (vendor_channels or channels)}
    rates = success_rates(inputs)
    best: dict[Channel, QuoteCost] = {}
    for quote in inputs.quotes:
        if quote.vendor != vendor or quote.channel not in own:
            continue
        floor = (
            commission_floor_hourly(quote, inputs.company.usd_rate, reference)
            if quote.model is PricingModel.COMMISSION else None
        )
        volume = Volume.of(own[quote.channel])
        priced = quote_cost(quote, volume, rates[quote.channel], inputs, floor)
        if quote.channel not in best or priced.total < best[quote.channel].total:
            best[quote.channel] = priced
    # a vendor's name is data wherever its option goes (never a catalog id: see `names`)
    return outsourced_option(f"vendor:{vendor}", "vendor", Name(vendor), list(best.values()),
                             inputs, channels)


@dataclass(frozen=True)
class Spec:
    """Which option to price: its kind and the keys that pick it (vendor; model/market/level...)."""

    kind: str
    keys: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return ":".join((self.kind, *self.keys)) if self.keys else self.kind


def spec_of(option: OptionCost) -> Spec:
    kind, *keys = option.id.split(":", 1 if option.kind == "vendor" else -1)
    return Spec(kind, tuple(keys))


@dataclass(frozen=True)
class Context:
    """One set of inputs staffed once, ready to price any option."""

    inputs: Inputs
    reference: Reference
    staffing: Staffing
    vendor_channels: tuple[ChannelStaffing, ...]
    """The staffing a dedicated vendor plans with (`Assumptions.dedicated_occupancy`)."""
    rate_factor: float = 1.0
    """Multiplies reference prices (the sensitivity on vendor rates; quotes are scaled apart)."""

    @property
    def channels(self) -> tuple[ChannelStaffing, ...]:
        return self.staffing.channels


def context(inputs: Inputs, reference: Reference, rate_factor: float = 1.0) -> Context:
    """Staff the inputs, and again at the vendor's occupancy when the workbook sets one."""
    staffing = staffing_stage.staff(inputs)
    vendor = staffing
    occupancy = inputs.assumptions.dedicated_occupancy
    if occupancy is not None and occupancy != inputs.inhouse.max_occupancy:
        vendor = staffing_stage.staff(
            replace(inputs, inhouse=replace(inputs.inhouse, max_occupancy=occupancy))
        )
    return Context(inputs, reference, staffing, vendor.channels, rate_factor)


def specs(inputs: Inputs, reference: Reference) -> tuple[Spec, ...]:
    """Every option, in the book's order: in-house, vendors, models, regions."""
    vendors = dict.fromkeys(q.vendor for q in inputs.quotes)
    return (
        Spec(INHOUSE_ID),
        *(Spec("vendor", (v,)) for v in vendors),
        *(Spec("model", (m, market, level))
          for m in MODELS for market in MARKETS for level in LEVELS),
        *(Spec("region", (r.id, level)) for r in reference.regions for level in LEVELS),
    )


def build(spec: Spec, ctx: Context) -> OptionCost:
    """Price one option in one context."""
    if spec.kind == INHOUSE_ID:
        return inhouse_option(ctx.inputs, ctx.channels)
    if spec.kind == "vendor":
        return vendor_option(spec.keys[0], ctx.inputs, ctx.channels, ctx.reference,
                             ctx.vendor_channels)
    if spec.kind == "model":
        return _model_option(spec, ctx)
    return _region_option(spec, ctx)


def _reference_quote(
    ctx: Context, channel: Channel, model: PricingModel, price: ref.Range, level: str, region: str,
) -> VendorQuote:
    rate = price.level(level) * ctx.inputs.company.usd_rate * ctx.rate_factor
    currency = ref.CURRENCY if ctx.inputs.company.currency != ref.CURRENCY else None
    return VendorQuote(REFERENCE_VENDOR, region, channel, model, rate, 0.0, 0.0, 0.0, 0.0,
                       currency)


def _market_quote(ctx: Context, channel: Channel, model: PricingModel, market: str,
                  level: str) -> VendorQuote:
    """The seed 001 price of one market at one level, never the company's quotes: the option
    is named after that market and level, and the quotes have options of their own."""
    price = (ctx.reference.shared(market) if model is PricingModel.SHARED_PER_MINUTE
             else ctx.reference.dedicated(market))
    return _reference_quote(ctx, channel, model, price, level, market)


def _model_option(spec: Spec, ctx: Context) -> OptionCost:
    """Every channel under one model of seed 003, at one market's low, mid or high reference price.

    Outbound calls are priced per hour in every model (seed 001 prices outbound by the hour,
    never per minute). Hybrid follows seed 003's suggestion: dedicated agents in business hours,
    the shared pool per minute for night and weekend hours.
    """
    model, market, level = spec.keys
    rates = success_rates(ctx.inputs)
    aht = {d.channel: d.aht_seconds for d in ctx.inputs.demand}
    priced: list[QuoteCost] = []
    for vendor_staffing in ctx.vendor_channels:
        channel = vendor_staffing.channel
        dedicated = _market_quote(ctx, channel, PricingModel.DEDICATED_PER_HOUR, market, level)
        shared = _market_quote(ctx, channel, PricingModel.SHARED_PER_MINUTE, market, level)
        whole = Volume.of(vendor_staffing)
        if channel is Channel.OUTBOUND_PHONE or model == DEDICATED:
            parts = [(dedicated, whole)]
        elif model == SHARED:
            parts = [(shared, whole)]
        else:
            business, night_weekend = split_by_premium(vendor_staffing, aht[channel])
            parts = [(dedicated, business), (shared, night_weekend)]
        priced += [
            quote_cost(quote, volume, rates[channel], ctx.inputs)
            for quote, volume in parts if volume.weekly_contacts or volume.weekly_agent_hours
        ]
    return outsourced_option(spec.id, "model", MODEL_NAMES[model], priced, ctx.inputs,
                             ctx.channels)


def _region_option(spec: Spec, ctx: Context) -> OptionCost:
    """The company's in-seat hours bought by the hour in one region, at its low/mid/high rate."""
    region_id, level = spec.keys
    region = ctx.reference.region(region_id)
    rates = success_rates(ctx.inputs)
    priced = [
        quote_cost(
            _reference_quote(ctx, c.channel, PricingModel.DEDICATED_PER_HOUR, region, level,
                             region_id),
            Volume.of(c), rates[c.channel], ctx.inputs,
        )
        for c in ctx.vendor_channels
    ]
    return outsourced_option(spec.id, "region", region.name, priced, ctx.inputs, ctx.channels)


@dataclass(frozen=True)
class Scenario:
    """Every option priced for one set of inputs."""

    context: Context
    options: tuple[OptionCost, ...]

    def option(self, option_id: str) -> OptionCost:
        return next(o for o in self.options if o.id == option_id)

    @property
    def inhouse(self) -> OptionCost:
        return self.option(INHOUSE_ID)

    def of_kind(self, kind: str) -> tuple[OptionCost, ...]:
        return tuple(o for o in self.options if o.kind == kind)

    @property
    def candidates(self) -> tuple[OptionCost, ...]:
        """What the recommendation chooses from: the vendors' offers; without any quote, the
        three models at the middle of their reference ranges."""
        vendors = tuple(o for o in self.of_kind("vendor") if o.quotes)
        return vendors or tuple(o for o in self.of_kind("model") if o.id.endswith(":mid"))

    @property
    def best_outsourced(self) -> OptionCost:
        return min(self.candidates, key=lambda o: o.total)


def evaluate(inputs: Inputs, reference: Reference | None = None) -> Scenario:
    """Staff once and price every option."""
    reference = reference or ref.load()
    ctx = context(inputs, reference)
    return Scenario(ctx, tuple(build(s, ctx) for s in specs(inputs, reference)))


def saving_of(option: OptionCost, inhouse: OptionCost) -> float:
    """What the option saves a year against the in-house team (negative: it costs more)."""
    return inhouse.total - option.total


def options_with_saving(scenario: Scenario, kind: str) -> pd.DataFrame:
    """The options of one kind with their total, unit costs and saving against in-house."""
    inhouse = scenario.inhouse
    rows = []
    for o in scenario.of_kind(kind):
        keys = dict(zip(_KEY_NAMES[kind], spec_of(o).keys, strict=True))
        rows.append({
            "id": o.id, **keys, "name": o.name, "outsourced": o.outsourced,
            "retained": o.retained, "inhouse_part": o.inhouse_total, "total": o.total,
            "per_contact": o.per_contact, "per_handled_minute": o.per_handled_minute,
            "fte": o.fte, "company_fte": o.company_fte,
            "inhouse_total": inhouse.total, "saving": saving_of(o, inhouse),
            "saving_share": saving_of(o, inhouse) / inhouse.total if inhouse.total else np.nan,
        })
    return pd.DataFrame(rows)


_KEY_NAMES = {INHOUSE_ID: (), "vendor": ("vendor",), "model": ("model", "market", "level"),
              "region": ("region", "level")}


def regions_table(scenario: Scenario) -> pd.DataFrame:
    """Each region at its low, mid and high hourly rate (company currency) against in-house."""
    frame = options_with_saving(scenario, "region")
    usd_rate = scenario.context.inputs.company.usd_rate
    frame["hourly_rate"] = [
        scenario.context.reference.region(r).level(level) * usd_rate
        for r, level in zip(frame["region"], frame["level"], strict=True)
    ]
    frame["agent_hours"] = sum(Volume.of(c).agent_hours for c in scenario.context.vendor_channels)
    return frame


def direction_split(scenario: Scenario) -> pd.DataFrame:
    """Inbound and outbound apart, for in-house and each vendor (retained management left out,
    since one manager looks after both). A direction's in-house part is costed on its own."""
    inputs = scenario.context.inputs
    rows = []
    for direction, wanted in (("inbound", False), ("outbound", True)):
        channels = [c for c in scenario.context.channels
                    if (c.channel is Channel.OUTBOUND_PHONE) == wanted]
        if not channels:
            continue
        names = {c.channel for c in channels}
        contacts = sum(Volume.of(c).annual_contacts for c in channels)
        for option in (scenario.inhouse, *scenario.of_kind("vendor")):
            quoted = [q for q in option.quotes if q.volume.channel in names]
            covered = {q.volume.channel for q in quoted}
            rest = [c for c in channels if c.channel not in covered]
            total = sum(q.total for q in quoted)
            total += inhouse_cost(inputs.inhouse, rest).total if rest else 0.0
            rows.append({"direction": direction, "id": option.id, "name": option.name,
                         "annual_contacts": contacts, "total": total,
                         "per_contact": total / contacts if contacts else np.nan})
    return pd.DataFrame(rows)


def quotes_table(option: OptionCost) -> pd.DataFrame:
    """One row per priced quote of an option: the charge split and the commission check."""
    return pd.DataFrame([
        {
            "vendor": q.quote.vendor, "region": q.quote.region, "channel": str(q.volume.channel),
            "model": str(q.quote.model), "rate": q.quote.rate, "usage": q.usage,
            "floor_topup": q.floor_topup, "fees": q.fees, "total": q.total,
            "implied_hourly": q.implied_hourly,
            "below_commission_premium": q.below_commission_premium,
        }
        for q in option.quotes
    ], columns=["vendor", "region", "channel", "model", "rate", "usage", "floor_topup", "fees",
                "total", "implied_hourly", "below_commission_premium"])
