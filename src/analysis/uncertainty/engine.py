"""The whole cost model on arrays: every option's present value for many draws at once.

`Engine(inputs, reference).evaluate(points)` prices, for every point (a random draw, or the end
of a tornado bar), the in-house team, each vendor's offer and the benchmark models at published
prices, year by year over the planning horizon from today's operation, as `options` and
`horizon` do for one set of inputs. It holds no loop over points: every quantity is an array of
shape (points,). The rules are those of `staffing`, `costs`, `options` and `horizon`, written
for arrays; `scalar` applies the same points to `Inputs` and runs those modules themselves, and
`bench/uncertainty.py` and tests/test_engine.py check that the two agree.

What is not solved per point is the queueing: `curves` gives each live channel's agents per open
hour from tables worked out once. Everything after that is arithmetic: the in-house team
(`_team`: one team blending deferred work into live idle time, its peak seats, headcount rounded
up once), each quote on its own billing basis and contract terms (`_quote`), each option
(`_options`), and the horizon (`_present_value`: pay rises, escalation, the exchange rate, the
change from today's operation, the team resized with the volume, the planned exit, discounting).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from analysis import reference as ref
from analysis.costs import INHOUSE_CATEGORIES, MINUTES_PER_HOUR
from analysis.horizon import SALARY_DRIVEN, current_id, discount_factors
from analysis.model import (
    DAYS_PER_WEEK,
    MONTHS_PER_YEAR,
    SECONDS_PER_HOUR,
    WEEKS_PER_MONTH,
    WEEKS_PER_YEAR,
    BillingBasis,
    Channel,
    ChannelDemand,
    Inputs,
    LicenceBasis,
    PricingModel,
    VendorQuote,
)
from analysis.options import DEDICATED, HYBRID, INHOUSE_ID, MODELS, SHARED, models_of
from analysis.reference import Reference
from analysis.staffing import HOURS_PER_DAY
from analysis.uncertainty.curves import (
    ErlangCTable,
    HourWeights,
    LevelChannel,
    QueueCurve,
    hour_weights,
    level_channel,
    spread,
)
from analysis.uncertainty.inputs import Points, reference_id
from analysis.workbook import ranges

_DECIMALS = 9
CHUNK = 12_500
"""Points priced together (`Engine.evaluate`)."""



def whole(value: np.ndarray) -> np.ndarray:
    """People or seats rounded up, float noise ignored (`staffing.whole` on arrays)."""
    return np.ceil(np.round(value, _DECIMALS))


@dataclass(frozen=True)
class OptionId:
    """An option the engine prices: its id (as `options`), kind and, for a vendor, its name."""

    id: str
    kind: str
    vendor: str | None = None


@dataclass
class Priced:
    """One option in one year, over the points: what the horizon needs of it.

    Amounts are a year's, in the company's currency at that year's volume and today's prices
    (the horizon applies pay rises, escalation and the exchange rate): the vendors' charges
    without their fees, split into what follows the dollar and what does not; the vendor
    management kept; the in-house part's pay-driven and other costs; its agents and team leads;
    the set-up and exit fees of the quotes it signs; `total` the steady-state year as `options`
    counts it (fees spread over the horizon).
    """

    vendor_local: np.ndarray
    vendor_usd: np.ndarray
    retained: np.ndarray
    salary_driven: np.ndarray
    other: np.ndarray
    agents: np.ndarray
    leads: np.ndarray
    setup_local: np.ndarray
    setup_usd: np.ndarray
    exit_local: np.ndarray
    exit_usd: np.ndarray
    total: np.ndarray
    has_quotes: bool
    team: bool = True
    """Whether it keeps an in-house team (whose size can change from year to year)."""


@dataclass(frozen=True)
class Evaluation:
    """Every option at every point: `present_value[point, option]` over the horizon from
    today's operation, `annual[point, option]` the first (steady-state) year as `options` prices
    it; options in the order of `options` (`ids`)."""

    options: tuple[OptionId, ...]
    present_value: np.ndarray
    annual: np.ndarray
    today_id: str

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.options)

    def column(self, option_id: str) -> int:
        return self.ids.index(option_id)


@dataclass
class _Volume:
    """One channel's week at one point and year, as a vendor prices it (`costs.Volume`)."""

    contacts: np.ndarray
    workload: np.ndarray
    agent_hours: np.ndarray
    premium_hours: np.ndarray
    premium_contacts: np.ndarray
    agents: np.ndarray | None = None
    """Agents per open hour of the day, shape (hours, points) (deferred work: one row, the
    same every hour)."""
    aht: np.ndarray | None = None


@dataclass
class _Live:
    """A live channel's in-house hours at one point and year: `agents` one row per open hour of
    the day (shape (hours, points)), and what the occupancy cap lets them carry, `share[hour] x
    load[point]` agents' worth of traffic (`staffing._queued`'s busy / cap)."""

    agents: np.ndarray
    share: np.ndarray
    load: np.ndarray

    def spare(self, rows: np.ndarray) -> np.ndarray:
        """Idle agents below the cap in some hours (`staffing._queued`'s spare agents)."""
        found = np.take(self.agents, rows, axis=0)
        found -= self.share[rows, None] * self.load[None, :]
        return np.maximum(found, 0.0, out=found)

    def held(self, row: int) -> np.ndarray:
        """Agents kept busy up to the cap in one hour: the agents less the spare ones."""
        return np.minimum(self.agents[row], self.share[row] * self.load)


