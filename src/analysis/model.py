"""The company's inputs, as plain immutable records.

The loader turns a workbook into these; every analysis function takes them and
returns new data. Money is always in the company's currency; percentages are
fractions (0.3, not 30); times carry their unit in the field name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Channel(StrEnum):
    INBOUND_PHONE = "inbound_phone"
    OUTBOUND_PHONE = "outbound_phone"
    EMAIL = "email"
    CHAT = "chat"
    SOCIAL = "social"

    @property
    def is_queued(self) -> bool:
        """Phone and chat wait in a live queue (Erlang C); email, social and outbound don't."""
        return self in (Channel.INBOUND_PHONE, Channel.CHAT)

    @property
    def is_live(self) -> bool:
        """A conversation with talk (or chat) time and after-call work: phone and chat."""
        return self in (Channel.INBOUND_PHONE, Channel.OUTBOUND_PHONE, Channel.CHAT)


class BillingBasis(StrEnum):
    """What a vendor's hourly or per-minute price is multiplied by (`costs.quote_cost`)."""

    IN_SEAT = "in_seat_hours"
    """The hours agents are logged in for the company, idle time included (the staffing's
    in-seat hours): the common "production hour"."""
    PAID = "paid_hours"
    """Scheduled, paid hours: in-seat hours / (1 - the vendor's shrinkage)."""
    PRODUCTIVE = "productive_hours"
    """Handling hours only: contacts x AHT."""
    HANDLING = "handling_time"
    """Per minute: the full handling time (talk, hold and after-call work)."""
    TALK = "talk_time"
    """Per minute: talk and hold time only, without the after-call work."""


class PricingModel(StrEnum):
    SHARED_PER_MINUTE = "shared_per_minute"
    DEDICATED_PER_HOUR = "dedicated_per_hour"
    MONTHLY_PER_AGENT = "monthly_per_agent"
    COMMISSION = "commission"
    HOURLY_PLUS_COMMISSION = "hourly_plus_commission"
    PER_TRANSACTION = "per_transaction"
    """A price per handled contact."""
    PER_OUTCOME = "per_outcome"
    """A price per resolved contact: handled contacts x the resolution rate."""

    @property
    def bases(self) -> tuple[BillingBasis, ...]:
        """The billing bases a quote of this model may name; the first is the default."""
        if self in (PricingModel.DEDICATED_PER_HOUR, PricingModel.HOURLY_PLUS_COMMISSION):
            return (BillingBasis.IN_SEAT, BillingBasis.PAID, BillingBasis.PRODUCTIVE)
        if self is PricingModel.SHARED_PER_MINUTE:
            return (BillingBasis.HANDLING, BillingBasis.TALK)
        return ()


class LicenceBasis(StrEnum):
    """Who needs a software licence in-house: every user (agents, team leads, managers) or
    every desk."""

    PER_USER = "per_user"
    PER_SEAT = "per_seat"


WEEKS_PER_YEAR = 52
WEEKS_PER_MONTH = WEEKS_PER_YEAR / 12
MONTHS_PER_YEAR = 12
DAYS_PER_WEEK = 7
SECONDS_PER_HOUR = 3600

CONTRACT_HOURS_WEEK = 40.0
"""A vendor agent's contractual hours a week when the quote does not say: the forty-hour week of
ILO Convention C047 (1935), the usual full-time week in the vendors' markets."""
ACW_SHARE = 0.15
"""After-call work as a share of handling time when the workbook does not say (assumption:
wrap-up commonly takes 10-20% of a call's or chat's handling time; no source document gives a
figure)."""
CREDIT_CAP = 0.10
"""Service credits and bonuses are capped at this share of the charges when the quote does not
say (assumption: the "at-risk amount" of outsourcing contracts is commonly 5-15% of the fees)."""
RESOLUTION_RATE = 0.70
"""Share of handled contacts a per-outcome vendor resolves when the quote does not say
(assumption: about 70% first-contact resolution is the commonly cited contact-centre
average)."""


@dataclass(frozen=True)
class Hours:
    """When a channel is staffed: the first `days_per_week` days of the week, open-close."""

    days_per_week: int
    open_hour: int
    close_hour: int

    @property
    def is_24_7(self) -> bool:
        return self.days_per_week == 7 and self.open_hour == 0 and self.close_hour == 24

    @property
    def hours_per_day(self) -> int:
        return self.close_hour - self.open_hour

    @property
    def hours_per_week(self) -> int:
        return self.days_per_week * self.hours_per_day


@dataclass(frozen=True)
class Company:
    name: str
    currency: str
    usd_rate: float
    """Units of the company's currency for one US dollar (reference prices are in USD)."""
    hours: Hours
    horizon_years: int
    report_date: dt.date | None = None
    """The date the figures stand for (Company B12), else the date stored in the workbook file
    when it was last saved; None when neither says (never the clock's date: the same workbook
    gives the same book)."""
    date_from_file: bool = False
    """`report_date` came from the file's properties, not from Company B12."""
    customer_language: str | None = None
    """Customers' main language (`workbook.format.LANGUAGE_CHOICES`); None when not stated."""
    complexity: str = "mixed"
    """"routine", "mixed" or "complex" (`workbook.format.COMPLEXITY_CHOICES`)."""


