"""What each way of running customer service costs a year, in the company's currency.

In-house: the fully loaded cost of the agents the staffing stage says are needed, by category, so
the book can show where the money goes (the seed's list: salaries, training, equipment, rent,
maintenance, taxes). Outsourced: each vendor quote priced by its own model on the same workload,
plus what the company keeps to manage the vendor. Choices the sources leave open are made here and
documented on the function that makes them. Everything is a steady-state year: a team already in
place, one contract over the planning horizon, no discounting. `options` assembles these prices
into the options the book compares.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.i18n import N_
from analysis.model import (
    DAYS_PER_WEEK,
    MONTHS_PER_YEAR,
    SECONDS_PER_HOUR,
    WEEKS_PER_YEAR,
    Channel,
    InHouseCosts,
    Inputs,
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
    ("recruitment", N_("Recruitment")),
    ("training", N_("Training")),
    ("equipment", N_("Equipment")),
    ("software", N_("Software")),
    ("rent", N_("Rent")),
    ("overhead", N_("Maintenance and overhead")),
)
"""The in-house cost categories in the order the book lists them: field name, label id."""


@dataclass(frozen=True)
class Volume:
    """The workload of one channel, or of part of its week, that a price applies to."""

    channel: Channel
    weekly_contacts: float
    weekly_workload_hours: float
    weekly_agent_hours: float
    fte: float

    @classmethod
    def of(cls, staffing: ChannelStaffing) -> Volume:
        return cls(
            staffing.channel, staffing.weekly_contacts, staffing.weekly_workload_hours,
            staffing.weekly_agent_hours, staffing.fte,
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
        parts.append(Volume(
            staffing.channel, contacts, contacts * aht_seconds / SECONDS_PER_HOUR,
            agent_hours, staffing.fte * share,
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
    """A year of the in-house team for `channels`, by category (`inhouse_cost` has the rules)."""

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

    @property
    def total(self) -> float:
        return sum(getattr(self, name) for name, _label in INHOUSE_CATEGORIES)

    def breakdown(self) -> pd.DataFrame:
        """One row per category: `category` (field), `label` (message id), `annual`, `share`."""
        frame = pd.DataFrame(
            [(name, label, getattr(self, name)) for name, label in INHOUSE_CATEGORIES],
            columns=["category", "label", "annual"],
        )
        frame["share"] = frame["annual"] / self.total if self.total else 0.0
        return frame


def peak_seats(channels: Sequence[ChannelStaffing]) -> int:
    """Desks needed: the most agents in seat at the same hour of the week, all channels together."""
    per_hour = np.zeros(DAYS_PER_WEEK * HOURS_PER_DAY)
    for c in channels:
        agents = c.column("agents")
        if agents.size:
            np.add.at(per_hour, c.column("day") * HOURS_PER_DAY + c.column("hour"), agents)
    return whole(float(per_hour.max()))


def inhouse_cost(costs: InHouseCosts, channels: Sequence[ChannelStaffing]) -> InHouseCost:
    """The fully loaded annual cost of serving `channels` with the company's own team.

    Rules, each a documented choice:
    - headcount is the channels' total scheduled FTE rounded up once (people are whole);
    - the shift premium is `night_weekend_premium` x salaries x the share of in-seat hours at
      night or weekend; employer on-cost applies to salaries plus premium;
    - team leads are headcount / agents_per_team_lead (fractional: a lead can be shared), paid
      the team-lead salary plus on-cost;
    - recruitment and training are paid for the hires that replace leavers (headcount x
      attrition a year): the team is assumed in place, as for a vendor already running;
    - seats: agents share desks across shifts, so seats are the most agents in seat at once at
      the busiest hour (all channels share one office), never more than the headcount; equipment
      (amortised over `equipment_years`), software, rent and overhead are paid per seat;
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
    seats = min(headcount, peak_seats(channels))
    salaries = headcount * costs.annual_salary
    shift_premium = costs.night_weekend_premium * salaries * premium_share
    team_leads = headcount / costs.agents_per_team_lead if costs.agents_per_team_lead else 0.0
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
        supervision=team_leads * costs.team_lead_salary * (1 + costs.employer_oncost),
        recruitment=hires * costs.recruitment_per_hire,
        training=hires * costs.training_per_hire,
        equipment=seats * costs.equipment_per_seat / costs.equipment_years,
        software=seats * costs.software_per_seat_month * MONTHS_PER_YEAR,
        rent=seats * costs.rent_per_seat_month * MONTHS_PER_YEAR,
        overhead=seats * costs.overhead_per_seat_year,
    )


