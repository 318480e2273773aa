"""The options the book compares, how robust the cheapest one is, and the recommendation.

Options: the in-house team; each vendor with all its quotes; the shared, dedicated and hybrid
models of seed 003, always priced from the seed 001 ranges at the market and level they name (a
clean reference comparison: the company's quotes are compared as the vendor options, and mixing
them in would show a quoted price as, say, "USA/Canada prices"); every region of the seed 001
location guide. Then one-at-a-time sensitivity (tornado), a seeded Monte Carlo range, the
break-even volume and a recommendation whose reasons and caveats are message ids with
parameters. Everything is data; the book formats and translates.

Message parameters follow one naming rule so the book can format them: names ending in `_money`
are amounts in the company's currency, `_share` fractions, `_count` counts, `_minutes` and
`_hours` durations; `option` is an option's name (a vendor's name or a message id), `region` a
region or market id, `channel`/`channels` channel ids (comma-separated).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from analysis import reference as ref
from analysis import staffing as staffing_stage
from analysis.costs import (
    INHOUSE_ID,
    OptionCost,
    QuoteCost,
    Volume,
    commission_floor_hourly,
    inhouse_cost,
    inhouse_option,
    outsourced_option,
    quote_cost,
    split_by_premium,
    success_rates,
    vendor_option,
)
from analysis.i18n import N_
from analysis.model import Channel, Inputs, PricingModel, VendorQuote
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
LOCAL_REGION = "africa_middle_east"
"""The one region of the location guide where Arabic-speaking agents are the norm."""
COMPLEX_AHT_SECONDS = 600
"""Live contacts averaging 10 minutes or more are read as complex (the workbook has no
complexity field; seed 001 says technical or complex calls are better kept in-house)."""

REFERENCE_GAP_SHARE = 0.05
"""A published-range model cheaper than the chosen quote by more than this share of the in-house
cost is worth a caveat: below it the gap is within what a negotiation moves."""

MONTE_CARLO_SEED = 20240601
MONTE_CARLO_DRAWS = 200


@dataclass(frozen=True)
class Spec:
    """Which option to price: its kind and the keys that pick it (vendor; model/market/level...)."""

    kind: str
    keys: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return ":".join((self.kind, *self.keys)) if self.keys else self.kind


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
    return VendorQuote(REFERENCE_VENDOR, region, channel, model, rate, 0.0, 0.0, 0.0, 0.0)


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


@dataclass(frozen=True)
class Factor:
    """One uncertain input and how far it is moved (a fraction, +/-)."""

    id: str
    label: str
    change: float


FACTORS = (
    Factor("contacts", N_("Contact volume"), 0.20),
    Factor("aht", N_("Average handling time"), 0.20),
    Factor("salary", N_("Salaries"), 0.10),
    Factor("vendor_rates", N_("Vendor rates"), 0.10),
    Factor("attrition", N_("Attrition"), 0.25),
    Factor("shrinkage", N_("Shrinkage"), 0.20),
)
"""Contacts and handling time +/-20% and salaries and vendor rates +/-10% as briefed; attrition
+/-25% and shrinkage +/-20% of their value (e.g. 30% attrition becomes 22.5% to 37.5%), the
spread of those figures seen between call centres."""


def vary(inputs: Inputs, multipliers: dict[str, float]) -> tuple[Inputs, float]:
    """The inputs with each factor multiplied, and the multiplier for reference prices.

    Salaries move together (agents, team leads, the retained manager): one pay level.
    Vendor rates move every quoted price (rate, commission, minimum, set-up and exit fees) and
    the reference ranges: a vendor's price rises or falls as a whole.
    """
    m = {f.id: 1.0 for f in FACTORS} | multipliers
    demand = tuple(
        replace(d, monthly_contacts=d.monthly_contacts * m["contacts"],
                customers=None if d.customers is None else d.customers * m["contacts"],
                aht_seconds=d.aht_seconds * m["aht"])
        for d in inputs.demand
    )
    costs = inputs.inhouse
    costs = replace(
        costs, annual_salary=costs.annual_salary * m["salary"],
        team_lead_salary=costs.team_lead_salary * m["salary"],
        attrition=min(1.0, costs.attrition * m["attrition"]),
        shrinkage=min(0.95, costs.shrinkage * m["shrinkage"]),
    )
    quotes = tuple(
        replace(q, rate=q.rate * m["vendor_rates"],
                commission_per_success=q.commission_per_success * m["vendor_rates"],
                min_monthly=q.min_monthly * m["vendor_rates"],
                setup_fee=q.setup_fee * m["vendor_rates"], exit_fee=q.exit_fee * m["vendor_rates"])
        for q in inputs.quotes
    )
    retained = replace(inputs.retained,
                       manager_salary=inputs.retained.manager_salary * m["salary"])
    changed = replace(inputs, demand=demand, inhouse=costs, quotes=quotes, retained=retained)
    return changed, m["vendor_rates"]


def priced_pair(inputs: Inputs, option: Spec, reference: Reference,
                multipliers: dict[str, float]) -> tuple[OptionCost, OptionCost]:
    """The in-house team and one option, re-staffed and re-priced with some factors moved."""
    changed, rate_factor = vary(inputs, multipliers)
    ctx = context(changed, reference, rate_factor)
    return build(Spec(INHOUSE_ID), ctx), build(option, ctx)


def spec_of(option: OptionCost) -> Spec:
    kind, *keys = option.id.split(":", 1 if option.kind == "vendor" else -1)
    return Spec(kind, tuple(keys))


def tornado(inputs: Inputs, option: OptionCost, reference: Reference) -> pd.DataFrame:
    """Each factor moved down then up alone: in-house cost, option cost and saving at each end.

    Sorted by swing (the spread of the saving), widest first, as a tornado chart draws them.
    """
    spec = spec_of(option)
    rows = []
    for factor in FACTORS:
        row = {"factor": factor.id, "label": factor.label, "change": factor.change}
        for end, sign in (("low", -1), ("high", 1)):
            inhouse, priced = priced_pair(inputs, spec, reference,
                                          {factor.id: 1 + sign * factor.change})
            row |= {f"inhouse_{end}": inhouse.total, f"option_{end}": priced.total,
                    f"saving_{end}": saving_of(priced, inhouse)}
        row["swing"] = abs(row["saving_high"] - row["saving_low"])
        rows.append(row)
    return pd.DataFrame(rows).sort_values("swing", ascending=False, ignore_index=True)


@dataclass(frozen=True)
class MonteCarlo:
    """The saving of one option over many random draws of all factors at once."""

    option_id: str
    seed: int
    savings: tuple[float, ...]

    def percentile(self, q: float) -> float:
        return float(np.percentile(self.savings, q))

    @property
    def p10(self) -> float:
        return self.percentile(10)

    @property
    def p50(self) -> float:
        return self.percentile(50)

    @property
    def p90(self) -> float:
        return self.percentile(90)

    @property
    def share_saving(self) -> float:
        """The share of draws in which outsourcing costs less."""
        return float(np.mean(np.asarray(self.savings) > 0))


def monte_carlo(inputs: Inputs, option: OptionCost, reference: Reference,
                draws: int = MONTE_CARLO_DRAWS, seed: int = MONTE_CARLO_SEED) -> MonteCarlo:
    """Every factor drawn at once from a triangular law peaked at today's value, spanning its
    +/- change; a fixed seed makes the range the same on every run."""
    rng = np.random.default_rng(seed)
    spec = spec_of(option)
    savings = []
    for _ in range(draws):
        multipliers = {f.id: float(rng.triangular(1 - f.change, 1.0, 1 + f.change))
                       for f in FACTORS}
        inhouse, priced = priced_pair(inputs, spec, reference, multipliers)
        savings.append(saving_of(priced, inhouse))
    return MonteCarlo(option.id, seed, tuple(savings))


@dataclass(frozen=True)
class BreakEven:
    """The contact volume (all channels scaled together) at which the option and in-house cost
    the same."""

    option_id: str
    scale: float
    monthly_contacts: float


BREAK_EVEN_SCALES = tuple(float(s) for s in np.geomspace(0.1, 10, 25))


def break_even(inputs: Inputs, option: OptionCost, reference: Reference,
               steps: int = 12) -> BreakEven | None:
    """Scan volumes from a tenth to ten times today's, take the sign change of the saving nearest
    today's volume and narrow it by bisection. None when the saving keeps one sign throughout."""
    spec = spec_of(option)

    def saving(scale: float) -> float:
        inhouse, priced = priced_pair(inputs, spec, reference, {"contacts": scale})
        return saving_of(priced, inhouse)

    scales = sorted({*BREAK_EVEN_SCALES, 1.0})
    values = [saving(s) for s in scales]
    brackets = [(a, b, va) for a, b, va, vb in zip(scales, scales[1:], values, values[1:],
                                                     strict=False) if (va > 0) != (vb > 0)]
    if not brackets:
        return None
    low, high, low_value = min(brackets, key=lambda br: abs(np.log((br[0] + br[1]) / 2)))
    for _ in range(steps):
        middle = (low + high) / 2
        value = saving(middle)
        if (value > 0) == (low_value > 0):
            low, low_value = middle, value
        else:
            high = middle
    scale = (low + high) / 2
    monthly = sum(d.monthly_contacts for d in inputs.demand) * scale
    return BreakEven(option.id, scale, monthly)


