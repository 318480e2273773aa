"""What each way of running customer service costs a year, in the company's currency.

In-house: the fully loaded cost of the agents the staffing stage says are needed, by category, so
the book can show where the money goes (the seed's list: salaries, training, equipment, rent,
maintenance, taxes), with the management layer above the team leads, trainees' wages, software per
user and desks for everyone on site. Outsourced: each vendor quote priced by its own model and
contract terms (billing basis, night and weekend surcharge, service credits, minimum, fees) on the
same workload, plus what the company keeps to manage the vendor. Choices the sources leave open
are made here and documented on the function that makes them. Everything is a steady-state year: a
team already in place, one contract over the planning horizon, no discounting. `options` assembles
these prices into the options the book compares.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis import erlang
from analysis.i18n import N_
from analysis.model import (
    ACW_SHARE,
    DAYS_PER_WEEK,
    MONTHS_PER_YEAR,
    SECONDS_PER_HOUR,
    WEEKS_PER_YEAR,
    BillingBasis,
    Channel,
    ChannelDemand,
    InHouseCosts,
    Inputs,
    LicenceBasis,
    PricingModel,
    RetainedManagement,
    VendorQuote,
)
from analysis.reference import COMMISSION_PREMIUM, Reference
from analysis.staffing import ChannelStaffing, blend, whole

HOURS_PER_DAY = 24
MINUTES_PER_HOUR = 60

INHOUSE_CATEGORIES = (
    ("salaries", N_("Salaries")),
    ("shift_premium", N_("Night and weekend shift premium")),
    ("oncost", N_("Employer taxes and benefits")),
    ("supervision", N_("Supervision (team leads)")),
    ("operations_management", N_("Operations managers")),
    ("quality", N_("Quality analysts")),
    ("planning", N_("Workforce planners")),
    ("recruitment", N_("Recruitment")),
    ("training", N_("Training")),
    ("trainee_wages", N_("Trainees' wages during training")),
    ("equipment", N_("Equipment")),
    ("software", N_("Software")),
    ("rent", N_("Rent")),
    ("overhead", N_("Maintenance and overhead")),
)
"""The in-house cost categories in the order the book lists them: field name, label id."""


@dataclass(frozen=True)
class Volume:
    """The workload of one channel, or of part of its week, that a price applies to.

    `premium_agent_hours` and `premium_contacts` are the night and weekend part of the week (the
    staffing's `premium` hours), for a vendor's surcharge. `source` is the hour-by-hour staffing
    the volume sums up, when it is a whole channel's: the service level a vendor reaches is
    worked out from it (`expected_service_level`).
    """

    channel: Channel
    weekly_contacts: float
    weekly_workload_hours: float
    weekly_agent_hours: float
    fte: float
    premium_agent_hours: float = 0.0
    premium_contacts: float = 0.0
    source: ChannelStaffing | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, staffing: ChannelStaffing) -> Volume:
        premium = staffing.column("premium").astype(bool)
        return cls(
            staffing.channel, staffing.weekly_contacts, staffing.weekly_workload_hours,
            staffing.weekly_agent_hours, staffing.fte,
            premium_agent_hours=float(staffing.column("agents")[premium].sum()),
            premium_contacts=float(staffing.column("contacts")[premium].sum()),
            source=staffing,
        )

    @property
    def annual_contacts(self) -> float:
        return self.weekly_contacts * WEEKS_PER_YEAR

    @property
    def handled_minutes(self) -> float:
        return self.weekly_workload_hours * MINUTES_PER_HOUR * WEEKS_PER_YEAR

    @property
    def agent_hours(self) -> float:
        return self.weekly_agent_hours * WEEKS_PER_YEAR

    @property
    def workload_hours(self) -> float:
        return self.weekly_workload_hours * WEEKS_PER_YEAR

    @property
    def premium_hours_share(self) -> float:
        """Share of the in-seat hours at night or at the weekend."""
        return _share(self.premium_agent_hours, self.weekly_agent_hours)

    @property
    def premium_contacts_share(self) -> float:
        """Share of the contacts (hence of the handling time) at night or at the weekend."""
        return _share(self.premium_contacts, self.weekly_contacts)


def _share(part: float, whole_: float) -> float:
    return part / whole_ if whole_ else 0.0


def split_by_premium(staffing: ChannelStaffing, aht_seconds: float) -> tuple[Volume, Volume]:
    """The channel's business hours and its night/weekend hours, as two volumes.

    Uses the staffing's hourly rows (`premium` marks night or weekend hours). FTE is split in
    proportion to in-seat hours, since scheduled staff follow the hours they cover.
    """
    premium = staffing.column("premium").astype(bool)
    all_contacts, all_agents = staffing.column("contacts"), staffing.column("agents")
    parts = []
    for part in (~premium, premium):
        contacts = float(all_contacts[part].sum())
        agent_hours = float(all_agents[part].sum())
        share = agent_hours / staffing.weekly_agent_hours if staffing.weekly_agent_hours else 0.0
        premium_part = len(parts) == 1
        parts.append(Volume(
            staffing.channel, contacts, contacts * aht_seconds / SECONDS_PER_HOUR,
            agent_hours, staffing.fte * share,
            premium_agent_hours=agent_hours if premium_part else 0.0,
            premium_contacts=contacts if premium_part else 0.0,
        ))
    return parts[0], parts[1]


def _per(amount: float, quantity: float) -> float:
    return amount / quantity if quantity else math.nan


class UnitCosts:
    """Cost per contact and per handled minute, for any record with a yearly `total`."""

    total: float
    annual_contacts: float
    handled_minutes: float

    @property
    def per_contact(self) -> float:
        return _per(self.total, self.annual_contacts)

    @property
    def per_handled_minute(self) -> float:
        return _per(self.total, self.handled_minutes)


@dataclass(frozen=True)
class InHouseCost(UnitCosts):
    """A year of the in-house team for `channels`, by category (`inhouse_cost` has the rules).

    `management_fte` is the operations managers, quality analysts and workforce planners
    together; `licences` the software licences paid for (users or seats, by the workbook).
    """

    channels: tuple[Channel, ...]
    fte: float
    headcount: int
    team_leads: float
    seats: int
    annual_contacts: float
    handled_minutes: float
    salaries: float
    shift_premium: float
    oncost: float
    supervision: float
    recruitment: float
    training: float
    equipment: float
    software: float
    rent: float
    overhead: float
    management_fte: float = 0.0
    licences: int = 0
    operations_management: float = 0.0
    quality: float = 0.0
    planning: float = 0.0
    trainee_wages: float = 0.0

    @property
    def total(self) -> float:
        return sum(getattr(self, name) for name, _label in INHOUSE_CATEGORIES)

    @property
    def people(self) -> float:
        """Everyone the team employs: agents, team leads and the management layer (FTE)."""
        return self.headcount + self.team_leads + self.management_fte

    def breakdown(self) -> pd.DataFrame:
        """One row per category: `category` (field), `label` (message id), `annual`, `share`."""
        frame = pd.DataFrame(
            [(name, label, getattr(self, name)) for name, label in INHOUSE_CATEGORIES],
            columns=["category", "label", "annual"],
        )
        frame["share"] = frame["annual"] / self.total if self.total else 0.0
        return frame


def peak_in_seat(channels: Sequence[ChannelStaffing]) -> float:
    """The most agents in seat at the same hour of the week, all channels together."""
    per_hour = np.zeros(DAYS_PER_WEEK * HOURS_PER_DAY)
    for c in channels:
        agents = c.column("agents")
        if agents.size:
            np.add.at(per_hour, c.column("day") * HOURS_PER_DAY + c.column("hour"), agents)
    return float(per_hour.max())


def peak_seats(channels: Sequence[ChannelStaffing]) -> int:
    """The most agents in seat at once, rounded up to whole desks."""
    return whole(peak_in_seat(channels))


def present_per_in_seat(costs: InHouseCosts) -> float:
    """People on site for each agent in seat: in seat, or on site off the phones.

    Of an agent's paid time, 1 - shrinkage is in seat and `onsite_shrinkage` (at most the
    shrinkage) is on site but away from the phones (breaks, coaching, meetings); the rest of the
    shrinkage (leave, sickness) is away. So (1 - s + o) / (1 - s) agents are present per agent
    in seat: 1.23 at 35% shrinkage of which 15% on site.
    """
    onsite = min(costs.onsite_shrinkage, costs.shrinkage)
    return 1 + onsite / (1 - costs.shrinkage)


def inhouse_cost(costs: InHouseCosts, channels: Sequence[ChannelStaffing]) -> InHouseCost:
    """The fully loaded annual cost of serving `channels` with the company's own team.

    Rules, each a documented choice:
    - headcount is the channels' total scheduled FTE rounded up once (people are whole);
    - the shift premium is `night_weekend_premium` x salaries x the share of in-seat hours at
      night or weekend; employer on-cost applies to salaries plus premium;
    - team leads are headcount / agents_per_team_lead (fractional: a lead can be shared), paid
      the team-lead salary plus on-cost; operations managers, quality analysts and workforce
      planners the same way, each per its own number of agents and at its own salary
      (`InHouseCosts.manager_salaries`);
    - recruitment and training are paid for the hires that replace leavers (headcount x
      attrition a year): the team is assumed in place, as for a vendor already running; each
      hire is also paid, with on-cost, for `training_weeks` before taking contacts;
    - seats: people share desks across shifts, so seats are the most people on site at once:
      the busiest hour's agents in seat (all channels share one office) with those on breaks,
      coaching or meetings (`present_per_in_seat`, never more than the headcount), their team
      leads, and the management layer (day staff with desks of their own); equipment (amortised
      over `equipment_years`), rent and overhead are paid per seat;
    - software is paid per licence: every user (agents, team leads, management) by default, or
      every seat when the workbook says so;
    - one team: a deferred channel's fraction of an agent in an hour is worked in the live
      channels' idle time then (`staffing.blend`).
    """
    channels = blend(channels)
    fte = sum(c.fte for c in channels)
    headcount = whole(fte)
    agent_hours = sum(c.weekly_agent_hours for c in channels)
    premium_share = (
        sum(c.premium_share * c.weekly_agent_hours for c in channels) / agent_hours
        if agent_hours else 0.0
    )
    salaries = headcount * costs.annual_salary
    shift_premium = costs.night_weekend_premium * salaries * premium_share
    loaded = 1 + costs.employer_oncost
    team_leads = headcount / costs.agents_per_team_lead if costs.agents_per_team_lead else 0.0
    spans = (costs.agents_per_operations_manager, costs.agents_per_quality_analyst,
             costs.agents_per_planner)
    managers = [headcount / span if span else 0.0 for span in spans]
    management = [n * pay * loaded for n, pay in zip(managers, costs.manager_salaries,
                                                      strict=True)]
    management_fte = sum(managers)
    agents_present = min(float(headcount), peak_in_seat(channels) * present_per_in_seat(costs))
    leads_present = agents_present / costs.agents_per_team_lead
    people = headcount + team_leads + management_fte
    seats = min(whole(people), whole(agents_present + leads_present + management_fte))
    licences = whole(people) if costs.software_licences is LicenceBasis.PER_USER else seats
    hires = headcount * costs.attrition
    volume = [Volume.of(c) for c in channels]
    return InHouseCost(
        channels=tuple(c.channel for c in channels),
        fte=fte,
        headcount=headcount,
        team_leads=team_leads,
        seats=seats,
        annual_contacts=sum(v.annual_contacts for v in volume),
        handled_minutes=sum(v.handled_minutes for v in volume),
        salaries=salaries,
        shift_premium=shift_premium,
        oncost=costs.employer_oncost * (salaries + shift_premium),
        supervision=team_leads * costs.team_lead_salary * loaded,
        recruitment=hires * costs.recruitment_per_hire,
        training=hires * costs.training_per_hire,
        equipment=seats * costs.equipment_per_seat / costs.equipment_years,
        software=licences * costs.software_per_seat_month * MONTHS_PER_YEAR,
        rent=seats * costs.rent_per_seat_month * MONTHS_PER_YEAR,
        overhead=seats * costs.overhead_per_seat_year,
        management_fte=management_fte,
        licences=licences,
        operations_management=management[0],
        quality=management[1],
        planning=management[2],
        trainee_wages=hires * costs.training_weeks / WEEKS_PER_YEAR * costs.annual_salary * loaded,
    )


HOUR_BASES = frozenset({BillingBasis.IN_SEAT, BillingBasis.PAID, BillingBasis.PRODUCTIVE})
BILLED_UNITS = {
    PricingModel.SHARED_PER_MINUTE: "minute",
    PricingModel.DEDICATED_PER_HOUR: "hour",
    PricingModel.HOURLY_PLUS_COMMISSION: "hour",
    PricingModel.MONTHLY_PER_AGENT: "agent_month",
    PricingModel.PER_TRANSACTION: "contact",
    PricingModel.PER_OUTCOME: "resolved_contact",
    PricingModel.COMMISSION: "success",
}
"""What one unit of a model's price buys: the unit of `QuoteCost.billed`."""