@dataclass(frozen=True)
class QuoteCost:
    """One quote priced on one volume for a year: usage, the top-up to the minimum, spread fees."""

    quote: VendorQuote
    volume: Volume
    usage: float
    """The annual charge by the pricing model, before the minimum monthly commitment."""
    floor_topup: float
    """What the minimum monthly commitment adds over a year (0 when usage is above it)."""
    fees: float
    """Set-up plus exit fee, spread evenly over the planning horizon."""
    implied_hourly: float | None
    """For a full-commission quote: commission earned per in-seat hour; None otherwise."""
    below_commission_premium: bool
    """The seed's rule is broken: implied hourly < the region's usual rate x (1 + 10%)."""

    @property
    def total(self) -> float:
        return self.usage + self.floor_topup + self.fees


def commission_floor_hourly(quote: VendorQuote, usd_rate: float, reference: Reference) -> float:
    """The least a full-commission vendor should earn an hour (seed 001), in the company's currency.

    The seed says commission should give the call center at least 10-20% over the usual hourly
    rate; "usual" is read as the middle of the quote's region range, and the lenient 10% is used
    so that only quotes clearly below the rule are flagged.
    """
    premium = reference.guide(COMMISSION_PREMIUM).low
    return reference.region(quote.region).mid * usd_rate * (1 + premium)


def quote_cost(
    quote: VendorQuote,
    volume: Volume,
    success_rate: float | None,
    inputs: Inputs,
    floor_hourly: float | None = None,
) -> QuoteCost:
    """Price one quote on one volume for a year.

    - shared per minute: handled minutes x `billed_minutes_factor` x rate;
    - dedicated per hour: in-seat agent hours x rate (the vendor bills the hours its agents are
      logged in for the company, which is what the staffing puts in seat);
    - monthly per agent: the channel's FTE rounded up x rate x 12;
    - commission: contacts x success rate x commission per success;
    - hourly + commission: the dedicated hourly charge plus the commission;
    - the minimum monthly commitment is a floor on each month's usage charge of this quote;
    - set-up and exit fees are paid once per contract; the contract is taken to last the
      planning horizon, so each year carries (set-up + exit) / horizon years.
    `floor_hourly` (see `commission_floor_hourly`) turns on the commission-premium check.
    """
    commission = volume.annual_contacts * (success_rate or 0.0) * quote.commission_per_success
    hourly = volume.agent_hours * quote.rate
    usage = {
        PricingModel.SHARED_PER_MINUTE:
            volume.handled_minutes * inputs.assumptions.billed_minutes_factor * quote.rate,
        PricingModel.DEDICATED_PER_HOUR: hourly,
        PricingModel.MONTHLY_PER_AGENT: whole(volume.fte) * quote.rate * MONTHS_PER_YEAR,
        PricingModel.COMMISSION: commission,
        PricingModel.HOURLY_PLUS_COMMISSION: hourly + commission,
    }[quote.model]
    floor_topup = max(0.0, quote.min_monthly * MONTHS_PER_YEAR - usage)
    implied = None
    if quote.model is PricingModel.COMMISSION and volume.agent_hours:
        implied = commission / volume.agent_hours
    return QuoteCost(
        quote=quote,
        volume=volume,
        usage=usage,
        floor_topup=floor_topup,
        fees=(quote.setup_fee + quote.exit_fee) / inputs.company.horizon_years,
        implied_hourly=implied,
        below_commission_premium=(
            implied is not None and floor_hourly is not None and implied < floor_hourly
        ),
    )


def retained_cost(retained: RetainedManagement, costs: InHouseCosts) -> float:
    """What the company keeps paying to manage any vendor: a manager (with on-cost) and QA."""
    return (
        retained.manager_fte * retained.manager_salary * (1 + costs.employer_oncost)
        + retained.qa_per_month * MONTHS_PER_YEAR
    )