@dataclass(frozen=True)
class Message:
    """A sentence for the book: an English message id and its parameters (see module doc)."""

    id: str
    params: tuple[tuple[str, object], ...] = ()


OUTSOURCE = "outsource"
IN_HOUSE = "in_house"
TOO_CLOSE = "too_close"


@dataclass(frozen=True)
class Recommendation:
    """The verdict, the option it points to and why.

    `annual_saving` is what the cheapest outsourced option saves against in-house (negative when
    in-house is cheaper); `saving_share` is that as a share of the in-house cost. The verdict is
    "too_close" when the Monte Carlo P10-P90 range of the saving includes zero; `option_id` is
    then still the cheaper option today.
    """

    verdict: str
    option_id: str
    option_name: str
    best_outsourced_id: str
    annual_saving: float
    saving_share: float
    reasons: tuple[Message, ...]
    caveats: tuple[Message, ...]


def recommend(scenario: Scenario, uncertainty: MonteCarlo,
              breakeven: BreakEven | None) -> Recommendation:
    """Choose between in-house and the cheapest outsourced option, and say why."""
    inhouse, best = scenario.inhouse, scenario.best_outsourced
    saving = saving_of(best, inhouse)
    share = saving / inhouse.total if inhouse.total else np.nan
    chosen = best if saving > 0 else inhouse
    too_close = uncertainty.p10 <= 0 <= uncertainty.p90
    verdict = TOO_CLOSE if too_close else (OUTSOURCE if saving > 0 else IN_HOUSE)
    reasons = [_cost_reason(best, saving, share)]
    if too_close:
        reasons.append(Message(
            N_("Too close to call: in 80% of the simulated cases the saving lies between "
               "{p10_money} and {p90_money}, a range that includes zero."),
            (("p10_money", uncertainty.p10), ("p90_money", uncertainty.p90)),
        ))
    reasons += _operation_reasons(scenario, best)
    if breakeven is not None:
        reasons.append(Message(
            N_("At about {contacts_count} contacts a month ({scale_share} of today's volume) "
               "{option} and the in-house team cost the same."),
            (("contacts_count", breakeven.monthly_contacts), ("scale_share", breakeven.scale),
             ("option", best.name)),
        ))
    caveats = _caveats(scenario, best) if chosen is best else ()
    return Recommendation(verdict, chosen.id, chosen.name, best.id, saving, share,
                          tuple(reasons), tuple(caveats))