@dataclass(frozen=True)
class QuoteCost:
    """One quote priced on one volume for a year (`quote_cost` has the rules).

    total = usage + surcharge + floor top-up + service adjustment + fees.
    """

    quote: VendorQuote
    volume: Volume
    billed: float
    """What the price is multiplied by in a year, in `BILLED_UNITS[quote.model]`: hours on the
    quote's billing basis, minutes, agent-months, contacts, resolved contacts or successes."""
    usage: float
    """The annual charge by the pricing model and billing basis, commission included, before the
    surcharge and the minimum monthly commitment."""
    surcharge: float
    """The night and weekend surcharge on the part of the charge that falls in those hours."""
    floor_topup: float
    """What the minimum monthly commitment adds over a year (0 when the charges are above it)."""
    service_adjustment: float
    """A bonus for service above the contract target (positive) or a credit for service below
    it (negative); 0 without such terms."""
    fees: float
    """Set-up plus exit fee, spread evenly over the planning horizon."""
    expected_service_level: float | None
    """The service level the vendor is expected to reach (`expected_service_level`), when the
    contract has service credits or a planned level; None otherwise."""
    target_service_level: float | None
    """The contract's service-level target (`contract_target`)."""
    implied_hourly: float | None
    """For a full-commission quote: commission earned per in-seat hour; None otherwise."""
    below_commission_premium: bool
    """The seed's rule is broken: implied hourly < the region's usual rate x (1 + 10%)."""

    @property
    def total(self) -> float:
        return (self.usage + self.surcharge + self.floor_topup + self.service_adjustment
                + self.fees)

    @property
    def basis(self) -> BillingBasis | None:
        return self.quote.basis

    @property
    def unit(self) -> str:
        return BILLED_UNITS[self.quote.model]


