"""The options the book compares, each priced for a year on the company's workload.

Options: the in-house team; each vendor with all its quotes; and benchmarks, which are not
offers: the shared, dedicated and hybrid models of seed 003, always priced from the seed 001
ranges at the market and level they name (a clean reference comparison: the company's quotes are
compared as the vendor options, and mixing them in would show a quoted price as, say, "USA/Canada
prices"), and every region of the seed 001 location guide. Benchmarks carry the typical contract
terms of `Assumptions` (a set-up fee and a minimum commitment, both in months of their expected
charges), outbound work is priced at seed 001's outbound rates, and a vendor's quotes can be held
against the published ranges of their own regions (`like_for_like`). A `Spec` names an option
and `build` prices it in a `Context` (one set of inputs staffed once), so the sensitivity can
re-price any option with its inputs moved; a `Scenario` holds every option priced for one set of
inputs, and the tables the book shows are views of it. The prices themselves (the in-house team, a
quote on a volume, retained management) are `costs`.
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
from analysis.model import (
    MONTHS_PER_YEAR,
    SECONDS_PER_HOUR,
    BillingBasis,
    Channel,
    Inputs,
    PricingModel,
    VendorQuote,
)
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
BENCHMARK_KINDS = frozenset({"model", "region"})
"""Options priced from published ranges: benchmarks, never offers nor the recommendation."""


@dataclass(frozen=True)
class OptionCost(UnitCosts):
    """A year of one way to serve every channel: vendor charges, management kept, in-house rest."""

    id: str
    kind: str
    """"inhouse", "vendor", or a benchmark: "model" or "region" (`BENCHMARK_KINDS`)."""
    name: str
    """The vendor's name, or a message id for the other kinds."""
    annual_contacts: float
    handled_minutes: float
    fte: float
    """Agent FTE serving the contacts, wherever they sit."""
    company_fte: float
    """The company's own people: in-house agents, team leads and the management layer, plus the
    retained vendor manager."""
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

    @property
    def is_benchmark(self) -> bool:
        return self.kind in BENCHMARK_KINDS


INHOUSE_ID = "inhouse"