def _cost_reason(best: OptionCost, saving: float, share: float) -> Message:
    if saving > 0:
        return Message(
            N_("{option} costs {saving_money} a year less than the in-house team "
               "({saving_share} of its cost)."),
            (("option", best.name), ("saving_money", saving), ("saving_share", share)),
        )
    return Message(
        N_("The cheapest outsourced option, {option}, costs {extra_money} a year more than the "
           "in-house team ({extra_share} of its cost)."),
        (("option", best.name), ("extra_money", -saving), ("extra_share", -share)),
    )


def _operation_reasons(scenario: Scenario, best: OptionCost) -> list[Message]:
    """What about the operation itself argues one way or the other."""
    inputs = scenario.context.inputs
    staffing = scenario.context.staffing
    reasons = []
    inhouse = scenario.inhouse.inhouse
    if staffing.premium_share > 0 and inhouse is not None:
        reasons.append(Message(
            N_("{premium_share} of the in-seat hours fall at night or at weekends: in-house they "
               "need night shifts paid a premium ({premium_money} a year), while vendors that "
               "run around the clock already staff them."),
            (("premium_share", staffing.premium_share), ("premium_money", inhouse.shift_premium)),
        ))
    for demand in inputs.demand:
        if demand.channel.is_queued and demand.aht_seconds >= COMPLEX_AHT_SECONDS:
            reasons.append(Message(
                N_("{channel} contacts take {aht_minutes} minutes on average: long contacts "
                   "suggest technical or complex questions, which are better answered by an "
                   "in-house team that knows the product."),
                (("channel", str(demand.channel)), ("aht_minutes", demand.aht_seconds / 60)),
            ))
    if best.inhouse is not None and best.quotes:
        reasons.append(Message(
            N_("{channels} stay in-house: {option} has no price for them."),
            (("channels", ",".join(best.inhouse.channels)), ("option", best.name)),
        ))
    if Channel.EMAIL in best.outsourced_channels:
        reasons.append(Message(
            N_("Email is usually safe to outsource: customers expect an answer within "
               "{response_hours} hours, which leaves agents time to study the question."),
            (("response_hours",
              scenario.context.reference.guide(ref.EMAIL_RESPONSE_HOURS).low),),
        ))
    return reasons