def commission_floor_hourly(quote: VendorQuote, usd_rate: float, reference: Reference) -> float:
    """The least a full-commission vendor should earn an hour (seed 001), in the company's currency.

    The seed says commission should give the call center at least 10-20% over the usual hourly
    rate; "usual" is read as the middle of the quote's region range, and the lenient 10% is used
    so that only quotes clearly below the rule are flagged.
    """
    premium = reference.guide(COMMISSION_PREMIUM).low
    return reference.region(quote.region).mid * usd_rate * (1 + premium)


def demand_of(inputs: Inputs, channel: Channel) -> ChannelDemand | None:
    return next((d for d in inputs.demand if d.channel is channel), None)


def vendor_shrinkage(quote: VendorQuote, inputs: Inputs) -> float:
    """The vendor's shrinkage: the quote's own, or else the company's."""
    return inputs.inhouse.shrinkage if quote.vendor_shrinkage is None else quote.vendor_shrinkage


def monthly_agents(quote: VendorQuote, volume: Volume, inputs: Inputs) -> int:
    """Whole agents a monthly-per-agent vendor needs: the week's in-seat hours over what one
    agent on the contract's hours is in seat, `contract_hours_week` x (1 - vendor shrinkage)."""
    in_seat = quote.contract_hours_week * (1 - vendor_shrinkage(quote, inputs))
    return whole(volume.weekly_agent_hours / in_seat) if in_seat > 0 else 0