@dataclass(frozen=True)
class ChannelDemand:
    """One channel's workload and service target.

    `monthly_contacts` is always resolved; when the workbook gave customers and a
    contact rate instead, those are kept so the book can show the derivation.
    Queued channels use `service_level` within `target_seconds`; the others are
    answered within `target_seconds` too (a response-time target in seconds).
    """

    channel: Channel
    monthly_contacts: float
    aht_seconds: float
    target_seconds: float
    service_level: float | None
    hours: Hours
    customers: float | None = None
    contacts_per_customer: float | None = None
    success_rate: float | None = None
    """Share of outbound contacts that earn a commission (a sale, a booked appointment)."""
    acw_share: float = ACW_SHARE
    """After-call work as a share of AHT (live channels): what talk-time billing leaves out."""
    patience_seconds: float | None = None
    """Queued channels: callers' mean patience before hanging up (Erlang A); None: nobody does
    (Erlang C)."""
    chats_per_agent: int = 1
    """Chat: conversations one agent handles at the same time."""
    aht_growth_per_chat: float = 0.0
    """Chat: how much longer each chat takes per extra concurrent chat, a fraction: at `c` chats
    per agent a chat takes `aht_seconds x (1 + growth x (c - 1))` (`aht_seconds` is a chat
    handled alone)."""

    @property
    def slot_aht_seconds(self) -> float:
        """Handling time of one contact at the channel's concurrency (AHT for everything but a
        chat handled alongside others)."""
        return self.aht_seconds * (1 + self.aht_growth_per_chat * (self.chats_per_agent - 1))


@dataclass(frozen=True)
class InHouseCosts:
    annual_salary: float
    employer_oncost: float
    night_weekend_premium: float
    agents_per_team_lead: float
    team_lead_salary: float
    recruitment_per_hire: float
    attrition: float
    training_per_hire: float
    equipment_per_seat: float
    equipment_years: float
    software_per_seat_month: float
    rent_per_seat_month: float
    overhead_per_seat_year: float
    paid_hours_per_fte_year: float
    shrinkage: float
    max_occupancy: float
    agents_per_operations_manager: float = 75.0
    """Assumption: one operations manager over five or six team leads of 12-15 agents."""
    operations_manager_salary: float | None = None
    """None: 1.5 x the team-lead salary (assumption)."""
    agents_per_quality_analyst: float = 25.0
    """Assumption: one quality analyst reviewing the contacts of 20-30 agents."""
    quality_analyst_salary: float | None = None
    """None: the team-lead salary (assumption)."""
    agents_per_planner: float = 75.0
    """Assumption: one workforce planner (forecasting and scheduling) per 50-100 agents."""
    planner_salary: float | None = None
    """None: the team-lead salary (assumption)."""
    training_weeks: float = 4.0
    """Weeks a new hire is paid while in training, before taking contacts (assumption: new-hire
    training in contact centres commonly runs two to six weeks)."""
    software_licences: LicenceBasis = LicenceBasis.PER_USER
    """Contact-centre and help-desk software is sold per named user, so by default every agent,
    team lead and manager needs a licence."""
    onsite_shrinkage: float = 0.15
    """Share of paid time spent on site but off the phones (breaks, coaching, meetings): those
    people need a desk too (assumption: two breaks, coaching and a meeting, about 15%)."""

    @property
    def manager_salaries(self) -> tuple[float, float, float]:
        """Operations manager, quality analyst and planner salaries, defaults resolved."""
        lead = self.team_lead_salary
        return (
            1.5 * lead if self.operations_manager_salary is None
            else self.operations_manager_salary,
            lead if self.quality_analyst_salary is None else self.quality_analyst_salary,
            lead if self.planner_salary is None else self.planner_salary,
        )


@dataclass(frozen=True)
class VendorQuote:
    """One vendor's price for one channel, converted to the company's currency."""

    vendor: str
    region: str
    channel: Channel
    model: PricingModel
    rate: float
    """Per handled minute, per staffed hour or per agent-month, by `model`."""
    commission_per_success: float
    min_monthly: float
    setup_fee: float
    exit_fee: float
    currency: str | None = None
    """The currency the vendor quoted in (amounts above are already converted); None means the
    company's own. A price quoted in another currency (US dollars) follows the exchange rate over
    the years."""
    billing_basis: BillingBasis | None = None
    """None: the model's default (`basis`)."""
    vendor_shrinkage: float | None = None
    """The vendor's shrinkage, for paid-hour billing and monthly agents; None: the company's."""
    contract_hours_week: float = CONTRACT_HOURS_WEEK
    """A monthly agent's contractual hours a week."""
    night_weekend_surcharge: float = 0.0
    """Extra share of the price on the night and weekend part of the work."""
    sla_target: float | None = None
    """The contract's service-level target; None: the channel's own target."""
    planned_service_level: float | None = None
    """The service level the vendor is expected to reach; None: derived from what it is paid
    to staff (`costs.expected_service_level`)."""
    credit_per_point: float = 0.0
    """Share of the charges credited back per point of service level below the target."""
    bonus_per_point: float = 0.0
    """Share of the charges added per point of service level above the target."""
    credit_cap: float = CREDIT_CAP
    """Credits and bonuses never exceed this share of the charges."""
    resolution_rate: float = RESOLUTION_RATE
    """Per-outcome pricing: the share of handled contacts that count as resolved."""

    @property
    def basis(self) -> BillingBasis | None:
        """The billing basis in force: the quote's own, or its model's default; None for
        models billed per agent, per contact or by commission."""
        if self.billing_basis is not None:
            return self.billing_basis
        return self.model.bases[0] if self.model.bases else None