class _Channel:
    """One channel of the workbook, its staffing rules and base figures."""

    def __init__(self, demand: ChannelDemand, inputs: Inputs, occupancy: float):
        self.demand = demand
        self.channel = demand.channel
        self.weights: HourWeights = hour_weights(demand, inputs.assumptions)
        self.queued = demand.channel.is_queued
        self.occupancy = occupancy
        if self.queued:
            per_day = demand.monthly_contacts / (WEEKS_PER_MONTH * self.weights.days)
            base = per_day * self.weights.share * demand.slot_aht_seconds / SECONDS_PER_HOUR
            self.curve = QueueCurve(demand, occupancy, base)
        else:
            self.level: LevelChannel = level_channel(demand, inputs.assumptions)

    @property
    def hours(self) -> np.ndarray:
        return self.weights.hours


class Engine:
    """The cost model of one workbook on arrays (module docstring). Build once, evaluate many
    point sets: the queue tables grow as points need them and are kept."""

    def __init__(self, inputs: Inputs, reference: Reference | None = None):
        self.inputs = inputs
        self.reference = reference or ref.load()
        costs = inputs.inhouse
        self.company = [_Channel(d, inputs, costs.max_occupancy) for d in inputs.demand]
        dedicated = inputs.assumptions.dedicated_occupancy
        self.vendor_occupancy = (dedicated if dedicated is not None
                                 and dedicated != costs.max_occupancy else None)
        self.vendor = ([_Channel(d, inputs, self.vendor_occupancy) for d in inputs.demand]
                       if self.vendor_occupancy is not None else self.company)
        served = {d.channel for d in inputs.demand}
        self.quotes = [(i, q) for i, q in enumerate(inputs.quotes) if q.channel in served]
        self.vendors = list(dict.fromkeys(q.vendor for q in inputs.quotes))
        self.options = (
            OptionId(INHOUSE_ID, "inhouse"),
            *(OptionId(f"vendor:{v}", "vendor", v) for v in self.vendors),
            *(OptionId(f"model:{m}:{market}:mid", "model") for m in models_of(inputs)
              for market in ref.MARKETS),
        )
        self.today_id = current_id(inputs)
        years = inputs.company.horizon_years
        self.discount = discount_factors(inputs.years.discount_rate, MONTHS_PER_YEAR * years)
        self._groups: dict[frozenset[Channel], list[_Group]] = {}
        self._esl: ErlangCTable | None = None

    # -- the points' values -------------------------------------------------------------------

    def _values(self, points: Points) -> _Values:
        return _Values(points, self.inputs, self.reference)

    # -- evaluation -----------------------------------------------------------------------------

    def evaluate(self, points: Points) -> Evaluation:
        """Every option's present value and steady-state year at every point.

        The live channels' places on their queue grids are found for all points first and
        their tables made once; then the points are priced `CHUNK` at a time: arrays of that
        size stay in the processor's cache, which makes the arithmetic several times faster
        than on all points at once. The chunks are priced on several threads (`curves.spread`;
        numpy leaves Python's lock while it computes); each chunk's figures depend on its
        points alone, so the result is the same whatever the order the threads finish in.
        """
        plans = self._plans(self._values(points))

        def chunk(start: int) -> tuple[np.ndarray, np.ndarray]:
            part = slice(start, start + CHUNK)
            found = {key: (plan.take(part), y[part], slot[part])
                     for key, (plan, y, slot) in plans.items()}
            return self._evaluate(self._values(points.take(part)), found)

        found = spread(chunk, range(0, points.size, CHUNK))
        return Evaluation(self.options, np.concatenate([f[0] for f in found]),
                          np.concatenate([f[1] for f in found]), self.today_id)

    def _evaluate(self, v: _Values, plans: dict) -> tuple[np.ndarray, np.ndarray]:
        years = self.inputs.company.horizon_years
        growth = v("volume_growth")
        priced: list[list[Priced]] = []
        rates = _TeamRates(v)
        for year in range(years):
            scale = (1 + growth) ** year
            priced.append(self._year(v, plans, scale, rates))
        inhouse = self.ids.index(INHOUSE_ID)
        rises = _Rises(v, years)
        per_person = [self._per_person(priced[y][inhouse], y, rises.pay) for y in range(years)]
        present = np.stack([self._present_value(v, priced, k, per_person, rises)
                            for k in range(len(self.options))], axis=1)
        annual = np.stack([p.total for p in priced[0]], axis=1)
        return present, annual

    def _plans(self, v: _Values) -> dict[tuple[str, Channel], tuple]:
        """Each live channel's place on its queue grid (company and vendor occupancy) at every
        point, with its slot handling time and first year's log traffic multiplier; the
        curves' tables made to cover every year."""
        growth = v("volume_growth")
        top = np.log(np.maximum(1 + growth, 1e-9)) * (self.inputs.company.horizon_years - 1)
        plans = {}
        for side, channels in (("company", self.company), ("vendor", self.vendor)):
            if side == "vendor" and channels is self.company:
                continue
            for c in channels:
                if not c.queued:
                    continue
                slot = self._slot_aht(v, c.demand)
                base = c.demand.monthly_contacts
                volume = v(_key("monthly_contacts", c)) / base if base else np.ones(v.size)
                y = np.log(volume) + np.log(slot / c.demand.slot_aht_seconds)
                patience = (v(ranges.input_id("patience_seconds", c.channel.value))
                            if c.demand.patience_seconds is not None else None)
                plan = c.curve.plan(slot, patience)
                c.curve.prepare(plan, y + np.minimum(top, 0), y + np.maximum(top, 0))
                plans[(side, c.channel)] = (plan, y, slot)
        return plans

    def _slot_aht(self, v: _Values, demand: ChannelDemand) -> np.ndarray:
        aht = v(ranges.input_id("aht_seconds", demand.channel.value))
        if demand.channel is Channel.CHAT:
            growth = (v(ranges.input_id("aht_growth_per_chat", Channel.CHAT.value))
                      if demand.chats_per_agent > 1 else demand.aht_growth_per_chat)
            return aht * (1 + growth * (demand.chats_per_agent - 1))
        return aht

    def _year(self, v: _Values, plans: dict, scale: np.ndarray,
              rates: _TeamRates) -> list[Priced]:
        """Every option in one year whose contacts are the workbook's (drawn) x `scale`."""
        company = {c.channel: self._staff(v, c, plans, "company", scale) for c in self.company}
        vendor = company if self.vendor is self.company else {
            c.channel: self._staff(v, c, plans, "vendor", scale) for c in self.vendor}
        priced = [self._quote(v, index, quote, vendor[quote.channel])
                  for index, quote in self.quotes]
        retained = (self.inputs.retained.manager_fte * v("manager_salary")
                    * (1 + v("employer_oncost")) + v("qa_per_month") * MONTHS_PER_YEAR)
        teams = self._teams(v, company, rates)

        def team(channels: frozenset[Channel]) -> _Team | None:
            return teams.get(channels)

        everything = frozenset(c.channel for c in self.company)
        zeros = np.zeros(v.size)
        benchmarks = self._benchmarks(v, vendor, retained)
        found = []
        for option in self.options:
            if option.kind == "inhouse":
                found.append(_assemble([], team(everything), zeros, zeros))
            elif option.kind == "vendor":
                found.append(self._vendor_option(option.vendor, priced, team, retained,
                                                 everything))
            else:
                found.append(benchmarks[option.id])
        return found

    # -- staffing -----------------------------------------------------------------------------

    def _staff(self, v: _Values, c: _Channel, plans: dict, side: str,
               scale: np.ndarray) -> tuple[_Volume, _Live | None]:
        """One channel's week at the points: what a vendor prices, and the live hours."""
        monthly = v(_key("monthly_contacts", c)) * scale
        aht = v(_key("aht_seconds", c))
        weekly = monthly / WEEKS_PER_MONTH
        workload = weekly * aht / SECONDS_PER_HOUR
        weights = c.weights
        if c.queued:
            plan, y, slot = plans[(side, c.channel)]
            slots = c.curve.slots(y + np.log(scale), plan)
            chats = c.demand.chats_per_agent
            agents = -(-slots // chats) if chats > 1 else slots
            seated = agents.astype(float)
            hours = seated.sum(axis=0) * weights.days
            premium = weights.premium @ seated
            volume = _Volume(weekly, workload, hours, premium, weekly * weights.premium_contacts,
                             seated, aht)
            if side == "vendor":
                return volume, None
            per_day = monthly / (WEEKS_PER_MONTH * weights.days)
            load = per_day * slot / (SECONDS_PER_HOUR * chats * c.occupancy)
            return volume, _Live(seated, weights.share, load)
        level = c.level.per_workload * workload / c.occupancy
        volume = _Volume(weekly, workload, level * weights.open_slots,
                         level * weights.premium_slots, weekly * c.level.premium_contacts,
                         level[None, :], aht)
        return volume, None

    def _groups_of(self, channels: frozenset[Channel]) -> list[_Group]:
        """The week's hours of one in-house team, gathered by the channels open in them."""
        if channels not in self._groups:
            self._groups[channels] = _groups(
                [c for c in self.company if c.channel in channels], self.inputs)
        return self._groups[channels]

    def _teams(self, v: _Values, company: dict,
               rates: _TeamRates) -> dict[frozenset[Channel], _Team]:
        """Every in-house team an option needs: all channels, and those each vendor leaves
        in-house."""
        everything = frozenset(c.channel for c in self.company)
        wanted = list(dict.fromkeys([everything, *(
            everything - frozenset(q.channel for _, q in self.quotes if q.vendor == vendor)
            for vendor in self.vendors)]))
        wanted = [w for w in wanted if w]
        return {w: _team_cost(rates, *self._team(v, company, w)) for w in wanted}

    def _team(self, v: _Values, company: dict,
              channels: frozenset[Channel]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The in-house team serving `channels`: its weekly in-seat hours and their night and
        weekend part once deferred fractions of an agent are blended into live idle time, and
        its peak of agents in seat (`costs.inhouse_cost` takes it from there, `_team_cost`)."""
        order = [c for c in self.company if c.channel in channels]
        hours = sum(company[c.channel][0].agent_hours for c in order)
        premium = sum(company[c.channel][0].premium_hours for c in order)
        peak = np.zeros(v.size)
        for group in self._groups_of(channels):
            deferred = [company[ch][0].agents[0] for ch in group.deferred]
            level = sum(deferred, np.zeros(v.size))
            if not group.live:
                peak = np.maximum(peak, level)
                continue
            live = [(company[ch][1], at) for ch, at in zip(group.live, group.columns,
                                                           strict=True)]
            fraction = sum((d - np.floor(np.round(d, _DECIMALS)) for d in deferred),
                           np.zeros(v.size))
            if deferred:
                spare = _spare(company, group)
                moved = np.minimum(fraction[None, :], spare)
                hours = hours - group.days @ moved
                premium = premium - group.premium @ moved
            rows = [group.top] if group.top is not None else range(len(group.days))
            for row in rows:
                agents = sum(s.agents[at[row]] for s, at in live)
                held = sum(s.held(at[row]) for s, at in live)
                peak = np.maximum(peak, level + np.maximum(agents - fraction, held))
        return hours, premium, peak

    # -- quotes ---------------------------------------------------------------------------------

    def _quote(self, v: _Values, index: int, quote: VendorQuote,
               staffing: tuple[_Volume, _Live | None]) -> _Quote:
        """One quote of the workbook priced on its channel's vendor week (`costs.quote_cost`)."""
        volume = staffing[0]
        factor = v(ranges.input_id(ranges.VENDOR_PRICES, quote.vendor))
        dollars = quote.currency not in (None, self.inputs.company.currency)
        if dollars:
            factor = factor * v("usd_rate") / self.inputs.company.usd_rate
        shrinkage = self._vendor_shrinkage(v, quote)
        return self._price(v, quote, volume, factor, shrinkage, dollars, index)

    def _vendor_shrinkage(self, v: _Values, quote: VendorQuote) -> np.ndarray:
        """The vendor's shrinkage: drawn for this vendor (its own, or the company's, x the
        draw's multiplier), else its own, else the company's (drawn)."""
        key = ranges.input_id(ranges.VENDOR_SHRINKAGE, quote.vendor)
        own = quote.vendor_shrinkage
        if v.points.has(key):
            likely = ranges.likely(self.inputs, key)
            base = self.inputs.inhouse.shrinkage if own is None else own
            return base * v.points.get(key, likely) / likely
        return v("shrinkage") if own is None else np.full(v.size, own)

    def _price(self, v: _Values, quote: VendorQuote, volume: _Volume, factor: np.ndarray,
               shrinkage: np.ndarray, dollars: bool, index: int | None) -> _Quote:
        inputs = self.inputs
        model, basis = quote.model, quote.basis
        demand = next(d for d in inputs.demand if d.channel is quote.channel)
        contacts = volume.contacts * WEEKS_PER_YEAR
        success = (v(ranges.input_id("success_rate", quote.channel.value))
                   if demand.success_rate is not None else np.zeros(v.size))
        if basis is BillingBasis.IN_SEAT:
            billed = volume.agent_hours * WEEKS_PER_YEAR
        elif basis is BillingBasis.PAID:
            billed = volume.agent_hours * WEEKS_PER_YEAR / (1 - shrinkage)
        elif basis is BillingBasis.PRODUCTIVE:
            billed = volume.workload * WEEKS_PER_YEAR
        elif model is PricingModel.SHARED_PER_MINUTE:
            talk = (1 - v(ranges.input_id("acw_share", quote.channel.value))
                    if basis is BillingBasis.TALK else 1.0)
            billed = (volume.workload * MINUTES_PER_HOUR * WEEKS_PER_YEAR * talk
                      * inputs.assumptions.billed_minutes_factor)
        elif model is PricingModel.MONTHLY_PER_AGENT:
            in_seat = quote.contract_hours_week * (1 - shrinkage)
            billed = np.where(in_seat > 0, whole(volume.agent_hours / np.where(
                in_seat > 0, in_seat, 1.0)), 0.0) * MONTHS_PER_YEAR
        elif model is PricingModel.PER_OUTCOME:
            billed = contacts * quote.resolution_rate
        elif model is PricingModel.COMMISSION:
            billed = contacts * success
        else:
            billed = contacts
        priced = 0.0 if model is PricingModel.COMMISSION else billed * (quote.rate * factor)
        usage = priced
        if model in (PricingModel.COMMISSION, PricingModel.HOURLY_PLUS_COMMISSION):
            usage = priced + contacts * success * quote.commission_per_success * factor
        surcharge = 0.0
        if quote.night_weekend_surcharge:
            by_hours = basis in (BillingBasis.IN_SEAT, BillingBasis.PAID) or (
                model is PricingModel.MONTHLY_PER_AGENT)
            premium = (_share(volume.premium_hours, volume.agent_hours) if by_hours
                       else _share(volume.premium_contacts, volume.contacts))
            surcharge = priced * quote.night_weekend_surcharge * premium
        floor = 0.0
        if quote.min_monthly:
            floor = np.maximum(0.0, quote.min_monthly * factor * MONTHS_PER_YEAR - usage
                               - surcharge)
        adjustment = 0.0
        if quote.credit_per_point or quote.bonus_per_point:
            expected = self._expected_level(v, quote, volume, shrinkage)
            target = quote.sla_target if quote.sla_target is not None else demand.service_level
            if expected is not None and target is not None:
                points = (expected - target) * 100
                per_point = np.where(points > 0, quote.bonus_per_point, quote.credit_per_point)
                share = np.clip(per_point * points, -quote.credit_cap, quote.credit_cap)
                adjustment = (usage + surcharge + floor) * share
        setup = quote.setup_fee * factor
        leave = quote.exit_fee * factor
        fees = (setup + leave) / inputs.company.horizon_years
        total = usage + surcharge + floor + adjustment + fees
        return _Quote(index, quote, total, fees, setup, leave, dollars)

    def _expected_level(self, v: _Values, quote: VendorQuote, volume: _Volume,
                        shrinkage: np.ndarray) -> np.ndarray | None:
        """`costs.expected_service_level` at the points."""
        if quote.planned_service_level is not None:
            return np.full(v.size, quote.planned_service_level)
        basis = quote.basis
        if basis in (BillingBasis.IN_SEAT, BillingBasis.PAID):
            ratio = np.ones(v.size)
        elif basis is BillingBasis.PRODUCTIVE:
            ratio = _share(volume.workload, volume.agent_hours)
        elif quote.model is PricingModel.MONTHLY_PER_AGENT:
            in_seat = quote.contract_hours_week * (1 - shrinkage)
            agents = np.where(in_seat > 0, whole(volume.agent_hours / np.where(
                in_seat > 0, in_seat, 1.0)), 0.0)
            ratio = _share(agents * quote.contract_hours_week * (1 - shrinkage),
                           volume.agent_hours)
        else:
            return None
        if not quote.channel.is_queued:
            return np.minimum(1.0, ratio)
        demand = next(d for d in self.inputs.demand if d.channel is quote.channel)
        channel = next(c for c in self.vendor if c.channel is quote.channel)
        weights = channel.weights
        busy = weights.share > 0
        scale = volume.contacts * volume.aht / (weights.days * SECONDS_PER_HOUR)
        traffic = weights.share[busy, None] * scale[None, :]
        agents = volume.agents[busy]
        if basis not in (BillingBasis.IN_SEAT, BillingBasis.PAID):
            agents = np.floor(agents * ratio[None, :] + 1e-9)
        table = self._erlang_table(int(agents.max(initial=0)))
        level = table.service_level(agents, traffic, demand.target_seconds / volume.aht)
        return weights.share[busy] @ level / weights.share[busy].sum()

    def _erlang_table(self, agents: int) -> ErlangCTable:
        table = self._esl
        if table is None or table.agents < agents:
            table = self._esl = ErlangCTable(max(agents, table.agents if table else 0) + 5)
        return table

    # -- options ----------------------------------------------------------------------------------

    def _vendor_option(self, vendor: str, priced: list[_Quote], team, retained: np.ndarray,
                       everything: frozenset[Channel]) -> Priced:
        """All of one vendor's quotes: per channel the cheapest at each point (the first of
        equals), the other channels in-house (`options.vendor_option`)."""
        own = [q for q in priced if q.quote.vendor == vendor]
        if not own:
            return _assemble([], team(everything), np.zeros(len(retained)),
                             np.zeros(len(retained)))
        chosen = []
        for channel in dict.fromkeys(q.quote.channel for q in own):
            candidates = [q for q in own if q.quote.channel is channel]
            best = np.zeros(len(retained), dtype=np.int64)
            lowest = candidates[0].total
            for k, q in enumerate(candidates[1:], start=1):
                better = q.total < lowest
                best = np.where(better, k, best)
                lowest = np.where(better, q.total, lowest)
            chosen += [q.masked(best == k) for k, q in enumerate(candidates)]
        covered = frozenset(q.quote.channel for q in own)
        return _assemble(chosen, team(everything - covered), retained, np.zeros(len(retained)))

    def _benchmarks(self, v: _Values, vendor: dict[Channel, tuple[_Volume, _Live | None]],
                    retained: np.ndarray) -> dict[str, Priced]:
        """Each sourcing model at one market's drawn published price on every channel, with the
        benchmarks' typical terms (`options._model_option`, `options.benchmark_cost`).

        A benchmark's minimum commitment is a share of its own charges (never binding) and its
        set-up fee `benchmark_setup_months` of them, so its year is the charges (hours or
        minutes x price) plus the fee spread over the horizon. Dedicated: the channel's in-seat
        hours at the market's hourly price (outbound: its outbound price). Shared: live queues
        per handled minute (x the billed-minutes factor), backlog work per handling hour at the
        hourly price. Hybrid: dedicated on the business hours, shared on nights and weekends.
        """
        fx = v("usd_rate")
        minutes = MINUTES_PER_HOUR * WEEKS_PER_YEAR * self.inputs.assumptions.billed_minutes_factor
        usage = {}
        for market in ref.MARKETS:
            hourly = v(reference_id("dedicated_hourly", market)) * fx
            outbound = v(reference_id("outbound_hourly", ref.OUTBOUND_OF_MARKET[market])) * fx \
                if any(c.channel is Channel.OUTBOUND_PHONE for c in self.vendor) else None
            shared = v(reference_id("shared_per_minute", market)) * fx \
                if any(c.queued for c in self.vendor) else None
            totals = dict.fromkeys(MODELS, 0.0)
            for c in self.vendor:
                volume = vendor[c.channel][0]
                if c.channel is Channel.OUTBOUND_PHONE:
                    cost = outbound * volume.agent_hours * WEEKS_PER_YEAR
                    for model in MODELS:
                        totals[model] = totals[model] + cost
                    continue
                totals[DEDICATED] = totals[DEDICATED] + hourly * volume.agent_hours \
                    * WEEKS_PER_YEAR
                night = volume.premium_contacts * volume.aht / SECONDS_PER_HOUR
                if c.queued:
                    totals[SHARED] = totals[SHARED] + shared * volume.workload * minutes
                    night_cost = shared * night * minutes
                else:
                    totals[SHARED] = totals[SHARED] + hourly * volume.workload * WEEKS_PER_YEAR
                    night_cost = hourly * night * WEEKS_PER_YEAR
                day = (volume.agent_hours - volume.premium_hours) * WEEKS_PER_YEAR * hourly
                totals[HYBRID] = totals[HYBRID] + day + night_cost
            for model in models_of(self.inputs):
                usage[f"model:{model}:{market}:mid"] = totals[model] + np.zeros(v.size)
        dollars = self.inputs.company.currency != ref.CURRENCY
        months = self.inputs.assumptions.benchmark_setup_months
        years = self.inputs.company.horizon_years
        zeros = np.zeros(v.size)
        found = {}
        for option_id, charges in usage.items():
            setup = months * charges / MONTHS_PER_YEAR
            found[option_id] = Priced(
                vendor_local=zeros if dollars else charges,
                vendor_usd=charges if dollars else zeros, retained=retained,
                salary_driven=zeros, other=zeros, agents=zeros, leads=zeros,
                setup_local=zeros if dollars else setup, setup_usd=setup if dollars else zeros,
                exit_local=zeros, exit_usd=zeros, total=charges + setup / years + retained,
                has_quotes=True, team=False)
        return found

    # -- horizon ----------------------------------------------------------------------------------

    def _present_value(self, v: _Values, priced: list[list[Priced]], k: int,
                       per_person: list[np.ndarray], rises: _Rises) -> np.ndarray:
        """One option's present value over the horizon from today's operation (`horizon`);
        `per_person` a month of one in-house person, year by year."""
        inputs, plan = self.inputs, self.inputs.years
        years = len(priced)
        months = MONTHS_PER_YEAR * years
        discount = self.discount
        pay, escalation, exchange = rises.pay, rises.escalation, rises.exchange
        inhouse = self.ids.index(INHOUSE_ID)
        today_k = self.ids.index(self.today_id)
        own = [priced[y][k] for y in range(years)]
        team = [priced[y][inhouse] for y in range(years)]
        today = [priced[y][today_k] for y in range(years)]
        exit_year = plan.exit_year
        exit_month = (MONTHS_PER_YEAR * exit_year + 1 if exit_year is not None
                      and exit_year < years and own[0].has_quotes else None)
        running = [team[y] if exit_month and MONTHS_PER_YEAR * y + 1 >= exit_month else own[y]
                   for y in range(years)]
        yearly = discount.reshape(years, MONTHS_PER_YEAR).sum(axis=1)
        value = sum(self._monthly(running[y], y, pay, escalation, exchange) * yearly[y]
                    for y in range(years))
        hire, pays, severance = rises.hire, rises.pays, rises.severance
        if plan.current_team is None:
            before = (today[0].agents, today[0].leads)
        else:
            ratio = inputs.inhouse.agents_per_team_lead
            before = (np.full(v.size, plan.current_team),
                      np.full(v.size, plan.current_team / ratio if ratio else 0.0))

        def at(month: int) -> float:
            return float(discount[month - 1])

        def resize(month: int, old: tuple, new: tuple) -> np.ndarray:
            year = (month - 1) // MONTHS_PER_YEAR
            gained = sum(np.maximum(n - o, 0.0) for n, o in zip(new, old, strict=True))
            leaving = np.stack([np.maximum(o - n, 0.0) for n, o in zip(new, old, strict=True)])
            return (gained * hire + (leaving * pays).sum(axis=0) * severance * pay[year]) \
                * at(month)

        def change(month: int, old: list[Priced], new: list[Priced], people: tuple) -> np.ndarray:
            year = (month - 1) // MONTHS_PER_YEAR
            after = (new[year].agents, new[year].leads)
            cost = v("knowledge_transfer") + (new[year].setup_local
                                              + new[year].setup_usd * exchange[year])
            cost = cost + sum(np.maximum(n - o, 0.0) for n, o in zip(after, people,
                                                                       strict=True)) * hire
            total = cost * at(month)
            leaving = [np.maximum(o - n, 0.0) for n, o in zip(after, people, strict=True)]
            stop = min(month + plan.dual_running_months, months + 1)
            for dual in range(month, stop):
                yy = (dual - 1) // MONTHS_PER_YEAR
                left = old[year]
                charge = ((left.vendor_local + left.vendor_usd * exchange[yy]) * escalation[yy]
                          / MONTHS_PER_YEAR)
                charge = charge + (leaving[0] + leaving[1]) * per_person[yy]
                kept = old[yy].retained if old[yy].has_quotes and not new[yy].has_quotes else 0.0
                charge = charge + kept * pay[yy] / MONTHS_PER_YEAR
                total = total + charge * at(dual)
            if stop <= months:
                ys = (stop - 1) // MONTHS_PER_YEAR
                fees = old[year].exit_local + old[year].exit_usd * exchange[ys]
                sever = (leaving[0] * pays[0] + leaving[1] * pays[1]) * severance * pay[ys]
                total = total + (fees + sever) * at(stop)
            return total

        if self.options[k].id != self.today_id and (own[0].has_quotes or today[0].has_quotes):
            value = value + change(1, today, own, before)
        else:
            value = value + resize(1, before, (own[0].agents, own[0].leads))
        for y in range(1, years):
            month = MONTHS_PER_YEAR * y + 1
            if month != exit_month and (running[y - 1].team or running[y].team):
                value = value + resize(month, (running[y - 1].agents, running[y - 1].leads),
                                       (running[y].agents, running[y].leads))
        if exit_month:
            last = exit_year - 1
            value = value + change(exit_month, own, team, (own[last].agents, own[last].leads))
        return value

    def _monthly(self, option: Priced, year: int, pay: np.ndarray, escalation: np.ndarray,
                 exchange: np.ndarray) -> np.ndarray:
        """A month of the operation in `year`: vendors' charges escalated (and moved with the
        dollar), vendor management and in-house pay risen, the rest at today's prices."""
        vendor = (option.vendor_local + option.vendor_usd * exchange[year]) * escalation[year]
        return (vendor + (option.retained + option.salary_driven) * pay[year]
                + option.other) / MONTHS_PER_YEAR

    def _per_person(self, team: Priced, year: int, pay: np.ndarray) -> np.ndarray:
        """A month of one in-house person in `year` (`horizon._Layout._per_person`)."""
        count = team.agents + team.leads
        monthly = (team.salary_driven * pay[year] + team.other) / MONTHS_PER_YEAR
        return np.where(count > 0, monthly / np.where(count > 0, count, 1.0), 0.0)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.options)


class _Rises:
    """What the horizon reads of the points once per point set, not once per option: pay,
    vendor prices and the dollar year by year (shape (years, points), 1 in the first year),
    the cost of a hire, monthly pay of an agent and a lead (shape (2, points)), severance."""

    def __init__(self, v: _Values, years: int):
        steps = np.arange(years)[:, None]
        self.pay = (1 + v("salary_inflation"))[None, :] ** steps
        self.escalation = (1 + v("vendor_escalation"))[None, :] ** steps
        self.exchange = (1 + v("usd_rate_change"))[None, :] ** steps
        self.hire = v("recruitment_per_hire") + v("training_per_hire")
        self.pays = np.stack([v("annual_salary"), v("team_lead_salary")]) / MONTHS_PER_YEAR
        self.severance = v("severance_months")


def _spare(company: dict, group: _Group) -> np.ndarray:
    """The live channels' idle agents below the occupancy cap in each hour of a group, shape
    (hours, points); kept on the channels' staffing, since several teams share a group."""
    key = ("spare", group.live, tuple(tuple(at) for at in group.columns))
    cache = company.setdefault(None, {})
    if key not in cache:
        cache[key] = sum(company[ch][1].spare(at)
                         for ch, at in zip(group.live, group.columns, strict=True))
    return cache[key]


def _key(kind: str, c: _Channel) -> str:
    return ranges.input_id(kind, c.channel.value)


def _share(part: np.ndarray, whole_: np.ndarray) -> np.ndarray:
    return np.where(whole_ != 0, part / np.where(whole_ != 0, whole_, 1.0), 0.0)


class _Values:
    """The points' value of every input the engine reads, by input id (`workbook.ranges`, or a
    published range's `inputs.reference_id`): drawn, or the workbook's own at every point."""

    def __init__(self, points: Points, inputs: Inputs, reference: Reference):
        self.points, self.inputs, self.reference = points, inputs, reference
        self.size = points.size
        self._cache: dict[str, np.ndarray] = {}

    def __call__(self, input_id: str) -> np.ndarray:
        found = self._cache.get(input_id)
        if found is None:
            found = self._cache[input_id] = self.points.get(input_id, self._likely(input_id))
        return found

    def _likely(self, input_id: str) -> float:
        if input_id.startswith("reference:"):
            _, table, range_id = input_id.split(":", 2)
            return next(r for r in getattr(self.reference, table) if r.id == range_id).mid
        value = ranges.likely(self.inputs, input_id)
        if value is None:
            raise KeyError(f"{input_id} has no value for this company")
        return value


@dataclass
class _Quote:
    """One quote priced at the points, for a year: its `total` (as `costs.QuoteCost`), `fees`
    spread over the horizon, its set-up and exit fees, whether it is in dollars; `mask` the
    points at which its vendor signs it (the cheapest of its quotes for the channel)."""

    index: int | None
    quote: VendorQuote
    total: np.ndarray
    fees: np.ndarray
    setup: np.ndarray
    leave: np.ndarray
    dollars: bool
    mask: np.ndarray | None = field(default=None)

    def masked(self, mask: np.ndarray) -> _Quote:
        return _Quote(self.index, self.quote, self.total, self.fees, self.setup, self.leave,
                      self.dollars, mask)

    def part(self, amount: np.ndarray) -> np.ndarray:
        return amount if self.mask is None else np.where(self.mask, amount, 0.0)


@dataclass
class _Team:
    """The in-house team's year at the points: pay-driven and other costs, agents, leads."""

    salary_driven: np.ndarray
    other: np.ndarray
    agents: np.ndarray
    leads: np.ndarray

    @property
    def total(self) -> np.ndarray:
        return self.salary_driven + self.other


class _TeamRates:
    """`costs.inhouse_cost`'s rules at the points, per unit of what a team has.

    Every in-house category is a rate times the team's headcount, its headcount in night and
    weekend hours, its seats or its licences, so the rates are worked out once per point set
    and each team in each year is a few products (`_team_cost`). `driven` and `other` are the
    pay-driven categories' rates summed and the others' (`horizon.SALARY_DRIVEN`), each per
    basis (`BASES`)."""

    BASES = ("headcount", "night", "seats", "licences")

    def __init__(self, v: _Values):
        costs = v.inputs.inhouse
        shrinkage = v("shrinkage")
        self.paid_week = v("paid_hours_per_fte_year") / WEEKS_PER_YEAR * (1 - shrinkage)
        self.present = 1 + np.minimum(v("onsite_shrinkage"), shrinkage) / (1 - shrinkage)
        self.per_user = costs.software_licences is LicenceBasis.PER_USER
        self.span = costs.agents_per_team_lead
        salary, lead_salary = v("annual_salary"), v("team_lead_salary")
        oncost = v("employer_oncost")
        loaded = 1 + oncost
        shift = v("night_weekend_premium") * salary
        pay = [v("operations_manager_salary") if costs.operations_manager_salary is not None
               else 1.5 * lead_salary,
               v("quality_analyst_salary") if costs.quality_analyst_salary is not None
               else lead_salary,
               v("planner_salary") if costs.planner_salary is not None else lead_salary]
        spans = (costs.agents_per_operations_manager, costs.agents_per_quality_analyst,
                 costs.agents_per_planner)
        self.managers = sum(1 / s for s in spans if s)
        """Management FTE per agent."""
        management = [p * loaded / s if s else 0.0 for p, s in zip(pay, spans, strict=True)]
        attrition = v("attrition")
        rates = {
            "salaries": {"headcount": salary},
            "shift_premium": {"night": shift},
            "oncost": {"headcount": oncost * salary, "night": oncost * shift},
            "supervision": {"headcount": lead_salary * loaded / self.span if self.span
                            else 0.0},
            "operations_management": {"headcount": management[0]},
            "quality": {"headcount": management[1]},
            "planning": {"headcount": management[2]},
            "recruitment": {"headcount": attrition * v("recruitment_per_hire")},
            "training": {"headcount": attrition * v("training_per_hire")},
            "trainee_wages": {"headcount": attrition * v("training_weeks") / WEEKS_PER_YEAR
                              * salary * loaded},
            "equipment": {"seats": v("equipment_per_seat") / costs.equipment_years},
            "software": {"licences": v("software_per_seat_month") * MONTHS_PER_YEAR},
            "rent": {"seats": v("rent_per_seat_month") * MONTHS_PER_YEAR},
            "overhead": {"seats": v("overhead_per_seat_year")},
        }
        missing = {name for name, _label in INHOUSE_CATEGORIES} - set(rates)
        if missing:
            raise AssertionError(f"in-house categories not priced: {missing}")

        def summed(names: list[str]) -> dict[str, np.ndarray]:
            return {basis: sum(rates[n][basis] for n in names if basis in rates[n])
                    for basis in self.BASES
                    if any(basis in rates[n] for n in names)}

        self.driven = summed([n for n in rates if n in SALARY_DRIVEN])
        self.other = summed([n for n in rates if n not in SALARY_DRIVEN])


def _team_cost(rates: _TeamRates, hours: np.ndarray, premium_hours: np.ndarray,
               peak: np.ndarray) -> _Team:
    """`costs.inhouse_cost` at the points, from the team's weekly in-seat hours, their night
    and weekend part and the most agents in seat at one hour."""
    headcount = whole(hours / rates.paid_week)
    leads = headcount / rates.span if rates.span else np.zeros_like(headcount)
    management_fte = headcount * rates.managers
    agents_present = np.minimum(headcount, peak * rates.present)
    people = whole(headcount + leads + management_fte)
    seats = np.minimum(people, whole(agents_present + agents_present / rates.span
                                     + management_fte))
    amounts = {"headcount": headcount, "night": headcount * _share(premium_hours, hours),
               "seats": seats, "licences": people if rates.per_user else seats}

    def cost(per: dict[str, np.ndarray]) -> np.ndarray:
        return sum((amounts[basis] * rate for basis, rate in per.items()),
                   np.zeros_like(headcount))

    return _Team(cost(rates.driven), cost(rates.other), headcount, leads)


def _assemble(quotes: list[_Quote], team: _Team | None, retained: np.ndarray,
              zeros: np.ndarray) -> Priced:
    """An option from its signed quotes, its in-house part and the vendor management kept."""
    def summed(pick, dollars: bool | None = None) -> np.ndarray:
        return sum((q.part(pick(q)) for q in quotes
                    if dollars is None or q.dollars == dollars), zeros.copy())

    has_quotes = bool(quotes)
    kept = retained if has_quotes else zeros
    charges = summed(lambda q: q.total - q.fees, False), summed(lambda q: q.total - q.fees, True)
    total = summed(lambda q: q.total) + kept + (team.total if team else zeros)
    return Priced(
        vendor_local=charges[0], vendor_usd=charges[1], retained=kept,
        salary_driven=team.salary_driven if team else zeros,
        other=team.other if team else zeros,
        agents=team.agents if team else zeros, leads=team.leads if team else zeros,
        setup_local=summed(lambda q: q.setup, False), setup_usd=summed(lambda q: q.setup, True),
        exit_local=summed(lambda q: q.leave, False), exit_usd=summed(lambda q: q.leave, True),
        total=total, has_quotes=has_quotes, team=team is not None,
    )


@dataclass(frozen=True)
class _Group:
    """Hours of the week in which the same channels of one team are open (`_groups`).

    `live` and `deferred` are those channels; `columns[i]` the positions, among the open hours
    of the day of `live[i]`, of this group's hours; `days` and `premium` the open days each hour
    stands for in the week and those of them at night or the weekend; `top` the position of the
    busiest hour (`_team` reads the peak seats there), None when the live channels' hourly
    shares are not proportional (a channel whose profile is zero over its open hours is spread
    evenly), so that every hour is looked at."""

    live: tuple[Channel, ...]
    deferred: tuple[Channel, ...]
    columns: tuple[np.ndarray, ...]
    days: np.ndarray
    premium: np.ndarray
    top: int | None


def _groups(channels: list[_Channel], inputs: Inputs) -> list[_Group]:
    """The week's hours gathered by the open channels (see `_Group`).

    Within a group every live channel's traffic follows the same hourly profile, so the hour
    with the most contacts is the busiest for each and, after blending, for the team (see
    `_team`): in-seat agents at an hour are the live agents plus the deferred level less what
    is blended, max(live - fraction, live at the occupancy cap), both rising with the traffic.
    """
    assumptions = inputs.assumptions
    found: dict[tuple[tuple[Channel, ...], tuple[Channel, ...]], dict[int, list[int]]] = {}
    for day in range(DAYS_PER_WEEK):
        for hour in range(HOURS_PER_DAY):
            open_ = [c for c in channels if day < c.weights.days and hour in set(c.hours)]
            if not open_:
                continue
            key = (tuple(c.channel for c in open_ if c.queued),
                   tuple(c.channel for c in open_ if not c.queued))
            found.setdefault(key, {}).setdefault(hour, []).append(day)
    night_start, night_end = assumptions.night_start_hour, assumptions.night_end_hour
    groups = []
    for (live, deferred), hours in found.items():
        ordered = sorted(hours)
        days = np.array([len(hours[h]) for h in ordered], dtype=float)
        premium = np.array([sum(1 for d in hours[h] if _premium(d, h, night_start, night_end,
                                                               assumptions.weekend_days))
                            for h in ordered], dtype=float)
        by_channel = {c.channel: c for c in channels}
        columns = tuple(np.array([list(by_channel[ch].hours).index(h) for h in ordered])
                        for ch in live)
        top: int | None = 0
        if live:
            shares = [by_channel[ch].weights.share[col] for ch, col in zip(live, columns,
                                                                             strict=True)]
            top = int(np.argmax(shares[0]))
            first = shares[0] / max(shares[0].max(), 1e-300)
            if any(not np.allclose(s / max(s.max(), 1e-300), first) for s in shares):
                top = None
        groups.append(_Group(live, deferred, columns, days, premium, top))
    return groups


def _premium(day: int, hour: int, start: int, end: int, weekend_days: int) -> bool:
    night = (hour >= start or hour < end) if start > end else (start <= hour < end)
    return night or day >= DAYS_PER_WEEK - weekend_days