def billed_quantity(quote: VendorQuote, volume: Volume, success_rate: float | None,
                    inputs: Inputs) -> float:
    """What the quote's price is multiplied by in a year (unit: `BILLED_UNITS`).

    - hours (dedicated, hourly + commission): in-seat hours; paid hours, in-seat / (1 - the
      vendor's shrinkage); or productive hours, contacts x AHT;
    - minutes (shared): the full handling time, or talk time only (handling time x (1 - the
      channel's after-call-work share)), either x `billed_minutes_factor` (rounding up);
    - agent-months (monthly per agent): `monthly_agents` x 12;
    - contacts (per transaction); resolved contacts (per outcome): contacts x resolution rate;
    - successes (commission): contacts x success rate.
    """
    model, basis = quote.model, quote.basis
    if basis is BillingBasis.IN_SEAT:
        return volume.agent_hours
    if basis is BillingBasis.PAID:
        return volume.agent_hours / (1 - vendor_shrinkage(quote, inputs))
    if basis is BillingBasis.PRODUCTIVE:
        return volume.workload_hours
    if model is PricingModel.SHARED_PER_MINUTE:
        demand = demand_of(inputs, volume.channel)
        talk = 1 - (demand.acw_share if demand is not None else ACW_SHARE)
        share = talk if basis is BillingBasis.TALK else 1.0
        return volume.handled_minutes * share * inputs.assumptions.billed_minutes_factor
    if model is PricingModel.MONTHLY_PER_AGENT:
        return monthly_agents(quote, volume, inputs) * MONTHS_PER_YEAR
    if model is PricingModel.PER_OUTCOME:
        return volume.annual_contacts * quote.resolution_rate
    if model is PricingModel.COMMISSION:
        return volume.annual_contacts * (success_rate or 0.0)
    return volume.annual_contacts