def _cheaper_reference(scenario: Scenario, best: OptionCost) -> list[Message]:
    """A published price well below the best quote means the quotes in hand may be dear."""
    if best.kind != "vendor":
        return []
    mids = [o for o in scenario.of_kind("model") if o.id.endswith(":mid")]
    cheapest = min(mids, key=lambda o: o.total)
    gap = best.total - cheapest.total
    if gap <= REFERENCE_GAP_SHARE * scenario.inhouse.total:
        return []
    market = spec_of(cheapest).keys[1]
    return [Message(
        N_("In the middle of the published price ranges, {option} at {region} prices would cost "
           "{gap_money} a year less than {vendor}: ask vendors of that kind for a quote before "
           "you sign."),
        (("option", cheapest.name), ("region", market), ("gap_money", gap),
         ("vendor", best.name)),
    )]


def _caveats(scenario: Scenario, best: OptionCost) -> list[Message]:
    """What to check before signing with the chosen vendor."""
    inputs = scenario.context.inputs
    reference = scenario.context.reference
    caveats = []
    for q in best.commission_caveats:
        floor = commission_floor_hourly(q.quote, inputs.company.usd_rate, reference)
        caveats.append(Message(
            N_("{option}'s commission on {channel} earns it about {implied_money} an hour, below "
               "the {floor_money} an hour that the usual rate in {region} plus 10% would give: "
               "expect it to ask for more or to lose interest."),
            (("option", q.quote.vendor), ("channel", str(q.volume.channel)),
             ("implied_money", q.implied_hourly), ("floor_money", floor),
             ("region", q.quote.region)),
        ))
    monthly = {d.channel: d.monthly_contacts for d in inputs.demand}
    limit = reference.guide(ref.SHARED_MAX_MONTHLY).high
    shared = dict.fromkeys(q.volume.channel for q in best.quotes
                           if q.quote.model is PricingModel.SHARED_PER_MINUTE)
    for channel in shared:
        if monthly[channel] > limit:
            caveats.append(Message(
                N_("The shared model suits up to about {max_count} interactions a month; "
                   "{channel} has {contacts_count}: a dedicated team may serve it better."),
                (("max_count", limit), ("channel", str(channel)),
                 ("contacts_count", monthly[channel])),
            ))
    for region in best.regions:
        if region != LOCAL_REGION:
            caveats.append(Message(
                N_("Agents working from {region} may not speak your customers' language or "
                   "share their culture (for Arabic-speaking customers, few centres outside the "
                   "Middle East and Africa do): check with test calls before signing."),
                (("region", region),),
            ))
    caveats += _cheaper_reference(scenario, best)
    caveats.append(Message(N_(
        "Ask the vendor how it protects your customers' data and for its yearly security "
        "audits.")))
    caveats.append(Message(N_(
        "Agree in the contract how to end it at the least cost, and keep a plan and enough "
        "staff to bring the service back in-house (an exit plan).")))
    return caveats


@dataclass(frozen=True)
class Comparison:
    """Everything the book's comparison and recommendation chapters show."""

    scenario: Scenario
    tornado: pd.DataFrame
    monte_carlo: MonteCarlo
    break_even: BreakEven | None
    recommendation: Recommendation


def compare(inputs: Inputs, reference: Reference | None = None,
            draws: int = MONTE_CARLO_DRAWS, seed: int = MONTE_CARLO_SEED) -> Comparison:
    """Price every option, test the cheapest outsourced one and recommend."""
    reference = reference or ref.load()
    scenario = evaluate(inputs, reference)
    best = scenario.best_outsourced
    uncertainty = monte_carlo(inputs, best, reference, draws, seed)
    breakeven = break_even(inputs, best, reference)
    return Comparison(
        scenario=scenario,
        tornado=tornado(inputs, best, reference),
        monte_carlo=uncertainty,
        break_even=breakeven,
        recommendation=recommend(scenario, uncertainty, breakeven),
    )