def inhouse_option(inputs: Inputs, channels: Sequence[ChannelStaffing]) -> OptionCost:
    """Every channel served by the company's own team."""
    cost = inhouse_cost(inputs.inhouse, channels)
    return OptionCost(
        id=INHOUSE_ID, kind="inhouse", name=N_("In-house team"),
        annual_contacts=cost.annual_contacts, handled_minutes=cost.handled_minutes,
        fte=cost.fte, company_fte=cost.people, inhouse=cost,
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
        + (inhouse.people if inhouse else 0.0),
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
    best: dict[Channel, QuoteCost] = {}
    for priced in priced_quotes(inputs, vendor_channels or channels, reference, vendor):
        channel = priced.volume.channel
        if channel not in best or priced.total < best[channel].total:
            best[channel] = priced
    # a vendor's name is data wherever its option goes (never a catalog id: see `names`)
    return outsourced_option(f"vendor:{vendor}", "vendor", Name(vendor), list(best.values()),
                             inputs, channels)


def priced_quotes(inputs: Inputs, vendor_channels: Sequence[ChannelStaffing],
                  reference: Reference, vendor: str | None = None) -> tuple[QuoteCost, ...]:
    """Every quote of the workbook (or of one vendor) priced on its channel's vendor staffing,
    in the workbook's order; quotes for a channel without volume are left out."""
    own = {c.channel: c for c in vendor_channels}
    rates = success_rates(inputs)
    priced = []
    for quote in inputs.quotes:
        if (vendor is not None and quote.vendor != vendor) or quote.channel not in own:
            continue
        floor = (
            commission_floor_hourly(quote, inputs.company.usd_rate, reference)
            if quote.model is PricingModel.COMMISSION else None
        )
        priced.append(quote_cost(quote, Volume.of(own[quote.channel]), rates[quote.channel],
                                 inputs, floor))
    return tuple(priced)


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
    committed_channels: tuple[ChannelStaffing, ...] = ()
    """The vendor staffing a benchmark's contract terms were set on: today's workload, also when
    the sensitivity moves it (empty: `vendor_channels`)."""

    @property
    def channels(self) -> tuple[ChannelStaffing, ...]:
        return self.staffing.channels

    @property
    def commitment(self) -> dict[Channel, ChannelStaffing]:
        return {c.channel: c for c in (self.committed_channels or self.vendor_channels)}


def context(inputs: Inputs, reference: Reference, rate_factor: float = 1.0,
            committed: tuple[ChannelStaffing, ...] = ()) -> Context:
    """Staff the inputs, and again at the vendor's occupancy when the workbook sets one.

    `committed` is the vendor staffing of today's inputs when these are moved by the
    sensitivity: benchmarks' minimums and set-up fees stay those of today's contract.
    """
    staffing = staffing_stage.staff(inputs)
    vendor = staffing
    occupancy = inputs.assumptions.dedicated_occupancy
    if occupancy is not None and occupancy != inputs.inhouse.max_occupancy:
        vendor = staffing_stage.staff(
            replace(inputs, inhouse=replace(inputs.inhouse, max_occupancy=occupancy))
        )
    return Context(inputs, reference, staffing, vendor.channels, rate_factor, committed)


def models_of(inputs: Inputs) -> tuple[str, ...]:
    """The models of seed 003 worth pricing for this company: the hybrid only when a channel it
    would split (every channel but outbound, which is dedicated in every model) with contacts
    is open at night or at weekends; otherwise it is the dedicated model, row for row."""
    split = [d for d in inputs.demand
             if d.channel is not Channel.OUTBOUND_PHONE and d.monthly_contacts > 0]
    if any(staffing_stage.has_premium_hours(d.hours, inputs.assumptions) for d in split):
        return MODELS
    return tuple(m for m in MODELS if m != HYBRID)


def specs(inputs: Inputs, reference: Reference) -> tuple[Spec, ...]:
    """Every option, in the book's order: in-house, vendors, models (`models_of`), regions."""
    vendors = dict.fromkeys(q.vendor for q in inputs.quotes)
    return (
        Spec(INHOUSE_ID),
        *(Spec("vendor", (v,)) for v in vendors),
        *(Spec("model", (m, market, level))
          for m in models_of(inputs) for market in MARKETS for level in LEVELS),
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
    basis: BillingBasis | None = None,
) -> VendorQuote:
    rate = price.level(level) * ctx.inputs.company.usd_rate * ctx.rate_factor
    currency = ref.CURRENCY if ctx.inputs.company.currency != ref.CURRENCY else None
    return VendorQuote(REFERENCE_VENDOR, region, channel, model, rate, 0.0, 0.0, 0.0, 0.0,
                       currency, billing_basis=basis)


def benchmark_cost(ctx: Context, quote: VendorQuote, volume: Volume,
                   committed: Volume) -> QuoteCost:
    """A published price on a volume, with the typical contract terms of `Assumptions`.

    The set-up fee is `benchmark_setup_months` and the minimum monthly commitment
    `benchmark_minimum_share` of the monthly charge on the `committed` volume (today's), so that
    when the sensitivity moves the workload they stay those of the contract signed today.
    """
    terms = ctx.inputs.assumptions
    rates = success_rates(ctx.inputs)
    monthly = quote_cost(quote, committed, rates[committed.channel], ctx.inputs).usage
    monthly /= MONTHS_PER_YEAR
    signed = replace(quote, min_monthly=terms.benchmark_minimum_share * monthly,
                     setup_fee=terms.benchmark_setup_months * monthly)
    return quote_cost(signed, volume, rates[volume.channel], ctx.inputs)


def _market_quote(ctx: Context, channel: Channel, model: PricingModel, market: str,
                  level: str, basis: BillingBasis | None = None) -> VendorQuote:
    """The seed 001 price of one market at one level, never the company's quotes: the option
    is named after that market and level, and the quotes have options of their own. Outbound
    calls take the market's outbound hourly rate (`reference.OUTBOUND_OF_MARKET`)."""
    if model is PricingModel.SHARED_PER_MINUTE:
        price = ctx.reference.shared(market)
    elif channel is Channel.OUTBOUND_PHONE:
        price = ctx.reference.outbound(ref.OUTBOUND_OF_MARKET[market])
    else:
        price = ctx.reference.dedicated(market)
    return _reference_quote(ctx, channel, model, price, level, market, basis)


def _shared_quote(ctx: Context, channel: Channel, market: str, level: str) -> VendorQuote:
    """A shared pool's price for one channel. Seed 001 prices shared inbound calls per minute,
    and a chat is a live conversation too; backlog work (email, social media) waits for a free
    agent, so a pool charges the time spent on it: the market's hourly rate on productive hours
    (seed 003: shared cost is "per hour or a fixed time rate per resource")."""
    if channel.is_queued:
        return _market_quote(ctx, channel, PricingModel.SHARED_PER_MINUTE, market, level)
    return _market_quote(ctx, channel, PricingModel.DEDICATED_PER_HOUR, market, level,
                         BillingBasis.PRODUCTIVE)


def _model_parts(ctx: Context, model: str, market: str, level: str,
                 staffing: ChannelStaffing) -> list[tuple[VendorQuote, Volume]]:
    """One channel under one model: the quotes and the part of the week each prices."""
    channel = staffing.channel
    dedicated = _market_quote(ctx, channel, PricingModel.DEDICATED_PER_HOUR, market, level)
    whole = Volume.of(staffing)
    if channel is Channel.OUTBOUND_PHONE or model == DEDICATED:
        return [(dedicated, whole)]
    shared = _shared_quote(ctx, channel, market, level)
    if model == SHARED:
        return [(shared, whole)]
    contacts = staffing.weekly_contacts
    aht = staffing.weekly_workload_hours * SECONDS_PER_HOUR / contacts if contacts else 0.0
    business, night_weekend = split_by_premium(staffing, aht)
    return [(dedicated, business), (shared, night_weekend)]


def _model_option(spec: Spec, ctx: Context) -> OptionCost:
    """Every channel under one model of seed 003, at one market's low, mid or high reference price.

    Outbound calls are priced per hour in every model, at the market's outbound rate (seed 001
    prices outbound by the hour, never per minute). Hybrid follows seed 003's suggestion:
    dedicated agents in business hours, the shared pool for night and weekend hours.
    """
    model, market, level = spec.keys
    committed = ctx.commitment
    priced: list[QuoteCost] = []
    for staffing in ctx.vendor_channels:
        parts = _model_parts(ctx, model, market, level, staffing)
        signed = _model_parts(ctx, model, market, level, committed[staffing.channel])
        priced += [
            benchmark_cost(ctx, quote, volume, today)
            for (quote, volume), (_quote, today) in zip(parts, signed, strict=True)
            if volume.weekly_contacts or volume.weekly_agent_hours
        ]
    return outsourced_option(spec.id, "model", MODEL_NAMES[model], priced, ctx.inputs,
                             ctx.channels)


def _region_option(spec: Spec, ctx: Context) -> OptionCost:
    """The company's in-seat hours bought by the hour in one region, at its low/mid/high rate
    (outbound calls at the region's outbound rate where seed 001 gives one)."""
    region_id, level = spec.keys
    region = ctx.reference.region(region_id)
    committed = ctx.commitment
    priced = []
    for c in ctx.vendor_channels:
        price = (ctx.reference.outbound_of_region(region_id)
                 if c.channel is Channel.OUTBOUND_PHONE else region)
        quote = _reference_quote(ctx, c.channel, PricingModel.DEDICATED_PER_HOUR, price, level,
                                 region_id)
        priced.append(benchmark_cost(ctx, quote, Volume.of(c), Volume.of(committed[c.channel])))
    return outsourced_option(spec.id, "region", region.name, priced, ctx.inputs, ctx.channels)


def like_for_like(option: OptionCost, ctx: Context) -> OptionCost:
    """A vendor's offer with each of its quotes replaced by the middle of the published range of
    its own region and kind, on the same billing basis and with the benchmarks' typical terms;
    the channels it leaves in-house stay so. A per-minute quote is held against the shared range
    of its market (`Reference.shared_of_region`), an hourly or monthly one against its region's
    hourly rate (outbound: the region's outbound rate; a monthly price is a dedicated hourly
    price aggregated, seed 001, so its in-seat hours); a price per contact, per outcome or by
    commission has no published range and is kept as quoted.
    """
    committed = ctx.commitment
    priced = []
    for q in option.quotes:
        quote, channel = q.quote, q.volume.channel
        if quote.model is PricingModel.SHARED_PER_MINUTE:
            price = ctx.reference.shared_of_region(quote.region)
        elif quote.model in (PricingModel.DEDICATED_PER_HOUR, PricingModel.MONTHLY_PER_AGENT,
                             PricingModel.HOURLY_PLUS_COMMISSION):
            price = (ctx.reference.outbound_of_region(quote.region)
                     if channel is Channel.OUTBOUND_PHONE else ctx.reference.region(quote.region))
        else:
            priced.append(q)
            continue
        model = (PricingModel.SHARED_PER_MINUTE if quote.model is PricingModel.SHARED_PER_MINUTE
                 else PricingModel.DEDICATED_PER_HOUR)
        published = _reference_quote(ctx, channel, model, price, "mid", quote.region, quote.basis)
        today = Volume.of(committed[channel]) if channel in committed else q.volume
        priced.append(benchmark_cost(ctx, published, q.volume, today))
    return outsourced_option(f"like:{option.name}", "region", option.name, priced, ctx.inputs,
                             ctx.channels)


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
    def offers(self) -> tuple[OptionCost, ...]:
        """The vendors' offers: every vendor option with at least one quote priced."""
        return tuple(o for o in self.of_kind("vendor") if o.quotes)

    @property
    def candidates(self) -> tuple[OptionCost, ...]:
        """What the cheapest outsourced option is taken from: the vendors' offers; without any
        quote, the three models at the middle of their reference ranges (benchmarks, which say
        what quotes could cost but are never the recommendation, see `recommend`)."""
        return self.offers or tuple(o for o in self.of_kind("model") if o.id.endswith(":mid"))

    @property
    def best_outsourced(self) -> OptionCost:
        return min(self.candidates, key=lambda o: o.total)


def evaluate(inputs: Inputs, reference: Reference | None = None,
             only: Sequence[Spec] | None = None) -> Scenario:
    """Staff once and price every option (or only those `only` names, in its order: the
    uncertainty's check prices the options it draws, see `uncertainty.scalar`)."""
    reference = reference or ref.load()
    ctx = context(inputs, reference)
    chosen = specs(inputs, reference) if only is None else tuple(only)
    return Scenario(ctx, tuple(build(s, ctx) for s in chosen))


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


QUOTE_COLUMNS = [
    "vendor", "region", "channel", "model", "basis", "rate", "billed", "unit", "usage",
    "surcharge", "floor_topup", "service_adjustment", "fees", "total", "expected_service_level",
    "target_service_level", "implied_hourly", "below_commission_premium",
]


def quotes_table(option: OptionCost) -> pd.DataFrame:
    """One row per priced quote of an option: its terms, the charge split and the checks.

    `basis` is the billing basis in force ("" for models without one), `billed` the quantity a
    year in `unit` (`costs.BILLED_UNITS`).
    """
    return pd.DataFrame([
        {
            "vendor": q.quote.vendor, "region": q.quote.region, "channel": str(q.volume.channel),
            "model": str(q.quote.model), "basis": str(q.basis or ""), "rate": q.quote.rate,
            "billed": q.billed, "unit": q.unit, "usage": q.usage, "surcharge": q.surcharge,
            "floor_topup": q.floor_topup, "service_adjustment": q.service_adjustment,
            "fees": q.fees, "total": q.total, "expected_service_level": q.expected_service_level,
            "target_service_level": q.target_service_level, "implied_hourly": q.implied_hourly,
            "below_commission_premium": q.below_commission_premium,
        }
        for q in option.quotes
    ], columns=QUOTE_COLUMNS)