def paid_in_seat_ratio(quote: VendorQuote, volume: Volume, inputs: Inputs) -> float | None:
    """In-seat hours the price pays the vendor to staff, per in-seat hour the workload needs.

    1 for in-seat and paid hours (paid hours x (1 - vendor shrinkage) are the in-seat hours);
    handling / in-seat hours for productive hours, which pay for no waiting between contacts;
    for monthly agents, their in-seat hours (agents x contract hours x (1 - vendor shrinkage))
    over those needed. None when the price buys no hours (per minute, per contact, commission):
    the vendor staffs as it sees fit.
    """
    if not volume.weekly_agent_hours:
        return None
    basis = quote.basis
    if basis in (BillingBasis.IN_SEAT, BillingBasis.PAID):
        return 1.0
    if basis is BillingBasis.PRODUCTIVE:
        return volume.weekly_workload_hours / volume.weekly_agent_hours
    if quote.model is PricingModel.MONTHLY_PER_AGENT:
        weekly = (monthly_agents(quote, volume, inputs) * quote.contract_hours_week
                  * (1 - vendor_shrinkage(quote, inputs)))
        return weekly / volume.weekly_agent_hours
    return None


def expected_service_level(quote: VendorQuote, volume: Volume, inputs: Inputs) -> float | None:
    """The service level the vendor is expected to reach on this volume.

    The quote's planned level when the workbook gives one. Otherwise derived from the staffing
    the vendor is paid for: each hour's agents (the staffing's) x `paid_in_seat_ratio`, rounded
    down to whole agents, give by Erlang C the share of contacts answered within the channel's
    answer target, weighted by contacts over the week. A backlog channel (email, social,
    outbound) answers within its response time the share of its work the paid hours cover (at
    most all of it). None when nothing can be derived (a price that buys no hours, or a volume
    that is not a whole channel's).
    """
    if quote.planned_service_level is not None:
        return quote.planned_service_level
    ratio = paid_in_seat_ratio(quote, volume, inputs)
    demand = demand_of(inputs, volume.channel)
    if ratio is None or demand is None:
        return None
    if not volume.channel.is_queued:
        return min(1.0, ratio)
    if volume.source is None:
        return None
    contacts = volume.source.column("contacts")
    agents = np.floor(volume.source.column("agents") * ratio + 1e-9).astype(np.int64)
    traffic = erlang.traffic_erlangs(contacts, demand.aht_seconds, SECONDS_PER_HOUR)
    level = erlang.service_level(agents, traffic, demand.aht_seconds, demand.target_seconds)
    busy = contacts > 0
    total = float(contacts[busy].sum())
    return float(np.sum(level[busy] * contacts[busy]) / total) if total else None


def contract_target(quote: VendorQuote, inputs: Inputs) -> float | None:
    """The contract's service-level target: the quote's own, or the channel's (live queues)."""
    if quote.sla_target is not None:
        return quote.sla_target
    demand = demand_of(inputs, quote.channel)
    return demand.service_level if demand is not None else None