@dataclass(frozen=True)
class RetainedManagement:
    """What stays in-house to manage any vendor: a vendor manager and quality checks."""

    manager_fte: float
    manager_salary: float
    qa_per_month: float


@dataclass(frozen=True)
class Assumptions:
    """Documented defaults the workbook's Assumptions sheet can override."""

    hourly_profile: tuple[float, ...] = (
        0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 0.8, 2.0, 4.5, 6.5, 7.2, 7.3,
        6.8, 6.9, 7.0, 6.9, 6.5, 5.9, 5.2, 4.6, 3.9, 3.0, 1.8, 0.8,
    )
    """Relative contact arrivals by hour of day, 00:00 to 23:00 (typical support curve)."""
    night_start_hour: int = 22
    night_end_hour: int = 6
    weekend_days: int = 2
    """The last `weekend_days` days of a 7-day week earn the premium."""
    billed_minutes_factor: float = 1.0
    """Billed minutes per handled minute for per-minute pricing (vendors round calls up)."""
    dedicated_occupancy: float | None = None
    """Occupancy a dedicated vendor plans for; None means the company's own cap."""
    benchmark_setup_months: float = 1.0
    """A benchmark's set-up fee, in months of its expected charges (assumption: transition,
    recruiting and training at the vendor commonly cost about a month's fees)."""
    benchmark_minimum_share: float = 0.8
    """A benchmark's minimum monthly commitment, as a share of its expected monthly charges
    (assumption: vendors commonly ask for most of the forecast volume to be committed)."""


@dataclass(frozen=True)
class Years:
    """The decision over the planning horizon: what runs today, how prices move, what a change
    of operation costs and when an outsourcing contract would end (the workbook's Years sheet).

    Rates are fractions a year (0.04 = 4%). The defaults keep a steady-state comparison: nothing
    is discounted, nothing moves, a change of operation costs nothing beyond the vendors' fees.
    """

    current_vendor: str | None = None
    """Today's operation: None when the company runs customer service in-house today, else the
    name of the vendor (as on the Quotes sheet) that runs it."""
    current_team: float | None = None
    """Agents (FTE) in-house today; None means the team today's operation needs by the model."""
    discount_rate: float = 0.0
    salary_inflation: float = 0.0
    """Yearly rise of in-house pay (agents, team leads, the retained vendor manager)."""
    vendor_escalation: float = 0.0
    """Yearly rise of vendors' charges (a contract's escalation clause)."""
    usd_rate_change: float = 0.0
    """Yearly change of the exchange rate (company currency per USD); prices quoted in US
    dollars follow it."""
    volume_growth: float = 0.0
    """Yearly growth of every channel's contacts."""
    knowledge_transfer: float = 0.0
    """One-off cost of each change of operation (documentation, training the new team, the
    project), in the company's currency."""
    dual_running_months: int = 0
    """Months in which the old and the new operation both run (and are both paid) at a change."""
    severance_months: float = 0.0
    """Severance per person let go, in months of that person's salary."""
    exit_year: int | None = None
    """The last year under an outsourcing contract: it is left at that year's end and the work
    comes back in-house; None means no exit within the horizon."""


@dataclass(frozen=True)
class InputRange:
    """The range the workbook's Ranges sheet gives one uncertain input: its value lies between
    `low` and `high`, the workbook's own value being the likeliest (`uncertainty` draws it).

    `input` is the input's id (`workbook.ranges`: e.g. "annual_salary", "monthly_contacts:chat",
    "vendor_prices:<vendor name>"). `low` and `high` are in the model's units: fractions for
    percentages, the company's currency for money, and for a vendor's prices a share of what it
    quoted (0.95 = 5% below the quotes).
    """

    input: str
    low: float
    high: float


@dataclass(frozen=True)
class Inputs:
    company: Company
    demand: tuple[ChannelDemand, ...]
    inhouse: InHouseCosts
    quotes: tuple[VendorQuote, ...] = ()
    retained: RetainedManagement = field(
        default_factory=lambda: RetainedManagement(0.0, 0.0, 0.0)
    )
    assumptions: Assumptions = field(default_factory=Assumptions)
    years: Years = field(default_factory=Years)
    ranges: tuple[InputRange, ...] = ()
    """The Ranges sheet's rows; inputs it leaves out get the documented default spreads."""