def service_adjustment(quote: VendorQuote, charges: float, expected: float | None,
                       target: float | None) -> float:
    """Bonus (+) or credit (-) for the service level: per point above or below the target, a
    share of the charges, capped at `credit_cap` of them either way. 0 without both levels."""
    if expected is None or target is None:
        return 0.0
    points = (expected - target) * 100
    per_point = quote.bonus_per_point if points > 0 else quote.credit_per_point
    share = max(-quote.credit_cap, min(quote.credit_cap, per_point * points))
    return charges * share


def quote_cost(
    quote: VendorQuote,
    volume: Volume,
    success_rate: float | None,
    inputs: Inputs,
    floor_hourly: float | None = None,
) -> QuoteCost:
    """Price one quote on one volume for a year.

    - the charge is `billed_quantity` x rate (commission: successes x commission per success;
      hourly + commission: both). The default billing bases are in-seat hours for hourly prices
      (the "production hour" of logged-in time, the most common payment model in customer
      service outsourcing according to COPC Inc.) and the full handling time for per-minute
      prices (what the model has always billed);
    - the night and weekend surcharge applies to the part of the charge (commission aside) that
      falls in the staffing's premium hours: by in-seat hours for hourly, paid and monthly
      billing, by contacts for the others;
    - the minimum monthly commitment is a floor on each month's charges of this quote;
    - service credits and bonuses (`service_adjustment`) apply to the charges after the floor,
      at the service level the vendor is expected to reach (`expected_service_level`), when the
      quote has such terms;
    - set-up and exit fees are paid once per contract; the contract is taken to last the
      planning horizon, so each year carries (set-up + exit) / horizon years. Today's vendor
      has been set up already: its quotes carry the exit fee only (`setup_fee_due`).
    `floor_hourly` (see `commission_floor_hourly`) turns on the commission-premium check.
    """
    billed = billed_quantity(quote, volume, success_rate, inputs)
    commission_model = quote.model in (PricingModel.COMMISSION,
                                       PricingModel.HOURLY_PLUS_COMMISSION)
    commission = (volume.annual_contacts * (success_rate or 0.0) * quote.commission_per_success
                  if commission_model else 0.0)
    priced = 0.0 if quote.model is PricingModel.COMMISSION else billed * quote.rate
    usage = priced + commission
    by_hours = quote.basis in (BillingBasis.IN_SEAT, BillingBasis.PAID) or (
        quote.model is PricingModel.MONTHLY_PER_AGENT)
    premium = volume.premium_hours_share if by_hours else volume.premium_contacts_share
    surcharge = priced * quote.night_weekend_surcharge * premium
    floor_topup = max(0.0, quote.min_monthly * MONTHS_PER_YEAR - usage - surcharge)
    terms = quote.credit_per_point or quote.bonus_per_point
    expected = (expected_service_level(quote, volume, inputs)
                if terms or quote.planned_service_level is not None else None)
    target = contract_target(quote, inputs)
    implied = None
    if quote.model is PricingModel.COMMISSION and volume.agent_hours:
        implied = commission / volume.agent_hours
    return QuoteCost(
        quote=quote,
        volume=volume,
        billed=billed,
        usage=usage,
        surcharge=surcharge,
        floor_topup=floor_topup,
        service_adjustment=service_adjustment(quote, usage + surcharge + floor_topup, expected,
                                              target) if terms else 0.0,
        fees=(setup_fee_due(quote, inputs) + quote.exit_fee) / inputs.company.horizon_years,
        expected_service_level=expected,
        target_service_level=target,
        implied_hourly=implied,
        below_commission_premium=(
            implied is not None and floor_hourly is not None and implied < floor_hourly
        ),
    )


def setup_fee_due(quote: VendorQuote, inputs: Inputs) -> float:
    """The set-up fee staying with (or moving to) this quote's vendor would cost: none for
    today's vendor (Years B4), which was set up when its contract began; the quote's fee for any
    other vendor. Company currency, as the quote's amounts."""
    return 0.0 if quote.vendor == inputs.years.current_vendor else quote.setup_fee


def retained_cost(retained: RetainedManagement, costs: InHouseCosts) -> float:
    """What the company keeps paying to manage any vendor: a manager (with on-cost) and QA."""
    return (
        retained.manager_fte * retained.manager_salary * (1 + costs.employer_oncost)
        + retained.qa_per_month * MONTHS_PER_YEAR
    )
